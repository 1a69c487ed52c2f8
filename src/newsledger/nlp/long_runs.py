"""A tokenizer guard against overlong runs of characters without whitespace.

spaCy's rule-based tokenizer strips prefixes and suffixes from a whitespace-free chunk
one character at a time, copying the rest of the chunk each time: on a run of currency
signs or punctuation ("€€€…") its time grows with the square of the run's length (20,000
"€" take about 2.5 minutes on one core, a megabyte of them days). No word of news is
that long, so :class:`LongRunGuard` cuts every chunk longer than ``max_chars`` into
tokens of at most ``max_chars`` characters that the tokenizer's rules never see;
everything else is tokenized exactly as spaCy would. The text, and so every character
offset, is unchanged: only where the long run's token boundaries fall differs.

What is not guarded: a text of many short chunks is linear for spaCy and needs no guard;
the size of the whole article is limited elsewhere (``--max-bytes`` and spaCy's
``nlp.max_length``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

#: Longer than a long URL's path segment, far longer than any word.
MAX_RUN_CHARS = 100
#: A whitespace-free run longer than that (the learned taggers read it as one piece too).
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


class LongRunGuard:
    """Wraps a spaCy tokenizer (``nlp.tokenizer = LongRunGuard(nlp.tokenizer)``)."""

    def __init__(self, tokenizer: Any, max_chars: int = MAX_RUN_CHARS) -> None:
        if max_chars < 1:
            raise ValueError("max_chars must be at least 1")
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_chars = max_chars
        self._long_run = re.compile(r"\S{%d,}" % (max_chars + 1))

    def __call__(self, text: str) -> Doc:
        if self._long_run.search(text) is None:  # the common case: spaCy's own tokenizer
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        at = 0
        for run in self._long_run.finditer(text):
            self._tokenize(text[at:run.start()], words, spaces)
            for piece in range(run.start(), run.end(), self.max_chars):
                words.append(text[piece:min(piece + self.max_chars, run.end())])
                spaces.append(False)
            at = run.end()
        self._tokenize(text[at:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _tokenize(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        """Append the tokens of ``segment`` (which follows the last token appended)."""
        if segment.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True  # the space after a long run is that token's trailing space
            segment = segment[1:]
        if not segment:
            return
        for token in self.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    # spaCy calls these on its tokenizer when a pipeline is saved or copied.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> LongRunGuard:
        self.tokenizer.from_bytes(data, **kwargs)
        return self
