"""A text file that names no outlet takes the agency its dateline credits ("SEOUL, March 2
(Reuters) -"): the record's ``article.outlet``, the ledger's outlets and ``newsledger outlet``
know it, while the article's id stays what it was, so a folder stored before is not stored twice.
The articles are fictional, written in Reuters', TASS's, PTI's and AP's styles."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger import cli
from newsledger.model import Article
from newsledger.sources import read_paths
from newsledger.sources.datelines import credited_agency

runner = CliRunner()

CANAL = (
    "date 2026-04-08 Pakistan says India has crossed a red line on Chenab water\n\n"
    "ISLAMABAD, April 8 (Reuters) - Pakistan's foreign minister Ishaq Dar said on Tuesday that India "
    "had violated the Indus Waters Treaty by diverting water from the Chenab river.\n\n"
    "The treaty, brokered by the World Bank in 1960, has survived three wars between the "
    "neighbours.\n")


@pytest.mark.parametrize("text, agency", [
    ("Headline on its own line\n\nSEOUL, March 2 (Reuters) - Kim Yo Jong said ...", "Reuters"),
    ("MOSCOW, March 5. /TASS/. Russia will respond, Zakharova said.", "TASS"),
    ("New Delhi, Sep 5 (PTI) India on Friday rejected the remarks.", "PTI"),
    ("AUSTIN, Texas (AP) — The governor said on Monday ...", "AP"),
    ("BEIJING, May 20 (Xinhua) -- China urged the Philippines ...", "Xinhua"),
])
def test_the_agency_a_dateline_credits(text, agency):
    assert credited_agency(text) == agency


@pytest.mark.parametrize("text", [
    "BRUSSELS - The European Union said on Monday ...",               # a dateline with no agency
    "NATO - the alliance said on Monday ...",                         # no dateline at all
    "One.\n\nTwo.\n\nThree.\n\nLONDON (AP) - Too far down to be the story's dateline.",
    "A reporter wrote that (Reuters) had the story first.",
])
def test_no_agency_without_a_credit_in_the_first_lines(text):
    assert credited_agency(text) is None


def test_a_file_without_an_outlet_takes_the_credit_and_keeps_its_id(tmp_path):
    (tmp_path / "canal.txt").write_text(CANAL, encoding="utf-8")
    (tmp_path / "nyt_2026-04-08_canal.txt").write_text(CANAL, encoding="utf-8")
    articles = {a.path.rsplit("/", 1)[-1]: a for a in read_paths([str(tmp_path)]) if isinstance(a, Article)}
    credited, named = articles["canal.txt"], articles["nyt_2026-04-08_canal.txt"]
    assert credited.outlet is None and credited.credit == "Reuters"
    assert credited.record()["outlet"] == "Reuters"
    # an outlet the file name gives is the outlet: a newspaper that printed Reuters copy
    assert named.record()["outlet"] == "nyt" and named.credit is None
    # the credit is not part of the id: what was stored before stays the same article
    uncredited = Article(text=credited.text, path=credited.path, published=credited.published,
                         body_start=credited.body_start)
    assert credited.id == uncredited.id


def test_the_outlet_command_finds_the_credited_agency(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "canal.txt").write_text(CANAL, encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    first = runner.invoke(cli.app, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.stderr
    again = runner.invoke(cli.app, ["ingest", str(folder), "--db", db])
    assert again.exit_code == 0 and "0 added" in again.stdout + again.stderr

    exported = runner.invoke(cli.app, ["export", "--db", db, "--format", "jsonl"])
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    assert records and {r["article"]["outlet"] for r in records} == {"Reuters"}

    report = runner.invoke(cli.app, ["outlet", "reuters", "--db", db, "--json"])
    assert report.exit_code == 0, report.stderr
    found = json.loads(report.stdout)
    assert found["outlet"] == "Reuters"
    assert "survived three wars" in json.dumps(found)  # the writer's own background


LIVE_BLOG = (
    "date 2026-03-02 EU summit live: leaders meet on frozen assets\n\n"
    "BRUSSELS (Euronews) - Follow our live coverage.\n\n"
    "10:15 GMT — Ukrainian President Volodymyr Zelensky has arrived, his office confirms.\n\n"
    "17:40 GMT — EU foreign policy chief Kaja Kallas said the bloc could not afford another failure.\n")


def test_a_live_blogs_time_stamp_is_nobodys_words(tmp_path):
    (tmp_path / "live.txt").write_text(LIVE_BLOG, encoding="utf-8")
    result = runner.invoke(cli.app, ["show", str(tmp_path / "live.txt"), "--json"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) >= 2
    assert all("GMT" not in r["content"] for r in records)
    assert {r["article"]["outlet"] for r in records} == {"Euronews"}
    kallas = [r for r in records if r["speaker"]["name"] == "Kaja Kallas"][0]
    assert kallas["date"] == "2026-03-02"  # the stamp's day


@pytest.mark.parametrize("text", ["10:42 GMT — Kallas said …", "14:05 - The minister said …", "9.30am: Officials said …"])
def test_a_time_stamp_credits_no_agency(text):
    assert credited_agency(text) is None
