"""The words of the meeting screen, from its state: pure functions.

Apart from the screen so they can be read (and changed) without the
screen's timers and workers around them. Everything a person typed goes
through :func:`screens.safe.safe`.
"""

from __future__ import annotations

from rich.text import Text

from briefing.clock import MeetingState, SegmentState
from briefing.timeutil import mmss
from screens.safe import safe

KIND_LABEL = {"client": "CLIENT TIME", "sales": "SALES TIME", "team": "TEAM TIME"}
KIND_COLOUR = {"client": "green", "sales": "blue", "team": "magenta"}
MARK = {"done": "✓", "current": "▶", "next": "·"}


def title_text(seg: SegmentState, count: int, overrun: bool) -> Text:
    kind = seg.kind.value
    title = Text.assemble(
        (f"{seg.index + 1}/{count}  ", "dim"),
        safe(seg.title, "bold", single_line=True),
        "  ·  ",
        (KIND_LABEL[kind], f"bold reverse {KIND_COLOUR[kind]}"),
    )
    if overrun:
        title.append("   OVERRUN", style="bold red")
    return title


def agenda_text(state: MeetingState) -> Text:
    text = Text()
    for s in state.segments:
        style = "bold" if s.status == "current" else ("dim" if s.status == "done" else "")
        text.append(f"{MARK[s.status]} ", style=style)
        text.append_text(safe(s.title, style, single_line=True))
        actual = f"  {mmss(s.elapsed_s)}/{mmss(s.planned_s)}" if s.status != "next" else f"  {mmss(s.planned_s)}"
        text.append(actual + "\n", style="dim")
    text.append(f"Total {mmss(state.elapsed_s)} of {mmss(sum(s.planned_s for s in state.segments))}", style="italic")
    return text


def banner_text(state: MeetingState) -> Text:
    """Why the clock is not simply counting the segment's own time, if it is not."""
    if state.auto_paused:
        return Text("⏸ Paused by itself after 30 minutes without activity — space to resume", style="bold yellow")
    if state.state == "paused":
        return Text("⏸ Paused — space to resume", style="bold yellow")
    if state.running_kind != state.segment.kind:
        kind = state.running_kind.value.upper()
        return Text(f"⇄ The clock is counting {kind} time — tab to flip back", style="bold yellow")
    return Text("")
