"""From model objects to table rows: pure Python, no database access.

``prepare(article, statements)`` turns one analysed article into the rows ``Ledger.add``
writes: the ``articles`` row, and per statement its ``statements`` row (with the record
as JSON text, exactly ``dumps_record(statement.record(article))``), its search-index row
and its speaker ``mentions`` row. Everything is computed before the write transaction
opens, so a bad statement fails the call before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from newsledger.model import Article, Statement, dumps_record
from newsledger.nlp.timex_calendar import period_bounds
from newsledger.store.schema import UNDATED

SPEAKER_KEY_SEPARATOR = "\x1f"


@dataclass
class PreparedStatement:
    id: str
    row: dict[str, Any]
    search: dict[str, Any]
    mention: dict[str, Any] | None


@dataclass
class PreparedArticle:
    id: str
    row: dict[str, Any]
    statements: list[PreparedStatement] = field(default_factory=list)


def fold(value: str | None) -> str:
    """Case-folded text for case-insensitive matching (Unicode-aware, unlike SQL lower())."""
    return value.casefold() if value else ""


def as_date(value: date | None) -> date | None:
    """A ``date`` (a ``datetime`` is cut to its date), or None."""
    if isinstance(value, datetime):
        return value.date()
    return value


def prepare(article: Article, statements: list[Statement], *,
            now: datetime | None = None) -> PreparedArticle:
    article_id = article.id
    published = as_date(article.published)
    row = {
        "id": article_id,
        "text": article.text,
        "body_start": article.body_start,
        "path": article.path,
        "outlet": article.shown_outlet,
        "outlet_key": fold(article.shown_outlet) if article.shown_outlet is not None else None,
        "url": article.url,
        "published": published,
        "title": article.title,
        "text_hash": article.text_hash,
        "added_at": now or datetime.now(timezone.utc),
    }
    prepared = PreparedArticle(article_id, row)
    for statement in statements:
        prepared.statements.append(_prepare_statement(article, article_id, published, statement))
    return prepared


def effective_date(day: date | None, period: str | None, published: date | None) -> date | None:
    """The date analyses order a statement by: its day; else, when its period ended before
    publication, the period's first day ("told the BBC in 1998": 1998-01-01); else the
    publication date (it was said on or before it, and "this year" holds that day)."""
    if day is not None:
        return day
    bounds = period_bounds(period) if period else None
    if bounds is not None and (published is None or bounds[1] < published):
        return bounds[0]
    return published


def record_date(record: dict[str, Any]) -> str | None:
    """:func:`effective_date` of a statement record, as an ISO date (or None)."""
    published = (record.get("article") or {}).get("published")
    day = effective_date(_iso_day(record.get("date")), record.get("date_period"), _iso_day(published))
    return day.isoformat() if day else None


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _prepare_statement(article: Article, article_id: str, published: date | None,
                       statement: Statement) -> PreparedStatement:
    record = statement.record(article)
    speaker = record["speaker"]
    span = speaker["span"]
    statement_date = as_date(statement.date)
    row = {
        "id": record["id"],
        "article_id": article_id,
        "speaker_name": speaker["name"],
        "speaker_mention": speaker["mention"],
        "speaker_kind": speaker["kind"],
        "speaker_start": span[0] if span else None,
        "speaker_end": span[1] if span else None,
        "speaker_key": fold(speaker["name"]) + SPEAKER_KEY_SEPARATOR + fold(speaker["mention"]),
        "actor_id": speaker["actor_id"],
        "cue": record["cue"],
        "act": record["act"],
        "negated": bool(record["negated"]),
        "quote": record["quote"],
        "date": statement_date,
        "effective_date": effective_date(statement_date, statement.date_period, published),
        "sort_published": published or UNDATED,
        "has_condition": record["condition"] is not None,
        "content_start": statement.content_start,
        "content_end": statement.content_end,
        "content": record["content"],
        "confidence": record["confidence"],
        "record": dumps_record(record),
    }
    search = {
        "statement_id": record["id"],
        "content": record["content"],
        "cue": record["cue"],
        "speaker": speaker["name"] or "",
    }
    mention = None
    if statement.speaker is not None:
        m = statement.speaker
        mention = {
            "article_id": article_id,
            "start": m.span[0],
            "end": m.span[1],
            "text": m.text,
            "name": m.name,
            "kind": m.kind,
            "actor_id": m.actor_id,
            "role": m.role,
            "country": m.country,
            "organization": m.organization,
        }
    return PreparedStatement(record["id"], row, search, mention)
