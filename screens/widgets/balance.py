"""The balance gauge: client minutes against sales minutes, live.

It says in words where the meeting stands against the target, so the
warning never depends on colour alone (projectors wash colours out, and
some people cannot tell red from green).
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from briefing import formats, i18n
from briefing.i18n import _
from briefing.timeutil import mmss
from screens.widgets.drawn import Drawn

#: Client seconds, sales seconds, the client share (None: no time yet), the target.
Figures = tuple[float, float, float | None, float]
#: Amber when the share is within this much above the target.
WARN_MARGIN = 0.05


def verdict(share: float | None, target: float) -> tuple[str, str]:
    """(level, sentence): level is ok | warn | low | none."""
    if share is None:
        return "none", _("No client or sales time yet")
    pct, tgt = _percent(share), _percent(target)
    if share < target:
        return "low", _("Client share {share} — below the {target} target").format(share=pct, target=tgt)
    if share < target + WARN_MARGIN:
        return "warn", _("Client share {share} — close to the {target} target").format(share=pct, target=tgt)
    return "ok", _("Client share {share} — on target (≥ {target})").format(share=pct, target=tgt)


def _percent(share: float) -> str:
    """A whole percentage as the language writes it ("42%", "42 %")."""
    return formats.percent(round(share * 100) / 100)


class BalanceGauge(Drawn):
    """Drawn from the last figures it was given, at the width it has when it
    is drawn: a gauge given its figures before the first layout (the first
    frame) is still as wide as its place."""

    DEFAULT_CSS = """
    BalanceGauge { height: 2; }
    BalanceGauge.-ok { color: $success; }
    BalanceGauge.-warn { color: $warning; }
    BalanceGauge.-low { color: $error; }
    """

    def __init__(self, *, id: str | None = None, figures: Figures | None = None) -> None:
        """``figures``: what the first frame shows (see :meth:`show`), given
        at construction so the gauge is styled once, before it is mounted."""
        super().__init__(id=id)
        self._figures: Figures | None = None
        #: The strips on screen, and what they were drawn from.
        self._drawn: tuple[tuple[Any, ...], list[Strip]] | None = None
        if figures is not None:
            self.show(*figures, update=False)

    def show(self, client_s: float, sales_s: float, share: float | None, target: float, *, update: bool = True) -> None:
        figures = (client_s, sales_s, share, target)
        if figures == self._figures:
            return
        self._figures = figures
        level, _sentence = verdict(share, target)
        self.update_classes({f"-{name}": name == level for name in ("ok", "warn", "low", "none")}, update=update)
        self.refresh()  # always two lines, at a width set by the layout: no layout pass

    def render_line(self, y: int) -> Strip:
        """Drawn as two strips made once per figures, width and colour:
        rich text would be wrapped and measured again every second, which
        made this two-line gauge the costliest widget of the running
        meeting (docs/PERFORMANCE.md)."""
        width = self.size.width
        style = self.line_style
        key = (self._figures, width, style, i18n.current())  # the words change with the language
        if self._drawn is None or self._drawn[0] != key:
            pad = Style(bgcolor=style.bgcolor)
            self._drawn = (key, [Strip(line).crop_extend(0, width, pad) for line in self.lines(width, style)])
        strips = self._drawn[1]
        return strips[y] if y < len(strips) else Strip.blank(width, style)

    def lines(self, width: int, style: Style | None = None) -> list[list[Segment]]:
        """The gauge's two lines at ``width``: the bar between the client's
        and the sales minutes, then the verdict in words (none before any
        figures)."""
        if self._figures is None:
            return []
        client_s, sales_s, share, target = self._figures
        _level, sentence = verdict(share, target)
        bar_width = max(width - 30, 10)
        filled = round((share or 0) * bar_width) if share is not None else 0
        mark = min(round(target * bar_width), bar_width - 1)
        bar = "".join("│" if i == mark else ("█" if i < filled else "░") for i in range(bar_width))
        bold = (style or Style()) + Style(bold=True)
        client, sales = _("Client"), _("Sales")  # (a call inside an f-string is not extracted)
        return [
            [
                Segment(f"{client} {mmss(client_s):>6} ", bold),
                Segment(bar, style),
                Segment(f" {mmss(sales_s):<6} {sales}", bold),
            ],
            [Segment(sentence, bold)],
        ]
