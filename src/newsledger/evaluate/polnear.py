"""Read PolNeAR gold attributions (brat standoff) into plain records.

A split directory (``train/`` or ``dev/``) holds ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann``. For every text that has at least one ``.ann``
file, :func:`read_polnear` returns one :class:`GoldArticle` built from the
lexicographically first ``.ann`` file of that article (PolNeAR has a second
annotator for a few articles; only one annotation is scored). Texts with no
``.ann`` file are left out: unannotated is not the same as "no attributions".

What is read
    ``T`` lines with the labels Source, Cue, Content (and Attribution /
    Attribution-no-source, the relation's trigger, which has the cue's span) and
    ``E`` lines, which tie one attribution together::

        E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

    Each ``E`` line becomes one :class:`GoldAttribution`: the source (empty when
    the line has none), the cue, and the content; a ``Content2`` argument is merged
    into the content (spans sorted). When an ``E`` line has no ``Cue`` argument the
    trigger's span is used as the cue (the trigger is annotated on the cue words).
    Discontinuous spans (``start end;start end``) are kept as several pairs.

What is not read
    Discuss and Discard annotations, ``#`` notes, ``A``/``R`` lines. ``E`` lines
    without any content (a few dozen in train+dev, mostly a bare trigger) or
    without a cue and trigger are skipped and recorded in ``GoldArticle.problems``,
    as are malformed lines (too short, bad offsets, offsets past the text, an
    argument naming an unknown ``T``). An ``E`` line whose (source, cue, content)
    spans repeat an earlier one's exactly is dropped as a duplicate.

Offsets are Python string indices into the text file read with
``encoding="utf-8", newline=""``, so ``text[start:end]`` is the annotated text
(:func:`span_mismatches` checks that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsledger.model import Problem

Span = tuple[int, int]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ID_LINE = re.compile(r"^[TERAMN#*]\d*\t")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

#: Labels of ``T`` lines that can be attribution arguments.
ROLE_LABELS = ("Source", "Cue", "Content", "Attribution", "Attribution-no-source")


@dataclass
class GoldAttribution:
    """One gold attribution: ``source`` (empty when none), ``cue`` and ``content``.

    Each role is a list of ``(start, end)`` pairs into ``GoldArticle.text``; more
    than one pair means a discontinuous span.
    """

    source: list[Span]
    cue: list[Span]
    content: list[Span]
    id: str = ""  # the E line's id, e.g. "E3"

    def role(self, name: str) -> list[Span]:
        return getattr(self, name)


@dataclass
class GoldArticle:
    """One annotated article: its exact text and its gold attributions."""

    name: str
    path: str
    text: str
    published: date | None
    attributions: list[GoldAttribution]
    ann_path: str = ""
    annotator: str = ""
    # Raw T annotations {id: (label, spans, annotated text)}, for checks.
    annotations: dict[str, tuple[str, list[Span], str]] = field(default_factory=dict, repr=False)
    problems: list[Problem] = field(default_factory=list, repr=False)

    def span_text(self, spans: list[Span], sep: str = " ") -> str:
        """The words of ``spans``, fragments joined by ``sep`` (brat joins with a space)."""
        return sep.join(self.text[s:e] for s, e in spans)


def published_from_name(name: str) -> date | None:
    """The ``YYYY-MM-DD`` date inside a PolNeAR file name, or None."""
    m = _DATE.search(name)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_polnear(split_dir: str | Path) -> list[GoldArticle]:
    """Read one PolNeAR split (``.../polnear/dev``): articles sorted by name."""
    split = Path(split_dir)
    text_dir, ann_dir = split / "text", split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{split} has no text/ and attributions/ folders")
    anns: dict[str, list[Path]] = {}
    for ann in ann_dir.glob("*.ann"):
        stem = ann.stem
        name = stem.rsplit("_", 1)[0] if "_" in stem else stem
        anns.setdefault(name, []).append(ann)
    articles = []
    for txt in sorted(text_dir.glob("*.txt")):
        files = sorted(anns.get(txt.stem, []), key=lambda p: p.name)
        if files:
            articles.append(read_article(txt, files[0]))
    return articles


def read_article(text_path: str | Path, ann_path: str | Path) -> GoldArticle:
    """Read one text file and one brat ``.ann`` file into a :class:`GoldArticle`."""
    text_path, ann_path = Path(text_path), Path(ann_path)
    with open(text_path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(ann_path, encoding="utf-8", newline="") as f:
        ann = f.read()
    article = GoldArticle(
        name=text_path.stem,
        path=str(text_path),
        text=text,
        published=published_from_name(text_path.stem),
        attributions=[],
        ann_path=str(ann_path),
        annotator=ann_path.stem.rsplit("_", 1)[-1] if "_" in ann_path.stem else "",
    )
    events = _parse_lines(article, ann)
    seen: set[tuple] = set()
    for eid, args, lineno in events:
        attribution = _build(article, eid, args, lineno)
        if attribution is None:
            continue
        key = (tuple(attribution.source), tuple(attribution.cue), tuple(attribution.content))
        if key in seen:
            _problem(article, lineno, f"{eid} repeats an earlier attribution; dropped")
            continue
        seen.add(key)
        article.attributions.append(attribution)
    return article


def _problem(article: GoldArticle, lineno: int, message: str) -> None:
    article.problems.append(Problem(f"{article.ann_path}:{lineno}", message))


def _parse_lines(article: GoldArticle, ann: str) -> list[tuple[str, list[tuple[str, str]], int]]:
    """Fill ``article.annotations``; return the E lines as (id, [(role, T id)], line no)."""
    events = []
    last_t: str | None = None
    n = len(article.text)
    for lineno, raw in enumerate(ann.split("\n"), 1):
        line = raw.rstrip("\r")
        if not _ID_LINE.match(line):
            # brat writes an annotated text that spans a newline on several lines.
            if last_t is not None and line:
                label, spans, words = article.annotations[last_t]
                article.annotations[last_t] = (label, spans, words + "\n" + line)
            elif line.strip():
                _problem(article, lineno, "unreadable line skipped")
            continue
        last_t = None
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                _problem(article, lineno, "malformed T line skipped")
                continue
            tid, label, offsets, words = m.groups()
            spans = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
            if any(s > e or e > n for s, e in spans):
                _problem(article, lineno, f"{tid} offsets outside the text; skipped")
                continue
            article.annotations[tid] = (label, spans, words)
            last_t = tid
        elif line.startswith("E"):
            m = _E_LINE.match(line)
            args = []
            for part in (m.group(2).split() if m else []):
                role, _, ref = part.partition(":")
                if role and ref:
                    args.append((role, ref))
            if not args:
                _problem(article, lineno, "malformed E line skipped")
                continue
            events.append((m.group(1), args, lineno))
    return events


def _build(article: GoldArticle, eid: str, args: list[tuple[str, str]], lineno: int) -> GoldAttribution | None:
    roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": [], "trigger": []}
    target = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content",
              "Attribution": "trigger", "Attribution-no-source": "trigger"}
    for role, ref in args:
        key = target.get(role.rstrip("0123456789") if role.startswith("Content") else role)
        if key is None:
            continue
        if ref not in article.annotations:
            _problem(article, lineno, f"{eid}: {role} names unknown {ref}; argument ignored")
            continue
        roles[key].extend(article.annotations[ref][1])
    if not roles["cue"]:
        roles["cue"] = roles["trigger"]
    if not roles["content"]:
        _problem(article, lineno, f"{eid} has no content; skipped")
        return None
    if not roles["cue"]:
        _problem(article, lineno, f"{eid} has no cue; skipped")
        return None
    return GoldAttribution(
        source=sorted(set(roles["source"])),
        cue=sorted(set(roles["cue"])),
        content=sorted(set(roles["content"])),
        id=eid,
    )


def span_mismatches(article: GoldArticle) -> list[tuple[str, str, str]]:
    """Annotations whose brat text differs from ``text[start:end]`` (fragments joined by a space).

    Returns ``(T id, annotated text, text from offsets)`` for each mismatch.
    """
    out = []
    for tid, (_label, spans, words) in article.annotations.items():
        got = article.span_text(spans)
        if got != words and got.strip() != words.strip():
            out.append((tid, words, got))
    return out
