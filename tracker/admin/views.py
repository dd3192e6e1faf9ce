"""Administration: accounts, the taxonomy, and the audit trail."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select

from .. import audit
from ..extensions import db
from ..models import AuditEvent, Tag, User, utcnow
from ..permissions import requires
from .forms import EditUserForm, RenameTagForm, ResetPasswordForm, TagForm, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.route("/users", methods=["GET", "POST"])
@requires("admin.users")
def users():
    form = UserForm()
    status = 200
    if form.validate_on_submit():
        username = form.username.data.strip()
        if db.session.scalar(select(User).where(func.lower(User.username) == username.lower())):
            form.username.errors.append("That username is taken.")
            status = 422
        else:
            user = User(
                username=username,
                full_name=form.full_name.data.strip(),
                email=form.email.data or None,
                role=form.role.data,
            )
            user.set_password(form.password.data)
            db.session.add(user)
            audit.record("user-created", "user", username, detail=f"role={user.role}")
            db.session.commit()
            flash(f"Account {username} created ({user.role}).", "success")
            return redirect(url_for("admin.users"))
    elif form.is_submitted():
        status = 422
    accounts = db.session.scalars(select(User).order_by(User.active.desc(), User.username)).all()
    return render_template("admin/users.html", form=form, users=accounts), status


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires("admin.users")
def user(user_id: int):
    account = _user_or_404(user_id)
    form = EditUserForm(obj=account) if request.method == "GET" else EditUserForm()
    reset = ResetPasswordForm(prefix="reset", formdata=None)
    status = 200
    if form.validate_on_submit():
        if account.id == current_user.id and form.role.data != "admin":
            form.role.errors.append("You cannot remove your own admin role.")
            status = 422
        else:
            changes = [
                f"{f}: {getattr(account, f)!r} -> {getattr(form, f).data!r}"
                for f in ("full_name", "email", "role")
                if (getattr(account, f) or None) != (getattr(form, f).data or None)
            ]
            account.full_name = form.full_name.data.strip()
            account.email = form.email.data or None
            account.role = form.role.data
            audit.record("user-updated", "user", account.username, detail="; ".join(changes))
            db.session.commit()
            flash(f"Account {account.username} updated.", "success")
            return redirect(url_for("admin.users"))
    elif form.is_submitted():
        status = 422
    return render_template("admin/user.html", account=account, form=form, reset=reset), status


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@requires("admin.users")
def reset_password(user_id: int):
    account = _user_or_404(user_id)
    reset = ResetPasswordForm(prefix="reset")
    if not reset.validate_on_submit():
        return render_template(
            "admin/user.html", account=account, form=EditUserForm(obj=account), reset=reset
        ), 422
    account.set_password(reset.password.data)
    audit.record("password-reset", "user", account.username)
    db.session.commit()
    flash(
        f"Password for {account.username} reset. Tell them to change it at first sign-in.",
        "success",
    )
    return redirect(url_for("admin.user", user_id=account.id))


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@requires("admin.users")
def toggle_active(user_id: int):
    account = _user_or_404(user_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if account.id == current_user.id:
        flash("You cannot deactivate your own account.", "danger")
        return redirect(url_for("admin.user", user_id=account.id))
    account.active = not account.active
    audit.record(
        "user-activated" if account.active else "user-deactivated", "user", account.username
    )
    db.session.commit()
    flash(
        f"Account {account.username} {'reactivated' if account.active else 'deactivated'}.",
        "success",
    )
    return redirect(url_for("admin.users"))


@bp.route("/tags", methods=["GET", "POST"])
@requires("admin.tags")
def tags():
    form = TagForm()
    status = 200
    if form.validate_on_submit():
        if db.session.scalar(select(Tag).where(Tag.slug == form.slug.data)):
            form.slug.errors.append("That slug exists already.")
            status = 422
        else:
            tag = Tag(
                slug=form.slug.data,
                name=form.name.data.strip(),
                domain=form.domain.data,
                description=(form.description.data or "").strip(),
            )
            db.session.add(tag)
            audit.record("tag-created", "tag", tag.slug)
            db.session.commit()
            flash(f"Tag {tag.name} added.", "success")
            return redirect(url_for("admin.tags"))
    elif form.is_submitted():
        status = 422
    all_tags = db.session.scalars(
        select(Tag).order_by(Tag.retired_at.isnot(None), Tag.domain.desc(), Tag.name)
    ).all()
    return render_template("admin/tags.html", form=form, tags=all_tags), status


def _tag_or_404(slug: str) -> Tag:
    tag = db.session.scalar(select(Tag).where(Tag.slug == slug))
    if tag is None:
        abort(404)
    return tag


@bp.route("/tags/<slug>", methods=["GET", "POST"])
@requires("admin.tags")
def tag(slug: str):
    item = _tag_or_404(slug)
    form = RenameTagForm(obj=item) if request.method == "GET" else RenameTagForm()
    if form.validate_on_submit():
        old = item.name
        item.name = form.name.data.strip()
        item.description = (form.description.data or "").strip()
        audit.record("tag-updated", "tag", item.slug, detail=f"name: {old!r} -> {item.name!r}")
        db.session.commit()
        flash(f"Tag {item.slug} saved.", "success")
        return redirect(url_for("admin.tags"))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/tag.html", tag=item, form=form), status


@bp.route("/tags/<slug>/retire", methods=["POST"])
@requires("admin.tags")
def retire_tag(slug: str):
    item = _tag_or_404(slug)
    if not FlaskForm().validate_on_submit():
        abort(400)
    item.retired_at = None if item.retired else utcnow()
    audit.record("tag-retired" if item.retired else "tag-restored", "tag", item.slug)
    db.session.commit()
    flash(
        f"Tag {item.name} {'retired: it stays on old incidents' if item.retired else 'restored'}.",
        "success",
    )
    return redirect(url_for("admin.tags"))


@bp.route("/audit")
@requires("admin.audit")
def audit_log():
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    who = (request.args.get("user") or "").strip()
    obj = (request.args.get("object") or "").strip()
    stmt = select(AuditEvent)
    if who:
        stmt = stmt.join(User, AuditEvent.user_id == User.id).where(User.username == who)
    if obj:
        stmt = stmt.where(AuditEvent.object_id == obj)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    events = db.session.scalars(
        stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(50).offset((page - 1) * 50)
    ).all()
    return render_template(
        "admin/audit.html",
        events=events,
        total=total,
        page=page,
        pages=max(1, -(-total // 50)),
        who=who,
        obj=obj,
    )
