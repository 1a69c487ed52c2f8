"""What the tests of whole articles share: an article's resolved statements, as `newsledger
ingest` gives them, and the statement of a cue."""

from __future__ import annotations

from datetime import date

from newsledger.actors.knowledge import load_kb
from newsledger.actors.registry import ActorRegistry
from newsledger.actors.resolve import resolve_statements
from newsledger.model import Article

PUBLISHED = date(2026, 3, 2)
# the header of a file whose body opens with its headline (no blank line after the date)
HEADLINE_FOLLOWS = f"date {PUBLISHED.isoformat()} "


def ledger(analyzer, body: str, header: str = f"date {PUBLISHED.isoformat()}\n\n",
           published: date | None = PUBLISHED) -> list:
    """The resolved statements of an article with a one-line header (none: ``body`` opens
    with its headline) and ``body``, published (or collected) on ``published``."""
    art = Article(text=header + body, published=published, body_start=len(header), path="wire.txt")
    return resolve_statements(art, analyzer.analyze(art), registry=ActorRegistry(), kb=load_kb())


def by_cue(statements, cue: str):
    """The first statement whose cue starts with ``cue`` (any case); fails the test when none."""
    found = [s for s in statements if s.cue.lower().startswith(cue)]
    assert found, f"no statement with the cue {cue!r}: {[s.cue for s in statements]}"
    return found[0]
