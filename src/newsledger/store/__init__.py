"""The store stage: the ledger database (SQLAlchemy 2; SQLite by default, PostgreSQL by URL).

Public API::

    from newsledger.store import Ledger, AddSummary
    ledger = Ledger("newsledger.db")        # or "sqlite:///...", "postgresql+psycopg://..."
    summary = ledger.add([(article, statements), ...])   # one transaction per call
    ledger.statements(speaker="lee", act="threat", since="2024-03-01", search="NATO")

What is stored, per module: tables and derived columns in :mod:`.schema`; the search index
in :mod:`.search`; write and read semantics in :mod:`.ledger`; filters and order in
:mod:`.query`; connection set-up (WAL, busy timeout, BEGIN IMMEDIATE) in :mod:`.engine`.
The store knows the model types only, never spaCy.
"""

from newsledger.store import actors as _actors  # noqa: F401  (registers the actors table)
from newsledger.store.ledger import AddSummary, Ledger
from newsledger.store.schema import SCHEMA_VERSION, SchemaError

__all__ = ["AddSummary", "Ledger", "SCHEMA_VERSION", "SchemaError"]
