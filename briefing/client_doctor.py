"""What a person must settle about the clients: never merged silently.

The migration and the imports link names exactly (accent- and case-blind,
within a company) and ask nothing. What they could not decide is listed
here, for someone who knows the clients:

* a win whose name fits several people and no company, left unlinked;
* two clients of one company whose names are near (a typo, an initial);
* a client without a company who has the name of a client at one;
* two companies whose names are near.

Each finding names the records; the front end says how to settle it.
Near pairs are found by shared deletion variants (a name with one or two
letters taken out), so ten years of clients are compared in seconds, not
pair by pair.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from briefing.client_links import key
from briefing.client_near import LONG, SHORT, initials_fit, is_near
from briefing.clients import SELECT, Client
from briefing.db import snapshot

__all__ = ["Finding", "UnlinkedWin", "findings"]


@dataclass(frozen=True, slots=True)
class UnlinkedWin:
    id: int
    title: str
    client: str
    date: str


@dataclass(frozen=True, slots=True)
class Finding:
    #: "ambiguous-win" | "near-clients" | "no-company" | "near-companies"
    kind: str
    #: The clients concerned: the candidates of a win; the pair otherwise
    #: (for "no-company", the one without a company first).
    clients: tuple[Client, ...] = ()
    win: UnlinkedWin | None = None
    #: Two companies' names, for "near-companies".
    companies: tuple[str, ...] = ()
    #: How many clients the second company has (what moving them means).
    moving: int = 0


def _variants(k: str) -> set[str]:
    """``k`` with up to one (short names) or two (long) letters removed."""
    if len(k) < SHORT:
        return {k}
    out = {k} | {k[:i] + k[i + 1 :] for i in range(len(k))}
    if len(k) >= LONG:
        out |= {v[:i] + v[i + 1 :] for v in list(out) for i in range(len(v))}
    return out


def near_pairs(keys: Iterable[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pairs of ids (smaller first) whose keys are near (client_near.is_near)."""
    items = list(keys)
    by_variant: dict[str, list[int]] = defaultdict(list)
    by_last: dict[tuple[str, int], list[int]] = defaultdict(list)
    text = dict(items)
    for ident, k in items:
        for v in _variants(k):
            by_variant[v].append(ident)
        words = k.split()
        if len(words) >= 2:
            by_last[(words[-1], len(words))].append(ident)
    pairs: set[tuple[int, int]] = set()
    for ids in by_variant.values():
        if len(ids) > 1:
            pairs.update((a, b) if a < b else (b, a) for a, b in combinations(set(ids), 2))
    for ids in by_last.values():
        initialled = [i for i in ids if any(len(w.rstrip(".")) == 1 for w in text[i].split()[:-1])]
        for a in initialled:
            for b in ids:
                if a != b and initials_fit(text[a], text[b]):
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(p for p in pairs if is_near(text[p[0]], text[p[1]]))


def findings(conn: sqlite3.Connection) -> list[Finding]:
    """Everything to settle, in a stable order (by kind, then by id)."""
    with snapshot(conn):
        return _ambiguous_wins(conn) + _near_clients(conn) + _without_company(conn) + _near_companies(conn)


def _clients(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Client]:
    wanted = sorted(set(ids))
    out: dict[int, Client] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(SELECT + f" WHERE c.id IN ({marks})", chunk):
            client = Client.from_row(row)
            out[client.id] = client
    return out


def _ambiguous_wins(conn: sqlite3.Connection) -> list[Finding]:
    rows = conn.execute(
        """SELECT id, title, client, date FROM wins
           WHERE company_id IS NULL AND client_id IS NULL AND trim(ifnull(client, '')) != '' ORDER BY id"""
    ).fetchall()
    out = []
    for wid, title, typed, day in rows:
        people = [Client.from_row(r) for r in conn.execute(SELECT + " WHERE c.key = ? ORDER BY c.id", (key(typed),))]
        if len(people) > 1:
            out.append(Finding("ambiguous-win", tuple(people), UnlinkedWin(wid, title, typed, day)))
    return out


def _near_clients(conn: sqlite3.Connection) -> list[Finding]:
    groups: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for cid, firm, k in conn.execute("SELECT id, ifnull(company_id, 0), key FROM clients"):
        groups[firm].append((cid, k))
    pairs = [p for group in groups.values() for p in near_pairs(group)]
    people = _clients(conn, (i for p in pairs for i in p))
    return [Finding("near-clients", (people[a], people[b])) for a, b in sorted(pairs)]


def _without_company(conn: sqlite3.Connection) -> list[Finding]:
    rows = conn.execute(
        """SELECT lone.id, other.id FROM clients lone JOIN clients other
             ON other.key = lone.key AND other.company_id IS NOT NULL
           WHERE lone.company_id IS NULL ORDER BY lone.id, other.id"""
    ).fetchall()
    people = _clients(conn, (i for r in rows for i in r))
    return [Finding("no-company", (people[a], people[b])) for a, b in rows]


def _near_companies(conn: sqlite3.Connection) -> list[Finding]:
    firms = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, key FROM companies")}
    out = []
    for a, b in near_pairs((i, k) for i, (_n, k) in firms.items()):
        moving = conn.execute("SELECT count(*) FROM clients WHERE ifnull(company_id, 0) = ?", (b,)).fetchone()[0]
        out.append(Finding("near-companies", companies=(firms[a][0], firms[b][0]), moving=moving))
    return out
