"""The summary screen's texts: who was there, which client words were heard.

Names, not counts: the lead reads the summary back (or pastes it into the
team's chat) to see who missed the briefing and which verbatims, collected
by whom, the room heard.
"""

from __future__ import annotations

from rich.text import Text

from briefing.i18n import N_, _
from briefing.summary import Summary
from screens.safe import safe
from screens.tones import tone

#: Status -> how its line begins, and what its names mean.
PEOPLE = (
    ("present", N_("Present ({count}): "), ""),
    ("absent", N_("Absent: "), "bad"),
    ("off", N_("Off: "), "caution"),
)


def people_text(summary: Summary) -> Text:
    """Present, absent and off, one line each, by name."""
    text = Text()
    for status, label, meaning in PEOPLE:
        names = summary.who(status)
        if text:
            text.append("\n")
        text.append(_(label).format(count=len(names)), style="bold")
        style = tone(meaning) if meaning and names else ""
        text.append_text(safe(", ".join(names), style, single_line=True) if names else Text(_("nobody"), style="dim"))
    return text


def verbatims_text(summary: Summary) -> Text:
    """Each verbatim shown, in order: the quote, whose words, who collected them."""
    shown = summary.verbatims_shown
    text = Text.assemble((_("Verbatims shown: "), "bold"), str(len(shown)) if shown else (_("none"), "dim"))
    for v in shown:
        text.append("\n  “")
        text.append_text(safe(v.text, single_line=True))
        text.append("” — ")
        text.append_text(safe(v.client, "italic", single_line=True))
        if v.company:
            text.append(" (")
            text.append_text(safe(v.company, single_line=True))
            text.append(")")
        if v.collected_by:
            text.append(_(", collected by "), style="dim")
            text.append_text(safe(v.collected_by, "dim", single_line=True))
    return text
