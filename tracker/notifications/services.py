"""In-app notices (the unread badge) — the same notices the reminder e-mails carry."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..models import Notification, User


def notify(
    user: User | int, kind: str, message: str, link: str | None = None, dedup_key: str | None = None
) -> Notification | None:
    """Add a notice for a user; with a dedup_key, the same notice is never added twice."""
    user_id = user if isinstance(user, int) else user.id
    if dedup_key and db.session.scalar(
        select(Notification.id).where(
            Notification.user_id == user_id, Notification.dedup_key == dedup_key
        )
    ):
        return None
    notice = Notification(
        user_id=user_id, kind=kind, message=message, link=link, dedup_key=dedup_key
    )
    db.session.add(notice)
    return notice


def unread_count(user_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )
