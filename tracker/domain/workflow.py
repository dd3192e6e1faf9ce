"""Which status may follow which, how the dispute stage moves, and when a file may close.

Status: new → acknowledged → investigating → resolved → closed, with reopen. Decisions:
- new → investigating is allowed (acknowledging implicitly: the app records the
  acknowledgement date), because officers often start at once on the phone;
- acknowledged/investigating → resolved; resolved → closed; resolved → investigating and
  closed → investigating reopen a file; nothing skips straight from new to resolved or
  closed, because that is how complaints get "closed in error" (spec/domain.md).
"""

from __future__ import annotations

from . import vocab

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged", "investigating"),
    "acknowledged": ("investigating", "resolved"),
    "investigating": ("resolved",),
    "resolved": ("closed", "investigating"),
    "closed": ("investigating",),
}
TASK_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("done", "declined", "cancelled"),
    "done": ("open",),
    "declined": ("open", "cancelled"),
    "cancelled": ("open",),
}


class TransitionError(ValueError):
    """A move the rules refuse; the message names what is allowed instead."""


def allowed_transitions(current: str) -> tuple[str, ...]:
    return TRANSITIONS.get(current, ())


def check_transition(current: str, target: str) -> None:
    if target not in vocab.STATUSES:
        raise TransitionError(f"'{target}' is not a status.")
    if target == current:
        raise TransitionError(f"The incident is {current} already.")
    allowed = allowed_transitions(current)
    if target not in allowed:
        raise TransitionError(
            f"An incident that is {current} cannot become {target}; "
            f"it can become {' or '.join(allowed) or 'nothing else'}."
        )


def closing_blockers(
    *, open_tasks: int, response_sent: bool, severity_reassessed: bool, learning: str | None
) -> list[str]:
    """Why a file may not close yet; empty when it may."""
    reasons = []
    if open_tasks:
        reasons.append(
            f"{open_tasks} follow-up task{'s are' if open_tasks != 1 else ' is'} still open."
        )
    if not response_sent:
        reasons.append("Record the date the final response was sent.")
    if not severity_reassessed:
        reasons.append("Re-assess the severity.")
    if not (learning or "").strip():
        reasons.append("Record what was learned and what will change.")
    return reasons


def check_stage_change(current: str, target: str, reason: str | None) -> None:
    """Stages move up the ladder as disputes grow; moving down (de-escalation) is allowed too,
    but every move needs a reason."""
    if target not in vocab.STAGES:
        raise TransitionError(f"'{target}' is not a stage.")
    if target == current:
        raise TransitionError(f"The incident is at the {current} stage already.")
    if not (reason or "").strip():
        raise TransitionError("Say why the stage changed.")


def is_escalation(current: str, target: str) -> bool:
    return vocab.STAGES.index(target) > vocab.STAGES.index(current)


def check_task_transition(current: str, target: str) -> None:
    if target not in vocab.TASK_STATES:
        raise TransitionError(f"'{target}' is not a task state.")
    allowed = TASK_TRANSITIONS.get(current, ())
    if target not in allowed:
        raise TransitionError(
            f"A task that is {current} cannot become {target}; "
            f"it can become {' or '.join(allowed) or 'nothing else'}."
        )
