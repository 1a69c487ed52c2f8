"""Positions: statements grouped into issues, each actor's stance on each issue, and changes.

An **issue** is a proposition that statements are about ("sending troops to Ukraine",
"raising the retirement age to 67"). :func:`update_positions` places every statement the
positions stage has not seen yet, oldest article first:

- the words placed are the content (quotes and a leading "that" dropped), plus the
  condition when the content does not hold it ("tragic consequences" + "if NATO troops
  were sent to Ukraine"): :mod:`newsledger.analysis.issue_words`;
- a *vague* content, one that leans on what came before ("nothing can be ruled out",
  "there are no such plans"), is read together with the nearest earlier statement of the
  same paragraph that is not vague (its ``antecedent``); a content with no word beyond
  pronouns and generic words ("him", "nothing can be ruled out") and no antecedent is
  placed in no issue (its stance is still stored);
- each text is embedded (:func:`newsledger.analysis.embeddings.embed`) and joins the
  issue whose centroid is most similar, when that cosine is at least ``threshold``;
  otherwise it starts a new issue. Centroids move as members join; earlier assignments
  are never revisited, so the result depends on the order statements arrive in;
- each issue's label is the best of its most central texts and the gerund phrases in
  them ("sending troops to Ukraine"), judged by similarity to the centroid, shorter
  preferred; it is recomputed when the issue gains members.

Each placed statement gets a stance from its own record (:mod:`newsledger.analysis.stance`).
A **change** is two successive non-neutral stances of one actor on one issue that differ,
the later on a later date; both statements are the evidence. Not computed: issues that
split or merge over time, one statement bearing on several issues, and whether two
statements' stances are "the same" beyond the four labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from newsledger.analysis.embeddings import DIMENSIONS, embed
from newsledger.analysis.issue_words import (
    choose_labels, clean, has_words, is_vague, issue_text, label_candidates,
)
from newsledger.analysis.stance import NEUTRAL, change_kind, is_change, stance
from newsledger.store import positions as store
from newsledger.store.actors import find_actor
from newsledger.store.engine import write_transaction

THRESHOLD = 0.5        # cosine to a centroid; same-issue paraphrases score 0.55-0.9 with MiniLM
ARTICLES_PER_BATCH = 200   # articles per write transaction
LABEL_CANDIDATES = 12
_CONTEXT_CHARS = 800   # an antecedent further back than this is not read with a vague content


@dataclass
class PositionsSummary:
    """What one :func:`update_positions` call did."""

    statements: int = 0      # statements newly seen
    placed: int = 0          # of which placed in an issue (the rest had no words to place)
    issues_created: int = 0
    issues_grown: int = 0    # existing issues that gained members

    def __str__(self) -> str:
        return (f"{self.statements} statements seen, {self.placed} placed in issues, "
                f"{self.issues_created} new issues, {self.issues_grown} issues grown")


# ----------------------------------------------------------------------------- placing

class _Centroids:
    """The issues in memory: summed vectors and sizes, grown as statements join."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.ids = [row["id"] for row in rows]
        self.sums = [np.frombuffer(row["vector"], dtype=np.float32).copy() for row in rows]
        self.sizes = [row["size"] for row in rows]
        self.dates = [(row["first_date"], row["last_date"]) for row in rows]
        self.touched: set[int] = set()
        self.created: set[int] = set()

    def nearest(self, vector: np.ndarray) -> tuple[int | None, float]:
        if not self.sums:
            return None, -1.0
        # Mean similarity to the members (average link), not cosine to the centroid: a
        # broad issue's centroid is a generic "topic" vector close to everything on the topic.
        sims = (np.stack(self.sums) @ vector) / np.asarray(self.sizes, dtype=np.float32)
        best = int(np.argmax(sims))
        return best, float(sims[best])

    def join(self, index: int, vector: np.ndarray, when) -> None:
        self.sums[index] = self.sums[index] + vector
        self.sizes[index] += 1
        first, last = self.dates[index]
        if when is not None:
            self.dates[index] = (min(first, when) if first else when, max(last, when) if last else when)
        self.touched.add(index)

    def start(self, issue_id: int, vector: np.ndarray, when) -> int:
        self.ids.append(issue_id)
        self.sums.append(vector.copy())
        self.sizes.append(1)
        self.dates.append((when, when))
        self.touched.add(len(self.ids) - 1)
        self.created.add(len(self.ids) - 1)
        return len(self.ids) - 1

    def centroid(self, index: int) -> np.ndarray:
        return self.sums[index] / max(float(np.linalg.norm(self.sums[index])), 1e-12)


