"""Where the numbers and the clients meet: the wins of the week, each with
what its client said before the deal.

The numbers segment shows the sales against target; under them, the wins
of the last :data:`DAYS` days name their clients and the latest words heard
from that client (or, for a win signed with a company, from anyone there)
on or before the day of the win. A week, not "since the last briefing":
the briefing is daily, so that would mostly be one day's win, which the
win segment already tells; a week shows the room a few deals and the
stories behind them, and stays short.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.kinds import Sentiment

__all__ = ["DAYS", "WinStory", "recent"]

DAYS = 7
#: At most this many wins under the numbers: a glance, not a list.
MOST = 3


@dataclass(frozen=True, slots=True)
class WinStory:
    win_id: int
    title: str
    #: The name typed on the win (a company or a person).
    client: str
    date: date
    #: Who said the words, their words, their mood, and when; None if the
    #: client had said nothing the team wrote down before the win.
    said_by: str | None = None
    said: str | None = None
    sentiment: Sentiment | None = None
    said_on: date | None = None

    @property
    def days_before(self) -> int | None:
        return (self.date - self.said_on).days if self.said_on else None


def recent(conn: sqlite3.Connection, day: date) -> list[WinStory]:
    """The newest wins of the :data:`DAYS` days up to ``day`` (down
    ``wins_date``), each with the last verbatim before it (down
    ``verbatims_client``; a company's through its clients)."""
    start = (day - timedelta(days=DAYS - 1)).isoformat()
    rows = conn.execute(
        """SELECT id, title, client, date, client_id, company_id FROM wins
           WHERE date BETWEEN ? AND ? ORDER BY date DESC, id DESC LIMIT ?""",
        (start, day.isoformat(), MOST),
    ).fetchall()
    out = []
    for wid, title, typed, won, client_id, company_id in rows:
        said = None
        if client_id is not None:
            said = conn.execute(
                """SELECT c.name, v.text, v.sentiment, v.date FROM verbatims v JOIN clients c ON c.id = v.client_id
                   WHERE v.client_id = ? AND v.date <= ? ORDER BY v.date DESC, v.id DESC LIMIT 1""",
                (client_id, won),
            ).fetchone()
        elif company_id is not None:
            said = conn.execute(
                """SELECT c.name, v.text, v.sentiment, v.date FROM clients c JOIN verbatims v ON v.client_id = c.id
                   WHERE ifnull(c.company_id, 0) = ? AND v.date <= ? ORDER BY v.date DESC, v.id DESC LIMIT 1""",
                (company_id, won),
            ).fetchone()
        story = WinStory(wid, title, typed or "", date.fromisoformat(won))
        if said:
            story = WinStory(
                wid, title, typed or "", story.date, said[0], said[1], Sentiment(said[2]), date.fromisoformat(said[3])
            )
        out.append(story)
    return out
