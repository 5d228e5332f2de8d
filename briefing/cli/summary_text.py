"""``briefing meeting summary`` as text: what the app's summary screen says.

Who was there is listed by name, not counted: a summary read the next day
(or pasted into the team's chat) must say who was absent and which client
words the room heard, and who collected them. In the language spoken;
what people typed (names, titles, quotes, notes) as they typed it.
"""

from __future__ import annotations

from briefing.cli.output import percent
from briefing.formats import LazyDay
from briefing.i18n import _
from briefing.kinds import kind_word, state_word
from briefing.safetext import inert
from briefing.summary import Summary
from briefing.timeutil import mmss


def names(people: tuple[str, ...]) -> str:
    return ", ".join(inert(n, single_line=True) for n in people) if people else _("nobody")


def _one(text: str) -> str:
    return inert(text, single_line=True)


def win_line(s: Summary) -> str:
    """Who told the client win, which one and whose; or why nobody did."""
    if s.win_skipped:
        ran, least = mmss(s.win_elapsed_s or 0, pad=False), mmss(s.meeting.agenda.win_min_s, pad=False)
        return _("Client win: skipped (its segment ran {ran}, under {least}); nobody's turn was used").format(
            ran=ran, least=least
        )
    if not s.presenter:
        return _("Client win: nobody presented")
    if s.win is None:
        return _("Client win: {name} presented a fresh client story").format(name=_one(s.presenter))
    if s.win.owner != s.presenter:
        return _("Client win: {name} presented “{title}” (won by {owner})").format(
            name=_one(s.presenter), title=_one(s.win.title), owner=_one(s.win.owner)
        )
    return _("Client win: {name} presented “{title}”").format(name=_one(s.presenter), title=_one(s.win.title))


def verbatim_line(v) -> str:
    """One verbatim shown: the quote, whose words, who collected them."""
    who = _one(v.client) + (f" ({_one(v.company)})" if v.company else "")
    if v.collected_by:
        return _("  “{quote}” — {who}, collected by {name}").format(
            quote=_one(v.text), who=who, name=_one(v.collected_by)
        )
    return _("  “{quote}” — {who}").format(quote=_one(v.text), who=who)


def lines(s: Summary) -> list[str]:
    state = s.state
    by_kind = state.elapsed_by_kind
    share = state.client_share
    balance = _("no client or sales time") if share is None else _("client share {share}").format(share=percent(share))
    times = " · ".join(f"{kind_word(k)} {mmss(v, pad=False)}" for k, v in by_kind.items())
    out = [
        _("Briefing {iso} — {state}, {time} in all").format(
            iso=s.meeting.day.isoformat(),
            day=LazyDay(s.meeting.day),
            state=state_word(s.outcome or state.state),
            time=mmss(state.elapsed_s, pad=False),
        ),
        _("{times} — {balance} (target {target})").format(
            times=times, balance=balance, target=percent(state.target_share)
        ),
        "",
    ]
    for seg in state.segments:
        diff = int(seg.elapsed_s) - seg.planned_s  # the whole seconds shown, so the columns add up
        out.append(
            _("  {number}. {title} ({kind}): {elapsed} of {planned} ({diff})").format(
                number=seg.index + 1,
                title=_one(seg.title),
                kind=kind_word(seg.kind.value),
                elapsed=mmss(seg.elapsed_s, pad=False),
                planned=mmss(seg.planned_s, pad=False),
                diff=("+" if diff >= 0 else "−") + mmss(abs(diff), pad=False),
            )
        )
    out += ["", win_line(s)]
    if s.skipped:
        out.append(_("Not ready today: {names}").format(names=names(s.skipped)))
    present = s.who("present")
    shown = len(s.verbatims_shown)
    out += [
        _("Present ({count}): {names}").format(count=len(present), names=names(present)),
        _("Absent: {names}").format(names=names(s.who("absent"))),
        _("Off: {names}").format(names=names(s.who("off"))),
        _("Verbatims shown: {count}").format(count=shown) if shown else _("Verbatims shown: none"),
        *(verbatim_line(v) for v in s.verbatims_shown),
    ]
    if s.meeting.notes.strip():
        out += [_("Notes:"), inert(s.meeting.notes)]
    return out
