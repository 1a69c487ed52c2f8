"""Alembic migrations: a new ledger is built by them, an older one is upgraded in place.

Older ledgers are made the way older code left them: a ledger is written by this code,
then taken back by hand to what an older release wrote (no ``alembic_version``; for the
first release also no ``articles.extra`` column and no stories or feed tables). Opening it
must keep every stored record byte for byte and add what is missing. Every test runs on
SQLite and, when NEWSLEDGER_TEST_POSTGRES_URL is set, on PostgreSQL (in a schema of its own).
"""

from __future__ import annotations

import io
import os
import threading
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from newsledger.model import Article, Mention, Statement
from newsledger.output import write_jsonl
from newsledger.store import Ledger, SchemaError, migrations, schema
from newsledger.store.engine import make_engine

POSTGRES_URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")

RELEASE_1_TABLES = {"meta", "articles", "statements", "mentions", "actors"}
LATER_TABLES = {"story_copies", "story_bands", "story_statements", "feeds", "feed_entries"}


def report(n: int, outlet: str, extra: dict | None = None) -> tuple[Article, list[Statement]]:
    """An article with one attributed statement (built by hand: no pipeline needed)."""
    speaker = ("Mayor Clara Voss", "Voss")[n % 2]
    body = f"{speaker} said on Monday that the harbor tunnel would close for {n + 2} weeks."
    text_ = f"date 2024-05-{n + 1:02d} {body}"
    article = Article(text=text_, outlet=outlet, published=date(2024, 5, n + 1), extra=extra or {})
    start = text_.index(speaker)
    cue = text_.index("said")
    content = text_.index("the harbor")
    found = Statement(cue="said", cue_span=(cue, cue + 4), content=text_[content:-1],
                      content_spans=[(content, len(text_) - 1)],
                      speaker=Mention(text=speaker, span=(start, start + len(speaker)),
                                      name="Clara Voss", kind="person", actor_id="clara-voss"))
    return article, [found]


