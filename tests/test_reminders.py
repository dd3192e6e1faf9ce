"""send-reminders: in-app notices and e-mail through a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import socket
from datetime import date, timedelta

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Notification


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield inbox
    controller.stop()


@pytest.fixture
def late_incident(make_incident, make_user):
    officer = make_user("officer", email="officer@example.org", full_name="Olu Officer")
    reported = date.today() - timedelta(days=21)
    incident = make_incident(
        user=officer,
        reported_on=reported.isoformat(),
        occurred_on=(reported - timedelta(days=2)).isoformat(),
    )
    return incident, officer


def test_a_late_acknowledgement_is_mailed_to_the_owner_and_shown_in_the_app(
    app, smtp_server, late_incident
):
    incident, officer = late_incident
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "1 e-mails sent" in result.output
    ((recipients, content),) = smtp_server.messages
    assert recipients == ["officer@example.org"]
    assert f"Acknowledgement late: {incident.reference}" in content
    assert "working days late" in content
    assert incident.narrative[:30] not in content  # no narrative leaves by e-mail
    notice = db.session.scalar(select(Notification).where(Notification.user_id == officer.id))
    assert notice.kind == "ack-late" and notice.link == f"/incidents/{incident.reference}"


def test_tasks_overdue_and_due_soon_reach_their_assignee(app, smtp_server, make_user, incident):
    from tracker.tasks import services

    officer = make_user("officer")
    nurse = make_user("staff", email="nurse@example.org")
    late = services.create_task(
        incident, user=officer, title="Call the daughter", assignee=nurse, due_on=date.today()
    )
    late.due_on = date.today() - timedelta(days=3)
    services.create_task(
        incident,
        user=officer,
        title="Send the leaflet",
        assignee=nurse,
        due_on=date.today() + timedelta(days=1),
    )
    services.create_task(
        incident,
        user=officer,
        title="Far away",
        assignee=nurse,
        due_on=date.today() + timedelta(days=30),
    )
    db.session.commit()
    assert app.test_cli_runner().invoke(args=["send-reminders"]).exit_code == 0
    ((recipients, content),) = [m for m in smtp_server.messages if m[0] == ["nurse@example.org"]]
    assert "Overdue: Call the daughter" in content and "3 days ago" in content
    assert "Send the leaflet" in content and "Far away" not in content


def test_running_twice_a_day_does_not_duplicate_in_app_notices(app, smtp_server, late_incident):
    runner = app.test_cli_runner()
    runner.invoke(args=["send-reminders"])
    first = db.session.scalar(select(db.func.count()).select_from(Notification))
    runner.invoke(args=["send-reminders"])
    assert db.session.scalar(select(db.func.count()).select_from(Notification)) == first


def test_an_unreachable_mail_server_is_a_clear_error_and_notices_are_kept(app, late_incident):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port())
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code != 0 and "Could not send mail" in result.output
    assert db.session.scalar(select(db.func.count()).select_from(Notification)) >= 1
