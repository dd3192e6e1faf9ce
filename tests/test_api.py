"""The JSON API: tokens, the same role rules as the web, validation and the error shape."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Alert, ApiToken, AuditEvent, HistoryEntry, Incident

from .conftest import incident_data


@pytest.fixture
def token_for(make_user):
    def make(role="officer", **fields):
        user = make_user(role, **fields)
        row, secret = ApiToken.issue(user, "test")
        db.session.add(row)
        db.session.commit()
        return {"Authorization": f"Bearer {secret}"}

    return make


@pytest.fixture
def officer(token_for):
    return token_for("officer")


def body(**overrides):
    data = incident_data(**overrides)
    data["staff_involved"] = ["Dr A. Patel", "Nurse Jo Green"]
    return data


def test_the_openapi_document_and_docs_are_public(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/v1/incidents",
        "/api/v1/incidents/{reference}",
        "/api/v1/alerts",
        "/api/v1/tags",
        "/api/v1/analyze",
        "/api/v1/incidents/{reference}/contacts",
    } <= set(spec["paths"])
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and b"/api/v1/incidents" in page.data


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic abc", "bearer  "])
def test_no_valid_token_is_a_401_in_the_documented_shape(client, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/incidents", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    error = response.get_json()["error"]
    assert error["code"] == "unauthenticated" and error["message"] and error["fields"] == {}


def test_revoked_tokens_and_deactivated_accounts_are_refused(client, token_for):
    headers = token_for("officer")
    assert client.get("/api/v1/tags", headers=headers).status_code == 200
    row = db.session.scalars(select(ApiToken)).one()
    assert row.last_used_at is not None, "last use is shown on the profile page"
    row.revoked_at = row.last_used_at
    db.session.commit()
    assert client.get("/api/v1/tags", headers=headers).status_code == 401
    other = token_for("officer")
    row = db.session.scalars(select(ApiToken).where(ApiToken.revoked_at.is_(None))).one()
    row.user.active = False
    db.session.commit()
    assert client.get("/api/v1/tags", headers=other).status_code == 401


def test_a_browser_session_is_not_an_api_credential(client, login_as):
    login_as("officer")
    assert client.get("/api/v1/incidents").status_code == 401


ENDPOINTS = [
    ("GET", "/api/v1/incidents", None, {"officer", "manager"}),
    ("POST", "/api/v1/incidents", "incident", {"officer", "manager"}),
    ("GET", "/api/v1/incidents/{ref}", None, {"officer", "manager"}),
    ("PATCH", "/api/v1/incidents/{ref}", {"severity": "high"}, {"officer", "manager"}),
    (
        "POST",
        "/api/v1/incidents/{ref}/contacts",
        {"contact_type": "phone", "direction": "inbound", "who": "Daughter", "text": "Rang again."},
        {"officer", "manager"},
    ),
    ("GET", "/api/v1/alerts", None, {"officer", "manager"}),
    ("GET", "/api/v1/tags", None, {"officer", "manager", "staff", "admin"}),
    ("POST", "/api/v1/analyze", {"narrative": "Nobody told us anything."}, {"officer", "manager"}),
]


@pytest.mark.parametrize("role", ["officer", "manager", "staff", "admin"])
def test_every_endpoint_follows_the_web_role_rules(client, token_for, incident, role):
    headers = token_for(role)
    for method, path, payload, allowed in ENDPOINTS:
        if payload == "incident":
            payload = body(patient_identifier=f"P-{role}")
        response = client.open(
            path.format(ref=incident.reference), method=method, json=payload, headers=headers
        )
        where = f"{method} {path} as {role}"
        if role in allowed:
            assert response.status_code in (200, 201), (where, response.get_json())
        else:
            assert response.status_code == 403, where
            assert response.get_json()["error"]["code"] == "forbidden"


def test_create_then_read_back(client, officer):
    response = client.post("/api/v1/incidents", json=body(), headers=officer)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["reference"].startswith(f"C-{date.today().year}-")
    assert response.headers["Location"].endswith(created["reference"])
    again = client.get(response.headers["Location"], headers=officer)
    assert again.status_code == 200
    got = again.get_json()
    assert sorted(got["tags"]) == ["expectation-mismatch", "unexplained-risk"]
    assert got["staff_involved"] == ["Dr A. Patel", "Nurse Jo Green"]
    assert got["escalation"]["level"] in ("low", "medium", "high")
    assert again.headers["ETag"]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "read")) is not None


def test_a_given_reference_is_kept_and_never_issued_again(client, officer):
    ref = f"C-{date.today().year}-000500"
    assert (
        client.post("/api/v1/incidents", json=body(reference=ref), headers=officer).status_code
        == 201
    )
    again = client.post("/api/v1/incidents", json=body(reference=ref), headers=officer)
    assert again.status_code == 422
    assert "reference" in again.get_json()["error"]["fields"]
    new = client.post("/api/v1/incidents", json=body(), headers=officer).get_json()
    assert new["reference"] > ref


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"narrative": 5}, "narrative"),
        ({"reported_on": "2026-02-30"}, "reported_on"),
        ({"reported_on": "yesterday"}, "reported_on"),
        ({"occurred_on": (date.today() + timedelta(days=3)).isoformat()}, "occurred_on"),
        ({"severity": "catastrophic"}, "severity"),
        ({"tags": ["no-such-tag"], "primary_tag": "no-such-tag"}, "tags"),
        ({"tags": "unexplained-risk"}, "tags"),
        ({"primary_tag": "privacy-breach"}, "primary_tag"),
        ({"summary": "<script>alert(1)</script>"}, "summary"),
        ({"narrative": "x" * 25_000}, "narrative"),
        ({"colour": "blue"}, "colour"),
        ({"reference": "X-1"}, "reference"),
    ],
)
def test_bad_fields_get_a_422_naming_the_field_and_save_nothing(client, officer, payload, field):
    response = client.post("/api/v1/incidents", json=body(**payload), headers=officer)
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["code"] == "invalid" and field in error["fields"], error
    assert db.session.scalar(select(Incident)) is None


def test_missing_fields_are_all_reported(client, officer):
    response = client.post("/api/v1/incidents", json={}, headers=officer)
    assert response.status_code == 422
    assert {"reported_on", "department", "narrative", "summary"} <= set(
        response.get_json()["error"]["fields"]
    )


@pytest.mark.parametrize("raw", [b"{not json", b"", b"\xff\xfe\x00", b"[1, 2]", b"null", b'"text"'])
def test_malformed_bodies_are_client_errors(client, officer, raw):
    response = client.post(
        "/api/v1/incidents", data=raw, content_type="application/json", headers=officer
    )
    assert response.status_code in (400, 422)
    assert "error" in response.get_json()


def test_a_huge_body_is_refused_cleanly(client, officer):
    huge = json.dumps(body(narrative="a" * (17 * 1024 * 1024)))
    response = client.post(
        "/api/v1/incidents", data=huge, content_type="application/json", headers=officer
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "too_large"


def test_unknown_reference_is_404(client, officer):
    response = client.get("/api/v1/incidents/C-2026-999999", headers=officer)
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_patch_with_a_stale_etag_is_a_409_and_changes_nothing(client, officer, incident):
    url = f"/api/v1/incidents/{incident.reference}"
    etag = client.get(url, headers=officer).headers["ETag"]
    first = client.patch(url, json={"severity": "high"}, headers={**officer, "If-Match": etag})
    assert first.status_code == 200 and first.headers["ETag"] != etag
    second = client.patch(url, json={"severity": "low"}, headers={**officer, "If-Match": etag})
    assert second.status_code == 409
    assert client.get(url, headers=officer).get_json()["severity"] == "high"
    fields = {h.field for h in db.session.scalars(select(HistoryEntry))}
    assert "severity" in fields


def test_patch_moves_status_and_stage_through_the_workflow(client, officer, incident):
    url = f"/api/v1/incidents/{incident.reference}"
    refused = client.patch(url, json={"status": "closed"}, headers=officer)
    assert refused.status_code == 422 and "status" in refused.get_json()["error"]["fields"]
    assert client.patch(url, json={"stage": "complaint"}, headers=officer).status_code == 422
    ok = client.patch(
        url,
        json={"status": "acknowledged", "stage": "complaint", "note": "Written complaint received"},
        headers=officer,
    )
    assert ok.status_code == 200, ok.get_json()
    data = ok.get_json()
    assert data["status"] == "acknowledged" and data["stage"] == "complaint"
    assert data["acknowledged_on"] == date.today().isoformat()


def test_patch_with_bad_dates_changes_nothing(client, officer, incident):
    url = f"/api/v1/incidents/{incident.reference}"
    response = client.patch(
        url,
        json={"occurred_on": (date.today() + timedelta(days=1)).isoformat(), "severity": "high"},
        headers=officer,
    )
    assert response.status_code == 422
    assert client.get(url, headers=officer).get_json()["severity"] == "medium"


def test_contacts_are_added_and_validated(client, officer, incident):
    url = f"/api/v1/incidents/{incident.reference}/contacts"
    ok = client.post(
        url,
        json={
            "contact_type": "phone",
            "direction": "inbound",
            "who": "Son",
            "text": "Still waiting for a call back.",
            "answered": False,
        },
        headers=officer,
    )
    assert ok.status_code == 201 and ok.get_json()["answered"] is False
    future = client.post(
        url,
        json={
            "contact_type": "phone",
            "direction": "inbound",
            "who": "Son",
            "text": "x",
            "contact_at": "2999-01-01T10:00:00",
        },
        headers=officer,
    )
    assert future.status_code == 422 and "contact_at" in future.get_json()["error"]["fields"]
    detail = client.get(f"/api/v1/incidents/{incident.reference}", headers=officer).get_json()
    assert [c["who"] for c in detail["contacts"]] == ["Son"]


def test_list_filters_and_pages(client, officer, make_incident):
    for i in range(5):
        make_incident(
            department="Cardiology" if i % 2 else "Renal", severity="high" if i == 0 else "low"
        )
    page = client.get(
        "/api/v1/incidents?department=Renal&limit=2&page=2", headers=officer
    ).get_json()
    assert page["total"] == 3 and page["pages"] == 2 and len(page["items"]) == 1
    assert all(i["department"] == "Renal" for i in page["items"])
    high = client.get("/api/v1/incidents?severity=high", headers=officer).get_json()
    assert high["total"] == 1
    bad = client.get("/api/v1/incidents?severity=huge&limit=0", headers=officer)
    assert bad.status_code == 422
    assert {"severity", "limit"} <= set(bad.get_json()["error"]["fields"])


def test_clinician_alerts_only_reach_managers(client, token_for, incident):
    from datetime import datetime

    for kind, subject in (
        ("clinician", {"staff": "Dr X"}),
        ("cluster", {"department": "Renal", "tag": "disrespect"}),
    ):
        db.session.add(
            Alert(
                key=f"{kind}:1",
                kind=kind,
                subject=subject,
                score=2.0,
                summary=f"A {kind} alert",
                status="open",
                first_seen=date.today(),
                last_seen=date.today(),
                details={},
            )
        )
    db.session.commit()
    officer = client.get("/api/v1/alerts", headers=token_for("officer")).get_json()
    manager = client.get("/api/v1/alerts", headers=token_for("manager")).get_json()
    assert [a["kind"] for a in officer["items"]] == ["cluster"]
    assert sorted(a["kind"] for a in manager["items"]) == ["clinician", "cluster"]
    assert datetime  # noqa


def test_analyze_answers_like_the_cli(client, officer):
    response = client.post(
        "/api/v1/analyze",
        json={
            "narrative": "Nobody mentioned before the "
            "operation that he could lose his voice. We have instructed a solicitor."
        },
        headers=officer,
    )
    assert response.status_code == 200
    data = response.get_json()
    assert "unexplained-risk" in [t["slug"] for t in data["tags"]]
    assert data["escalation"]["level"] == "high"
    empty = client.post("/api/v1/analyze", json={"narrative": ""}, headers=officer)
    assert empty.status_code == 422 and "narrative" in empty.get_json()["error"]["fields"]
