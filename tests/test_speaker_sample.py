"""Issue 4, point 7: pronoun and nominal speakers in PolNeAR dev, resolved to named actors.

``tests/data/polnear_dev_speakers.tsv`` is a hand-checked sample of gold PolNeAR dev
sources that are a pronoun ("he", "she", "they", "his") or a nominal without a proper
name ("the senator", "The Republican nominee", "the campaign", "the agency"), each with
the named speaker (person or organisation) a reader would say it refers to. Candidates
were drafted with ``tests/data/build_speaker_sample.py`` and every kept row was checked
by reading the article; rows whose referent is not named before the mention, is a group
of several people, or is a poll or report were dropped.

How a row is scored
    The newsledger pipeline (``Analyzer``) and then the actors stage
    (``resolve_statements``, a fresh registry) run on the row's article. Every statement
    whose ``speaker.span`` overlaps the row's gold span is a candidate; the row is
    *right* when one of them has ``speaker.name`` equal to ``expected_name`` under
    :func:`name_key` (case, accents, punctuation, spacing, a leading "the" and
    single-letter middle initials ignored: "Loretta E. Lynch" == "Loretta Lynch",
    "Jo - Renee Formicola" == "Jo-Renee Formicola"). ``expected_name`` may list
    alternatives separated by ``|``.

    A surname alone does NOT count as right ("Trump" for "Donald Trump" is wrong): the
    issue asks for the canonical name. Such rows are counted apart as ``surname_only``
    so the gap is visible. A row with no overlapping statement is *missing* and counts
    as wrong.

Two measurements
    *End to end* (``test_pronoun_and_nominal_speakers_resolve_to_the_named_actor``): the
    default pipeline must first find the statement, then resolve its speaker; a row whose
    statement the attribution tagger misses is wrong here (issue 5's errors count twice).
    *Gold sources* (``test_speakers_of_the_gold_sources_resolve_to_the_named_actor``): the
    speakers and actors stages receive PolNeAR's own attributions of the article, every
    source a gold span, as they would from a perfect tagger; this is what issue 4 asks of
    speaker resolution itself.

The share is printed (``pytest -s``) and put in the assertion message. The assertion is
a regression floor: the measured share minus a small margin, not the 90% target of the
issue (see ``TARGET``), which is reported alongside.

The second test ingests all of PolNeAR dev into a temporary ledger and checks that
Donald Trump and Hillary Clinton are one person actor each.
"""

from __future__ import annotations

import copy
import csv
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "data" / "polnear_dev_speakers.tsv"
TARGET = 0.90  # the target share
# end to end, measured on 2026-12-04 (fourth session) with the default (accurate) model: 157 of 173
# right; the 16 others are missing (the attribution layer finds no statement with that
# source span), none resolves wrong. (157 in the second and third sessions too, but two of
# those rows were then the sources of wrong statements in another sentence, which the learned
# tidy no longer allows; two statements with a pronoun content, "He doesn't think so", came back.) (First session that day: 152, or 150 on a CPU with AVX-512 VNNI, whose
# int8 arithmetic flips a few close tags; 2026-12-03: 142; rules alone: 135 of 173;
# 2026-11-25: 96; 90 when the sample was built.)
MEASURED = 0.908
GOLD_MEASURED = 0.983  # 170 of 173 on 2026-12-04 (3 wrong); none missing by construction
MARGIN = 0.03


@dataclass
class Item:
    article: str
    start: int
    end: int
    mention: str
    expected: list[str]
    note: str


def load_sample() -> list[Item]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Item(r["article"], int(r["start"]), int(r["end"]), r["mention"],
                 [n.strip() for n in r["expected_name"].split("|") if n.strip()], r["note"])
            for r in rows]


