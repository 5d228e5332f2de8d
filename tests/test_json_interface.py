"""The ``--json`` output is a public interface: scripts read it.

Every listing's field names, nesting and value types are pinned here, on
the demo team plus records with every optional field empty, so a refactor
of the records behind them cannot rename, drop or retype a field unnoticed.
A change to this file is a change to the published interface.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from briefing import demo
from tests.conftest import DAY, invoke

NUMBER = (int, float)
NULL = type(None)

# A dict: exactly these keys. A one-item list: an array of that. A tuple:
# any of those. A type: a JSON value of that type.
VERBATIM = {
    "id": int,
    "text": str,
    "client": str,
    "company": (str, NULL),
    "channel": str,
    "sentiment": str,
    "collected_by": (str, NULL),
    "date": str,
    "status": str,
    "created_at": str,
    "updated_at": (str, NULL),
}
SEGMENT = {
    "index": int,
    "title": str,
    "kind": str,
    "planned_s": NUMBER,
    "elapsed_s": NUMBER,
    "remaining_s": NUMBER,
    "overrun_s": NUMBER,
}

CLIENT = {
    "id": int,
    "name": str,
    "company": (str, NULL),
    "phone": (str, NULL),
    "email": (str, NULL),
    "notes": str,
    "owner": (str, NULL),
    "created_at": str,
}

PINNED: dict[tuple[str, ...], Any] = {
    ("client", "list"): [CLIENT | {"verbatims": int, "last_heard": (str, NULL)}],
    ("client", "show", "1"): CLIENT
    | {
        "timeline": [
            {
                "kind": str,
                "id": int,
                "date": str,
                "text": str,
                "by": (str, NULL),
                "sentiment": (str, NULL),
                "outcome": (str, NULL),
            }
        ]
    },
    ("client", "doctor"): [
        {
            "kind": str,
            "clients": [{"id": int, "name": str, "company": (str, NULL)}],
            "win": ({"id": int, "title": str, "client": str, "date": str}, NULL),
            "companies": [str],
            "settle": str,
        }
    ],
    ("team", "list"): [{"id": int, "name": str, "role": str, "active": bool, "joined_on": str}],
    ("verbatim", "list"): [VERBATIM],
    ("verbatim", "list", "--status", "archived"): [VERBATIM],
    ("verbatim", "show", "1"): VERBATIM,
    ("win", "list"): [
        {
            "id": int,
            "title": str,
            "owner": str,
            "client": (str, NULL),
            "story": (str, NULL),
            "date": str,
            "status": str,
            "presented_by": (str, NULL),
            "presented_at": (str, NULL),
            "created_at": str,
        }
    ],
    ("metric", "list"): [{"name": str, "value": NUMBER, "target": (*NUMBER, NULL), "unit": (str, NULL), "date": str}],
    ("agenda", "show"): {
        "target_share": NUMBER,
        "segments": [{"title": str, "kind": str, "planned_s": int, "win": bool, "call": bool}],
        "total_s": int,
        "win_min_s": int,
    },
    ("call", "suggest"): {
        "day": str,
        "quiet_days": int,
        "caller": (str, NULL),
        "suggestions": [
            {
                "client_id": int,
                "client": str,
                "phone": (str, NULL),
                "rule": str,
                "reason": str,
                "days": int,
                "win_id": (int, NULL),
            }
        ],
    },
    ("call", "log", "Hélène Roussel (Altis Logistique)", "--outcome", "voicemail"): {
        "id": int,
        "client_id": int,
        "client": str,
        "day": str,
        "outcome": str,
        "by": (str, NULL),
        "meeting_id": (int, NULL),
        "verbatim_id": (int, NULL),
    },
    ("rotation", "next"): {
        "presenter": (str, NULL),
        "reason": str,
        "queue": [str],
        "win": ({"id": int, "title": str, "owner": str, "client": (str, NULL)}, NULL),
        "recorded": bool,
    },
    ("rotation", "history"): [
        {"date": str, "presenter": (str, NULL), "win": ({"title": str, "owner": str}, NULL), "skipped": [str]}
    ],
    ("stats",): {
        "today": str,
        "weeks": int,
        "from": str,
        "headline": str,
        "briefings": [{"id": int, "day": str, "client_share": (*NUMBER, NULL), "target_share": NUMBER}],
        "by_week": [
            {
                "week": str,
                "briefings": int,
                "client_share": (*NUMBER, NULL),
                "minutes": {"client": NUMBER, "sales": NUMBER, "team": NUMBER},
                "verbatims": {"positive": int, "neutral": int, "negative": int},
            }
        ],
        "wins": [{"name": str, "owned": int, "presented": int}],
        "overruns": [{"segment": str, "held": int, "overran": int, "overrun_s": NUMBER}],
    },
    ("meeting", "status"): {
        "id": int,
        "day": str,
        "state": str,
        "auto_paused": bool,
        "segment": SEGMENT,
        "running_kind": str,
        "elapsed_by_kind": {"client": NUMBER, "sales": NUMBER, "team": NUMBER},
        "elapsed_s": NUMBER,
        "client_share": (*NUMBER, NULL),
        "target_share": NUMBER,
        "segments": [SEGMENT | {"status": str}],
        "started_at": (str, NULL),
        "ended_at": (str, NULL),
    },
    ("history",): [
        {
            "id": int,
            "day": str,
            "duration_s": NUMBER,
            "client_share": (*NUMBER, NULL),
            "target_share": NUMBER,
            "under_target": bool,
            "presenter": (str, NULL),
            "win": ({"title": str, "owner": (str, NULL)}, NULL),
            "verbatims_shown": int,
        }
    ],
    ("meeting", "summary"): {
        "id": int,
        "day": str,
        "outcome": (str, NULL),
        "elapsed_s": NUMBER,
        "elapsed_by_kind": {"client": NUMBER, "sales": NUMBER, "team": NUMBER},
        "client_share": (*NUMBER, NULL),
        "target_share": NUMBER,
        "segments": [SEGMENT],
        "presenter": (str, NULL),
        "win": ({"id": int, "title": str, "owner": str, "client": (str, NULL)}, NULL),
        "win_skipped": bool,
        "skipped": [str],
        "present": [str],
        "absent": [str],
        "off": [str],
        "verbatims_shown": [VERBATIM],
        "notes": str,
    },
}


def conforms(value: Any, schema: Any, where: str = "$") -> list[str]:
    """Every place where ``value`` differs from ``schema`` (empty: it fits)."""
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        if set(value) != set(schema):
            return [f"{where}: keys {sorted(value)} instead of {sorted(schema)}"]
        return [p for k, s in schema.items() for p in conforms(value[k], s, f"{where}.{k}")]
    if isinstance(schema, list):
        if not isinstance(value, list):
            return [f"{where}: expected an array, got {value!r}"]
        return [p for i, item in enumerate(value) for p in conforms(item, schema[0], f"{where}[{i}]")]
    if isinstance(schema, tuple):
        if any(not conforms(value, s, where) for s in schema):
            return []
        return [f"{where}: {value!r} fits none of {schema}"]
    if schema is int and isinstance(value, bool):  # JSON true is not a number
        return [f"{where}: expected a number, got {value!r}"]
    return [] if isinstance(value, schema) else [f"{where}: expected {schema.__name__}, got {value!r}"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    """The demo team, plus a record of each kind with every optional field
    empty and one edited, archived and skipped, so nulls are exercised."""
    path = tmp_path_factory.mktemp("json") / "demo.db"
    demo.build(path, today=DAY)

    def ok(*args: str) -> None:
        result = invoke(["--db", str(path), *args])
        assert result.code == 0, result.err

    ok("verbatim", "add", "Bare quote", "--client", "Anon")
    ok("client", "add", "Anon", "--company", "Altis Logistique", "--phone", "0612345678", "--owner", "Inès")
    ok("win", "add", "Anon's win", "--by", "Inès", "--client", "Anon")  # two Anons: left for the doctor
    ok("verbatim", "edit", "1", "--company", "")
    ok("verbatim", "archive", "2")
    ok("win", "add", "Bare win", "--by", "Inès")
    ok("metric", "add", "Bare metric", "3")
    # Someone to propose to call: negative words, weeks ago.
    weeks_ago = (DAY - timedelta(days=41)).isoformat()
    ok("verbatim", "add", "Encore en retard", "--client", "Marc Petit", "--sentiment", "negative", "--date", weeks_ago)
    ok("meeting", "start", "--again")
    ok("meeting", "skip")
    return path


def test_the_pins_hold_nulls_and_values(demo_db):
    """The fixture really produced the empty fields the schemas allow."""
    verbatims = invoke(["--db", str(demo_db), "verbatim", "list", "--json"]).json()
    assert any(v["company"] is None for v in verbatims) and any(v["updated_at"] for v in verbatims)
    wins = invoke(["--db", str(demo_db), "win", "list", "--json"]).json()
    assert any(w["story"] is None for w in wins) and any(w["presented_by"] for w in wins)
    metrics = invoke(["--db", str(demo_db), "metric", "list", "--json"]).json()
    assert any(m["target"] is None for m in metrics)
    history = invoke(["--db", str(demo_db), "rotation", "history", "--json"]).json()
    assert history and all(h["presenter"] for h in history)


@pytest.mark.parametrize("command", list(PINNED), ids=" ".join)
def test_json_field_names_and_types_stay_as_published(demo_db, command):
    result = invoke(["--db", str(demo_db), *command, "--json"])
    assert result.code == 0, result.err
    data = result.json()
    assert data, "an empty answer pins nothing"
    assert conforms(data, PINNED[command]) == []


def test_the_checker_notices_a_renamed_a_missing_and_a_retyped_field():
    schema = {"id": int, "name": (str, NULL)}
    assert conforms({"id": 1, "name": None}, schema) == []
    assert conforms({"id": 1, "nom": "x"}, schema)
    assert conforms({"id": 1}, schema)
    assert conforms({"id": "1", "name": "x"}, schema)
    assert conforms({"id": True, "name": "x"}, schema)
    assert conforms([{"id": 1, "name": 2}], [schema])
