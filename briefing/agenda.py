"""The meeting's agenda: its segments and the client-time target.

The agenda is one team-wide setting (``settings`` key ``agenda``, as JSON),
so the lead's app and every collaborator's CLI time the same meeting. When
nothing is stored the team gets :data:`DEFAULT_AGENDA`: a new database runs a
sensible 15-minute stand-up without any set-up.

People write the agenda as a small TOML file, because it is easy to edit,
to comment and to keep next to the team's other notes::

    target = 50            # percent: client time should be at least this
                           # share of client + sales time (default 50)

    [[segment]]            # 1 to 12 segments, in meeting order
    title = "Client voice" # 1-80 characters
    kind = "client"        # client | sales | team
    minutes = 4            # or: seconds = 240 (exactly one of the two);
                           # decimals allowed for minutes (e.g. 2.5)

Each segment lasts 30 seconds to 60 minutes. A file with a mistake is
refused as a whole, with one line naming the line to fix
(``agenda.toml line 9: segment 2 ("Numbers"): minutes must be between 0.5
and 60``): a half-applied agenda would quietly mistime the meeting.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import tomllib
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from briefing.db import write
from briefing.errors import BadInput, BriefingError
from briefing.kinds import SegmentKind
from briefing.models import NAME_MAX, _text

__all__ = [
    "Agenda", "DEFAULT_AGENDA", "MAX_SECONDS", "MAX_SEGMENTS", "MIN_SECONDS", "Segment",
    "from_json", "load_agenda", "parse_toml", "reset_agenda", "save_agenda", "to_json",
]

SETTING_KEY = "agenda"
MAX_SEGMENTS = 12
MIN_SECONDS = 30
MAX_SECONDS = 60 * 60
_FIELD = "FILE"
_KINDS = ", ".join(k.value for k in SegmentKind)


@dataclass(frozen=True)
class Segment:
    title: str
    kind: SegmentKind
    planned_s: int


@dataclass(frozen=True)
class Agenda:
    segments: tuple[Segment, ...]
    #: Client time should be at least this share (0..1) of client + sales time.
    target_share: float

    @property
    def total_s(self) -> int:
        return sum(s.planned_s for s in self.segments)


DEFAULT_AGENDA = Agenda(
    segments=(
        Segment("Client voice", SegmentKind.CLIENT, 4 * 60),
        Segment("Client win", SegmentKind.CLIENT, 3 * 60),
        Segment("Numbers", SegmentKind.SALES, 5 * 60),
        Segment("Focus of the day", SegmentKind.TEAM, 3 * 60),
    ),
    target_share=0.5,
)


# --- validation -------------------------------------------------------------


class _Problem(ValueError):
    """A rule broken, with where to point: ``key`` is the line to name
    (None: the segment's header), ``anywhere`` means no single line is at fault."""

    def __init__(self, message: str, key: str | None = None, *, anywhere: bool = False) -> None:
        super().__init__(message)
        self.key = key
        self.anywhere = anywhere


def _number(value: Any) -> float:
    # TOML already types its values: "4" in quotes is a mistake worth naming.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Problem("must be a number")
    try:
        number = float(value)
    except OverflowError:  # TOML integers have no size limit
        raise _Problem("is far too large") from None
    if not math.isfinite(number):
        raise _Problem("must be a finite number")
    return number


def _duration(scale: int) -> BeforeValidator:
    """Minutes (``scale`` 60, decimals allowed) or whole seconds (``scale`` 1)."""
    low, high = MIN_SECONDS / scale, MAX_SECONDS / scale

    def check(value: Any) -> float | None:
        if value is None:
            return None
        number = _number(value)
        if scale == 1 and number != int(number):
            raise _Problem("must be a whole number")
        if not low <= number <= high:
            raise _Problem(f"must be between {low:g} and {high:g}")
        return number

    return BeforeValidator(check)


def _kind(value: Any) -> SegmentKind:
    if not isinstance(value, str) or value not in [k.value for k in SegmentKind]:
        raise _Problem(f"{value!r} is not one of {_KINDS}")
    return SegmentKind(value)


def _target(value: Any) -> float:
    number = _number(value)
    if not 0 <= number <= 100:
        raise _Problem("must be between 0 and 100")
    return number


class _SegmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    title: Annotated[str, _text(NAME_MAX)]
    kind: Annotated[SegmentKind, BeforeValidator(_kind)]
    minutes: Annotated[float | None, _duration(60)] = None
    seconds: Annotated[int | None, _duration(1)] = None

    @model_validator(mode="after")
    def _one_duration(self) -> _SegmentIn:
        if self.minutes is None and self.seconds is None:
            raise _Problem("needs a duration: minutes = N or seconds = N")
        if self.minutes is not None and self.seconds is not None:
            raise _Problem("give minutes or seconds, not both", "seconds")
        return self

    def planned_s(self) -> int:
        return int(self.seconds) if self.seconds is not None else round(self.minutes * 60)


class _AgendaIn(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    target: Annotated[float, BeforeValidator(_target)] = 50.0
    segment: list[_SegmentIn] = Field(default_factory=list, validate_default=True)

    @field_validator("segment", mode="before")
    @classmethod
    def _count(cls, value: Any) -> Any:
        if isinstance(value, dict):
            raise _Problem("must be written [[segment]], with double brackets")
        if not isinstance(value, list):
            raise _Problem("must be a list of [[segment]] tables")
        if not value:
            raise _Problem("at least 1 segment is needed ([[segment]])", anywhere=True)
        if len(value) > MAX_SEGMENTS:
            raise _Problem(f"at most {MAX_SEGMENTS} segments, found {len(value)}", anywhere=True)
        return value

    def agenda(self) -> Agenda:
        segments = tuple(Segment(s.title, s.kind, s.planned_s()) for s in self.segment)
        return Agenda(segments, round(self.target / 100, 6))


# --- TOML -------------------------------------------------------------------


def parse_toml(text: str, source: str = "agenda.toml") -> Agenda:
    """The agenda a TOML file describes, or :class:`BadInput` naming its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(_FIELD, _syntax_message(str(exc), text, source)) from None
    try:
        return _AgendaIn.model_validate(data).agenda()
    except ValidationError as exc:
        lines = text.splitlines()
        problems = [_explain(err, data, lines) for err in exc.errors(include_url=False)]
        line, message = min(problems, key=lambda p: p[0] or 0)
        where = f"{source} line {line}" if line else source
        raise BadInput(_FIELD, f"{where}: {message}") from None


def _syntax_message(message: str, text: str, source: str) -> str:
    """tomllib's "Invalid value (at line 3, column 9)" in our one shape."""
    match = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message, re.S)
    if match:
        what, line, column = match.groups()
        return f"{source} line {line}: {_lower_first(what)} (column {column})"
    what = message.removesuffix(" (at end of document)")
    line = max(len(text.splitlines()), 1)
    return f"{source} line {line}: {_lower_first(what)} (at the end of the file)"


def _explain(err: dict[str, Any], data: dict[str, Any], lines: list[str]) -> tuple[int | None, str]:
    """(line, message) for one pydantic error, its ``loc`` mapped back to the file."""
    loc = err["loc"]
    problem = err.get("ctx", {}).get("error")
    if isinstance(problem, _Problem) and problem.anywhere:
        return None, str(problem)
    if not loc or loc[0] != "segment":  # a top-level key: target, or a typo
        name = str(loc[0]) if loc else "?"
        if err["type"] == "extra_forbidden":
            return _top_line(lines, name), f"unknown key '{name}' (expected target and [[segment]] tables)"
        return _top_line(lines, name), f"{name} {_message(err)}"
    if len(loc) == 1:  # the segment list itself
        return _top_line(lines, "segment"), f"segment {_message(err)}"
    index = loc[1] if isinstance(loc[1], int) else 0
    raw = data["segment"][index] if isinstance(data.get("segment"), list) else None
    prefix = f"segment {index + 1}{_label(raw)}: "
    start, end = _block(lines, index)
    if len(loc) == 2:  # the segment as a whole: a duration rule, or not a table
        key = problem.key if isinstance(problem, _Problem) else None
        return _key_line(lines, start, end, key), prefix + _message(err)
    name = str(loc[2])
    line = _key_line(lines, start, end, name)
    if err["type"] == "extra_forbidden":
        return line, prefix + f"unknown key '{name}' (expected title, kind, minutes or seconds)"
    if err["type"] == "missing":
        hint = f" (one of {_KINDS})" if name == "kind" else ""
        return line, prefix + f"{name} is missing{hint}"
    return line, prefix + f"{name} {_message(err)}"


def _message(err: dict[str, Any]) -> str:
    if err["type"] in ("model_type", "dict_type"):
        return "must be a table"
    if err["type"] == "list_type":
        return "must be a list"
    return _lower_first(err["msg"].removeprefix("Value error, "))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _label(raw: Any) -> str:
    title = raw.get("title") if isinstance(raw, dict) else None
    if isinstance(title, str) and 0 < len(title.strip()) <= NAME_MAX:
        return f' ("{title.strip()}")'
    return ""


_HEADER = re.compile(r"\s*\[")
_SEGMENT_HEADER = re.compile(r"""\s*\[\[\s*(segment|"segment"|'segment')\s*\]\]""")


def _key_pattern(key: str) -> re.Pattern[str]:
    """``key =``, ``key.sub =``, ``[key]`` or ``[[key]]``, the key bare or quoted."""
    name = re.escape(key)
    return re.compile(rf"""\s*(\[\[?\s*)?({name}|"{name}"|'{name}')\s*[=.\]]""")


def _top_line(lines: list[str], key: str) -> int | None:
    """1-based line of a top-level key: above the first table, or a table's header."""
    pattern = _key_pattern(key)
    top = next((i for i, text in enumerate(lines) if _HEADER.match(text)), len(lines))
    for i, text in enumerate(lines):
        if pattern.match(text) and (i < top or _HEADER.match(text)):
            return i + 1
    return None


def _block(lines: list[str], index: int) -> tuple[int, int]:
    """Line indexes [start, end) of the ``index``-th ``[[segment]]`` table."""
    headers = [i for i, text in enumerate(lines) if _SEGMENT_HEADER.match(text)]
    if index >= len(headers):  # written as an inline array: point at ``segment =``
        line = _top_line(lines, "segment")
        return (line - 1, line) if line else (0, 0)
    start = headers[index]
    end = next((i for i in range(start + 1, len(lines)) if _HEADER.match(lines[i])), len(lines))
    return start, end


def _key_line(lines: list[str], start: int, end: int, key: str | None) -> int | None:
    """1-based line of ``key =`` in lines[start:end]; else the block's first line."""
    if key is not None:
        pattern = _key_pattern(key)
        for i in range(start, end):
            if pattern.match(lines[i]):
                return i + 1
    return start + 1 if start < end else None


# --- JSON and storage -----------------------------------------------------------


def to_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "target_share": agenda.target_share,
        "segments": [{"title": s.title, "kind": s.kind.value, "planned_s": s.planned_s} for s in agenda.segments],
        "total_s": agenda.total_s,
    }


