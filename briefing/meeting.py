"""Briefings in the database: start one, append events, read its state.

Every command is one ``BEGIN IMMEDIATE`` transaction that folds the current
state, checks the command makes sense against what is stored (not against
what a possibly stale screen last saw: no "next" past the last segment),
and appends one event with an explicit argument ("go to segment 3", not
"next"), so the log says exactly what was decided.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from briefing import agenda as agendas
from briefing.checks import STORY_MAX
from briefing.clock import Clock, Event, EventType, MeetingState, flipped
from briefing.db import write
from briefing.errors import AlreadyHadOneToday, BadInput, LastSegment, NoMeeting, NotFound
from briefing.i18n import _
from briefing.kinds import SegmentKind
from briefing.timeutil import iso, mmss, utc_now
from briefing.timeutil import today as _today

__all__ = [
    "Meeting",
    "abandon",
    "adjust",
    "current",
    "current_id",
    "events_of",
    "finish",
    "go",
    "load",
    "mark_shown",
    "pause",
    "require_current",
    "resume",
    "save_notes",
    "shown_verbatims",
    "start",
    "switch",
    "toggle",
    "win_segment_ran",
]

#: What a command on the meeting returns: the meeting after it, and its state then.
Outcome = tuple["Meeting", MeetingState]


@dataclass(frozen=True)
class Meeting:
    id: int
    day: date
    agenda: agendas.Agenda
    events: tuple[Event, ...]
    notes: str

    def clock(self) -> Clock:
        return Clock(self.agenda).extend(self.events)

    def state(self, now: datetime | None = None) -> MeetingState:
        return self.clock().state(now or utc_now())


def _event(row: sqlite3.Row) -> Event:
    arg = json.loads(row["arg"]) if row["arg"] is not None else None
    return Event(EventType(row["type"]), datetime.fromisoformat(row["at"]), arg)


def load(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    row = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        raise NotFound("id", _("no briefing with id {id}").format(id=meeting_id))
    events = tuple(
        _event(r) for r in conn.execute("SELECT * FROM meeting_events WHERE meeting_id = ? ORDER BY seq", (meeting_id,))
    )
    agenda = agendas.from_json(json.loads(row["agenda"]))
    return Meeting(row["id"], date.fromisoformat(row["day"]), agenda, events, row["notes"])


def current_id(conn: sqlite3.Connection) -> int | None:
    """The id of the briefing under way (not finished nor abandoned), if any."""
    row = conn.execute("SELECT id FROM meetings WHERE outcome IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None


def current(conn: sqlite3.Connection) -> Meeting | None:
    """The briefing under way, if any."""
    meeting_id = current_id(conn)
    return load(conn, meeting_id) if meeting_id is not None else None


def require_current(conn: sqlite3.Connection) -> Meeting:
    """The briefing under way, or :class:`NoMeeting`."""
    meeting = current(conn)
    if meeting is None:
        raise NoMeeting()
    return meeting


def start(
    conn: sqlite3.Connection,
    *,
    again: bool = False,
    now: datetime | None = None,
    day: date | None = None,
    absent: Sequence[str] = (),
    off: Sequence[str] = (),
    attendance: Mapping[int, str] | None = None,
    join: bool = False,
) -> Meeting:
    """Start today's briefing; everyone active is present unless named absent
    or off (by name: ``absent``, ``off``; by id: ``attendance``). With
    ``join``, a briefing already under way is returned instead of refused
    (the app's "start": someone may have started it from another terminal)."""
    now = now or utc_now()
    day_iso = (day or _today()).isoformat()
    with write(conn):
        running = current(conn)
        if running is not None and join:
            return running
        if running is not None:
            from briefing.formats import LazyDay

            problem = _("a briefing is already under way (started {iso}); finish or abandon it first")
            raise BadInput(None, problem.format(iso=running.day.isoformat(), day=LazyDay(running.day)))
        earlier = conn.execute(
            "SELECT count(*) FROM meetings WHERE day = ? AND outcome = 'finished'", (day_iso,)
        ).fetchone()[0]
        if earlier and not again:
            raise AlreadyHadOneToday()
        agenda = agendas.load_agenda(conn)
        cur = conn.execute(
            "INSERT INTO meetings (day, agenda, created_at) VALUES (?, ?, ?)",
            (day_iso, json.dumps(agendas.to_json(agenda)), iso(now)),
        )
        _check_in(conn, cur.lastrowid, absent, off, attendance or {})
        _append(conn, cur.lastrowid, EventType.START, None, now)
        return load(conn, cur.lastrowid)


def _check_in(
    conn: sqlite3.Connection, meeting_id: int, absent: Sequence[str], off: Sequence[str], by_id: Mapping[int, str]
) -> None:
    from briefing.team import find_active_id

    status = dict(by_id)
    away = {find_active_id(conn, name, "absent"): name for name in absent}
    for name in off:
        person_id = find_active_id(conn, name, "off")
        if person_id in away:
            raise BadInput(
                "off", _("{name} is also named absent: someone is either absent or off").format(name=repr(name))
            )
        status[person_id] = "off"
    status |= dict.fromkeys(away, "absent")
    for (person_id,) in conn.execute("SELECT id FROM collaborators WHERE active = 1").fetchall():
        conn.execute(
            "INSERT INTO meeting_attendance (meeting_id, collaborator_id, status) VALUES (?, ?, ?)",
            (meeting_id, person_id, status.get(person_id, "present")),
        )


def _append(conn: sqlite3.Connection, meeting_id: int, kind: EventType, arg: Any, now: datetime) -> None:
    seq = conn.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM meeting_events WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO meeting_events (meeting_id, seq, type, arg, at) VALUES (?, ?, ?, ?, ?)",
        (meeting_id, seq, kind.value, None if arg is None else json.dumps(arg), iso(now)),
    )


