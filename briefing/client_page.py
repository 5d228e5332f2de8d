"""What a client's page shows, read in one go: who they are, their story.

Opened from a verbatim (the inbox, its detail, the card in the meeting),
the page is about the person behind that quote: ``focus`` marks the quote
in their timeline, so the room sees what they said before it and since.
The timeline is capped (:data:`LIMIT` lines of each kind): a client heard
every week for ten years is still a page, not a scroll of years.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing import clients
from briefing.clients import Client, Moment
from briefing.db import snapshot
from briefing.errors import NotFound
from briefing.i18n import _

__all__ = ["LIMIT", "Page", "load", "of_verbatim", "of_win"]

LIMIT = 60


@dataclass(frozen=True, slots=True)
class Page:
    client: Client
    moments: tuple[Moment, ...]
    #: The verbatim the page was opened from, if any.
    focus: int | None = None


def load(conn: sqlite3.Connection, client_id: int, focus: int | None = None) -> Page:
    with snapshot(conn):
        return Page(clients.get(conn, client_id), tuple(clients.timeline(conn, client_id, limit=LIMIT)), focus)


def of_verbatim(conn: sqlite3.Connection, verbatim_id: int) -> int:
    """The client who said verbatim ``verbatim_id``."""
    row = conn.execute("SELECT client_id FROM verbatims WHERE id = ?", (verbatim_id,)).fetchone()
    if row is None or row[0] is None:
        raise NotFound("id", _("no client for verbatim {id}").format(id=verbatim_id))
    return row[0]


def of_win(conn: sqlite3.Connection, win_id: int) -> int:
    """The client of win ``win_id``: the person it names, else the one
    at its company heard from most recently."""
    row = conn.execute("SELECT client_id, company_id FROM wins WHERE id = ?", (win_id,)).fetchone()
    if row is None:
        raise NotFound("id", _("no win with id {id}").format(id=win_id))
    if row[0] is not None:
        return row[0]
    if row[1] is not None:
        found = conn.execute(
            """SELECT c.id FROM clients c WHERE ifnull(c.company_id, 0) = ?
               ORDER BY (SELECT max(v.date) FROM verbatims v WHERE v.client_id = c.id) DESC, c.id LIMIT 1""",
            (row[1],),
        ).fetchone()
        if found:
            return found[0]
    raise NotFound("id", _("win {id} names no client the team knows").format(id=win_id))


def page_of(
    conn: sqlite3.Connection,
    client_id: int | None = None,
    verbatim_id: int | None = None,
    win_id: int | None = None,
) -> Page:
    """The page of a client given directly, or of the person behind a
    verbatim (the page marks that quote) or a win."""
    with snapshot(conn):
        if client_id is None:
            client_id = of_verbatim(conn, verbatim_id) if verbatim_id is not None else of_win(conn, win_id or 0)
        return load(conn, client_id, verbatim_id)
