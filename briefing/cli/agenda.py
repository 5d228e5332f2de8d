"""``briefing agenda``: the meeting's segments and client-time target.

The agenda is edited as a TOML file rather than option by option: a whole
meeting is easier to read, comment and review in one place, and a file is
applied all at once or not at all.
"""

from __future__ import annotations

import sqlite3

import click

from briefing import agenda as core
from briefing.cli import jsonout
from briefing.cli.common import db_option, json_option, read_bounded, reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.errors import BadInput
from briefing.safetext import inert
from briefing.timeutil import mmss


def percent(share: float, digits: int = 2) -> str:
    return f"{round(share * 100, digits):g}%"


@click.group()
def agenda() -> None:
    """The meeting's agenda and client-time target, shared by the team.

    \b
    Change it by writing a TOML file (see data/agenda.example.toml):
      briefing agenda show                      # what the meeting uses now
      briefing agenda set my-agenda.toml
      briefing agenda reset                     # back to the default
    """


@agenda.command("show")
@json_option
@reads_db
def show(conn: sqlite3.Connection, as_json: bool) -> None:
    """Show the agenda every screen of the meeting uses."""
    current = core.load_agenda(conn)
    if as_json:
        emit_json(jsonout.agenda(current))
        return
    rows = [
        {"n": str(i), "title": s.title, "kind": s.kind.value, "planned": mmss(s.planned_s, pad=False)}
        for i, s in enumerate(current.segments, 1)
    ]
    emit_table(rows, [("n", "#"), ("title", "TITLE"), ("kind", "KIND"), ("planned", "PLANNED")], empty="")
    write(f"Total {mmss(current.total_s, pad=False)} \u00b7 {_target_line(current)}")
    write(_win_line(current))
    write(_call_line(current))
    if current == core.default_agenda():
        write("This is the default agenda; change it with: briefing agenda set FILE", err=True)


def _win_line(current: core.Agenda) -> str:
    """Where the rotation's presenter speaks: a renamed segment must not
    silently leave the team without one."""
    index = current.win_index
    if index is None:
        return "No client-win segment: nobody is picked to present (add win = true to one segment)"
    title = inert(current.segments[index].title)
    return f"Client win: segment {index + 1} ({title}), told by the rotation's presenter"


def _call_line(current: core.Agenda) -> str:
    """Where the room calls a client, or that it could: the option is easy to miss."""
    index = current.call_index
    if index is None:
        return "No client call: add call = true to a client segment to call a client the app proposes"
    title = inert(current.segments[index].title)
    return f"Client call: segment {index + 1} ({title}), a client the app proposes ('briefing call suggest')"


def _target_line(current: core.Agenda) -> str:
    """The target, next to what the plan itself gives: a plan that misses its
    own target is worth seeing before the meeting, not during it."""
    line = f"target: client time at least {percent(current.target_share)} of client + sales time"
    share = core.planned_share(current)
    if share is not None:
        line += f" (planned: {percent(share, 0)})"
    return line


#: An agenda file: twelve segments take 2 KB; room for generous comments.
AGENDA_LIMIT = 64 * 1024


@agenda.command("set")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
def set_(conn: sqlite3.Connection, file: str) -> None:
    """Replace the agenda with the one FILE (TOML) describes.

    A file with a mistake changes nothing; the error names its line.
    """
    try:
        with open(file, "rb") as fh:
            raw = read_bounded(fh, AGENDA_LIMIT, "agenda", file)
    except OSError as exc:
        raise BadInput("agenda", f"cannot read {file}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as some Windows editors add, is harmless
    except UnicodeDecodeError as exc:
        raise BadInput("agenda", f"{file} is not UTF-8 text (byte {exc.start})") from None
    new = core.parse_toml(text, source=file)
    core.save_agenda(conn, new)
    count = len(new.segments)
    write(
        f"Agenda saved: {count} segment{'s' if count != 1 else ''}, {mmss(new.total_s, pad=False)}, "
        f"target {percent(new.target_share)} client",
        err=True,
    )
    write(_win_line(new), err=True)
    write(_call_line(new), err=True)
    warning = core.share_warning(new)
    if warning:  # accepted (the lead may mean it), but said
        write(f"warning: {warning}", err=True)


@agenda.command("reset")
@db_option
def reset(conn: sqlite3.Connection) -> None:
    """Go back to the default agenda (18 minutes opening on a client call, target 50% client)."""
    core.reset_agenda(conn)
    default = core.default_agenda()
    write(
        f"Agenda reset to the default: {len(default.segments)} segments, {mmss(default.total_s, pad=False)}, "
        f"target {percent(default.target_share)} client",
        err=True,
    )
