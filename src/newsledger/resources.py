"""Model files shipped inside the package, checked against their checksums when loaded.

newsledger's own models (the attribution taggers it trains on PolNeAR, and the
sentence encoder the analysis stage embeds triggers and issues with) live in
``newsledger/models/`` as package data. ``models/MANIFEST.json`` names each one:

    {"attribution-accurate": {"file": "attribution-accurate.onnx", "sha256": "…",
                              "bytes": 23000000, "built_by": "python scripts/export_models.py …"}}

:func:`model_file` returns the path of a named model after checking that the file is
there and that its SHA-256 matches the manifest, so a truncated download, a damaged
install or a file swapped by hand is a clear :class:`ModelFileError` (saying how to
fix it) instead of a crash deep inside ONNX Runtime. The check runs once per file and
process. Like ``model.py``, this module imports nothing of the project.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).parent / "models"
MANIFEST = MODELS_DIR / "MANIFEST.json"
FIX = "reinstall newsledger (`pip install --force-reinstall newsledger`), or rebuild it with: {built_by}"


class ModelFileError(RuntimeError):
    """A shipped model file is missing or damaged; the message says how to fix it."""


def manifest() -> dict[str, dict[str, Any]]:
    """The manifest's entries by model name (empty when no model has been shipped)."""
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{MANIFEST} cannot be read ({exc}); reinstall newsledger") from exc


def available(name: str) -> bool:
    """True when ``name`` is in the manifest and its file exists (the checksum is not read)."""
    entry = manifest().get(name)
    return entry is not None and (MODELS_DIR / entry["file"]).is_file()


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=None)
def model_file(name: str) -> Path:
    """The checked path of shipped model ``name``; :class:`ModelFileError` if unusable."""
    entries = manifest()
    entry = entries.get(name)
    if entry is None:
        known = ", ".join(sorted(entries)) or "none"
        raise ModelFileError(f"no shipped model named {name!r} (shipped: {known}); "
                             "reinstall newsledger or rebuild it with scripts/export_models.py")
    path = MODELS_DIR / entry["file"]
    fix = FIX.format(built_by=entry.get("built_by", "scripts/export_models.py"))
    if not path.is_file():
        raise ModelFileError(f"model file {path} is missing; {fix}")
    if sha256_of(path) != entry["sha256"]:
        raise ModelFileError(f"model file {path} is damaged (its checksum does not match); {fix}")
    return path


def model_info(name: str) -> dict[str, Any]:
    """The manifest entry of ``name`` (file, sha256, bytes, built_by, and any figures)."""
    return dict(manifest().get(name) or {})


def register(name: str, path: Path, built_by: str, **info: Any) -> dict[str, Any]:
    """Add or replace ``name`` in the manifest for a file already in ``MODELS_DIR``.

    Used by the export scripts, not at run time.
    """
    path = Path(path)
    if path.parent.resolve() != MODELS_DIR.resolve():
        raise ValueError(f"{path} is not in {MODELS_DIR}")
    entries = manifest()
    entries[name] = {"file": path.name, "sha256": sha256_of(path), "bytes": path.stat().st_size,
                     "built_by": built_by, **info}
    MANIFEST.write_text(json.dumps(entries, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    model_file.cache_clear()
    return entries[name]