def _antecedents(rows: list[dict[str, Any]], vague: list[bool], texts: dict[str, str]) -> list[int | None]:
    """For each vague row, the index of the nearest earlier non-vague row of the same
    article and paragraph (no line break between them), within ``_CONTEXT_CHARS``."""
    found: list[int | None] = [None] * len(rows)
    for i, row in enumerate(rows):
        if not vague[i]:
            continue
        for j in range(i - 1, -1, -1):
            earlier = rows[j]
            if earlier["article_id"] != row["article_id"] or row["start"] - earlier["start"] > _CONTEXT_CHARS:
                break
            between = texts.get(row["article_id"], "")[earlier["start"]:row["start"]]
            if "\n" in between:
                break
            if not vague[j]:
                found[i] = j
                break
    return found


def _place_batch(connection, rows: list[dict[str, Any]], threshold: float,
                 summary: PositionsSummary) -> None:
    texts = [issue_text(r["record"]) for r in rows]
    vague = [is_vague(t) for t in texts]
    antecedent = _antecedents(rows, vague, store.article_texts(connection, {r["article_id"] for r in rows}))
    vectors = embed(texts) if texts else np.zeros((0, DIMENSIONS), dtype=np.float32)
    issues = _Centroids(store.load_issues(connection))
    grown_before = len(issues.ids)
    assignments = []
    # Placed in the order things were said (antecedents above needed the text order), so an
    # issue is seeded by its earliest statement, not by whichever article was stored first.
    for i in sorted(range(len(rows)), key=lambda k: (rows[k]["effective_date"] or date.max, k)):
        row, vector = rows[i], vectors[i]
        if antecedent[i] is not None:  # read with the words it leans on
            vector = vector + vectors[antecedent[i]]
            vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
        label, basis = stance(row["record"])
        assignment = {"statement_id": row["record"]["id"], "actor_id": row["actor_id"], "stance": label,
                      "basis": basis, "text": texts[i], "effective_date": row["effective_date"],
                      "antecedent_id": rows[antecedent[i]]["record"]["id"] if antecedent[i] is not None else None,
                      "issue_id": None, "similarity": None}
        # Alone, a content of pronouns or generic words ("him", "nothing can be ruled
        # out") is no proposition: it would seed an issue of unrelated vague statements.
        placeable = has_words(texts[i]) or antecedent[i] is not None
        if texts[i] and placeable and float(np.linalg.norm(vector)) > 0:
            index, similarity = issues.nearest(vector)
            if index is None or similarity < threshold:
                issue_id = store.add_issue(connection, {
                    "label": texts[i], "vector": vector.astype(np.float32).tobytes(), "size": 1,
                    "first_date": row["effective_date"], "last_date": row["effective_date"]})
                index, similarity = issues.start(issue_id, vector, row["effective_date"]), 1.0
            else:
                issues.join(index, vector, row["effective_date"])
            assignment.update(issue_id=issues.ids[index], similarity=round(similarity, 4))
            summary.placed += 1
        assignments.append(assignment)
    store.add_assignments(connection, assignments)
    touched = sorted(issues.touched)
    labels = choose_labels(
        [label_candidates(store.central_texts(connection, issues.ids[index], LABEL_CANDIDATES)) for index in touched],
        [issues.centroid(index) for index in touched],
        known={text: vectors[i] for i, text in enumerate(texts) if text})
    for index, label in zip(touched, labels):
        first, last = issues.dates[index]
        store.save_issue(connection, issues.ids[index], {
            "vector": issues.sums[index].astype(np.float32).tobytes(), "size": issues.sizes[index],
            "first_date": first, "last_date": last, "label": label})
    summary.statements += len(rows)
    summary.issues_created += len(issues.created)
    summary.issues_grown += len([i for i in issues.touched if i < grown_before])


