"""``briefing settings``: the team's settings by name (today: its language)."""

from __future__ import annotations

import sqlite3

import click

from briefing import team_settings
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_table, write
from briefing.cli.speaking import group
from briefing.i18n import N_, _

#: What each setting is for, as the table says it (``--json`` keeps the core's English).
HELP = {"lang": N_("the language the app speaks to the team")}


@group(help=N_("The team's settings, shared by the app and every collaborator's commands."))
def settings() -> None:
    pass


@settings.command(help=N_("Each setting, its value, and what it is for (unset: the default applies)."))
@json_option
@reads_db
def show(conn: sqlite3.Connection, as_json: bool) -> None:
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
        r["shown"] = r["value"] if r["value"] is not None else _("(not set: {default})").format(default=r["default"])
        r["help"] = _(HELP[r["key"]]) if r["key"] in HELP else r["help"]
    emit_table(rows, [("key", N_("KEY")), ("shown", N_("VALUE")), ("help", N_("WHAT FOR"))], empty=_("No setting."))


@settings.command("set", help=N_("Set KEY to VALUE for the whole team (e.g. ``briefing settings set lang fr``)."))
@click.argument("key")
@click.argument("value")
@db_option
def set_(conn: sqlite3.Connection, key: str, value: str) -> None:
    stored = team_settings.put(conn, key, value)
    write(f"{key} = {stored}")
