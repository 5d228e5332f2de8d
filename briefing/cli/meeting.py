"""``briefing meeting``: run the briefing's clock from the command line.

The same events the meeting screen appends, so a second terminal (or a
script, or a presenter's remote) can drive the meeting the room is watching.
"""

from __future__ import annotations

import sqlite3

import click

from briefing import meeting as core
from briefing.cli import jsonout
from briefing.cli.ask import confirm
from briefing.cli.common import RECORD_ID, db_option, reads_db
from briefing.cli.output import emit_json, percent, write
from briefing.cli.speaking import group
from briefing.cli.words import labels
from briefing.clock import MeetingState
from briefing.formats import LazyDay
from briefing.i18n import N_, _
from briefing.kinds import SegmentKind, kind_word, state_word
from briefing.safetext import inert
from briefing.timeutil import mmss


@group(help=N_("Start the briefing and drive its clock (the app shows the same meeting)."))
def meeting() -> None:
    pass


def describe(m: core.Meeting, state: MeetingState) -> str:
    seg = state.segment
    where = _("Segment {number}/{count}: {title} ({kind})").format(
        number=seg.index + 1,
        count=len(state.segments),
        title=inert(seg.title, single_line=True),
        kind=kind_word(seg.kind.value),
    )
    if seg.overrun_s > 0:
        timing = _("+{time} over").format(time=mmss(seg.overrun_s, pad=False))
    else:
        timing = _("{time} left").format(time=mmss(seg.countdown_s, pad=False))
    by_kind = " · ".join(f"{kind_word(k)} {mmss(v, pad=False)}" for k, v in state.elapsed_by_kind.items())
    share = state.client_share
    balance = (
        _("no client or sales time yet") if share is None else _("client share {share}").format(share=percent(share))
    )
    if state.auto_paused:
        status = _("{state} (paused by itself after a long silence)").format(state=state_word(state.state))
    else:
        status = state_word(state.state)
    lines = [
        _("Briefing {iso} — {state}").format(iso=m.day.isoformat(), day=LazyDay(m.day), state=status),
        _("{where} — {timing} of {planned}; running: {kind}").format(
            where=where, timing=timing, planned=mmss(seg.planned_s, pad=False), kind=kind_word(state.running_kind.value)
        ),
        _("{times} — {balance} (target {target})").format(
            times=by_kind, balance=balance, target=percent(state.target_share)
        ),
    ]
    return "\n".join(lines)


#: Who is in the room, as ``attendance`` confirms it (the argument stays as typed).
ATTENDANCE = {"present": N_("present"), "absent": N_("absent"), "off": N_("off")}


def report(result: tuple[core.Meeting, MeetingState]) -> None:
    write(describe(*result), err=True)


@meeting.command(help=N_("Start today's briefing on the team's agenda (everyone present unless named)."))
@click.option("--again", is_flag=True, help=N_("Start even though the team already had its briefing today."))
@click.option(
    "--absent", multiple=True, metavar="NAME", help=N_("Not in the room today (sick, on a call). Repeatable.")
)
@click.option("--off", multiple=True, metavar="NAME", help=N_("On holiday today. Repeatable."))
@db_option
def start(conn: sqlite3.Connection, again: bool, absent: tuple[str, ...], off: tuple[str, ...]) -> None:
    from briefing.errors import AlreadyHadOneToday

    try:
        m = core.start(conn, again=again, absent=absent, off=off)
    except AlreadyHadOneToday:
        confirm(_("The team already had its briefing today. Start another one?"))
        m = core.start(conn, again=True, absent=absent, off=off)
    report((m, m.state()))


@meeting.command(help=N_("Today's presenter is not ready: the next one presents, they keep their place."))
@db_option
def skip(conn: sqlite3.Connection) -> None:
    from briefing import presenting

    now = presenting.skip(conn)
    write(inert(now.choice.reason), err=True)


@meeting.command(help=N_("Undo the last 'skip' (not ready today): that person is back in today's choice."))
@db_option
def unskip(conn: sqlite3.Connection) -> None:
    from briefing import presenting

    now = presenting.unskip(conn)
    write(inert(now.choice.reason), err=True)


