"""The tokenizer guard (issue 10, hostile input): a whitespace-free run longer than any
word is cut into tokens the tokenizer's rules never see (spaCy's prefix and suffix
stripping is quadratic on runs like "€€€…"); every other text is tokenized as spaCy does,
and the text, so every offset, is unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile_inputs import SENTENCES
from newsledger.nlp.long_runs import MAX_RUN_CHARS, LongRunGuard
from newsledger.nlp.pipeline import load_base_model


@pytest.fixture(scope="module")
def spacy_tokenizer():
    nlp, _ = load_base_model()
    return nlp.tokenizer


@pytest.fixture(scope="module")
def guard(spacy_tokenizer):
    return LongRunGuard(spacy_tokenizer)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_news_sentences_are_tokenized_exactly_as_spacy_does(guard, spacy_tokenizer, sentence):
    text = f"{sentence}\n\n  {sentence} (https://www.example.com/2024/03/10/nato-red-line)"
    assert [(t.text, t.whitespace_) for t in guard(text)] == \
           [(t.text, t.whitespace_) for t in spacy_tokenizer(text)]


@pytest.mark.parametrize("run", ["€" * 20_000, "ab-" * 5_000, "x" * (MAX_RUN_CHARS + 1), "\u0301" * 3_000])
def test_a_long_run_is_cut_into_short_tokens_and_the_text_kept(guard, spacy_tokenizer, run):
    text = f"{SENTENCES[0]} {run}  {SENTENCES[1]}"
    doc = guard(text)
    assert doc.text == text
    assert all(len(t) <= MAX_RUN_CHARS for t in doc)
    pieces = [t.text for t in doc if set(t.text) <= set(run)]
    assert "".join(pieces).endswith(run)
    # the sentences around the run are tokenized as spaCy tokenizes them
    first = [t.text for t in spacy_tokenizer(SENTENCES[0])]
    assert [t.text for t in doc[:len(first)]] == first


@given(words=st.lists(st.sampled_from(["€" * 150, "Lee", "said", "x" * 101, " ", "\n", "(", "—" * 120]),
                      min_size=1, max_size=12))
def test_offsets_survive_any_mix_of_runs_and_words(guard, words):
    text = " ".join(words)
    doc = guard(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token)] == token.text


def test_max_chars_must_be_positive(spacy_tokenizer):
    with pytest.raises(ValueError):
        LongRunGuard(spacy_tokenizer, max_chars=0)


@pytest.mark.parametrize("run", ["-" * 20_000, "ab-" * 3_000, "€" * 500])
def test_the_tagger_reads_a_long_run_as_one_piece(run):
    """The learned taggers word-piece the text themselves: a run of dashes would be
    20,000 pieces (100 windows of the accurate tagger); it is one piece spanning the run."""
    from newsledger import resources
    from newsledger.nlp.learned.data import encode_text
    from newsledger.nlp.learned.runtime import MODEL, PieceTokenizer

    tokenizer = PieceTokenizer(str(resources.model_file(MODEL + ".tokenizer")))
    text = f"{SENTENCES[0]} {run} {SENTENCES[1]}"
    encoded = encode_text(tokenizer, text)
    start = text.index(run)
    inside = [(s, e) for s, e in encoded.offsets if start <= s < start + len(run)]
    assert inside == [(start, start + len(run))]
    plain = encode_text(tokenizer, f"{SENTENCES[0]} {SENTENCES[1]}")
    assert len(encoded.ids) == len(plain.ids) + 1
    for s, e in encoded.offsets:
        assert 0 <= s < e <= len(text)
