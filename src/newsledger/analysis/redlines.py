"""Red lines: conditional threats, warnings and commitments, and the events that may cross them.

What is a red line
------------------
A statement record with a ``condition`` whose act is ``threat``, ``warning`` or
``commitment``, or whose condition is an ultimatum (it starts with "unless" or "either", or
the consequence with "otherwise" / "or else") and whose act is no prediction, opinion or
question (those commit their speaker to nothing). Lee's "If the allies send troops into
Ukraine, we must completely withdraw from NATO" is one; so is Putin's warning of tragic
consequences "if NATO troops were sent to Ukraine". Conditions with no event in them ("if
necessary", "if we have to") are not red lines. Statements without a speaker are left out (a red line needs a
holder).

One red line is one holder (the speaker's actor id, else name) and one trigger: the condition
parsed into who does what, to what, where (``analysis/triggers.py``) and keyed by actor
family, action class, object class and place. Every statement of the same holder with the same
trigger key is evidence; those stated on a later date than the first are restatements. Red
lines with the same trigger key are one group across holders (Lee's and Putin's both hang on
"NATO send troops to Ukraine"). Ids are hashes of holder and trigger key (group: of the key),
so they are the same on every recomputation and a person's decisions stay attached.

Matching
--------
Reported events are statement records with act ``claim`` or ``report``, not negated, without a
condition, dated after the red line was first stated; their content is parsed the same way and
compared with :mod:`analysis.trigger_match` (structure, then sentence embeddings). A match makes
the red line ``possibly-triggered`` until a person confirms or rejects it (:func:`decide`).
Status: ``confirmed`` when any match was confirmed; else ``possibly-triggered`` when a match
awaits a decision; else ``rejected`` when matches were all rejected; else ``open``.
"Unless" triggers are shown but never matched: they are crossed by something not happening.

:func:`update_redlines` parses only statements it has not parsed before (cached in the ledger),
recomputes red lines and matches, and writes them in one transaction; running it twice changes
nothing. Reads (:func:`redline_board`, :func:`redline`) return plain dicts.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date
from typing import Any

from newsledger.analysis import trigger_words as words
from newsledger.analysis.redline_board import STATUSES, decide, redline, redline_board
from newsledger.analysis.trigger_match import SIMILARITY, check, compared_text
from newsledger.analysis.triggers import PARSER_VERSION, Event, parse_many
from newsledger.store import redlines as store
from newsledger.store.rows import record_date

REDLINE_ACTS = ("threat", "warning", "commitment")
ENCODER_VERSION = "minilm-l6-int8"  # part of the similarity cache key: change with the encoder
EVENT_ACTS = ("claim", "report")
_ULTIMATUM_STARTS = ("unless ", "either ")
# Not a bare "or": "has either won or tied" is a report, not an ultimatum.
_ULTIMATUM_CONSEQUENCES = ("otherwise", "or else")
_NOT_ULTIMATUMS = ("prediction", "opinion", "question")


def is_redline(record: dict[str, Any]) -> bool:
    """True for a statement record that draws a red line (see the module docstring)."""
    condition = (record.get("condition") or {}).get("text") or ""
    if not condition or not _holder(record)[0]:
        return False
    consequence = ((record.get("consequence") or {}).get("text") or "").lower()
    if record.get("act") in REDLINE_ACTS:
        return True
    # an ultimatum is a red line whatever its act, unless it only foresees or judges: "I do not
    # see Putin stopping unless he is forced to stop" commits its speaker to nothing
    return record.get("act") not in _NOT_ULTIMATUMS and (
        condition.lower().startswith(_ULTIMATUM_STARTS) or consequence.startswith(_ULTIMATUM_CONSEQUENCES))


def is_event_report(record: dict[str, Any]) -> bool:
    """True for a statement record that may report an event: an asserted claim or report."""
    return (record.get("act") in EVENT_ACTS and not record.get("negated")
            and not record.get("condition") and bool(record.get("content")) and _date(record) is not None)


def update_redlines(ledger: Any) -> dict[str, int]:
    """Recompute the ledger's red lines and candidate matches; returns counts of what is there
    and what is new: redlines, new_redlines, groups, parsed (statements parsed this time),
    matches, new_matches, possibly_triggered."""
    store.ensure_redline_tables(ledger)
    old_lines = {r["id"] for r in store.load_redlines(ledger)}
    old_matches = {(m["redline_id"], m["statement_id"]) for m in store.load_matches(ledger)}
    drawn, reports = [], []
    for record in ledger.iter_statements():
        if is_redline(record):
            drawn.append(record)
        elif is_event_report(record):
            reports.append(record)
    cache = store.load_parses(ledger, PARSER_VERSION)
    parsed = _parse_new(ledger, cache, drawn, "trigger") + _parse_new(ledger, cache, reports, "event")
    lines = _build(drawn, cache)
    matches = _match(ledger, lines, reports, cache)
    line_rows, statement_rows = _rows(lines)
    if not _unchanged(ledger, line_rows, statement_rows, matches):
        store.replace_redlines(ledger, line_rows, statement_rows, matches)
    decided = {(d["redline_id"], d["statement_id"]) for d in store.load_decisions(ledger)}
    pending = {m["redline_id"] for m in matches if (m["redline_id"], m["statement_id"]) not in decided}
    return {
        "redlines": len(line_rows), "new_redlines": len({r["id"] for r in line_rows} - old_lines),
        "groups": len({r["group_id"] for r in line_rows}), "parsed": parsed,
        "matches": len(matches),
        "new_matches": len({(m["redline_id"], m["statement_id"]) for m in matches} - old_matches),
        "possibly_triggered": len(pending),
    }


def _unchanged(ledger: Any, line_rows: list[dict], statement_rows: list[dict], matches: list[dict]) -> bool:
    """True when the ledger already holds exactly these rows: a read-only update (the board
    shown again, nothing new ingested) then writes nothing."""
    stored = (store.load_redlines(ledger), store.load_redline_statements(ledger), store.load_matches(ledger))
    return all(_canonical(old) == _canonical(new)
               for old, new in zip(stored, (line_rows, statement_rows, matches)))


def _canonical(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON texts, so stored (decoded) and fresh rows compare equal."""
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in
                  json.loads(json.dumps(rows, default=str)))


