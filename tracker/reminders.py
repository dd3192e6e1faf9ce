"""send-reminders: gather what is due, store in-app notices, e-mail a digest per person."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select

from .domain import reminders
from .extensions import db
from .incidents import workflow
from .models import Incident, Task, User
from .notifications.services import notify


@dataclass
class Report:
    recipients: int = 0
    notices: int = 0
    emails: int = 0
    skipped_no_email: int = 0
    failed: int = 0


def collect(today: date) -> dict[int, list[reminders.Notice]]:
    tasks = [
        reminders.OpenTask(t.id, t.assignee_id, t.title, t.due_on, t.incident.reference)
        for t in db.session.scalars(select(Task).where(Task.state == "open"))
    ]
    calendar = workflow.calendar()
    incidents = [
        reminders.OpenIncident(
            i.reference, i.owner_id, i.summary, workflow.clock(i, today, calendar)
        )
        for i in db.session.scalars(
            select(Incident).where(
                Incident.status.not_in(("resolved", "closed")), Incident.owner_id.is_not(None)
            )
        )
    ]
    return reminders.notices(
        tasks, incidents, today=today, horizon_days=current_app.config["CONCORD_DUE_SOON_DAYS"]
    )


def send(today: date | None = None, *, dry_run: bool = False) -> Report:
    """Store notices (once per notice per day) and mail each active recipient a digest."""
    today = today or date.today()
    cfg = current_app.config
    report = Report()
    per_user = collect(today)
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(per_user)))}
    outbox: list[EmailMessage] = []
    for user_id, items in per_user.items():
        user = users.get(user_id)
        if user is None or not user.active:
            continue
        report.recipients += 1
        for n in items:
            if notify(user, n.kind, n.body, n.link, dedup_key=f"{today}|{n.dedup_key}"):
                report.notices += 1
        if not user.email:
            report.skipped_no_email += 1
            continue
        subject, body = reminders.render_digest(user.full_name, items, cfg["CONCORD_BASE_URL"])
        message = EmailMessage()
        message["From"] = cfg["MAIL_DEFAULT_SENDER"]
        message["To"] = user.email
        message["Subject"] = subject
        message.set_content(body)
        outbox.append(message)
    db.session.commit()
    if dry_run or not outbox:
        return report
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=30) as smtp:
        if cfg["MAIL_USE_TLS"]:
            smtp.starttls()
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
        for message in outbox:
            try:
                smtp.send_message(message)
                report.emails += 1
            except smtplib.SMTPException:
                report.failed += 1
    return report
