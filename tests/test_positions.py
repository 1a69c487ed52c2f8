"""Positions (issue 6, part 2): issues, stances, changes, on real sentences.

The worked example is read by the real pipeline: Macron's "nothing can be ruled out" (26
February) and his later ruling out of troops "in the near future" must be one change, with
both statements as evidence. A stream of dated articles (tests/position_stream.py) checks a
restated stance (no change), a reversal (flagged), opposite stances on one issue, unrelated
issues kept apart, idempotent and incremental updates, and the CLI; on PostgreSQL too when
NEWSLEDGER_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from typer.testing import CliRunner

from newsledger import cli
from newsledger.analysis.issue_words import has_words
from newsledger.analysis.positions import (
    find_issues, is_vague, issue_text, issues, position_changes, positions, update_positions,
)
from newsledger.analysis.stance import stance
from newsledger.ingest import ingest
from position_stream import BACKENDS, LATER, close, db_argument, stream_ledger, write

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
runner = CliRunner()


@pytest.fixture(scope="module")
def example_ledger(analyzer, shared_path, tmp_path_factory):
    from newsledger.store import Ledger

    path = shared_path(*EXAMPLE)
    ledger = Ledger(tmp_path_factory.mktemp("example") / "ledger.db")
    ingest([str(path)], ledger, analyzer)
    update_positions(ledger)
    yield ledger
    ledger.close()


@pytest.fixture(scope="module", params=BACKENDS)
def stream(request, analyzer, tmp_path_factory):
    ledger = stream_ledger(request.param, tmp_path_factory.mktemp(request.param), analyzer)
    summary = update_positions(ledger)
    yield ledger, summary
    close(ledger)


def issue_of(ledger, words: str) -> int:
    """The issue holding the statement whose content contains ``words``."""
    for p in positions(ledger):
        for h in p["history"]:
            if words in h["content"]:
                return p["issue"]["id"]
    raise AssertionError(f"no placed statement says {words!r}")


def one(records, actor: str) -> dict:
    found = [r for r in records if r["actor"]["name"] == actor]
    assert len(found) == 1, [(r["actor"]["name"], r["issue"]["label"]) for r in records]
    return found[0]


# ----------------------------------------------------------------------------- the worked example

@pytest.mark.shared(*EXAMPLE)
def test_macron_change_found_with_both_statements(example_ledger):
    changes = position_changes(example_ledger, actor="Macron")
    assert len(changes) == 1, changes
    change = changes[0]
    assert (change["from"], change["to"]) == ("conditional", "against")
    before, after = change["before"], change["after"]
    assert "nothing can be ruled out" in before["content"] and before["date"] == "2024-02-26"
    assert before["basis"] == "does not rule it out"
    assert after["cue"] == "ruled out" and "sending troops to Ukraine in the near future" in after["content"]
    assert after["date"] > before["date"]
    assert "troops" in change["issue"]["label"]


@pytest.mark.shared(*EXAMPLE)
def test_vague_statement_is_read_with_the_one_before(example_ledger):
    macron = one(positions(example_ledger, actor="Emmanuel Macron"), "Emmanuel Macron")
    by_words = {h["content"]: h for h in macron["history"]}
    vague = next(h for c, h in by_words.items() if "nothing can be ruled out" in c)
    said = next(h for c, h in by_words.items() if "Western leaders have discussed" in c)
    assert vague["antecedent_id"] == said["statement_id"]
    assert macron["stance"] == "against" and macron["changes"] == 1 and macron["statements"] == 3


@pytest.mark.shared(*EXAMPLE)
def test_example_denials_join_the_troops_issue(example_ledger):
    troops = issue_of(example_ledger, "sending troops to Ukraine in the near future")
    stoltenberg = one(positions(example_ledger, actor="Stoltenberg"), "Jens Stoltenberg")
    assert stoltenberg["issue"]["id"] == troops and stoltenberg["stance"] == "against"


# ----------------------------------------------------------------------------- the stream

def test_restated_stance_is_no_change(stream):
    ledger, _ = stream
    vidal = one(positions(ledger, actor="Marko Vidal"), "Marko Vidal")
    assert vidal["stance"] == "against" and vidal["statements"] == 2 and vidal["changes"] == 0
    assert vidal["since"] == "2024-01-10"
    assert position_changes(ledger, actor="Marko Vidal") == []


def test_reversal_is_flagged_with_both_statements(stream):
    ledger, _ = stream
    changes = position_changes(ledger)
    assert [(c["actor"]["name"], c["from"], c["to"], c["kind"]) for c in changes] == \
        [("Lena Holm", "for", "against", "reversal")]
    before, after = changes[0]["before"], changes[0]["after"]
    assert "must rise to 67" in before["content"] and before["date"] == "2024-02-14"
    assert after["cue"] == "ruled out" and after["date"] == "2024-03-20"
    assert after["article"]["outlet"] == "harbourgazette"
    holm = one(positions(ledger, actor="Holm"), "Lena Holm")
    assert holm["stance"] == "against" and holm["since"] == "2024-03-20" and holm["changes"] == 1
    assert [h["stance"] for h in holm["history"]] == ["for", "for", "against"]


def test_two_actors_hold_opposite_stances_on_one_issue(stream):
    ledger, _ = stream
    pensions = issue_of(ledger, "raise the retirement age to 67 by 2030")
    on_issue = positions(ledger, issue=pensions)
    stances = {p["actor"]["name"]: p["stance"] for p in on_issue}
    assert stances == {"Anna Berg": "for", "Marko Vidal": "against", "Lena Holm": "against"}
    assert "retirement age" in on_issue[0]["issue"]["label"]


def test_unrelated_issues_are_not_merged(stream):
    ledger, summary = stream
    pensions = issue_of(ledger, "must rise to 67")
    tunnel = issue_of(ledger, "building a new rail tunnel")
    cod = issue_of(ledger, "cod stocks")
    assert len({pensions, tunnel, cod}) == 3
    assert issue_of(ledger, "start digging the harbour tunnel") == tunnel
    assert issue_of(ledger, "cod fishing in the northern bay") == cod
    assert issue_of(ledger, "before the next election") == pensions
    assert summary.issues_created == 3 and summary.placed == summary.statements == 10
    listed = {i["id"]: i for i in issues(ledger)}
    assert listed[pensions]["statements"] == 6 and listed[pensions]["actors"] == 3
    assert (listed[pensions]["first"], listed[pensions]["last"]) == ("2024-01-09", "2024-03-20")


def test_filters_and_issue_lookup(stream):
    ledger, _ = stream
    assert {p["actor"]["name"] for p in positions(ledger, actor="Piet Aalto")} == {"Piet Aalto"}
    assert positions(ledger, actor="Nobody Here") == []
    tunnel = issue_of(ledger, "building a new rail tunnel")
    assert [i["id"] for i in find_issues(ledger, str(tunnel))] == [tunnel]
    assert [i["id"] for i in find_issues(ledger, f"#{tunnel}")] == [tunnel]
    assert [i["id"] for i in find_issues(ledger, "TUNNEL")] == [tunnel]
    assert find_issues(ledger, "no such words anywhere") == []
    assert positions(ledger, issue="no such words anywhere") == []


def test_update_is_idempotent_and_incremental(analyzer, tmp_path):
    ledger = stream_ledger("sqlite", tmp_path, analyzer)
    try:
        first = update_positions(ledger)
        assert (first.statements, first.issues_created) == (10, 3)
        again = update_positions(ledger)
        assert (again.statements, again.placed, again.issues_created, again.issues_grown) == (0, 0, 0, 0)
        before = issues(ledger)
        ingest(write(tmp_path / "later", LATER), ledger, analyzer)
        later = update_positions(ledger)
        assert (later.statements, later.placed, later.issues_created, later.issues_grown) == (1, 1, 0, 1)
        pensions = issue_of(ledger, "must rise to 67")
        grown = {i["id"]: i["statements"] for i in issues(ledger)}
        assert grown[pensions] == {i["id"]: i["statements"] for i in before}[pensions] + 1
        vidal = one(positions(ledger, actor="Marko Vidal"), "Marko Vidal")
        assert (vidal["statements"], vidal["stance"], vidal["changes"]) == (3, "against", 0)
    finally:
        close(ledger)


@pytest.mark.parametrize("backend", BACKENDS)
def test_concurrent_updates_place_each_statement_once(analyzer, tmp_path, backend):
    ledger = stream_ledger(backend, tmp_path, analyzer)
    try:
        with ThreadPoolExecutor(2) as pool:  # two writers at once: one places, the other finds nothing left
            done = list(pool.map(lambda _: update_positions(ledger), range(2)))
        assert sorted(d.statements for d in done) == [0, 10] and sum(d.issues_created for d in done) == 3
        assert sum(i["statements"] for i in issues(ledger)) == 10
    finally:
        close(ledger)


def test_contents_naming_no_proposition_start_no_issue(analyzer, tmp_path):
    # Each stands in a paragraph of its own, so none has an earlier statement to lean on.
    article = {"cityherald_2024-06-03_council.txt": """date 2024-06-03

