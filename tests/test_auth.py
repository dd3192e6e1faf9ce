"""Signing in and out, sessions, and the user's own profile."""

from __future__ import annotations

from sqlalchemy import select

from tracker import create_app
from tracker.extensions import db
from tracker.models import ApiToken, AuditEvent, User

from .conftest import PASSWORD


def test_passwords_are_stored_hashed(make_user):
    user = make_user("officer")
    assert PASSWORD not in user.password_hash and user.check_password(PASSWORD)


def test_wrong_password_is_refused_and_audited(client, make_user):
    user = make_user("officer")
    response = client.post("/login", data={"username": user.username, "password": "nope"})
    assert response.status_code == 401
    assert "Wrong username or password" in response.get_data(as_text=True)
    assert db.session.scalar(select(AuditEvent.action)) == "login-failed"


def test_a_deactivated_account_cannot_sign_in(client, make_user):
    user = make_user("officer", active=False)
    response = client.post("/login", data={"username": user.username, "password": PASSWORD})
    assert response.status_code == 401


def test_each_role_lands_on_its_own_start_page(app, make_user):
    for role, start in (("officer", "/incidents"), ("admin", "/admin/users")):
        client = app.test_client()
        user = make_user(role)
        response = client.post("/login", data={"username": user.username, "password": PASSWORD})
        assert response.headers["Location"].endswith(start), role


def test_remember_me_is_off_by_default(client, make_user):
    user = make_user("officer")
    response = client.post("/login", data={"username": user.username, "password": PASSWORD})
    assert "remember_token" not in " ".join(response.headers.getlist("Set-Cookie"))


def test_login_ignores_a_next_url_on_another_site(client, make_user):
    user = make_user("officer")
    response = client.post(
        "/login?next=https://evil.example/x", data={"username": user.username, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/incidents"


def test_sign_out_ends_the_session(client, login_as):
    login_as("officer")
    client.post("/logout")
    assert client.get("/incidents").status_code == 302


def test_session_cookies_are_secure_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<script>" not in response.get_data(as_text=True)
    assert response.headers["X-Frame-Options"] == "DENY"


def test_a_user_creates_and_revokes_an_api_token_shown_once(client, login_as):
    user = login_as("officer")
    page = client.post("/profile", data={"tok-name": "survey tool", "tok-submit": "1"})
    text = page.get_data(as_text=True)
    assert "Copy this token now" in text
    token = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
    secret = text.split('user-select-all d-block mt-1">')[1].split("<")[0]
    assert ApiToken.hash(secret) == token.token_hash and secret not in token.token_hash
    client.post(f"/profile/tokens/{token.id}/revoke")
    db.session.refresh(token)
    assert token.revoked_at is not None


def test_a_user_changes_their_password(client, login_as):
    user = login_as("staff")
    response = client.post(
        "/profile",
        data={
            "pw-current": PASSWORD,
            "pw-new": "a much longer secret",
            "pw-confirm": "a much longer secret",
            "pw-submit": "1",
        },
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password("a much longer secret")


def test_a_wrong_current_password_changes_nothing(client, login_as):
    user = login_as("staff")
    response = client.post(
        "/profile",
        data={
            "pw-current": "wrong",
            "pw-new": "a much longer secret",
            "pw-confirm": "a much longer secret",
            "pw-submit": "1",
        },
    )
    assert response.status_code == 400
    db.session.refresh(user)
    assert user.check_password(PASSWORD)
    assert db.session.get(User, user.id).check_password("a much longer secret") is False
