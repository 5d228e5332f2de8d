"""The meeting's agenda: its segments and the client-time target.

The agenda is one team-wide setting (``settings`` key ``agenda``, as JSON),
so the lead's app and every collaborator's CLI time the same meeting. When
nothing is stored the team gets :data:`DEFAULT_AGENDA`: a new database runs a
sensible 18-minute stand-up without any set-up, opening on a client call.
Databases from before the call segment had :data:`CLASSIC_AGENDA` as their
default; migration 8 stores it for them, so their meeting does not change.

People write the agenda as a small TOML file, because it is easy to edit,
to comment and to keep next to the team's other notes::

    target = 50            # percent: client time should be at least this
                           # share of client + sales time (default 50)

    [[segment]]            # 1 to 12 segments, in meeting order
    title = "Client voice" # 1-80 characters
    kind = "client"        # client | sales | team
    minutes = 4            # or: seconds = 240 (exactly one of the two);
                           # decimals allowed for minutes (e.g. 2.5)

    [[segment]]
    title = "Client win"
    kind = "client"
    minutes = 3
    win = true             # today's presenter tells a client win here
                           # (one segment at most)

    [[segment]]
    title = "Client call"
    kind = "client"        # a call segment is client time
    minutes = 3
    call = true            # the room calls a client the app proposes
                           # (one segment at most; not also the win)

A top-level ``win_min_seconds = 30`` (0 to 3600, default 30) is how long
the client-win segment must run for the win to count as told: paging
through it with ``n`` uses up nobody's turn.

Each segment lasts 30 seconds to 60 minutes. A file with a mistake is
refused as a whole, with one line naming the line to fix
(``agenda.toml line 9: segment 2 ("Numbers"): minutes must be between 0.5
and 60``): a half-applied agenda would quietly mistime the meeting.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from briefing.checks import NAME_MAX, parse_number
from briefing.db import write
from briefing.errors import AgendaUnreadable, BadInput, BadSegment
from briefing.i18n import N_, _
from briefing.kinds import SegmentKind

__all__ = [
    "CLASSIC_AGENDA",
    "DEFAULT_AGENDA",
    "MAX_SECONDS",
    "MAX_SEGMENTS",
    "MIN_SECONDS",
    "Agenda",
    "Segment",
    "Typed",
    "builtin",
    "check",
    "default_agenda",
    "from_json",
    "load_agenda",
    "parse_toml",
    "planned_share",
    "reset_agenda",
    "save_agenda",
    "save_typed",
    "share_warning",
    "to_json",
    "typed",
]

SETTING_KEY = "agenda"
MAX_SEGMENTS = 12
MIN_SECONDS = 30
MAX_SECONDS = 60 * 60
#: What a refusal names: the agenda as a whole (a file, a form, the setting).
FIELD = "agenda"
KINDS = ", ".join(k.value for k in SegmentKind)
#: Refusals shared with :mod:`briefing.agenda_file`, translated where raised.
ONE_WIN = N_("only one segment is the client win")
ONE_CALL = N_("only one segment is the client call")
CALL_NOT_WIN = N_("a segment is the client call or the client win, not both")
CALL_IS_CLIENT_TIME = N_('a client call is client time: its kind must be "client"')


@dataclass(frozen=True)
class Segment:
    title: str
    kind: SegmentKind
    planned_s: int
    #: The client-win segment: the rotation's presenter tells a win here.
    win: bool = False
    #: The client call: the room calls a client the app proposes.
    call: bool = False


@dataclass(frozen=True)
class Agenda:
    segments: tuple[Segment, ...]
    #: Client time should be at least this share (0..1) of client + sales time.
    target_share: float
    #: The client-win segment must run this long for the win to count as told.
    win_min_s: int = 30

    @property
    def total_s(self) -> int:
        return sum(s.planned_s for s in self.segments)

    @property
    def win_index(self) -> int | None:
        """Where today's presenter tells a client win; None: no such segment."""
        return next((i for i, s in enumerate(self.segments) if s.win), None)

    @property
    def call_index(self) -> int | None:
        """Where the room calls a client; None: no such segment."""
        return next((i for i, s in enumerate(self.segments) if s.call), None)


