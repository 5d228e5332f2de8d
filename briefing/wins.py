"""Client wins: a deal, a saved account, a problem solved, and whose it is.

The owner is stored as a collaborator id so credit survives a rename.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from briefing import client_links, client_near, team
from briefing.db import write
from briefing.errors import NotFound, NothingToChange
from briefing.i18n import _
from briefing.kinds import WinStatus
from briefing.records import Win
from briefing.search import Search
from briefing.timeutil import today, utc_now_iso
from briefing.validation import validate, validate_patch

__all__ = ["add", "edit", "find", "get", "list_wins", "oldest_pending"]

_SELECT = """
    SELECT w.*, o.name AS owner_name, p.name AS presenter_name
    FROM wins w
    JOIN collaborators o ON o.id = w.owner_id
    LEFT JOIN collaborators p ON p.id = w.presented_by
"""


def add(conn: sqlite3.Connection, fields: dict[str, Any], *, new_client: bool = False) -> int:
    """Store a win; ``fields`` are :class:`briefing.models.WinIn`'s (``owner``
    a name). Returns its id."""
    data = {k: v for k, v in fields.items() if v is not None}
    data.setdefault("date", today())
    win = validate("WinIn", data)
    with write(conn):
        owner = team.find_active_id(conn, win["owner"], "owner")
        if not new_client:
            client_near.refuse_near_win(conn, win["client"])
        company_id, client_id = client_links.link_win(conn, win["client"])
        cur = conn.execute(
            """INSERT INTO wins (title, owner_id, client, story, date, status, created_at, company_id, client_id)
               VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)""",
            (
                win["title"],
                owner,
                win["client"],
                win["story"],
                win["date"].isoformat(),
                utc_now_iso(),
                company_id,
                client_id,
            ),
        )
        return cur.lastrowid


def list_wins(
    conn: sqlite3.Connection,
    *,
    status: WinStatus | str | None = None,
    search: str | None = None,
    by: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Win]:
    """Newest first; with ``search``, best match first (as verbatims: every
    word, accents and case ignored, the last one a prefix, over the title,
    the client, the story and the owner's name). ``by``: won or told by."""
    sql, where, params = _SELECT, [], []
    order = "w.date DESC, w.id DESC"
    searched = Search.of(conn, search, "wins_fts", "w", limit, offset)
    if searched is not None:
        if searched.no_match:
            return []
        sql += searched.join
        where += searched.where
        params += searched.params
        order = searched.order
    if status:
        where.append("w.status = ?")
        params.append(WinStatus(status).value)
    if by:
        where.append("(o.name = ? COLLATE NOCASE OR p.name = ? COLLATE NOCASE)")
        params += [by, by]
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [Win.from_row(r) for r in conn.execute(sql, params)]


def oldest_pending(conn: sqlite3.Connection, *, owner_id: int | None = None) -> Win | None:
    """The win waiting longest to be told (of one owner's, if given)."""
    sql, params = _SELECT + " WHERE w.status = 'pending'", []
    if owner_id is not None:
        sql += " AND w.owner_id = ?"
        params.append(owner_id)
    row = conn.execute(sql + " ORDER BY w.date, w.id LIMIT 1", params).fetchone()
    return Win.from_row(row) if row else None


def find(conn: sqlite3.Connection, win_id: int) -> Win | None:
    row = conn.execute(_SELECT + " WHERE w.id = ?", (win_id,)).fetchone()
    return Win.from_row(row) if row else None


def get(conn: sqlite3.Connection, win_id: int) -> Win:
    win = find(conn, win_id)
    if win is None:
        raise NotFound("id", _("no win with id {id}").format(id=win_id))
    return win


def edit(conn: sqlite3.Connection, win_id: int, fields: dict[str, Any]) -> Win:
    """Change only the fields given; a new owner must be in the team today,
    since the credit goes to them."""
    changes = validate_patch("WinPatch", fields, ("client", "story"))
    if not changes:
        raise NothingToChange()
    with write(conn):
        get(conn, win_id)
        if "owner" in changes:
            changes["owner_id"] = team.find_active_id(conn, changes.pop("owner"), "owner")
        if "client" in changes:
            changes["company_id"], changes["client_id"] = client_links.link_win(conn, changes["client"])
        values = {k: (v.isoformat() if k == "date" else v) for k, v in changes.items()}
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE wins SET {assignments} WHERE id = ?", (*values.values(), win_id))
        return get(conn, win_id)
