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

# Every module that registers tables on the shared metadata is imported here, so any
# ledger opened creates (and any test drop-all sees) the whole schema.
from newsledger.store import actors as _actors  # noqa: F401
from newsledger.store import feeds as _feeds  # noqa: F401
from newsledger.store import outlet_voice as _outlet_voice  # noqa: F401
from newsledger.store import positions as _positions  # noqa: F401
from newsledger.store import redlines as _redlines  # noqa: F401
from newsledger.store import stories as _stories  # noqa: F401
from newsledger.store.ledger import AddSummary, Ledger
from newsledger.store.schema import SCHEMA_VERSION, SchemaError

__all__ = ["AddSummary", "Ledger", "SCHEMA_VERSION", "SchemaError"]
