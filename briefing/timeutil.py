"""Dates and timestamps, in one place so tests can reason about them.

Dates a person sees (a verbatim's day, a metric's day) are local calendar
dates; instants stored for ordering are UTC ISO 8601 text with a ``Z``
(:func:`iso`), which sorts as text in the order of time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from briefing.i18n import _

_ISO = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """An instant as stored: UTC, microseconds, ``Z``."""
    return moment.astimezone(UTC).strftime(_ISO)


def utc_now_iso() -> str:
    return iso(utc_now())


def today() -> date:
    return date.today()


#: No team's history starts before this; a date before it is a typo.
EARLIEST = date(2000, 1, 1)
#: How far ahead a date may be (a target for next month, not for 9999).
AHEAD = timedelta(days=366)
#: The words for a day, in every language the app speaks (what a person
#: types is not tied to the language the app shows).
_WORDS = {"today": 0, "yesterday": 1, "aujourd'hui": 0, "aujourd’hui": 0, "hier": 1}


def parse_date(value: Any) -> date:
    """A day as a person types it: strict YYYY-MM-DD ('2026-02-30' is refused,
    not rolled over), or ``today`` / ``yesterday`` (``aujourd'hui`` / ``hier``);
    from 2000 to a year ahead."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and value.strip().casefold() in _WORDS:
        day = today() - timedelta(days=_WORDS[value.strip().casefold()])
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(_("{value} is not a real calendar date").format(value=value.strip())) from None
    else:
        raise ValueError(_("{value} is not a date (YYYY-MM-DD, today or yesterday)").format(value=repr(value)))
    if day < EARLIEST:
        raise ValueError(_("{day} is before {year}: is the year right?").format(day=day, year=EARLIEST.year))
    if day > today() + AHEAD:
        raise ValueError(_("{day} is more than a year ahead: is the year right?").format(day=day))
    return day


def not_in_future(day: date) -> date:
    """What a client said, or a win, has already happened: a date a few days
    ahead by mistake would sit at the top of every list for months."""
    if day > today():
        raise ValueError(_("{day} is in the future; what a client said or won has already happened").format(day=day))
    return day


def mmss(seconds: float, *, pad: bool = True) -> str:
    """Minutes and seconds as a clock shows them: 90 -> '01:30' (``pad``),
    or '1:30' as a duration reads in a sentence.

    Whole seconds are cut, not rounded, so a countdown reads 00:00 only
    once its time is really up; negative values count as zero.
    """
    whole = max(int(seconds), 0)
    return f"{whole // 60:0{2 if pad else 1}d}:{whole % 60:02d}"
