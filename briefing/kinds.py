"""The fixed vocabularies: channels, sentiments, statuses, roles.

Kept apart from :mod:`briefing.models` so the CLI can offer them as choices
(and print ``--help``) without loading pydantic.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    VISIT = "visit"
    SURVEY = "survey"
    CHAT = "chat"
    SOCIAL = "social"
    OTHER = "other"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class VerbatimStatus(StrEnum):
    NEW = "new"
    SHOWN = "shown"
    ARCHIVED = "archived"


class WinStatus(StrEnum):
    PENDING = "pending"
    PRESENTED = "presented"


class Role(StrEnum):
    MEMBER = "member"
    LEAD = "lead"


class SegmentKind(StrEnum):
    """What a stretch of meeting time is spent on (the chess clock's sides)."""

    CLIENT = "client"
    SALES = "sales"
    TEAM = "team"


class CallOutcome(StrEnum):
    """How a call to a client went."""

    REACHED = "reached"
    VOICEMAIL = "voicemail"
    NO_ANSWER = "no-answer"
