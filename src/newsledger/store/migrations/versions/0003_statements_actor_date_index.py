"""Index ``statements (actor_id, effective_date, act)`` for actor timelines.

An actor's timeline counts its statements by date and act: with this index the count is
read from the index alone, without visiting the statements' rows (at 1M statements the
most quoted actor has a hundred thousand). See BENCHMARKS.md.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
from sqlalchemy import inspect

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAME = "ix_statements_actor_date"


def upgrade() -> None:
    bind = op.get_bind()
    if NAME not in {index["name"] for index in inspect(bind).get_indexes("statements")}:
        op.create_index(NAME, "statements", ["actor_id", "effective_date", "act"])


def downgrade() -> None:
    raise NotImplementedError("the ledger is never migrated down")
