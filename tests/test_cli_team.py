"""The team commands, as a lead would use them on day one."""

from __future__ import annotations


def test_added_people_are_listed_with_stable_json_fields(cli, team):
    rows = cli("team", "list", "--json").json()
    assert [r["name"] for r in rows] == ["Claire Dubois", "Inès Moreau", "Karim Benali", "Tom Becker"]
    assert set(rows[0]) == {"id", "name", "role", "active", "joined_on"}
    assert rows[0]["role"] == "lead" and rows[1]["role"] == "member"
    assert all(r["active"] is True for r in rows)


def test_table_listing_is_readable(cli, team):
    result = cli("team", "list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "ROLE", "STATUS", "JOINED"]
    assert "Inès Moreau" in result.out and "lead" in result.out


def test_adding_someone_twice_is_refused(cli, team):
    result = cli("team", "add", "ines moreau")
    assert result.code == 2
    assert result.err.strip() == "briefing: NAME: Inès Moreau is already in the team"


def test_remove_deactivates_but_keeps_history(cli, team):
    assert cli("verbatim", "add", "Great service", "--client", "Marc", "--by", "Tom Becker").code == 0
    assert cli("team", "remove", "Tom Becker").code == 0
    people = {r["name"]: r for r in cli("team", "list", "--json").json()}
    assert people["Tom Becker"]["active"] is False
    assert cli("verbatim", "list", "--json").json()[0]["collected_by"] == "Tom Becker"
    refused = cli("verbatim", "add", "More", "--client", "Marc", "--by", "Tom Becker")
    assert refused.code == 2 and "--by: Tom Becker has left the team" in refused.err


def test_adding_a_former_member_brings_them_back(cli, team):
    cli("team", "remove", "Tom Becker")
    result = cli("team", "add", "Tom Becker")
    assert result.code == 0 and "Welcome back" in result.err
    assert {r["name"]: r["active"] for r in cli("team", "list", "--json").json()}["Tom Becker"] is True


def test_rename_follows_into_verbatims_and_wins(cli, team):
    cli("verbatim", "add", "Merci", "--client", "Marc", "--by", "Karim Benali")
    cli("win", "add", "Saved Altis", "--by", "Karim Benali")
    assert cli("team", "rename", "Karim Benali", "Karim B.").code == 0
    assert cli("verbatim", "list", "--json").json()[0]["collected_by"] == "Karim B."
    assert cli("win", "list", "--json").json()[0]["owner"] == "Karim B."


def test_rename_onto_an_existing_name_is_refused(cli, team):
    result = cli("team", "rename", "Karim Benali", "tom becker")
    assert result.code == 2 and result.err.startswith("briefing: NEW:")


def test_unknown_person_is_a_clear_error(cli, team):
    for args in (("team", "remove", "Zoé"), ("team", "rename", "Zoé", "Zoe")):
        result = cli(*args)
        assert result.code == 2
        assert "nobody named 'Zoé'" in result.err and len(result.err.strip().splitlines()) == 1


def test_a_first_name_or_unaccented_name_finds_the_person(cli, team):
    assert cli("verbatim", "add", "Top", "--client", "Marc", "--by", "ines").code == 0
    assert cli("verbatim", "list", "--json").json()[0]["collected_by"] == "Inès Moreau"


def test_an_ambiguous_first_name_asks_for_the_full_name(cli, team):
    cli("team", "add", "Tom Petit")
    result = cli("verbatim", "add", "Top", "--client", "Marc", "--by", "Tom")
    assert result.code == 2
    assert "could be Tom Becker or Tom Petit" in result.err
