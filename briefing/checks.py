"""The rules a field must pass, as plain functions with no pydantic in sight.

:mod:`briefing.models` attaches them to fields. They live apart, as
module-level callables, so that the compiled form of those models (see
:mod:`briefing.validation`) can be stored and reloaded by reference without
importing pydantic: a closure or a method on a model class could not be.

Their messages are in the user's language, translated when a value is
refused (never at import): pydantic hands them on as they were raised.
"""

from __future__ import annotations

import math
import re
from typing import Any

from briefing.i18n import _

NAME_MAX = 80
TEXT_MAX = 2000
TITLE_MAX = 120
STORY_MAX = 2000
UNIT_MAX = 20

_SURROGATE = re.compile("[\ud800-\udfff]")


class TextRule:
    """People's text: trimmed, non-empty, bounded, storable.

    NUL and lone surrogates are refused rather than silently altered: SQLite
    and UTF-8 cannot keep them faithfully, and everything else (markup, ANSI
    escapes, emoji, right-to-left scripts) is kept byte for byte.
    """

    def __init__(self, max_len: int) -> None:
        self.max_len = max_len

    def __call__(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(_("must be text"))
        if "\x00" in value:
            raise ValueError(_("contains a NUL character"))
        if _SURROGATE.search(value):
            raise ValueError(_("contains bytes that are not valid UTF-8"))
        value = value.strip()
        if not value:
            raise ValueError(_("must not be empty"))
        if len(value) > self.max_len:
            raise ValueError(
                _("is {length} characters long; the limit is {limit}").format(length=len(value), limit=self.max_len)
            )
        return value

    def __repr__(self) -> str:
        return f"TextRule({self.max_len})"


#: Larger than any sales figure a team tracks; keeps tables and sums sane.
NUMBER_MAX = 1e12

# Digits, optionally grouped by thousands with spaces (12 400), then an
# optional decimal part with a point or a comma (12.5, 12,5).
_NUMBER = re.compile(r"([+\-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d+))?")


def parse_number(value: Any) -> float:
    """A number as a person types it: ``12.5``, ``12,5``, ``12 400``, ``-3``.

    Refused rather than guessed: ``12,400`` (twelve thousand four hundred
    in English, twelve point four in French), ``1_000``, ``1e6``, and
    anything beyond :data:`NUMBER_MAX`.
    """
    if isinstance(value, bool):
        raise ValueError(_("must be a number"))
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        match = _NUMBER.fullmatch(value.strip())
        if match is None:
            raise ValueError(_("{value} is not a number (write it like 12400 or 12.5)").format(value=repr(value)))
        sign, whole, mark, decimals = match.groups()
        if mark == "," and len(decimals) == 3 and not any(ch in whole for ch in " \u00a0\u202f"):
            raise ValueError(
                _("{value} is ambiguous: write {thousands} for thousands, or {decimal} for a decimal").format(
                    value=repr(value.strip()),
                    thousands=whole + decimals,
                    decimal=f"{whole}.{decimals.rstrip('0') or '0'}",
                )
            )
        digits = "".join(ch for ch in whole if ch.isdigit())
        negative = sign in ("-", "\u2212")
        number = float(f"{'-' if negative else ''}{digits}.{decimals or 0}")
    else:
        raise ValueError(_("{value} is not a number").format(value=repr(value)))
    if math.isfinite(number) and abs(number) > NUMBER_MAX:
        from briefing import formats

        raise ValueError(
            _("{value} is too large for a metric (at most {limit})").format(
                value=value, limit=formats.number(NUMBER_MAX, decimals=0)
            )
        )
    return number


def finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError(_("must be a finite number"))
    return value


PHONE_MAX = 30
EMAIL_MAX = 254
_PHONE = re.compile(r"\+?[0-9 ().\-/]+")
_EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+")


def phone(value: str) -> str:
    """A number a person can dial: digits with the usual separators, a
    leading + for abroad; between 6 and 20 digits."""
    if not _PHONE.fullmatch(value):
        raise ValueError(_("{value} is not a phone number (digits, spaces, + . - ( ) only)").format(value=repr(value)))
    digits = sum(ch.isdigit() for ch in value)
    if not 6 <= digits <= 20:
        raise ValueError(
            _("{value} has {count} digits; a phone number has 6 to 20").format(value=repr(value), count=digits)
        )
    return value


def email(value: str) -> str:
    """One address, name@domain.tld: enough to catch a slip, not a parser."""
    if not _EMAIL.fullmatch(value):
        raise ValueError(_("{value} is not an email address (name@example.com)").format(value=repr(value)))
    return value
