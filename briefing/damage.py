"""Knowing that a database file is damaged, and refusing to write to it.

A corrupt SQLite file can still accept writes into pages the damage did
not reach: an attack flipped 64 bytes in the middle of a file, every read
then failed, and ``verbatim add`` succeeded 21 times out of 21 into a file
nobody could list. So the first "malformed" error any front end meets
leaves a mark beside the file (``briefing.db.damaged``, saying what was
seen and when), and every write checks for the mark first: a stat, not an
integrity check, so it costs nothing on the hot path. ``briefing doctor``
checks the file for real, recovers what it holds into a new file, and
lifts the mark only when the file checks clean.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from briefing.errors import DatabaseDamaged
from briefing.i18n import _
from briefing.timeutil import utc_now_iso

__all__ = ["clear", "is_corrupt", "mark", "marker", "reason", "refuse_if_marked"]

_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def marker(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".damaged")


def is_corrupt(exc: BaseException) -> bool:
    """An error that says the file itself is damaged (not busy, not full)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in _CORRUPT) or "malformed" in str(exc)


def mark(path: str | os.PathLike[str], exc: BaseException) -> DatabaseDamaged:
    """Leave the mark (best effort: a read-only folder only loses the memory
    of it) and return the error to raise."""
    try:
        marker(path).write_text(f"{utc_now_iso()} {exc}\n", encoding="utf-8")
    except OSError:
        pass
    return _damaged(path, str(exc))


def reason(path: str | os.PathLike[str]) -> str | None:
    """What was seen when the file was marked, or None when it is not."""
    try:
        return marker(path).read_text(encoding="utf-8", errors="replace")[:500].strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return _("(the mark cannot be read: {reason})").format(reason=exc.strerror)


def refuse_if_marked(path: str | os.PathLike[str]) -> None:
    seen = reason(path)
    if seen is not None:
        raise _damaged(path, seen.partition(" ")[2] or seen)


def clear(path: str | os.PathLike[str]) -> None:
    marker(path).unlink(missing_ok=True)


def _damaged(path: str | os.PathLike[str], what: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        _("{path} is damaged ({problem}); nothing more is written to it").format(path=path, problem=what)
    )
