"""Which parts of newsledger the web can show, and what it says about the parts not built.

The actors listings (:mod:`newsledger.store.actors`) are used when that module imports;
red lines, positions, timelines and outlet voice are not built yet. Pages and endpoints for
a missing part answer with an empty state carrying one of the ``NOT_BUILT`` messages,
never an error.
"""

from __future__ import annotations

from typing import Any

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
    "redlines": "Red lines are not built yet: the analysis that finds red lines and what "
                "triggers them is still to come. Conditional statements are searchable now "
                "(search with “conditional only”).",
    "positions": "Positions are not built yet: the analysis of positions per issue and their "
                 "changes is still to come.",
    "timelines": "Timelines are not built yet: the analysis that orders an actor's statements "
                 "into a timeline is still to come.",
    "outlet_voice": "Outlet voice is not built yet: the analysis of an outlet's own assertions "
                    "and its recurring boilerplate is still to come.",
}


def actors_available() -> bool:
    return list_actors is not None and actor_profile is not None


def empty_listing(part: str) -> dict[str, Any]:
    """The JSON answer of a listing endpoint for a part that is not built."""
    return {"items": [], "count": 0, "next": None, "available": False, "message": NOT_BUILT[part]}
