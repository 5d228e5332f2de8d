"""Colours by meaning, taken from the theme the app runs with.

Texts built in Python (Rich styles) name what a colour means, never the
colour: the theme decides, as it does for the screens' CSS, so a change
of theme, or NO_COLOR reducing the screen to greys, keeps every word in
the same relation to its background (the theme's ``text-*`` colours are
made to be read on it; plain ``red`` turns near-black under NO_COLOR).
"""

from __future__ import annotations

from textual import active_app

#: Meaning -> the theme variable that carries it.
THEME = {
    "good": "text-success",
    "bad": "text-error",
    "caution": "text-warning",
    # The three kinds of time, as the labels and the gauge show them.
    "client": "success",
    "sales": "primary",
    "team": "secondary",
}


def tone(meaning: str, *styles: str) -> str:
    """A Rich style: ``styles`` (bold, reverse...) in the colour of ``meaning``."""
    return " ".join((*styles, active_app.get().theme_variables[THEME[meaning]]))
