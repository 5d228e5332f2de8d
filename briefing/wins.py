"""Client wins: a deal, a saved account, a problem solved, and whose it is.

The owner is stored as a collaborator id so credit survives a rename.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from briefing import team
from briefing.db import write
from briefing.errors import BadInput, NotFound
from briefing.kinds import WinStatus
from briefing.timeutil import today, utc_now_iso
from briefing.validation import validate, validate_patch

__all__ = ["LABELS", "add", "edit", "get", "list_wins"]

LABELS = {"title": "TITLE", "owner": "--by", "client": "--client", "story": "--story", "date": "--date"}

_SELECT = """
    SELECT w.*, o.name AS owner_name, p.name AS presenter_name
    FROM wins w
    JOIN collaborators o ON o.id = w.owner_id
    LEFT JOIN collaborators p ON p.id = w.presented_by
"""


def as_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "owner": row["owner_name"],
        "client": row["client"],
        "story": row["story"],
        "date": row["date"],
        "status": row["status"],
        "presented_by": row["presenter_name"],
        "presented_at": row["presented_at"],
        "created_at": row["created_at"],
    }


def add(conn: sqlite3.Connection, fields: dict[str, Any], labels: dict[str, str] = LABELS) -> int:
    data = {k: v for k, v in fields.items() if v is not None}
    data.setdefault("date", today())
    win = validate("WinIn", data, labels)
    with write(conn):
        owner = team.find_active_id(conn, win["owner"], labels["owner"])
        cur = conn.execute(
            """INSERT INTO wins (title, owner_id, client, story, date, status, created_at)
               VALUES (?, ?, ?, ?, ?, 'pending', ?)""",
            (win["title"], owner, win["client"], win["story"], win["date"].isoformat(), utc_now_iso()),
        )
        return cur.lastrowid


def list_wins(conn: sqlite3.Connection, *, status: WinStatus | str | None = None) -> list[dict[str, Any]]:
    sql, params = _SELECT, []
    if status:
        sql += " WHERE w.status = ?"
        params.append(WinStatus(status).value)
    sql += " ORDER BY w.date DESC, w.id DESC"
    return [as_json(r) for r in conn.execute(sql, params)]


def get(conn: sqlite3.Connection, win_id: int) -> dict[str, Any]:
    row = conn.execute(_SELECT + " WHERE w.id = ?", (win_id,)).fetchone()
    if row is None:
        raise NotFound("ID", f"no win with id {win_id}")
    return as_json(row)


def edit(
    conn: sqlite3.Connection, win_id: int, fields: dict[str, Any], labels: dict[str, str] = LABELS
) -> dict[str, Any]:
    """Change only the fields given; a new owner must be in the team today,
    since the credit goes to them."""
    changes = validate_patch("WinPatch", fields, ("client", "story"), labels)
    if not changes:
        raise BadInput(None, "nothing to change: give at least one field")
    with write(conn):
        get(conn, win_id)
        if "owner" in changes:
            changes["owner_id"] = team.find_active_id(conn, changes.pop("owner"), labels["owner"])
        values = {k: (v.isoformat() if k == "date" else v) for k, v in changes.items()}
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE wins SET {assignments} WHERE id = ?", (*values.values(), win_id))
        return get(conn, win_id)
