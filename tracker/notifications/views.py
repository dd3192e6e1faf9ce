"""The notifications page: what Concord told you, newest first."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select, update

from ..extensions import db
from ..models import Notification, utcnow
from ..permissions import requires

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.route("")
@requires("account.self")
def index():
    notices = db.session.scalars(
        select(Notification)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(200)
    ).all()
    return render_template("notifications/index.html", notices=notices)


@bp.route("/read", methods=["POST"])
@requires("account.self")
def mark_all_read():
    if not FlaskForm().validate_on_submit():
        abort(400)
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    return redirect(url_for("notifications.index"))


@bp.route("/<int:notice_id>")
@requires("account.self")
def open(notice_id: int):  # noqa: A001
    notice = db.session.get(Notification, notice_id)
    if notice is None or notice.user_id != current_user.id:
        abort(404)
    if notice.read_at is None:
        notice.read_at = utcnow()
        db.session.commit()
    return redirect(notice.link or url_for("notifications.index"))
