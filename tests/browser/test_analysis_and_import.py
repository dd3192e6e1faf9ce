"""The filing form's analysis panel and the CSV import page, in a real browser, with CSRF on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Incident, TagFeedback


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


NARRATIVE = (
    "Nobody mentioned before the operation that my husband could lose the feeling in his "
    "hand. Now he cannot hold a cup. This is the third time I have written with no reply "
    "and I have instructed a solicitor."
)


def test_suggestions_appear_with_evidence_and_need_the_officer_to_accept(page, sign_in, tmp_path):
    sign_in("officer")
    page.click("text=New incident")
    page.fill("#narrative", NARRATIVE)
    panel = page.locator("#analysis-panel")
    expect(panel).to_be_visible()
    expect(page.get_by_test_id("escalation-level")).to_contain_text("high")
    expect(page.get_by_test_id("escalation-reasons")).to_contain_text("solicitor")
    suggestion = panel.locator(".suggestion[data-slug=unexplained-risk]")
    expect(suggestion).to_be_visible()
    expect(page.get_by_test_id("analysis-text").locator("mark").first).to_be_visible()
    assert not page.locator("input[name=tags][value=unexplained-risk]").is_checked(), (
        "nothing is tagged until the officer accepts"
    )
    page.screenshot(path=str(tmp_path / "analysis-panel.png"), full_page=True)

    suggestion.locator("button:has-text('Accept')").click()
    expect(page.locator("input[name=tags][value=unexplained-risk]")).to_be_checked()
    expect(page.locator("#primary_tag")).to_have_value("unexplained-risk")

    page.fill("#summary", "Wife says nerve damage risk was never explained")
    page.fill("#occurred_on", (date.today() - timedelta(days=20)).isoformat())
    page.fill("#reported_on", (date.today() - timedelta(days=1)).isoformat())
    page.fill("#department", "Orthopaedics")
    page.select_option("#source", "family")
    page.click("button:has-text('Record incident')")
    expect(page.locator(".alert-success")).to_contain_text("recorded")

    incident = db.session.scalars(select(Incident)).one()
    assert incident.escalation_level == "high"
    feedback = {f.tag_slug: f.decision for f in db.session.scalars(select(TagFeedback))}
    assert feedback.get("unexplained-risk") == "accepted"


def test_a_narrative_in_another_language_is_not_given_a_risk_level(page, sign_in):
    sign_in("officer")
    page.click("text=New incident")
    page.fill("#narrative", "Mi madre fue operada de la cadera y nadie nos explicó los riesgos.")
    panel = page.locator("#analysis-panel")
    expect(panel).to_contain_text("does not appear to be in English")
    expect(page.get_by_test_id("escalation-level")).to_have_text("Escalation risk: not assessed")
    expect(panel.locator(".suggestion")).to_have_count(0)


def test_officer_previews_and_imports_a_csv(page, sign_in, live_server, tmp_path):
    sign_in("officer")
    reported = (date.today() - timedelta(days=3)).isoformat()
    occurred = (date.today() - timedelta(days=6)).isoformat()
    header = (
        "reference,reported_on,occurred_on,department,source,channel,patient_identifier,"
        "patient_name,staff_involved,summary,narrative,tags,primary_tag,severity,stage,"
        "status,acknowledged_on,resolved_on"
    )
    rows = [
        f",{reported},{occurred},Renal,patient,web,P1,Ann Lee,Dr Shah,Survey: no call back,"
        f'"Nobody rang me back about my results.",delayed-communication,delayed-communication,low,concern,,,',
        f",{reported},{occurred},Renal,family,email,P2,Bo Chan,,Survey: rude reception,"
        f'"The receptionist was rude to my mother.",disrespect,disrespect,medium,concern,,,',
    ]
    path = tmp_path / "survey.csv"
    path.write_text("\ufeff" + header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    page.goto(f"{live_server}/incidents/import")
    page.set_input_files("input[type=file]", str(path))
    page.click("button:has-text('Preview')")
    expect(page.locator("body")).to_contain_text("2 new")
    expect(page.locator("table")).to_contain_text("Survey: rude reception")
    page.get_by_test_id("confirm-import").click()
    expect(page.locator(".alert-success")).to_contain_text("Imported 2 rows")
    assert len(db.session.scalars(select(Incident)).all()) == 2
