"""The words of the agenda screen, from the agenda being edited: pure functions.

Apart from the screen so they can be read without its widgets around them.
The share and its warning come from the core (``briefing.agenda``), which
``briefing agenda set`` asks too: the app and the CLI say the same thing.
Everything a person typed goes through :func:`screens.safe.safe`.
"""

from __future__ import annotations

from rich.text import Text

from briefing.agenda import Agenda, Segment, Typed, planned_share, share_warning, typed_seconds, typed_target
from briefing.kinds import SegmentKind
from briefing.timeutil import mmss
from screens.safe import safe
from screens.tones import tone

HEADINGS = ("#", "Segment", "Kind", "Planned", "Win or call")


def minutes_text(seconds: int) -> str:
    """Seconds as minutes the lead would type: 240 -> "4", 150 -> "2.5"."""
    return f"{seconds / 60:g}"


def seconds_or_none(minutes: str) -> int | None:
    try:
        return typed_seconds(minutes)
    except ValueError:
        return None


def draft_agenda(segments: list[Typed], target: str) -> tuple[Agenda, bool]:
    """The agenda as it stands while being typed (minutes that are not a
    number yet count 0), and whether the target reads as a percentage."""
    try:
        share, target_ok = typed_target(target), True
    except ValueError:
        share, target_ok = 0.0, False
    made = tuple(Segment(s.title, s.kind, seconds_or_none(s.minutes) or 0, s.win, s.call) for s in segments)
    return Agenda(made, share), target_ok


def share_text(segments: list[Typed], target: str) -> tuple[Text, bool]:
    """The planned client share against the target, live, then how the time
    splits; and whether the plan is below its target (the words then say so:
    a colour alone is not a warning)."""
    agenda, target_ok = draft_agenda(segments, target)
    time = {k: sum(s.planned_s for s in agenda.segments if s.kind is k) for k in SegmentKind}
    count = len(segments)
    split = Text(
        " · ".join(f"{k.value} {mmss(t, pad=False)}" for k, t in time.items())
        + f" · {count} segment{'s' if count != 1 else ''}, {mmss(agenda.total_s, pad=False)} in all",
        style="dim",
    )
    share = planned_share(agenda)
    if not target_ok:
        first = Text("The target must be a percentage between 0 and 100", style=tone("bad", "bold"))
    elif share is None:
        first = Text("No client or sales time planned: no client share to hold to the target", style=tone("caution"))
    elif warning := share_warning(agenda):
        first = Text(f"Warning: {warning}", style=tone("caution", "bold"))
    else:
        first = Text.assemble(
            (f"Planned client share {round(share * 100)}%", tone("good", "bold")),
            f": at or above the target {round(agenda.target_share * 100, 2):g}%",
        )
    below = target_ok and share_warning(agenda) is not None
    return Text("\n").join([first, split]), below


def row_cells(number: int, segment: Typed, refused: bool) -> list[Text]:
    """One segment as the table shows it; ``refused``: the row a save was refused on."""
    seconds = seconds_or_none(segment.minutes)
    planned = Text(mmss(seconds, pad=False)) if seconds is not None else safe(segment.minutes or "?", tone("bad"))
    title = safe(segment.title, single_line=True) if segment.title.strip() else Text("(no title)", style="dim")
    kind = segment.kind.value
    return [
        Text(f"{number}!" if refused else str(number), style=tone("bad", "bold") if refused else "dim"),
        title,
        Text(kind, style=tone(kind)),
        planned,
        Text("★ told here" if segment.win else "☎ client call" if segment.call else "", style=tone("good")),
    ]
