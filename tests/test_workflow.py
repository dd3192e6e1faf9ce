"""Status workflow, dispute stage, and statutory clocks on an incident."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import HistoryEntry, Incident, StageChange

TODAY = date.today().isoformat()


def move(client, incident, target, **fields):
    data = {"status-target": target, "status-on": TODAY}
    data.update({f"status-{k}": v for k, v in fields.items()})
    return client.post(f"/incidents/{incident.reference}/status", data=data)


def test_acknowledging_sets_the_date_and_records_the_change(client, login_as, incident):
    login_as("officer")
    assert move(client, incident, "acknowledged").status_code == 302
    db.session.refresh(incident)
    assert incident.status == "acknowledged" and incident.acknowledged_on == date.today()
    fields = {h.field for h in db.session.scalars(select(HistoryEntry))}
    assert {"status", "acknowledged_on"} <= fields


def test_an_invalid_transition_is_refused_with_the_allowed_ones_and_changes_nothing(
    client, login_as, incident
):
    login_as("officer")
    response = move(client, incident, "closed")
    assert response.status_code == 409
    assert (
        "An incident that is new cannot become closed; it can become acknowledged or investigating."
    ) in response.get_data(as_text=True)
    db.session.refresh(incident)
    assert incident.status == "new"


def test_closing_is_refused_until_tasks_response_severity_and_learning_are_done(
    client, login_as, make_user, incident
):
    from tracker.tasks import services

    officer = login_as("officer")
    services.create_task(
        incident, user=officer, title="Call", assignee=make_user("staff"), due_on=date.today()
    )
    db.session.commit()
    for target in ("acknowledged", "resolved"):
        assert move(client, incident, target).status_code == 302
    response = move(client, incident, "closed")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "1 follow-up task is still open." in page and "Record what was learned" in page
    db.session.refresh(incident)
    assert incident.status == "resolved"


def test_closing_with_everything_in_place(client, login_as, incident):
    login_as("officer")
    move(client, incident, "investigating")
    move(client, incident, "resolved")
    response = move(
        client,
        incident,
        "closed",
        responded_on=TODAY,
        severity="high",
        severity_reassessed="y",
        learning="Consent leaflet rewritten with the family.",
    )
    assert response.status_code == 302
    db.session.refresh(incident)
    assert incident.status == "closed" and incident.severity == "high"
    assert incident.learning.startswith("Consent leaflet") and incident.closed_on == date.today()


def test_a_closed_incident_can_be_reopened(client, login_as, incident):
    login_as("officer")
    incident.status, incident.closed_on = "closed", date.today()
    db.session.commit()
    assert move(client, incident, "investigating").status_code == 302
    db.session.refresh(incident)
    assert incident.status == "investigating" and incident.closed_on is None


def test_a_status_date_in_the_future_is_refused(client, login_as, incident):
    login_as("officer")
    response = client.post(
        f"/incidents/{incident.reference}/status",
        data={
            "status-target": "acknowledged",
            "status-on": (date.today() + timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 409 and "in the future" in response.get_data(as_text=True)
    db.session.refresh(incident)
    assert incident.status == "new"


def test_a_stage_change_is_dated_and_explained(client, login_as, incident):
    login_as("officer")
    response = client.post(
        f"/incidents/{incident.reference}/stage",
        data={
            "stage-target": "complaint",
            "stage-on": TODAY,
            "stage-reason": "Written complaint received from the daughter.",
        },
    )
    assert response.status_code == 302
    change = db.session.scalar(select(StageChange).where(StageChange.from_stage == "concern"))
    assert change.to_stage == "complaint" and change.changed_on == date.today()
    page = client.get(f"/incidents/{incident.reference}").get_data(as_text=True)
    assert "Written complaint received from the daughter." in page


def test_a_stage_change_without_a_reason_changes_nothing(client, login_as, incident):
    login_as("officer")
    response = client.post(
        f"/incidents/{incident.reference}/stage",
        data={"stage-target": "complaint", "stage-on": TODAY, "stage-reason": ""},
    )
    assert response.status_code == 422
    db.session.refresh(incident)
    assert incident.stage == "concern"


@pytest.mark.parametrize("days_ago,expected", [(0, "on time"), (10, "late")])
def test_the_incident_page_shows_its_acknowledgement_clock(
    client, login_as, make_incident, days_ago, expected
):
    login_as("officer")
    reported = date.today() - timedelta(days=days_ago)
    incident = make_incident(
        reported_on=reported.isoformat(), occurred_on=(reported - timedelta(days=1)).isoformat()
    )
    page = client.get(f"/incidents/{incident.reference}").get_data(as_text=True)
    section = page[page.index('id="deadlines"') :]
    assert "Acknowledge" in section
    if expected == "late":
        assert "badge-clock-late" in section and "working days late" in section
    else:
        assert "badge-clock-late" not in section


def test_pausing_the_clock_moves_the_deadline_and_resuming_restarts_it(client, login_as, incident):
    from tracker.incidents import workflow

    login_as("officer")
    before = workflow.clock(incident).response.due
    start = (date.today() - timedelta(days=1)).isoformat()
    assert (
        client.post(
            f"/incidents/{incident.reference}/pause",
            data={"pause-start": start, "pause-reason": "Waiting for consent"},
        ).status_code
        == 302
    )
    paused = db.session.get(Incident, incident.id)
    assert workflow.clock(paused).paused and workflow.clock(paused).response.due > before
    response = client.post(
        f"/incidents/{incident.reference}/pause",
        data={"pause-start": start, "pause-reason": "again"},
    )
    assert response.status_code == 409 and "paused already" in response.get_data(as_text=True)
    assert (
        client.post(
            f"/incidents/{incident.reference}/resume", data={"resume-end": TODAY}
        ).status_code
        == 302
    )
    assert not workflow.clock(db.session.get(Incident, incident.id)).paused
