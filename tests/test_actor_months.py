"""The counts kept by actor and month (``store.actor_months``) stay equal to counting the
stored statements again, whatever order a story's copies arrive in, and an actor's timeline
by month read from them equals the one bucketed from its statements day by day.

The articles are those of test_stories (a wire story in three copies from three outlets, and
another story), analysed by the real pipeline; on PostgreSQL too when
NEWSLEDGER_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import text
from test_stories import analysed, empty  # noqa: F401  (the same ledgers and articles: fixtures)

from newsledger.analysis.stories import link_stories
from newsledger.analysis.timelines import bucket, subject_timeline
from newsledger.store import Ledger
from newsledger.store import actor_months
from newsledger.store import timelines as timeline_store
from newsledger.store.engine import write_transaction
from newsledger.store.timelines import _day_counts


def counted_again(ledger: Ledger) -> Counter:
    """The statements counted from scratch, by actor, month and act (zeros left out)."""
    with ledger.engine.connect() as connection:
        days = _day_counts(connection, text("statements.actor_id IS NOT NULL"))
    months: Counter = Counter()
    for (actor_id, day, act), n in days.items():
        months[(actor_id, actor_months.month_number(day), act)] += n
    return +months


def kept(ledger: Ledger) -> Counter:
    with ledger.engine.connect() as connection:
        return actor_months.stored(connection)


# wire, courier, times, hiring: the wire last makes the earlier copies' statements later
# copies of its own once it arrives; two at a time links a story across batches.
ORDERS = [(0, 1, 2, 3), (2, 1, 3, 0), (3, 2, 0, 1)]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("batch", [1, 2])
def test_kept_counts_equal_a_recount_in_any_arrival_order(empty: Ledger, analysed, order, batch):
    arriving = [analysed[i] for i in order]
    for start in range(0, len(arriving), batch):
        part = arriving[start:start + batch]
        empty.add(part)
        link_stories(empty, [article.id for article, _ in part])
        assert kept(empty) == counted_again(empty), [a.outlet for a, _ in arriving[:start + batch]]
    # the quote all three copies print counts once: copies are not counted again
    quist = {k: n for k, n in kept(empty).items() if k[0] == "person:marta-quist"}
    assert sum(quist.values()) == len([r for r in empty.statements() if r["speaker"]["actor_id"] == "person:marta-quist"])


def test_month_timeline_equals_the_one_bucketed_by_day(empty: Ledger, analysed):
    empty.add(analysed)
    link_stories(empty, [article.id for article, _ in analysed])
    actors = {key[0] for key in kept(empty)}
    assert len(actors) >= 3
    for actor_id in sorted(actors):
        fast = subject_timeline(empty, {"kind": "actor", "id": actor_id, "name": actor_id})
        by_day = bucket(timeline_store.act_counts(empty, actor_ids=[actor_id]), "month")
        assert {k: fast[k] for k in by_day} == by_day, actor_id


def test_an_older_ledger_gets_its_counts_on_upgrade(empty: Ledger, analysed):
    empty.add(analysed)
    link_stories(empty, [article.id for article, _ in analysed])
    expected = counted_again(empty)
    with write_transaction(empty.engine) as connection:  # as a ledger of migration 0003 was
        connection.execute(text("DROP TABLE actor_months"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    url = empty.engine.url
    empty.engine.dispose()
    with Ledger(url) as reopened:
        assert kept(reopened) == expected and expected
