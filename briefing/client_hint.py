"""Which client a name being typed will link to, said before it is saved.

A form asks this on every pause in typing, so the person sees "that is
Hélène Roussel, whom we know" or "that is someone new" while there is still
time to fix a typo. It follows the linking rules exactly
(:mod:`briefing.client_links` for what is the same person,
:mod:`briefing.client_near` for what will be asked about), and reads only
down the client indexes: a few rows, whatever the years behind them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from briefing.client_links import key
from briefing.client_near import near_client, near_win_match

__all__ = ["Hint", "for_verbatim", "for_win"]

State = Literal["empty", "known", "company", "several", "near", "elsewhere", "new"]


@dataclass(frozen=True, slots=True)
class Hint:
    """What a typed name means today.

    ``known``: one client (``name`` at ``company``); ``company``: a company
    (a win's client); ``several``: a name that fits more than one person and
    no company, which links nothing; ``near``: nobody yet, but close to
    ``near`` (saving will ask); ``elsewhere``: nobody at this company (or
    without one), but someone of this very name is known at ``near`` (the
    company is missing, or mistyped); ``new``: nobody the team has met.
    """

    state: State
    name: str = ""
    company: str | None = None
    verbatims: int = 0
    wins: int = 0
    near: str = ""


EMPTY = Hint("empty")


def _client_counts(conn: sqlite3.Connection, client_id: int, company_id: int | None) -> tuple[int, int]:
    said = conn.execute("SELECT count(*) FROM verbatims WHERE client_id = ?", (client_id,)).fetchone()[0]
    won = conn.execute(
        "SELECT count(*) FROM (SELECT id FROM wins WHERE client_id = ? UNION SELECT id FROM wins WHERE company_id = ?)",
        (client_id, company_id if company_id is not None else -1),
    ).fetchone()[0]
    return said, won


def _known(conn: sqlite3.Connection, client_id: int) -> Hint:
    name, company, company_id = conn.execute(
        """SELECT c.name, f.name, c.company_id FROM clients c LEFT JOIN companies f ON f.id = c.company_id
           WHERE c.id = ?""",
        (client_id,),
    ).fetchone()
    said, won = _client_counts(conn, client_id, company_id)
    return Hint("known", name, company, said, won)


def for_verbatim(conn: sqlite3.Connection, name: str | None, company: str | None) -> Hint:
    """The client a verbatim by ``name`` at ``company`` will be linked to."""
    k = key(name)
    if not k:
        return EMPTY
    firm_key = key(company)
    firm = conn.execute("SELECT id FROM companies WHERE key = ?", (firm_key,)).fetchone() if firm_key else None
    if not (firm_key and firm is None):  # a company never met: its people are new too
        row = conn.execute(
            "SELECT id FROM clients WHERE ifnull(company_id, 0) = ? AND key = ?", (firm[0] if firm else 0, k)
        ).fetchone()
        if row:
            return _known(conn, row[0])
        close = near_client(conn, name or "", company)
        if close:
            return Hint("near", near=close.label)
    other = conn.execute(
        """SELECT c.name, f.name FROM clients c LEFT JOIN companies f ON f.id = c.company_id
           WHERE c.key = ? ORDER BY c.id LIMIT 1""",
        (k,),
    ).fetchone()
    if other:
        return Hint("elsewhere", near=f"{other[0]} ({other[1]})" if other[1] else other[0])
    return Hint("new")


def for_win(conn: sqlite3.Connection, name: str | None) -> Hint:
    """The company or client a win's client ``name`` will be linked to."""
    k = key(name)
    if not k:
        return EMPTY
    firm = conn.execute("SELECT id, name FROM companies WHERE key = ?", (k,)).fetchone()
    if firm:
        won = conn.execute("SELECT count(*) FROM wins WHERE company_id = ?", (firm[0],)).fetchone()[0]
        said = conn.execute(
            """SELECT count(*) FROM verbatims
               WHERE client_id IN (SELECT id FROM clients WHERE ifnull(company_id, 0) = ?)""",
            (firm[0],),
        ).fetchone()[0]
        return Hint("company", firm[1], None, said, won)
    people = conn.execute("SELECT id FROM clients WHERE key = ? LIMIT 2", (k,)).fetchall()
    if len(people) == 1:
        return _known(conn, people[0][0])
    if people:
        return Hint("several")
    close = near_win_match(conn, name)
    return Hint("near", near=close[0]) if close else Hint("new")