Decide = Callable[[MeetingState], tuple[EventType, Any]]


def _command(conn: sqlite3.Connection, decide: Decide, now: datetime | None) -> Outcome:
    """Fold, let ``decide(state)`` pick the event (or refuse), append it."""
    now = now or utc_now()
    with write(conn):
        meeting = require_current(conn)
        # Never before the last stored event: a clock stepped back (or a
        # colleague's clock behind ours) must not take back time already counted.
        if meeting.events and now < meeting.events[-1].at:
            now = meeting.events[-1].at
        before = meeting.state(now)
        kind, arg = decide(before)
        _append(conn, meeting.id, kind, arg, now)
        if _client_win_is_over(meeting, before, kind, arg) and win_segment_ran(meeting.agenda, before):
            from briefing import presenting  # the rotation: not for the app's first frame

            presenting.record(conn, meeting.id, now)
        if kind in (EventType.FINISH, EventType.ABANDON):
            conn.execute(
                "UPDATE meetings SET outcome = ?, ended_at = ? WHERE id = ?",
                ("finished" if kind == EventType.FINISH else "abandoned", iso(now), meeting.id),
            )
        meeting = load(conn, meeting.id)
    return meeting, meeting.state(now)


def _client_win_is_over(meeting: Meeting, before: MeetingState, kind: EventType, arg: Any) -> bool:
    """Leaving the client-win segment (or finishing after reaching it) fixes
    who presented which win. Without such a segment, finishing does."""
    win = meeting.agenda.win_index
    if kind == EventType.FINISH:
        return win is None or before.index >= win
    return kind == EventType.GOTO and before.index == win and arg != win


def win_segment_ran(agenda: agendas.Agenda, state: MeetingState) -> bool:
    """Whether the client-win segment ran long enough (``agenda.win_min_s``,
    all its visits added up) for a win to have been told in it.

    Paging through the agenda with ``n n n n`` in two seconds must not use up
    the presenter's turn nor mark their win presented: nothing is recorded,
    so the rotation reads that briefing as one where nobody presented.
    Without a client-win segment there is nothing to time: finishing records.
    """
    win = agenda.win_index
    return win is None or state.segments[win].elapsed_s >= agenda.win_min_s


def go(conn: sqlite3.Connection, step: int, now: datetime | None = None) -> Outcome:
    """Next (+1) or previous (-1) segment."""

    def decide(state: MeetingState) -> tuple[EventType, Any]:
        target = state.index + step
        if target >= len(state.segments):
            raise LastSegment()
        if target < 0:
            raise BadInput(None, _("this is the first segment already"))
        return EventType.GOTO, target

    return _command(conn, decide, now)


def pause(conn: sqlite3.Connection, now: datetime | None = None) -> Outcome:
    def decide(state: MeetingState) -> tuple[EventType, Any]:
        if state.state == "paused":
            raise BadInput(None, _("the briefing is already paused"))
        return EventType.PAUSE, None

    return _command(conn, decide, now)


