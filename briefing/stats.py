"""What the briefing remembers: the last weeks' figures, and a headline.

Over the last N calendar weeks (Monday to Sunday, the current week so far
included): the client share of each finished briefing with its agenda's
target, minutes per kind per week, verbatims collected per week by
sentiment, wins owned vs wins presented per collaborator, and how often
each segment ran over. One sentence sums it up (:func:`headline`).

Time comes from the same fold as a briefing's summary (``Meeting.state``,
:mod:`briefing.clock`): the figures never disagree with what the room saw
at the end of each meeting. Only finished briefings count; an abandoned
one is not a briefing the team held.

Every query reads the window alone, by the indexed ``meetings.day``,
``verbatims.date`` and ``wins.date`` (tests/test_stats.py reads their plans):
ten years of history cost what the weeks asked for cost.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from briefing import agenda as agendas
from briefing.clock import Event, EventType, MeetingState
from briefing.db import snapshot
from briefing.i18n import _, ngettext
from briefing.kinds import SegmentKind, Sentiment
from briefing.meeting import Meeting
from briefing.timeutil import today as _today

__all__ = [
    "DEFAULT_WEEKS",
    "HEADLINE_WEEKS",
    "MAX_WEEKS",
    "Period",
    "Share",
    "Stats",
    "WeekFigures",
    "WinTally",
    "headline",
    "load",
    "share",
    "week_of",
    "week_starts",
]

DEFAULT_WEEKS = 12
#: Ten years: the longest window a person can ask for (`stats --weeks`).
MAX_WEEKS = 520
#: The headline compares the last 4 weeks (about a month) with the 4 before.
HEADLINE_WEEKS = 4
#: An overrun shorter than this is the lead's finger, not a segment running late.
OVERRUN_MIN_S = 1.0


# --- pure rules ----------------------------------------------------------------------


def week_of(day: date) -> date:
    """The Monday that starts ``day``'s week: weeks are what a team plans by."""
    return day - timedelta(days=day.weekday())


