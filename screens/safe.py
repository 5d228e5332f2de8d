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


def filled(template: str, style: str = "", **parts: Text | str) -> Text:
    """A sentence of ours (translated: its words in the language's order, the
    translator may move the name) with people's text in its ``{fields}``,
    each already a safe ``Text``: ``filled(_("Rename {name}"), name=safe(name,
    "bold"))``. A ``str`` part is ours (a number, a translated word) and
    takes ``style``, as the sentence's own words do. Neither the template
    nor the parts are ever read as markup."""
    text = Text(end="")
    at = 0
    for match in _FIELD.finditer(template):
        text.append(template[at : match.start()], style=style)
        part = parts[match.group(1)]
        if isinstance(part, Text):
            text.append_text(part)
        else:
            text.append(part, style=style)
        at = match.end()
    text.append(template[at:], style=style)
    return text
