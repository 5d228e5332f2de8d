"""The fixed vocabularies: channels, sentiments, statuses, roles.

Kept apart from :mod:`briefing.models` so the CLI can offer them as choices
(and print ``--help``) without loading pydantic.
"""

from __future__ import annotations

from enum import StrEnum

from briefing.i18n import N_, _


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


#: A segment's kind and a briefing's state, stored in English, as people
#: read them: the screens, the CLI and the minutes say them the same way.
KIND_WORDS = {"client": N_("client"), "sales": N_("sales"), "team": N_("team")}
STATE_WORDS = {
    "finished": N_("finished"),
    "abandoned": N_("abandoned"),
    "running": N_("running"),
    "paused": N_("paused"),
    "new": N_("not started"),
}


def kind_word(kind: str) -> str:
    """ "client", "sales", "team" / "client", "ventes", "équipe"."""
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def state_word(state: str) -> str:
    return _(STATE_WORDS[state]) if state in STATE_WORDS else state
