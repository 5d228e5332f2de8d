"""What a range of days holds, read for an export: the verbatims, the wins,
the metric values and the briefings held, oldest first.

Each list is read down an index on its day column (``verbatims_date``,
``wins_date``, ``metrics_date``, ``meetings_held``): exporting a month of a
ten-year history costs the month (``tests/test_query_plans.py``). All of it
is read in one read transaction, so the lists agree with each other.

Languages: the CSV tables and the JSON document made from a period
(:mod:`briefing.cli.export_formats`) keep English column names, keys and
values whatever language the app speaks: they are an interface, read back
by ``briefing import`` and by scripts, and a French export must import into
an English team. Only the Markdown minutes (:mod:`briefing.minutes`) and the
refusals here speak the team's language.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from briefing import summary
from briefing.db import snapshot
from briefing.errors import BadInput
from briefing.i18n import _
from briefing.records import Metric, Verbatim, Win
from briefing.summary import Summary
from briefing.timeutil import parse_date, today

__all__ = ["KINDS", "Period", "read", "span"]

#: The kinds of record an export holds, in the order it lists them.
KINDS = ("verbatims", "wins", "metrics", "briefings")

_VERBATIMS = """
    SELECT v.*, c.name AS collected_by_name
    FROM verbatims v LEFT JOIN collaborators c ON c.id = v.collected_by
    WHERE v.date BETWEEN ? AND ? ORDER BY v.date, v.id
"""
_WINS = """
    SELECT w.*, o.name AS owner_name, p.name AS presenter_name
    FROM wins w
    JOIN collaborators o ON o.id = w.owner_id
    LEFT JOIN collaborators p ON p.id = w.presented_by
    WHERE w.date BETWEEN ? AND ? ORDER BY w.date, w.id
"""
_METRICS = "SELECT * FROM metrics WHERE date BETWEEN ? AND ? ORDER BY date, name"
_HELD = "SELECT id FROM meetings WHERE outcome = 'finished' AND day BETWEEN ? AND ? ORDER BY day, id"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    verbatims: list[Verbatim] = field(default_factory=list)
    wins: list[Win] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    #: The briefings held (finished) in the range, as their summaries.
    briefings: list[Summary] = field(default_factory=list)


def read(conn: sqlite3.Connection, start: date, end: date, kinds: tuple[str, ...] = KINDS) -> Period:
    """The records of ``kinds`` dated from ``start`` to ``end`` (inclusive),
    archived verbatims included: an export is a record, not the inbox."""
    days = (start.isoformat(), end.isoformat())
    with snapshot(conn):
        return Period(
            start,
            end,
            verbatims=[Verbatim.from_row(r) for r in conn.execute(_VERBATIMS, days)] if "verbatims" in kinds else [],
            wins=[Win.from_row(r) for r in conn.execute(_WINS, days)] if "wins" in kinds else [],
            metrics=[Metric.from_row(r) for r in conn.execute(_METRICS, days)] if "metrics" in kinds else [],
            briefings=[summary.load(conn, r[0]) for r in conn.execute(_HELD, days).fetchall()]
            if "briefings" in kinds
            else [],
        )


def span(start: str | None, end: str | None, day: str | None) -> tuple[date, date]:
    """The days an export covers, as typed: one ``day``, or ``start`` to
    ``end`` (today if not given). A range has to be asked for: an export
    of everything is ``start`` at the team's first day, said on purpose."""
    if day is not None:
        if start is not None or end is not None:
            raise BadInput("date", _("give one day, or a range with a start and an end, not both"))
        one = _day("date", day)
        return one, one
    if start is None:
        raise BadInput("start", _("say which days to export: one day, or a start (and an end)"))
    first, last = _day("start", start), _day("end", end) if end is not None else today()
    if first > last:
        raise BadInput("start", _("{first} is after the end of the range ({last})").format(first=first, last=last))
    return first, last


def _day(name: str, value: str) -> date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise BadInput(name, str(exc)) from None
