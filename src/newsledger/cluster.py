"""Analysis on a Ray cluster: Ray actors, each holding one loaded Analyzer.

``RayPool(address, spec)`` is used as a context manager and passed to ``ingest`` as its
analyzer: its ``analyze_articles`` yields ``(article, statements)`` in input order, like
``Analyzer.analyze_articles``. Only the analysis runs on the cluster; this process (the
driver) reads the input, resolves speakers against the ledger's actor registry and writes
the ledger or the Parquet shards, so the results are those of a single-machine run.

Addresses: ``auto`` joins the cluster this machine belongs to (started with ``ray start``),
``local`` starts a private Ray on this machine for the run, anything else (``HOST:PORT``,
``ray://HOST:PORT``) is passed to ``ray.init``. When this process is already connected to
Ray (a notebook, a test), that connection is used whatever the address, and left open.

Every node needs newsledger and its spaCy model installed: the actors import them.
Chunks of ``chunk_size`` articles go to the actors in turn, at most ``max_in_flight`` at a
time (two per actor by default), and the input is read only as results come back, so the
driver's memory stays flat over a stream of any length.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Article, Statement
from .parallel import AnalyzerSpec, WorkerError, chunks

INSTALL_HINT = "install it with `pip install 'newsledger[scale]'`"


def import_ray() -> Any:
    """The ``ray`` module, or a WorkerError saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise WorkerError(f"Ray is not installed ({exc}); {INSTALL_HINT}") from None
    return ray


class _AnalyzerActor:
    """One Ray actor: loads the pipeline once, then analyses the chunks sent to it."""

    def __init__(self, spec: AnalyzerSpec) -> None:
        self.analyzer = spec.load()

    def analyze(self, articles: list[Article], batch_size: int) -> list[list[Statement]]:
        return [found for _, found in self.analyzer.analyze_articles(articles, batch_size)]


class RayPool:
    """``actors`` Ray actors (default: one per CPU of the cluster) analysing articles."""

    def __init__(self, address: str | None = "auto", spec: AnalyzerSpec | None = None, *,
                 actors: int | None = None, chunk_size: int = 8, max_in_flight: int | None = None,
                 init_options: dict[str, Any] | None = None) -> None:
        if (actors is not None and actors < 1) or chunk_size < 1:
            raise ValueError("actors and chunk_size must be at least 1")
        self.address = address
        self.spec = spec or AnalyzerSpec()
        self.actors = actors
        self.chunk_size = chunk_size
        self.max_in_flight = max_in_flight
        self.init_options = init_options or {}
        self._ray: Any = None
        self._handles: list[Any] = []
        self._connected_here = False

    def __enter__(self) -> RayPool:
        self._ray = ray = import_ray()
        if not ray.is_initialized():
            address = None if self.address in (None, "local") else self.address
            options = {"include_dashboard": False, "log_to_driver": False, **self.init_options}
            if address is not None:
                options.pop("include_dashboard")  # only for a cluster this call starts
            try:
                ray.init(address=address, **options)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                first = str(exc).strip().splitlines()
                raise WorkerError(f"cannot start or reach Ray at {self.address}: "
                                  f"{first[0] if first else type(exc).__name__}") from None
            self._connected_here = True
        count = self.actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class = ray.remote(num_cpus=1)(_AnalyzerActor)
        self._handles = [actor_class.remote(self.spec) for _ in range(count)]
        return self

    def __exit__(self, *exc_info: object) -> None:
        for handle in self._handles:
            self._ray.kill(handle)  # drops the work in flight, frees the CPUs now
        self._handles = []
        if self._connected_here:
            self._ray.shutdown()
            self._connected_here = False

    def analyze_articles(self, articles: Iterable[Article],
                         batch_size: int = 32) -> Iterator[tuple[Article, list[Statement]]]:
        """Each article with its statements, in input order."""
        if not self._handles:
            raise RuntimeError("RayPool.analyze_articles outside `with RayPool(...)`")
        limit = self.max_in_flight or 2 * len(self._handles)
        in_flight: deque[tuple[list[Article], Any]] = deque()
        for sent, chunk in enumerate(chunks(articles, self.chunk_size)):
            if len(in_flight) >= limit:
                yield from self._collect(*in_flight.popleft())
            actor = self._handles[sent % len(self._handles)]
            in_flight.append((chunk, actor.analyze.remote(chunk, batch_size)))
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _collect(self, chunk: list[Article], ref: Any) -> Iterator[tuple[Article, list[Statement]]]:
        try:
            found = self._ray.get(ref)
        except self._ray.exceptions.RayError as exc:
            raise _as_exception(exc) from None
        yield from zip(chunk, found)


def _as_exception(exc: BaseException) -> Exception:
    """A missing model stays ModelNotFound; any other failure on the cluster is a
    WorkerError naming the actor's own exception (Ray wraps it in a RayTaskError whose
    message is a traceback), or Ray's first line when there is none (an actor that died)."""
    from .nlp.pipeline import ModelNotFound

    cause: Any = exc
    for _ in range(8):  # RayTaskError.cause, possibly wrapped again
        inner = getattr(cause, "cause", None) or cause.__cause__
        if inner is None:
            break
        cause = inner
    if isinstance(cause, ModelNotFound):
        return ModelNotFound(str(cause))
    if cause is not exc and not isinstance(cause, _ray_error_types()):
        return WorkerError(f"analysis on Ray failed: {type(cause).__name__}: {cause}")
    first = _strip_ansi(str(exc)).strip().splitlines()
    return WorkerError(f"analysis on Ray failed: {first[0] if first else type(exc).__name__}")


def _ray_error_types() -> tuple[type, ...]:
    import ray

    return (ray.exceptions.RayError,)


def _strip_ansi(text: str) -> str:
    """Ray colours its messages for a terminal; ours are plain."""
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)
