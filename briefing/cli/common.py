"""What every command shares: finding and opening the database."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from briefing.paths import resolve_db_path

DB_HELP = "Database file (default: $BRIEFING_DB, else your user data folder)."


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--db`` to a command and hand it an open connection as ``conn``.

    ``--db`` is accepted both before the sub-command (``briefing --db x.db
    team list``) and after it; the one nearest the command wins.
    """

    @click.option("--db", "db_path", type=click.Path(dir_okay=True), default=None, help=DB_HELP)
    @functools.wraps(func)
    def wrapper(*args: Any, db_path: str | None = None, **kwargs: Any) -> Any:
        from briefing.db import opened

        with opened(chosen_db_path(db_path)) as conn:
            return func(conn, *args, **kwargs)

    return wrapper


def chosen_db_path(db_path: str | None = None):
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("db_path") if ctx else None
    return resolve_db_path(db_path or root)


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")(func)


def read_text_arg(value: str) -> str:
    """``-`` means: read the text from standard input (multi-line quotes)."""
    if value != "-":
        return value
    import sys

    return sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
