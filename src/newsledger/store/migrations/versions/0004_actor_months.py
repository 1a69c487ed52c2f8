"""``actor_months``: statement counts by actor, month and act, filled from the statements.

Actor timelines by month read these counts instead of counting an actor's statements
(:mod:`newsledger.store.actor_months`; at 1M statements the most quoted actor has a hundred
thousand). The table is created when missing and filled from every stored statement, later
copies of a story left out; from then on the writers keep it in step. Older code ignores
the table, so the schema version stays 1.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, inspect

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

frozen = MetaData()
ACTOR_MONTHS = Table(
    "actor_months", frozen,
    Column("actor_id", Text, primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("act", String(40), primary_key=True),
    Column("statements", Integer, nullable=False),
)


def upgrade() -> None:
    from newsledger.store.timelines import recount_actor_months

    bind = op.get_bind()
    if not inspect(bind).has_table("actor_months"):
        ACTOR_MONTHS.create(bind)
    recount_actor_months(bind)


def downgrade() -> None:
    raise NotImplementedError("the ledger is never migrated down")
