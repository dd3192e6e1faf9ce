"""The aggregates the pattern detectors read: one GROUP BY per input, never a Python loop
over every incident. A `Scope` narrows every query to what one saved incident can change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import and_, case, func, or_, select

from ..domain import deadlines, vocab
from ..domain import detectors as p
from ..extensions import db
from ..incidents import workflow
from ..models import (
    ClockPause,
    Contact,
    Department,
    Incident,
    IncidentStaff,
    IncidentTag,
    StaffMember,
    Tag,
)

COMPLAINTS = ("concern", "complaint")  # compliments and enquiries never count


@dataclass(frozen=True)
class Scope:
    """What an incremental scan looks at; None means everything."""

    departments: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    staff_ids: frozenset[int] = field(default_factory=frozenset)
    patients: frozenset[str] = field(default_factory=frozenset)
    references: frozenset[str] = field(default_factory=frozenset)
    # the ids behind `departments` and `tags` when the caller knows them (saves lookups)
    department_ids: frozenset[tuple[int, str]] = field(default_factory=frozenset)
    tag_ids: frozenset[int] = field(default_factory=frozenset)


def scope_for(incident: Incident) -> Scope:
    return Scope(
        departments=frozenset({incident.department.name}),
        tags=frozenset(incident.tag_slugs),
        staff_ids=frozenset(link.staff_id for link in incident.staff_links),
        patients=frozenset({incident.patient_identifier} - {""}),
        references=frozenset({incident.reference}),
        department_ids=frozenset({(incident.department.id, incident.department.name)}),
        tag_ids=frozenset(link.tag_id for link in incident.tag_links),
    )


def _period_of(column, as_of: date, config: p.Config, periods: int):
    """Which period (0 = the latest) a date falls in, as a CASE over the period boundaries:
    plain date comparisons the index serves, where a date difference computed per row
    (julianday) cost a function call for every incident in the range."""
    length = config.spike_period_days
    return case(
        *[(column > as_of - timedelta(days=(k + 1) * length), k) for k in range(periods - 1)],
        else_=periods - 1,
    )


def _rows_open_at(stmt, as_of: date, scoped: bool = False) -> list:
    """`stmt` over the incidents open on `as_of`, as two index lookups on resolved_on (not
    yet resolved; resolved later than as_of): an OR of the two makes the planners scan
    every incident reported before as_of."""
    if scoped:  # a few incidents by reference: one query, the reference index leads
        open_ = or_(Incident.resolved_on.is_(None), Incident.resolved_on > as_of)
        return db.session.execute(stmt.where(Incident.reported_on <= as_of, open_)).all()
    rows: list = []
    for part in (Incident.resolved_on.is_(None), Incident.resolved_on > as_of):
        rows.extend(db.session.execute(stmt.where(Incident.reported_on <= as_of, part)).all())
    return rows


def window_counts(as_of: date, config: p.Config, scope: Scope | None) -> list[p.WindowCount]:
    """Incidents per (department, tag) in the cluster window, read from incident_tags'
    copies of the incident's date, department and kind (one index range per pair)."""
    start = as_of - timedelta(days=config.cluster_days - 1)
    stmt = (
        select(Department.name, Tag.slug, func.count())
        .select_from(IncidentTag)
        .join(Department, IncidentTag.department_id == Department.id)
        .join(Tag, Tag.id == IncidentTag.tag_id)
        .where(IncidentTag.kind.in_(COMPLAINTS))
        .group_by(Department.name, Tag.slug)
    )
    before = stmt.where(
        IncidentTag.reported_on.between(start - timedelta(days=365), start - timedelta(days=1))
    )
    stmt = stmt.where(IncidentTag.reported_on.between(start, as_of))
    if scope is not None:
        dept_ids, tag_ids = _ids(scope)
        stmt = stmt.where(IncidentTag.department_id.in_(dept_ids), IncidentTag.tag_id.in_(tag_ids))
        before = before.where(
            IncidentTag.department_id.in_(dept_ids), IncidentTag.tag_id.in_(tag_ids)
        )
    rows = db.session.execute(stmt.having(func.count() >= config.cluster_min)).all()
    if not rows:
        return []
    previous = {
        (d, t): n
        for d, t, n in db.session.execute(
            before.where(
                Department.name.in_({r[0] for r in rows}), Tag.slug.in_({r[1] for r in rows})
            )
        )
    }
    return [p.WindowCount(d, t, n, previous.get((d, t), 0)) for d, t, n in rows]


