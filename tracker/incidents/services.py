"""Creating and changing incidents: one path for the web form, the API and CSV import.

Every function here adds to the session and leaves the commit to the caller, so a request
or an import commits all of its writes or none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from ..domain import incident_rules
from ..extensions import db
from ..models import (
    Contact,
    Department,
    HistoryEntry,
    Incident,
    IncidentStaff,
    IncidentTag,
    ReferenceCounter,
    StaffMember,
    Tag,
    User,
    normalize_person_name,
    utcnow,
)

SCALAR_FIELDS = (
    "reported_on",
    "occurred_on",
    "source",
    "channel",
    "patient_identifier",
    "patient_name",
    "summary",
    "narrative",
    "severity",
    "stage",
    "status",
    "acknowledged_on",
    "resolved_on",
)


class ValidationFailed(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


# --- look-ups -----------------------------------------------------------------------------


def active_tag_slugs() -> list[str]:
    return list(db.session.scalars(select(Tag.slug).where(Tag.retired_at.is_(None))))


def all_tag_slugs() -> list[str]:
    return list(db.session.scalars(select(Tag.slug)))


def get_by_reference(reference: str) -> Incident | None:
    return db.session.scalar(select(Incident).where(Incident.reference == reference))


def _get_or_create(query, factory):
    """Find a row or create it; if another transaction creates it first, use theirs."""
    found = db.session.scalar(query)
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            created = factory()
            db.session.add(created)
            db.session.flush()
        return created
    except IntegrityError:
        return db.session.scalar(query)


@contextmanager
def bulk_lookups():
    """Within a bulk write (CSV import), remember departments, staff and tags once found,
    instead of asking the database (and flushing the session) for each row."""
    db.session.info["lookups"] = {}
    try:
        yield
    finally:
        db.session.info.pop("lookups", None)


def _remembered(kind: str, key: str, find):
    cache = db.session.info.get("lookups")
    if cache is None:
        return find()
    if (kind, key) not in cache:
        cache[(kind, key)] = find()
    return cache[(kind, key)]


def department_named(name: str) -> Department:
    """The department with this name (case-insensitive), created if new."""
    name = " ".join(name.split())
    query = select(Department).where(db.func.lower(Department.name) == name.lower())
    return _remembered(
        "department", name.lower(), lambda: _get_or_create(query, lambda: Department(name=name))
    )


def staff_named(name: str, department: Department | None) -> StaffMember:
    """One stable identity per person: 'Dr. A. Patel' and 'dr a patel' are the same key."""
    key = normalize_person_name(name)
    query = select(StaffMember).where(StaffMember.name_key == key)
    return _remembered(
        "staff",
        key,
        lambda: _get_or_create(
            query, lambda: StaffMember(full_name=" ".join(name.split()), department=department)
        ),
    )


# --- references ---------------------------------------------------------------------------


def _bump_counter(year: int) -> int:
    stmt = (
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
        # no ORM object mirrors the counter: skip scanning the session for one (O(n) each)
        .execution_options(synchronize_session=False)
    )
    number = db.session.execute(stmt).scalar()
    if number is not None:
        return number
    try:
        with db.session.begin_nested():
            db.session.execute(insert(ReferenceCounter).values(year=year, last=0))
    except IntegrityError:
        pass  # another transaction created the row first; the update below waits for it
    return db.session.execute(stmt).scalar_one()


def allocate_reference(year: int) -> str:
    """The next free `C-YYYY-NNNNNN`. The counter row is bumped with one atomic UPDATE, so two
    officers saving at the same moment never get the same number; numbers taken by imported
    references are skipped."""
    while True:
        reference = f"C-{year}-{_bump_counter(year):06d}"
        if get_by_reference(reference) is None:
            return reference


def reserve_reference(reference: str) -> None:
    """An imported reference: make sure the counter never issues it again."""
    match = incident_rules.REFERENCE_RE.match(reference)
    if not match:
        return
    year, number = int(match.group(1)), int(match.group(2))
    _bump_counter(year)  # ensures the row exists (and is locked by us)
    db.session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year, ReferenceCounter.last < number)
        .values(last=number)
        .execution_options(synchronize_session=False)
    )


# --- create and update --------------------------------------------------------------------


def _set_tags(incident: Incident, slugs: Iterable[str], primary: str | None) -> None:
    slugs = list(dict.fromkeys(slugs))
    # the whole taxonomy: a few dozen rows, remembered for a bulk import
    tags = _remembered("tags", "", lambda: {t.slug: t for t in db.session.scalars(select(Tag))})
    incident.tag_links = [IncidentTag(tag=tags[s], tag_id=tags[s].id) for s in slugs]
    incident.primary_tag = tags.get(primary) if primary else None


def _set_staff(incident: Incident, names: Iterable[str]) -> None:
    people: dict[int, StaffMember] = {}
    for name in names:
        person = staff_named(name, incident.department)
        people[person.id] = person
    incident.staff_links = [IncidentStaff(staff=p, staff_id=p.id) for p in people.values()]


def snapshot(incident: Incident) -> dict[str, Any]:
    """The incident as interface fields (CSV columns, API keys)."""
    return {
        "reference": incident.reference,
        "reported_on": incident.reported_on,
        "occurred_on": incident.occurred_on,
        "department": incident.department.name if incident.department else None,
        "source": incident.source,
        "channel": incident.channel,
        "patient_identifier": incident.patient_identifier,
        "patient_name": incident.patient_name,
        "staff_involved": [s.full_name for s in incident.staff],
        "summary": incident.summary,
        "narrative": incident.narrative,
        "tags": incident.tag_slugs,
        "primary_tag": incident.primary_tag.slug if incident.primary_tag else None,
        "severity": incident.severity,
        "stage": incident.stage,
        "status": incident.status,
        "acknowledged_on": incident.acknowledged_on,
        "resolved_on": incident.resolved_on,
    }


def validate(
    raw: Mapping[str, Any], *, existing: Incident | None = None, today: date | None = None
) -> dict[str, Any]:
    clean, errors = incident_rules.parse_incident(
        raw,
        today=today or date.today(),
        tag_slugs=active_tag_slugs() if existing is None else all_tag_slugs(),
        existing=snapshot(existing) if existing is not None else None,
    )
    if existing is not None and "tags" in clean:
        # Retired tags may stay on an old incident, but none may be newly added.
        active = set(active_tag_slugs())
        added = [t for t in clean["tags"] if t not in existing.tag_slugs and t not in active]
        if added:
            errors.setdefault("tags", []).append(f"Retired tag: {', '.join(added)}.")
    if existing is None and clean.get("reference") and get_by_reference(clean["reference"]):
        errors.setdefault("reference", []).append(
            f"An incident {clean['reference']} already exists; change it instead of adding it again."
        )
    if errors:
        raise ValidationFailed(errors)
    return clean


def create_incident(
    clean: Mapping[str, Any], *, user: User | None, kind: str = "concern"
) -> Incident:
    """A new incident from validated values (see `validate`)."""
    incident = Incident(
        kind=kind,
        status=clean.get("status") or "new",
        created_by=user,
        owner=user if user and user.role != "staff" else None,
    )
    for field in SCALAR_FIELDS:
        if field in clean and field != "status":
            setattr(incident, field, clean[field] if clean[field] is not None else None)
    incident.patient_identifier = clean.get("patient_identifier") or ""
    incident.patient_name = clean.get("patient_name") or ""
    incident.department = department_named(clean["department"])
    if clean.get("reference"):
        reserve_reference(clean["reference"])
        incident.reference = clean["reference"]
    else:
        incident.reference = allocate_reference(clean["reported_on"].year)
    db.session.add(incident)
    _set_tags(incident, clean.get("tags", []), clean.get("primary_tag"))
    _set_staff(incident, clean.get("staff_involved", []))
    db.session.flush()
    db.session.add(
        HistoryEntry(
            incident=incident,
            user=user,
            field="created",
            new_value=incident.reference,
            note="Incident recorded",
        )
    )
    if incident.stage:
        from ..models import StageChange

        db.session.add(
            StageChange(
                incident=incident,
                from_stage=None,
                to_stage=incident.stage,
                changed_on=incident.reported_on,
                reason="Recorded at this stage",
                user=user,
            )
        )
    return incident


def _fmt(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def update_incident(
    incident: Incident, clean: Mapping[str, Any], *, user: User | None, note: str | None = None
) -> list[HistoryEntry]:
    """Apply validated changes; every field that changes gets a history entry."""
    before = snapshot(incident)
    if "department" in clean and clean["department"] != before["department"]:
        incident.department = department_named(clean["department"])
    for field in SCALAR_FIELDS:
        if field in clean and field not in ("status", "stage"):
            value = clean[field]
            if field in ("patient_identifier", "patient_name") and value is None:
                value = ""
            setattr(incident, field, value)
    if "tags" in clean or "primary_tag" in clean:
        _set_tags(
            incident,
            clean.get("tags", before["tags"]),
            clean.get("primary_tag", before["primary_tag"]),
        )
    if "staff_involved" in clean:
        _set_staff(incident, clean["staff_involved"])
    after = snapshot(incident)
    entries = []
    for field, old in before.items():
        new = after[field]
        if field in ("status", "stage"):
            continue  # workflow and stage changes have their own paths and records
        if _fmt(old) != _fmt(new):
            entry = HistoryEntry(
                incident=incident,
                user=user,
                field=field,
                old_value=_fmt(old),
                new_value=_fmt(new),
                note=note,
            )
            db.session.add(entry)
            entries.append(entry)
    if entries:
        incident.updated_at = utcnow()
    return entries


def record_change(
    incident: Incident,
    field: str,
    old: Any,
    new: Any,
    *,
    user: User | None,
    note: str | None = None,
) -> HistoryEntry:
    entry = HistoryEntry(
        incident=incident,
        user=user,
        field=field,
        old_value=_fmt(old),
        new_value=_fmt(new),
        note=note,
    )
    db.session.add(entry)
    return entry


def add_contact(
    incident: Incident,
    *,
    user: User | None,
    contact_at: datetime,
    contact_type: str,
    direction: str,
    who: str,
    text: str,
    answered: bool = True,
) -> Contact:
    contact = Contact(
        incident=incident,
        created_by=user,
        contact_at=contact_at,
        contact_type=contact_type,
        direction=direction,
        who=who,
        text=text,
        answered=answered,
    )
    db.session.add(contact)
    return contact
