"""CSV import: plan every row first, write all of them or none.

A row with a `reference` that exists updates that incident (only what differs; an identical
row changes nothing), so importing the same file twice never duplicates. A row without a
reference is matched to an incident with the same reported_on, summary and patient identifier
(the file of a system that has no references of ours) before a new incident is created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..domain import csvfile
from ..domain.incident_rules import FIELDS, parse_date
from ..extensions import db
from ..models import Incident, StageChange, User
from . import services


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"column {self.column}" if self.column else "the row"
        return f"Line {self.line}, {where}: {self.message}"


@dataclass
class RowPlan:
    line: int
    action: str  # create | update | unchanged
    clean: dict[str, Any]
    incident: Incident | None = None
    changes: list[str] = field(default_factory=list)

    @property
    def reference(self) -> str | None:
        if self.incident is not None:
            return self.incident.reference
        return self.clean.get("reference")


@dataclass
class Plan:
    rows: list[RowPlan]
    errors: list[RowError]
    warnings: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


class ImportFailed(Exception):
    def __init__(self, plan: Plan):
        super().__init__("; ".join(str(e) for e in plan.errors[:5]))
        self.plan = plan


def _natural_match(raw: dict[str, str]) -> Incident | None:
    try:
        reported = parse_date(raw.get("reported_on", "").strip())
    except ValueError:
        return None
    summary = (raw.get("summary") or "").strip()
    if not summary:
        return None
    return db.session.scalars(
        select(Incident)
        .where(
            Incident.reported_on == reported,
            Incident.summary == summary,
            Incident.patient_identifier == (raw.get("patient_identifier") or "").strip(),
        )
        .limit(1)
    ).first()


def _differences(incident: Incident, clean: dict[str, Any]) -> list[str]:
    before = services.snapshot(incident)
    changed = []
    for name, value in clean.items():
        old = before.get(name)
        if name in ("tags", "staff_involved"):
            if sorted(value or []) != sorted(old or []):
                changed.append(name)
        elif name == "status" and value is None:
            continue
        elif (value or None) != (old or None):
            changed.append(name)
    return changed


def plan(data: bytes) -> Plan:
    """Read and check every row; nothing is written."""
    try:
        parsed = csvfile.read(data)
    except csvfile.CsvError as exc:
        return Plan([], [RowError(1, "", str(exc))], [])
    rows: list[RowPlan] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for row in parsed.rows:
        raw = {k: v for k, v in row.values.items() if k in FIELDS}
        if "__extra__" in row.values:
            errors.append(
                RowError(
                    row.line,
                    "",
                    f"{row.values['__extra__']} more cell(s) than the header has columns.",
                )
            )
            continue
        reference = (raw.pop("reference", "") or "").strip().upper()
        existing = None
        if reference:
            if reference in seen:
                errors.append(
                    RowError(
                        row.line, "reference", f"{reference} is also on line {seen[reference]}."
                    )
                )
                continue
            seen[reference] = row.line
            existing = services.get_by_reference(reference)
            if existing is None:
                raw["reference"] = reference
        else:
            existing = _natural_match(raw)
        try:
            if existing is not None:
                clean = services.validate(raw, existing=existing)
            else:
                clean = services.validate(raw)
        except services.ValidationFailed as exc:
            for column, messages in exc.errors.items():
                for message in messages:
                    errors.append(RowError(row.line, column, message))
            continue
        if existing is None:
            rows.append(RowPlan(row.line, "create", clean))
        else:
            changes = _differences(existing, clean)
            rows.append(
                RowPlan(row.line, "update" if changes else "unchanged", clean, existing, changes)
            )
    if not parsed.rows and not errors:
        errors.append(RowError(2, "", "The file has a header but no rows."))
    return Plan(rows, errors, parsed.warnings)


def apply(p: Plan, *, user: User | None, today: date | None = None) -> Plan:
    """Write a checked plan in the caller's transaction (the caller commits or rolls back)."""
    if not p.ok:
        raise ImportFailed(p)
    today = today or date.today()
    # Rows that bring their own reference first: reserving those numbers before any is
    # allocated means an allocated reference can never collide with one later in the file.
    ordered = sorted(p.rows, key=lambda r: not (r.action == "create" and r.clean.get("reference")))
    for row in ordered:
        if row.action == "create":
            row.incident = services.create_incident(row.clean, user=user)
            services.record_change(
                row.incident, "imported", None, f"line {row.line}", user=user, note="CSV import"
            )
        elif row.action == "update":
            incident = row.incident
            services.update_incident(incident, row.clean, user=user, note="CSV import")
            status = row.clean.get("status")
            if status and status != incident.status:
                services.record_change(
                    incident, "status", incident.status, status, user=user, note="CSV import"
                )
                incident.status = status
            stage = row.clean.get("stage")
            if stage and stage != incident.stage:
                db.session.add(
                    StageChange(
                        incident=incident,
                        from_stage=incident.stage,
                        to_stage=stage,
                        changed_on=today,
                        reason="CSV import",
                        user=user,
                    )
                )
                incident.stage = stage
    from .. import analysis

    analysis.score_batch([r.incident for r in p.rows if r.action != "unchanged"])
    return p


def import_csv(data: bytes, *, user: User | None) -> Plan:
    """All rows or none: check everything, then write everything in one transaction."""
    from .. import audit
    from ..alerts import services as alerts

    p = plan(data)
    if not p.ok:
        db.session.rollback()
        raise ImportFailed(p)
    try:
        try:
            # Each row's writes need nothing flushed from the row before (references come
            # from the counter, lookups from memory): flush once at the end, not per query.
            with services.bulk_lookups(), db.session.no_autoflush:
                apply(p, user=user)
            db.session.flush()
        except IntegrityError as exc:  # e.g. someone filed the same reference meanwhile
            db.session.rollback()
            p.errors.append(
                RowError(
                    0,
                    "",
                    f"Nothing was imported: the data changed while "
                    f"importing ({type(exc.orig).__name__}). Try again.",
                )
            )
            raise ImportFailed(p) from None
        audit.record(
            "import",
            "incident",
            None,
            detail=f"{p.count('create')} created, {p.count('update')} updated, "
            f"{p.count('unchanged')} unchanged",
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    try:
        alerts.scan(date.today())
        db.session.commit()
    except Exception:  # noqa: BLE001 - the import stands; the nightly scan will catch up
        db.session.rollback()
    return p


def export_rows(stmt=None):
    """Every incident (or those `stmt` selects) as interface records, streamed."""
    stmt = (
        stmt if stmt is not None else select(Incident).order_by(Incident.reported_on, Incident.id)
    )
    stmt = stmt.options(selectinload(Incident.tag_links), selectinload(Incident.staff_links))
    for incident in db.session.scalars(stmt.execution_options(yield_per=500)):
        yield services.snapshot(incident)
