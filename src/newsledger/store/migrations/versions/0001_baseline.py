"""Baseline: the version-1 ledger as first released.

Tables ``meta`` (with ``schema_version`` = 1), ``articles`` (without ``extra``, added by
0002), ``statements``, ``mentions``, ``actors``, and the search index (FTS5 table on
SQLite, GIN expression index on PostgreSQL). The tables are frozen copies written out
here, not the live ones of :mod:`newsledger.store.schema`: a revision must keep creating
what it created when it was written, whatever the code becomes later.

Revision ID: 0001
Revises: (none)
"""

from alembic import op
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

from newsledger.store import search

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

frozen = MetaData()

meta = Table("meta", frozen, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))

Table(
    "articles", frozen,
    Column("id", String(64), primary_key=True),
    Column("text", Text, nullable=False),
    Column("body_start", Integer, nullable=False),
    Column("path", Text),
    Column("outlet", Text),
    Column("outlet_key", Text),
    Column("url", Text),
    Column("published", Date),
    Column("title", Text),
    Column("text_hash", String(64), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_outlet_key", "outlet_key"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_text_hash", "text_hash"),
)

Table(
    "statements", frozen,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("speaker_name", Text),
    Column("speaker_mention", Text),
    Column("speaker_kind", String),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_key", Text, nullable=False),
    Column("actor_id", Text),
    Column("cue", Text, nullable=False),
    Column("act", String, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("quote", String, nullable=False),
    Column("date", Date),
    Column("effective_date", Date),
    Column("sort_published", Date, nullable=False),
    Column("has_condition", Boolean, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("confidence", Float),
    Column("record", Text, nullable=False),
    Index("ix_statements_order", "sort_published", "article_id", "content_start", "id"),
    Index("ix_statements_article", "article_id", "content_start"),
    Index("ix_statements_speaker_name", "speaker_name"),
    Index("ix_statements_actor", "actor_id"),
    Index("ix_statements_act", "act"),
    Index("ix_statements_effective_date", "effective_date"),
)

Table(
    "mentions", frozen,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("kind", String),
    Column("actor_id", Text),
    Column("role", Text),
    Column("country", Text),
    Column("organization", Text),
    Index("ix_mentions_actor", "actor_id"),
    Index("ix_mentions_name", "name"),
)

Table(
    "actors", frozen,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("role", Text),
    Column("country", String(3)),
    Column("organization", Text),
    Column("aliases", Text, nullable=False),
    Column("roles", Text, nullable=False),
    Column("members", Text, nullable=False),
    Column("merged_into", String(200)),
    Column("in_kb", Boolean, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Index("ix_actors_kind", "kind"),
    Index("ix_actors_merged_into", "merged_into"),
)


def upgrade() -> None:
    bind = op.get_bind()
    frozen.create_all(bind, checkfirst=True)  # a ledger from before migrations keeps its tables
    search.create_index(bind)
    stored = bind.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    if stored is None:
        bind.execute(meta.insert().values(key="schema_version", value="1"))


def downgrade() -> None:
    raise NotImplementedError("the ledger is never migrated down")
