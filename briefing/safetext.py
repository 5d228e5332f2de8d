"""Making people's text harmless to display.

Verbatims and names come from people and may hold anything: an ESC sequence
that would reach the real terminal (Textual strips some, not all), a C1
control, or a bidi override that reorders what the room reads. Every control
character is swapped for a visible placeholder so the text stays readable
and honest about what it contains. Markup is a separate matter, handled by
``screens.safe`` (display as ``Content``/``Text``, never as markup).
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate
# marks; plus the line/paragraph separators that break a layout.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _placeholder(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␛ for ESC, ␍ for CR...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩


def inert(text: str | None, *, single_line: bool = False) -> str:
    """``text`` with every control character shown as a placeholder.

    ``single_line`` also folds newlines and tabs, for table cells.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    text = _CONTROL.sub(_placeholder, text)
    if single_line:
        text = text.replace("\n", " \u23ce ").replace("\t", " ")
    return text


def json_inert(encoded: str) -> str:
    """JSON text with every control character the encoder leaves raw (DEL,
    C1, bidi marks, line separators) written as a ``\\uXXXX`` escape: the
    same string to a JSON reader, inert on a terminal. Those characters can
    only stand inside JSON strings, so this never touches the structure."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def clip(text: str, width: int) -> str:
    """Shorten to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "\u2026"
