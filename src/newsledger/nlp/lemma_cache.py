"""The same lemmas as spaCy's rule lemmatizer, looked up once per kind of token.

en_core_web_sm's ``lemmatizer`` (rule mode) lemmatizes token by token in Python: it makes
a ``Token`` for every word, and remembers its answer only for words that go through its
suffix rules; a word it returns early (a singular noun, an infinitive, a positive
adjective, a space, a proper noun of a part of speech without rules) is worked out again
each time it occurs. On PolNeAR that is about a tenth of the stock pipeline's time.

A rule lemma depends only on the word, its part of speech and its morphology (spaCy's own
cache key), so :class:`CachedLemmatizer` reads those three columns of the Doc at once,
asks the stock lemmatizer once per distinct triple, and writes the lemma column back:
tokens that already have a lemma (set by the attribute ruler) keep it unless the
lemmatizer is configured to overwrite, as in spaCy. The cache is bounded.
``tests/test_lemma_cache.py`` compares every lemma with the stock component's.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_CACHE_LIMIT = 500_000  # entries kept before the cache starts again (memory stays bounded)


class CachedLemmatizer(Lemmatizer):
    """spaCy's lemmatizer (any language subclass) with one lookup per (word, part of
    speech, morphology); rule mode only, other modes run as in spaCy."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or len(doc) == 0:
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        keys = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = keys[:, 3].copy()
        wanted = np.arange(len(doc)) if self.overwrite else np.flatnonzero(lemmas == 0)
        known = self.__dict__.setdefault("_lemma_of", {})
        if len(known) > _CACHE_LIMIT:
            known.clear()
        for i in wanted:
            key = (int(keys[i, 0]), int(keys[i, 1]), int(keys[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = self.vocab.strings.add(self.lemmatize(doc[int(i)])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def speed_up_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Give the pipeline's rule lemmatizer the cached ``__call__``; False if it has none."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    # A subclass of the class it has (EnglishLemmatizer's base forms stay), made once.
    cached = _CACHED_CLASSES.get(type(lemmatizer))
    if cached is None:
        cached = type(f"Cached{type(lemmatizer).__name__}", (CachedLemmatizer, type(lemmatizer)), {})
        _CACHED_CLASSES[type(lemmatizer)] = cached
    lemmatizer.__class__ = cached
    return True


_CACHED_CLASSES: dict[type, type] = {}
