"""``articles.extra``; the stories tables; the feed-watching tables.

``articles.extra`` (nullable JSON text: what a reader knew beyond the article's fields);
``story_copies``, ``story_bands``, ``story_statements`` (copies of one story across
outlets, :mod:`newsledger.store.stories`); ``feeds``, ``feed_entries`` (what ``watch``
polled and took, :mod:`newsledger.store.feeds`). Older code ignores all of them, so the
schema version stays 1. Each is added only when missing: a ledger written by the code
between 0001 and this revision may already have some.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

frozen = MetaData()
# Stand-ins for the foreign keys' targets (created by 0001; never created here).
Table("articles", frozen, Column("id", String(64), primary_key=True))
Table("statements", frozen, Column("id", String(64), primary_key=True))

NEW_TABLES = [
    Table(
        "story_copies", frozen,
        Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
        Column("story_id", String(64), nullable=False),
        Column("settings", String(80), nullable=False),
        Column("shingles", Integer, nullable=False),
        Column("signature", LargeBinary, nullable=False),
        Index("ix_story_copies_story", "story_id"),
    ),
    Table(
        "story_bands", frozen,
        Column("band", String(32), primary_key=True),
        Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    ),
    Table(
        "story_statements", frozen,
        Column("statement_id", String(64), ForeignKey("statements.id"), primary_key=True),
        Column("group_id", String(64), nullable=False),
        Index("ix_story_statements_group", "group_id"),
    ),
    Table(
        "feeds", frozen,
        Column("feed", String(2000), primary_key=True),
        Column("last_poll", DateTime(timezone=True)),
        Column("last_success", DateTime(timezone=True)),
        Column("etag", Text),
        Column("modified", Text),
        Column("last_error", Text),
    ),
    Table(
        "feed_entries", frozen,
        Column("feed", String(2000), primary_key=True),
        Column("entry", String(2000), primary_key=True),
        Column("article_id", String(64)),
        Column("seen_at", DateTime(timezone=True), nullable=False),
    ),
]


def upgrade() -> None:
    bind = op.get_bind()
    if "extra" not in {c["name"] for c in inspect(bind).get_columns("articles")}:
        op.add_column("articles", Column("extra", Text))
    frozen.create_all(bind, tables=NEW_TABLES, checkfirst=True)


def downgrade() -> None:
    raise NotImplementedError("the ledger is never migrated down")
