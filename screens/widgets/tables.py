"""Filling a table with its column widths set, never measured later.

A DataTable left to size its columns measures them when it is next idle,
after its rows were added. A frame painted before that keeps its rows cut
to the headings' widths (Textual caches the rendered rows) until something
else redraws them: snapshots caught "Clai" and "memb" in the team table,
and a numbers table as narrow as its headings. Widths set together with
the rows leave no such window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

if TYPE_CHECKING:  # imported by the screens that show a table, not by the meeting's first frame
    from textual.widgets import DataTable

Row = tuple[Sequence[Text], str | None]


def fill(table: DataTable, headings: Sequence[str], rows: Sequence[Row], at_least: Sequence[int] = ()) -> None:
    """Replace every row (cells, key), each column as wide as its widest cell
    (and ``at_least`` as wide as given, for cells that will change)."""
    widths = [max([cell_len(h), *at_least[i : i + 1]]) for i, h in enumerate(headings)]
    for cells, _ in rows:
        for i, cell in enumerate(cells):
            widths[i] = max(widths[i], cell.cell_len)
    table.clear(columns=True)
    for heading, width in zip(headings, widths, strict=True):
        table.add_column(heading, width=width, key=heading)
    for cells, key in rows:
        table.add_row(*cells, key=key)
