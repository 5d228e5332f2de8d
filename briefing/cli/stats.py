"""``briefing stats``: what the last weeks of briefings looked like.

The headline first (one sentence a lead can read out), then the figures
as tables; ``--json`` prints the same as one object for scripts (its shape
is pinned in tests/test_json_interface.py and described in the README).
"""

from __future__ import annotations

import sqlite3

import click

from briefing.cli import jsonout
from briefing.cli.common import reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.safetext import inert
from briefing.stats import DEFAULT_WEEKS, MAX_WEEKS, percent


def _pct(value: float | None) -> str:
    return "" if value is None else f"{percent(value)}%"


def _minutes(value: float) -> str:
    return f"{value:.1f}"


@click.command()
@click.option(
    "--weeks",
    type=click.IntRange(1, MAX_WEEKS),
    default=DEFAULT_WEEKS,
    show_default=True,
    help=f"How many weeks back, this one included (1 to {MAX_WEEKS}).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@reads_db
def stats(conn: sqlite3.Connection, weeks: int, as_json: bool) -> None:
    """Trends of the last weeks: client share, minutes per kind, verbatims,
    wins owned and presented, segments that ran over."""
    from briefing.stats import load

    figures = load(conn, weeks=weeks)
    data = jsonout.stats(figures)
    if as_json:
        emit_json(data)
        return
    write(inert(figures.headline))
    _section(f"Briefings since {figures.start:%a %d %b %Y}: client share against the agenda's target")
    held = data["briefings"]
    emit_table(
        [{"day": b["day"], "share": _pct(b["client_share"]), "target": _pct(b["target_share"])} for b in held],
        [("day", "DAY"), ("share", "CLIENT SHARE"), ("target", "TARGET")],
        empty="No briefing was finished in these weeks.",
    )
    _section("Per week: minutes spent by kind, verbatims collected by sentiment")
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
    columns = [("week", "WEEK OF"), ("held", "BRIEFINGS"), ("share", "SHARE"), ("client", "CLIENT MIN")]
    columns += [("sales", "SALES MIN"), ("team", "TEAM MIN"), ("positive", "POSITIVE"), ("neutral", "NEUTRAL")]
    emit_table(rows, [*columns, ("negative", "NEGATIVE")], empty="")
    _section("Wins owned and presented, per collaborator")
    emit_table(
        data["wins"], [("name", "NAME"), ("owned", "OWNED"), ("presented", "PRESENTED")], empty="Nobody in the team."
    )
    _section("Segments that ran over (in finished briefings)")
    emit_table(
        [o | {"minutes": _minutes(o["overrun_s"] / 60)} for o in data["overruns"]],
        [("segment", "SEGMENT"), ("held", "HELD"), ("overran", "RAN OVER"), ("minutes", "MINUTES OVER")],
        empty="No segment was timed in these weeks.",
    )


def _section(title: str) -> None:
    write("")
    write(title)
