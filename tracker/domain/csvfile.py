"""Reading and writing incident CSV files (spec/interfaces.md columns). No database here:
bytes in, rows with line numbers out; rows in, text out.

Accepted: UTF-8 with or without a byte-order mark, and Excel's "CSV" (Windows-1252 when it is
not UTF-8); comma, semicolon or tab as the delimiter (Excel uses ';' in many locales); lists
inside a cell separated by ';'. Cells that a spreadsheet would run as a formula (=, +, -, @)
are written with a leading apostrophe, which reading removes again, so a round trip changes
nothing and opening an export in Excel runs nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .incident_rules import FIELDS, REQUIRED

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 100_000


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header); says why for a person."""


@dataclass
class Row:
    line: int  # the line in the file where the row starts (the header is line 1)
    values: dict[str, str]


@dataclass
class Parsed:
    rows: list[Row]
    encoding: str
    delimiter: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise CsvError("The file says it is UTF-16 but is not readable as such.") from None
    if b"\x00" in data[:4096]:
        raise CsvError("This does not look like a CSV file (it contains binary data).")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


def unescape(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_START:
        return value[1:]
    return value


def escape(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def read(data: bytes) -> Parsed:
    """Rows keyed by column name. Raises CsvError when the header is unusable."""
    text, encoding = decode(data)
    if not text.strip():
        raise CsvError("The file is empty.")
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = _delimiter(first)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise CsvError(f"The header line cannot be read: {exc}.") from None
    unknown = [h for h in header if h and h not in FIELDS]
    missing = [f for f in REQUIRED if f not in header]
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    problems = []
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)}")
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if duplicated:
        problems.append(f"repeated column(s) {', '.join(duplicated)}")
    if problems:
        raise CsvError(
            "Line 1 (header): " + "; ".join(problems) + f". Expected columns: {', '.join(FIELDS)}."
        )
    rows: list[Row] = []
    warnings = []
    if encoding == "Windows-1252":
        warnings.append("The file is not UTF-8; it was read as Excel's Windows-1252.")
    line = reader.line_num + 1
    try:
        for cells in reader:
            start = line
            line = reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise CsvError(f"More than {MAX_ROWS:,} rows: split the file.")
            values = {}
            for i, name in enumerate(header):
                if name:
                    values[name] = unescape(cells[i]) if i < len(cells) else ""
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                values["__extra__"] = str(len(cells) - len(header))
            rows.append(Row(start, values))
    except csv.Error as exc:
        raise CsvError(f"Line {reader.line_num}: {exc}.") from None
    return Parsed(rows, encoding, delimiter, warnings)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return escape("; ".join(str(v) for v in value))
    if isinstance(value, date):
        return value.isoformat()
    return escape(str(value))


def write(records: Iterable[Mapping[str, Any]], bom: bool = True) -> Iterator[str]:
    """CSV text in the interface's column order, as chunks (for files of any size)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write("\ufeff")
    writer.writerow(FIELDS)
    for n, record in enumerate(records, start=1):
        writer.writerow([_cell(record.get(f)) for f in FIELDS])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
