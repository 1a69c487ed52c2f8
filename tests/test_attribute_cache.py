"""The cached attribute ruler (``newsledger.nlp.attribute_cache``) gives every token the
same part of speech, morphology and lemma as spaCy's own ``attribute_ruler``."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG

from newsledger.nlp.attribute_cache import CachedAttributeRuler, speed_up_attribute_ruler
from newsledger.nlp.pipeline import load_base_model

SENTENCES = [
    "Sen. Mike Lee said on Sunday that the US would send troops if Russia crossed the line.",
    "\"We ain't gonna back down,\" he told reporters, \"and y'all know it.\"",
    "Let's be clear: there is no plan, and there were never any talks, the Kremlin said.",
    "C'mon, we gotta go -- nothin' is settled, she wrote on Telegram.",
    "I'm not sure we'll ever know what they'd've done.",
    "   \n\n   ",
    "",
    "NATO's Secretary General Jens Stoltenberg warned of \"tragic consequences\".",
]


@pytest.fixture(scope="module")
def two_models():
    stock, _ = load_base_model()
    cached, _ = load_base_model()
    assert speed_up_attribute_ruler(cached)
    assert isinstance(cached.get_pipe("attribute_ruler"), CachedAttributeRuler)
    return stock, cached


def _same_tokens(stock, cached, texts):
    for a, b in zip(stock.pipe(texts), cached.pipe(texts)):
        assert [t.text for t in a] == [t.text for t in b]
        for attr, name in ((POS, "pos_"), (MORPH, "morph"), (LEMMA, "lemma_"), (TAG, "tag_")):
            if not np.array_equal(a.to_array(attr), b.to_array(attr)):
                diff = [(x.text, getattr(x, name), getattr(y, name)) for x, y in zip(a, b)
                        if getattr(x, name) != getattr(y, name)]
                pytest.fail(f"{name} differs in {a.text[:60]!r}: {diff[:5]}")


def test_same_annotations_on_news_and_colloquial_sentences(two_models):
    stock, cached = two_models
    _same_tokens(stock, cached, SENTENCES)
    _same_tokens(stock, cached, SENTENCES)  # the second time from the cache


def test_same_annotations_on_polnear_articles(two_models, shared_path):
    stock, cached = two_models
    folder = shared_path("data", "polnear", "dev", "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:20]]
    _same_tokens(stock, cached, texts)


def test_rules_added_later_are_applied(two_models):
    stock, cached = two_models
    for nlp in (stock, cached):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "telegram"}]], {"LEMMA": "telegram-app"})
    doc = cached("She wrote on Telegram.")
    assert [t.lemma_ for t in doc if t.lower_ == "telegram"] == ["telegram-app"]
    _same_tokens(stock, cached, SENTENCES)


def test_a_pipeline_without_an_attribute_ruler_is_left_alone():
    nlp = spacy.blank("en")
    assert speed_up_attribute_ruler(nlp) is False
