"""The words of the agenda screen, from the agenda being edited: pure functions.

Apart from the screen so they can be read without its widgets around them.
The share and its warning come from the core (``briefing.agenda``), which
``briefing agenda set`` asks too: the app and the CLI say the same thing.
Everything a person typed goes through :func:`screens.safe.safe`; the
rest is in the team's language (:func:`headings`, never a constant
translated at import).
"""

from __future__ import annotations

from rich.text import Text

from briefing.agenda import Agenda, Segment, Typed, planned_share, share_warning, typed_seconds, typed_target
from briefing.formats import percentage
from briefing.i18n import N_, _, ngettext
from briefing.kinds import SegmentKind, kind_word
from briefing.timeutil import mmss
from screens.safe import safe
from screens.tones import tone

HEADINGS = ("#", N_("Segment"), N_("Kind"), N_("Planned"), N_("Win or call"))


def headings() -> tuple[str, ...]:
    """The table's headings (its columns' keys too) in the language in use."""
    return tuple(_(h) if h != "#" else h for h in HEADINGS)


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
        " · ".join(f"{kind_word(k.value)} {mmss(t, pad=False)}" for k, t in time.items())
        + " · "
        + ngettext("{count} segment, {total} in all", "{count} segments, {total} in all", count).format(
            count=count, total=mmss(agenda.total_s, pad=False)
        ),
        style="dim",
    )
    share = planned_share(agenda)
    if not target_ok:
        first = Text(_("The target must be a percentage between 0 and 100"), style=tone("bad", "bold"))
    elif share is None:
        first = Text(_("No client or sales time planned: no client share to hold to the target"), style=tone("caution"))
    elif warning := share_warning(agenda):
        first = Text(_("Warning: {warning}").format(warning=warning), style=tone("caution", "bold"))
    else:
        first = Text.assemble(
            (_("Planned client share {share}").format(share=percentage(round(share * 100))), tone("good", "bold")),
            _(": at or above the target {target}").format(target=percentage(round(agenda.target_share * 100, 2))),
        )
    below = target_ok and share_warning(agenda) is not None
    return Text("\n").join([first, split]), below


def row_cells(number: int, segment: Typed, refused: bool) -> list[Text]:
    """One segment as the table shows it; ``refused``: the row a save was refused on."""
    seconds = seconds_or_none(segment.minutes)
    planned = Text(mmss(seconds, pad=False)) if seconds is not None else safe(segment.minutes or "?", tone("bad"))
    title = safe(segment.title, single_line=True) if segment.title.strip() else Text(_("(no title)"), style="dim")
    kind = segment.kind.value
    return [
        Text(f"{number}!" if refused else str(number), style=tone("bad", "bold") if refused else "dim"),
        title,
        Text(kind_word(kind), style=tone(kind)),
        planned,
        Text(_("★ told here") if segment.win else _("☎ client call") if segment.call else "", style=tone("good")),
    ]
