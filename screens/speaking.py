"""Key help in the team's language.

Textual merges a class's ``BINDINGS`` once, when the class is created (in
English: the language is chosen later, and may change between two apps in
one process, as in a test run). Each node then copies that map when it is
built (``DOMNode.__init__``); :class:`Speaks` swaps the copy for one whose
descriptions and tooltips are translated, so the footer speaks the
language in use when the screen was built. The English text stays the
msgid: write ``Binding("s", "start", N_("Start"))``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import Binding, BindingsMap

from briefing import i18n
from briefing.i18n import _


def translated(bindings: BindingsMap) -> BindingsMap:
    """``bindings`` with their words in the current language (itself in English)."""
    if i18n.current() == i18n.DEFAULT:
        return bindings
    keys: dict[str, list[Binding]] = {
        key: [_translated(b) for b in key_bindings] for key, key_bindings in bindings.key_to_bindings.items()
    }
    return BindingsMap.from_keys(keys)


def _translated(binding: Binding) -> Binding:
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


def speak_again(node: Any) -> None:
    """``node``'s key help in the language now in use: the app's own keys
    (Quit, the Menu) after the team's language changed in the app."""
    # Textual has no public way to rebuild a node's bindings: this is what
    # DOMNode.__init__ and Speaks.__init__ do when the node is built.
    merged = type(node)._merged_bindings  # noqa: SLF001
    node._bindings = translated(merged.copy() if merged is not None else BindingsMap())  # noqa: SLF001
    node.refresh_bindings()


class Speaks:
    """Mixed into a screen, widget or app (first among its bases): its key
    help is translated when it is built."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = translated(self._bindings)
