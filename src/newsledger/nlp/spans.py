"""Small helpers that turn sets of tokens into character spans of the Doc text."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import Span
from .quotes import Quote, find_quotes

# Punctuation that never starts or ends a content, source or cue span.
EDGE_PUNCT = set(",;:—–-―…()[]{}") | {"'", "''", "``"}
QUOTE_MARKS = set('"“”„‘’«»')

_TEXT_KEY = "newsledger.text"
_QUOTES_KEY = "newsledger.quotes"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy rebuilds ``Doc.text`` from every token on each access; components slice it
    hundreds of times per article, so the string is cached in ``doc.user_data``.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Cache ``text`` as the Doc's text for :func:`doc_text`; only for a Doc just made
    from exactly that string (spaCy's tokenizer keeps every character, so they agree)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_quotes(doc: Doc) -> list[Quote]:
    """The outermost quoted passages of the Doc's body (:func:`quotes.find_quotes` from
    ``doc._.body_start``), found once per Doc: the attribution, speaker and tagger
    components all read them."""
    quotes = doc.user_data.get(_QUOTES_KEY)
    if quotes is None:
        body_start = getattr(doc._, "body_start", 0) or 0  # 0 when the extension is not registered
        quotes = doc.user_data[_QUOTES_KEY] = find_quotes(doc_text(doc), body_start)
    return quotes


def is_edge_junk(token: Token, keep_quotes: bool = False) -> bool:
    if token.is_space:
        return True
    if token.text in QUOTE_MARKS:
        return not keep_quotes
    return token.is_punct and (token.text in EDGE_PUNCT or token.text in {".", "?", "!"})


def token_runs(tokens: Iterable[Token]) -> list[list[Token]]:
    """Group tokens into runs of consecutive token indices, in order."""
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def trim(run: list[Token], keep_quotes: bool = False, keep_final_stop: bool = False) -> list[Token]:
    """Drop edge punctuation and spaces from a run of tokens."""
    lo, hi = 0, len(run)
    while lo < hi and is_edge_junk(run[lo], keep_quotes):
        lo += 1
    while hi > lo and is_edge_junk(run[hi - 1], keep_quotes):
        if keep_final_stop and run[hi - 1].text in {".", "?", "!"}:
            break
        hi -= 1
    return run[lo:hi]


def char_span(tokens: list[Token]) -> Span:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def spans_of(tokens: Iterable[Token], min_tokens: int = 1) -> list[Span]:
    """Character spans of the trimmed runs of ``tokens`` (runs shorter than
    ``min_tokens`` after trimming are dropped)."""
    spans = []
    for run in token_runs(tokens):
        run = trim(run)
        if len(run) >= min_tokens:
            spans.append(char_span(run))
    return spans


def text_of(doc: Doc, spans: list[Span], joiner: str = " … ") -> str:
    return joiner.join(doc_text(doc)[s:e] for s, e in spans)


def subtree_tokens(token: Token) -> set[Token]:
    return set(token.subtree)


def tokens_in(doc: Doc, spans: Iterable[Span]) -> list[Token]:
    """The tokens that the character spans touch, in order (spans widened to token edges)."""
    out: list[Token] = []
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


class PerStatement:
    """Base of the components that annotate each statement on its own: a subclass
    sets ``mark(doc, statement)``; the component calls it for ``doc._.statements``."""

    @staticmethod
    def mark(doc: Doc, statement) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        for statement in doc._.statements or []:
            self.mark(doc, statement)
        return doc


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covers(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
