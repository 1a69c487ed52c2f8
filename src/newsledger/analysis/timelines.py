"""Timelines: what an actor, an issue or an outlet said over time, counted by act.

A timeline is a plain dict::

    {"kind": "actor" | "issue" | "outlet", "id", "name", "by": "month" | "week" | "day",
     "total", "undated", "first", "last", "acts": {act: count},
     "periods": [{"period": "2024-03", "start": "2024-03-01", "total", "acts": {act: count}}],
     "statements": [statement records, newest first, at most ``limit``]}

An outlet's timeline also counts its own-voice assertions (sentences outside every
attribution, :mod:`newsledger.analysis.outlet_voice`) by publication date: ``"own_voice"``
(the total) at the top and in each period; run
:func:`newsledger.analysis.outlet_voice.update_outlet_voice` first. Actor and issue
timelines have no such key.

Dates are statement dates, else the article's published date (as everywhere in the
ledger); statements with neither are counted in ``undated`` and in no period. Periods run
without gaps from the first to the last dated statement or assertion (empty ones have
``total`` 0), so
they chart as they are; months are ``YYYY-MM``, ISO weeks ``YYYY-Www`` (starting on
Monday), days ``YYYY-MM-DD``. An actor's timeline includes the statements of actors merged
into it; an issue's holds the statements placed in it by
:func:`newsledger.analysis.positions.update_positions` (run it first); an outlet's holds
the statements in its articles (case ignored), attributed to anyone. A statement printed by
several copies of one story counts once in an actor's timeline (on its earliest copy) and
once per copy in an issue's or an outlet's. An actor's timeline by month reads the counts
the ledger keeps by actor and month (:mod:`newsledger.store.actor_months`), so it is as fast
for the most quoted actor as for any other.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from newsledger.analysis.positions import find_issues
from newsledger.model import ACTS
from newsledger.store import positions as position_store
from newsledger.store import timelines as store
from newsledger.store.actors import actors_called, find_actor, list_actors, name_key
from newsledger.store.views import outlets

PERIODS = ("month", "week", "day")
KINDS = ("actor", "issue", "outlet")
_MAX_FILLED = 2000  # beyond this many periods, empty ones are left out (a day-by-day decade)


class NameLookupError(LookupError):
    """A timeline name that matches nothing, or more than one thing; the message says which."""


def period_key(day: date, by: str) -> str:
    """The period ``day`` falls in: ``2024-03``, ``2024-W09`` or ``2024-03-10``."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if by == "day":
        return day.isoformat()
    raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")


def period_start(day: date, by: str) -> date:
    """The first day of the period ``day`` falls in."""
    if by == "month":
        return day.replace(day=1)
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day


def _next_start(start: date, by: str) -> date:
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if by == "week" else 1)


def bucket(counts: list[tuple[date | None, str, int]], by: str = "month",
           own_voice: list[tuple[date | None, int]] | None = None) -> dict[str, Any]:
    """Periods, totals by act, undated count, first and last date from ``(date, act, n)``.

    With ``own_voice`` (``(date, n)`` pairs), each period and the result also get an
    ``"own_voice"`` count, and those dates widen the run of periods; ``first``, ``last``
    and ``undated`` stay about statements."""
    period_key(date(2000, 1, 1), by)  # validate ``by`` even when there is nothing to count
    periods: dict[date, dict[str, int]] = {}
    voiced: dict[date, int] = {}
    acts: dict[str, int] = {}
    undated, dated = 0, [d for d, _, _ in counts if d is not None]
    for day, act, n in counts:
        acts[act] = acts.get(act, 0) + n
        if day is None:
            undated += n
            continue
        slot = periods.setdefault(period_start(day, by), {})
        slot[act] = slot.get(act, 0) + n
    for day, n in own_voice or ():
        if day is not None:
            start = period_start(day, by)
            periods.setdefault(start, {})
            voiced[start] = voiced.get(start, 0) + n
    if periods:
        start, end = min(periods), max(periods)
        steps = 0
        while start < end and steps < _MAX_FILLED:  # fill the gaps, so a chart shows them
            periods.setdefault(start, {})
            start, steps = _next_start(start, by), steps + 1
    result = {
        "total": sum(acts.values()), "undated": undated,
        "first": min(dated).isoformat() if dated else None,
        "last": max(dated).isoformat() if dated else None,
        "acts": _ordered(acts),
        "periods": [{"period": period_key(start, by), "start": start.isoformat(),
                     "total": sum(slot.values()), "acts": _ordered(slot)}
                    for start, slot in sorted(periods.items())],
    }
    if own_voice is not None:
        result["own_voice"] = sum(n for _, n in own_voice)
        for period in result["periods"]:
            period["own_voice"] = voiced.get(date.fromisoformat(period["start"]), 0)
    return result


