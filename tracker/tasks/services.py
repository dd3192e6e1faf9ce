"""Follow-up tasks: create, complete, decline, reopen, cancel. Every change lands on the
incident's timeline and tells the people who need to know."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..domain import workflow
from ..extensions import db
from ..models import HistoryEntry, Incident, Task, User, utcnow
from ..notifications.services import notify
from ..permissions import can


class TaskError(ValueError):
    """A change that the task's state does not allow; the message says why."""


def visible_to(user: User, task: Task) -> bool:
    """The assignee, the person who set it, and officers/managers may open a task."""
    return (
        task.assignee_id == user.id
        or task.created_by_id == user.id
        or can(user.role, "incident.read")
    )


def shares_incident_details(user: User, task: Task) -> bool:
    """Staff see the narrative and patient only when the officer chose to share them."""
    return can(user.role, "incident.read") or task.share_details


def _timeline(task: Task, user: User | None, field: str, old, new, note: str | None = None):
    db.session.add(
        HistoryEntry(
            incident=task.incident, user=user, field=field, old_value=old, new_value=new, note=note
        )
    )


def _link(task: Task) -> str:
    # Plain stable paths (spec/interfaces.md): services also run from the CLI, with no request.
    return f"/tasks/{task.id}"


def create_task(
    incident: Incident,
    *,
    user: User,
    title: str,
    assignee: User,
    due_on: date,
    priority: str = "normal",
    details: str = "",
    share_details: bool = False,
    alert_id: int | None = None,
) -> Task:
    task = Task(
        incident=incident,
        title=title,
        details=details,
        assignee=assignee,
        created_by=user,
        due_on=due_on,
        priority=priority,
        share_details=share_details,
        state="open",
        alert_id=alert_id,
    )
    db.session.add(task)
    db.session.flush()
    _timeline(task, user, "task", None, f"{title} → {assignee.full_name}, due {due_on:%d %b %Y}")
    if assignee.id != user.id:
        notify(
            assignee,
            "task-assigned",
            f"{user.full_name} asked you: {title} (due {due_on:%d %b %Y}, {incident.reference}).",
            _link(task),
        )
    return task


def _move(task: Task, target: str) -> None:
    try:
        workflow.check_task_transition(task.state, target)
    except workflow.TransitionError as exc:
        raise TaskError(str(exc)) from None
    task.state = target


def complete(task: Task, *, user: User, outcome: str) -> None:
    if task.assignee_id != user.id and not can(user.role, "task.create"):
        raise TaskError("Only the person the task is assigned to can mark it done.")
    _move(task, "done")
    task.outcome = outcome
    task.completed_at = utcnow()
    _timeline(task, user, "task done", task.title, outcome)
    if task.created_by and task.created_by_id != user.id:
        notify(
            task.created_by,
            "task-done",
            f"{user.full_name} completed \u201c{task.title}\u201d ({task.incident.reference}): {outcome[:200]}",
            f"/incidents/{task.incident.reference}#timeline",
        )


def decline(task: Task, *, user: User, reason: str) -> None:
    if task.assignee_id != user.id:
        raise TaskError("Only the person the task is assigned to can decline it.")
    _move(task, "declined")
    task.decline_reason = reason
    task.completed_at = utcnow()
    _timeline(task, user, "task declined", task.title, reason)
    if task.created_by and task.created_by_id != user.id:
        notify(
            task.created_by,
            "task-declined",
            f"{user.full_name} declined \u201c{task.title}\u201d ({task.incident.reference}): {reason[:200]}",
            _link(task),
        )


def reopen(
    task: Task, *, user: User, assignee: User | None = None, due_on: date | None = None
) -> None:
    _move(task, "open")
    if assignee is not None and assignee.id != task.assignee_id:
        task.assignee = assignee
    if due_on is not None:
        task.due_on = due_on
    task.completed_at = None
    _timeline(
        task,
        user,
        "task reopened",
        task.title,
        f"{task.assignee.full_name}, due {task.due_on:%d %b %Y}",
    )
    if task.assignee_id != user.id:
        notify(
            task.assignee,
            "task-assigned",
            f"{user.full_name} asked you: {task.title} (due {task.due_on:%d %b %Y}, {task.incident.reference}).",
            _link(task),
        )


def cancel(task: Task, *, user: User, reason: str) -> None:
    _move(task, "cancelled")
    task.completed_at = utcnow()
    _timeline(task, user, "task cancelled", task.title, reason)


@dataclass
class MyTasks:
    overdue: list[Task]
    this_week: list[Task]
    later: list[Task]
    declined: list[Task]  # tasks this user set that came back
    recently_done: list[Task]

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.this_week) + len(self.later)


def my_tasks(user: User, today: date) -> MyTasks:
    """Open tasks grouped as the page shows them: overdue, due within 7 days, later."""
    open_tasks = db.session.scalars(
        select(Task)
        .where(Task.assignee_id == user.id, Task.state == "open")
        .order_by(Task.due_on, Task.id)
    ).all()
    week_end = today + timedelta(days=7)
    declined = db.session.scalars(
        select(Task)
        .where(Task.created_by_id == user.id, Task.state == "declined")
        .order_by(Task.completed_at.desc())
    ).all()
    done = db.session.scalars(
        select(Task)
        .where(Task.assignee_id == user.id, Task.state == "done")
        .order_by(Task.completed_at.desc())
        .limit(10)
    ).all()
    return MyTasks(
        overdue=[t for t in open_tasks if t.due_on < today],
        this_week=[t for t in open_tasks if today <= t.due_on <= week_end],
        later=[t for t in open_tasks if t.due_on > week_end],
        declined=list(declined),
        recently_done=list(done),
    )
