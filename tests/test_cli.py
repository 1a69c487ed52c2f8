"""The ``newsledger`` command line: ingest, statements, show, export, eval polnear.

Runs the commands through Typer's CliRunner on small fictional articles written
for these tests, with one spaCy pipeline shared by the whole module, and once
through the installed ``newsledger`` console script.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsledger import cli, output
from newsledger.ingest import IngestSummary
from newsledger.model import Problem
from newsledger.nlp.pipeline import Analyzer
from newsledger.store import Ledger

HARBOR = (
    "date 2024-05-02 Mayor Clara Voss said on April 30 that the harbor tunnel would close "
    "for repairs in June.\n\n"
    "“We will not reopen the tunnel until every inspection is finished,” she said.\n\n"
    "The dockworkers' union warned that the closure would cost hundreds of jobs.\n"
)
BUDGET = (
    "date 2024-06-15 Finance Minister Omar Haddad said that the budget deficit would shrink "
    "next year.\n\n"
    "If parliament rejects the plan, the government will call early elections, Haddad warned.\n"
)
FEED = [
    {"text": "Governor Lia Park announced that the new rail line would open in September.",
     "date": "2024-07-01", "outlet": "Valley Courier", "title": "Rail line",
     "url": "https://example.org/rail"},
    {"body": "Police Chief Dan Ortiz denied that officers had been ordered to stop patrols.",
     "published": "2024-07-03", "source": "Valley Courier"},
]
CONTRACT_KEYS = {
    "id", "article", "speaker", "source_span", "cue", "cue_span", "content", "content_span",
    "quote", "date", "date_basis", "venue", "act", "negated", "condition", "consequence",
    "targets", "confidence",
}

runner = CliRunner()


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(autouse=True)
def shared_analyzer(monkeypatch, analyzer):
    monkeypatch.setattr(cli, "_analyzer", lambda model, components=None: analyzer)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "local").mkdir(parents=True)
    (folder / "2024-05-02-harbor.txt").write_text(HARBOR, encoding="utf-8")
    (folder / "local" / "2024-06-15-budget.txt").write_text(BUDGET, encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    return folder


def invoke(*args: str, input: str | None = None):
    return runner.invoke(cli.app, [str(a) for a in args], input=input)


def ok(*args: str, input: str | None = None):
    result = invoke(*args, input=input)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def spans_of(value) -> list[list[int]]:
    """``content_span``: one ``[start, end]`` pair, or a list of pairs."""
    return [value] if value and isinstance(value[0], int) else value


def check_contract(record: dict, texts: dict[str, str]) -> None:
    """The record follows the export contract, and its offsets index the stored text."""
    assert CONTRACT_KEYS <= set(record)
    assert set(record["article"]) >= {"id", "path", "outlet", "url", "published", "title"}
    assert set(record["speaker"]) >= {"mention", "span", "name", "actor_id", "kind", "role",
                                      "country", "organization"}
    text = texts[record["article"]["id"]]
    pieces = [text[s:e] for s, e in spans_of(record["content_span"])]
    assert record["content"] == " … ".join(pieces)
    start, end = record["cue_span"]
    assert text[start:end] == record["cue"]
    if record["source_span"] is not None:
        start, end = record["source_span"]
        assert text[start:end] == record["speaker"]["mention"]
        assert record["speaker"]["span"] == record["source_span"]


def stored_texts(db: Path) -> dict[str, str]:
    with Ledger(db) as ledger:
        return {a["id"]: ledger.article(a["id"])["text"] for a in ledger.articles()}


def speakers(records: list[dict]) -> set[str]:
    return {r["speaker"]["name"] or r["speaker"]["mention"] for r in records}


# -- ingest, statements, export ----------------------------------------------------------------


def test_ingest_then_read_and_export(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    result = ok("ingest", articles, "--db", db)
    assert result.stderr == ""
    assert result.stdout.startswith("4 articles read, 4 added, 0 already stored, 0 skipped")
    assert len(result.stdout.splitlines()) == 1  # no progress display when not a terminal

    records = json_lines(ok("statements", "--db", db, "--json").stdout)
    assert {"Clara Voss", "Omar Haddad", "Lia Park", "Dan Ortiz"} <= speakers(records)
    texts = stored_texts(db)
    assert len(texts) == 4
    for record in records:
        check_contract(record, texts)
    assert texts[records[0]["article"]["id"]] == HARBOR  # stored exactly, header included
    feed = [r for r in records if r["article"]["outlet"] == "Valley Courier"]
    assert {r["article"]["path"] for r in feed} == {str(articles / "feed.jsonl")}
    assert any(r["article"]["url"] == "https://example.org/rail" for r in feed)
    conditional = [r for r in records if r["condition"]]
    assert any("parliament rejects the plan" in r["condition"]["text"] for r in conditional)

    table = ok("statements", "--db", db).stdout
    for name in ("Clara Voss", "Omar Haddad", "Lia Park", "Dan Ortiz"):
        assert name in table
    assert f"{len(records)} statements" in table

    exported = ok("export", "--db", db, "--format", "jsonl").stdout
    assert json_lines(exported) == records

    rows = list(csv.DictReader(io.StringIO(ok("export", "--db", db, "--format", "csv").stdout)))
    assert len(rows) == len(records)
    assert list(rows[0])[:len(output.CSV_COLUMNS)] == output.CSV_COLUMNS
    for row, record in zip(rows, records):
        assert row["id"] == record["id"]
        assert row["speaker.name"] == (record["speaker"]["name"] or "")
        assert row["article.published"] == record["article"]["published"]
        text = texts[row["article.id"]]
        spans = spans_of(json.loads(row["content_span"]))
        assert row["content"] == " … ".join(text[s:e] for s, e in spans)
        assert row["negated"] in ("true", "false")
        assert json.loads(row["targets"]) == record["targets"]
        if record["condition"]:
            start, end = json.loads(row["condition.span"])
            assert text[start:end] == row["condition.text"]
        else:
            assert row["condition.text"] == row["condition.span"] == ""


def test_reingest_adds_nothing(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    ok("ingest", articles, "--db", db)
    before = ok("export", "--db", db).stdout
    again = ok("ingest", articles, "--db", db)
    assert again.stdout.startswith("4 articles read, 0 added, 4 already stored")
    assert ", 0 statements" in again.stdout
    assert ok("export", "--db", db).stdout == before


def test_filters(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    ok("ingest", articles, "--db", db)
    everything = json_lines(ok("statements", "--db", db, "--json").stdout)

    voss = json_lines(ok("statements", "--db", db, "--json", "--speaker", "voss").stdout)
    assert voss and speakers(voss) == {"Clara Voss"}
    assert any(r["speaker"]["mention"] == "she" for r in voss)  # "she said", resolved

    june = json_lines(ok("statements", "--db", db, "--json", "--since", "2024-06-01",
                         "--until", "2024-06-30").stdout)
    assert june and speakers(june) == {"Omar Haddad"}
    later = json_lines(ok("statements", "--db", db, "--json", "--since", "2024-06-01").stdout)
    assert speakers(later) >= {"Omar Haddad", "Lia Park", "Dan Ortiz"}
    assert "Clara Voss" not in speakers(later)

    found = json_lines(ok("statements", "--db", db, "--json", "--search", "tunnel").stdout)
    assert found and all("tunnel" in r["content"] for r in found)
    acts = {r["act"] for r in everything}
    act = sorted(acts)[0]
    assert {r["act"] for r in json_lines(ok("statements", "--db", db, "--json", "--act",
                                             act).stdout)} == {act}

    table = ok("statements", "--db", db, "--speaker", "nobody at all").stdout
    assert "0 statements" in table


@pytest.mark.parametrize("args, message", [
    (["--since", "last week"], "--since 'last week' is not a date"),
    (["--act", "shouting"], "--act 'shouting' is not one of"),
])
def test_statements_usage_errors(articles: Path, tmp_path: Path, args, message):
    db = tmp_path / "ledger.db"
    Ledger(db).close()
    result = invoke("statements", "--db", db, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_missing_ledger_is_one_line(tmp_path: Path):
    for command in ("statements", "export"):
        result = invoke(command, "--db", tmp_path / "none.db")
        assert result.exit_code == 1
        assert len(result.stderr.splitlines()) == 1
        assert "no ledger at" in result.stderr and "none.db" in result.stderr
        assert not (tmp_path / "none.db").exists()


def test_export_to_file_and_empty_csv(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    Ledger(db).close()
    empty = ok("export", "--db", db, "--format", "csv").stdout
    assert list(csv.reader(io.StringIO(empty))) == [output.CSV_COLUMNS]  # header even when empty
    assert ok("export", "--db", db).stdout == ""

    ok("ingest", articles, "--db", db)
    out = tmp_path / "out" / "statements.csv"
    result = invoke("export", "--db", db, "--format", "csv", "--out", out)
    assert result.exit_code == 1 and "cannot write" in result.stderr  # no such folder
    out.parent.mkdir()
    result = ok("export", "--db", db, "--format", "csv", "--out", out)
    count = len(json_lines(ok("export", "--db", db).stdout))
    assert result.stdout == "" and f"{count} statements written to" in result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == count

    bad = invoke("export", "--db", db, "--format", "xml")
    assert bad.exit_code == 2 and "--format 'xml' is not one of jsonl, csv" in bad.stderr


def test_ingest_standard_input(tmp_path: Path):
    db = tmp_path / "ledger.db"
    result = ok("ingest", "-", "--db", db, "--date", "2024-08-20",
                input="Ambassador Ines Kohl said that the talks would resume in the autumn.\n")
    assert result.stdout.startswith("1 article read, 1 added")
    records = json_lines(ok("statements", "--db", db, "--json").stdout)
    assert records[0]["article"]["path"] == "-"
    assert records[0]["article"]["published"] == "2024-08-20"
    assert "Ines Kohl" in speakers(records)


# -- show ------------------------------------------------------------------------------------


def test_show_file(articles: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = articles / "local" / "2024-06-15-budget.txt"
    records = json_lines(ok("show", path, "--json").stdout)
    assert records and speakers(records) == {"Omar Haddad"}
    texts = {records[0]["article"]["id"]: BUDGET}
    for record in records:
        check_contract(record, texts)
        assert record["article"]["path"] == str(path)
        assert record["article"]["published"] == "2024-06-15"
    assert records[0]["cue"] == "said"
    assert any(r["condition"] and r["consequence"] for r in records)

    table = ok("show", path).stdout
    assert str(path) in table and "Omar Haddad" in table
    assert list(tmp_path.glob("*.db")) == []  # no database

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke("show", empty)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"skipped: {empty}: empty file"


# -- bad input (issue 2, point 10) ---------------------------------------------------------------


def write_bad_files(folder: Path) -> dict[str, str]:
    """The bad files, each with the words its one problem line must hold."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken-utf8.txt").write_bytes(  # UTF-8 with one invalid byte
        "date 2024-09-01 Senator Rosa Imbert said in Zürich that the café law would pass.\n"
        "Owners in Málaga \xff welcomed the vote.\n".encode().replace(b"\xc3\xbf", b"\xff"))
    (folder / "latin1.txt").write_bytes(  # not UTF-8 at all: read with a detected encoding
        "date 2024-09-05 Mayor Zoé Marchand said that the café would reopen.\n".encode("cp1252"))
    (folder / "huge.txt").write_bytes(b"date 2024-09-02 " + b"words " * 900_000)  # 5.4 MB, one line
    (folder / "records.jsonl").write_text(
        '{"text": "Judge Emil Varga said that the hearing would be postponed.", "date": "2024-09-03"}\n'
        '{"text": "this line is not JSON\n'
        '{"text": "Coach Nora Lind said that the team would not travel.", "date": "notadate"}\n',
        encoding="utf-8")
    (folder / "sheet.csv").write_text("headline,summary\nVote delayed,The vote was delayed.\n",
                                      encoding="utf-8")
    (folder / "good.txt").write_text(
        "date 2024-09-04 Minister Paulo Reis said that the port strike would end on Friday.\n",
        encoding="utf-8")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "broken-utf8.txt": "1 invalid UTF-8 byte sequence(s)",
        "latin1.txt": "not UTF-8; decoded as",
        "huge.txt": "over the 2000000-byte limit",
        "records.jsonl:2": "not valid JSON",
        "records.jsonl:3": "'notadate' is not a date",
        "sheet.csv": "no text column",
    }


