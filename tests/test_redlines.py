"""Red lines (issue 6, point 1): triggers, grouping, restatements, matching, decisions.

- The hand-made trigger/event pairs (tests/data/redline_pairs.jsonl) give the matcher's
  precision and recall, printed and asserted (precision at least 0.9).
- The worked example, read by the real pipeline: Lee's conditional threat and Putin's warning
  are both red lines, grouped on the same trigger (NATO troops in Ukraine).
- A stream of dated articles written here, ingested into a fresh ledger (SQLite, and
  PostgreSQL when NEWSLEDGER_TEST_POSTGRES_URL is set): a red line restated, a second holder of
  the same trigger, events that only resemble the trigger (considering, aid, another country),
  then an event that crosses it; a person's decisions survive later updates.
- The CLI: ``newsledger redlines [--status S] [--json]``, ``show``, ``confirm``, ``reject``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger import cli
from newsledger.analysis.redlines import decide, is_redline, redline, redline_board, update_redlines
from newsledger.analysis.trigger_match import match, match_texts
from newsledger.analysis.triggers import parse_events
from newsledger.ingest import ingest
from newsledger.store import redlines as store
from position_stream import BACKENDS, open_ledger, write

PAIRS = Path(__file__).parent / "data" / "redline_pairs.jsonl"
EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
runner = CliRunner()

# Files are OUTLET_DATE_slug.txt (the sources stage reads the outlet from the name).
STREAM = {
    "civictimes_2024-02-01_warnings.txt": """date 2024-02-01

Russian President Vladimir Putin warned of a direct confrontation if NATO troops were sent to Ukraine.

US Senator Mike Lee said the United States must leave NATO if the allies send troops into Ukraine.

Chinese President Xi Jinping warned that China would respond with force if Taiwan declared independence.
""",
    "harbourgazette_2024-02-20_again.txt": """date 2024-02-20

Vladimir Putin again warned of catastrophic consequences if NATO troops were deployed to Ukraine.

The Kremlin said Russian forces had captured a village near Avdiivka.
""",
    # Events that resemble the trigger and must not cross it.
    "civictimes_2024-03-05_troops.txt": """date 2024-03-05

The French defence ministry said France was considering sending troops to Ukraine.

German officials said Germany sent humanitarian aid to Ukraine last week.

The Polish army said Poland had sent troops to Lithuania for an exercise.
""",
}
# The event that crosses the trigger.
CROSSING = {
    "harbourgazette_2024-04-10_troops.txt": """date 2024-04-10

Reuters reported that France had sent troops to Ukraine to train Ukrainian soldiers.
""",
}
# After the decisions: a restatement, and a second crossing event.
LATER = {
    "civictimes_2024-05-02_later.txt": """date 2024-05-02

Vladimir Putin warned of a global conflict if NATO troops were sent to Ukraine.

