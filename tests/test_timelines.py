"""Timelines (issue 6, part 4): counts by act over time for an actor, an issue, an outlet.

The stream of tests/position_stream.py is read by the real pipeline; counts are checked
against the acts the pipeline gave and against the ledger's own statement listing, by
month, ISO week and day; names are looked up as the CLI does. On PostgreSQL too when
NEWSLEDGER_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from typer.testing import CliRunner

from newsledger import cli
from newsledger.analysis.positions import update_positions
from newsledger.analysis.timelines import NameLookupError, bucket, period_key, resolve, timeline
from position_stream import BACKENDS, close, db_argument, stream_ledger

runner = CliRunner()


@pytest.fixture(scope="module", params=BACKENDS)
def ledger(request, analyzer, tmp_path_factory):
    opened = stream_ledger(request.param, tmp_path_factory.mktemp(request.param), analyzer)
    update_positions(opened)
    yield opened
    close(opened)


def by_period(t: dict) -> dict[str, dict[str, int]]:
    return {p["period"]: p["acts"] for p in t["periods"]}


def test_actor_timeline_by_month(ledger):
    t = timeline(ledger, "Lena Holm")
    assert (t["kind"], t["id"], t["by"]) == ("actor", "person:lena-holm", "month")
    assert by_period(t) == {"2024-01": {"commitment": 1}, "2024-02": {"demand": 1}, "2024-03": {"denial": 1}}
    assert (t["total"], t["undated"], t["first"], t["last"]) == (3, 0, "2024-01-09", "2024-03-20")
    # The same counts, computed from the ledger's own listing.
    listed = Counter((r["date"] or r["article"]["published"])[:7] for r in ledger.statements(actor_id="person:lena-holm"))
    assert {p["period"]: p["total"] for p in t["periods"]} == dict(listed)


def test_evidence_is_newest_first_and_limited(ledger):
    t = timeline(ledger, "Holm", limit=2)
    assert [r["cue"] for r in t["statements"]] == ["ruled out", "said"]
    assert t["statements"][0]["content"].startswith("raising the retirement age")
    assert timeline(ledger, "Holm", limit=0)["statements"] == []


def test_empty_months_are_filled(ledger):
    t = timeline(ledger, "Piet Aalto")
    assert [(p["period"], p["total"]) for p in t["periods"]] == [("2024-01", 1), ("2024-02", 0), ("2024-03", 1)]
    assert t["acts"] == {"prediction": 1, "proposal": 1}


def test_week_and_day_periods(ledger):
    weeks = timeline(ledger, "Lena Holm", by="week")
    assert weeks["periods"][0] == {"period": "2024-W02", "start": "2024-01-08", "total": 1, "acts": {"commitment": 1}}
    assert weeks["periods"][-1]["period"] == "2024-W12" and len(weeks["periods"]) == 11
    days = timeline(ledger, "Lena Holm", by="day")
    assert len(days["periods"]) == (date(2024, 3, 20) - date(2024, 1, 9)).days + 1
    assert sum(p["total"] for p in days["periods"]) == 3
    with pytest.raises(ValueError):
        timeline(ledger, "Lena Holm", by="year")


def test_issue_timeline(ledger):
    t = timeline(ledger, "retirement age", kind="issue")
    assert t["kind"] == "issue" and "retirement age" in t["name"]
    assert by_period(t) == {"2024-01": {"commitment": 1, "denial": 1},
                            "2024-02": {"demand": 2, "prediction": 1},
                            "2024-03": {"denial": 1}}
    assert {r["speaker"]["name"] for r in t["statements"]} == {"Lena Holm", "Marko Vidal", "Anna Berg"}


def test_outlet_timeline(ledger):
    t = timeline(ledger, "HarbourGazette")
    assert (t["kind"], t["name"]) == ("outlet", "harbourgazette")
    assert by_period(t) == {"2024-03": {"denial": 1, "warning": 1, "prediction": 1}}
    assert list(t["acts"]) == ["warning", "denial", "prediction"]  # the vocabulary's order


def test_names_resolve_actor_then_issue_then_outlet(ledger):
    assert resolve(ledger, "Vidal")["kind"] == "actor"
    assert resolve(ledger, "tunnel")["kind"] == "issue"
    assert resolve(ledger, "civictimes")["kind"] == "outlet"
    assert resolve(ledger, "fisheries agency", kind="actor")["kind"] == "actor"
    with pytest.raises(NameLookupError, match="no actors, issues or outlets called 'Atlantis'"):
        resolve(ledger, "Atlantis")
    with pytest.raises(NameLookupError, match="matches 3 issues"):
        resolve(ledger, "the", kind="issue")
    with pytest.raises(NameLookupError, match="no outlets"):
        resolve(ledger, "Lena Holm", kind="outlet")


def test_bucket_counts_undated_apart():
    counts = [(None, "claim", 2), (date(2024, 2, 29), "claim", 1), (date(2024, 4, 1), "denial", 3)]
    result = bucket(counts, "month")
    assert (result["total"], result["undated"]) == (6, 2)
    assert [(p["period"], p["total"]) for p in result["periods"]] == [("2024-02", 1), ("2024-03", 0), ("2024-04", 3)]
    assert period_key(date(2021, 1, 3), "week") == "2020-W53"  # ISO weeks cross the year


def test_cli_timeline(ledger):
    db = db_argument(ledger)
    result = runner.invoke(cli.app, ["timeline", "Lena Holm", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    t = json.loads(result.stdout)
    assert [p["total"] for p in t["periods"]] == [1, 1, 1]
    table = runner.invoke(cli.app, ["timeline", "tunnel", "--by", "week", "--db", db])
    assert table.exit_code == 0 and "2024-W03" in table.stdout and "proposal" in table.stdout
    unknown = runner.invoke(cli.app, ["timeline", "Atlantis", "--db", db])
    assert unknown.exit_code == 1 and unknown.stderr.strip().splitlines() == [
        "error: no actors, issues or outlets called 'Atlantis'"]
    bad = runner.invoke(cli.app, ["timeline", "Holm", "--by", "year", "--db", db])
    assert bad.exit_code == 2
