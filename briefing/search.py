"""Turning what a person types into a safe FTS5 query.

FTS5 has its own query language (``NEAR(``, ``"``, ``*``, ``-``, ``AND``),
and a stray quote raises a syntax error. People type words, so we keep only
the words, quote each one, and let the last one match as a prefix so that
search-as-you-type finds "réactivité" from "react". Accents and case are
handled by the index's tokenizer (see ``briefing.schema.FTS_TOKENIZE``).
"""

from __future__ import annotations

import re
import sqlite3

_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression, or ``None`` when there is no word to look for."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


#: A search shown a page at a time ranks the most recent matches this many
#: deep: relevance is worked out for a window, not for every match in the
#: years (a common word matches a tenth of the history).
RANK_WINDOW = 2000


def rank_floor(conn: sqlite3.Connection, index: str, query: str, wanted: int | None) -> int | None:
    """The rowid below which matches are left unranked, when only the first
    ``wanted`` results are asked for and more than :data:`RANK_WINDOW` match;
    None: rank every match (few of them, or all results asked for)."""
    if wanted is None or wanted > RANK_WINDOW:
        return None
    row = conn.execute(
        f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (query, RANK_WINDOW),
    ).fetchone()
    return row[0] if row else None


class Search:
    """What a search adds to a listing's query: the index joined as ``f``,
    its MATCH (and, for a page, the window of recent matches it ranks),
    and best match first. ``Search.of`` is None when nothing is searched;
    ``no_match`` is true when the text holds no word (so nothing matches)."""

    def __init__(self, join: str, where: list[str], params: list[object], order: str, no_match: bool = False) -> None:
        self.join, self.where, self.params, self.order, self.no_match = join, where, params, order, no_match

    @classmethod
    def of(
        cls, conn: sqlite3.Connection, text: str | None, index: str, alias: str, limit: int | None, offset: int
    ) -> Search | None:
        if text is None or not text.strip():
            return None
        query = fts_query(text)
        if query is None:
            return cls("", [], [], "", no_match=True)
        where, params = [f"{index} MATCH ?"], [query]
        floor = rank_floor(conn, index, query, None if limit is None else offset + limit)
        if floor is not None:  # a page of a common word: the most recent matches, ranked
            where.append("f.rowid > ?")
            params.append(floor)
        order = f"f.rank, {alias}.date DESC, {alias}.id DESC"
        return cls(f" JOIN {index} f ON f.rowid = {alias}.id", where, params, order)
