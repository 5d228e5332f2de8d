"""``briefing doctor``, ``backup`` and ``restore``: looking after the file
that holds the team's memory."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.ask import confirm
from briefing.cli.common import DB_HELP, chosen_db_path, speak_the_teams_language
from briefing.cli.output import write
from briefing.cli.speaking import SpeakingPath, command
from briefing.errors import BadInput
from briefing.i18n import N_, _, ngettext

_DB = click.option("--db", "db_path", type=SpeakingPath(dir_okay=False), default=None, help=DB_HELP)


def _existing(db_path: str | None) -> Path:
    path = chosen_db_path(db_path)
    if not path.is_file():
        raise BadInput("database", _("there is no database at {path}").format(path=path))
    return path


@command(
    help=N_("""Check the database file; with --recover, rescue what a damaged one holds.

    The file itself is never changed: the check reads it, and the recovery
    writes a new file, which 'briefing restore' then puts in place.
    """)
)
@click.option("--recover", is_flag=True, help=N_("Copy what the file still holds into a new file beside it."))
@click.option("--to", "target", type=SpeakingPath(dir_okay=False), help=N_("Where --recover writes (a new file)."))
@_DB
def doctor(recover: bool, target: str | None, db_path: str | None) -> None:
    from briefing import doctor as core

    path = _existing(db_path)
    if not recover:
        checkup = core.check(path)
        if checkup.ok:
            write(_("{path}: sound (SQLite's integrity check found nothing wrong)").format(path=path))
            return
        write(_("{path}: damaged").format(path=path))
        for problem in checkup.problems:
            write(f"  {problem}")
        write(_("Rescue what it holds into a new file: briefing doctor --recover --db {path}").format(path=path))
        raise SystemExit(1)
    if target is not None and Path(target).exists():
        raise BadInput("to", _("{path} already exists; choose a new file name").format(path=target))
    rescued = core.recover(path, Path(target) if target else None)
    write(_("Recovered into {path}:").format(path=rescued.target))
    for table, count in rescued.rows.items():
        write(f"  {table:<20} {count:>8} " + ngettext("row", "rows", count))
    if rescued.checkup is not None and not rescued.checkup.ok:
        write(_("The recovered file is not sound either: {problem}").format(problem=rescued.checkup.problems[0]))
        raise SystemExit(1)
    write(
        _("Put it in place (the damaged file is kept aside): briefing restore {copy} --db {path}").format(
            copy=rescued.target, path=path
        )
    )


@command(help=N_("Copy the database now (consistent, even while the app runs)."))
@click.option("--to", "target", type=SpeakingPath(dir_okay=False), help=N_("The copy's file [default: in backups/]."))
@_DB
def backup(target: str | None, db_path: str | None) -> None:
    from briefing import backups
    from briefing.db import opened
    from briefing.timeutil import utc_now

    path = _existing(db_path)
    where = Path(target) if target else backups.folder(path) / f"{path.stem}-{utc_now():%Y%m%d-%H%M%S}.db"
    with opened(path, create=False) as conn:
        speak_the_teams_language(conn, as_json=False)
        backups.backup(conn, where)
    write(str(where))


@command(
    help=N_("""Put FILE (a backup, or a recovered copy) in place of the database.

    The file it replaces is kept beside it. Close the app first: it would
    go on showing the old file until it notices.
    """)
)
@click.argument("file", type=SpeakingPath(dir_okay=False))
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask for confirmation."))
@_DB
def restore(file: str, yes: bool, db_path: str | None) -> None:
    from briefing import backups

    path = chosen_db_path(db_path)
    _speak_the_language_of(path)
    if not yes:
        confirm(_("Replace {path} with {file}? The current file is kept beside it.").format(path=path, file=file))
    aside = backups.restore(Path(file), path)
    if aside.exists():
        said = _("Restored {path} from {file}; the file it replaced is kept as {aside}")
    else:
        said = _("Restored {path} from {file}")
    write(said.format(path=path, file=file, aside=aside), err=True)


def _speak_the_language_of(path: Path) -> None:
    """The team's language, if the file being replaced still opens: restore
    is often run on a damaged one, so failing to read it is no failure."""
    from briefing.db import opened

    if not path.is_file():
        return
    try:
        with opened(path, create=False) as conn:
            speak_the_teams_language(conn, as_json=False)
    except Exception:  # noqa: BLE001 - the language is a courtesy; the restore goes on
        return
