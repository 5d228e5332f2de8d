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
    opens_app, db_flag = _only_the_app(args)
    if opens_app:
        _open_the_app(db_flag)
        sys.exit(0)
    from briefing.cli.root import run

    run(args)


def _only_the_app(args: list[str]) -> tuple[bool, str | None]:
    """Whether ``args`` only open the app, and the ``--db`` they name."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db":
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db="):
        return True, args[0].removeprefix("--db=")
    return False, None


def _open_the_app(db_flag: str | None) -> None:
    from briefing.cli.output import write
    from briefing.errors import BadInput, BriefingError
    from briefing.paths import resolve_db_path

    try:
        if db_flag is not None and not db_flag.strip():
            raise BadInput("database", "the path given with --db is empty")
        from briefing.cli.app import open_app

        open_app(resolve_db_path(db_flag))
    except BriefingError as exc:
        from briefing.cli.words import one_line

        write(f"briefing: {one_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        write("briefing: interrupted", err=True)
        sys.exit(130)
