"""Pattern detectors: the signs that precede formal disputes, found while they are small.

Plain Python over aggregates. The database layer (tracker.alerts.queries) answers one
GROUP BY per input below and hands the results here; detectors return `Finding`s, and
`reconcile` decides how stored alerts change. Nothing here reads the database.

Rules and defaults (Config):
- cluster: the same department and root-cause tag at least `cluster_min` times (3) within
  `cluster_days` (30) days ending on `as_of`, and more than that pair's own usual rate would
  explain: the count over the previous 365 days, scaled to the window, is the expected
  count, and the Poisson chance of seeing this many must be below `cluster_alpha` (0.002,
  small because every department x tag pair is tested at once).
  Without that second test a busy department fires every month on ordinary noise.
- spike: a department's or a tag's count in the latest `spike_period_days` (28) days against
  its own previous `spike_baseline_periods` (6+) periods. The test is a one-sided
  negative-binomial exceedance: the baseline mean and variance give the dispersion (Poisson
  when the baseline is not over-dispersed), so a busy department that always swings a lot
  needs a bigger jump than a quiet one. It fires when P(X >= observed) < `spike_alpha`
  (0.0005, small because every department and tag is tested at once), the count is at least
  `spike_min_count` (5) and at least `spike_min_ratio` (1.5) times the baseline mean.
  Subjects with fewer than `spike_baseline_periods` periods of history are not tested.
- clinician: a PARS-style complaint index per named staff member over the last
  `clinician_window_months` (24) calendar months, the current month to date included:
  each incident weighs severity (low 1, medium 2, high 3) times recency (1.0 within the last
  `clinician_recent_months`, 12, 0.5 before). Whole months, not days, so the database can
  keep per-month counts and a scan on every save stays fast at any size. Flagged when the
  person is named in at least `clinician_min_incidents` (4) incidents, their index is above
  the `clinician_percentile` (95th) of their department's other named staff, and at least
  `clinician_min_ratio` (2) times the peer median, and their index is improbable for the
  department's usual count per named person (the index is turned into a count with the
  peers' average weight per incident, then a Poisson tail below `clinician_alpha`, 0.0002: a
  team always has a busiest member, which alone is not a signal); departments with fewer
  than `clinician_min_peers` (4) other named staff are compared with the whole hospital
  instead. Compliments never count (the caller passes concerns and complaints only).
- repeat-contact: one patient with at least `repeat_min_incidents` (3) incidents in
  `repeat_days` (90) days; or an open incident with at least `repeat_min_contacts` (3)
  inbound contacts from the patient or family.
- overdue: an open incident whose acknowledgement or response is past its due date.
- escalation-risk: an open incident whose escalation level is high.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from scipy import special

SEVERITY_WEIGHT = {"low": 1.0, "medium": 2.0, "high": 3.0}


@dataclass(frozen=True)
class Config:
    cluster_min: int = 3
    cluster_days: int = 30
    cluster_alpha: float = 0.002
    spike_period_days: int = 28
    spike_baseline_periods: int = 6
    spike_alpha: float = 0.0005
    spike_min_count: int = 5
    spike_min_ratio: float = 1.5
    clinician_window_months: int = 24
    clinician_recent_months: int = 12
    clinician_min_incidents: int = 4
    clinician_percentile: float = 95.0
    clinician_min_ratio: float = 2.0
    clinician_min_peers: int = 4
    clinician_alpha: float = 0.0002
    repeat_days: int = 90
    repeat_min_incidents: int = 3
    repeat_min_contacts: int = 3
    growth_to_reopen: float = 0.5  # a dismissed alert speaks again at +50 % ...
    growth_min_new: int = 2  # ... and at least this many more incidents


# --- inputs (one GROUP BY each) -------------------------------------------------------------


@dataclass(frozen=True)
class WindowCount:
    """SELECT department, tag, COUNT(*) FROM incidents JOIN incident_tags
    WHERE reported_on BETWEEN as_of - cluster_days + 1 AND as_of GROUP BY department, tag;
    `previous_year` is the same count over the 365 days before the window."""

    department: str
    tag: str
    n: int
    previous_year: int = 0


@dataclass(frozen=True)
class PeriodCount:
    """SELECT key, (as_of - reported_on) / period_days AS period, COUNT(*) ... GROUP BY 1, 2;
    period 0 is the latest. `dimension` is "department" or "tag"."""

    dimension: str
    key: str
    period: int
    n: int


@dataclass(frozen=True)
class StaffCount:
    """SELECT staff, department, severity, recent (see clinician_window), COUNT(*)
    FROM incident_staff JOIN incidents WHERE kind IN (concern, complaint) AND in window
    GROUP BY staff, department, severity, recent"""

    staff_id: int
    name: str
    department: str
    severity: str
    recent: bool
    n: int


@dataclass(frozen=True)
class PatientCount:
    """SELECT patient_identifier, COUNT(*) WHERE reported_on in the last repeat_days
    GROUP BY 1 HAVING COUNT(*) >= repeat_min_incidents"""

    patient_identifier: str
    n: int


@dataclass(frozen=True)
class ContactCount:
    """Open incidents with their inbound contacts: SELECT reference, COUNT(*), SUM(NOT answered)
    FROM contacts WHERE direction = 'inbound' GROUP BY incident HAVING COUNT(*) >= min"""

    reference: str
    inbound: int
    unanswered: int


@dataclass(frozen=True)
class LateClock:
    """An open incident past a deadline (computed with tracker.domain.deadlines)."""

    reference: str
    which: str  # acknowledgement | response
    due: date
    working_days_late: int


@dataclass(frozen=True)
class RiskyIncident:
    reference: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inputs:
    window_counts: tuple[WindowCount, ...] = ()
    period_counts: tuple[PeriodCount, ...] = ()
    staff_counts: tuple[StaffCount, ...] = ()
    patient_counts: tuple[PatientCount, ...] = ()
    contact_counts: tuple[ContactCount, ...] = ()
    late_clocks: tuple[LateClock, ...] = ()
    risky: tuple[RiskyIncident, ...] = ()


# --- outputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    start: date
    end: date


@dataclass(frozen=True)
class Finding:
    """A pattern found on `as_of`. `incidents` are references where the detector knows them;
    otherwise `window` says which incidents of the subject are behind it, and the caller
    fetches their references (detectors see counts, not rows)."""

    kind: str
    subject: tuple[tuple[str, str], ...]
    score: float
    summary: str
    window: Window | None = None
    incidents: tuple[str, ...] = ()
    details: tuple[tuple[str, object], ...] = ()

    @property
    def key(self) -> str:
        return self.kind + "|" + "|".join(f"{k}={v}" for k, v in self.subject)

    @property
    def subject_dict(self) -> dict[str, str]:
        return dict(self.subject)


def poisson_sf(k: int, mu: float) -> float:
    """P(X > k) for X ~ Poisson(mu): scipy.stats.poisson.sf, as the bare special function
    (the distribution object costs ~60 us a call, too slow for a scan run on every save)."""
    return 1.0 if k < 0 else float(special.pdtrc(k, mu))


def nbinom_sf(k: int, r: float, p: float) -> float:
    """P(X > k) for X ~ NegBinomial(r, p): scipy.stats.nbinom.sf via the regularised beta."""
    return 1.0 if k < 0 else float(special.betainc(k + 1, r, 1 - p))


def _score(ratio: float) -> float:
    """Map 'how far past the threshold' (ratio >= 1) to 0.5..1 for ranking across kinds."""
    return round(1 - 0.5 ** max(ratio, 1.0), 3)


def _tag_name(tag: str) -> str:
    return tag.replace("-", " ").capitalize()


def clusters(counts: Iterable[WindowCount], config: Config, as_of: date) -> list[Finding]:
    window = Window(as_of - timedelta(days=config.cluster_days - 1), as_of)
    out = []
    for c in counts:
        if c.n < config.cluster_min:
            continue
        expected = max(c.previous_year * config.cluster_days / 365, 0.1)
        p_value = poisson_sf(c.n - 1, expected)
        if p_value >= config.cluster_alpha:
            continue
        out.append(
            Finding(
                "cluster",
                (("department", c.department), ("tag", c.tag)),
                _score(c.n / max(config.cluster_min, 2 * expected)),
                f"{c.n} incidents tagged {_tag_name(c.tag)} in {c.department} within "
                f"{config.cluster_days} days (threshold {config.cluster_min}; usually about "
                f"{expected:.1f}).",
                window=window,
                details=(("count", c.n), ("expected", round(expected, 2)), ("p_value", p_value)),
            )
        )
    return out


def spike_p_value(observed: int, baseline: list[int]) -> tuple[float, float]:
    """P(X >= observed) under the baseline, and the baseline mean. Negative binomial when the
    baseline is over-dispersed (variance > mean), Poisson otherwise."""
    mean = max(statistics.fmean(baseline), 0.5)
    var = statistics.pvariance(baseline) if len(baseline) > 1 else mean
    if var > mean * 1.05:
        r = mean * mean / (var - mean)
        p = r / (r + mean)
        return nbinom_sf(observed - 1, r, p), mean
    return poisson_sf(observed - 1, mean), mean


def spikes(
    counts: Iterable[PeriodCount],
    config: Config,
    as_of: date,
    history: dict[tuple[str, str], int] | None = None,
) -> list[Finding]:
    """`history` gives, per (dimension, key), how many whole periods of data exist; subjects
    with fewer than `spike_baseline_periods` are not tested (no baseline yet)."""
    series: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for c in counts:
        series[(c.dimension, c.key)][c.period] = c.n
    periods = config.spike_baseline_periods
    window = Window(as_of - timedelta(days=config.spike_period_days - 1), as_of)
    out = []
    for (dimension, key), by_period in series.items():
        if history is not None and history.get((dimension, key), 0) < periods + 1:
            continue
        observed = by_period.get(0, 0)
        if observed < config.spike_min_count:
            continue
        baseline = [by_period.get(i, 0) for i in range(1, periods + 1)]
        p_value, mean = spike_p_value(observed, baseline)
        if p_value < config.spike_alpha and observed >= config.spike_min_ratio * mean:
            label = key if dimension == "department" else _tag_name(key)
            ratio = math.log10(1 / max(p_value, 1e-300)) / math.log10(1 / config.spike_alpha)
            out.append(
                Finding(
                    "spike",
                    ((dimension, key),),
                    _score(ratio),
                    f"{observed} incidents {'in' if dimension == 'department' else 'tagged'} "
                    f"{label} in the last {config.spike_period_days} days against a usual "
                    f"{mean:.1f} (chance under the usual rate about {p_value:.0e}).",
                    window=window,
                    details=(
                        ("observed", observed),
                        ("baseline_mean", round(mean, 2)),
                        ("p_value", p_value),
                    ),
                )
            )
    return out


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of the month `months_back` calendar months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def clinician_window(as_of: date, config: Config) -> tuple[date, date]:
    """(first day counted, first day counted as recent) for the complaint index."""
    return (
        month_start(as_of, config.clinician_window_months - 1),
        month_start(as_of, config.clinician_recent_months - 1),
    )


def clinician_index(counts: Iterable[StaffCount]) -> dict[int, dict]:
    people: dict[int, dict] = {}
    for c in counts:
        person = people.setdefault(
            c.staff_id,
            {"name": c.name, "department": c.department, "index": 0.0, "n": 0, "sq": 0.0},
        )
        weight = SEVERITY_WEIGHT.get(c.severity, 1.0) * (1.0 if c.recent else 0.5)
        person["index"] += c.n * weight
        person["sq"] += c.n * weight * weight  # for the compound-Poisson variance
        person["n"] += c.n
    return people


def _percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def clinicians(
    counts: Iterable[StaffCount],
    config: Config,
    as_of: date,
    directory: dict[str, int] | None = None,
) -> list[Finding]:
    """`directory` (department -> number of named staff) lets peers with no incidents count
    as zeros, so a small team is not compared only with its other complained-about members."""
    people = clinician_index(counts)
    by_dept: dict[str, list[int]] = defaultdict(list)
    for staff_id, p in people.items():
        by_dept[p["department"]].append(staff_id)
    everyone = [p["index"] for p in people.values()]
    window = Window(clinician_window(as_of, config)[0], as_of)
    out = []
    for staff_id, p in people.items():
        if p["n"] < config.clinician_min_incidents:
            continue
        peers = [people[s]["index"] for s in by_dept[p["department"]] if s != staff_id]
        zeros = max(0, (directory or {}).get(p["department"], 0) - len(peers) - 1)
        peers += [0.0] * zeros
        group = "their department"
        if len(peers) < config.clinician_min_peers:
            peers = [v for v in everyone if v is not p["index"]] + [0.0] * zeros
            group = "all named staff"
        if len(peers) < config.clinician_min_peers:
            continue
        threshold = _percentile(peers, config.clinician_percentile)
        median = statistics.median(peers)
        peer_ids = [s for s in by_dept[p["department"]] if s != staff_id]
        peer_n = sum(people[s]["n"] for s in peer_ids)
        mean_w = sum(people[s]["index"] for s in peer_ids) / peer_n if peer_n else 1.5
        mean_w2 = sum(people[s]["sq"] for s in peer_ids) / peer_n if peer_n else 2.5
        usual = max(peer_n / (len(peer_ids) + zeros), 0.5) if peer_ids or zeros else 0.5
        # A weighted count is a compound Poisson: index * E[w]/E[w^2] is roughly Poisson with
        # mean usual * E[w]^2/E[w^2] (the "effective number of incidents").
        pseudo_count = math.ceil(p["index"] * mean_w / mean_w2)
        pseudo_usual = usual * mean_w * mean_w / mean_w2
        if (
            p["index"] > threshold
            and p["index"] >= config.clinician_min_ratio * max(median, 1.0)
            and poisson_sf(pseudo_count - 1, pseudo_usual) < config.clinician_alpha
        ):
            out.append(
                Finding(
                    "clinician",
                    (("staff", p["name"]), ("department", p["department"])),
                    _score(p["index"] / max(threshold, 1.0)),
                    f"{p['name']} ({p['department']}): complaint index {p['index']:.1f} from "
                    f"{p['n']} incidents in {config.clinician_window_months} months, against a "
                    f"peer median of {median:.1f} and 95th percentile of {threshold:.1f} "
                    f"({group}).",
                    window=window,
                    details=(
                        ("staff_id", staff_id),
                        ("index", round(p["index"], 2)),
                        ("peer_median", round(median, 2)),
                        ("peer_p95", round(threshold, 2)),
                        ("incident_count", p["n"]),
                    ),
                )
            )
    return out


def repeat_contacts(
    patients: Iterable[PatientCount], contacts: Iterable[ContactCount], config: Config, as_of: date
) -> list[Finding]:
    out = []
    window = Window(as_of - timedelta(days=config.repeat_days - 1), as_of)
    for p in patients:
        if p.n >= config.repeat_min_incidents and p.patient_identifier:
            out.append(
                Finding(
                    "repeat-contact",
                    (("patient_identifier", p.patient_identifier),),
                    _score(p.n / config.repeat_min_incidents),
                    f"Patient {p.patient_identifier} is behind {p.n} incidents in "
                    f"{config.repeat_days} days.",
                    window=window,
                )
            )
    for c in contacts:
        if c.inbound >= config.repeat_min_contacts:
            unanswered = f", {c.unanswered} still unanswered" if c.unanswered else ""
            out.append(
                Finding(
                    "repeat-contact",
                    (("reference", c.reference),),
                    _score((c.inbound + c.unanswered) / config.repeat_min_contacts),
                    f"{c.reference} is still open after {c.inbound} contacts from the patient "
                    f"or family{unanswered}.",
                    incidents=(c.reference,),
                )
            )
    return out


def overdue(late: Iterable[LateClock], config: Config, as_of: date) -> list[Finding]:
    out = []
    for c in late:
        out.append(
            Finding(
                "overdue",
                (("reference", c.reference), ("deadline", c.which)),
                _score(1 + c.working_days_late / 5),
                f"{c.reference}: {c.which} was due {c.due:%d %b %Y} and is "
                f"{c.working_days_late} working day{'s' if c.working_days_late != 1 else ''} late.",
                incidents=(c.reference,),
            )
        )
    return out


def escalation_risks(risky: Iterable[RiskyIncident], config: Config, as_of: date) -> list[Finding]:
    return [
        Finding(
            "escalation-risk",
            (("reference", r.reference),),
            round(r.score, 3),
            f"{r.reference} is likely to become a formal dispute"
            + (": " + "; ".join(r.reasons[:3]) + "." if r.reasons else "."),
            incidents=(r.reference,),
        )
        for r in risky
    ]


def detect_all(
    inputs: Inputs,
    config: Config,
    as_of: date,
    *,
    spike_history: dict[tuple[str, str], int] | None = None,
    directory: dict[str, int] | None = None,
) -> list[Finding]:
    found = (
        clusters(inputs.window_counts, config, as_of)
        + spikes(inputs.period_counts, config, as_of, spike_history)
        + clinicians(inputs.staff_counts, config, as_of, directory)
        + repeat_contacts(inputs.patient_counts, inputs.contact_counts, config, as_of)
        + overdue(inputs.late_clocks, config, as_of)
        + escalation_risks(inputs.risky, config, as_of)
    )
    return sorted(found, key=lambda f: (-f.score, f.key))


# --- alert lifecycle ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertState:
    id: int
    key: str
    status: str  # open | acknowledged | dismissed | actioned
    incidents: frozenset[str]
    dismissed_size: int | None = None


@dataclass(frozen=True)
class Action:
    """create: a new alert; update: add incidents/refresh; reopen: a dismissed alert that
    grew materially; quiet: a dismissed alert that did not (only last_seen moves)."""

    verb: str
    finding: Finding
    alert_id: int | None = None
    new_incidents: frozenset[str] = field(default_factory=frozenset)


def grew_materially(dismissed_size: int, now: int, config: Config) -> bool:
    return now - dismissed_size >= config.growth_min_new and now >= dismissed_size * (
        1 + config.growth_to_reopen
    )


def reconcile(
    existing: Iterable[AlertState], findings: Iterable[Finding], config: Config
) -> list[Action]:
    """One alert per pattern: an open pattern gains the new incidents instead of raising a
    second alert; a dismissed one stays quiet until it materially grows."""
    by_key = {a.key: a for a in existing}
    actions = []
    for f in findings:
        alert = by_key.get(f.key)
        incidents = frozenset(f.incidents)
        if alert is None:
            actions.append(Action("create", f, None, incidents))
            continue
        new = incidents - alert.incidents
        if alert.status == "dismissed":
            total = len(alert.incidents | incidents)
            size = (
                alert.dismissed_size if alert.dismissed_size is not None else len(alert.incidents)
            )
            verb = "reopen" if grew_materially(size, total, config) else "quiet"
            actions.append(Action(verb, f, alert.id, new))
        else:
            actions.append(Action("update", f, alert.id, new))
    return actions


def with_incidents(finding: Finding, references: Iterable[str]) -> Finding:
    return replace(finding, incidents=tuple(sorted(set(references))))
