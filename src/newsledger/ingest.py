"""Ingest: read articles, analyse them, resolve speakers, store the results.

This is the library function behind ``newsledger ingest``; the CLI only shows
its progress. Data flows one way: ``sources`` -> ``nlp`` -> ``actors`` ->
``store``. Articles already in the ledger are skipped before analysis (so a
re-run costs a read, not a parse, and continues where an interrupted run
stopped), and each batch is stored in one transaction, so an interruption loses
at most the batches in flight.

Analysis runs in this process, in worker processes on this machine
(``workers=N``, :mod:`newsledger.parallel`), or wherever an analyzer-like object
passed in sends it (a Ray cluster, :mod:`newsledger.cluster`). Whatever runs the
analysis, results come back in input order and speakers are resolved here, in
that order, against the one actor registry in the ledger: so the ledger is the
same however the work was spread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import Any

from .analysis.stories import link_stories
from .model import Article, Problem, Statement
from .nlp.pipeline import Analyzer
from .parallel import AnalyzerSpec, WorkerPool, hold_interrupts
from .sources import read_paths
from .sources.walk import files_to_read
from .store import Ledger

Resolver = Callable[[Article, list[Statement]], list[Statement]]
#: One article per file: a folder of these can be counted before it is read.
SINGLE_ARTICLE_FORMATS = ("text", "html")
#: Statements one article may hold; more is refused (a runaway input, not news).
MAX_STATEMENTS = 1000


@dataclass
class IngestSummary:
    read: int = 0
    already_stored: int = 0
    added: int = 0
    statements: int = 0
    problems: list[Problem] = field(default_factory=list)
    total: int | None = None  # articles expected, when known before reading (for an ETA)

    @property
    def skipped(self) -> list[Problem]:
        """Files, lines or records that were not read."""
        return [p for p in self.problems if p.skipped]

    @property
    def notes(self) -> list[Problem]:
        """Remarks on articles that were read (a guessed encoding, an unusable date)."""
        return [p for p in self.problems if not p.skipped]

    def remaining(self) -> int | None:
        """Articles still to come, when the total is known."""
        if self.total is None:
            return None
        return max(self.total - self.read - len(self.skipped), 0)

    def eta(self, elapsed: float) -> float | None:
        """Seconds left at the rate so far (stored or skipped articles per second)."""
        remaining, done = self.remaining(), self.added + self.already_stored
        if remaining is None or done == 0 or elapsed <= 0:
            return None
        return remaining * elapsed / done

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
            batch_size: int = 16, *, max_statements: int | None = None,
            on_refused: Callable[[Problem], None] | None = None) -> Iterator[tuple[Article, list[Statement]]]:
    """Each article with its finished statements (speakers resolved to actors).

    ``analyzer`` is an Analyzer or anything with its ``analyze_articles`` (a worker pool,
    a Ray pool) that yields results in input order. An article with more than
    ``max_statements`` statements is refused (not stored, no speaker resolved): one
    Problem goes to ``on_refused``.
    """
    for article, statements in analyzer.analyze_articles(articles, batch_size=batch_size):
        if max_statements is not None and len(statements) > max_statements:
            if on_refused is not None:
                on_refused(Problem(article.path or article.id,
                                   f"{len(statements)} statements, over the limit of {max_statements} "
                                   "per article (refused; see --max-statements)"))
            continue
        if resolver is not None:
            statements = resolver(article, statements)
        yield article, statements


class Fresh:
    """Which articles still need analysis: not stored, and not already met in this run.

    Remembering the ids met but not yet stored (a bounded set: the work in flight) makes
    a repeated article skipped the same way however far analysis reads ahead.
    """

    def __init__(self, is_stored: Callable[[str], bool]) -> None:
        self._is_stored = is_stored
        self._pending: set[str] = set()

    def admit(self, article: Article) -> bool:
        article_id = article.id
        if article_id in self._pending or self._is_stored(article_id):
            return False
        self._pending.add(article_id)
        return True

    def stored(self, articles: Iterable[Article]) -> None:
        self._pending.difference_update(a.id for a in articles)


def new_articles(paths: list[str], summary: IngestSummary, fresh: Fresh, *,
                 on_problem: Callable[[Problem], None] | None = None,
                 **read_options: Any) -> Iterator[Article]:
    """The articles of ``paths`` that ``fresh`` admits, read lazily; counts go to ``summary``."""
    for item in read_paths(paths, **read_options):
        if isinstance(item, Problem):
            summary.problems.append(item)
            if on_problem:
                on_problem(item)
            continue
        summary.read += 1
        if fresh.admit(item):
            yield item
        else:
            summary.already_stored += 1


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, when known without reading them: every input a
    one-article file (plain text, web page). None for standard input, JSON Lines, CSV,
    feeds and web archives, which would have to be read to be counted."""
    count = 0
    for item in files_to_read(os.fspath(p) for p in paths):
        if isinstance(item, Problem):
            continue
        if item[1] not in SINGLE_ARTICLE_FORMATS:
            return None
        count += 1
    return count