def win_by_title(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """For agendas written before a segment could say ``win = true``: the
    first segment whose title mentions a win is the client-win one, as it
    always was, so an existing file or stored meeting keeps its presenter."""
    first = next((i for i, s in enumerate(segments) if "win" in s.title.casefold() and not s.call), None)
    return tuple(replace(s, win=i == first) for i, s in enumerate(segments))


#: The default of databases made before the call segment existed (they
#: keep it: migration 8 stores it for them).
CLASSIC_AGENDA = Agenda(
    segments=(
        Segment(N_("Client voice"), SegmentKind.CLIENT, 4 * 60),
        Segment(N_("Client win"), SegmentKind.CLIENT, 3 * 60, win=True),
        Segment(N_("Numbers"), SegmentKind.SALES, 5 * 60),
        Segment(N_("Focus of the day"), SegmentKind.TEAM, 3 * 60),
    ),
    target_share=0.5,
)

#: A new team's agenda: a short client call first, then the classic stand-up.
DEFAULT_AGENDA = replace(
    CLASSIC_AGENDA,
    segments=(Segment(N_("Client call"), SegmentKind.CLIENT, 3 * 60, call=True), *CLASSIC_AGENDA.segments),
)


def builtin(agenda: Agenda) -> Agenda:
    """One of the agendas above, its titles in the team's language: what a
    new team first sees and stores. Once stored (or written by the lead)
    the titles are the team's own text, never translated again."""
    return replace(agenda, segments=tuple(replace(s, title=_(s.title)) for s in agenda.segments))


def default_agenda() -> Agenda:
    """A new team's agenda, as it speaks (DEFAULT_AGENDA, translated)."""
    return builtin(DEFAULT_AGENDA)


# --- JSON and storage -----------------------------------------------------------


def to_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "target_share": agenda.target_share,
        "segments": [
            {"title": s.title, "kind": s.kind.value, "planned_s": s.planned_s, "win": s.win, "call": s.call}
            for s in agenda.segments
        ],
        "total_s": agenda.total_s,
        "win_min_s": agenda.win_min_s,
    }


def check(agenda: Agenda) -> Agenda:
    """The rules every agenda keeps, wherever it comes from: a TOML file
    (which also names the line at fault), the stored setting, a screen.
    Returns ``agenda``, or raises :class:`BadInput` on field ``agenda``."""
    count = len(agenda.segments)
    if not 1 <= count <= MAX_SEGMENTS:
        raise BadInput(
            FIELD, _("1 to {limit} segments are needed, found {count}").format(limit=MAX_SEGMENTS, count=count)
        )
    for index, s in enumerate(agenda.segments):
        if not s.title.strip() or len(s.title) > NAME_MAX:
            problem = _("the title must be 1 to {limit} characters").format(limit=NAME_MAX)
            raise BadSegment(index, "title", in_segment(index, problem), problem)
        if not MIN_SECONDS <= s.planned_s <= MAX_SECONDS:
            problem = _("must last between {least} seconds and {most} minutes").format(
                least=MIN_SECONDS, most=MAX_SECONDS // 60
            )
            raise BadSegment(index, "minutes", in_segment(index, problem), problem)
    wins = [i for i, s in enumerate(agenda.segments) if s.win]
    if len(wins) > 1:
        raise BadSegment(wins[1], "win", _(ONE_WIN))
    check_calls(agenda.segments)
    share = agenda.target_share
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 1:
        raise BadInput(FIELD, _("the target must be a share between 0 and 1"))
    least = agenda.win_min_s
    if isinstance(least, bool) or not isinstance(least, int) or not 0 <= least <= MAX_SECONDS:
        raise BadInput(FIELD, _("the client win's minimum must be 0 to {limit} seconds").format(limit=MAX_SECONDS))
    return agenda


def in_segment(index: int, problem: str) -> str:
    """A segment's problem, naming the segment (1-based): "segment 2: ..."."""
    return _("segment {number}: {problem}").format(number=index + 1, problem=problem)


def check_calls(segments: tuple[Segment, ...]) -> None:
    """The call segment's rules: client time, not the win, one at most."""
    calls = [i for i, s in enumerate(segments) if s.call]
    for i in calls:
        if segments[i].win:
            raise BadSegment(i, "call", in_segment(i, _(CALL_NOT_WIN)), _(CALL_NOT_WIN))
        if segments[i].kind is not SegmentKind.CLIENT:
            raise BadSegment(i, "call", in_segment(i, _(CALL_IS_CLIENT_TIME)), _(CALL_IS_CLIENT_TIME))
    if len(calls) > 1:
        raise BadSegment(calls[1], "call", _(ONE_CALL))


# --- the plan against its own target ---------------------------------------------


def planned_share(agenda: Agenda) -> float | None:
    """Client minutes / (client + sales minutes) as planned (0..1); None when
    the agenda plans neither, so there is no share to hold to a target.
    Team time counts on neither side, as in the meeting's balance gauge."""
    client = sum(s.planned_s for s in agenda.segments if s.kind is SegmentKind.CLIENT)
    sales = sum(s.planned_s for s in agenda.segments if s.kind is SegmentKind.SALES)
    return client / (client + sales) if client + sales else None


