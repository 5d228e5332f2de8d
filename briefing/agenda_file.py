"""Reading an agenda from a TOML file, with the line of every mistake.

Kept apart from :mod:`briefing.agenda` because it needs pydantic: the
meeting screen reads the stored agenda on every load and should not pay
for the validation library that only ``briefing agenda set`` needs.

The messages are in the user's language; what they quote from the file
(its keys: ``title``, ``minutes``, ``kind = "client"``) stays as written,
since that is what the user types. tomllib's own syntax errors ("Invalid
value") come from Python in English and are passed on as they are.
"""

from __future__ import annotations

import math
import re
import tomllib
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from briefing.agenda import (
    FIELD,
    KINDS,
    MAX_SECONDS,
    MAX_SEGMENTS,
    MIN_SECONDS,
    ONE_WIN,
    Agenda,
    Segment,
    check,
    check_calls,
    win_by_title,
)
from briefing.checks import NAME_MAX
from briefing.errors import BadInput, BadSegment
from briefing.i18n import _
from briefing.kinds import SegmentKind
from briefing.models import text_rule

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
        raise _Problem(_("must be a number"))
    try:
        number = float(value)
    except OverflowError:  # TOML integers have no size limit
        raise _Problem(_("is far too large")) from None
    if not math.isfinite(number):
        raise _Problem(_("must be a finite number"))
    return number


def _duration(scale: int) -> BeforeValidator:
    """Minutes (``scale`` 60, decimals allowed) or whole seconds (``scale`` 1)."""
    low, high = MIN_SECONDS / scale, MAX_SECONDS / scale

    def check(value: Any) -> float | None:
        if value is None:
            return None
        number = _number(value)
        if scale == 1 and number != int(number):
            raise _Problem(_("must be a whole number"))
        if not low <= number <= high:
            # As TOML writes numbers (2.5), in every language: the file is TOML.
            raise _Problem(_("must be between {low} and {high}").format(low=f"{low:g}", high=f"{high:g}"))
        return number

    return BeforeValidator(check)


def _kind(value: Any) -> SegmentKind:
    if not isinstance(value, str) or value not in [k.value for k in SegmentKind]:
        raise _Problem(_("{value} is not one of {choices}").format(value=repr(value), choices=KINDS))
    return SegmentKind(value)


def _flag(value: Any) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise _Problem(_("must be true or false"))
    return value


def _win_min(value: Any) -> int:
    number = _number(value)
    if number != int(number):
        raise _Problem(_("must be a whole number of seconds"))
    if not 0 <= number <= MAX_SECONDS:
        raise _Problem(_("must be between {low} and {high}").format(low=0, high=MAX_SECONDS))
    return int(number)


def _target(value: Any) -> float:
    number = _number(value)
    if not 0 <= number <= 100:
        raise _Problem(_("must be between 0 and 100"))
    return number


class _SegmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    title: Annotated[str, text_rule(NAME_MAX)]
    kind: Annotated[SegmentKind, BeforeValidator(_kind)]
    minutes: Annotated[float | None, _duration(60)] = None
    seconds: Annotated[int | None, _duration(1)] = None
    win: Annotated[bool | None, BeforeValidator(_flag)] = None
    call: Annotated[bool | None, BeforeValidator(_flag)] = None

    @model_validator(mode="after")
    def _one_duration(self) -> _SegmentIn:
        if self.minutes is None and self.seconds is None:
            raise _Problem(_("needs a duration: minutes = N or seconds = N"))
        if self.minutes is not None and self.seconds is not None:
            raise _Problem(_("give minutes or seconds, not both"), "seconds")
        return self

    def planned_s(self) -> int:
        return int(self.seconds) if self.seconds is not None else round(self.minutes * 60)


