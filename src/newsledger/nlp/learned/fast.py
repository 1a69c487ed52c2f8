"""``newsledger_fast_attribution``: the fast attribution tagger, in numpy only.

A small 1-D CNN over spaCy tokens tags each token ``O``/``B``/``I`` in three role
layers (source, cue, content); :func:`.fast_decode.decode_probs` makes the continuation
fragments explicit and :func:`newsledger.nlp.learned.decode.statements_from_tags`
(shared with the accurate variant) turns the tags into coherent statements.

Features of a token (:func:`token_features`)
    dense: ``doc.tensor``, the 96-d output of en_core_web_sm's own tok2vec, which
    the parse has already computed (so it costs nothing here);
    categorical: the lower-case form (hashed into :data:`LOWER_BUCKETS`), the word
    shape (hashed), POS, fine tag, dependency label, where the head is (left, self,
    right) with its POS, the entity IOB and type, the quotation-mark state (outside,
    opening mark, inside, closing mark, from :func:`newsledger.nlp.quotes.find_quotes`),
    the cue rate of the lemma in the learned lexicon ``nlp/data/cues.json`` (binned)
    and of the head's lemma, for verbs the frame and whether the lexicon takes it as a
    cue (:func:`newsledger.nlp.cues.frame` / ``is_cue``), and the position in the
    sentence and paragraph.

Network (``FastTagger.logits``): embeddings + dense -> linear + ReLU -> residual
blocks (layer norm, dilated conv of width 3, ReLU) -> plus the mean of each sentence
(linear + ReLU) -> linear to 3 x 3 logits. Trained with torch by ``fast_train``; run
here with numpy only, so the base install needs no torch.

Needs a pipeline whose tok2vec fills ``doc.tensor`` (en_core_web_sm does) and a
parse (sentences, heads). Tokens before ``doc._.body_start`` are never tagged.
Not found: what the decoder drops (contents without a cue nearby; see decode.py).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.language import Language
from spacy.tokens import Doc

from newsledger.model import Statement
from newsledger.nlp import extensions  # noqa: F401  (registers the Doc extensions)
from newsledger.nlp.quotes import Quote, find_quotes
from newsledger.nlp.spans import doc_quotes, doc_text
from newsledger.resources import ModelFileError, model_file

from .data import ROLES
from .fast_decode import decode_probs, softmax

MODEL_NAME = "attribution-fast"
LOWER_BUCKETS = 16384
SHAPE_BUCKETS = 512
FEATURES = ("lower", "shape", "pos", "tag", "dep", "head", "ent", "quote", "cue", "frame",
            "head_cue", "position", "cue_path")
CUE_EDGES = (0.02, 0.1, 0.25, 0.5, 0.75)  # lemma cue-rate bins (bin 0: unknown or rare)
FRAMES = ("none", "clause", "reversed", "infinitive", "prep", "naming", "object")
VERB_POS = {"VERB", "AUX"}
STRONG_CUE_BIN = 5  # lemma cue rate >= 0.5: a cue whatever its frame ("according", "statement")
MAX_PATH = 8  # ancestors walked up to find the governing cue


def feature_sizes(vocab: dict[str, list[str]]) -> dict[str, int]:
    """Number of ids of each categorical feature (index 0 is always "unknown/none")."""
    return {
        "lower": LOWER_BUCKETS, "shape": SHAPE_BUCKETS,
        "pos": len(vocab["pos"]) + 1, "tag": len(vocab["tag"]) + 1, "dep": len(vocab["dep"]) + 1,
        "head": 3 * (len(vocab["pos"]) + 1), "ent": 2 * (len(vocab["ent"]) + 1) + 1,
        "quote": 4, "cue": len(CUE_EDGES) + 3, "frame": 2 * len(FRAMES) + 1,
        "head_cue": len(CUE_EDGES) + 3, "position": 16,
        "cue_path": 1 + 2 * 4 * (len(vocab["dep"]) + 1),
    }


def label_vocab(nlp: Language) -> dict[str, list[str]]:
    """The POS, tag, dependency and entity labels of a pipeline, as stored with a model."""
    from spacy.parts_of_speech import IDS

    return {
        "pos": sorted(k for k in IDS if k and k.isupper()),
        "tag": sorted(nlp.get_pipe("tagger").labels),
        "dep": sorted(nlp.get_pipe("parser").labels),
        "ent": sorted(nlp.get_pipe("ner").labels),
    }


@lru_cache(maxsize=1)
def _lemma_rates() -> dict[str, int]:
    """Lemma -> cue-rate bin, summed over the lexicon's frames (first-person rows left out)."""
    from newsledger.nlp.cues import SEED_CUES, learned_lexicon

    sums: dict[str, list[int]] = {}
    for key, (cue, seen) in learned_lexicon().items():
        parts = key.split("/")
        if len(parts) != 2:
            continue
        row = sums.setdefault(parts[0], [0, 0])
        row[0] += cue
        row[1] += seen
    out = {lemma: 1 + sum(c / n >= e for e in CUE_EDGES) for lemma, (c, n) in sums.items() if n >= 3}
    for lemmas in SEED_CUES.values():
        for lemma in lemmas:
            out.setdefault(lemma, len(CUE_EDGES) + 2)  # a seed the data saw rarely
    return out


