"""Who may do what: the role x action table, and the one decorator that reads it.

Least privilege (spec/domain.md): admins manage accounts and the taxonomy but do not read
patient records; staff see only the tasks assigned to them, with the incident context the
officer chose to share.
"""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

PERMISSIONS: dict[str, frozenset[str]] = {
    # Incidents and their timeline
    "incident.read": frozenset({"officer", "manager"}),
    "incident.create": frozenset({"officer", "manager"}),
    "incident.edit": frozenset({"officer", "manager"}),
    "incident.import": frozenset({"officer", "manager"}),
    "incident.export": frozenset({"officer", "manager"}),
    # Follow-up tasks
    "task.create": frozenset({"officer", "manager"}),
    "task.work": frozenset({"officer", "manager", "staff", "admin"}),
    # Patterns and oversight
    "dashboard.read": frozenset({"officer", "manager"}),
    "alert.read": frozenset({"officer", "manager"}),
    "alert.act": frozenset({"manager"}),
    "alert.clinician": frozenset({"manager"}),
    "report.read": frozenset({"manager", "officer"}),
    "analysis.run": frozenset({"officer", "manager"}),
    # Administration
    "admin.users": frozenset({"admin"}),
    "admin.tags": frozenset({"admin"}),
    "admin.audit": frozenset({"admin", "manager"}),
    # Every signed-in account
    "account.self": frozenset({"officer", "manager", "staff", "admin"}),
}


def can(role: str | None, action: str) -> bool:
    try:
        return role in PERMISSIONS[action]
    except KeyError:
        raise KeyError(f"unknown action {action!r}: add it to PERMISSIONS") from None


def user_can(action: str) -> bool:
    return bool(current_user.is_authenticated and can(current_user.role, action))


def requires(action: str):
    """Sign-in required (redirect to /login), then the role must hold `action` (else 403)."""
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}: add it to PERMISSIONS")

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            from .extensions import login_manager

            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not can(current_user.role, action):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator


def public(view):
    """Mark a view as reachable without signing in (login page, health, API spec)."""
    view.required_action = None
    return view
