"""Verbatims: a client's own words, the raw material of client time.

Listing is newest first; with a search it is by relevance (FTS5 bm25).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from briefing import client_links, client_near, team
from briefing.db import write
from briefing.errors import BadInput, NotFound, NothingToChange
from briefing.i18n import _
from briefing.kinds import VerbatimStatus
from briefing.records import Verbatim
from briefing.search import Search
from briefing.timeutil import today, utc_now_iso
from briefing.validation import validate, validate_patch

__all__ = ["add", "archive", "edit", "get", "get_many", "list_verbatims", "restore"]

_SELECT = """
    SELECT v.*, c.name AS collected_by_name
    FROM verbatims v LEFT JOIN collaborators c ON c.id = v.collected_by
"""


def add(conn: sqlite3.Connection, fields: dict[str, Any], *, new_client: bool = False) -> int:
    """Store a verbatim; ``fields`` are :class:`briefing.models.VerbatimIn`'s
    (``collected_by`` a name). Returns its id."""
    data = {k: v for k, v in fields.items() if v is not None}
    data.setdefault("date", today())
    verbatim = validate("VerbatimIn", data)
    with write(conn):
        by = team.find_active_id(conn, verbatim["collected_by"], "collected_by") if verbatim["collected_by"] else None
        if not new_client:
            client_near.refuse_near(conn, verbatim["client"], verbatim["company"])
        client_id = client_links.link_client(conn, verbatim["client"], verbatim["company"])
        cur = conn.execute(
            """INSERT INTO verbatims
               (text, client, company, channel, sentiment, collected_by, date, status, created_at, client_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)""",
            (
                verbatim["text"],
                verbatim["client"],
                verbatim["company"],
                verbatim["channel"].value,
                verbatim["sentiment"].value,
                by,
                verbatim["date"].isoformat(),
                utc_now_iso(),
                client_id,
            ),
        )
        return cur.lastrowid


def get(conn: sqlite3.Connection, verbatim_id: int) -> Verbatim:
    row = conn.execute(_SELECT + " WHERE v.id = ?", (verbatim_id,)).fetchone()
    if row is None:
        raise NotFound("id", _("no verbatim with id {id}").format(id=verbatim_id))
    return Verbatim.from_row(row)


def get_many(conn: sqlite3.Connection, ids: Iterable[int]) -> list[Verbatim]:
    """The verbatims with these ids that exist, in no particular order."""
    wanted = list(ids)
    if not wanted:
        return []
    marks = ", ".join("?" * len(wanted))
    return [Verbatim.from_row(r) for r in conn.execute(_SELECT + f" WHERE v.id IN ({marks})", wanted)]


def list_verbatims(
    conn: sqlite3.Connection,
    *,
    status: VerbatimStatus | str | None = None,
    search: str | None = None,
    by: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Verbatim]:
    """Without a status, archived verbatims are left out: archiving is how
    a lead clears the inbox, so they should stop showing up by default."""
    where: list[str] = []
    params: list[Any] = []
    order = "v.date DESC, v.id DESC"
    sql = _SELECT
    searched = Search.of(conn, search, "verbatims_fts", "v", limit, offset)
    if searched is not None:
        if searched.no_match:
            return []
        sql += searched.join
        where += searched.where
        params += searched.params
        order = searched.order
    if status:
        where.append("v.status = ?")
        params.append(VerbatimStatus(status).value)
    else:
        where.append("v.status != 'archived'")
    if by:
        where.append("c.name = ? COLLATE NOCASE")
        params.append(by)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        if limit < 1:
            raise BadInput("limit", _("must be at least 1"))
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [Verbatim.from_row(r) for r in conn.execute(sql, params)]


def archive(conn: sqlite3.Connection, verbatim_id: int) -> Verbatim:
    """Archive a verbatim; returns it as it was, so the archive can be undone
    (:func:`restore` to the status it had)."""
    with write(conn):
        before = get(conn, verbatim_id)
        if before.status is VerbatimStatus.ARCHIVED:
            raise BadInput("id", _("verbatim {id} is already archived").format(id=verbatim_id))
        conn.execute(
            "UPDATE verbatims SET status = 'archived', updated_at = ? WHERE id = ?",
            (utc_now_iso(), verbatim_id),
        )
        return before


def edit(conn: sqlite3.Connection, verbatim_id: int, fields: dict[str, Any]) -> Verbatim:
    """Change the fields given (not None); an empty company or collector removes it."""
    changes = validate_patch("VerbatimPatch", fields, ("company", "collected_by"))
    if not changes:
        raise NothingToChange()
    with write(conn):
        before = get(conn, verbatim_id)
        if "client" in changes or "company" in changes:
            client = changes.get("client", before.client)
            company = changes["company"] if "company" in changes else before.company
            changes["client_id"] = client_links.link_client(conn, client, company)
        if changes.get("collected_by") is not None:
            changes["collected_by"] = team.find_active_id(conn, changes["collected_by"], "collected_by")
        values = {k: (v.isoformat() if k == "date" else getattr(v, "value", v)) for k, v in changes.items()}
        values["updated_at"] = utc_now_iso()
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE verbatims SET {assignments} WHERE id = ?", (*values.values(), verbatim_id))
        return get(conn, verbatim_id)


def restore(conn: sqlite3.Connection, verbatim_id: int, status: VerbatimStatus | str) -> Verbatim:
    """Undo an archive: back to the status it had, as long as nobody has
    touched it since (a verbatim that is no longer archived is left alone)."""
    try:
        wanted = VerbatimStatus(status)
    except ValueError:
        raise BadInput("status", _("{value} is not a verbatim status").format(value=repr(status))) from None
    if wanted == VerbatimStatus.ARCHIVED:
        raise BadInput("status", _("restoring means leaving the archive: give new or shown"))
    with write(conn):
        current = get(conn, verbatim_id)
        if current.status is not VerbatimStatus.ARCHIVED:
            raise BadInput(
                "id", _("verbatim {id} is not archived (it is {status})").format(id=verbatim_id, status=current.status)
            )
        conn.execute(
            "UPDATE verbatims SET status = ?, updated_at = ? WHERE id = ?",
            (wanted.value, utc_now_iso(), verbatim_id),
        )
        return get(conn, verbatim_id)
