"""Ingest: read articles, analyse them, resolve speakers, store the results.

This is the library function behind ``newsledger ingest``; the CLI only shows
its progress. Data flows one way: ``sources`` -> ``nlp`` -> ``actors`` ->
``store``. Articles already in the ledger are skipped before analysis (so a
re-run costs a read, not a parse), and each batch is stored in one transaction,
so an interruption loses at most the batch in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from .model import Article, Problem, Statement
from .nlp.pipeline import Analyzer
from .sources import read_paths
from .store import Ledger

Resolver = Callable[[Article, list[Statement]], list[Statement]]


@dataclass
class IngestSummary:
    read: int = 0
    already_stored: int = 0
    added: int = 0
    statements: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        """Files, lines or records that were not read."""
        return [p for p in self.problems if p.skipped]

    @property
    def notes(self) -> list[Problem]:
        """Remarks on articles that were read (a guessed encoding, an unusable date)."""
        return [p for p in self.problems if not p.skipped]

    def line(self) -> str:
        parts = [_count(self.read, "article") + " read", f"{self.added} added",
                 f"{self.already_stored} already stored", f"{len(self.skipped)} skipped"]
        if self.notes:
            parts.append(_count(len(self.notes), "note"))
        parts.append(_count(self.statements, "statement"))
        return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def default_resolver() -> Resolver | None:
    """The actors stage, when it is installed: canonical names, kinds and roles."""
    try:
        from .actors.resolve import resolve_statements
    except ImportError:
        return None
    return resolve_statements


def ledger_resolver(ledger: Ledger) -> tuple[Resolver | None, Callable[[], None] | None]:
    """The actors stage bound to the ledger's actors, and the flush that saves new ones.

    Resolution runs in this process so that one registry sees every article: that is
    what merges "Lee" in one article with "Mike Lee" in another.
    """
    try:
        from .actors.registry import ActorRegistry
        from .actors.resolve import make_resolver
    except ImportError:
        return None, None
    from .store.actors import load_actor_rows, save_actor_rows

    registry = ActorRegistry.from_rows(load_actor_rows(ledger))
    return make_resolver(registry), lambda: save_actor_rows(ledger, registry.take_dirty())


def analyse(articles: Iterable[Article], analyzer: Analyzer, resolver: Resolver | None = None,
            batch_size: int = 16) -> Iterator[tuple[Article, list[Statement]]]:
    """Each article with its finished statements (speakers resolved to actors)."""
    for article, statements in analyzer.analyze_articles(articles, batch_size=batch_size):
        if resolver is not None:
            statements = resolver(article, statements)
        yield article, statements


def ingest(paths: Iterable[str], ledger: Ledger, analyzer: Analyzer, *,
           default_date: date | None = None, field_map: dict[str, str] | None = None,
           max_bytes: int = 2_000_000, batch_size: int = 64,
           on_problem: Callable[[Problem], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None,
           resolver: Resolver | None = None) -> IngestSummary:
    """Read ``paths`` into ``ledger``; returns what was read, added and skipped."""
    summary = IngestSummary()
    flush = None
    if resolver is None:
        resolver, flush = ledger_resolver(ledger)

    def new_articles() -> Iterator[Article]:
        for item in read_paths(paths, default_date=default_date, field_map=field_map, max_bytes=max_bytes):
            if isinstance(item, Problem):
                summary.problems.append(item)
                if on_problem:
                    on_problem(item)
                continue
            summary.read += 1
            if ledger.has_article(item.id):
                summary.already_stored += 1
                continue
            yield item

    results = analyse(new_articles(), analyzer, resolver)
    while batch := list(islice(results, batch_size)):
        stored = ledger.add(batch)
        if flush is not None:
            flush()
        summary.added += stored.articles_added
        summary.already_stored += stored.articles_skipped
        summary.statements += stored.statements_added
        if on_batch:
            on_batch(summary)
    return summary
