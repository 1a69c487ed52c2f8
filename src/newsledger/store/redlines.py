"""Red lines in the ledger: six tables beside the statements, and their reads and writes.

``redlines``
    one row per red line (holder × trigger), keyed by a stable id (a hash of holder and
    trigger key, computed by ``analysis/redlines.py``): ``group_id`` (same trigger across
    holders), holder id/name/kind, the trigger's text and key, ``trigger`` (the structured
    event as JSON), ``group_trigger`` (the group's text), ``consequence``, ``negative``
    (an "unless" trigger), first and last date stated, and the number of statements.
``redline_statements``
    (redline_id, statement_id): each statement that draws the red line, with its date,
    ``restatement`` (stated on a later date than the first) and ``evidence`` (JSON).
``redline_matches``
    (redline_id, statement_id): reported events that may have crossed the red line, with
    the event's date, the similarity score and ``evidence`` (JSON).
``redline_decisions``
    (redline_id, statement_id): a person's ``confirmed`` or ``rejected`` for a match, and
    when. Never cleared by a recomputation: decisions outlive the rows they were made on.
``redline_parses``
    statement_id → the parsed trigger or events (JSON) and the parser version, so that an
    update parses only statements it has not seen.
``redline_similarities``
    a cache: the encoder's similarity of a (trigger words, event words) pair, keyed by a
    hash of both texts and the encoder's version, so that an update embeds only new pairs.

The tables share the ledger's ``MetaData`` and are also created on first use by
:func:`ensure_redline_tables`, so older ledgers gain them without a migration. The store
knows no red-line logic: rows come and go as plain dicts.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import (Boolean, Column, Connection, Date, DateTime, Float, Index, Integer, String,
                        Table, Text, delete, inspect, select)

from newsledger.store.engine import write_transaction
from newsledger.store.schema import metadata

_ID = 40
_IN_CHUNK = 500

redlines = Table(
    "redlines", metadata,
    Column("id", String(_ID), primary_key=True),
    Column("group_id", String(_ID), nullable=False),
    Column("holder_id", Text),
    Column("holder_name", Text, nullable=False),
    Column("holder_kind", String(20)),
    Column("trigger_key", Text, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("group_trigger", Text, nullable=False),
    Column("consequence", Text),
    Column("negative", Boolean, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Column("statement_count", Integer, nullable=False),
    Index("ix_redlines_group", "group_id"),
)

redline_statements = Table(
    "redline_statements", metadata,
    Column("redline_id", String(_ID), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Column("article_id", String(64), nullable=False),
    Column("date", Date),
    Column("restatement", Boolean, nullable=False),
    Column("evidence", Text, nullable=False),
)

redline_matches = Table(
    "redline_matches", metadata,
    Column("redline_id", String(_ID), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Column("article_id", String(64), nullable=False),
    Column("date", Date),
    Column("similarity", Float),
    Column("evidence", Text, nullable=False),
)

redline_decisions = Table(
    "redline_decisions", metadata,
    Column("redline_id", String(_ID), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Column("decision", String(20), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)

redline_parses = Table(
    "redline_parses", metadata,
    Column("statement_id", String(64), primary_key=True),
    Column("role", String(10), nullable=False),
    Column("version", String(16), nullable=False),
    Column("parsed", Text, nullable=False),
)

redline_similarities = Table(
    "redline_similarities", metadata,
    Column("pair", String(64), primary_key=True),
    Column("score", Float, nullable=False),
)

TABLES = (redlines, redline_statements, redline_matches, redline_decisions, redline_parses)
# Caches only: nothing reads them to tell whether red lines were built.
_CACHES = (redline_similarities,)
DECISIONS = ("confirmed", "rejected")


def ensure_redline_tables(ledger: Any) -> None:
    """Create the red-line tables the ledger lacks (idempotent)."""
    with ledger.engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
    if all(t.name in present for t in TABLES + _CACHES):
        return
    with write_transaction(ledger.engine) as connection:
        for table in TABLES + _CACHES:
            table.create(connection, checkfirst=True)


# --------------------------------------------------------------------------- parses

def load_parses(ledger: Any, version: str) -> dict[str, Any]:
    """statement id → parsed JSON value, for parses made by parser ``version``."""
    ensure_redline_tables(ledger)
    q = select(redline_parses.c.statement_id, redline_parses.c.parsed).where(
        redline_parses.c.version == version)
    with ledger.engine.connect() as connection:
        return {sid: json.loads(parsed) for sid, parsed in connection.execute(q)}


def save_parses(ledger: Any, rows: Iterable[tuple[str, str, str, Any]]) -> int:
    """Store (statement id, role, version, parsed value) rows, replacing older versions."""
    values = [{"statement_id": s, "role": r, "version": v, "parsed": _dumps(p)} for s, r, v, p in rows]
    if not values:
        return 0
    ensure_redline_tables(ledger)
    with write_transaction(ledger.engine) as connection:
        _delete_in(connection, redline_parses, redline_parses.c.statement_id, [v["statement_id"] for v in values])
        connection.execute(redline_parses.insert(), values)
    return len(values)


def load_similarities(ledger: Any, pairs: Iterable[str]) -> dict[str, float]:
    """pair key → cached similarity, for the keys that have one."""
    ensure_redline_tables(ledger)
    keys = sorted(set(pairs))
    out: dict[str, float] = {}
    with ledger.engine.connect() as connection:
        for start in range(0, len(keys), _IN_CHUNK):
            q = select(redline_similarities.c.pair, redline_similarities.c.score).where(
                redline_similarities.c.pair.in_(keys[start:start + _IN_CHUNK]))
            out.update((pair, float(score)) for pair, score in connection.execute(q))
    return out


def save_similarities(ledger: Any, scores: dict[str, float]) -> int:
    """Cache similarities by pair key (a key already cached is replaced)."""
    if not scores:
        return 0
    ensure_redline_tables(ledger)
    with write_transaction(ledger.engine) as connection:
        _delete_in(connection, redline_similarities, redline_similarities.c.pair, sorted(scores))
        connection.execute(redline_similarities.insert(), [{"pair": k, "score": v} for k, v in scores.items()])
    return len(scores)


# --------------------------------------------------------------------------- red lines

def replace_redlines(ledger: Any, lines: list[dict[str, Any]], statement_rows: list[dict[str, Any]],
                     match_rows: list[dict[str, Any]]) -> None:
    """Replace every red line, red-line statement and match in one transaction (decisions and
    parses stay). Rows are dicts with the tables' columns; ``trigger``/``evidence`` may be
    dicts (stored as JSON)."""
    ensure_redline_tables(ledger)
    with write_transaction(ledger.engine) as connection:
        for table in (redline_matches, redline_statements, redlines):
            connection.execute(delete(table))
        for table, rows in ((redlines, lines), (redline_statements, statement_rows),
                            (redline_matches, match_rows)):
            if rows:
                connection.execute(table.insert(), [_encode(table, r) for r in rows])


def load_redlines(ledger: Any, group_of: str | None = None) -> list[dict[str, Any]]:
    """Every red line row (``trigger`` decoded), oldest first; or only the rows of the
    group the red line ``group_of`` is in."""
    ensure_redline_tables(ledger)
    q = select(redlines).order_by(redlines.c.first_date, redlines.c.id)
    if group_of is not None:
        q = q.where(redlines.c.group_id.in_(select(redlines.c.group_id).where(redlines.c.id == group_of)))
    with ledger.engine.connect() as connection:
        return [_decode(row._mapping) for row in connection.execute(q)]


# Each loader takes one red line id, a list of them, or None for every red line.
RedLineIds = str | list[str] | None


def load_redline_statements(ledger: Any, redline_id: RedLineIds = None) -> list[dict[str, Any]]:
    return _load(ledger, redline_statements, redline_id)


def load_matches(ledger: Any, redline_id: RedLineIds = None) -> list[dict[str, Any]]:
    return _load(ledger, redline_matches, redline_id)


def load_decisions(ledger: Any, redline_id: RedLineIds = None) -> list[dict[str, Any]]:
    return _load(ledger, redline_decisions, redline_id)


def _load(ledger: Any, table: Table, redline_id: RedLineIds) -> list[dict[str, Any]]:
    ensure_redline_tables(ledger)
    q = select(table)
    if isinstance(redline_id, str):
        q = q.where(table.c.redline_id == redline_id)
    elif redline_id is not None:
        q = q.where(table.c.redline_id.in_(redline_id))
    q = q.order_by(*[c for c in (table.c.get("date"), table.c.redline_id, table.c.statement_id)
                     if c is not None])
    with ledger.engine.connect() as connection:
        return [_decode(row._mapping) for row in connection.execute(q)]


def find_redline_ids(ledger: Any, prefix: str) -> list[str]:
    """Ids of red lines equal to or starting with ``prefix`` (what the CLI accepts)."""
    ensure_redline_tables(ledger)
    if not prefix or "\x00" in prefix:
        return []
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    q = select(redlines.c.id).where(redlines.c.id.like(escaped + "%", escape="\\")).order_by(redlines.c.id)
    with ledger.engine.connect() as connection:
        return list(connection.execute(q).scalars())


def save_decisions(ledger: Any, redline_id: str, statement_ids: Iterable[str], decision: str,
                   when: datetime | None = None) -> int:
    """Record ``decision`` (confirmed or rejected) for the red line's matches, replacing any
    earlier decision on them."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    ids = sorted(set(statement_ids))
    if not ids:
        return 0
    when = when or datetime.now(timezone.utc)
    ensure_redline_tables(ledger)
    with write_transaction(ledger.engine) as connection:
        connection.execute(delete(redline_decisions).where(
            redline_decisions.c.redline_id == redline_id, redline_decisions.c.statement_id.in_(ids)))
        connection.execute(redline_decisions.insert(), [
            {"redline_id": redline_id, "statement_id": s, "decision": decision, "decided_at": when}
            for s in ids])
    return len(ids)


# --------------------------------------------------------------------------- helpers

_JSON_COLUMNS = ("trigger", "evidence")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def _encode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {c.name: row.get(c.name) for c in table.columns}
    for key in _JSON_COLUMNS:
        if key in out and not isinstance(out[key], str):
            out[key] = _dumps(out[key])
    for c in table.columns:  # ISO strings in, dates stored
        if isinstance(c.type, Date) and isinstance(out.get(c.name), str):
            out[c.name] = date.fromisoformat(out[c.name])
    return out


def _decode(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    for key in _JSON_COLUMNS:
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    for key, value in row.items():
        if isinstance(value, datetime):
            row[key] = value.isoformat()
        elif isinstance(value, date):
            row[key] = value.isoformat()
    return row


def _delete_in(connection: Connection, table: Table, column: Column, ids: list[str]) -> None:
    for start in range(0, len(ids), _IN_CHUNK):
        connection.execute(delete(table).where(column.in_(ids[start:start + _IN_CHUNK])))


__all__ = ["DECISIONS", "ensure_redline_tables", "find_redline_ids", "load_decisions", "load_matches",
           "load_parses", "load_redline_statements", "load_redlines", "load_similarities",
           "replace_redlines", "save_decisions", "save_parses", "save_similarities"]
