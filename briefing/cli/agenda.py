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
from briefing.cli.output import emit_json, emit_table, percent, write
from briefing.cli.speaking import SpeakingPath, group
from briefing.errors import BadInput
from briefing.i18n import N_, _, ngettext
from briefing.safetext import inert
from briefing.timeutil import mmss


@group(
    help=N_("""The meeting's agenda and client-time target, shared by the team.

    \b
    Change it by writing a TOML file (see data/agenda.example.toml):
      briefing agenda show                      # what the meeting uses now
      briefing agenda set my-agenda.toml
      briefing agenda reset                     # back to the default
    """)
)
def agenda() -> None:
    pass


@agenda.command("show", help=N_("Show the agenda every screen of the meeting uses."))
@json_option
@reads_db
def show(conn: sqlite3.Connection, as_json: bool) -> None:
    current = core.load_agenda(conn)
    if as_json:
        emit_json(jsonout.agenda(current))
        return
    rows = [
        {"n": str(i), "title": s.title, "kind": s.kind.value, "planned": mmss(s.planned_s, pad=False)}
        for i, s in enumerate(current.segments, 1)
    ]
    emit_table(rows, [("n", "#"), ("title", N_("TITLE")), ("kind", N_("KIND")), ("planned", N_("PLANNED"))], empty="")
    write(_("Total {time} · {target}").format(time=mmss(current.total_s, pad=False), target=_target_line(current)))
    write(_win_line(current))
    write(_call_line(current))
    if current == core.default_agenda():
        write(_("This is the default agenda; change it with: briefing agenda set FILE"), err=True)


def _win_line(current: core.Agenda) -> str:
    """Where the rotation's presenter speaks: a renamed segment must not
    silently leave the team without one."""
    index = current.win_index
    if index is None:
        return _("No client-win segment: nobody is picked to present (add win = true to one segment)")
    title = inert(current.segments[index].title)
    return _("Client win: segment {number} ({title}), told by the rotation's presenter").format(
        number=index + 1, title=title
    )


def _call_line(current: core.Agenda) -> str:
    """Where the room calls a client, or that it could: the option is easy to miss."""
    index = current.call_index
    if index is None:
        return _("No client call: add call = true to a client segment to call a client the app proposes")
    title = inert(current.segments[index].title)
    return _("Client call: segment {number} ({title}), a client the app proposes ('briefing call suggest')").format(
        number=index + 1, title=title
    )


def _target_line(current: core.Agenda) -> str:
    """The target, next to what the plan itself gives: a plan that misses its
    own target is worth seeing before the meeting, not during it."""
    target = percent(current.target_share, 2)
    share = core.planned_share(current)
    if share is None:
        return _("target: client time at least {target} of client + sales time").format(target=target)
    return _("target: client time at least {target} of client + sales time (planned: {planned})").format(
        target=target, planned=percent(share, 0)
    )


#: An agenda file: twelve segments take 2 KB; room for generous comments.
AGENDA_LIMIT = 64 * 1024


@agenda.command(
    "set",
    help=N_("""Replace the agenda with the one FILE (TOML) describes.

    A file with a mistake changes nothing; the error names its line.
    """),
)
@click.argument("file", type=SpeakingPath(exists=True, dir_okay=False))
@db_option
def set_(conn: sqlite3.Connection, file: str) -> None:
    try:
        with open(file, "rb") as fh:
            raw = read_bounded(fh, AGENDA_LIMIT, "agenda", file)
    except OSError as exc:
        raise BadInput("agenda", _("cannot read {file}: {reason}").format(file=file, reason=exc.strerror)) from None
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as some Windows editors add, is harmless
    except UnicodeDecodeError as exc:
        raise BadInput(
            "agenda", _("{file} is not UTF-8 text (byte {byte})").format(file=file, byte=exc.start)
        ) from None
    new = core.parse_toml(text, source=file)
    core.save_agenda(conn, new)
    count = len(new.segments)
    said = ngettext(
        "Agenda saved: {count} segment, {time}, target {target} client",
        "Agenda saved: {count} segments, {time}, target {target} client",
        count,
    )
    write(said.format(count=count, time=mmss(new.total_s, pad=False), target=percent(new.target_share, 2)), err=True)
    write(_win_line(new), err=True)
    write(_call_line(new), err=True)
    warning = core.share_warning(new)
    if warning:  # accepted (the lead may mean it), but said
        write(_("warning: {warning}").format(warning=warning), err=True)


@agenda.command(
    "reset", help=N_("Go back to the default agenda (18 minutes opening on a client call, target 50% client).")
)
@db_option
def reset(conn: sqlite3.Connection) -> None:
    core.reset_agenda(conn)
    default = core.default_agenda()
    write(
        _("Agenda reset to the default: {count} segments, {time}, target {target} client").format(
            count=len(default.segments), time=mmss(default.total_s, pad=False), target=percent(default.target_share, 2)
        ),
        err=True,
    )