def update_positions(ledger: Any, threshold: float = THRESHOLD) -> PositionsSummary:
    """Place every statement not yet placed (see the module docstring); idempotent.

    Works in batches of ``ARTICLES_PER_BATCH`` articles, each in one write transaction (so
    two concurrent calls never place a statement twice). Returns what was done.
    """
    store.ensure_position_tables(ledger)
    summary = PositionsSummary()
    while True:
        with write_transaction(ledger.engine) as connection:
            article_ids = store.unassigned_articles(connection, ARTICLES_PER_BATCH)
            if not article_ids:
                return summary
            _place_batch(connection, store.unassigned_statements(connection, article_ids),
                         threshold, summary)


# ----------------------------------------------------------------------------- reading

def issues(ledger: Any) -> list[dict[str, Any]]:
    """Every issue: ``{"id", "label", "statements", "actors", "first", "last"}``, by id."""
    return store.issue_listing(ledger)


def find_issues(ledger: Any, name: str) -> list[dict[str, Any]]:
    """The issues ``name`` designates: an id ("3", "#3"), else a label equal to it (case
    ignored), else the labels holding all its words. Several means ``name`` is ambiguous."""
    listing = store.issue_listing(ledger)
    wanted = name.strip().lstrip("#").casefold()
    if wanted.isdigit():
        return [i for i in listing if i["id"] == int(wanted)]
    exact = [i for i in listing if i["label"].casefold() == wanted]
    if exact:
        return exact
    words = re.findall(r"\w+", wanted)
    return [i for i in listing if words and all(w in re.findall(r"\w+", i["label"].casefold()) for w in words)]


def evidence(row: dict[str, Any]) -> dict[str, Any]:
    """A placed statement as evidence: its id, date, stance and why, and its words."""
    record = row["record"]
    return {
        "statement_id": record["id"],
        "date": row["effective_date"].isoformat() if row["effective_date"] else None,
        "stance": row["stance"],
        "basis": row["basis"],
        "act": record.get("act"),
        "negated": record.get("negated"),
        "speaker": (record.get("speaker") or {}).get("mention"),
        "cue": record.get("cue"),
        "content": record.get("content"),
        "condition": (record.get("condition") or {}).get("text"),
        "antecedent_id": row.get("antecedent_id"),
        "article": {k: (record.get("article") or {}).get(k) for k in ("id", "title", "outlet", "published", "url")},
    }


def _grouped(ledger: Any, actor: str | None, issue: str | int | None) -> list[tuple[dict, dict, list[dict]]]:
    """``(actor, issue, rows)`` per canonical actor and issue, rows oldest first."""
    store.ensure_position_tables(ledger)
    canonical = store.canonical_ids(ledger)
    actor_ids = None
    if actor is not None:
        wanted = find_actor(ledger, actor)
        if wanted is None:
            return []
        actor_ids = {wanted} | {i for i, c in canonical.items() if c == wanted}
    issue_id = None
    if issue is not None:
        found = find_issues(ledger, str(issue))
        if len(found) != 1:
            return []
        issue_id = found[0]["id"]
    names = store.actor_names(ledger)
    groups: dict[tuple[str, int], tuple[dict, dict, list[dict]]] = {}
    for row in store.position_rows(ledger, actor_ids, issue_id):
        actor_id = canonical.get(row["actor_id"], row["actor_id"])
        key = (actor_id, row["issue_id"])
        if key not in groups:
            name = names.get(actor_id) or (row["record"].get("speaker") or {}).get("name") or actor_id
            groups[key] = ({"id": actor_id, "name": name},
                           {"id": row["issue_id"], "label": row["issue_label"]}, [])
        groups[key][2].append(row)
    return sorted(groups.values(), key=lambda g: (g[1]["id"], g[0]["name"].casefold(), g[0]["id"]))


