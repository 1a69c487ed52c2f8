"""Train the learned attribution tagger on PolNeAR and choose the best epoch on dev.

    newsledger train attribution --data ../shared/data/polnear --out models/attr [--epochs N]

``--data`` is the PolNeAR folder (with ``train/`` and ``dev/``) or a split folder
(its sibling ``dev/`` is used when present). Training: AdamW, linear warm-up then
linear decay, fixed seeds (data order is a seeded permutation per epoch). Every
``checkpoint_every`` steps and at each epoch's end the model, optimiser, scheduler
and position are written to ``OUT/checkpoint.pt`` (atomically); a new run with the
same ``--out`` resumes from it. After each epoch the model tags dev, the tags are
decoded into statements and scored with :mod:`newsledger.evaluate`; the scores go
to ``OUT/metrics.jsonl`` and the best epoch (attribution F1 + mean exact-span F1
of the three roles) is saved to ``OUT/best/``, the folder to load.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from newsledger.evaluate import Scores, read_polnear
from newsledger.evaluate.polnear import read_article
from newsledger.evaluate.scoring import match_article

from .data import build_windows, collate, encode_gold
from .decode import statements_from_tags
from .predict import predict_tags
from .steps import optimizer_step, progress_line
from .model import TaggerConfig, load_tokenizer, new_tagger, save_tagger, set_seed, tag_loss


@dataclass
class TrainConfig:
    data: str
    out: str
    variant: str = "accurate"
    epochs: int = 3
    limit: int | None = None  # train articles (first N by name); None: all
    dev_limit: int | None = None
    batch_size: int = 8
    lr: float = 8e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.06
    max_len: int = 256
    overlap: int = 32  # training windows; prediction uses TaggerConfig.overlap
    seed: int = 13
    checkpoint_every: int = 200
    log_every: int = 20
    threads: int = 0  # torch threads; 0 = torch's default
    max_steps: int | None = None  # train this many steps in all (the schedule's length)
    stop_after: int | None = None  # stop (checkpointed) at this step, as an interruption would


def split_dirs(data: str | Path) -> tuple[Path, Path | None]:
    data = Path(data)
    if (data / "train").is_dir():
        train = data / "train"
    else:
        train = data
    dev = train.parent / "dev"
    return train, (dev if dev.is_dir() and dev != train else None)


def read_split(split: Path, limit: int | None = None) -> list:
    """``read_polnear(split)``, or only its first ``limit`` articles (without reading the rest)."""
    if limit is None:
        return read_polnear(split)
    anns: dict[str, list[Path]] = {}
    for ann in (split / "attributions").glob("*.ann"):
        anns.setdefault(ann.stem.rsplit("_", 1)[0] if "_" in ann.stem else ann.stem, []).append(ann)
    out = []
    for txt in sorted((split / "text").glob("*.txt")):
        if len(out) >= limit:
            break
        files = sorted(anns.get(txt.stem, []), key=lambda p: p.name)
        if files:
            out.append(read_article(txt, files[0]))
    return out


def dev_scores(model, tokenizer, articles, max_len: int, overlap: int) -> Scores:
    encoded = [encode_gold(tokenizer, a) for a in articles]
    tagged = predict_tags(model, tokenizer, encoded, max_len, overlap)
    scores = Scores()
    for article, enc, (tags, probs) in zip(articles, encoded, tagged):
        scores.add(match_article(article, statements_from_tags(enc, tags, probs)))
    return scores


def selection_score(scores: Scores) -> float:
    roles = sum(scores.exact[r].f1 for r in ("source", "cue", "content")) / 3
    return 100 * (scores.attribution.f1 + roles) / 2


def summary(scores: Scores) -> dict:
    return {
        "attribution_f1": round(100 * scores.attribution.f1, 1),
        "attribution_with_source_f1": round(100 * scores.attribution_with_source.f1, 1),
        **{f"{r}_exact_f1": round(100 * scores.exact[r].f1, 1) for r in ("source", "cue", "content")},
        **{f"{r}_overlap_f1": round(100 * scores.overlap[r].f1, 1) for r in ("source", "cue", "content")},
    }


def _save_checkpoint(path: Path, state: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def train(cfg: TrainConfig, log: Callable[[str], None] | None = None) -> dict:
    """Run (or resume) training; returns the best dev summary (or the last losses without dev)."""
    log = log or (lambda m: print(m, file=sys.stderr, flush=True))
    if cfg.variant == "fast":
        from .fast_train import train_fast

        return train_fast(cfg, log)
    if cfg.variant != "accurate":
        raise NotImplementedError(f"unknown variant {cfg.variant!r}; use --model fast or accurate")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    set_seed(cfg.seed)
    train_dir, dev_dir = split_dirs(cfg.data)
    tokenizer = load_tokenizer()
    articles = read_split(train_dir, cfg.limit)
    dev = read_split(dev_dir, cfg.dev_limit) if dev_dir else []
    windows = build_windows(tokenizer, [encode_gold(tokenizer, a) for a in articles], cfg.max_len, cfg.overlap)
    steps_per_epoch = math.ceil(len(windows) / cfg.batch_size)
    total = steps_per_epoch * cfg.epochs
    if cfg.max_steps:
        total = min(total, cfg.max_steps)
    log(f"train: {len(articles)} articles, {len(windows)} windows, {steps_per_epoch} steps/epoch, "
        f"{total} steps; dev: {len(dev)} articles; out: {out}")

    tagger_cfg = TaggerConfig(max_len=cfg.max_len)
    model = new_tagger(tagger_cfg, cfg.seed)
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    decay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim <= 1]
    optim = torch.optim.AdamW([
        {"params": decay, "weight_decay": cfg.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
        {"params": head, "weight_decay": 0.0, "lr": cfg.head_lr},
    ], lr=cfg.lr)
    warm = max(1, int(cfg.warmup * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))

    ckpt_path = out / "checkpoint.pt"
    step, best, history, evaluated = 0, None, [], 0
    if ckpt_path.is_file():
        state = torch.load(ckpt_path, map_location="cpu", weights_only=False)
        model.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step, best, history = state["step"], state.get("best"), state.get("history", [])
        evaluated = state.get("evaluated", 0)
        torch.set_rng_state(state["torch_rng"])
        random.setstate(state["py_rng"])
        log(f"resumed from {ckpt_path} at step {step}")

    def checkpoint():
        _save_checkpoint(ckpt_path, {
            "model": model.state_dict(), "optim": optim.state_dict(), "sched": sched.state_dict(),
            "step": step, "best": best, "history": history, "evaluated": evaluated, "config": asdict(cfg),
            "torch_rng": torch.get_rng_state(), "py_rng": random.getstate()})

    model.train()
    started, done_at_start = time.time(), step
    recent: list[float] = []
    while step < total or evaluated < step:
        if step and (step % steps_per_epoch == 0 or step >= total) and evaluated < step:
            # resumed from a checkpoint written at an epoch's end but before its dev run
            best = _end_epoch(cfg, model, tokenizer, tagger_cfg, dev, out, step, steps_per_epoch, best, log)
            evaluated = step
            checkpoint()
            continue
        epoch = step // steps_per_epoch
        order = torch.randperm(len(windows), generator=torch.Generator().manual_seed(cfg.seed + epoch)).tolist()
        in_epoch = step - epoch * steps_per_epoch
        for b in range(in_epoch, steps_per_epoch):
            batch = [windows[i] for i in order[b * cfg.batch_size:(b + 1) * cfg.batch_size]]
            ids, mask, labels = collate(batch, tokenizer.pad_token_id or 0)
            loss = tag_loss(model(ids, mask), labels)
            recent.append(optimizer_step(loss, model.parameters(), optim, sched))
            step += 1
            if step % cfg.log_every == 0 or step == total:
                log(progress_line(epoch + 1, cfg.epochs, step, total, sum(recent) / len(recent),
                                  sched.get_last_lr()[0], started, step - done_at_start))
                history.append({"step": step, "loss": sum(recent) / len(recent)})
                recent = []
            if step % cfg.checkpoint_every == 0:
                checkpoint()
            if step >= total or (cfg.stop_after and step >= cfg.stop_after):
                break
        if (step % steps_per_epoch == 0 or step >= total) and evaluated < step:
            best = _end_epoch(cfg, model, tokenizer, tagger_cfg, dev, out, step, steps_per_epoch, best, log)
            evaluated = step
            checkpoint()
        if cfg.stop_after and cfg.stop_after <= step < total:
            checkpoint()
            log(f"stopped at step {step} (stop_after); run the same command again to resume")
            return {"stopped": step, "history": history}
    if best is None:  # no dev split: keep the last model as the one to load
        save_tagger(model, tokenizer, out / "best", {"epoch": None, "dev": None, "train": asdict(cfg)})
    save_tagger(model, tokenizer, out / "last", {"step": step, "train": asdict(cfg)})
    log(f"done: best {json.dumps(best)}")
    return best or {"history": history}


def _end_epoch(cfg, model, tokenizer, tagger_cfg, dev, out: Path, step: int, steps_per_epoch: int,
               best: dict | None, log) -> dict | None:
    epoch = math.ceil(step / steps_per_epoch)
    if not dev:
        return best
    t0 = time.time()
    scores = dev_scores(model, tokenizer, dev, tagger_cfg.max_len, tagger_cfg.overlap)
    row = {"epoch": epoch, "step": step, "select": round(selection_score(scores), 2), **summary(scores),
           "dev_seconds": round(time.time() - t0, 1)}
    with open(out / "metrics.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    log(f"dev after epoch {epoch}: {json.dumps(row)}")
    if best is None or row["select"] > best["select"]:
        save_tagger(model, tokenizer, out / "best", {"epoch": epoch, "dev": row, "train": asdict(cfg)})
        log(f"new best (epoch {epoch}) saved to {out / 'best'}")
        return row
    return best