def _ids(scope: Scope) -> tuple[list[int], list[int]]:
    if scope.department_ids and scope.tag_ids:
        return [i for i, _ in scope.department_ids], list(scope.tag_ids)
    dept_ids = list(
        db.session.scalars(select(Department.id).where(Department.name.in_(scope.departments)))
    )
    tag_ids = list(db.session.scalars(select(Tag.id).where(Tag.slug.in_(scope.tags))))
    return dept_ids, tag_ids


def period_counts(as_of: date, config: p.Config, scope: Scope | None):
    periods = config.spike_baseline_periods + 1
    start = as_of - timedelta(days=periods * config.spike_period_days - 1)
    period = _period_of(Incident.reported_on, as_of, config, periods)
    base = (
        select()
        .select_from(Incident)
        .where(Incident.reported_on.between(start, as_of), Incident.kind.in_(COMPLAINTS))
    )
    dept = (
        base.add_columns(Department.name, period.label("period"), func.count())
        .join(Department, Incident.department_id == Department.id)
        .group_by(Department.name, "period")
    )
    tag_period = _period_of(IncidentTag.reported_on, as_of, config, periods)
    tag = (
        select(Tag.slug, tag_period.label("period"), func.count())
        .select_from(IncidentTag)
        .join(Tag, Tag.id == IncidentTag.tag_id)
        .where(IncidentTag.reported_on.between(start, as_of), IncidentTag.kind.in_(COMPLAINTS))
        .group_by(Tag.slug, "period")
    )
    if scope is not None:
        dept_ids, tag_ids = _ids(scope)
        dept = dept.where(Incident.department_id.in_(dept_ids))
        tag = tag.where(IncidentTag.tag_id.in_(tag_ids))
    counts: list[p.PeriodCount] = []
    for dimension, stmt in (("department", dept), ("tag", tag)):
        for key, per, n in db.session.execute(stmt):
            counts.append(p.PeriodCount(dimension, key, int(per), n))
    history = {
        key: (as_of - earliest).days // config.spike_period_days
        for key, earliest in _first_seen(scope).items()
    }
    return counts, history


def _first_seen(scope: Scope | None) -> dict[tuple[str, str], date]:
    """How far back each department's and tag's data goes (is there a baseline yet?).
    Departments: MIN(reported_on) per department, read off the (department, reported_on)
    index. Tags: the shipped taxonomy has existed as long as the data; a tag an admin added
    later has no history before the day it was created."""
    out: dict[tuple[str, str], date] = {}
    overall = db.session.scalar(select(func.min(Incident.reported_on)))
    if overall is None:
        return out
    if scope is not None and scope.department_ids:
        names = dict(scope.department_ids)
    else:
        names = dict(db.session.execute(select(Department.id, Department.name)).all())
    if scope is None:
        stmt = select(Incident.department_id, func.min(Incident.reported_on)).group_by(
            Incident.department_id
        )
        for dept_id, earliest in db.session.execute(stmt):
            out[("department", names[dept_id])] = earliest
    else:  # one MIN per department: a single index probe each
        for dept_id in [i for i, n in names.items() if n in scope.departments]:
            earliest = db.session.scalar(
                select(func.min(Incident.reported_on)).where(Incident.department_id == dept_id)
            )
            if earliest is not None:
                out[("department", names[dept_id])] = earliest
    tags = select(Tag.slug, Tag.created_at)
    if scope is not None:
        tags = tags.where(Tag.slug.in_(scope.tags))
    for slug, created in db.session.execute(tags):
        out[("tag", slug)] = overall if slug in vocab.TAXONOMY else max(overall, created.date())
    return out


