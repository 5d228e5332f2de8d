"""``briefing doctor``, ``backup`` and ``restore``: looking after the file
that holds the team's memory."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.common import DB_HELP, chosen_db_path
from briefing.cli.output import write
from briefing.errors import BadInput

_DB = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)


def _existing(db_path: str | None) -> Path:
    path = chosen_db_path(db_path)
    if not path.is_file():
        raise BadInput("database", f"there is no database at {path}")
    return path


@click.command()
@click.option("--recover", is_flag=True, help="Copy what the file still holds into a new file beside it.")
@click.option("--to", "target", type=click.Path(dir_okay=False), help="Where --recover writes (a new file).")
@_DB
def doctor(recover: bool, target: str | None, db_path: str | None) -> None:
    """Check the database file; with --recover, rescue what a damaged one holds.

    The file itself is never changed: the check reads it, and the recovery
    writes a new file, which 'briefing restore' then puts in place.
    """
    from briefing import doctor as core

    path = _existing(db_path)
    if not recover:
        checkup = core.check(path)
        if checkup.ok:
            write(f"{path}: sound (SQLite's integrity check found nothing wrong)")
            return
        write(f"{path}: damaged")
        for problem in checkup.problems:
            write(f"  {problem}")
        write(f"Rescue what it holds into a new file: briefing doctor --recover --db {path}")
        raise SystemExit(1)
    if target is not None and Path(target).exists():
        raise BadInput("to", f"{target} already exists; choose a new file name")
    rescued = core.recover(path, Path(target) if target else None)
    write(f"Recovered into {rescued.target}:")
    for table, count in rescued.rows.items():
        write(f"  {table:<20} {count:>8} rows")
    if rescued.checkup is not None and not rescued.checkup.ok:
        write(f"The recovered file is not sound either: {rescued.checkup.problems[0]}")
        raise SystemExit(1)
    write(f"Put it in place (the damaged file is kept aside): briefing restore {rescued.target} --db {path}")


@click.command()
@click.option("--to", "target", type=click.Path(dir_okay=False), help="The copy's file [default: in backups/].")
@_DB
def backup(target: str | None, db_path: str | None) -> None:
    """Copy the database now (consistent, even while the app runs)."""
    from briefing import backups
    from briefing.db import opened
    from briefing.timeutil import utc_now

    path = _existing(db_path)
    where = Path(target) if target else backups.folder(path) / f"{path.stem}-{utc_now():%Y%m%d-%H%M%S}.db"
    with opened(path, create=False) as conn:
        backups.backup(conn, where)
    write(str(where))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@_DB
def restore(file: str, yes: bool, db_path: str | None) -> None:
    """Put FILE (a backup, or a recovered copy) in place of the database.

    The file it replaces is kept beside it. Close the app first: it would
    go on showing the old file until it notices.
    """
    from briefing import backups

    path = chosen_db_path(db_path)
    if not yes:
        click.confirm(f"Replace {path} with {file}? The current file is kept beside it.", abort=True, err=True)
    aside = backups.restore(Path(file), path)
    kept = f"; the file it replaced is kept as {aside}" if aside.exists() else ""
    write(f"Restored {path} from {file}{kept}", err=True)
