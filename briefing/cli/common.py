"""What every command shares: finding and opening the database."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import click

from briefing.cli.speaking import SpeakingPath
from briefing.errors import BadInput
from briefing.i18n import N_, _
from briefing.paths import resolve_db_path

DB_HELP = N_("Database file (default: $BRIEFING_DB, else your user data folder).")
LANG_HELP = N_("Language: en or fr (default: $BRIEFING_LANG, else the team's setting, else the system's).")


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--db`` to a command and hand it an open connection as ``conn``
    (the file is created if it does not exist yet, except by a ``--dry-run``,
    which writes nothing: a mistyped path is said, not made).

    ``--db`` is accepted both before the sub-command (``briefing --db x.db
    team list``) and after it; the one nearest the command wins.
    """
    return _with_db(func, create=True)


def reads_db(func: Callable[..., Any]) -> Callable[..., Any]:
    """:func:`db_option` for a command that only reads: a mistyped path is
    said to hold no database, instead of quietly becoming an empty one."""
    return _with_db(func, create=False)


def _with_db(func: Callable[..., Any], *, create: bool) -> Callable[..., Any]:
    @click.option("--db", "db_path", type=SpeakingPath(dir_okay=True), default=None, help=DB_HELP)
    @functools.wraps(func)
    def wrapper(*args: Any, db_path: str | None = None, **kwargs: Any) -> Any:
        from briefing.db import opened
        from briefing.errors import NoMeeting, NotFound

        path = chosen_db_path(db_path)
        with opened(path, create=create and not kwargs.get("dry_run", False)) as conn:
            speak_the_teams_language(conn, bool(kwargs.get("as_json")))
            try:
                return func(conn, *args, **kwargs)
            except (NoMeeting, NotFound) as exc:
                # "No briefing is running" is often the wrong file, not the
                # wrong moment: say which file was looked in (words.one_line).
                exc.database = os.path.abspath(path)  # type: ignore[attr-defined]
                raise

    return wrapper


def speak_the_teams_language(conn: Any, as_json: bool) -> None:
    """The team's setting, now that its database is open (the root chose
    from --lang, the environment and the system before). ``--json`` is an
    interface scripts read: its values (reasons, titles of a new team's
    agenda) stay English whatever the language."""
    from briefing import i18n
    from briefing.team_settings import team_language

    if as_json:
        i18n.use(i18n.DEFAULT)
        return
    ctx = click.get_current_context(silent=True)
    flag = ctx.find_root().params.get("lang") if ctx else None
    i18n.decide(flag, team_language(conn))


def chosen_db_path(db_path: str | None = None) -> Path:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("db_path") if ctx else None
    for given in (db_path, root):
        if given is not None and not given.strip():
            raise BadInput("database", _("the path given with --db is empty"))
    return resolve_db_path(db_path or root)


#: SQLite's largest integer: a larger "id" can name no row, and would not fit.
MAX_INTEGER = 2**63 - 1


class WholeNumber(click.ParamType):
    """A whole number from 1 to SQLite's largest: an id, or a count."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not text.isascii() or not text.isdigit():
                self.fail(_("{value} is not a whole number").format(value=repr(value)), param, ctx)
            number = int(text[:20])  # 20 digits already exceed the range: never parse a huge string
            if len(text) > 19:
                number = MAX_INTEGER + 1
        if not 1 <= number <= MAX_INTEGER:
            self.fail(
                _("{value} is out of range (1 to {largest})").format(value=value, largest=MAX_INTEGER), param, ctx
            )
        return number


RECORD_ID = WholeNumber()


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON array instead of a table."))(func)


#: Standard input for a quote: the longest valid one (2,000 characters of
#: up to 4 bytes) with room for the blank lines around it; beyond is refused.
STDIN_LIMIT = 16 * 1024


def read_bounded(stream: BinaryIO, limit: int, field: str, what: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; more is refused, never read
    (``/dev/zero`` or a runaway pipe must not fill the memory)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise BadInput(
            field,
            _("{what} is larger than {size} KiB, far more than it can hold").format(what=what, size=limit // 1024),
        )
    return data


def read_text_arg(value: str, field: str = "text") -> str:
    """``-`` means: read the text from standard input (multi-line quotes)."""
    if value != "-":
        return value
    import sys

    data = read_bounded(sys.stdin.buffer, STDIN_LIMIT, field, _("the text on standard input"))
    return data.decode("utf-8", "surrogateescape")