def store(results: Iterable[tuple[Article, list[Statement]]], ledger: Ledger,
          summary: IngestSummary, *, batch_size: int = 64, flush: Callable[[], None] | None = None,
          on_stored: Callable[[list[Article]], None] | None = None,
          on_batch: Callable[[IngestSummary], None] | None = None) -> None:
    """Store finished results in transactions of ``batch_size`` articles, in order."""
    results = iter(results)
    while batch := list(islice(results, batch_size)):
        # A Ctrl-C waits until the batch and everything that goes with it is written.
        with hold_interrupts():
            stored = ledger.add(batch)
            if flush is not None:
                flush()
            if isinstance(ledger, Ledger):
                link_stories(ledger, [article.id for article, _ in batch])
        if on_stored:
            on_stored([article for article, _ in batch])
        summary.added += stored.articles_added
        summary.already_stored += stored.articles_skipped
        summary.statements += stored.statements_added
        if on_batch:
            on_batch(summary)


class _LazyAnalyzer:
    """An Analyzer made when the first article needs it: a re-run over stored articles, or
    a stream sent to workers, never loads a pipeline here."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load, self._analyzer = load, None

    def analyze_articles(self, articles: Iterable[Article],
                         batch_size: int = 32) -> Iterator[tuple[Article, list[Statement]]]:
        articles = iter(articles)
        first = next(articles, None)
        if first is None:
            return
        if self._analyzer is None:
            self._analyzer = self._load()
        yield from self._analyzer.analyze_articles(chain([first], articles), batch_size)


class _Workers:
    """A WorkerPool for streams long enough to gain from it; shorter ones stay local,
    because starting N processes that each load spaCy costs seconds."""

    def __init__(self, workers: int, spec: AnalyzerSpec, local: Any, chunk_size: int) -> None:
        self.workers, self.spec, self.local, self.chunk_size = workers, spec, local, chunk_size

    def analyze_articles(self, articles: Iterable[Article],
                         batch_size: int = 32) -> Iterator[tuple[Article, list[Statement]]]:
        articles = iter(articles)
        worth = self.workers * self.chunk_size
        head = list(islice(articles, worth + 1))
        if len(head) <= worth:
            yield from self.local.analyze_articles(head, batch_size)
            return
        with WorkerPool(self.workers, self.spec, chunk_size=self.chunk_size) as pool:
            yield from pool.analyze_articles(chain(head, articles), batch_size)


def analysis_backend(analyzer: Any = None, *, workers: int = 1, model: str | None = None,
                     chunk_size: int = 8) -> Any:
    """What analyses articles: ``analyzer`` here, or ``workers`` processes (see ``ingest``)."""
    if analyzer is not None and not isinstance(analyzer, Analyzer) and hasattr(analyzer, "analyze_articles"):
        return analyzer  # a pool of its own (Ray): it decides where the work runs
    if isinstance(analyzer, Analyzer):
        local, model = analyzer, model or analyzer.spec_name()
    else:
        local = _LazyAnalyzer(analyzer if analyzer is not None else (lambda: Analyzer(model)))
    if workers <= 1:
        return local
    return _Workers(workers, AnalyzerSpec(model), local, chunk_size)


def as_path_list(paths: Iterable[str] | str) -> list[str]:
    """``paths`` as a list (one path is not a list of characters); read more than once."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [paths]
    return list(paths)


def ingest(paths: Iterable[str], ledger: Ledger, analyzer: Any = None, *,
           default_date: date | None = None, field_map: dict[str, str] | None = None,
           max_bytes: int = 2_000_000, batch_size: int = 64,
           on_problem: Callable[[Problem], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None,
           resolver: Resolver | None = None, workers: int = 1, model: str | None = None,
           chunk_size: int = 8, max_statements: int | None = MAX_STATEMENTS) -> IngestSummary:
    """Read ``paths`` into ``ledger``; returns what was read, added and skipped.

    ``ledger``: a Ledger; or a ``shards.ShardWriter``, which takes the analysed articles
    without resolving speakers (that happens when the shards are loaded into a ledger).

    ``analyzer``: an Analyzer; a function returning one, called only if this process has
    articles to analyse; None for ``Analyzer(model)``, loaded when needed; or any other
    object with ``analyze_articles`` yielding results in input order (a
    ``cluster.RayPool``), which then does all the analysis (``workers`` is not used).

    ``workers`` above 1: analysis runs in that many processes, each loading
    ``Analyzer(model)`` (``model`` defaults to the analyzer's base model), fed chunks of
    ``chunk_size`` articles. A stream of at most ``workers * chunk_size`` new articles is
    analysed in this process instead. The ledger is the same either way.
    """
    paths = as_path_list(paths)
    summary = IngestSummary(total=count_articles(paths))
    flush = None
    if resolver is None and isinstance(ledger, Ledger):
        resolver, flush = ledger_resolver(ledger)
    if isinstance(ledger, Ledger):
        # Articles a killed run stored but had no time to link into stories.
        link_stories(ledger)
    fresh = Fresh(ledger.has_article)
    articles = new_articles(paths, summary, fresh, on_problem=on_problem, default_date=default_date,
                            field_map=field_map, max_bytes=max_bytes)
    backend = analysis_backend(analyzer, workers=workers, model=model, chunk_size=chunk_size)
    # closing(): an error or Ctrl-C while storing also stops the analysis (and its workers).
    def refuse(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem:
            on_problem(problem)

    with closing(analyse(articles, backend, resolver, max_statements=max_statements,
                         on_refused=refuse)) as results:
        store(results, ledger, summary, batch_size=batch_size, flush=flush,
              on_stored=fresh.stored, on_batch=on_batch)
    return summary
