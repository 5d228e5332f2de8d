"""The rotation: who presents the client win today, and why.

A pure function of the team, the past briefings, today's date and today's
attendance: no database, no clock, no randomness. Same inputs, same
:class:`Choice`, with a reason in plain words the lead can read out.

The queue is "who has waited longest":

* **Who is in it.** Active people whose ``since`` is on or before today;
  the lead only with ``include_lead``. A person whose ``since`` is still in
  the future has not joined yet.
* **Who can present today.** Of those, the ones present today (not listed in
  ``attendance`` counts as present; anything other than ``"present"`` is
  away), not skipped today ("not ready today"), and not already the
  presenter of a briefing held earlier the same day.
* **Waiting since.** Each person waits since the later of

  - their last presentation (as presenter in ``history``, counted only if it
    is on or after their ``since``), placed just after that briefing, and
  - their joining (``since``; a reactivated person has a new ``since`` and
    joins like a newcomer), placed after every briefing held before that day
    and before every briefing held on or after it.

  Positions in ``history`` are used, not dates, so two briefings on one day
  are told apart; on a tie of positions, presenting at briefing *i* comes
  before joining right after it, so a newcomer goes behind the person who
  presented last, at the end of the queue.

Ties are broken, in this order, by:

1. the waiting-since point above (earlier first; this is the number of
   briefings since they last presented or joined, more first);
2. ``since`` (earlier first): of two people who joined between the same two
   briefings, the one who joined first waited longer;
3. ``id`` (lower first: added to the team earlier).

Only the first can separate two people who have presented (no two people
present at the same briefing), so 2 and 3 decide only among people who have
not presented since they joined between the same two briefings.

Absent, off and skipped people simply do not present, so they keep their
place with no bookkeeping: at the next briefing they attend they come before
everyone who presented in the meantime.

``history`` is the past briefings in the order they were held (days never
go backwards). One pass over it finds each person's last presentation and
who presented today; joining positions are found by bisection. Ten years of
daily briefings (3,650) for 50 people take about 0.3 ms.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from briefing.formats import LazyDay
from briefing.i18n import N_, _, ngettext

PRESENT = "present"
ABSENT = "absent"
OFF = "off"
LEAD = "lead"

_day_of = attrgetter("day")

#: Why someone in the rotation does not present today, as the reason says it.
AWAY_WORDS = {
    ABSENT: N_("absent"),
    OFF: N_("off"),
    "not present": N_("not present"),
    "not ready today": N_("not ready today"),
    "presented earlier today": N_("presented earlier today"),
}
#: How a reason begins: a screen showing the name large drops it (Choice.why).
PRESENTS = N_("{name} presents: ")
NOBODY = N_("Nobody can present today: ")


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str  # "member" | "lead"
    active: bool
    since: date  # joined on, or reactivated on (a reactivated person joins like a newcomer)


@dataclass(frozen=True)
class Briefing:
    """One past briefing; ``history`` lists them in the order they were held.

    :func:`choose` reads only ``day`` and ``presenter`` of the past: who was
    away then changes nothing today (they kept their place). ``attendance``
    and ``skipped`` are there for the record, and for the fairness tests.
    """

    day: date
    attendance: Mapping[int, str]  # person id -> "present" | "absent" | "off"; not listed: present
    presenter: int | None  # who presented the client win (None: nobody)
    skipped: tuple[int, ...] = ()  # people who said "not ready today" at that briefing


@dataclass(frozen=True)
class Choice:
    presenter: Person | None
    reason: str  # plain words, no markup
    queue: tuple[Person, ...]  # who comes after, in order (eligible people only)
    kept_place: tuple[Person, ...] = ()  # waited longer than the presenter but away or skipped today

    @property
    def why(self) -> str:
        """The reason without the presenter's name in front: for a screen
        that already shows the name large, so it is not said twice."""
        if self.presenter is None:
            leads: tuple[str, ...] = (_(NOBODY),)
        else:
            leads = (_(PRESENTS).format(name=self.presenter.name), f"{self.presenter.name} ")
        for lead in leads:
            if self.reason.startswith(lead):
                rest = self.reason[len(lead) :]
                return rest[:1].upper() + rest[1:]
        return self.reason


@dataclass(frozen=True)
class _Standing:
    person: Person
    key: tuple[int, int, date, int]
    last: int | None  # index in history of their last counted presentation
    rejoined: bool  # presented before their current ``since`` (reactivated)


def choose(
    people: Sequence[Person],
    history: Sequence[Briefing],
    day: date,
    attendance: Mapping[int, str] | None = None,
    skipped: Sequence[int] = (),
    pending_wins: Mapping[int, int] | None = None,
    include_lead: bool = False,
) -> Choice:
    """Who presents the client win at today's briefing, and why.

    ``pending_wins`` maps a person's id to the number of their wins not yet
    presented; when given, the reason says whether the presenter has one.
    """
    attendance = attendance or {}
    skipped_today = set(skipped)

    # The one pass: each person's last presentation, and who presented today.
    last: dict[int, int] = {}
    presented_today: set[int] = set()
    for i, briefing in enumerate(history):
        p = briefing.presenter
        if p is not None:
            last[p] = i
            if briefing.day == day:
                presented_today.add(p)

    joined_at: dict[date, int] = {}
    standings: list[_Standing] = []
    for person in people:
        if not person.active or person.since > day or (person.role == LEAD and not include_lead):
            continue
        k = joined_at.get(person.since)
        if k is None:
            k = joined_at[person.since] = bisect_left(history, person.since, key=_day_of)
        li = last.get(person.id)
        if li is not None and li >= k:
            point, after = li + 1, 0
            standings.append(_Standing(person, (point, after, person.since, person.id), li, False))
        else:
            point, after = k, 1
            standings.append(_Standing(person, (point, after, person.since, person.id), None, li is not None))
    standings.sort(key=attrgetter("key"))

    def away(person: Person) -> str | None:
        status = attendance.get(person.id, PRESENT)
        if status != PRESENT:
            return status if status in (ABSENT, OFF) else "not present"
        if person.id in skipped_today:
            return "not ready today"
        if person.id in presented_today:
            return "presented earlier today"
        return None

    eligible: list[_Standing] = []
    kept: list[tuple[Person, str]] = []
    for s in standings:
        why = away(s.person)
        if why is None:
            eligible.append(s)
        elif not eligible and s.person.id not in presented_today:
            kept.append((s.person, why))

    if not eligible:
        return Choice(None, _nobody(standings, away), ())

    first = eligible[0]
    reason = _reason(first, history, pending_wins)
    if kept:
        names = ", ".join(f"{p.name} ({_(AWAY_WORDS[why])})" for p, why in kept)
        reason += " " + _("Keeping their place: {names}.").format(names=names)
    return Choice(
        first.person,
        reason,
        tuple(s.person for s in eligible[1:]),
        tuple(p for p, _why in kept),
    )


def _reason(s: _Standing, history: Sequence[Briefing], pending_wins: Mapping[int, int] | None) -> str:
    person = s.person
    if s.last is not None:
        ago = len(history) - s.last
        # {iso} or {day} ("lundi 23 novembre"): the translation chooses.
        when = history[s.last].day
        if ago == 1:
            standing = _("last presented at the previous briefing ({iso})")
        else:
            standing = _("last presented {ago} briefings ago ({iso})")
    elif s.rejoined:
        when, standing = person.since, _("has not presented since rejoining ({iso})")
    else:
        when, standing = person.since, _("has not presented yet (joined {iso})")
    standing = standing.format(iso=when.isoformat(), day=LazyDay(when), ago=ago if s.last is not None else 0)
    lead = _(PRESENTS).format(name=person.name)

    if pending_wins is None:
        return lead + _("{standing}.").format(standing=standing)
    wins = pending_wins.get(person.id, 0)
    if wins:
        about = ngettext("{count} win by {name} is waiting.", "{count} wins by {name} are waiting.", wins)
        about = about.format(count=wins, name=person.name)
    else:
        about = _("no win of theirs is pending: the team's oldest pending win, or a fresh client story.")
    return lead + _("{standing}; {about}").format(standing=standing, about=about)


def _nobody(standings: list[_Standing], away) -> str:
    if not standings:
        return _(NOBODY) + _("nobody active is in the rotation.")
    whys = {away(s.person) for s in standings}
    states = [_(AWAY_WORDS[w]) for w in (ABSENT, OFF, "not present") if w in whys]
    actions = [
        _(phrase)
        for why, phrase in (
            ("not ready today", N_("has been skipped")),
            ("presented earlier today", N_("has already presented today")),
        )
        if why in whys
    ]
    if states:
        states[0] = _("is {state}").format(state=states[0])
    return _(NOBODY) + _("everyone in the rotation {reasons}.").format(reasons=_or(states + actions))


def _or(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])
