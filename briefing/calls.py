"""Calling a client at the start of the briefing: what to propose, and the
call itself.

The call happens on a real phone; what is stored is that it was made
(``calls``: who called whom, on which day, how it went) and, when the
client spoke, their words as a verbatim like any other (channel ``call``,
collected by whoever made the call, dated that day, status new) so the
next client segment shows it. Both are written in one transaction: a call
never says it has words that were not kept, nor words without their call.

The proposals follow :mod:`briefing.call_suggest`; here they are read in a
few queries down indexes (a year of verbatims by date, recent wins by
date, calls by day), so ten years of history cost what one year does.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from briefing import clients, team
from briefing.call_suggest import LOOKBACK_DAYS, WIN_WITHIN_DAYS, Heard, RecentWin, Suggestion, suggest
from briefing.db import snapshot, write
from briefing.errors import BadInput, NotFound
from briefing.i18n import N_, _
from briefing.kinds import CallOutcome, Channel, Sentiment
from briefing.timeutil import today, utc_now_iso

__all__ = [
    "Call",
    "Proposals",
    "choose",
    "client_names",
    "log",
    "proposals",
    "quiet_days",
    "set_quiet_days",
    "suggestions",
]

#: The setting: a client called this recently is never proposed.
QUIET_KEY = "call_quiet_days"
DEFAULT_QUIET_DAYS = 30
MAX_QUIET_DAYS = LOOKBACK_DAYS
#: Words typed with a call that did not reach the client: refused, one sentence per outcome.
NOT_REACHED = {
    CallOutcome.VOICEMAIL: N_("words come from a client who was reached, not from a voicemail call"),
    CallOutcome.NO_ANSWER: N_("words come from a client who was reached, not from a no-answer call"),
}


@dataclass(frozen=True, slots=True)
class Call:
    id: int
    client_id: int
    client: str
    day: date
    outcome: CallOutcome
    by: str | None
    meeting_id: int | None
    verbatim_id: int | None


@dataclass(frozen=True, slots=True)
class Proposals:
    """The clients to call today and why, with what a call needs to know."""

    day: date
    quiet_days: int
    suggestions: tuple[Suggestion, ...]
    #: Who makes the call unless someone else is named: the team's lead.
    caller: str | None
    #: The active team, the caller first: whom the call can be credited to.
    team: tuple[str, ...]


#: Names offered as the lead types one: more clients than a team meets.
NAMES_LIMIT = 50_000


def client_names(conn: sqlite3.Connection) -> list[str]:
    """Every client as named aloud ("Name (Company)"), for completing a typed name."""
    rows = conn.execute(
        """SELECT c.name, f.name FROM clients c LEFT JOIN companies f ON f.id = c.company_id
           ORDER BY c.key LIMIT ?""",
        (NAMES_LIMIT,),
    )
    return [f"{name} ({company})" if company else name for name, company in rows]


# --- the setting ---------------------------------------------------------------


def quiet_days(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (QUIET_KEY,)).fetchone()
    try:
        return max(0, min(int(row[0]), MAX_QUIET_DAYS)) if row else DEFAULT_QUIET_DAYS
    except ValueError:
        return DEFAULT_QUIET_DAYS  # a hand-edited value: the default, not a crash in the meeting


def set_quiet_days(conn: sqlite3.Connection, days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_QUIET_DAYS:
        raise BadInput("quiet_days", _("must be a whole number of days from 0 to {limit}").format(limit=MAX_QUIET_DAYS))
    with write(conn):
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (QUIET_KEY, str(days)))
    return days


# --- what to propose -------------------------------------------------------------


def suggestions(conn: sqlite3.Connection, day: date | None = None, limit: int = 5) -> list[Suggestion]:
    """The clients to call on ``day`` (default today), best first."""
    day = day or today()
    with snapshot(conn):
        heard, wins = _knowledge(conn, day)
        return suggest(heard, wins, day, quiet_days(conn), limit)


def proposals(conn: sqlite3.Connection, day: date | None = None, limit: int = 5) -> Proposals:
    """:func:`suggestions` with who calls: what the meeting's call pane shows."""
    day = day or today()
    with snapshot(conn):
        found = suggestions(conn, day, limit)
        people = team.list_team(conn, include_inactive=False)
        lead = next((p.name for p in people if p.is_lead), None)
        names = tuple(p.name for p in people)
        return Proposals(day, quiet_days(conn), tuple(found), lead, names)


_HEARD = """
    SELECT c.id, c.name, f.name AS company, c.company_id, c.phone,
           v.said, substr(v.last_key, 1, 10) AS last_said, v.mood, k.last_call
    FROM {source} v
    JOIN clients c ON c.id = v.client_id
    LEFT JOIN companies f ON f.id = c.company_id
    LEFT JOIN (SELECT client_id, max(day) AS last_call FROM calls WHERE day BETWEEN ? AND ? GROUP BY client_id) k
        ON k.client_id = c.id
"""
#: A year of verbatims per client: how many, the last one's day (its id
#: breaks a tie of days) and, from that same row, its mood (SQLite takes a
#: bare column from the row that holds the max).
_SAID = """(SELECT client_id, count(*) AS said, max(date || printf('%010d', id)) AS last_key, sentiment AS mood
            FROM verbatims WHERE date BETWEEN ? AND ? AND client_id IS NOT NULL GROUP BY client_id)"""


