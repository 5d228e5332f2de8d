"""The fast validation path gives exactly what the pydantic models give.

``briefing.validation`` runs the models' compiled schemas on pydantic-core
and keeps them in a cache file; these tests hold it to the models, and
check that a broken or unwritable cache only ever costs speed.
"""

from __future__ import annotations

import math
import pickle
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from briefing import models, validation
from briefing.errors import BadInput

MODELS = ["CollaboratorIn", "VerbatimIn", "VerbatimPatch", "WinIn", "WinPatch", "MetricIn"]

texts = st.one_of(
    st.text(max_size=30),
    st.text(max_size=30).map(lambda t: f"  {t}\x00"),
    st.just("\ud800 lone"),
    st.just("x" * 2001),
    st.just("   "),
    st.integers(),
)
values = st.one_of(
    texts,
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["12,5", " 7 ", "nan", "inf", "2026-02-30", "2026-11-24", "call", "positive", "lead", "fax"]),
    st.dates().map(date.isoformat),
    st.none(),
    st.booleans(),
)
words = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(str.strip)
numbers = st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False))
GOOD = {
    "name": words,
    "client": words,
    "company": words,
    "collected_by": words,
    "owner": words,
    "title": words,
    "text": words,
    "story": words,
    "unit": st.sampled_from(["€", "%", "calls"]),
    "role": st.sampled_from(["lead", "member"]),
    "channel": st.sampled_from(["call", "email", "visit", "survey", "chat", "social", "other"]),
    "sentiment": st.sampled_from(["positive", "neutral", "negative"]),
    "date": st.dates().map(date.isoformat),
    "value": numbers,
    "target": numbers,
}


def inputs(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Good input, or good input with one thing spoiled: a bad value, a
    missing field or a field the model does not know, so that both
    outcomes are well explored."""
    model = getattr(models, name)
    required = {k: GOOD[k] for k, f in model.model_fields.items() if f.is_required()}
    optional = {k: GOOD[k] for k, f in model.model_fields.items() if not f.is_required()}
    good = st.fixed_dictionaries(required, optional=optional)

    def spoil(d: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        key = st.sampled_from([*model.model_fields, "colour"])
        bad_value = st.tuples(key, values).map(lambda kv: {**d, kv[0]: kv[1]})
        missing = st.sampled_from(sorted(d) or ["none"]).map(lambda k: {j: v for j, v in d.items() if j != k})
        return st.one_of(bad_value, missing)

    return st.one_of(good, good.flatmap(spoil))


def through_models(name: str, data: dict[str, Any]) -> dict[str, Any]:
    try:
        return dict(getattr(models, name).model_validate(data))
    except ValidationError as exc:
        raise validation.as_bad_input(exc) from None


def outcome(fn, name: str, data: dict[str, Any]) -> tuple[str, Any]:
    try:
        result = fn(name, data)
    except BadInput as exc:
        return ("refused", str(exc))
    # NaN never equals itself; compare its text
    return ("accepted", {k: ("nan" if isinstance(v, float) and math.isnan(v) else v) for k, v in result.items()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_fast_path_accepts_and_refuses_exactly_what_the_models_do(data):
    name = data.draw(st.sampled_from(MODELS))
    data = data.draw(inputs(name))
    assert outcome(validation.validate, name, data) == outcome(through_models, name, data)


def test_a_good_verbatim_comes_back_trimmed_typed_and_defaulted():
    got = validation.validate("VerbatimIn", {"text": "  Très réactifs ", "client": "Marc", "date": "2026-11-24"})
    assert got["text"] == "Très réactifs"
    assert got["date"] == date(2026, 11, 24)
    assert got["channel"] == "other" and got["company"] is None


def test_the_core_names_the_model_field_and_the_cli_names_its_flag(cli, team, db_path):
    with pytest.raises(BadInput) as caught:
        validation.validate("VerbatimIn", {"text": "ok", "client": " ", "collected_by": "x", "date": "2026-11-24"})
    assert (caught.value.field, caught.value.problem) == ("client", "must not be empty")
    refused = cli("verbatim", "add", "ok", "--client", " ")
    assert (refused.code, refused.err) == (2, "briefing: --client: must not be empty\n")
    unknown = cli("verbatim", "add", "ok", "--client", "Zoé", "--by", "Nobody")
    assert unknown.err == (
        f"briefing: --by: nobody named 'Nobody' in the team (looked in {db_path.resolve()}); see 'briefing team list'\n"
    )


def _run_add(tmp_path, cache_dir) -> str:
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"try: main(['--db', {str(tmp_path / 'b.db')!r}, 'verbatim', 'add', 'x', '--client', 'y'])\n"
        "except SystemExit as e: assert e.code == 0, e.code\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = {**__import__("os").environ, validation.CACHE_ENV: str(cache_dir)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return result.stdout.split()[-1]


def test_only_the_first_add_after_an_install_loads_pydantic(tmp_path):
    cache = tmp_path / "cache"
    assert _run_add(tmp_path, cache) == "True"  # compiles the models once
    assert _run_add(tmp_path, cache) == "False"  # then pydantic-core alone


def test_a_corrupt_cache_is_rebuilt_and_validation_is_unchanged(tmp_path):
    cache = tmp_path / "cache"
    _run_add(tmp_path, cache)
    (stored,) = cache.glob("validators-*.pickle")
    stored.write_bytes(b"\x80\x05not a pickle")
    assert _run_add(tmp_path, cache) == "True"  # rebuilt...
    assert pickle.loads(stored.read_bytes())["schemas"].keys() >= set(MODELS)  # ...and stored again
    assert _run_add(tmp_path, cache) == "False"


def test_an_unwritable_cache_costs_speed_not_correctness(tmp_path, cli):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    assert _run_add(tmp_path, blocker / "cache") == "True"
    assert _run_add(tmp_path, blocker / "cache") == "True"  # still works, just compiles again
