"""Analysis in worker processes: N processes on this machine, each holding one loaded Analyzer.

``WorkerPool(workers, spec).analyze_articles(articles)`` yields ``(article, statements)`` in
input order, exactly like ``Analyzer.analyze_articles``, so ``ingest`` treats a pool and an
analyzer alike (speaker resolution and storage stay in the calling process).

How it works: the calling process cuts the article stream into chunks of ``chunk_size``
articles and puts each on a task queue; every worker takes the next chunk, runs spaCy's
``nlp.pipe`` over it and sends back the chunk's statements (not the articles, which the
caller still holds). At most ``max_in_flight`` chunks are out at once (two per worker by
default), and the input is read only when a chunk comes back, so memory stays flat over a
stream of any length; chunks that finish early wait in a reorder buffer bounded by the same
number until their turn.

Workers ignore SIGINT: Ctrl-C in a terminal reaches every process of the foreground group,
and only the calling process decides how to stop (``hold_interrupts`` lets it finish a write
first; leaving the pool's ``with`` block on an error terminates the workers).

Processes start with the "spawn" method by default: the caller holds threads (a database
pool, a live progress display), and forking a process with threads can deadlock.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from .model import Article, Statement

POLL_SECONDS = 1.0  # how often a waiting caller checks that its workers are still alive


class WorkerError(RuntimeError):
    """A worker failed: its analysis raised, or the process stopped unexpectedly."""


@dataclass(frozen=True)
class AnalyzerSpec:
    """What a worker needs to load its own Analyzer (picklable, unlike a loaded pipeline)."""

    model: str | None = None
    components: tuple[str, ...] | None = None
    threads: int = 0  # for the accurate tagger; 0: the pool gives each worker its share of the cores

    def load(self):
        from .nlp.pipeline import Analyzer  # imported here: only processes that analyse need spaCy

        return Analyzer(self.model, components=self.components, threads=self.threads)


def default_workers() -> int:
    """All cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class WorkerPool:
    """``workers`` processes, each loading ``spec`` once; use as a context manager."""

    def __init__(self, workers: int, spec: AnalyzerSpec | None = None, *, chunk_size: int = 8,
                 max_in_flight: int | None = None, context: str = "spawn") -> None:
        if workers < 1 or chunk_size < 1:
            raise ValueError("workers and chunk_size must be at least 1")
        self.workers = workers
        self.spec = spec or AnalyzerSpec()
        if isinstance(self.spec, AnalyzerSpec) and not self.spec.threads:
            # N workers that each take every core would fight over them
            self.spec = replace(self.spec, threads=max(1, default_workers() // workers))
        self.chunk_size = chunk_size
        self.max_in_flight = max_in_flight or 2 * workers
        self._context = mp.get_context(context)
        self._processes: list[Any] = []
        self._tasks: Any = None
        self._results: Any = None

    # -- lifetime ---------------------------------------------------------------------------

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # an error or Ctrl-C: the chunks in flight are not wanted any more
            self.terminate()

    def start(self) -> None:
        """Start the worker processes (each loads its pipeline in the background)."""
        self._tasks = self._context.Queue(self.max_in_flight)
        self._results = self._context.Queue()
        with _sigint_blocked():  # children inherit the mask: no Ctrl-C before they ignore it
            for _ in range(self.workers):
                process = self._context.Process(target=_work, args=(self.spec, self._tasks, self._results, os.getpid()),
                                                daemon=True, name="newsledger-worker")
                process.start()
                self._processes.append(process)

    def close(self, timeout: float = 2.0) -> None:
        """Ask idle workers to stop, wait a little, terminate any still tearing down (a
        worker holds nothing that needs a clean exit, and unloading spaCy takes seconds)."""
        for _ in self._processes:
            try:
                self._tasks.put(None, timeout=timeout)
            except queue.Full:
                break
        for process in self._processes:
            process.join(timeout)
        self.terminate()

    def terminate(self) -> None:
        """Stop every worker now (work in flight is dropped)."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for q in (self._tasks, self._results):
            if q is not None:
                q.cancel_join_thread()  # never block our exit on data nobody will read
                q.close()
        self._processes.clear()
        self._tasks = self._results = None

    # -- analysis ---------------------------------------------------------------------------

    def analyze_articles(self, articles: Iterable[Article],
                         batch_size: int = 32) -> Iterator[tuple[Article, list[Statement]]]:
        """Each article with its statements, in input order (``nlp.pipe`` batches of
        ``batch_size`` inside each worker)."""
        if not self._processes:
            raise RuntimeError("WorkerPool.analyze_articles outside `with WorkerPool(...)`")
        pending: dict[int, list[Article]] = {}
        finished: dict[int, list[list[Statement]]] = {}
        source, sent, next_out = chunks(articles, self.chunk_size), 0, 0
        while True:
            while len(pending) < self.max_in_flight and (chunk := next(source, None)) is not None:
                pending[sent] = chunk
                self._tasks.put((sent, chunk, batch_size))
                sent += 1
            if next_out not in pending:
                return
            while next_out not in finished:
                seq, found = self._receive()
                finished[seq] = found
            yield from zip(pending.pop(next_out), finished.pop(next_out))
            next_out += 1

    def _receive(self) -> tuple[int, list[list[Statement]]]:
        while True:
            try:
                seq, found, error = self._results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._check_alive()
                continue
            if error is not None:
                raise _as_exception(error)
            return seq, found

    def _check_alive(self) -> None:
        for process in self._processes:
            if not process.is_alive():
                raise WorkerError(f"worker process {process.pid} stopped unexpectedly "
                                  f"(exit code {process.exitcode})")


def _work(spec: AnalyzerSpec, tasks: Any, results: Any, parent: int) -> None:
    """A worker's life: load the pipeline, then analyse chunks until told to stop or
    until ``parent`` (the pid of the process that started it) is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        analyzer = spec.load()
    except Exception as exc:
        results.put((None, None, (type(exc).__name__, str(exc))))
        return
    while (task := _next_task(tasks, parent)) is not None:
        seq, articles, batch_size = task
        try:
            found = [statements for _, statements in analyzer.analyze_articles(articles, batch_size)]
        except Exception:  # report it; the caller decides to stop
            results.put((seq, None, ("WorkerError", traceback.format_exc())))
            continue
        results.put((seq, found, None))


def _next_task(tasks: Any, parent: int) -> Any:
    """The next task, or None once told to stop or once the parent process is gone
    (killed with SIGKILL, it can tell no one: an orphan must not live on holding its
    pipes open)."""
    while True:
        try:
            return tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _as_exception(error: tuple[str, str]) -> Exception:
    """The caller-side exception for a worker's ``(class name, message)``."""
    name, message = error
    if name == "ModelNotFound":  # a missing model is the user's to fix: keep its own type
        from .nlp.pipeline import ModelNotFound

        return ModelNotFound(message)
    return WorkerError(message if name == "WorkerError" else f"{name}: {message}")


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def hold_interrupts() -> Iterator[None]:
    """Let the block finish before a Ctrl-C (SIGINT) that arrives during it takes effect.

    Used around a batch's writes, so a Ctrl-C never leaves a batch stored without the
    bookkeeping that goes with it. Outside the main thread this does nothing (only the
    main thread can handle signals).
    """
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt
