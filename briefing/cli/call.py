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
from briefing.cli.words import labels
from briefing.errors import BadInput
from briefing.kinds import CallOutcome, Sentiment
from briefing.safetext import inert


@click.group()
def call() -> None:
    """Call a client for their feedback: whom, and why; then log the call.

    \b
      briefing call suggest                     one or two clients to call, and why
      briefing call log "Marc Petit" --outcome reached "Tout va bien depuis lundi"
      briefing call quiet-days 45               never propose a client called in 45 days
    """


@call.command("suggest")
@click.option("--limit", type=click.IntRange(1, 20), default=2, show_default=True, help="How many clients.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (the day, the caller, the suggestions).")
@reads_db
def suggest(conn: sqlite3.Connection, limit: int, as_json: bool) -> None:
    """Whom to call today, and why (the same database and day give the same answer)."""
    from briefing.calls import proposals

    found = proposals(conn, limit=limit)
    if as_json:
        emit_json(jsonout.call_proposals(found))
        return
    if not found.suggestions:
        write(
            f"No client stands out today (those called in the last {found.quiet_days} days are left out); "
            "any client can be called: briefing call log NAME --outcome ..."
        )
        return
    for i, s in enumerate(found.suggestions, 1):
        phone = f"  ☎ {s.phone}" if s.phone else "  (no phone number on file)"
        write(inert(f"{i}. {s.reason}", single_line=True))
        write(inert(phone, single_line=True))


@call.command("log")
@click.argument("client")
@click.argument("text", required=False)
@click.option("--outcome", type=click.Choice([o.value for o in CallOutcome]), required=True, help="How the call went.")
@click.option("--by", metavar="NAME", help="Who made the call [default: the team's lead].")
@click.option(
    "--sentiment",
    type=click.Choice([s.value for s in Sentiment]),
    default=Sentiment.NEUTRAL.value,
    show_default=True,
    help="The client's mood, when TEXT gives their words.",
)
@click.option("--date", "day", metavar="YYYY-MM-DD", help="When the call was made [default: today].")
@click.option("--json", "as_json", is_flag=True, help="Print the call stored as a JSON object.")
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
    """Record a call to CLIENT (a name, "Name (Company)" or an id); TEXT is
    what they said ('-' reads it from stdin), kept as a verbatim.

    The call belongs to the briefing under way, if there is one.
    """
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
    kept = f", their words kept as verbatim {made.verbatim_id}" if made.verbatim_id else ""
    caller = f" by {made.by}" if made.by else ""
    write(inert(f"Call to {made.client}{caller}: {made.outcome.value}{kept}", single_line=True), err=True)


@call.command("quiet-days")
@click.argument("days", type=click.IntRange(0, 365), required=False)
@db_option
def quiet_days(conn: sqlite3.Connection, days: int | None) -> None:
    """Show, or set to DAYS, how long a called client is left in peace
    (never proposed again within it; default 30)."""
    from briefing import calls

    if days is None:
        write(str(calls.quiet_days(conn)))
        return
    calls.set_quiet_days(conn, days)
    write(f"A client called is not proposed again for {days} days", err=True)
