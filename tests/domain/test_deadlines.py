"""Working days and statutory clocks, against a calendar table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.deadlines import (
    DeadlineError,
    Pause,
    WorkCalendar,
    clock_state,
    england_and_wales_bank_holidays,
)

ENGLAND = WorkCalendar(holidays=frozenset(england_and_wales_bank_holidays(range(2024, 2029))))
D = date.fromisoformat


@pytest.mark.parametrize(
    "year,expected",
    [
        (
            2025,
            [
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-05",
                "2025-05-26",
                "2025-08-25",
                "2025-12-25",
                "2025-12-26",
            ],
        ),
        (
            2026,
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28",
            ],
        ),
        (
            2027,
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28",
            ],
        ),
        (
            2028,
            [
                "2028-01-03",
                "2028-04-14",
                "2028-04-17",
                "2028-05-01",
                "2028-05-29",
                "2028-08-28",
                "2028-12-25",
                "2028-12-26",
            ],
        ),
    ],
)
def test_england_and_wales_bank_holidays(year, expected):
    assert sorted(england_and_wales_bank_holidays([year])) == [D(d) for d in expected]


@pytest.mark.parametrize(
    "start,n,due,why",
    [
        ("2026-11-23", 3, "2026-11-26", "Monday + 3 is Thursday"),
        ("2026-11-27", 3, "2026-12-02", "Friday + 3 skips the weekend"),
        ("2026-11-28", 3, "2026-12-02", "a Saturday report counts from Monday"),
        ("2026-12-23", 3, "2026-12-30", "Christmas Day and the Boxing Day substitute are skipped"),
        ("2026-12-30", 3, "2027-01-05", "across the year end, skipping New Year's Day"),
        ("2026-04-02", 3, "2026-04-09", "Easter: Good Friday and Easter Monday skipped"),
        ("2026-11-23", 0, "2026-11-23", "zero days is the day itself"),
        ("2026-11-02", 25, "2026-12-07", "25 working days: five weeks"),
    ],
)
def test_add_working_days(start, n, due, why):
    assert ENGLAND.add_working_days(D(start), n) == D(due), why


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 6, 1)), st.integers(1, 40))
def test_a_due_date_is_always_a_working_day_and_later_for_more_days(start, n):
    due = ENGLAND.add_working_days(start, n)
    assert ENGLAND.is_working_day(due) and due > start
    assert ENGLAND.add_working_days(start, n + 1) > due
    assert ENGLAND.working_days_between(start, due) == n


def clock(today, **kw):
    params = dict(ack_days=3, response_days=25, calendar=ENGLAND, today=D(today))
    params.update(kw)
    return clock_state(D("2026-11-02"), **params)


def test_acknowledgement_on_time_due_soon_late_and_met():
    assert clock("2026-11-02").acknowledgement.status == "on-time"
    assert clock("2026-11-04").acknowledgement.status == "due-soon"
    late = clock("2026-11-09").acknowledgement
    assert (late.status, late.due, late.days_late) == ("late", D("2026-11-05"), 2)
    assert clock("2026-11-09", acknowledged_on=D("2026-11-05")).acknowledgement.status == "met"
    met_late = clock("2026-11-09", acknowledged_on=D("2026-11-06")).acknowledgement
    assert (met_late.status, met_late.days_late) == ("met-late", 1)


def test_a_pause_moves_the_due_dates_by_the_working_days_inside_it():
    pause = Pause(D("2026-11-03"), D("2026-11-09"), "waiting for consent")  # Tue..Mon: 5 days
    state = clock("2026-11-10", pauses=[pause])
    assert state.acknowledgement.due == D("2026-11-12")
    assert state.response.due == ENGLAND.add_working_days(D("2026-11-02"), 30)


def test_an_open_pause_stops_the_clock():
    state = clock("2026-11-20", pauses=[Pause(D("2026-11-03"), None, "consent")])
    assert state.paused and state.acknowledgement.status == "paused"


@pytest.mark.parametrize(
    "pauses,message",
    [
        ([Pause(D("2026-11-05"), D("2026-11-04"))], "cannot end before it starts"),
        ([Pause(D("2026-10-01"), D("2026-11-04"))], "before the incident was reported"),
        ([Pause(D("2026-11-03"), D("2026-11-06")), Pause(D("2026-11-05"), None)], "cannot overlap"),
    ],
)
def test_impossible_pauses_are_refused(pauses, message):
    with pytest.raises(DeadlineError, match=message):
        clock("2026-11-20", pauses=pauses)


@pytest.mark.parametrize(
    "ack,response,ack_due,response_due",
    [
        (2, 30, "2026-11-04", "2026-12-14"),  # Wales
        (3, 20, "2026-11-05", "2026-11-30"),  # Scotland
    ],
)
def test_other_nations_rules_are_configuration(ack, response, ack_due, response_due):
    state = clock("2026-11-02", ack_days=ack, response_days=response)
    assert state.acknowledgement.due == D(ack_due) and state.response.due == D(response_due)


def test_the_six_month_letter_date():
    assert clock("2026-11-02").six_month_letter_due == D("2027-05-02")
    assert clock_state(
        D("2026-08-31"), ack_days=3, response_days=25, calendar=ENGLAND, today=D("2026-09-01")
    ).six_month_letter_due == D("2027-02-28")


def test_negative_days_are_refused():
    with pytest.raises(DeadlineError):
        ENGLAND.add_working_days(date.today(), -1)
    assert ENGLAND.working_days_between(date.today(), date.today() - timedelta(days=3)) == 0
