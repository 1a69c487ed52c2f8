"""``newsledger train attribution``: train the learned attribution model on PolNeAR.

    newsledger train attribution --data ../shared/data/polnear --out models/attribution \\
        [--model fast|accurate] [--epochs N] [--limit N]

Fixed seeds; a checkpoint is written to ``OUT/checkpoint.pt`` every
``--checkpoint-every`` steps and after each epoch, and running the same command
again resumes from it. Progress (loss, learning rate, elapsed time, ETA) goes to
stderr; dev scores per epoch to ``OUT/metrics.jsonl``; the best epoch on dev to
``OUT/best/``. ``register(app)`` adds the ``train`` group to the main Typer app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

err = Console(stderr=True, soft_wrap=True, highlight=False)
train_app = typer.Typer(help="Train newsledger's own models.", no_args_is_help=True)


@train_app.command("attribution")
def train_attribution(
    data: Path = typer.Option(..., "--data", help="PolNeAR folder (with train/ and dev/) or a train split folder."),
    out: Path = typer.Option(..., "--out", help="Folder for checkpoints, metrics and the trained model (OUT/best)."),
    model: str = typer.Option("accurate", "--model", help="Variant: fast or accurate."),
    epochs: int = typer.Option(3, "--epochs", min=1, help="Passes over the training split."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Train on the first N articles only."),
    dev_limit: Optional[int] = typer.Option(None, "--dev-limit", min=0, help="Score only the first N dev articles."),
    batch_size: int = typer.Option(8, "--batch-size", min=1),
    lr: float = typer.Option(8e-5, "--lr", help="Encoder learning rate (the head uses --head-lr)."),
    head_lr: float = typer.Option(1e-3, "--head-lr"),
    seed: int = typer.Option(13, "--seed"),
    checkpoint_every: int = typer.Option(200, "--checkpoint-every", min=1, help="Steps between checkpoints."),
    threads: int = typer.Option(0, "--threads", min=0, help="torch CPU threads (0: torch's default)."),
) -> None:
    """Train the attribution tagger; resumes from OUT/checkpoint.pt when present."""
    if model not in ("fast", "accurate"):
        err.print(f"error: --model must be fast or accurate, not {model!r}")
        raise typer.Exit(2)
    from .evaluate.polnear import read_polnear  # noqa: F401  (fail early on a bad folder)
    from .nlp.learned.train import TrainConfig, split_dirs, train

    train_dir, dev_dir = split_dirs(data)
    if not (train_dir / "text").is_dir() or not (train_dir / "attributions").is_dir():
        err.print(f"error: {data} is not a PolNeAR folder (need train/text and train/attributions, "
                  "or text/ and attributions/)")
        raise typer.Exit(2)
    if dev_dir is None:
        err.print(f"note: no dev/ beside {train_dir}; the last epoch is kept as the model")
    cfg = TrainConfig(data=str(data), out=str(out), variant=model, epochs=epochs, limit=limit,
                      dev_limit=dev_limit, batch_size=batch_size, lr=lr, head_lr=head_lr, seed=seed,
                      checkpoint_every=checkpoint_every, threads=threads)
    try:
        best = train(cfg, log=lambda m: err.print(m))
    except NotImplementedError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    written = out / ("best.npz" if model == "fast" else "best")
    err.print(f"model written to {written}; best dev: {best}")


def register(app: typer.Typer) -> None:
    """Add ``train`` (with ``train attribution``) to the ``newsledger`` app."""
    app.add_typer(train_app, name="train")


__all__ = ["register", "train_app", "train_attribution"]
