"""My tasks, and what an assignee does with a task: complete it or decline it."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..extensions import db
from ..models import Task, User
from ..permissions import can, requires
from . import services
from .forms import CancelForm, DeclineForm, OutcomeForm, ReopenForm

bp = Blueprint("tasks", __name__, url_prefix="/tasks")


def assignable_users():
    return db.session.scalars(
        select(User).where(User.active.is_(True)).order_by(User.full_name)
    ).all()


def _task_or_404(task_id: int) -> Task:
    task = db.session.get(Task, task_id)
    if task is None or not services.visible_to(current_user, task):
        abort(404)
    return task


@bp.route("")
@requires("task.work")
def mine():
    return render_template(
        "tasks/mine.html", groups=services.my_tasks(current_user, date.today()), today=date.today()
    )


def _render(task: Task, status: int = 200, **forms):
    reopen = forms.get("reopen") or ReopenForm(prefix="reopen", formdata=None)
    reopen.assignee.choices = [(str(u.id), f"{u.full_name} ({u.role})") for u in assignable_users()]
    if reopen.assignee.data is None:
        reopen.assignee.data = str(task.assignee_id)
    shared = services.shares_incident_details(current_user, task)
    if shared:
        audit.read("incident", task.incident.reference, detail=f"via task {task.id}")
    return render_template(
        "tasks/detail.html",
        task=task,
        shared=shared,
        today=date.today(),
        outcome_form=forms.get("outcome") or OutcomeForm(prefix="done", formdata=None),
        decline_form=forms.get("decline") or DeclineForm(prefix="decline", formdata=None),
        cancel_form=forms.get("cancel") or CancelForm(prefix="cancel", formdata=None),
        reopen_form=reopen,
        may_manage=can(current_user.role, "task.create"),
    ), status


@bp.route("/<int:task_id>")
@requires("task.work")
def detail(task_id: int):
    return _render(_task_or_404(task_id))


def _apply(task: Task, action, form_name: str, form, success: str):
    if not form.validate_on_submit():
        return _render(task, 422, **{form_name: form})
    try:
        action()
    except services.TaskError as exc:
        db.session.rollback()
        flash(str(exc), "danger")
        return _render(task, 409, **{form_name: form})
    audit.record(f"task-{form_name}", "task", str(task.id), detail=task.incident.reference)
    db.session.commit()
    flash(success, "success")
    return redirect(url_for("tasks.detail", task_id=task.id))


@bp.route("/<int:task_id>/done", methods=["POST"])
@requires("task.work")
def done(task_id: int):
    task = _task_or_404(task_id)
    form = OutcomeForm(prefix="done")
    return _apply(
        task,
        lambda: services.complete(task, user=current_user, outcome=form.outcome.data.strip()),
        "outcome",
        form,
        f"Task done; {task.incident.reference}'s timeline shows the outcome.",
    )


@bp.route("/<int:task_id>/decline", methods=["POST"])
@requires("task.work")
def decline(task_id: int):
    task = _task_or_404(task_id)
    form = DeclineForm(prefix="decline")
    return _apply(
        task,
        lambda: services.decline(task, user=current_user, reason=form.reason.data.strip()),
        "decline",
        form,
        "Task declined; it goes back to the person who set it.",
    )


@bp.route("/<int:task_id>/reopen", methods=["POST"])
@requires("task.create")
def reopen(task_id: int):
    task = _task_or_404(task_id)
    form = ReopenForm(prefix="reopen")
    form.assignee.choices = [(str(u.id), u.full_name) for u in assignable_users()]
    assignee = (
        db.session.get(User, int(form.assignee.data))
        if (form.assignee.data or "").isdigit()
        else None
    )
    if form.validate_on_submit() and form.due_on.data and form.due_on.data < date.today():
        form.due_on.errors.append("The due date has passed already.")
        return _render(task, 422, reopen=form)
    return _apply(
        task,
        lambda: services.reopen(
            task, user=current_user, assignee=assignee, due_on=form.due_on.data
        ),
        "reopen",
        form,
        "Task reopened.",
    )


@bp.route("/<int:task_id>/cancel", methods=["POST"])
@requires("task.create")
def cancel(task_id: int):
    task = _task_or_404(task_id)
    form = CancelForm(prefix="cancel")
    return _apply(
        task,
        lambda: services.cancel(task, user=current_user, reason=form.reason.data.strip()),
        "cancel",
        form,
        "Task cancelled.",
    )
