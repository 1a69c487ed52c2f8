"""Score predicted statements against PolNeAR gold attributions.

Everything is counted per article (the whole text, headline included) and then
micro-averaged: counts are summed over articles before P/R/F1 are computed.

Tokens
    Spans are compared as sets of tokens, never as raw offsets. The default
    tokenizer is the regex ``\\w+|[^\\w\\s]`` (words and single punctuation
    characters) over the article text; ``tokenize`` can replace it (it gets the
    text and returns ``(start, end)`` offsets). A token belongs to a span when
    it overlaps the span by at least one character, so a gold span that starts
    inside a word (an annotation slip such as ``t's`` for ``It's``) still takes
    the whole word. Each fragment of a span is then trimmed of punctuation
    tokens (tokens without a word character: quotes, commas, dashes, colons)
    at its edges, so ``“We will win,”`` and ``We will win`` are the same span.
    A span made only of punctuation (the cues ``:`` and ``―`` in PolNeAR)
    keeps its tokens. A span with no tokens at all is ignored (it is not a
    role span; a prediction whose content has no tokens still counts as a
    prediction at attribution level and can match nothing).

Role scores (source, cue, content)
    ``exact``: a predicted role span is correct when its token set equals a gold
    one's. Gold spans are the role spans of all gold attributions of the article,
    deduplicated (a source shared by two attributions counts once); predicted
    ones are deduplicated the same way, so matching is one-to-one. Predicted
    sources are ``statement.speaker.span`` (none when ``speaker`` is None),
    cues ``statement.cue_span``, contents ``statement.content_spans`` (all pairs
    together are one, possibly discontinuous, span).
    ``overlap``: per article, the union of all predicted role tokens against the
    union of all gold role tokens; ``tp`` is the size of their intersection,
    precision ``tp / pred`` and recall ``tp / gold`` (counts are tokens).

Attribution scores
    A predicted statement and a gold attribution *match* when the prediction's
    content tokens cover at least half of the gold content's tokens
    (``MIN_COVER``). Matching is one-to-one: all candidate pairs are taken
    greedily by decreasing overlap size (among equal overlaps, pairs that agree
    on the source, then on the cue, go first; then earlier gold, earlier
    prediction), each gold and each prediction used at most once, so one long
    prediction spanning two quotes finds only one of them. ``tp`` is the number
    of matched pairs; precision is ``tp / predictions``, recall
    ``tp / gold attributions`` (gold attributions are not deduplicated beyond
    the reader's removal of exact duplicates).
    ``attribution_with_source`` counts only matched pairs whose sources agree:
    the predicted source tokens overlap the gold source tokens, or neither has
    a source. Cue agreement is not required at attribution level (see ``cue``).

Not scored: speaker resolution (names, actor ids), dates, acts, conditions,
quote kinds, the link between a cue and *its* content beyond the one-to-one
content match, and PolNeAR's nested/embedded attribution structure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsledger.model import Statement

from .polnear import GoldArticle, GoldAttribution, Span

ROLES = ("source", "cue", "content")
MIN_COVER = 0.5
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w")

Tokenizer = Callable[[str], list[tuple[int, int]]]
TokenSet = frozenset[int]


def regex_tokenize(text: str) -> list[tuple[int, int]]:
    """Words and single punctuation characters, as ``(start, end)`` offsets."""
    return [m.span() for m in _TOKEN.finditer(text)]


class TokenIndex:
    """The tokens of one text, to turn character spans into trimmed token sets."""

    def __init__(self, text: str, tokenize: Tokenizer | None = None):
        self.text = text
        self.tokens = sorted((tokenize or regex_tokenize)(text))
        self._starts = [s for s, _ in self.tokens]
        self._ends = [e for _, e in self.tokens]
        self._word = [bool(_WORD.search(text, s, e)) for s, e in self.tokens]

    def tokens_of(self, spans: Iterable[Span] | None) -> TokenSet:
        """Token ids overlapping the fragments, edge punctuation trimmed per fragment.

        When trimming would leave nothing (a span of punctuation only, such as
        the cue ``:``), the untrimmed tokens are kept.
        """
        trimmed: set[int] = set()
        raw: set[int] = set()
        for start, end in spans or ():
            lo = bisect_right(self._ends, start)
            hi = bisect_left(self._starts, end)
            raw.update(range(lo, hi))
            while lo < hi and not self._word[lo]:
                lo += 1
            while hi > lo and not self._word[hi - 1]:
                hi -= 1
            trimmed.update(range(lo, hi))
        return frozenset(trimmed or raw)


@dataclass
class Count:
    """True positives against the number of predicted and gold items."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        """P, R and F1 in percent (1 decimal) with the raw counts."""
        return {"p": round(100 * self.p, 1), "r": round(100 * self.r, 1),
                "f1": round(100 * self.f1, 1), "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class ArticleMatch:
    """How one article's predictions line up with its gold attributions.

    ``pairs`` are ``(gold index, prediction index, overlap tokens)`` of matched
    attributions; ``source_ok`` holds the gold indexes whose pair agrees on the source.
    """

    article: GoldArticle
    predictions: list[Statement]
    index: TokenIndex
    gold_tokens: list[dict[str, TokenSet]]
    pred_tokens: list[dict[str, TokenSet]]
    pairs: list[tuple[int, int, int]]
    source_ok: set[int]

    @property
    def found_gold(self) -> set[int]:
        return {g for g, _, _ in self.pairs}

    @property
    def correct_pred(self) -> set[int]:
        return {p for _, p, _ in self.pairs}


def statement_roles(statement: Statement) -> dict[str, list[Span]]:
    """The character spans of a prediction's source, cue and content."""
    source = [tuple(statement.speaker.span)] if statement.speaker is not None else []
    return {"source": source, "cue": [tuple(statement.cue_span)],
            "content": [tuple(s) for s in statement.content_spans]}


