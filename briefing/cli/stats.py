"""``briefing stats``: what the last weeks of briefings looked like.

The headline first (one sentence a lead can read out), then the figures
as tables; ``--json`` prints the same as one object for scripts (its shape
is pinned in tests/test_json_interface.py and described in the README).
"""

from __future__ import annotations

import sqlite3

import click

from briefing import i18n
from briefing.cli import jsonout
from briefing.cli.common import reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.cli.speaking import command
from briefing.formats import short_day
from briefing.i18n import N_, _
from briefing.safetext import inert
from briefing.stats import DEFAULT_WEEKS, MAX_WEEKS, percent


def _pct(value: float | None) -> str:
    if value is None:
        return ""
    return f"{percent(value)}%" if i18n.current() == i18n.DEFAULT else f"{percent(value)}\u00a0%"


def _minutes(value: float) -> str:
    if i18n.current() == i18n.DEFAULT:
        return f"{value:.1f}"
    from briefing.formats import number

    return number(value, decimals=1)


@command(
    help=N_("""Trends of the last weeks: client share, minutes per kind, verbatims,
    wins owned and presented, segments that ran over.""")
)
@click.option(
    "--weeks",
    type=click.IntRange(1, MAX_WEEKS),
    default=DEFAULT_WEEKS,
    show_default=True,
    help=N_("How many weeks back, this one included (1 to 520)."),  # 520: MAX_WEEKS (a msgid is a constant)
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of tables."))
@reads_db
def stats(conn: sqlite3.Connection, weeks: int, as_json: bool) -> None:
    from briefing.stats import load

    figures = load(conn, weeks=weeks)
    data = jsonout.stats(figures)
    if as_json:
        emit_json(data)
        return
    write(inert(figures.headline))
    since = f"{short_day(figures.start)} {figures.start.year}"
    _section(_("Briefings since {day}: client share against the agenda's target").format(day=since))
    held = data["briefings"]
    emit_table(
        [{"day": b["day"], "share": _pct(b["client_share"]), "target": _pct(b["target_share"])} for b in held],
        [("day", N_("DAY")), ("share", N_("CLIENT SHARE")), ("target", N_("TARGET"))],
        empty=_("No briefing was finished in these weeks."),
    )
    _section(_("Per week: minutes spent by kind, verbatims collected by sentiment"))
    rows = [
        {
            "week": w["week"],
            "held": w["briefings"],
            "share": _pct(w["client_share"]),
            **{k: _minutes(v) for k, v in w["minutes"].items()},
            **w["verbatims"],
        }
        for w in data["by_week"]
    ]
    columns = [("week", N_("WEEK OF")), ("held", N_("BRIEFINGS")), ("share", N_("SHARE"))]
    columns += [("client", N_("CLIENT MIN")), ("sales", N_("SALES MIN")), ("team", N_("TEAM MIN"))]
    columns += [("positive", N_("POSITIVE")), ("neutral", N_("NEUTRAL")), ("negative", N_("NEGATIVE"))]
    emit_table(rows, columns, empty="")
    _section(_("Wins owned and presented, per collaborator"))
    emit_table(
        data["wins"],
        [("name", N_("NAME")), ("owned", N_("OWNED")), ("presented", N_("PRESENTED"))],
        empty=_("Nobody in the team."),
    )
    _section(_("Segments that ran over (in finished briefings)"))
    emit_table(
        [o | {"minutes": _minutes(o["overrun_s"] / 60)} for o in data["overruns"]],
        [
            ("segment", N_("SEGMENT")),
            ("held", N_("HELD")),
            ("overran", N_("RAN OVER")),
            ("minutes", N_("MINUTES OVER")),
        ],
        empty=_("No segment was timed in these weeks."),
    )


def _section(title: str) -> None:
    write("")
    write(title)
