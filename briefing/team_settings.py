"""The team's own settings that people change by name (``briefing settings``).

Stored in the ``settings`` table next to the agenda and the call's quiet
days, each under its key. Only the keys in :data:`KEYS` can be set, and each
value is checked before it is stored: a typo in ``briefing settings set``
is refused in one line, never kept to puzzle the next person.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from briefing import i18n
from briefing.db import write
from briefing.errors import BadInput
from briefing.i18n import N_, _

LANG = "lang"


def _language(value: str) -> str:
    code = value.strip().lower()
    if code not in i18n.LANGUAGES:
        problem = _("{value} is not a language the app speaks (one of: {choices})")
        raise BadInput(LANG, problem.format(value=repr(value), choices=", ".join(i18n.LANGUAGES)))
    return code


@dataclass(frozen=True)
class Key:
    name: str
    #: The value as stored, from what was typed; raises BadInput when refused.
    check: Callable[[str], str]
    #: What a reader of ``briefing settings show`` sees when nothing is stored.
    default: str
    #: What it is for (marked N_: translated where it is shown; --json: English).
    help: str


KEYS: dict[str, Key] = {
    LANG: Key(LANG, _language, i18n.DEFAULT, N_("the language the app speaks to the team")),
}


def known(name: str) -> Key:
    key = KEYS.get(name)
    if key is None:
        raise BadInput(
            "key", _("no setting named {name} (settable: {keys})").format(name=repr(name), keys=", ".join(KEYS))
        )
    return key


def get(conn: sqlite3.Connection, name: str) -> str | None:
    """The stored value of ``name``, None when the team never set it."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (known(name).name,)).fetchone()
    return row[0] if row else None


def put(conn: sqlite3.Connection, name: str, value: str) -> str:
    """Check and store; returns the value as stored."""
    checked = known(name).check(value)
    with write(conn):
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (name, checked))
    return checked


def shown(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Every settable key and its stored value (None: not set, the default applies)."""
    return {name: get(conn, name) for name in KEYS}


def team_language(conn: sqlite3.Connection) -> str | None:
    """The team's language as stored; a value edited by hand into nonsense
    counts as not set (the app opens, in the next choice)."""
    return i18n.language_code(get(conn, LANG))