def staff_counts(as_of: date, config: p.Config, scope: Scope | None):
    """Per staff member, severity and recency: incidents naming them in the window, read
    from incident_staff's copies of the incident's date, kind, severity and department."""
    start = as_of - timedelta(days=config.clinician_window_days - 1)
    recent = IncidentStaff.reported_on > as_of - timedelta(days=365)
    home = func.coalesce(StaffMember.department_id, IncidentStaff.department_id)
    stmt = (
        select(
            StaffMember.id,
            StaffMember.full_name,
            Department.name,
            IncidentStaff.severity,
            case((recent, True), else_=False).label("recent"),
            func.count(),
        )
        .select_from(IncidentStaff)
        .join(StaffMember, StaffMember.id == IncidentStaff.staff_id)
        .join(Department, Department.id == home)
        .where(IncidentStaff.reported_on.between(start, as_of), IncidentStaff.kind.in_(COMPLAINTS))
        .group_by(
            StaffMember.id, StaffMember.full_name, Department.name, IncidentStaff.severity, "recent"
        )
    )
    directory_stmt = (
        select(Department.name, func.count())
        .select_from(StaffMember)
        .join(Department, Department.id == StaffMember.department_id)
        .group_by(Department.name)
    )
    if scope is not None:
        if not scope.staff_ids:
            return [], {}  # nobody named: no clinician's index can change
        dept_ids = set(
            db.session.scalars(
                select(StaffMember.department_id).where(
                    StaffMember.id.in_(scope.staff_ids), StaffMember.department_id.is_not(None)
                )
            )
        )
        peers = select(StaffMember.id).where(StaffMember.department_id.in_(dept_ids))
        stmt = stmt.where(IncidentStaff.staff_id.in_(peers))
        directory_stmt = directory_stmt.where(Department.id.in_(dept_ids))
    rows = [
        p.StaffCount(i, name, d, sev, bool(rec), n)
        for i, name, d, sev, rec, n in db.session.execute(stmt)
    ]
    return rows, dict(db.session.execute(directory_stmt).all())


def patient_counts(as_of: date, config: p.Config, scope: Scope | None):
    start = as_of - timedelta(days=config.repeat_days - 1)
    stmt = (
        select(Incident.patient_identifier, func.count())
        .where(
            Incident.reported_on.between(start, as_of),
            Incident.patient_identifier != "",
            Incident.kind.in_(COMPLAINTS),
        )
        .group_by(Incident.patient_identifier)
        .having(func.count() >= config.repeat_min_incidents)
    )
    if scope is not None:
        stmt = stmt.where(Incident.patient_identifier.in_(scope.patients))
    return [p.PatientCount(pid, n) for pid, n in db.session.execute(stmt)]


def contact_counts(as_of: date, config: p.Config, scope: Scope | None):
    unanswered = func.sum(case((Contact.answered.is_(False), 1), else_=0))
    stmt = (
        select(Incident.reference, func.count(), unanswered)
        .select_from(Contact)
        .join(Incident, Incident.id == Contact.incident_id)
        .where(
            Contact.direction == "inbound",
            Contact.contact_at < datetime.combine(as_of + timedelta(days=1), time()),
        )
        .group_by(Incident.reference)
        .having(func.count() >= config.repeat_min_contacts)
    )
    if scope is not None:
        stmt = stmt.where(Incident.reference.in_(scope.references))
    return [
        p.ContactCount(ref, n, int(u or 0))
        for ref, n, u in _rows_open_at(stmt, as_of, scope is not None)
    ]


def late_clocks(as_of: date, scope: Scope | None) -> list[p.LateClock]:
    cfg = current_app.config
    ack_days, response_days = cfg["CONCORD_ACK_DAYS"], cfg["CONCORD_RESPONSE_DAYS"]
    ack_pending = and_(
        or_(Incident.acknowledged_on.is_(None), Incident.acknowledged_on > as_of),
        Incident.reported_on <= as_of - timedelta(days=ack_days),
    )
    response_pending = and_(
        or_(Incident.responded_on.is_(None), Incident.responded_on > as_of),
        Incident.reported_on <= as_of - timedelta(days=response_days),
    )
    stmt = select(
        Incident.id,
        Incident.reference,
        Incident.reported_on,
        Incident.acknowledged_on,
        Incident.responded_on,
    ).where(Incident.kind.in_(COMPLAINTS), or_(ack_pending, response_pending))
    if scope is not None:
        stmt = stmt.where(Incident.reference.in_(scope.references))
    rows = _rows_open_at(stmt, as_of, scope is not None)
    pauses: dict[int, list[deadlines.Pause]] = {}
    if rows:
        ids = [r.id for r in rows]
        for chunk in range(0, len(ids), 500):
            for pause in db.session.scalars(
                select(ClockPause).where(ClockPause.incident_id.in_(ids[chunk : chunk + 500]))
            ):
                if pause.start_on <= as_of:
                    end = pause.end_on if pause.end_on and pause.end_on <= as_of else None
                    pauses.setdefault(pause.incident_id, []).append(
                        deadlines.Pause(pause.start_on, end, pause.reason)
                    )
    calendar = workflow.calendar((as_of.year - 3, as_of.year + 1))
    memo: dict[tuple, deadlines.ClockState] = {}  # many incidents share a report date
    out = []
    for r in rows:
        ack = r.acknowledged_on if r.acknowledged_on and r.acknowledged_on <= as_of else None
        responded = r.responded_on if r.responded_on and r.responded_on <= as_of else None
        key = (r.reported_on, ack, responded)
        state = None if r.id in pauses else memo.get(key)
        if state is None:
            state = deadlines.clock_state(
                r.reported_on,
                ack_days=ack_days,
                response_days=response_days,
                calendar=calendar,
                pauses=pauses.get(r.id, ()),
                acknowledged_on=ack,
                responded_on=responded,
                today=as_of,
            )
            if r.id not in pauses:
                memo[key] = state
        for which, d in (("acknowledgement", state.acknowledgement), ("response", state.response)):
            if d.status == "late":
                out.append(p.LateClock(r.reference, which, d.due, d.days_late))
    return out


