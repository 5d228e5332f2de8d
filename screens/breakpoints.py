"""A screen's breakpoint classes, known before it is mounted.

Textual gives a screen its breakpoint classes (``VERTICAL_BREAKPOINTS``,
``HORIZONTAL_BREAKPOINTS``) on its first resize, after every widget in it
has been styled, and then styles the whole screen again for the new class:
about 2 ms of the meeting's first frame. A screen built with the classes
of the terminal it opens in is styled once; Textual's own resize then finds
nothing to change, and every later resize works as before.
"""

from __future__ import annotations

from textual.screen import Screen


def fit_to_terminal(screen: Screen) -> None:
    """Call from ``__init__``, after ``super().__init__()``. A screen built
    outside a running app (a test reading its keys) is left to Textual."""
    try:
        width, height = screen.app.size
    except RuntimeError:  # Textual's NoActiveAppError: no app, no terminal to fit
        return
    for size, own, apps in (
        (width, screen.HORIZONTAL_BREAKPOINTS, screen.app.HORIZONTAL_BREAKPOINTS),
        (height, screen.VERTICAL_BREAKPOINTS, screen.app.VERTICAL_BREAKPOINTS),
    ):
        breakpoints = (apps if own is None else own) or []  # as Screen._on_resize reads them
        fitting = next((name for at, name in sorted(breakpoints, reverse=True) if size >= at), None)
        if fitting is not None:
            screen.add_class(fitting, update=False)
