"""The words of the meeting screen, from its state: pure functions.

Apart from the screen so they can be read (and changed) without the
screen's timers and workers around them. Everything a person typed goes
through :func:`screens.safe.safe`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from briefing.clock import MeetingState
from briefing.i18n import N_, _
from briefing.kinds import SegmentKind
from briefing.timeutil import mmss
from screens.safe import safe
from screens.tones import tone

KIND_LABEL = {"client": N_("CLIENT TIME"), "sales": N_("SALES TIME"), "team": N_("TEAM TIME")}
#: The kind of time the clock counts, in the banner's sentence.
KIND_WORD = {"client": N_("CLIENT"), "sales": N_("SALES"), "team": N_("TEAM")}
MARK = {"done": "✓", "current": "▶", "next": "·"}
#: The last minute of a segment: the clock turns amber.
LAST_MINUTE_S = 60


def clock_classes(state: MeetingState) -> dict[str, bool]:
    """The big clock's look: red past its time, amber in its last minute,
    dimmed while paused."""
    seg = state.segment
    overrun = seg.overrun_s > 0
    return {
        "-overrun": overrun,
        "-last-minute": not overrun and seg.countdown_s <= LAST_MINUTE_S,
        "-paused": state.state != "running",
    }


def balance_figures(state: MeetingState) -> tuple[float, float, float | None, float]:
    """What the balance gauge draws: client and sales seconds, the share, the target."""
    by_kind = state.elapsed_by_kind
    return by_kind["client"], by_kind["sales"], state.client_share, state.target_share


@dataclass(frozen=True)
class TitleView:
    """What the segment's title line says: changes a few times a meeting."""

    number: int
    count: int
    title: str
    #: The kind of time the clock counts now.
    kind: SegmentKind
    overrun: bool

    @classmethod
    def of(cls, state: MeetingState) -> TitleView:
        seg = state.segment
        # The kind the clock counts, which tab may have flipped from the
        # segment's own: every label on the screen says the same thing.
        return cls(seg.index + 1, len(state.segments), seg.title, state.running_kind, seg.overrun_s > 0)


def title_text(view: TitleView) -> Text:
    """Number, kind of time, overrun, then the segment's title: a long title
    is what the line cuts (with an ellipsis), never the kind or the overrun."""
    kind = view.kind.value
    title = Text.assemble(
        (f"{view.number}/{view.count}  ", "dim"), (_(KIND_LABEL[kind]), tone(kind, "bold", "reverse"))
    )
    if view.overrun:
        title.append("  " + _("OVERRUN"), style=tone("bad", "bold"))
    title.append("  ·  ")
    title.append_text(safe(view.title, "bold", single_line=True))
    return title


#: The agenda box's inner width (MeetingScreen's ``#agenda`` rule: 34, less border and padding).
AGENDA_WIDTH = 30


def agenda_text(state: MeetingState, rows: int | None = None) -> Text:
    """The agenda, one line a segment and the total; within ``rows`` lines
    (the total included) a window around the current segment, with what is
    out of it counted ("↑ 2 more"), so the current one is always in sight.

    Nothing in it changes every second (the current segment's time is the
    big clock's; the whole meeting's is counted in minutes): one thing
    ticking on the room's screen, and one redraw a second less."""
    segments = list(state.segments)
    shown, before, after = segments, 0, 0
    if rows is not None and len(segments) + 1 > rows:
        room = max(rows - 3, 1)  # the total, and a line each side for what is hidden
        current = next((i for i, s in enumerate(segments) if s.status == "current"), 0)
        start = min(max(current - room // 2, 0), len(segments) - room)
        shown, before, after = segments[start : start + room], start, len(segments) - start - room
    text = Text()
    if before:
        text.append(_("↑ {count} more").format(count=before) + "\n", style="dim")
    for s in shown:
        style = "bold" if s.status == "current" else ("dim" if s.status == "done" else "")
        # The current segment's seconds are the big clock's: the box holds the plan.
        actual = f"  {mmss(s.elapsed_s)}/{mmss(s.planned_s)}" if s.status == "done" else f"  {mmss(s.planned_s)}"
        title = safe(s.title, style, single_line=True)
        title.truncate(max(AGENDA_WIDTH - 2 - len(actual), 4), overflow="ellipsis")
        text.append(f"{MARK[s.status]} ", style=style)
        text.append_text(title)
        text.append(actual + "\n", style="dim")
    if after:
        text.append(_("↓ {count} more").format(count=after) + "\n", style="dim")
    planned = mmss(sum(s.planned_s for s in state.segments))
    text.append(
        _("Total {planned} · {minutes} min in").format(planned=planned, minutes=int(state.elapsed_s // 60)),
        style="italic",
    )
    return text


@dataclass(frozen=True)
class BannerView:
    """Why the clock is not simply counting the segment's own time, if it is not."""

    auto_paused: bool
    paused: bool
    #: The kind the clock counts, when it is not the segment's own.
    drifted_to: SegmentKind | None

    @classmethod
    def of(cls, state: MeetingState) -> BannerView:
        drifted = state.running_kind if state.running_kind != state.segment.kind else None
        return cls(state.auto_paused, state.state == "paused", drifted)


def banner_text(view: BannerView) -> Text:
    caution = tone("caution", "bold")
    if view.auto_paused:
        return Text(_("⏸ Paused by itself after 30 minutes without activity — space to resume"), style=caution)
    if view.paused:
        return Text(_("⏸ Paused — space to resume"), style=caution)
    if view.drifted_to is not None:
        kind = _(KIND_WORD[view.drifted_to.value])
        return Text(_("⇄ The clock is counting {kind} time — tab to flip back").format(kind=kind), style=caution)
    return Text("")
