"""``briefing demo``: try the app on a realistic team, never on real data."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import click

from briefing.cli.ask import confirm
from briefing.cli.output import write
from briefing.cli.speaking import SpeakingPath, command
from briefing.i18n import N_, _


def colleague_line(path: Path) -> str:
    """The one line another shell runs to reach this briefing. Printed before
    the app opens (its screen goes, the terminal keeps the line): the demo's
    file sits in a folder nobody would guess, and without it a second
    terminal meets "no briefing is running" in its own default file."""
    return f"BRIEFING_DB={shlex.quote(os.path.abspath(path))} briefing meeting next"


@command(
    help=N_("""Open the app on a demo team (3 weeks of verbatims, wins and metrics).

    The demo lives in its own database file, rebuilt fresh on each run with
    dates relative to today. Your real database is never touched unless you
    name it with --db.
    """)
)
@click.option(
    "--db",
    "db_path",
    type=SpeakingPath(dir_okay=True),
    default=None,
    help=N_("Build the demo here instead of its own file (asks first if the file holds data)."),
)
@click.option(
    "--yes", "-y", is_flag=True, help=N_("Replace a file that holds data (or a demo used since) without asking.")
)
@click.option("--no-open", is_flag=True, help=N_("Build the demo database but do not open the app."))
@click.pass_context
def demo(ctx: click.Context, db_path: str | None, yes: bool, no_open: bool) -> None:
    from briefing import demo as core
    from briefing.cli.common import chosen_db_path
    from briefing.db import check_path, is_sqlite
    from briefing.errors import BadInput
    from briefing.paths import demo_db_path

    named = db_path is not None or ctx.find_root().params.get("db_path") is not None
    path = chosen_db_path(db_path) if named else demo_db_path()
    check_path(path)
    if core.holds_data(path) and not is_sqlite(path):
        raise BadInput("database", _("{path} is not a SQLite database; the demo will not replace it").format(path=path))
    state = core.demo_state(path)
    if core.holds_data(path) and state != "built" and not yes:
        if state == "changed":
            question = _("{path} was changed since the demo was built. Replace it all with the demo team?")
        else:
            question = _("{path} already holds data. Replace it all with the demo team?")
        confirm(question.format(path=path))
    counts = core.build(path)
    write(
        _("Demo ready in {path}: {team} people, {verbatims} verbatims, {wins} wins, {metrics} metric values").format(
            path=path,
            team=counts["team"],
            verbatims=counts["verbatims"],
            wins=counts["wins"],
            metrics=counts["metrics"],
        ),
        err=True,
    )
    write(_("A colleague's terminal drives the same briefing with:"), err=True)
    write(colleague_line(path), err=True)
    if not no_open:
        from briefing.cli.app import open_app

        open_app(path, ctx.find_root().params.get("lang"))
