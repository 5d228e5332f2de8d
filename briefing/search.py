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
