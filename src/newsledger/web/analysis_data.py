"""What the analysis pages and endpoints read: red lines, positions, timelines, outlet voice.

Everything here reads what the ledger stores (:mod:`newsledger.analysis` readers and
:mod:`newsledger.store`); nothing here computes an analysis (no ``update_*``: the CLI and
ingest do that). Each reader first checks :func:`newsledger.web.features.stored`, because
the store's readers create missing tables on first use and the web app must not write on a
GET; a part that is not stored raises :class:`NotStored` (its message says how to produce
it). The one write is :func:`decide_redline`, reached only through a POST that the security
middleware let through.
"""

from __future__ import annotations

import shlex
from collections import defaultdict
from datetime import date
from typing import Any

from newsledger.analysis import positions as positions_analysis
from newsledger.analysis import timelines as timelines_analysis
from newsledger.analysis.outlet_voice import outlet_report
from newsledger.analysis.redline_board import STATUSES, RedLineNotFound, decide, redline, redline_board
from newsledger.store import redlines as redline_store
from newsledger.store import timelines as timeline_store
from newsledger.web import features

DECISIONS = {"confirm": "confirmed", "reject": "rejected"}


class NotStored(LookupError):
    """The ledger holds no such analysis yet; ``part`` names it, the message says what to run."""

    def __init__(self, part: str) -> None:
        super().__init__(features.NOT_BUILT[part])
        self.part = part


def require(ledger: Any, part: str) -> None:
    if not features.stored(ledger, part):
        raise NotStored(part)


# --------------------------------------------------------------------------- red lines

def redlines(ledger: Any, status: str | None = None) -> list[dict[str, Any]]:
    """The red-line board (:func:`redline_board`), each red line with its ``statements``
    (evidence, oldest first, ``restatement`` marked) and ``matches`` (evidence, similarity,
    decision), read in three queries. Raises NotStored, or ValueError for a bad status."""
    require(ledger, "redlines")
    board = redline_board(ledger, status=status)
    statements = _by_line(redline_store.load_redline_statements(ledger))
    matches = _by_line(redline_store.load_matches(ledger))
    decisions = {(d["redline_id"], d["statement_id"]): d for d in redline_store.load_decisions(ledger)}
    for line in board:
        line["statements"] = [dict(s["evidence"], restatement=s["restatement"]) for s in statements[line["id"]]]
        line["matches"] = [_match(m, decisions.get((line["id"], m["statement_id"]))) for m in matches[line["id"]]]
    return board


def _match(row: dict[str, Any], decision: dict[str, Any] | None) -> dict[str, Any]:
    return dict(row["evidence"], similarity=row["similarity"], decision=(decision or {}).get("decision"),
                decided_at=(decision or {}).get("decided_at"))


def _by_line(rows: list[dict[str, Any]]) -> defaultdict[str, list[dict[str, Any]]]:
    out: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row["redline_id"]].append(row)
    return out