@meeting.command(
    help=N_("""Correct who is in the room during the briefing (the app: 'a' on the meeting screen).

    Marking today's presenter absent passes the turn to the next person;
    they keep their place for the next briefing.
    """)
)
@click.argument("name")
@click.argument("status", type=click.Choice(list(ATTENDANCE)))
@db_option
def attendance(conn: sqlite3.Connection, name: str, status: str) -> None:
    from briefing import presenting
    from briefing.team import find_active_id

    m = core.require_current(conn)
    presenting.set_attendance(conn, m.id, find_active_id(conn, name, "name"), status)
    write(_("{name}: {status}").format(name=name, status=_(ATTENDANCE[status])), err=True)


@meeting.command(help=N_("Tell this pending win today instead of the one the rotation suggests."))
@click.argument("win_id", metavar="WIN_ID", type=RECORD_ID)
@db_option
@labels(id="WIN_ID")
def pick(conn: sqlite3.Connection, win_id: int) -> None:
    from briefing import presenting

    presenting.pick_win(conn, win_id)
    write(_("Win {id} will be told today").format(id=win_id), err=True)


@meeting.command("next", help=N_("Go to the next segment."))
@db_option
def next_(conn: sqlite3.Connection) -> None:
    report(core.go(conn, +1))


@meeting.command(help=N_("Go back to the previous segment."))
@db_option
def prev(conn: sqlite3.Connection) -> None:
    report(core.go(conn, -1))


@meeting.command(help=N_("Pause every clock."))
@db_option
def pause(conn: sqlite3.Connection) -> None:
    report(core.pause(conn))


@meeting.command(help=N_("Resume after a pause."))
@db_option
def resume(conn: sqlite3.Connection) -> None:
    report(core.resume(conn))


@meeting.command(help=N_("Flip the running clock between client and sales time (the talk drifted)."))
@click.option(
    "--to",
    type=click.Choice([k.value for k in SegmentKind]),
    help=N_("The kind to run [default: flip client ⇄ sales]."),
)
@db_option
def switch(conn: sqlite3.Connection, to: str | None) -> None:
    report(core.switch(conn, to))


@meeting.command(help=N_("Give the current segment one more minute."))
@db_option
def plus(conn: sqlite3.Connection) -> None:
    report(core.adjust(conn, +60))


@meeting.command(help=N_("Take one minute off the current segment."))
@db_option
def minus(conn: sqlite3.Connection) -> None:
    report(core.adjust(conn, -60))


@meeting.command(help=N_("End the briefing and keep its summary."))
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask for confirmation."))
@db_option
def finish(conn: sqlite3.Connection, yes: bool) -> None:
    core.require_current(conn)
    if not yes:
        confirm(_("Finish the briefing?"))
    report(core.finish(conn))


@meeting.command(help=N_("Stop the briefing without counting it as held."))
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask for confirmation."))
@db_option
def abandon(conn: sqlite3.Connection, yes: bool) -> None:
    core.require_current(conn)
    if not yes:
        confirm(_("Abandon the briefing? It will not count as today's briefing."))
    report(core.abandon(conn))


@meeting.command(help=N_("Show where the briefing stands."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@reads_db
def status(conn: sqlite3.Connection, as_json: bool) -> None:
    m = core.require_current(conn)
    state = m.state()
    if as_json:
        emit_json(jsonout.meeting_state(m, state))
    else:
        write(describe(m, state))


@meeting.command(help=N_("Where the minutes went, who was there, who presented, which verbatims were shown."))
@click.option(
    "--id",
    "meeting_id",
    type=RECORD_ID,
    default=None,
    help=N_("A briefing's id (see 'status --json') [default: the one under way, else the last]."),
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@reads_db
@labels(id="--id")
def summary(conn: sqlite3.Connection, meeting_id: int | None, as_json: bool) -> None:
    from briefing import summary as summaries
    from briefing.cli.summary_text import lines
    from briefing.errors import NotFound

    if meeting_id is None:
        meeting_id = summaries.latest_id(conn)
        if meeting_id is None:
            raise NotFound(None, _("no briefing was held yet"))
    result = summaries.load(conn, meeting_id)
    if as_json:
        emit_json(jsonout.summary(result))
    else:
        write("\n".join(lines(result)))