The opposition leader Ana Ruiz attacked him on Monday.

Mayor Clara Voss thanked them.

Governor Lia Park said that nothing can be ruled out.

Lia Park said the new rail line would open in September.
"""}
    ledger = stream_ledger("sqlite", tmp_path, analyzer, article)
    try:
        summary = update_positions(ledger)
        assert (summary.statements, summary.placed, summary.issues_created) == (4, 1, 1), str(summary)
        assert positions(ledger, actor="Ana Ruiz") == [] and positions(ledger, actor="Clara Voss") == []
        park = one(positions(ledger, actor="Lia Park"), "Lia Park")
        assert [h["content"] for h in park["history"]] == ["the new rail line would open in September"]
        assert "rail line" in park["issue"]["label"]
    finally:
        close(ledger)


# ----------------------------------------------------------------------------- pieces

def test_a_side_that_comes_to_back_what_it_set_conditions_for_has_changed(analyzer, tmp_path):
    # "Turkey supported Sweden joining the alliance" was a claim, neutral: no change was seen
    articles = {
        "reuters_2023-01-15_erdogan.txt": """date 2023-01-15

ANKARA, Jan 15 (Reuters) - Turkish President Tayyip Erdogan said on Sunday that Turkey would not approve Sweden's application to join NATO unless Stockholm cracked down on Kurdish militants.
""",
        "reuters_2023-07-10_erdogan.txt": """date 2023-07-10

