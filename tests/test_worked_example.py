"""The worked example, read as a user would (issue 2, point 9).

../shared/data/examples/2024-03-10-nato-red-line.txt is read with the sources
stage and analysed with the full pipeline. Each statement the issue names must be
found once, with the right speaker (the words in the sentence, the resolved name,
the kind), the cue, a content that covers the reported words and stays clear of
the source and cue, and the quote kind; every offset must give the recorded words
back from the stored text. The outlet's closing paragraph yields no statement
with an invented speaker.

Not checked here: act, condition, negation, venue and date (tested elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from newsledger.model import Article, Problem, Statement
from newsledger.sources import read_paths

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")

# Skip (fail under CI=true) before the pipeline loads when the example is absent.
pytestmark = pytest.mark.shared(*EXAMPLE)


@pytest.fixture(scope="module")
def example(analyzer, shared_path) -> tuple[Article, list[Statement]]:
    path = shared_path(*EXAMPLE)
    items = list(read_paths([str(path)]))
    problems = [item for item in items if isinstance(item, Problem)]
    articles = [item for item in items if isinstance(item, Article)]
    assert not problems, [str(p) for p in problems]
    assert len(articles) == 1
    article = articles[0]
    return article, analyzer.analyze(article)


@dataclass(frozen=True)
class Expected:
    """One statement of the example.

    ``sentence`` is the whole sentence (unique in the text): the cue lies in it, and
    so does the content unless ``content_max`` says otherwise. ``mention``
    is the shortest speaker phrase accepted and ``mention_max`` the longest (the
    mention must contain the first and lie within the second). ``cue``/``cue_max``
    likewise. ``content`` must be covered; the content must lie within
    ``content_max`` and hold none of ``not_content``.
    """

    sentence: str
    mention: str
    name: str
    kind: str
    cue: str
    content: str
    quote: str
    mention_max: str | None = None
    cue_max: str | None = None
    content_max: str | None = None
    not_content: tuple[str, ...] = ()


EXPECTED = {
    "lee-threat-indirect": Expected(
        sentence="The United States must withdraw from NATO if the alliance sends troops to Ukraine, US Senator "
                 "Mike Lee from Utah indicated in an article for the magazine on March 9 The American "
                 "Conservative.",
        mention="Mike Lee", mention_max="US Senator Mike Lee from Utah", name="Mike Lee", kind="person",
        cue="indicated",
        content="The United States must withdraw from NATO if the alliance sends troops to Ukraine",
        content_max="The United States must withdraw from NATO if the alliance sends troops to Ukraine,",
        quote="indirect"),
    "lee-threat-direct": Expected(
        sentence="“We must draw a red line with NATO: either Ukraine or the United States. If the allies send "
                 "troops into Ukraine, we must completely withdraw from NATO,” he said.",
        mention="he", name="Mike Lee", kind="person", cue="said",
        content="We must draw a red line with NATO: either Ukraine or the United States. If the allies send "
                "troops into Ukraine, we must completely withdraw from NATO",
        content_max="“We must draw a red line with NATO: either Ukraine or the United States. If the allies "
                    "send troops into Ukraine, we must completely withdraw from NATO,”",
        quote="direct"),
    "lee-belief": Expected(
        sentence="The politician believes that European NATO member countries do not have the right to drag "
                 "the United States into a potentially nuclear conflict over Ukraine.",
        mention="The politician", name="Mike Lee", kind="person", cue="believes",
        content="European NATO member countries do not have the right to drag the United States into a "
                "potentially nuclear conflict over Ukraine",
        quote="indirect"),
    "lee-emphasis": Expected(
        sentence="Among other things, Lee emphasized that the North Atlantic Alliance should not even consider "
                 "Ukraine’s candidacy, since they are not suitable for joining the military bloc by any criteria.",
        mention="Lee", name="Mike Lee", kind="person", cue="emphasized",
        content="the North Atlantic Alliance should not even consider Ukraine’s candidacy",
        content_max="that the North Atlantic Alliance should not even consider Ukraine’s candidacy, since they "
                    "are not suitable for joining the military bloc by any criteria",
        not_content=("Among other things",), quote="indirect"),
    "macron-statement": Expected(
        sentence="French President Emmanuel Macron said on February 26 that Western leaders have discussed the "
                 "possibility of sending their troops to Ukraine.",
        mention="Emmanuel Macron", mention_max="French President Emmanuel Macron", name="Emmanuel Macron",
        kind="person", cue="said",
        content="Western leaders have discussed the possibility of sending their troops to Ukraine",
        not_content=("on February 26",), quote="indirect"),
    "macron-quote": Expected(
        sentence="According to him, “nothing can be ruled out in the development of the situation.”",
        mention="him", name="Emmanuel Macron", kind="person", cue="According to",
        content="nothing can be ruled out in the development of the situation",
        content_max="“nothing can be ruled out in the development of the situation.”", quote="direct"),
    "countries-denial": Expected(
        sentence="However, in a number of countries, including the USA, Germany and the UK, the possibility of "
                 "such a scenario was denied.",
        mention="countries", mention_max="a number of countries, including the USA, Germany and the UK",
        name=None, kind="group", cue="denied", cue_max="was denied",
        content="the possibility of such a scenario", quote="indirect"),
    "stoltenberg-denial": Expected(
        sentence="In addition, NATO Secretary General Jens Stoltenberg stated that there are no such plans.",
        mention="Jens Stoltenberg", mention_max="NATO Secretary General Jens Stoltenberg",
        name="Jens Stoltenberg", kind="person", cue="stated", content="there are no such plans",
        not_content=("In addition",), quote="indirect"),
    "macron-rules-out": Expected(
        sentence="Later, Macron himself ruled out sending troops to Ukraine in the near future.",
        mention="Macron", mention_max="Macron himself", name="Emmanuel Macron", kind="person",
        cue="ruled out", content="sending troops to Ukraine", not_content=("Later",), quote="indirect"),
    "putin-warning": Expected(
        sentence="Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to Ukraine.",
        mention="Vladimir Putin", mention_max="Russian President Vladimir Putin", name="Vladimir Putin",
        kind="person", cue="warned", cue_max="warned of", content="tragic consequences", quote="indirect"),
    "putin-emphasis": Expected(
        sentence="He emphasized that the Russian Federation has weapons that can hit targets on the territories "
                 "of the alliance countries.",
        mention="He", name="Vladimir Putin", kind="person", cue="emphasized",
        content="the Russian Federation has weapons that can hit targets on the territories of the alliance "
                "countries", quote="indirect"),
    "politico-report": Expected(
        sentence="At the same time, on March 8, Politico learned that France was creating a new coalition of "
                 "countries that would be ready to send troops to Ukraine if necessary.",
        mention="Politico", name="Politico", kind="media", cue="learned",
        content="France was creating a new coalition of countries that would be ready to send troops to "
                "Ukraine if necessary", not_content=("on March 8",), quote="indirect"),
    "politico-note": Expected(
        sentence="Kyiv is not currently asking for Western troops, it only needs ammunition, but everything can "
                 "change, the material notes.",
        mention="the material", name="Politico", kind="media", cue="notes",
        content="Kyiv is not currently asking for Western troops, it only needs ammunition, but everything can "
                "change", quote="indirect"),
}

CLOSING = "Western countries have strengthened their military and financial support for Kyiv"


# --- helpers -------------------------------------------------------------------------


def span_of(text: str, phrase: str, within: tuple[int, int] | None = None) -> tuple[int, int]:
    """The span of ``phrase`` as whole words, which must occur once in ``text`` (or in ``within``)."""
    lo, hi = within or (0, len(text))
    pattern = (r"\b" if phrase[0].isalnum() else "") + re.escape(phrase) + (r"\b" if phrase[-1].isalnum() else "")
    hits = list(re.finditer(pattern, text[lo:hi]))
    assert len(hits) == 1, f"{phrase!r} must occur once, found {len(hits)}"
    return lo + hits[0].start(), lo + hits[0].end()


def inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covered(st: Statement, span: tuple[int, int]) -> bool:
    return all(any(s <= i < e for s, e in st.content_spans) for i in range(*span))


def find(article: Article, statements: list[Statement], exp: Expected) -> Statement:
    sentence = span_of(article.text, exp.sentence)
    found = [st for st in statements
             if inside(st.cue_span, sentence) and exp.cue.lower() in st.cue.lower()]
    assert len(found) == 1, (f"expected one statement with cue {exp.cue!r} in {exp.sentence!r}, got "
                             f"{[(st.speaker.text if st.speaker else None, st.cue, st.content) for st in found]}")
    return found[0]


# --- the statements ------------------------------------------------------------------


@pytest.mark.parametrize("key", list(EXPECTED))
def test_statement(example, key):
    article, statements = example
    text = article.text
    exp = EXPECTED[key]
    sentence = span_of(text, exp.sentence)
    st = find(article, statements, exp)

    # speaker: the words in this sentence, resolved to the right actor
    sp = st.speaker
    assert sp is not None, f"{key}: no speaker"
    assert text[sp.span[0]:sp.span[1]] == sp.text
    assert exp.mention in sp.text, sp
    assert inside(sp.span, span_of(text, exp.mention_max or exp.mention, sentence)), sp
    if exp.name is not None:
        assert sp.name == exp.name, sp
    assert sp.kind == exp.kind, sp

    # cue
    assert text[st.cue_span[0]:st.cue_span[1]] == st.cue
    assert exp.cue.lower() in st.cue.lower()
    assert inside(st.cue_span, span_of(text, exp.cue_max or exp.cue, sentence)), st.cue

    # content
    assert covered(st, span_of(text, exp.content)), f"{key}: content {st.content!r} misses {exp.content!r}"
    limit = span_of(text, exp.content_max) if exp.content_max else sentence
    for s, e in st.content_spans:
        assert inside((s, e), limit), f"{key}: content {text[s:e]!r} runs past {text[limit[0]:limit[1]]!r}"
        assert not overlaps((s, e), sp.span), f"{key}: the content holds the source"
        assert not overlaps((s, e), st.cue_span), f"{key}: the content holds the cue"
    for phrase in exp.not_content:
        span = span_of(text, phrase, sentence)
        assert not any(overlaps(span, piece) for piece in st.content_spans), f"{key}: content holds {phrase!r}"

    assert st.quote == exp.quote, f"{key}: quote {st.quote}"


def test_putin_warning_keeps_its_condition_outside_the_content(example):
    """Issue 3: in "warned of tragic consequences if NATO troops were sent to Ukraine" the
    condition sits in the cue's clause, outside the content, and is recorded as the condition."""
    article, statements = example
    st = find(article, statements, EXPECTED["putin-warning"])
    assert st.content == "tragic consequences"
    assert st.condition is not None
    start, end = st.condition.span
    assert article.text[start:end] == st.condition.text
    assert "NATO troops were sent to Ukraine" in st.condition.text