# "Friedrich Merz, who has long demanded that …": a position held for some time, told as background
_DURATIVE = re.compile(r"(?:has|have|had)\s+(?:long|repeatedly|consistently|always)\b", re.IGNORECASE)


def _changes(rows: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    """Successive non-neutral rows whose stances differ, the later on a later date.

    Stances within one day are not compared with each other: a quote and its paraphrase
    in one article are one position, not a change. A position the article tells as held for
    some time ("who has long demanded", "has repeatedly said") is background, dated only by the
    article: it neither starts nor ends a change."""
    found: list[tuple[dict, dict]] = []
    current = None
    for row in rows:
        if row["stance"] == NEUTRAL or _DURATIVE.match(row["record"].get("cue") or ""):
            continue
        if current is not None and is_change(current["stance"], row["stance"]) and \
                current["effective_date"] and row["effective_date"] and \
                row["effective_date"] > current["effective_date"]:
            found.append((current, row))
        current = row
    return found


def positions(ledger: Any, actor: str | None = None, issue: str | int | None = None) -> list[dict[str, Any]]:
    """Each actor's position on each issue: ``{"actor": {"id", "name"}, "issue": {"id",
    "label"}, "stance" (the latest non-neutral stance, else neutral), "since" (date of the
    first statement of the latest run of that stance), "statements", "changes" (count), "first", "last", "history"
    (evidence, oldest first)}``, by issue then actor name.

    ``actor`` is a name, alias or id; ``issue`` an id or label words; an unknown actor or
    an unknown or ambiguous issue gives ``[]``. Run :func:`update_positions` first:
    statements not placed yet are not counted."""
    result = []
    for who, what, rows in _grouped(ledger, actor, issue):
        stated = [r for r in rows if r["stance"] != NEUTRAL]
        latest = stated[-1] if stated else None
        run = len(stated) - 1
        while run > 0 and stated[run - 1]["stance"] == latest["stance"]:
            run -= 1  # back to the first statement of the current run: the stance holds since then
        history = [evidence(r) for r in rows]
        dates = [h["date"] for h in history if h["date"]]
        result.append({
            "actor": who, "issue": what,
            "stance": latest["stance"] if latest else NEUTRAL,
            "since": evidence(stated[run])["date"] if latest else None,
            "statements": len(rows), "changes": len(_changes(rows)),
            "first": min(dates) if dates else None, "last": max(dates) if dates else None,
            "history": history,
        })
    return result


def position_changes(ledger: Any, actor: str | None = None,
                     issue: str | int | None = None) -> list[dict[str, Any]]:
    """Every change of position: ``{"actor", "issue", "from", "to", "kind" ("reversal"
    between for and against, else "shift"), "before", "after"}`` where ``before`` and
    ``after`` are the two statements as evidence; ordered by the later statement's date.
    Filters as in :func:`positions`."""
    result = []
    for who, what, rows in _grouped(ledger, actor, issue):
        for before, after in _changes(rows):
            result.append({"actor": who, "issue": what, "from": before["stance"], "to": after["stance"],
                           "kind": change_kind(before["stance"], after["stance"]),
                           "before": evidence(before), "after": evidence(after)})
    result.sort(key=lambda c: (c["after"]["date"] or "", c["actor"]["name"].casefold(), c["issue"]["id"]))
    return result


__all__ = ["PositionsSummary", "THRESHOLD", "clean", "evidence", "find_issues", "is_vague", "issue_text",
           "issues", "position_changes", "positions", "update_positions"]