VILNIUS, July 10 (Reuters) - Turkish President Tayyip Erdogan said Turkey supported Sweden joining the alliance, a reversal after months of objections.
"""}
    ledger = stream_ledger("sqlite", tmp_path, analyzer, articles)
    try:
        update_positions(ledger)
        changes = position_changes(ledger, actor="Recep Tayyip Erdoğan")
        assert [(c["from"], c["to"]) for c in changes] == [("conditional", "for")]
        assert changes[0]["after"]["content"] == "Turkey supported Sweden joining the alliance"
    finally:
        close(ledger)


def test_a_position_told_as_background_is_no_change(analyzer, tmp_path):
    # "who has long demanded" is dated by the article only: it made Merz change from conditional to for
    articles = {
        "dpa_2026-02-06_merz.txt": """date 2026-02-06

BERLIN, Feb 6 (dpa) - Opposition leader Friedrich Merz said a government he led would send Taurus missiles to Ukraine if Ukraine's European partners agreed.
""",
        "reuters_2026-02-20_merz.txt": """date 2026-02-20

BERLIN, Feb 20 (Reuters) - Friedrich Merz, who has long demanded that Germany send Taurus missiles to Ukraine, said on Friday that he no longer saw the delivery as urgent.
"""}
    ledger = stream_ledger("sqlite", tmp_path, analyzer, articles)
    try:
        update_positions(ledger)
        assert position_changes(ledger, actor="Friedrich Merz") == []
        merz = positions(ledger, actor="Friedrich Merz")
        assert any(h["cue"] == "has long demanded" for p in merz for h in p["history"])  # kept as evidence
    finally:
        close(ledger)


def record(content: str, act: str = "claim", *, negated: bool = False, cue: str = "said",
           condition: str | None = None, country: str | None = None) -> dict:
    return {"content": content, "act": act, "negated": negated, "cue": cue,
            "condition": {"text": condition, "span": [0, 0]} if condition else None,
            "speaker": {"country": country}}


@pytest.mark.parametrize("statement, expected", [
    (record("“nothing can be ruled out in the development of the situation.”"), "conditional"),
    (record("Finland was keeping \"all options on the table\""), "conditional"),
    (record("sending troops to Ukraine in the near future", "denial", negated=True, cue="ruled out"), "against"),
    (record("we must completely withdraw from NATO", "threat", condition="the allies send troops"), "conditional"),
    (record("the government would raise the retirement age", "commitment", cue="promised"), "for"),
    (record("it would not support new sanctions without a study of their cost", "prediction", negated=True), "against"),
    (record("raising the retirement age to 67", "demand", cue="called for"), "for"),
    (record("France was creating a new coalition", "report", cue="learned"), "neutral"),
    (record("whether Finnish sailors could take part in boarding ships", "question", cue="Asked"), "neutral"),
    (record("the line had failed shortly after 2 a.m."), "neutral"),
    (record("Turkey supported Sweden joining the alliance", country="TUR"), "for"),
    (record("Russia supported the plan", country="TUR"), "neutral"),  # another side's backing
    (record("we do not support sending troops", negated=True), "against"),
    (record("that Paris firmly opposed the tariffs", country="FRA"), "against"),
])
def test_stance_rules(statement, expected):
    assert stance(statement)[0] == expected


def test_issue_text_and_vagueness():
    assert issue_text(record("tragic consequences", "warning", condition="NATO troops were sent to Ukraine")) == \
        "tragic consequences if NATO troops were sent to Ukraine"
    assert issue_text(record("that there are no such plans")) == "there are no such plans"
    assert is_vague("there are no such plans") and is_vague("nothing can be ruled out in the development of the situation")
    assert not is_vague("Western leaders have discussed the possibility of sending their troops to Ukraine")
    assert has_words("raising the retirement age") and has_words("climate change") and has_words("Trump")
    assert not any(has_words(t) for t in ("him", "them", "his", "nothing can be ruled out", ""))
    # a refusal to comment names no issue of its own ("declined | to comment")
    assert not any(has_words(t) for t in ("to comment", "a request for comment", "requests for comment"))
    assert has_words("his comments about women")


# ----------------------------------------------------------------------------- CLI

def test_cli_positions_and_changes(stream):
    ledger, _ = stream
    db = db_argument(ledger)
    result = runner.invoke(cli.app, ["positions", "--changes", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["actor"]["name"], c["from"], c["to"]) for c in lines] == [("Lena Holm", "for", "against")]
    table = runner.invoke(cli.app, ["positions", "--actor", "Anna Berg", "--db", db])
    assert table.exit_code == 0 and "Anna Berg" in table.stdout and "for" in table.stdout
    assert "Lena Holm" not in table.stdout
    ambiguous = runner.invoke(cli.app, ["positions", "--issue", "the", "--db", db])
    assert ambiguous.exit_code == 1 and "issues match 'the'" in ambiguous.stderr
    unknown = runner.invoke(cli.app, ["positions", "--actor", "Nobody Here", "--db", db])
    assert unknown.exit_code == 1 and len(unknown.stderr.strip().splitlines()) == 1
