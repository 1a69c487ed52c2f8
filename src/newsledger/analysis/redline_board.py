"""Reading red lines back, and a person's decisions on their matches.

:func:`redline_board` lists red lines (optionally of one status) as plain dicts, for the CLI
and the web app; :func:`redline` gives one with all its evidence, its candidate matches and
the other red lines of its group; :func:`decide` records "confirmed" or "rejected".
Red lines are computed by :func:`newsledger.analysis.redlines.update_redlines`.

Status of a red line, from its matches and the decisions on them: ``confirmed`` when any
match was confirmed; else ``possibly-triggered`` when a match awaits a decision; else
``rejected`` when every decided match was rejected; else ``open``. A decision is kept by
(red line id, event statement id) and never cleared by a recomputation.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsledger.store import redlines as store

STATUSES = ("open", "possibly-triggered", "confirmed", "rejected")


class RedLineNotFound(LookupError):
    """No red line has this id (or this id prefix), or several do."""


def status_of(match_ids: set[str], decisions: dict[str, str]) -> str:
    """The status of a red line with these matches and these decisions (event id → decision)."""
    if "confirmed" in decisions.values():
        return "confirmed"
    if match_ids - set(decisions):
        return "possibly-triggered"
    if "rejected" in decisions.values():
        return "rejected"
    return "open"


def redline_board(ledger: Any, status: str | None = None) -> list[dict[str, Any]]:
    """Every red line as a summary dict, oldest first; ``status`` keeps only that status."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    return _board(ledger, store.load_redlines(ledger), None, status)


def _board(ledger: Any, lines: list[dict[str, Any]], ids: list[str] | None,
           status: str | None = None) -> list[dict[str, Any]]:
    """Summaries of ``lines`` (the red lines ``ids``, or every red line when None)."""
    statements = _by_line(store.load_redline_statements(ledger, ids))
    matches = _by_line(store.load_matches(ledger, ids))
    decisions = _by_line(store.load_decisions(ledger, ids))
    holders: dict[str, list[str]] = defaultdict(list)
    for row in lines:
        holders[row["group_id"]].append(row["holder_name"])
    out = []
    for row in lines:
        record = _summary(row, statements[row["id"]], matches[row["id"]], decisions[row["id"]])
        record["group_holders"] = list(dict.fromkeys(holders[row["group_id"]]))
        if status is None or record["status"] == status:
            out.append(record)
    return out


def redline(ledger: Any, redline_id: str) -> dict[str, Any] | None:
    """One red line in full: the summary plus ``statements`` (evidence, oldest first),
    ``matches`` (evidence, similarity, decision) and ``group`` (the group's red lines, in
    summary). ``redline_id`` may be a unique prefix; None when nothing or several match."""
    try:
        found = resolve_id(ledger, redline_id)
    except RedLineNotFound:
        return None
    group = store.load_redlines(ledger, group_of=found)  # its group only, not the whole board
    board = {r["id"]: r for r in _board(ledger, group, [r["id"] for r in group])}
    record = dict(board[found])
    decisions = {d["statement_id"]: d for d in store.load_decisions(ledger, found)}
    record["statements"] = [dict(s["evidence"], restatement=s["restatement"])
                            for s in store.load_redline_statements(ledger, found)]
    record["matches"] = [
        dict(m["evidence"], similarity=m["similarity"],
             decision=(decisions.get(m["statement_id"]) or {}).get("decision"),
             decided_at=(decisions.get(m["statement_id"]) or {}).get("decided_at"))
        for m in store.load_matches(ledger, found)]
    record["group"] = [r for r in board.values() if r["group_id"] == record["group_id"] and r["id"] != found]
    return record


def resolve_id(ledger: Any, text: str) -> str:
    """The red line id that is ``text`` or starts with it; RedLineNotFound otherwise."""
    ids = store.find_redline_ids(ledger, text.strip())
    if text.strip() in ids:
        return text.strip()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise RedLineNotFound(f"no red line has id {text!r}")
    raise RedLineNotFound(f"{len(ids)} red lines have ids starting with {text!r}; give more of the id")


def decide(ledger: Any, redline_id: str, decision: str, statement_id: str | None = None) -> dict[str, Any]:
    """Confirm or reject the red line's candidate matches: the one for ``statement_id`` (or a
    unique prefix of it), else those awaiting a decision, else (all decided already) every
    match. Returns the red line (as :func:`redline`). Raises RedLineNotFound, or ValueError
    when there is nothing to decide."""
    found = resolve_id(ledger, redline_id)
    matches = {m["statement_id"] for m in store.load_matches(ledger, found)}
    if statement_id is not None:
        chosen = {statement_id} & matches or {m for m in matches if m.startswith(statement_id.strip())}
        if len(chosen) != 1 or not statement_id.strip():
            raise ValueError(f"statement {statement_id!r} is not (the start of) one candidate match "
                             f"of red line {found}")
    else:
        decided = {d["statement_id"] for d in store.load_decisions(ledger, found)}
        chosen = (matches - decided) or matches
    if not chosen:
        raise ValueError(f"red line {found} has no candidate match to {decision.removesuffix('ed')}")
    store.save_decisions(ledger, found, chosen, decision)
    result = redline(ledger, found)
    assert result is not None
    return result


def _summary(row: dict[str, Any], statements: list[dict], matches: list[dict],
             decisions: list[dict]) -> dict[str, Any]:
    chosen = {d["statement_id"]: d["decision"] for d in decisions}
    match_ids = {m["statement_id"] for m in matches}
    first = next((s for s in statements if not s["restatement"]), statements[0] if statements else None)
    return {
        "id": row["id"], "group_id": row["group_id"],
        "status": status_of(match_ids, chosen),
        "holder": {"name": row["holder_name"], "actor_id": row["holder_id"], "kind": row["holder_kind"]},
        "trigger": row["trigger_text"], "trigger_event": row["trigger"],
        "condition": ((first or {}).get("evidence", {}).get("condition") or {}).get("text"),
        "group_trigger": row["group_trigger"], "consequence": row["consequence"],
        "negative": bool(row["negative"]),
        "first_stated": row["first_date"], "last_stated": row["last_date"],
        "restated": sorted({s["date"] for s in statements if s["restatement"] and s["date"]}),
        "statement_count": row["statement_count"],
        "matches": len(match_ids), "pending": len(match_ids - set(chosen)),
        "evidence": (first or {}).get("evidence"),
    }


def _by_line(rows: list[dict]) -> defaultdict[str, list[dict]]:
    out: defaultdict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[row["redline_id"]].append(row)
    return out


__all__ = ["RedLineNotFound", "STATUSES", "decide", "redline", "redline_board", "resolve_id", "status_of"]
