from datetime import date, timedelta

from tracker.domain.deadlines import WorkCalendar, clock_state
from tracker.domain.reminders import OpenIncident, OpenTask, notices, render_digest

TODAY = date(2026, 11, 25)


def test_overdue_and_due_soon_tasks_and_late_acknowledgements():
    clock = clock_state(
        date(2026, 11, 2), ack_days=3, response_days=25, calendar=WorkCalendar(), today=TODAY
    )
    result = notices(
        [
            OpenTask(1, 7, "Call back", TODAY - timedelta(days=1), "C-2026-000001"),
            OpenTask(2, 7, "Send leaflet", TODAY + timedelta(days=2), "C-2026-000001"),
            OpenTask(3, 7, "Later", TODAY + timedelta(days=9), "C-2026-000001"),
        ],
        [OpenIncident("C-2026-000002", 8, "Rude porter", clock)],
        today=TODAY,
    )
    assert [n.kind for n in result[7]] == ["task-overdue", "task-due-soon"]
    assert [n.kind for n in result[8]] == ["ack-late"]
    subject, body = render_digest("Olu", result[8], "https://concord.example")
    assert subject == "Concord: 1 item needs attention (1 late)"
    assert "https://concord.example/incidents/C-2026-000002" in body
