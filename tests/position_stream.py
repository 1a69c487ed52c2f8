"""A stream of dated articles for the positions and timelines tests, and ledgers to hold it.

Three issues run through it: raising the retirement age (Lena Holm for, twice, then ruling
it out; Marko Vidal against, twice; Anna Berg for), a harbour rail tunnel (Piet Aalto) and
cod in the northern bay (the fisheries agency). Files are named ``OUTLET_DATE_slug.txt`` so
the sources stage reads the outlet from the name; each starts with a ``date`` header.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy import text as sql

from newsledger.ingest import ingest
from newsledger.store import Ledger
from newsledger.store.engine import make_engine

POSTGRES_URL = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])

STREAM = {
    "civictimes_2024-01-10_pensions.txt": """date 2024-01-10

Finance Minister Lena Holm promised on Tuesday that the government would raise the retirement age to 67 by 2030.

Union leader Marko Vidal rejected the plan to raise the retirement age.

Transport Minister Piet Aalto proposed building a new rail tunnel under the harbour.
""",
    "civictimes_2024-02-14_pensions.txt": """date 2024-02-14

Lena Holm said the retirement age must rise to 67 because the pension fund is running out of money.

Marko Vidal said the union would never accept a higher retirement age.

Employers' federation head Anna Berg called for raising the retirement age to 67.

The fisheries agency said cod stocks in the northern bay had fallen by a third since 2020.
""",
    "harbourgazette_2024-03-20_election.txt": """date 2024-03-20

Lena Holm ruled out raising the retirement age before the next election.

Piet Aalto said the city would start digging the harbour tunnel in May.

The fisheries agency warned that cod fishing in the northern bay could be banned next year.
""",
}

LATER = {
    "harbourgazette_2024-04-02_strike.txt": """date 2024-04-02

Marko Vidal rejected any increase in the retirement age.
""",
}


def write(folder: Path, articles: dict[str, str]) -> list[str]:
    """Write ``articles`` into ``folder``; their paths, in date order."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in sorted(articles, key=lambda n: n.split("_")[1])]


def open_ledger(backend: str, folder: Path) -> Ledger:
    """An empty ledger: a SQLite file in ``folder``, or a fresh schema of its own in the test
    PostgreSQL database (other test files share that database); :func:`close` drops it."""
    if backend == "sqlite":
        return Ledger(folder / "ledger.db")
    name = f"nl_positions_{uuid.uuid4().hex[:10]}"
    engine = make_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(sql(f"CREATE SCHEMA {name}"))
    engine.dispose()
    separator = "&" if "?" in POSTGRES_URL else "?"
    ledger = Ledger(f"{POSTGRES_URL}{separator}options=-csearch_path%3D{name}")
    _SCHEMAS[id(ledger)] = name
    return ledger


def db_argument(ledger: Ledger) -> str:
    """What to pass as ``--db`` to reach ``ledger`` from the command line."""
    return ledger.url.database if ledger.dialect == "sqlite" else \
        ledger.url.render_as_string(hide_password=False)


def close(ledger: Ledger) -> None:
    """Close ``ledger``; on PostgreSQL, drop the schema :func:`open_ledger` made for it."""
    ledger.close()
    name = _SCHEMAS.pop(id(ledger), None)
    if name:
        engine = make_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.execute(sql(f"DROP SCHEMA {name} CASCADE"))
        engine.dispose()


_SCHEMAS: dict[int, str] = {}


def stream_ledger(backend: str, folder: Path, analyzer, articles: dict[str, str] = STREAM) -> Ledger:
    """A ledger holding ``articles``, ingested by the real pipeline (not yet placed in issues)."""
    ledger = open_ledger(backend, folder)
    summary = ingest(write(folder / "articles", articles), ledger, analyzer)
    assert summary.added == len(articles), summary.line()
    return ledger
