"""The verbatim and win forms' client field: who it will be, said while typing.

A client is a person the team meets again, so a typo must not make two of
them. While the name is typed, a quiet line under the field says whom it
will be linked to ("→ Hélène Roussel · Altis Logistique, 3 verbatims") or
that they are new, read off the UI thread (a newer read cancels an older
one: typing never waits). When saving meets a name *near* a known client's
(:class:`briefing.errors.NearClient`), the form offers, next to the field,
to use that client (fills the field; nothing saved yet) or to confirm that
this is someone new (saves, and only then): the core refused inside its
write, so nothing half-written reached the database in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Input, Label

from briefing.client_hint import Hint
from briefing.errors import BadInput, NearClient
from briefing.i18n import N_, _, ngettext
from screens.data import Loaded, run
from screens.safe import filled, safe
from screens.saving import FormScreen

#: A pause in typing this long reads the hint (each key would be a read).
HINT_AFTER = 0.1
OFFER_KEYS = N_("Enter: this one · Tab: the other")


def hint_text(hint: Hint, *, asks: bool = True) -> Text:
    """The quiet line under the client field, for what ``hint`` found
    (``asks``: saving a near name will ask first, as adding does; an edit
    does not)."""
    if hint.state in ("known", "company"):
        text = Text("→ ").append_text(safe(hint.name, single_line=True))
        if hint.company:
            text.append(" · ").append_text(safe(hint.company, single_line=True))
        if hint.state == "company":
            text.append(_(" (company)"))
        counts = [ngettext("{count} verbatim", "{count} verbatims", hint.verbatims).format(count=hint.verbatims)]
        if hint.wins:
            counts.append(ngettext("{count} win", "{count} wins", hint.wins).format(count=hint.wins))
        return text.append(", " + ", ".join(counts))
    near = safe(hint.near, single_line=True)
    if hint.state == "near":
        said = _("new client, close to {name}: saving will ask") if asks else _("new client, close to {name}")
        return filled(said, name=near)
    if hint.state == "elsewhere":
        return filled(_("new client here; {name} is known: is the company right?"), name=near)
    if hint.state == "several":
        return Text(_("several clients have this name: the win will be linked to none (name the company)"))
    return Text(_("new client") if hint.state == "new" else "")


class ClientFormScreen(FormScreen):
    """A form with a client field (``#client``, and ``#company`` if any).

    Subclasses give ``CLIENT_FIELDS`` (the widget ids the client is typed
    in, in the order ``HINT`` takes them) and ``HINT`` (the core's read),
    and yield :meth:`client_notes` under the row holding the field."""

    CLIENT_FIELDS: ClassVar[tuple[str, ...]] = ("client",)
    HINT: ClassVar[Callable[..., Hint]]

    class HintRead(Loaded[Hint]):
        """Whom the client field names, as typed."""

    def __init__(self, record_id: int | None = None) -> None:
        super().__init__(record_id)
        #: The person confirmed that the name offered against is someone new.
        self.new_client = False
        self.near: NearClient | None = None
        self._hint_timer: Timer | None = None

    def client_notes(self) -> ComposeResult:
        yield Label("", id="client-hint")
        with Vertical(id="client-offer"):
            yield Label("", id="client-offer-text")
            with Horizontal(id="client-offer-keys"):
                yield Button("", id="client-use", compact=True)
                yield Button(_("Someone new: save"), id="client-new", compact=True)
                yield Label(_(OFFER_KEYS), id="client-offer-help")

    # -- the hint while typing -------------------------------------------------------

    @on(Input.Changed)
    def _client_typed(self, event: Input.Changed) -> None:
        if event.control.id not in self.CLIENT_FIELDS:
            return
        self.new_client = False  # a confirmation was for the name as it was
        self._show_offer(None)
        if self._hint_timer is not None:
            self._hint_timer.stop()
        self._hint_timer = self.set_timer(HINT_AFTER, self._read_hint)

    def _read_hint(self) -> None:
        typed = [self.query_one(f"#{wid}", Input).value for wid in self.CLIENT_FIELDS]
        run(self, self.HintRead, type(self).HINT, *typed)

    @on(HintRead)
    def _hinted(self, event: HintRead) -> None:
        self.query_one("#client-hint", Label).update(hint_text(event.value, asks=self.record_id is None))

    # -- the offer when saving meets a near name ------------------------------------

    def offered(self, error: BadInput) -> bool:
        if not isinstance(error, NearClient):
            return False
        self._show_offer(error)
        return True

    def _show_offer(self, near: NearClient | None) -> None:
        self.near = near
        client = self.query_one("#client", Input)
        # Not Input's own "-invalid": Textual takes it off when the field loses the focus.
        client.set_class(near is not None, "-near")
        offer = self.query_one("#client-offer")
        offer.set_class(near is not None, "-shown")
        self.query_one("#client-hint").display = near is None
        if near is None:
            return
        said = filled(
            _("“{typed}” is not a client yet, but {existing} is."),
            typed=safe(near.typed, single_line=True),
            existing=safe(near.existing, single_line=True),
        )
        self.query_one("#client-offer-text", Label).update(said)
        use = self.query_one("#client-use", Button)
        use.label = filled(_("Use {name}"), name=safe(near.name, single_line=True))
        use.focus()

    @on(Button.Pressed, "#client-use")
    def _use_known(self) -> None:
        near = self.near
        if near is None:
            return
        self.query_one("#client", Input).value = near.name
        if near.company and "company" in self.CLIENT_FIELDS:
            self.query_one("#company", Input).value = near.company
        self.query_one("#client", Input).focus()

    @on(Button.Pressed, "#client-new")
    def _someone_new(self) -> None:
        self.query_one("#client", Input).focus()
        self._show_offer(None)
        self.new_client = True
        self.action_save()

    def clear_errors(self, wid: str | None = None) -> None:
        super().clear_errors(wid)
        if wid is None and self.is_mounted:
            self._show_offer(None)

    def job(self, values: dict[str, str]) -> tuple[Callable[..., int], tuple[Any, ...]] | None:
        found = super().job(values)
        if found is None or self.record_id is not None or not self.new_client:
            return found
        fn, args = found
        return _add_new, (fn, *args)


def _add_new(conn: Any, add: Callable[..., int], fields: dict[str, Any]) -> int:
    return add(conn, fields, new_client=True)
