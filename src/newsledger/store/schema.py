"""The ledger's tables (SQLAlchemy Core, portable between SQLite and PostgreSQL).

What is stored:

``meta``
    key/value text pairs; ``schema_version`` = ``"1"``.
``articles``
    one row per ``Article``, keyed by ``Article.id`` (a hash of text and metadata): the input
    ``text`` exactly as read, ``body_start``, ``path``, ``outlet``, ``url``, ``published``
    (DATE), ``title``, ``text_hash`` and ``added_at`` (UTC time of insertion).
    ``outlet_key`` is the case-folded outlet, for the case-insensitive outlet filter.
    ``extra`` is ``Article.extra`` as JSON text (sorted keys, so the same article always
    gives the same text), or NULL when it is empty: what the reader knew beyond the
    fields above (a feed entry's id, ``content`` ``"full"``/``"summary"``, author,
    ``format``...).
``statements``
    one row per statement id (``Statement.statement_id(article)``). ``record`` is the whole
    statement record (the export contract of DESIGN.md, exactly ``Statement.record(article)``)
    as JSON text; reads return it as stored, so exports are byte-stable. The other columns are
    copies of record fields, kept only so that filters and ordering can use indexes:
    speaker name/mention/kind/actor id and span, cue, act, negated, quote, ``date`` (DATE, the
    statement's own date), ``has_condition``, content start/end and the content text.
    Derived columns: ``effective_date`` = the statement date, else the article's published
    date (what ``since``/``until`` compare against); ``sort_published`` = the article's
    published date, or 9999-12-31 when it has none (so undated articles sort last and the
    paging key is never NULL); ``speaker_key`` = case-folded ``name + "\\x1f" + mention``
    (for the case-insensitive speaker filter, Unicode-correct on every backend).
    Not stored: ``Statement.extra``, ``sentence_span``, mention ``chain``, target spans (the
    record's fields are all there is).
``mentions``
    one row per distinct speaker mention of the stored statements, keyed by
    (article_id, start, end): text, resolved name, kind, actor id, role, country,
    organization. The first statement to use a span decides its resolution.

The search index lives in :mod:`newsledger.store.search` (FTS5 on SQLite, a GIN expression
index on PostgreSQL); the baseline migration creates it with the tables.

Versions and migrations: the schema is built by the Alembic revisions of
:mod:`newsledger.store.migrations` (the same chain on SQLite and PostgreSQL; the revision
applied is in ``alembic_version``). :func:`upgrade` applies the pending ones when a ledger is
opened, so a ledger written by older code, before migrations existed included, opens and
gains what it lacks; nothing is rewritten. ``SCHEMA_VERSION`` (in ``meta``) changes only
when older newsledger code could no longer read or write the database correctly: additions
older code can ignore (a nullable column, a new table) keep it, so older code still opens
a newer ledger. Tables that other store modules register on this ``metadata`` without a
revision yet (analysis tables they also create on first use) are created by :func:`upgrade`
after the revisions.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
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
    inspect,
    select,
)


SCHEMA_VERSION = 1
_PG_SCHEMA_LOCK = 0x6E6C7363  # "nlsc": the advisory lock key of schema upgrades
UNDATED = date(9999, 12, 31)  # sort_published of articles without a published date

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
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
    Column("extra", Text),
    Index("ix_articles_outlet_key", "outlet_key"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_text_hash", "text_hash"),
)

statements = Table(
    "statements",
    metadata,
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
    # The order of statements(): (published, article id, content start), id breaks ties.
    Index("ix_statements_order", "sort_published", "article_id", "content_start", "id"),
    Index("ix_statements_article", "article_id", "content_start"),
    Index("ix_statements_speaker_name", "speaker_name"),
    Index("ix_statements_actor", "actor_id"),
    # Actor timelines count by date and act from this index alone (migration 0003).
    Index("ix_statements_actor_date", "actor_id", "effective_date", "act"),
    Index("ix_statements_act", "act"),
    Index("ix_statements_effective_date", "effective_date"),
)

mentions = Table(
    "mentions",
    metadata,
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


class SchemaError(RuntimeError):
    """The database was written by a newer newsledger (unknown schema version)."""


def stored_version(connection: Connection) -> int | None:
    """The schema version recorded in the database, or None when there is no schema yet."""
    if not inspect(connection).has_table("meta"):
        return None
    value = connection.execute(
        select(meta.c.value).where(meta.c.key == "schema_version")
    ).scalar_one_or_none()
    return int(value) if value is not None else None


def check_version(version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaError(
            f"the database has schema version {version}, newer than this newsledger "
            f"understands ({SCHEMA_VERSION}); upgrade newsledger"
        )


def missing_parts(connection: Connection) -> bool:
    """True when a migration is pending or a table of this ``metadata`` is missing (cheap:
    one read of ``alembic_version`` and the table names)."""
    from newsledger.store import migrations

    if migrations.pending(connection):
        return True
    tables = set(inspect(connection).get_table_names())
    return any(name not in tables for name in metadata.tables)


def upgrade(connection: Connection) -> None:
    """Bring the database to this code's schema, inside the caller's transaction: refuse a
    newer schema version, apply the pending migrations, then create tables registered on
    ``metadata`` that no revision creates. Idempotent; nothing is rewritten."""
    from newsledger.store import migrations

    check_version(stored_version(connection))
    if connection.dialect.name == "postgresql":
        # Two processes opening a new database at once: the second waits, then finds it done.
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_SCHEMA_LOCK:d})")
    migrations.upgrade(connection)
    metadata.create_all(connection, checkfirst=True)


def create_schema(connection: Connection) -> None:
    """The whole schema on an empty (or older) database: :func:`upgrade`, by another name."""
    upgrade(connection)