def resume(conn: sqlite3.Connection, now: datetime | None = None) -> Outcome:
    def decide(state: MeetingState) -> tuple[EventType, Any]:
        if state.state == "running":
            raise BadInput(None, _("the briefing is already running"))
        return EventType.RESUME, None

    return _command(conn, decide, now)


def toggle(conn: sqlite3.Connection, now: datetime | None = None) -> Outcome:
    """Space on the meeting screen: pause if running, resume if paused."""
    return _command(conn, lambda s: (EventType.PAUSE if s.state == "running" else EventType.RESUME, None), now)


def switch(conn: sqlite3.Connection, to: SegmentKind | str | None = None, now: datetime | None = None) -> Outcome:
    def decide(state: MeetingState) -> tuple[EventType, Any]:
        if to and to not in SegmentKind._value2member_map_:
            raise BadInput(
                "to", _("{value} is not one of {choices}").format(value=repr(to), choices="client, sales, team")
            )
        target = SegmentKind(to) if to else flipped(state.running_kind)
        return EventType.SWITCH, target.value

    return _command(conn, decide, now)


def adjust(conn: sqlite3.Connection, seconds: int, now: datetime | None = None) -> Outcome:
    """More (or less) time planned for the current segment.

    Never below :data:`briefing.agenda.MIN_SECONDS`, the shortest segment an
    agenda file may plan: refused in words rather than clamped, so the lead
    knows why ``-`` did nothing.
    """

    def decide(state: MeetingState) -> tuple[EventType, Any]:
        planned = state.segment.planned_s
        if seconds < 0 and planned + seconds < agendas.MIN_SECONDS:
            raise BadInput(
                None,
                _("this segment is planned for {time}; it cannot be planned for less than {least} seconds").format(
                    time=mmss(planned, pad=False), least=agendas.MIN_SECONDS
                ),
            )
        return EventType.ADJUST, int(seconds)

    return _command(conn, decide, now)


def finish(conn: sqlite3.Connection, now: datetime | None = None) -> Outcome:
    return _command(conn, lambda s: (EventType.FINISH, None), now)


def abandon(conn: sqlite3.Connection, now: datetime | None = None) -> Outcome:
    return _command(conn, lambda s: (EventType.ABANDON, None), now)


def mark_shown(conn: sqlite3.Connection, meeting_id: int, verbatim_id: int, now: datetime | None = None) -> None:
    """A verbatim put on the screen during a briefing is no longer new."""
    with write(conn):
        if conn.execute("SELECT 1 FROM verbatims WHERE id = ?", (verbatim_id,)).fetchone() is None:
            raise NotFound("id", _("no verbatim with id {id}").format(id=verbatim_id))
        conn.execute(
            "INSERT OR IGNORE INTO meeting_verbatims (meeting_id, verbatim_id, shown_at) VALUES (?, ?, ?)",
            (meeting_id, verbatim_id, iso(now or utc_now())),
        )
        conn.execute("UPDATE verbatims SET status = 'shown' WHERE id = ? AND status = 'new'", (verbatim_id,))


def shown_verbatims(conn: sqlite3.Connection, meeting_id: int) -> list[int]:
    """Ids of the verbatims shown during a briefing, in the order shown."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT verbatim_id FROM meeting_verbatims WHERE meeting_id = ? ORDER BY shown_at", (meeting_id,)
        )
    ]


def save_notes(conn: sqlite3.Connection, meeting_id: int, notes: str) -> None:
    if "\x00" in notes or len(notes) > STORY_MAX * 5:
        raise BadInput("notes", _("must be at most {limit} characters of text").format(limit=STORY_MAX * 5))
    with write(conn):
        if conn.execute("UPDATE meetings SET notes = ? WHERE id = ?", (notes, meeting_id)).rowcount == 0:
            raise NotFound("id", _("no briefing with id {id}").format(id=meeting_id))


def events_of(conn: sqlite3.Connection, meeting_ids: Sequence[int]) -> dict[int, tuple[Event, ...]]:
    """The events of several briefings in one query (a page of history)."""
    found: dict[int, list[Event]] = {i: [] for i in meeting_ids}
    marks = ",".join("?" * len(found))
    rows = conn.execute(
        f"SELECT * FROM meeting_events WHERE meeting_id IN ({marks}) ORDER BY meeting_id, seq", list(found)
    )
    for row in rows:
        found[row["meeting_id"]].append(_event(row))
    return {i: tuple(e) for i, e in found.items()}
