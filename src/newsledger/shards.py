"""Parquet shards: analysed articles on disk, written by ``ingest --shards DIR``, read by ``load``.

A shards folder holds ``part-NNNNNN.parquet`` files, each one batch of analysed articles in
input order: one row per article, with the article's fields as columns (``seq``, ``id``,
``published`` as ISO text, ``outlet``, ``url``, ``title``, ``path``, ``body_start``, ``text``,
``extra`` as JSON) and its statements as a JSON list (``statements``).

Statements are stored *before* speaker resolution: resolving needs the ledger's actor
registry, so ``load_shards`` resolves them while importing, in shard order, exactly as
``ingest`` would have; a ledger loaded from shards is the ledger a direct ingest makes.

``ShardWriter`` plays the ledger's part for ``ingest`` (``has_article``, ``add``): a shard is
written to a temporary name and renamed, so an interrupted run never leaves half a shard,
and a re-run into the same folder skips the articles its shards already hold.

JSON for statements: every model dataclass becomes an object of its fields, dates ISO text,
tuples lists; reading follows the dataclasses' type hints back. Values in the free-form
``extra`` dicts come back as JSON values (a tuple there comes back as a list).
"""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .cluster import INSTALL_HINT
from .ingest import Fresh, IngestSummary, ledger_resolver, store
from .model import Article, Statement
from .store import AddSummary, Ledger

PART = "part-{:06d}.parquet"
ARTICLE_COLUMNS = ("id", "published", "outlet", "url", "title", "path", "body_start", "text")


class ShardError(RuntimeError):
    """A shards folder that cannot be written or read."""


def _arrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ShardError(f"pyarrow is not installed ({exc}); {INSTALL_HINT}") from None
    return pa, pq


# -- JSON for model dataclasses --------------------------------------------------------------


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses as dicts, dates ISO, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(hint: Any, value: Any) -> Any:
    """``value`` (from ``to_json``) back as the type ``hint`` names."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return from_json(next(a for a in args if a is not type(None)), value)
    if hint is date:  # a datetime keeps its time
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_from_json(hint, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(args[0], v) for v in value)
        return tuple(from_json(a, v) for a, v in zip(args, value))
    if origin is list:
        return [from_json(args[0], v) for v in value]
    if origin is dict:
        return {k: from_json(args[1], v) for k, v in value.items()}
    return value


def _dataclass_from_json(cls: type, value: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    # Fields unknown to this version are dropped; missing ones take their defaults.
    return cls(**{k: from_json(hints[k], v) for k, v in value.items() if k in names})


# -- writing -------------------------------------------------------------------------------


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


class ShardWriter:
    """A shards folder being written; the ``ledger`` argument of ``ingest``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        pa, pq = _arrow()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ShardError(f"cannot create {self.folder}: {exc.strerror or exc}") from None
        parts = _parts(self.folder)
        self._next_part = int(parts[-1].name[5:11]) + 1 if parts else 0
        self._ids: set[str] = set()
        self._next_seq = 0
        for part in parts:  # ids only: a re-run skips what is already written
            ids = pq.read_table(part, columns=["id"]).column("id").to_pylist()
            self._ids.update(ids)
            self._next_seq += len(ids)

    def has_article(self, article_id: str) -> bool:
        return article_id in self._ids

    def add(self, results: Iterable[tuple[Article, list[Statement]]]) -> AddSummary:
        """Write one shard with the articles not yet in the folder."""
        rows, skipped, statements, ids = [], 0, 0, set()
        for article, found in results:
            if article.id in self._ids or article.id in ids:
                skipped += 1
                continue
            ids.add(article.id)
            rows.append(_row(self._next_seq + len(rows), article, found))
            statements += len(found)
        if rows:
            self._write(rows)
            self._ids.update(ids)  # only once the shard is on disk
        return AddSummary(articles_added=len(rows), articles_skipped=skipped,
                          statements_added=statements)

    def _write(self, rows: list[dict[str, Any]]) -> None:
        pa, pq = _arrow()
        path = self.folder / PART.format(self._next_part)
        temporary = path.with_name(path.name + ".tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=_schema(pa)), temporary)
        os.replace(temporary, path)
        self._next_part += 1
        self._next_seq += len(rows)

    def close(self) -> None:
        """Nothing to close (each shard is complete when written); for symmetry with Ledger."""


def _schema(pa: Any) -> Any:
    text = pa.string()
    return pa.schema([("seq", pa.int64()), ("id", text), ("published", text), ("outlet", text),
                      ("url", text), ("title", text), ("path", text), ("body_start", pa.int64()),
                      ("text", text), ("extra", text), ("statements", text)])


def _row(seq: int, article: Article, found: list[Statement]) -> dict[str, Any]:
    fields = to_json(article)
    row = {"seq": seq, "id": article.id, **{k: fields[k] for k in ARTICLE_COLUMNS if k != "id"}}
    row["extra"] = json.dumps(fields["extra"], ensure_ascii=False)
    row["statements"] = json.dumps(to_json(found), ensure_ascii=False)
    return row


# -- reading -------------------------------------------------------------------------------


def count_shard_articles(folder: str | os.PathLike[str]) -> int:
    """Articles in the folder's shards, from the Parquet footers (no data read)."""
    _, pq = _arrow()
    return sum(pq.ParquetFile(part).metadata.num_rows for part in _parts(Path(folder)))


def read_shards(folder: str | os.PathLike[str]) -> Iterator[tuple[Article, list[Statement]]]:
    """Every article of the folder's shards with its (unresolved) statements, in order."""
    _, pq = _arrow()
    folder = Path(folder)
    if not folder.is_dir():
        raise ShardError(f"{folder} is not a folder of shards")
    for part in _parts(folder):
        for row in pq.read_table(part).sort_by("seq").to_pylist():
            yield _article(row), from_json(list[Statement], json.loads(row["statements"]))


def _article(row: dict[str, Any]) -> Article:
    fields = {k: row[k] for k in ARTICLE_COLUMNS if k != "id"}
    fields["extra"] = json.loads(row["extra"]) if row["extra"] else {}
    article = from_json(Article, fields)
    if article.id != row["id"]:
        raise ShardError(f"article {row['id']} changed in its shard (its id does not match its fields)")
    return article


def load_shards(folder: str | os.PathLike[str], ledger: Ledger, *, batch_size: int = 64,
                on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Import a shards folder into ``ledger``: skip stored articles, resolve speakers, store."""
    summary = IngestSummary(total=count_shard_articles(folder))
    resolver, flush = ledger_resolver(ledger)
    fresh = Fresh(ledger.has_article)

    def new_results() -> Iterator[tuple[Article, list[Statement]]]:
        for article, found in read_shards(folder):
            summary.read += 1
            if not fresh.admit(article):
                summary.already_stored += 1
                continue
            yield article, (resolver(article, found) if resolver is not None else found)

    store(new_results(), ledger, summary, batch_size=batch_size, flush=flush,
          on_stored=fresh.stored, on_batch=on_batch)
    return summary
