"""When two client names are probably one person.

An exact match of the keys (accent- and case-blind, spaces collapsed) is
the same person and is linked without a word (:mod:`briefing.client_links`).
A *near* match is a question for a person: "Helene Rousel" next to
"Hélène Roussel" at the same company is likely a typo, "H. Roussel" an
initial; but "Léa Roux" and "Léo Roux" may be sisters. So near names are
offered (when a verbatim or a win is added) or listed (``client doctor``),
never merged.

The rule, on keys: every word the same but one, and that one a typo of
the other (one edit, two for words of eight letters or more, none for
words under four: "Léa" and "Léo" are two people); or the same words
with a space lost ("helene roussel", "heleneroussel"); or the same last
word with every other word equal or given as its initial.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from briefing.client_links import key

if TYPE_CHECKING:
    from briefing.clients import Client

__all__ = ["distance", "initials_fit", "is_near", "near_client", "near_for_win", "near_win_match"]

#: Words this long or longer may be two edits apart and still be near.
LONG = 8
#: Words shorter than this ("Léa", "Tom") are near nothing by edits: every
#: short name is one letter from another.
SHORT = 4


def distance(a: str, b: str, cap: int = 2) -> int:
    """Edit distance between ``a`` and ``b`` (a letter added, removed,
    changed, or two neighbours swapped), or ``cap + 1`` as soon as it is
    known to exceed ``cap`` (most pairs are far: stop early)."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > cap:
            return cap + 1
        before, previous = previous, current
    return min(previous[-1], cap + 1)


def _initial(word: str) -> str | None:
    bare = word.rstrip(".")
    return bare if len(bare) == 1 and bare.isalpha() else None


def initials_fit(a: str, b: str) -> bool:
    """ "h. roussel" and "helene roussel": same last word, and each other
    word the same or an initial of the other's (at least one initial)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1]:
        return False
    used = False
    for x, y in zip(wa[:-1], wb[:-1], strict=True):
        if x == y:
            continue
        ix, iy = _initial(x), _initial(y)
        if (ix and y.startswith(ix)) or (iy and x.startswith(iy)):
            used = True
            continue
        return False
    return used


def is_near(a: str, b: str) -> bool:
    """Two different keys that probably name one person (see the module)."""
    if not a or not b or a == b:
        return False
    if initials_fit(a, b):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return abs(len(wa) - len(wb)) == 1 and a.replace(" ", "") == b.replace(" ", "")
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    shortest = min(len(x), len(y))
    cap = 2 if shortest >= LONG else 1 if shortest >= SHORT else 0
    return cap > 0 and distance(x, y, cap) <= cap


def _first_near(name: str, candidates: list[tuple[int, str]]) -> int | None:
    k = key(name)
    for _id, other in candidates:
        if other == k:
            return None  # the same person: linked, not offered
    for client_id, other in candidates:
        if is_near(k, other):
            return client_id
    return None


def near_client(conn: sqlite3.Connection, name: str, company: str | None) -> Client | None:
    """An existing client at this company (or without one) whose name is
    near ``name`` but not the same; None when the name is known exactly or
    is nobody's near. Reads the company's clients down ``clients_identity``."""
    from briefing.clients import get

    firm_key = key(company)
    firm = conn.execute("SELECT id FROM companies WHERE key = ?", (firm_key,)).fetchone() if firm_key else None
    if firm_key and firm is None:
        return None  # a company never met: its people are new too
    rows = conn.execute(
        "SELECT id, key FROM clients WHERE ifnull(company_id, 0) = ? ORDER BY id", (firm[0] if firm else 0,)
    ).fetchall()
    found = _first_near(name, [(r[0], r[1]) for r in rows])
    return get(conn, found) if found is not None else None


def near_for_win(conn: sqlite3.Connection, name: str | None) -> str | None:
    """For a win's client as typed: the known company or client name it is
    near (a typo of "Altis Logistique"), or None when it is known exactly
    or new."""
    found = near_win_match(conn, name)
    return found[0] if found else None


def near_win_match(conn: sqlite3.Connection, name: str | None) -> tuple[str, str] | None:
    """:func:`near_for_win` with what to type to mean that one: (how it is
    named aloud, the name itself). Companies are few; people are looked at
    only among those whose name starts with the same letter (a range of
    ``clients_key``)."""
    k = key(name)
    if not k:
        return None
    if conn.execute("SELECT 1 FROM companies WHERE key = ?", (k,)).fetchone():
        return None
    if conn.execute("SELECT 1 FROM clients WHERE key = ? LIMIT 1", (k,)).fetchone():
        return None
    for firm_name, firm_key in conn.execute("SELECT name, key FROM companies ORDER BY id"):
        if is_near(k, firm_key):
            return firm_name, firm_name
    start = k[0]
    people = conn.execute(
        """SELECT c.name, c.key, f.name FROM clients c LEFT JOIN companies f ON f.id = c.company_id
           WHERE c.key >= ? AND c.key < ? ORDER BY c.key""",
        (start, start + "\U0010ffff"),
    )
    for person, person_key, firm in people:
        if is_near(k, person_key):
            return (f"{person} ({firm})" if firm else person), person
    return None


def refuse_near(conn: sqlite3.Connection, name: str, company: str | None) -> None:
    """:class:`NearClient` when ``name`` at ``company`` is near a known
    client without being them (adding a verbatim asks first)."""
    from briefing.errors import NearClient

    found = near_client(conn, name, company)
    if found is not None:
        raise NearClient("client", name, found.label, name=found.name, company=found.company)


def refuse_near_win(conn: sqlite3.Connection, name: str | None) -> None:
    """:class:`NearClient` when a win's client is near a known name."""
    from briefing.errors import NearClient

    found = near_win_match(conn, name)
    if found is not None:
        raise NearClient("client", name or "", found[0], name=found[1])
