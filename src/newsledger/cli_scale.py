"""Commands and helpers for scale: ``newsledger load``, and where ``ingest`` runs and writes.

    newsledger load SHARDS/ [--db FILE|URL] [--batch-size 64]
        import the Parquet shards written by ``ingest --shards SHARDS/`` into a ledger
        (speakers are resolved here, in shard order, as a direct ingest would)

``ingest`` (in :mod:`newsledger.cli`) uses ``ingest_target`` (the ledger, or a shards
folder) and ``analysis_pool`` (a Ray pool for ``--ray``). Thin layers over
:mod:`newsledger.shards` and :mod:`newsledger.cluster`; ``register(app)`` adds ``load``.
The main CLI module is imported inside the functions, never at the top: it imports this
module while it is itself being imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``newsledger`` app."""
    app.command("load")(load)


def load(
    folder: Path = typer.Argument(..., help="A folder of Parquet shards written by `ingest --shards`."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per stored transaction."),
) -> None:
    """Import Parquet shards (from `ingest --shards`) into the ledger; stored articles are skipped."""
    from sqlalchemy.exc import SQLAlchemyError

    from . import cli, output
    from .shards import ShardError, load_shards

    if not folder.is_dir():
        cli._fail(f"{folder} is not a folder of shards", code=1)
    ledger = cli._ledger(db)
    progress = output.IngestProgress(cli.err)
    try:
        with progress:
            summary = load_shards(folder, ledger, batch_size=batch_size, on_batch=progress.update)
    except KeyboardInterrupt:
        cli._fail("interrupted; the batches stored before are kept", code=130)
    except SQLAlchemyError as exc:
        cli._fail(f"ledger {db}: {cli._first_line(exc)}; the batches stored before are kept", code=1)
    except (ShardError, OSError, ValueError) as exc:  # pyarrow's errors are OSError/ValueError
        cli._fail(f"shards {folder}: {cli._first_line(exc)}; the batches stored before are kept", code=1)
    finally:
        ledger.close()
    cli.console.print(progress.closing(summary), highlight=False, soft_wrap=True)


def ingest_target(db: str, shards: Path | None) -> Any:
    """Where ``ingest`` writes: the ledger at ``db``, or a shards folder (the ledger untouched)."""
    from . import cli

    if shards is None:
        return cli._ledger(db)
    from .shards import ShardError, ShardWriter

    try:
        return ShardWriter(shards)
    except (ShardError, OSError) as exc:
        cli._fail(f"shards {shards}: {cli._first_line(exc)}", code=1)


@contextmanager
def analysis_pool(ray: str | None, model: str | None, actors: int | None) -> Iterator[Any]:
    """A connected ``RayPool`` for ``--ray ADDRESS`` (``actors`` of them, default one per
    cluster CPU), or None when the analysis stays on this machine."""
    if ray is None:
        yield None
        return
    from .cluster import RayPool
    from .parallel import AnalyzerSpec

    with RayPool(ray, AnalyzerSpec(model), actors=actors) as pool:
        yield pool
