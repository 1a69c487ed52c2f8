"""The vocabulary of newsledger: plain dataclasses shared by every stage.

Nothing here imports another newsledger module, so every stage can depend on it.
All offsets are Python string indices into ``Article.text``, the input text exactly
as read (no stripping), so ``article.text[start:end]`` gives the words back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Span = tuple[int, int]

SPEAKER_KINDS = ("person", "organization", "country", "media", "group", "unknown")
QUOTE_KINDS = ("direct", "indirect", "mixed")
ACTS = (
    "claim", "opinion", "threat", "warning", "denial", "demand",
    "commitment", "proposal", "prediction", "report", "question",
)
DATE_BASES = ("explicit", "relative", "inherited", "publication")


def _digest(*parts: str, length: int = 16) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")  # separator, so ("ab", "c") != ("a", "bc")
    return h.hexdigest()[:length]


@dataclass
class Article:
    """One dated news item as read from a source.

    ``text`` is the input exactly; ``body_start`` is where the analysed body begins
    (after a recognised header such as ``date 2024-03-10``), so a header is never
    analysed but every offset still indexes ``text``.
    """

    text: str
    path: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    body_start: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    # The agency the story's dateline credits ("Reuters" of "SEOUL, March 2 (Reuters) -"), read
    # when no outlet was given. Not part of the id: an article stored before is the same article.
    credit: str | None = None

    @property
    def id(self) -> str:
        """Stable id: a hash of the text and the metadata that identify the item."""
        published = self.published.isoformat() if self.published else ""
        return _digest(self.text, self.outlet or "", self.url or "", published, self.title or "")

    @property
    def shown_outlet(self) -> str | None:
        """The outlet given with the article, else the agency its dateline credits."""
        return self.outlet or self.credit

    @property
    def text_hash(self) -> str:
        return _digest(self.text)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.shown_outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
        }


@dataclass
class Mention:
    """A speaker (or target) as written in one sentence, and whom it resolves to.

    ``text``/``span`` are the words in the sentence ("he"); ``name`` is the resolved
    name ("Mike Lee"); ``chain`` keeps the spans that led from the mention to its
    antecedent, as evidence.
    """

    text: str
    span: Span
    name: str | None = None
    kind: str = "unknown"
    actor_id: str | None = None
    role: str | None = None
    country: str | None = None
    organization: str | None = None
    chain: list[Span] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)  # a group's named members

    def record(self) -> dict[str, Any]:
        return {
            "mention": self.text,
            "span": list(self.span),
            "name": self.name,
            "actor_id": self.actor_id,
            "kind": self.kind,
            "role": self.role,
            "country": self.country,
            "organization": self.organization,
            "members": list(self.members),
        }


@dataclass
class Condition:
    """A piece of a conditional statement: its words and their span."""

    text: str
    span: Span

    def record(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass
class Target:
    name: str
    actor_id: str | None = None
    span: Span | None = None

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id}


@dataclass
class Actor:
    """A canonical actor: one real speaker across articles."""

    id: str
    name: str
    kind: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Statement:
    """One attribution: who (speaker) said (cue) what (content), with its meaning.

    ``content_spans`` is a list of ``(start, end)`` pairs: one pair for a
    continuous content, several for a discontinuous one (a quote split by "he said").
    """

    cue: str
    cue_span: Span
    content: str
    content_spans: list[Span]
    speaker: Mention | None = None
    quote: str = "indirect"
    date: date | None = None
    date_basis: str | None = None
    # The TIMEX3 value of a period coarser than a day the saying is dated by ("1998",
    # "2004-03", "2026-W09") when no day is known; ``date`` is then None.
    date_period: str | None = None
    venue: str | None = None
    act: str = "claim"
    negated: bool = False
    condition: Condition | None = None
    consequence: Condition | None = None
    targets: list[Target] = field(default_factory=list)
    confidence: float = 0.5
    sentence_span: Span | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content_spans)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content_spans)

    def statement_id(self, article: Article) -> str:
        """Stable id: the same article text and statement give the same id on every run."""
        spans = ";".join(f"{s}-{e}" for s, e in self.content_spans)
        return _digest(article.id, f"{self.cue_span[0]}-{self.cue_span[1]}", spans)

    def record(self, article: Article) -> dict[str, Any]:
        """The statement record: the export contract of ../shared/DESIGN.md."""
        spans = [list(s) for s in self.content_spans]
        speaker = self.speaker.record() if self.speaker else _no_speaker()
        return {
            "id": self.statement_id(article),
            "article": article.record(),
            "speaker": speaker,
            "source_span": list(self.speaker.span) if self.speaker else None,
            "cue": self.cue,
            "cue_span": list(self.cue_span),
            "content": self.content,
            "content_span": spans[0] if len(spans) == 1 else spans,
            "quote": self.quote,
            "date": self.date.isoformat() if self.date else None,
            "date_basis": self.date_basis,
            "date_period": self.date_period,
            "venue": self.venue,
            "act": self.act,
            "negated": self.negated,
            "condition": self.condition.record() if self.condition else None,
            "consequence": self.consequence.record() if self.consequence else None,
            "targets": [t.record() for t in self.targets],
            "confidence": round(self.confidence, 3),
            # Event-coding equivalents of ``act`` (CAMEO root code, PLOVER category).
            "cameo": self.extra.get("cameo"),
            "plover": self.extra.get("plover"),
        }


def _no_speaker() -> dict[str, Any]:
    return {
        "mention": None, "span": None, "name": None, "actor_id": None,
        "kind": "unknown", "role": None, "country": None, "organization": None, "members": [],
    }


def dumps_record(record: dict[str, Any]) -> str:
    """One JSON line, UTF-8 kept readable, keys in contract order."""
    return json.dumps(record, ensure_ascii=False)


@dataclass
class Problem:
    """A record or file that could not be read (skipped), or a note on one that was
    read with a fallback (a guessed encoding, a date that is not a date): one line."""

    where: str
    message: str
    skipped: bool = True  # False for a note on an article that was still read

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