def export(ledger: Ledger) -> str:
    stream = io.StringIO()
    write_jsonl(ledger.iter_statements(), stream)
    return stream.getvalue()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def target(request, tmp_path: Path):
    """Where a ledger is opened: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    name = f"nl_migrate_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {name}"))
    try:
        separator = "&" if "?" in POSTGRES_URL else "?"
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


def tables(ledger: Ledger) -> set[str]:
    return set(inspect(ledger.engine).get_table_names())


def statement_indexes(ledger: Ledger) -> set[str]:
    return {index["name"] for index in inspect(ledger.engine).get_indexes("statements")}


def revision(ledger: Ledger) -> str | None:
    with ledger.engine.connect() as connection:
        return migrations.current(connection)


def as_release(ledger: Ledger, release: int) -> None:
    """Take a ledger back to what an older release wrote: 1 (first release), or 2 (extra
    column and stories/feed tables, still no migrations)."""
    with ledger.engine.begin() as connection:
        drop(connection, "alembic_version")
        if release == 1:
            for name in ("story_statements", "story_bands", "story_copies", "feed_entries", "feeds"):
                drop(connection, name)
            connection.execute(text("ALTER TABLE articles DROP COLUMN extra"))
        connection.execute(text("DROP INDEX ix_statements_actor_date"))  # came with 0003
        unknown = tables_of(connection) - RELEASE_1_TABLES - LATER_TABLES - {"alembic_version"}
        for name in sorted(unknown):  # tables of analysis modules, made on first use
            if not name.startswith("statements_fts"):
                drop(connection, name)


def tables_of(connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def drop(connection, name: str) -> None:
    """Drop a table (on PostgreSQL with what depends on it; SQLite checks nothing)."""
    cascade = " CASCADE" if connection.dialect.name == "postgresql" else ""
    connection.execute(text(f"DROP TABLE IF EXISTS {name}{cascade}"))


def test_a_new_ledger_is_built_by_the_migrations(target: str):
    with Ledger(target) as ledger:
        assert revision(ledger) == migrations.head()
        assert RELEASE_1_TABLES | LATER_TABLES <= tables(ledger)
        assert set(schema.metadata.tables) <= tables(ledger)
        assert {"ix_statements_actor", "ix_statements_actor_date"} <= statement_indexes(ledger)
        ledger.add([report(0, "Harbor Post", {"content": "full"})])
        assert ledger.statements(search="harbor tunnel")  # the search index is there


@pytest.mark.parametrize("release", [1, 2])
def test_an_older_ledger_opens_keeps_its_records_and_gains_the_rest(target: str, release: int):
    with Ledger(target) as ledger:
        ledger.add([report(n, "Harbor Post") for n in range(4)])
        before = export(ledger)
        as_release(ledger, release)
    with Ledger(target) as ledger:  # older code's ledger, opened by this code
        assert revision(ledger) == migrations.head()
        assert RELEASE_1_TABLES | LATER_TABLES <= tables(ledger)
        assert "ix_statements_actor_date" in statement_indexes(ledger)
        assert export(ledger) == before  # byte for byte
        assert [r["content"] for r in ledger.statements(search="weeks")][:1] == [
            "the harbor tunnel would close for 2 weeks"]
        summary = ledger.add([report(n, "Harbor Post", {"feed": "harbor"}) for n in range(6)])
        assert (summary.articles_added, summary.articles_skipped) == (2, 4)
        added = report(5, "Harbor Post", {"feed": "harbor"})[0]
        assert ledger.article(added.id)["extra"] == {"feed": "harbor"}


def test_opening_twice_runs_no_migration_again(target: str):
    with Ledger(target):
        pass
    with Ledger(target) as ledger:
        with ledger.engine.connect() as connection:
            assert not migrations.pending(connection)
            assert not schema.missing_parts(connection)


def test_a_revision_from_newer_code_is_left_alone(target: str):
    with Ledger(target) as ledger:
        ledger.add([report(0, "Harbor Post")])
        with ledger.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    with Ledger(target) as ledger:  # newer additions are ignored, the ledger still reads
        assert revision(ledger) == "f00dcafe"
        assert len(ledger.statements()) == 1


def test_a_newer_schema_version_is_refused(target: str):
    with Ledger(target) as ledger:
        with ledger.engine.begin() as connection:
            connection.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(SchemaError, match="schema version 99"):
        Ledger(target)


def test_tables_dropped_by_hand_are_rebuilt_from_the_start(target: str):
    with Ledger(target) as ledger:
        with ledger.engine.begin() as connection:
            for name in sorted(tables_of(connection) - {"alembic_version"}):
                if not name.startswith("statements_fts"):
                    drop(connection, name)
    with Ledger(target) as ledger:  # alembic_version still says head: not trusted
        assert RELEASE_1_TABLES | LATER_TABLES <= tables(ledger)
        ledger.add([report(1, "Harbor Post")])
        assert ledger.statements(search="tunnel")
        assert ledger.counts()["statements"] == 1


def _three_ledgers_add_at_once(target: str) -> list[BaseException]:
    """Open ``target`` in three threads at once, each adding the same report; the errors."""
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            with Ledger(target) as ledger:
                ledger.add([report(2, "Harbor Post")])
        except BaseException as exc:  # returned to the test
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_three_ledgers_creating_one_database_at_once_all_succeed(target: str):
    assert _three_ledgers_add_at_once(target) == []
    with Ledger(target) as ledger:
        assert ledger.counts()["articles"] == 1
        assert revision(ledger) == migrations.head()


def test_new_sqlite_files_opened_by_three_ledgers_at_once_never_report_locked(tmp_path: Path):
    """Switching a new file to WAL needs it to itself, and SQLite's busy timeout does not wait
    for that: before the switch waited, about one round in four failed "database is locked"."""
    for round_number in range(12):
        target = str(tmp_path / f"ledger-{round_number}.db")
        assert _three_ledgers_add_at_once(target) == [], f"round {round_number}"
        with Ledger(target) as ledger:
            assert ledger.counts()["articles"] == 1
