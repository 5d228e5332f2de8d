"""``briefing settings``: the team's settings by name (today: its language)."""

from __future__ import annotations

import sqlite3

import click

from briefing import team_settings
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write


@click.group()
def settings() -> None:
    """The team's settings, shared by the app and every collaborator's commands."""


@settings.command()
@json_option
@reads_db
def show(conn: sqlite3.Connection, as_json: bool) -> None:
    """Each setting, its value, and what it is for (unset: the default applies)."""
    stored = team_settings.shown(conn)
    rows = [
        {"key": name, "value": value, "default": key.default, "help": key.help}
        for name, key in team_settings.KEYS.items()
        for value in (stored[name],)
    ]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["shown"] = r["value"] if r["value"] is not None else f"(not set: {r['default']})"
    emit_table(rows, [("key", "KEY"), ("shown", "VALUE"), ("help", "WHAT FOR")], empty="No setting.")


@settings.command("set")
@click.argument("key")
@click.argument("value")
@db_option
def set_(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set KEY to VALUE for the whole team (e.g. ``briefing settings set lang fr``)."""
    stored = team_settings.put(conn, key, value)
    write(f"{key} = {stored}")
