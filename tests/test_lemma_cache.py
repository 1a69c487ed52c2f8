"""The cached lemmatizer (``newsledger.nlp.lemma_cache``) gives every token the same lemma
as spaCy's own rule lemmatizer, on news, colloquial text and PolNeAR articles."""

from __future__ import annotations

import pytest
import spacy

from test_attribute_cache import SENTENCES as RULER_SENTENCES
from test_attribute_cache import _same_tokens

from newsledger.nlp.lemma_cache import CachedLemmatizer, speed_up_lemmatizer
from newsledger.nlp.pipeline import load_base_model

# The attribute ruler's test sentences, and plurals and comparatives the suffix rules handle.
SENTENCES = RULER_SENTENCES + [
    "The ministers were warning of worse crises; the geese flew, the mice hid, the children ran.",
    "Better, best, worst: the leaves were falling and the wolves' howls grew louder.",
]


@pytest.fixture(scope="module")
def two_models():
    stock, _ = load_base_model()
    cached, _ = load_base_model()
    assert speed_up_lemmatizer(cached)
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    assert type(cached.get_pipe("lemmatizer")).__mro__[2] is type(stock.get_pipe("lemmatizer"))
    return stock, cached


def test_same_lemmas_on_news_and_colloquial_sentences(two_models):
    stock, cached = two_models
    _same_tokens(stock, cached, SENTENCES)
    _same_tokens(stock, cached, SENTENCES)  # the second time from the cache
    doc = cached("The geese were flying south.")
    assert [t.lemma_ for t in doc] == ["the", "goose", "be", "fly", "south", "."]


def test_same_lemmas_on_polnear_articles(two_models, shared_path):
    stock, cached = two_models
    for split in ("dev", "train"):
        folder = shared_path("data", "polnear", split, "text")
        _same_tokens(stock, cached, [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:15]])


def test_overwrite_mode_replaces_the_attribute_rulers_lemmas_as_spacy_does(two_models):
    stock, cached = two_models
    for nlp in (stock, cached):
        nlp.get_pipe("lemmatizer").overwrite = True
    try:
        _same_tokens(stock, cached, SENTENCES)
    finally:
        for nlp in (stock, cached):
            nlp.get_pipe("lemmatizer").overwrite = False


def test_a_pipeline_without_a_rule_lemmatizer_is_left_alone():
    assert speed_up_lemmatizer(spacy.blank("en")) is False
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert speed_up_lemmatizer(nlp) is False
