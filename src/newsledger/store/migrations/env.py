"""Alembic's entry point: run the revisions on the connection newsledger hands over.

Only online migrations on an open connection are supported: the ledger opens the
connection, starts the write transaction and passes it in ``config.attributes``; the
revisions run inside that transaction (alembic begins none of its own).
"""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("newsledger migrations run through newsledger.store.migrations.upgrade "
                       "on an open connection (or `alembic -x url=...`, not supported)")

context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
