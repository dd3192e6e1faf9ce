"""Database models (SQLAlchemy 2.0 style).

The schema covers the whole product as spec/domain.md describes it: incidents with their
timeline (contacts, history, stage changes, clock pauses), the staff directory, follow-up
tasks, notifications, alerts, tag feedback for learning, API tokens and the audit trail.
Enum-like columns are validated in one place: `_check_choice` against tracker.domain.vocab.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, date, datetime

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship, validates
from sqlalchemy.orm.util import identity_key
from werkzeug.security import check_password_hash, generate_password_hash

from .domain import vocab
from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _check_choice(value, choices, name):
    if value is not None and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )


# --- People -------------------------------------------------------------------------------


class User(UserMixin, Timestamped, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))

    staff: Mapped[StaffMember | None] = relationship(foreign_keys=[staff_id])

    @validates("role")
    def _role(self, _key, value):
        return _check_choice(value, vocab.ROLES, "role")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return bool(self.active)

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


class ApiToken(Timestamped, db.Model):
    """A bearer token; only its SHA-256 is stored, the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship()

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        token = "cnc_" + secrets.token_urlsafe(32)
        return cls(user=user, name=name, token_hash=cls.hash(token), prefix=token[:10]), token


class Department(Timestamped, db.Model):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


_TITLES = re.compile(r"^(dr|doctor|mr|mrs|ms|miss|nurse|sister|prof|professor|sr)\.?\s+", re.I)


def normalize_person_name(name: str) -> str:
    """A stable key for a person's name: case, titles, punctuation and spacing ignored."""
    key = " ".join(re.sub(r"[^\w\s'-]", " ", name).split()).lower()
    while True:
        stripped = _TITLES.sub("", key)
        if stripped == key:
            return key
        key = stripped


class StaffMember(Timestamped, db.Model):
    """Someone named in incidents (with or without an account): one stable identity each."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), unique=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    staff_group: Mapped[str] = mapped_column(String(20), default="other")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department | None] = relationship()

    @validates("staff_group")
    def _group(self, _key, value):
        return _check_choice(value, vocab.STAFF_GROUPS, "staff group")

    @validates("full_name")
    def _name(self, _key, value):
        self.name_key = normalize_person_name(value)
        return value


class Tag(Timestamped, db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    domain: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)

    @validates("domain")
    def _domain(self, _key, value):
        return _check_choice(value, vocab.DOMAINS, "domain")

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


# --- Incidents ------------------------------------------------------------------------------


class ReferenceCounter(db.Model):
    """Last reference number issued per year; bumped atomically (see incidents.services)."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class IncidentTag(db.Model):
    """An incident's tag. The incident's date, department and kind are copied here (kept in
    step by `_copy_incident_fields_to_tags` on every flush) so the pattern queries count a
    tag in a department over a window from one index, without visiting the incidents."""

    __tablename__ = "incident_tags"
    __table_args__ = (
        # covering: the pattern queries read these rows from the index alone
        Index("ix_incident_tags_tag_reported", "tag_id", "reported_on", "kind"),
        Index(
            "ix_incident_tags_dept_tag_reported", "department_id", "tag_id", "reported_on", "kind"
        ),
    )

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)
    reported_on: Mapped[date | None] = mapped_column(Date)
    department_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))

    tag: Mapped[Tag] = relationship(lazy="joined")


class IncidentStaff(db.Model):
    """A staff member named in an incident, with copies of the incident's date, department,
    kind and severity for the clinician detector (kept in step like IncidentTag's)."""

    __tablename__ = "incident_staff"
    __table_args__ = (
        Index(
            "ix_incident_staff_staff_reported",
            "staff_id",
            "reported_on",
            "kind",
            "severity",
            "department_id",
        ),
    )

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id"), primary_key=True, index=True
    )
    reported_on: Mapped[date | None] = mapped_column(Date)
    department_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))
    severity: Mapped[str | None] = mapped_column(String(8))

    staff: Mapped[StaffMember] = relationship(lazy="joined")


