"""Which clients to call at the start of the briefing, and why, in words.

Pure: the rules see what the team knows of each client (:class:`Heard`)
and the recent wins (:class:`RecentWin`), never the database, so they are
tested as functions (tests/test_call_suggest.py, with hypothesis).
:func:`briefing.calls.suggestions` reads that knowledge in a few indexed
queries and calls :func:`suggest`.

A client is proposed for one reason, the first that holds:

1. **Last words negative** — the client's latest verbatim was negative
   and is :data:`NEGATIVE_AFTER_DAYS` to :data:`NEGATIVE_WITHIN_DAYS` days
   old: nobody has heard how it ended (older than that, the moment to ask
   has passed).
2. **A win, then silence** — a win with them (or their company) in the
   last :data:`WIN_WITHIN_DAYS` days, and no word from anyone there since,
   neither a verbatim nor a call: nobody asked how the start went. One
   person per win: the one with a phone number, then the one who has
   talked most.
3. **Gone quiet** — :data:`TALKATIVE` or more verbatims in the last year,
   and nothing for :data:`SILENCE_AFTER_DAYS` days.

Never a client called (whatever the outcome) in the last ``quiet_days``
days. Clients with a phone number come first (the call can happen now),
then by the rule's order above, then whoever has waited longest, then the
client's id: the same database and day always give the same list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from briefing.i18n import _, ngettext

__all__ = ["Heard", "RecentWin", "Suggestion", "suggest"]

NEGATIVE_AFTER_DAYS = 7
NEGATIVE_WITHIN_DAYS = 90
WIN_WITHIN_DAYS = 30
TALKATIVE = 3
SILENCE_AFTER_DAYS = 60
#: What the rules look back over: a year of verbatims and calls.
LOOKBACK_DAYS = 365
#: The rules, in the order they are tried and ranked.
RULES = ("negative", "after-win", "silence")


@dataclass(frozen=True, slots=True)
class Heard:
    """What the team knows of one client, as the rules need it."""

    id: int
    name: str
    company: str | None
    company_id: int | None
    phone: str | None
    #: Verbatims in the last year.
    said: int = 0
    last_said: date | None = None
    #: The mood of the last verbatim ("positive", "neutral", "negative").
    last_mood: str | None = None
    #: The last call made to them, whatever came of it.
    last_call: date | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name

    @property
    def reachable(self) -> bool:
        return bool(self.phone and self.phone.strip())


@dataclass(frozen=True, slots=True)
class RecentWin:
    id: int
    date: date
    title: str
    client_id: int | None
    company_id: int | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    client_id: int
    label: str
    phone: str | None
    #: Which rule: "negative", "after-win" or "silence".
    rule: str
    #: Why, in words, as the room reads it.
    reason: str
    #: Days since they were last heard (negative, silence) or since the win.
    days: int
    win_id: int | None = None


def ago(days: int) -> str:
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


def _quiet(client: Heard, day: date, quiet_days: int) -> bool:
    """Called within ``quiet_days`` of ``day`` (a call logged after it counts too)."""
    return client.last_call is not None and (day - client.last_call).days < quiet_days


def _heard_since(client: Heard) -> date | None:
    dates = [d for d in (client.last_said, client.last_call) if d is not None]
    return max(dates) if dates else None


def suggest(
    clients: Iterable[Heard], wins: Iterable[RecentWin], day: date, quiet_days: int, limit: int = 5
) -> list[Suggestion]:
    """Up to ``limit`` clients to call on ``day``, best first (see the module)."""
    known = {c.id: c for c in clients}
    found: dict[int, Suggestion] = {}
    for c in known.values():
        if _quiet(c, day, quiet_days) or c.last_said is None:
            continue
        silent = (day - c.last_said).days
        if c.last_mood == "negative" and NEGATIVE_AFTER_DAYS <= silent <= NEGATIVE_WITHIN_DAYS:
            why = _("last heard {ago}, and their last words were negative").format(ago=ago(silent))
            reason = f"{c.label}: {why}"
            found[c.id] = Suggestion(c.id, c.label, c.phone, "negative", reason, silent)
    for w, c in _after_wins(known, wins, day, quiet_days):
        if c.id not in found:
            since = (day - w.date).days
            why = _("a win {ago} (“{title}”), and nobody has asked them how it is going since")
            reason = f"{c.label}: " + why.format(ago=ago(since), title=w.title)
            found[c.id] = Suggestion(c.id, c.label, c.phone, "after-win", reason, since, w.id)
    for c in known.values():
        if c.id in found or _quiet(c, day, quiet_days) or c.last_said is None or c.said < TALKATIVE:
            continue
        silent = (day - c.last_said).days
        if silent >= SILENCE_AFTER_DAYS:
            why = ngettext(
                "{count} verbatim in the last year, then nothing for {days} days",
                "{count} verbatims in the last year, then nothing for {days} days",
                c.said,
            )
            reason = f"{c.label}: " + why.format(count=c.said, days=silent)
            found[c.id] = Suggestion(c.id, c.label, c.phone, "silence", reason, silent)

    def rank(s: Suggestion) -> tuple[bool, int, int, int]:
        return (not known[s.client_id].reachable, RULES.index(s.rule), -s.days, s.client_id)

    return sorted(found.values(), key=rank)[:limit]


def _after_wins(
    known: dict[int, Heard], wins: Iterable[RecentWin], day: date, quiet_days: int
) -> list[tuple[RecentWin, Heard]]:
    """(win, the person to ask) for each recent win nobody there has spoken
    of since: a win with a company counts every client of that company."""
    by_company: dict[int, list[Heard]] = {}
    for c in known.values():
        if c.company_id is not None:
            by_company.setdefault(c.company_id, []).append(c)
    picked = []
    for w in sorted(wins, key=lambda w: (w.date, w.id)):
        if not 0 <= (day - w.date).days <= WIN_WITHIN_DAYS:
            continue
        if w.client_id is not None:
            people = [known[w.client_id]] if w.client_id in known else []
            firm = known[w.client_id].company_id if people else None
            everyone = by_company.get(firm, people) if firm is not None else people
        else:
            people = everyone = by_company.get(w.company_id, []) if w.company_id is not None else []
        heard = [d for d in map(_heard_since, everyone) if d is not None]
        if heard and max(heard) >= w.date:
            continue  # someone there has spoken, or been called, since
        ask = [c for c in people if not _quiet(c, day, quiet_days)]
        if ask:
            picked.append((w, min(ask, key=lambda c: (not c.reachable, -c.said, c.id))))
    return picked
