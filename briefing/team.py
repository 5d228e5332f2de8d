"""The team: collaborators and the lead.

Nobody is ever deleted: removing someone deactivates them so that the
history (who collected a verbatim, whose win it was) keeps its names.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date
from typing import Any

from briefing.db import write
from briefing.errors import BadInput, NotFound
from briefing.kinds import Role
from briefing.timeutil import today as _today
from briefing.timeutil import utc_now_iso
from briefing.validation import validate

__all__ = ["add", "as_json", "find_active_id", "list_team", "presentations", "remove", "rename", "set_role"]


def as_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "role": row["role"],
        "active": bool(row["active"]),
        "joined_on": row["joined_on"],
    }


def fold(name: str) -> str:
    """Accent- and case-blind form of a name: 'ines' finds 'Inès'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _by_name(conn: sqlite3.Connection, name: str, field: str = "NAME") -> sqlite3.Row | None:
    """The person a typed name means: their full name, or a first name or
    prefix that fits only one person ('Inès' for 'Inès Moreau')."""
    wanted = fold(name)
    rows = conn.execute("SELECT * FROM collaborators ORDER BY active DESC, id").fetchall()
    exact = [r for r in rows if fold(r["name"]) == wanted]
    if exact:
        return exact[0]
    if not wanted:
        return None
    partial = [r for r in rows if r["active"] and fold(r["name"]).startswith(wanted + " ")]
    if len(partial) > 1:
        names = " or ".join(r["name"] for r in partial)
        raise BadInput(field, f"{name!r} could be {names}: give the full name")
    return partial[0] if partial else None


def _same_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    wanted = fold(name)
    return next((r for r in conn.execute("SELECT * FROM collaborators") if fold(r["name"]) == wanted), None)


def add(
    conn: sqlite3.Connection, name: str, *, lead: bool = False, today: date | None = None
) -> tuple[dict[str, Any], bool]:
    """Add someone, or bring back someone who left. Returns (row, reactivated)."""
    person = validate("CollaboratorIn", {"name": name, "role": Role.LEAD if lead else Role.MEMBER}, {"name": "NAME"})
    joined = (today or _today()).isoformat()
    with write(conn):
        existing = _same_name(conn, person["name"])
        if existing is not None and existing["active"]:
            raise BadInput("NAME", f"{existing['name']} is already in the team")
        if existing is not None:
            conn.execute(
                # active_since restarts: back in the rotation like a newcomer.
                "UPDATE collaborators SET active = 1, role = ?, active_since = ? WHERE id = ?",
                (person["role"].value, joined, existing["id"]),
            )
            row_id, reactivated = existing["id"], True
        else:
            cur = conn.execute(
                """INSERT INTO collaborators (name, role, active, joined_on, active_since, created_at)
                   VALUES (?, ?, 1, ?, ?, ?)""",
                (person["name"], person["role"].value, joined, joined, utc_now_iso()),
            )
            row_id, reactivated = cur.lastrowid, False
        row = conn.execute("SELECT * FROM collaborators WHERE id = ?", (row_id,)).fetchone()
    return as_json(row), reactivated


def list_team(conn: sqlite3.Connection, *, include_inactive: bool = True) -> list[dict[str, Any]]:
    sql = "SELECT * FROM collaborators"
    if not include_inactive:
        sql += " WHERE active = 1"
    sql += " ORDER BY active DESC, role = 'lead' DESC, name COLLATE NOCASE"
    return [as_json(r) for r in conn.execute(sql)]


def _existing(conn: sqlite3.Connection, name: str, field: str = "NAME") -> sqlite3.Row:
    row = _by_name(conn, name, field)
    if row is None:
        raise NotFound(field, f"nobody named {name!r} in the team (see 'briefing team list')")
    return row


def _reloaded(conn: sqlite3.Connection, person_id: int) -> dict[str, Any]:
    return as_json(conn.execute("SELECT * FROM collaborators WHERE id = ?", (person_id,)).fetchone())


def remove(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """Deactivate: they leave the rotation and the pickers, their history stays."""
    with write(conn):
        row = _existing(conn, name)
        if not row["active"]:
            raise BadInput("NAME", f"{row['name']} has already left the team")
        conn.execute("UPDATE collaborators SET active = 0 WHERE id = ?", (row["id"],))
        return _reloaded(conn, row["id"])


def rename(conn: sqlite3.Connection, old: str, new: str) -> dict[str, Any]:
    new_name = validate("CollaboratorIn", {"name": new}, {"name": "NEW"})["name"]
    with write(conn):
        row = _existing(conn, old, "OLD")
        clash = _same_name(conn, new_name)
        if clash is not None and clash["id"] != row["id"]:
            raise BadInput("NEW", f"{clash['name']} is already the name of someone in the team")
        conn.execute("UPDATE collaborators SET name = ? WHERE id = ?", (new_name, row["id"]))
        return _reloaded(conn, row["id"])


def find_active_id(conn: sqlite3.Connection, name: str, field: str) -> int:
    """The id of an active collaborator, or a BadInput that says who exists."""
    row = _by_name(conn, name, field)
    if row is None:
        raise BadInput(field, f"nobody named {name!r} in the team (see 'briefing team list')")
    if not row["active"]:
        raise BadInput(field, f"{row['name']} has left the team")
    return row["id"]


def set_role(conn: sqlite3.Connection, name: str, lead: bool) -> dict[str, Any]:
    """Make someone a lead or a member; someone who left keeps the role they had."""
    role = Role.LEAD if lead else Role.MEMBER
    with write(conn):
        row = _existing(conn, name)
        if not row["active"]:
            raise BadInput("NAME", f"{row['name']} has left the team: bring them back first")
        conn.execute("UPDATE collaborators SET role = ? WHERE id = ?", (role.value, row["id"]))
        return _reloaded(conn, row["id"])


def presentations(conn: sqlite3.Connection) -> dict[int, int]:
    """Collaborator id -> how many finished briefings they presented (credit spread)."""
    rows = conn.execute(
        """SELECT presenter_id, count(*) FROM meetings
           WHERE outcome = 'finished' AND presenter_id IS NOT NULL GROUP BY presenter_id"""
    )
    return {presenter: count for presenter, count in rows}
