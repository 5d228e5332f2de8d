"""``briefing history``: the briefings held, newest first."""

from __future__ import annotations

import sqlite3

import click

from briefing import history as core
from briefing.cli import jsonout
from briefing.cli.common import DB_HELP, RECORD_ID, json_option, reads_db
from briefing.cli.output import emit_listing, percent
from briefing.cli.speaking import SpeakingPath, group
from briefing.cli.words import labels
from briefing.i18n import N_, _
from briefing.timeutil import mmss

#: Without a range, the last this many briefings: a glance, not ten years.
#: (--limit's help says the number.)
RECENT = 30


@group(
    invoke_without_command=True,
    help=N_("""The briefings held, newest first: time, client share against the
    target, who told which win, how many verbatims were shown.

    'briefing history show DATE|ID' prints one briefing's full summary."""),
)
@click.option("--from", "start", metavar="DATE", help=N_("From this day (YYYY-MM-DD, today, yesterday)."))
@click.option("--to", "end", metavar="DATE", help=N_("Up to this day, included."))
@click.option(
    "--limit",
    type=RECORD_ID,
    metavar="N",
    help=N_("At most N briefings [default: 30 without a range]."),  # 30: RECENT (a msgid is a constant)
)
@json_option
@click.option("--db", "db_path", type=SpeakingPath(dir_okay=True), default=None, help=DB_HELP)
@click.pass_context
def history(ctx: click.Context, start, end, limit, as_json: bool, db_path: str | None) -> None:
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
            share = "—" if b.client_share is None else percent(b.client_share, 0)
            if b.under_target:
                share = _("{share} ▼ under {target}").format(share=share, target=percent(b.target_share, 0))
            row["share"] = share
            row["told"] = _told(b)
    emit_listing(
        rows,
        [
            ("id", N_("ID")),
            ("day", N_("DATE")),
            ("time", N_("TIME")),
            ("share", N_("CLIENT SHARE")),
            ("verbatims_shown", N_("SHOWN")),
            ("told", N_("CLIENT WIN")),
        ],
        as_json=as_json,
        empty=_("No briefing held in that range.") if (start or end) else _("No briefing held yet."),
    )


def _told(b: core.PastBriefing) -> str:
    if b.presenter is None:
        return "—"
    if b.win_title is None:
        return _("{name}: a fresh client story").format(name=b.presenter)
    if b.win_owner in (None, b.presenter):
        return _("{name}: {title}").format(name=b.presenter, title=b.win_title)
    return _("{name}: {title} (won by {owner})").format(name=b.presenter, title=b.win_title, owner=b.win_owner)


@history.command(help=N_("One briefing's full summary: by its day (the last held that day) or its id."))
@click.argument("which", metavar="DATE|ID")
@json_option
@reads_db
def show(conn: sqlite3.Connection, which: str, as_json: bool) -> None:
    from briefing import summary as summaries
    from briefing.cli.output import emit_json, write
    from briefing.cli.summary_text import lines

    result = summaries.load(conn, core.resolve(conn, which))
    if as_json:
        emit_json(jsonout.summary(result))
    else:
        write("\n".join(lines(result)))
