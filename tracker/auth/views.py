"""Sign in, sign out, and the user's own profile (password, API tokens)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from .. import audit
from ..extensions import db
from ..models import ApiToken, User, utcnow
from ..permissions import public, requires
from .forms import LoginForm, PasswordForm, TokenForm

bp = Blueprint("auth", __name__)


def home_for(user: User) -> str:
    """Where each role starts: staff at their tasks, admins at accounts, others the list."""
    if user.role == "staff":
        return url_for("tasks.mine")
    if user.role == "admin":
        return url_for("admin.users")
    if user.role == "manager":
        return url_for("incidents.list")
    return url_for("incidents.list")


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.username == form.username.data.strip()))
        if user is None or not user.check_password(form.password.data) or not user.active:
            audit.record("login-failed", "user", form.username.data.strip()[:64], commit=True)
            form.password.errors.append("Wrong username or password, or the account is disabled.")
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        user.last_login_at = utcnow()
        audit.record("login", "user", user.username, user_id=user.id)
        db.session.commit()
        return redirect(_safe_next(request.args.get("next")) or home_for(user))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["GET", "POST"])
@public
def logout():
    if current_user.is_authenticated:
        audit.record("logout", "user", current_user.username, commit=True)
        logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/profile", methods=["GET", "POST"])
@requires("account.self")
def profile():
    password_form = PasswordForm(prefix="pw")
    token_form = TokenForm(prefix="tok")
    new_token = None
    status = 200
    if request.method == "POST":
        if "pw-submit" in request.form:
            if password_form.validate_on_submit():
                if not current_user.check_password(password_form.current.data):
                    password_form.current.errors.append("That is not your current password.")
                    status = 400
                else:
                    current_user.set_password(password_form.new.data)
                    audit.record("password-changed", "user", current_user.username)
                    db.session.commit()
                    flash("Your password is changed.", "success")
                    return redirect(url_for("auth.profile"))
            else:
                status = 400
        elif "tok-submit" in request.form:
            if token_form.validate_on_submit():
                token, new_token = ApiToken.issue(current_user, token_form.name.data.strip())
                db.session.add(token)
                audit.record("token-created", "api-token", token.prefix)
                db.session.commit()
                token_form = TokenForm(prefix="tok", formdata=None)
            else:
                status = 400
    tokens = db.session.scalars(
        select(ApiToken)
        .where(ApiToken.user_id == current_user.id)
        .order_by(ApiToken.created_at.desc())
    ).all()
    return render_template(
        "auth/profile.html",
        password_form=password_form,
        token_form=token_form,
        tokens=tokens,
        new_token=new_token,
    ), status


@bp.route("/profile/tokens/<int:token_id>/revoke", methods=["POST"])
@requires("account.self")
def revoke_token(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        return render_template(
            "error.html", code=404, title="Not found", message="No such token."
        ), 404
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("token-revoked", "api-token", token.prefix)
        db.session.commit()
        flash(f"Token {token.prefix}… revoked.", "success")
    return redirect(url_for("auth.profile"))
