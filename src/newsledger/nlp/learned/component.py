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

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.util import minibatch
from spacy.tokens import Doc

from ...model import Statement
from .. import extensions  # noqa: F401  (registers the Doc extensions)
from ..spans import doc_text

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
        # In batches: a stream of any length is never held in memory whole.
        for batch in minibatch(docs, size=max(batch_size, self.batch_size)):
            yield from self._pipe_batch(batch)

    def _pipe_batch(self, docs: list[Doc]):
        found = self._analyze([doc.text for doc in docs], [doc._.body_start or 0 for doc in docs])
        for doc, statements in zip(docs, found):
            doc._.statements = finish(statements, doc, keep_rules=self.keep_rules)
            yield doc

    def _analyze(self, texts: list[str], starts: list[int]) -> list[list[Statement]]:
        if self.onnx is not None:
            return self.onnx.analyze_texts(texts, starts, self.batch_size)
        from .decode import analyze_texts

        cfg = self.model.config
        return analyze_texts(self.model, self.tokenizer, texts, cfg.max_len, cfg.overlap, self.batch_size, starts)


def finish(learned: list[Statement], doc: Doc, *, keep_rules: bool = True,
           text: str | None = None) -> list[Statement]:
    """A tagger's statements for ``doc``, tidied (:func:`tidy`) and merged with the rule
    statements already on ``doc._.statements`` (:func:`merge_with_rules`) when
    ``keep_rules``; shared by both learned variants."""
    text = doc.text if text is None else text  # built token by token by spaCy: once per doc
    ruled = (doc._.statements or []) if keep_rules else []
    tidied = [t for t in (tidy(s, doc, text) for s in learned) if t is not None]
    return merge_with_rules(tidied, ruled)


def tidy(statement: Statement, doc: Doc, text: str | None = None) -> Statement | None:
    """Fix what the tagger gets wrong in ways a rule can tell; None drops the statement.

    - a cue never holds a time expression ("said on February 26" -> "said"): the cue
      ends where the first time expression (``doc._.timexes``) inside it begins;
    - content never overlaps the cue ("warned of" + "of tragic consequences"): the
      content starts after the cue;
    - a cue never ends in a determiner, nor in a preposition that does not open the
      content ("indicated in an article" -> "indicated"; "warned of" + "tragic
      consequences" stays);
    - a content of function words only ("the") is no statement.
    ``text`` is ``doc.text`` when the caller already has it.
    """
    text = doc.text if text is None else text
    cue_start, cue_end = statement.cue_span
    for timex in doc._.timexes or ():
        if cue_start < timex.span[0] < cue_end:
            cue_end = cue_start + len(_without_signal(text[cue_start:timex.span[0]], timex.signal))
    spans = [(max(start, cue_end) if start < cue_end <= end and start >= cue_start else start, end)
             for start, end in statement.content_spans]
    spans = [(start + len(text[start:end]) - len(text[start:end].lstrip()), end) for start, end in spans]
    spans = [(start, end) for start, end in spans if end > start]
    if spans:
        cue_end = _cue_end(doc, cue_start, cue_end, spans[0][0])
    if cue_end <= cue_start or not _has_content_word(doc, spans):
        return None
    if (cue_start, cue_end) == statement.cue_span and spans == statement.content_spans:
        return statement
    return replace(statement, cue=text[cue_start:cue_end], cue_span=(cue_start, cue_end),
                   content_spans=spans, content=" ... ".join(text[a:b] for a, b in spans))


def _cue_end(doc: Doc, start: int, end: int, content_start: int) -> int:
    """Where the cue ends once trailing determiners and dangling prepositions are cut."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return end
    tokens = list(span)
    while len(tokens) > 1:
        last = tokens[-1]
        dangling = last.pos_ == "ADP" and not 0 <= content_start - (last.idx + len(last)) <= 1
        if last.pos_ not in ("DET", "PRON") and not dangling or last.lower_ == "to":
            break
        tokens.pop()
    return min(end, tokens[-1].idx + len(tokens[-1]))


def _has_content_word(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """True when some token of ``spans`` is a word that is not a stop word."""
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.is_alpha and not t.is_stop for t in span):
            return True
        if span is None and any(ch.isalnum() for ch in doc_text(doc)[start:end]):
            return True
    return False


def _without_signal(before: str, signal: str | None) -> str:
    """``before`` without trailing space and the time expression's preposition ("said on")."""
    before = before.rstrip()
    if signal and before.lower().endswith(" " + signal.lower()):
        before = before[: -len(signal)].rstrip()
    return before


def _sure(statement: Statement) -> bool:
    """Rule statements the rules get right more often than the tagger."""
    return statement.quote == "direct" or statement.cue.lower().startswith("according to")


def _content_chars(statement: Statement) -> set[int]:
    return {i for start, end in statement.content_spans for i in range(start, end)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _with_rule_speaker(statement: Statement, ruled: list[Statement]) -> Statement:
    """A learned statement without a source takes the speaker of the rule statement on the
    same cue: the rules know passives and agents the tagger missed."""
    sentence = statement.sentence_span
    speaker = statement.speaker
    if speaker is not None and (sentence is None or _overlaps(speaker.span, sentence)):
        return statement
    # No source, or one outside the cue's sentence (the tagger reaching too far).
    for rule in ruled:
        if rule.speaker is not None and _overlaps(rule.cue_span, statement.cue_span):
            return replace(statement, speaker=rule.speaker)
    return statement


def merge_with_rules(learned: list[Statement], ruled: list[Statement]) -> list[Statement]:
    """``learned`` (speakers missing there filled from the rule statement on the same
    cue), plus each sure rule statement whose content no learned one half-covers."""
    merged = [_with_rule_speaker(s, ruled) for s in learned]
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
