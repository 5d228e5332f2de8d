"""Everything that enters the database passes through these models first.

The CLI and the TUI validate with the same classes, so a rule (a name's
length, a real calendar date, a finite number) is written once and the two
front ends can never disagree about what is acceptable. They run through
:func:`briefing.validation.validate`, which compiles them once and keeps
pydantic itself off the start-up path.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

__all__ = ["Channel", "Role", "Sentiment", "VerbatimStatus", "WinStatus"]  # re-exported

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from briefing.checks import (
    EMAIL_MAX,
    NAME_MAX,
    PHONE_MAX,
    STORY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    UNIT_MAX,
    TextRule,
    email,
    finite,
    parse_number,
    phone,
)
from briefing.kinds import Channel, Role, Sentiment, VerbatimStatus, WinStatus
from briefing.timeutil import not_in_future, parse_date


def text_rule(max_len: int) -> BeforeValidator:
    return BeforeValidator(TextRule(max_len))


Name = Annotated[str, text_rule(NAME_MAX)]
Text = Annotated[str, text_rule(TEXT_MAX)]
Title = Annotated[str, text_rule(TITLE_MAX)]
Story = Annotated[str, text_rule(STORY_MAX)]
Unit = Annotated[str, text_rule(UNIT_MAX)]
Day = Annotated[date, BeforeValidator(parse_date)]
#: A verbatim's or a win's day: it has already happened.
PastDay = Annotated[date, BeforeValidator(parse_date), AfterValidator(not_in_future)]
Number = Annotated[float, BeforeValidator(parse_number), AfterValidator(finite)]
Phone = Annotated[str, text_rule(PHONE_MAX), AfterValidator(phone)]
Email = Annotated[str, text_rule(EMAIL_MAX), AfterValidator(email)]


class _In(BaseModel):
    # defer_build: only the models a command uses pay for their schema,
    # which keeps `briefing verbatim add` quick to start.
    model_config = ConfigDict(extra="forbid", defer_build=True, use_enum_values=False)


class CollaboratorIn(_In):
    name: Name
    role: Role = Role.MEMBER


class VerbatimIn(_In):
    text: Text
    client: Name
    company: Name | None = None
    channel: Channel = Channel.OTHER
    sentiment: Sentiment = Sentiment.NEUTRAL
    collected_by: Name | None = None
    date: PastDay


class VerbatimPatch(_In):
    """An edit: only the fields given change."""

    text: Text | None = None
    client: Name | None = None
    company: Name | None = None
    channel: Channel | None = None
    sentiment: Sentiment | None = None
    collected_by: Name | None = None
    date: PastDay | None = None


class WinIn(_In):
    title: Title
    owner: Name
    client: Name | None = None
    story: Story | None = None
    date: PastDay


class WinPatch(_In):
    """An edit: only the fields given change."""

    title: Title | None = None
    owner: Name | None = None
    client: Name | None = None
    story: Story | None = None
    date: PastDay | None = None


class MetricIn(_In):
    name: Name
    value: Number
    target: Number | None = None
    unit: Unit | None = None
    date: Day


class ClientIn(_In):
    """A client as a person: a name, where they work, how to reach them."""

    name: Name
    company: Name | None = None
    phone: Phone | None = None
    email: Email | None = None
    notes: Story | None = None
    owner: Name | None = None


class ClientPatch(_In):
    """An edit: only the fields given change."""

    name: Name | None = None
    company: Name | None = None
    phone: Phone | None = None
    email: Email | None = None
    notes: Story | None = None
    owner: Name | None = None