def groups(board: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Red lines grouped by trigger (``group_id``), groups in board order (oldest first):
    ``{"id", "trigger", "holders", "lines"}``."""
    found: dict[str, dict[str, Any]] = {}
    for line in board:
        group = found.setdefault(line["group_id"], {"id": line["group_id"], "trigger": line["group_trigger"],
                                                    "holders": [], "lines": []})
        group["lines"].append(line)
        if line["holder"]["name"] not in group["holders"]:
            group["holders"].append(line["holder"]["name"])
    return list(found.values())


def one_redline(ledger: Any, redline_id: str) -> dict[str, Any] | None:
    """One red line in full (:func:`redline`), or None. Raises NotStored."""
    require(ledger, "redlines")
    return redline(ledger, redline_id)


def decide_redline(ledger: Any, redline_id: str, action: str, event: str | None = None) -> dict[str, Any]:
    """Record "confirm" or "reject" on the red line's matches (the one reported by ``event``,
    else those awaiting a decision); the red line after it. Raises NotStored, LookupError
    (no such red line) or ValueError (nothing to decide)."""
    require(ledger, "redlines")
    try:
        return decide(ledger, redline_id, DECISIONS[action], statement_id=event or None)
    except RedLineNotFound as exc:
        raise LookupError(str(exc)) from None


# --------------------------------------------------------------------------- positions

def find_issue(ledger: Any, issue: str) -> dict[str, Any]:
    """The one issue ``issue`` names; LookupError (none) or ValueError (several, listed)."""
    found = positions_analysis.find_issues(ledger, issue)
    if not found:
        raise LookupError(f"no issue {issue!r}")
    if len(found) > 1:
        shown = "; ".join(f"{i['id']} {i['label']}" for i in found[:5])
        raise ValueError(f"{len(found)} issues match {issue!r}: {shown}")
    return found[0]


def positions(ledger: Any, actor: str | None = None, issue: str | None = None,
              changes: bool = False) -> list[dict[str, Any]]:
    """Positions (or their changes) as :func:`newsledger.analysis.positions.positions`
    gives them. Raises NotStored; LookupError for an unknown actor or issue; ValueError for
    an ambiguous issue."""
    require(ledger, "positions")
    from newsledger.store.actors import find_actor

    if actor is not None and find_actor(ledger, actor) is None:
        raise LookupError(f"no actor called {actor!r}")
    if issue is not None:
        issue = str(find_issue(ledger, issue)["id"])
    read = positions_analysis.position_changes if changes else positions_analysis.positions
    return read(ledger, actor=actor, issue=issue)


def issues(ledger: Any) -> list[dict[str, Any]]:
    require(ledger, "positions")
    return positions_analysis.issues(ledger)


def actor_positions(ledger: Any, actor_id: str) -> dict[str, Any]:
    """An actor's positions and changes: ``{"available", "items", "changes"}`` (with a
    ``message`` when positions are not stored)."""
    if not features.stored(ledger, "positions"):
        return {"available": False, "items": [], "changes": [], "message": features.NOT_BUILT["positions"]}
    return {"available": True, "items": positions_analysis.positions(ledger, actor=actor_id),
            "changes": positions_analysis.position_changes(ledger, actor=actor_id)}


# --------------------------------------------------------------------------- timelines

def timeline(ledger: Any, name: str, kind: str | None = None, by: str = "month",
             limit: int = 20) -> dict[str, Any]:
    """The timeline of the actor, issue or outlet called ``name``, as
    :func:`newsledger.analysis.timelines.timeline` gives it, read without writing: issues
    are looked up only when positions are stored, and an outlet's own-voice counts only
    when outlet voice is stored. Raises ``timelines.NameLookupError``, NotStored (an issue
    asked for without positions) or ValueError (bad ``by`` or ``kind``)."""
    timelines_analysis.period_key(date(2000, 1, 1), by)  # validates by
    if kind is not None and kind not in timelines_analysis.KINDS:
        raise ValueError(f"kind must be one of {', '.join(timelines_analysis.KINDS)}, not {kind!r}")
    have_issues = features.stored(ledger, "positions")
    if kind == "issue" and not have_issues:
        raise NotStored("timelines")
    if kind is not None or have_issues:
        subject = timelines_analysis.resolve(ledger, name, kind)
    else:
        subject = _resolve_without_issues(ledger, name)
    if subject["kind"] != "outlet" or features.stored(ledger, "outlet_voice"):
        return timelines_analysis.subject_timeline(ledger, subject, by=by, limit=limit)
    # subject_timeline would create the outlet-voice tables to count own voice: count statements only.
    where = {"outlet": str(subject["id"])}
    result = {"kind": "outlet", "id": subject["id"], "name": subject["name"], "by": by}
    result.update(timelines_analysis.bucket(timeline_store.act_counts(ledger, **where), by))
    result["statements"] = timeline_store.latest_statements(ledger, **where, limit=limit)
    return result


def _resolve_without_issues(ledger: Any, name: str) -> dict[str, Any]:
    """``resolve`` over actors, then outlets (issues are not stored)."""
    try:
        return timelines_analysis.resolve(ledger, name, "actor")
    except timelines_analysis.NameLookupError as exc:
        if not str(exc).startswith("no "):  # several actors: ambiguous, say so
            raise
    try:
        return timelines_analysis.resolve(ledger, name, "outlet")
    except timelines_analysis.NameLookupError as exc:
        if not str(exc).startswith("no "):
            raise
    raise timelines_analysis.NameLookupError(f"no actors or outlets called {name!r} (issues are not "
                                             f"stored: run `newsledger positions --db LEDGER`)")


def chart_counts(result: dict[str, Any]) -> dict[str, dict[str, int]]:
    """A timeline's periods as ``{period: {act: count}}`` (what :func:`.charts.act_chart` takes)."""
    return {p["period"]: dict(p["acts"]) for p in result.get("periods", [])}


# --------------------------------------------------------------------------- outlet voice

def outlet_voice(ledger: Any, name: str, recent: int = 20) -> dict[str, Any]:
    """An outlet's own voice: ``{"available": true, "processed", "articles", "assertions"
    (count), "boilerplate" (groups with counts, share, first and last date, article ids),
    "recent" (own-voice sentences outside boilerplate, newest first)}``; or
    ``{"available": false, "message"}`` when it is not stored (for the ledger, or for any
    article of this outlet)."""
    if not features.stored(ledger, "outlet_voice"):
        return {"available": False, "message": features.NOT_BUILT["outlet_voice"],
                "assertions": [], "boilerplate": []}
    report = outlet_report(ledger, name, recent=recent)
    if report is None or not report["processed"]:
        return {"available": False, "message": features.NOT_BUILT["outlet_voice"].replace("NAME", shlex.quote(name)),
                "assertions": [], "boilerplate": []}
    return {"available": True, "processed": report["processed"], "articles": report["articles"],
            "statements": report["statements"], "assertion_count": report["assertions"],
            "boilerplate": report["boilerplate"], "assertions": report["recent"]}


__all__ = ["DECISIONS", "NotStored", "STATUSES", "actor_positions", "chart_counts", "decide_redline",
           "find_issue", "groups", "issues", "one_redline", "outlet_voice", "positions", "redlines",
           "require", "timeline"]
