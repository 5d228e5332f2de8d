"""``briefing win``: client wins, and whose they are."""

from __future__ import annotations

import sqlite3

import click

from briefing import wins as core
from briefing.cli import jsonout
from briefing.cli.common import RECORD_ID, db_option, json_option, reads_db
from briefing.cli.importer import import_command
from briefing.cli.output import emit_listing, write
from briefing.cli.words import labels
from briefing.kinds import WinStatus


@click.group()
def win() -> None:
    """Client wins: a deal, a saved account, a problem solved."""


@win.command("add")
@click.argument("title")
@click.option("--by", "owner", required=True, metavar="COLLABORATOR", help="Whose win it is (the credit goes there).")
@click.option("--client", help="The client or company.")
@click.option("--story", help="How it happened, in a sentence or two.")
@click.option("--date", metavar="YYYY-MM-DD", help="When it happened [default: today].")
@click.option("--new-client", is_flag=True, help="The client is new, though the name is near a known one's.")
@db_option
def add(conn: sqlite3.Connection, title: str, owner: str, client, story, date, new_client: bool) -> None:
    """Add a client win and print its id."""
    fields = {"title": title, "owner": owner, "client": client, "story": story, "date": date}
    write(str(core.add(conn, fields, new_client=new_client)))


@win.command("edit")
@click.argument("win_id", metavar="ID", type=RECORD_ID)
@click.option("--title", help="What was won, in a line.")
@click.option("--by", "owner", metavar="COLLABORATOR", help="Move the credit to this active team member.")
@click.option("--client", help="The client or company. '' removes it.")
@click.option("--story", help="How it happened. '' removes it.")
@click.option("--date", metavar="YYYY-MM-DD", help="When it happened.")
@db_option
@labels(title="--title")
def edit(conn: sqlite3.Connection, win_id: int, title, owner, client, story, date) -> None:
    """Change a client win: only the options given change."""
    fields = {"title": title, "owner": owner, "client": client, "story": story, "date": date}
    changed = core.edit(conn, win_id, fields)
    write(f"Win {changed.id} updated", err=True)


@win.command("list")
@click.option("--status", type=click.Choice([s.value for s in WinStatus]), help="Only this status [default: all].")
@json_option
@reads_db
def list_(conn: sqlite3.Connection, status, as_json: bool) -> None:
    """List client wins, newest first."""
    rows = [jsonout.win(w) for w in core.list_wins(conn, status=status)]
    emit_listing(
        rows,
        [
            ("id", "ID"),
            ("date", "DATE"),
            ("status", "STATUS"),
            ("owner", "WON BY"),
            ("client", "CLIENT"),
            ("title", "WIN"),
        ],
        as_json=as_json,
        empty="No wins yet: briefing win add --help",
    )


import_command(win, "wins", "briefing win import export.json --dry-run")
