"""``newsledger export --format cameo|plover``: statements as GDELT-style and POLECAT-style rows.

The worked example and one dated article with an outlet and URL are analysed with the full
pipeline and stored; the exports are parsed back as tab-separated tables and checked column
by column on real statements (Senator Lee's conditional threat, Macron ruling out troops,
Politico's report, the mayor's claim).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger import cli, output
from newsledger.analysis import event_data
from newsledger.model import Article
from newsledger.sources import read_paths
from newsledger.store import Ledger

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
pytestmark = pytest.mark.shared(*EXAMPLE)

HARBOUR = Article(
    text="Mayor Clara Voss said on Tuesday that the harbour tunnel would close for repairs in June.\n\n"
         "The tunnel carries about 40,000 vehicles a day.\n\n"
         "The dockworkers' union warned that the closure of the tunnel would cost hundreds of jobs.\n\n"
         "The city council approved a new budget for the harbour on Thursday.\n",
    outlet="Harbour Herald", published=date(2024, 5, 2), title="Tunnel to close",
    url="https://harbour.example/2024/05/02/tunnel")

runner = CliRunner()


@pytest.fixture(scope="module")
def db(analyzer, shared_path, tmp_path_factory) -> Path:
    from newsledger.actors.resolve import resolve_statements

    items = [x for x in read_paths([str(shared_path(*EXAMPLE))]) if isinstance(x, Article)]
    path = tmp_path_factory.mktemp("events") / "ledger.db"
    with Ledger(path) as ledger:
        ledger.add((a, resolve_statements(a, s)) for a, s in analyzer.analyze_articles([*items, HARBOUR]))
    return path


@pytest.fixture(scope="module")
def records(db) -> list[dict]:
    with Ledger(db) as ledger:
        return ledger.statements()


def _export(db: Path, fmt: str) -> tuple[list[str], list[dict[str, str]]]:
    result = runner.invoke(cli.app, ["export", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    lines = result.stdout.splitlines()
    header = lines[0].split("\t")
    assert all(len(line.split("\t")) == len(header) for line in lines), "a row with a stray tab"
    return header, list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))


def _row(rows: list[dict[str, str]], column: str, starts: str) -> dict[str, str]:
    found = [r for r in rows if r[column].startswith(starts)]
    assert len(found) == 1, (starts, [r[column] for r in rows])
    return found[0]


def test_cameo_layout_is_gdelt(db, records):
    header, rows = _export(db, "cameo")
    assert header == event_data.CAMEO_COLUMNS
    # GDELT 1.0 event positions, as loaders that read by index expect them
    assert (header[0], header[1], header[5], header[6], header[7], header[12]) == (
        "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code")
    assert (header[26], header[28], header[29], header[30], header[56], header[57]) == (
        "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "DATEADDED", "SOURCEURL")
    assert len(rows) == len(records) > 10
    assert [r["StatementId"] for r in rows] == [r["id"] for r in records]
    ids = [int(r["GLOBALEVENTID"]) for r in rows]
    assert len(set(ids)) == len(ids) and all(0 < i < 2**63 for i in ids)
    for row in rows:
        assert row["EventRootCode"] == row["EventCode"][:2] and row["EventBaseCode"] == row["EventCode"]
        assert row["QuadClass"] == str(event_data.quad_class(row["EventRootCode"]))
        assert float(row["GoldsteinScale"]) == event_data.GOLDSTEIN[row["EventCode"]]
        assert len(row["SQLDATE"]) == 8 and row["Year"] == row["SQLDATE"][:4]


def test_cameo_values_on_the_worked_example(db):
    _, rows = _export(db, "cameo")
    lee = _row(rows, "Content", "“We must draw a red line with NATO")
    assert (lee["Actor1Name"], lee["Actor1CountryCode"], lee["Actor1Type1Code"], lee["Actor1Code"]) == (
        "Mike Lee", "USA", "LEG", "USALEG")
    assert (lee["Actor2Name"], lee["Actor2KnownGroupCode"], lee["Actor2Type1Code"]) == ("NATO", "NAT", "IGO")
    assert (lee["EventCode"], lee["EventRootCode"], lee["QuadClass"], lee["GoldsteinScale"]) == (
        "130", "13", "3", "-4.4")
    assert (lee["SQLDATE"], lee["MonthYear"], lee["DATEADDED"]) == ("20240309", "202403", "20240310")
    assert lee["FractionDate"] == f"{2024 + (3 * 30 + 9) / 365:.4f}"
    assert lee["Condition"] == "the allies send troops into Ukraine" and lee["Act"] == "threat"
    assert lee["SOURCEURL"].endswith("2024-03-10-nato-red-line.txt") and lee["ContentSpan"] == "[210, 362]"

    macron = _row(rows, "Content", "sending troops to Ukraine in the near future")
    assert (macron["Actor1Name"], macron["Actor1CountryCode"], macron["Actor1Type1Code"]) == (
        "Emmanuel Macron", "FRA", "GOV")
    assert (macron["EventCode"], macron["GoldsteinScale"], macron["Negated"]) == ("120", "-4.0", "true")

    politico = _row(rows, "Cue", "learned")
    assert (politico["Actor1Name"], politico["Actor1Type1Code"], politico["EventCode"]) == ("Politico", "MED", "010")


def test_cameo_values_on_a_dated_outlet_article(db):
    _, rows = _export(db, "cameo")
    mayor = _row(rows, "Content", "that the harbour tunnel would close")
    assert (mayor["Actor1Name"], mayor["Actor1Type1Code"]) == ("Clara Voss", "GOV")
    assert (mayor["Outlet"], mayor["SOURCEURL"]) == ("Harbour Herald", HARBOUR.url)
    assert mayor["Actor2Name"] == "" and mayor["Actor2Code"] == ""  # no target: nothing guessed
    assert mayor["AvgTone"] == "" and mayor["ActionGeo_CountryCode"] == ""
    # organisations typed by their own name: a trade union (LAB), a city council (GOV)
    union = _row(rows, "Content", "that the closure of the tunnel")
    assert (union["Actor1Name"], union["Actor1Type1Code"], union["Actor1Code"]) == ("dockworkers' union", "LAB", "LAB")
    council = _row(rows, "Content", "a new budget for the harbour")
    assert (council["Actor1Name"], council["Actor1Type1Code"]) == ("city council", "GOV")


def test_plover_values(db, records):
    header, rows = _export(db, "plover")
    assert header == event_data.PLOVER_COLUMNS and len(rows) == len(records)
    lee = _row(rows, "event_text", "“We must draw a red line with NATO")
    assert (lee["event_type"], lee["quad_code"], lee["source"], lee["source_actor"]) == (
        "THREATEN", "3", "he", "Mike Lee")
    assert (lee["source_agent"], lee["source_country"], lee["source_actor_id"]) == ("LEG", "USA", "person:mike-lee")
    assert (lee["target"], lee["target_actor_id"], lee["target_country"]) == ("NATO", "org:nato", "")
    assert (lee["story_date"], lee["event_date"]) == ("2024-03-10", "2024-03-09")
    assert lee["consequence"] == "we must completely withdraw from NATO"
    macron = _row(rows, "event_text", "sending troops to Ukraine in the near future")
    assert (macron["event_type"], macron["quad_code"]) == ("REJECT", "3")
    mayor = _row(rows, "event_text", "that the harbour tunnel would close")
    # "would close": a prediction, which PLOVER does not code (CAMEO 010 instead)
    assert (mayor["event_type"], mayor["quad_code"], mayor["act"]) == ("", "", "prediction")
    assert (mayor["feed"], mayor["url"], mayor["headline"]) == ("Harbour Herald", HARBOUR.url, "Tunnel to close")


def test_text_with_tabs_and_line_breaks_stays_on_one_row(records):
    record = dict(records[0], content="first\tpart\nsecond part", targets=[])
    stream = io.StringIO()
    assert output.EXPORTERS["cameo"]([record], stream) == 1
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and len(lines[1].split("\t")) == len(event_data.CAMEO_COLUMNS)
    assert "first part second part" in lines[1].split("\t")


def test_target_skips_the_speakers_own_country(records):
    lee = next(r for r in records if r["content"].startswith("The United States must withdraw"))
    assert lee["targets"][0]["actor_id"] == "country:USA"  # the record lists his own country first
    assert event_data.target_actor(lee)["name"] == "NATO"
