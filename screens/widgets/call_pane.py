"""The client call at the start of the briefing: whom to call, and why; the
client's story while the phone rings; what they say, kept as a verbatim.

The name and the reason are what the room reads from the back, so each
has its own band, as the presenter's name does in the client-win pane.
The lead drives it with the meeting's keys (``MeetingScreen`` forwards
them here while the call segment runs): ``s`` another suggestion, ``/`` any
client by name, ``c`` write what the client says, ``ctrl+s`` keep the
words (the client was reached), ``r`` ``v`` ``0`` the outcome, ``b`` who
made the call. The name field and the words field take focus only when
asked for, so the meeting's one-letter keys keep working otherwise, and
letters typed in them are only text.

The lead's choice is stored with the briefing (``calls.choose``): a
read-only view of the meeting (``briefing serve --mode view``) shows the
same person, without the keys, the words being typed or the caller, and a
reopened app the same call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static, TextArea

from briefing import calls, clients
from briefing.board import Board
from briefing.call_suggest import Suggestion
from briefing.i18n import N_, _
from screens.data import Failed, Loaded, Refused, run
from screens.safe import safe
from screens.speaking import Speaks
from screens.widgets.client_story import ClientStory
from screens.widgets.panes import Pane

#: The keys, in the pane's border: how to choose above, how it went below.
CHOOSE_KEYS = N_("Client call · s another · / by name · c write · ctrl+s keep")
OUTCOME_KEYS = N_("r reached · v voicemail · 0 no answer · b caller")
#: How a call went, as said once it is stored.
OUTCOMES = {"reached": N_("reached"), "voicemail": N_("voicemail"), "no-answer": N_("no answer")}


@dataclass(frozen=True)
class Choice:
    """The client on the line: a proposal, or someone picked by name (the
    reason is the proposal's, when they are one; see ``CallPane._why``)."""

    client_id: int
    label: str
    phone: str | None = None
    #: Why, when they were proposed (kept once they are called and leave the proposals).
    why: str | None = None

    @classmethod
    def of(cls, client: clients.Client) -> Choice:
        return cls(client.id, client.label, client.phone)


def why_text(s: Suggestion) -> str:
    """The reason without the name the band already shows, as a sentence."""
    why = s.reason.removeprefix(f"{s.label}: ")
    return why[:1].upper() + why[1:]


class CallPane(Speaks, Pane):
    DEFAULT_CSS = """
    CallPane { border: round $success; padding: 0 1; height: 1fr; border-subtitle-align: right; }
    CallPane #call-who {
        width: 100%; height: auto; min-height: 3; padding: 1 2; content-align: center middle;
        text-align: center; background: $success 35%; color: $text; text-style: bold;
    }
    .-short CallPane #call-who { padding: 0 2; min-height: 1; }
    CallPane #call-why { width: 100%; height: auto; text-align: center; text-style: bold; margin-bottom: 1; }
    CallPane #call-body { height: 1fr; }
    CallPane #call-story-box { width: 1fr; height: 1fr; border: round $secondary; }
    CallPane #call-story-box { border-title-color: $secondary; }
    /* A small screen: the band already names them; the story gets the rows. */
    .-short CallPane #story-header { display: none; }
    CallPane #call-words { width: 1fr; height: 1fr; border: round $accent; }
    CallPane #call-words:focus { border: round $warning; }
    CallPane #call-pick { display: none; }
    CallPane.-picking #call-pick { display: block; }
    CallPane #call-error { color: $text-error; height: auto; }
    CallPane #call-status { height: auto; color: $text-muted; }
    """
    #: Unscoped, so the meeting's ``-short`` (a small screen) can thin the band.
    SCOPED_CSS = False
    BINDINGS = [
        # While typing in the pane: Esc gives the keys back to the meeting.
        Binding("escape", "done", N_("Done"), show=False),
        Binding("ctrl+s", "keep", N_("Keep the words"), show=False),
    ]

    class ProposalsRead(Loaded[calls.Proposals]):
        """Whom to call today, and who calls."""

    class NamesRead(Loaded[list[str]]):
        """Every client's name, to complete a typed one."""

    class Found(Loaded[list[clients.Client]]):
        """The clients a typed name may mean."""

    class Chosen(Loaded[clients.Client]):
        """The lead's choice, stored with the briefing."""

    class Logged(Loaded[calls.Call]):
        """A call stored (bubbles to the meeting: its card shows the words)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title, self.border_subtitle = _(CHOOSE_KEYS), _(OUTCOME_KEYS)
        self.proposals: calls.Proposals | None = None
        self.choice: Choice | None = None
        self.caller: str | None = None
        self._meeting_id: int | None = None
        self._names_asked = False
        #: The last call stored, in words (until the next one).
        self._done: Text | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="call-who")
        yield Static(id="call-why")
        with Horizontal(id="call-body"):
            # The client's story (screens/widgets/client_story.py), mounted
            # once someone is chosen: it reads for itself.
            box = Vertical(id="call-story-box")
            box.border_title = _("Their story")
            yield box
            words = TextArea(id="call-words")
            words.can_focus = False
            words.border_title = _("What they say (c to write)")
            words.can_focus = False
            yield words
        pick = Input(placeholder=_("Any client: a name (→ completes), or Name (Company)"), id="call-pick", compact=True)
        pick.can_focus = False
        yield pick
        yield Static(id="call-error")
        yield Static(id="call-status")

    # -- reading ---------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """On a viewer's screen: show the lead's call, change nothing."""
        return getattr(self.screen, "READ_ONLY", False)

    def on_mount(self) -> None:
        if self.read_only:
            self.border_title, self.border_subtitle = _("Client call"), ""
            self.query_one("#call-words").display = False
            self.query_one("#call-status").display = False

    def draw(self, board: Board) -> None:
        if self._meeting_id != board.meeting.id:
            self._meeting_id = board.meeting.id
            self.load()
        stored = board.calling
        same = self.choice is not None and stored is not None and self.choice.client_id == stored.id
        if stored is not None and not same and (self.read_only or self.choice is None):
            # The lead's choice: followed by a viewer, taken back by a reopened app.
            self._choose(Choice.of(stored), store=False)
        self._draw()

    def load(self) -> None:
        run(self, self.ProposalsRead, calls.proposals, self.app.day)

    @on(ProposalsRead)
    def _proposals(self, event: ProposalsRead) -> None:
        event.stop()
        self.proposals = event.value
        if self.caller is None or self.caller not in event.value.team:
            self.caller = event.value.caller
        if self.choice is None and event.value.suggestions:
            # A viewer shows the first proposal too until the lead chooses.
            self._choose_suggestion(0, store=not self.read_only)
        self._draw()

    def _choose_suggestion(self, index: int, *, store: bool = True) -> None:
        s = self.proposals.suggestions[index]
        self._choose(Choice(s.client_id, s.label, s.phone), store=store)

    def _proposal(self, client_id: int) -> Suggestion | None:
        found = self.proposals.suggestions if self.proposals else ()
        return next((s for s in found if s.client_id == client_id), None)

    def _choose(self, choice: Choice, *, store: bool = True) -> None:
        proposal = self._proposal(choice.client_id)
        if choice.why is None and proposal is not None:
            # Their reason, kept: a call takes them off the proposals.
            choice = replace(choice, why=why_text(proposal))
        self.choice = choice
        self._show_story(choice.client_id)
        self._draw()
        if store and not self.read_only and self._meeting_id is not None:
            run(self, self.Chosen, calls.choose, self._meeting_id, choice.client_id, write=True)

    @on(Chosen)
    def _chosen(self, event: Chosen) -> None:
        event.stop()

    def _show_story(self, client_id: int) -> None:
        story = next(iter(self.query(ClientStory)), None)
        if story is None:
            story = ClientStory(client_id, id="call-story")
            story.can_focus = False  # the meeting's keys stay the meeting's
            self.query_one("#call-story-box").mount(story)
        else:
            story.client_id = client_id
            story.load()

    # -- drawing ---------------------------------------------------------------------------

    def _draw(self) -> None:
        who, why = self.query_one("#call-who", Static), self.query_one("#call-why", Static)
        if self.choice is None:
            who.update(Text(_("☎ Whom shall we call?")))
            if self.proposals is None:
                why.update(Text(_("Looking for a client to call…"), style="dim"))
            elif self.read_only:
                why.update(Text(_("No client stands out today")))
            else:
                why.update(Text(_("No client stands out today: / picks any client by name")))
        else:
            name = Text("☎ ")
            name.append_text(safe(self.choice.label, single_line=True))
            if self.choice.phone:
                name.append("   ")
                name.append_text(safe(self.choice.phone, single_line=True))
            who.update(name)
            why.update(safe(self._why() + self._place()))
        self._draw_status()

    def _why(self) -> str:
        """Why they are on the line (a choice taken back from the briefing
        before the proposals were read finds its reason here)."""
        proposal = self._proposal(self.choice.client_id) if self.choice else None
        if proposal is not None:
            return why_text(proposal)
        if self.choice is not None and self.choice.why is not None:
            return self.choice.why
        return "" if self.proposals is None else _("Chosen by name")

    def _place(self) -> str:
        """Which proposal this is, when there are others to pass to."""
        found = self.proposals.suggestions if self.proposals else ()
        ids = [s.client_id for s in found]
        if self.choice is None or self.choice.client_id not in ids or len(ids) < 2 or self.read_only:
            return ""
        return "  " + _("({number} of {count}, s for another)").format(
            number=ids.index(self.choice.client_id) + 1, count=len(ids)
        )

    def _draw_status(self) -> None:
        line = Text(_("Called by "))
        line.append_text(safe(self.caller or _("nobody named"), "bold", single_line=True))
        line.append(_(" (b: someone else)"))
        if self._done is not None:
            line = Text.assemble(self._done, "  ·  ", line)
        self.query_one("#call-status", Static).update(line)

    # -- keys (forwarded by the meeting) --------------------------------------------------

    @property
    def typing(self) -> bool:
        """The lead is typing a name or the client's words."""
        return any(w.has_focus for w in (self.query_one("#call-words"), self.query_one("#call-pick")))

    def act(self, what: str) -> None:
        if what == "other":
            self._other()
        elif what == "pick":
            self._start_picking()
        elif what == "write":
            self._focus(self.query_one("#call-words", TextArea))
        elif what == "caller":
            self._next_caller()
        elif what == "keep":
            self.action_keep()
        else:
            self._log(what)

    def _other(self) -> None:
        found = self.proposals.suggestions if self.proposals else ()
        if not found:
            return
        ids = [s.client_id for s in found]
        at = ids.index(self.choice.client_id) + 1 if self.choice and self.choice.client_id in ids else 0
        self._choose_suggestion(at % len(ids))

    def _next_caller(self) -> None:
        team = self.proposals.team if self.proposals else ()
        if team:
            at = team.index(self.caller) + 1 if self.caller in team else 0
            self.caller = team[at % len(team)]
            self._draw_status()

    def _start_picking(self) -> None:
        if not self._names_asked:
            self._names_asked = True
            run(self, self.NamesRead, calls.client_names)
        self.add_class("-picking")
        self._focus(self.query_one("#call-pick", Input))

    @on(NamesRead)
    def _names(self, event: NamesRead) -> None:
        from textual.suggester import SuggestFromList

        event.stop()
        self.query_one("#call-pick", Input).suggester = SuggestFromList(event.value, case_sensitive=False)

    @on(Input.Submitted, "#call-pick")
    def _picked(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            run(self, self.Found, clients.find, event.value)

    @on(Found)
    def _found(self, event: Found) -> None:
        event.stop()
        typed = self.query_one("#call-pick", Input).value.strip()
        if len(event.value) == 1:
            client = event.value[0]
            self._error("")
            self.action_done()
            self._choose(Choice.of(client))
        elif not event.value:
            self._error(_("No client called {name}").format(name=repr(typed)))
        else:
            self._error(
                _("{name} could be {clients}: add the company").format(
                    name=repr(typed), clients=_(" or ").join(c.label for c in event.value)
                )
            )

    def _focus(self, widget: TextArea | Input) -> None:
        widget.can_focus = True
        widget.focus()

    def action_done(self) -> None:
        """Leave the field typed in: the meeting's keys are the meeting's again."""
        self.remove_class("-picking")
        for widget in (self.query_one("#call-words"), self.query_one("#call-pick")):
            widget.can_focus = False
        self.screen.set_focus(None)

    def action_keep(self) -> None:
        """The client's words, kept: they were reached."""
        if self.query_one("#call-words", TextArea).text.strip():
            self._log("reached")
        else:
            self._error(_("Nothing written yet: c to write what the client says"))

    def _log(self, outcome: str) -> None:
        if self.choice is None:
            self._error(_("No client chosen: / picks one by name"))
            return
        words = self.query_one("#call-words", TextArea).text
        text = words if words.strip() and outcome == "reached" else None
        if words.strip() and outcome != "reached":
            self._error(_("Words come from a client who was reached: r keeps them, or clear them first"))
            return
        self.action_done()
        args = (self.choice.client_id, outcome, self.caller, text, self._meeting_id, self.app.day)
        run(self, self.Logged, calls.log, *args, write=True)

    @on(Logged)
    def _logged(self, event: Logged) -> None:
        # Not stopped: the meeting hears it too, and shows the words on its next card.
        made = event.value
        self.query_one("#call-words", TextArea).load_text("")
        self._error("")
        outcome = _(OUTCOMES[made.outcome.value])
        done = Text.assemble(("✓ ", "bold"), safe(made.client, "bold", single_line=True), f": {outcome}")
        if made.verbatim_id is not None:
            done.append(_(", their words are on the next client card"))
        self._done = done
        self._draw_status()
        if self.choice is not None and self.choice.client_id == made.client_id:
            self._show_story(made.client_id)  # the call is in their story now
        self.load()  # the client called is left in peace from now on

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        if event.answer in (self.Logged, self.Found, self.Chosen):
            event.stop()
            self._error(event.error.problem[:1].upper() + event.error.problem[1:])

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        if event.answer in (self.Logged, self.Chosen):
            event.stop()
            self._error(event.message)

    def _error(self, message: str) -> None:
        self.query_one("#call-error", Static).update(safe(message, single_line=True))
