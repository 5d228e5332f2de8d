"""The meeting as the room sees it: the client's words first, never cut, and
never changed under the room's eyes; a calm clock that gives way."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import db as store
from briefing import verbatims
from screens.app import make_app
from screens.widgets.bigclock import BigClock
from screens.widgets.panes import MORE, Pane
from tests.conftest import DAY
from tests.pilot import settled, until
from tests.test_meeting_screen import NOW, _client_win, _meeting_app, _ready, _shown, started, text_of

#: A laptop, a large monitor, a projector.
ROOM_SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
    pytest.param((200, 60), id="200x60"),
]

LONG_QUOTE = (
    "Votre équipe a repris le dossier au moment où nous allions tout arrêter. Le technicien est venu "
    "le samedi matin, il a expliqué chaque étape à nos opérateurs, et depuis la ligne tourne sans un "
    "seul arrêt. Ce qui a fait la différence, c'est que quelqu'un a enfin écouté ce que nous disions "
    "depuis trois mois au lieu de nous renvoyer vers le support. Si vous gardez ce niveau de suivi, "
    "nous signerons pour les deux autres sites avant la fin du trimestre, et je le dirai à mes "
    "collègues du groupe. Merci encore à toute l'équipe pour ce travail remarquable, vraiment : "
    "on ne l'oubliera pas de si tôt, ça !"
)
assert len(LONG_QUOTE) == 600


def said(path: Path, text: str, client: str = "Hélène Roussel") -> int:
    """A verbatim collected today by Sophie Laurent: the first card of the briefing."""
    conn = store.connect(path)
    try:
        fields = {"text": text, "client": client, "company": "Altis Logistique", "collected_by": "Sophie"}
        return verbatims.add(conn, fields | {"date": DAY})
    finally:
        conn.close()


def _long_quote(path: Path) -> None:
    said(path, LONG_QUOTE)
    started(path, 100, base=NOW)


def _one_liner(path: Path) -> None:
    said(path, "Super réactifs !", client="Marc Petit")
    started(path, 100, base=NOW)


SCENES = {"long_quote": _long_quote, "one_liner": _one_liner, "client_win": _client_win}


def card(app):
    return app.screen.query_one("#pane-client")


def footer_keys(app) -> set[str]:
    """The keys the footer offers now."""
    return {key for key, active in app.screen.active_bindings.items() if active.binding.show and active.enabled}


async def _marked(pilot) -> None:
    """Drawn in full, and the "more" mark agrees with what is out of sight."""
    await _shown(pilot)
    pane = next(p for p in pilot.app.screen.query(Pane) if p.display)
    await until(pilot, lambda: (pane.border_subtitle == MORE) == pane.has_more, "the more mark")
    await settled(pilot)


@pytest.mark.parametrize("size", ROOM_SIZES)
@pytest.mark.parametrize("scene", list(SCENES))
def test_the_room_snapshot(snap_compare, demo_db, scene, size):
    SCENES[scene](demo_db)
    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=_marked)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (200, 60), (250, 70)])
async def test_in_client_time_the_quote_outweighs_the_clock_and_the_credit_is_always_seen(demo_db, size):
    _long_quote(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=size) as pilot:
        await _marked(pilot)
        clock, quote_card = app.screen.query_one("#clock", BigClock), card(app)
        assert quote_card.region.area >= clock.region.area
        # Legible across the room still: drawn in blocks, not one line of text.
        assert clock.region.height >= 3
        who = app.screen.query_one("#who")
        assert who.region.height >= 2 and quote_card.region.contains_region(who.region)
        credit = text_of(app, "#who")
        assert "Hélène Roussel" in credit and "Altis Logistique" in credit
        assert "collected by Sophie Laurent" in credit
        quote = app.screen.query_one("#quote")
        assert quote.region.width <= 76  # a reading measure, not a ribbon across the wall


async def test_a_long_quote_says_there_is_more_and_pgdn_shows_the_rest(demo_db):
    _long_quote(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _marked(pilot)
        pane = card(app)
        assert pane.border_subtitle == MORE
        assert "pagedown" in footer_keys(app)
        scroll = pane.query_one("#quote-scroll")
        await pilot.press("pagedown")
        await until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y > 0, "the end of the quote")
        await until(pilot, lambda: pane.border_subtitle != MORE, "the mark saying the end is reached")
        assert "Hélène Roussel" in text_of(app, "#who")  # the credit never scrolled away
        await pilot.press("pageup")
        await until(pilot, lambda: scroll.scroll_y == 0, "back to the start")


async def test_a_short_quote_has_no_more_mark_and_no_pgdn_in_the_footer(demo_db):
    _one_liner(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _marked(pilot)
        assert card(app).border_subtitle == ""
        assert "pagedown" not in footer_keys(app)


async def test_the_card_the_room_looks_at_stays_when_a_colleague_adds_a_verbatim(demo_db):
    started(demo_db, 30)
    app = make_app(demo_db, day=DAY)  # following the database, as in the room
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        await pilot.press("down", "down", "down", "down")
        await until(pilot, lambda: card(app).border_title.startswith("Verbatim 5 of "), "card 5")
        count = int(card(app).border_title.split(" of ")[1].split()[0])
        quote, credit = text_of(app, "#quote"), text_of(app, "#who")
        said(demo_db, "Nouveau : le portail client est enfin clair.", client="Jeanne Roy")  # newest: sorts first
        await until(pilot, lambda: f" of {count + 1}" in card(app).border_title, "the count updated")
        await settled(pilot)
        assert text_of(app, "#quote") == quote and text_of(app, "#who") == credit
        assert card(app).border_title.startswith("Verbatim 6 of ")  # the same verbatim, one further down
        await pilot.press("down")
        await until(pilot, lambda: card(app).border_title.startswith("Verbatim 7 of "), "the next card")
        assert text_of(app, "#quote") != quote


@pytest.mark.parametrize(
    ("ago", "expected"),
    [(100, "calm"), (200, "-last-minute"), (300, "-overrun")],
    ids=["plenty-of-time", "last-minute", "overrun"],
)
async def test_the_countdown_is_calm_then_amber_in_the_last_minute_then_red(demo_db, ago, expected):
    started(demo_db, ago, base=NOW)  # the first segment lasts 4 minutes
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        clock = app.screen.query_one("#clock", BigClock)
        shown = {c for c in ("-last-minute", "-overrun") if clock.has_class(c)}
        assert shown == (set() if expected == "calm" else {expected})


async def test_after_tab_every_label_names_the_kind_the_clock_counts(demo_db):
    started(demo_db, 30)
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        assert "CLIENT TIME" in text_of(app, "#segment-title")
        await pilot.press("tab")
        await until(pilot, lambda: "SALES TIME" in text_of(app, "#segment-title"), "the title following the clock")
        assert "CLIENT TIME" not in text_of(app, "#segment-title")
        assert "counting SALES time" in text_of(app, "#banner")
        await pilot.press("tab")
        await until(pilot, lambda: "CLIENT TIME" in text_of(app, "#segment-title"), "back to client time")
        assert text_of(app, "#banner") == ""


async def test_the_win_segment_names_the_presenter_once_and_large(demo_db):
    _client_win(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(200, 60)) as pilot:
        await _shown(pilot)
        presenter = text_of(app, "#presenter")
        name = presenter.removeprefix("▶ ").removesuffix(" presents")
        everything = " ".join(text_of(app, s) for s in ("#presenter", "#reason", "#win-title", "#story"))
        assert everything.count(f"{name} presents") == 1
        band = app.screen.query_one("#presenter")
        assert band.region.height >= 3 and app.screen.query_one("#win-title").region.height >= 3


def test_a_card_archived_while_on_screen_leaves_the_board(demo_db):
    from briefing import meeting as meetings
    from briefing.board import load_board

    started(demo_db, 30)
    conn = store.connect(demo_db)
    try:
        board = load_board(conn, DAY)
        first = board.verbatims[0]
        meetings.mark_shown(conn, board.meeting.id, first.id)  # on the screen now
        verbatims.archive(conn, first.id)  # a colleague archives it
        after = load_board(conn, DAY)
    finally:
        conn.close()
    assert first.id not in [v.id for v in after.verbatims]
    assert len(after.verbatims) == len(board.verbatims) - 1


def test_the_first_frames_board_holds_what_the_segment_on_screen_shows_and_no_more(demo_db):
    """Opened mid-story, the app reads for its first frame only what the
    segment on screen needs: no rotation over every past briefing for a
    client's quote. On the client win, today's presenter is in it."""
    from briefing import meeting as meetings
    from briefing.board import load_board

    started(demo_db, 30)
    conn = store.connect(demo_db)
    try:
        first = load_board(conn, DAY, first_frame=True)
        whole = load_board(conn, DAY)
        meetings.go(conn, +1)  # the client win
        on_win = load_board(conn, DAY, first_frame=True)
        after_key = load_board(conn, DAY, cards_of=first)  # a key pressed before the whole board came
    finally:
        conn.close()
    assert first.pane_of(first.meeting.clock().index) == "client"
    assert first.verbatims == whole.verbatims and first.metrics == whole.metrics
    assert first.presentation is None and first.win_stories == () and not first.whole
    assert whole.presentation is not None and whole.win_stories and whole.whole
    assert (
        on_win.presentation is not None and on_win.presentation.choice.presenter == whole.presentation.choice.presenter
    )
    assert after_key.whole and after_key.presentation is not None and after_key.win_stories == whole.win_stories


async def test_opened_mid_story_the_next_segments_show_the_presenter_and_the_weeks_wins(demo_db):
    started(demo_db, 30)
    app = make_app(demo_db, day=DAY)  # follows the database, as briefing does
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        await pilot.press("n")
        await until(pilot, lambda: text_of(app, "#presenter").endswith(" presents"), "today's presenter")
        await pilot.press("n")
        await until(pilot, lambda: "Numbers" in text_of(app, "#segment-title"), "the numbers")
        await until(pilot, lambda: app.screen.query_one("#win-stories").display, "the week's wins")


@given(count=st.integers(1, 12), current=st.integers(0, 11), rows=st.integers(4, 14))
def test_the_agenda_box_fits_its_rows_and_always_shows_the_current_segment(count, current, rows):
    from briefing.agenda import Agenda, Segment
    from briefing.clock import Clock, Event, EventType
    from briefing.kinds import SegmentKind
    from screens.meeting_text import AGENDA_WIDTH, agenda_text

    current = min(current, count - 1)
    long = "A rather long segment title that goes on and on, " * 2
    agenda = Agenda(tuple(Segment(f"{i} {long}", SegmentKind.CLIENT, 120) for i in range(count)), 0.5)
    events = [Event(EventType.START, NOW, None)] + ([Event(EventType.GOTO, NOW, current)] if current else [])
    state = Clock(agenda).extend(events).state(NOW)
    lines = agenda_text(state, rows).plain.splitlines()
    assert len(lines) <= max(rows, 4)
    assert sum(line.startswith("▶") for line in lines) == 1
    assert all(len(line) <= AGENDA_WIDTH for line in lines)


def footer_shows(app) -> set[str]:
    """The keys the footer has drawn (not what it would offer if asked now)."""
    from textual.widgets._footer import FooterKey

    return {key.key for key in app.screen.query(FooterKey)}


async def test_pgdn_leaves_the_footer_with_the_long_quote(demo_db):
    _long_quote(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _marked(pilot)
        await until(pilot, lambda: "pagedown" in footer_shows(app), "PgDn in the footer")
        await pilot.press("n")  # on to the client win: a short story, nothing to page
        await until(pilot, lambda: "pagedown" not in footer_shows(app), "PgDn gone from the footer")
        await pilot.press("p")  # back to the long quote: PgDn again
        await until(pilot, lambda: "pagedown" in footer_shows(app), "PgDn back in the footer")
