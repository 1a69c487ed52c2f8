"""PolNeAR articles -> word-piece windows with BIO labels, for the learned tagger.

Labels
    Three label *layers*, one per role (``source``, ``cue``, ``content``), each
    with the tags ``O``, ``B``, ``I`` (:data:`TAGS`). Layers are independent, so a
    nested attribution's cue or source inside another attribution's content keeps
    both labels (PolNeAR nests attributions often: "X said Y told him Z").
    Within one layer spans cannot overlap: the longest span wins and a span that
    meets an already labelled one in the same layer is left out (mostly an inner
    content inside an outer content; see :func:`label_pieces`).
    A discontinuous span ("“A,” he said, “B.”") is tagged ``B I I`` on its first
    fragment and ``I I`` on the next ones: an ``I`` after an ``O`` continues the
    previous span of that layer (decode.py reads it back that way).

Windows
    The whole article is word-pieced once with the encoder's fast tokenizer,
    keeping each piece's ``(start, end)`` character offsets into the exact text.
    Pieces are packed into windows of at most ``max_len`` pieces (with ``[CLS]``
    and ``[SEP]``), sentence by sentence; consecutive windows share up to
    ``overlap`` pieces (whole sentences); a sentence longer than a window is cut
    into window-sized chunks. At prediction time the logits of a piece seen by
    several windows are averaged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..long_runs import LONG_RUN

ROLES = ("source", "cue", "content")
TAGS = ("O", "B", "I")
O, B, I = 0, 1, 2
IGNORE = -100

Span = tuple[int, int]
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")


@dataclass
class Encoded:
    """One text as word pieces: ids, character offsets and (for gold) labels."""

    text: str
    ids: list[int]
    offsets: list[Span]
    sentences: list[Span]  # piece index ranges [a, b)
    labels: list[list[int]] | None = None  # per piece, one tag per role layer
    name: str = ""


@dataclass
class Window:
    """A slice ``[start, end)`` of an :class:`Encoded` text's pieces."""

    doc: int  # index of the Encoded text
    start: int
    end: int
    ids: list[int] = field(default_factory=list)  # with [CLS] ... [SEP]
    labels: list[list[int]] | None = None  # aligned with ids; IGNORE rows for specials


def sentence_spans(text: str, start: int = 0) -> list[Span]:
    """Rough sentence boundaries (character spans): ends of . ! ? and line breaks."""
    out = []
    begin = start
    for m in _SENT_END.finditer(text, start):
        end = m.end()
        if text[begin:end].strip():
            out.append((begin, end))
        begin = end
    if text[begin:].strip():
        out.append((begin, len(text)))
    return out


def encode_text(tokenizer, text: str, body_start: int = 0, name: str = "") -> Encoded:
    """Word-piece ``text[body_start:]``; offsets index ``text``."""
    enc = tokenizer(text[body_start:], add_special_tokens=False, return_offsets_mapping=True,
                    return_attention_mask=False, verbose=False)
    ids = list(enc["input_ids"])
    offsets = [(s + body_start, e + body_start) for s, e in enc["offset_mapping"]]
    ids, offsets = _one_piece_per_long_run(text, body_start, ids, offsets)
    starts = [s for s, _ in offsets]
    sentences = []
    for s, e in sentence_spans(text, body_start):
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        if b > a:
            sentences.append((a, b))
    return Encoded(text=text, ids=ids, offsets=offsets, sentences=sentences, name=name)