def test_bad_input_reported_and_batch_goes_on(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    ok("ingest", articles, "--db", db)
    before = json_lines(ok("export", "--db", db).stdout)

    bad = tmp_path / "bad"
    expected = write_bad_files(bad)
    result = ok("ingest", bad, "--db", db)
    lines = result.stderr.splitlines()
    assert len(lines) == len(expected), lines
    for where, words in expected.items():
        mine = [line for line in lines
                if line.startswith((f"skipped: {bad / where}: ", f"note: {bad / where}: "))]
        assert len(mine) == 1 and words in mine[0], (where, lines)
    # read: broken-utf8 (with U+FFFD), latin1 (decoded), the two JSON records, good.txt
    assert result.stdout.startswith("5 articles read, 5 added, 0 already stored, 5 skipped, 3 notes")

    after = json_lines(ok("export", "--db", db).stdout)
    assert [r for r in after if r["id"] in {b["id"] for b in before}] == before  # nothing lost
    names = speakers(after)
    assert {"Paulo Reis", "Emil Varga", "Nora Lind", "Rosa Imbert", "Zoé Marchand"} <= names
    lind = next(r for r in after if r["speaker"]["name"] == "Nora Lind")
    assert lind["article"]["published"] is None  # stored without the bad date
    texts = stored_texts(db)
    imbert = next(r for r in after if r["speaker"]["name"] == "Rosa Imbert")
    assert "\ufffd" in texts[imbert["article"]["id"]]
    for record in after:
        check_contract(record, texts)


@pytest.mark.parametrize("name, content, words", [
    ("empty.txt", b"   \n", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 100, "binary file"),
    ("huge.txt", b"x" * 5_000_000, "over the 2000000-byte limit"),
    ("lines.jsonl", b'{"text": "ok"\n', "not valid JSON"),
    ("table.csv", b"id;title\n1;A\n", "no text column"),
])
def test_each_bad_file_alone(tmp_path: Path, name, content, words):
    db = tmp_path / "ledger.db"
    path = tmp_path / name
    path.write_bytes(content)
    result = invoke("ingest", path, "--db", db)
    assert result.exit_code == 1  # nothing could be read
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith((f"skipped: {path}", f"note: {path}")) and words in result.stderr
    assert result.stdout.startswith("0 articles read")


def test_date_option_not_a_date(articles: Path, tmp_path: Path):
    db = tmp_path / "ledger.db"
    ok("ingest", articles, "--db", db)
    before = ok("export", "--db", db).stdout
    result = invoke("ingest", articles / "feed.jsonl", "--db", db, "--date", "notadate")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["error: --date 'notadate' is not a date (use YYYY-MM-DD)"]
    assert ok("export", "--db", db).stdout == before
    result = invoke("ingest", articles, "--db", tmp_path / "new.db", "--date", "2024-13-01")
    assert result.exit_code == 2 and not (tmp_path / "new.db").exists()


def test_bad_field_option(articles: Path, tmp_path: Path):
    result = invoke("ingest", articles, "--db", tmp_path / "l.db", "--field", "text")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --field 'text' must look like text=BODY"


def test_field_mapping(tmp_path: Path):
    feed = tmp_path / "wire.csv"
    feed.write_text("Story,Day\n\"Mayor Ken Obi said that the park would reopen.\",2024-10-01\n",
                    encoding="utf-8")
    db = tmp_path / "ledger.db"
    ok("ingest", feed, "--db", db, "--field", "text=Story", "--field", "date=Day")
    records = json_lines(ok("statements", "--db", db, "--json").stdout)
    assert "Ken Obi" in speakers(records) and records[0]["article"]["published"] == "2024-10-01"


# -- eval polnear on a tiny split written here ---------------------------------------------------


def test_eval_polnear_tiny_split(tmp_path: Path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    text = "Senator Ada Brook said that the bill would pass.\n"
    (split / "text" / "nyt_2016-10-02_bill.txt").write_text(text, encoding="utf-8")
    source, cue, content = (0, 17), (18, 22), (23, 47)
    assert text[slice(*content)] == "that the bill would pass"
    ann = (f"T1\tSource {source[0]} {source[1]}\t{text[slice(*source)]}\n"
           f"T2\tCue {cue[0]} {cue[1]}\t{text[slice(*cue)]}\n"
           f"T3\tContent {content[0]} {content[1]}\t{text[slice(*content)]}\n"
           f"T4\tAttribution {cue[0]} {cue[1]}\t{text[slice(*cue)]}\n"
           "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (split / "attributions" / "nyt_2016-10-02_bill_ann1.ann").write_text(ann, encoding="utf-8")

    figures = json.loads(ok("eval", "polnear", split, "--json").stdout)
    assert "scores" in figures
    table = ok("eval", "polnear", split).stdout
    assert "content" in table.lower()

    result = invoke("eval", "polnear", tmp_path)
    assert result.exit_code == 2 and "is not a PolNeAR split" in result.stderr


# -- output.py on its own ------------------------------------------------------------------------


def test_progress_draws_nothing_off_terminal():
    stream = io.StringIO()
    quiet = Console(file=stream, force_terminal=False)
    summary = IngestSummary(read=3, added=2, already_stored=1, statements=5,
                            problems=[Problem("a.txt", "empty file")])
    with output.IngestProgress(quiet) as progress:
        progress.update(summary)
        assert not progress.live
    assert stream.getvalue() == ""
    assert str(progress.closing(summary)).startswith(summary.line())

    terminal = io.StringIO()
    with output.IngestProgress(Console(file=terminal, force_terminal=True, width=100)) as progress:
        assert progress.live
        progress.update(summary)
    assert not progress.live


def test_table_keeps_brackets_and_shortens():
    record = {
        "date": None, "date_basis": None, "article": {"published": "2024-01-05"},
        "speaker": {"mention": "he", "name": "Leo [Jr.] Hart", "kind": "person"},
        "act": "claim", "negated": False, "cue": "said", "condition": None,
        "content": "[bold]not markup[/bold] " + "word " * 100,
    }
    stream = io.StringIO()
    Console(file=stream, width=100).print(output.statements_table([record], title="t"))
    shown = stream.getvalue()
    assert "[bold]not markup[/bold]" in shown and "Leo [Jr.] Hart" in shown
    assert "“he”" in shown and "2024-01-05" in shown and "…" in shown
    assert "1 statement" in shown
    assert max(len(line) for line in shown.splitlines()) <= 100
    assert len(output.shorten("word " * 100)) <= output.CONTENT_LIMIT


def test_csv_flattening():
    record = {"id": "x", "article": {"id": "a", "path": None}, "speaker": {"name": "N", "span": [1, 2]},
              "condition": None, "content_span": [[0, 3], [5, 9]], "negated": True,
              "confidence": 0.5, "new_field": "kept"}
    stream = io.StringIO()
    assert output.EXPORTERS["csv"]([record], stream) == 1
    header, row = csv.reader(io.StringIO(stream.getvalue()))
    assert header[:len(output.CSV_COLUMNS)] == output.CSV_COLUMNS and header[-1] == "new_field"
    values = dict(zip(header, row))
    assert values["speaker.span"] == "[1, 2]" and values["content_span"] == "[[0, 3], [5, 9]]"
    assert values["negated"] == "true" and values["article.path"] == ""
    assert values["condition.text"] == "" and values["new_field"] == "kept"


# -- the installed console script ----------------------------------------------------------------


def test_console_script(articles: Path, tmp_path: Path):
    script = Path(sys.executable).parent / "newsledger"
    if not script.exists():
        pytest.skip(f"no console script at {script} (package not installed in this environment)")
    db = tmp_path / "ledger.db"
    (articles / "empty.txt").write_text("")
    env = {**os.environ, "COLUMNS": "100"}
    run = subprocess.run([script, "ingest", articles, "--db", db], capture_output=True,
                         text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("4 articles read, 4 added, 0 already stored, 1 skipped")
    assert len(run.stdout.splitlines()) == 1  # summary only: no progress in a pipe
    assert run.stderr.strip() == f"skipped: {articles / 'empty.txt'}: empty file"
    listed = subprocess.run([script, "statements", "--db", db, "--json"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert listed.returncode == 0 and listed.stderr == ""
    assert {"Clara Voss", "Omar Haddad"} <= speakers(json_lines(listed.stdout))


# -- dates -----------------------------------------------------------------------------------------


def test_dates_lists_time_expressions_with_offsets(tmp_path: Path):
    path = tmp_path / "talks.txt"
    text = ("date 2024-03-10 The envoy said on March 9 that talks would resume next week.\n\n"
            "Two days ago the ministry had announced a pause.\n")
    path.write_text(text, encoding="utf-8")
    result = ok("dates", path, "--json")
    records = json_lines(result.stdout)
    by_text = {r["text"]: r for r in records}
    assert by_text["March 9"]["value"] == "2024-03-09" and by_text["March 9"]["type"] == "DATE"
    assert by_text["Two days ago"]["value"] == "2024-03-08"
    for r in records:
        assert r["file"] == str(path) and text[r["span"][0]:r["span"][1]] == r["text"]
    assert not any(r["text"].startswith("2024-03-10") for r in records)  # the header is not analysed


def test_dates_anchor_from_option_when_file_has_none(tmp_path: Path):
    path = tmp_path / "undated.txt"
    path.write_text("The talks ended yesterday.\n", encoding="utf-8")
    anchored = json_lines(ok("dates", path, "--date", "2023-01-01", "--json").stdout)
    assert [(r["text"], r["value"]) for r in anchored] == [("yesterday", "2022-12-31")]
