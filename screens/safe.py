"""The one way people's text reaches the screen.

Textual treats strings as markup: ``[/]`` would crash a ``Static`` and
``[@click=app.quit]`` would become a live action. A Rich ``Text`` is never
parsed as markup, and :func:`briefing.safetext.inert` has already swapped
control characters (ESC, C1, bidi overrides) for visible placeholders.
``Text`` rather than ``Content`` because ``DataTable`` renders a ``str`` or
an unknown object as markup, while ``Text`` is safe in every widget.
"""

from __future__ import annotations

import re

from rich.text import Text

from briefing.safetext import inert


def safe(text: str | None, style: str = "", *, single_line: bool = False) -> Text:
    return Text(inert(text, single_line=single_line), style=style, end="")


_FIELD = re.compile(r"\{(\w+)\}")


def filled(template: str, style: str = "", **parts: Text) -> Text:
    """A sentence of ours (translated: its words in the language's order)
    with people's text in its ``{fields}``, each already a safe ``Text``:
    ``filled(_("Rename {name}"), name=safe(name, "bold"))``; ``style``: the
    sentence's own words'. The template is never read as markup, nor are
    the parts."""
    text = Text(end="")
    at = 0
    for match in _FIELD.finditer(template):
        text.append(template[at : match.start()], style=style)
        text.append_text(parts[match.group(1)])
        at = match.end()
    text.append(template[at:], style=style)
    return text
