"""The team: collaborators and the lead.

Nobody is ever deleted: removing someone deactivates them so that the
history (who collected a verbatim, whose win it was) keeps its names.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date

from briefing.db import write
from briefing.errors import BadInput, UnknownPerson
from briefing.i18n import _
from briefing.kinds import Role
from briefing.records import Person
from briefing.timeutil import today as _today
from briefing.timeutil import utc_now_iso
from briefing.validation import validate

__all__ = ["add", "find_active_id", "fold", "get", "list_team", "presentations", "remove", "rename", "set_role"]


def fold(name: str) -> str:
    """Accent- and case-blind form of a name: 'ines' finds 'Inès'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _everyone(conn: sqlite3.Connection) -> list[Person]:
    return [Person.from_row(r) for r in conn.execute("SELECT * FROM collaborators ORDER BY active DESC, id")]


def _by_name(conn: sqlite3.Connection, name: str, field: str) -> Person | None:
    """The person a typed name means: their full name, or a first name or
    prefix that fits only one person ('Inès' for 'Inès Moreau')."""
    wanted = fold(name)
    people = _everyone(conn)
    exact = [p for p in people if fold(p.name) == wanted]
    if exact:
        return exact[0]
    if not wanted:
        return None
    partial = [p for p in people if p.active and fold(p.name).startswith(wanted + " ")]
    if len(partial) > 1:
        names = _(" or ").join(p.name for p in partial)
        raise BadInput(field, _("{name} could be {names}: give the full name").format(name=repr(name), names=names))
    return partial[0] if partial else None


def _same_name(conn: sqlite3.Connection, name: str) -> Person | None:
    wanted = fold(name)
    return next((p for p in _everyone(conn) if fold(p.name) == wanted), None)


def get(conn: sqlite3.Connection, person_id: int) -> Person:
    row = conn.execute("SELECT * FROM collaborators WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise UnknownPerson("id", _("nobody with id {id} in the team").format(id=person_id))
    return Person.from_row(row)


def add(conn: sqlite3.Connection, name: str, *, lead: bool = False, today: date | None = None) -> tuple[Person, bool]:
    """Add someone, or bring back someone who left. Returns (person, reactivated)."""
    person = validate("CollaboratorIn", {"name": name, "role": Role.LEAD if lead else Role.MEMBER})
    joined = (today or _today()).isoformat()
    with write(conn):
        existing = _same_name(conn, person["name"])
        if existing is not None and existing.active:
            raise BadInput("name", _("{name} is already in the team").format(name=existing.name))
        if existing is not None:
            conn.execute(
                # active_since restarts: back in the rotation like a newcomer.
                "UPDATE collaborators SET active = 1, role = ?, active_since = ? WHERE id = ?",
                (person["role"].value, joined, existing.id),
            )
            row_id, reactivated = existing.id, True
        else:
            cur = conn.execute(
                """INSERT INTO collaborators (name, role, active, joined_on, active_since, created_at)
                   VALUES (?, ?, 1, ?, ?, ?)""",
                (person["name"], person["role"].value, joined, joined, utc_now_iso()),
            )
            row_id, reactivated = cur.lastrowid, False
        return get(conn, row_id), reactivated


def list_team(conn: sqlite3.Connection, *, include_inactive: bool = True) -> list[Person]:
    sql = "SELECT * FROM collaborators"
    if not include_inactive:
        sql += " WHERE active = 1"
    sql += " ORDER BY active DESC, role = 'lead' DESC, name COLLATE NOCASE"
    return [Person.from_row(r) for r in conn.execute(sql)]


def _existing(conn: sqlite3.Connection, name: str, field: str) -> Person:
    person = _by_name(conn, name, field)
    if person is None:
        raise UnknownPerson(field, _("nobody named {name} in the team").format(name=repr(name)))
    return person


def remove(conn: sqlite3.Connection, name: str) -> Person:
    """Deactivate: they leave the rotation and the pickers, their history stays."""
    with write(conn):
        person = _existing(conn, name, "name")
        if not person.active:
            raise BadInput("name", _("{name} has already left the team").format(name=person.name))
        conn.execute("UPDATE collaborators SET active = 0 WHERE id = ?", (person.id,))
        return get(conn, person.id)


def rename(conn: sqlite3.Connection, old: str, new: str) -> Person:
    """``old`` finds the person as :func:`find_active_id` does; refusals name
    the field ``old`` or ``new``."""
    try:
        new_name = validate("CollaboratorIn", {"name": new})["name"]
    except BadInput as exc:
        raise BadInput("new", exc.problem) from None
    with write(conn):
        person = _existing(conn, old, "old")
        clash = _same_name(conn, new_name)
        if clash is not None and clash.id != person.id:
            raise BadInput("new", _("{name} is already the name of someone in the team").format(name=clash.name))
        conn.execute("UPDATE collaborators SET name = ? WHERE id = ?", (new_name, person.id))
        return get(conn, person.id)


def find_active_id(conn: sqlite3.Connection, name: str, field: str) -> int:
    """The id of an active collaborator; refusals name ``field`` (the caller's
    model field: ``collected_by``, ``owner``...)."""
    person = _existing(conn, name, field)
    if not person.active:
        raise BadInput(field, _("{name} has left the team").format(name=person.name))
    return person.id


def set_role(conn: sqlite3.Connection, name: str, lead: bool) -> Person:
    """Make someone a lead or a member; someone who left keeps the role they had."""
    role = Role.LEAD if lead else Role.MEMBER
    with write(conn):
        person = _existing(conn, name, "name")
        if not person.active:
            raise BadInput("name", _("{name} has left the team: bring them back first").format(name=person.name))
        conn.execute("UPDATE collaborators SET role = ? WHERE id = ?", (role.value, person.id))
        return get(conn, person.id)


def presentations(conn: sqlite3.Connection) -> dict[int, int]:
    """Collaborator id -> how many finished briefings they presented (credit spread)."""
    rows = conn.execute(
        """SELECT presenter_id, count(*) FROM meetings
           WHERE outcome = 'finished' AND presenter_id IS NOT NULL GROUP BY presenter_id"""
    )
    return {presenter: count for presenter, count in rows}