def risky(as_of: date, scope: Scope | None) -> list[p.RiskyIncident]:
    reported = (
        func.date(Incident.reported_on)
        if db.engine.dialect.name == "sqlite"
        else Incident.reported_on
    )  # let the planner use the escalation index
    stmt = select(Incident.reference, Incident.escalation_score, Incident.escalation_reasons).where(
        Incident.escalation_level == "high",
        reported <= (as_of.isoformat() if db.engine.dialect.name == "sqlite" else as_of),
        or_(Incident.resolved_on.is_(None), Incident.resolved_on > as_of),
        Incident.kind.in_(COMPLAINTS),
    )
    if scope is not None:
        stmt = stmt.where(Incident.reference.in_(scope.references))
    return [
        p.RiskyIncident(ref, float(score or 0.8), tuple(reasons or ()))
        for ref, score, reasons in db.session.execute(stmt)
    ]


def references_behind(finding: p.Finding) -> list[str]:
    """The incidents behind a finding that the detector saw only as counts."""
    if finding.incidents or finding.window is None:
        return list(finding.incidents)
    subject = finding.subject_dict
    w = finding.window
    stmt = (
        select(Incident.reference)
        .distinct()
        .where(Incident.reported_on.between(w.start, w.end), Incident.kind.in_(COMPLAINTS))
    )
    if "department" in subject and finding.kind != "clinician":
        stmt = stmt.join(Department, Incident.department_id == Department.id).where(
            Department.name == subject["department"]
        )
    if "tag" in subject:
        stmt = (
            stmt.join(IncidentTag, IncidentTag.incident_id == Incident.id)
            .join(Tag, Tag.id == IncidentTag.tag_id)
            .where(Tag.slug == subject["tag"])
        )
    if finding.kind == "clinician":
        staff_id = dict(finding.details)["staff_id"]
        stmt = stmt.join(IncidentStaff, IncidentStaff.incident_id == Incident.id).where(
            IncidentStaff.staff_id == staff_id
        )
    if "patient_identifier" in subject:
        stmt = stmt.where(Incident.patient_identifier == subject["patient_identifier"])
    return list(db.session.scalars(stmt.limit(500)))


def gather(as_of: date, config: p.Config, scope: Scope | None = None):
    period, history = period_counts(as_of, config, scope)
    staff, directory = staff_counts(as_of, config, scope)
    inputs = p.Inputs(
        window_counts=tuple(window_counts(as_of, config, scope)),
        period_counts=tuple(period),
        staff_counts=tuple(staff),
        patient_counts=tuple(patient_counts(as_of, config, scope)),
        contact_counts=tuple(contact_counts(as_of, config, scope)),
        late_clocks=tuple(late_clocks(as_of, scope)),
        risky=tuple(risky(as_of, scope)),
    )
    return inputs, history, directory


def ids_for(references: Iterable[str]) -> dict[str, int]:
    references = list(references)
    out: dict[str, int] = {}
    for chunk in range(0, len(references), 500):
        out.update(
            dict(
                db.session.execute(
                    select(Incident.reference, Incident.id).where(
                        Incident.reference.in_(references[chunk : chunk + 500])
                    )
                ).all()
            )
        )
    return out
