"""Opening a database: from a path or URL to a configured SQLAlchemy engine.

This module is the one place that knows about dialect-specific connection set-up.

- A plain path (``"ledger.db"``, ``pathlib.Path``) means a SQLite file; ``":memory:"`` an
  in-memory SQLite database (one per thread, for tests).
- Anything containing ``"://"`` is a SQLAlchemy URL (``sqlite:///...``,
  ``postgresql+psycopg://...``). A bare ``postgresql://`` URL uses psycopg (version 3) when
  psycopg2 is not installed but psycopg is.

SQLite connections get, on connect: ``busy_timeout`` (writers wait instead of failing at
once), ``journal_mode=WAL`` (switched once per file, waiting like a writer; readers never block the writer and vice versa; a no-op for
in-memory databases), ``synchronous=NORMAL`` (safe with WAL) and ``foreign_keys=ON``.
The pysqlite driver's own implicit transaction handling is switched off and SQLAlchemy
emits ``BEGIN`` itself, so that a transaction covers everything inside it (reads included)
and a write transaction can start with ``BEGIN IMMEDIATE``: it takes the write lock before
it reads, so the "is this article stored already?" check and the inserts that follow see
the same database. On PostgreSQL a write transaction takes a transaction-scoped advisory
lock first, so writers take turns there too (see :func:`write_transaction`). Nothing else is
stored or configured here.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import time
from contextlib import contextmanager
from os import PathLike
from typing import Iterator

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.engine import URL, make_url

# Execution option read by the SQLite "begin" hook: how to open the transaction.
_BEGIN_OPTION = "newsledger_sqlite_begin"
_BEGIN_MODES = {"DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}
# PostgreSQL advisory lock key that every write transaction holds ("nlwr").
WRITERS_LOCK = 0x6E6C7772


def to_url(target: str | PathLike[str] | URL) -> URL:
    """The SQLAlchemy URL for a path or URL string (see the module docstring)."""
    if isinstance(target, URL):
        url = target
    elif isinstance(target, str) and "://" in target:
        url = make_url(target)
    else:
        path = str(target)
        # URL.create keeps the path verbatim: no escaping problems with '?', '%' or '#'.
        url = URL.create("sqlite") if path == ":memory:" else URL.create("sqlite", database=path)
    if url.drivername == "postgresql" and _prefer_psycopg3():
        url = url.set(drivername="postgresql+psycopg")
    return url


def _prefer_psycopg3() -> bool:
    return (
        importlib.util.find_spec("psycopg2") is None
        and importlib.util.find_spec("psycopg") is not None
    )


def make_engine(target: str | PathLike[str] | URL, *, timeout: float = 30.0) -> Engine:
    """An engine for ``target``; SQLite gets WAL, a busy timeout and explicit BEGIN."""
    url = to_url(target)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    in_memory = url.database in (None, "", ":memory:")
    connect_args = {"timeout": timeout}
    if not in_memory:
        # The pool hands a connection to one thread at a time; the web server may use several.
        connect_args["check_same_thread"] = False
    engine = create_engine(url, connect_args=connect_args)
    _configure_sqlite(engine, busy_timeout_ms=int(timeout * 1000))
    return engine


def _configure_sqlite(engine: Engine, *, busy_timeout_ms: int) -> None:
    busy_timeout_ms = max(0, int(busy_timeout_ms))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms:d}")
            _switch_to_wal(cursor, wait_s=busy_timeout_ms / 1000)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(_BEGIN_MODES[mode])


def _switch_to_wal(cursor, *, wait_s: float) -> None:
    """Put the database in WAL mode, waiting (like any writer) while another connection holds it.

    Why not a plain PRAGMA: switching the journal mode needs the database to itself and
    SQLite does not call the busy handler for it, so when several processes open a new
    ledger at once all but one would fail at once with "database is locked". The mode is
    stored in the file, so once one connection has switched it the others only read it.
    """
    deadline = time.monotonic() + wait_s
    pause = 0.005
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() not in ("wal", "memory"):
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed on success, rolled back on any exception.

    On SQLite it starts with ``BEGIN IMMEDIATE`` (the write lock is taken up front and
    waited for up to the busy timeout). On PostgreSQL it first takes the advisory lock
    :data:`WRITERS_LOCK`, held until commit or rollback, so write transactions take turns as
    on SQLite. Why: two ingests that insert overlapping articles in different orders each wait
    on the other's uncommitted rows, and PostgreSQL ends one with "deadlock detected"; the
    same goes for the actor and tally rows every batch updates. Readers are never blocked.
    A process must not open a second write transaction while it holds one (it would wait for
    itself), as on SQLite. Elsewhere it is an ordinary transaction.
    """
    with engine.connect() as connection:
        connection.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK:d})")
            yield connection


def upserting_insert(connection: Connection, table: Table):
    """The backend's own ``INSERT`` into ``table``, which has ``on_conflict_do_nothing`` and
    ``on_conflict_do_update`` (SQLite and PostgreSQL); None on other backends."""
    name = connection.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        return None
    return dialect_insert(table)


def insert_ignore(connection: Connection, table: Table):
    """``INSERT`` that silently skips rows whose primary key is already stored.

    SQLite and PostgreSQL both have ``ON CONFLICT DO NOTHING``; other backends get a plain
    insert (callers check for existing keys first, so it only matters under races).
    """
    stmt = upserting_insert(connection, table)
    return insert(table) if stmt is None else stmt.on_conflict_do_nothing()
