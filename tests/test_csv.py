"""CSV import and export: all rows or none, every bad row named, round trips change nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tracker.domain import csvfile
from tracker.domain.incident_rules import FIELDS
from tracker.extensions import db
from tracker.incidents import importer
from tracker.models import HistoryEntry, Incident

from .conftest import incident_data


def row(**overrides) -> dict:
    data = incident_data(**overrides)
    data["staff_involved"] = "Dr A. Patel; Nurse Jo Green"
    data["tags"] = "; ".join(data["tags"])
    return data


def to_csv(rows: list[dict], delimiter=",", bom=False, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(FIELDS), delimiter=delimiter, extrasaction="ignore"
    )
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    text = ("\ufeff" if bom else "") + out.getvalue()
    return text.encode(encoding)


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Incident))


# --- reading the file -------------------------------------------------------------------


def test_bom_semicolons_and_excel_encoding_are_read():
    for data in (
        to_csv([row()], bom=True),
        to_csv([row()], delimiter=";"),
        to_csv([row(patient_name="Zoë Brontë")], encoding="cp1252"),
    ):
        parsed = csvfile.read(data)
        assert len(parsed.rows) == 1
        assert parsed.rows[0].values["department"] == "Orthopaedics"
        assert parsed.rows[0].line == 2
    parsed = csvfile.read(to_csv([row(patient_name="Zoë Brontë")], encoding="cp1252"))
    assert parsed.rows[0].values["patient_name"] == "Zoë Brontë"
    assert "Windows-1252" in parsed.warnings[0]


def test_multi_line_cells_keep_their_line_numbers():
    data = to_csv([row(narrative="First line.\nSecond line."), row(summary="")])
    parsed = csvfile.read(data)
    assert [r.line for r in parsed.rows] == [2, 4]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"reported_on,colour\n2026-01-01,blue\n", "unknown column"),
        (b"summary\nx\n", "missing column"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(csvfile.CsvError, match=message):
        csvfile.read(data)


def test_formula_cells_are_defused_on_export_and_restored_on_import():
    text = "".join(csvfile.write([{**row(), "summary": '=HYPERLINK("http://x")', "tags": []}]))
    assert "'=HYPERLINK" in text
    parsed = csvfile.read(text.encode())
    assert parsed.rows[0].values["summary"] == '=HYPERLINK("http://x")'


# --- importing ----------------------------------------------------------------------------


def test_import_then_import_again_adds_nothing_twice(app):
    data = to_csv([row(summary=f"Complaint {i}", patient_identifier=f"P{i}") for i in range(5)])
    first = importer.import_csv(data, user=None)
    assert first.count("create") == 5 and count() == 5
    second = importer.import_csv(data, user=None)
    assert second.count("unchanged") == 5 and count() == 5
    exported = "".join(csvfile.write(importer.export_rows())).encode()
    third = importer.import_csv(exported, user=None)
    assert third.count("unchanged") == 5 and count() == 5


def test_a_changed_row_updates_its_incident_with_history(app, make_incident):
    incident = make_incident()
    changed = row(
        reference=incident.reference,
        severity="high",
        status="acknowledged",
        acknowledged_on=date.today().isoformat(),
    )
    result = importer.import_csv(to_csv([changed]), user=None)
    assert result.count("update") == 1
    db.session.refresh(incident)
    assert incident.severity == "high" and incident.status == "acknowledged"
    fields = {
        h.field
        for h in db.session.scalars(
            select(HistoryEntry).where(HistoryEntry.incident_id == incident.id)
        )
    }
    assert {"severity", "status", "acknowledged_on"} <= fields


def test_one_bad_row_in_a_thousand_imports_nothing_and_names_that_row(app):
    rows = [row(summary=f"Row {i}", patient_identifier=f"P{i}") for i in range(1000)]
    rows[636]["occurred_on"] = (date.today() + timedelta(days=10)).isoformat()
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_csv(to_csv(rows), user=None)
    errors = failure.value.plan.errors
    assert [(e.line, e.column) for e in errors] == [(638, "occurred_on")]
    assert "future" in errors[0].message
    assert count() == 0


def test_every_bad_row_is_reported(app):
    rows = [
        row(),
        row(severity="awful"),
        row(tags="no-such-tag", primary_tag="no-such-tag"),
        row(reported_on="31/02/2026"),
        row(summary="<b>x</b>"),
        row(reference="C-2026-000001"),
        row(reference="C-2026-000001"),
    ]
    plan = importer.plan(to_csv(rows))
    found = {(e.line, e.column) for e in plan.errors}
    assert {
        (3, "severity"),
        (4, "tags"),
        (5, "reported_on"),
        (6, "summary"),
        (8, "reference"),
    } <= found
    assert 2 not in {e.line for e in plan.errors}


def test_import_csv_command_reports_and_exits_nonzero(app, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(to_csv([row(), row(channel="pigeon")]))
    result = app.test_cli_runner().invoke(args=["import-csv", str(bad)])
    assert result.exit_code != 0
    assert "Line 3, column channel" in result.output and "nothing was imported" in result.output
    good = tmp_path / "good.csv"
    good.write_bytes(to_csv([row()], bom=True))
    result = app.test_cli_runner().invoke(args=["import-csv", str(good)])
    assert result.exit_code == 0 and "1 new" in result.output
    out = tmp_path / "out.csv"
    result = app.test_cli_runner().invoke(args=["export-csv", str(out)])
    assert result.exit_code == 0 and "1 incident" in result.output
    assert out.read_bytes().startswith("\ufeff".encode() + b"reference,reported_on")


def test_round_trip_of_a_few_thousand_incidents_changes_nothing(app):
    from tracker.demo_loader import load
    from tracker.domain import demo

    load(demo.generate(n_incidents=3000, seed=7, today=date.today()))
    db.session.commit()
    first = "".join(csvfile.write(importer.export_rows()))
    assert first.count("\r\n") > 3000
    plan = importer.plan(first.encode())
    assert plan.ok, plan.errors[:3]
    assert plan.count("unchanged") == len(plan.rows) == count()
    # into an empty database and out again: the same file, byte for byte
    from tracker.cli import seed_taxonomy

    from .conftest import _empty_tables

    db.session.rollback()  # end the reads: PostgreSQL's TRUNCATE waits for their locks
    db.session.expunge_all()
    _empty_tables()  # a fresh database: no incident, department or staff member left
    seed_taxonomy()
    importer.import_csv(first.encode(), user=None)
    second = "".join(csvfile.write(importer.export_rows()))
    assert second == first


# --- the pages ---------------------------------------------------------------------------


def test_the_import_page_previews_then_imports(client, login_as):
    login_as("officer")
    data = to_csv(
        [row(summary="From the survey tool", patient_identifier="S1"), row(patient_identifier="S2")]
    )
    preview = client.post(
        "/incidents/import",
        data={"file": (io.BytesIO(data), "feedback.csv")},
        content_type="multipart/form-data",
    )
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert "From the survey tool" in page and "2 new" in page
    assert count() == 0, "a preview writes nothing"
    token = page.split('name="token" type="hidden" value="')[1].split('"')[0]
    done = client.post("/incidents/import/confirm", data={"token": token})
    assert done.status_code == 302 and count() == 2


def test_the_import_page_lists_errors_and_keeps_nothing(client, login_as):
    login_as("officer")
    data = to_csv([row(), row(severity="awful")])
    response = client.post(
        "/incidents/import",
        data={"file": (io.BytesIO(data), "bad.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Nothing will be imported" in page and "severity" in page
    assert 'name="token"' not in page and count() == 0


def test_a_forged_confirmation_imports_nothing(client, login_as):
    login_as("officer")
    response = client.post("/incidents/import/confirm", data={"token": "../../etc/passwd"})
    assert response.status_code == 302 and count() == 0


def test_export_follows_the_list_filters(client, login_as, make_incident):
    login_as("manager")
    make_incident(department="Renal")
    make_incident(department="Cardiology")
    response = client.get("/incidents/export.csv?department=Renal")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    parsed = csvfile.read(response.data)
    assert [r.values["department"] for r in parsed.rows] == ["Renal"]


def test_staff_can_neither_import_nor_export(client, login_as):
    login_as("staff")
    assert client.get("/incidents/import").status_code == 403
    assert client.get("/incidents/export.csv").status_code == 403


def test_a_given_reference_later_in_the_file_never_collides_with_an_allocated_one(app):
    year = date.today().year
    rows = [row(summary=f"Row {i}", patient_identifier=f"P{i}") for i in range(3)]
    rows.append(row(reference=f"C-{year}-000002", summary="Kept reference", patient_identifier="K"))
    result = importer.import_csv(to_csv(rows), user=None)
    assert result.count("create") == 4
    references = set(db.session.scalars(select(Incident.reference)))
    assert len(references) == 4 and f"C-{year}-000002" in references
