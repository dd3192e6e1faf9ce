"""Alerts through the database: scanning, deduplication, the pages and the CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tracker.alerts import services as alerts
from tracker.extensions import db
from tracker.models import Alert, AlertIncident, Contact, Task

TODAY = date.today()


def days_ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


@pytest.fixture
def cluster(make_incident):
    made = []
    for n in (12, 6, 1):
        made.append(
            make_incident(
                department="Dermatology",
                tags=["privacy-breach"],
                primary_tag="privacy-breach",
                reported_on=days_ago(n),
                occurred_on=days_ago(n),
                patient_identifier=f"NHS-{n}",
            )
        )
    return made


def alerts_of(kind):
    return db.session.scalars(select(Alert).where(Alert.kind == kind)).all()


def test_a_full_scan_stores_a_cluster_with_its_incidents(app, cluster):
    alerts.scan(TODAY)
    db.session.commit()
    (alert,) = alerts_of("cluster")
    assert alert.subject == {"department": "Dermatology", "tag": "privacy-breach"}
    assert sorted(alerts.incident_references(alert)) == sorted(i.reference for i in cluster)
    assert alert.first_seen == alert.last_seen == TODAY


def test_scanning_again_adds_incidents_to_the_same_alert(app, cluster, make_incident):
    alerts.scan(TODAY)
    db.session.commit()
    make_incident(
        department="Dermatology",
        tags=["privacy-breach"],
        primary_tag="privacy-breach",
        reported_on=days_ago(0),
        occurred_on=days_ago(0),
    )
    alerts.scan(TODAY)
    db.session.commit()
    (alert,) = alerts_of("cluster")
    assert len(alerts.incident_references(alert)) == 4


def test_saving_an_incident_runs_detection_for_what_it_can_change(client, login_as, cluster):
    from .test_incidents import form_data

    login_as("officer")
    data = form_data(
        department="Dermatology",
        tags=["privacy-breach"],
        primary_tag="privacy-breach",
        reported_on=days_ago(0),
        occurred_on=days_ago(0),
    )
    assert client.post("/incidents/new", data=data).status_code == 302
    (alert,) = alerts_of("cluster")
    assert len(alerts.incident_references(alert)) == 4


def test_an_open_incident_with_unanswered_calls_is_a_repeat_contact(app, make_incident):
    from datetime import datetime

    incident = make_incident(reported_on=days_ago(8), occurred_on=days_ago(9))
    for n in (6, 4, 2):
        db.session.add(
            Contact(
                incident=incident,
                contact_at=datetime.now() - timedelta(days=n),
                contact_type="phone",
                direction="inbound",
                who="Daughter",
                text="Still waiting",
                answered=False,
            )
        )
    db.session.commit()
    alerts.scan(TODAY)
    db.session.commit()
    found = [
        a for a in alerts_of("repeat-contact") if a.subject == {"reference": incident.reference}
    ]
    assert found and "3 still unanswered" in found[0].summary


def test_a_late_acknowledgement_is_an_overdue_alert(app, make_incident):
    incident = make_incident(reported_on=days_ago(14), occurred_on=days_ago(15))
    alerts.scan(TODAY)
    db.session.commit()
    subjects = [a.subject for a in alerts_of("overdue")]
    assert {"reference": incident.reference, "deadline": "acknowledgement"} in subjects


def test_back_testing_with_as_of_sees_only_the_past(app, cluster):
    alerts.scan(TODAY - timedelta(days=3))  # only two of the three incidents existed
    db.session.commit()
    assert alerts_of("cluster") == []


def test_scan_patterns_prints_alert_objects_as_json(app, cluster):
    result = app.test_cli_runner().invoke(args=["scan-patterns", "--json"])
    assert result.exit_code == 0, result.output
    objects = json.loads(result.output)
    cluster_alert = next(o for o in objects if o["kind"] == "cluster")
    assert set(cluster_alert) == {
        "id",
        "kind",
        "subject",
        "incidents",
        "score",
        "summary",
        "status",
        "first_seen",
        "last_seen",
    }
    assert len(cluster_alert["incidents"]) == 3


def test_scan_patterns_since_records_the_first_day_it_would_have_fired(app, cluster):
    result = app.test_cli_runner().invoke(args=["scan-patterns", "--since", days_ago(5)])
    assert result.exit_code == 0, result.output
    (alert,) = alerts_of("cluster")
    assert alert.first_seen == TODAY - timedelta(days=1)  # the day of the third incident


def test_scan_patterns_rejects_a_bad_date(app):
    result = app.test_cli_runner().invoke(args=["scan-patterns", "--as-of", "yesterday"])
    assert result.exit_code != 0 and "yesterday" in result.output


def test_manager_dismisses_with_a_reason_and_it_stays_quiet(
    client, login_as, cluster, make_incident
):
    alerts.scan(TODAY)
    db.session.commit()
    (alert,) = alerts_of("cluster")
    login_as("manager")
    response = client.post(f"/alerts/{alert.id}/dismiss", data={"dismiss-reason": ""})
    assert response.status_code == 422
    client.post(
        f"/alerts/{alert.id}/dismiss", data={"dismiss-reason": "Known: one family, one visit."}
    )
    db.session.refresh(alert)
    assert alert.status == "dismissed" and alert.dismissed_size == 3
    make_incident(
        department="Dermatology",
        tags=["privacy-breach"],
        primary_tag="privacy-breach",
        reported_on=days_ago(0),
        occurred_on=days_ago(0),
    )
    alerts.scan(TODAY)
    db.session.commit()
    db.session.refresh(alert)
    assert alert.status == "dismissed"  # 4 is not a material growth from 3
    for _ in range(2):
        make_incident(
            department="Dermatology",
            tags=["privacy-breach"],
            primary_tag="privacy-breach",
            reported_on=days_ago(0),
            occurred_on=days_ago(0),
        )
    alerts.scan(TODAY)
    db.session.commit()
    db.session.refresh(alert)
    assert alert.status == "open"


def test_manager_acts_in_one_click_creating_a_linked_task(client, login_as, cluster, make_user):
    alerts.scan(TODAY)
    db.session.commit()
    (alert,) = alerts_of("cluster")
    login_as("manager")
    lead = make_user("staff", full_name="Dermatology Lead")
    response = client.post(
        f"/alerts/{alert.id}/act",
        data={
            "act-what": "review",
            "act-title": "Privacy practice on the Dermatology clinic",
            "act-assignee": str(lead.id),
            "act-due_on": (TODAY + timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    task = db.session.scalar(select(Task).where(Task.alert_id == alert.id))
    assert task.assignee_id == lead.id and task.title.startswith("Review meeting:")
    db.session.refresh(alert)
    assert alert.status == "actioned"
    assert "Privacy practice" in client.get(f"/alerts/{alert.id}").get_data(as_text=True)


def test_officers_see_alerts_but_not_clinician_comparisons(client, login_as, app):
    db.session.add(
        Alert(
            key="clinician|staff=Dr X",
            kind="clinician",
            subject={"staff": "Dr X"},
            summary="Dr X: complaint index 40",
            first_seen=TODAY,
            last_seen=TODAY,
        )
    )
    db.session.commit()
    alert = alerts_of("clinician")[0]
    login_as("officer")
    assert "Dr X" not in client.get("/alerts").get_data(as_text=True)
    assert client.get(f"/alerts/{alert.id}").status_code == 404


def test_the_alert_page_shows_lead_time_before_a_formal_complaint(client, login_as, cluster):
    from tracker.incidents import workflow

    alerts.scan(TODAY - timedelta(days=1))
    db.session.commit()
    (alert,) = alerts_of("cluster")
    workflow.change_stage(
        cluster[-1], "complaint", user=None, on=TODAY, reason="Written complaint received"
    )
    db.session.commit()
    login_as("manager")
    page = client.get(f"/alerts/{alert.id}").get_data(as_text=True)
    assert "Flagged <strong>1 day</strong> before" in page and "a formal complaint" in page


def test_alert_links_are_not_duplicated(app, cluster):
    for _ in range(3):
        alerts.scan(TODAY)
        db.session.commit()
    assert db.session.scalar(
        select(func.count()).select_from(AlertIncident)
    ) == 3 + db.session.scalar(
        select(func.count()).select_from(AlertIncident).join(Alert).where(Alert.kind != "cluster")
    )


def _counts_as_stored() -> dict:
    from tracker.models import (
        DepartmentDayCount,
        DepartmentTagDayCount,
        StaffMonthCount,
        TagDayCount,
    )

    out = {}
    for model, keys in (
        (DepartmentDayCount, ("department_id", "day")),
        (TagDayCount, ("tag_id", "day")),
        (DepartmentTagDayCount, ("department_id", "tag_id", "day")),
        (StaffMonthCount, ("staff_id", "month", "severity", "department_id")),
    ):
        for row in db.session.scalars(select(model)):
            if row.n:
                out[(model.__tablename__, *(getattr(row, k) for k in keys))] = row.n
    return out


def _counts_recomputed() -> dict:
    """What the trigger-kept counts must hold, counted afresh from the incidents."""
    from collections import Counter

    from tracker.models import Incident

    out: Counter = Counter()
    for incident in db.session.scalars(select(Incident)):
        if incident.kind not in ("concern", "complaint"):
            continue
        day, dept = incident.reported_on, incident.department_id
        out[("department_day_counts", dept, day)] += 1
        for link in incident.tag_links:
            out[("tag_day_counts", link.tag_id, day)] += 1
            out[("department_tag_day_counts", dept, link.tag_id, day)] += 1
        month = day.replace(day=1)
        for link in incident.staff_links:
            out[("staff_month_counts", link.staff_id, month, incident.severity, dept)] += 1
    return dict(out)


def test_pattern_counts_stay_exact_through_every_kind_of_edit(app, make_incident):
    """The pattern scans read per-day and per-month counts kept by database triggers; after
    creating, re-dating, moving, re-tagging, re-classifying and deleting incidents they
    still equal a fresh count."""
    from tracker.incidents import services

    first = make_incident(department="Renal", reported_on=days_ago(3), severity="high")
    second = make_incident(
        department="Renal",
        reported_on=days_ago(3),
        tags=["disrespect"],
        primary_tag="disrespect",
        staff_involved="Nurse Jo Green",
    )
    make_incident(kind="compliment", department="Renal", reported_on=days_ago(3))
    assert _counts_as_stored() == _counts_recomputed()
    assert (
        _counts_as_stored()[
            ("department_day_counts", first.department_id, TODAY - timedelta(days=3))
        ]
        == 2
    )

    edits = [
        (first, {"reported_on": TODAY - timedelta(days=40), "severity": "low"}),
        (first, {"department": "Cardiology"}),
        (second, {"tags": ["privacy-breach", "disrespect"], "primary_tag": "privacy-breach"}),
        (second, {"staff_involved": ["Dr A. Patel"]}),
        (second, {"tags": ["privacy-breach"], "primary_tag": "privacy-breach"}),
    ]
    for incident, changes in edits:
        services.update_incident(incident, changes, user=None)
        db.session.commit()
        assert _counts_as_stored() == _counts_recomputed(), changes
    second.kind = "enquiry"  # re-classified: no longer a complaint
    db.session.commit()
    assert _counts_as_stored() == _counts_recomputed()
    for incident in (first, second):
        db.session.delete(incident)  # its tag and staff links go with it
    db.session.commit()
    assert _counts_as_stored() == _counts_recomputed()
