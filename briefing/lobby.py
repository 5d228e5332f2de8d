"""What the room's screen shows when no briefing runs (``briefing serve --mode
view``): today's presenter and the latest verbatims, read in one go."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from briefing.db import snapshot
from briefing.readiness import readiness
from briefing.records import Verbatim

#: Verbatims shown while waiting: as many as a projector's screen holds.
LATEST = 6


@dataclass(frozen=True)
class Lobby:
    day: date
    #: The briefing under way: the view switches to it.
    running_id: int | None
    #: Who presents today's client win, and why, in words (None: nobody can).
    presenter: str | None
    #: The newest verbatims not archived, newest first.
    latest: tuple[Verbatim, ...]


def lobby(conn: sqlite3.Connection, day: date) -> Lobby:
    from briefing.verbatims import list_verbatims

    with snapshot(conn):
        ready = readiness(conn, day)
        return Lobby(day, ready.running_id, ready.next_presenter, tuple(list_verbatims(conn, limit=LATEST)))
