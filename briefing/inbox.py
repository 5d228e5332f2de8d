"""What the inbox shows for a search: the verbatims and wins that match.

One read for the screen, so the matching rules live in the core, testable
without a terminal, and the search reads the same way on both lists.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing import team, verbatims, wins
from briefing.records import Person, Verbatim, Win

__all__ = ["Found", "Query", "find"]


@dataclass(frozen=True)
class Query:
    """What the lead typed and chose: words, a verbatim status, a collaborator."""

    search: str = ""
    status: str = ""
    by: str = ""


@dataclass(frozen=True)
class Found:
    query: Query
    verbatims: tuple[Verbatim, ...]
    wins: tuple[Win, ...]
    #: The active team, for the "collected by" filter.
    team: tuple[Person, ...]


def find(conn: sqlite3.Connection, query: Query) -> Found:
    found = verbatims.list_verbatims(conn, search=query.search, status=query.status or None, by=query.by or None)
    won = [w for w in wins.list_wins(conn) if win_matches(w, query)]
    return Found(query, tuple(found), tuple(won), tuple(team.list_team(conn, include_inactive=False)))


def win_matches(win: Win, query: Query) -> bool:
    """Wins have no search index: they are few, and matched like the verbatims
    (every word, accents and case ignored, the last one as a prefix)."""
    fold = team.fold
    if query.by and fold(query.by) not in (fold(win.owner or ""), fold(win.presented_by or "")):
        return False
    haystack = fold(" ".join(x or "" for x in (win.title, win.client, win.story, win.owner)))
    return all(word in haystack for word in fold(query.search).split())
