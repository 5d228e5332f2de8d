"""``briefing rotation``: who presents the client win, and why."""

from __future__ import annotations

import sqlite3

import click

from briefing import presenting
from briefing.cli import jsonout
from briefing.cli.common import json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.safetext import inert


@click.group()
def rotation() -> None:
    """The fair rotation of who presents today's client win (the lead stays out)."""


@rotation.command("next")
@json_option
@reads_db
def next_(conn: sqlite3.Connection, as_json: bool) -> None:
    """Who presents next, why, which win, and who follows."""
    from briefing.meeting import current_id

    now = presenting.next_presentation(conn, meeting_id=current_id(conn))
    if as_json:
        emit_json(jsonout.presentation(now))
        return
    write(inert(now.choice.reason))
    if now.win:
        credit = "" if now.own_win else f" (won by {now.win.owner})"
        write(inert(f"Win: {now.win.title}{credit}"))
    elif now.choice.presenter:
        write("No win is pending: ask for a fresh client story.")
    if now.choice.queue:
        write(inert("Then: " + ", ".join(p.name for p in now.choice.queue)))


@rotation.command()
@json_option
@reads_db
def history(conn: sqlite3.Connection, as_json: bool) -> None:
    """Past briefings: who presented which win, who was skipped."""
    rows = [jsonout.rotation_entry(e) for e in presenting.rotation_history(conn)]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["win_title"] = r["win"]["title"] if r["win"] else ""
        r["skips"] = ", ".join(r["skipped"])
    emit_table(
        rows,
        [("date", "DATE"), ("presenter", "PRESENTER"), ("skips", "SKIPPED"), ("win_title", "WIN")],
        empty="No briefing held yet.",
    )
