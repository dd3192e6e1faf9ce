"""The status ladder, stage moves, closing rules and task states, as plain rules."""

import pytest

from tracker.domain import workflow
from tracker.domain.workflow import TransitionError


@pytest.mark.parametrize(
    "current,target",
    [
        ("new", "acknowledged"),
        ("new", "investigating"),
        ("acknowledged", "investigating"),
        ("acknowledged", "resolved"),
        ("investigating", "resolved"),
        ("resolved", "closed"),
        ("resolved", "investigating"),
        ("closed", "investigating"),
    ],
)
def test_allowed_moves(current, target):
    workflow.check_transition(current, target)


@pytest.mark.parametrize(
    "current,target",
    [
        ("new", "resolved"),
        ("new", "closed"),
        ("investigating", "closed"),
        ("closed", "new"),
        ("new", "new"),
        ("new", "bogus"),
    ],
)
def test_refused_moves_say_what_is_allowed(current, target):
    with pytest.raises(TransitionError) as err:
        workflow.check_transition(current, target)
    assert str(err.value)


def test_closing_blockers_name_every_missing_step():
    assert workflow.closing_blockers(
        open_tasks=2, response_sent=False, severity_reassessed=False, learning=" "
    ) == [
        "2 follow-up tasks are still open.",
        "Record the date the final response was sent.",
        "Re-assess the severity.",
        "Record what was learned and what will change.",
    ]
    assert (
        workflow.closing_blockers(
            open_tasks=0,
            response_sent=True,
            severity_reassessed=True,
            learning="Leaflet rewritten.",
        )
        == []
    )


def test_stage_changes_need_a_reason_and_a_real_change():
    workflow.check_stage_change("concern", "complaint", "Written complaint received")
    workflow.check_stage_change("complaint", "concern", "Resolved informally after a meeting")
    for current, target, reason in (
        ("concern", "complaint", ""),
        ("concern", "concern", "x"),
        ("concern", "court", "x"),
    ):
        with pytest.raises(TransitionError):
            workflow.check_stage_change(current, target, reason)
    assert workflow.is_escalation("concern", "external")
    assert not workflow.is_escalation("legal", "complaint")


def test_task_states():
    workflow.check_task_transition("open", "done")
    workflow.check_task_transition("declined", "open")
    with pytest.raises(TransitionError):
        workflow.check_task_transition("done", "declined")
