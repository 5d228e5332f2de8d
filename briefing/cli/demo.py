"""``briefing demo``: try the app on a realistic team, never on real data."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import click

from briefing.cli.output import write


def colleague_line(path: Path) -> str:
    """The one line another shell runs to reach this briefing. Printed before
    the app opens (its screen goes, the terminal keeps the line): the demo's
    file sits in a folder nobody would guess, and without it a second
    terminal meets "no briefing is running" in its own default file."""
    return f"BRIEFING_DB={shlex.quote(os.path.abspath(path))} briefing meeting next"


@click.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=True),
    default=None,
    help="Build the demo here instead of its own file (asks first if the file holds data).",
)
@click.option("--yes", "-y", is_flag=True, help="Replace a file that holds data (or a demo used since) without asking.")
@click.option("--no-open", is_flag=True, help="Build the demo database but do not open the app.")
@click.pass_context
def demo(ctx: click.Context, db_path: str | None, yes: bool, no_open: bool) -> None:
    """Open the app on a demo team (3 weeks of verbatims, wins and metrics).

    The demo lives in its own database file, rebuilt fresh on each run with
    dates relative to today. Your real database is never touched unless you
    name it with --db.
    """
    from briefing import demo as core
    from briefing.cli.common import chosen_db_path
    from briefing.db import check_path, is_sqlite
    from briefing.errors import BadInput
    from briefing.paths import demo_db_path

    named = db_path is not None or ctx.find_root().params.get("db_path") is not None
    path = chosen_db_path(db_path) if named else demo_db_path()
    check_path(path)
    if core.holds_data(path) and not is_sqlite(path):
        raise BadInput("database", f"{path} is not a SQLite database; the demo will not replace it")
    state = core.demo_state(path)
    if core.holds_data(path) and state != "built" and not yes:
        what = "was changed since the demo was built" if state == "changed" else "already holds data"
        click.confirm(f"{path} {what}. Replace it all with the demo team?", abort=True, err=True)
    counts = core.build(path)
    write(
        f"Demo ready in {path}: {counts['team']} people, {counts['verbatims']} verbatims, "
        f"{counts['wins']} wins, {counts['metrics']} metric values",
        err=True,
    )
    write("A colleague's terminal drives the same briefing with:", err=True)
    write(colleague_line(path), err=True)
    if not no_open:
        from briefing.cli.app import open_app

        open_app(path, ctx.find_root().params.get("lang"))