class Incident(Timestamped, db.Model):
    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_department_reported", "department_id", "reported_on"),
        Index("ix_incidents_department_reported_kind", "department_id", "reported_on", "kind"),
        Index("ix_incidents_status_reported", "status", "reported_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="concern", index=True)
    reported_on: Mapped[date] = mapped_column(Date, index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    source: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    patient_identifier: Mapped[str] = mapped_column(String(64), default="", index=True)
    patient_name: Mapped[str] = mapped_column(String(120), default="")
    summary: Mapped[str] = mapped_column(String(200))
    narrative: Mapped[str] = mapped_column(Text)
    primary_tag_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id"), index=True)
    severity: Mapped[str] = mapped_column(String(8), index=True)
    stage: Mapped[str] = mapped_column(String(12), index=True)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    responded_on: Mapped[date | None] = mapped_column(Date)
    resolved_on: Mapped[date | None] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    learning: Mapped[str | None] = mapped_column(Text)
    severity_reassessed: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_score: Mapped[float | None] = mapped_column(Float)
    escalation_level: Mapped[str | None] = mapped_column(String(8), index=True)
    # why, for the escalation-risk alert ("mentions a solicitor or legal action", ...)
    escalation_reasons: Mapped[list | None] = mapped_column(JSON)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)

    department: Mapped[Department] = relationship(lazy="joined")
    primary_tag: Mapped[Tag | None] = relationship(lazy="joined")
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    handler: Mapped[User | None] = relationship(foreign_keys=[handler_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    tag_links: Mapped[list[IncidentTag]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    staff_links: Mapped[list[IncidentStaff]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="Contact.contact_at"
    )
    history: Mapped[list[HistoryEntry]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="HistoryEntry.at"
    )
    stage_changes: Mapped[list[StageChange]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="StageChange.changed_on"
    )
    pauses: Mapped[list[ClockPause]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="ClockPause.start_on"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="Task.due_on"
    )

    __mapper_args__ = {"version_id_col": version}

    @validates("kind")
    def _kind(self, _key, value):
        return _check_choice(value, vocab.KINDS, "kind")

    @validates("source")
    def _source(self, _key, value):
        return _check_choice(value, vocab.SOURCES, "source")

    @validates("channel")
    def _channel(self, _key, value):
        return _check_choice(value, vocab.CHANNELS, "channel")

    @validates("severity")
    def _severity(self, _key, value):
        return _check_choice(value, vocab.SEVERITIES, "severity")

    @validates("stage")
    def _stage(self, _key, value):
        return _check_choice(value, vocab.STAGES, "stage")

    @validates("status")
    def _status(self, _key, value):
        return _check_choice(value, vocab.STATUSES, "status")

    @property
    def tags(self) -> list[Tag]:
        return sorted((link.tag for link in self.tag_links), key=lambda t: t.slug)

    @property
    def tag_slugs(self) -> list[str]:
        return [t.slug for t in self.tags]

    @property
    def staff(self) -> list[StaffMember]:
        return sorted((link.staff for link in self.staff_links), key=lambda s: s.full_name)

    @property
    def is_open(self) -> bool:
        return self.status not in ("resolved", "closed")


class Contact(Timestamped, db.Model):
    """One contact with the patient or family (or an internal note) on the timeline."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    contact_at: Mapped[datetime] = mapped_column(DateTime)
    contact_type: Mapped[str] = mapped_column(String(24))
    direction: Mapped[str] = mapped_column(String(10), default="inbound")
    who: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    answered: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    incident: Mapped[Incident] = relationship(back_populates="contacts")
    created_by: Mapped[User | None] = relationship()

    @validates("contact_type")
    def _type(self, _key, value):
        return _check_choice(value, vocab.CONTACT_TYPES, "contact type")

    @validates("direction")
    def _direction(self, _key, value):
        return _check_choice(value, vocab.CONTACT_DIRECTIONS, "direction")


class HistoryEntry(db.Model):
    """One change to an incident: who, when, which field, old -> new."""

    __tablename__ = "history_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    incident: Mapped[Incident] = relationship(back_populates="history")
    user: Mapped[User | None] = relationship()


class StageChange(db.Model):
    """A move on the dispute ladder, dated and explained: the raw material of prevention."""

    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[str | None] = mapped_column(String(12))
    to_stage: Mapped[str] = mapped_column(String(12))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    incident: Mapped[Incident] = relationship(back_populates="stage_changes")
    user: Mapped[User | None] = relationship()


class ClockPause(Timestamped, db.Model):
    __tablename__ = "clock_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    incident: Mapped[Incident] = relationship(back_populates="pauses")


class Holiday(Timestamped, db.Model):
    """Configured public holidays, excluded from working-day clocks."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(120))


# --- Follow-up --------------------------------------------------------------------------------


class Task(Timestamped, db.Model):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_assignee_state_due", "assignee_id", "state", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    state: Mapped[str] = mapped_column(String(12), default="open", index=True)
    share_details: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id"), index=True)

    incident: Mapped[Incident] = relationship(back_populates="tasks")
    assignee: Mapped[User] = relationship(foreign_keys=[assignee_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @validates("priority")
    def _priority(self, _key, value):
        return _check_choice(value, vocab.TASK_PRIORITIES, "priority")

    @validates("state")
    def _state(self, _key, value):
        return _check_choice(value, vocab.TASK_STATES, "task state")


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))
    message: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(200))
    dedup_key: Mapped[str | None] = mapped_column(String(120), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime)


# --- Patterns -------------------------------------------------------------------------------


class AlertIncident(db.Model):
    __tablename__ = "alert_incidents"

    alert_id: Mapped[int] = mapped_column(
        ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Alert(Timestamped, db.Model):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    subject: Mapped[dict] = mapped_column(JSON, default=dict)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    first_seen: Mapped[date] = mapped_column(Date)
    last_seen: Mapped[date] = mapped_column(Date)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    dismissed_reason: Mapped[str | None] = mapped_column(Text)
    dismissed_size: Mapped[int | None] = mapped_column(Integer)
    status_changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)

    incident_links: Mapped[list[AlertIncident]] = relationship(cascade="all, delete-orphan")

    @validates("kind")
    def _kind(self, _key, value):
        return _check_choice(value, vocab.ALERT_KINDS, "alert kind")

    @validates("status")
    def _status(self, _key, value):
        return _check_choice(value, vocab.ALERT_STATUSES, "alert status")


# --- Learning and audit ---------------------------------------------------------------------


class TagFeedback(db.Model):
    """An officer's decision on a suggested tag: what the tagger learns from."""

    __tablename__ = "tag_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    tag_slug: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(10))  # accepted | rejected
    score: Mapped[float | None] = mapped_column(Float)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DepartmentDayCount(db.Model):
    """Concerns and complaints reported per department per day. Derived data, kept exact by
    database triggers on incidents (migration 6f2a8825df48): the pattern scans read these
    instead of every incident."""

    __tablename__ = "department_day_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class TagDayCount(db.Model):
    """Concerns and complaints per root-cause tag and day (triggers on incident_tags)."""

    __tablename__ = "tag_day_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    tag_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class DepartmentTagDayCount(db.Model):
    """Concerns and complaints per department, root-cause tag and day (triggers on
    incident_tags)."""

    __tablename__ = "department_tag_day_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tag_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class StaffMonthCount(db.Model):
    """Concerns and complaints naming a staff member, per month (its first day), severity and
    the incident's department (triggers on incident_staff)."""

    __tablename__ = "staff_month_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    staff_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    severity: Mapped[str] = mapped_column(String(8), primary_key=True)
    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(db.Model):
    """Who saw and changed what. Append-only."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
    ip: Mapped[str | None] = mapped_column(String(64))

    user: Mapped[User | None] = relationship()


__all__ = [
    "Alert",
    "AlertIncident",
    "ApiToken",
    "AuditEvent",
    "ClockPause",
    "Contact",
    "Department",
    "DepartmentDayCount",
    "DepartmentTagDayCount",
    "HistoryEntry",
    "Holiday",
    "Incident",
    "IncidentStaff",
    "IncidentTag",
    "Notification",
    "ReferenceCounter",
    "StageChange",
    "StaffMember",
    "StaffMonthCount",
    "Tag",
    "TagDayCount",
    "TagFeedback",
    "Task",
    "User",
    "normalize_person_name",
    "utcnow",
]


def _copies_of(incident_row) -> dict:
    return {
        "reported_on": incident_row.reported_on,
        "department_id": incident_row.department_id,
        "kind": incident_row.kind,
        "severity": incident_row.severity,
    }


def _fill_copies(mapper, connection, target) -> None:
    """A new incident_tags / incident_staff row takes its incident's date, department, kind
    (and severity): from the incident in this session when it is there, else from its row."""
    session = object_session(target)
    incident = None
    if session is not None:
        incident = session.identity_map.get(identity_key(Incident, (target.incident_id,)))
    if incident is None:
        table = Incident.__table__
        incident = connection.execute(
            select(
                table.c.reported_on, table.c.department_id, table.c.kind, table.c.severity
            ).where(table.c.id == target.incident_id)
        ).one_or_none()
    if incident is not None:
        values = _copies_of(incident)
        for name in _COPIES[target.__table__]:
            setattr(target, name, values[name])


def _refresh_copies(mapper, connection, target) -> None:
    """An updated incident passes its date, department, kind and severity on to its rows."""
    values = _copies_of(target)
    for table, names in _COPIES.items():
        connection.execute(
            table.update()
            .where(table.c.incident_id == target.id)
            .values({n: values[n] for n in names})
        )


_COPIES = {
    IncidentTag.__table__: ("reported_on", "department_id", "kind"),
    IncidentStaff.__table__: ("reported_on", "department_id", "kind", "severity"),
}

event.listen(IncidentTag, "before_insert", _fill_copies)
event.listen(IncidentStaff, "before_insert", _fill_copies)
event.listen(Incident, "after_update", _refresh_copies)
