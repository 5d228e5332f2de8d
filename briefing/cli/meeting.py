"""``briefing meeting``: run the briefing's clock from the command line.

The same events the meeting screen appends, so a second terminal (or a
script, or a presenter's remote) can drive the meeting the room is watching.
"""

from __future__ import annotations

import sqlite3

import click

from briefing import meeting as core
from briefing.cli import jsonout
from briefing.cli.common import RECORD_ID, db_option, reads_db
from briefing.cli.output import emit_json, write
from briefing.cli.words import labels
from briefing.clock import MeetingState
from briefing.kinds import SegmentKind
from briefing.safetext import inert
from briefing.timeutil import mmss


@click.group()
def meeting() -> None:
    """Start the briefing and drive its clock (the app shows the same meeting)."""


def describe(m: core.Meeting, state: MeetingState) -> str:
    seg = state.segment
    where = f"Segment {seg.index + 1}/{len(state.segments)}: {inert(seg.title, single_line=True)} ({seg.kind.value})"
    timing = (
        f"+{mmss(seg.overrun_s, pad=False)} over" if seg.overrun_s > 0 else f"{mmss(seg.countdown_s, pad=False)} left"
    )
    by_kind = " · ".join(f"{k} {mmss(v, pad=False)}" for k, v in state.elapsed_by_kind.items())
    share = state.client_share
    balance = "no client or sales time yet" if share is None else f"client share {share:.0%}"
    status = state.state + (" (paused by itself after a long silence)" if state.auto_paused else "")
    return (
        f"Briefing {m.day} — {status}\n"
        f"{where} — {timing} of {mmss(seg.planned_s, pad=False)}; running: {state.running_kind.value}\n"
        f"{by_kind} — {balance} (target {state.target_share:.0%})"
    )


def report(result: tuple[core.Meeting, MeetingState]) -> None:
    write(describe(*result), err=True)


@meeting.command()
@click.option("--again", is_flag=True, help="Start even though the team already had its briefing today.")
@click.option("--absent", multiple=True, metavar="NAME", help="Not in the room today (sick, on a call). Repeatable.")
@click.option("--off", multiple=True, metavar="NAME", help="On holiday today. Repeatable.")
@db_option
def start(conn: sqlite3.Connection, again: bool, absent: tuple[str, ...], off: tuple[str, ...]) -> None:
    """Start today's briefing on the team's agenda (everyone present unless named)."""
    from briefing.errors import AlreadyHadOneToday

    try:
        m = core.start(conn, again=again, absent=absent, off=off)
    except AlreadyHadOneToday:
        click.confirm("The team already had its briefing today. Start another one?", abort=True, err=True)
        m = core.start(conn, again=True, absent=absent, off=off)
    report((m, m.state()))


@meeting.command()
@db_option
def skip(conn: sqlite3.Connection) -> None:
    """Today's presenter is not ready: the next one presents, they keep their place."""
    from briefing import presenting

    now = presenting.skip(conn)
    write(inert(now.choice.reason), err=True)


@meeting.command()
@db_option
def unskip(conn: sqlite3.Connection) -> None:
    """Undo the last 'skip' (not ready today): that person is back in today's choice."""
    from briefing import presenting

    now = presenting.unskip(conn)
    write(inert(now.choice.reason), err=True)


@meeting.command()
@click.argument("name")
@click.argument("status", type=click.Choice(["present", "absent", "off"]))
@db_option
def attendance(conn: sqlite3.Connection, name: str, status: str) -> None:
    """Correct who is in the room during the briefing (the app: 'a' on the meeting screen).

    Marking today's presenter absent passes the turn to the next person;
    they keep their place for the next briefing.
    """
    from briefing import presenting
    from briefing.team import find_active_id

    m = core.require_current(conn)
    presenting.set_attendance(conn, m.id, find_active_id(conn, name, "name"), status)
    write(f"{name}: {status}", err=True)


@meeting.command()
@click.argument("win_id", metavar="WIN_ID", type=RECORD_ID)
@db_option
@labels(id="WIN_ID")
def pick(conn: sqlite3.Connection, win_id: int) -> None:
    """Tell this pending win today instead of the one the rotation suggests."""
    from briefing import presenting

    presenting.pick_win(conn, win_id)
    write(f"Win {win_id} will be told today", err=True)


@meeting.command("next")
@db_option
def next_(conn: sqlite3.Connection) -> None:
    """Go to the next segment."""
    report(core.go(conn, +1))


@meeting.command()
@db_option
def prev(conn: sqlite3.Connection) -> None:
    """Go back to the previous segment."""
    report(core.go(conn, -1))


@meeting.command()
@db_option
def pause(conn: sqlite3.Connection) -> None:
    """Pause every clock."""
    report(core.pause(conn))


@meeting.command()
@db_option
def resume(conn: sqlite3.Connection) -> None:
    """Resume after a pause."""
    report(core.resume(conn))


@meeting.command()
@click.option(
    "--to", type=click.Choice([k.value for k in SegmentKind]), help="The kind to run [default: flip client ⇄ sales]."
)
@db_option
def switch(conn: sqlite3.Connection, to: str | None) -> None:
    """Flip the running clock between client and sales time (the talk drifted)."""
    report(core.switch(conn, to))


@meeting.command()
@db_option
def plus(conn: sqlite3.Connection) -> None:
    """Give the current segment one more minute."""
    report(core.adjust(conn, +60))


@meeting.command()
@db_option
def minus(conn: sqlite3.Connection) -> None:
    """Take one minute off the current segment."""
    report(core.adjust(conn, -60))


@meeting.command()
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@db_option
def finish(conn: sqlite3.Connection, yes: bool) -> None:
    """End the briefing and keep its summary."""
    core.require_current(conn)
    if not yes:
        click.confirm("Finish the briefing?", abort=True, err=True)
    report(core.finish(conn))


@meeting.command()
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@db_option
def abandon(conn: sqlite3.Connection, yes: bool) -> None:
    """Stop the briefing without counting it as held."""
    core.require_current(conn)
    if not yes:
        click.confirm("Abandon the briefing? It will not count as today's briefing.", abort=True, err=True)
    report(core.abandon(conn))


@meeting.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@reads_db
def status(conn: sqlite3.Connection, as_json: bool) -> None:
    """Show where the briefing stands."""
    m = core.require_current(conn)
    state = m.state()
    if as_json:
        emit_json(jsonout.meeting_state(m, state))
    else:
        write(describe(m, state))


@meeting.command()
@click.option(
    "--id",
    "meeting_id",
    type=RECORD_ID,
    default=None,
    help="A briefing's id (see 'status --json') [default: the one under way, else the last].",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@reads_db
@labels(id="--id")
def summary(conn: sqlite3.Connection, meeting_id: int | None, as_json: bool) -> None:
    """Where the minutes went, who was there, who presented, which verbatims were shown."""
    from briefing import summary as summaries
    from briefing.cli.summary_text import lines
    from briefing.errors import NotFound

    if meeting_id is None:
        meeting_id = summaries.latest_id(conn)
        if meeting_id is None:
            raise NotFound(None, "no briefing was held yet")
    result = summaries.load(conn, meeting_id)
    if as_json:
        emit_json(jsonout.summary(result))
    else:
        write("\n".join(lines(result)))
