"""API endpoints. Views stay thin: the incident services and workflow do the work, exactly as
for the web pages, so a rule holds the same whichever door a change comes through."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from functools import wraps

from flask import Blueprint as FlaskBlueprint
from flask import g, render_template, request, url_for
from flask_smorest import Blueprint
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from .. import analysis, audit
from ..domain import analysis as engine
from ..extensions import csrf, db
from ..incidents import queries, services, workflow
from ..models import Alert, ApiToken, Incident, Tag, utcnow
from ..permissions import PERMISSIONS, can, public
from . import schemas

blp = Blueprint(
    "api", __name__, url_prefix="/api/v1", description="Concord's JSON API (spec/interfaces.md)"
)
csrf.exempt(blp)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields=None):
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


@blp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    db.session.rollback()
    headers = {"WWW-Authenticate": 'Bearer realm="concord"'} if exc.status == 401 else {}
    body = {"error": {"code": exc.code, "message": exc.message, "fields": exc.fields}}
    return body, exc.status, headers


def _authenticate():
    """The bearer token's account, or 401. A browser session is not a credential here."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthenticated", "Send an API token: Authorization: Bearer <token>.")
    row = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == ApiToken.hash(token.strip()))
    )
    if row is None or row.revoked_at is not None or not row.user.active:
        raise ApiError(401, "unauthenticated", "This API token is not valid or has been revoked.")
    now = utcnow()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
        row.last_used_at = now
        db.session.commit()
    g._login_user = row.user  # current_user for this request only; no session is written
    return row.user


