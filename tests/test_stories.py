"""Stories in the ledger: one wire story in three lightly edited copies from three outlets is
one story, and a statement they all print is one statement carried by three outlets.

The articles are fictional, written for these tests, and analysed by the real pipeline
(once per module); the ledger tests run on SQLite and, when NEWSLEDGER_TEST_POSTGRES_URL
names a scratch database, on PostgreSQL too (its tables are dropped first).
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
from datetime import date
from html import escape
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect
from test_sources_web import page
from typer.testing import CliRunner

from newsledger import cli
from newsledger.analysis.stories import link_stories
from newsledger.ingest import analyse, ingest, ledger_resolver
from newsledger.model import Article, dumps_record
from newsledger.store import Ledger, schema
from newsledger.store.engine import make_engine

WIRE = (
    "Dockworkers at the port of Halvik walked off the job on Monday after talks on a new wage "
    "deal collapsed, leaving more than forty container ships waiting at anchor outside the "
    "harbour. Union leader Marta Quist said the strike would last until the port authority "
    "offered a raise of at least eight percent. \u201cWe have waited two years for a fair offer, "
    "and we will not wait any longer,\u201d Quist told reporters at the gates. The port authority "
    "said it had offered five percent and warned that the strike would cost exporters millions "
    "of euros a day. Transport Minister Henrik Sollen urged both sides to return to the table "
    "before the end of the week."
)
# A dateline added, a verb changed and the last sentence cut; then a copy with other words
# and other paragraphs. The two edits are further apart from each other (Jaccard under 0.5)
# than from the wire: they are one story through it.
COURIER = ("HALVIK (Baltic Courier) \u2014 " + WIRE.replace("walked off the job", "went on strike")
           .replace(" Transport Minister Henrik Sollen urged both sides to return to the table "
                    "before the end of the week.", ""))
TIMES = (WIRE.replace("more than forty", "over forty")
         .replace("told reporters at the gates", "told reporters outside the port")
         .replace(". ", ".\n\n"))
# The same port and people, in other words: another story.
HIRING = (
    "The port authority of Halvik said on Tuesday that it would hire temporary crews to unload "
    "the ships stuck outside the harbour. Marta Quist said the plan was an attempt to break the "
    "strike and that the union would challenge it in court. Exporters said they had already "
    "lost orders worth several million euros."
)
QUOTE = "We have waited two years for a fair offer"
OUTLETS = ["Halvik Wire", "Baltic Courier", "Harbour Times"]


def make_articles() -> list[Article]:
    return [
        Article(WIRE, outlet="Halvik Wire", published=date(2025, 9, 1), title="Halvik dockworkers strike"),
        Article(COURIER, outlet="Baltic Courier", published=date(2025, 9, 2), title="Port strike"),
        Article(TIMES, outlet="Harbour Times", published=date(2025, 9, 3), title="Ships wait off Halvik"),
        Article(HIRING, outlet="Baltic Courier", published=date(2025, 9, 2), title="Halvik hires crews"),
    ]


@pytest.fixture(scope="module")
def analysed(analyzer) -> list:
    """The four articles with their statements, speakers resolved as ingest does."""
    with Ledger(":memory:") as scratch:
        resolver, _ = ledger_resolver(scratch)
        return list(analyse(make_articles(), analyzer, resolver))


POSTGRES_URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")


def drop_every_table(url: str) -> None:
    """Empty a scratch database: every table found there, not only those this process has
    imported (tables of other modules may refer to ``statements``)."""
    engine = make_engine(url)
    with engine.begin() as connection:
        found = MetaData()
        found.reflect(connection)
        found.drop_all(connection)
    engine.dispose()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def empty(request, tmp_path: Path):
    if request.param == "sqlite":
        opened = Ledger(tmp_path / "ledger.db")
    else:
        drop_every_table(POSTGRES_URL)
        opened = Ledger(POSTGRES_URL)
    with opened:
        yield opened


@pytest.fixture
def ledger(empty: Ledger, analysed) -> Ledger:
    empty.add(analysed)
    summary = link_stories(empty, [article.id for article, _ in analysed])
    assert summary.linked == 4 and summary.joined == 3 and summary.stories == 1, str(summary)
    return empty


def quoted(records: list[dict]) -> list[dict]:
    return [r for r in records if QUOTE in r["content"]]


def test_three_copies_are_one_story_and_the_other_is_not_merged(ledger: Ledger, analysed):
    wire, courier, times, hiring = (article for article, _ in analysed)
    for copy in (wire, courier, times):
        story = ledger.article(copy.id)["story"]
        assert story == {"id": wire.id, "copies": 3, "outlets": OUTLETS}
    assert ledger.article(hiring.id)["story"] == {"id": hiring.id, "copies": 1, "outlets": ["Baltic Courier"]}
    counts = ledger.counts()
    assert counts["articles"] == 4 and counts["stories"] == 2


def test_a_quote_in_three_copies_is_one_statement_carried_by_three_outlets(ledger: Ledger, analysed):
    wire = analysed[0][0]
    [record] = quoted(ledger.statements())
    assert record["article"]["id"] == wire.id  # shown on the earliest copy
    assert record["story"] == {"id": wire.id, "copies": 3, "outlets": OUTLETS}
    carriers = record["carried_by"]
    assert [c["outlet"] for c in carriers] == OUTLETS  # published, then article id: ledger order
    assert [c["published"] for c in carriers] == ["2025-09-01", "2025-09-02", "2025-09-03"]
    every_copy = quoted(ledger.statements(copies=True))
    assert sorted(c["statement_id"] for c in carriers) == sorted(r["id"] for r in every_copy)
    assert {r["article"]["outlet"] for r in every_copy} == set(OUTLETS)
    # Each copy's record says which copies carry it, and keeps its own offsets.
    for copy in every_copy:
        assert copy["carried_by"] == carriers
        text = ledger.article(copy["article"]["id"])["text"]
        start, end = copy["content_span"]
        assert text[start:end] == copy["content"]


def test_counts_and_listings_count_carried_statements_once(ledger: Ledger, analysed):
    listed, every = ledger.statements(), ledger.statements(copies=True)
    counts = ledger.counts()
    assert counts["statements"] == len(every) == sum(len(found) for _, found in analysed)
    assert counts["distinct_statements"] == len(listed) < len(every)
    assert len({r["id"] for r in listed}) == len(listed)
    hiring = analysed[3][0]
    own = ledger.statements(article_id=hiring.id)
    assert own and all(r["carried_by"] == [{"outlet": "Baltic Courier", "published": "2025-09-02",
                                            "article_id": hiring.id, "statement_id": r["id"]}]
                       for r in own)
    assert all(r in listed for r in own)  # the other story's statements are all there


def test_filters_choose_the_earliest_copy_that_passes(ledger: Ledger, analysed):
    times = analysed[2][0]
    [from_times] = quoted(ledger.statements(outlet="harbour times"))
    assert from_times["article"]["id"] == times.id
    [courier_copy] = quoted(ledger.statements(outlet="Baltic Courier"))
    assert courier_copy["article"]["outlet"] == "Baltic Courier"
    assert len(quoted(ledger.statements(search="fair offer"))) == 1
    assert len(quoted(ledger.statements(search="fair offer", copies=True))) == 3
    # every copy's own statements are listed for its article (nothing hidden within one article)
    assert len(ledger.statements(article_id=times.id)) == len(analysed[2][1])


def test_paging_gives_each_carried_statement_once(ledger: Ledger):
    listed = ledger.statements()
    paged, after = [], None
    while page := ledger.statements(limit=2, after=after):
        paged += page
        after = page[-1]["id"]
    assert paged == listed


def test_re_adding_and_re_linking_change_nothing(ledger: Ledger, analysed):
    exported = [dumps_record(r) for r in ledger.iter_statements()]
    counts = ledger.counts()
    assert ledger.add(analysed).articles_added == 0
    again = link_stories(ledger, [article.id for article, _ in analysed])
    assert again.linked == 0 and again.already == 4
    assert link_stories(ledger).linked == 0  # nothing left unlinked
    assert [dumps_record(r) for r in ledger.iter_statements()] == exported
    assert ledger.counts() == counts


def test_order_of_arrival_does_not_matter(tmp_path: Path, analysed, ledger: Ledger):
    """One copy at a time: the two edited copies first (two stories, too far apart to
    link), then the wire, which joins them; in date order (each copy's statements grouped
    after the stored groups); in reverse. The same stories and export as all at once."""
    expected = [dumps_record(r) for r in ledger.iter_statements()]
    for name, order in (("late", (1, 2, 3, 0)), ("in-order", (0, 3, 1, 2)), ("reversed", (2, 1, 0, 3))):
        with Ledger(tmp_path / f"{name}.db") as one_by_one:
            for n in order:
                one_by_one.add([analysed[n]])
                link_stories(one_by_one, [analysed[n][0].id])
            assert one_by_one.article(analysed[1][0].id)["story"]["copies"] == 3
            assert [dumps_record(r) for r in one_by_one.iter_statements()] == expected, name
            assert one_by_one.counts() == ledger.counts()


def test_article_extra_is_stored(empty: Ledger):
    extra = {"format": "feed", "entry_id": "urn:halvik:1", "content": "summary", "author": "Ana Lind",
             "feed": {"title": "Halvik Wire"}}
    article = Article(HIRING, outlet="Halvik Wire", published=date(2025, 9, 2), extra=extra)
    plain = Article(WIRE, outlet="Halvik Wire", published=date(2025, 9, 1))
    empty.add([(article, []), (plain, [])])
    assert empty.article(article.id)["extra"] == extra
    assert empty.article(plain.id)["extra"] == {}
    assert empty.article(plain.id)["story"] is None  # not linked
    assert "stories" not in empty.counts()  # nothing linked yet


def test_a_ledger_from_before_stories_still_opens(tmp_path: Path, analysed):
    path = tmp_path / "old.db"
    with Ledger(path) as first:
        first.add(analysed[:2])
    with sqlite3.connect(path) as db:  # what a ledger written before this change looks like
        for name in ("story_statements", "story_bands", "story_copies", "feed_entries", "feeds",
                     "alembic_version"):  # written before migrations were recorded, too
            db.execute(f"DROP TABLE IF EXISTS {name}")
        db.execute("ALTER TABLE articles DROP COLUMN extra")
    with Ledger(path) as reopened:
        with reopened.engine.connect() as connection:
            assert "extra" in {c["name"] for c in inspect(connection).get_columns("articles")}
            assert inspect(connection).has_table("story_copies")
            version = connection.exec_driver_sql("SELECT value FROM meta").scalar()
        assert version == str(schema.SCHEMA_VERSION)
        old = [json.loads(dumps_record(r)) for r in reopened.statements()]
        assert old and all("story" not in r for r in old)  # unlinked: exactly as stored
        assert reopened.article(analysed[0][0].id)["extra"] == {}
        assert link_stories(reopened).linked == 2  # linking afterwards catches up
        assert len(quoted(reopened.statements())) == 1


# --- the real path: files read by ``ingest``, which links each stored batch ------------


def html_page(text: str, outlet: str, published: str, title: str) -> str:
    head = (f'<meta property="og:site_name" content="{outlet}">\n'
            f'<meta property="article:published_time" content="{published}T07:00:00+02:00">')
    return page(paragraphs(text), head_extra=head, title=title)


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs, or its sentences when it is one paragraph."""
    return text.split("\n\n") if "\n\n" in text else re.split(r"(?<=\.) ", text)


