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
from briefing.cli.speaking import group
from briefing.cli.words import labels
from briefing.i18n import N_, _
from briefing.kinds import Channel, Sentiment, VerbatimStatus

CHANNELS = [c.value for c in Channel]
SENTIMENTS = [s.value for s in Sentiment]


def verbatim_options(*, adding: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options shared by ``add`` and ``edit`` (``--client`` is required to add)."""
    return lambda func: _with_options(func, adding)


def _with_options(func: Callable[..., Any], adding: bool) -> Callable[..., Any]:
    for decorator in reversed(
        [
            click.option("--client", required=adding, help=N_("Who said it (the client's name).")),
            click.option(
                "--company", help=N_("The client's company.") if adding else N_("The client's company. '' removes it.")
            ),
            click.option(
                "--by",
                "by",
                metavar="COLLABORATOR",
                help=N_("Who collected it (an active team member).")
                if adding
                else N_("Who collected it (an active team member). '' removes it."),
            ),
            click.option(
                "--channel",
                type=click.Choice(CHANNELS),
                help=N_("How it reached us [default: other].") if adding else N_("How it reached us."),
            ),
            click.option(
                "--sentiment",
                type=click.Choice(SENTIMENTS),
                help=N_("The client's mood [default: neutral].") if adding else N_("The client's mood."),
            ),
            click.option(
                "--date",
                metavar="YYYY-MM-DD",
                help=N_("When it was said [default: today].") if adding else N_("When it was said."),
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


@group(help=N_("Client verbatims: what clients said, in their own words."))
def verbatim() -> None:
    pass


@verbatim.command(
    "add",
    help=N_("""Add a verbatim and print its id. TEXT '-' reads the quote from stdin.

    \b
    Example:
      briefing verbatim add "Livraison en 24 h, bravo" --client "Marc Petit" \\
          --company Altis --by Inès --channel call --sentiment positive
    """),
)
@click.argument("text")
@verbatim_options(adding=True)
@click.option(
    "--new-client", is_flag=True, help=N_("The client is someone new, though their name is near a known one's.")
)
@db_option
def add(conn: sqlite3.Connection, text: str, new_client: bool, **opts: Any) -> None:
    write(str(core.add(conn, _fields(read_text_arg(text), **opts), new_client=new_client)))


@verbatim.command("edit", help=N_("Change a verbatim: only the options given change."))
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@click.option("--text", help=N_("The new quote ('-' reads it from stdin)."))
@verbatim_options(adding=False)
@db_option
@labels(text="--text")
def edit(conn: sqlite3.Connection, verbatim_id: int, text: str | None, **opts: Any) -> None:
    changed = core.edit(conn, verbatim_id, _fields(read_text_arg(text) if text else None, **opts))
    write(_("Verbatim {id} updated").format(id=changed.id), err=True)


@verbatim.command("list", help=N_("List verbatims, newest first (or best match first with --search)."))
@click.option(
    "--status",
    type=click.Choice([s.value for s in VerbatimStatus]),
    help=N_("Only this status [default: all but archived]."),
)
@click.option(
    "--search",
    metavar="QUERY",
    help=N_(
        "Full-text search, ignoring accents and case; best matches first "
        "(with --limit: of the 2,000 most recent matches)."
    ),
)
@click.option("--by", metavar="NAME", help=N_("Only those collected by NAME."))
@click.option("--limit", type=RECORD_ID, metavar="N", help=N_("At most N verbatims."))
@json_option
@reads_db
def list_(conn: sqlite3.Connection, status, search, by, limit, as_json: bool) -> None:
    from briefing.cli.jsonout import verbatim as as_json_object

    rows = [as_json_object(v) for v in core.list_verbatims(conn, status=status, search=search, by=by, limit=limit)]
    emit_listing(
        rows,
        [
            ("id", N_("ID")),
            ("date", N_("DATE")),
            ("status", N_("STATUS")),
            ("sentiment", N_("MOOD")),
            ("channel", N_("CHANNEL")),
            ("client", N_("CLIENT")),
            ("collected_by", N_("BY")),
            ("text", N_("QUOTE")),
        ],
        as_json=as_json,
        empty=_("No verbatim matches.")
        if (search or status or by)
        else _("No verbatims yet: briefing verbatim add --help"),
        optional=("channel", "status"),
    )


@verbatim.command("show", help=N_("Print one verbatim in full."))
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@reads_db
def show(conn: sqlite3.Connection, verbatim_id: int, as_json: bool) -> None:
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
        write(inert(_("  collected by {name}; status: {status}").format(name=found.collected_by, status=found.status)))


@verbatim.command("archive", help=N_("Archive a verbatim: it leaves the inbox and the meeting, nothing is deleted."))
@click.argument("verbatim_id", metavar="ID", type=RECORD_ID)
@db_option
def archive(conn: sqlite3.Connection, verbatim_id: int) -> None:
    core.archive(conn, verbatim_id)
    write(_("Verbatim {id} archived").format(id=verbatim_id), err=True)


import_command(verbatim, "verbatims", "briefing verbatim import verbatims.csv --map text=Comment,client=Contact")
