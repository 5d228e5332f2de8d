"""The rows of a file to import, as field -> value, before any validation.

A CRM's export is read as it is written: its own column names (mapped to
ours), a decimal comma or point, days as ``2026-11-24`` or ``24/11/2026``.
A JSON file is what ``--json`` listings and the JSON export write: a list
of records, or the export's object holding one list per kind.

Numbers and days are only rewritten into the one form the validation
takes (``12.5``, ``2026-11-24``); whether they are acceptable is then
decided by the same models as ``add`` (:mod:`briefing.validation`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.errors import BadInput
from briefing.i18n import _
from briefing.tabular import decode, records, separator, unneutral

__all__ = ["MissingColumn", "Raw", "from_csv", "from_json", "read"]


@dataclass(frozen=True)
class Raw:
    """One record as the file gives it: where it is (``line 8``, ``record
    3``), its values by our field names, and the file's name for each field
    (a column, or a JSON key) so a refusal names what the user sees."""

    where: str
    values: dict[str, Any]
    columns: dict[str, str]


class MissingColumn(BadInput):
    """The file has no column for a field the records need (or that was mapped)."""

    def __init__(self, what: str, field: str, column: str, header: list[str]) -> None:
        shown = ", ".join(repr(h) for h in header if h) or _("none")
        problem = _("{what} has no column {column} for the {field} (its columns: {columns})")
        super().__init__("file", problem.format(what=what, column=repr(column), field=field, columns=shown))
        self.wanted = field


def read(data: bytes, what: str, fields: tuple[str, ...], kind: str, **csv_options: Any) -> list[Raw]:
    """JSON when the text starts with ``[`` or ``{``, else CSV."""
    text = decode(data, what)
    if text.lstrip()[:1] in ("[", "{"):
        return from_json(text, what, fields, kind)
    return from_csv(text, what, fields, **csv_options)


def from_json(text: str, what: str, fields: tuple[str, ...], kind: str) -> list[Raw]:
    try:
        content = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = _("{what} is not valid JSON (line {line}: {problem})").format(
            what=what, line=exc.lineno, problem=exc.msg
        )
        raise BadInput("file", problem) from None
    except RecursionError:
        raise BadInput("file", _("{what} nests too deeply to be an export").format(what=what)) from None
    if isinstance(content, dict):
        if not isinstance(content.get(kind), list):
            raise BadInput("file", _("{what} holds no list of {kind}").format(what=what, kind=kind))
        content = content[kind]
    if not isinstance(content, list):
        raise BadInput("file", _("{what} holds neither a list of {kind} nor an export").format(what=what, kind=kind))
    out = []
    for n, record in enumerate(content, 1):
        if not isinstance(record, dict):
            raise BadInput("file", _("{what} record {number} is not an object").format(what=what, number=n))
        values = {f: record.get(f) for f in fields}
        out.append(Raw(_("{what} record {number}").format(what=what, number=n), values, {f: f for f in fields}))
    return out


def from_csv(
    text: str,
    what: str,
    fields: tuple[str, ...],
    *,
    mapping: dict[str, str] | None = None,
    required: tuple[str, ...] = (),
    numbers: tuple[str, ...] = (),
    decimal: str = "auto",
) -> list[Raw]:
    """The rows of a CSV text; ``mapping`` is field -> column (else the
    column named as the field, case and spaces aside). ``decimal``: ``comma``,
    ``point``, or ``auto`` (a comma when cells are separated by ``;``, as
    spreadsheets of decimal-comma countries write them)."""
    header, rows = records(text, what)
    by_fold = {h.casefold(): h for h in header}
    columns: dict[str, str] = {}
    for field in fields:
        wanted = (mapping or {}).get(field, field)
        found = by_fold.get(wanted.strip().casefold())
        if found is not None:
            columns[field] = found
        elif field in required or field in (mapping or {}):
            raise MissingColumn(what, field, wanted, header)
    comma = decimal == "comma" or (decimal == "auto" and separator(text) == ";")
    return list(_rows(rows, what, columns, numbers, comma))


def _rows(
    rows: Iterator[tuple[int, dict[str, str]]],
    what: str,
    columns: dict[str, str],
    numbers: tuple[str, ...],
    comma: bool,
) -> Iterator[Raw]:
    for line, cells in rows:
        values: dict[str, Any] = {}
        for field, column in columns.items():
            cell = (cells.get(column) or "").strip()
            if not cell:
                values[field] = None
            elif field in numbers:
                values[field] = number_text(cell, comma=comma)
            elif field == "date":
                values[field] = day_text(cell)
            else:
                values[field] = unneutral(cells[column])
        yield Raw(_("{what} line {line}").format(what=what, line=line), values, columns)


_GROUPED_POINT = re.compile(r"[+\-\u2212]?\d{1,3}(\.\d{3})+(,\d+)?")
_GROUPED_COMMA = re.compile(r"[+\-\u2212]?\d{1,3}(,\d{3})+(\.\d+)?")


def number_text(cell: str, *, comma: bool) -> str:
    """A number as the file writes it, in the form the validation takes:
    with a decimal comma, ``1.234,5`` and ``12,400`` are 1234.5 and 12.4;
    with a point, ``1,234.5`` is 1234.5. Spaces between thousands stay
    (the validation reads ``12 400``). Anything else is passed as it is,
    for the validation to refuse in its own words."""
    cell = unneutral(cell)
    if comma:
        if _GROUPED_POINT.fullmatch(cell):
            cell = cell.replace(".", "")
        return cell.replace(",", ".") if cell.count(",") == 1 and "." not in cell else cell
    return cell.replace(",", "") if _GROUPED_COMMA.fullmatch(cell) else cell


_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_ISO_WITH_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*")


def day_text(cell: str) -> str:
    """``24/11/2026`` or ``24.11.2026`` (day first, as European CRMs write
    it) and ``2026-11-24 08:30`` (a CRM's timestamp) as ``2026-11-24``."""
    if match := _DMY.fullmatch(cell):
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if match := _ISO_WITH_TIME.fullmatch(cell):
        return match[1]
    return cell