def week_starts(today: date, weeks: int) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, oldest first, this week last."""
    last = week_of(today)
    return [last - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def share(client_s: float, sales_s: float) -> float | None:
    """Client time over client + sales time (team time counts for neither,
    as on the meeting's gauge); None when there was neither."""
    total = client_s + sales_s
    return client_s / total if total > 0 else None


@dataclass(frozen=True)
class Period:
    """A stretch of weeks, summed: time-weighted, so a long briefing weighs
    more than a short one (the share of the minutes, not a mean of shares)."""

    briefings: int
    client_s: float
    sales_s: float

    @property
    def share(self) -> float | None:
        return share(self.client_s, self.sales_s)


def percent(value: float) -> int:
    """A share as the whole percent people read (half up: 0.545 -> 55)."""
    return int(value * 100 + 0.5)


def _recent(weeks: int, over: bool) -> str:
    """The last ``weeks`` weeks in words: "this week", "over the last 4
    weeks" (``over``) or "in the last 4 weeks"."""
    if weeks == 1:
        return _("this week")
    return (_("over the last {weeks} weeks") if over else _("in the last {weeks} weeks")).format(weeks=weeks)


def _before(weeks: int) -> str:
    """The ``weeks`` weeks before those: "the week before", "in the 4 before"."""
    return _("the week before") if weeks == 1 else _("in the {weeks} before").format(weeks=weeks)


def headline(recent: Period, before: Period, weeks: int, presented: int, members: int) -> str:
    """The figures in one sentence, computed from them: the client share of
    the last ``weeks`` weeks against the ``weeks`` before, then how many of
    the ``members`` (the active collaborators, the lead aside) presented a
    win in those last weeks. In the language in use (``--json``: English)."""
    from briefing.formats import percentage

    if recent.briefings == 0:
        span = _recent(weeks, over=False)
        if before.briefings:
            return ngettext(
                "No briefing was finished {span} (one {before}).",
                "No briefing was finished {span} ({count} {before}).",
                before.briefings,
            ).format(span=span, count=before.briefings, before=_before(weeks))
        return _("No briefing was finished {span}: the trends fill in as the team holds briefings.").format(span=span)
    now = recent.share
    if now is None:
        text = _("No client or sales time was counted {span}").format(span=_recent(weeks, over=False))
    else:
        text = _("Client share {share} {span}").format(share=percentage(percent(now)), span=_recent(weeks, over=True))
        then = before.share if before.briefings else None
        if then is None:
            text += _(" (nothing to compare with before)")
        elif percent(now) == percent(then):
            text += _(" (as {before})").format(before=_before(weeks))
        else:
            way = (
                _(" (up from {share} {before})") if percent(now) > percent(then) else _(" (down from {share} {before})")
            )
            text += way.format(share=percentage(percent(then)), before=_before(weeks))
    if members:
        text += ngettext(
            "; {presented} of {members} collaborator presented a win in that time",
            "; {presented} of {members} collaborators presented a win in that time",
            members,
        ).format(presented=presented, members=members)
    return text + "."


# --- records -------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """One finished briefing's client share, and the target its agenda set."""

    meeting_id: int
    day: date
    share: float | None
    target: float


@dataclass(frozen=True)
class WeekFigures:
    week: date  # its Monday
    briefings: int
    #: Minutes spent per kind (client, sales, team) in the week's finished briefings.
    minutes: dict[str, float]
    #: Verbatims collected that week (by the day they were heard), per sentiment.
    verbatims: dict[str, int]

    @property
    def share(self) -> float | None:
        """The week's client share, weighted by the minutes."""
        return share(self.minutes[SegmentKind.CLIENT], self.minutes[SegmentKind.SALES])


@dataclass(frozen=True)
class WinTally:
    name: str
    #: Wins dated in the window that are this person's.
    owned: int
    #: Finished briefings in the window where this person told a win.
    presented: int


@dataclass(frozen=True)
class Overrun:
    segment: str
    #: Finished briefings that had a segment of this title.
    held: int
    #: Of those, how many went over its planned time.
    overran: int
    overrun_s: float


@dataclass(frozen=True)
class Stats:
    today: date
    weeks: int
    start: date
    shares: tuple[Share, ...]
    by_week: tuple[WeekFigures, ...]
    wins: tuple[WinTally, ...]
    overruns: tuple[Overrun, ...]
    headline: str

    @property
    def held(self) -> int:
        return len(self.shares)


# --- reading the window --------------------------------------------------------------

# ``+outcome``: never the outcome index, which would walk every finished
# briefing of the history; the day index reads the window alone.
_HELD = "SELECT {cols} FROM meetings WHERE day BETWEEN ? AND ? AND +outcome = 'finished'"


@dataclass(frozen=True)
class _Held:
    meeting_id: int
    day: date
    state: MeetingState
    presenter_id: int | None
    told_win: bool


def load(conn: sqlite3.Connection, today: date | None = None, weeks: int = DEFAULT_WEEKS) -> Stats:
    """The figures of the last ``weeks`` weeks up to ``today``, read in one
    snapshot (a colleague's commit cannot fall between two of them)."""
    if not 1 <= weeks <= MAX_WEEKS:
        from briefing.errors import BadInput
        from briefing.i18n import _

        raise BadInput("weeks", _("must be between 1 and {limit}, not {weeks}").format(limit=MAX_WEEKS, weeks=weeks))
    today = today or _today()
    k = min(HEADLINE_WEEKS, weeks)
    mondays = week_starts(today, weeks)
    start = mondays[0]
    read_from = min(start, week_starts(today, 2 * k)[0])  # the headline's weeks before
    with snapshot(conn):
        held = _held(conn, read_from, today)
        people = conn.execute("SELECT id, name, role, active FROM collaborators").fetchall()
        moods = conn.execute(
            "SELECT date, sentiment, count(*) FROM verbatims WHERE date BETWEEN ? AND ? GROUP BY date, sentiment",
            (start.isoformat(), today.isoformat()),
        ).fetchall()
        owned = dict(
            conn.execute(
                "SELECT owner_id, count(*) FROM wins WHERE date BETWEEN ? AND ? GROUP BY owner_id",
                (start.isoformat(), today.isoformat()),
            ).fetchall()
        )
    in_window = [h for h in held if h.day >= start]
    names = {p["id"]: p["name"] for p in people}
    members = {p["id"] for p in people if p["active"] and p["role"] != "lead"}
    recent_from = week_starts(today, k)[0]
    recent = [h for h in held if h.day >= recent_from]
    before = [h for h in held if h.day < recent_from]
    presenters = {h.presenter_id for h in recent if h.told_win} & members
    return Stats(
        today=today,
        weeks=weeks,
        start=start,
        shares=tuple(Share(h.meeting_id, h.day, h.state.client_share, h.state.target_share) for h in in_window),
        by_week=_by_week(mondays, in_window, moods),
        wins=_wins(names, members, owned, in_window),
        overruns=_overruns(in_window),
        headline=headline(_period(recent), _period(before), k, len(presenters), len(members)),
    )


def _held(conn: sqlite3.Connection, start: date, end: date) -> list[_Held]:
    """The finished briefings from ``start`` to ``end``, each folded."""
    window = (start.isoformat(), end.isoformat())
    rows = conn.execute(
        _HELD.format(cols="id, day, agenda, presenter_id, win_id") + " ORDER BY day, id", window
    ).fetchall()
    events: dict[int, list[Event]] = defaultdict(list)
    for r in conn.execute(
        f"""SELECT meeting_id, type, arg, at FROM meeting_events
            WHERE meeting_id IN ({_HELD.format(cols="id")}) ORDER BY meeting_id, seq""",
        window,
    ):
        arg = json.loads(r[2]) if r[2] is not None else None
        events[r[0]].append(Event(EventType(r[1]), datetime.fromisoformat(r[3]), arg))
    plans: dict[str, agendas.Agenda] = {}  # most briefings share one agenda: parse it once
    held = []
    for r in rows:
        plan = plans.get(r["agenda"]) or plans.setdefault(r["agenda"], agendas.from_json(json.loads(r["agenda"])))
        mine = tuple(events.get(r["id"], ()))
        if not mine:
            continue
        meeting = Meeting(r["id"], date.fromisoformat(r["day"]), plan, mine, "")
        state = meeting.state(mine[-1].at)  # a finished briefing's clock no longer moves
        held.append(_Held(r["id"], meeting.day, state, r["presenter_id"], r["win_id"] is not None))
    return held


def _period(held: Iterable[_Held]) -> Period:
    held = list(held)
    return Period(
        len(held),
        sum(h.state.elapsed_by_kind[SegmentKind.CLIENT] for h in held),
        sum(h.state.elapsed_by_kind[SegmentKind.SALES] for h in held),
    )


def _by_week(mondays: Sequence[date], held: Sequence[_Held], moods: Sequence[sqlite3.Row]) -> tuple[WeekFigures, ...]:
    count: Counter[date] = Counter()
    minutes = {m: dict.fromkeys(SegmentKind, 0.0) for m in mondays}
    for h in held:
        week = week_of(h.day)
        count[week] += 1
        for kind, seconds in h.state.elapsed_by_kind.items():
            minutes[week][SegmentKind(kind)] += seconds / 60
    said = {m: dict.fromkeys(Sentiment, 0) for m in mondays}
    for day, sentiment, n in moods:
        said[week_of(date.fromisoformat(day))][Sentiment(sentiment)] += n
    return tuple(
        WeekFigures(
            week=m,
            briefings=count[m],
            minutes={k.value: round(v, 2) for k, v in minutes[m].items()},
            verbatims={s.value: n for s, n in said[m].items()},
        )
        for m in mondays
    )


def _wins(
    names: dict[int, str], members: set[int], owned: dict[int, int], held: Sequence[_Held]
) -> tuple[WinTally, ...]:
    """Every active collaborator (a zero is worth seeing), and anyone else
    who owned or told a win in the window, by name."""
    told = Counter(h.presenter_id for h in held if h.told_win and h.presenter_id is not None)
    ids = members | set(owned) | set(told)
    tallies = [WinTally(names[i], owned.get(i, 0), told[i]) for i in ids if i in names]
    return tuple(sorted(tallies, key=lambda t: (t.name.casefold(), t.name)))


def _overruns(held: Sequence[_Held]) -> tuple[Overrun, ...]:
    """Per segment title (the same title in two agendas is the same part of
    the meeting), the most often late first."""
    runs: dict[str, list[float]] = defaultdict(list)
    for h in held:
        for seg in h.state.segments:
            runs[seg.title].append(seg.overrun_s if seg.overrun_s >= OVERRUN_MIN_S else 0.0)
    found = [Overrun(title, len(r), sum(1 for s in r if s), round(sum(r), 1)) for title, r in runs.items()]
    return tuple(sorted(found, key=lambda o: (-o.overran, -o.overrun_s, o.segment)))
