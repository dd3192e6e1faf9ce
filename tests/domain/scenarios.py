"""A scenario generator for the pattern detectors: months of realistic background incidents
with planted patterns and known non-patterns, aggregated exactly as the SQL layer does."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from tracker.domain import detectors as p

TAGS = [
    "unexplained-risk",
    "unmet-information-need",
    "not-listened-to",
    "disrespect",
    "delayed-communication",
    "access-delay",
    "clinical-quality",
    "environment",
]
# Daily rates: a busy ED with weekly seasonality, mid-sized and quiet departments.
DEPARTMENTS = {
    "Emergency Department": 2.2,
    "Maternity": 0.6,
    "Orthopaedics": 0.35,
    "Cardiology": 0.3,
    "Dermatology": 0.08,
}


@dataclass(frozen=True)
class Row:
    reference: str
    day: date
    department: str
    tags: tuple[str, ...]
    severity: str
    staff: tuple[int, ...]
    patient: str
    kind: str = "concern"


@dataclass
class Scenario:
    start: date
    end: date
    rows: list[Row] = field(default_factory=list)
    staff: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (name, dept)

    def add(self, **kw) -> Row:
        row = Row(reference=f"R{len(self.rows):06d}", **kw)
        self.rows.append(row)
        return row


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth: fine for the small daily rates here
    limit, k, prod = pow(2.718281828459045, -lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def background(seed: int, start: date, days: int) -> Scenario:
    rng = random.Random(seed)
    sc = Scenario(start, start + timedelta(days=days - 1))
    sid = 0
    teams: dict[str, list[int]] = {}
    for dept in DEPARTMENTS:
        teams[dept] = []
        for _ in range(12 if dept == "Emergency Department" else 6):
            sc.staff[sid] = (f"Staff {sid}", dept)
            teams[dept].append(sid)
            sid += 1
    for offset in range(days):
        day = start + timedelta(days=offset)
        for dept, rate in DEPARTMENTS.items():
            lam = rate * (1.3 if day.weekday() == 0 else 0.7 if day.weekday() >= 5 else 1.0)
            for _ in range(_poisson(rng, lam)):
                tags = tuple(rng.sample(TAGS, k=rng.choice((1, 1, 2))))
                named = tuple(rng.sample(teams[dept], k=rng.choice((0, 1, 1))))
                sc.add(
                    day=day,
                    department=dept,
                    tags=tags,
                    severity=rng.choices(["low", "medium", "high"], [55, 35, 10])[0],
                    staff=named,
                    patient=f"P{rng.randrange(10**7)}",
                )
    return sc


def aggregate(sc: Scenario, as_of: date, config: p.Config):
    """The detector inputs, computed from rows the way tracker.alerts.queries does in SQL."""
    rows = [r for r in sc.rows if r.day <= as_of and r.kind in ("concern", "complaint")]
    start = as_of - timedelta(days=config.cluster_days - 1)
    window = Counter((r.department, t) for r in rows if r.day >= start for t in r.tags)
    before = Counter(
        (r.department, t)
        for r in rows
        if start - timedelta(days=365) <= r.day < start
        for t in r.tags
    )
    window_counts = tuple(
        p.WindowCount(d, t, n, before[(d, t)])
        for (d, t), n in window.items()
        if n >= config.cluster_min
    )
    periods = config.spike_baseline_periods + 1
    period_counts: Counter = Counter()
    first: dict[tuple[str, str], date] = {}
    for r in rows:
        keys = [("department", r.department)] + [("tag", t) for t in r.tags]
        for key in keys:
            first[key] = min(first.get(key, r.day), r.day)
        per = (as_of - r.day).days // config.spike_period_days
        if per < periods:
            for dim, key in keys:
                period_counts[(dim, key, per)] += 1
    history = {k: (as_of - d).days // config.spike_period_days for k, d in first.items()}
    staff_counts: Counter = Counter()
    clinician_start, recent_start = p.clinician_window(as_of, config)
    for r in rows:
        if r.day >= clinician_start:
            for s in r.staff:
                recent = r.day >= recent_start
                staff_counts[(s, r.severity, recent)] += 1
    directory = Counter(dept for _, dept in sc.staff.values())
    patients = Counter(
        r.patient for r in rows if r.day > as_of - timedelta(days=config.repeat_days)
    )
    inputs = p.Inputs(
        window_counts=window_counts,
        period_counts=tuple(
            p.PeriodCount(dim, key, per, n) for (dim, key, per), n in period_counts.items()
        ),
        staff_counts=tuple(
            p.StaffCount(s, sc.staff[s][0], sc.staff[s][1], sev, rec, n)
            for (s, sev, rec), n in staff_counts.items()
        ),
        patient_counts=tuple(
            p.PatientCount(pid, n)
            for pid, n in patients.items()
            if n >= config.repeat_min_incidents
        ),
    )
    return inputs, history, dict(directory)


DEFAULT = p.Config()


def detect(sc: Scenario, as_of: date, config: p.Config = DEFAULT) -> list[p.Finding]:
    inputs, history, directory = aggregate(sc, as_of, config)
    return p.detect_all(inputs, config, as_of, spike_history=history, directory=directory)