def requires(action: str):
    """Token first (401), then the role must hold `action` (403): the web's table."""
    if action not in PERMISSIONS:
        raise KeyError(action)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = _authenticate()
            if not can(user.role, action):
                raise ApiError(403, "forbidden", "Your role does not allow this.")
            return view(*args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator


def _incident_json(incident: Incident, detail: bool = False) -> dict:
    out = services.snapshot(incident)
    out.update(
        version=incident.version,
        escalation={"score": incident.escalation_score, "level": incident.escalation_level},
        created_at=_utc(incident.created_at),
        updated_at=_utc(incident.updated_at),
    )
    if detail:
        out["contacts"] = [_contact_json(c) for c in incident.contacts]
    return out


def _contact_json(contact) -> dict:
    return {
        "contact_at": _local(contact.contact_at),
        "contact_type": contact.contact_type,
        "direction": contact.direction,
        "who": contact.who,
        "text": contact.text,
        "answered": contact.answered,
    }


def _utc(moment: datetime | None) -> datetime | None:
    """Stored timestamps are naive UTC; the API says so (RFC 3339 with an offset)."""
    return moment.replace(tzinfo=UTC) if moment else None


def _local(moment: datetime | None) -> datetime | None:
    """Contact times are the hospital's local time, as the officer entered them."""
    return moment.astimezone() if moment else None


def _etag(incident: Incident) -> str:
    return f'"{incident.reference}-v{incident.version}"'


def _get(reference: str) -> Incident:
    incident = services.get_by_reference(reference[:40])
    if incident is None:
        raise ApiError(404, "not_found", f"No incident {reference[:40]!r}.")
    return incident


def _invalid(errors: dict[str, list[str]]):
    return ApiError(422, "invalid", "Some fields are not valid; nothing was saved.", errors)


@blp.route("/incidents", methods=["GET"])
@requires("incident.read")
@blp.arguments(schemas.IncidentQuery, location="query", as_kwargs=True)
@blp.response(200, schemas.IncidentPage)
def list_incidents(page=1, limit=50, from_=None, to=None, **filters):
    """Incidents, newest first, with the incident list's filters."""
    f = queries.Filters(**{k: v for k, v in filters.items() if k != "sort"})
    f.sort = filters.get("sort") or "newest"
    f.date_from, f.date_to = from_, to
    stmt = queries.filtered(f)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    items = db.session.scalars(
        stmt.order_by(*queries.SORTS[f.sort]).limit(limit).offset((page - 1) * limit)
    ).all()
    audit.record(
        "list", "incident", None, detail=request.query_string.decode()[:500] or None, commit=True
    )
    return {
        "items": [_incident_json(i) for i in items],
        "page": page,
        "pages": max(1, math.ceil(total / limit)),
        "limit": limit,
        "total": total,
    }


@blp.route("/incidents", methods=["POST"])
@requires("incident.create")
@blp.arguments(schemas.IncidentIn)
@blp.response(201, schemas.IncidentDetail)
def create_incident(data):
    """Record an incident (the filing form's rules). Keeps `reference` when one is given."""
    from ..incidents.views import after_change

    try:
        clean = services.validate(data)
    except services.ValidationFailed as exc:
        raise _invalid(exc.errors) from None
    user = g._login_user
    incident = services.create_incident(clean, user=user)
    db.session.flush()
    analysis.score_incident(incident)
    audit.record("create", "incident", incident.reference, detail="api")
    db.session.commit()
    after_change(incident)
    headers = {
        "Location": url_for("api.get_incident", reference=incident.reference),
        "ETag": _etag(incident),
    }
    return _incident_json(incident, detail=True), 201, headers


@blp.route("/incidents/<reference>", methods=["GET"])
@requires("incident.read")
@blp.response(200, schemas.IncidentDetail)
def get_incident(reference):
    """One incident with its contacts. The ETag changes with every change."""
    incident = _get(reference)
    audit.read("incident", incident.reference, detail="api")
    return _incident_json(incident, detail=True), 200, {"ETag": _etag(incident)}


@blp.route("/incidents/<reference>", methods=["PATCH"])
@requires("incident.edit")
@blp.arguments(schemas.IncidentPatch(partial=True))
@blp.response(200, schemas.IncidentDetail)
def patch_incident(data, reference):
    """Change fields; `status` and `stage` move through the workflow. Send the ETag you read
    as If-Match: if the incident changed since, the answer is 409 and nothing is saved."""
    from ..incidents.views import after_change

    incident = _get(reference)
    if_match = request.headers.get("If-Match")
    if if_match and if_match.strip() not in ("*", _etag(incident)):
        raise ApiError(409, "conflict", "The incident changed since you read it; read it again.")
    user = g._login_user
    data = dict(data)
    status, stage, note = data.pop("status", None), data.pop("stage", None), data.pop("note", None)
    changes = []
    if data:
        try:
            clean = services.validate(data, existing=incident)
        except services.ValidationFailed as exc:
            raise _invalid(exc.errors) from None
        changes = services.update_incident(incident, clean, user=user)
    try:
        if stage and stage != incident.stage:
            if not note:
                raise _invalid({"note": ["Give the reason for the stage change."]})
            workflow.change_stage(incident, stage, user=user, on=date.today(), reason=note)
            changes.append(stage)
        if status and status != incident.status:
            workflow.change_status(incident, status, user=user, on=date.today(), note=note)
            changes.append(status)
    except workflow.WorkflowError as exc:
        field = "stage" if stage and incident.stage != stage else "status"
        raise _invalid({field: [str(exc)]}) from None
    if changes:
        analysis.score_incident(incident)
        audit.record("update", "incident", incident.reference, detail="api")
        try:
            db.session.commit()
        except StaleDataError:
            raise ApiError(
                409, "conflict", "Someone else saved this incident at the same time; read it again."
            ) from None
        after_change(incident)
    return _incident_json(incident, detail=True), 200, {"ETag": _etag(incident)}


@blp.route("/incidents/<reference>/contacts", methods=["POST"])
@requires("incident.edit")
@blp.arguments(schemas.ContactIn)
@blp.response(201, schemas.ContactOut)
def add_contact(data, reference):
    """Add a contact with the patient or family to the incident's timeline."""
    from ..domain.incident_rules import text_problem
    from ..incidents.views import after_change

    incident = _get(reference)
    when = data.get("contact_at") or datetime.now().replace(microsecond=0)
    if when.tzinfo is not None:
        try:
            when = when.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise _invalid({"contact_at": ["This date and time cannot be used."]}) from None
    errors = {}
    if when > datetime.now():
        errors["contact_at"] = ["This is in the future."]
    elif when.year < 1900:
        errors["contact_at"] = ["This is too far in the past."]
    for name in ("who", "text"):
        if not data[name].strip():
            errors[name] = ["This field is required."]
        elif problem := text_problem(data[name]):
            errors[name] = [problem]
    if errors:
        raise _invalid(errors)
    contact = services.add_contact(
        incident,
        user=g._login_user,
        contact_at=when,
        contact_type=data["contact_type"],
        direction=data["direction"],
        who=data["who"].strip(),
        text=data["text"].strip(),
        answered=data["answered"] if data["direction"] == "inbound" else True,
    )
    audit.record("contact-added", "incident", incident.reference, detail="api")
    db.session.commit()
    after_change(incident)
    return _contact_json(contact), 201


@blp.route("/alerts", methods=["GET"])
@requires("alert.read")
@blp.arguments(schemas.AlertQuery, location="query", as_kwargs=True)
@blp.response(200, schemas.AlertPage)
def list_alerts(status="open", kind=None, page=1, limit=50):
    """Pattern alerts (open by default). Clinician alerts are shown to managers only."""
    from ..alerts import services as alerts

    stmt = select(Alert)
    if status != "all":
        stmt = stmt.where(Alert.status == status)
    if kind:
        stmt = stmt.where(Alert.kind == kind)
    if not can(g._login_user.role, "alert.clinician"):
        stmt = stmt.where(Alert.kind != "clinician")
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = db.session.scalars(
        stmt.order_by(Alert.score.desc(), Alert.id).limit(limit).offset((page - 1) * limit)
    ).all()
    return {
        "items": [alerts.to_json(a) for a in rows],
        "page": page,
        "pages": max(1, math.ceil(total / limit)),
        "limit": limit,
        "total": total,
    }


@blp.route("/tags", methods=["GET"])
@requires("account.self")
@blp.response(200, schemas.TagOut(many=True))
def list_tags():
    """The root-cause taxonomy, retired tags included (they stay on old incidents)."""
    tags = db.session.scalars(select(Tag).order_by(Tag.domain.desc(), Tag.name)).all()
    return [
        {"slug": t.slug, "name": t.name, "domain": t.domain, "retired": t.retired} for t in tags
    ]


@blp.route("/analyze", methods=["POST"])
@requires("analysis.run")
@blp.arguments(schemas.AnalyzeIn)
@blp.response(200, schemas.AnalyzeOut)
def analyze(data):
    """Suggested root causes with evidence and escalation risk: one `analyze` line."""
    try:
        result = engine.analyze(data["narrative"], model=analysis.current_model())
    except engine.NarrativeError as exc:
        raise _invalid({"narrative": [str(exc)]}) from None
    return result.to_json(None)


docs_bp = FlaskBlueprint("api_docs", __name__, url_prefix="/api/v1")


@docs_bp.route("/docs")
@public
def docs():
    """Browsable API documentation, rendered here from the OpenAPI document (no CDN)."""
    from flask import current_app

    spec = current_app.extensions["concord_api"].spec.to_dict()
    return render_template("api/docs.html", spec=spec, spec_url=url_for("api-docs.openapi_json"))
