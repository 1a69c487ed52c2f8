"""Rebuild the learned cue lexicon (``newsledger/nlp/data/cues.json``) from PolNeAR train.

For every verb in the training texts, :func:`newsledger.nlp.cues.frame` names the
shape in which it governs a possible content; the verb is a *hit* when it lies
inside a gold cue span. The lexicon records, per ``lemma/frame`` (and per
``lemma/frame/first`` for verbs whose subject is "I" or "we"), how often the verb
was seen and how often it was a cue. Run::

    python -m newsledger.evaluate.build_cues ../shared/data/polnear/train

Only the train split may be used: dev chooses thresholds, test is kept apart.
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
from collections import Counter
from importlib import resources
from pathlib import Path

from .polnear import read_polnear

FIRST_PERSON = {"i", "we"}


def lexicon_keys(token, shape: str) -> list[str]:
    """The lexicon keys a verb token counts under."""
    lemma = token.lemma_.lower()
    keys = [f"{lemma}/{shape}"]
    if any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children):
        keys.append(f"{lemma}/{shape}/first")
    return keys


def count_cues(articles, docs) -> tuple[Counter, Counter]:
    """``(hits, seen)`` counters over the verbs of ``docs``, the parses of ``articles``."""
    from newsledger.nlp import cues

    hits: Counter = Counter()
    seen: Counter = Counter()
    for article, doc in zip(articles, docs):
        starts, ends = _cue_index(article)
        for token in doc:
            if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
                continue
            shape = cues.frame(token)
            if shape == cues.NONE:
                continue
            i = bisect_right(starts, token.idx) - 1
            is_hit = i >= 0 and token.idx < ends[i]
            for key in lexicon_keys(token, shape):
                seen[key] += 1
                hits[key] += is_hit
    return hits, seen


def _cue_index(article) -> tuple[list[int], list[int]]:
    spans = sorted({tuple(s) for a in article.attributions for s in a.cue})
    return [s for s, _ in spans], [e for _, e in spans]


def main(argv: list[str] | None = None) -> int:
    from newsledger.nlp.pipeline import load_base_model

    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python -m newsledger.evaluate.build_cues TRAIN_DIR", file=sys.stderr)
        return 2
    nlp, _ = load_base_model()
    articles = read_polnear(args[0])
    hits, seen = count_cues(articles, nlp.pipe(a.text for a in articles))
    counts = {k: [hits[k], seen[k]] for k in sorted(seen) if seen[k] >= 2}
    out = Path(str(resources.files("newsledger.nlp"))) / "data" / "cues.json"
    out.write_text(json.dumps({"source": "PolNeAR train, python -m newsledger.evaluate.build_cues",
                               "counts": counts}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(counts)} lemma/frame pairs written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
