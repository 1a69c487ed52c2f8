"""Tags and statements from the torch tagger (training, and the variant run from a checkpoint).

The shipped accurate tagger runs through ONNX Runtime instead (:mod:`.runtime`); both
average the logits of overlapping windows the same way and decode with
:func:`.decode.statements_from_tags`.
"""

from __future__ import annotations

from newsledger.model import Statement

from .data import ROLES, Encoded
from .decode import statements_from_tags


def predict_tags(model, tokenizer, encoded: list[Encoded], max_len: int = 256, overlap: int = 64,
                 batch_size: int = 16) -> list[tuple[list[list[int]], list]]:
    """Per text, the argmax tags and probabilities of every piece.

    Windows are sorted by length for batching; a piece covered by several windows
    gets the mean of their logits. Runs under ``torch.inference_mode`` (and the
    model in eval mode), so the same input always gives the same output.
    """
    import torch

    from .data import build_windows, collate

    windows = build_windows(tokenizer, encoded, max_len, overlap)
    sums = [torch.zeros((len(e.ids), len(ROLES), 3)) for e in encoded]
    counts = [torch.zeros((len(e.ids), 1, 1)) for e in encoded]
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            batch = [windows[i] for i in order[b:b + batch_size]]
            ids, mask, _ = collate(batch, tokenizer.pad_token_id or 0)
            logits = model(ids, mask)
            for row, w in enumerate(batch):
                n = w.end - w.start
                sums[w.doc][w.start:w.end] += logits[row, 1:1 + n]
                counts[w.doc][w.start:w.end] += 1
    if was_training:
        model.train()
    out = []
    for s, c in zip(sums, counts):
        probs = torch.softmax(s / c.clamp(min=1), dim=-1)
        out.append((probs.argmax(-1).tolist(), probs.tolist()))
    return out


def analyze_texts(model, tokenizer, texts: list[str], max_len: int = 256, overlap: int = 64,
                  batch_size: int = 16, body_starts: list[int] | None = None) -> list[list[Statement]]:
    """Statements of each text, offsets into that text."""
    from .data import encode_text

    starts = body_starts or [0] * len(texts)
    encoded = [encode_text(tokenizer, t, s) for t, s in zip(texts, starts)]
    tagged = predict_tags(model, tokenizer, encoded, max_len, overlap, batch_size)
    return [statements_from_tags(e, tags, probs) for e, (tags, probs) in zip(encoded, tagged)]
