"""Everything that enters the database passes through these models first.

The CLI and the TUI validate with the same classes, so a rule (a name's
length, a real calendar date, a finite number) is written once and the two
front ends can never disagree about what is acceptable.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Any, TypeVar

__all__ = ["Channel", "Role", "Sentiment", "VerbatimStatus", "WinStatus"]  # re-exported

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from briefing.errors import BadInput
from briefing.timeutil import parse_date
from briefing.kinds import Channel, Role, Sentiment, VerbatimStatus, WinStatus

NAME_MAX = 80
TEXT_MAX = 2000
TITLE_MAX = 120
STORY_MAX = 2000
UNIT_MAX = 20


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(max_len: int):
    """A validator for people's text: trimmed, non-empty, bounded, storable.

    NUL and lone surrogates are refused rather than silently altered: SQLite
    and UTF-8 cannot keep them faithfully, and everything else (markup, ANSI
    escapes, emoji, right-to-left scripts) is kept byte for byte.
    """

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        if _SURROGATE.search(value):
            raise ValueError("contains bytes that are not valid UTF-8")
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        if len(value) > max_len:
            raise ValueError(f"is {len(value)} characters long; the limit is {max_len}")
        return value

    return BeforeValidator(check)


def _finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def parse_number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("must be a number")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a number")


Name = Annotated[str, _text(NAME_MAX)]
Text = Annotated[str, _text(TEXT_MAX)]
Title = Annotated[str, _text(TITLE_MAX)]
Story = Annotated[str, _text(STORY_MAX)]
Unit = Annotated[str, _text(UNIT_MAX)]
Day = Annotated[date, BeforeValidator(parse_date)]
Number = Annotated[float, BeforeValidator(parse_number), AfterValidator(_finite)]


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
    date: Day


class VerbatimPatch(_In):
    """An edit: only the fields given change."""

    text: Text | None = None
    client: Name | None = None
    company: Name | None = None
    channel: Channel | None = None
    sentiment: Sentiment | None = None
    collected_by: Name | None = None
    date: Day | None = None


class WinIn(_In):
    title: Title
    owner: Name
    client: Name | None = None
    story: Story | None = None
    date: Day


class WinPatch(_In):
    """An edit: only the fields given change."""

    title: Title | None = None
    owner: Name | None = None
    client: Name | None = None
    story: Story | None = None
    date: Day | None = None


class MetricIn(_In):
    name: Name
    value: Number
    target: Number | None = None
    unit: Unit | None = None
    date: Day


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: dict[str, Any], labels: dict[str, str] | None = None) -> M:
    """Build ``model`` or raise :class:`BadInput` naming the first bad field.

    ``labels`` maps field names to what the user typed (``collected_by`` is
    ``--by`` on the command line, "Collected by" in a form).
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise as_bad_input(exc, labels) from None


def as_bad_input(exc: ValidationError, labels: dict[str, str] | None = None) -> BadInput:
    err = exc.errors(include_url=False)[0]
    field = str(err["loc"][0]) if err["loc"] else None
    label = (labels or {}).get(field, field) if field else None
    message = err["msg"]
    if err["type"] == "enum":
        expected = str(err.get("ctx", {}).get("expected", "")).replace("'", "")
        message = f"{err['input']!r} is not one of {expected}"
    message = message.removeprefix("Value error, ")
    return BadInput(label, message)

