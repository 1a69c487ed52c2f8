"""Outlet voice: what an article asserts itself, and the paragraphs an outlet keeps repeating.

**Own-voice assertions.** A sentence of an article's body that touches no attribution (it
overlaps no statement's ``source_span``, ``cue_span`` or any ``content_span`` pair) is the
outlet's own assertion: in the worked example, "Western countries have strengthened their
military and financial support for Kyiv ..." is the outlet speaking, while "Russian President
Vladimir Putin warned of tragic consequences ..." is not. Each is stored with the outlet, the
article id, the published date and its ``[start, end)`` offsets into the stored article text
(``text[start:end]`` is the sentence exactly, trimmed of surrounding whitespace).

- Paragraphs are the runs of text between blank lines of the body (``Article.body``: a
  ``date ...`` header is never read); a body without a blank line is split at single line
  breaks instead.
- Sentences come from spaCy's rule-based ``sentencizer`` on ``spacy.blank("en")`` (its
  tokenizer keeps "Mr.", "Gen.", "U.S.", "a.m." whole), run per paragraph, so a sentence
  never crosses a paragraph; an opening quotation mark left at the end of a sentence
  (``said. “Never.”``) is moved to the sentence it opens. Sentences with fewer than two words
  ("—", "MOSCOW") are left out.
- Not extracted: which own-voice sentences are facts and which are framing or opinion, and
  unattributed sentences that continue a quotation the attribution rules missed (those are
  the attribution stage's misses, counted here as the outlet's voice).

**Boilerplate.** Within one outlet, paragraphs that are near-duplicates are grouped:
MinHash fingerprints of 3-word shingles (:func:`newsledger.analysis.duplicates.fingerprint`
with :data:`PARAGRAPH_SETTINGS`), candidates from LSH band keys kept in the store, linked
when their estimated Jaccard similarity is at least 0.5 (a lightly edited closing paragraph
is well above it); groups are the connected sets of linked paragraphs. Paragraphs with fewer
than 8 words (6 shingles) are not fingerprinted: too short to tell boilerplate from a common
phrase. A group is reported as boilerplate when it spans at least two articles, with the
count of articles, its share of the outlet's processed articles, the first and last date,
and whether every copy is in the outlet's own voice. Not detected: boilerplate shared by
different outlets (grouping is per outlet, case-insensitive name), and a story an outlet
ran twice shows all its paragraphs as recurring.

:func:`update_outlet_voice` processes the stored articles not processed yet, in batches of
one write transaction each: idempotent, and cheap to call after every ingest batch.
:func:`outlet_report` reads one outlet's figures as a plain dict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from newsledger.analysis.duplicates import Fingerprint, Settings, band_keys, fingerprint, same_story
from newsledger.store import outlet_voice as store

# Containment is switched off (above 1): a common sentence quoted inside longer paragraphs
# must not chain unrelated paragraphs into one group.
PARAGRAPH_SETTINGS = Settings(shingle=3, min_shingles=6, containment=1.01)
MIN_WORDS = 2
_WORD = re.compile(r"\w+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")
_OPENERS = "“‘«‹\"'([{"

Span = tuple[int, int]


@dataclass
class Paragraph:
    start: int
    end: int
    own_voice: bool
    print_: Fingerprint | None = None


@dataclass
class PreparedArticle:
    """One article's own-voice sentences and fingerprinted paragraphs, ready to store."""

    id: str
    outlet: str | None
    outlet_key: str | None
    published: date | None
    text: str = field(default="", repr=False)
    sentences: int = 0
    assertions: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, paragraph start
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class VoiceSummary:
    """What one :func:`update_outlet_voice` call processed."""

    articles: int = 0
    assertions: int = 0
    paragraphs: int = 0
    links: int = 0

    def __add__(self, other: VoiceSummary) -> VoiceSummary:
        return VoiceSummary(self.articles + other.articles, self.assertions + other.assertions,
                            self.paragraphs + other.paragraphs, self.links + other.links)

    def __str__(self) -> str:
        return (f"{self.articles} articles processed, {self.assertions} own-voice assertions, "
                f"{self.paragraphs} paragraphs fingerprinted, {self.links} near-duplicate links")


# --------------------------------------------------------------------------- splitting

