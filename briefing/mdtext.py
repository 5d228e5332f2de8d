"""People's text inside Markdown: shown as typed, never read as Markdown.

Minutes quote what people typed (a verbatim, a win's title, the notes). A
``|`` would cut a table row, a leading ``#`` make a heading, backticks open
code, ``<`` raw HTML, a blank line end a list. Every character Markdown
gives a meaning to is escaped with a backslash (CommonMark lets any ASCII
punctuation be), so a renderer shows it and a plain-text reader still reads
it; control characters become visible placeholders (``safetext.inert``).
"""

from __future__ import annotations

import re

from briefing.safetext import inert

__all__ = ["block", "inline"]

# Meaningful anywhere in a line: emphasis, code, links, HTML, tables,
# strike-through, entities, maths, and the backslash itself.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&$])")
# Meaningful at the start of a line: headings, quotes, lists, setext
# underlines, ordered lists ("1." "1)").
_AT_START = re.compile(r"^([#>+\-=])|^(\d+)([.)])")


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line.replace("\t", " ").strip())
    return _AT_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def inline(text: str | None) -> str:
    """One line (a table cell, a name, a list item): newlines shown as ⏎."""
    return _escape_line(inert(text, single_line=True))


def block(text: str | None, prefix: str = "") -> str:
    """Several lines kept as lines (hard breaks), blank lines as paragraph
    breaks, each line after ``prefix`` (``"> "`` for a quote). Leading spaces
    are dropped: four of them would start a code block."""
    paragraphs: list[list[str]] = [[]]
    for line in inert(text).split("\n"):
        escaped = _escape_line(line)
        if escaped:
            paragraphs[-1].append(escaped)
        elif paragraphs[-1]:
            paragraphs.append([])
    parts = ["\\\n".join(f"{prefix}{line}" for line in lines) for lines in paragraphs if lines]
    return f"\n{prefix.rstrip()}\n".join(parts)
