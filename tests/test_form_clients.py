"""The verbatim and win forms' client field: the hint while typing, the offer
when a name is near a known client's, driven from the keyboard alone."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, Label

from briefing import clients, verbatims, wins
from screens.app import make_app
from screens.verbatim_form import VerbatimFormScreen
from screens.win_form import WinFormScreen
from tests.conftest import DAY, SIZES
from tests.pilot import screen_text, settled, until
from tests.test_forms import count, open_form, read, type_text

HELENE = "Hélène Roussel"
ALTIS = "Altis Logistique"


def hint(app) -> str:
    label = app.screen.query_one("#client-hint", Label)
    return str(label.render()) if label.display else ""


def offering(app) -> bool:
    """The offer is on screen, its first key focused: Enter uses the known client."""
    focused = app.focused
    return (
        app.screen.query_one("#client-offer").has_class("-shown")
        and isinstance(focused, Button)
        and focused.id == "client-use"
        and "is not a client yet" in screen_text(app)
    )


def helene(path) -> clients.Client:
    return read(path, clients.resolve, f"{HELENE} ({ALTIS})")


async def type_verbatim(pilot, client: str, company: str) -> None:
    await type_text(pilot, f"Le démarrage s'est bien passé\t{client}\t{company}")


async def type_win(pilot, client: str) -> None:
    await type_text(pilot, "Renouvellement signé")
    await pilot.press("tab", "enter", "home", "down", "enter")  # won by: the first of the team
    await type_text(pilot, f"\t{client}")


async def offered(pilot) -> None:
    await pilot.press("ctrl+s")
    await until(pilot, lambda: offering(pilot.app), "the offer of the known client")


# -- the hint while typing ----------------------------------------------------------


async def test_the_verbatim_form_says_whom_the_client_will_be_while_typing(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, VerbatimFormScreen())
        assert hint(app) == ""
        await type_verbatim(pilot, "helene roussel", "altis logistique")
        known = helene(demo_db).id
        said = read(
            demo_db, lambda c: c.execute("SELECT count(*) FROM verbatims WHERE client_id = ?", (known,)).fetchone()[0]
        )
        await until(pilot, lambda: hint(app).startswith(f"→ {HELENE} · {ALTIS}, {said} verbatims"), "her, named")
        await pilot.press("backspace")  # "altis logistiqu": a company never met, where she is not known
        await until(pilot, lambda: hint(app).startswith("new client here; "), "a new client, known elsewhere")
        assert f"{HELENE} ({ALTIS}) is known: is the company right?" in hint(app)
        await pilot.press("shift+tab", *["backspace"] * len("helene roussel"), *"Zoé Martin")
        await until(pilot, lambda: hint(app) == "new client", "a new client")
        await pilot.press(*["backspace"] * len("Zoé Martin"), *"helene roussel", "tab", "end", "e")
        await until(pilot, lambda: hint(app).startswith(f"→ {HELENE}"), "her again")
        await pilot.press("shift+tab", "end", "backspace")  # "helene rousse": near Hélène Roussel
        await until(pilot, lambda: "close to" in hint(app), "the near client named")
        assert f"{HELENE} ({ALTIS})" in hint(app)


async def test_the_win_form_says_which_company_or_client_it_will_be(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, WinFormScreen())
        await type_win(pilot, "altis logistique")
        await until(pilot, lambda: hint(app).startswith(f"→ {ALTIS} (company), "), "the company named")
        await pilot.press(*["backspace"] * len("altis logistique"))
        await type_text(pilot, HELENE.lower())
        await until(pilot, lambda: hint(app).startswith(f"→ {HELENE} · {ALTIS}, "), "the client named")
        await pilot.press(*["backspace"] * len(HELENE))
        await type_text(pilot, "Zed Corp")
        await until(pilot, lambda: hint(app) == "new client", "a new client")


# -- the offer when saving meets a near name -----------------------------------------


async def test_a_near_verbatim_client_is_offered_and_the_known_one_used(demo_db):
    before = (count(demo_db, "verbatims"), count(demo_db, "clients"))
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen())
        await type_verbatim(pilot, "Helene Rousel", ALTIS)
        await offered(pilot)
        assert f"Use {HELENE}" in screen_text(app)
        assert (count(demo_db, "verbatims"), count(demo_db, "clients")) == before  # nothing half-written
        await pilot.press("enter")  # use Hélène Roussel
        await until(pilot, lambda: app.screen.query_one("#client", Input).value == HELENE, "the name filled")
        assert app.screen.query_one("#company", Input).value == ALTIS
        await until(pilot, lambda: hint(app).startswith(f"→ {HELENE}"), "the hint naming her")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: results, "the form closed, saved")
    saved = read(demo_db, verbatims.get, results[0])
    linked = read(demo_db, lambda c: c.execute("SELECT client_id FROM verbatims WHERE id = ?", (saved.id,)).fetchone())
    assert linked[0] == helene(demo_db).id
    assert count(demo_db, "clients") == before[1]


async def test_a_near_verbatim_client_confirmed_as_someone_new_is_saved_as_new(demo_db):
    before = count(demo_db, "clients")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen())
        await type_verbatim(pilot, "Helene Rousel", ALTIS)
        await offered(pilot)
        await pilot.press("tab", "enter")  # someone new: save
        await until(pilot, lambda: results, "the form closed, saved")
    saved = read(demo_db, verbatims.get, results[0])
    assert (saved.client, saved.company) == ("Helene Rousel", ALTIS)
    assert count(demo_db, "clients") == before + 1
    assert read(demo_db, clients.resolve, f"Helene Rousel ({ALTIS})").id != helene(demo_db).id


async def test_changing_the_name_after_the_offer_asks_again(demo_db):
    """A confirmation is for the name as it was: typed over, it is asked anew."""
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, VerbatimFormScreen())
        await type_verbatim(pilot, "Helene Rousel", ALTIS)
        await offered(pilot)
        await pilot.press("shift+tab", "end")  # back to the company: type on
        assert app.focused.id == "company"
        await pilot.press("backspace", "e")
        await until(pilot, lambda: not app.screen.query_one("#client-offer").has_class("-shown"), "the offer gone")
        await offered(pilot)
    assert count(demo_db, "verbatims") == before


async def test_a_near_win_client_is_offered_and_the_known_company_used(demo_db):
    before = count(demo_db, "companies")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, WinFormScreen())
        await type_win(pilot, "Altis Logistiqe")
        await offered(pilot)
        assert count(demo_db, "wins") == 12
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one("#client", Input).value == ALTIS, "the company filled")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: results, "the form closed, saved")
    saved = read(demo_db, wins.get, results[0])
    firm = read(demo_db, lambda c: c.execute("SELECT company_id FROM wins WHERE id = ?", (saved.id,)).fetchone()[0])
    assert saved.client == ALTIS
    assert firm == read(demo_db, lambda c: c.execute("SELECT id FROM companies WHERE name = ?", (ALTIS,)).fetchone()[0])
    assert count(demo_db, "companies") == before


async def test_a_near_win_client_confirmed_as_someone_new_is_saved_as_new(demo_db):
    before = count(demo_db, "companies")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, WinFormScreen())
        await type_win(pilot, "Altis Logistiqe")
        await offered(pilot)
        await pilot.press("tab", "enter")
        await until(pilot, lambda: results, "the form closed, saved")
    assert read(demo_db, wins.get, results[0]).client == "Altis Logistiqe"
    assert count(demo_db, "companies") == before + 1


# -- how the offer looks --------------------------------------------------------------


def _offer(screen_factory, typing):
    async def run_before(pilot) -> None:
        await open_form(pilot, screen_factory())
        await typing(pilot)
        await offered(pilot)
        await settled(pilot)

    return run_before


OFFERS = {
    "verbatim-offer": _offer(VerbatimFormScreen, lambda p: type_verbatim(p, "Helene Rousel", ALTIS)),
    "win-offer": _offer(WinFormScreen, lambda p: type_win(p, "Altis Logistiqe")),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("form", list(OFFERS))
def test_offer_snapshot(snap_compare, demo_db, form, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=OFFERS[form])


# -- the hint tells what saving will do ------------------------------------------------

CASES = [
    ("helene roussel", "altis logistique", "known"),
    ("Helene Rousel", ALTIS, "near"),
    ("Hélène Roussel", None, "elsewhere"),
    ("Hélène Roussel", "Altis Logistiqu", "elsewhere"),
    ("Zoé Martin", ALTIS, "new"),
]


@pytest.mark.parametrize(("name", "company", "state"), CASES)
def test_the_verbatim_hint_says_what_saving_will_do(demo_db, name, company, state):
    from briefing import client_hint
    from briefing.errors import NearClient

    hint = read(demo_db, client_hint.for_verbatim, name, company)
    assert hint.state == state
    before = count(demo_db, "clients")
    fields = {"text": "Merci", "client": name, "company": company}
    if state == "near":
        with pytest.raises(NearClient):
            read(demo_db, verbatims.add, fields)
        assert count(demo_db, "clients") == before
        return
    vid = read(demo_db, verbatims.add, fields)
    linked = read(demo_db, lambda c: c.execute("SELECT client_id FROM verbatims WHERE id = ?", (vid,)).fetchone()[0])
    if state == "known":
        assert linked == helene(demo_db).id and count(demo_db, "clients") == before
    else:
        assert linked != helene(demo_db).id and count(demo_db, "clients") == before + 1


@pytest.mark.parametrize(
    ("typed", "state"),
    [(ALTIS.upper(), "company"), ("helene roussel", "known"), ("Altis Logistiqe", "near"), ("Zed Corp", "new")],
)
def test_the_win_hint_says_what_saving_will_do(demo_db, typed, state):
    from briefing import client_hint
    from briefing.errors import NearClient

    hint = read(demo_db, client_hint.for_win, typed)
    assert hint.state == state
    fields = {
        "title": "Signed",
        "owner": read(demo_db, lambda c: c.execute("SELECT name FROM collaborators").fetchone()[0]),
        "client": typed,
    }
    if state == "near":
        with pytest.raises(NearClient):
            read(demo_db, wins.add, fields)
        return
    wid = read(demo_db, wins.add, fields)
    firm, person = read(
        demo_db, lambda c: c.execute("SELECT company_id, client_id FROM wins WHERE id = ?", (wid,)).fetchone()
    )
    altis = read(demo_db, lambda c: c.execute("SELECT id FROM companies WHERE name = ?", (ALTIS,)).fetchone()[0])
    assert (firm == altis) == (state in ("company", "known"))
    assert (person == helene(demo_db).id) == (state == "known")


async def test_editing_a_verbatim_names_its_client_and_never_promises_to_ask(demo_db):
    """An edit links the name as typed (the core asks only when adding): the
    hint must not say that saving will ask."""
    vid = read(demo_db, verbatims.add, {"text": "Merci", "client": HELENE, "company": ALTIS})
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, VerbatimFormScreen(vid))
        await until(pilot, lambda: hint(app).startswith(f"→ {HELENE} · {ALTIS}"), "her, named")
        app.screen.query_one("#client", Input).focus()
        await pilot.press("end", "backspace", "backspace", "l")  # "Hélène Roussl"
        await until(pilot, lambda: hint(app).startswith("new client, close to "), "the near client named")
        assert "saving will ask" not in hint(app)