def archive(uri: str, html: str) -> bytes:
    """A WARC holding one HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                  http_headers=headers))
    return buffer.getvalue()


def courier_feed() -> str:
    """The Courier's copy as a full-text RSS entry, and the hiring story as a summary only."""
    full = "".join(f"<p>{escape(part)}</p>" for part in paragraphs(COURIER))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Baltic Courier</title><link>https://courier.example/</link>
<item><title>Port strike</title><guid>bc-1</guid><link>https://courier.example/strike</link>
<pubDate>Tue, 02 Sep 2025 09:00:00 +0200</pubDate><description>Dockworkers strike in Halvik.</description>
<content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Halvik hires crews</title><guid>bc-2</guid><link>https://courier.example/crews</link>
<pubDate>Tue, 02 Sep 2025 18:00:00 +0200</pubDate><description>{escape(HIRING)}</description></item>
</channel></rss>
"""


def web_folder(root: Path) -> Path:
    """The story as a saved page (Harbour Times), a feed entry (Baltic Courier) and a
    crawled page in a web archive (Halvik Wire); the hiring story as a feed summary."""
    folder = root / "web"
    folder.mkdir()
    (folder / "a-times.html").write_text(html_page(TIMES, "Harbour Times", "2025-09-03", "Ships wait off Halvik"),
                                         encoding="utf-8")
    (folder / "b-courier.rss").write_text(courier_feed(), encoding="utf-8")
    wire = html_page(WIRE, "Halvik Wire", "2025-09-01", "Halvik dockworkers strike")
    (folder / "c-crawl.warc.gz").write_bytes(archive("https://halvikwire.example/strike", wire))
    return folder


def test_a_page_a_feed_entry_and_an_archived_page_of_one_story_are_one_story(tmp_path: Path, analyzer):
    folder = web_folder(tmp_path)
    with Ledger(tmp_path / "web.db") as ledger:
        summary = ingest([str(folder)], ledger, analyzer)
        assert (summary.read, summary.added, summary.problems) == (4, 4, [])
        counts = ledger.counts()
        assert (counts["articles"], counts["stories"]) == (4, 2)
        stored = {a["outlet"]: a for a in ledger.articles()}
        assert set(stored) == {"Halvik Wire", "Baltic Courier", "Harbour Times"}
        [record] = quoted(ledger.statements())
        assert record["article"]["outlet"] == "Halvik Wire"  # the earliest copy
        assert record["story"]["copies"] == 3 and record["story"]["outlets"] == OUTLETS
        assert [(c["outlet"], c["published"]) for c in record["carried_by"]] == [
            ("Halvik Wire", "2025-09-01"), ("Baltic Courier", "2025-09-02"), ("Harbour Times", "2025-09-03")]
        for copy in quoted(ledger.statements(copies=True)):  # offsets index each copy's own text
            text = ledger.article(copy["article"]["id"])["text"]
            assert text[copy["content_span"][0]:copy["content_span"][1]] == copy["content"]
        hiring = [a for a in ledger.articles() if a["title"] == "Halvik hires crews"]
        [hiring] = [ledger.article(a["id"]) for a in hiring]
        assert hiring["extra"]["content"] == "summary" and hiring["story"]["copies"] == 1
        assert counts["distinct_statements"] == len(ledger.statements()) < counts["statements"]


def test_re_ingesting_is_a_no_op_and_batches_link_like_one(tmp_path: Path, analyzer):
    folder = web_folder(tmp_path)
    with Ledger(tmp_path / "whole.db") as whole, Ledger(tmp_path / "one-by-one.db") as single:
        ingest([str(folder)], whole, analyzer)
        ingest([str(folder)], single, analyzer, batch_size=1)  # each copy linked on its own
        exported = [dumps_record(r) for r in whole.iter_statements()]
        assert [dumps_record(r) for r in single.iter_statements()] == exported
        again = ingest([str(folder)], whole, analyzer)
        assert (again.read, again.added, again.already_stored) == (4, 0, 4)
        assert [dumps_record(r) for r in whole.iter_statements()] == exported
        assert whole.counts() == single.counts()


def test_ingest_links_what_an_interrupted_run_left_unlinked(tmp_path: Path, analysed):
    with Ledger(tmp_path / "cut.db") as ledger:
        ledger.add(analysed)  # stored, then killed before linking
        assert "stories" not in ledger.counts()
        assert ingest([], ledger, analyzer=lambda: pytest.fail("nothing to analyse")).added == 0
        assert ledger.counts()["stories"] == 2 and len(quoted(ledger.statements())) == 1


def test_a_statement_in_forty_copies_is_one_statement_carried_by_forty_outlets(tmp_path: Path, analyzer):
    """Forty outlets print the wire story, each with its own dateline, some with a verb
    changed or the last sentence cut: one story, each statement listed once."""
    edits = [lambda t: t, lambda t: t.replace("walked off the job", "went on strike"),
             lambda t: t[:t.index(" Transport Minister")], lambda t: t.replace("more than forty", "over forty")]
    rows = []
    for n in range(40):
        outlet = f"Outlet {n:02d}"
        text = f"HALVIK ({outlet}) \u2014 " + edits[n % len(edits)](WIRE)
        rows.append({"text": text, "outlet": outlet, "date": f"2025-09-{1 + n % 3:02d}"})
    path = tmp_path / "forty.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "forty.db"
    with Ledger(db) as ledger:
        assert ingest([str(path)], ledger, analyzer, batch_size=16).added == 40
        counts = ledger.counts()
        assert (counts["articles"], counts["stories"]) == (40, 1)
        [record] = quoted(ledger.statements())
        assert record["story"]["copies"] == 40 and len(record["story"]["outlets"]) == 40
        carriers = record["carried_by"]
        assert sorted(c["outlet"] for c in carriers) == [r["outlet"] for r in rows]
        assert [c["published"] for c in carriers] == sorted(c["published"] for c in carriers)
        assert len(quoted(ledger.statements(copies=True))) == 40
        listed = ledger.statements()
        assert counts["distinct_statements"] == len(listed) < counts["statements"] / 30
    # What the commands print: each carried statement once, with its carriers.
    runner = CliRunner()
    shown = runner.invoke(cli.app, ["statements", "--json", "--db", str(db), "--search", "fair offer"])
    assert shown.exit_code == 0, shown.stderr
    [line] = shown.stdout.splitlines()
    assert len(json.loads(line)["carried_by"]) == 40
    exported = runner.invoke(cli.app, ["export", "--db", str(db)])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == len(listed)
    every = runner.invoke(cli.app, ["statements", "--json", "--copies", "--db", str(db), "--search", "fair offer"])
    assert len(every.stdout.splitlines()) == 40
    table = runner.invoke(cli.app, ["statements", "--db", str(db), "--search", "fair offer"])
    assert table.exit_code == 0 and "carried by 40 outlets" in table.stdout
    # Analyses count the story once too: the speaker's timeline has one statement, not 40.
    with Ledger(db) as ledger:
        speaker = record["speaker"]["actor_id"]
        assert speaker
        from newsledger.store.timelines import act_counts

        assert sum(n for _, _, n in act_counts(ledger, actor_ids=[speaker])) == sum(
            1 for r in listed if (r.get("speaker") or {}).get("actor_id") == speaker)


EXTRA = (" Quist said later that the union had \u201cno plans to back down\u201d and would hold a rally "
         "on Friday.")


@pytest.fixture(scope="module")
def twelve_copies(analyzer) -> list:
    """Twelve copies of the wire story over three days (four a day, so their order within
    a day is the order of their ids), some cut, some with a verb changed, and three of the
    second and third days with a sentence of their own: its statement group starts in the
    middle of the story."""
    edits = [lambda t: t, lambda t: t.replace("walked off the job", "went on strike"),
             lambda t: t[:t.index(" Transport Minister")], lambda t: t.replace("more than", "over")]
    articles = [Article(f"HALVIK (Outlet {n:02d}) \u2014 " + edits[n % 4](WIRE) + (EXTRA if n in (7, 10, 11) else ""),
                        outlet=f"Outlet {n:02d}", published=date(2025, 9, 1 + n % 3), title="Halvik strike")
                for n in range(12)]
    with Ledger(":memory:") as scratch:
        resolver, _ = ledger_resolver(scratch)
        return list(analyse(articles, analyzer, resolver))


def test_copies_arriving_in_any_order_and_batches_are_grouped_as_all_at_once(tmp_path: Path, twelve_copies):
    """A new copy between stored ones keeps the later copies' stored groups unless it starts
    a group of its own; either way the ledger is the one of linking every copy at once."""
    import random

    with Ledger(tmp_path / "all.db") as whole:
        whole.add(twelve_copies)
        link_stories(whole, [article.id for article, _ in twelve_copies])
        expected = [dumps_record(r) for r in whole.iter_statements()]
        counts = whole.counts()
    assert counts["stories"] == 1 and counts["distinct_statements"] < counts["statements"] / 5
    assert any(EXTRA.split("\u201c")[1].split("\u201d")[0] in r for r in expected)
    in_copy_order = sorted(twelve_copies, key=lambda item: (item[0].published, item[0].id))
    # The earliest copy first, then the others latest first: each new copy lands between
    # stored ones, and the first of the three with their own sentence to come starts that
    # sentence's group ahead of the copies that had started it.
    orders = [in_copy_order[:1] + in_copy_order[:0:-1]]
    rng = random.Random(3)
    orders += [rng.sample(twelve_copies, len(twelve_copies)) for _ in range(5)]
    for attempt, order in enumerate(orders):
        with Ledger(tmp_path / f"order-{attempt}.db") as ledger:
            while order:
                size = rng.randint(1, 3)
                batch, order = order[:size], order[size:]
                ledger.add(batch)
                link_stories(ledger, [article.id for article, _ in batch])
            assert [dumps_record(r) for r in ledger.iter_statements()] == expected, attempt
            assert ledger.counts() == counts


def test_a_copy_whose_group_dissolves_is_grouped_again(tmp_path: Path, analyzer):
    """Repeating is not transitive: X's version of Quist's demand repeats W's and W's
    repeats Z's, but X's does not repeat Z's. V, the earliest copy, says something else. Stored
    W started the group Z joined; X, earlier than both, comes last: W now joins X's group,
    W's group is gone, and Z's version is a statement of its own, as when all four are
    linked at once (Z shares no other new group: only the gone group tells)."""
    wire_demand = "the strike would last until the port authority offered a raise of at least eight percent"
    versions = {  # three words changed each time: Jaccard 12/18 with W, 9/21 between X and Z
        "X": "the walkout will continue until the port authority offered a raise of at least eight percent",
        "W": wire_demand,
        "Z": "the strike would last until the port authority gave a rise of at least nine percent",
    }
    other = "the union was ready for a long fight"
    texts = [WIRE.replace(wire_demand, versions.get(name, other)) for name in "VXWZ"]
    articles = [Article(text, outlet=f"Outlet {name}", published=date(2025, 9, day), title="Halvik strike")
                for day, (name, text) in enumerate(zip("VXWZ", texts), start=1)]
    with Ledger(":memory:") as scratch:
        resolver, _ = ledger_resolver(scratch)
        copies = list(analyse(articles, analyzer, resolver))
    demands = [[s for s in found if "until the port authority" in s.content] for _, found in copies]
    assert [len(d) for d in demands] == [0, 1, 1, 1]
    with Ledger(tmp_path / "all.db") as whole:
        whole.add(copies)
        link_stories(whole, [article.id for article, _ in copies])
        expected = [dumps_record(r) for r in whole.statements()]
        listed = [r["content"] for r in whole.statements() if "until the port authority" in r["content"]]
        assert whole.counts()["stories"] == 1 and len(listed) == 2  # X's (carried by W) and Z's
        counts = whole.counts()
    with Ledger(tmp_path / "late.db") as late:
        for item in (copies[0], copies[2], copies[3], copies[1]):  # V, W, Z, then X
            late.add([item])
            link_stories(late, [item[0].id])
        assert [dumps_record(r) for r in late.statements()] == expected
        assert late.counts() == counts


def test_two_stored_stories_merged_by_a_new_copy_group_as_all_at_once(tmp_path: Path, analyzer):
    """Two copies each of the two edits (too far apart to link) are two stored stories with
    their own groups; the wire copy joins them into one, whose groups are those of linking
    all five at once, whichever story's copies come first."""
    texts = [(COURIER, 2), (COURIER.replace("Baltic Courier", "Baltic Post"), 4),
             (TIMES, 3), ("HALVIK \u2014 " + TIMES, 5), (WIRE, 6)]
    articles = [Article(text, outlet=f"Outlet {n}", published=date(2025, 9, day), title="Halvik strike")
                for n, (text, day) in enumerate(texts)]
    with Ledger(":memory:") as scratch:
        resolver, _ = ledger_resolver(scratch)
        copies = list(analyse(articles, analyzer, resolver))
    with Ledger(tmp_path / "all.db") as whole:
        whole.add(copies)
        link_stories(whole, [article.id for article, _ in copies])
        expected = [dumps_record(r) for r in whole.statements()]
        counts = whole.counts()
    assert counts["stories"] == 1
    for name, order in (("edits-first", (0, 1, 2, 3, 4)), ("times-first", (2, 3, 0, 1, 4)),
                        ("wire-between", (0, 2, 1, 3, 4))):
        with Ledger(tmp_path / f"{name}.db") as ledger:
            for pair in (order[:2], order[2:4], order[4:]):
                batch = [copies[n] for n in pair]
                ledger.add(batch)
                link_stories(ledger, [article.id for article, _ in batch])
            assert [dumps_record(r) for r in ledger.statements()] == expected, name
            assert ledger.counts() == counts, name
