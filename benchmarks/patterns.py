"""Pattern detection at scale on SQLite: full scan at 10k, 100k and 1M incidents, and the
incremental scan that runs when one incident is saved.

    .venv/bin/python benchmarks/patterns.py [--sizes 10000,100000,1000000]

Targets (issue 5): full scan of 1M <= 5 s; incremental <= 5 ms per saved incident.
Each size builds its own SQLite file in a temporary folder (about 1 minute for 1M).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from tracker import create_app  # noqa: E402
from tracker.alerts import queries, services  # noqa: E402
from tracker.cli import seed_taxonomy  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.models import (  # noqa: E402
    Department,
    Incident,
    IncidentStaff,
    IncidentTag,
    StaffMember,
    Tag,
)

DEPARTMENTS = 40
STAFF_PER_DEPT = 25


def build(n: int, today: date) -> None:
    rng = random.Random(n)
    seed_taxonomy()
    tags = list(db.session.scalars(select(Tag.id)))
    db.session.execute(
        insert(Department), [{"name": f"Department {i:02d}"} for i in range(DEPARTMENTS)]
    )
    depts = list(db.session.scalars(select(Department.id)))
    db.session.execute(
        insert(StaffMember),
        [
            {
                "full_name": f"Staff {d}-{s}",
                "name_key": f"staff {d}-{s}",
                "department_id": d,
                "staff_group": "medical",
            }
            for d in depts
            for s in range(STAFF_PER_DEPT)
        ],
    )
    staff = {
        d: list(db.session.scalars(select(StaffMember.id).where(StaffMember.department_id == d)))
        for d in depts
    }
    days = 730
    batch = 20_000
    for start in range(0, n, batch):
        rows, tag_rows, staff_rows = [], [], []
        for i in range(start, min(n, start + batch)):
            reported = today - timedelta(days=int(rng.random() ** 0.9 * days))
            dept = depts[min(int(rng.expovariate(1 / 8)), DEPARTMENTS - 1)]
            old = (today - reported).days > 40
            rows.append(
                {
                    "id": i + 1,
                    "reference": f"C-{reported.year}-{i + 1:07d}",
                    "kind": "concern",
                    "reported_on": reported,
                    "occurred_on": reported,
                    "department_id": dept,
                    "source": "family",
                    "channel": "phone",
                    "patient_identifier": f"P{rng.randrange(n // 2 + 10)}",
                    "patient_name": "",
                    "summary": "s",
                    "narrative": "n",
                    "severity": rng.choice(("low", "low", "medium", "high")),
                    "stage": "concern",
                    "status": "closed" if old else "investigating",
                    "acknowledged_on": reported + timedelta(days=1),
                    "responded_on": reported + timedelta(days=20) if old else None,
                    "resolved_on": reported + timedelta(days=30) if old else None,
                    "version": 1,
                }
            )
            for t in rng.sample(tags, k=rng.choice((1, 1, 2))):
                tag_rows.append(
                    {
                        "incident_id": i + 1,
                        "tag_id": t,
                        "reported_on": reported,
                        "department_id": dept,
                        "kind": "concern",
                    }
                )
            if rng.random() < 0.6:
                staff_rows.append(
                    {
                        "incident_id": i + 1,
                        "staff_id": rng.choice(staff[dept]),
                        "reported_on": reported,
                        "department_id": dept,
                        "kind": "concern",
                        "severity": rows[-1]["severity"],
                    }
                )
        db.session.execute(insert(Incident), rows)
        db.session.execute(insert(IncidentTag), tag_rows)
        db.session.execute(insert(IncidentStaff), staff_rows)
        db.session.commit()
    db.session.execute(db.text("ANALYZE"))
    db.session.commit()


def measure(n: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="concord-bench-"))
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "SECRET_KEY": "bench"}
    )
    today = date.today()
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        t0 = time.perf_counter()
        build(n, today)
        built = time.perf_counter() - t0
        services.scan(today)  # warm caches (first run also creates the alerts)
        db.session.rollback()
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            result = services.scan(today)
            runs.append(time.perf_counter() - t0)
            db.session.rollback()
        sample = db.session.scalars(select(Incident).order_by(Incident.id.desc()).limit(50)).all()
        incremental = []
        for incident in sample:
            scope = queries.scope_for(incident)
            t0 = time.perf_counter()
            services.scan(today, scope)
            incremental.append(time.perf_counter() - t0)
            db.session.rollback()
    return {
        "n": n,
        "build_s": built,
        "full_s": min(runs),
        "findings": len(result.findings),
        "incremental_ms_median": statistics.median(incremental) * 1000,
        "incremental_ms_p95": sorted(incremental)[int(len(incremental) * 0.95) - 1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    print(
        f"{'incidents':>10} {'build s':>8} {'full scan s':>12} {'findings':>9} "
        f"{'incr. median ms':>16} {'incr. p95 ms':>13}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        r = measure(n)
        print(
            f"{r['n']:>10,} {r['build_s']:>8.1f} {r['full_s']:>12.2f} {r['findings']:>9} "
            f"{r['incremental_ms_median']:>16.1f} {r['incremental_ms_p95']:>13.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
