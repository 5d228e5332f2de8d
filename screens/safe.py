"""The one way people's text reaches the screen.

Textual treats strings as markup: ``[/]`` would crash a ``Static`` and
``[@click=app.quit]`` would become a live action. A Rich ``Text`` is never
parsed as markup, and :func:`briefing.safetext.inert` has already swapped
control characters (ESC, C1, bidi overrides) for visible placeholders.
``Text`` rather than ``Content`` because ``DataTable`` renders a ``str`` or
an unknown object as markup, while ``Text`` is safe in every widget.
"""

from __future__ import annotations

from rich.text import Text

from briefing.safetext import inert


def safe(text: str | None, style: str = "", *, single_line: bool = False) -> Text:
    return Text(inert(text, single_line=single_line), style=style, end="")
