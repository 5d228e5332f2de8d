"""Clients as people: who they are and their story with the team.

A client's story is one timeline, newest first: what they said (with the
mood it was said in), the wins signed with them or their company, the
calls made to them and how each went, and who on the team was involved
each time. Read down the client indexes (migration 7): a client with two
lines of history costs two lines, whatever the years around them.

Names resolve as in :mod:`briefing.client_links`: accent- and case-blind,
"Name (Company)" to tell two people of the same name apart.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from briefing.client_links import key
from briefing.errors import BadInput, NotFound
from briefing.i18n import _
from briefing.kinds import Sentiment

__all__ = ["Client", "Moment", "find", "get", "resolve", "timeline"]

_SELECT = """
    SELECT c.*, f.name AS company, o.name AS owner_name
    FROM clients c
    LEFT JOIN companies f ON f.id = c.company_id
    LEFT JOIN collaborators o ON o.id = c.owner_id
"""
#: The query a client record is read with, for the modules that list them.
SELECT = _SELECT


@dataclass(frozen=True, slots=True)
class Client:
    id: int
    name: str
    company: str | None
    company_id: int | None
    phone: str | None
    email: str | None
    notes: str
    #: Who on the team looks after them (their name today), if anyone.
    owner: str | None
    owner_id: int | None
    created_at: str

    @property
    def label(self) -> str:
        """How a person is named aloud: "Hélène Roussel (Altis Logistique)"."""
        return f"{self.name} ({self.company})" if self.company else self.name

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Client:
        return cls(
            id=row["id"],
            name=row["name"],
            company=row["company"],
            company_id=row["company_id"],
            phone=row["phone"],
            email=row["email"],
            notes=row["notes"],
            owner=row["owner_name"],
            owner_id=row["owner_id"],
            created_at=row["created_at"],
        )


@dataclass(frozen=True, slots=True)
class Moment:
    """One line of a client's story."""

    kind: str  # "verbatim" | "win" | "call"
    id: int
    date: date
    #: The words: the quote, the win's title, or what the call gave.
    text: str
    #: Who on the team: collected it, owns the win, made the call.
    by: str | None
    #: The verbatim's mood; None for wins and calls.
    sentiment: Sentiment | None = None
    #: A call's outcome: reached, voicemail, no-answer.
    outcome: str | None = None


def get(conn: sqlite3.Connection, client_id: int) -> Client:
    row = conn.execute(_SELECT + " WHERE c.id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFound("client", _("no client with id {id}").format(id=client_id))
    return Client.from_row(row)


_WITH_COMPANY = re.compile(r"^(?P<name>.+?)\s*\((?P<company>[^()]+)\)\s*$")


def find(conn: sqlite3.Connection, text: str) -> list[Client]:
    """Every client a typed name may mean: an id, "Name (Company)", or a
    name (accent- and case-blind), which fits one person per company."""
    text = (text or "").strip()
    if text.isdigit():
        row = conn.execute(_SELECT + " WHERE c.id = ?", (int(text),)).fetchone()
        return [Client.from_row(row)] if row else []
    m = _WITH_COMPANY.match(text)
    if m:
        rows = conn.execute(_SELECT + " WHERE c.key = ? AND f.key = ?", (key(m["name"]), key(m["company"]))).fetchall()
        if rows:
            return [Client.from_row(r) for r in rows]
    return [Client.from_row(r) for r in conn.execute(_SELECT + " WHERE c.key = ? ORDER BY c.id", (key(text),))]


def resolve(conn: sqlite3.Connection, text: str, field: str = "client") -> Client:
    """The one client a typed name means, or a clear BadInput."""
    found = find(conn, text)
    if not found:
        raise NotFound(field, _("no client called {name}").format(name=repr(text)))
    if len(found) > 1:
        names = _(" or ").join(repr(c.label) for c in found)
        raise BadInput(
            field, _("{name} could be {names}: add the company in brackets").format(name=repr(text), names=names)
        )
    return found[0]


def timeline(conn: sqlite3.Connection, client_id: int, *, limit: int | None = None) -> list[Moment]:
    """The client's story newest first: their verbatims (archived ones too,
    marked by nothing: what they said was said), the wins naming them or
    signed with their company, the calls made to them (words kept from a
    call are told once, with the call)."""
    client = get(conn, client_id)
    cap = "" if limit is None else f" LIMIT {int(limit)}"
    moments = [
        Moment("verbatim", r[0], date.fromisoformat(r[1]), r[2], r[3], sentiment=Sentiment(r[4]))
        for r in conn.execute(
            f"""SELECT v.id, v.date, v.text, c.name, v.sentiment FROM verbatims v
                LEFT JOIN collaborators c ON c.id = v.collected_by
                WHERE v.client_id = ? AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.verbatim_id = v.id)
                ORDER BY v.date DESC, v.id DESC{cap}""",
            (client_id,),
        )
    ]
    firm = client.company_id if client.company_id is not None else -1
    moments += [
        Moment("win", r[0], date.fromisoformat(r[1]), r[2], r[3])
        for r in conn.execute(
            f"""SELECT w.id, w.date, w.title, o.name FROM wins w JOIN collaborators o ON o.id = w.owner_id
                WHERE w.id IN (SELECT id FROM wins WHERE client_id = ? UNION SELECT id FROM wins WHERE company_id = ?)
                ORDER BY w.date DESC, w.id DESC{cap}""",
            (client_id, firm),
        )
    ]
    moments += [
        Moment("call", r[0], date.fromisoformat(r[1]), r[2] or "", r[3], outcome=r[4])
        for r in conn.execute(
            f"""SELECT k.id, k.day, v.text, c.name, k.outcome FROM calls k
                LEFT JOIN verbatims v ON v.id = k.verbatim_id
                LEFT JOIN collaborators c ON c.id = k.by_id
                WHERE k.client_id = ? ORDER BY k.day DESC, k.id DESC{cap}""",
            (client_id,),
        )
    ]
    order = {"call": 0, "verbatim": 1, "win": 2}
    moments.sort(key=lambda m: (m.date, -order[m.kind], m.id), reverse=True)
    return moments[:limit] if limit is not None else moments