AFP reported that British soldiers had been deployed to Ukraine.
""",
}


# --------------------------------------------------------------------------- the pair set

def _pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_pair_set_precision_and_recall():
    pairs = _pairs()
    assert len(pairs) >= 60
    assert sum(p["match"] for p in pairs) >= 25 and sum(not p["match"] for p in pairs) >= 25
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    wrong = []
    for pair in pairs:
        verdict = match_texts(pair["trigger"], pair["event"])
        key = ("t" if verdict.match == pair["match"] else "f") + ("p" if verdict.match else "n")
        counts[key] += 1
        if key in ("fp", "fn"):
            wrong.append(f"  {key}: {pair['trigger']!r} / {pair['event']!r}: {verdict.reason or verdict.similarity}")
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    print(f"\nred-line pairs: {len(pairs)} ({counts['tp'] + counts['fn']} crossing), "
          f"precision {precision:.3f}, recall {recall:.3f} ({counts})")
    print("\n".join(wrong))
    assert precision >= 0.9, wrong
    assert recall >= 0.8, wrong


def test_hypothetical_or_negated_events_never_cross():
    """Whatever the wording, an event that is only considered, denied or conditional is no act."""
    trigger = parse_events("if NATO troops were sent to Ukraine", condition=True)[0]
    for text in ("NATO is considering sending troops to Ukraine", "NATO did not send troops to Ukraine",
                 "NATO refused to send troops to Ukraine", "NATO will send troops to Ukraine",
                 "Would NATO send troops to Ukraine?"):
        verdict = match(trigger, parse_events(text), similarity=_never_called)
        assert not verdict.match and verdict.reason.startswith("not asserted"), (text, verdict)


def test_vague_or_unless_triggers_are_never_crossed():
    vague = parse_events("if you look back and check the transcripts", condition=True)[0]
    verdict = match(vague, parse_events("Senator Smith looked back"), similarity=_never_called)
    assert not verdict.match and "no known actor" in verdict.reason
    unless = parse_events("unless Estonia drops its threat", condition=True)[0]
    verdict = match(unless, parse_events("Estonia dropped its threat"), similarity=_never_called)
    assert not verdict.match and verdict.reason == "the trigger is a failure to act"


@pytest.mark.parametrize("condition, elliptic", [
    ("if necessary", True),
    ("if we have to", True),  # the speaker's own necessity: no other party's act
    ("if I must", True),
    ("if the allies send troops into Ukraine", False),
    ("if Russia has to retreat", False),  # another party's
    ("if we do not act now", True),  # the speaker's own inaction: an argument, not a line
    ("if they do not withdraw their troops", False),
    ("if we are attacked", False),
])
def test_a_condition_with_no_other_partys_act_draws_no_line(condition, elliptic):
    from newsledger.analysis.redlines import _elliptic
    events = parse_events(condition, condition=True)  # "if necessary": no event at all
    assert (not events or _elliptic(events[0])) is elliptic


def _never_called(*args):
    raise AssertionError("called when it must not be")


def test_trigger_structure():
    lee = parse_events("If the allies send troops into Ukraine", condition=True)[0]
    putin = parse_events("if NATO troops were sent to Ukraine", condition=True)[0]
    assert (putin.actor, putin.action, putin.object, putin.place) == ("NATO", "send", "troops", "Ukraine")
    assert "org:nato" in lee.actor_ids and "country:UKR" in lee.place_ids
    assert lee.key() == putin.key()
    unless = parse_events("unless Estonia drops its threat to board them", condition=True)[0]
    assert unless.negative and unless.describe().startswith("not (")
    # Another trigger on Ukraine is another key: weapons are not troops.
    assert parse_events("if the West supplies long-range missiles to Kyiv", condition=True)[0].key() != lee.key()


@pytest.mark.parametrize("condition, action, target", [
    ("Any attack on a NATO member", "attack", "member"),
    ("an attack on Lithuania", "attack", "Lithuania"),
    ("an invasion of Taiwan", "invasion", "Taiwan"),
])
def test_a_condition_that_names_the_act_is_a_trigger(condition, action, target):
    # "Any attack on a NATO member will be met with …": a noun phrase, no clause, still an event
    events = parse_events(condition, condition=True)
    assert len(events) == 1 and events[0].action == action and events[0].object_head.lower() == target.lower()
    assert events[0].actor is None


def test_a_negated_condition_is_a_failure_to_act():
    assert [e.describe() for e in parse_events("lawmakers cannot agree by Friday", condition=True)] == [
        "not (lawmakers agree)"]
    assert [e.describe() for e in parse_events("if Iran does not resume cooperation", condition=True)] == [
        "not (Iran resume cooperation)"]
    # and a negated report crosses nothing
    trigger = parse_events("Russia sends troops to Ukraine", condition=True)[0]
    verdict = match(trigger, parse_events("Russia did not send troops to Ukraine"), similarity=_never_called)
    assert not verdict.match


def test_is_redline():
    speaker = {"name": "Vladimir Putin", "actor_id": "person:vladimir-putin", "kind": "person"}
    record = {"act": "warning", "speaker": speaker, "condition": {"text": "NATO troops were sent to Ukraine"},
              "consequence": {"text": "tragic consequences"}}
    assert is_redline(record)
    assert not is_redline({**record, "condition": None})
    assert not is_redline({**record, "speaker": {}})
    assert not is_redline({**record, "act": "claim"})
    assert is_redline({**record, "act": "claim", "condition": {"text": "unless Kyiv withdraws"}})
    # an ultimatum that only foresees commits its speaker to nothing
    assert not is_redline({**record, "act": "prediction", "condition": {"text": "unless he is forced to stop"},
                           "consequence": {"text": "But I do not see Putin stopping"}})
    # "has either won or tied": a report with an "or", not an ultimatum.
    assert not is_redline({**record, "act": "report", "condition": {"text": "that the nominee has either won"},
                           "consequence": {"text": "or tied among the group of voters"}})


# --------------------------------------------------------------------------- the worked example

@pytest.fixture(scope="module")
def example_ledger(analyzer, shared_path, tmp_path_factory):
    from newsledger.store import Ledger

    ledger = Ledger(tmp_path_factory.mktemp("redline-example") / "ledger.db")
    ingest([str(shared_path(*EXAMPLE))], ledger, analyzer)
    yield ledger
    ledger.close()


def test_worked_example_lee_and_putin_share_a_trigger(example_ledger, monkeypatch):
    summary = update_redlines(example_ledger)
    board = redline_board(example_ledger)
    by_holder = {r["holder"]["name"]: r for r in board}
    assert {"Mike Lee", "Vladimir Putin"} <= set(by_holder), board
    lee, putin = by_holder["Mike Lee"], by_holder["Vladimir Putin"]
    assert lee["group_id"] == putin["group_id"]
    assert lee["trigger_event"]["action_class"] == putin["trigger_event"]["action_class"] == "send"
    for line in (lee, putin):
        assert "troops" in line["trigger"] and "Ukraine" in line["trigger"]
        assert "country:UKR" in line["trigger_event"]["place_ids"]
        assert set(line["group_holders"]) >= {"Mike Lee", "Vladimir Putin"}
        # Macron's "discussed" and "ruled out" are not acts: nothing crosses the line.
        assert line["status"] == "open" and line["matches"] == 0
    assert "withdraw from NATO" in lee["consequence"]
    assert putin["consequence"] == "tragic consequences"
    assert putin["evidence"]["condition"]["text"] == "NATO troops were sent to Ukraine"
    assert putin["evidence"]["article"]["id"]
    # Lee said it twice in the article: one red line, two statements, no restatement (same day).
    assert lee["statement_count"] == 2 and lee["restated"] == []
    assert summary["groups"] == len({r["group_id"] for r in board})
    # Nothing new: nothing parsed, nothing written (the board is shown without a write).
    monkeypatch.setattr(store, "replace_redlines", _never_called)
    again = update_redlines(example_ledger)
    assert again["parsed"] == 0 and again["new_redlines"] == 0
    assert redline_board(example_ledger) == board


# --------------------------------------------------------------------------- the stream

def _one(board: list[dict], holder: str) -> dict:
    found = [r for r in board if r["holder"]["name"] == holder]
    assert len(found) == 1, (holder, board)
    return found[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_article_stream(backend, analyzer, tmp_path):
    ledger = open_ledger(backend, tmp_path)
    try:
        _walk_stream(ledger, tmp_path, analyzer)
    finally:
        ledger.close()


def _walk_stream(ledger, tmp_path: Path, analyzer) -> None:
    ingest(write(tmp_path / "a", STREAM), ledger, analyzer)
    summary = update_redlines(ledger)
    board = redline_board(ledger)
    assert summary["redlines"] == 3 and summary["groups"] == 2, board
    putin, lee, xi = (_one(board, n) for n in ("Vladimir Putin", "Mike Lee", "Xi Jinping"))
    # Restated: the same trigger in other words ("deployed"), on a later date.
    assert putin["statement_count"] == 2 and putin["first_stated"] == "2024-02-01"
    assert putin["restated"] == ["2024-02-20"]
    assert {putin["consequence"], lee["consequence"]} == {"a direct confrontation", "the United States must leave NATO"}
    assert putin["group_id"] == lee["group_id"] != xi["group_id"]
    assert xi["trigger"] == "Taiwan declare independence"
    # Considering troops, sending aid, troops to Lithuania: resemble the trigger, do not cross it.
    assert all(r["status"] == "open" and r["matches"] == 0 for r in board), board
    assert update_redlines(ledger)["parsed"] == 0

    ingest(write(tmp_path / "b", CROSSING), ledger, analyzer)
    summary = update_redlines(ledger)
    assert summary["new_matches"] == 2 and summary["possibly_triggered"] == 2
    board = redline_board(ledger, status="possibly-triggered")
    assert {r["holder"]["name"] for r in board} == {"Vladimir Putin", "Mike Lee"}
    assert redline_board(ledger, status="open") == [_one(redline_board(ledger), "Xi Jinping")]
    full = redline(ledger, putin["id"][:8])
    assert full["id"] == putin["id"] and len(full["statements"]) == 2
    (crossing,) = full["matches"]
    assert crossing["speaker"] == "Reuters" and "France had sent troops to Ukraine" in crossing["content"]
    assert crossing["date"] == "2024-04-10" and crossing["decision"] is None
    assert [g["holder"]["name"] for g in full["group"]] == ["Mike Lee"]
    # one red line is read with its group only; its summary is the board's, for each of them
    whole = {r["id"]: r for r in redline_board(ledger)}
    for line_id, summary in whole.items():
        one = redline(ledger, line_id)
        assert {k: one[k] for k in summary if k != "matches"} == {k: v for k, v in summary.items() if k != "matches"}
        assert len(one["matches"]) == summary["matches"]  # in full: the matches, not their count
        assert one["group"] == [r for r in whole.values() if r["group_id"] == summary["group_id"] and r["id"] != line_id]

    assert decide(ledger, putin["id"][:10], "confirmed")["status"] == "confirmed"
    assert decide(ledger, lee["id"], "rejected")["status"] == "rejected"
    update_redlines(ledger)
    statuses = {r["holder"]["name"]: r["status"] for r in redline_board(ledger)}
    assert statuses == {"Vladimir Putin": "confirmed", "Mike Lee": "rejected", "Xi Jinping": "open"}

    # A restatement and a second crossing event arrive: decisions stay, the new event asks again.
    ingest(write(tmp_path / "c", LATER), ledger, analyzer)
    update_redlines(ledger)
    board = redline_board(ledger)
    putin, lee = _one(board, "Vladimir Putin"), _one(board, "Mike Lee")
    assert putin["restated"] == ["2024-02-20", "2024-05-02"] and putin["status"] == "confirmed"
    assert lee["status"] == "possibly-triggered" and lee["matches"] == 2 and lee["pending"] == 1
    decisions = {(d["redline_id"], d["decision"]) for d in store.load_decisions(ledger)}
    assert decisions == {(putin["id"], "confirmed"), (lee["id"], "rejected")}
    pending = [m for m in redline(ledger, lee["id"])["matches"] if m["decision"] is None]
    assert len(pending) == 1 and "British soldiers had been deployed to Ukraine" in pending[0]["content"]


# --------------------------------------------------------------------------- the store

@pytest.mark.parametrize("backend", BACKENDS)
def test_store_keeps_decisions_across_replacement(backend, tmp_path):
    ledger = open_ledger(backend, tmp_path)
    try:
        line = {"id": "ab12cd34ef56ab78", "group_id": "g1", "holder_id": "person:x", "holder_name": "X",
                "holder_kind": "person", "trigger_key": "|west|send|personnel|country:UKR",
                "trigger_text": "NATO send troops to Ukraine", "trigger": {"action": "send"},
                "group_trigger": "NATO send troops to Ukraine", "consequence": "war", "negative": False,
                "first_date": "2024-02-01", "last_date": "2024-02-20", "statement_count": 2}
        said = {"redline_id": line["id"], "statement_id": "s1", "article_id": "a1", "date": "2024-02-01",
                "restatement": False, "evidence": {"content": "…"}}
        crossed = {"redline_id": line["id"], "statement_id": "e1", "article_id": "a2", "date": "2024-04-10",
                   "similarity": 0.76, "evidence": {"content": "France sent troops to Ukraine"}}
        store.replace_redlines(ledger, [line], [said], [crossed])
        store.save_decisions(ledger, line["id"], ["e1"], "rejected")
        store.replace_redlines(ledger, [line], [said], [crossed])
        (loaded,) = store.load_redlines(ledger)
        assert loaded["trigger"] == {"action": "send"} and loaded["first_date"] == "2024-02-01"
        assert store.load_matches(ledger)[0]["evidence"]["content"] == "France sent troops to Ukraine"
        assert [d["decision"] for d in store.load_decisions(ledger, line["id"])] == ["rejected"]
        assert store.find_redline_ids(ledger, "ab12") == [line["id"]]
        assert store.find_redline_ids(ledger, "%") == [] and store.find_redline_ids(ledger, "ab_2") == []
        with pytest.raises(ValueError):
            store.save_decisions(ledger, line["id"], ["e1"], "maybe")
        store.save_similarities(ledger, {"k1": 0.61, "k2": 0.2})
        store.save_similarities(ledger, {"k2": 0.25})
        assert store.load_similarities(ledger, ["k1", "k2", "k3"]) == {"k1": 0.61, "k2": 0.25}
    finally:
        ledger.close()


# --------------------------------------------------------------------------- the CLI

@pytest.fixture(scope="module")
def cli_db(analyzer, tmp_path_factory) -> str:
    from newsledger.store import Ledger

    folder = tmp_path_factory.mktemp("redline-cli")
    ledger = Ledger(folder / "ledger.db")
    ingest(write(folder / "articles", {**STREAM, **CROSSING}), ledger, analyzer)
    ledger.close()
    return str(folder / "ledger.db")


def _lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_board_and_decisions(cli_db):
    records = _lines(runner.invoke(cli.app, ["redlines", "--json", "--db", cli_db]))
    assert len(records) == 3
    putin = next(r for r in records if r["holder"]["name"] == "Vladimir Putin")
    assert putin["status"] == "possibly-triggered" and putin["restated"] == ["2024-02-20"]
    pending = _lines(runner.invoke(cli.app, ["redlines", "--status", "possibly-triggered", "--json", "--db", cli_db]))
    assert {r["holder"]["name"] for r in pending} == {"Vladimir Putin", "Mike Lee"}

    table = runner.invoke(cli.app, ["redlines", "--db", cli_db])
    assert table.exit_code == 0 and "Vladimir Putin" in table.stdout and "possibly-triggered" in table.stdout

    shown = runner.invoke(cli.app, ["redlines", "show", putin["id"][:8], "--db", cli_db])
    assert shown.exit_code == 0 and "Reuters" in shown.stdout and "to decide" in shown.stdout

    confirmed = runner.invoke(cli.app, ["redlines", "confirm", putin["id"][:8], "--db", cli_db])
    assert confirmed.exit_code == 0 and "confirmed" in confirmed.stdout
    records = {r["holder"]["name"]: r["status"] for r in _lines(runner.invoke(cli.app, ["redlines", "--json", "--db", cli_db]))}
    assert records == {"Vladimir Putin": "confirmed", "Mike Lee": "possibly-triggered", "Xi Jinping": "open"}

    lee = next(r for r in pending if r["holder"]["name"] == "Mike Lee")
    (full,) = _lines(runner.invoke(cli.app, ["redlines", "show", lee["id"], "--json", "--db", cli_db]))
    (event,) = [m["statement_id"] for m in full["matches"]]
    wrong = runner.invoke(cli.app, ["redlines", "reject", lee["id"], "--event", "not-a-match", "--db", cli_db])
    assert wrong.exit_code == 1 and "not (the start of) one candidate match" in wrong.stderr
    rejected = runner.invoke(cli.app, ["redlines", "reject", lee["id"], "--event", event[:12], "--db", cli_db])
    assert rejected.exit_code == 0 and "rejected" in rejected.stdout
    records = {r["holder"]["name"]: r["status"] for r in _lines(runner.invoke(cli.app, ["redlines", "--json", "--db", cli_db]))}
    assert records == {"Vladimir Putin": "confirmed", "Mike Lee": "rejected", "Xi Jinping": "open"}


def test_cli_errors(cli_db, tmp_path):
    bad = runner.invoke(cli.app, ["redlines", "--status", "crossed", "--db", cli_db])
    assert bad.exit_code == 2 and "possibly-triggered" in bad.stderr
    unknown = runner.invoke(cli.app, ["redlines", "reject", "zzzz", "--db", cli_db])
    assert unknown.exit_code == 1 and "no red line" in unknown.stderr
    xi = next(r for r in _lines(runner.invoke(cli.app, ["redlines", "--json", "--db", cli_db]))
              if r["holder"]["name"] == "Xi Jinping")
    nothing = runner.invoke(cli.app, ["redlines", "confirm", xi["id"], "--db", cli_db])
    assert nothing.exit_code == 1 and "no candidate match" in nothing.stderr
    missing = runner.invoke(cli.app, ["redlines", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no ledger" in missing.stderr
