"""Scanning for patterns and keeping alerts: one alert per pattern, history kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from ..domain import detectors as p
from ..extensions import db
from ..models import Alert, AlertIncident, Incident, StageChange, utcnow
from . import queries

CONFIG = p.Config()


@dataclass
class ScanResult:
    as_of: date
    findings: list[p.Finding]
    alerts: list[Alert]
    created: int = 0
    updated: int = 0
    reopened: int = 0


def scan(
    as_of: date | None = None, scope: queries.Scope | None = None, config: p.Config = CONFIG
) -> ScanResult:
    """Run the detectors (all data, or one incident's scope) and store what they find.
    The caller commits."""
    as_of = as_of or date.today()
    inputs, history, directory = queries.gather(as_of, config, scope)
    findings = p.detect_all(inputs, config, as_of, spike_history=history, directory=directory)
    findings = [p.with_incidents(f, queries.references_behind(f)) for f in findings]
    return store(findings, as_of, config)


def store(findings: list[p.Finding], as_of: date, config: p.Config = CONFIG) -> ScanResult:
    result = ScanResult(as_of, findings, [])
    if not findings:
        return result
    keys = [f.key for f in findings]
    stored = {a.key: a for a in db.session.scalars(select(Alert).where(Alert.key.in_(keys)))}
    linked: dict[int, set[str]] = {a.id: set() for a in stored.values()}
    if stored:
        for alert_id, ref in db.session.execute(
            select(AlertIncident.alert_id, Incident.reference)
            .join(Incident, Incident.id == AlertIncident.incident_id)
            .where(AlertIncident.alert_id.in_(list(linked)))
        ):
            linked[alert_id].add(ref)
    states = [
        p.AlertState(a.id, a.key, a.status, frozenset(linked[a.id]), a.dismissed_size)
        for a in stored.values()
    ]
    ids = queries.ids_for({r for f in findings for r in f.incidents})
    for action in p.reconcile(states, findings, config):
        f = action.finding
        if action.verb == "create":
            alert = Alert(
                key=f.key,
                kind=f.kind,
                subject=f.subject_dict,
                score=f.score,
                summary=f.summary,
                status="open",
                first_seen=as_of,
                last_seen=as_of,
                details={k: v for k, v in f.details},
            )
            db.session.add(alert)
            db.session.flush()
            result.created += 1
        else:
            alert = stored[f.key]
            alert.last_seen = max(alert.last_seen, as_of)
            alert.first_seen = min(alert.first_seen, as_of)
            if action.verb != "quiet":
                alert.score, alert.summary = f.score, f.summary
                alert.details = {k: v for k, v in f.details}
            if action.verb == "reopen":
                alert.status = "open"
                alert.status_changed_at = utcnow()
                result.reopened += 1
            elif action.verb == "update":
                result.updated += 1
        for ref in action.new_incidents:
            if ref in ids:
                db.session.add(AlertIncident(alert_id=alert.id, incident_id=ids[ref]))
        result.alerts.append(alert)
    db.session.flush()
    return result


def after_save(incident: Incident) -> ScanResult:
    """Incremental detection when an incident is saved: only what it can change."""
    return scan(date.today(), queries.scope_for(incident))


def backfill(start: date, end: date, config: p.Config = CONFIG) -> int:
    """Evaluate every day from `start` to `end`, so each alert's first_seen is the first day
    it would have fired (back-testing)."""
    day, runs = start, 0
    while day <= end:
        scan(day, None, config)
        db.session.flush()
        day += timedelta(days=1)
        runs += 1
    return runs


def incident_references(alert: Alert) -> list[str]:
    return list(
        db.session.scalars(
            select(Incident.reference)
            .join(AlertIncident, AlertIncident.incident_id == Incident.id)
            .where(AlertIncident.alert_id == alert.id)
            .order_by(Incident.reported_on)
        )
    )


def to_json(alert: Alert, references: list[str] | None = None) -> dict[str, Any]:
    """The alert object of spec/interfaces.md."""
    return {
        "id": alert.id,
        "kind": alert.kind,
        "subject": dict(alert.subject or {}),
        "incidents": references if references is not None else incident_references(alert),
        "score": alert.score,
        "summary": alert.summary,
        "status": alert.status,
        "first_seen": alert.first_seen.isoformat(),
        "last_seen": alert.last_seen.isoformat(),
    }


def lead_times(alert: Alert) -> list[tuple[str, str, int]]:
    """Incidents behind the alert that later became formal disputes, and how many days
    earlier the alert fired: (reference, stage reached, days of warning)."""
    rows = db.session.execute(
        select(Incident.reference, StageChange.to_stage, StageChange.changed_on)
        .join(StageChange, StageChange.incident_id == Incident.id)
        .join(AlertIncident, AlertIncident.incident_id == Incident.id)
        .where(
            AlertIncident.alert_id == alert.id,
            StageChange.from_stage.is_not(None),
            StageChange.to_stage.in_(("complaint", "external", "legal")),
            StageChange.changed_on >= alert.first_seen,
        )
        .order_by(StageChange.changed_on)
    ).all()
    return [(ref, stage, (changed - alert.first_seen).days) for ref, stage, changed in rows]
