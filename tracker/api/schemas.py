"""The API's request and response schemas: they validate what clients send and generate the
OpenAPI document, so the two cannot drift apart. Types, required keys and choices are checked
here; the rules that span fields (dates in order, primary among tags, known tags) are the
same domain rules the web form and CSV import use (domain.incident_rules)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..domain import vocab
from ..domain.incident_rules import MAX_LENGTH

OneOf = validate.OneOf


def _text(max_length: int, **kwargs):
    return fields.String(validate=validate.Length(max=max_length), **kwargs)


def _page():
    return fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))


def _limit():
    return fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class ErrorBody(ma.Schema):
    code = fields.String(required=True, metadata={"description": "machine-readable reason"})
    message = fields.String(required=True, metadata={"description": "for a person"})
    fields_ = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        data_key="fields",
        required=True,
        metadata={"description": "field name -> messages"},
    )


class Error(ma.Schema):
    error = fields.Nested(ErrorBody, required=True)


class IncidentIn(Strict):
    reference = fields.String(
        allow_none=True,
        validate=validate.Length(max=MAX_LENGTH["reference"]),
        metadata={
            "description": "C-YYYY-NNNNNN to keep another system's reference; omit to assign one"
        },
    )
    reported_on = fields.Date(required=True)
    occurred_on = fields.Date(required=True, metadata={"description": "not after reported_on"})
    department = _text(MAX_LENGTH["department"], required=True)
    source = fields.String(required=True, validate=OneOf(vocab.SOURCES))
    channel = fields.String(required=True, validate=OneOf(vocab.CHANNELS))
    patient_identifier = _text(MAX_LENGTH["patient_identifier"], allow_none=True)
    patient_name = _text(MAX_LENGTH["patient_name"], allow_none=True)
    staff_involved = fields.List(
        fields.String(validate=validate.Length(max=120)), validate=validate.Length(max=20)
    )
    summary = _text(MAX_LENGTH["summary"], required=True)
    narrative = _text(MAX_LENGTH["narrative"], required=True)
    tags = fields.List(
        fields.String(validate=validate.Length(max=64)), validate=validate.Length(max=20)
    )
    primary_tag = fields.String(allow_none=True, validate=validate.Length(max=64))
    severity = fields.String(required=True, validate=OneOf(vocab.SEVERITIES))
    stage = fields.String(required=True, validate=OneOf(vocab.STAGES))
    status = fields.String(validate=OneOf(vocab.STATUSES))
    acknowledged_on = fields.Date(allow_none=True)
    resolved_on = fields.Date(allow_none=True)


class IncidentPatch(IncidentIn):
    """Any subset of the fields (used with partial=True, so nothing is required); status
    and stage move through the workflow (a stage change needs a `note` giving the reason).
    The reference identifies the incident and is not changed."""

    class Meta:
        unknown = ma.RAISE
        exclude = ("reference",)

    note = _text(1000, metadata={"description": "why the status or stage changed"})


class Escalation(ma.Schema):
    score = fields.Float(allow_none=True)
    level = fields.String(allow_none=True)


class ContactOut(ma.Schema):
    contact_at = fields.DateTime()
    contact_type = fields.String()
    direction = fields.String()
    who = fields.String()
    text = fields.String()
    answered = fields.Boolean()


class IncidentOut(ma.Schema):
    reference = fields.String(required=True)
    reported_on = fields.Date()
    occurred_on = fields.Date()
    department = fields.String(allow_none=True)
    source = fields.String()
    channel = fields.String()
    patient_identifier = fields.String(allow_none=True)
    patient_name = fields.String(allow_none=True)
    staff_involved = fields.List(fields.String())
    summary = fields.String()
    narrative = fields.String()
    tags = fields.List(fields.String())
    primary_tag = fields.String(allow_none=True)
    severity = fields.String()
    stage = fields.String()
    status = fields.String()
    acknowledged_on = fields.Date(allow_none=True)
    resolved_on = fields.Date(allow_none=True)
    version = fields.Integer(metadata={"description": "also the ETag; send it as If-Match"})
    escalation = fields.Nested(Escalation)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class IncidentDetail(IncidentOut):
    contacts = fields.List(fields.Nested(ContactOut))


class IncidentQuery(Strict):
    q = fields.String(validate=validate.Length(max=200))
    department = fields.String(validate=validate.Length(max=120))
    tag = fields.String(validate=validate.Length(max=64))
    status = fields.String(validate=OneOf(vocab.STATUSES))
    stage = fields.String(validate=OneOf(vocab.STAGES))
    severity = fields.String(validate=OneOf(vocab.SEVERITIES))
    from_ = fields.Date(data_key="from")
    to = fields.Date()
    sort = fields.String(validate=OneOf(("newest", "oldest", "severity", "reference", "updated")))
    page = _page()
    limit = _limit()


class Page(ma.Schema):
    page = fields.Integer(required=True)
    pages = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    total = fields.Integer(required=True)


class IncidentPage(Page):
    items = fields.List(fields.Nested(IncidentOut), required=True)


class ContactIn(Strict):
    contact_at = fields.DateTime(metadata={"description": "when it happened; defaults to now"})
    contact_type = fields.String(required=True, validate=OneOf(vocab.CONTACT_TYPES))
    direction = fields.String(required=True, validate=OneOf(vocab.CONTACT_DIRECTIONS))
    who = fields.String(required=True, validate=validate.Length(min=1, max=120))
    text = fields.String(required=True, validate=validate.Length(min=1, max=10_000))
    answered = fields.Boolean(load_default=True)


class AlertQuery(Strict):
    status = fields.String(validate=OneOf((*vocab.ALERT_STATUSES, "all")), load_default="open")
    kind = fields.String(validate=OneOf(vocab.ALERT_KINDS))
    page = _page()
    limit = _limit()


class AlertOut(ma.Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    subject = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    incidents = fields.List(fields.String(), required=True)
    score = fields.Float(required=True)
    summary = fields.String(required=True)
    status = fields.String(required=True)
    first_seen = fields.String(required=True)
    last_seen = fields.String(required=True)


class AlertPage(Page):
    items = fields.List(fields.Nested(AlertOut), required=True)


class TagOut(ma.Schema):
    slug = fields.String(required=True)
    name = fields.String(required=True)
    domain = fields.String(required=True)
    retired = fields.Boolean(required=True)


class AnalyzeIn(Strict):
    narrative = fields.String(required=True)
    department = fields.String(allow_none=True, validate=validate.Length(max=120))


class SuggestedTag(ma.Schema):
    slug = fields.String(required=True)
    score = fields.Float(required=True)
    evidence = fields.List(fields.String(), required=True)


class EscalationOut(ma.Schema):
    score = fields.Float(required=True)
    level = fields.String(required=True)
    reasons = fields.List(fields.String(), required=True)


class AnalyzeOut(ma.Schema):
    id = fields.Raw(allow_none=True)
    tags = fields.List(fields.Nested(SuggestedTag), required=True)
    escalation = fields.Nested(EscalationOut, required=True)
    note = fields.String()
