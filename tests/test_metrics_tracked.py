"""The metrics a day is expected to have, and several values saved at once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from briefing import metrics
from briefing.errors import BadRow
from briefing.records import Tracked
from tests.conftest import DAY


def test_tracked_lists_what_the_last_two_weeks_had_with_todays_value_or_none(conn):
    metrics.add(conn, {"name": "Calls made", "value": 50, "target": 60, "unit": "calls", "date": DAY - timedelta(1)})
    metrics.add(conn, {"name": "Calls made", "value": 55, "date": DAY})  # no target typed today: the last one holds
    metrics.add(conn, {"name": "Pipeline", "value": 9, "target": 10, "unit": "€", "date": DAY - timedelta(3)})
    metrics.add(conn, {"name": "Old", "value": 1, "date": DAY - timedelta(20)})  # no longer tracked
    assert metrics.tracked(conn, DAY) == [
        Tracked("Calls made", 55.0, 60.0, "calls"),
        Tracked("Pipeline", None, 10.0, "€"),
    ]


def test_add_many_stores_all_or_nothing_and_names_the_row_refused(conn):
    good = {"name": "Calls made", "value": "55", "date": DAY}
    with pytest.raises(BadRow) as refused:
        metrics.add_many(conn, [good, {"name": "Sales", "value": "12,400", "date": DAY}])
    assert (refused.value.index, refused.value.field) == (1, "value")
    assert "ambiguous" in refused.value.problem
    assert metrics.on_day(conn, DAY) == []
    saved = metrics.add_many(conn, [good, {"name": "Sales", "value": "12 400", "target": "12000", "date": DAY}])
    stored = [(m.name, m.value, m.target) for m, _old in saved]
    assert stored == [("Calls made", 55.0, None), ("Sales", 12400.0, 12000.0)]
