"""The questions the incident pages ask of the database, named for what they answer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, or_, select

from ..domain import vocab
from ..domain.incident_rules import parse_date
from ..extensions import db
from ..models import Department, Incident, IncidentTag, Tag

SORTS = {
    "newest": (Incident.reported_on.desc(), Incident.id.desc()),
    "oldest": (Incident.reported_on.asc(), Incident.id.asc()),
    "severity": (
        # high first: a CASE keeps it portable across SQLite and PostgreSQL
        db.case({"high": 0, "medium": 1, "low": 2}, value=Incident.severity),
        Incident.reported_on.desc(),
    ),
    "reference": (Incident.reference.desc(),),
    "updated": (Incident.updated_at.desc(),),
}


@dataclass
class Filters:
    q: str = ""
    department: str = ""
    tag: str = ""
    status: str = ""
    stage: str = ""
    severity: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "newest"
    page: int = 1
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, args) -> Filters:
        """Read the list's query string; a bad value is reported and ignored, never a 500."""
        f = cls(
            q=(args.get("q") or "").strip()[:200],
            department=(args.get("department") or "").strip()[:120],
            tag=(args.get("tag") or "").strip()[:64],
        )
        for name, allowed in (
            ("status", vocab.STATUSES),
            ("stage", vocab.STAGES),
            ("severity", vocab.SEVERITIES),
        ):
            value = (args.get(name) or "").strip()
            if value and value not in allowed:
                f.errors.append(f"Unknown {name} '{value[:30]}' ignored.")
            elif value:
                setattr(f, name, value)
        for arg, attr in (("from", "date_from"), ("to", "date_to")):
            value = (args.get(arg) or "").strip()
            if value:
                try:
                    setattr(f, attr, parse_date(value))
                except ValueError as exc:
                    f.errors.append(f"'{arg}': {exc} The filter was ignored.")
        sort = args.get("sort") or "newest"
        f.sort = sort if sort in SORTS else "newest"
        try:
            f.page = max(1, min(int(args.get("page", 1)), 100_000))
        except (TypeError, ValueError):
            f.page = 1
        return f

    def as_args(self, **overrides) -> dict[str, Any]:
        args = {
            "q": self.q,
            "department": self.department,
            "tag": self.tag,
            "status": self.status,
            "stage": self.stage,
            "severity": self.severity,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "sort": self.sort if self.sort != "newest" else "",
            "page": self.page,
        }
        args.update(overrides)
        return {
            k: v for k, v in args.items() if v not in ("", None) and not (k == "page" and v == 1)
        }

    @property
    def active(self) -> bool:
        return any(
            [
                self.q,
                self.department,
                self.tag,
                self.status,
                self.stage,
                self.severity,
                self.date_from,
                self.date_to,
            ]
        )


def filtered(f: Filters) -> Select:
    stmt = select(Incident)
    if f.q:
        escaped = f.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        stmt = stmt.where(
            or_(
                Incident.summary.ilike(like, escape="\\"),
                Incident.narrative.ilike(like, escape="\\"),
                Incident.patient_name.ilike(like, escape="\\"),
                Incident.patient_identifier == f.q,
                Incident.reference == f.q.upper(),
            )
        )
    if f.department:
        stmt = stmt.join(Department, Incident.department_id == Department.id).where(
            Department.name == f.department
        )
    if f.tag:
        stmt = stmt.where(
            exists().where(
                IncidentTag.incident_id == Incident.id,
                IncidentTag.tag_id == select(Tag.id).where(Tag.slug == f.tag).scalar_subquery(),
            )
        )
    if f.status:
        stmt = stmt.where(Incident.status == f.status)
    if f.stage:
        stmt = stmt.where(Incident.stage == f.stage)
    if f.severity:
        stmt = stmt.where(Incident.severity == f.severity)
    if f.date_from:
        stmt = stmt.where(Incident.reported_on >= f.date_from)
    if f.date_to:
        stmt = stmt.where(Incident.reported_on <= f.date_to)
    return stmt


@dataclass
class Page:
    items: list[Incident]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def search_incidents(f: Filters, per_page: int = 25) -> Page:
    stmt = filtered(f)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page = min(f.page, max(1, math.ceil(total / per_page)))
    items = (
        db.session.scalars(
            stmt.order_by(*SORTS[f.sort]).limit(per_page).offset((page - 1) * per_page)
        )
        .unique()
        .all()
    )
    return Page(items=list(items), total=total, page=page, per_page=per_page)


def department_names() -> list[str]:
    return list(db.session.scalars(select(Department.name).order_by(Department.name)))


def timeline(incident: Incident) -> list[dict[str, Any]]:
    """Contacts, changes and stage moves merged into one list, oldest first."""
    from datetime import datetime, time

    items: list[dict[str, Any]] = []
    for c in incident.contacts:
        items.append({"at": c.contact_at, "kind": "contact", "item": c})
    for h in incident.history:
        items.append({"at": h.at, "kind": "change", "item": h})
    for s in incident.stage_changes:
        if s.from_stage is None:
            continue  # the initial stage is part of "created"
        items.append(
            {"at": datetime.combine(s.changed_on, time(23, 59)), "kind": "stage", "item": s}
        )
    for t in incident.tasks:
        items.append({"at": t.created_at, "kind": "task", "item": t})
    items.sort(key=lambda entry: entry["at"])
    return items
