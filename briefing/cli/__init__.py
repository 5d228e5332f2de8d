"""The ``briefing`` command line.

Collaborators feed the briefing from here before the meeting; the lead
opens the app by running ``briefing`` alone. Errors are one line on stderr:
exit 2 for input the user can fix, 1 for anything else, never a traceback.

Opening the app (``briefing``, or ``briefing --db FILE``) never loads the
command-line machinery (click, the sub-commands): the lead is waiting for
the clock on the wall. Everything else goes through :mod:`briefing.cli.root`.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    only_app = _only_the_app(args)
    if only_app is not None:
        _open_the_app(*only_app)
        sys.exit(0)
    from briefing.cli.root import run

    run(args)


#: The options that may come with opening the app, without click.
APP_OPTIONS = ("--db", "--lang")


def _only_the_app(args: list[str]) -> tuple[str | None, str | None] | None:
    """``(--db, --lang)`` when ``args`` only open the app, else None (click
    parses them, and says what is wrong: an unknown language, say)."""
    given: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name not in APP_OPTIONS or name in given:
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        given[name] = value
    lang = given.get("--lang")
    from briefing.i18n import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        return None
    return given.get("--db"), lang


def _open_the_app(db_flag: str | None, lang: str | None = None) -> None:
    from briefing import i18n
    from briefing.cli.output import write
    from briefing.errors import BadInput, BriefingError
    from briefing.i18n import _
    from briefing.paths import resolve_db_path

    i18n.decide(lang)  # a refusal before the app opens speaks it too (the app then adds the team's setting)
    try:
        if db_flag is not None and not db_flag.strip():
            raise BadInput("database", _("the path given with --db is empty"))
        from briefing.cli.app import open_app

        open_app(resolve_db_path(db_flag), lang)
    except BriefingError as exc:
        from briefing.cli.words import one_line

        write(f"briefing: {one_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        write("briefing: " + _("interrupted"), err=True)
        sys.exit(130)