class _Ids:
    """String-store keys -> feature ids for one vocab (the keys are stable hashes)."""

    def __init__(self, strings, vocab: dict[str, list[str]]):
        self.maps = {name: {strings[s]: i + 1 for i, s in enumerate(labels)} for name, labels in vocab.items()}
        self.maps["cue"] = {strings[lemma]: b for lemma, b in _lemma_rates().items()}
        self.n_pos = len(vocab["pos"]) + 1
        self.n_ent = len(vocab["ent"]) + 1
        self.verbs = [self.maps["pos"].get(strings[p], -1) for p in VERB_POS]

    def map(self, name: str, keys: np.ndarray) -> np.ndarray:
        """Ids of ``keys`` (0 for unknown): one dictionary look-up per distinct key."""
        table = self.maps[name]
        uniq, inverse = np.unique(keys, return_inverse=True)
        return np.array([table.get(int(k), 0) for k in uniq], dtype=np.int64)[inverse.reshape(-1)]


_IDS: dict[tuple[int, int], _Ids] = {}


def _ids_for(doc: Doc, vocab: dict[str, list[str]]) -> _Ids:
    key = (id(doc.vocab.strings), id(vocab))
    if key not in _IDS:
        _IDS[key] = _Ids(doc.vocab.strings, vocab)
    return _IDS[key]


def token_offsets(doc: Doc) -> np.ndarray:
    """``[tokens, 2]`` character start and end of every token (no Token objects made)."""
    arr = doc.to_array([IDX, LENGTH]).astype(np.int64).reshape(-1, 2)
    return np.stack([arr[:, 0], arr[:, 0] + arr[:, 1]], axis=1)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the doc's sentences (as ``doc.sents`` gives them)."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array(SENT_START).astype(np.int64).reshape(-1) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)]))


def quote_states(quotes: list[Quote], starts: np.ndarray) -> np.ndarray:
    """Per token: 0 outside quotation marks, 1 the opening mark, 2 inside, 3 the closing mark."""
    state = np.zeros(len(starts), dtype=np.int64)
    for q in quotes:
        a, b = np.searchsorted(starts, q.start), np.searchsorted(starts, q.end)
        state[a:b] = 2
        if a < b:
            state[a] = 1 if starts[a] == q.start else 2
            if starts[b - 1] == q.end - 1:
                state[b - 1] = 3
    return state


