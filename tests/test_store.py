"""Tests of the store stage: newsledger.store.Ledger on SQLite files.

Articles and statements are built by hand from real-looking news sentences; every offset is
computed with str.index, never written as a number.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select
from sqlalchemy.dialects import postgresql

from newsledger.model import Article, Condition, Mention, Statement, Target, dumps_record
from newsledger.store import AddSummary, Ledger, SchemaError
from newsledger.store import query, schema
from newsledger.store import search as store_search
from newsledger.store.engine import make_engine


# -- building articles by hand -----------------------------------------------------------

def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    """Offsets of the first ``phrase`` in ``text`` at or after ``after``."""
    start = text.index(phrase, after)
    return start, start + len(phrase)


def mention(text: str, words: str, name: str | None, kind: str = "person",
            actor_id: str | None = None, after: int = 0) -> Mention:
    return Mention(text=words, span=span(text, words, after), name=name, kind=kind,
                   actor_id=actor_id)


def statement(text: str, speaker: Mention | None, cue: str, content: str, *,
              cue_after: int = 0, content_after: int = 0, **fields) -> Statement:
    cue_span = span(text, cue, cue_after)
    content_span = span(text, content, content_after)
    return Statement(cue=cue, cue_span=cue_span, content=content,
                     content_spans=[content_span], speaker=speaker, **fields)


def nato_article() -> tuple[Article, list[Statement]]:
    header = "date 2024-03-10\n"
    text = (
        header
        + "Senator Mike Lee said on Sunday that if the allies send troops into Ukraine, "
        "the United States must completely withdraw from NATO. "
        "President Joe Biden warned of \"grave consequences\" for any attack on a member "
        "state. The Kremlin denied that it had moved missiles to the border.\n"
    )
    article = Article(text=text, path="data/nato.txt", outlet="Daily Ledger",
                      url="https://example.org/nato", published=date(2024, 3, 10),
                      title="Senator threatens NATO exit", body_start=len(header))
    condition = "if the allies send troops into Ukraine"
    consequence = "the United States must completely withdraw from NATO"
    lee = statement(
        text, mention(text, "Senator Mike Lee", "Mike Lee", actor_id="mike-lee"), "said",
        condition + ", " + consequence,
        act="threat", date=date(2024, 3, 10), date_basis="relative",
        condition=Condition(condition, span(text, condition)),
        consequence=Condition(consequence, span(text, consequence)),
        targets=[Target("NATO", "nato")], confidence=0.9,
    )
    biden = statement(
        text, mention(text, "President Joe Biden", "Joe Biden", actor_id="joe-biden"),
        "warned of", "\"grave consequences\" for any attack on a member state",
        quote="mixed", act="warning", confidence=0.8,
    )
    kremlin = statement(
        text, mention(text, "The Kremlin", "Kremlin", kind="organization"), "denied",
        "it had moved missiles to the border", act="denial", negated=True,
        date=date(2024, 3, 9), date_basis="explicit",
    )
    return article, [lee, biden, kremlin]


def bridge_article() -> tuple[Article, list[Statement]]:
    text = (
        "The minister said on Monday that the bridge would reopen. "
        "\"We will not raise taxes,\" he said.\n"
    )
    article = Article(text=text, outlet="The Courier", published=date(2024, 2, 1),
                      title="Bridge to reopen")
    minister = mention(text, "The minister", "Anna Berg", actor_id="anna-berg")
    first = statement(text, minister, "said", "the bridge would reopen",
                      act="prediction", date=date(2024, 1, 29), date_basis="relative")
    he = mention(text, "he", "Anna Berg", actor_id="anna-berg", after=text.index('"'))
    second = statement(text, he, "said", "We will not raise taxes",
                       cue_after=text.index('"'), quote="direct", act="commitment",
                       date=date(2024, 1, 29), date_basis="inherited")
    return article, [first, second]


def undated_article() -> tuple[Article, list[Statement]]:
    text = "Éric Zemmour told reporters that the treaty was dead.\n"
    article = Article(text=text, outlet=None, published=None, title=None)
    zemmour = statement(text, mention(text, "Éric Zemmour", "Éric Zemmour"), "told reporters",
                        "the treaty was dead", act="opinion")
    return article, [zemmour]


def talks_article() -> tuple[Article, list[Statement]]:
    """A discontinuous quote: the content is split by the cue."""
    text = "\"The talks,\" the spokeswoman said, \"will resume next week.\"\n"
    article = Article(text=text, outlet="daily ledger", published=date(2024, 3, 12))
    first, second = span(text, "The talks"), span(text, "will resume next week")
    talks = Statement(
        cue="said", cue_span=span(text, "said"), content="The talks will resume next week",
        content_spans=[first, second],
        speaker=mention(text, "the spokeswoman", None, kind="unknown"),
        quote="direct", act="prediction",
    )
    return article, [talks]


def corpus() -> list[tuple[Article, list[Statement]]]:
    return [nato_article(), bridge_article(), undated_article(), talks_article()]


def expected_order(items) -> list[dict]:
    """The records in ledger order: published (undated last), article id, content start."""
    rows = []
    for article, found in items:
        for s in found:
            key = (article.published or date.max, article.id, s.content_start,
                   s.statement_id(article))
            rows.append((key, s.record(article)))
    return [record for _, record in sorted(rows, key=lambda row: row[0])]


POSTGRES_URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")


def _fresh_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        schema.metadata.drop_all(connection)
    engine.dispose()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def ledger(request, tmp_path: Path):
    """A ledger holding corpus() in a SQLite file; the tests using it run on PostgreSQL too
    when NEWSLEDGER_TEST_POSTGRES_URL names a scratch database (its tables are dropped)."""
    if request.param == "sqlite":
        opened = Ledger(tmp_path / "ledger.db")
    else:
        _fresh_postgres(POSTGRES_URL)
        opened = Ledger(POSTGRES_URL)
    with opened:
        opened.add(corpus())
        yield opened


@pytest.fixture
def sqlite_ledger(tmp_path: Path):
    with Ledger(tmp_path / "ledger.db") as opened:
        opened.add(corpus())
        yield opened


def ids(records) -> list[str]:
    return [r["id"] for r in records]


def ids_of(article: Article, found: list[Statement]) -> list[str]:
    return [s.statement_id(article) for s in found]


# -- round trip, idempotence, transactions -----------------------------------------------

def test_offsets_built_by_hand_give_the_words_back():
    for article, found in corpus():
        for s in found:
            start, end = s.content_spans[0]
            assert article.text[s.cue_span[0]:s.cue_span[1]] == s.cue
            if len(s.content_spans) == 1:
                assert article.text[start:end] == s.content
            if s.speaker:
                assert article.text[s.speaker.span[0]:s.speaker.span[1]] == s.speaker.text


def test_round_trip_records_equal_statement_record(ledger: Ledger):
    items = corpus()
    assert ledger.statements() == expected_order(items)
    for article, found in items:
        stored = ledger.statements(article_id=article.id)
        assert sorted(ids(stored)) == sorted(ids_of(article, found))
        by_id = {r["id"]: r for r in stored}
        for s in found:
            record = s.record(article)
            assert by_id[record["id"]] == record
            assert dumps_record(by_id[record["id"]]) == dumps_record(record)  # byte-stable


def test_export_is_byte_stable_and_iter_matches_list(ledger: Ledger):
    first = [dumps_record(r) for r in ledger.iter_statements()]
    second = [dumps_record(r) for r in ledger.iter_statements()]
    assert first == second == [dumps_record(r) for r in ledger.statements()]


def test_first_add_summary_and_counts(tmp_path: Path):
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = ledger.add(corpus())
        assert summary == AddSummary(articles_added=4, articles_skipped=0,
                                     statements_added=7, statements_skipped=0)
        assert ledger.counts() == {"articles": 4, "statements": 7, "mentions": 7}
        assert "4 articles added" in str(summary)


def test_re_adding_is_idempotent(ledger: Ledger):
    before = ledger.counts()
    exported = ledger.statements()
    summary = ledger.add(corpus())
    assert summary == AddSummary(articles_added=0, articles_skipped=4, statements_added=0)
    assert ledger.counts() == before
    assert ledger.statements() == exported


def test_same_article_and_statement_twice_in_one_call(tmp_path: Path):
    article, found = bridge_article()
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = ledger.add([(article, found + [found[0]]), (article, found)])
        assert summary.articles_added == 1
        assert summary.articles_skipped == 1
        assert summary.statements_added == 2
        assert summary.statements_skipped == 1
        assert ledger.counts()["statements"] == 2


def test_mentions_are_deduplicated_per_article_and_span(tmp_path: Path):
    text = "The mayor said the road would close. The mayor added that buses would run.\n"
    article = Article(text=text, outlet="Town News", published=date(2024, 5, 2))
    mayor = mention(text, "The mayor", "Ada Park")
    close = statement(text, mayor, "said", "the road would close")
    buses = statement(text, mayor, "added", "buses would run")
    with Ledger(tmp_path / "ledger.db") as ledger:
        assert ledger.add([(article, [close, buses])]).statements_added == 2
        assert ledger.counts() == {"articles": 1, "statements": 2, "mentions": 1}


def test_has_article(ledger: Ledger):
    article, _ = nato_article()
    assert ledger.has_article(article.id)
    assert not ledger.has_article("no-such-article")
    assert not ledger.has_article("x' OR 1=1 --")


def test_iterable_failing_midway_stores_nothing_of_that_call(ledger: Ledger):
    before = ledger.counts()
    exported = ledger.statements()
    text = "The governor said the fires were under control.\n"
    new_article = Article(text=text, outlet="West Post", published=date(2024, 8, 1))
    new_statement = statement(text, mention(text, "The governor", "Sam Ortiz"), "said",
                              "the fires were under control")

    def results():
        yield new_article, [new_statement]
        raise RuntimeError("the analysis crashed")

    with pytest.raises(RuntimeError, match="analysis crashed"):
        ledger.add(results())
    assert ledger.counts() == before
    assert not ledger.has_article(new_article.id)
    assert ledger.statements() == exported
    # and the ledger still works afterwards
    assert ledger.add([(new_article, [new_statement])]).statements_added == 1


def test_failure_while_writing_rolls_back_the_whole_call(ledger: Ledger, monkeypatch):
    """Rows already inserted in the call (articles, statements) vanish with the rollback."""
    before = ledger.counts()
    exported = ledger.statements()
    text = "The senator warned that the budget talks could collapse.\n"
    new_article = Article(text=text, outlet="Capitol Wire", published=date(2024, 9, 3))
    new_statement = statement(text, mention(text, "The senator", "Ann Cole"), "warned",
                              "the budget talks could collapse", act="warning")

    def broken_index(connection, rows):
        raise OSError("disk full")

    monkeypatch.setattr(store_search, "index_rows", broken_index)
    with pytest.raises(OSError, match="disk full"):
        ledger.add([(new_article, [new_statement])])
    monkeypatch.undo()
    assert ledger.counts() == before
    assert not ledger.has_article(new_article.id)
    assert ledger.statements() == exported
    assert ledger.statements(search="budget") == []


def test_malformed_statement_fails_before_writing(ledger: Ledger):
    before = ledger.counts()
    text = "Officials said nothing.\n"
    article = Article(text=text, outlet="X", published=date(2024, 1, 1))
    empty = Statement(cue="said", cue_span=span(text, "said"), content="", content_spans=[])
    with pytest.raises(ValueError):
        ledger.add([(article, []), (article, [empty])])
    assert ledger.counts() == before


def test_same_text_from_two_outlets(tmp_path: Path):
    """A wire story printed by two outlets is two articles, each with its own statements:
    statement ids hash the article id, so the reprint's evidence points at its own text."""
    article, found = bridge_article()
    reprint = Article(text=article.text, outlet="Other Paper", published=article.published)
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.add([(article, found)])
        summary = ledger.add([(reprint, found)])
        assert summary.articles_added == 1
        assert summary.statements_added == 2
        assert ledger.counts()["articles"] == 2
        assert ledger.article(reprint.id)["statements"] == 2
        again = ledger.add([(reprint, found)])
        assert again.articles_skipped == 1 and again.statements_added == 0


