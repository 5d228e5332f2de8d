"""Looking after the client records: add, list, edit, merge.

Two records of one person are only ever joined by someone who asked
(``merge``): a rename that would collide with another client is refused
and the merge is suggested instead. A rename or a change of company also
rewrites the names typed on that client's verbatims and wins, in the same
transaction, so the cards in the meeting say what the client page says.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from briefing import client_links, team
from briefing.client_links import key
from briefing.clients import SELECT, Client, get, resolve
from briefing.db import write
from briefing.errors import BadInput, ClientExists, NothingToChange
from briefing.i18n import _
from briefing.timeutil import utc_now_iso
from briefing.validation import validate, validate_patch

__all__ = ["ListedClient", "add", "edit", "list_clients", "merge"]

#: A listing shows this many unless asked for more: never the 22,000 of ten years.
PAGE = 50


@dataclass(frozen=True, slots=True)
class ListedClient:
    client: Client
    verbatims: int
    #: The day of their latest verbatim, ISO; None if never heard.
    last_heard: str | None


def add(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """A new client (:class:`briefing.models.ClientIn`); refuses a second
    record of someone already known at that company."""
    data = validate("ClientIn", {k: v for k, v in fields.items() if v is not None})
    with write(conn):
        clash = _same(conn, data["name"], data["company"])
        if clash is not None:
            raise ClientExists("name", clash.label)
        client_id = client_links.link_client(conn, data["name"], data["company"])
        owner = team.find_active_id(conn, data["owner"], "owner") if data["owner"] else None
        conn.execute(
            "UPDATE clients SET phone = ?, email = ?, notes = ?, owner_id = ? WHERE id = ?",
            (data["phone"], data["email"], data["notes"] or "", owner, client_id),
        )
        return client_id


def _same(conn: sqlite3.Connection, name: str, company: str | None) -> Client | None:
    firm = conn.execute("SELECT id FROM companies WHERE key = ?", (key(company),)).fetchone() if company else None
    if company and firm is None:
        return None
    row = conn.execute(
        SELECT + " WHERE ifnull(c.company_id, 0) = ? AND c.key = ?", (firm[0] if firm else 0, key(name))
    ).fetchone()
    return Client.from_row(row) if row else None


def list_clients(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    company: str | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[ListedClient]:
    """A page of clients in name order, walking ``clients_key`` (or, for one
    company, ``clients_identity``) and stopping at the page's end. ``search``
    matches any part of the name or of the company's, accent- and case-blind."""
    where, params = [], []
    if company is not None:
        firm = conn.execute("SELECT id FROM companies WHERE key = ?", (key(company),)).fetchone()
        if firm is None:
            return []
        where.append("ifnull(c.company_id, 0) = ?")
        params.append(firm[0])
    folded = key(search)
    if folded:
        escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # The company too: a lead looking for "the people at Altis" types "altis".
        where.append("(c.key LIKE ? ESCAPE '\\' OR f.key LIKE ? ESCAPE '\\')")
        params += [f"%{escaped}%"] * 2
    sql = SELECT.replace(
        "SELECT c.*,",
        """SELECT c.*,
        (SELECT count(*) FROM verbatims v WHERE v.client_id = c.id) AS heard,
        (SELECT max(v.date) FROM verbatims v WHERE v.client_id = c.id) AS last_heard,""",
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = "ifnull(c.company_id, 0), c.key" if company is not None else "c.key"
    sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
    params += [max(0, int(limit)), max(0, int(offset))]
    return [ListedClient(Client.from_row(r), r["heard"], r["last_heard"]) for r in conn.execute(sql, params)]


def edit(conn: sqlite3.Connection, which: str, fields: dict[str, Any]) -> Client:
    """Change the fields given (:class:`briefing.models.ClientPatch`); ''
    clears an optional one. A new name or company is also written on the
    client's verbatims and wins."""
    changes = validate_patch("ClientPatch", fields, ("company", "phone", "email", "notes", "owner"))
    if not changes:
        raise NothingToChange()
    with write(conn):
        client = resolve(conn, which, "which")
        name = changes.get("name", client.name)
        company = changes["company"] if "company" in changes else client.company
        moved = key(name) != key(client.name) or key(company) != key(client.company)
        if moved:
            clash = _same(conn, name, company)
            if clash is not None and clash.id != client.id:
                raise ClientExists("name" if "name" in changes else "company", clash.label)
        firm = client_links.company_id(conn, company) if "company" in changes else client.company_id
        values: dict[str, Any] = {"name": " ".join(name.split()), "key": key(name), "company_id": firm}
        for field in ("phone", "email"):
            if field in changes:
                values[field] = changes[field]
        if "notes" in changes:
            values["notes"] = changes["notes"] or ""
        if "owner" in changes:
            values["owner_id"] = team.find_active_id(conn, changes["owner"], "owner") if changes["owner"] else None
        values["updated_at"] = utc_now_iso()
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE clients SET {assignments} WHERE id = ?", (*values.values(), client.id))
        if "name" in changes or "company" in changes:
            _retype(conn, client, values["name"], get(conn, client.id).company, firm)
        return get(conn, client.id)


def _retype(conn: sqlite3.Connection, before: Client, name: str, company: str | None, firm: int | None) -> None:
    """The client's verbatims and wins say their name as it is now. A win
    that named the person (not the company) takes the new name."""
    conn.execute("UPDATE verbatims SET client = ?, company = ? WHERE client_id = ?", (name, company, before.id))
    for win_id, typed in conn.execute("SELECT id, client FROM wins WHERE client_id = ?", (before.id,)).fetchall():
        new_typed = name if key(typed) == key(before.name) else typed
        conn.execute("UPDATE wins SET client = ?, company_id = ? WHERE id = ?", (new_typed, firm, win_id))


def merge(conn: sqlite3.Connection, keep: str, other: str) -> Client:
    """``other`` was ``keep`` all along: their verbatims, wins and calls
    become ``keep``'s (with ``keep``'s name typed on them), ``keep``'s empty
    phone, email, notes and owner are filled from ``other``'s, and ``other``
    is deleted. One transaction."""
    with write(conn):
        kept = resolve(conn, keep, "keep")
        gone = resolve(conn, other, "other")
        if kept.id == gone.id:
            raise BadInput(
                "other", _("{kept} and {other} are the same client").format(kept=repr(kept.label), other=repr(other))
            )
        conn.execute(
            "UPDATE verbatims SET client_id = ?, client = ?, company = ? WHERE client_id = ?",
            (kept.id, kept.name, kept.company, gone.id),
        )
        conn.execute("UPDATE wins SET client = ? WHERE client_id = ? AND client IS NOT NULL", (kept.name, gone.id))
        conn.execute(
            "UPDATE wins SET client_id = ?, company_id = ? WHERE client_id = ?", (kept.id, kept.company_id, gone.id)
        )
        conn.execute("UPDATE calls SET client_id = ? WHERE client_id = ?", (kept.id, gone.id))
        conn.execute("UPDATE meetings SET call_client_id = ? WHERE call_client_id = ?", (kept.id, gone.id))
        conn.execute(
            """UPDATE clients SET
                 phone = ifnull(phone, ?), email = ifnull(email, ?),
                 notes = CASE WHEN notes = '' THEN ? ELSE notes END,
                 owner_id = ifnull(owner_id, ?), updated_at = ?
               WHERE id = ?""",
            (gone.phone, gone.email, gone.notes, gone.owner_id, utc_now_iso(), kept.id),
        )
        conn.execute("DELETE FROM clients WHERE id = ?", (gone.id,))
        return get(conn, kept.id)
