"""``briefing rotation``: who presents the client win, and why."""

from __future__ import annotations

import sqlite3

from briefing import presenting
from briefing.cli import jsonout
from briefing.cli.common import json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.cli.speaking import group
from briefing.i18n import N_, _
from briefing.safetext import inert


@group(help=N_("The fair rotation of who presents today's client win (the lead stays out)."))
def rotation() -> None:
    pass


@rotation.command("next", help=N_("Who presents next, why, which win, and who follows."))
@json_option
@reads_db
def next_(conn: sqlite3.Connection, as_json: bool) -> None:
    from briefing.meeting import current_id

    now = presenting.next_presentation(conn, meeting_id=current_id(conn))
    if as_json:
        emit_json(jsonout.presentation(now))
        return
    write(inert(now.choice.reason))
    if now.win:
        if now.own_win:
            write(inert(_("Win: {title}").format(title=now.win.title)))
        else:
            write(inert(_("Win: {title} (won by {owner})").format(title=now.win.title, owner=now.win.owner)))
    elif now.choice.presenter:
        write(_("No win is pending: ask for a fresh client story."))
    if now.choice.queue:
        write(inert(_("Then: {names}").format(names=", ".join(p.name for p in now.choice.queue))))


@rotation.command(help=N_("Past briefings: who presented which win, who was skipped."))
@json_option
@reads_db
def history(conn: sqlite3.Connection, as_json: bool) -> None:
    rows = [jsonout.rotation_entry(e) for e in presenting.rotation_history(conn)]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["win_title"] = r["win"]["title"] if r["win"] else ""
        r["skips"] = ", ".join(r["skipped"])
    emit_table(
        rows,
        [("date", N_("DATE")), ("presenter", N_("PRESENTER")), ("skips", N_("SKIPPED")), ("win_title", N_("WIN"))],
        empty=_("No briefing held yet."),
    )
