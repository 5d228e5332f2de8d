"""The rules a field must pass, as plain functions with no pydantic in sight.

:mod:`briefing.models` attaches them to fields. They live apart, as
module-level callables, so that the compiled form of those models (see
:mod:`briefing.validation`) can be stored and reloaded by reference without
importing pydantic: a closure or a method on a model class could not be.
"""

from __future__ import annotations

import math
import re
from typing import Any

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
            raise ValueError("must be text")
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        if _SURROGATE.search(value):
            raise ValueError("contains bytes that are not valid UTF-8")
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        if len(value) > self.max_len:
            raise ValueError(f"is {len(value)} characters long; the limit is {self.max_len}")
        return value

    def __repr__(self) -> str:
        return f"TextRule({self.max_len})"


def parse_number(value: Any) -> float:
    """A number as a person types it: ``12.5``, ``12,5`` or `` 12 ``."""
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


def finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value
