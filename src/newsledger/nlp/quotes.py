"""Find quoted passages in plain text, whatever the quote-mark style.

Extracted: spans of text between an opening and a closing quote mark — straight
double quotes (``"…"``), curly quotes (``“…”``), low-high quotes (``„…“``, ``„…”``),
guillemets (``«…»`` and ``»…«``) and curly single quotes (``‘…’``) — including
quotes that run over several sentences, and a quote that runs over several
paragraphs in the news convention (each paragraph opens with a quote mark, only
the last one closes).

An apostrophe inside ‘…’ does not close it (won’t; farmers’ when a later mark
closes), and a straight double quote right after a digit is an inch mark (12"), not
an opening quote.

A closing curly mark that begins a paragraph, right before a word, opens a quotation
(”Fear. I am afraid …” is a typo for “Fear …”).

Two apostrophes and two backticks are double quote marks too (''A,'' and ``A,'' as in
the New York Times archive and Penn Treebank text).

Not extracted: straight single quotes (``'…'``), because they are indistinguishable
from apostrophes; and a quote whose closing mark never comes: an unbalanced
opening mark is dropped at the end of its paragraph, so one stray mark never
swallows the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> closing marks that may end it
_PAIRS: dict[str, str] = {
    "“": "”“",  # “…” (English) or “…“ (sloppy)
    "„": "“”",  # German/Slavic low-high
    "«": "»",
    "»": "«",  # Danish/Swedish style, reversed
    "‘": "’",
}
_STRAIGHT = '"'
_DOUBLED = ("''", "``")  # two-character marks, both closed by ''
# The marks a quotation opens with, for rules that look at what a text begins with.
OPENING_MARKS = ('"', "“", "«", "„", *_DOUBLED)
_SINGLE_OPEN = "‘"


@dataclass(frozen=True)
class Quote:
    """A quoted passage: ``start``/``end`` include the quote marks."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Return the outermost quoted passages of ``text[start:end]``, in order.

    Nested quotes ("he said ‘no’ twice") are inside their outer quote and are
    not returned separately.
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith(_DOUBLED, i) and (i == 0 or text[i - 1] not in "'`"):
            close = _find_doubled_close(text, i + 2, end, text[i:i + 2])
            if close is not None:
                quotes.append(Quote(i, close + 2))
                i = close + 2
                continue
            i += 2
            continue
        if ch == "”" and _opens_paragraph(text, i):
            close = _find_close(text, i, end, opener="“")  # a typo for “ (”Fear. I am afraid …”)
            if close is not None:
                quotes.append(Quote(i, close + 1))
                i = close + 1
                continue
        if ch == _STRAIGHT or ch in _PAIRS:
            if ch == _SINGLE_OPEN and not _opens_single(text, i):
                i += 1
                continue
            if ch == _STRAIGHT and i > 0 and text[i - 1].isdigit():
                i += 1  # an inch or seconds mark: 12" pipe
                continue
            close = _find_close(text, i, end)
            if close is not None:
                quotes.append(Quote(i, close + 1))
                i = close + 1
                continue
        i += 1
    return quotes


def _opens_single(text: str, i: int) -> bool:
    # ‘ is also typed for an apostrophe in ‘90s or ‘em: require a word right after
    # and no letter right before.
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _find_close(text: str, i: int, end: int, opener: str | None = None) -> int | None:
    """Index of the mark closing the quote opened at ``i`` (by ``opener``, the mark there
    unless given), or None if unbalanced."""
    opener = opener or text[i]
    closers = _STRAIGHT if opener == _STRAIGHT else _PAIRS[opener]
    j = i + 1
    while j < end:
        ch = text[j]
        if ch in closers and _can_close(text, j, opener):
            return j
        if ch == "\n":
            nxt = _next_paragraph_start(text, j, end)
            # News convention: a quote continued into the next paragraph reopens
            # it with the same mark and no closing mark before the break.
            if nxt is not None and nxt < end and text[nxt] == opener:
                j = nxt + 1
                continue
            return None
        j += 1
    return None


def _find_doubled_close(text: str, j: int, end: int, opener: str) -> int | None:
    """Index of the '' closing a quote whose text starts at ``j``: the first '' after a
    word or punctuation (not a space), continued into the next paragraph as for ``"``."""
    while j < end - 1:
        if text.startswith("''", j) and not text[j - 1].isspace():
            return j
        if text[j] == "\n":
            nxt = _next_paragraph_start(text, j, end)
            if nxt is not None and text.startswith(opener, nxt):
                j = nxt + 2
                continue
            return None
        j += 1
    return None


def _opens_paragraph(text: str, i: int) -> bool:
    """A ” that begins a paragraph, right before a word: typed for “."""
    return (i == 0 or text[i - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()


def _can_close(text: str, j: int, opener: str) -> bool:
    if opener == _STRAIGHT or opener == "‘":
        # A closing mark follows a word or punctuation, not a space.
        if j == 0 or text[j - 1].isspace():
            return False
    if opener == "‘":
        after = text[j + 1] if j + 1 < len(text) else " "
        if after.isalnum():
            return False  # the apostrophe of won’t
        if text[j - 1] in "sS" and after == " " and _later_close(text, j):
            return False  # the possessive of farmers’, when a later mark can close
    return True


def _later_close(text: str, j: int) -> bool:
    """Whether a ’ that can close comes later in the same paragraph."""
    end = text.find("\n", j + 1)
    end = len(text) if end < 0 else end
    k = text.find("’", j + 1, end)
    while k >= 0:
        after = text[k + 1] if k + 1 < len(text) else " "
        if not after.isalnum() and not text[k - 1].isspace():
            return True
        k = text.find("’", k + 1, end)
    return False


def _next_paragraph_start(text: str, j: int, end: int) -> int | None:
    k = j
    while k < end and text[k].isspace():
        k += 1
    return k if k < end else None


def quote_kind(spans: list[tuple[int, int]], quotes: list[Quote]) -> str:
    """``direct`` when the content spans lie inside quotations (up to 2 characters of
    slack), ``mixed`` when only part of them does, ``indirect`` when none does."""
    quoted = total = 0
    for s, e in spans:
        total += e - s
        for q in quotes:
            lo, hi = max(s, q.start), min(e, q.end)
            if hi > lo:
                quoted += hi - lo
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= total - 2 else "mixed"
