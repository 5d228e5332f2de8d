"""Which client a typed name means: the link from verbatims and wins to
clients and companies.

People type a client's name in a hurry: "helene roussel", "Hélène Roussel".
Within a company those are one person, so names are compared by a *key*,
accent- and case-blind with spaces collapsed; the same name at two
companies is two people. Wins name a company ("Altis Logistique") or a
person; a win whose name fits several people and no company is left
unlinked for ``briefing client doctor`` to show, never guessed.

The names as typed stay on the verbatim and the win (what people wrote is
not rewritten behind their back); only a rename or a merge someone asks
for changes them.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from briefing.timeutil import utc_now_iso

__all__ = ["key", "link_client", "link_existing", "link_win", "preferred_spelling"]


def key(text: str | None) -> str:
    """Accent- and case-blind form of a name, spaces collapsed: the
    identity of a client within a company, and of a company."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(plain.split())


def preferred_spelling(spellings: Iterable[str]) -> str:
    """The name to show for several spellings of one key: the most used,
    then the one with the most accents (the careful typing), then the
    latest given."""
    seen = list(spellings)
    counts = Counter(seen)
    last = {s: i for i, s in enumerate(seen)}

    def rank(s: str) -> tuple[int, int, int]:
        accents = sum(1 for ch in unicodedata.normalize("NFKD", s) if unicodedata.combining(ch))
        return counts[s], accents, last[s]

    return max(counts, key=rank)


def company_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    """The company this name means, made on first mention; None without one."""
    k = key(name)
    if not k:
        return None
    row = conn.execute("SELECT id FROM companies WHERE key = ?", (k,)).fetchone()
    if row:
        return row[0]
    cur = conn.execute(
        "INSERT INTO companies (name, key, created_at) VALUES (?, ?, ?)", (" ".join(name.split()), k, utc_now_iso())
    )
    return cur.lastrowid


def link_client(conn: sqlite3.Connection, name: str, company: str | None) -> int:
    """The client this name at this company means, made on first mention.
    Inside the caller's write transaction."""
    firm = company_id(conn, company)
    k = key(name)
    row = conn.execute("SELECT id FROM clients WHERE ifnull(company_id, 0) = ? AND key = ?", (firm or 0, k)).fetchone()
    if row:
        return row[0]
    cur = conn.execute(
        "INSERT INTO clients (name, key, company_id, created_at) VALUES (?, ?, ?, ?)",
        (" ".join(name.split()), k, firm, utc_now_iso()),
    )
    return cur.lastrowid


def link_win(conn: sqlite3.Connection, name: str | None) -> tuple[int | None, int | None]:
    """(company id, client id) for a win's client as typed.

    A company's name links the company; a person's name, when only one
    client has it, links them and their company; a name that fits several
    people and no company links nothing (``client doctor`` lists it); a
    name never seen is taken as a new company, as wins are mostly signed
    with organisations.
    """
    k = key(name)
    if not k:
        return None, None
    row = conn.execute("SELECT id FROM companies WHERE key = ?", (k,)).fetchone()
    if row:
        return row[0], None
    people = conn.execute("SELECT id, company_id FROM clients WHERE key = ? LIMIT 2", (k,)).fetchall()
    if len(people) == 1:
        return people[0][1], people[0][0]
    if people:
        return None, None
    return company_id(conn, name), None


def link_existing(conn: sqlite3.Connection) -> None:
    """Link every verbatim and win that has no client yet (the migration
    that brought clients in, and nothing else). Grouped in Python, written
    with one statement per table: years of verbatims take seconds, once."""
    spellings: dict[str, list[str]] = defaultdict(list)
    people: dict[tuple[str, str], list[str]] = defaultdict(list)
    rows = conn.execute("SELECT id, client, company FROM verbatims WHERE client_id IS NULL ORDER BY id").fetchall()
    for _id, client, company in rows:
        if key(company):
            spellings[key(company)].append(" ".join(company.split()))
        people[(key(company), key(client))].append(" ".join(client.split()))
    now = utc_now_iso()
    firms = {}
    for k, names in spellings.items():
        cur = conn.execute(
            "INSERT INTO companies (name, key, created_at) VALUES (?, ?, ?)", (preferred_spelling(names), k, now)
        )
        firms[k] = cur.lastrowid
    ids = {}
    for (firm, person), names in people.items():
        cur = conn.execute(
            "INSERT INTO clients (name, key, company_id, created_at) VALUES (?, ?, ?, ?)",
            (preferred_spelling(names), person, firms.get(firm), now),
        )
        ids[(firm, person)] = cur.lastrowid
    conn.executemany(
        "UPDATE verbatims SET client_id = ? WHERE id = ?",
        ((ids[(key(company), key(client))], vid) for vid, client, company in rows),
    )
    wins = conn.execute("SELECT id, client FROM wins WHERE company_id IS NULL AND client_id IS NULL").fetchall()
    links = [(*link_win(conn, client), wid) for wid, client in wins]
    found = [link for link in links if link[:2] != (None, None)]
    conn.executemany("UPDATE wins SET company_id = ?, client_id = ? WHERE id = ?", found)