def paragraphs(text: str, body_start: int = 0) -> list[Span]:
    """``[start, end)`` of each paragraph of ``text[body_start:]``, trimmed of whitespace."""
    body = text[body_start:]
    splitter = _BLANK_LINE if _BLANK_LINE.search(body) else _LINE
    spans, position = [], 0
    for match in [*splitter.finditer(body), None]:
        end = match.start() if match else len(body)
        span = _trim(body, position, end)
        if span:
            spans.append((span[0] + body_start, span[1] + body_start))
        position = match.end() if match else len(body)
    return spans


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]`` (one paragraph), as trimmed offsets into ``text``."""
    doc = _sentencizer()(text[start:end])
    bounds = [sent.start_char for sent in doc.sents][1:]
    piece = text[start:end]
    # spaCy attaches an opening quote after a full stop to the sentence before it.
    bounds = [_move_opener(piece, b) for b in bounds]
    spans = []
    for s, e in zip([0, *bounds], [*bounds, len(piece)]):
        span = _trim(piece, s, e)
        if span and len(_WORD.findall(piece[span[0]:span[1]])) >= MIN_WORDS:
            spans.append((span[0] + start, span[1] + start))
    return spans


def _move_opener(piece: str, bound: int) -> int:
    before = piece[:bound].rstrip()
    if len(before) >= 2 and before[-1] in _OPENERS and before[-2].isspace():
        return len(before) - 1
    return bound


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def attribution_spans(records: Iterable[dict[str, Any]]) -> list[Span]:
    """Every source, cue and content span of the statement records (content pairs each)."""
    spans: list[Span] = []
    for record in records:
        for key in ("source_span", "cue_span"):
            if record.get(key):
                spans.append(tuple(record[key]))
        content = record.get("content_span") or []
        pairs = content if content and isinstance(content[0], list) else [content] if content else []
        spans.extend(tuple(pair) for pair in pairs)
    return sorted(spans)


def _touches(span: Span, spans: list[Span]) -> bool:
    start, end = span
    return any(s < end and start < e for s, e in spans)


def own_voice(text: str, body_start: int, records: Iterable[dict[str, Any]]) -> list[Span]:
    """The own-voice sentences of an article given its statement records (no database)."""
    return [(s, e) for s, e, _ in prepare({"id": "", "text": text, "body_start": body_start,
                                           "outlet": None, "outlet_key": None, "published": None,
                                           "statements": list(records)}).assertions]


def prepare(article: dict[str, Any]) -> PreparedArticle:
    """Split one stored article (``store.pending_articles`` dict) and mark its own voice."""
    text = article["text"]
    taken = attribution_spans(article["statements"])
    prepared = PreparedArticle(article["id"], article["outlet"], article["outlet_key"],
                               article["published"], text)
    for p_start, p_end in paragraphs(text, article["body_start"]):
        found = sentences(text, p_start, p_end)
        prepared.sentences += len(found)
        own = [(s, e, p_start) for s, e in found if not _touches((s, e), taken)]
        prepared.assertions.extend(own)
        if prepared.outlet_key:
            print_ = fingerprint(text[p_start:p_end], PARAGRAPH_SETTINGS)
            if print_.size >= PARAGRAPH_SETTINGS.min_shingles:
                paragraph = Paragraph(p_start, p_end, not _touches((p_start, p_end), taken), print_)
                prepared.paragraphs.append(paragraph)
    return prepared


# --------------------------------------------------------------------------- updating

def update_outlet_voice(ledger: Any, batch_size: int = 200) -> VoiceSummary:
    """Process every stored article not processed yet; returns what was added.

    Safe to call again at any time (processed articles are skipped) and from several
    processes at once (the store serialises the writes)."""
    total, after = VoiceSummary(), None
    while pending := store.pending_articles(ledger, after=after, limit=batch_size):
        after = pending[-1]["id"]
        prepared = [prepare(article) for article in pending]
        with store.voice_writer(ledger) as writer:
            total += _write(writer, prepared)
    return total


def _paragraph_id(article_id: str, start: int) -> str:
    return f"{article_id}:{start}"


def _write(writer: store.VoiceWriter, prepared: list[PreparedArticle]) -> VoiceSummary:
    done = writer.processed(p.id for p in prepared)
    todo = [p for p in prepared if p.id not in done]
    article_rows, assertion_rows, paragraph_rows, band_rows = [], [], [], []
    keys: dict[str, list[str]] = {}
    for item in todo:
        article_rows.append({"article_id": item.id, "outlet_key": item.outlet_key,
                             "published": item.published, "sentences": item.sentences,
                             "assertions": len(item.assertions), "paragraphs": len(item.paragraphs),
                             "settings": PARAGRAPH_SETTINGS.key})
        assertion_rows.extend({"article_id": item.id, "start": s, "end": e, "outlet": item.outlet,
                               "outlet_key": item.outlet_key, "published": item.published,
                               "paragraph_start": p, "text": item.text[s:e]} for s, e, p in item.assertions)
        for paragraph in item.paragraphs:
            pid = _paragraph_id(item.id, paragraph.start)
            keys[pid] = band_keys(paragraph.print_, PARAGRAPH_SETTINGS)
            paragraph_rows.append({"id": pid, "article_id": item.id, "start": paragraph.start,
                                   "end": paragraph.end, "outlet_key": item.outlet_key,
                                   "published": item.published, "own_voice": paragraph.own_voice,
                                   "signature": paragraph.print_.to_bytes(), "group_id": pid})
            band_rows.extend({"outlet_key": item.outlet_key, "key": k, "paragraph_id": pid}
                             for k in keys[pid])
    writer.add(article_rows, assertion_rows, paragraph_rows, band_rows)
    links = sum(_link(writer, outlet_key, [r for r in paragraph_rows if r["outlet_key"] == outlet_key], keys)
                for outlet_key in sorted({r["outlet_key"] for r in paragraph_rows}))
    return VoiceSummary(len(todo), len(assertion_rows), len(paragraph_rows), links)


def _link(writer: store.VoiceWriter, outlet_key: str, new_rows: list[dict[str, Any]],
          keys: dict[str, list[str]]) -> int:
    """Link the outlet's new paragraphs to their near-duplicates and merge their groups.

    A group's id is the smallest paragraph id in it, so groups do not depend on the order
    in which articles were processed."""
    hits = writer.candidates(outlet_key, (k for row in new_rows for k in keys[row["id"]]))
    pairs = {tuple(sorted((row["id"], other))) for row in new_rows for k in keys[row["id"]]
             for other in hits.get(k, ()) if other != row["id"]}
    stored = writer.paragraphs({pid for pair in pairs for pid in pair})
    parent: dict[str, str] = {}

    def root(group: str) -> str:
        while parent.get(group, group) != group:
            group = parent[group]
        return group

    links = 0
    for a, b in sorted(pairs):
        if not same_story(Fingerprint.from_bytes(stored[a]["signature"]),
                          Fingerprint.from_bytes(stored[b]["signature"]), PARAGRAPH_SETTINGS):
            continue
        links += 1
        ra, rb = root(stored[a]["group_id"]), root(stored[b]["group_id"])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    writer.regroup(outlet_key, {group: root(group) for group in parent})
    return links


# --------------------------------------------------------------------------- reading

def outlet_report(ledger: Any, outlet_name: str, recent: int = 10, min_articles: int = 2) -> dict[str, Any] | None:
    """One outlet's voice as a plain dict, or None when no stored article has that outlet.

    ``outlet`` (the most frequent spelling), ``articles`` (stored), ``processed`` (of them,
    seen by :func:`update_outlet_voice`), ``first``/``last`` published date, ``statements``
    (attributions in its articles), ``assertions`` (own-voice sentences), ``boilerplate``
    (groups of a paragraph recurring in ``min_articles`` or more articles, most frequent
    first: ``id, sample, evidence, count, share, first, last, article_ids, paragraphs,
    own_voice``) and ``recent`` (the newest ``recent`` own-voice sentences outside the
    boilerplate, each with its article and ``span``). The name is matched case-insensitively.
    """
    outlet = store.find_outlet(ledger, outlet_name)
    if outlet is None:
        return None
    counts = store.outlet_counts(ledger, outlet["key"])
    members = store.recurring_paragraphs(ledger, outlet["key"], min_articles)
    newest = store.assertions(ledger, outlet_key=outlet["key"], exclude_recurring=min_articles, limit=recent)
    return {
        "outlet": outlet["name"],
        "articles": outlet["articles"],
        "processed": counts["processed"],
        "first": _iso(outlet["first"]),
        "last": _iso(outlet["last"]),
        "statements": counts["statements"],
        "assertions": counts["assertions"],
        "boilerplate": _groups(members, counts["processed"]),
        "recent": [_assertion(row) for row in newest],
    }


def _groups(members: list[dict[str, Any]], processed: int) -> list[dict[str, Any]]:
    """Boilerplate groups from their member paragraphs (ordered by group, then date)."""
    by_group: dict[str, list[dict[str, Any]]] = {}
    for row in members:
        by_group.setdefault(row["group_id"], []).append(row)
    groups = []
    for group_id, rows in by_group.items():
        article_ids = list(dict.fromkeys(r["article_id"] for r in rows))
        dates = [r["published"] for r in rows if r["published"]]
        first = rows[0]  # the earliest copy is the sample, with its evidence
        groups.append({
            "id": group_id,
            "sample": first["text"],
            "evidence": {"article_id": first["article_id"], "span": [first["start"], first["end"]]},
            "count": len(article_ids),
            "share": round(len(article_ids) / processed, 3) if processed else None,
            "first": _iso(min(dates)) if dates else None,
            "last": _iso(max(dates)) if dates else None,
            "article_ids": article_ids,
            "paragraphs": len(rows),
            "own_voice": all(r["own_voice"] for r in rows),
        })
    return sorted(groups, key=lambda g: (-g["count"], g["first"] or "9999", g["id"]))


def _assertion(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": _iso(row["published"]),
        "text": row["text"],
        "article": {"id": row["article_id"], "title": row["title"], "url": row["url"],
                    "published": _iso(row["published"])},
        "span": [row["start"], row["end"]],
    }


def article_assertions(ledger: Any, article_id: str) -> list[dict[str, Any]]:
    """The own-voice sentences stored for one article, in text order."""
    rows = store.assertions(ledger, article_id=article_id)
    return [_assertion(row) for row in sorted(rows, key=lambda r: r["start"])]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["PARAGRAPH_SETTINGS", "VoiceSummary", "article_assertions", "attribution_spans", "outlet_report",
           "own_voice", "paragraphs", "prepare", "sentences", "update_outlet_voice"]
