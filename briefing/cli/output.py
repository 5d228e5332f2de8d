"""Printing listings: JSON for scripts, a plain table for people.

Both write UTF-8 bytes whatever the locale says, so a verbatim in Arabic
or with emoji never turns into an encoding traceback on a C-locale CI box.
Table cells go through :func:`briefing.safetext.inert`: a verbatim holding
an ESC sequence must not repaint the terminal of whoever lists it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from briefing.i18n import _
from briefing.safetext import inert


def write(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if err:  # messages quote names people typed: keep them inert too
        text = inert(text)
    stream.flush()
    stream.buffer.write((text + "\n").encode("utf-8", "replace"))
    stream.buffer.flush()


def emit_json(rows: Sequence[dict[str, Any]] | dict[str, Any]) -> None:
    import json

    from briefing.safetext import json_inert

    write(json_inert(json.dumps(rows, ensure_ascii=False, indent=2)))


def cell_width(text: str) -> int:
    import unicodedata

    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def fit(text: str, width: int) -> str:
    """Clip to ``width`` terminal cells (wide characters count double)."""
    if cell_width(text) <= width:
        return text + " " * (width - cell_width(text))
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "\u2026" + " " * (width - 1 - used)


def emit_listing(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    *,
    as_json: bool,
    empty: str,
    optional: Sequence[str] = (),
) -> None:
    """A listing as a JSON array (``--json``), or as a table for people."""
    if as_json:
        emit_json(rows)
    else:
        emit_table(rows, columns, empty=empty, optional=optional)


def emit_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], *, empty: str, optional: Sequence[str] = ()
) -> None:
    """``columns`` is (key, heading); the last column takes what width is left.
    Headings are msgids (``N_("NAME")``), translated here.

    ``optional``: keys of columns left out, in that order, while the last
    column would get less than its share of a narrow terminal: on 80
    columns a quote is worth more than the channel it came by."""
    if not rows:
        write(empty, err=True)
        return
    import shutil

    total = shutil.get_terminal_size((100, 24)).columns
    for key in optional:
        if _last_width(rows, columns, total) >= int(total * LAST_SHARE):
            break
        columns = [c for c in columns if c[0] != key]
    cells = [[inert(_show(row.get(key)), single_line=True) for key, _head in columns] for row in rows]
    heads = [_(head) for _key, head in columns]
    widths = [max(cell_width(h), *(cell_width(r[i]) for r in cells)) for i, h in enumerate(heads)]
    _share_width(widths, [cell_width(h) for h in heads], total)
    write("  ".join(fit(h, w) for h, w in zip(heads, widths, strict=False)).rstrip())
    write("  ".join("\u2500" * w for w in widths))
    for r in cells:
        write("  ".join(fit(c, w) for c, w in zip(r, widths, strict=False)).rstrip())


#: The last column (a quote, a win's title: what the listing is for) gets at
#: least this share of the terminal, the widest other columns giving way.
LAST_SHARE = 0.4


def _last_width(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], total: int) -> int:
    """How wide the last column would be with these columns, none cut."""
    others = sum(max(cell_width(_(h)), *(cell_width(_show(r.get(k))) for r in rows)) for k, h in columns[:-1])
    return total - others - 2 * (len(columns) - 1)


def _share_width(widths: list[int], least: list[int], total: int) -> None:
    """Fit ``widths`` (in place) to ``total`` cells: the last column gets what
    it needs up to :data:`LAST_SHARE` of the line before any other is cut;
    then the widest of the others shrink one cell at a time, never below
    their heading or 10 cells (a date is never cut)."""
    gaps = 2 * (len(widths) - 1)
    last = min(widths[-1], max(int(total * LAST_SHARE), 10))
    floors = [min(w, max(h, 10)) for w, h in zip(widths[:-1], least, strict=False)]
    over = sum(widths[:-1]) + gaps + last - total
    while over > 0:
        i = max(range(len(floors)), key=lambda j: widths[j] - floors[j], default=None)
        if i is None or widths[i] <= floors[i]:
            break
        widths[i] -= 1
        over -= 1
    widths[-1] = max(min(widths[-1], total - sum(widths[:-1]) - gaps), 10)


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return plain_number(value)
    return str(value)


def plain_number(value: float) -> str:
    """All the digits a metric has, never an exponent: 12345678 stays 12345678."""
    return format(value, ".15g")


def percent(share: float, digits: int | None = None) -> str:
    """A share (0..1) as the language writes a percentage: "42%" / "42 %";
    ``digits``: rounded to that many decimals, trailing zeros dropped
    ("33.33%", "50%"). English is written here (a command loads no Babel);
    another language through formats.py."""
    from briefing import i18n

    if i18n.current() == i18n.DEFAULT:
        return f"{share:.0%}" if digits is None else f"{round(share * 100, digits):g}%"
    from briefing.formats import number

    return number(round(share * 100, digits or 0)) + "\u00a0%"
