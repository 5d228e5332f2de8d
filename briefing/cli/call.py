"""``briefing call``: a client on the line at the start of the briefing.

The same as the meeting's call segment, from the shell: whom to call today
and why, then how the call went and what the client said.
"""

from __future__ import annotations

import sqlite3

import click

from briefing.cli import jsonout
from briefing.cli.common import db_option, read_text_arg, reads_db
from briefing.cli.output import emit_json, write
from briefing.cli.speaking import group
from briefing.cli.words import labels
from briefing.errors import BadInput
from briefing.i18n import N_, _, ngettext
from briefing.kinds import CallOutcome, Sentiment
from briefing.safetext import inert


@group(
    help=N_("""Call a client for their feedback: whom, and why; then log the call.

    \b
      briefing call suggest                     one or two clients to call, and why
      briefing call log "Marc Petit" --outcome reached "Tout va bien depuis lundi"
      briefing call quiet-days 45               never propose a client called in 45 days
    """)
)
def call() -> None:
    pass


@call.command("suggest", help=N_("Whom to call today, and why (the same database and day give the same answer)."))
@click.option("--limit", type=click.IntRange(1, 20), default=2, show_default=True, help=N_("How many clients."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object (the day, the caller, the suggestions)."))
@reads_db
def suggest(conn: sqlite3.Connection, limit: int, as_json: bool) -> None:
    from briefing.calls import proposals

    found = proposals(conn, limit=limit)
    if as_json:
        emit_json(jsonout.call_proposals(found))
        return
    if not found.suggestions:
        write(
            _(
                "No client stands out today (those called in the last {days} days are left out); "
                "any client can be called: briefing call log NAME --outcome ..."
            ).format(days=found.quiet_days)
        )
        return
    for i, s in enumerate(found.suggestions, 1):
        phone = f"  ☎ {s.phone}" if s.phone else "  " + _("(no phone number on file)")
        write(inert(f"{i}. {s.reason}", single_line=True))
        write(inert(phone, single_line=True))


@call.command(
    "log",
    help=N_("""Record a call to CLIENT (a name, "Name (Company)" or an id); TEXT is
    what they said ('-' reads it from stdin), kept as a verbatim.

    The call belongs to the briefing under way, if there is one.
    """),
)
@click.argument("client")
@click.argument("text", required=False)
@click.option(
    "--outcome", type=click.Choice([o.value for o in CallOutcome]), required=True, help=N_("How the call went.")
)
@click.option("--by", metavar="NAME", help=N_("Who made the call [default: the team's lead]."))
@click.option(
    "--sentiment",
    type=click.Choice([s.value for s in Sentiment]),
    default=Sentiment.NEUTRAL.value,
    show_default=True,
    help=N_("The client's mood, when TEXT gives their words."),
)
@click.option("--date", "day", metavar="YYYY-MM-DD", help=N_("When the call was made [default: today]."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the call stored as a JSON object."))
@db_option
@labels(client="CLIENT")
def log(
    conn: sqlite3.Connection,
    client: str,
    text: str | None,
    outcome: str,
    by: str | None,
    sentiment: str,
    day: str | None,
    as_json: bool,
) -> None:
    from briefing.calls import log as log_call
    from briefing.meeting import current_id
    from briefing.timeutil import parse_date

    try:
        when = parse_date(day) if day else None
    except ValueError as exc:
        raise BadInput("date", str(exc)) from None
    words = read_text_arg(text) if text is not None else None
    made = log_call(conn, client, outcome, by, words, current_id(conn), when, sentiment)
    if as_json:
        emit_json(jsonout.call(made))
        return
    write(str(made.id))
    if made.by:
        said = _("Call to {client} by {caller}: {outcome}").format(
            client=made.client, caller=made.by, outcome=made.outcome.value
        )
    else:
        said = _("Call to {client}: {outcome}").format(client=made.client, outcome=made.outcome.value)
    if made.verbatim_id:
        said = _("{call}, their words kept as verbatim {id}").format(call=said, id=made.verbatim_id)
    write(inert(said, single_line=True), err=True)


@call.command(
    "quiet-days",
    help=N_("""Show, or set to DAYS, how long a called client is left in peace
    (never proposed again within it; default 30)."""),
)
@click.argument("days", type=click.IntRange(0, 365), required=False)
@db_option
def quiet_days(conn: sqlite3.Connection, days: int | None) -> None:
    from briefing import calls

    if days is None:
        write(str(calls.quiet_days(conn)))
        return
    calls.set_quiet_days(conn, days)
    write(
        ngettext(
            "A client called is not proposed again for {count} day",
            "A client called is not proposed again for {count} days",
            days,
        ).format(count=days),
        err=True,
    )
