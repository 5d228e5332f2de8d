"""``briefing history``: the briefings held, newest first."""

from __future__ import annotations

import sqlite3

import click

from briefing import history as core
from briefing.cli import jsonout
from briefing.cli.common import DB_HELP, RECORD_ID, json_option, reads_db
from briefing.cli.output import emit_listing
from briefing.cli.words import labels
from briefing.timeutil import mmss

#: Without a range, the last this many briefings: a glance, not ten years.
RECENT = 30


@click.group(invoke_without_command=True)
@click.option("--from", "start", metavar="DATE", help="From this day (YYYY-MM-DD, today, yesterday).")
@click.option("--to", "end", metavar="DATE", help="Up to this day, included.")
@click.option("--limit", type=RECORD_ID, metavar="N", help=f"At most N briefings [default: {RECENT} without a range].")
@json_option
@click.option("--db", "db_path", type=click.Path(dir_okay=True), default=None, help=DB_HELP)
@click.pass_context
def history(ctx: click.Context, start, end, limit, as_json: bool, db_path: str | None) -> None:
    """The briefings held, newest first: time, client share against the
    target, who told which win, how many verbatims were shown.

    'briefing history show DATE|ID' prints one briefing's full summary."""
    if ctx.invoked_subcommand is None:
        _listing(start=start, end=end, limit=limit, as_json=as_json, db_path=db_path)


@reads_db
@labels(start="--from", end="--to")
def _listing(conn: sqlite3.Connection, start, end, limit, as_json: bool) -> None:
    if limit is None and start is None and end is None:
        limit = RECENT
    held = core.between(conn, start, end, limit)
    rows = [jsonout.past_briefing(b) for b in held]
    if not as_json:
        for b, row in zip(held, rows, strict=True):
            row["time"] = mmss(b.duration_s)
            share = "—" if b.client_share is None else f"{round(b.client_share * 100)}%"
            row["share"] = f"{share} ▼ under {round(b.target_share * 100)}%" if b.under_target else share
            row["told"] = _told(b)
    emit_listing(
        rows,
        [
            ("id", "ID"),
            ("day", "DATE"),
            ("time", "TIME"),
            ("share", "CLIENT SHARE"),
            ("verbatims_shown", "SHOWN"),
            ("told", "CLIENT WIN"),
        ],
        as_json=as_json,
        empty="No briefing held in that range." if (start or end) else "No briefing held yet.",
    )


def _told(b: core.PastBriefing) -> str:
    if b.presenter is None:
        return "—"
    if b.win_title is None:
        return f"{b.presenter}: a fresh client story"
    credit = "" if b.win_owner in (None, b.presenter) else f" (won by {b.win_owner})"
    return f"{b.presenter}: {b.win_title}{credit}"


@history.command()
@click.argument("which", metavar="DATE|ID")
@json_option
@reads_db
def show(conn: sqlite3.Connection, which: str, as_json: bool) -> None:
    """One briefing's full summary: by its day (the last held that day) or its id."""
    from briefing import summary as summaries
    from briefing.cli.output import emit_json, write
    from briefing.cli.summary_text import lines

    result = summaries.load(conn, core.resolve(conn, which))
    if as_json:
        emit_json(jsonout.summary(result))
    else:
        write("\n".join(lines(result)))
