"""``briefing metric``: the numbers, one value per metric per day."""

from __future__ import annotations

import sqlite3

import click

from briefing import metrics as core
from briefing.cli import jsonout
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.importer import import_command
from briefing.cli.output import emit_listing, plain_number, write
from briefing.cli.speaking import group
from briefing.i18n import N_, _


@group(help=N_("Sales metrics: yesterday's sales, calls, pipeline against target."))
def metric() -> None:
    pass


# ignore_unknown_options lets a negative VALUE such as -3 through as a value.
@metric.command(
    "add",
    context_settings={"ignore_unknown_options": True},
    help=N_("Record VALUE for metric NAME. Adding it again for the same day replaces it."),
)
@click.argument("name")
@click.argument("value")
@click.option("--target", help=N_("What the team aims for."))
@click.option("--unit", help=N_("€, calls, meetings..."))
@click.option("--date", metavar="YYYY-MM-DD", help=N_("The day it is for [default: today]."))
@db_option
def add(conn: sqlite3.Connection, name: str, value: str, target, unit, date) -> None:
    new, old = core.add(conn, {"name": name, "value": value, "target": target, "unit": unit, "date": date})
    if old:
        said = _("Replaced {name} on {date}: {old} \u2192 {new}").format(
            name=new.name, date=new.date, old=plain_number(old.value), new=plain_number(new.value)
        )
    else:
        said = _("Recorded {name} on {date}: {value}").format(
            name=new.name, date=new.date, value=plain_number(new.value)
        )
    write(said, err=True)


@metric.command("list", help=N_("List metric values."))
@click.option("--date", metavar="YYYY-MM-DD", help=N_("Only this day [default: every day, newest first]."))
@json_option
@reads_db
def list_(conn: sqlite3.Connection, date, as_json: bool) -> None:
    rows = [jsonout.metric(m) for m in core.list_metrics(conn, date=date)]
    emit_listing(
        rows,
        [
            ("date", N_("DATE")),
            ("name", N_("METRIC")),
            ("value", N_("VALUE")),
            ("target", N_("TARGET")),
            ("unit", N_("UNIT")),
        ],
        as_json=as_json,
        empty=_("No metrics yet: briefing metric add --help"),
    )


import_command(metric, "metrics", "briefing metric import crm.csv --map name=Indicateur,value=Montant,date=Jour")