def positions(text: str, starts: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
    """Sentence/paragraph position: 4 kinds (other, sentence first, paragraph first,
    sentence last) x 4 quarters of the sentence."""
    n = len(starts)
    bounds = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    lengths = bounds[:, 1] - bounds[:, 0]
    k = np.arange(n) - np.repeat(bounds[:, 0], lengths)
    kind = np.where(np.repeat(bounds[:, 1], lengths) - 1 == np.arange(n), 3, 0)
    for i, (a, b) in enumerate(bounds.tolist()):
        # the first word, not a whitespace token (a blanked header, a paragraph break)
        while a + 1 < b and text[int(starts[a])].isspace():
            a += 1
        at = int(starts[a])
        kind[a] = 2 if (i == 0 and not text[:at].strip()) or "\n" in text[max(0, at - 2):at] else 1
    return kind * 4 + np.minimum(3, 4 * k // np.maximum(1, np.repeat(lengths, lengths)))


def _frames(doc: Doc, candidates: np.ndarray) -> np.ndarray:
    """For the candidate verbs: 1 + 2 * frame + is_cue (see :mod:`newsledger.nlp.cues`); else 0."""
    from newsledger.nlp.cues import frame, is_cue

    out = np.zeros(len(doc), dtype=np.int64)
    for i in np.flatnonzero(candidates).tolist():
        tok = doc[i]
        f = frame(tok)
        out[i] = 1 + 2 * FRAMES.index(f) + int(is_cue(tok.lemma_, f))
    return out


def cue_paths(heads: np.ndarray, deps: np.ndarray, is_cue: np.ndarray, n_dep: int) -> np.ndarray:
    """Per token, where it hangs off the nearest cue among its ancestors: the dependency
    label of the branch (the ancestor that is the cue's child), the distance (1, 2, 3,
    4+ arcs) and the side (cue left or right); 0 when no ancestor within
    :data:`MAX_PATH` arcs is a cue. "the senator *said* ..." -> nsubj for the source,
    ccomp for the content."""
    n = len(heads)
    out = np.zeros(n, dtype=np.int64)
    cur = np.arange(n)
    for step in range(1, MAX_PATH + 1):
        parent = heads[cur]
        active = (out == 0) & (parent != cur)
        hit = active & is_cue[parent]
        if hit.any():
            side = (parent[hit] > np.arange(n)[hit]).astype(np.int64)
            out[hit] = 1 + (side * n_dep + deps[cur[hit]]) * 4 + min(step, 4) - 1
        cur = np.where(active, parent, cur)
        if not active.any():
            break
    return out


def token_features(doc: Doc, vocab: dict[str, list[str]], body_start: int = 0,
                   sentences: list[tuple[int, int]] | None = None, text: str | None = None,
                   quotes: list[Quote] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(categorical ids [tokens, len(FEATURES)], dense [tokens, 96])`` of a parsed doc.

    ``text`` (``doc.text``) and ``quotes`` (``find_quotes(text, body_start)``) may be
    passed when the caller has them.
    """
    n = len(doc)
    if not n:
        return np.zeros((0, len(FEATURES)), dtype=np.int64), np.zeros((0, 96), dtype=np.float32)
    if doc.tensor is None or doc.tensor.shape[0] != n:
        raise ValueError("newsledger_fast_attribution needs doc.tensor from the pipeline's tok2vec "
                         "(en_core_web_sm); put the component after the parser")
    ids = _ids_for(doc, vocab)
    sentences = sentence_bounds(doc) if sentences is None else sentences
    text = doc_text(doc) if text is None else text
    quotes = find_quotes(text, body_start) if quotes is None else quotes
    arr = doc.to_array([LOWER, SHAPE, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, LEMMA, IDX]).astype(np.uint64)
    starts = arr[:, 9].astype(np.int64)
    pos, deps, cue = ids.map("pos", arr[:, 2]), ids.map("dep", arr[:, 4]), ids.map("cue", arr[:, 8])
    rel = arr[:, 5].astype(np.int64)  # relative head offsets (two's complement)
    heads = np.arange(n) + rel
    ent_iob = arr[:, 6].astype(np.int64)  # 0 unset, 1 I, 2 O, 3 B
    ent = np.where(ent_iob % 2 == 1, 1 + (ent_iob == 3) * ids.n_ent + ids.map("ent", arr[:, 7]), 0)
    # frame() only where the lemma was ever a cue: it walks children, the costly part.
    frames = _frames(doc, np.isin(pos, ids.verbs) & (cue >= 2))
    strong = (frames > 0) & (frames % 2 == 0) | (cue >= STRONG_CUE_BIN)
    cats = np.stack([
        (arr[:, 0] % LOWER_BUCKETS).astype(np.int64),
        (arr[:, 1] % SHAPE_BUCKETS).astype(np.int64),
        pos, ids.map("tag", arr[:, 3]), deps, (np.sign(rel) + 1) * ids.n_pos + pos[heads],
        ent, quote_states(quotes, starts), cue, frames, cue[heads],
        positions(text, starts, sentences), cue_paths(heads, deps, strong, len(vocab["dep"]) + 1),
    ], axis=1)
    return cats, np.asarray(doc.tensor, dtype=np.float32).reshape(n, -1)


class FastTagger:
    """The trained network's weights (from a ``.npz``) and its numpy forward pass."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self.w = {k: (v.astype(np.float32) if v.dtype.kind == "f" else v) for k, v in weights.items()}
        for k in [k for k in self.w if k.startswith("conv") and k.endswith("_w")]:
            # torch's Conv1d layout [out, in, 3] -> three contiguous [in, out] matrices
            # (a strided operand would make numpy skip BLAS and run many times slower).
            self.w[k] = np.ascontiguousarray(self.w[k].transpose(2, 1, 0))
        meta = json.loads(str(self.w["meta"]))
        self.meta = meta
        self.vocab = meta["vocab"]
        self.dilations = meta["dilations"]
        # Embedding then input layer is one lookup per feature of (table @ its rows of
        # the input weights): a few additions per token instead of a 200-wide product.
        self.proj, row = [], 0
        for name in FEATURES:
            table = self.w[f"emb_{name}"]
            self.proj.append(table @ self.w["in_w"][row:row + table.shape[1]])
            row += table.shape[1]
        self.dense_w = np.ascontiguousarray(self.w["in_w"][row:])

    @classmethod
    def load(cls, path: str | Path) -> "FastTagger":
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls({k: data[k] for k in data.files})
        except (OSError, ValueError, KeyError) as exc:
            raise ModelFileError(f"{path} is not a readable fast attribution model ({exc}); "
                                 "reinstall newsledger or rebuild it (see models/MANIFEST.json)") from exc

    def logits(self, cats: np.ndarray, dense: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
        """``[tokens, 3 roles, 3 tags]`` logits of one doc."""
        w = self.w
        n = len(cats)
        x = dense @ self.dense_w + w["in_b"]
        for k, proj in enumerate(self.proj):
            x += proj[cats[:, k]]
        h = np.maximum(x, 0)
        for k, d in enumerate(self.dilations):
            z = _layer_norm(h, w[f"ln{k}_g"], w[f"ln{k}_b"])
            z = np.pad(z, ((d, d), (0, 0)))
            conv = w[f"conv{k}_w"]  # [3, in, out]
            y = z[:n] @ conv[0] + z[d:d + n] @ conv[1] + z[2 * d:2 * d + n] @ conv[2]
            h = h + np.maximum(y + w[f"conv{k}_b"], 0)
        if n:
            h = h + np.maximum(_sentence_means(h, sentences) @ w["sent_w"] + w["sent_b"], 0)
        return (h @ w["out_w"] + w["out_b"]).reshape(n, len(ROLES), 3)


def _layer_norm(h: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    mu = h.mean(axis=1, keepdims=True)
    var = h.var(axis=1, keepdims=True)
    return (h - mu) / np.sqrt(var + eps) * g + b


def _sentence_means(h: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
    """Each token's row replaced by the mean of its sentence's rows."""
    starts = np.array([a for a, _ in sentences], dtype=np.int64)
    lengths = np.array([b - a for a, b in sentences], dtype=np.float32)
    means = np.add.reduceat(h, starts, axis=0) / lengths[:, None]
    return np.repeat(means, lengths.astype(np.int64), axis=0)


def doc_statements(tagger: FastTagger, doc: Doc, body_start: int = 0, text: str | None = None) -> list[Statement]:
    """The doc's statements from the tagger (``text``: ``doc.text``, when the caller has it)."""
    if not len(doc):
        return []
    text = doc_text(doc) if text is None else text
    sentences = sentence_bounds(doc)
    quotes = doc_quotes(doc)
    cats, dense = token_features(doc, tagger.vocab, body_start, sentences, text, quotes)
    probs = softmax(tagger.logits(cats, dense, sentences))
    return decode_probs(text, token_offsets(doc), sentences, probs, quotes, body_start)


@lru_cache(maxsize=4)
def load_tagger(path: str = "") -> FastTagger:
    """The shipped model (checksum checked), or the ``.npz`` at ``path``; once per process."""
    return FastTagger.load(path or model_file(MODEL_NAME))


@Language.factory("newsledger_fast_attribution", default_config={"model_path": "", "keep_rules": True})
def make_fast_attribution(nlp: Language, name: str, model_path: str, keep_rules: bool) -> "FastAttribution":
    return FastAttribution(model_path, keep_rules)


class FastAttribution:
    """Fill ``doc._.statements`` from the fast tagger, like ``newsledger_attribution``.

    Placed after ``newsledger_attribution`` (``keep_rules``), it keeps the rule
    statements the rules are surer of (direct quotations, "according to") where the
    tagger found nothing over the same words, and tidies the tagger's statements,
    both exactly as the accurate variant does (``component.merge_with_rules`` / ``tidy``).
    """

    def __init__(self, model_path: str = "", keep_rules: bool = True):
        self.tagger = load_tagger(str(model_path or ""))
        self.keep_rules = keep_rules

    def __call__(self, doc: Doc) -> Doc:
        from .component import finish

        text = doc_text(doc)
        found = doc_statements(self.tagger, doc, doc._.body_start or 0, text)
        doc._.statements = finish(found, doc, keep_rules=self.keep_rules, text=text)
        return doc

