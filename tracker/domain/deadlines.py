"""Working days and statutory clocks (spec/domain.md), in plain Python.

Conventions, precisely:
- A *working day* is a day that is not a weekend day and not a holiday.
- `add_working_days(start, n)` counts n working days AFTER `start`; `start` itself never
  counts, whether or not it is a working day. Reported on Friday + 3 working days is
  Wednesday; reported on Saturday + 3 is Wednesday too. n = 0 gives `start` itself.
- A clock's due date is `add_working_days(reported_on, days)`, moved later by every working
  day that falls inside a pause. A pause covers its start day through its end day
  (inclusive); an open pause (end None) runs through `today`.
- "Met" means done on or before the due date; done after it is "met-late".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta


class DeadlineError(ValueError):
    """Clock input that cannot be right (a pause ending before it starts, ...)."""


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = field(default_factory=frozenset)
    weekend: tuple[int, ...] = (5, 6)  # Saturday, Sunday

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def add_working_days(self, start: date, n: int, skip: frozenset[date] = frozenset()) -> date:
        """The date n working days after `start` (days in `skip` do not count either)."""
        if n < 0:
            raise DeadlineError("Cannot count a negative number of working days.")
        day = start
        while n > 0:
            day += timedelta(days=1)
            if self.is_working_day(day) and day not in skip:
                n -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: 0 when b <= a. Late by this many days if a was the due date."""
        if b <= a:
            return 0
        count, day = 0, a
        while day < b:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(0 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def england_and_wales_bank_holidays(years: Iterable[int]) -> set[date]:
    """The regular England and Wales bank holidays, with weekend substitutes.

    One-off holidays (jubilees, coronations, state funerals) are not predictable: add them
    as configured holidays."""
    out: set[date] = set()
    for year in years:
        new_year = date(year, 1, 1)
        if new_year.weekday() >= 5:
            new_year += timedelta(days=7 - new_year.weekday())
        easter = _easter(year)
        out |= {
            new_year,
            easter - timedelta(days=2),
            easter + timedelta(days=1),
            _first_monday(year, 5),
            _last_monday(year, 5),
            _last_monday(year, 8),
        }
        christmas, boxing = date(year, 12, 25), date(year, 12, 26)
        if christmas.weekday() == 5:  # Saturday: Mon 27 and Tue 28
            christmas, boxing = date(year, 12, 27), date(year, 12, 28)
        elif christmas.weekday() == 6:  # Sunday: Boxing Day Mon 26, Christmas Tue 27
            christmas = date(year, 12, 27)
        elif boxing.weekday() == 5:  # Boxing Day Saturday: Mon 28
            boxing = date(year, 12, 28)
        out |= {christmas, boxing}
    return out


@dataclass(frozen=True)
class Pause:
    start: date
    end: date | None
    reason: str = ""


def validate_pauses(reported_on: date, pauses: Iterable[Pause]) -> None:
    spans = sorted(pauses, key=lambda p: p.start)
    for p in spans:
        if p.start < reported_on:
            raise DeadlineError("A pause cannot start before the incident was reported.")
        if p.end is not None and p.end < p.start:
            raise DeadlineError("A pause cannot end before it starts.")
    for earlier, later in zip(spans, spans[1:], strict=False):
        if earlier.end is None or later.start <= earlier.end:
            raise DeadlineError("Pauses cannot overlap.")


def _paused_days(pauses: Iterable[Pause], today: date) -> frozenset[date]:
    days: set[date] = set()
    for p in pauses:
        end = p.end or today
        day = p.start
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


@dataclass(frozen=True)
class Deadline:
    due: date
    met_on: date | None
    status: str  # met | met-late | on-time | due-soon | late | paused
    days_late: int  # working days past due (0 if not late)
    working_days_left: int  # working days until due (0 if due or past)


@dataclass(frozen=True)
class ClockState:
    acknowledgement: Deadline
    response: Deadline
    paused: bool
    six_month_letter_due: date

    @property
    def worst(self) -> str:
        order = ["late", "met-late", "due-soon", "paused", "on-time", "met"]
        pending = [d.status for d in (self.acknowledgement, self.response)]
        return min(pending, key=order.index)


def _deadline(
    due: date,
    met_on: date | None,
    today: date,
    calendar: WorkCalendar,
    paused: bool,
    due_soon_days: int,
) -> Deadline:
    if met_on is not None:
        late = calendar.working_days_between(due, met_on)
        return Deadline(due, met_on, "met-late" if late else "met", late, 0)
    if today > due:
        return Deadline(due, None, "late", calendar.working_days_between(due, today), 0)
    left = calendar.working_days_between(today, due)
    if paused:
        return Deadline(due, None, "paused", 0, left)
    return Deadline(due, None, "due-soon" if left <= due_soon_days else "on-time", 0, left)


def clock_state(
    reported_on: date,
    *,
    ack_days: int,
    response_days: int,
    calendar: WorkCalendar,
    pauses: Iterable[Pause] = (),
    acknowledged_on: date | None = None,
    responded_on: date | None = None,
    today: date,
    due_soon_days: int = 2,
) -> ClockState:
    """Where an incident stands against its acknowledgement and response deadlines."""
    pauses = list(pauses)
    validate_pauses(reported_on, pauses)
    skip = _paused_days(pauses, today)
    paused_now = any(p.end is None and p.start <= today for p in pauses)
    ack_due = calendar.add_working_days(reported_on, ack_days, skip)
    response_due = calendar.add_working_days(reported_on, response_days, skip)
    month = reported_on.month + 6
    year = reported_on.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    day = min(
        reported_on.day,
        [
            31,
            29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][month - 1],
    )
    return ClockState(
        acknowledgement=_deadline(
            ack_due, acknowledged_on, today, calendar, paused_now, due_soon_days
        ),
        response=_deadline(response_due, responded_on, today, calendar, paused_now, due_soon_days),
        paused=paused_now,
        six_month_letter_due=date(year, month, day),
    )
