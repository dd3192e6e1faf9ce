"""Moving an incident along: status workflow, dispute stage, statutory clocks.

The rules themselves live in tracker.domain.workflow and tracker.domain.deadlines; this
module applies them to stored incidents and records every move on the timeline.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask import current_app
from sqlalchemy import func, select

from ..domain import deadlines, workflow
from ..extensions import db
from ..models import ClockPause, Holiday, Incident, StageChange, Task, User
from .services import record_change


class WorkflowError(ValueError):
    """A move the rules do not allow; the message says why and what is allowed."""


@lru_cache(maxsize=8)
def _bank_holidays(first_year: int, last_year: int) -> frozenset[date]:
    return frozenset(deadlines.england_and_wales_bank_holidays(range(first_year, last_year + 1)))


def calendar(years: tuple[int, int] | None = None) -> deadlines.WorkCalendar:
    """England and Wales bank holidays plus the holidays an admin configured."""
    today = date.today()
    first, last = years or (today.year - 3, today.year + 2)
    extra = frozenset(db.session.scalars(select(Holiday.day)))
    return deadlines.WorkCalendar(holidays=_bank_holidays(first, last) | extra)


def clock(
    incident: Incident, today: date | None = None, cal: deadlines.WorkCalendar | None = None
) -> deadlines.ClockState:
    today = today or date.today()
    cfg = current_app.config
    return deadlines.clock_state(
        incident.reported_on,
        ack_days=cfg["CONCORD_ACK_DAYS"],
        response_days=cfg["CONCORD_RESPONSE_DAYS"],
        calendar=cal or calendar((min(incident.reported_on.year, today.year) - 1, today.year + 2)),
        pauses=[deadlines.Pause(p.start_on, p.end_on, p.reason) for p in incident.pauses],
        acknowledged_on=incident.acknowledged_on,
        responded_on=incident.responded_on,
        today=today,
        due_soon_days=cfg["CONCORD_DUE_SOON_DAYS"],
    )


def open_task_count(incident: Incident) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Task)
            .where(Task.incident_id == incident.id, Task.state == "open")
        )
        or 0
    )


def change_status(
    incident: Incident,
    target: str,
    *,
    user: User | None,
    on: date,
    note: str | None = None,
    learning: str | None = None,
    responded_on: date | None = None,
    severity_reassessed: bool = False,
    severity: str | None = None,
) -> None:
    """Move to `target`; the dates that go with a status are set from `on`."""
    if on < incident.reported_on:
        raise WorkflowError("That date is before the incident was reported.")
    if on > date.today():
        raise WorkflowError("That date is in the future.")
    try:
        workflow.check_transition(incident.status, target)
    except workflow.TransitionError as exc:
        raise WorkflowError(str(exc)) from None
    if target == "closed":
        blockers = workflow.closing_blockers(
            open_tasks=open_task_count(incident),
            response_sent=bool(responded_on or incident.responded_on),
            severity_reassessed=severity_reassessed or incident.severity_reassessed,
            learning=learning if learning is not None else incident.learning,
        )
        if blockers:
            raise WorkflowError("Not ready to close: " + " ".join(blockers))
    old = incident.status
    if target in ("acknowledged", "investigating") and incident.acknowledged_on is None:
        record_change(incident, "acknowledged_on", None, on, user=user)
        incident.acknowledged_on = on
    if target == "resolved":
        record_change(incident, "resolved_on", incident.resolved_on, on, user=user)
        incident.resolved_on = on
    if target == "closed":
        if responded_on and responded_on != incident.responded_on:
            record_change(incident, "responded_on", incident.responded_on, responded_on, user=user)
            incident.responded_on = responded_on
        if severity and severity != incident.severity:
            record_change(
                incident,
                "severity",
                incident.severity,
                severity,
                user=user,
                note="Re-assessed at closing",
            )
            incident.severity = severity
        if learning is not None and learning != incident.learning:
            record_change(incident, "learning", incident.learning, learning, user=user)
            incident.learning = learning
        incident.severity_reassessed = incident.severity_reassessed or severity_reassessed
        incident.closed_on = on
    if old in ("resolved", "closed") and target not in ("resolved", "closed"):
        incident.closed_on = None  # reopened
    record_change(incident, "status", old, target, user=user, note=note)
    incident.status = target


def change_stage(
    incident: Incident, target: str, *, user: User | None, on: date, reason: str
) -> StageChange:
    if on < incident.reported_on:
        raise WorkflowError("That date is before the incident was reported.")
    if on > date.today():
        raise WorkflowError("That date is in the future.")
    try:
        workflow.check_stage_change(incident.stage, target, reason)
    except workflow.TransitionError as exc:
        raise WorkflowError(str(exc)) from None
    change = StageChange(
        incident=incident,
        from_stage=incident.stage,
        to_stage=target,
        changed_on=on,
        reason=reason,
        user=user,
    )
    db.session.add(change)
    incident.stage = target
    return change


def pause_clock(incident: Incident, *, user: User | None, start: date, reason: str) -> ClockPause:
    if any(p.end_on is None for p in incident.pauses):
        raise WorkflowError("The clock is paused already; resume it first.")
    _check_pauses(incident, [(p.start_on, p.end_on) for p in incident.pauses] + [(start, None)])
    pause = ClockPause(
        incident=incident, start_on=start, reason=reason, created_by_id=user.id if user else None
    )
    db.session.add(pause)
    record_change(
        incident, "clock", "running", f"paused from {start:%d %b %Y}", user=user, note=reason
    )
    return pause


def resume_clock(incident: Incident, *, user: User | None, end: date) -> ClockPause:
    open_pauses = [p for p in incident.pauses if p.end_on is None]
    if not open_pauses:
        raise WorkflowError("The clock is not paused.")
    pause = open_pauses[0]
    if end > date.today():
        raise WorkflowError("That date is in the future.")
    _check_pauses(
        incident,
        [(p.start_on, p.end_on) for p in incident.pauses if p is not pause]
        + [(pause.start_on, end)],
    )
    pause.end_on = end
    record_change(
        incident,
        "clock",
        f"paused from {pause.start_on:%d %b %Y}",
        f"running again from {end:%d %b %Y}",
        user=user,
    )
    return pause


def _check_pauses(incident: Incident, spans) -> None:
    try:
        deadlines.validate_pauses(
            incident.reported_on, [deadlines.Pause(start, end, "") for start, end in spans]
        )
    except deadlines.DeadlineError as exc:
        raise WorkflowError(str(exc)) from None
