"""The audit trail: who saw and changed what (spec/domain.md: 'no log of what users did')."""

from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from .extensions import db
from .models import AuditEvent


def _user_id():
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def record(
    action: str,
    object_type: str,
    object_id: str | None = None,
    detail: str | None = None,
    *,
    user_id: int | None = None,
    commit: bool = False,
):
    """Add an audit event to the session; the caller's commit makes it permanent with the
    change it describes (so a rolled-back change leaves no audit row claiming it happened)."""
    event = AuditEvent(
        user_id=user_id if user_id is not None else _user_id(),
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=(detail or None) and detail[:2000],
        ip=request.remote_addr if has_request_context() else None,
    )
    db.session.add(event)
    if commit:
        db.session.commit()
    return event


def read(object_type: str, object_id: str, detail: str | None = None):
    """A read of sensitive data, committed at once (reads change nothing else)."""
    return record("read", object_type, object_id, detail, commit=True)
