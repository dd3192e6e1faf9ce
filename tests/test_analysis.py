"""The analysis in the app: the filing form's endpoint, feedback, escalation on save, CLI."""

from __future__ import annotations

import json

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Alert, Incident, TagFeedback

from .conftest import incident_data

RISKY = (
    "Nobody mentioned before the operation that she could lose the feeling in her hand. "
    "Now she cannot hold a cup. I have instructed a solicitor."
)


def test_the_form_endpoint_suggests_with_evidence_spans(client, login_as):
    login_as("officer")
    response = client.post("/incidents/analyze", json={"narrative": RISKY})
    assert response.status_code == 200
    data = response.get_json()
    assert "unexplained-risk" in [t["slug"] for t in data["tags"]]
    assert data["tags"][0]["name"]
    assert data["escalation"]["level"] == "high"
    for span in data["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(RISKY)


def test_the_form_endpoint_rejects_bad_input_clearly(client, login_as):
    login_as("officer")
    assert (
        client.post(
            "/incidents/analyze", data="not json", content_type="application/json"
        ).status_code
        == 400
    )
    response = client.post("/incidents/analyze", json={"narrative": ""})
    assert response.status_code == 422
    assert "empty" in response.get_json()["error"]["message"]
    response = client.post("/incidents/analyze", json={"narrative": "x" * 1_000_000})
    assert response.status_code == 422


def test_staff_cannot_use_the_analysis_endpoint(client, login_as):
    login_as("staff")
    assert client.post("/incidents/analyze", json={"narrative": RISKY}).status_code == 403


def test_filing_stores_escalation_and_the_officers_verdict_on_suggestions(client, login_as):
    officer = login_as("officer")
    form = incident_data(
        narrative=RISKY,
        tags=["unexplained-risk"],
        primary_tag="unexplained-risk",
        suggested=json.dumps({"unexplained-risk": 0.9, "safety-incident": 0.6}),
    )
    form["owner"] = str(officer.id)
    form["kind"] = "concern"
    response = client.post("/incidents/new", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    incident = db.session.scalars(select(Incident)).one()
    assert incident.escalation_level == "high"
    assert incident.escalation_score >= 0.6
    decisions = {f.tag_slug: f.decision for f in db.session.scalars(select(TagFeedback))}
    assert decisions == {"unexplained-risk": "accepted", "safety-incident": "rejected"}
    assert "mentions a solicitor or legal action" in incident.escalation_reasons
    alert = db.session.scalars(select(Alert).where(Alert.kind == "escalation-risk")).one()
    assert "solicitor" in alert.summary, "the alert says why"
    page = client.get(f"/incidents/{incident.reference}").get_data(as_text=True)
    assert "mentions a solicitor or legal action" in page


def test_a_forged_suggested_field_is_ignored_not_an_error(client, login_as):
    officer = login_as("officer")
    form = incident_data(suggested='{"<script>": 5, "unexplained-risk": "x"}')
    form["owner"] = str(officer.id)
    form["kind"] = "concern"
    assert client.post("/incidents/new", data=form).status_code == 302
    assert db.session.scalars(select(TagFeedback)).all() == []


def test_analyze_cli_answers_one_line_per_input(app):
    lines = "\n".join(
        [
            json.dumps({"id": "a", "narrative": RISKY}),
            "this is not json",
            json.dumps({"id": "c", "narrative": ""}),
            json.dumps(
                {"id": 4, "narrative": "Thank you all, the care was wonderful.", "department": "ED"}
            ),
        ]
    )
    result = app.test_cli_runner().invoke(args=["analyze"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", 4]
    assert "unexplained-risk" in [t["slug"] for t in out[0]["tags"]]
    assert out[0]["escalation"]["level"] == "high"
    assert "error" in out[1] and "error" in out[2]
    assert out[3]["tags"] == [] and "error" not in out[3]


def test_train_tagger_learns_from_confirmed_codings_and_the_app_uses_the_new_model(
    app, make_incident, tmp_path
):
    from tracker import analysis

    app.instance_path = str(tmp_path)
    incident = make_incident()
    db.session.add(
        TagFeedback(
            incident_id=incident.id, tag_slug="unexplained-risk", decision="accepted", score=0.8
        )
    )
    db.session.commit()
    assert [e["id"] for e in analysis.confirmed_examples()] == [f"incident-{incident.id}"]
    # --folds 0: the tuning loop is covered in tests/domain; here, the command's plumbing
    result = app.test_cli_runner().invoke(args=["train-tagger", "--folds", "0"])
    assert result.exit_code == 0, result.output
    assert "1 confirmed incident" in result.output and "macro-F1" in result.output
    assert (tmp_path / "tagger-model.npz").exists()
    assert analysis.current_model().trained_on > 0
    assert analysis.current_model() is not analysis.engine.default_model()
    (tmp_path / "tagger-model.npz").write_bytes(b"damaged")
    assert analysis.current_model() is analysis.engine.default_model()
