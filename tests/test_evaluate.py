"""Tests of newsledger.evaluate: the PolNeAR reader, the scorer and the error breakdown.

The real-data tests read ../shared/data/polnear/dev (or $NEWSLEDGER_POLNEAR/dev). When the
data is absent they skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsledger.evaluate import evaluate_polnear, read_polnear, score_articles
from newsledger.evaluate.polnear import GoldArticle, GoldAttribution, span_mismatches
from newsledger.evaluate.report import error_breakdown, is_direct, print_report, to_json
from newsledger.evaluate.scoring import TokenIndex
from newsledger.model import Mention, Statement

POLNEAR = Path(os.environ.get("NEWSLEDGER_POLNEAR",
                              Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"))


# -- helpers -------------------------------------------------------------------------------

def statement_from_gold(article: GoldArticle, att: GoldAttribution) -> Statement:
    """A prediction that repeats a gold attribution (a discontinuous source becomes one span)."""
    text = article.text
    speaker = None
    if att.source:
        span = (att.source[0][0], att.source[-1][1])
        speaker = Mention(text=text[span[0]:span[1]], span=span)
    cue_span = (att.cue[0][0], att.cue[-1][1])
    return Statement(cue=text[cue_span[0]:cue_span[1]], cue_span=cue_span,
                     content=article.span_text(att.content), content_spans=list(att.content),
                     speaker=speaker)


def gold_pairs(articles, keep=lambda i: True):
    return [(a, [statement_from_gold(a, att) for i, att in enumerate(a.attributions) if keep(i)])
            for a in articles]


def make_article(text: str, attributions: list[GoldAttribution], name="x_2016-09-12_t") -> GoldArticle:
    return GoldArticle(name=name, path=name + ".txt", text=text, published=None,
                       attributions=attributions)


def at(text: str, words: str, start: int = 0) -> tuple[int, int]:
    i = text.index(words, start)
    return (i, i + len(words))


def all_scores(d: dict) -> list[float]:
    out = []
    for role in ("source", "cue", "content"):
        for kind in ("exact", "overlap"):
            out += [d[role][kind][k] for k in ("p", "r", "f1")]
    for key in ("attribution", "attribution_with_source"):
        out += [d[key][k] for k in ("p", "r", "f1")]
    return out


@pytest.fixture(scope="module")
def dev():
    split = POLNEAR / "dev"
    if not (split / "text").is_dir():
        message = f"PolNeAR dev split not found at {split} (set NEWSLEDGER_POLNEAR)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI=true, so this is an error, not a skip")
        pytest.skip(message)
    return read_polnear(split)


# -- reader on the real dev split -----------------------------------------------------------

def test_reader_dev_counts(dev):
    assert len(dev) == 84
    n = sum(len(a.attributions) for a in dev)
    assert 2150 <= n <= 2230, n
    assert all(a.published is not None for a in dev)
    assert dev[0].published == date(2016, 9, 12)
    assert all(att.cue and att.content for a in dev for att in a.attributions)
    assert any(not att.source for a in dev for att in a.attributions)
    assert any(len(att.content) > 1 for a in dev for att in a.attributions)


def test_reader_dev_offsets_match_text(dev):
    mismatches = [(a.name, m) for a in dev for m in span_mismatches(a)]
    checked = sum(len(a.annotations) for a in dev)
    print(f"span text mismatches: {len(mismatches)} of {checked} annotations")
    assert checked > 5000
    assert mismatches == []
    for a in dev:
        for att in a.attributions:
            for s, e in att.source + att.cue + att.content:
                assert 0 <= s < e <= len(a.text)


def test_reader_uses_first_annotator(dev):
    names = [a.name for a in dev]
    assert len(names) == len(set(names))
    for a in dev:
        ann_dir = Path(a.ann_path).parent
        candidates = sorted(p.name for p in ann_dir.glob(a.name + "_*.ann"))
        assert Path(a.ann_path).name == candidates[0]


def test_gold_as_prediction_dev_is_perfect(dev):
    scores = score_articles(gold_pairs(dev))
    d = scores.as_dict()
    assert d["articles"] == 84
    assert set(all_scores(d)) == {100.0}
    assert d["attribution"]["gold"] == sum(len(a.attributions) for a in dev)


def test_half_the_predictions_dev(dev):
    d = score_articles(gold_pairs(dev, keep=lambda i: i % 2 == 0)).as_dict()
    assert d["attribution"]["p"] == 100.0
    assert abs(d["attribution"]["r"] - 50.0) < 2.5
    assert d["content"]["exact"]["p"] == 100.0
    assert abs(d["content"]["exact"]["r"] - 50.0) < 2.5


def test_evaluate_polnear_dev(dev):
    scores, breakdown = evaluate_polnear(POLNEAR / "dev", lambda arts: gold_pairs_only(arts))
    assert scores.as_dict()["attribution"]["f1"] == 100.0
    assert sum(r["gold"] for r in breakdown["by_cue"]) == scores.attribution.gold
    cues = [r["cue"] for r in breakdown["by_cue"]]
    assert cues[0] == "said" and len(cues) == 31 and cues[-1] == "other"
    assert breakdown["false_positive_cues"] == []
    assert breakdown["by_quote"]["direct"]["gold"] > 100
    json.loads(to_json(scores, breakdown))


def gold_pairs_only(articles):
    return [preds for _, preds in gold_pairs(articles)]


# -- scorer on small articles ---------------------------------------------------------------

TEXT = ('Mike Lee said: “We will leave NATO if they send troops.” '
        'The president warned that the alliance would not survive a withdrawal by the United States. '
        'Officials added that talks would continue next week in Brussels.')


def small_article() -> GoldArticle:
    t = TEXT
    atts = [
        GoldAttribution(source=[at(t, "Mike Lee")], cue=[at(t, "said")],
                        content=[at(t, "“We will leave NATO if they send troops.”")]),
        GoldAttribution(source=[at(t, "The president")], cue=[at(t, "warned")],
                        content=[at(t, "that the alliance would not survive a withdrawal by the United States")]),
        GoldAttribution(source=[at(t, "Officials")], cue=[at(t, "added")],
                        content=[at(t, "that talks would continue next week in Brussels")]),
        GoldAttribution(source=[], cue=[at(t, ":")],
                        content=[at(t, "We will leave NATO")]),
    ]
    return make_article(t, atts)


def test_gold_as_prediction_small_is_perfect():
    a = small_article()
    d = score_articles(gold_pairs([a])).as_dict()
    assert set(all_scores(d)) == {100.0}
    assert d["source"]["exact"]["gold"] == 3  # the no-source attribution adds none
    assert d["cue"]["exact"]["gold"] == 4  # ':' is only punctuation and stays a cue


def test_dropping_half_halves_recall():
    a = small_article()
    d = score_articles(gold_pairs([a], keep=lambda i: i in (0, 2))).as_dict()
    assert d["attribution"]["r"] == 50.0 and d["attribution"]["p"] == 100.0
    for role in ("cue", "content"):
        assert d[role]["exact"]["r"] == 50.0 and d[role]["exact"]["p"] == 100.0
        assert d[role]["overlap"]["p"] == 100.0


def _content_prediction(text, span):
    return Statement(cue="said", cue_span=at(text, "said"), content=text[span[0]:span[1]],
                     content_spans=[span])


def test_sixty_percent_found_forty_not():
    t = "He said one two three four five six seven eight nine ten today."
    gold = make_article(t, [GoldAttribution(source=[at(t, "He")], cue=[at(t, "said")],
                                            content=[at(t, "one two three four five six seven eight nine ten")])])
    six = _content_prediction(t, at(t, "one two three four five six"))
    four = _content_prediction(t, at(t, "seven eight nine ten"))
    assert score_articles([(gold, [six])]).attribution.tp == 1
    assert score_articles([(gold, [four])]).attribution.tp == 0
    # the 60% prediction is not an exact content span, but its tokens all count as overlap
    d = score_articles([(gold, [six])]).as_dict()["content"]
    assert d["exact"]["tp"] == 0 and d["overlap"]["p"] == 100.0 and d["overlap"]["r"] == 60.0


def test_edge_punctuation_still_exact():
    t = TEXT
    gold = make_article(t, [GoldAttribution(source=[at(t, "Mike Lee")], cue=[at(t, "said")],
                                            content=[at(t, "“We will leave NATO if they send troops.”")])])
    pred = Statement(cue="said:", cue_span=at(t, "said:"), content="We will leave NATO if they send troops",
                     content_spans=[at(t, "We will leave NATO if they send troops")],
                     speaker=Mention(text="Mike Lee", span=at(t, "Mike Lee")))
    d = score_articles([(gold, [pred])]).as_dict()
    for role in ("source", "cue", "content"):
        assert d[role]["exact"]["f1"] == 100.0, role


def test_token_sets_overlap_partial_words_and_keep_punctuation_only_spans():
    t = "It's late: “yes”"
    idx = TokenIndex(t)
    assert idx.tokens_of([(1, 4)]) == idx.tokens_of([(0, 4)])  # "t's" takes the word "It"
    assert idx.tokens_of([at(t, ":")]) != frozenset()
    assert idx.tokens_of([at(t, "“yes”")]) == idx.tokens_of([at(t, "yes")])
    assert idx.tokens_of([]) == frozenset()


def test_one_prediction_cannot_match_two_golds():
    t = "Aides said the plan works. Critics said the plan fails."
    g1 = GoldAttribution(source=[at(t, "Aides")], cue=[at(t, "said")], content=[at(t, "the plan works")])
    g2 = GoldAttribution(source=[at(t, "Critics")], cue=[at(t, "said", 20)], content=[at(t, "the plan fails")])
    gold = make_article(t, [g1, g2])
    wide = Statement(cue="said", cue_span=at(t, "said"), content=t, content_spans=[(0, len(t))])
    s = score_articles([(gold, [wide])])
    assert (s.attribution.tp, s.attribution.pred, s.attribution.gold) == (1, 1, 2)
    assert s.as_dict()["attribution"]["p"] == 100.0 and s.as_dict()["attribution"]["r"] == 50.0


def test_matching_prefers_source_agreement_on_ties():
    t = "Smith and Jones said the deal is done."
    content = [at(t, "the deal is done")]
    g1 = GoldAttribution(source=[at(t, "Smith")], cue=[at(t, "said")], content=content)
    g2 = GoldAttribution(source=[at(t, "Jones")], cue=[at(t, "said")], content=content)
    gold = make_article(t, [g1, g2])
    preds = [statement_from_gold(gold, g2), statement_from_gold(gold, g1)]
    s = score_articles([(gold, preds)])
    assert s.attribution.tp == 2 and s.attribution_with_source.tp == 2


def test_source_agreement_figure():
    t = "Aides said the plan works."
    g = GoldAttribution(source=[at(t, "Aides")], cue=[at(t, "said")], content=[at(t, "the plan works")])
    gold = make_article(t, [g])
    pred = statement_from_gold(gold, g)
    pred.speaker = None
    s = score_articles([(gold, [pred])]).as_dict()
    assert s["attribution"]["f1"] == 100.0 and s["attribution_with_source"]["f1"] == 0.0
    assert s["source"]["exact"]["pred"] == 0 and s["source"]["exact"]["r"] == 0.0


def test_duplicate_gold_roles_count_once():
    t = "Officials said talks will go on and said prices will fall."
    src = [at(t, "Officials")]
    gold = make_article(t, [
        GoldAttribution(source=src, cue=[at(t, "said")], content=[at(t, "talks will go on")]),
        GoldAttribution(source=src, cue=[at(t, "said", 30)], content=[at(t, "prices will fall")]),
    ])
    d = score_articles(gold_pairs([gold])).as_dict()
    assert d["source"]["exact"]["gold"] == 1 and d["source"]["exact"]["pred"] == 1
    assert d["cue"]["exact"]["gold"] == 2


def test_empty_prediction_and_empty_gold():
    t = "Nothing was said here."
    gold = make_article(t, [])
    d = score_articles([(gold, [])]).as_dict()
    assert d["attribution"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 0}
    assert d["articles"] == 1


def test_tables_render():
    from rich.console import Console

    a = small_article()
    pairs = gold_pairs([a], keep=lambda i: i != 1)
    scores = score_articles(pairs)
    console = Console(record=True, width=120)
    print_report(scores, error_breakdown(pairs), console=console)
    out = console.export_text()
    assert "content exact" in out and "attribution + source" in out and "warned" in out


# -- breakdown --------------------------------------------------------------------------------

def test_is_direct_quote_styles():
    for content in ("“We will win,”", '"We will win."', "‘We will win’", "«Nous gagnerons»",
                    "„Wir gewinnen“", "(“We will win.”)"):
        assert is_direct(content, [(0, len(content))]), content
    t = "that we will win"
    assert not is_direct(t, [(0, len(t))])
    t = 'said the party was "over" now'
    assert not is_direct(t, [(0, len(t))])


def test_error_breakdown_small():
    a = small_article()
    t = a.text
    preds = [statement_from_gold(a, a.attributions[0])]
    preds.append(Statement(cue="next week", cue_span=at(t, "next week"), content="in Brussels",
                           content_spans=[at(t, "in Brussels")]))
    bd = error_breakdown([(a, preds)])
    by_cue = {r["cue"]: r for r in bd["by_cue"]}
    assert by_cue["said"]["recall"] == 100.0 and by_cue["warned"]["recall"] == 0.0
    assert by_cue[":"]["gold"] == 1
    assert bd["by_quote"]["direct"] == {"gold": 1, "found": 1, "recall": 100.0, "found_with_source": 1}
    assert bd["by_quote"]["indirect"]["gold"] == 3
    assert bd["by_source"]["no source"]["gold"] == 1
    assert bd["false_positive_cues"] == [{"cue": "next week", "count": 1}]
    assert {m["cue"] for m in bd["missed"]} == {"warned", "added", ":"}


# -- reader robustness ------------------------------------------------------------------------

ANN = """T1\tSource 0 8\tMike Lee
T2\tCue 9 13\tsaid
T3\tContent 16 39;54 60\tWe will leave NATO now, troops
T4\tAttribution 9 13\tsaid
T9\tCue 70 80\tpast the end
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tSource 0 4
T6\tDiscuss 0 4\tMike
E2\tAttribution:T4 Content:T99
T7\tContent 41 53\tif they send
T8\tAttribution-no-source 9 13\tsaid
E3\tAttribution-no-source:T8 Content2:T7
E4\tAttribution:T4
E5
garbage line
#1\tAnnotatorNotes T1\tnote
"""


def test_reader_is_robust(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    text = "Mike Lee said: “We will leave NATO now,\r\nif they send troops.”\n"
    name = "nyt_2016-09-12_lee-nato"
    (split / "text" / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (split / "attributions" / f"{name}_b222.ann").write_text("T1\tSource 0 8\tMike Lee\n", encoding="utf-8")
    (split / "attributions" / f"{name}_a111.ann").write_text(ANN, encoding="utf-8")
    (split / "text" / "unannotated_2016-01-01_x.txt").write_text("nothing", encoding="utf-8")
    [art] = read_polnear(split)
    assert art.text == text  # \r\n kept: offsets index the file as it is
    assert art.annotator == "a111" and art.published == date(2016, 9, 12)
    assert [att.id for att in art.attributions] == ["E1", "E3"]
    e1, e3 = art.attributions
    assert e1.source == [(0, 8)] and e1.cue == [(9, 13)] and e1.content == [(16, 39), (54, 60)]
    assert e3.source == [] and e3.cue == [(9, 13)] and e3.content == [(41, 53)]
    assert [m[0] for m in span_mismatches(art)] == ["T5"]  # T5 lacks its text
    messages = " | ".join(str(p) for p in art.problems)
    for expected in ("T9 offsets outside", "unknown T99", "E2 has no content", "E4 has no content",
                     "unreadable line"):
        assert expected in messages, messages


def test_evaluate_imports_no_spacy_or_other_stages():
    code = ("import sys, newsledger.evaluate; "
            "bad = [m for m in sys.modules if m.split('.')[0] == 'spacy' or "
            "(m.startswith('newsledger.') and m.split('.')[1] not in ('model', 'evaluate'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
