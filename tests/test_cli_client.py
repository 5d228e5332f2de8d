"""``briefing client ...`` as a user meets it: exit codes, one-line errors,
names resolving, and nothing merged that nobody asked to merge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.client_near import distance, initials_fit, is_near


def ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def known(cli, team):
    ok(cli("verbatim", "add", "Livraison parfaite", "--client", "Hélène Roussel", "--company", "Altis", "--by", "Inès"))
    ok(cli("verbatim", "add", "Trop cher", "--client", "Marc Petit", "--company", "Nord", "--sentiment", "negative"))
    ok(cli("win", "add", "Renewed Altis", "--by", "Karim", "--client", "Altis"))
    return cli


def test_add_list_show(known):
    cli = known
    assert ok(cli("client", "add", "Zoé Martin", "--company", "Altis", "--phone", "+33 6 12 34 56 78")).out.strip()
    rows = ok(cli("client", "list", "--json")).json()
    assert [r["name"] for r in rows] == ["Hélène Roussel", "Marc Petit", "Zoé Martin"]
    assert rows[0]["verbatims"] == 1 and rows[2]["phone"] == "+33 6 12 34 56 78"
    assert [r["name"] for r in ok(cli("client", "list", "--search", "HELENE", "--json")).json()] == ["Hélène Roussel"]
    assert [r["name"] for r in ok(cli("client", "list", "--company", "altis", "--json")).json()] == [
        "Hélène Roussel",
        "Zoé Martin",
    ]
    assert len(ok(cli("client", "list", "--limit", "1", "--json")).json()) == 1
    story = ok(cli("client", "show", "helene roussel", "--json")).json()
    assert [(m["kind"], m["by"]) for m in story["timeline"]] == [("verbatim", "Inès Moreau"), ("win", "Karim Benali")]
    text = ok(cli("client", "show", "Hélène Roussel (Altis)")).out
    assert "Livraison parfaite" in text and "Renewed Altis" in text and "Karim Benali" in text


def test_refusals_are_one_line_with_exit_2(known):
    cli = known
    for args, says in [
        (("client", "show", "nobody"), "no client called 'nobody'"),
        (("client", "add", "X", "--phone", "call me"), "--phone:"),
        (("client", "add", "X", "--email", "x@"), "--email:"),
        (("client", "add", "hélène ROUSSEL", "--company", "altis"), "already a client"),
        (("client", "edit", "Marc Petit"), "nothing to change"),
    ]:
        result = cli(*args)
        assert result.code == 2 and says in result.err and len(result.err.strip().splitlines()) == 1, result.err


def test_two_people_of_one_name_need_the_company(known):
    cli = known
    ok(cli("client", "add", "Marc Petit", "--company", "Sud"))
    result = cli("client", "show", "Marc Petit")
    assert result.code == 2 and "add the company in brackets" in result.err
    ok(cli("client", "show", "Marc Petit (Sud)"))


def test_a_rename_follows_on_verbatims_and_a_collision_suggests_merge(known):
    cli = known
    ok(cli("client", "edit", "Hélène Roussel", "--name", "Hélène Roussel-Martin", "--company", "Altis Logistique"))
    quotes = ok(cli("verbatim", "list", "--json")).json()
    assert {(q["client"], q["company"]) for q in quotes if q["text"] == "Livraison parfaite"} == {
        ("Hélène Roussel-Martin", "Altis Logistique")
    }
    result = cli("client", "edit", "Marc Petit", "--name", "helene roussel-martin", "--company", "altis logistique")
    assert result.code == 2 and "already a client" in result.err and "briefing client merge" in result.err


def test_a_near_name_is_offered_not_created(known):
    cli = known
    result = cli("verbatim", "add", "Encore", "--client", "Helene Rousel", "--company", "Altis")
    assert result.code == 2
    assert "Hélène Roussel (Altis)" in result.err and "--new-client" in result.err
    ok(cli("verbatim", "add", "Encore", "--client", "HELENE roussel", "--company", "altis"))  # the same person
    ok(cli("verbatim", "add", "Encore", "--client", "Helene Rousel", "--company", "Altis", "--new-client"))
    assert len(ok(cli("client", "list", "--json")).json()) == 3
    result = cli("win", "add", "Signed", "--by", "Inès", "--client", "Altiss")
    assert result.code == 2 and "'Altis'" in result.err
    ok(cli("win", "add", "Signed", "--by", "Inès", "--client", "Altiss", "--new-client"))


def test_merge_moves_everything_and_asks_first(known):
    cli = known
    ok(cli("client", "add", "H. Roussel", "--company", "Altis", "--email", "h@altis.fr"))
    ok(cli("verbatim", "add", "Merci", "--client", "H. Roussel", "--company", "Altis"))
    doctor = ok(cli("client", "doctor", "--json")).json()
    assert [d["kind"] for d in doctor] == ["near-clients"]
    assert "briefing client merge" in doctor[0]["settle"]
    assert "briefing client merge" in ok(cli("client", "doctor")).out
    result = cli("client", "merge", "Hélène Roussel", "H. Roussel")  # no terminal, no --yes
    assert result.code == 2 and "--yes" in result.err
    ok(cli("client", "merge", "Hélène Roussel", "H. Roussel", "--yes"))
    story = ok(cli("client", "show", "Hélène Roussel", "--json")).json()
    assert story["email"] == "h@altis.fr"
    assert [m["text"] for m in story["timeline"] if m["kind"] == "verbatim"] == ["Merci", "Livraison parfaite"]
    assert cli("client", "show", "H. Roussel").code == 2
    assert ok(cli("client", "doctor")).out.strip() == "Nothing to settle."
    result = cli("client", "merge", "Marc Petit", "Marc Petit", "--yes")
    assert result.code == 2


@given(st.text(alphabet="abcdé .", max_size=12), st.text(alphabet="abcdé .", max_size=12))
def test_distance_is_symmetric_and_bounded(a, b):
    assert distance(a, b, 2) == distance(b, a, 2) <= 3
    assert (distance(a, b, 2) == 0) == (a == b)


@given(st.text(alphabet="abcdefgh", min_size=4, max_size=10))
def test_one_typo_in_a_word_is_near_and_a_name_is_not_near_itself(word):
    assert not is_near(f"marc {word}", f"marc {word}")
    assert is_near(f"marc {word}", f"marc {word}x")


def test_near_names_by_example():
    assert is_near("helene roussel", "helene rousel")
    assert is_near("helene roussle", "helene roussel")  # two letters swapped
    assert initials_fit("h. roussel", "helene roussel") and is_near("h roussel", "helene roussel")
    assert not is_near("lea roux", "leo roux")  # short first names: two people
    assert not is_near("paul morel", "paul moreau")
    assert not is_near("marc faure", "omar faure")