def _knowledge(conn: sqlite3.Connection, day: date) -> tuple[list[Heard], list[RecentWin]]:
    start, end = (day - timedelta(days=LOOKBACK_DAYS)).isoformat(), day.isoformat()
    rows = conn.execute(_HEARD.format(source=_SAID), (start, end, start, end)).fetchall()
    heard = {r["id"]: _heard(r) for r in rows}
    wins = [
        RecentWin(r[0], date.fromisoformat(r[1]), r[2], r[3], r[4])
        for r in conn.execute(
            "SELECT id, date, title, client_id, company_id FROM wins WHERE date BETWEEN ? AND ?",
            ((day - timedelta(days=WIN_WITHIN_DAYS)).isoformat(), end),
        )
    ]
    # The people of a recent win who have said nothing this year are still
    # the ones to ask how it started.
    firms = {w.company_id for w in wins if w.company_id is not None}
    named = {w.client_id for w in wins if w.client_id is not None}
    for r in conn.execute(
        "SELECT company_id FROM clients WHERE id IN (SELECT value FROM json_each(?))", (_ids(named),)
    ):
        if r[0] is not None:
            firms.add(r[0])
    missing = """SELECT c.id, c.name, f.name AS company, c.company_id, c.phone, 0 AS said, NULL AS last_said,
                        NULL AS mood, (SELECT max(day) FROM calls WHERE client_id = c.id AND day <= ?) AS last_call
                 FROM clients c LEFT JOIN companies f ON f.id = c.company_id
                 WHERE c.id IN (SELECT value FROM json_each(?))
                    OR ifnull(c.company_id, 0) IN (SELECT value FROM json_each(?))"""
    for r in conn.execute(missing, (end, _ids(named), _ids(firms))):
        heard.setdefault(r["id"], _heard(r))
    return list(heard.values()), wins


def _ids(ids: set[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in sorted(ids)) + "]"


def _heard(r: sqlite3.Row) -> Heard:
    return Heard(
        id=r["id"],
        name=r["name"],
        company=r["company"],
        company_id=r["company_id"],
        phone=r["phone"],
        said=r["said"],
        last_said=date.fromisoformat(r["last_said"]) if r["last_said"] else None,
        last_mood=r["mood"],
        last_call=date.fromisoformat(r["last_call"]) if r["last_call"] else None,
    )


# --- whom the lead is calling --------------------------------------------------


def choose(conn: sqlite3.Connection, meeting_id: int, client_id: int) -> clients.Client:
    """The lead's choice of whom to call in briefing ``meeting_id``: kept
    with the briefing, so every screen watching it shows the same person."""
    with write(conn):
        who = clients.get(conn, client_id)
        if conn.execute("UPDATE meetings SET call_client_id = ? WHERE id = ?", (who.id, meeting_id)).rowcount == 0:
            raise NotFound("id", _("no briefing with id {id}").format(id=meeting_id))
    return who


# --- the call ---------------------------------------------------------------------


def log(
    conn: sqlite3.Connection,
    client: int | str,
    outcome: CallOutcome | str,
    by: str | None = None,
    text: str | None = None,
    meeting_id: int | None = None,
    day: date | None = None,
    sentiment: Sentiment | str = Sentiment.NEUTRAL,
) -> Call:
    """Record a call to ``client`` (an id, or a name as typed) and, when
    ``text`` is given, the client's words as a verbatim linked from it.

    ``by``: who made the call (a name; default the team's lead). Words are
    what a client said, so they go with a call that reached them."""
    try:
        outcome = CallOutcome(outcome)
    except ValueError:
        choices = ", ".join(o.value for o in CallOutcome)
        problem = _("{value} is not one of {choices}").format(value=repr(outcome), choices=choices)
        raise BadInput("outcome", problem) from None
    day = day or today()
    words = text if text is not None and text.strip() else None
    if words is not None and outcome is not CallOutcome.REACHED:
        raise BadInput("text", _(NOT_REACHED[outcome]))
    who = clients.get(conn, client) if isinstance(client, int) else clients.resolve(conn, client)
    caller = by if by is not None else _lead(conn)
    verbatim = None
    if words is not None:
        from briefing.validation import validate

        verbatim = validate(
            "VerbatimIn",
            {
                "text": words,
                "client": who.name,
                "company": who.company,
                "channel": Channel.CALL,
                "sentiment": sentiment,
                "collected_by": caller,
                "date": day,
            },
        )
    elif not day <= today():
        raise BadInput("date", _("{day} is in the future").format(day=day.isoformat()))
    with write(conn):
        by_id = team.find_active_id(conn, caller, "by") if caller else None
        verbatim_id = None
        if verbatim is not None:
            verbatim_id = conn.execute(
                """INSERT INTO verbatims
                   (text, client, company, channel, sentiment, collected_by, date, status, created_at, client_id)
                   VALUES (?, ?, ?, 'call', ?, ?, ?, 'new', ?, ?)""",
                (
                    verbatim["text"],
                    who.name,
                    who.company,
                    verbatim["sentiment"].value,
                    by_id,
                    day.isoformat(),
                    utc_now_iso(),
                    who.id,
                ),
            ).lastrowid
        call_id = conn.execute(
            """INSERT INTO calls (client_id, day, outcome, by_id, meeting_id, verbatim_id, at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (who.id, day.isoformat(), outcome.value, by_id, meeting_id, verbatim_id, utc_now_iso()),
        ).lastrowid
        by_name = conn.execute("SELECT name FROM collaborators WHERE id = ?", (by_id,)).fetchone() if by_id else None
    return Call(call_id, who.id, who.label, day, outcome, by_name[0] if by_name else None, meeting_id, verbatim_id)


def _lead(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(
        "SELECT name FROM collaborators WHERE role = 'lead' AND active = 1 ORDER BY id LIMIT 1"
    ).fetchone()
    return row[0] if row else None
