"""What makes an incident record valid: one place for the web form, the API and CSV import.

`parse_incident` takes loosely typed input (strings from a CSV cell or a form, JSON values
from the API), returns the cleaned values and a field -> [messages] map. It never raises
on bad input: every problem becomes a message a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from . import vocab

# Column order of CSV files and keys of the API (spec/interfaces.md).
FIELDS = (
    "reference",
    "reported_on",
    "occurred_on",
    "department",
    "source",
    "channel",
    "patient_identifier",
    "patient_name",
    "staff_involved",
    "summary",
    "narrative",
    "tags",
    "primary_tag",
    "severity",
    "stage",
    "status",
    "acknowledged_on",
    "resolved_on",
)
REQUIRED = (
    "reported_on",
    "occurred_on",
    "department",
    "source",
    "channel",
    "summary",
    "narrative",
    "severity",
    "stage",
)
EARLIEST = date(1900, 1, 1)  # older dates are typing slips (and break calendar arithmetic)
DATE_FIELDS = ("reported_on", "occurred_on", "acknowledged_on", "resolved_on")
CHOICES = {
    "source": vocab.SOURCES,
    "channel": vocab.CHANNELS,
    "severity": vocab.SEVERITIES,
    "stage": vocab.STAGES,
    "status": vocab.STATUSES,
}
MAX_LENGTH = {
    "reference": 20,
    "department": 120,
    "patient_identifier": 64,
    "patient_name": 120,
    "summary": 200,
    "narrative": 20_000,
}
MAX_STAFF_NAME = 120
MAX_STAFF = 20
REFERENCE_RE = re.compile(r"^C-(\d{4})-(\d{6})$")
# Something that reads as an HTML tag: "<b>", "</script>", "<img src=x onerror=...>".
MARKUP_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_FIELDS = ("department", "patient_identifier", "patient_name", "summary", "narrative")

Errors = dict[str, list[str]]


def parse_date(value: Any) -> date:
    """A date from a date or an ISO string (YYYY-MM-DD); ValueError with a clear message."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("Enter a date as YYYY-MM-DD.")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'{value.strip()[:40]}' is not a date; use YYYY-MM-DD.") from None


def split_list(value: Any) -> list[str]:
    """A list from a list or a ';'-separated string; blanks dropped, order and case kept."""
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(";")
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValueError("Give a list of names, or names separated by ';'.")
    out = []
    for item in items:
        if not isinstance(item, str):
            raise ValueError("Every item must be text.")
        item = " ".join(item.split())
        if item and item not in out:
            out.append(item)
    return out


def text_problem(value: str) -> str | None:
    if MARKUP_RE.search(value):
        return "Remove the HTML markup (text in angle brackets): plain text only."
    if CONTROL_RE.search(value):
        return "Remove the control characters: plain text only."
    return None


def parse_incident(
    raw: Mapping[str, Any],
    *,
    today: date,
    tag_slugs: Iterable[str],
    existing: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], Errors]:
    """Clean `raw` into typed values; collect every problem instead of stopping at the first.

    With `existing` (an update), only the keys present in `raw` are cleaned, and rules that
    span fields are checked against the merged record. Unknown keys are reported.
    """
    errors: Errors = {}
    clean: dict[str, Any] = {}
    partial = existing is not None
    allowed_tags = set(tag_slugs)

    def err(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for key in raw:
        if key not in FIELDS:
            err(key, "Unknown field.")

    for field in FIELDS:
        if field not in raw:
            if not partial and field in REQUIRED:
                err(field, "This field is required.")
            continue
        value = raw[field]
        if isinstance(value, str):
            value = value.strip()
        empty = value is None or value == "" or value == []
        if empty:
            if field in REQUIRED:
                err(field, "This field is required.")
            elif field in ("tags", "staff_involved"):
                clean[field] = []
            else:
                clean[field] = None if field in DATE_FIELDS or field in CHOICES else ""
            continue
        try:
            if field in DATE_FIELDS:
                clean[field] = parse_date(value)
            elif field in ("tags", "staff_involved"):
                clean[field] = split_list(value)
            elif not isinstance(value, str):
                raise ValueError("Must be text.")
            elif field in CHOICES:
                if value not in CHOICES[field]:
                    raise ValueError(f"Choose one of: {', '.join(CHOICES[field])}.")
                clean[field] = value
            else:
                clean[field] = value
        except ValueError as exc:
            err(field, str(exc))
            continue
        if isinstance(clean.get(field), str):
            text = clean[field]
            limit = MAX_LENGTH.get(field)
            if limit and len(text) > limit:
                err(field, f"At most {limit:,} characters (this has {len(text):,}).")
            elif field in TEXT_FIELDS and (problem := text_problem(text)):
                err(field, problem)

    if "reference" in clean and clean["reference"] and not REFERENCE_RE.match(clean["reference"]):
        err("reference", "A reference looks like C-2026-000123.")
    for name in clean.get("staff_involved", []):
        if len(name) > MAX_STAFF_NAME:
            err("staff_involved", f"A name is at most {MAX_STAFF_NAME} characters.")
            break
        if problem := text_problem(name):
            err("staff_involved", problem)
            break
    if len(clean.get("staff_involved", [])) > MAX_STAFF:
        err("staff_involved", f"Name at most {MAX_STAFF} staff members.")
    unknown = [t for t in clean.get("tags", []) if t not in allowed_tags]
    if unknown:
        err("tags", f"Unknown tag: {', '.join(unknown)}.")

    merged = {**(existing or {}), **clean}
    _cross_field_rules(merged, today, err, errors)
    return clean, errors


def _cross_field_rules(rec: Mapping[str, Any], today: date, err, errors: Errors) -> None:
    for field in DATE_FIELDS:
        value = rec.get(field)
        if isinstance(value, date) and value > today and field not in errors:
            err(field, "This date is in the future.")
        elif isinstance(value, date) and value < EARLIEST and field not in errors:
            err(field, f"This date is too far in the past (before {EARLIEST.year}).")
    reported, occurred = rec.get("reported_on"), rec.get("occurred_on")
    if isinstance(reported, date) and isinstance(occurred, date) and occurred > reported:
        if "occurred_on" not in errors:
            err("occurred_on", "It cannot have happened after it was reported.")
    for field in ("acknowledged_on", "resolved_on"):
        value = rec.get(field)
        if isinstance(value, date) and isinstance(reported, date) and value < reported:
            if field not in errors:
                err(field, "This date is before the incident was reported.")
    tags = rec.get("tags") or []
    primary = rec.get("primary_tag")
    if primary and "tags" not in errors and "primary_tag" not in errors and primary not in tags:
        err("primary_tag", "The primary tag must be one of the incident's tags.")
    if tags and not primary and "primary_tag" not in errors and "tags" not in errors:
        err("primary_tag", "Choose which tag is the primary root cause.")
