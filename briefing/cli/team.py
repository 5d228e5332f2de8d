"""``briefing team``: who is in the team, and who leads it."""

from __future__ import annotations

import sqlite3

import click

from briefing import team as core
from briefing.cli import jsonout
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write


@click.group()
def team() -> None:
    """Manage the collaborators and the lead."""


@team.command("add")
@click.argument("name")
@click.option("--lead", is_flag=True, help="This person leads the briefing (kept out of the rotation).")
@db_option
def add(conn: sqlite3.Connection, name: str, lead: bool) -> None:
    """Add NAME to the team (or bring back someone who left)."""
    person, reactivated = core.add(conn, name, lead=lead)
    verb = "Welcome back" if reactivated else "Added"
    write(f"{verb}: {person.name}{' (lead)' if person.is_lead else ''}", err=True)


@team.command("list")
@json_option
@reads_db
def list_(conn: sqlite3.Connection, as_json: bool) -> None:
    """List everyone, including people who left (marked as inactive)."""
    rows = [jsonout.person(p) for p in core.list_team(conn)]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["status"] = "active" if r["active"] else "left"
    emit_table(
        rows,
        [("id", "ID"), ("name", "NAME"), ("role", "ROLE"), ("status", "STATUS"), ("joined_on", "JOINED")],
        empty="Nobody in the team yet. Add someone: briefing team add NAME",
    )


@team.command("remove")
@click.argument("name")
@db_option
def remove(conn: sqlite3.Connection, name: str) -> None:
    """Take NAME out of the team: they leave the rotation, their history stays."""
    person = core.remove(conn, name)
    write(f"{person.name} has left the team (history kept; 'briefing team add' brings them back)", err=True)


@team.command("rename")
@click.argument("old")
@click.argument("new")
@db_option
def rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Rename OLD to NEW everywhere (verbatims and wins follow)."""
    person = core.rename(conn, old, new)
    write(f"Renamed to {person.name}", err=True)