def test_no_statement_beyond_the_expected_ones(example):
    """Every statement found is one the issue names (no spurious attributions), once."""
    article, statements = example
    expected = [find(article, statements, exp) for exp in EXPECTED.values()]
    assert len({id(st) for st in expected}) == len(EXPECTED)
    extra = [(st.speaker.text if st.speaker else None, st.cue, st.content)
             for st in statements if not any(st is e for e in expected)]
    assert not extra, extra


def test_lee_speaks_four_times_macron_three_putin_twice(example):
    _, statements = example
    names = [st.speaker.name for st in statements if st.speaker is not None]
    assert names.count("Mike Lee") == 4
    assert names.count("Emmanuel Macron") == 3
    assert names.count("Vladimir Putin") == 2
    assert names.count("Jens Stoltenberg") == 1
    assert names.count("Politico") == 2


# --- offsets, header, closing paragraph ----------------------------------------------


def test_every_offset_gives_the_words_back(example):
    article, statements = example
    text = article.text
    assert statements
    for st in statements:
        assert text[st.cue_span[0]:st.cue_span[1]] == st.cue
        if st.speaker is not None:
            assert text[st.speaker.span[0]:st.speaker.span[1]] == st.speaker.text
        pieces = [text[s:e] for s, e in st.content_spans]
        assert all(pieces)
        if len(pieces) == 1:
            assert pieces[0] == st.content
        else:
            assert all(piece in st.content for piece in pieces)


