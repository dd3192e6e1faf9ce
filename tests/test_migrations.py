"""Migrations on a database that already holds data: upgrading keeps and completes it."""

from __future__ import annotations

from datetime import date

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from tracker import create_app
from tracker.extensions import db


def test_upgrading_fills_the_pattern_copies_and_counts_of_existing_incidents(tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite3'}", "SECRET_KEY": "x"}
    )
    with app.app_context():
        upgrade(revision="b256f5c1c7f7")  # the schema before the copies existed
        db.session.execute(
            text(
                "INSERT INTO departments (id, name, created_at, updated_at) "
                "VALUES (1, 'Renal', '2026-01-01', '2026-01-01')"
            )
        )
        db.session.execute(
            text(
                "INSERT INTO tags (id, slug, name, domain, description, created_at,"
                " updated_at) VALUES (1, 'disrespect', 'Disrespect',"
                " 'relationships', '', '2026-01-01', '2026-01-01')"
            )
        )
        db.session.execute(
            text(
                "INSERT INTO incidents (id, reference, kind, reported_on, occurred_on, department_id,"
                " source, channel, patient_identifier, patient_name, summary, narrative, severity,"
                " stage, status, severity_reassessed, version, created_at, updated_at) VALUES (1,"
                " 'C-2026-000001', 'complaint', '2026-03-04', '2026-03-01', 1, 'family', 'phone', '',"
                " '', 's', 'n', 'high', 'complaint', 'new', 0, 1, '2026-03-04', '2026-03-04')"
            )
        )
        db.session.execute(text("INSERT INTO incident_tags (incident_id, tag_id) VALUES (1, 1)"))
        db.session.commit()
        upgrade()
        row = db.session.execute(
            text("SELECT reported_on, department_id, kind FROM incident_tags")
        ).one()
        assert (str(row[0]), row[1], row[2]) == (str(date(2026, 3, 4)), 1, "complaint")
        # ... and the per-day counts the pattern scans read, kept by triggers from then on
        counts = db.session.execute(text("SELECT department_id, day, n FROM department_day_counts"))
        assert [tuple(map(str, r)) for r in counts] == [("1", "2026-03-04", "1")]
        counts = db.session.execute(
            text("SELECT department_id, tag_id, day, n FROM department_tag_day_counts")
        )
        assert [tuple(map(str, r)) for r in counts] == [("1", "1", "2026-03-04", "1")]
        db.session.execute(text("UPDATE incidents SET reported_on = '2026-03-05' WHERE id = 1"))
        counts = db.session.execute(text("SELECT day, n FROM department_day_counts ORDER BY day"))
        assert [tuple(map(str, r)) for r in counts] == [("2026-03-04", "0"), ("2026-03-05", "1")]
        db.session.rollback()
        downgrade(revision="b256f5c1c7f7")  # and back, cleanly
        upgrade()
        db.session.remove()
        db.engine.dispose()
