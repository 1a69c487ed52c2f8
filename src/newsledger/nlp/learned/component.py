"""``newsledger_learned_attribution``: the learned tagger as a spaCy component.

It fills ``doc._.statements`` exactly as ``newsledger_attribution`` does (same
:class:`~newsledger.model.Statement` objects, offsets into the doc's text, the
header before ``doc._.body_start`` skipped), so the later components (speakers,
conditions, negation, acts, venue, targets, dates) run on its output unchanged::

    nlp.add_pipe("newsledger_learned_attribution", config={"model_dir": "models/attribution/best"},
                 before="newsledger_attribution")
    nlp.remove_pipe("newsledger_attribution")

Not yet done (issue 5): running through ONNX Runtime, merging with the rules
where they are surer (quote marks, "according to"), and a packaged default model;
until then ``model_dir`` must name a folder written by ``newsledger train attribution``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

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
                  default_config={"model_dir": "", "batch_size": 16, "threads": 0})
def make_learned_attribution(nlp: Language, name: str, model_dir: str, batch_size: int,
                             threads: int) -> "LearnedAttribution":
    return LearnedAttribution(model_dir, batch_size, threads)


class LearnedAttribution:
    """Tag the doc's text with the trained model and decode the tags into statements."""

    def __init__(self, model_dir: str | Path, batch_size: int = 16, threads: int = 0):
        if not model_dir:
            from .model import ModelFileMissing

            raise ModelFileMissing(
                "newsledger_learned_attribution needs model_dir: a folder written by "
                "`newsledger train attribution --data DIR --out DIR` (use OUT/best)")
        self.model, self.tokenizer, self.meta = load(model_dir)
        self.batch_size = batch_size
        if threads:
            import torch

            torch.set_num_threads(threads)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 32):
        from .decode import analyze_texts

        cfg = self.model.config
        docs = list(docs)
        texts = [doc.text for doc in docs]
        starts = [doc._.body_start or 0 for doc in docs]
        found = analyze_texts(self.model, self.tokenizer, texts, cfg.max_len, cfg.overlap,
                              self.batch_size, starts)
        for doc, statements in zip(docs, found):
            doc._.statements = statements
            yield doc
