"""The aggregates the pattern detectors read: one GROUP BY per input, never a Python loop
over every incident. A `Scope` narrows every query to what one saved incident can change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from flask import current_app
from sqlalchemy import and_, bindparam, case, func, or_, select, union_all

from ..domain import deadlines, vocab
from ..domain import detectors as p
from ..extensions import db
from ..incidents import workflow
from ..models import (
    ClockPause,
    Contact,
    Department,
    DepartmentDayCount,
    DepartmentTagDayCount,
    Incident,
    IncidentStaff,
    IncidentTag,
    StaffMember,
    StaffMonthCount,
    Tag,
    TagDayCount,
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


# Statements are built once per shape (scoped or not, dialect) with bound parameters, over
# the Core tables: an incremental scan runs on every save, and building SQLAlchemy
# expressions anew each time cost more than running them.
INC, IT, IS = Incident.__table__.c, IncidentTag.__table__.c, IncidentStaff.__table__.c
D, T, S = Department.__table__.c, Tag.__table__.c, StaffMember.__table__.c
C, CP = Contact.__table__.c, ClockPause.__table__.c
# per-day and per-month counts kept by triggers (see models.DepartmentDayCount)
DDC, TDC, DTC, SMC = (
    DepartmentDayCount.__table__.c,
    TagDayCount.__table__.c,
    DepartmentTagDayCount.__table__.c,
    StaffMonthCount.__table__.c,
)


def _p(name: str):
    return bindparam(name)


def _many(name: str):
    return bindparam(name, expanding=True)


def _rows(stmt, **params) -> list:
    return db.session.execute(stmt, params).all()


def _references(scope: Scope | None) -> dict:
    """The :refs parameter of a statement scoped to a few incidents by reference."""
    return {} if scope is None else {"refs": sorted(scope.references)}


def _period_of(column, periods: int):
    """Which period (0 = the latest) a date falls in, as a CASE over the period boundaries
    (bound as b0, b1, ...): plain date comparisons the index serves, where a date difference
    computed per row (julianday) cost a function call for every incident in the range."""
    return case(
        *[(column > _p(f"b{k}"), k) for k in range(periods - 1)],
        else_=periods - 1,
    )


def _boundaries(as_of: date, config: p.Config, periods: int) -> dict[str, date]:
    length = config.spike_period_days
    return {f"b{k}": as_of - timedelta(days=(k + 1) * length) for k in range(periods - 1)}


@cache
def _open_stmts(stmt, scoped: bool) -> tuple:
    """`stmt` over the incidents open on :as_of, as two index lookups on resolved_on (not
    yet resolved; resolved later than as_of): an OR of the two makes the planners scan
    every incident reported before as_of. Scoped (a few incidents by reference): one query,
    the reference index leads."""
    stmt = stmt.where(INC.reported_on <= _p("as_of"))
    if scoped:
        return (stmt.where(or_(INC.resolved_on.is_(None), INC.resolved_on > _p("as_of"))),)
    return (stmt.where(INC.resolved_on.is_(None)), stmt.where(INC.resolved_on > _p("as_of")))


def _rows_open_at(stmt, scoped: bool, **params) -> list:
    rows: list = []
    for part in _open_stmts(stmt, scoped):
        rows.extend(_rows(part, **params))
    return rows


@cache
def _window_stmts(scoped: bool) -> tuple:
    pair = DepartmentTagDayCount.__table__.join(
        Department.__table__, DTC.department_id == D.id
    ).join(Tag.__table__, T.id == DTC.tag_id)
    stmt = select(D.name, T.slug, func.sum(DTC.n)).select_from(pair).group_by(D.name, T.slug)
    if scoped:
        stmt = stmt.where(
            DTC.department_id.in_(_many("dept_ids")), DTC.tag_id.in_(_many("tag_ids"))
        )
    now = stmt.where(DTC.day.between(_p("start"), _p("as_of"))).having(
        func.sum(DTC.n) >= _p("min_n")
    )
    before = stmt.where(
        DTC.day.between(_p("year_start"), _p("year_end")),
        D.name.in_(_many("names")),
        T.slug.in_(_many("slugs")),
    )
    return now, before


def window_counts(as_of: date, config: p.Config, scope: Scope | None) -> list[p.WindowCount]:
    """Incidents per (department, tag) in the cluster window, summed from the per-day
    counts (one index range per pair)."""
    start = as_of - timedelta(days=config.cluster_days - 1)
    now, before = _window_stmts(scope is not None)
    params: dict = {}
    if scope is not None:
        params["dept_ids"], params["tag_ids"] = _ids(scope)
    rows = _rows(now, start=start, as_of=as_of, min_n=config.cluster_min, **params)
    if not rows:
        return []
    previous = {
        (d, t): n
        for d, t, n in _rows(
            before,
            year_start=start - timedelta(days=365),
            year_end=start - timedelta(days=1),
            names=sorted({r[0] for r in rows}),
            slugs=sorted({r[1] for r in rows}),
            **params,
        )
    }
    return [p.WindowCount(d, t, int(n), int(previous.get((d, t), 0))) for d, t, n in rows]


def _ids(scope: Scope) -> tuple[list[int], list[int]]:
    if scope.department_ids and scope.tag_ids:
        return [i for i, _ in scope.department_ids], list(scope.tag_ids)
    dept_ids = list(
        db.session.scalars(select(Department.id).where(Department.name.in_(scope.departments)))
    )
    tag_ids = list(db.session.scalars(select(Tag.id).where(Tag.slug.in_(scope.tags))))
    return dept_ids, tag_ids


@cache
def _period_stmts(scoped: bool, periods: int) -> tuple:
    """Per-day counts summed per period, then joined to the names (few rows to join)."""
    dept_period = _period_of(DDC.day, periods)
    dept = (
        select(DDC.department_id, dept_period.label("period"), func.sum(DDC.n).label("n"))
        .where(DDC.day.between(_p("start"), _p("as_of")))
        .group_by(DDC.department_id, dept_period)
    )
    tag_period = _period_of(TDC.day, periods)
    tag = (
        select(TDC.tag_id, tag_period.label("period"), func.sum(TDC.n).label("n"))
        .where(TDC.day.between(_p("start"), _p("as_of")))
        .group_by(TDC.tag_id, tag_period)
    )
    if scoped:
        dept = dept.where(DDC.department_id.in_(_many("dept_ids")))
        tag = tag.where(TDC.tag_id.in_(_many("tag_ids")))
    dept, tag = dept.subquery(), tag.subquery()
    return (
        select(D.name, dept.c.period, dept.c.n).join_from(
            dept, Department.__table__, D.id == dept.c.department_id
        ),
        select(T.slug, tag.c.period, tag.c.n).join_from(tag, Tag.__table__, T.id == tag.c.tag_id),
    )


def period_counts(as_of: date, config: p.Config, scope: Scope | None):
    periods = config.spike_baseline_periods + 1
    start = as_of - timedelta(days=periods * config.spike_period_days - 1)
    params = {"start": start, "as_of": as_of, **_boundaries(as_of, config, periods)}
    dept, tag = _period_stmts(scope is not None, periods)
    dept_params, tag_params = dict(params), dict(params)
    if scope is not None:
        dept_params["dept_ids"], tag_params["tag_ids"] = _ids(scope)
    counts: list[p.PeriodCount] = []
    for dimension, stmt, ps in (("department", dept, dept_params), ("tag", tag, tag_params)):
        for key, per, n in _rows(stmt, **ps):
            counts.append(p.PeriodCount(dimension, key, int(per), int(n)))
    history = {
        key: (as_of - earliest).days // config.spike_period_days
        for key, earliest in _first_seen(scope).items()
    }
    return counts, history


_EARLIEST = select(func.min(INC.reported_on))
# the earliest incident overall and in one department: two index probes in one round trip
_EARLIEST_WITH_DEPT = select(
    _EARLIEST.scalar_subquery(),
    select(func.min(INC.reported_on)).where(INC.department_id == _p("dept_id")).scalar_subquery(),
)
_EARLIEST_BY_DEPT = select(INC.department_id, func.min(INC.reported_on)).group_by(INC.department_id)
_TAGS_CREATED = select(T.slug, T.created_at)
_TAGS_CREATED_IN = _TAGS_CREATED.where(T.slug.in_(_many("slugs")))


def _first_seen(scope: Scope | None) -> dict[tuple[str, str], date]:
    """How far back each department's and tag's data goes (is there a baseline yet?).
    Departments: MIN(reported_on) per department, read off the (department, reported_on)
    index. Tags: the shipped taxonomy has existed as long as the data; a tag an admin added
    later has no history before the day it was created."""
    out: dict[tuple[str, str], date] = {}
    if scope is None:
        overall = db.session.execute(_EARLIEST).scalar()
        if overall is None:
            return out
        names = dict(_rows(select(D.id, D.name)))
        for dept_id, earliest in _rows(_EARLIEST_BY_DEPT):
            out[("department", names[dept_id])] = earliest
        tags = _rows(_TAGS_CREATED)
    else:
        if scope.department_ids:
            names = dict(scope.department_ids)
        else:
            names = dict(
                _rows(select(D.id, D.name).where(D.name.in_(_many("n"))), n=list(scope.departments))
            )
        overall = None
        for dept_id, name in names.items():  # one MIN per department: a single index probe
            overall, earliest = db.session.execute(_EARLIEST_WITH_DEPT, {"dept_id": dept_id}).one()
            if earliest is not None:
                out[("department", name)] = earliest
        if not names:
            overall = db.session.execute(_EARLIEST).scalar()
        if overall is None:
            return out
        tags = _rows(_TAGS_CREATED_IN, slugs=sorted(scope.tags))
    for slug, created in tags:
        out[("tag", slug)] = overall if slug in vocab.TAXONOMY else max(overall, created.date())
    return out


@cache
def _staff_stmts(scoped: bool) -> tuple:
    if scoped:  # the named staff's departments: they and their peers
        named = StaffMember.__table__.alias()
        depts = select(named.c.department_id).where(
            named.c.id.in_(_many("staff_ids")), named.c.department_id.is_not(None)
        )
        peer = StaffMember.__table__.alias()
        peers = select(peer.c.id).where(peer.c.department_id.in_(depts))

    def part(staff_id, day, severity, department_id, n, where):
        """Sums per staff member, incident department, severity and recency, before any
        join: the joins then touch a few hundred rows, not every incident."""
        recent = case((day >= _p("recent_from"), 1), else_=0)
        stmt = (
            select(
                staff_id.label("staff_id"),
                department_id.label("department_id"),
                severity.label("severity"),
                recent.label("recent"),
                n.label("n"),
            )
            .where(where)
            .group_by(staff_id, department_id, severity, recent)
        )
        return stmt.where(staff_id.in_(peers)) if scoped else stmt

    parts = [
        part(
            SMC.staff_id,
            SMC.month,
            SMC.severity,
            SMC.department_id,
            func.sum(SMC.n),
            SMC.month.between(_p("start"), _p("last_whole_month")),
        ),
        part(  # the current month to date
            IS.staff_id,
            IS.reported_on,
            IS.severity,
            IS.department_id,
            func.count(),
            and_(
                IS.reported_on.between(_p("this_month"), _p("as_of")),
                IS.kind.in_(COMPLAINTS),
                IS.severity.is_not(None),
                IS.department_id.is_not(None),
            ),
        ),
    ]
    u = union_all(*parts).subquery()
    home = func.coalesce(S.department_id, u.c.department_id)
    stmt = (
        select(S.id, S.full_name, D.name, u.c.severity, u.c.recent, func.sum(u.c.n))
        .select_from(
            u.join(StaffMember.__table__, S.id == u.c.staff_id).join(
                Department.__table__, D.id == home
            )
        )
        .group_by(S.id, S.full_name, D.name, u.c.severity, u.c.recent)
    )
    directory = (
        select(D.name, func.count())
        .select_from(StaffMember.__table__.join(Department.__table__, D.id == S.department_id))
        .group_by(D.name)
    )
    if scoped:
        directory = directory.where(D.id.in_(depts))
    return stmt, directory


def staff_counts(as_of: date, config: p.Config, scope: Scope | None):
    """Per staff member, severity and recency: incidents naming them in the window (whole
    calendar months, see detectors.clinician_window), summed from the monthly counts, with
    the current month to date read from incident_staff's copies of the incident's date,
    kind, severity and department."""
    params: dict = {}
    if scope is not None:
        if not scope.staff_ids:
            return [], {}  # nobody named: no clinician's index can change
        params["staff_ids"] = sorted(scope.staff_ids)
    start, recent_from = p.clinician_window(as_of, config)
    this_month = p.month_start(as_of)
    stmt, directory = _staff_stmts(scope is not None)
    rows = _rows(
        stmt,
        start=start,
        last_whole_month=p.month_start(as_of, 1),
        this_month=this_month,
        as_of=as_of,
        recent_from=recent_from,
        **params,
    )
    counts = [p.StaffCount(i, name, d, sev, bool(rec), int(n)) for i, name, d, sev, rec, n in rows]
    return counts, dict(_rows(directory, **params))


@cache
def _patient_stmt(scoped: bool):
    stmt = (
        select(INC.patient_identifier, func.count())
        .where(
            INC.reported_on.between(_p("start"), _p("as_of")),
            INC.patient_identifier != "",
            INC.kind.in_(COMPLAINTS),
        )
        .group_by(INC.patient_identifier)
        .having(func.count() >= _p("min_n"))
    )
    return stmt.where(INC.patient_identifier.in_(_many("patients"))) if scoped else stmt


def patient_counts(as_of: date, config: p.Config, scope: Scope | None):
    params: dict = {}
    if scope is not None:
        if not scope.patients:
            return []
        params["patients"] = sorted(scope.patients)
    start = as_of - timedelta(days=config.repeat_days - 1)
    stmt = _patient_stmt(scope is not None)
    rows = _rows(stmt, start=start, as_of=as_of, min_n=config.repeat_min_incidents, **params)
    return [p.PatientCount(pid, n) for pid, n in rows]


@cache
def _contact_stmt(scoped: bool):
    unanswered = func.sum(case((C.answered.is_(False), 1), else_=0))
    stmt = (
        select(INC.reference, func.count(), unanswered)
        .select_from(Contact.__table__.join(Incident.__table__, INC.id == C.incident_id))
        .where(C.direction == "inbound", C.contact_at < _p("before"))
        .group_by(INC.reference)
        .having(func.count() >= _p("min_n"))
    )
    return stmt.where(INC.reference.in_(_many("refs"))) if scoped else stmt


def contact_counts(as_of: date, config: p.Config, scope: Scope | None):
    params = _references(scope)
    rows = _rows_open_at(
        _contact_stmt(scope is not None),
        scope is not None,
        as_of=as_of,
        before=datetime.combine(as_of + timedelta(days=1), time()),
        min_n=config.repeat_min_contacts,
        **params,
    )
    return [p.ContactCount(ref, n, int(u or 0)) for ref, n, u in rows]


@cache
def _late_stmt(scoped: bool):
    ack_pending = and_(
        or_(INC.acknowledged_on.is_(None), INC.acknowledged_on > _p("as_of")),
        INC.reported_on <= _p("ack_before"),
    )
    response_pending = and_(
        or_(INC.responded_on.is_(None), INC.responded_on > _p("as_of")),
        INC.reported_on <= _p("response_before"),
    )
    stmt = select(
        INC.id, INC.reference, INC.reported_on, INC.acknowledged_on, INC.responded_on
    ).where(INC.kind.in_(COMPLAINTS), or_(ack_pending, response_pending))
    return stmt.where(INC.reference.in_(_many("refs"))) if scoped else stmt


_PAUSES = select(CP.incident_id, CP.start_on, CP.end_on, CP.reason).where(
    CP.incident_id.in_(_many("ids")), CP.start_on <= _p("as_of")
)


def late_clocks(as_of: date, scope: Scope | None) -> list[p.LateClock]:
    cfg = current_app.config
    ack_days, response_days = cfg["CONCORD_ACK_DAYS"], cfg["CONCORD_RESPONSE_DAYS"]
    params = _references(scope)
    rows = _rows_open_at(
        _late_stmt(scope is not None),
        scope is not None,
        as_of=as_of,
        ack_before=as_of - timedelta(days=ack_days),
        response_before=as_of - timedelta(days=response_days),
        **params,
    )
    if not rows:
        return []
    pauses: dict[int, list[deadlines.Pause]] = {}
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 500):
        for incident_id, start_on, end_on, reason in _rows(
            _PAUSES, ids=ids[chunk : chunk + 500], as_of=as_of
        ):
            end = end_on if end_on and end_on <= as_of else None
            pauses.setdefault(incident_id, []).append(deadlines.Pause(start_on, end, reason))
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


@cache
def _risky_stmt(scoped: bool, dialect: str):
    if dialect == "sqlite":  # compare as text so the planner uses the escalation index
        reported, as_of = func.date(INC.reported_on), _p("as_of_text")
    else:
        reported, as_of = INC.reported_on, _p("as_of")
    stmt = select(INC.reference, INC.escalation_score, INC.escalation_reasons).where(
        INC.escalation_level == "high",
        reported <= as_of,
        or_(INC.resolved_on.is_(None), INC.resolved_on > _p("as_of")),
        INC.kind.in_(COMPLAINTS),
    )
    return stmt.where(INC.reference.in_(_many("refs"))) if scoped else stmt


def risky(as_of: date, scope: Scope | None) -> list[p.RiskyIncident]:
    params = {"as_of": as_of, **_references(scope)}
    dialect = db.engine.dialect.name
    if dialect == "sqlite":
        params["as_of_text"] = as_of.isoformat()
    return [
        p.RiskyIncident(ref, float(score or 0.8), tuple(reasons or ()))
        for ref, score, reasons in _rows(_risky_stmt(scope is not None, dialect), **params)
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
