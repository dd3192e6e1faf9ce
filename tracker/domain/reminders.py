"""Who is reminded of what: overdue and due-soon tasks, incidents near a deadline.

Plain data in, notices out; the caller stores them as in-app notifications and e-mails a
digest per person. Deterministic order, so a digest reads the same every time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .deadlines import ClockState


@dataclass(frozen=True)
class OpenTask:
    id: int
    assignee_id: int
    title: str
    due_on: date
    reference: str


@dataclass(frozen=True)
class OpenIncident:
    reference: str
    owner_id: int
    summary: str
    clock: ClockState


@dataclass(frozen=True)
class Notice:
    recipient_id: int
    kind: str  # task-overdue | task-due-soon | ack-due | ack-late | response-due | response-late
    subject: str
    body: str
    link: str

    @property
    def dedup_key(self) -> str:
        """One notice of a kind per object per day is enough."""
        return f"{self.kind}|{self.link}"


ORDER = ("ack-late", "response-late", "task-overdue", "ack-due", "response-due", "task-due-soon")


def notices(
    tasks: list[OpenTask], incidents: list[OpenIncident], *, today: date, horizon_days: int = 2
) -> dict[int, list[Notice]]:
    """Notices per recipient: tasks due within `horizon_days` calendar days or overdue, and
    owned incidents whose acknowledgement or response is due soon or late."""
    out: dict[int, list[Notice]] = defaultdict(list)
    for t in tasks:
        days = (t.due_on - today).days
        if days < 0:
            late = -days
            out[t.assignee_id].append(
                Notice(
                    t.assignee_id,
                    "task-overdue",
                    f"Overdue: {t.title}",
                    f"{t.title} ({t.reference}) was due {t.due_on:%d %b %Y}, "
                    f"{late} day{'s' if late != 1 else ''} ago.",
                    f"/tasks/{t.id}",
                )
            )
        elif days <= horizon_days:
            when = "today" if days == 0 else f"on {t.due_on:%A %d %b}"
            out[t.assignee_id].append(
                Notice(
                    t.assignee_id,
                    "task-due-soon",
                    f"Due {when}: {t.title}",
                    f"{t.title} ({t.reference}) is due {when}.",
                    f"/tasks/{t.id}",
                )
            )
    for i in incidents:
        for name, label, deadline in (
            ("ack", "Acknowledgement", i.clock.acknowledgement),
            ("response", "Response", i.clock.response),
        ):
            if deadline.status == "late":
                out[i.owner_id].append(
                    Notice(
                        i.owner_id,
                        f"{name}-late",
                        f"{label} late: {i.reference}",
                        f"{label} for {i.reference} ({i.summary}) was due {deadline.due:%d %b %Y}; "
                        f"{deadline.days_late} working day{'s' if deadline.days_late != 1 else ''} late.",
                        f"/incidents/{i.reference}",
                    )
                )
            elif deadline.status == "due-soon":
                out[i.owner_id].append(
                    Notice(
                        i.owner_id,
                        f"{name}-due",
                        f"{label} due {deadline.due:%d %b}: {i.reference}",
                        f"{label} for {i.reference} ({i.summary}) is due {deadline.due:%A %d %b %Y}.",
                        f"/incidents/{i.reference}",
                    )
                )
    return {
        rid: sorted(items, key=lambda n: (ORDER.index(n.kind), n.link))
        for rid, items in sorted(out.items())
    }


def render_digest(recipient_name: str, items: list[Notice], base_url: str) -> tuple[str, str]:
    """The e-mail: subject and plain-text body. Only references and summaries, no narrative:
    e-mail leaves the hospital's systems."""
    late = sum(1 for n in items if n.kind.endswith("late") or n.kind == "task-overdue")
    subject = f"Concord: {len(items)} item{'s need' if len(items) != 1 else ' needs'} attention"
    if late:
        subject += f" ({late} late)"
    lines = [f"Hello {recipient_name},", "", "These need your attention:", ""]
    for n in items:
        lines += [f"- {n.subject}", f"  {n.body}", f"  {base_url.rstrip('/')}{n.link}", ""]
    lines += [
        "Open Concord to act on them: " + base_url.rstrip("/") + "/tasks",
        "",
        "You receive this because tasks or incidents in Concord are assigned to you.",
    ]
    return subject, "\n".join(lines)
