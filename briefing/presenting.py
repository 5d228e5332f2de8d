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
from datetime import date
from typing import Any

from briefing import rotation
from briefing.db import write
from briefing.errors import BadInput, NotFound
from briefing.timeutil import today as _today

__all__ = [
    "Presentation",
    "attendance",
    "history",
    "next_presentation",
    "pick_win",
    "record",
    "rotation_history",
    "set_attendance",
    "skip",
]

STATUSES = ("present", "absent", "off")


@dataclass(frozen=True)
class Presentation:
    choice: rotation.Choice
    win: dict[str, Any] | None
    #: True when the win is the presenter's own; otherwise credit goes to its owner.
    own_win: bool
    #: Already recorded for this briefing (the client-win segment is over).
    recorded: bool = False

    def as_json(self) -> dict[str, Any]:
        win = self.win
        return {
            "presenter": self.choice.presenter.name if self.choice.presenter else None,
            "reason": self.choice.reason,
            "queue": [p.name for p in self.choice.queue],
            "win": {"id": win["id"], "title": win["title"], "owner": win["owner"], "client": win["client"]}
            if win
            else None,
            "recorded": self.recorded,
        }


def people(conn: sqlite3.Connection) -> list[rotation.Person]:
    return [
        rotation.Person(
            id=r["id"],
            name=r["name"],
            role=r["role"],
            active=bool(r["active"]),
            since=date.fromisoformat(r["active_since"] or r["joined_on"]),
        )
        for r in conn.execute("SELECT * FROM collaborators ORDER BY id")
    ]


def attendance(conn: sqlite3.Connection, meeting_id: int) -> dict[int, str]:
    return {
        r["collaborator_id"]: r["status"]
        for r in conn.execute("SELECT * FROM meeting_attendance WHERE meeting_id = ?", (meeting_id,))
    }


def _skips(conn: sqlite3.Connection, meeting_id: int) -> tuple[int, ...]:
    return tuple(
        r[0]
        for r in conn.execute(
            "SELECT collaborator_id FROM meeting_skips WHERE meeting_id = ? ORDER BY at", (meeting_id,)
        )
    )


def history(conn: sqlite3.Connection, *, before: int | None = None) -> list[rotation.Briefing]:
    """Held briefings (finished), oldest first; abandoned ones did not happen."""
    sql = "SELECT id, day, presenter_id FROM meetings WHERE outcome = 'finished'"
    params: list[Any] = []
    if before is not None:
        sql += " AND id < ?"
        params.append(before)
    return [
        rotation.Briefing(
            day=date.fromisoformat(r["day"]),
            attendance=attendance(conn, r["id"]),
            presenter=r["presenter_id"],
            skipped=_skips(conn, r["id"]),
        )
        for r in conn.execute(sql + " ORDER BY id", params)
    ]


