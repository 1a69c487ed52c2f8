"""Error breakdown and printable/JSON reports of a PolNeAR evaluation.

:func:`error_breakdown` says *where* attributions are missed or invented, using
the same one-to-one attribution matching as :mod:`.scoring` (a gold attribution
is found when a prediction covers at least half of its content tokens):

``by_cue``
    recall of gold attributions grouped by the gold cue's words (lowercased,
    whitespace collapsed, edge punctuation dropped unless the cue is only
    punctuation, such as ``:`` or ``―``; fragments of a discontinuous cue joined
    by `` ... ``); the 30 most frequent cues, the rest as ``other``. Each row also
    gives ``cue_exact``: how many of those gold cues appear among the predicted
    cue spans of the article (token-set equality), whichever statement they came with.
``by_quote``
    ``direct`` (some content fragment begins or ends with a quote mark of any
    style, ``" “ ” ‘ ’ « » „``, ignoring whitespace and other edge punctuation)
    against ``indirect``.
``by_source``, ``by_shape``
    gold attributions with and without a source; continuous against
    discontinuous content.
``false_positive_cues``
    the 30 most frequent cue words of predictions that matched no gold attribution.
``missed``, ``false_positives``
    the first examples (article order) of each, with their words, to read.

Recall rows: ``{"gold", "found", "recall"}`` (recall in percent, 1 decimal),
plus ``found_with_source`` (found and sources agree, as in
``attribution_with_source``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable

from newsledger.model import Statement

from .polnear import GoldArticle, Span
from .scoring import ArticleMatch, Scores, Tokenizer, TokenIndex, match_article

TOP_CUES = 30
EXAMPLES = 25
QUOTE_MARKS = "\"“”‘’«»„"
_EDGE_JUNK = re.compile(r"^[^\w" + QUOTE_MARKS + r"]+|[^\w" + QUOTE_MARKS + r"]+$")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
_SPACE = re.compile(r"\s+")


def cue_words(text: str, spans: Iterable[Span]) -> str:
    """The normalised words of a cue: lowercased, spaces collapsed, edge punctuation dropped."""
    parts = []
    for s, e in spans:
        raw = _SPACE.sub(" ", text[s:e]).strip().lower()
        parts.append(_EDGE_PUNCT.sub("", raw) or raw)
    return " ... ".join(p for p in parts if p)


def is_direct(text: str, content: Iterable[Span]) -> bool:
    """True when a content fragment begins or ends with a quote mark (after trimming)."""
    for s, e in content:
        frag = _EDGE_JUNK.sub("", text[s:e])
        if frag and (frag[0] in QUOTE_MARKS or frag[-1] in QUOTE_MARKS):
            return True
    return False


def _short(text: str, limit: int = 160) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Recall:
    def __init__(self) -> None:
        self.gold = Counter()
        self.found = Counter()
        self.with_source = Counter()
        self.cue_exact = Counter()

    def add(self, key: str, found: bool, with_source: bool, cue_exact: bool | None = None) -> None:
        self.gold[key] += 1
        self.found[key] += found
        self.with_source[key] += with_source
        if cue_exact is not None:
            self.cue_exact[key] += cue_exact

    def row(self, key: str, with_cue: bool = False) -> dict:
        g = self.gold[key]
        out = {"gold": g, "found": self.found[key],
               "recall": round(100 * self.found[key] / g, 1) if g else 0.0,
               "found_with_source": self.with_source[key]}
        if with_cue:
            out["cue_exact"] = self.cue_exact[key]
        return out


def breakdown_from_matches(matches: Iterable[ArticleMatch]) -> dict:
    """The error breakdown (see the module docstring) of already matched articles."""
    cues, quotes, sources, shapes = _Recall(), _Recall(), _Recall(), _Recall()
    fp_cues: Counter = Counter()
    missed, false_pos = [], []
    for m in matches:
        art, text = m.article, m.article.text
        found, src_ok = m.found_gold, m.source_ok
        pred_cues = {t["cue"] for t in m.pred_tokens if t["cue"]}
        for gi, att in enumerate(art.attributions):
            hit, with_src = gi in found, gi in src_ok
            cue = cue_words(text, att.cue)
            cues.add(cue, hit, with_src, m.gold_tokens[gi]["cue"] in pred_cues)
            quotes.add("direct" if is_direct(text, att.content) else "indirect", hit, with_src)
            sources.add("with source" if att.source else "no source", hit, with_src)
            shapes.add("discontinuous" if len(att.content) > 1 else "continuous", hit, with_src)
            if not hit and len(missed) < EXAMPLES:
                missed.append({"article": art.name, "id": att.id, "cue": art.span_text(att.cue),
                               "source": art.span_text(att.source) or None,
                               "content": _short(art.span_text(att.content))})
        correct = m.correct_pred
        for pi, st in enumerate(m.predictions):
            if pi in correct:
                continue
            cue = cue_words(text, [tuple(st.cue_span)]) or (st.cue or "").lower()
            fp_cues[cue] += 1
            if len(false_pos) < EXAMPLES:
                false_pos.append({"article": art.name, "cue": cue,
                                  "source": st.speaker.text if st.speaker else None,
                                  "content": _short(" ".join(text[s:e] for s, e in st.content_spans))})
    top = [c for c, _ in cues.gold.most_common(TOP_CUES)]
    by_cue = [{"cue": c, **cues.row(c, with_cue=True)} for c in top]
    rest = [c for c in cues.gold if c not in set(top)]
    if rest:
        other = _Recall()
        for c in rest:
            other.gold["other"] += cues.gold[c]
            other.found["other"] += cues.found[c]
            other.with_source["other"] += cues.with_source[c]
            other.cue_exact["other"] += cues.cue_exact[c]
        by_cue.append({"cue": "other", **other.row("other", with_cue=True)})
    return {
        "by_cue": by_cue,
        "by_quote": {k: quotes.row(k) for k in ("direct", "indirect")},
        "by_source": {k: sources.row(k) for k in ("with source", "no source")},
        "by_shape": {k: shapes.row(k) for k in ("continuous", "discontinuous")},
        "false_positive_cues": [{"cue": c, "count": n} for c, n in fp_cues.most_common(TOP_CUES)],
        "false_positives_total": sum(fp_cues.values()),
        "missed": missed,
        "false_positives": false_pos,
    }


def error_breakdown(pairs: Iterable[tuple[GoldArticle, list[Statement]]],
                    tokenize: Tokenizer | None = None) -> dict:
    """Where gold attributions are missed and predictions invented (see the module docstring)."""
    return breakdown_from_matches(
        match_article(a, list(p), index=TokenIndex(a.text, tokenize)) for a, p in pairs)


def to_json(scores: Scores, breakdown: dict | None = None, indent: int | None = 2) -> str:
    """Scores (``Scores.as_dict()``) and, when given, the breakdown as one JSON document."""
    doc: dict = {"scores": scores.as_dict()}
    if breakdown is not None:
        doc["breakdown"] = breakdown
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def breakdown_tables(breakdown: dict) -> list:
    """``rich`` tables of the breakdown: recall by cue, by kind, and false-positive cues."""
    from rich.table import Table

    by_cue = Table(title="Gold attributions by cue (recall)")
    for col in ("cue", "gold", "found", "recall", "+source", "cue exact"):
        by_cue.add_column(col, justify="left" if col == "cue" else "right")
    for row in breakdown["by_cue"]:
        by_cue.add_row(row["cue"], str(row["gold"]), str(row["found"]), f"{row['recall']:.1f}",
                       str(row["found_with_source"]), str(row["cue_exact"]))
    kinds = Table(title="Gold attributions by kind (recall)")
    for col in ("kind", "gold", "found", "recall", "+source"):
        kinds.add_column(col, justify="left" if col == "kind" else "right")
    for group in ("by_quote", "by_source", "by_shape"):
        for key, row in breakdown[group].items():
            kinds.add_row(key, str(row["gold"]), str(row["found"]), f"{row['recall']:.1f}",
                          str(row["found_with_source"]))
    fps = Table(title="False-positive cues",
                caption=f"{breakdown['false_positives_total']} predictions matched no gold attribution")
    fps.add_column("cue")
    fps.add_column("count", justify="right")
    for row in breakdown["false_positive_cues"]:
        fps.add_row(row["cue"], str(row["count"]))
    return [by_cue, kinds, fps]


def print_report(scores: Scores, breakdown: dict | None = None, console=None) -> None:
    """Print the score table and, when given, the breakdown tables."""
    from rich.console import Console

    console = console or Console()
    console.print(scores.table())
    for table in breakdown_tables(breakdown) if breakdown else []:
        console.print(table)