# -- filters -----------------------------------------------------------------------------

def test_speaker_filter_name_or_mention_case_insensitive(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    bridge, (first, second) = bridge_article()
    undated, (zemmour,) = undated_article()
    assert ids(ledger.statements(speaker="mike LEE")) == [lee.statement_id(nato)]
    assert ids(ledger.statements(speaker="president")) == [biden.statement_id(nato)]  # mention
    assert ids(ledger.statements(speaker="anna berg")) == ids_of(bridge, [first, second])
    assert ids(ledger.statements(speaker="ÉRIC")) == [zemmour.statement_id(undated)]
    assert ids(ledger.statements(speaker="spokes")) == ids_of(*talks_article())
    assert ledger.statements(speaker="Putin") == []


def test_speaker_filter_treats_like_wildcards_literally(ledger: Ledger):
    assert ledger.statements(speaker="%") == []
    assert ledger.statements(speaker="_") == []
    assert ledger.statements(speaker="Mike%Lee") == []


def test_actor_and_act_filters(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    assert ids(ledger.statements(act="denial")) == [kremlin.statement_id(nato)]
    assert ids(ledger.statements(act="threat")) == [lee.statement_id(nato)]
    assert ledger.statements(act="Threat") == []  # exact
    assert ids(ledger.statements(actor_id="joe-biden")) == [biden.statement_id(nato)]
    assert len(ledger.statements(actor_id="anna-berg")) == 2


def test_date_filters_fall_back_to_published(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    bridge, bridge_statements = bridge_article()
    talks, talks_statements = talks_article()
    # biden has no date of its own: it counts as 2024-03-10, the article's published date
    assert sorted(ids(ledger.statements(since=date(2024, 3, 10), until="2024-03-10"))) == sorted(
        [lee.statement_id(nato), biden.statement_id(nato)])
    assert ids(ledger.statements(until=date(2024, 3, 9), since="2024-03-01")) == [
        kremlin.statement_id(nato)]
    # the bridge statements are dated 2024-01-29, before their article (2024-02-01)
    assert ids(ledger.statements(until="2024-01-31")) == ids_of(bridge, bridge_statements)
    assert ids(ledger.statements(since="2024-03-11")) == ids_of(talks, talks_statements)
    # the undated article's statement has no date at all: no date bound matches it
    everything_dated = ledger.statements(since="1900-01-01")
    assert len(everything_dated) == 6
    with pytest.raises(ValueError, match="since"):
        ledger.statements(since="last Tuesday")


def test_outlet_filter_case_insensitive_exact(ledger: Ledger):
    nato, nato_statements = nato_article()
    talks, talks_statements = talks_article()
    found = ledger.statements(outlet="DAILY LEDGER")
    assert ids(found) == ids_of(nato, nato_statements) + ids_of(talks, talks_statements)
    assert ledger.statements(outlet="Daily") == []
    assert len(ledger.statements(outlet="the courier")) == 2


def test_conditional_and_article_filters(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    assert ids(ledger.statements(conditional=True)) == [lee.statement_id(nato)]
    assert len(ledger.statements(conditional=False)) == 6
    assert ids(ledger.statements(article_id=nato.id)) == ids_of(nato, [lee, biden, kremlin])
    assert ledger.statements(article_id="nothing") == []


def test_filters_combine(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    assert ids(ledger.statements(outlet="daily ledger", act="warning", since="2024-03-10",
                                 search="consequences", speaker="biden")) == [
        biden.statement_id(nato)]
    assert ledger.statements(outlet="the courier", act="warning") == []


def test_limit(ledger: Ledger):
    assert ledger.statements(limit=3) == ledger.statements()[:3]
    assert ledger.statements(limit=0) == []
    with pytest.raises(ValueError, match="limit"):
        ledger.statements(limit=-1)


# -- full-text search --------------------------------------------------------------------

def test_search_content_cue_and_speaker_name(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    undated, (zemmour,) = undated_article()
    assert ids(ledger.statements(search="withdraw NATO")) == [lee.statement_id(nato)]
    assert ids(ledger.statements(search="nato withdraw")) == [lee.statement_id(nato)]
    assert ids(ledger.statements(search="GRAVE consequences")) == [biden.statement_id(nato)]
    assert ids(ledger.statements(search="denied")) == [kremlin.statement_id(nato)]  # cue
    assert ids(ledger.statements(search="Biden")) == [biden.statement_id(nato)]  # speaker
    assert ids(ledger.statements(search="éric")) == [zemmour.statement_id(undated)]
    if ledger.dialect == "sqlite":  # FTS5 folds accents; PostgreSQL's 'simple' config does not
        assert ids(ledger.statements(search="eric")) == [zemmour.statement_id(undated)]
    assert ledger.statements(search="withdraw bridge") == []  # all words must match
    assert ledger.statements(search="withdr") == []  # words, not prefixes


def test_search_blank_is_no_filter_and_punctuation_only_matches_nothing(ledger: Ledger):
    assert ledger.statements(search="") == ledger.statements()
    assert ledger.statements(search="   ") == ledger.statements()
    assert ledger.statements(search="-") == []


HOSTILE = [
    '"', '""', "'", "-", "--", "*", "NEAR(", "NEAR", "NEAR(a b, 2)", "(", ")", "AND", "OR",
    "NOT", "a OR b", "content:bridge", "^bridge", "bridge*", "{cue}: said", "+", "\\",
    "'; DROP TABLE statements; --", "x' OR 1=1 --", "\x00", "%_", "bridge\"",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_strings_return_a_list(ledger: Ledger, query: str):
    found = ledger.statements(search=query)
    assert isinstance(found, list)
    assert ledger.counts()["statements"] == 7


def test_hostile_search_words_are_searched_as_words(ledger: Ledger):
    nato, (lee, biden, kremlin) = nato_article()
    assert ids(ledger.statements(search='"withdraw" -NATO*')) == [lee.statement_id(nato)]
    assert ids(ledger.statements(search="(border) AND")) == []  # "and" is a plain word
    assert ids(ledger.statements(search="(border) moved")) == [kremlin.statement_id(nato)]


@pytest.fixture(scope="module")
def shared_ledger(tmp_path_factory):
    with Ledger(tmp_path_factory.mktemp("fuzz") / "ledger.db") as opened:
        opened.add(corpus())
        yield opened


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_search_text_never_raises(shared_ledger: Ledger, query: str):
    assert isinstance(shared_ledger.statements(search=query), list)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_speaker_or_outlet_text_never_raises(shared_ledger: Ledger, text: str):
    assert isinstance(shared_ledger.statements(speaker=text, outlet=text), list)


def test_sql_injection_through_filters(ledger: Ledger):
    before = ledger.counts()
    assert ledger.statements(speaker="x' OR 1=1 --") == []
    assert ledger.statements(outlet="x' OR '1'='1") == []
    assert ledger.statements(act="threat' OR 1=1 --") == []
    assert ledger.statements(article_id="1; DROP TABLE articles; --") == []
    assert ledger.statements(search="'; DROP TABLE statements; --") == []
    assert ledger.articles(outlet="x'; DROP TABLE articles; --") == []
    assert ledger.article("x' OR 1=1 --") is None
    assert ledger.counts() == before
    assert {"meta", "articles", "statements", "mentions"} <= set(
        inspect(ledger.engine).get_table_names())
    assert len(ledger.statements()) == 7


# -- paging and streaming ----------------------------------------------------------------

@pytest.mark.parametrize("page_size", [1, 2, 3, 100])
def test_paging_with_after_gives_every_statement_once(ledger: Ledger, page_size: int):
    everything = ledger.statements()
    seen: list[str] = []
    cursor = None
    while True:
        page = ledger.statements(limit=page_size, after=cursor)
        if not page:
            break
        seen.extend(ids(page))
        cursor = page[-1]["id"]
    assert seen == ids(everything)
    assert len(set(seen)) == len(seen) == 7


def test_paging_with_filters(ledger: Ledger):
    wanted = ids(ledger.statements(outlet="daily ledger"))
    first = ledger.statements(outlet="daily ledger", limit=2)
    rest = ledger.statements(outlet="daily ledger", after=first[-1]["id"])
    assert ids(first) + ids(rest) == wanted


def test_paging_after_last_and_unknown_cursor(ledger: Ledger):
    last = ledger.statements()[-1]["id"]
    assert ledger.statements(after=last) == []
    with pytest.raises(ValueError, match="after"):
        ledger.statements(after="no-such-statement")


def test_iter_statements_streams(ledger: Ledger):
    stream = ledger.iter_statements(act="prediction")
    first = next(stream)
    assert first["act"] == "prediction"
    rest = list(stream)
    assert [first] + rest == ledger.statements(act="prediction")
    abandoned = ledger.iter_statements()
    next(abandoned)
    abandoned.close()  # releases its connection
    assert ledger.counts()["statements"] == 7


# -- articles ----------------------------------------------------------------------------

def test_articles_listing(ledger: Ledger):
    listed = ledger.articles()
    assert [a["published"] for a in listed] == ["2024-02-01", "2024-03-10", "2024-03-12", None]
    nato, nato_statements = nato_article()
    entry = next(a for a in listed if a["id"] == nato.id)
    assert entry == {**nato.record(), "statements": 3}
    assert len(ledger.articles(limit=2)) == 2
    assert [a["outlet"] for a in ledger.articles(outlet="DAILY ledger")] == [
        "Daily Ledger", "daily ledger"]


def test_article_record_with_text(ledger: Ledger):
    nato, _ = nato_article()
    stored = ledger.article(nato.id)
    assert stored["text"] == nato.text
    assert stored["body_start"] == nato.body_start
    assert stored["text"][stored["body_start"]:] == nato.body
    assert {k: stored[k] for k in nato.record()} == nato.record()
    assert stored["statements"] == 3
    assert ledger.article("missing") is None


# -- the database itself -----------------------------------------------------------------

def test_sqlite_file_is_in_wal_mode(sqlite_ledger: Ledger, tmp_path: Path):
    mode = sqlite3.connect(tmp_path / "ledger.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with sqlite_ledger.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_schema_version_recorded(ledger: Ledger):
    with ledger.engine.connect() as connection:
        rows = connection.execute(select(schema.meta.c.key, schema.meta.c.value)).all()
    assert [tuple(row) for row in rows] == [("schema_version", "1")]


def test_sqlite_search_index_is_fts5(sqlite_ledger: Ledger, tmp_path: Path):
    sql = sqlite3.connect(tmp_path / "ledger.db").execute(
        "SELECT sql FROM sqlite_master WHERE name = 'statements_fts'").fetchone()[0]
    assert "fts5" in sql.lower()


def test_postgresql_sql_uses_no_sqlite_constructs():
    """Compiled only (no server): the PostgreSQL query takes the tsvector path."""
    filters = query.Filters(speaker="lee", act="threat", since="2024-03-01",
                            search='withdraw "NATO', outlet="Daily Ledger", conditional=True)
    sql = str(query.records("postgresql", filters, after_key=(date(2024, 3, 10), "a", 1, "b"),
                            limit=10).compile(dialect=postgresql.dialect()))
    assert "plainto_tsquery('simple'::regconfig" in sql
    assert "statements_fts" not in sql and "MATCH" not in sql
    assert "withdraw" not in sql and "lee" not in sql  # values are bound, not inlined


def test_newer_schema_version_is_refused(tmp_path: Path):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(SchemaError, match="version 2"):
        Ledger(path)


def test_reopening_keeps_data_and_url_forms(tmp_path: Path):
    path = tmp_path / "sub dir?#%.db"
    with Ledger(str(path)) as first:
        first.add(corpus())
    with Ledger(path) as again:
        assert again.counts()["statements"] == 7
    with Ledger(f"sqlite:///{tmp_path / 'other.db'}") as by_url:
        assert by_url.add([bridge_article()]).statements_added == 2
    assert (tmp_path / "other.db").exists()


def test_in_memory_ledger(tmp_path: Path):
    with Ledger(":memory:") as memory:
        memory.add(corpus())
        assert memory.counts()["articles"] == 4
        assert len(memory.statements(search="bridge")) == 1


def test_two_ledgers_on_one_file_writer_and_reader(tmp_path: Path):
    path = tmp_path / "shared.db"
    writer, reader = Ledger(path, timeout=5), Ledger(path, timeout=5)
    try:
        writer.add([nato_article()])
        assert reader.counts()["statements"] == 3
        # a reader in the middle of a stream does not block the writer (WAL) ...
        stream = reader.iter_statements()
        first = next(stream)
        summary = writer.add([bridge_article(), undated_article()])
        assert summary.statements_added == 3
        # ... and keeps reading its own consistent snapshot
        assert len([first] + list(stream)) == 3
        # a new read sees the committed write
        assert reader.counts()["statements"] == 6
        assert reader.has_article(bridge_article()[0].id)
        # and the reader can write too
        assert reader.add([talks_article()]).statements_added == 1
        assert writer.counts()["statements"] == 7
    finally:
        writer.close()
        reader.close()


def test_concurrent_writers_queue_instead_of_failing(tmp_path: Path):
    """Several threads, each with its own Ledger on one file, adding overlapping batches:
    BEGIN IMMEDIATE serialises them, each article is stored once, nobody errors."""
    path = tmp_path / "busy.db"
    Ledger(path).close()
    items = corpus()
    batches = [items[i:] + items[:i] for i in range(len(items))] * 2
    errors: list[BaseException] = []
    summaries: list[AddSummary] = []

    def work(batch):
        try:
            with Ledger(path, timeout=30) as own:
                summaries.append(own.add(batch))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(s.articles_added for s in summaries) == 4
    assert sum(s.statements_added for s in summaries) == 7
    with Ledger(path) as check:
        assert check.counts() == {"articles": 4, "statements": 7, "mentions": 7}
        assert check.statements() == expected_order(items)


def test_open_write_transaction_does_not_block_readers_or_opening(tmp_path: Path):
    from newsledger.store.engine import write_transaction

    path = tmp_path / "locked.db"
    with Ledger(path) as writer:
        writer.add([nato_article()])
        with write_transaction(writer.engine) as connection:
            connection.execute(schema.meta.insert().values(key="note", value="pending"))
            with Ledger(path, timeout=1) as reader:  # opening needs no write lock
                assert reader.counts()["statements"] == 3
                assert len(reader.statements(search="NATO")) == 1


def test_postgresql_runs_in_ci():
    """CI (.ci/run) starts a PostgreSQL server: there the store tests must run on it too."""
    if os.environ.get("CI") == "true":
        assert POSTGRES_URL, "CI=true but NEWSLEDGER_TEST_POSTGRES_URL is not set (.ci/run sets it)"
    elif not POSTGRES_URL:
        pytest.skip("set NEWSLEDGER_TEST_POSTGRES_URL to also run the store tests on PostgreSQL")


@pytest.mark.parametrize("backend", ["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def test_a_writer_waits_for_the_one_before_and_sees_its_articles(backend, tmp_path: Path, monkeypatch):
    """Two processes storing the same articles at once: the second write transaction starts
    only when the first has committed, so its "is this article stored?" check sees the
    first's articles and it reports them as skipped. On PostgreSQL without the writers' lock
    both checks ran on the same snapshot, both reported the articles as added, and two such
    writers inserting overlapping rows in different orders deadlocked."""
    if backend == "sqlite":
        target = tmp_path / "turns.db"
    else:
        _fresh_postgres(POSTGRES_URL)
        target = POSTGRES_URL
    Ledger(target).close()
    first_inside, second_starting = threading.Event(), threading.Event()
    original_write = Ledger._write

    def write_slowly_in_first(self, connection, prepared):
        if threading.current_thread().name == "first":
            first_inside.set()
            second_starting.wait(30)
            threading.Event().wait(0.5)  # time for the second writer to reach its check
        return original_write(self, connection, prepared)

    monkeypatch.setattr(Ledger, "_write", write_slowly_in_first)
    summaries: dict[str, AddSummary] = {}
    errors: list[BaseException] = []

    def work(name: str, batch) -> None:
        try:
            if name == "second":
                first_inside.wait(30)
                second_starting.set()
            with Ledger(target, timeout=30) as own:
                summaries[name] = own.add(batch)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    items = corpus()
    threads = [threading.Thread(target=work, args=("first", items), name="first"),
               threading.Thread(target=work, args=("second", items[::-1]), name="second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (summaries["first"].articles_added, summaries["second"].articles_added) == (4, 0)
    assert summaries["second"].articles_skipped == 4
    with Ledger(target) as check:
        assert check.counts() == {"articles": 4, "statements": 7, "mentions": 7}
