"""Every registered route, for every role and for an anonymous visitor.

ACCESS is the specification: which roles may reach each endpoint. A route that is added
without an entry here fails `test_every_route_is_in_the_access_table`, so no page can ship
without someone deciding who may see it.
"""

from __future__ import annotations

import pytest

from tracker.domain.vocab import ROLES
from tracker.permissions import PERMISSIONS

PUBLIC = "public"
ALL = frozenset(ROLES)
OFFICE = frozenset({"officer", "manager"})

# endpoint -> roles allowed (or PUBLIC: no sign-in needed)
ACCESS: dict[str, frozenset[str] | str] = {
    "main.index": PUBLIC,
    "main.health": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.profile": ALL,
    "auth.revoke_token": ALL,
    "incidents.list": OFFICE,
    "incidents.new": OFFICE,
    "incidents.detail": OFFICE,
    "incidents.edit": OFFICE,
    "incidents.add_contact": OFFICE,
    "incidents.change_status": OFFICE,
    "incidents.change_stage": OFFICE,
    "incidents.pause": OFFICE,
    "incidents.resume": OFFICE,
    "incidents.add_task": OFFICE,
    "incidents.analyze": OFFICE,
    "incidents.import_csv": OFFICE,
    "incidents.confirm_import": OFFICE,
    "incidents.export_csv": OFFICE,
    # JSON API: bearer tokens, the same role rules (tests/test_api.py walks them with tokens)
    "api-docs.openapi_json": PUBLIC,
    "api_docs.docs": PUBLIC,
    "api.list_incidents": OFFICE,
    "api.create_incident": OFFICE,
    "api.get_incident": OFFICE,
    "api.patch_incident": OFFICE,
    "api.add_contact": OFFICE,
    "api.list_alerts": OFFICE,
    "api.list_tags": ALL,
    "api.analyze": OFFICE,
    "tasks.mine": ALL,
    "tasks.detail": ALL,
    "tasks.done": ALL,
    "tasks.decline": ALL,
    "tasks.reopen": OFFICE,
    "tasks.cancel": OFFICE,
    "notifications.index": ALL,
    "notifications.mark_all_read": ALL,
    "notifications.open": ALL,
    "alerts.index": OFFICE,
    "alerts.detail": OFFICE,
    "alerts.acknowledge": frozenset({"manager"}),
    "alerts.dismiss": frozenset({"manager"}),
    "alerts.act": frozenset({"manager"}),
    "admin.users": frozenset({"admin"}),
    "admin.user": frozenset({"admin"}),
    "admin.reset_password": frozenset({"admin"}),
    "admin.toggle_active": frozenset({"admin"}),
    "admin.tags": frozenset({"admin"}),
    "admin.tag": frozenset({"admin"}),
    "admin.retire_tag": frozenset({"admin"}),
    "admin.audit_log": frozenset({"admin", "manager"}),
}
SKIP = {"static", "bootstrap.static"}
# Endpoints about the user's own things: another user's object is "not found" for them.
OWN_ONLY = {
    "auth.revoke_token",
    "notifications.open",
    "tasks.detail",
    "tasks.done",
    "tasks.decline",
}


def _url(rule, values: dict) -> str:
    args = {}
    for name in rule.arguments:
        args[name] = values.get(name, "x")
    from flask import url_for

    return url_for(rule.endpoint, **args)


@pytest.fixture
def values(app, make_user, make_incident):
    """Real objects for every URL parameter, so allowed roles get a real page."""
    from tracker.extensions import db
    from tracker.models import Alert, ApiToken, Notification, Tag, Task

    target = make_user("staff")
    incident = make_incident()
    token, _ = ApiToken.issue(target, "test")
    db.session.add(token)
    task = Task(
        incident=incident, title="Call the family", assignee=target, due_on=incident.reported_on
    )
    notice = Notification(user_id=target.id, kind="test", message="hello", link="/tasks")
    alert = Alert(
        key="cluster|x",
        kind="cluster",
        subject={"department": "Orthopaedics"},
        summary="3 incidents",
        first_seen=incident.reported_on,
        last_seen=incident.reported_on,
    )
    db.session.add_all([task, notice, alert])
    db.session.commit()
    return {
        "reference": incident.reference,
        "user_id": target.id,
        "slug": db.session.scalars(db.select(Tag.slug)).first(),
        "token_id": token.id,
        "task_id": task.id,
        "notice_id": notice.id,
        "alert_id": alert.id,
    }


def _rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint not in SKIP]


def test_every_route_is_in_the_access_table(app):
    endpoints = {r.endpoint for r in _rules(app)}
    assert endpoints - set(ACCESS) == set(), "routes without an access rule"
    assert set(ACCESS) - endpoints == set(), "access rules for routes that do not exist"


def test_every_view_declares_its_permission(app):
    for rule in _rules(app):
        view = app.view_functions[rule.endpoint]
        assert hasattr(view, "required_action"), f"{rule.endpoint} has no @requires or @public"
        action = view.required_action
        expected = ACCESS[rule.endpoint]
        if expected == PUBLIC:
            assert action is None, rule.endpoint
        else:
            assert PERMISSIONS[action] == expected, rule.endpoint


@pytest.mark.parametrize("role", [None, *ROLES])
def test_each_role_reaches_exactly_what_the_table_allows(app, make_user, values, role):
    client = app.test_client()
    if role:
        user = make_user(role)
        client.post("/login", data={"username": user.username, "password": "correct horse battery"})
    with app.test_request_context():
        cases = [
            (rule, method, _url(rule, values))
            for rule in _rules(app)
            for method in sorted(rule.methods & {"GET", "POST", "PATCH", "DELETE"})
        ]
    for rule, method, url in cases:
        if rule.endpoint == "auth.logout":
            continue  # would end this client's session half-way through the walk
        response = client.open(url, method=method, data={})
        expected = ACCESS[rule.endpoint]
        where = f"{method} {url} as {role}"
        assert response.status_code != 500, where
        if expected == PUBLIC:
            assert response.status_code in (200, 302, 400, 401, 422), where
        elif rule.endpoint.startswith("api."):
            # the API answers for itself (bearer tokens): a browser session is no credential
            assert response.status_code in (401, 403, 404, 405), where
        elif role is None:
            assert response.status_code == 302 and "/login" in response.headers["Location"], where
        elif role in expected:
            allowed = (200, 302, 400, 409, 422) + ((404,) if rule.endpoint in OWN_ONLY else ())
            assert response.status_code in allowed, where
        else:
            assert response.status_code == 403, where


def test_staff_cannot_open_the_incident_list(client, login_as):
    login_as("staff")
    assert client.get("/incidents").status_code == 403


def test_admin_cannot_read_patient_records(client, login_as, incident):
    login_as("admin")
    assert client.get(f"/incidents/{incident.reference}").status_code == 403
