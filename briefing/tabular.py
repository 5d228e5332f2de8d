"""CSV in and out: quoting, spreadsheet formulas, separators, encodings.

Writing follows RFC 4180 (Python's ``csv`` module, CRLF line ends) and
OWASP's advice on CSV injection: a text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab, CR or LF is a formula to a spreadsheet (a verbatim
``=HYPERLINK(...)`` would run when opened), so it gets a leading ``'``,
which spreadsheets hide. Only text is neutralised: a number (a metric's
-12.5) is written as a number, so it still adds up. ``excel`` writes what
a spreadsheet in a decimal-comma locale opens by a double click: UTF-8 with
a BOM, ``;`` between cells, ``12,5``.

Reading takes what CRMs and spreadsheets write: UTF-8 with or without a
BOM, cells separated by ``,``, ``;`` or tabs (whichever the header line has
most of), quoted or not.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from briefing.errors import BadInput
from briefing.i18n import _

__all__ = ["FORMULA_STARTS", "decode", "dump", "neutral", "records", "separator", "unneutral"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutral(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unneutral(value: str) -> str:
    """A cell as it was before :func:`neutral` (an export read back in)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _cell(value: Any, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else repr(value)
        return text.replace(".", ",") if excel else text
    return neutral(str(value))


def dump(header: Sequence[str], rows: Sequence[Sequence[Any]], *, excel: bool = False) -> bytes:
    """The table as CSV bytes (UTF-8; with ``excel``, a BOM and ``;``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v, excel) for v in row] for row in rows)
    return ("\ufeff" if excel else "").encode() + out.getvalue().encode("utf-8")


def decode(data: bytes, what: str) -> str:
    """The file's text; a BOM is dropped. Not UTF-8: refused, naming where."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = _("{what} is not UTF-8 text (byte {byte} is not): save it as CSV UTF-8")
        raise BadInput("file", problem.format(what=what, byte=exc.start + 1)) from None


def separator(text: str) -> str:
    """The separator the header line uses most (``,`` when it has none:
    a file of one column)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def records(text: str, what: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header's column names, and each row as (its line in the file,
    column -> cell), blank lines left out. Cells are as written; a row
    shorter than the header lacks the last columns."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), strict=True)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise BadInput("file", _("{what} line {line}: {problem}").format(what=what, line=1, problem=exc)) from None
    if not any(header):
        raise BadInput("file", _("{what} is empty: the first line should name the columns").format(what=what))

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                problem = _("{what} line {line}: {problem}").format(what=what, line=line, problem=exc)
                raise BadInput("file", problem) from None
            if any(cell.strip() for cell in row):
                yield line, dict(zip(header, row, strict=False))
            line = reader.line_num + 1

    return header, rows()