# --------------------------------------------------------------------------- parsing

def _parse_new(ledger: Any, cache: dict[str, Any], records: list[dict], role: str) -> int:
    todo = [r for r in records if r["id"] not in cache]
    if not todo:
        return 0
    if role == "trigger":
        texts = [r["condition"]["text"] for r in todo]
    else:
        texts = [r["content"] for r in todo]
    dates = [_as_date(_date(r)) for r in todo]
    results = parse_many(texts, dates, condition=(role == "trigger"))
    rows = []
    for record, events in zip(todo, results):
        value = [e.record() for e in events]
        cache[record["id"]] = value
        rows.append((record["id"], role, PARSER_VERSION, value))
    store.save_parses(ledger, rows)
    return len(rows)


# --------------------------------------------------------------------------- building

def _build(drawn: list[dict], cache: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Red lines by id, each with its statements (oldest first) and trigger."""
    lines: dict[str, dict[str, Any]] = {}
    for record in sorted(drawn, key=_order):
        events = [Event.from_record(e) for e in cache.get(record["id"]) or []]
        events = [e for e in events if e.action and not _elliptic(e)]
        if not events:
            continue
        trigger = events[0]
        holder_key, holder_name, holder_kind = _holder(record)
        key = trigger.key()
        line_id = _digest("redline", holder_key, key)
        line = lines.get(line_id)
        if line is None:
            line = lines[line_id] = {
                "id": line_id, "group_id": _digest("group", key), "holder_id": record["speaker"].get("actor_id"),
                "holder_name": holder_name, "holder_kind": holder_kind, "trigger_key": key,
                "trigger_event": trigger, "statements": [],
            }
        line["statements"].append(record)
    return lines


_NECESSITY = {"have", "need", "must"}
_OWN_SIDE = {"we", "i", "us"}


def _elliptic(event: Event) -> bool:
    """"if necessary", "if needed": no one does anything; nor in "if we have to", "if I must"
    (the speaker's own necessity, no other party's act), nor in "if we do not act now" (the
    speaker's own inaction)."""
    own = (event.actor or "").lower() in _OWN_SIDE
    if event.action.lower() in _NECESSITY and not event.object and own:
        return True
    if own and event.negative:  # "If we do not act now, we will have surrendered …": an argument, no line
        return True
    return not (event.actor or event.object or event.place)


def _rows(lines: dict[str, dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for line in lines.values():
        groups[line["group_id"]].append(line)
    line_rows, statement_rows = [], []
    for members in groups.values():
        group_text = _group_text(members)
        for line in members:
            records = line["statements"]
            first = _date(records[0])
            trigger: Event = line["trigger_event"]
            line_rows.append({
                "id": line["id"], "group_id": line["group_id"], "holder_id": line["holder_id"],
                "holder_name": line["holder_name"], "holder_kind": line["holder_kind"],
                "trigger_key": line["trigger_key"], "trigger_text": trigger.describe(),
                "trigger": trigger.record(), "group_trigger": group_text,
                "consequence": _consequence(records[0]),
                "negative": trigger.negative, "first_date": first,
                "last_date": max(d for d in (_date(r) for r in records) if d) if first else None,
                "statement_count": len(records),
            })
            for record in records:
                when = _date(record)
                statement_rows.append({
                    "redline_id": line["id"], "statement_id": record["id"],
                    "article_id": record["article"]["id"], "date": when,
                    "restatement": bool(first and when and when > first), "evidence": evidence(record),
                })
    return line_rows, statement_rows


def _consequence(record: dict[str, Any]) -> str | None:
    """The consequence's words, without a leading "that" ("that China would respond …")."""
    text = ((record.get("consequence") or {}).get("text") or "").strip()
    if text.lower().startswith("that "):
        text = text[5:].lstrip()
    return text or None


def _group_text(members: list[dict]) -> str:
    """"NATO send troops to Ukraine": the actors of every holder's trigger, then the rest."""
    members = sorted(members, key=lambda m: (_date(m["statements"][0]) or "9999", m["id"]))
    first: Event = members[0]["trigger_event"]
    actors = list(dict.fromkeys(a for a in (_actor_label(m["trigger_event"]) for m in members) if a))
    place = f"{first.place_prep} {first.place}" if first.place and first.place_prep else first.place
    text = " ".join(p for p in (" or ".join(actors), first.action, first.object, place) if p)
    return f"not ({text})" if first.negative else text


def _actor_label(event: Event) -> str | None:
    if len(event.actor_ids) == 1:
        (only,) = event.actor_ids
        if only in words.GROUP_LABEL:
            return words.GROUP_LABEL[only]
    return event.actor


# --------------------------------------------------------------------------- matching

def _match(ledger: Any, lines: dict[str, dict[str, Any]], reports: list[dict],
           cache: dict[str, Any]) -> list[dict]:
    """Candidate matches: (red line, reported event) pairs whose structure agrees and whose
    texts are similar enough; one row per pair, the best clause of the report."""
    by_class: dict[str, list[tuple[dict, Event]]] = defaultdict(list)
    for record in reports:
        for value in cache.get(record["id"]) or []:
            event = Event.from_record(value)
            by_class[event.action_class].append((record, event))
    pairs: list[tuple[dict, dict, Event]] = []
    for line in lines.values():
        trigger: Event = line["trigger_event"]
        first = _date(line["statements"][0])
        if trigger.negative or first is None:
            continue
        own = {r["id"] for r in line["statements"]}
        for record, event in by_class.get(trigger.action_class, ()):
            if record["id"] not in own and _date(record) > first and check(trigger, event) is None:
                pairs.append((line, record, event))
    if not pairs:
        return []
    scores = _similarities(ledger, [compared_text(p[0]["trigger_event"], p[2]) for p in pairs],
                           [p[2].text for p in pairs])
    best: dict[tuple[str, str], dict] = {}
    for (line, record, event), score in zip(pairs, scores):
        if score < SIMILARITY:
            continue
        key = (line["id"], record["id"])
        if key in best and best[key]["similarity"] >= score:
            continue
        best[key] = {"redline_id": line["id"], "statement_id": record["id"],
                     "article_id": record["article"]["id"], "date": _date(record),
                     "similarity": round(score, 3),
                     "evidence": {**evidence(record), "event": event.record()}}
    return sorted(best.values(), key=lambda m: (m["redline_id"], m["date"], m["statement_id"]))


def _similarities(ledger: Any, left: list[str], right: list[str]) -> list[float]:
    """Cosine of each (left[i], right[i]): cached in the ledger, else computed with every
    distinct text embedded once (and then cached)."""
    keys = [_digest(ENCODER_VERSION, a, b) for a, b in zip(left, right)]
    known = store.load_similarities(ledger, keys)
    todo = [i for i, k in enumerate(keys) if k not in known]
    if todo:
        from newsledger.analysis.embeddings import embed

        texts = list(dict.fromkeys([left[i] for i in todo] + [right[i] for i in todo]))
        index = {t: n for n, t in enumerate(texts)}
        vectors = embed(texts)
        fresh = {keys[i]: round(float(vectors[index[left[i]]] @ vectors[index[right[i]]]), 4) for i in todo}
        store.save_similarities(ledger, fresh)
        known.update(fresh)
    return [known[k] for k in keys]


# --------------------------------------------------------------------------- records

def evidence(record: dict[str, Any]) -> dict[str, Any]:
    """Where a statement is: article, speaker, date, words, offsets, condition and consequence."""
    article = record.get("article") or {}
    speaker = record.get("speaker") or {}
    return {
        "statement_id": record["id"],
        "article": {k: article.get(k) for k in ("id", "title", "outlet", "published", "url", "path")},
        "date": _date(record), "speaker": speaker.get("name") or speaker.get("mention"),
        "actor_id": speaker.get("actor_id"), "act": record.get("act"), "cue": record.get("cue"),
        "content": record.get("content"), "content_span": record.get("content_span"),
        "condition": record.get("condition"), "consequence": record.get("consequence"),
    }


def _holder(record: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    speaker = record.get("speaker") or {}
    name = speaker.get("name") or speaker.get("mention")
    key = speaker.get("actor_id") or (words.plain(name) if name else None)
    return key, name, speaker.get("kind")


def _date(record: dict[str, Any]) -> str | None:
    """The statement's date, else the start of its period, else its article's published
    date (ISO), else None."""
    return record_date(record)


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _order(record: dict[str, Any]) -> tuple:
    span = record.get("content_span") or [0]
    start = span[0] if isinstance(span[0], int) else span[0][0]
    return (_date(record) or "9999", record["article"]["id"], start, record["id"])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

__all__ = ["EVENT_ACTS", "REDLINE_ACTS", "STATUSES", "decide", "evidence", "is_event_report",
           "is_redline", "redline", "redline_board", "update_redlines"]