def name_key(name: str | None) -> str:
    """A name for comparison: lower case, no accents, no punctuation or spaces, no
    leading "the", no single-letter initials."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^0-9a-z]+", text) if w]
    if words and words[0] == "the":
        words = words[1:]
    return "".join(w for w in words if len(w) > 1 or len(words) == 1)


def surname_only(name: str | None, expected: list[str]) -> bool:
    """``name`` is just the last word of an expected multi-word name ("Trump" for
    "Donald Trump"); the caller applies it to person speakers only."""
    key = name_key(name)
    return bool(key) and len((name or "").split()) == 1 and any(
        len(e.split()) > 1 and name_key(e.split()[-1]) == key for e in expected)


# --------------------------------------------------------------------------- the sample
def test_sample_file_is_well_formed(shared_path):
    from newsledger.evaluate import read_polnear

    items = load_sample()
    assert len(items) >= 150
    assert len({i.article for i in items}) >= 40
    assert len({(i.article, i.start, i.end) for i in items}) == len(items), "duplicate rows"
    dev = shared_path("data", "polnear", "dev")
    texts = {a.name: a.text for a in read_polnear(dev)}
    for item in items:
        assert item.article in texts, item.article
        assert texts[item.article][item.start:item.end] == item.mention, item
        assert item.expected, item


class Analysed:
    """The statements of every dev text, found once for this module (the default pipeline
    takes most of a minute over dev); ``analyze_articles`` gives copies, in input order,
    so that ``ingest`` can take it for an analyzer."""

    def __init__(self, analyzer, text_dir: Path):
        from newsledger.model import Article
        from newsledger.sources import read_paths

        articles = [a for a in read_paths([str(text_dir)]) if isinstance(a, Article)]  # as ingest reads them
        self.by_text = {a.text: found for a, found in analyzer.analyze_articles(articles)}

    def analyze_articles(self, articles, batch_size: int = 32):
        for article in articles:
            yield article, copy.deepcopy(self.by_text[article.text])


@pytest.fixture(scope="module")
def dev_analysed(analyzer, shared_path) -> Analysed:
    return Analysed(analyzer, shared_path("data", "polnear", "dev", "text"))


def _sample_articles(shared_path, items: list[Item]):
    from newsledger.evaluate.polnear import published_from_name
    from newsledger.model import Article

    text_dir = shared_path("data", "polnear", "dev", "text")
    return [Article(text=(text_dir / f"{n}.txt").read_text(encoding="utf-8"), path=n,
                    published=published_from_name(n)) for n in sorted({i.article for i in items})]


def score(items: list[Item], speakers: dict[str, list]) -> tuple[Counter, list[str]]:
    """Count each row right, wrong (``surname_only`` apart) or missing against the
    resolved speaker mentions of its article (``speakers``: article name -> mentions)."""
    counts: Counter = Counter()
    errors: list[str] = []
    for item in items:
        found = [m for m in speakers[item.article] if m.span[0] < item.end and item.start < m.span[1]]
        if not found:
            counts["missing"] += 1
            errors.append(f"missing  {item.article} {item.start} {item.mention!r} -> {item.expected[0]}")
            continue
        counts["found"] += 1
        wanted = {name_key(e) for e in item.expected}
        if any(name_key(m.name) in wanted for m in found):
            counts["right"] += 1
            continue
        counts["wrong"] += 1
        if any(m.kind == "person" and surname_only(m.name, item.expected) for m in found):
            counts["surname_only"] += 1
        got = ", ".join(sorted({f"{m.name!r} ({m.kind})" for m in found}))
        errors.append(f"wrong    {item.article} {item.start} {item.mention!r} -> {item.expected[0]}; got {got}")
    return counts, errors


def report(title: str, counts: Counter, errors: list[str], total: int) -> tuple[float, str]:
    share = counts["right"] / total
    summary = (f"{title}: {counts['right']}/{total} right = {share:.1%} "
               f"(target {TARGET:.0%}); found {counts['found']}, right {counts['right']}, "
               f"wrong {counts['wrong']} (of which surname only {counts['surname_only']}), "
               f"missing {counts['missing']}")
    print("\n" + summary)
    for line in errors:
        print("  " + line)
    return share, summary


def test_pronoun_and_nominal_speakers_resolve_to_the_named_actor(dev_analysed, shared_path):
    """End to end: the default pipeline finds the statement, then resolves its speaker."""
    from newsledger.actors.registry import ActorRegistry
    from newsledger.actors.resolve import resolve_statements

    items = load_sample()
    speakers: dict[str, list] = {}
    for article, statements in dev_analysed.analyze_articles(_sample_articles(shared_path, items)):
        resolve_statements(article, statements, registry=ActorRegistry())
        speakers[article.path] = [s.speaker for s in statements if s.speaker is not None]
    share, summary = report("speaker sample, end to end", *score(items, speakers), len(items))
    assert share >= MEASURED - MARGIN, summary


def gold_statements(doc, gold) -> list:
    """PolNeAR's own attributions of ``gold`` (a ``GoldArticle``) as statements of
    ``doc``, in text order, each with its gold source as the speaker mention: what the
    speakers and actors stages would receive from a perfect attribution tagger."""
    from newsledger.model import Mention, Statement

    text = gold.text
    statements = []
    for att in sorted((a for a in gold.attributions if a.cue), key=lambda a: a.cue[0]):
        cue = (att.cue[0][0], att.cue[-1][1])
        token = doc.char_span(*cue, alignment_mode="expand")
        source = (att.source[0][0], att.source[-1][1]) if att.source else None
        statements.append(Statement(
            cue=text[cue[0]:cue[1]], cue_span=cue, content=gold.span_text(att.content),
            content_spans=list(att.content),
            speaker=Mention(text[source[0]:source[1]], source) if source else None,
            extra={"cue_lemma": token[0].lemma_.lower() if token is not None else ""}))
    return statements


def test_speakers_of_the_gold_sources_resolve_to_the_named_actor(rules_analyzer, shared_path):
    """The speakers and actors stages alone: each sampled source is given with PolNeAR's
    own attributions of its article (no tagger misses), then resolved as ingest does."""
    from newsledger.actors.registry import ActorRegistry
    from newsledger.actors.resolve import resolve_statements
    from newsledger.evaluate import read_polnear

    items = load_sample()
    gold = {a.name: a for a in read_polnear(shared_path("data", "polnear", "dev"))}
    nlp = rules_analyzer.nlp
    speakers: dict[str, list] = {}
    for article in _sample_articles(shared_path, items):
        doc = rules_analyzer.make_doc(article.text, article.published)
        for name, component in nlp.pipeline:
            if name == "newsledger_speakers":
                doc._.statements = gold_statements(doc, gold[article.path])
                component(doc)
                break
            if not name.startswith("newsledger_") or name == "newsledger_timex":
                doc = component(doc)
        statements = resolve_statements(article, doc._.statements, registry=ActorRegistry())
        speakers[article.path] = [s.speaker for s in statements if s.speaker is not None]
    counts, errors = score(items, speakers)
    share, summary = report("speaker sample, gold sources", counts, errors, len(items))
    assert counts["missing"] == 0, summary  # every sampled source is a gold source
    assert share >= GOLD_MEASURED - MARGIN, summary


# --------------------------------------------------------------------------- ingest all dev
# name_key forms of a second Trump or Clinton (titles included); "Donand Trump" is a typo
# in one dev text and stays a separate actor, which this test does not count.
_TRUMP = {"trump", "donaldtrump", "donaldjtrump", "mrtrump"}
_CLINTON = {"clinton", "hillaryclinton", "hillaryrodhamclinton", "hillary", "mrsclinton",
            "secretaryclinton"}


def test_trump_and_clinton_are_one_actor_each_after_ingesting_dev(dev_analysed, shared_path, tmp_path):
    from newsledger.ingest import ingest
    from newsledger.store import Ledger
    from newsledger.store.actors import list_actors

    text_dir = shared_path("data", "polnear", "dev", "text")
    ledger = Ledger(tmp_path / "dev.db")
    started = time.perf_counter()
    summary = ingest([str(text_dir)], ledger, dev_analysed)  # what the default pipeline found
    seconds = time.perf_counter() - started
    assert summary.added == 84, summary

    people = list_actors(ledger, kind="person")
    trumps = [a for a in people if name_key(a["name"]) in _TRUMP]
    clintons = [a for a in people if name_key(a["name"]) in _CLINTON]
    report = (f"ingested {summary.added} articles, {summary.statements} statements in {seconds:.0f} s; "
              f"Trump actors: {[(a['name'], a['id'], a['statements']) for a in trumps]}; "
              f"Clinton actors: {[(a['name'], a['id'], a['statements']) for a in clintons]}")
    print("\n" + report)
    assert [name_key(a["name"]) for a in trumps] == ["donaldtrump"], report
    assert [name_key(a["name"]) for a in clintons] == ["hillaryclinton"], report
