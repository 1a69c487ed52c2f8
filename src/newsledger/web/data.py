"""What the API and the pages both fetch: pages of statements, articles and their evidence.

Everything goes through :class:`newsledger.store.Ledger` and
:mod:`newsledger.store.views`; nothing here knows SQL. Paging is by cursor: a page of
``limit`` items is fetched as ``limit + 1``, and when the extra one exists the id of the
page's last item is the cursor (``after``) for the next page.
"""

from __future__ import annotations

from typing import Any, Callable

from newsledger.store import views
from newsledger.web.highlight import evidence
from newsledger.web.params import StatementFilters


def _page(fetch: Callable[[int], list[dict[str, Any]]], limit: int) -> tuple[list[dict[str, Any]], str | None]:
    items = fetch(limit + 1)
    if len(items) > limit:
        return items[:limit], items[limit - 1]["id"]
    return items, None


def statement_page(ledger: Any, filters: StatementFilters, limit: int,
                   after: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of statements and the cursor of the next (None on the last page).
    Raises ``ValueError`` for an unknown ``after`` id."""
    return _page(lambda n: ledger.statements(**filters.store_kwargs(), limit=n, after=after), limit)


def article_page(ledger: Any, limit: int, after: str | None = None,
                 outlet: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    return _page(lambda n: views.articles_page(ledger, limit=n, after=after, outlet=outlet), limit)


def with_evidence(ledger: Any, records: list[dict[str, Any]], words: list[str] = ()) -> list[dict[str, Any]]:
    """``[{"record", "evidence"}]``: each record with its sentence, parts marked (escaped)."""
    texts = views.article_texts(ledger, {(r.get("article") or {}).get("id") for r in records} - {None})
    return [{"record": r, "evidence": evidence(texts.get((r.get("article") or {}).get("id")), r, words)}
            for r in records]


def counts_by_act_and_month(records: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """``{"YYYY-MM": {act: count}}`` for statements (statement date, else publication)."""
    table: dict[str, dict[str, int]] = {}
    for record in records:
        when = record.get("date") or (record.get("article") or {}).get("published")
        if not when:
            continue
        month = table.setdefault(str(when)[:7], {})
        act = record.get("act") or "claim"
        month[act] = month.get(act, 0) + 1
    return dict(sorted(table.items()))
