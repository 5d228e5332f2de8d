"""Turning what a person types into a safe FTS5 query.

FTS5 has its own query language (``NEAR(``, ``"``, ``*``, ``-``, ``AND``),
and a stray quote raises a syntax error. People type words, so we keep only
the words, quote each one, and let the last one match as a prefix so that
search-as-you-type finds "réactivité" from "react". Accents and case are
handled by the index's tokenizer (see ``briefing.schema.FTS_TOKENIZE``).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression, or ``None`` when there is no word to look for."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