def share_warning(agenda: Agenda) -> str | None:
    """Words for a plan that misses its own target, or None when it does not.

    Such an agenda is accepted (the lead may mean it for a day), but said.
    The planned share is rounded down, so it never reads as the target it
    misses ("50% is below the target 50%")."""
    share = planned_share(agenda)
    if share is None or share >= agenda.target_share:
        return None
    from briefing.formats import percentage

    planned = math.floor(share * 100 + 1e-9)
    target = round(agenda.target_share * 100, 2)
    return _("planned client share {planned} is below the target {target}").format(
        planned=percentage(planned), target=percentage(target)
    )


# --- an agenda as a person types it in a form -------------------------------------


@dataclass(frozen=True)
class Typed:
    """One segment as typed on a screen: the minutes still text (``4``, ``2.5``)."""

    title: str
    kind: SegmentKind
    minutes: str
    win: bool = False
    call: bool = False


def typed_seconds(minutes: str) -> int:
    """Seconds from minutes as typed; ValueError in words when they are not a number."""
    return round(parse_number(minutes) * 60)


def typed_target(percent: str) -> float:
    """The target share (0..1) from a percentage as typed; ValueError in words."""
    number = parse_number(percent)
    if not 0 <= number <= 100:
        raise ValueError(_("must be between 0 and 100"))
    return round(number / 100, 6)


def typed(segments: list[Typed], target: str) -> Agenda:
    """The agenda a screen holds, with the rules of :func:`check`.

    Refuses with :class:`BadSegment` (which segment, which part) or
    ``BadInput("target", ...)``: the screen marks the field at fault."""
    made = []
    for index, s in enumerate(segments):
        try:
            seconds = typed_seconds(s.minutes)
        except ValueError as exc:
            problem = _("minutes: {problem}").format(problem=exc)
            raise BadSegment(index, "minutes", in_segment(index, problem), problem) from None
        made.append(Segment(s.title.strip(), s.kind, seconds, s.win, s.call))
    try:
        share = typed_target(target)
    except ValueError as exc:
        raise BadInput("target", _("the target {problem}").format(problem=exc)) from None
    return check(Agenda(tuple(made), share))


def save_typed(conn: sqlite3.Connection, segments: list[Typed], target: str) -> Agenda:
    """:func:`typed`, then stored for the whole team; returns what was stored.

    What the screen does not edit is kept as stored: the time a client-win
    segment must run to count (``win_min_s``, set from an agenda file)."""
    agenda = typed(segments, target)
    try:
        agenda = replace(agenda, win_min_s=load_agenda(conn).win_min_s)
    except AgendaUnreadable:
        pass  # a stored agenda that cannot be read: the screen's replaces it, defaults and all
    save_agenda(conn, agenda)
    return agenda


def from_json(data: dict[str, Any]) -> Agenda:
    """Back from :func:`to_json`, held to :func:`check` without loading pydantic."""
    try:
        segments = tuple(
            Segment(
                str(s["title"]),
                SegmentKind(s["kind"]),
                int(s["planned_s"]),
                win=s.get("win") is True,
                call=s.get("call") is True,
            )
            for s in data["segments"]
        )
        if not any("win" in s for s in data["segments"]):  # stored before segments said so
            segments = win_by_title(segments)
        # Stored before the minimum existed: the default.
        agenda = Agenda(segments, data["target_share"], data.get("win_min_s", Agenda.win_min_s))
    except (KeyError, TypeError, AttributeError, ValueError):
        raise BadInput(FIELD, _("expected target_share and segments of title, kind, planned_s")) from None
    check(agenda)
    return Agenda(segments, float(agenda.target_share), agenda.win_min_s)


def parse_toml(text: str, source: str = "agenda.toml") -> Agenda:
    """An agenda from a TOML file (see the module docstring for the format)."""
    from briefing.agenda_file import parse_toml as parse

    return parse(text, source)


def load_agenda(conn: sqlite3.Connection) -> Agenda:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING_KEY,)).fetchone()
    if row is None:
        return default_agenda()
    try:
        return from_json(json.loads(row[0]))
    except (ValueError, BadInput) as exc:
        # Not the input of whoever meets it: exit 1 (front ends say how to reset it).
        raise AgendaUnreadable(_("the stored agenda is unreadable ({problem})").format(problem=exc)) from None


def save_agenda(conn: sqlite3.Connection, agenda: Agenda) -> None:
    """Store ``agenda`` for the whole team, checked so that loading it never fails."""
    value = json.dumps(to_json(check(agenda)), ensure_ascii=False)
    with write(conn):
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (SETTING_KEY, value))


def reset_agenda(conn: sqlite3.Connection) -> None:
    with write(conn):
        conn.execute("DELETE FROM settings WHERE key = ?", (SETTING_KEY,))
