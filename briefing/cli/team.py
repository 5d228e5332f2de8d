"""``briefing team``: who is in the team, and who leads it."""

from __future__ import annotations

import sqlite3

import click

from briefing import team as core
from briefing.cli import jsonout
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.cli.speaking import group
from briefing.i18n import N_, _

#: A role as the table shows it (the stored value stays in --json).
ROLES = {"lead": N_("lead"), "member": N_("member")}


@group(help=N_("Manage the collaborators and the lead."))
def team() -> None:
    pass


@team.command("add", help=N_("Add NAME to the team (or bring back someone who left)."))
@click.argument("name")
@click.option("--lead", is_flag=True, help=N_("This person leads the briefing (kept out of the rotation)."))
@db_option
def add(conn: sqlite3.Connection, name: str, lead: bool) -> None:
    person, reactivated = core.add(conn, name, lead=lead)
    if reactivated:
        said = _("Welcome back: {name} (lead)") if person.is_lead else _("Welcome back: {name}")
    else:
        said = _("Added: {name} (lead)") if person.is_lead else _("Added: {name}")
    write(said.format(name=person.name), err=True)


@team.command("list", help=N_("List everyone, including people who left (marked as inactive)."))
@json_option
@reads_db
def list_(conn: sqlite3.Connection, as_json: bool) -> None:
    rows = [jsonout.person(p) for p in core.list_team(conn)]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["status"] = _("active") if r["active"] else _("left")
        r["role"] = _(ROLES[r["role"]]) if r["role"] in ROLES else r["role"]
    emit_table(
        rows,
        [
            ("id", N_("ID")),
            ("name", N_("NAME")),
            ("role", N_("ROLE")),
            ("status", N_("STATUS")),
            ("joined_on", N_("JOINED")),
        ],
        empty=_("Nobody in the team yet. Add someone: briefing team add NAME"),
    )


@team.command("remove", help=N_("Take NAME out of the team: they leave the rotation, their history stays."))
@click.argument("name")
@db_option
def remove(conn: sqlite3.Connection, name: str) -> None:
    person = core.remove(conn, name)
    write(
        _("{name} has left the team (history kept; 'briefing team add' brings them back)").format(name=person.name),
        err=True,
    )


@team.command("rename", help=N_("Rename OLD to NEW everywhere (verbatims and wins follow)."))
@click.argument("old")
@click.argument("new")
@db_option
def rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    person = core.rename(conn, old, new)
    write(_("Renamed to {name}").format(name=person.name), err=True)
