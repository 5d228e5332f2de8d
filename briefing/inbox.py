"""What the inbox shows for a search: the verbatims and wins that match.

One read for the screen, so the matching rules live in the core, testable
without a terminal, and the search reads the same way on both lists.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing import team, verbatims, wins
from briefing.db import snapshot
from briefing.records import Person, Verbatim, Win

__all__ = ["PAGE", "Found", "Page", "Query", "find", "page"]


@dataclass(frozen=True)
class Query:
    """What the lead typed and chose: words, a verbatim status, a collaborator."""

    search: str = ""
    status: str = ""
    by: str = ""


#: Rows a first look reads of each list (a projector shows about 50); more
#: come as the lead scrolls.
PAGE = 50


@dataclass(frozen=True)
class Page:
    rows: tuple[Verbatim | Win, ...]
    #: More rows match after these.
    more: bool


@dataclass(frozen=True)
class Found:
    query: Query
    verbatims: Page
    wins: Page
    #: The active team, for the "collected by" filter.
    team: tuple[Person, ...]


def find(conn: sqlite3.Connection, query: Query, *, verbatims_shown: int = PAGE, wins_shown: int = PAGE) -> Found:
    """The first rows of each list; as many as the screen already shows when
    it reads again (a colleague's addition), so its view does not shrink."""
    with snapshot(conn):
        return Found(
            query,
            page(conn, query, "verbatims", 0, max(verbatims_shown, PAGE)),
            page(conn, query, "wins", 0, max(wins_shown, PAGE)),
            tuple(team.list_team(conn, include_inactive=False)),
        )


def page(conn: sqlite3.Connection, query: Query, kind: str, offset: int, limit: int = PAGE) -> Page:
    """Rows ``offset`` to ``offset + limit`` of one list: a window, whatever
    the length of the history (one more row is read to know if more follow)."""
    if kind == "verbatims":
        rows = verbatims.list_verbatims(
            conn,
            search=query.search,
            status=query.status or None,
            by=query.by or None,
            limit=limit + 1,
            offset=offset,
        )
    else:
        rows = wins.list_wins(conn, search=query.search, by=query.by or None, limit=limit + 1, offset=offset)
    return Page(tuple(rows[:limit]), len(rows) > limit)
