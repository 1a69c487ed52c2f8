"""Outlet voice: own-voice sentences, recurring paragraphs, the report, ``newsledger outlet``.

Runs the full pipeline once on the worked example and on a stream of seven dated articles
written here: the Harbour Herald ends five stories with its (lightly edited) closing
paragraph, the Valley Courier ends two with a different one. The stream is stored in two
batches with an update after each, on SQLite and, when NEWSLEDGER_TEST_POSTGRES_URL is set,
on PostgreSQL (in a scratch schema of its own, dropped afterwards).
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from typer.testing import CliRunner

from newsledger import cli
from newsledger.analysis import outlet_voice as voice
from newsledger.model import Article
from newsledger.sources import read_paths
from newsledger.store import Ledger
from newsledger.store.engine import make_engine

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
CLOSING = "Western countries have strengthened their military and financial support for Kyiv"
POSTGRES_URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")

HERALD_CLOSINGS = [
    "The Harbour Herald has served the port of Kallavere and its shipyards since 1921. It is owned "
    "by a cooperative of its readers and takes no money from the city council or from the shipping "
    "companies in its pages.",
    "The Harbour Herald has served the port of Kallavere and its shipyards since 1921. It is owned "
    "by a cooperative of its readers and accepts no money from the city council or from the shipping "
    "companies in its pages.",
    "The Harbour Herald has served the port of Kallavere and its shipyards since 1921. It is owned "
    "by a cooperative of its readers and takes no money from the city council or the shipping "
    "companies in its pages.",
    "The Harbour Herald has served the port of Kallavere and its busy shipyards since 1921. It is "
    "owned by a cooperative of its readers and takes no money from the city council or from the "
    "shipping companies in its pages.",
    "The Harbour Herald has served the port of Kallavere and its shipyards since 1921. It is owned "
    "by a cooperative of its readers and takes no money from the city council or from the shipping "
    "companies in its pages. Letters to the editor are printed on Saturdays.",
]
HERALD_STORIES = [
    ("2024-05-02", "Mayor Clara Voss said on Tuesday that the harbour tunnel would close for repairs "
                   "in June.\n\nThe tunnel carries about 40,000 vehicles a day between the old town "
                   "and the container terminal."),
    ("2024-05-09", "“We will not let the ferries stop,” said Piret Kask, the head of the ferry "
                   "operators' association.\n\nFerries to the islands left on time on Wednesday "
                   "despite strong winds."),
    ("2024-05-16", "The dockworkers' union warned that the closure of the tunnel would cost "
                   "hundreds of jobs.\n\nThe old dry dock was built in 1912 and has been empty "
                   "since the shipyard moved to the northern pier."),
    ("2024-05-23", "Port director Anton Lepp told reporters that cargo volumes had fallen by a "
                   "tenth since January.\n\nGrain and timber make up most of the cargo that "
                   "passes through the port."),
    ("2024-05-30", "The city council approved a new budget for the harbour on Thursday.\n\n"
                   "Council member Ilse Rand said that the vote was a mistake and that the tunnel "
                   "repairs would cost twice as much as planned."),
]
COURIER_CLOSING = ("Valley Courier journalists check every figure in this report against the public "
                   "records held by the county clerk in Marlow.")
COURIER_STORIES = [
    ("2024-05-10", "Governor Lia Park announced that the new rail line would open in September.\n\n"
                   "The line will link Marlow with the airport in forty minutes."),
    ("2024-05-20", "Police Chief Dan Ortiz denied that officers had been ordered to stop patrols.\n\n"
                   "Crime in the county fell for the third year in a row."),
]


def _article(outlet: str, day: str, body: str, closing: str, n: int) -> Article:
    slug = outlet.split()[0].lower()
    return Article(text=f"{body}\n\n{closing}\n", outlet=outlet, published=date.fromisoformat(day),
                   title=f"{outlet} story {n}", url=f"https://{slug}.example/{day}/{n}")


def stream() -> list[Article]:
    herald = [_article("Harbour Herald", day, body, closing, n)
              for n, ((day, body), closing) in enumerate(zip(HERALD_STORIES, HERALD_CLOSINGS), 1)]
    courier = [_article("Valley Courier", day, body, COURIER_CLOSING, n)
               for n, (day, body) in enumerate(COURIER_STORIES, 1)]
    return herald + courier


def _resolve(analysed):
    from newsledger.actors.resolve import resolve_statements

    return [(article, resolve_statements(article, statements)) for article, statements in analysed]


@pytest.fixture(scope="module")
def example(analyzer, shared_path):
    items = [x for x in read_paths([str(shared_path(*EXAMPLE))]) if isinstance(x, Article)]
    return _resolve(analyzer.analyze_articles(items))[0]


@pytest.fixture(scope="module")
def analysed(analyzer):
    """The stream, analysed once for all backends."""
    return _resolve(analyzer.analyze_articles(stream()))


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def ledger(request, tmp_path: Path):
    """An empty ledger; on PostgreSQL in a fresh schema (other test files share the database)."""
    if request.param == "sqlite":
        with Ledger(tmp_path / "ledger.db") as opened:
            yield opened
        return
    schema = f"nl_outlet_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sql(f"CREATE SCHEMA {schema}"))
    try:
        separator = "&" if "?" in POSTGRES_URL else "?"
        with Ledger(f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}") as opened:
            yield opened
    finally:
        with admin.begin() as connection:
            connection.execute(sql(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _touches(span, records) -> bool:
    return any(s < span[1] and span[0] < e for s, e in voice.attribution_spans(records))


# --------------------------------------------------------------------------- splitting

def test_paragraphs_skip_the_header_and_trim():
    text = "date 2024-03-10 First para.\n\n  Second para,\nstill second.  \n \n\nThird.\n"
    spans = voice.paragraphs(text, body_start=16)
    assert [text[s:e] for s, e in spans] == ["First para.", "Second para,\nstill second.", "Third."]


def test_paragraphs_fall_back_to_line_breaks():
    text = "One line.\nAnother line.\n"
    assert [text[s:e] for s, e in voice.paragraphs(text)] == ["One line.", "Another line."]


def test_sentences_keep_abbreviations_and_quotes():
    text = ('Mr. Smith met Gen. Lee in the U.S. capital at 2 a.m. on Monday. He left, he said. '
            '“Nothing was agreed,” an aide said. "It was late," she added.')
    found = [text[s:e] for s, e in voice.sentences(text, 0, len(text))]
    assert found == ["Mr. Smith met Gen. Lee in the U.S. capital at 2 a.m. on Monday.",
                     "He left, he said.", "“Nothing was agreed,” an aide said.",
                     '"It was late," she added.']


# --------------------------------------------------------------------------- worked example

def test_worked_example_closing_paragraph_is_own_voice(example):
    article, statements = example
    records = [st.record(article) for st in statements]
    text = article.text
    own = voice.own_voice(text, article.body_start, records)
    sentences = [text[s:e] for s, e in own]
    assert any(s.startswith(CLOSING) for s in sentences), sentences
    for span in own:  # outside every source, cue and content span
        assert not _touches(span, records), text[span[0]:span[1]]
    for needle in ("“We must draw a red line with NATO", "Russian President Vladimir Putin warned",
                   "French President Emmanuel Macron said on February 26"):
        assert not any(needle in s for s in sentences), needle
    # every body sentence no attribution touches is own voice: nothing else is dropped
    body = [span for p in voice.paragraphs(text, article.body_start) for span in voice.sentences(text, *p)]
    assert own == [span for span in body if not _touches(span, records)]
    assert all(s >= article.body_start for s, _ in own)  # never the "date 2024-03-10" header


def test_worked_example_stored_with_exact_offsets(example, tmp_path):
    article, statements = example
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.add([(article, statements)])
        summary = voice.update_outlet_voice(ledger)
        stored = voice.article_assertions(ledger, article.id)
        text = ledger.article(article.id)["text"]
    assert summary.articles == 1 and summary.assertions == len(stored) > 0
    for item in stored:
        start, end = item["span"]
        assert text[start:end] == item["text"]
        assert item["date"] == "2024-03-10"
    assert any(item["text"].startswith(CLOSING) for item in stored)


# --------------------------------------------------------------------------- boilerplate

def test_recurring_closing_paragraph_is_one_group(analysed, ledger):
    first, rest = analysed[:3] + analysed[5:6], analysed[3:5] + analysed[6:]
    ledger.add(first)
    assert voice.update_outlet_voice(ledger).articles == 4
    ledger.add(rest)  # later articles join the groups formed by earlier ones
    assert voice.update_outlet_voice(ledger).articles == 3

    report = voice.outlet_report(ledger, "harbour HERALD")
    herald_ids = [a.id for a, _ in analysed[:5]]
    assert report["outlet"] == "Harbour Herald" and report["articles"] == report["processed"] == 5
    groups = report["boilerplate"]
    assert len(groups) == 1, groups
    group = groups[0]
    assert group["count"] == 5 and group["share"] == 1.0
    assert (group["first"], group["last"]) == ("2024-05-02", "2024-05-30")
    assert group["article_ids"] == herald_ids  # oldest first
    assert group["sample"] == HERALD_CLOSINGS[0] and group["own_voice"] is True
    evidence_text = ledger.article(group["evidence"]["article_id"])["text"]
    start, end = group["evidence"]["span"]
    assert evidence_text[start:end] == HERALD_CLOSINGS[0]

    courier = voice.outlet_report(ledger, "Valley Courier")
    assert [(g["count"], g["sample"]) for g in courier["boilerplate"]] == [(2, COURIER_CLOSING)]
    assert not set(courier["boilerplate"][0]["article_ids"]) & set(herald_ids)


def test_report_counts_and_recent_assertions(analysed, ledger):
    ledger.add(analysed)
    voice.update_outlet_voice(ledger)
    report = voice.outlet_report(ledger, "Harbour Herald", recent=20)
    assert report["statements"] == sum(len(s) for _, s in analysed[:5]) > 0
    assert (report["first"], report["last"]) == ("2024-05-02", "2024-05-30")
    recent = [item["text"] for item in report["recent"]]
    assert "The tunnel carries about 40,000 vehicles a day between the old town and the container terminal." in recent
    assert not any("Harbour Herald has served" in t for t in recent)  # boilerplate is summarised, not listed
    assert not any("Mayor Clara Voss said" in t for t in recent)  # attributed
    dates = [item["date"] for item in report["recent"]]
    assert dates == sorted(dates, reverse=True)
    for item in report["recent"]:
        start, end = item["span"]
        assert ledger.article(item["article"]["id"])["text"][start:end] == item["text"]
    # the closing paragraph's sentences are own voice too: two per article, three in the last
    assert report["assertions"] >= len(recent) + 11


def test_update_is_idempotent(analysed, ledger):
    ledger.add(analysed)
    first = voice.update_outlet_voice(ledger)
    assert first.articles == len(analysed) and first.links >= 4 + 1
    before = voice.outlet_report(ledger, "Harbour Herald")
    again = voice.update_outlet_voice(ledger)
    assert (again.articles, again.assertions, again.paragraphs, again.links) == (0, 0, 0, 0)
    assert voice.outlet_report(ledger, "Harbour Herald") == before
    ledger.add(analysed)  # the same articles ingested again add nothing either
    assert voice.update_outlet_voice(ledger).articles == 0


def test_groups_do_not_depend_on_processing_order(analysed, tmp_path):
    reports = []
    for name, order in (("forward", analysed), ("backward", analysed[::-1])):
        with Ledger(tmp_path / f"{name}.db") as ledger:
            for item in order:  # one article per update
                ledger.add([item])
                voice.update_outlet_voice(ledger)
            reports.append(voice.outlet_report(ledger, "Harbour Herald")["boilerplate"])
    assert reports[0] == reports[1]


def test_unknown_outlet_has_no_report(analysed, ledger):
    ledger.add(analysed[:1])
    voice.update_outlet_voice(ledger)
    assert voice.outlet_report(ledger, "Daily Nobody") is None
    assert voice.outlet_report(ledger, "") is None


# --------------------------------------------------------------------------- command line

runner = CliRunner()


def test_outlet_command(analysed, tmp_path):
    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ledger.add(analysed)  # not processed yet: the command catches up first
    result = runner.invoke(cli.app, ["outlet", "harbour herald", "--db", str(path), "--json"])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    report = json.loads(result.stdout)
    assert report["outlet"] == "Harbour Herald" and report["boilerplate"][0]["count"] == 5

    table = runner.invoke(cli.app, ["outlet", "Harbour Herald", "--db", str(path)])
    assert table.exit_code == 0, table.stderr
    assert "1 recurring paragraph " in table.stdout and "The Harbour Herald has served" in table.stdout

    unknown = runner.invoke(cli.app, ["outlet", "Daily Nobody", "--db", str(path)])
    assert unknown.exit_code == 1 and unknown.stdout == ""
    assert unknown.stderr.splitlines() == [f"error: no outlet called 'Daily Nobody' in {path}"]

    missing = runner.invoke(cli.app, ["outlet", "Harbour Herald", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and len(missing.stderr.splitlines()) == 1
    assert "no ledger at" in missing.stderr


def test_outlet_timeline_counts_own_voice(analysed, tmp_path):
    from newsledger.analysis.timelines import resolve, subject_timeline

    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ledger.add(analysed)  # not processed yet: the command catches up first
    result = runner.invoke(cli.app, ["timeline", "harbour herald", "--kind", "outlet", "--by", "week",
                                     "--json", "--db", str(path)])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    weekly = json.loads(result.stdout)
    with Ledger(path) as ledger:
        per_article = {a.id: len(voice.article_assertions(ledger, a.id)) for a, _ in analysed[:5]}
        monthly = subject_timeline(ledger, resolve(ledger, "Harbour Herald", kind="outlet"))
    # one Herald story a week: each week's count is that story's own-voice sentences
    assert [p["own_voice"] for p in weekly["periods"]] == list(per_article.values())
    assert weekly["own_voice"] == monthly["own_voice"] == sum(per_article.values()) > 5
    assert [(p["period"], p["own_voice"]) for p in monthly["periods"]][-1] == ("2024-05", sum(per_article.values()))
    assert monthly["total"] == sum(len(s) for _, s in analysed[:5])