def _pending_wins(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    from briefing.wins import list_wins

    return sorted(list_wins(conn, status="pending"), key=lambda w: (w["date"], w["id"]))


def _owner_ids(conn: sqlite3.Connection) -> dict[int, int]:
    return {r["id"]: r["owner_id"] for r in conn.execute("SELECT id, owner_id FROM wins WHERE status = 'pending'")}


def next_presentation(conn: sqlite3.Connection, day: date | None = None, meeting_id: int | None = None) -> Presentation:
    """Today's presenter and win: recorded if the segment is over, else chosen now."""
    day = day or _today()
    team = people(conn)
    meeting = None
    if meeting_id is not None:
        meeting = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if meeting is not None and meeting["presenter_id"] is not None:
        return _recorded(conn, team, meeting)
    pending = _pending_wins(conn)
    owners = _owner_ids(conn)
    counts: dict[int, int] = {}
    for w in pending:
        counts[owners[w["id"]]] = counts.get(owners[w["id"]], 0) + 1
    choice = rotation.choose(
        team,
        history(conn, before=meeting_id),
        day,
        attendance=attendance(conn, meeting_id) if meeting_id else None,
        skipped=_skips(conn, meeting_id) if meeting_id else (),
        pending_wins=counts,
    )
    win, own = _which_win(pending, owners, choice.presenter, meeting["picked_win_id"] if meeting is not None else None)
    return Presentation(choice, win, own)


def _which_win(pending, owners, presenter, picked):
    """The presenter's own oldest pending win, else the team's oldest (credited
    to its owner); a win the lead picked overrides both."""
    if picked is not None:
        chosen = next((w for w in pending if w["id"] == picked), None)
        if chosen is not None:
            return chosen, presenter is not None and owners[chosen["id"]] == presenter.id
    if presenter is not None:
        mine = [w for w in pending if owners[w["id"]] == presenter.id]
        if mine:
            return mine[0], True
    return (pending[0], False) if pending else (None, False)


def _recorded(conn: sqlite3.Connection, team, meeting) -> Presentation:
    by_id = {p.id: p for p in team}
    presenter = by_id.get(meeting["presenter_id"])
    win = None
    if meeting["win_id"] is not None:
        from briefing.wins import _SELECT, as_json

        row = conn.execute(_SELECT + " WHERE w.id = ?", (meeting["win_id"],)).fetchone()
        win = as_json(row) if row else None
    reason = f"{presenter.name} presented today." if presenter else "Nobody presented today."
    choice = rotation.Choice(presenter=presenter, reason=reason, queue=())
    own = bool(win and presenter and win["owner"] == presenter.name)
    return Presentation(choice, win, own, recorded=True)


def record(conn: sqlite3.Connection, meeting_id: int, at_iso: str) -> None:
    """Fix today's presenter and mark the win presented. Caller holds the write lock."""
    row = conn.execute("SELECT presenter_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None or row["presenter_id"] is not None:
        return
    day = date.fromisoformat(conn.execute("SELECT day FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0])
    now = next_presentation(conn, day, meeting_id)
    presenter = now.choice.presenter
    if presenter is None:
        return
    win_id = now.win["id"] if now.win else None
    conn.execute("UPDATE meetings SET presenter_id = ?, win_id = ? WHERE id = ?", (presenter.id, win_id, meeting_id))
    if win_id is not None:
        conn.execute(
            "UPDATE wins SET status = 'presented', presented_by = ?, presented_at = ? WHERE id = ?",
            (presenter.id, at_iso, win_id),
        )


def _current_id(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT id FROM meetings WHERE outcome IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        raise BadInput(None, "no briefing is running; start one with 'briefing meeting start'")
    return row["id"]


def skip(conn: sqlite3.Connection, at_iso: str, day: date | None = None) -> Presentation:
    """Today's presenter is not ready: the next one presents, they keep their place."""
    with write(conn):
        meeting_id = _current_id(conn)
        now = next_presentation(conn, day, meeting_id)
        if now.recorded:
            raise BadInput(None, "today's presentation is already done")
        if now.choice.presenter is None:
            raise BadInput(None, "nobody is left to present today")
        conn.execute(
            "INSERT INTO meeting_skips (meeting_id, collaborator_id, at) VALUES (?, ?, ?)",
            (meeting_id, now.choice.presenter.id, at_iso),
        )
        return next_presentation(conn, day, meeting_id)


def pick_win(conn: sqlite3.Connection, win_id: int) -> None:
    """The lead picks which pending win is told today."""
    with write(conn):
        meeting_id = _current_id(conn)
        status = conn.execute("SELECT status FROM wins WHERE id = ?", (win_id,)).fetchone()
        if status is None:
            raise NotFound("ID", f"no win with id {win_id}")
        if status[0] != "pending":
            raise BadInput("ID", f"win {win_id} was already presented")
        conn.execute("UPDATE meetings SET picked_win_id = ? WHERE id = ?", (win_id, meeting_id))


def set_attendance(conn: sqlite3.Connection, meeting_id: int, person_id: int, status: str) -> None:
    if status not in STATUSES:
        raise BadInput("status", f"{status!r} is not one of present, absent, off")
    with write(conn):
        conn.execute(
            """INSERT INTO meeting_attendance (meeting_id, collaborator_id, status) VALUES (?, ?, ?)
               ON CONFLICT (meeting_id, collaborator_id) DO UPDATE SET status = excluded.status""",
            (meeting_id, person_id, status),
        )


def rotation_history(conn: sqlite3.Connection) -> list[dict[str, Any]]:
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
        {
            "date": r["day"],
            "presenter": r["presenter"],
            "win": {"title": r["win"], "owner": r["owner"]} if r["win"] else None,
            "skipped": [names[i] for i in _skips(conn, r["id"])],
        }
        for r in rows
    ]


def summary_json(conn: sqlite3.Connection, meeting_id: int) -> dict[str, Any]:
    """Presenter, win and skips for the briefing's summary."""
    row = conn.execute("SELECT presenter_id, win_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM collaborators")}
    win = None
    if row["win_id"] is not None:
        w = conn.execute(
            "SELECT w.title, o.name AS owner FROM wins w JOIN collaborators o ON o.id = w.owner_id WHERE w.id = ?",
            (row["win_id"],),
        ).fetchone()
        win = {"id": row["win_id"], "title": w["title"], "owner": w["owner"]}
    return {
        "presenter": names.get(row["presenter_id"]),
        "win": win,
        "skipped": [names[i] for i in _skips(conn, meeting_id)],
        "attendance": {names[k]: v for k, v in attendance(conn, meeting_id).items()},
    }