def from_json(data: dict[str, Any]) -> Agenda:
    """Back from :func:`to_json`, held to the same rules as a TOML file."""
    try:
        segments = [{"title": s["title"], "kind": s["kind"], "seconds": s["planned_s"]} for s in data["segments"]]
        share = data["target_share"]
        if isinstance(share, bool) or not isinstance(share, (int, float)):
            raise TypeError
        return _AgendaIn.model_validate({"target": share * 100, "segment": segments}).agenda()
    except (KeyError, TypeError, AttributeError):
        raise BadInput("agenda", "expected target_share and segments of title, kind, planned_s") from None
    except ValidationError as exc:
        raise BadInput("agenda", _explain(exc.errors(include_url=False)[0], {}, [])[1]) from None


def load_agenda(conn: sqlite3.Connection) -> Agenda:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING_KEY,)).fetchone()
    if row is None:
        return DEFAULT_AGENDA
    try:
        return from_json(json.loads(row[0]))
    except (ValueError, BadInput) as exc:
        # Not the user's input to fix on this command line: exit 1, with the way out.
        raise BriefingError(f"the stored agenda is unreadable ({exc}); 'briefing agenda reset' restores the default") from None


def save_agenda(conn: sqlite3.Connection, agenda: Agenda) -> None:
    """Store ``agenda`` for the whole team, checked so that loading it never fails."""
    value = json.dumps(to_json(from_json(to_json(agenda))), ensure_ascii=False)
    with write(conn):
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (SETTING_KEY, value))


def reset_agenda(conn: sqlite3.Connection) -> None:
    with write(conn):
        conn.execute("DELETE FROM settings WHERE key = ?", (SETTING_KEY,))
