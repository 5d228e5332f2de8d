"""``briefing meeting summary`` as text: what the app's summary screen says.

Who was there is listed by name, not counted: a summary read the next day
(or pasted into the team's chat) must say who was absent and which client
words the room heard, and who collected them.
"""

from __future__ import annotations

from briefing.safetext import inert
from briefing.summary import Summary
from briefing.timeutil import mmss


def names(people: tuple[str, ...]) -> str:
    return ", ".join(inert(n, single_line=True) for n in people) if people else "nobody"


def win_line(s: Summary) -> str:
    """Who told the client win, which one and whose; or why nobody did."""
    if s.win_skipped:
        ran, least = mmss(s.win_elapsed_s or 0, pad=False), mmss(s.meeting.agenda.win_min_s, pad=False)
        return f"Client win: skipped (its segment ran {ran}, under {least}); nobody's turn was used"
    if not s.presenter:
        return "Client win: nobody presented"
    line = f"Client win: {inert(s.presenter, single_line=True)} presented "
    if s.win is None:
        return line + "a fresh client story"
    line += f"“{inert(s.win.title, single_line=True)}”"
    if s.win.owner != s.presenter:
        line += f" (won by {inert(s.win.owner, single_line=True)})"
    return line


def verbatim_line(v) -> str:
    """One verbatim shown: the quote, whose words, who collected them."""
    who = inert(v.client, single_line=True) + (f" ({inert(v.company, single_line=True)})" if v.company else "")
    by = f", collected by {inert(v.collected_by, single_line=True)}" if v.collected_by else ""
    return f"  “{inert(v.text, single_line=True)}” — {who}{by}"


def lines(s: Summary) -> list[str]:
    state = s.state
    by_kind = state.elapsed_by_kind
    share = state.client_share
    balance = "no client or sales time" if share is None else f"client share {share:.0%}"
    out = [
        f"Briefing {s.meeting.day} — {s.outcome or state.state}, {mmss(state.elapsed_s, pad=False)} in all",
        " · ".join(f"{k} {mmss(v, pad=False)}" for k, v in by_kind.items())
        + f" — {balance} (target {state.target_share:.0%})",
        "",
    ]
    for seg in state.segments:
        diff = int(seg.elapsed_s) - seg.planned_s  # the whole seconds shown, so the columns add up
        out.append(
            f"  {seg.index + 1}. {inert(seg.title, single_line=True)} ({seg.kind.value}): "
            f"{mmss(seg.elapsed_s, pad=False)} of {mmss(seg.planned_s, pad=False)} "
            f"({'+' if diff >= 0 else '−'}{mmss(abs(diff), pad=False)})"
        )
    out += ["", win_line(s)]
    if s.skipped:
        out.append(f"Not ready today: {names(s.skipped)}")
    present = s.who("present")
    out += [
        f"Present ({len(present)}): {names(present)}",
        f"Absent: {names(s.who('absent'))}",
        f"Off: {names(s.who('off'))}",
        f"Verbatims shown: {len(s.verbatims_shown) or 'none'}",
        *(verbatim_line(v) for v in s.verbatims_shown),
    ]
    if s.meeting.notes.strip():
        out += ["Notes:", inert(s.meeting.notes)]
    return out