def _ordered(acts: dict[str, int]) -> dict[str, int]:
    """Acts in the vocabulary's order (unknown ones last, by name)."""
    rank = {act: i for i, act in enumerate(ACTS)}
    return {a: acts[a] for a in sorted(acts, key=lambda a: (rank.get(a, len(rank)), a))}


# ----------------------------------------------------------------------------- names

def _actor_matches(ledger: Any, name: str) -> list[dict[str, Any]]:
    """Actors called ``name`` (name or alias), else whose name ends with it ("Macron"):
    first among the actors table's rows (fast), then among every listed actor, those known
    only from speaker mentions included."""
    found = actors_called(ledger, name)
    if found:
        return found
    listing = list_actors(ledger)
    wanted = name_key(name)
    exact = [a for a in listing if a["id"] == name or wanted in {name_key(x) for x in [a["name"], *a["aliases"]]}]
    if exact or not wanted:
        return exact
    partial = [a for a in listing
               if any(name_key(x).endswith(" " + wanted) for x in [a["name"], *a["aliases"]])]
    if partial:
        return partial
    found = find_actor(ledger, name)  # speaker names written in statements, ids
    return [a for a in listing if a["id"] == found]


def _outlet_matches(ledger: Any, name: str) -> list[dict[str, Any]]:
    listing = outlets(ledger)
    exact = [o for o in listing if (o["name"] or "").casefold() == name.casefold()]
    if exact:
        return exact
    words = re.findall(r"\w+", name.casefold())
    return [o for o in listing if words and all(w in (o["name"] or "").casefold() for w in words)]


def resolve(ledger: Any, name: str, kind: str | None = None) -> dict[str, Any]:
    """``{"kind", "id", "name"}`` for ``name``: matched against actors, then issues, then
    outlets (or only ``kind``). Raises :class:`NameLookupError` when nothing matches, or when
    the first kind that matches has several candidates (their names are in the message)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    for each in ([kind] if kind else KINDS):
        if each == "actor":
            found = [{"kind": "actor", "id": a["id"], "name": a["name"]} for a in _actor_matches(ledger, name)]
        elif each == "issue":
            found = [{"kind": "issue", "id": i["id"], "name": i["label"]} for i in find_issues(ledger, name)]
        else:
            found = [{"kind": "outlet", "id": o["name"], "name": o["name"]} for o in _outlet_matches(ledger, name)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = "; ".join(f"{f['name']} ({f['id']})" if each != "outlet" else f["name"] for f in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            raise NameLookupError(f"{name!r} matches {len(found)} {each}s: {shown}{more}")
    where = f"{kind}s" if kind else "actors, issues or outlets"
    raise NameLookupError(f"no {where} called {name!r}")


# ----------------------------------------------------------------------------- timelines

def _subject(ledger: Any, kind: str, key: Any) -> dict[str, Any]:
    """The store filter for a resolved subject (an actor with its merged ids)."""
    if kind == "actor":
        canonical = position_store.canonical_ids(ledger)
        return {"actor_ids": {key} | {i for i, c in canonical.items() if c == key}}
    if kind == "issue":
        return {"issue_id": int(key)}
    return {"outlet": str(key)}


def timeline(ledger: Any, name: str, *, kind: str | None = None, by: str = "month",
             limit: int = 20) -> dict[str, Any]:
    """The timeline of the actor, issue or outlet called ``name`` (see :func:`resolve`);
    raises :class:`NameLookupError` for an unknown or ambiguous name."""
    period_key(date(2000, 1, 1), by)
    subject = resolve(ledger, name, kind)
    return subject_timeline(ledger, subject, by=by, limit=limit)


def subject_timeline(ledger: Any, subject: dict[str, Any], *, by: str = "month",
                     limit: int = 20) -> dict[str, Any]:
    """The timeline of a resolved ``{"kind", "id", "name"}`` (see the module docstring)."""
    where = _subject(ledger, subject["kind"], subject["id"])
    result = {"kind": subject["kind"], "id": subject["id"], "name": subject["name"], "by": by}
    voiced = store.own_voice_counts(ledger, str(subject["id"])) if subject["kind"] == "outlet" else None
    if subject["kind"] == "actor" and by == "month":  # the counts kept by month: fast for any actor
        result.update(bucket(store.actor_month_counts(ledger, where["actor_ids"]), by))
        first, last = store.actor_date_range(ledger, where["actor_ids"])
        result["first"], result["last"] = (first.isoformat() if first else None,
                                           last.isoformat() if last else None)
    else:
        result.update(bucket(store.act_counts(ledger, **where), by, voiced))
    result["statements"] = store.latest_statements(ledger, **where, limit=limit)
    return result


__all__ = ["KINDS", "NameLookupError", "PERIODS", "bucket", "period_key", "period_start", "resolve",
           "subject_timeline", "timeline"]
