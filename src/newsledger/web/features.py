"""Which parts of newsledger the web can show, and what it says about the parts not there.

The actors listings (:mod:`newsledger.store.actors`) are used when that module imports.
Red lines, positions and outlet voice are computed by the CLI (``newsledger redlines``,
``newsledger positions``, ``newsledger outlet NAME``) and by ingest, and stored in the
ledger; the web app only reads them. :func:`stored` says whether a ledger holds a part (its
tables, and the rows an update leaves): it looks, it never creates a table (the store's
own readers create missing tables on first use, which is a write, so the web asks here
first). A part that is not stored answers with an empty state carrying one of the
``NOT_BUILT`` messages (saying how to produce it), never an error. Timelines need nothing stored beyond the statements (issue timelines need
positions).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, literal, select

try:  # the actors stage is optional: use it only when it is installed and imports cleanly
    from newsledger.store import actors as _actors_store

    list_actors = _actors_store.list_actors
    actor_profile = _actors_store.actor_profile
except Exception:  # pragma: no cover - depends on what is installed
    list_actors = None
    actor_profile = None

NOT_BUILT = {
    "actors": "Actor profiles are not built yet: this newsledger has no actors stage, so "
              "speakers are only searchable by name.",
    "redlines": "Red lines are not built yet for this ledger: run `newsledger redlines --db LEDGER` "
                "to find them (ingest keeps them up to date afterwards). The web app only shows "
                "what is stored. Conditional statements are searchable now (search with "
                "“conditional only”).",
    "positions": "Positions are not built yet for this ledger: run `newsledger positions --db LEDGER` "
                 "to place statements in issues (ingest keeps them up to date afterwards).",
    "timelines": "Issue timelines need positions, which are not built yet for this ledger: run "
                 "`newsledger positions --db LEDGER`. Actor and outlet timelines need nothing more.",
    "outlet_voice": "Outlet voice is not built yet for this ledger: run `newsledger outlet NAME --db "
                    "LEDGER` to find the outlets' own assertions and recurring boilerplate.",
}


def _tables() -> dict[str, tuple[Any, ...]]:
    """Each stored part's tables (from the store modules that own them); the first ones,
    up to ``_MARKERS[part]``, get a row whenever the part's update has seen anything."""
    from newsledger.store import outlet_voice, positions, redlines

    return {
        "redlines": (redlines.redlines, redlines.redline_parses, redlines.redline_statements,
                     redlines.redline_matches, redlines.redline_decisions),
        "positions": (positions.issue_statements, positions.issues),
        "outlet_voice": tuple(outlet_voice.TABLES),
    }


TABLES = _tables()
# A red-line update parses every conditional statement and reported event (redline_parses);
# a positions update gives every statement a row; an outlet-voice update every article.
_MARKERS = {"redlines": 2, "positions": 1, "outlet_voice": 1}


def actors_available() -> bool:
    return list_actors is not None and actor_profile is not None


def stored(ledger: Any, part: str) -> bool:
    """True when the ledger holds ``part`` (a key of ``TABLES``): its tables exist and its
    update has left a row. Read only: it never creates a table. (The ledger's schema may
    create the tables empty, so their presence alone says nothing.)"""
    with ledger.engine.connect() as connection:
        found = inspect(connection)
        if not all(found.has_table(table.name) for table in TABLES[part]):
            return False
        return any(connection.execute(select(literal(1)).select_from(table).limit(1)).first() is not None
                   for table in TABLES[part][:_MARKERS[part]])


def empty_listing(part: str) -> dict[str, Any]:
    """The JSON answer of a listing endpoint for a part that is not stored."""
    return {"items": [], "count": 0, "next": None, "available": False, "message": NOT_BUILT[part]}