class _AgendaIn(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    target: Annotated[float, BeforeValidator(_target)] = 50.0
    #: Seconds the client-win segment must run for the win to count as told.
    win_min_seconds: Annotated[int, BeforeValidator(_win_min)] = Agenda.win_min_s
    segment: list[_SegmentIn] = Field(default_factory=list, validate_default=True)

    @field_validator("segment", mode="before")
    @classmethod
    def _count(cls, value: Any) -> Any:
        if isinstance(value, dict):
            raise _Problem(_("must be written [[segment]], with double brackets"))
        if not isinstance(value, list):
            raise _Problem(_("must be a list of [[segment]] tables"))
        if not value:
            raise _Problem(_("at least 1 segment is needed ([[segment]])"), anywhere=True)
        if len(value) > MAX_SEGMENTS:
            problem = _("at most {limit} segments, found {count}").format(limit=MAX_SEGMENTS, count=len(value))
            raise _Problem(problem, anywhere=True)
        return value

    def agenda_segments(self) -> tuple[Segment, ...]:
        return tuple(Segment(s.title, s.kind, s.planned_s(), s.win is True, s.call is True) for s in self.segment)

    def agenda(self) -> Agenda:
        segments = self.agenda_segments()
        if all(s.win is None for s in self.segment):  # a file from before `win = true`
            segments = win_by_title(segments)
        return check(Agenda(segments, round(self.target / 100, 6), self.win_min_seconds))

    def wins(self) -> list[int]:
        """The segments marked ``win = true``: more than one is a mistake."""
        return [i for i, s in enumerate(self.segment) if s.win]


# --- TOML -------------------------------------------------------------------


def parse_toml(text: str, source: str = "agenda.toml") -> Agenda:
    """The agenda a TOML file describes, or :class:`BadInput` naming its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(FIELD, _syntax_message(str(exc), text, source)) from None
    except RecursionError:  # thousands of nested [ or {: no agenda is shaped like that
        raise BadInput(FIELD, _("{source}: nested too deeply to be an agenda").format(source=source)) from None
    lines = text.splitlines()
    try:
        model = _AgendaIn.model_validate(data)
    except ValidationError as exc:
        problems = [_explain(err, data, lines) for err in exc.errors(include_url=False)]
        line, message = min(problems, key=lambda p: p[0] or 0)
        raise BadInput(FIELD, _at(source, line, message)) from None
    wins = model.wins()
    if len(wins) > 1:
        first, second = wins[:2]
        line = _key_line(lines, *_block(lines, second), "win")
        problem = _("win = true is already on segment {number}; {rule}").format(number=first + 1, rule=_(ONE_WIN))
        raise BadInput(FIELD, _at(source, line, _segment(second, data["segment"][second], problem)))
    try:
        check_calls(model.agenda_segments())
    except BadSegment as exc:
        line = _key_line(lines, *_block(lines, exc.index), "call")
        raw = data["segment"][exc.index]
        raise BadInput(FIELD, _at(source, line, _segment(exc.index, raw, exc.detail))) from None
    return model.agenda()


def _at(source: str, line: int | None, message: str) -> str:
    """``agenda.toml line 9: ...``, or the file alone when no line is to blame."""
    if line is None:
        return _("{source}: {problem}").format(source=source, problem=message)
    return _("{source} line {line}: {problem}").format(source=source, line=line, problem=message)


def _segment(index: int, raw: Any, problem: str) -> str:
    """``segment 2 ("Numbers"): ...``: the segment by its number and title."""
    return _("segment {number}{title}: {problem}").format(number=index + 1, title=_label(raw), problem=problem)


def _syntax_message(message: str, text: str, source: str) -> str:
    """tomllib's "Invalid value (at line 3, column 9)" in our one shape."""
    match = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message, re.S)
    if match:
        what, line, column = match.groups()
        where = _("{problem} (column {column})").format(problem=_lower_first(what), column=column)
        return _at(source, int(line), where)
    what = message.removesuffix(" (at end of document)")
    line = max(len(text.splitlines()), 1)
    return _at(source, line, _("{problem} (at the end of the file)").format(problem=_lower_first(what)))


def _explain(err: dict[str, Any], data: dict[str, Any], lines: list[str]) -> tuple[int | None, str]:
    """(line, message) for one pydantic error, its ``loc`` mapped back to the file."""
    loc = err["loc"]
    problem = err.get("ctx", {}).get("error")
    if isinstance(problem, _Problem) and problem.anywhere:
        return None, str(problem)
    if not loc or loc[0] != "segment":  # a top-level key: target, or a typo
        name = str(loc[0]) if loc else "?"
        if err["type"] == "extra_forbidden":
            unknown = _("unknown key '{name}' (expected target, win_min_seconds and [[segment]] tables)")
            return _top_line(lines, name), unknown.format(name=name)
        return _top_line(lines, name), _key(name, err)
    if len(loc) == 1:  # the segment list itself
        return _top_line(lines, "segment"), _key("segment", err)
    index = loc[1] if isinstance(loc[1], int) else 0
    raw = data["segment"][index] if isinstance(data.get("segment"), list) else None
    start, end = _block(lines, index)
    if len(loc) == 2:  # the segment as a whole: a duration rule, or not a table
        key = problem.key if isinstance(problem, _Problem) else None
        return _key_line(lines, start, end, key), _segment(index, raw, _message(err))
    name = str(loc[2])
    line = _key_line(lines, start, end, name)
    if err["type"] == "extra_forbidden":
        unknown = _("unknown key '{name}' (expected title, kind, minutes or seconds, win, call)").format(name=name)
        return line, _segment(index, raw, unknown)
    if err["type"] == "missing":
        if name == "kind":
            missing = _("{key} is missing (one of {choices})").format(key=name, choices=KINDS)
        else:
            missing = _("{key} is missing").format(key=name)
        return line, _segment(index, raw, missing)
    return line, _segment(index, raw, _key(name, err))


def _key(name: str, err: dict[str, Any]) -> str:
    """``minutes must be between 0.5 and 60``: the file's key, then what is wrong with it."""
    return _("{key} {problem}").format(key=name, problem=_message(err))


def _message(err: dict[str, Any]) -> str:
    """What is wrong, in our words (:func:`briefing.validation.problem`)."""
    from briefing.validation import problem

    if err["type"] in ("model_type", "dict_type"):
        return _("must be a table")
    return _lower_first(problem(err))


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
