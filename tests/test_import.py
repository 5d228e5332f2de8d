"""``briefing verbatim|win|metric import``: a CRM's file, or an export, read back.

What a user notices: a bad row refuses the file and says where; nothing is
ever half-written; importing twice adds nothing; a spreadsheet's file from
a decimal-comma country reads right; an export imported into a new
database exports again to the very same bytes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from briefing import importing
from tests.conftest import invoke

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
CRM_MAP = "name=Indicateur,value=Montant,target=Objectif,date=Jour,unit=Unité"


def metric_values(cli) -> dict[tuple[str, str], tuple]:
    return {
        (m["name"], m["date"]): (m["value"], m["target"], m["unit"]) for m in cli("metric", "list", "--json").json()
    }


def one_line(result, code: int = 2) -> str:
    assert result.code == code, (result.out, result.err)
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    return result.err


def test_a_crm_file_with_semicolons_a_bom_decimal_commas_and_european_days(cli):
    assert (EXAMPLES / "metrics-crm.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = cli("metric", "import", str(EXAMPLES / "metrics-crm.csv"), "--map", CRM_MAP)
    assert result.code == 0, result.err
    assert result.err == "Added 7 metric values; 0 already there\n"
    values = metric_values(cli)
    assert values[("CA de la veille", "2026-11-23")] == (12480.5, 12000, "€")
    assert values[("Pipeline", "2026-11-24")] == (191200, 250000, "€")
    assert values[("Écart de stock", "2026-11-24")] == (-12.5, 0, "%")


def test_importing_the_same_file_twice_adds_nothing(cli, team):
    for args in (
        ("metric", "import", str(EXAMPLES / "metrics-crm.csv"), "--map", CRM_MAP),
        ("verbatim", "import", str(EXAMPLES / "verbatims.csv")),
        ("win", "import", str(EXAMPLES / "wins.csv")),
    ):
        first, again = cli(*args), cli(*args)
        assert first.code == 0 and again.code == 0, (first.err, again.err)
        assert again.err.startswith("Added 0 ") and "already there" in again.err
    assert len(cli("verbatim", "list", "--json").json()) == 3
    wins = cli("win", "list", "--json").json()
    assert [(w["date"], w["owner"]) for w in wins] == [("2026-11-23", "Karim Benali"), ("2026-11-20", "Inès Moreau")]


def test_example_verbatims_keep_their_lines_and_quotes(cli, team):
    assert cli("verbatim", "import", str(EXAMPLES / "verbatims.csv")).code == 0
    texts = {v["client"]: v["text"] for v in cli("verbatim", "list", "--json").json()}
    assert texts["James Whitaker"] == "Third late delivery this month.\nWe need a date we can plan around."
    assert texts["Marc Petit"].startswith('=Le devis "standard"')


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_one_bad_row_refuses_the_whole_file_naming_its_line_and_column(cli, tmp_path):
    path = write(
        tmp_path, "m.csv", "Metric,Value,Day\nCalls,12,2026-11-20\nSales,12abc,2026-11-20\nMeetings,3,2026-11-20\n"
    )
    result = cli("metric", "import", path, "--map", "name=Metric,value=Value,date=Day")
    assert (
        one_line(result) == f"briefing: {path} line 3 (Value): '12abc' is not a number (write it like 12400 or 12.5)\n"
    )
    assert metric_values(cli) == {}


def test_skip_invalid_imports_the_good_rows_and_lists_the_others(cli, team, tmp_path):
    text = (
        "text,client,collected_by,date\nMerci !,Léa,Inès,2026-11-20\n,Nobody,,2026-11-20\n"
        "Top,Marc,Zorro,2026-11-21\nBien,Paul,,31/02/2026\n"
    )
    path = write(tmp_path, "v.csv", text)
    refused = cli("verbatim", "import", path)
    assert "line 3 (text): must not be empty" in one_line(refused)
    result = cli("verbatim", "import", path, "--skip-invalid")
    assert result.code == 0
    assert result.err.splitlines() == [
        f"skipped {path} line 3 (text): must not be empty",
        f"skipped {path} line 4 (collected_by): nobody named 'Zorro' in the team",
        f"skipped {path} line 5 (date): 2026-02-31 is not a real calendar date",
        "Added 1 verbatim; 0 already there; 3 invalid rows skipped (above)",
    ]
    assert [v["client"] for v in cli("verbatim", "list", "--json").json()] == ["Léa"]


def test_dry_run_counts_and_writes_nothing(cli, team):
    result = cli("win", "import", str(EXAMPLES / "wins.csv"), "--dry-run")
    assert result.code == 0
    assert result.err == "Would add 2 wins; 0 already there (dry run: nothing written)\n"
    assert cli("win", "list", "--json").json() == []
    cli("metric", "add", "Calls", "50", "--date", "2026-11-20")
    path = EXAMPLES / "metrics-crm.csv"
    assert "Would add 7 metric values" in cli("metric", "import", str(path), "--map", CRM_MAP, "--dry-run").err
    assert metric_values(cli) == {("Calls", "2026-11-20"): (50, None, None)}


def test_a_dry_run_into_a_missing_database_creates_no_file(cli, tmp_path):
    missing = tmp_path / "typo.db"
    result = cli("--db", str(missing), "win", "import", str(EXAMPLES / "wins.csv"), "--dry-run", db=False)
    assert result.code == 2
    assert "there is no database at" in result.err and str(missing) in result.err
    assert not missing.exists()


def test_a_new_value_for_a_day_replaces_the_old_one_and_says_so(cli, tmp_path):
    cli("metric", "add", "Calls", "50", "--date", "2026-11-20")
    path = write(tmp_path, "m.csv", "name,value,date\ncalls,52,2026-11-20\nCalls,7,2026-11-21\n")
    assert cli("metric", "import", path).err == "Added 1 metric value, replaced 1; 0 already there\n"


def test_a_file_with_a_separator_we_do_not_read_says_which_columns_it_saw(cli, tmp_path):
    path = write(tmp_path, "m.csv", "name|value|date\nCalls|12|2026-11-20\n")
    err = one_line(cli("metric", "import", path))
    assert "has no column 'name' for the name (its columns: 'name|value|date')" in err
    assert "--map name=COLUMN" in err


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("name;value\nA;1.234,5\n", "auto", 1234.5),
        ("name;value\nA;12,400\n", "auto", 12.4),
        ('name,value\nA,"1,234.5"\n', "auto", 1234.5),
        ('name,value\nA,"12,400"\n', "auto", 12400),
        ("name\tvalue\nA\t-12.5\n", "auto", -12.5),
        ('name,value\nA,"12,5"\n', "comma", 12.5),
    ],
)
def test_decimal_marks_are_read_as_the_file_means_them(cli, tmp_path, text, decimal, value):
    path = write(tmp_path, "m.csv", text.replace("\n", "\r\n"))
    assert cli("metric", "import", path, "--decimal", decimal).code == 0
    assert [m["value"] for m in cli("metric", "list", "--json").json()] == [value]


def test_a_file_that_is_not_utf8_is_refused_in_one_line(cli, tmp_path):
    path = write(tmp_path, "m.csv", "name,value\nÉcart,3\n", encoding="latin-1")
    assert "is not UTF-8 text" in one_line(cli("metric", "import", path))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["metric", "import", "nope.csv"], "there is no file nope.csv"),
        (["metric", "import", "x.csv", "--map", "value"], "--map: 'value' is not FIELD=COLUMN"),
        (["metric", "import", "x.csv", "--map", "colour=C"], "--map: 'colour' is not a field here"),
    ],
)
def test_bad_arguments_are_one_line(cli, tmp_path, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.csv").write_text("name,value\nA,1\n")
    assert says in one_line(cli(*args))


def test_reading_dev_zero_stops_at_the_limit(cli):
    started = time.monotonic()
    err = one_line(cli("verbatim", "import", "/dev/zero"))
    assert "is larger than 50 MB" in err
    assert time.monotonic() - started < 10  # read up to the cap, never to the end


def test_standard_input_is_bounded_too(cli, monkeypatch):
    from briefing.cli import importer

    monkeypatch.setattr(importer, "FILE_LIMIT", 1024 * 1024)
    err = one_line(cli("metric", "import", "-", stdin=b"name,value\n" + b"A,1\n" * 300_000))
    assert "standard input is larger than 1 MB" in err


def test_a_failure_while_writing_leaves_nothing_behind(cli, team, monkeypatch):
    calls = []

    def failing(conn, table, row):
        calls.append(row)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, table, row)

    real = importing._insert
    monkeypatch.setattr(importing, "_insert", failing)
    result = cli("verbatim", "import", str(EXAMPLES / "verbatims.csv"))
    assert result.code == 1 and len(calls) == 2
    assert cli("verbatim", "list", "--json").json() == []


def test_json_from_a_listing_imports_too(cli, team, tmp_path):
    cli("verbatim", "add", "Super", "--client", "Léa", "--by", "Inès", "--date", "2026-11-02")
    listing = cli("verbatim", "list", "--json").out
    assert cli("verbatim", "import", write(tmp_path, "v.json", listing)).err == "Added 0 verbatims; 1 already there\n"
    bad = json.dumps([{"text": "x", "client": "y", "channel": "pigeon"}])
    err = one_line(cli("verbatim", "import", write(tmp_path, "bad.json", bad)))
    assert "bad.json record 1 (channel): 'pigeon' is not one of call, email" in err


def test_an_export_imported_into_an_empty_database_exports_the_same_bytes(demo_db, tmp_path):
    """The team is added first (an import creates nobody); then the export's
    verbatims, wins and metrics, with their ids, statuses and instants."""
    old = ["--db", str(demo_db)]
    new = ["--db", str(tmp_path / "new.db")]
    export = ["export", "--format", "json", "--from", "2000-01-01", "--to", "2026-11-30"]
    kinds = ["--kind", "verbatims", "--kind", "wins", "--kind", "metrics"]
    first = invoke([*old, *export, *kinds])
    assert first.code == 0, first.err
    document = first.json()
    assert document["verbatims"] and document["wins"] and document["metrics"]
    assert {v["status"] for v in document["verbatims"]} == {"new", "shown", "archived"}
    for person in invoke([*old, "team", "list", "--json"]).json():
        assert (
            invoke([*new, "team", "add", person["name"]] + (["--lead"] if person["role"] == "lead" else [])).code == 0
        )
    path = write(tmp_path, "export.json", first.out)
    for kind in ("verbatim", "win", "metric"):
        result = invoke([*new, kind, "import", path])
        assert result.code == 0 and "; 0 already there" in result.err, result.err
    again = invoke([*new, *export, *kinds])
    assert again.out == first.out


def test_a_spreadsheet_csv_export_imports_back(demo_db, tmp_path):
    """``--excel`` (BOM, ``;``, decimal commas) and the neutralised cells read back as they were."""
    old, new = ["--db", str(demo_db)], ["--db", str(tmp_path / "new.db")]
    for kind in ("metrics", "verbatims"):
        out = tmp_path / f"{kind}.csv"
        args = ["export", "--format", "csv", "--kind", kind, "--from", "2026-11-01", "--to", "2026-11-24"]
        assert invoke([*old, *args, "--excel", "-o", str(out)]).code == 0
        if kind == "verbatims":
            for person in invoke([*old, "team", "list", "--json"]).json():
                invoke([*new, "team", "add", person["name"]])
        assert invoke([*new, kind.rstrip("s"), "import", str(out)]).code == 0
        assert invoke([*new, *args]).out == invoke([*old, *args]).out


def test_json_nested_too_deeply_is_refused_in_one_line(cli, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    result = cli("verbatim", "import", str(deep))
    assert result.code == 2 and result.err.count("\n") == 1 and "nests too deeply" in result.err
