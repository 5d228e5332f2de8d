"""The summary screen's texts: who was there, which client words were heard.

Names, not counts: the lead reads the summary back (or pastes it into the
team's chat) to see who missed the briefing and which verbatims, collected
by whom, the room heard.
"""

from __future__ import annotations

from rich.text import Text

from briefing.summary import Summary
from screens.safe import safe
from screens.tones import tone

#: Status -> how its line begins, and what its names mean.
PEOPLE = (("present", "Present", ""), ("absent", "Absent", "bad"), ("off", "Off", "caution"))


def people_text(summary: Summary) -> Text:
    """Present, absent and off, one line each, by name."""
    text = Text()
    for status, label, meaning in PEOPLE:
        names = summary.who(status)
        if text:
            text.append("\n")
        text.append(f"{label} ({len(names)}): " if status == "present" else f"{label}: ", style="bold")
        style = tone(meaning) if meaning and names else ""
        text.append_text(safe(", ".join(names), style, single_line=True) if names else Text("nobody", style="dim"))
    return text


def verbatims_text(summary: Summary) -> Text:
    """Each verbatim shown, in order: the quote, whose words, who collected them."""
    shown = summary.verbatims_shown
    text = Text.assemble(("Verbatims shown: ", "bold"), str(len(shown)) if shown else ("none", "dim"))
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
            text.append(", collected by ", style="dim")
            text.append_text(safe(v.collected_by, "dim", single_line=True))
    return text
