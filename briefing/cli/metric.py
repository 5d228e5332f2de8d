"""``briefing metric``: the numbers, one value per metric per day."""

from __future__ import annotations

import sqlite3

import click

from briefing import metrics as core
from briefing.cli import jsonout
from briefing.cli.common import db_option, json_option, reads_db
from briefing.cli.importer import import_command
from briefing.cli.output import emit_listing, plain_number, write


@click.group()
def metric() -> None:
    """Sales metrics: yesterday's sales, calls, pipeline against target."""


# ignore_unknown_options lets a negative VALUE such as -3 through as a value.
@metric.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("value")
@click.option("--target", help="What the team aims for.")
@click.option("--unit", help="€, calls, meetings...")
@click.option("--date", metavar="YYYY-MM-DD", help="The day it is for [default: today].")
@db_option
def add(conn: sqlite3.Connection, name: str, value: str, target, unit, date) -> None:
    """Record VALUE for metric NAME. Adding it again for the same day replaces it."""
    new, old = core.add(conn, {"name": name, "value": value, "target": target, "unit": unit, "date": date})
    if old:
        write(
            f"Replaced {new.name} on {new.date}: {plain_number(old.value)} \u2192 {plain_number(new.value)}", err=True
        )
    else:
        write(f"Recorded {new.name} on {new.date}: {plain_number(new.value)}", err=True)


@metric.command("list")
@click.option("--date", metavar="YYYY-MM-DD", help="Only this day [default: every day, newest first].")
@json_option
@reads_db
def list_(conn: sqlite3.Connection, date, as_json: bool) -> None:
    """List metric values."""
    rows = [jsonout.metric(m) for m in core.list_metrics(conn, date=date)]
    emit_listing(
        rows,
        [("date", "DATE"), ("name", "METRIC"), ("value", "VALUE"), ("target", "TARGET"), ("unit", "UNIT")],
        as_json=as_json,
        empty="No metrics yet: briefing metric add --help",
    )


import_command(metric, "metrics", "briefing metric import crm.csv --map name=Indicateur,value=Montant,date=Jour")
