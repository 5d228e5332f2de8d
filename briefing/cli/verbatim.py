"""``briefing verbatim``: a client's own words, collected before the meeting."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import click

from briefing import verbatims as core
from briefing.cli.common import RECORD_ID, db_option, json_option, read_text_arg, reads_db
from briefing.cli.importer import import_command
from briefing.cli.output import emit_json, emit_listing, write
from briefing.cli.words import labels
from briefing.kinds import Channel, Sentiment, VerbatimStatus

CHANNELS = [c.value for c in Channel]
SENTIMENTS = [s.value for s in Sentiment]


def verbatim_options(*, adding: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options shared by ``add`` and ``edit`` (``--client`` is required to add)."""
    return lambda func: _with_options(func, adding)


def _with_options(func: Callable[..., Any], adding: bool) -> Callable[..., Any]:
    for decorator in reversed(
        [
            click.option("--client", required=adding, help="Who said it (the client's name)."),
            click.option("--company", help="The client's company." + ("" if adding else " '' removes it.")),
            click.option(
                "--by",
                "by",
                metavar="COLLABORATOR",
                help="Who collected it (an active team member)." + ("" if adding else " '' removes it."),
            ),
            click.option(
                "--channel",
                type=click.Choice(CHANNELS),
                help="How it reached us" + (" [default: other]." if adding else "."),
            ),
            click.option(
                "--sentiment",
                type=click.Choice(SENTIMENTS),
                help="The client's mood" + (" [default: neutral]." if adding else "."),
            ),
            click.option(
                "--date", metavar="YYYY-MM-DD", help="When it was said" + (" [default: today]." if adding else ".")
            ),
        ]
    ):
        func = decorator(func)
    return func


def _fields(text: str | None, client, company, by, channel, sentiment, date) -> dict[str, Any]:
    return {
        "text": text,
        "client": client,
        "company": company,
        "collected_by": by,
        "channel": channel,
        "sentiment": sentiment,
        "date": date,
    }


@click.group()
def verbatim() -> None:
    """Client verbatims: what clients said, in their own words."""


@verbatim.command("add")
@click.argument("text")
@verbatim_options(adding=True)
@click.option("--new-client", is_flag=True, help="The client is someone new, though their name is near a known one's.")
@db_option
def add(conn: sqlite3.Connection, text: str, new_client: bool, **opts: Any) -> None:
    """Add a verbatim and print its id. TEXT '-' reads the quote from stdin.

    \b
    Example:
      briefing verbatim add "Livraison en 24 h, bravo" --client "Marc Petit" \\
          --company Altis --by Inès --channel call --sentiment positive
    """
    write(str(core.add(conn, _fields(read_text_arg(text), **opts), new_client=new_client)))


@verbatim.command("edit")
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@click.option("--text", help="The new quote ('-' reads it from stdin).")
@verbatim_options(adding=False)
@db_option
@labels(text="--text")
def edit(conn: sqlite3.Connection, verbatim_id: int, text: str | None, **opts: Any) -> None:
    """Change a verbatim: only the options given change."""
    changed = core.edit(conn, verbatim_id, _fields(read_text_arg(text) if text else None, **opts))
    write(f"Verbatim {changed.id} updated", err=True)


@verbatim.command("list")
@click.option(
    "--status",
    type=click.Choice([s.value for s in VerbatimStatus]),
    help="Only this status [default: all but archived].",
)
@click.option(
    "--search",
    metavar="QUERY",
    help="Full-text search, ignoring accents and case; best matches first "
    "(with --limit: of the 2,000 most recent matches).",
)
@click.option("--by", metavar="NAME", help="Only those collected by NAME.")
@click.option("--limit", type=RECORD_ID, metavar="N", help="At most N verbatims.")
@json_option
@reads_db
def list_(conn: sqlite3.Connection, status, search, by, limit, as_json: bool) -> None:
    """List verbatims, newest first (or best match first with --search)."""
    from briefing.cli.jsonout import verbatim as as_json_object

    rows = [as_json_object(v) for v in core.list_verbatims(conn, status=status, search=search, by=by, limit=limit)]
    emit_listing(
        rows,
        [
            ("id", "ID"),
            ("date", "DATE"),
            ("status", "STATUS"),
            ("sentiment", "MOOD"),
            ("channel", "CHANNEL"),
            ("client", "CLIENT"),
            ("collected_by", "BY"),
            ("text", "QUOTE"),
        ],
        as_json=as_json,
        empty="No verbatim matches." if (search or status or by) else "No verbatims yet: briefing verbatim add --help",
        optional=("channel", "status"),
    )


@verbatim.command("show")
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@reads_db
def show(conn: sqlite3.Connection, verbatim_id: int, as_json: bool) -> None:
    """Print one verbatim in full."""
    found = core.get(conn, verbatim_id)
    if as_json:
        from briefing.cli.jsonout import verbatim as as_json_object

        emit_json(as_json_object(found))
        return
    from briefing.safetext import inert

    who = ", ".join(x for x in (found.client, found.company) if x)
    write(inert(f"\u201c{found.text}\u201d"))
    write(inert(f"  \u2014 {who} ({found.channel}, {found.sentiment}, {found.date})"))
    if found.collected_by:
        write(inert(f"  collected by {found.collected_by}; status: {found.status}"))


@verbatim.command("archive")
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@db_option
def archive(conn: sqlite3.Connection, verbatim_id: int) -> None:
    """Archive a verbatim: it leaves the inbox and the meeting, nothing is deleted."""
    core.archive(conn, verbatim_id)
    write(f"Verbatim {verbatim_id} archived", err=True)


import_command(verbatim, "verbatims", "briefing verbatim import verbatims.csv --map text=Comment,client=Contact")
