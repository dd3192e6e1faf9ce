"""Load the demo data set (tracker.domain.demo) into the database in one transaction."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

from sqlalchemy import func, select

from .domain import demo
from .extensions import db
from .models import (
    Contact,
    Department,
    HistoryEntry,
    Incident,
    IncidentStaff,
    IncidentTag,
    ReferenceCounter,
    StaffMember,
    StageChange,
    Tag,
    Task,
    User,
)


def has_incidents() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(Incident)))


def load(data: demo.DemoData) -> dict[str, int]:
    """Insert everything in `data`; the caller commits. Returns counts for the report."""
    users: dict[str, User] = {}
    for u in data.users:
        user = db.session.scalar(select(User).where(User.username == u.username))
        if user is None:
            user = User(username=u.username, full_name=u.full_name, role=u.role)
            user.set_password(demo.DEMO_PASSWORD)
            db.session.add(user)
        users[u.username] = user

    departments: dict[str, Department] = {d.name: d for d in db.session.scalars(select(Department))}

    def department(name: str) -> Department:
        if name not in departments:
            departments[name] = Department(name=name)
            db.session.add(departments[name])
        return departments[name]

    staff: dict[str, StaffMember] = {}
    for s in data.staff:
        member = StaffMember(
            full_name=s.full_name, department=department(s.department), staff_group=s.staff_group
        )
        db.session.add(member)
        staff[s.key] = member
        if s.username and s.username in users:
            users[s.username].staff = member

    tags = {t.slug: t for t in db.session.scalars(select(Tag))}
    db.session.flush()

    counters: dict[int, int] = defaultdict(int)
    for row in db.session.execute(select(ReferenceCounter.year, ReferenceCounter.last)):
        counters[row.year] = row.last
    counts = defaultdict(int)
    for item in sorted(data.incidents, key=lambda i: (i.reported_on, i.summary)):
        year = item.reported_on.year
        counters[year] += 1
        owner = users.get(item.owner) if item.owner else None
        incident = Incident(
            reference=f"C-{year}-{counters[year]:06d}",
            kind=item.kind,
            reported_on=item.reported_on,
            occurred_on=item.occurred_on,
            department=department(item.department),
            source=item.source,
            channel=item.channel,
            patient_identifier=item.patient_identifier or "",
            patient_name=item.patient_name or "",
            summary=item.summary,
            narrative=item.narrative,
            primary_tag=tags.get(item.primary_tag) if item.primary_tag else None,
            severity=item.severity,
            stage=item.stage,
            status=item.status,
            acknowledged_on=item.acknowledged_on,
            resolved_on=item.resolved_on,
            responded_on=getattr(item, "responded_on", None) or item.resolved_on,
            closed_on=item.resolved_on if item.status == "closed" else None,
            owner=owner,
            handler=owner,
            created_by=owner,
            severity_reassessed=item.status == "closed",
            learning="Reviewed with the team; communication plan updated."
            if item.status == "closed"
            else None,
        )
        created_at = datetime.combine(item.reported_on, time(9, 30))
        incident.created_at = incident.updated_at = created_at
        incident.tag_links = [IncidentTag(tag=tags[s]) for s in item.tags if s in tags]
        incident.staff_links = [
            IncidentStaff(staff=staff[k]) for k in dict.fromkeys(item.staff_involved) if k in staff
        ]
        db.session.add(incident)
        db.session.add(
            HistoryEntry(
                incident=incident,
                user=owner,
                at=created_at,
                field="created",
                new_value=incident.reference,
                note="Incident recorded",
            )
        )
        first_stage = item.stage_changes[0].from_stage if item.stage_changes else item.stage
        db.session.add(
            StageChange(
                incident=incident,
                from_stage=None,
                to_stage=first_stage,
                changed_on=item.reported_on,
                reason="Recorded at this stage",
                user=owner,
            )
        )
        for change in item.stage_changes:
            db.session.add(
                StageChange(
                    incident=incident,
                    from_stage=change.from_stage,
                    to_stage=change.to_stage,
                    changed_on=change.on,
                    reason=change.reason,
                    user=owner,
                )
            )
            counts["stage changes"] += 1
        for c in item.contacts:
            db.session.add(
                Contact(
                    incident=incident,
                    contact_at=datetime.combine(c.on, time(11, 0)),
                    contact_type=c.type,
                    direction=c.direction,
                    who=c.who,
                    text=c.text,
                    answered=c.answered,
                    created_by=owner,
                )
            )
            counts["contacts"] += 1
        for t in item.tasks:
            task = Task(
                incident=incident,
                title=t.title,
                assignee=users[t.assignee],
                created_by=owner,
                due_on=t.due_on,
                priority=t.priority,
                state=t.state,
                outcome=t.outcome if t.state == "done" else None,
                decline_reason=t.outcome if t.state in ("declined", "cancelled") else None,
                completed_at=datetime.combine(t.completed_on, time(15, 0))
                if t.completed_on
                else None,
                share_details=False,
            )
            task.created_at = task.updated_at = datetime.combine(t.created_on, time(10, 0))
            db.session.add(task)
            counts["tasks"] += 1
        counts["incidents"] += 1
    for year, last in counters.items():
        row = db.session.get(ReferenceCounter, year)
        if row is None:
            db.session.add(ReferenceCounter(year=year, last=last))
        else:
            row.last = max(row.last, last)
    counts["users"] = len(users)
    counts["staff"] = len(staff)
    return dict(counts)


def analyse_and_scan(batch: int = 1000) -> tuple[int, int]:
    """What the app would have done as the demo incidents were filed: escalation risk from
    each narrative, then a full pattern scan (so the alerts page is not empty)."""
    from sqlalchemy import func, select

    from . import analysis
    from .alerts import services as alerts
    from .models import Alert, Incident

    ids = db.session.scalars(select(Incident.id).order_by(Incident.id)).all()
    for start in range(0, len(ids), batch):
        rows = db.session.scalars(
            select(Incident).where(Incident.id.in_(ids[start : start + batch]))
        ).all()
        analysis.score_batch(list(rows))
        db.session.commit()
    alerts.scan()
    db.session.commit()
    open_alerts = db.session.scalar(
        select(func.count()).select_from(Alert).where(Alert.status == "open")
    )
    return len(ids), open_alerts or 0
