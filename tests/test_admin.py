"""Admins manage accounts and the taxonomy; everything they do is audited."""

from __future__ import annotations

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import AuditEvent, Tag, User

from .conftest import PASSWORD

NEW_USER = {
    "username": "nurse.okafor",
    "full_name": "Grace Okafor",
    "email": "g.okafor@example.org",
    "role": "staff",
    "password": "long enough password",
}


def test_admin_creates_an_account_that_can_sign_in(app, client, login_as):
    login_as("admin")
    assert client.post("/admin/users", data=NEW_USER).status_code == 302
    fresh = app.test_client()
    response = fresh.post(
        "/login", data={"username": "nurse.okafor", "password": "long enough password"}
    )
    assert response.status_code == 302


def test_a_taken_username_is_refused_with_the_form_kept(client, login_as):
    admin = login_as("admin")
    response = client.post("/admin/users", data={**NEW_USER, "username": admin.username})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "That username is taken." in page and "Grace Okafor" in page


def test_admin_changes_a_role_and_it_is_audited(client, login_as, make_user):
    login_as("admin")
    user = make_user("staff")
    client.post(f"/admin/users/{user.id}", data={"full_name": user.full_name, "role": "officer"})
    db.session.refresh(user)
    assert user.role == "officer"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user-updated"))
    assert "role: 'staff' -> 'officer'" in event.detail


def test_admin_deactivates_and_reactivates_an_account(client, login_as, make_user):
    login_as("admin")
    user = make_user("officer")
    client.post(f"/admin/users/{user.id}/active")
    db.session.refresh(user)
    assert user.active is False
    client.post(f"/admin/users/{user.id}/active")
    db.session.refresh(user)
    assert user.active is True


def test_admin_cannot_lock_themselves_out(client, login_as):
    admin = login_as("admin")
    client.post(f"/admin/users/{admin.id}/active")
    response = client.post(f"/admin/users/{admin.id}", data={"full_name": "x", "role": "staff"})
    db.session.refresh(admin)
    assert admin.active is True and admin.role == "admin" and response.status_code == 422


def test_admin_resets_a_password(client, login_as, make_user):
    login_as("admin")
    user = make_user("staff")
    client.post(f"/admin/users/{user.id}/password", data={"reset-password": "brand new password"})
    db.session.refresh(user)
    assert user.check_password("brand new password") and not user.check_password(PASSWORD)


def test_a_too_short_reset_password_is_refused(client, login_as, make_user):
    login_as("admin")
    user = make_user("staff")
    response = client.post(f"/admin/users/{user.id}/password", data={"reset-password": "short"})
    assert response.status_code == 422
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_the_shipped_taxonomy_is_seeded(app):
    slugs = set(db.session.scalars(select(Tag.slug)))
    assert {"unexplained-risk", "privacy-breach", "environment"} <= slugs and len(slugs) == 14


def test_admin_adds_renames_and_retires_a_tag(client, login_as):
    login_as("admin")
    client.post(
        "/admin/tags",
        data={
            "slug": "discharge-planning",
            "name": "Discharge planning",
            "domain": "management",
            "description": "Poorly planned discharge.",
        },
    )
    client.post("/admin/tags/discharge-planning", data={"name": "Discharge and transfer"})
    client.post("/admin/tags/discharge-planning/retire")
    tag = db.session.scalar(select(Tag).where(Tag.slug == "discharge-planning"))
    assert tag.name == "Discharge and transfer" and tag.retired


def test_a_bad_slug_is_explained(client, login_as):
    login_as("admin")
    response = client.post(
        "/admin/tags", data={"slug": "Bad Slug!", "name": "x", "domain": "clinical"}
    )
    assert response.status_code == 422 and "Lower-case letters" in response.get_data(as_text=True)


def test_the_audit_trail_shows_who_did_what(client, login_as, make_user):
    admin = login_as("admin")
    client.post("/admin/users", data=NEW_USER)
    page = client.get(f"/admin/audit?user={admin.username}").get_data(as_text=True)
    assert "user-created" in page and "nurse.okafor" in page
    assert db.session.scalar(select(User).where(User.username == "nurse.okafor")) is not None
