"""Alembic migrations of the ledger, one chain for SQLite and PostgreSQL.

Revisions live in ``versions/``: ``0001`` is the version-1 schema as first released
(meta, articles, statements, mentions, actors, the search index); later revisions add to
it. Every revision creates only what is missing (``checkfirst``, a column added only when
absent), because ledgers written before the migrations existed carry no ``alembic_version``
row: they are upgraded from the start of the chain like a new database, and whatever part
of the schema they already have is kept as it is. Nothing is ever rewritten or dropped.

Used by :func:`newsledger.store.schema.upgrade` inside the ledger's write transaction (the
connection is handed to ``env.py``), so a migration and the version it records commit
together. ``alembic`` itself is only imported here, when a ledger needs upgrading or its
revision is read.

A database stamped with a revision this code does not know was upgraded by a newer
newsledger; :func:`pending` then reports nothing to do (older code still opens a ledger
with additions it can ignore; :data:`schema.SCHEMA_VERSION` is what refuses a database
it could not read).

Adding a revision (a developer's step, not done at run time)::

    alembic -c src/newsledger/store/migrations/alembic.ini revision -m "what it adds"

then write ``upgrade()`` by hand, creating only what is missing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect

HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _revisions() -> tuple[str, frozenset[str]]:
    """(head revision, every known revision), read once from ``versions/``."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
    known = frozenset(script.revision for script in scripts.walk_revisions())
    return scripts.get_current_head(), known


def head() -> str:
    """The newest revision this code knows."""
    return _revisions()[0]


def current(connection: Connection) -> str | None:
    """The revision recorded in the database, or None (new, or written before migrations)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _stale(connection: Connection) -> bool:
    """True when a revision is recorded but the tables it made are gone (dropped by hand,
    ``alembic_version`` left behind): the record cannot be trusted."""
    return not inspect(connection).has_table("meta")


def pending(connection: Connection) -> bool:
    """True when revisions of this code are still to be applied to the database."""
    revision = current(connection)
    if revision is None or _stale(connection):
        return True
    latest, known = _revisions()
    return revision != latest and revision in known


def upgrade(connection: Connection) -> None:
    """Apply every pending revision on ``connection``, inside its current transaction.

    A stale record (see :func:`_stale`) is cleared first, and the chain runs from the
    start: the revisions create only what is missing, so that is always safe."""
    from alembic import command

    if not pending(connection):
        return
    if current(connection) is not None and _stale(connection):
        connection.exec_driver_sql("DELETE FROM alembic_version")
    command.upgrade(_config(connection), "head")
