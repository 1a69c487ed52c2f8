"""``newsledger_learned_attribution``: the accurate learned tagger as a spaCy component.

It fills ``doc._.statements`` exactly as ``newsledger_attribution`` does (same
:class:`~newsledger.model.Statement` objects, offsets into the doc's text, the
header before ``doc._.body_start`` skipped), so the later components (speakers,
conditions, negation, acts, venue, targets, dates) run on its output unchanged.
``Analyzer(model="accurate")`` builds that pipeline; by hand::

    nlp.add_pipe("newsledger_learned_attribution", after="newsledger_attribution")

By default it runs the shipped int8 ONNX model (:mod:`.runtime`, checksum checked
when loaded, no torch needed); ``model_dir`` names a folder written by
``newsledger train attribution`` instead (run with torch, for checking a model
before it is exported).

Rules where rules are surer: when the rules component ran before it, the rule
statements that are direct quotations or "according to" attributions are kept
when the tagger found nothing over the same words (on PolNeAR dev this adds
recall at no cost in precision; replacing the tagger's spans by the rules' where
both found the statement lowered attribution F1, so the tagger's spans win).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Statement
from .. import extensions  # noqa: F401  (registers the Doc extensions)

_CACHE: dict[str, tuple] = {}


def load(model_dir: str | Path):
    """The (model, tokenizer, metadata) of a trained folder, loaded once per process."""
    key = str(Path(model_dir).resolve())
    if key not in _CACHE:
        from .model import load_tagger

        _CACHE[key] = load_tagger(model_dir)
    return _CACHE[key]


@Language.factory("newsledger_learned_attribution",
                  default_config={"model_dir": "", "batch_size": 16, "threads": 0, "keep_rules": True})
def make_learned_attribution(nlp: Language, name: str, model_dir: str, batch_size: int,
                             threads: int, keep_rules: bool) -> "LearnedAttribution":
    return LearnedAttribution(model_dir, batch_size, threads, keep_rules)


class LearnedAttribution:
    """Tag the doc's text with the learned model and decode the tags into statements."""

    def __init__(self, model_dir: str | Path = "", batch_size: int = 16, threads: int = 0,
                 keep_rules: bool = True):
        self.batch_size = batch_size
        self.keep_rules = keep_rules
        if model_dir:
            self.model, self.tokenizer, self.meta = load(model_dir)
            self.onnx = None
            if threads:
                import torch

                torch.set_num_threads(threads)
        else:
            from .runtime import shipped_tagger

            self.onnx = shipped_tagger(threads)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 32):
        docs = list(docs)
        found = self._analyze([doc.text for doc in docs], [doc._.body_start or 0 for doc in docs])
        for doc, statements in zip(docs, found):
            ruled = (doc._.statements or []) if self.keep_rules else []
            doc._.statements = merge_with_rules(statements, ruled)
            yield doc

    def _analyze(self, texts: list[str], starts: list[int]) -> list[list[Statement]]:
        if self.onnx is not None:
            return self.onnx.analyze_texts(texts, starts, self.batch_size)
        from .decode import analyze_texts

        cfg = self.model.config
        return analyze_texts(self.model, self.tokenizer, texts, cfg.max_len, cfg.overlap, self.batch_size, starts)


def _sure(statement: Statement) -> bool:
    """Rule statements the rules get right more often than the tagger."""
    return statement.quote == "direct" or statement.cue.lower().startswith("according to")


def _content_chars(statement: Statement) -> set[int]:
    return {i for start, end in statement.content_spans for i in range(start, end)}


def merge_with_rules(learned: list[Statement], ruled: list[Statement]) -> list[Statement]:
    """``learned``, plus each sure rule statement whose content no learned one half-covers."""
    merged = list(learned)
    taken = [_content_chars(s) for s in learned]
    for statement in ruled:
        if not _sure(statement):
            continue
        chars = _content_chars(statement)
        overlaps = [len(chars & other) / max(1, min(len(chars), len(other))) for other in taken]
        if not overlaps or max(overlaps) < 0.5:
            merged.append(statement)
            taken.append(chars)
    merged.sort(key=lambda s: (s.content_start, s.cue_span[0]))
    return merged
