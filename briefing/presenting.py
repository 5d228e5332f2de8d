"""Who presents today's client win, and which win: the rotation, stored.

The choice itself is the pure function :func:`briefing.rotation.choose`;
this module feeds it from the database (past briefings, today's attendance
and skips) and records the outcome once the client-win segment is over.
A presentation, once recorded, is fixed: the screen shows it rather than a
fresh choice.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from briefing import rotation
from briefing.db import write
from briefing.errors import BadInput, NoMeeting, NotFound
from briefing.i18n import _
from briefing.records import RotationEntry, Win
from briefing.timeutil import iso, utc_now
from briefing.timeutil import today as _today

__all__ = [
    "STATUSES",
    "Presentation",
    "attendance",
    "history",
    "next_presentation",
    "pick_win",
    "record",
    "rotation_history",
    "set_attendance",
    "set_attendances",
    "skip",
    "skips",
    "turn_order",
    "unskip",
]

STATUSES = ("present", "absent", "off")


@dataclass(frozen=True)
class Presentation:
    choice: rotation.Choice
    win: Win | None
    #: True when the win is the presenter's own; otherwise credit goes to its owner.
    own_win: bool
    #: Already recorded for this briefing (the client-win segment is over).
    recorded: bool = False


def people(conn: sqlite3.Connection) -> list[rotation.Person]:
    from briefing.team import list_team

    return [
        rotation.Person(id=p.id, name=p.name, role=p.role.value, active=p.active, since=p.active_since)
        for p in sorted(list_team(conn), key=lambda p: p.id)
    ]


def attendance(conn: sqlite3.Connection, meeting_id: int) -> dict[int, str]:
    """Person id -> present | absent | off, as checked in (and corrected)."""
    return {
        r["collaborator_id"]: r["status"]
        for r in conn.execute("SELECT * FROM meeting_attendance WHERE meeting_id = ?", (meeting_id,))
    }


def skips(conn: sqlite3.Connection, meeting_id: int) -> tuple[int, ...]:
    """Who said "not ready today" at this briefing, in the order they did."""
    return tuple(
        r[0]
        for r in conn.execute(
            "SELECT collaborator_id FROM meeting_skips WHERE meeting_id = ? ORDER BY at", (meeting_id,)
        )
    )


def history(conn: sqlite3.Connection, *, before: int | None = None) -> list[rotation.Briefing]:
    """Held briefings (finished), oldest first; abandoned ones did not happen.

    Only each briefing's day and presenter: that is all the rotation reads
    of the past (who was away then changes nothing today). One query over
    an index; and in a long-lived process (the app) the list is kept until
    a briefing is held: ten years are 3,650 rows to turn into records.
    """
    where, params = "outcome = 'finished'", []
    if before is not None:
        where += " AND id < ?"
        params.append(before)
    count, last = conn.execute(f"SELECT count(*), max(id) FROM meetings WHERE {where}", params).fetchone()
    key = (str(getattr(conn, "path", "")), before, count, last)
    if key[0] and _held.get(key[0], (None, None))[0] == key:
        return _held[key[0]][1]
    fromiso = date.fromisoformat
    rows = conn.execute(f"SELECT day, presenter_id FROM meetings WHERE {where} ORDER BY id", params)
    held = [rotation.Briefing(fromiso(day), {}, presenter) for day, presenter in rows]
    if key[0]:
        _held[key[0]] = (key, held)
    return held


#: Database path -> (what the list was read for, the list): the last history read.
_held: dict[str, tuple[tuple[object, ...], list[rotation.Briefing]]] = {}


def _pending_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Owner id -> how many of their wins wait to be told (counted by SQLite)."""
    rows = conn.execute("SELECT owner_id, count(*) FROM wins WHERE status = 'pending' GROUP BY owner_id")
    return dict(rows.fetchall())