def test_stored_text_is_the_file_exactly(example, shared_path):
    article, _ = example
    raw = shared_path(*EXAMPLE).read_bytes().decode("utf-8")
    assert article.text == raw
    assert article.published is not None and article.published.isoformat() == "2024-03-10"


def test_header_is_not_part_of_any_statement(example):
    article, statements = example
    header = span_of(article.text, "date 2024-03-10")
    assert article.body_start >= header[1]
    for st in statements:
        spans = [st.cue_span, *st.content_spans]
        if st.speaker is not None:
            spans += [st.speaker.span, *st.speaker.chain]
        for span in spans:
            assert not overlaps(span, header), (st.cue, st.content, span)
            assert span[0] >= article.body_start, (st.cue, st.content, span)
        assert "2024-03-10" not in st.content


def test_closing_paragraph_has_no_invented_speaker(example):
    """The last paragraph is the outlet's own voice: it yields no statement with an
    invented speaker (none, or one not named in that paragraph), and its framing
    ("Western countries have strengthened …") is nobody's content."""
    article, statements = example
    text = article.text
    start = text.index(CLOSING)
    closing = (start, len(text))
    framing = span_of(text, CLOSING)
    for st in statements:
        assert not any(overlaps(framing, piece) for piece in st.content_spans), st.content
        if not inside(st.cue_span, closing):
            continue
        assert st.speaker is not None, f"speakerless statement in the closing paragraph: {st.content!r}"
        assert inside(st.speaker.span, closing) and st.speaker.kind != "unknown", st.speaker


def test_closing_paragraph_yields_no_statement(example):
    """Stricter than the issue's wording: no statement at all has its cue in the
    outlet's closing paragraph. (Should "the start of which was announced by the
    Russian President" ever be read as an attribution with a real speaker, the
    issue would allow it and this test is the one to revisit.)"""
    article, statements = example
    closing = (article.text.index(CLOSING), len(article.text))
    found = [(st.speaker.text if st.speaker else None, st.cue, st.content)
             for st in statements if overlaps(st.cue_span, closing)]
    assert not found, found
