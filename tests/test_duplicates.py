"""Tests of ``newsledger.analysis.duplicates``: one story in many copies, found with MinHash LSH.

The story and its copies are fictional, written for these tests.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from newsledger.analysis.duplicates import (
    DEFAULT,
    Fingerprint,
    Settings,
    StoryIndex,
    band_keys,
    carried_statements,
    find_stories,
    fingerprint,
    same_story,
    shingles,
    similarity,
)
from newsledger.model import Article, Mention, Statement

WIRE = (
    "The regional water board voted on Thursday to ration irrigation in the Tessaly valley for the "
    "rest of the summer, after three months without rain left the Orvan reservoir at a fifth of its "
    "capacity. Board chair Lidia Morrow said farmers would receive forty percent of their usual "
    "allocation from the first of July. \u201cWe cannot promise water that is not there,\u201d Morrow "
    "told a packed meeting in the town of Keswin. The farmers' cooperative warned that orchards could "
    "be lost if the cuts lasted into September, and said it would ask the provincial government for "
    "emergency aid. Officials expect to review the rationing plan in August, when new forecasts for "
    "the autumn rains are published."
)
# Lightly edited copies: a verb and a place changed, a clause cut; a dateline added and the
# ending rewritten; re-wrapped with different spacing and case.
COPY_POST = (WIRE.replace("voted on Thursday", "decided on Thursday")
             .replace("a packed meeting in the town of Keswin", "a crowded meeting in Keswin")
             .replace(", and said it would ask the provincial government for emergency aid", ""))
COPY_TIMES = ("KESWIN (Valley Wire) \u2014 " + WIRE.replace(
    "Officials expect to review the rationing plan in August, when new forecasts for the autumn "
    "rains are published.", "The board will meet again in August.")).replace(". ", ".\n\n")
# Same people and topic, different words: another story, not a copy.
FOLLOW_UP = (
    "Farmers in Keswin protested outside the offices of the Tessaly water board on Friday, a day "
    "after it cut irrigation for the summer. Lidia Morrow, who chairs the board, defended the "
    "rationing and said the Orvan reservoir was lower than in any summer since 1976. A spokesman "
    "for the farmers' cooperative said its members had already lost a third of their cherries."
)
UNRELATED = [
    "The Keswin town council approved a new bus route to the hospital on Monday, and the first "
    "buses will run in October, the transport office said in a statement.",
    "A storm knocked out power to four thousand homes along the northern coast overnight, and "
    "crews expected to restore it by Sunday evening, the electricity company said.",
    "The museum in Orvan will reopen its medieval gallery next spring after a two year renovation "
    "paid for by a private donor, its director announced on Wednesday.",
]


def articles() -> list[Article]:
    found = [
        Article(WIRE, outlet="Valley Wire", published=date(2024, 6, 13), title="Water board rations irrigation"),
        Article(COPY_POST, outlet="Keswin Post", published=date(2024, 6, 14), title="Farmers to get 40% of water"),
        Article(COPY_TIMES, outlet="Tessaly Times", published=date(2024, 6, 13), title="Irrigation rationed"),
        Article(FOLLOW_UP, outlet="Keswin Post", published=date(2024, 6, 14)),
    ]
    found += [Article(text, outlet="Coast Herald", published=date(2024, 6, 10 + n)) for n, text in enumerate(UNRELATED)]
    return found


def test_three_edited_copies_are_one_story_and_the_rest_stand_alone():
    stories = find_stories(articles())
    sizes = sorted(story.copies for story in stories)
    assert sizes == [1, 1, 1, 1, 3]
    [story] = [s for s in stories if s.copies == 3]
    assert {a.outlet for a in story.articles} == {"Valley Wire", "Keswin Post", "Tessaly Times"}
    assert story.articles[-1].outlet == "Keswin Post"  # the latest copy comes last
    assert story.id == story.articles[0].id and story.first_published == date(2024, 6, 13)
    assert set(story.outlets) == {"Valley Wire", "Keswin Post", "Tessaly Times"}
    follow_up = [s for s in stories if s.articles[0].text == FOLLOW_UP]
    assert len(follow_up) == 1 and follow_up[0].copies == 1


def test_every_article_is_in_exactly_one_story_in_date_order():
    given = articles()
    stories = find_stories(given)
    ids = [a.id for s in stories for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in given)
    firsts = [s.first_published for s in stories]
    assert firsts == sorted(firsts)


def test_result_does_not_depend_on_order():
    given = articles()
    expected = [[a.id for a in s.articles] for s in find_stories(given)]
    for seed in range(3):
        shuffled = given[:]
        random.Random(seed).shuffle(shuffled)
        assert [[a.id for a in s.articles] for s in find_stories(shuffled)] == expected


def test_an_exact_re_read_counts_once():
    given = articles()
    stories = find_stories(given + [Article(WIRE, outlet="Valley Wire", published=date(2024, 6, 13),
                                            title="Water board rations irrigation")])
    assert sorted(s.copies for s in stories) == [1, 1, 1, 1, 3]


def test_same_text_from_two_outlets_is_one_story():
    a = Article(WIRE, outlet="Valley Wire")
    b = Article(WIRE, outlet="Orvan Evening News")
    [story] = find_stories([a, b])
    assert story.copies == 2 and set(story.outlets) == {"Valley Wire", "Orvan Evening News"}


def test_a_trimmed_copy_is_found_by_containment():
    first_half = WIRE[:WIRE.index(" The farmers' cooperative")]
    jaccard, contained = similarity(fingerprint(WIRE), fingerprint(first_half))
    assert jaccard < 0.8 and contained > 0.8
    [story] = find_stories([Article(WIRE, outlet="Valley Wire"), Article(first_half, outlet="Coast Herald")])
    assert story.copies == 2


def test_short_texts_are_never_linked():
    short = "Updates to follow on the water board."
    assert len(shingles(short)) < DEFAULT.min_shingles
    stories = find_stories([Article(short, outlet="A"), Article(short, outlet="B")])
    assert [s.copies for s in stories] == [1, 1]


def test_the_header_is_not_compared():
    header = "date 2024-06-13\n\n"
    a = Article(header + WIRE, body_start=len(header))
    assert fingerprint(a.body) == fingerprint(WIRE)


def test_shingles_ignore_case_punctuation_and_spacing():
    assert shingles("The Board  voted, on Thursday!") == shingles("the board voted on\nthursday")
    assert shingles("one two three four five six", 5) == {"one two three four five", "two three four five six"}
    assert shingles("only three words", 5) == {"only three words"}
    assert shingles("  ... ") == set()


def test_fingerprint_round_trip_band_keys_and_stability():
    print_ = fingerprint(WIRE)
    assert Fingerprint.from_bytes(print_.to_bytes()) == print_
    assert len(print_.to_bytes()) == 4 + 4 * DEFAULT.num_perm
    keys = band_keys(print_)
    assert len(keys) == DEFAULT.bands and keys == band_keys(fingerprint(WIRE))
    assert similarity(print_, print_) == (1.0, 1.0)
    # Copies share at least one band key; stored keys from another run must still match.
    assert set(keys) & set(band_keys(fingerprint(COPY_POST)))
    assert not set(keys) & set(band_keys(fingerprint(UNRELATED[0])))
    assert DEFAULT.key == "minhash1-affine32-w5-p128-b42x3-s1"
    assert Settings(shingle=4).key != DEFAULT.key


def test_fingerprints_are_the_same_in_every_process():
    # Pinned values: if they change (a datasketch upgrade), stored fingerprints and band keys
    # no longer match new ones, and the store must recompute them (see ``Settings.key``).
    assert fingerprint(WIRE).hashvalues[:3] == (9063683, 154870251, 16741726)
    assert band_keys(fingerprint(WIRE))[0] == "00:5d77c04eef884577"


def test_story_index_links_one_article_at_a_time():
    index = StoryIndex()
    assert index.add("wire", fingerprint(WIRE)) == []
    assert index.add("other", fingerprint(UNRELATED[1])) == []
    matches = index.add("post", fingerprint(COPY_POST))
    assert [key for key, _ in matches] == ["wire"] and matches[0][1] >= 0.5
    assert [key for key, _ in index.add("times", fingerprint(COPY_TIMES))] == ["wire", "post"]
    with pytest.raises(ValueError):
        index.add("wire", fingerprint(WIRE))


def test_same_story_rule():
    assert same_story(fingerprint(WIRE), fingerprint(COPY_POST))
    assert not same_story(fingerprint(WIRE), fingerprint(FOLLOW_UP))


# --- one statement carried by many outlets ------------------------------------------


def statement(article: Article, content: str, speaker: str | None, *, negated: bool = False) -> Statement:
    start = article.text.index(content)
    mention = Mention(speaker, (0, len(speaker)), name=speaker, kind="person") if speaker else None
    return Statement(cue="said", cue_span=(0, 4), content=content, content_spans=[(start, start + len(content))],
                     speaker=mention, negated=negated)


def test_a_statement_in_three_copies_is_one_statement_carried_by_three_outlets():
    wire, post, times = articles()[:3]
    quote = "We cannot promise water that is not there"
    claim_wire = "farmers would receive forty percent of their usual allocation from the first of July"
    copies = [
        (wire, [statement(wire, quote, "Lidia Morrow"), statement(wire, claim_wire, "Lidia Morrow")]),
        (times, [statement(times, quote, "Lidia Morrow"), statement(times, claim_wire, None)]),
        (post, [statement(post, quote, "Lidia Morrow"),
                statement(post, "orchards could be lost if the cuts lasted into September", "farmers' cooperative")]),
    ]
    carried = carried_statements(copies)
    assert [len(c.copies) for c in carried] == [3, 2, 1]
    assert carried[0].outlets == ["Valley Wire", "Tessaly Times", "Keswin Post"]
    assert carried[0].first[0] is wire


def test_statements_are_not_merged_across_speakers_negation_or_within_one_article():
    wire, post = articles()[:2]
    quote = "We cannot promise water that is not there"
    copies = [
        (wire, [statement(wire, quote, "Lidia Morrow"), statement(wire, quote, "Lidia Morrow")]),
        (post, [statement(post, quote, "Tomas Vell"), statement(post, quote, "Lidia Morrow", negated=True)]),
    ]
    assert [len(c.copies) for c in carried_statements(copies)] == [1, 1, 1, 1]
