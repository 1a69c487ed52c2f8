"""The shipped accurate tagger at run time: int8 ONNX through ONNX Runtime, no torch.

``newsledger train attribution`` trains a MiniLM token tagger with torch;
``scripts/export_models.py attribution OUT/best`` exports it to ONNX, quantises it to
int8 and ships it as ``models/attribution-accurate.onnx`` with its word-piece
tokenizer. This module runs that file: :class:`PieceTokenizer` gives the few things
:mod:`.data` needs from a tokenizer (pieces with character offsets, the special ids)
using the ``tokenizers`` package alone, and :class:`OnnxTagger` turns texts into
statements with the same windows, logit averaging and decoding as the torch model
(:func:`.decode.statements_from_tags`), so both give the same spans up to int8
rounding.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from newsledger import resources

from ...model import Statement
from .data import ROLES, build_windows, encode_text

MODEL = "attribution-accurate"
THREADS_VARIABLE = "NEWSLEDGER_TAGGER_THREADS"  # ONNX Runtime threads per process (0 or unset: every core)


class PieceTokenizer:
    """A ``tokenizers.Tokenizer`` with the calling convention :func:`.data.encode_text` uses."""

    def __init__(self, path: str) -> None:
        from tokenizers import Tokenizer

        self.inner = Tokenizer.from_file(path)
        self.inner.no_truncation()
        self.inner.no_padding()
        self.cls_token_id = self.inner.token_to_id("[CLS]")
        self.sep_token_id = self.inner.token_to_id("[SEP]")
        self.pad_token_id = self.inner.token_to_id("[PAD]") or 0

    def __call__(self, text: str, add_special_tokens: bool = False, **_ignored) -> dict:
        encoding = self.inner.encode(text, add_special_tokens=add_special_tokens)
        return {"input_ids": encoding.ids, "offset_mapping": encoding.offsets}


def _threads_from_environment() -> int:
    value = os.environ.get(THREADS_VARIABLE, "").strip()
    if not value:
        return 0
    if not value.isdigit():
        raise ValueError(f"{THREADS_VARIABLE} must be a whole number of threads, not {value!r}")
    return int(value)


class OnnxTagger:
    """The shipped accurate attribution tagger (checksum checked when loaded)."""

    def __init__(self, threads: int = 0) -> None:
        """``threads``: ONNX Runtime's threads; 0 reads ``NEWSLEDGER_TAGGER_THREADS``, and
        without it ONNX Runtime takes every core (an ingest worker pool gives each worker
        its share instead)."""
        import onnxruntime as ort

        info = resources.model_info(MODEL)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _threads_from_environment()
        self.session = ort.InferenceSession(str(resources.model_file(MODEL)), options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = PieceTokenizer(str(resources.model_file(MODEL + ".tokenizer")))
        self.max_len = int(info.get("max_len", 256))
        self.overlap = int(info.get("overlap", 64))

    def tags(self, encoded: list, batch_size: int = 16) -> list[tuple[list[list[int]], list]]:
        """Per text, the argmax tags and probabilities of every piece.

        A piece covered by several windows gets the mean of their logits, as in
        :func:`.predict.predict_tags`.

        Each window runs alone, unpadded (``batch_size`` is not used): the int8 model
        quantises its activations with one scale per run, so a window batched with others
        (and their padding) could come out differently. Alone, a text's tags never depend
        on which texts it was sent with: one process, N workers and a Ray cluster store
        the same ledger.
        """
        windows = build_windows(self.tokenizer, encoded, self.max_len, self.overlap)
        sums = [np.zeros((len(e.ids), len(ROLES), 3), dtype=np.float32) for e in encoded]
        counts = [np.zeros((len(e.ids), 1, 1), dtype=np.float32) for e in encoded]
        for window in windows:
            logits = self._logits(window)
            n = window.end - window.start
            sums[window.doc][window.start:window.end] += logits[1:1 + n]
            counts[window.doc][window.start:window.end] += 1
        out = []
        for total, count in zip(sums, counts):
            mean = total / np.maximum(count, 1)
            probs = np.exp(mean - mean.max(-1, keepdims=True))
            probs /= probs.sum(-1, keepdims=True)
            out.append((probs.argmax(-1).tolist(), probs.tolist()))
        return out

    def _logits(self, window) -> np.ndarray:
        """One window's logits, one row per piece (its special pieces included)."""
        ids = np.asarray([window.ids], dtype=np.int64)
        mask = np.ones_like(ids)
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0][0]

    def analyze_texts(self, texts: list[str], body_starts: list[int] | None = None,
                      batch_size: int = 16) -> list[list[Statement]]:
        """Statements of each text, offsets into that text (the header before body_start skipped)."""
        from .decode import statements_from_tags

        starts = body_starts or [0] * len(texts)
        encoded = [encode_text(self.tokenizer, text, start) for text, start in zip(texts, starts)]
        tagged = self.tags(encoded, batch_size)
        return [statements_from_tags(e, tags, probs) for e, (tags, probs) in zip(encoded, tagged)]


@lru_cache(maxsize=4)
def shipped_tagger(threads: int = 0) -> OnnxTagger:
    """One loaded tagger per process and thread setting."""
    return OnnxTagger(threads)