def next_presentation(conn: sqlite3.Connection, day: date | None = None, meeting_id: int | None = None) -> Presentation:
    """Today's presenter and win: recorded if the segment is over, else chosen now."""
    day = day or _today()
    team = people(conn)
    meeting = None
    if meeting_id is not None:
        meeting = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if meeting is not None and meeting["presenter_id"] is not None:
        return _recorded(conn, team, meeting)
    choice = rotation.choose(
        team,
        history(conn, before=meeting_id),
        day,
        attendance=attendance(conn, meeting_id) if meeting_id else None,
        skipped=skips(conn, meeting_id) if meeting_id else (),
        pending_wins=_pending_counts(conn),
    )
    win, own = _which_win(conn, choice.presenter, meeting["picked_win_id"] if meeting is not None else None)
    return Presentation(choice, win, own)


def turn_order(conn: sqlite3.Connection, day: date | None = None) -> tuple[rotation.Person, ...]:
    """Who presents today if everyone is in the room, then who follows
    (the briefing under way's skips applied); empty once its presentation
    is recorded. The check-in shows the first of them still present, so the
    lead sees the turn pass when marking the presenter absent (and does
    not do it by accident): absent people keep their place, so the first
    one present is the one :func:`rotation.choose` picks."""
    from briefing.meeting import current_id

    meeting_id = current_id(conn)
    if meeting_id is not None:
        recorded = conn.execute("SELECT presenter_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0]
        if recorded is not None:
            return ()
    choice = rotation.choose(
        people(conn),
        history(conn, before=meeting_id),
        day or _today(),
        skipped=skips(conn, meeting_id) if meeting_id is not None else (),
    )
    return (choice.presenter, *choice.queue) if choice.presenter else ()


def _which_win(
    conn: sqlite3.Connection, presenter: rotation.Person | None, picked: int | None
) -> tuple[Win | None, bool]:
    """The presenter's own oldest pending win, else the team's oldest (credited
    to its owner); a win the lead picked overrides both. Each is one indexed
    read, however many wins wait."""
    from briefing.wins import find, oldest_pending

    if picked is not None:
        chosen = find(conn, picked)
        if chosen is not None and chosen.status == "pending":
            return chosen, presenter is not None and chosen.owner_id == presenter.id
    if presenter is not None:
        mine = oldest_pending(conn, owner_id=presenter.id)
        if mine is not None:
            return mine, True
    return oldest_pending(conn), False


def _recorded(conn: sqlite3.Connection, team: list[rotation.Person], meeting: sqlite3.Row) -> Presentation:
    from briefing.wins import find

    presenter = next((p for p in team if p.id == meeting["presenter_id"]), None)
    win = find(conn, meeting["win_id"]) if meeting["win_id"] is not None else None
    reason = _("{name} presented today.").format(name=presenter.name) if presenter else _("Nobody presented today.")
    choice = rotation.Choice(presenter=presenter, reason=reason, queue=())
    own = bool(win and presenter and win.owner_id == presenter.id)
    return Presentation(choice, win, own, recorded=True)


def record(conn: sqlite3.Connection, meeting_id: int, now: datetime) -> None:
    """Fix today's presenter and mark the win presented. Caller holds the write lock."""
    row = conn.execute("SELECT day, presenter_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None or row["presenter_id"] is not None:
        return
    chosen = next_presentation(conn, date.fromisoformat(row["day"]), meeting_id)
    presenter = chosen.choice.presenter
    if presenter is None:
        return
    win_id = chosen.win.id if chosen.win else None
    conn.execute("UPDATE meetings SET presenter_id = ?, win_id = ? WHERE id = ?", (presenter.id, win_id, meeting_id))
    if win_id is not None:
        conn.execute(
            "UPDATE wins SET status = 'presented', presented_by = ?, presented_at = ? WHERE id = ?",
            (presenter.id, iso(now), win_id),
        )


def _current_id(conn: sqlite3.Connection) -> int:
    from briefing.meeting import current_id

    meeting_id = current_id(conn)
    if meeting_id is None:
        raise NoMeeting()
    return meeting_id


def skip(conn: sqlite3.Connection, now: datetime | None = None, day: date | None = None) -> Presentation:
    """Today's presenter is not ready: the next one presents, they keep their place."""
    with write(conn):
        meeting_id = _current_id(conn)
        chosen = next_presentation(conn, day, meeting_id)
        if chosen.recorded:
            raise BadInput(None, _("today's presentation is already done"))
        if chosen.choice.presenter is None:
            raise BadInput(None, _("nobody is left to present today"))
        conn.execute(
            "INSERT INTO meeting_skips (meeting_id, collaborator_id, at) VALUES (?, ?, ?)",
            (meeting_id, chosen.choice.presenter.id, iso(now or utc_now())),
        )
        return next_presentation(conn, day, meeting_id)


def unskip(conn: sqlite3.Connection, day: date | None = None) -> Presentation:
    """Undo the last "not ready today" of the briefing under way (``x``
    pressed by mistake, or the person is ready after all): they are back in
    today's choice, in their place. Refused once the presentation is
    recorded: who presented is then a fact, not a plan."""
    with write(conn):
        meeting_id = _current_id(conn)
        if next_presentation(conn, day, meeting_id).recorded:
            raise BadInput(None, _("today's presentation is already done; its skips stay as they were"))
        last = conn.execute(
            "SELECT rowid FROM meeting_skips WHERE meeting_id = ? ORDER BY at DESC, rowid DESC LIMIT 1", (meeting_id,)
        ).fetchone()
        if last is None:
            raise BadInput(None, _("nobody said 'not ready today' at this briefing: there is nothing to undo"))
        conn.execute("DELETE FROM meeting_skips WHERE rowid = ?", (last[0],))
        return next_presentation(conn, day, meeting_id)


def pick_win(conn: sqlite3.Connection, win_id: int) -> None:
    """The lead picks which pending win is told today."""
    with write(conn):
        meeting_id = _current_id(conn)
        status = conn.execute("SELECT status FROM wins WHERE id = ?", (win_id,)).fetchone()
        if status is None:
            raise NotFound("id", _("no win with id {id}").format(id=win_id))
        if status[0] != "pending":
            raise BadInput("id", _("win {id} was already presented").format(id=win_id))
        conn.execute("UPDATE meetings SET picked_win_id = ? WHERE id = ?", (win_id, meeting_id))


def set_attendances(conn: sqlite3.Connection, meeting_id: int, changed: dict[int, str]) -> None:
    """Several corrections from one check-in dialog, all stored or none."""
    bad = next((st for st in changed.values() if st not in STATUSES), None)
    if bad is not None:
        raise BadInput(
            "status", _("{value} is not one of {choices}").format(value=repr(bad), choices="present, absent, off")
        )
    with write(conn):
        conn.executemany(
            """INSERT INTO meeting_attendance (meeting_id, collaborator_id, status) VALUES (?, ?, ?)
               ON CONFLICT (meeting_id, collaborator_id) DO UPDATE SET status = excluded.status""",
            [(meeting_id, pid, st) for pid, st in changed.items()],
        )


def set_attendance(conn: sqlite3.Connection, meeting_id: int, person_id: int, status: str) -> None:
    set_attendances(conn, meeting_id, {person_id: status})


def rotation_history(conn: sqlite3.Connection) -> list[RotationEntry]:
    """Who presented which win at each held briefing, newest first."""
    rows = conn.execute(
        """SELECT m.id, m.day, p.name AS presenter, w.title AS win, o.name AS owner
           FROM meetings m
           LEFT JOIN collaborators p ON p.id = m.presenter_id
           LEFT JOIN wins w ON w.id = m.win_id
           LEFT JOIN collaborators o ON o.id = w.owner_id
           WHERE m.outcome = 'finished' ORDER BY m.id DESC"""
    ).fetchall()
    names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM collaborators")}
    return [
        RotationEntry(
            day=date.fromisoformat(r["day"]),
            presenter=r["presenter"],
            win_title=r["win"],
            win_owner=r["owner"],
            skipped=tuple(names[i] for i in skips(conn, r["id"])),
        )
        for r in rows
    ]
