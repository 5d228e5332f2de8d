"""The command line's own words for the core's fields and refusals.

The core names what is at fault by its model field (``collected_by``) and
says what is wrong; here each field becomes what the user typed (``--by``)
and a refusal gets the shell command that gets the user out of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from briefing.errors import (
    AgendaUnreadable,
    AlreadyHadOneToday,
    BadInput,
    BriefingError,
    ClientExists,
    DatabaseDamaged,
    LastSegment,
    NearClient,
    NoMeeting,
    NothingToChange,
    UnknownPerson,
)

#: A field's flag or argument, the same in every command that takes it.
FLAGS = {
    "text": "TEXT",
    "title": "TITLE",
    "name": "NAME",
    "value": "VALUE",
    "old": "OLD",
    "new": "NEW",
    "id": "ID",
    "status": "STATUS",
    "agenda": "FILE",
    "client": "--client",
    "company": "--company",
    "channel": "--channel",
    "sentiment": "--sentiment",
    "collected_by": "--by",
    "owner": "--by",
    "story": "--story",
    "date": "--date",
    "target": "--target",
    "unit": "--unit",
    "limit": "--limit",
    "absent": "--absent",
    "off": "--off",
    "to": "--to",
    "file": "FILE",
    "start": "--from",
    "end": "--to",
    "which": "DATE|ID",
    "by": "--by",
    "outcome": "--outcome",
    "quiet_days": "DAYS",
    "phone": "--phone",
    "email": "--email",
    "notes": "--notes",
    "keep": "KEEP",
    "other": "OTHER",
}

#: The way out of a refusal, from the shell.
HINTS: dict[type[BriefingError], str] = {
    NoMeeting: "start one with 'briefing meeting start'",
    LastSegment: "finish the briefing with 'briefing meeting finish'",
    AlreadyHadOneToday: "start another with --again",
    UnknownPerson: "see 'briefing team list'",
    NothingToChange: "give at least one option (see --help)",
    AgendaUnreadable: "'briefing agenda reset' restores the default",
    DatabaseDamaged: "'briefing doctor' checks it and rescues what it holds",
    NearClient: "use that name, or add --new-client if this is someone new",
    ClientExists: "two records of one person are joined with 'briefing client merge KEEP OTHER'",
}

F = TypeVar("F", bound=Callable[..., Any])


def labels(**overrides: str) -> Callable[[F], F]:
    """For a command whose flag for a field differs from :data:`FLAGS`
    (``win edit`` takes the title as ``--title``, not as an argument)."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except BadInput as exc:
                if exc.field in overrides:
                    exc.label = overrides[exc.field]  # type: ignore[attr-defined]
                raise

        return wrapper  # type: ignore[return-value]

    return decorate


def one_line(exc: BriefingError) -> str:
    """The refusal as the user reads it: ``--by: nobody named 'x' in the
    team (looked in /path/briefing.db); see 'briefing team list'``. A
    refusal that something does not exist names the database file the
    command looked in (set by ``common.db_option``): the usual cause is
    another file (``BRIEFING_DB``, ``--db``), not a missing record."""
    if isinstance(exc, BadInput):
        label = getattr(exc, "label", None) or FLAGS.get(exc.field or "", exc.field)
        text = f"{label}: {exc.problem}" if label else exc.problem
    else:
        text = str(exc)
    database = getattr(exc, "database", None)
    if database:
        text += f" in {database}" if isinstance(exc, NoMeeting) else f" (looked in {database})"
    hint = next((hint for kind, hint in HINTS.items() if isinstance(exc, kind)), None)
    return f"{text}; {hint}" if hint else text


def database_failure(exc: Exception) -> str:
    """SQLite's refusals in words: what happened to the command, and what to do."""
    import sqlite3

    from briefing.db import is_busy

    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if is_busy(exc):
        return "the database is busy (another program is writing to it); nothing was changed, try again"
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full; nothing was changed (free some space, then try again)"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR):
        return f"the database file cannot be written ({exc}); nothing was changed"
    return f"database error: {exc}"
