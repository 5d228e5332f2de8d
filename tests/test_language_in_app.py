"""The team's language, chosen in the app (``l`` on home): stored as
``briefing settings set lang`` would, and spoken at once."""

from __future__ import annotations

from briefing import db as store
from briefing import i18n, team_settings
from screens.app import make_app
from tests.conftest import DAY
from tests.pilot import screen_text, settled, until
from tests.test_home_screen import home_shown


def footer_words(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}


async def test_the_lead_switches_the_team_to_french_and_home_speaks_it(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_shown(pilot)
        assert "Start" in footer_words(app)
        await pilot.press("l")
        await until(pilot, lambda: "Français  (fr)" in screen_text(app), "the languages")
        assert "English  (en)" in screen_text(app)
        await pilot.press("down", "enter")
        await until(pilot, lambda: "Lancer" in footer_words(app), "home in French")
        await until(pilot, lambda: "briefing du jour" in screen_text(app), "home's day line in French")
        await settled(pilot)
        assert "today's briefing" not in screen_text(app)
        assert any("Français" in str(n.message) for n in app._notifications)
        app_keys = {b.description for bs in app._bindings.key_to_bindings.values() for b in bs}
        assert "Quitter" in app_keys and "Quit" not in app_keys  # the app's own keys, on every screen
    assert i18n.current() == "fr"
    with store.opened(demo_db) as conn:
        assert team_settings.get(conn, "lang") == "fr"  # for every collaborator, from now on


async def test_escape_keeps_the_language_and_stores_nothing(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_shown(pilot)
        await pilot.press("l")
        await until(pilot, lambda: "Français  (fr)" in screen_text(app), "the languages")
        await pilot.press("down", "escape")
        await until(pilot, lambda: "Français  (fr)" not in screen_text(app), "the dialog closed")
        assert "Start" in footer_words(app)
    assert i18n.current() == "en"
    with store.opened(demo_db) as conn:
        assert team_settings.get(conn, "lang") is None


async def test_the_list_opens_on_the_language_spoken(demo_db, french):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_shown(pilot)
        await pilot.press("l")
        await until(pilot, lambda: "Langue de l'équipe" in screen_text(app), "the dialog, in French")
        await pilot.press("up", "enter")  # back to English
        await until(pilot, lambda: "Start" in footer_words(app), "home in English")
    with store.opened(demo_db) as conn:
        assert team_settings.get(conn, "lang") == "en"


async def test_the_menu_finds_the_language_from_another_screen(demo_db):
    """ctrl+p "language" from the inbox: back to home, the list open on it."""
    from tests.test_team_screen import PaletteApp, palette

    app = PaletteApp(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await home_shown(pilot)
        await pilot.press("i")
        await until(pilot, lambda: type(app.screen).__name__ == "InboxScreen", "the inbox")
        await palette(pilot, "language")
        await until(pilot, lambda: "Français  (fr)" in screen_text(app), "the languages")
        assert [type(s).__name__ for s in app.screen_stack][-2:] == ["HomeScreen", "LanguageScreen"]


async def test_the_menu_never_throws_away_typing_to_reach_home(demo_db):
    """A quote half typed in the verbatim form: the Menu's Language says to
    save or cancel first, and the form keeps every word."""
    from tests.test_team_screen import PaletteApp, palette

    app = PaletteApp(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await home_shown(pilot)
        await pilot.press("v")
        await until(pilot, lambda: type(app.screen).__name__ == "VerbatimFormScreen", "the verbatim form")
        await settled(pilot)
        await pilot.press(*"Ils adorent")
        await until(pilot, lambda: "Ils adorent" in screen_text(app), "the typing")
        await palette(pilot, "language")
        await until(pilot, lambda: any("Save or cancel" in str(n.message) for n in app._notifications), "the notice")
        assert type(app.screen).__name__ == "VerbatimFormScreen" and "Ils adorent" in screen_text(app)