def gold_roles(attribution: GoldAttribution) -> dict[str, list[Span]]:
    return {"source": attribution.source, "cue": attribution.cue, "content": attribution.content}


def _sources_agree(gold: TokenSet, pred: TokenSet) -> bool:
    """Both without a source, or their tokens overlap."""
    return bool(gold & pred) if gold or pred else True


def match_article(article: GoldArticle, predictions: list[Statement],
                  tokenize: Tokenizer | None = None, index: TokenIndex | None = None) -> ArticleMatch:
    """Token sets of every role and the one-to-one attribution matching of one article."""
    index = index or TokenIndex(article.text, tokenize)
    gold = [{r: index.tokens_of(s) for r, s in gold_roles(a).items()} for a in article.attributions]
    pred = [{r: index.tokens_of(s) for r, s in statement_roles(p).items()} for p in predictions]
    candidates = []
    for gi, g in enumerate(gold):
        content = g["content"]
        if not content:
            continue
        for pi, p in enumerate(pred):
            overlap = len(content & p["content"])
            if overlap and overlap >= MIN_COVER * len(content):
                agree = (_sources_agree(g["source"], p["source"]), g["cue"] == p["cue"])
                candidates.append((-overlap, not agree[0], not agree[1], gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, -neg))
    source_ok = {gi for gi, pi, _ in pairs if _sources_agree(gold[gi]["source"], pred[pi]["source"])}
    return ArticleMatch(article, predictions, index, gold, pred, pairs, source_ok)


def _role_counts(m: ArticleMatch, role: str) -> tuple[Count, Count]:
    gold = {t[role] for t in m.gold_tokens if t[role]}
    pred = {t[role] for t in m.pred_tokens if t[role]}
    exact = Count(len(gold & pred), len(pred), len(gold))
    gold_u = frozenset().union(*gold) if gold else frozenset()
    pred_u = frozenset().union(*pred) if pred else frozenset()
    overlap = Count(len(gold_u & pred_u), len(pred_u), len(gold_u))
    return exact, overlap


@dataclass
class Scores:
    """Micro-averaged counts over articles; see the module docstring for what each means."""

    exact: dict[str, Count] = field(default_factory=lambda: {r: Count() for r in ROLES})
    overlap: dict[str, Count] = field(default_factory=lambda: {r: Count() for r in ROLES})
    attribution: Count = field(default_factory=Count)
    attribution_with_source: Count = field(default_factory=Count)
    articles: int = 0
    # Per-article attribution counts {article name: Count}, for finding bad articles.
    per_article: dict[str, Count] = field(default_factory=dict, repr=False)

    def add(self, m: ArticleMatch) -> None:
        self.articles += 1
        for role in ROLES:
            exact, overlap = _role_counts(m, role)
            self.exact[role].add(exact)
            self.overlap[role].add(overlap)
        n_pred, n_gold = len(m.predictions), len(m.article.attributions)
        att = Count(len(m.pairs), n_pred, n_gold)
        self.attribution.add(att)
        self.attribution_with_source.add(Count(len(m.source_ok), n_pred, n_gold))
        self.per_article[m.article.name] = att

    def as_dict(self) -> dict:
        out: dict = {r: {"exact": self.exact[r].as_dict(), "overlap": self.overlap[r].as_dict()}
                     for r in ROLES}
        out["attribution"] = self.attribution.as_dict()
        out["attribution_with_source"] = self.attribution_with_source.as_dict()
        out["articles"] = self.articles
        return out

    def table(self, title: str | None = None):
        """A ``rich.table.Table`` of P/R/F1 (percent) and counts, one row per figure."""
        from rich.table import Table

        table = Table(title=title or f"PolNeAR attribution scores ({self.articles} articles)")
        for name, justify in (("figure", "left"), ("P", "right"), ("R", "right"), ("F1", "right"),
                              ("tp", "right"), ("pred", "right"), ("gold", "right")):
            table.add_column(name, justify=justify)
        rows = [(f"{r} exact", self.exact[r]) for r in ROLES]
        rows += [(f"{r} token overlap", self.overlap[r]) for r in ROLES]
        rows += [("attribution (content >= half)", self.attribution),
                 ("attribution + source", self.attribution_with_source)]
        for label, c in rows:
            d = c.as_dict()
            table.add_row(label, f"{d['p']:.1f}", f"{d['r']:.1f}", f"{d['f1']:.1f}",
                          str(c.tp), str(c.pred), str(c.gold))
        return table


def score_articles(pairs: Iterable[tuple[GoldArticle, list[Statement]]],
                   tokenize: Tokenizer | None = None) -> Scores:
    """Score each (gold article, predicted statements) pair and sum the counts."""
    scores = Scores()
    for article, predictions in pairs:
        scores.add(match_article(article, list(predictions), tokenize))
    return scores
