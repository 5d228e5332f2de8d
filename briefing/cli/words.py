"""The command line's own words for the core's fields and refusals.

The core names what is at fault by its model field (``collected_by``) and
says what is wrong; here each field becomes what the user typed (``--by``)
and a refusal gets the shell command that gets the user out of it.

The flags stay as typed (``--by``, ``TEXT``: they are the command's own
syntax, in every language); the hints and the glue around them are
translated when the line is written.
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
from briefing.i18n import N_, _

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
    NoMeeting: N_("start one with 'briefing meeting start'"),
    LastSegment: N_("finish the briefing with 'briefing meeting finish'"),
    AlreadyHadOneToday: N_("start another with --again"),
    UnknownPerson: N_("see 'briefing team list'"),
    NothingToChange: N_("give at least one option (see --help)"),
    AgendaUnreadable: N_("'briefing agenda reset' restores the default"),
    DatabaseDamaged: N_("'briefing doctor' checks it and rescues what it holds"),
    NearClient: N_("use that name, or add --new-client if this is someone new"),
    ClientExists: N_("two records of one person are joined with 'briefing client merge KEEP OTHER'"),
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
        text = _("{label}: {problem}").format(label=label, problem=exc.problem) if label else exc.problem
    else:
        text = str(exc)
    database = getattr(exc, "database", None)
    if database:
        if isinstance(exc, NoMeeting):
            text = _("{refusal} in {database}").format(refusal=text, database=database)
        else:
            text = _("{refusal} (looked in {database})").format(refusal=text, database=database)
    hint = next((hint for kind, hint in HINTS.items() if isinstance(exc, kind)), None)
    return _("{refusal}; {hint}").format(refusal=text, hint=_(hint)) if hint else text


def database_failure(exc: Exception) -> str:
    """SQLite's refusals in words: what happened to the command, and what to do."""
    import sqlite3

    from briefing.db import is_busy

    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if is_busy(exc):
        return _("the database is busy (another program is writing to it); nothing was changed, try again")
    if code == sqlite3.SQLITE_FULL:
        return _("the disk is full; nothing was changed (free some space, then try again)")
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR):
        return _("the database file cannot be written ({error}); nothing was changed").format(error=exc)
    return _("database error: {error}").format(error=exc)
