"""Wins and metrics from the command line."""

from __future__ import annotations


def test_win_add_and_list(cli, team):
    result = cli(
        "win",
        "add",
        "Renewed Altis for 3 years",
        "--by",
        "Inès Moreau",
        "--client",
        "Altis",
        "--story",
        "She fixed the blocked order first.",
        "--date",
        "2026-11-20",
    )
    assert result.code == 0 and result.out.strip().isdigit()
    rows = cli("win", "list", "--json").json()
    assert {"id", "title", "owner", "client", "story", "date", "status"} <= set(rows[0])
    assert (rows[0]["owner"], rows[0]["status"], rows[0]["date"]) == ("Inès Moreau", "pending", "2026-11-20")
    assert cli("win", "list", "--status", "presented", "--json").json() == []


def test_a_win_needs_an_owner_in_the_team(cli, team):
    missing = cli("win", "add", "Deal")
    assert missing.code == 2 and "--by" in missing.err
    unknown = cli("win", "add", "Deal", "--by", "Nobody")
    assert unknown.code == 2 and "--by: nobody named 'Nobody'" in unknown.err
    assert cli("win", "list", "--json").json() == []


def test_metric_added_again_for_the_same_day_is_replaced_and_says_so(cli):
    first = cli("metric", "add", "Sales yesterday", "12400", "--target", "12000", "--unit", "€", "--date", "2026-11-24")
    assert first.code == 0 and "Recorded" in first.err
    again = cli("metric", "add", "sales yesterday", "13100", "--date", "2026-11-24")
    assert again.code == 0 and "Replaced Sales yesterday on 2026-11-24: 12400 → 13100" in again.err
    rows = cli("metric", "list", "--json").json()
    assert rows == [{"name": "Sales yesterday", "value": 13100.0, "target": 12000.0, "unit": "€", "date": "2026-11-24"}]


def test_metric_list_by_date_and_negative_values(cli):
    cli("metric", "add", "Churn", "-3", "--date", "2026-11-23")
    cli("metric", "add", "Calls", "55", "--date", "2026-11-24")
    assert [r["name"] for r in cli("metric", "list", "--json").json()] == ["Calls", "Churn"]
    day = cli("metric", "list", "--date", "2026-11-23", "--json").json()
    assert day == [{"name": "Churn", "value": -3.0, "target": None, "unit": None, "date": "2026-11-23"}]
    bad = cli("metric", "list", "--date", "2026-13-01")
    assert bad.code == 2 and bad.err.startswith("briefing: --date:")


def test_editing_a_win_with_an_empty_story_or_client_removes_them(cli, conn, team):
    from briefing import wins

    win_id = int(cli("win", "add", "Saved Altis", "--by", team[0], "--client", "Altis", "--story", "Long story").out)
    edited = wins.edit(conn, win_id, {"story": "", "client": "  "})
    assert (edited.story, edited.client, edited.title) == (None, None, "Saved Altis")


def test_win_edit_changes_only_what_is_given_and_can_move_the_credit(cli, team):
    win_id = cli("win", "add", "Saved Altis", "--by", team[0], "--client", "Altis", "--story", "Long story").out.strip()
    result = cli("win", "edit", win_id, "--title", "Saved Altis for good", "--by", team[1], "--story", "")
    assert (result.code, result.err) == (0, f"Win {win_id} updated\n")
    (row,) = cli("win", "list", "--json").json()
    assert (row["title"], row["owner"], row["client"], row["story"]) == ("Saved Altis for good", team[1], "Altis", None)


def test_win_edit_refuses_what_it_cannot_do_in_one_line(cli, team):
    win_id = cli("win", "add", "Deal", "--by", team[0]).out.strip()
    for args, message in [
        ((win_id,), "nothing to change"),
        ((win_id, "--title", " "), "--title: must not be empty"),
        ((win_id, "--by", "Nobody"), "--by: nobody named 'Nobody'"),
        (("99", "--title", "x"), "no win with id 99"),
    ]:
        result = cli("win", "edit", *args)
        assert result.code == 2 and message in result.err and len(result.err.splitlines()) == 1, (args, result.err)
