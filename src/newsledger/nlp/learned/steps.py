"""What both trainers (accurate: ``train.py``; fast: ``fast_train.py``) do the same way:
one optimiser step, and the progress line with elapsed time and ETA."""

from __future__ import annotations

import time


def clock(seconds: float) -> str:
    """``H:MM:SS``."""
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def optimizer_step(loss, parameters, optim, sched, max_norm: float = 1.0) -> float:
    """Back-propagate ``loss``, clip the gradient norm, step optimiser and schedule; the loss."""
    import torch

    optim.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(parameters, max_norm)
    optim.step()
    sched.step()
    return loss.item()


def progress_line(epoch: int, epochs: int, step: int, total: int, mean_loss: float, lr: float,
                  started: float, steps_timed: int) -> str:
    """``epoch e/E step s/T loss … lr … elapsed … eta …``; the ETA from the rate of the
    ``steps_timed`` steps run since ``started``."""
    elapsed = time.time() - started
    rate = elapsed / max(1, steps_timed)
    return (f"epoch {epoch}/{epochs} step {step}/{total} loss {mean_loss:.4f} lr {lr:.2e} "
            f"elapsed {clock(elapsed)} eta {clock(rate * (total - step))}")
