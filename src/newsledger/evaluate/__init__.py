"""Readers and scorers for gold attribution corpora (PolNeAR).

Not needed at run time, and independent of the pipeline: this package imports
only :mod:`newsledger.model` (and ``rich`` for tables). The caller supplies the
analysis as a function, so spaCy is never imported here::

    scores, breakdown = evaluate_polnear("data/polnear/dev", analyze)
    print_report(scores, breakdown)

See :mod:`.scoring` for exactly what is scored and :mod:`.report` for the breakdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from newsledger.model import Statement

from .polnear import GoldArticle, GoldAttribution, read_polnear
from .report import breakdown_from_matches, error_breakdown, print_report, to_json
from .scoring import Scores, Tokenizer, TokenIndex, match_article, score_articles

__all__ = [
    "GoldArticle", "GoldAttribution", "Scores", "error_breakdown", "evaluate_polnear",
    "print_report", "read_polnear", "score_articles", "to_json",
]


def evaluate_polnear(split_dir: str | Path,
                     analyze: Callable[[list[GoldArticle]], Iterable[list[Statement]]],
                     tokenize: Tokenizer | None = None) -> tuple[Scores, dict]:
    """Read a PolNeAR split, run ``analyze`` on it, and score the result.

    ``analyze(articles)`` must yield, in the same order, the predicted statements
    of each article (offsets into ``article.text``). Returns the micro-averaged
    :class:`Scores` and the :func:`error_breakdown` dict. Raises ``ValueError``
    when ``analyze`` yields a different number of results than articles.
    """
    articles = read_polnear(split_dir)
    predictions = [list(p) for p in analyze(articles)]
    if len(predictions) != len(articles):
        raise ValueError(f"analyze returned {len(predictions)} results for {len(articles)} articles")
    scores = Scores()
    matches = []
    for article, preds in zip(articles, predictions):
        m = match_article(article, preds, index=TokenIndex(article.text, tokenize))
        scores.add(m)
        matches.append(m)
    return scores, breakdown_from_matches(matches)
