"""Train the fast attribution tagger (``fast.py``) on PolNeAR with torch; export it to numpy.

    newsledger train attribution --data ../shared/data/polnear --out OUT --model fast \
        --epochs 15 --batch-size 8 --head-lr 2e-3 --threads 1
    python scripts/export_models.py fast OUT/best.npz   # ship it and register it (or:
    python -m newsledger.nlp.learned.fast_train export OUT/best.npz)

Data: each article is parsed once with the spaCy model (en_core_web_sm) and its
token features (:func:`fast.token_features`) and gold BIO tags (``data.label_pieces``
with spaCy tokens as the pieces) are cached in ``OUT/features-train.npz`` and
``OUT/features-dev.npz``, so a resumed run does not parse again.

Training: whole articles as sequences, a seeded permutation per epoch, AdamW at
``--head-lr`` (the whole network is a "head": there is no encoder to fine-tune), a
linear decay, ``torch.set_num_threads(cfg.threads or 1)``. ``OUT/checkpoint.pt`` is
written every ``checkpoint_every`` steps and at each epoch's end (atomically); the
same command resumes from it. After each epoch the weights are exported to numpy,
dev is tagged with :class:`fast.FastTagger` (the code that runs in production),
decoded and scored; scores go to ``OUT/metrics.jsonl`` and the best epoch (same
selection score as the accurate variant) to ``OUT/best.npz``.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import ROLES, Encoded, label_pieces
from .fast import FEATURES, MODEL_NAME, FastTagger, feature_sizes, label_vocab, token_features
from .steps import clock, optimizer_step, progress_line

DIMS = {"lower": 32, "shape": 8, "pos": 8, "tag": 16, "dep": 16, "head": 8, "ent": 8, "quote": 4,
        "cue": 8, "frame": 8, "head_cue": 8, "position": 4, "cue_path": 16}
HIDDEN = 64
DILATIONS = (1, 2, 4, 8)
DENSE = 96
DROPOUT = 0.2
BUILT_BY = ("newsledger train attribution --data ../shared/data/polnear --out OUT --model fast --epochs {epochs}"
            " --batch-size {batch_size} --head-lr {head_lr} --seed {seed} --threads 1"
            " && python -m newsledger.nlp.learned.fast_train export OUT/best.npz")


# ---------------------------------------------------------------- data

def featurize(nlp, vocab: dict, articles: list, log: Callable[[str], None] = print) -> dict[str, np.ndarray]:
    """Parse ``articles`` (GoldArticles) and stack their features, tags and layout into arrays."""
    rows: dict[str, list] = {"cats": [], "dense": [], "labels": [], "offsets": [], "sentences": []}
    lengths, n_sents = [], []
    started = time.time()
    for k, (article, doc) in enumerate(zip(articles, nlp.pipe((a.text for a in articles), batch_size=16))):
        cats, dense = token_features(doc, vocab)
        offsets = [(t.idx, t.idx + len(t)) for t in doc]
        sents = [(s.start, s.end) for s in doc.sents]
        enc = Encoded(text=doc.text, ids=[0] * len(doc), offsets=offsets, sentences=sents)
        rows["cats"].append(cats)
        rows["dense"].append(dense.astype(np.float16))
        rows["labels"].append(np.array(label_pieces(enc, article.attributions), dtype=np.int64).reshape(-1, 3))
        rows["offsets"].append(np.array(offsets, dtype=np.int64).reshape(-1, 2))
        rows["sentences"].append(np.array(sents, dtype=np.int64).reshape(-1, 2))
        lengths.append(len(doc))
        n_sents.append(len(sents))
        if (k + 1) % 50 == 0:
            rate = (time.time() - started) / (k + 1)
            log(f"parsed {k + 1}/{len(articles)} articles, eta {clock(rate * (len(articles) - k - 1))}")
    out = {name: np.concatenate(parts) for name, parts in rows.items()}
    out["lengths"] = np.array(lengths, dtype=np.int64)
    out["n_sents"] = np.array(n_sents, dtype=np.int64)
    out["names"] = np.array([a.name for a in articles])
    return out


def cached_features(path: Path, nlp_loader, vocab: dict, articles: list, log) -> dict[str, np.ndarray]:
    """``featurize`` once; later runs (and resumes) read ``path``."""
    names = [a.name for a in articles]
    if path.is_file():
        with np.load(path, allow_pickle=False) as data:
            cached = {k: data[k] for k in data.files}
        if cached["names"].tolist() == names:
            return cached
    log(f"parsing {len(articles)} articles for {path.name} (once; cached)")
    data = featurize(nlp_loader(), vocab, articles, log)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **data)
    os.replace(tmp, path)
    return data


def split_docs(data: dict[str, np.ndarray]) -> list[dict[str, np.ndarray]]:
    """Per-article views of the stacked arrays."""
    docs = []
    t = s = 0
    for n, m in zip(data["lengths"].tolist(), data["n_sents"].tolist()):
        docs.append({"cats": data["cats"][t:t + n], "dense": data["dense"][t:t + n],
                     "labels": data["labels"][t:t + n], "offsets": data["offsets"][t:t + n],
                     "sentences": data["sentences"][s:s + m]})
        t, s = t + n, s + m
    return docs


# ---------------------------------------------------------------- network

class FastNet(nn.Module):
    """The torch twin of :meth:`fast.FastTagger.logits` (same parameters, same maths)."""

    def __init__(self, sizes: dict[str, int]):
        super().__init__()
        self.emb = nn.ModuleDict({f: nn.Embedding(sizes[f], DIMS[f]) for f in FEATURES})
        width = sum(DIMS.values()) + DENSE
        self.inp = nn.Linear(width, HIDDEN)
        self.norms = nn.ModuleList([nn.LayerNorm(HIDDEN) for _ in DILATIONS])
        self.convs = nn.ModuleList([nn.Conv1d(HIDDEN, HIDDEN, 3, dilation=d, padding=d) for d in DILATIONS])
        self.sent = nn.Linear(HIDDEN, HIDDEN)
        self.out = nn.Linear(HIDDEN, len(ROLES) * 3)
        self.drop = nn.Dropout(DROPOUT)

    def forward(self, cats, dense, mask, sent_ids, n_sents):
        """``cats [B, T, F]``, ``dense [B, T, 96]``, ``mask [B, T, 1]``, ``sent_ids [B, T]`` (global
        sentence index per token, padding -> an extra row) -> logits ``[B, T, 3, 3]``."""
        x = torch.cat([self.emb[f](cats[..., k]) for k, f in enumerate(FEATURES)] + [dense], dim=-1)
        h = torch.relu(self.inp(self.drop(x))) * mask
        for norm, conv in zip(self.norms, self.convs):
            z = (norm(h) * mask).transpose(1, 2)
            h = (h + self.drop(torch.relu(conv(z).transpose(1, 2)))) * mask
        flat = h.reshape(-1, HIDDEN)
        ids = sent_ids.reshape(-1)
        sums = torch.zeros(n_sents + 1, HIDDEN).index_add_(0, ids, flat)
        counts = torch.zeros(n_sents + 1).index_add_(0, ids, mask.reshape(-1)).clamp(min=1)
        means = (sums / counts[:, None])[ids].reshape(h.shape)
        h = (h + torch.relu(self.sent(means))) * mask
        logits = self.out(self.drop(h))
        return logits.view(*logits.shape[:2], len(ROLES), 3)


def batch_tensors(docs: list[dict[str, np.ndarray]]):
    """Pad a batch of articles; returns the tensors ``FastNet.forward`` and the loss take."""
    width = max(len(d["cats"]) for d in docs)
    b = len(docs)
    cats = torch.zeros((b, width, len(FEATURES)), dtype=torch.long)
    dense = torch.zeros((b, width, DENSE))
    mask = torch.zeros((b, width, 1))
    labels = torch.full((b, width, len(ROLES)), -100, dtype=torch.long)
    sent_ids = torch.zeros((b, width), dtype=torch.long)
    total = sum(len(d["sentences"]) for d in docs)
    sent_ids.fill_(total)  # padding: its own (ignored) row
    base = 0
    for r, d in enumerate(docs):
        n = len(d["cats"])
        cats[r, :n] = torch.from_numpy(d["cats"])
        dense[r, :n] = torch.from_numpy(d["dense"].astype(np.float32))
        mask[r, :n] = 1
        labels[r, :n] = torch.from_numpy(d["labels"])
        for k, (a, e) in enumerate(d["sentences"].tolist()):
            sent_ids[r, a:e] = base + k
        base += len(d["sentences"])
    return cats, dense, mask, sent_ids, total, labels


def to_numpy(net: FastNet, vocab: dict, meta: dict | None = None) -> dict[str, np.ndarray]:
    """The weights as the arrays :class:`fast.FastTagger` reads (float16 for the big tables)."""
    sd = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    w: dict[str, np.ndarray] = {}
    for f in FEATURES:
        table = sd[f"emb.{f}.weight"]
        w[f"emb_{f}"] = table.astype(np.float16) if table.size > 100_000 else table
    w["in_w"], w["in_b"] = sd["inp.weight"].T.copy(), sd["inp.bias"]
    for k in range(len(DILATIONS)):
        w[f"ln{k}_g"], w[f"ln{k}_b"] = sd[f"norms.{k}.weight"], sd[f"norms.{k}.bias"]
        w[f"conv{k}_w"], w[f"conv{k}_b"] = sd[f"convs.{k}.weight"], sd[f"convs.{k}.bias"]
    w["sent_w"], w["sent_b"] = sd["sent.weight"].T.copy(), sd["sent.bias"]
    w["out_w"], w["out_b"] = sd["out.weight"].T.copy(), sd["out.bias"]
    w["meta"] = np.array(json.dumps({"vocab": vocab, "dilations": list(DILATIONS), **(meta or {})}))
    return w


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> Path:
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    os.replace(tmp, path)
    return path


# ---------------------------------------------------------------- training

def dev_statements(tagger: FastTagger, articles: list, docs: list[dict[str, np.ndarray]]) -> list[list]:
    """Tag cached dev features with the numpy tagger and decode, as the component does."""
    from newsledger.nlp.quotes import find_quotes

    from .fast_decode import decode_probs, softmax

    out = []
    for article, d in zip(articles, docs):
        sents = [tuple(s) for s in d["sentences"].tolist()]
        probs = softmax(tagger.logits(d["cats"], d["dense"].astype(np.float32), sents))
        out.append(decode_probs(article.text, d["offsets"], sents, probs, find_quotes(article.text)))
    return out


def _score(tagger: FastTagger, articles: list, docs: list) -> dict:
    from newsledger.evaluate import score_articles

    from .train import selection_score, summary

    scores = score_articles(zip(articles, dev_statements(tagger, articles, docs)))
    return {"select": round(selection_score(scores), 2), **summary(scores)}


def _save_checkpoint(path: Path, state: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def train_fast(cfg, log: Callable[[str], None] | None = None) -> dict:
    """Run (or resume) training of the fast variant (``cfg``: ``train.TrainConfig``); the best dev row."""
    from newsledger.nlp.pipeline import load_base_model

    from .train import read_split, split_dirs

    log = log or (lambda m: print(m, file=sys.stderr, flush=True))
    torch.set_num_threads(cfg.threads or 1)  # the default would take every core of a shared machine
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp, _ = load_base_model()
    vocab = label_vocab(nlp)
    train_dir, dev_dir = split_dirs(cfg.data)
    articles = read_split(train_dir, cfg.limit)
    dev = read_split(dev_dir, cfg.dev_limit) if dev_dir else []
    docs = split_docs(cached_features(out / "features-train.npz", lambda: nlp, vocab, articles, log))
    dev_docs = split_docs(cached_features(out / "features-dev.npz", lambda: nlp, vocab, dev, log)) if dev else []
    steps_per_epoch = math.ceil(len(docs) / cfg.batch_size)
    total = min(steps_per_epoch * cfg.epochs, cfg.max_steps or 10**12)
    log(f"train: {len(docs)} articles, {sum(len(d['cats']) for d in docs)} tokens, {steps_per_epoch} steps/epoch, "
        f"{total} steps; dev: {len(dev)} articles; out: {out}")

    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    net = FastNet(feature_sizes(vocab))
    optim = torch.optim.AdamW(net.parameters(), lr=cfg.head_lr, weight_decay=cfg.weight_decay)
    warm = max(1, int(cfg.warmup * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.02, (total - s) / max(1, total - warm))))
    ckpt = out / "checkpoint.pt"
    step, best, evaluated = 0, None, 0
    if ckpt.is_file():
        state = torch.load(ckpt, map_location="cpu", weights_only=False)
        net.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step, best, evaluated = state["step"], state.get("best"), state.get("evaluated", 0)
        torch.set_rng_state(state["torch_rng"])
        log(f"resumed from {ckpt} at step {step}")

    def checkpoint():
        _save_checkpoint(ckpt, {"model": net.state_dict(), "optim": optim.state_dict(), "sched": sched.state_dict(),
                                "step": step, "best": best, "evaluated": evaluated, "config": asdict(cfg),
                                "torch_rng": torch.get_rng_state()})

    def end_epoch():
        nonlocal best, evaluated
        epoch = math.ceil(step / steps_per_epoch)
        weights = to_numpy(net, vocab, {"epoch": epoch, "train": asdict(cfg)})
        if dev:
            net.eval()
            row = {"epoch": epoch, "step": step, **_score(FastTagger(weights), dev, dev_docs)}
            net.train()
            with open(out / "metrics.jsonl", "a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
            log(f"dev after epoch {epoch}: {json.dumps(row)}")
            if best is None or row["select"] > best["select"]:
                best = row
                save_npz(out / "best.npz", weights)
                log(f"new best (epoch {epoch}) saved to {out / 'best.npz'}")
        save_npz(out / "last.npz", weights)
        evaluated = step
        checkpoint()

    net.train()
    started, at_start, recent = time.time(), step, []
    while step < total or evaluated < step:
        if evaluated < step and (step % steps_per_epoch == 0 or step >= total):
            end_epoch()  # resumed after an epoch's last step but before its dev run
            continue
        epoch = step // steps_per_epoch
        order = torch.randperm(len(docs), generator=torch.Generator().manual_seed(cfg.seed + epoch)).tolist()
        for b in range(step - epoch * steps_per_epoch, steps_per_epoch):
            cats, dense, mask, sent_ids, n_sents, labels = batch_tensors(
                [docs[i] for i in order[b * cfg.batch_size:(b + 1) * cfg.batch_size]])
            logits = net(cats, dense, mask, sent_ids, n_sents)
            loss = nn.functional.cross_entropy(logits.reshape(-1, 3), labels.reshape(-1), ignore_index=-100)
            recent.append(optimizer_step(loss, net.parameters(), optim, sched))
            step += 1
            if step % cfg.log_every == 0 or step == total:
                log(progress_line(epoch + 1, cfg.epochs, step, total, sum(recent) / len(recent),
                                  sched.get_last_lr()[0], started, step - at_start))
                recent = []
            if step % cfg.checkpoint_every == 0:
                checkpoint()
            if step >= total or (cfg.stop_after and step >= cfg.stop_after):
                break
        if evaluated < step and (step % steps_per_epoch == 0 or step >= total):
            end_epoch()
        if cfg.stop_after and cfg.stop_after <= step < total:
            checkpoint()
            log(f"stopped at step {step} (stop_after); run the same command again to resume")
            return {"stopped": step}
    if best is None:  # no dev split: the last epoch is the model
        save_npz(out / "best.npz", to_numpy(net, vocab, {"train": asdict(cfg)}))
    log(f"done: best {json.dumps(best)}")
    return best or {"steps": step}


# ---------------------------------------------------------------- shipping

def export(best: str | Path) -> dict:
    """Copy a trained ``best.npz`` into the package as ``attribution-fast.npz`` and register it."""
    import shutil

    from newsledger.resources import MODELS_DIR, register

    with np.load(best, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    target = MODELS_DIR / f"{MODEL_NAME}.npz"
    shutil.copyfile(best, target)
    train_cfg = meta.get("train") or {}
    dev = {}
    metrics = Path(best).parent / "metrics.jsonl"
    if metrics.is_file() and meta.get("epoch"):
        rows = [json.loads(line) for line in metrics.read_text().splitlines() if line.strip()]
        dev = next((r for r in rows if r["epoch"] == meta["epoch"]), {})
    built_by = BUILT_BY.format(**{k: train_cfg.get(k, "N") for k in ("epochs", "batch_size", "head_lr", "seed")})
    return register(MODEL_NAME, target, built_by, epoch=meta.get("epoch"), dev=dev)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Ship a trained fast attribution model.")
    sub = ap.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export", help="copy OUT/best.npz into the package and register it")
    exp.add_argument("best")
    args = ap.parse_args(argv)
    if args.command == "export":
        print(json.dumps(export(args.best), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