def _one_piece_per_long_run(text: str, body_start: int, ids: list[int],
                            offsets: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """The pieces with each whitespace-free run longer than ``MAX_RUN_CHARS`` (the same
    runs the spaCy tokenizer guard cuts, see ``nlp.long_runs``) as one piece spanning it.

    A run of 20,000 dashes is 20,000 word pieces, 100 windows for the tagger, and holds no
    attribution; as one piece it costs nothing. Offsets still index ``text``."""
    runs = [(m.start(), m.end()) for m in LONG_RUN.finditer(text, body_start)]
    if not runs:
        return ids, offsets
    kept_ids: list[int] = []
    kept: list[tuple[int, int]] = []
    run_of_last = None
    r = 0
    for piece_id, (start, end) in zip(ids, offsets):
        while r < len(runs) and runs[r][1] <= start:
            r += 1
        inside = r < len(runs) and runs[r][0] <= start < runs[r][1]
        if inside and run_of_last == r:
            kept[-1] = (kept[-1][0], end)  # the run's piece grows to cover this one
            continue
        kept_ids.append(piece_id)
        kept.append((start, end))
        run_of_last = r if inside else None
    return kept_ids, kept


def pieces_in(enc: Encoded, span: Span) -> list[int]:
    """Indexes of the pieces that overlap the character span."""
    s, e = span
    starts = [p[0] for p in enc.offsets]
    lo = bisect_left(starts, s)
    while lo > 0 and enc.offsets[lo - 1][1] > s:
        lo -= 1
    hi = bisect_left(starts, e)
    return [i for i in range(lo, hi) if enc.offsets[i][1] > s and enc.offsets[i][0] < e]


def label_pieces(enc: Encoded, attributions) -> list[list[int]]:
    """One ``[source, cue, content]`` tag row per piece, from gold attributions."""
    labels = [[O, O, O] for _ in enc.ids]
    for layer, role in enumerate(ROLES):
        spans = {tuple(sorted(a.role(role))) for a in attributions if a.role(role)}
        ordered = sorted(spans, key=lambda sp: (-sum(e - s for s, e in sp), sp))
        for fragments in ordered:
            pieces = [pieces_in(enc, f) for f in fragments]
            flat = [i for p in pieces for i in p]
            if not flat or any(labels[i][layer] != O for i in flat):
                continue
            for n, frag in enumerate(pieces):
                for k, i in enumerate(frag):
                    labels[i][layer] = B if (n == 0 and k == 0) else I
            # two fragments that touch are one run already; nothing more to do
    return labels


def encode_gold(tokenizer, article) -> Encoded:
    """A :class:`~newsledger.evaluate.polnear.GoldArticle` with its labels."""
    enc = encode_text(tokenizer, article.text, name=article.name)
    enc.labels = label_pieces(enc, article.attributions)
    return enc


def _units(enc: Encoded, room: int) -> list[Span]:
    """Sentences as piece ranges, long ones cut into ``room``-sized chunks, gaps filled."""
    units: list[Span] = []
    pos = 0
    for a, b in enc.sentences:
        if a > pos:  # pieces between sentences (should not happen, but never drop any)
            units.append((pos, a))
        for s in range(a, b, room):
            units.append((s, min(b, s + room)))
        pos = b
    if pos < len(enc.ids):
        for s in range(pos, len(enc.ids), room):
            units.append((s, min(len(enc.ids), s + room)))
    return units


def windows_of(enc: Encoded, doc: int, tokenizer, max_len: int = 256, overlap: int = 64) -> list[Window]:
    """Sentence-aligned windows over one text (see the module docstring)."""
    room = max_len - 2
    units = _units(enc, room)
    out: list[Window] = []
    i = 0
    while i < len(units):
        k = i
        while k < len(units) and units[k][1] - units[i][0] <= room:
            k += 1
        k = max(k, i + 1)
        start, end = units[i][0], units[k - 1][1]
        out.append(_window(enc, doc, start, end, tokenizer))
        if k >= len(units):
            break
        j = k
        while j - 1 > i and end - units[j - 1][0] <= overlap:
            j -= 1
        i = j
    return out


def _window(enc: Encoded, doc: int, start: int, end: int, tokenizer) -> Window:
    ids = [tokenizer.cls_token_id, *enc.ids[start:end], tokenizer.sep_token_id]
    labels = None
    if enc.labels is not None:
        pad = [IGNORE] * len(ROLES)
        labels = [pad, *enc.labels[start:end], pad]
    return Window(doc=doc, start=start, end=end, ids=ids, labels=labels)


def build_windows(tokenizer, encoded: list[Encoded], max_len: int = 256, overlap: int = 64) -> list[Window]:
    windows = []
    for n, enc in enumerate(encoded):
        windows.extend(windows_of(enc, n, tokenizer, max_len, overlap))
    return windows


def collate(windows: list[Window], pad_id: int = 0):
    """Pad a batch: ``(input_ids, attention_mask, labels or None)`` as torch tensors."""
    import torch

    width = max(len(w.ids) for w in windows)
    ids = torch.full((len(windows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(windows), width), dtype=torch.long)
    labels = None
    if all(w.labels is not None for w in windows):
        labels = torch.full((len(windows), width, len(ROLES)), IGNORE, dtype=torch.long)
    for r, w in enumerate(windows):
        ids[r, :len(w.ids)] = torch.tensor(w.ids)
        mask[r, :len(w.ids)] = 1
        if labels is not None:
            labels[r, :len(w.ids)] = torch.tensor(w.labels)
    return ids, mask, labels
