"""pattern day counts: complaints per department/day, tag/day, department+tag/day and
staff member/month/severity, kept in step by database triggers

Revision ID: 6f2a8825df48
Revises: c07f49e11a64
Create Date: 2026-11-26 01:12:00

The pattern scans read these instead of every incident: an incremental scan on 1M
incidents summed tens of thousands of index entries per save. Triggers (not ORM events)
keep them exact whatever writes the rows: the app, a bulk import, a raw SQL fix.
"""

from alembic import op
import sqlalchemy as sa


revision = "6f2a8825df48"
down_revision = "c07f49e11a64"
branch_labels = None
depends_on = None

COMPLAINTS = "('concern', 'complaint')"

# name: (source table, {count column: expression over the source row {r}}, extra condition,
#        source columns whose change moves a row between counts)
COUNTS = {
    "department_day_counts": (
        "incidents",
        {"department_id": "{r}.department_id", "day": "{r}.reported_on"},
        "",
        ("kind", "department_id", "reported_on"),
    ),
    "tag_day_counts": (
        "incident_tags",
        {"tag_id": "{r}.tag_id", "day": "{r}.reported_on"},
        "",
        ("kind", "department_id", "reported_on", "tag_id"),
    ),
    "department_tag_day_counts": (
        "incident_tags",
        {
            "department_id": "{r}.department_id",
            "tag_id": "{r}.tag_id",
            "day": "{r}.reported_on",
        },
        "",
        ("kind", "department_id", "reported_on", "tag_id"),
    ),
    "staff_month_counts": (
        "incident_staff",
        {
            "staff_id": "{r}.staff_id",
            "month": "{month}",
            "severity": "{r}.severity",
            "department_id": "{r}.department_id",
        },
        " AND {r}.severity IS NOT NULL",
        ("kind", "department_id", "reported_on", "severity", "staff_id"),
    ),
}
MONTH = {
    "sqlite": "date({r}.reported_on, 'start of month')",
    "postgresql": "CAST(date_trunc('month', {r}.reported_on) AS date)",
}


def _parts(name: str, dialect: str, r: str):
    source, columns, extra, watched = COUNTS[name]
    month = MONTH[dialect].format(r=r)
    exprs = [e.format(r=r, month=month) for e in columns.values()]
    cond = (
        f"{r}.kind IN {COMPLAINTS} AND {r}.reported_on IS NOT NULL"
        f" AND {r}.department_id IS NOT NULL" + extra.format(r=r)
    )
    match = " AND ".join(f"{c} = {e}" for c, e in zip(columns, exprs))
    return source, list(columns), exprs, cond, match, watched


def _sqlite_triggers(name: str) -> list[str]:
    source, cols, new, new_cond, _, watched = _parts(name, "sqlite", "NEW")
    _, _, _, old_cond, old_match, _ = _parts(name, "sqlite", "OLD")
    keys = ", ".join(cols)
    upsert = f"ON CONFLICT ({keys}) DO UPDATE SET n = n + 1"
    return [
        f"CREATE TRIGGER {name}_ins AFTER INSERT ON {source} WHEN {new_cond} BEGIN "
        f"INSERT INTO {name} ({keys}, n) VALUES ({', '.join(new)}, 1) {upsert}; END",
        f"CREATE TRIGGER {name}_del AFTER DELETE ON {source} WHEN {old_cond} BEGIN "
        f"UPDATE {name} SET n = n - 1 WHERE {old_match}; END",
        f"CREATE TRIGGER {name}_upd AFTER UPDATE OF {', '.join(watched)} ON {source} BEGIN "
        f"UPDATE {name} SET n = n - 1 WHERE {old_cond} AND {old_match}; "
        f"INSERT INTO {name} ({keys}, n) SELECT {', '.join(new)}, 1 WHERE {new_cond} {upsert}; "
        "END",
    ]


def _postgresql_triggers(name: str) -> list[str]:
    source, cols, new, new_cond, _, watched = _parts(name, "postgresql", "NEW")
    _, _, _, old_cond, old_match, _ = _parts(name, "postgresql", "OLD")
    keys = ", ".join(cols)
    return [
        f"""CREATE FUNCTION {name}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF {old_cond} THEN
      UPDATE {name} SET n = n - 1 WHERE {old_match};
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF {new_cond} THEN
      INSERT INTO {name} ({keys}, n) VALUES ({", ".join(new)}, 1)
      ON CONFLICT ({keys}) DO UPDATE SET n = {name}.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$""",
        f"CREATE TRIGGER {name}_count AFTER INSERT OR DELETE OR UPDATE OF {', '.join(watched)}"
        f" ON {source} FOR EACH ROW EXECUTE FUNCTION {name}_apply()",
    ]


def _backfill(name: str, dialect: str) -> str:
    _, cols, exprs, cond, _, _ = _parts(name, dialect, "r")
    return (
        f"INSERT INTO {name} ({', '.join(cols)}, n) SELECT {', '.join(exprs)}, COUNT(*) "
        f"FROM {COUNTS[name][0]} r WHERE {cond} GROUP BY {', '.join(exprs)}"
    )


def upgrade():
    op.create_table(
        "department_day_counts",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department_id", "day"),
        sqlite_with_rowid=False,  # clustered on the key: a range read carries n
    )
    op.create_table(
        "tag_day_counts",
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tag_id", "day"),
        sqlite_with_rowid=False,  # clustered on the key: a range read carries n
    )
    op.create_table(
        "department_tag_day_counts",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department_id", "tag_id", "day"),
        sqlite_with_rowid=False,  # clustered on the key: a range read carries n
    )
    op.create_table(
        "staff_month_counts",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("staff_id", "month", "severity", "department_id"),
        sqlite_with_rowid=False,  # clustered on the key: a range read carries n
    )
    dialect = op.get_bind().dialect.name
    for name in COUNTS:
        op.execute(_backfill(name, dialect))
        make = _sqlite_triggers if dialect == "sqlite" else _postgresql_triggers
        for statement in make(name):
            op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    for name in COUNTS:
        if dialect == "sqlite":
            for suffix in ("ins", "del", "upd"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}_count ON {COUNTS[name][0]}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}_apply()")
    op.drop_table("staff_month_counts")
    op.drop_table("department_tag_day_counts")
    op.drop_table("tag_day_counts")
    op.drop_table("department_day_counts")
