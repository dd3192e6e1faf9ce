"""Follow-up tasks: assigned from an incident, worked from My tasks, seen on the timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import HistoryEntry, Notification, Task

SOON = (date.today() + timedelta(days=3)).isoformat()


def assign(client, incident, assignee, **fields):
    data = {
        "task-title": "Explain the operation's risks to the daughter",
        "task-assignee": str(assignee.id),
        "task-due_on": SOON,
        "task-priority": "normal",
    }
    data.update({f"task-{k}": v for k, v in fields.items()})
    return client.post(f"/incidents/{incident.reference}/tasks", data=data)


@pytest.fixture
def nurse(make_user):
    return make_user("staff", full_name="Grace Okafor")


def test_officer_assigns_a_task_and_the_assignee_is_notified(client, login_as, incident, nurse):
    login_as("officer")
    assert assign(client, incident, nurse).status_code == 302
    task = db.session.scalar(select(Task))
    assert task.assignee_id == nurse.id and task.state == "open"
    notice = db.session.scalar(select(Notification))
    assert notice.user_id == nurse.id and "Explain the operation" in notice.message


def test_a_task_due_in_the_past_is_refused_and_nothing_is_saved(client, login_as, incident, nurse):
    login_as("officer")
    response = assign(
        client, incident, nurse, due_on=(date.today() - timedelta(days=1)).isoformat()
    )
    assert response.status_code == 422
    assert "The due date has passed already." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Task)) == 0


def test_my_tasks_groups_overdue_this_week_and_later(app, client, make_user, incident, login_as):
    from tracker.tasks import services

    officer = make_user("officer")
    me = login_as("staff")
    for days, title in ((-2, "Late one"), (2, "This week one"), (20, "Later one")):
        task = services.create_task(
            incident,
            user=officer,
            title=title,
            assignee=me,
            due_on=date.today() + timedelta(days=30),
        )
        task.due_on = date.today() + timedelta(days=days)
    db.session.commit()
    page = client.get("/tasks").get_data(as_text=True)
    assert page.index("Overdue (1)") < page.index("Late one") < page.index("Due this week (1)")
    assert page.index("This week one") < page.index("Later (1)") < page.index("Later one")
    assert "2 days late" in page


def test_staff_see_task_context_but_not_the_narrative_unless_shared(
    client, login_as, make_user, incident
):
    from tracker.tasks import services

    officer = make_user("officer")
    me = login_as("staff")
    hidden = services.create_task(
        incident, user=officer, title="Hidden", assignee=me, due_on=date.today()
    )
    shared = services.create_task(
        incident, user=officer, title="Shared", assignee=me, due_on=date.today(), share_details=True
    )
    db.session.commit()
    page = client.get(f"/tasks/{hidden.id}").get_data(as_text=True)
    assert incident.summary in page and incident.department.name in page
    assert "walk unaided" not in page and "Margaret Hill" not in page
    page = client.get(f"/tasks/{shared.id}").get_data(as_text=True)
    assert "walk unaided" in page and "Margaret Hill" in page


def test_staff_cannot_open_someone_elses_task(client, login_as, make_user, incident):
    from tracker.tasks import services

    officer, other = make_user("officer"), make_user("staff")
    task = services.create_task(
        incident, user=officer, title="Not yours", assignee=other, due_on=date.today()
    )
    db.session.commit()
    login_as("staff")
    assert client.get(f"/tasks/{task.id}").status_code == 404


def test_assignee_completes_with_an_outcome_that_lands_on_the_timeline(
    client, login_as, make_user, incident
):
    from tracker.tasks import services

    officer = make_user("officer")
    me = login_as("staff")
    task = services.create_task(
        incident, user=officer, title="Call back", assignee=me, due_on=date.today()
    )
    db.session.commit()
    response = client.post(
        f"/tasks/{task.id}/done", data={"done-outcome": "Called, apologised, agreed a meeting."}
    )
    assert response.status_code == 302
    db.session.refresh(task)
    assert task.state == "done" and task.completed_at is not None
    entry = db.session.scalar(select(HistoryEntry).where(HistoryEntry.field == "task done"))
    assert entry.new_value == "Called, apologised, agreed a meeting." and entry.user_id == me.id
    notice = db.session.scalar(select(Notification).where(Notification.user_id == officer.id))
    assert notice.kind == "task-done"


def test_completing_without_an_outcome_is_refused(client, login_as, make_user, incident):
    from tracker.tasks import services

    me = login_as("staff")
    task = services.create_task(
        incident, user=make_user("officer"), title="Call", assignee=me, due_on=date.today()
    )
    db.session.commit()
    response = client.post(f"/tasks/{task.id}/done", data={"done-outcome": " "})
    assert response.status_code == 422 and "Say what was done." in response.get_data(as_text=True)
    db.session.refresh(task)
    assert task.state == "open"


def test_declined_task_goes_back_to_the_officer_with_the_reason(app, client, make_user, incident):
    from tracker.tasks import services

    from .conftest import PASSWORD

    officer, nurse = make_user("officer"), make_user("staff")
    task = services.create_task(
        incident, user=officer, title="Meet the family", assignee=nurse, due_on=date.today()
    )
    db.session.commit()
    client.post("/login", data={"username": nurse.username, "password": PASSWORD})
    client.post(f"/tasks/{task.id}/decline", data={"decline-reason": "On leave until next month."})
    db.session.refresh(task)
    assert task.state == "declined"
    client.post("/logout")
    client.post("/login", data={"username": officer.username, "password": PASSWORD})
    page = client.get("/tasks").get_data(as_text=True)
    assert "Declined: needs reassigning" in page and "On leave until next month." in page
    other = make_user("staff")
    client.post(
        f"/tasks/{task.id}/reopen", data={"reopen-assignee": str(other.id), "reopen-due_on": SOON}
    )
    db.session.refresh(task)
    assert task.state == "open" and task.assignee_id == other.id


def test_a_done_task_cannot_be_declined(client, login_as, make_user, incident):
    from tracker.tasks import services

    me = login_as("staff")
    task = services.create_task(
        incident, user=make_user("officer"), title="Call", assignee=me, due_on=date.today()
    )
    services.complete(task, user=me, outcome="done")
    db.session.commit()
    response = client.post(f"/tasks/{task.id}/decline", data={"decline-reason": "changed my mind"})
    assert response.status_code == 409
    db.session.refresh(task)
    assert task.state == "done"


def test_notifications_page_marks_a_notice_read_when_opened(client, login_as):
    me = login_as("staff")
    db.session.add(
        Notification(user_id=me.id, kind="x", message="Please call Mrs Hill", link="/tasks")
    )
    db.session.commit()
    assert "Please call Mrs Hill" in client.get("/notifications").get_data(as_text=True)
    notice = db.session.scalar(select(Notification))
    assert client.get(f"/notifications/{notice.id}").headers["Location"] == "/tasks"
    db.session.refresh(notice)
    assert notice.read_at is not None
