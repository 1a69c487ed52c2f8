"""Per-token probabilities of the fast tagger -> statements (the shared decoder).

Split from :mod:`.fast` so the component and training (``fast_train``, which
scores dev through :func:`decode_probs`) decode exactly alike.
"""

from __future__ import annotations

import numpy as np

from newsledger.model import Statement
from newsledger.nlp.quotes import Quote

from .data import B, I, O, Encoded
from .decode import statements_from_tags

MIN_FRAGMENT = 2  # shortest continuation fragment kept (clean_tags)
MAX_FRAGMENT_GAP = 6  # most tokens between a continuation fragment and its span (clean_tags)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis."""
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def clean_tags(tags: np.ndarray, min_fragment: int = MIN_FRAGMENT, max_gap: int = MAX_FRAGMENT_GAP) -> np.ndarray:
    """``tags`` with the continuation fragments a token tagger leaves made explicit.

    For the decoder a run of ``I`` after an ``O`` continues the layer's previous span
    when it is at most 12 pieces away (a quotation split by "he said"). Pieces are
    word pieces there, shorter than spaCy tokens, and the tagger here often opens a
    span with ``I`` instead of ``B``; so such a run starting more than ``max_gap``
    tokens after the layer's previous tagged token becomes a span of its own (its
    first tag set to ``B``), and one shorter than ``min_fragment`` tokens is dropped.
    Spans opened by ``B`` are left alone.
    """
    tags = tags.copy()
    for col in tags.T:  # views: edits go to ``tags``
        tagged = np.flatnonzero(col)
        if not len(tagged):
            continue
        prev = col[np.maximum(tagged - 1, 0)]
        starts = tagged[(col[tagged] == I) & ((tagged == 0) | (prev == O))]
        for a in starts.tolist():
            b = a
            while b < len(col) and col[b] == I:
                b += 1
            before = np.flatnonzero(col[max(0, a - max_gap - 1):a])
            if b - a < min_fragment:
                col[a:b] = O
            elif not len(before):
                col[a] = B
    return tags


def decode_probs(text: str, offsets: np.ndarray, sentences: list[tuple[int, int]], probs: np.ndarray,
           quotes: list[Quote], body_start: int = 0) -> list[Statement]:
    """Statements from per-token probabilities ``[tokens, 3, 3]``: argmax, header tokens
    set to ``O``, :func:`clean_tags`, then the shared decoder. Training scores dev
    through this same function."""
    tags = probs.argmax(-1)
    if body_start:
        tags[offsets[:, 0] < body_start] = O
    enc = Encoded(text=text, ids=[], offsets=offsets.tolist(), sentences=sentences)
    return statements_from_tags(enc, clean_tags(tags).tolist(), probs, quotes, rule="fast")
