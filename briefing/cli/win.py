"""``briefing win``: client wins, and whose they are."""

from __future__ import annotations

import sqlite3

import click

from briefing import wins as core
from briefing.cli import jsonout
from briefing.cli.common import RECORD_ID, db_option, json_option, reads_db
from briefing.cli.importer import import_command
from briefing.cli.output import emit_listing, write
from briefing.cli.speaking import group
from briefing.cli.words import labels
from briefing.i18n import N_, _
from briefing.kinds import WinStatus


@group(help=N_("Client wins: a deal, a saved account, a problem solved."))
def win() -> None:
    pass


@win.command("add", help=N_("Add a client win and print its id."))
@click.argument("title")
@click.option(
    "--by", "owner", required=True, metavar="COLLABORATOR", help=N_("Whose win it is (the credit goes there).")
)
@click.option("--client", help=N_("The client or company."))
@click.option("--story", help=N_("How it happened, in a sentence or two."))
@click.option("--date", metavar="YYYY-MM-DD", help=N_("When it happened [default: today]."))
@click.option("--new-client", is_flag=True, help=N_("The client is new, though the name is near a known one's."))
@db_option
def add(conn: sqlite3.Connection, title: str, owner: str, client, story, date, new_client: bool) -> None:
    fields = {"title": title, "owner": owner, "client": client, "story": story, "date": date}
    write(str(core.add(conn, fields, new_client=new_client)))


@win.command("edit", help=N_("Change a client win: only the options given change."))
@click.argument("win_id", metavar="ID", type=RECORD_ID)
@click.option("--title", help=N_("What was won, in a line."))
@click.option("--by", "owner", metavar="COLLABORATOR", help=N_("Move the credit to this active team member."))
@click.option("--client", help=N_("The client or company. '' removes it."))
@click.option("--story", help=N_("How it happened. '' removes it."))
@click.option("--date", metavar="YYYY-MM-DD", help=N_("When it happened."))
@db_option
@labels(title="--title")
def edit(conn: sqlite3.Connection, win_id: int, title, owner, client, story, date) -> None:
    fields = {"title": title, "owner": owner, "client": client, "story": story, "date": date}
    changed = core.edit(conn, win_id, fields)
    write(_("Win {id} updated").format(id=changed.id), err=True)


@win.command("list", help=N_("List client wins, newest first."))
@click.option("--status", type=click.Choice([s.value for s in WinStatus]), help=N_("Only this status [default: all]."))
@json_option
@reads_db
def list_(conn: sqlite3.Connection, status, as_json: bool) -> None:
    rows = [jsonout.win(w) for w in core.list_wins(conn, status=status)]
    emit_listing(
        rows,
        [
            ("id", N_("ID")),
            ("date", N_("DATE")),
            ("status", N_("STATUS")),
            ("owner", N_("WON BY")),
            ("client", N_("CLIENT")),
            ("title", N_("WIN")),
        ],
        as_json=as_json,
        empty=_("No wins yet: briefing win add --help"),
    )


import_command(win, "wins", "briefing win import export.json --dry-run")
