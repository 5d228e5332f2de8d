"""What the core hands to its front ends: typed, frozen records.

A screen or a command reads ``verbatim.client``, not ``row["client"]``: a
misspelt field fails where it is written, and a record cannot be changed
by the view that shows it. Calendar days are ``date`` objects; stored
instants (``created_at``...) stay the UTC ISO text they are stored as, since
they are only shown or passed on. The published JSON of each record is
built in one place, ``briefing.cli.jsonout``.

Each ``from_row`` takes a ``sqlite3.Row`` from the query its module runs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from briefing.kinds import Channel, Role, Sentiment, VerbatimStatus, WinStatus

__all__ = ["Metric", "Person", "RotationEntry", "Tracked", "Verbatim", "Win"]


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: Role
    active: bool
    joined_on: date
    #: Joined, or came back: where they entered the rotation's queue.
    active_since: date

    @property
    def is_lead(self) -> bool:
        return self.role is Role.LEAD

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Person:
        joined = date.fromisoformat(row["joined_on"])
        since = row["active_since"]
        return cls(
            id=row["id"],
            name=row["name"],
            role=Role(row["role"]),
            active=bool(row["active"]),
            joined_on=joined,
            active_since=date.fromisoformat(since) if since else joined,
        )


@dataclass(frozen=True, slots=True)
class Verbatim:
    id: int
    text: str
    client: str
    company: str | None
    channel: Channel
    sentiment: Sentiment
    #: Who collected it (their name today), if anyone said so.
    collected_by: str | None
    collected_by_id: int | None
    date: date
    status: VerbatimStatus
    created_at: str
    updated_at: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Verbatim:
        return cls(
            id=row["id"],
            text=row["text"],
            client=row["client"],
            company=row["company"],
            channel=Channel(row["channel"]),
            sentiment=Sentiment(row["sentiment"]),
            collected_by=row["collected_by_name"],
            collected_by_id=row["collected_by"],
            date=date.fromisoformat(row["date"]),
            status=VerbatimStatus(row["status"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )


@dataclass(frozen=True, slots=True)
class Win:
    id: int
    title: str
    #: Whose win it is (their name today): the credit goes there.
    owner: str
    owner_id: int
    client: str | None
    story: str | None
    date: date
    status: WinStatus
    presented_by: str | None
    presented_by_id: int | None
    presented_at: str | None
    created_at: str

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Win:
        return cls(
            id=row["id"],
            title=row["title"],
            owner=row["owner_name"],
            owner_id=row["owner_id"],
            client=row["client"],
            story=row["story"],
            date=date.fromisoformat(row["date"]),
            status=WinStatus(row["status"]),
            presented_by=row["presenter_name"],
            presented_by_id=row["presented_by"],
            presented_at=row["presented_at"],
            created_at=row["created_at"],
        )


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    value: float
    target: float | None
    unit: str | None
    date: date

    @property
    def gap(self) -> float | None:
        """Value minus target; None without a target."""
        return None if self.target is None else self.value - self.target

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Metric:
        return cls(row["name"], row["value"], row["target"], row["unit"], date.fromisoformat(row["date"]))


@dataclass(frozen=True, slots=True)
class Tracked:
    """A metric the team tracks, as a day stands: its value that day if one is
    in, and the target and unit it last had (what the lead types against)."""

    name: str
    value: float | None
    target: float | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class RotationEntry:
    """One held briefing, as the rotation's history tells it."""

    day: date
    presenter: str | None
    #: (title, owner) of the win told, if one was.
    win_title: str | None
    win_owner: str | None
    skipped: tuple[str, ...]
