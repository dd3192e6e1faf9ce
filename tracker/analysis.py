"""The app's side of narrative analysis: which model to use, the facts an incident adds to
the escalation score, and what officers confirmed or rejected (what the tagger learns from).

The analysis itself is tracker.domain.analysis (plain Python, no Flask).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from .domain import analysis as engine
from .domain.vocab import TAG_SLUGS
from .extensions import db
from .models import Contact, Incident, Tag, TagFeedback

MODEL_NAME = "tagger-model.npz"
_cache: dict[str, tuple[float, object]] = {}


def model_path() -> Path:
    return Path(current_app.instance_path) / MODEL_NAME


def current_model():
    """The newest retrained model in instance/, else the model shipped with the package."""
    path = model_path()
    if path.exists():
        mtime = path.stat().st_mtime
        cached = _cache.get(str(path))
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            model = engine.load_model(path)
        except Exception:  # noqa: BLE001 - a damaged file must not stop filing
            current_app.logger.exception("could not load %s; using the shipped model", path)
            return engine.default_model()
        _cache[str(path)] = (mtime, model)
        return model
    return engine.default_model()


def facts_for(incident: Incident, today: date | None = None) -> engine.Facts:
    from .incidents import workflow

    inbound = db.session.execute(
        select(func.count(), func.sum(db.case((Contact.answered.is_(False), 1), else_=0))).where(
            Contact.incident_id == incident.id, Contact.direction == "inbound"
        )
    ).one()
    prior = 0
    if incident.patient_identifier:
        prior = (
            db.session.scalar(
                select(func.count())
                .select_from(Incident)
                .where(
                    Incident.patient_identifier == incident.patient_identifier,
                    Incident.id != incident.id,
                    Incident.reported_on <= incident.reported_on,
                )
            )
            or 0
        )
    clock = workflow.clock(incident, today)
    return engine.Facts(
        severity=incident.severity,
        stage=incident.stage,
        contacts=inbound[0] or 0,
        unanswered_contacts=int(inbound[1] or 0),
        days_past_ack_deadline=clock.acknowledgement.days_late,
        days_past_response_deadline=clock.response.days_late,
        prior_incidents_same_patient=prior,
        department=incident.department.name if incident.department else None,
    )


def _store_escalation(incident: Incident, escalation: engine.Escalation | None) -> None:
    """What the escalation-risk detector and the incident page read; None when the
    narrative could not be analysed."""
    if escalation is None:
        incident.escalation_score = incident.escalation_level = incident.escalation_reasons = None
    else:
        incident.escalation_score = round(escalation.score, 4)
        incident.escalation_level = escalation.level
        incident.escalation_reasons = list(escalation.reasons[:5])


def score_incident(incident: Incident) -> engine.Analysis | None:
    """Analyse the narrative with the incident's facts; store the escalation on it."""
    try:
        result = engine.analyze(incident.narrative, facts_for(incident), model=current_model())
    except engine.NarrativeError:
        _store_escalation(incident, None)
        return None
    _store_escalation(incident, result.escalation)
    return result


def score_batch(incidents: list[Incident]) -> None:
    """Escalation for many incidents at once (CSV import, demo data): the narrative with the
    facts the record itself carries, as such incidents have no contacts in Concord yet."""
    if not incidents:
        return
    facts = [engine.Facts(severity=i.severity, stage=i.stage) for i in incidents]
    results = engine.analyze_batch(
        [i.narrative for i in incidents], model=current_model(), facts=facts
    )
    for incident, result in zip(incidents, results, strict=True):
        _store_escalation(incident, None if result.error else result.escalation)


def parse_suggested(raw: str | None) -> dict[str, float]:
    """The form's hidden `suggested` field: {"slug": score}; anything malformed counts as no
    suggestions shown (feedback is a by-product; it must never block a filing)."""
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    out = {}
    for slug, score in list(data.items())[:50]:
        if isinstance(slug, str) and isinstance(score, int | float) and 0 <= score <= 1:
            if slug in TAG_SLUGS or db.session.scalar(
                select(func.count()).select_from(Tag).where(Tag.slug == slug)
            ):
                out[slug] = float(score)
    return out


def record_feedback(incident: Incident, suggested: dict[str, float], user) -> None:
    """Suggestions the officer saw: ticked ones are confirmed, the others rejected."""
    chosen = set(incident.tag_slugs)
    for slug, score in suggested.items():
        db.session.add(
            TagFeedback(
                incident_id=incident.id,
                tag_slug=slug,
                score=score,
                decision="accepted" if slug in chosen else "rejected",
                user_id=user.id if user else None,
            )
        )


def confirmed_examples() -> list[dict]:
    """Incidents whose tags an officer confirmed: extra training examples for train-tagger.
    An incident counts when at least one suggestion on it was decided (accepted/rejected),
    so its final tags are a person's coding, not an untouched default."""
    decided = select(TagFeedback.incident_id).distinct()
    rows = db.session.scalars(select(Incident).where(Incident.id.in_(decided))).all()
    return [
        {
            "id": f"incident-{i.id}",
            "narrative": i.narrative,
            "tags": i.tag_slugs,
            "primary_tag": i.primary_tag.slug if i.primary_tag else None,
            "severity": i.severity,
            "escalation": i.escalation_level or "low",
        }
        for i in rows
    ]
