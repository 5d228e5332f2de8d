"""Who is adding, per browser: the name a collaborator chose once in the inbox
served to the browser (``briefing serve --mode inbox``), remembered.

A browser is known by a random id the server puts in a cookie and hands to
the app process (:data:`ENV`). The choice is kept in the ``settings`` table
under ``browser:<id>``: no schema change, and it travels with the database
(a backup, a restore) like the rest of the team's data. It is a convenience,
not an identity: anyone holding the inbox link can choose any name, which is
why the inbox mode only guards against mistakes (archiving a colleague's
entry), not against a colleague.
"""

from __future__ import annotations

import re
import sqlite3

from briefing.db import write
from briefing.errors import BadInput
from briefing.i18n import _
from briefing.records import Person

#: The environment variable the server sets for each app process.
ENV = "BRIEFING_BROWSER"
PREFIX = "browser:"
#: What the server makes (secrets.token_urlsafe(18): 24 characters); anything else is refused.
SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def check(browser_id: str) -> str:
    if not SHAPE.fullmatch(browser_id or ""):
        raise BadInput("browser", _("the browser id is not one the server makes"))
    return browser_id


def who(conn: sqlite3.Connection, browser_id: str) -> Person | None:
    """The active team member this browser chose, or None (never chosen, or
    that person has left since: the browser asks again)."""
    row = conn.execute(
        "SELECT c.* FROM settings s JOIN collaborators c ON c.id = CAST(s.value AS INTEGER) "
        "WHERE s.key = ? AND c.active = 1",
        (PREFIX + check(browser_id),),
    ).fetchone()
    return Person.from_row(row) if row is not None else None


def remember(conn: sqlite3.Connection, browser_id: str, person_id: int) -> Person:
    """Store who this browser is; the person must be an active member."""
    key = PREFIX + check(browser_id)
    with write(conn):
        row = conn.execute("SELECT * FROM collaborators WHERE id = ? AND active = 1", (person_id,)).fetchone()
        if row is None:
            raise BadInput("collected_by", _("nobody by that name is in the team"))
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, str(person_id)))
    return Person.from_row(row)
