"""Which cue each content of the tagger takes, and which source that cue takes: step 2 of
``decode.py`` (see its docstring). Spans are :class:`RoleSpan` (a role's pieces and characters).

- :func:`paired_contents`: each content with the nearest cue of its sentence, else of an
  adjacent one; a "that" clause with the cue of telling before it (:func:`_governing_cue`);
  two contents of one cue side by side, or on both sides of it between commas, are one;
- :func:`nearest`: the candidate nearest an anchor, a nested one (inside the content) last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.nlp.spans import QUOTE_MARKS

Span = tuple[int, int]
MAX_PARENTHESIS = 60  # characters of a cue between commas inside a content ("…, Mr. Obama said, …")
MAX_THAT_GAP = 60  # characters between a cue and the "that" clause it takes ("told visiting U.S. envoy Tom Barrack that …")
ADJACENT_PENALTY = 10_000
NESTED_PENALTY = 100_000


@dataclass
class RoleSpan:
    role: str
    pieces: list[Span]  # piece ranges [a, b)
    chars: list[Span]
    sentence: tuple[int, int] = (0, 0)  # first and last sentence index
    score: float = 1.0

    @property
    def start(self) -> int:
        return self.chars[0][0]

    @property
    def end(self) -> int:
        return self.chars[-1][1]


def distance(a: RoleSpan, b: RoleSpan) -> int:
    """Characters between the nearest fragments of two spans (0 when they touch)."""
    best = None
    for s1, e1 in a.chars:
        for s2, e2 in b.chars:
            d = max(0, s2 - e1, s1 - e2)
            best = d if best is None else min(best, d)
    return best or 0


def _inside(x: RoleSpan, content: RoleSpan) -> bool:
    return any(s <= x.start < e for s, e in content.chars)


def nearest(candidates: list[RoleSpan], anchor: RoleSpan, content: RoleSpan, sentences: tuple[int, int]) -> RoleSpan | None:
    best, best_cost = None, None
    lo, hi = sentences
    for c in candidates:
        if c.sentence[1] < lo - 1 or c.sentence[0] > hi + 1:
            continue
        cost = distance(c, anchor)
        if c.sentence[1] < lo or c.sentence[0] > hi:
            cost += ADJACENT_PENALTY
        if _inside(c, content):
            cost += NESTED_PENALTY
        if best_cost is None or cost < best_cost:
            best, best_cost = c, cost
    return best


def paired_contents(contents: list[RoleSpan], cues: list[RoleSpan], text: str) -> list[tuple[RoleSpan, RoleSpan]]:
    """Each content with its cue (see the module docstring), contents without one left out.

    Two contents side by side (the second's ``B`` right after the first's end) that take
    the same cue are one: the tagger sometimes opens a new span at "that" or "to" inside
    one content ("ruling out a step | that she had left open", "urged both sides | to let
    the investigators finish"). Side by side contents with different cues stay apart.
    On PolNeAR dev: attribution F1 +0.7, content exact +0.6 (accurate). Two contents on
    both sides of their cue, which stands between commas in one sentence, are one in two
    pieces ("The museum, | Mr. Obama said, | would make visitors face …"; PolNeAR reads it
    so): attribution +0.2, content exact +0.4."""
    out: list[tuple[RoleSpan, RoleSpan]] = []
    for content in contents:
        cue = _governing_cue(cues, content, text) or nearest(cues, content, content, content.sentence)
        if cue is None:
            continue
        if out and out[-1][1] is cue and (out[-1][0].pieces[-1][1] == content.pieces[0][0]
                                          or _CONDITION_GAP.fullmatch(text[out[-1][0].end:content.start])):
            out[-1] = (_joined(out[-1][0], content), cue)  # ", provided | that …": one content
        elif out and out[-1][1] is cue and _parenthetical(text, out[-1][0], cue, content):
            out[-1] = (_around(out[-1][0], content), cue)  # "The museum, Mr. Obama said, would …"
        else:
            out.append((content, cue))
    return out


# verbs whose person told stands between them and the "that" clause ("told the envoy that …")
_TELLING = re.compile(r"\b(?:tell|tells|told|telling|inform(?:s|ed)?|assur(?:e|es|ed)|warn(?:s|ed)?|remind(?:s|ed)?|"
                      r"promis(?:e|es|ed)|notif(?:y|ies|ied)|convinc(?:e|es|ed))\b", re.IGNORECASE)
# a noun between that takes the clause itself ("Asked about his counterpart's comments that …")
_CLAUSE_NOUN = re.compile(r"\b(?:comments?|claims?|reports?|statements?|remarks?|assertions?|allegations?|"
                          r"suggestions?|warnings?|assurances?|promises?|pledges?|news|view|belief|fact|idea|"
                          r"notion|argument|hopes?|fears?|concerns?|evidence|signs?|indications?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.!?]\s+[A-Z]|[;\n\"“”]")  # not "U.S. envoy"


def _governing_cue(cues: list[RoleSpan], content: RoleSpan, text: str) -> RoleSpan | None:
    """The cue a "that" clause completes, when it stands before the clause in its sentence: in
    "Aoun told visiting U.S. envoy Tom Barrack that the state alone should hold weapons …, the
    presidency said", "told" took the clause, however near "said" comes after it."""
    if not text.startswith("that ", content.start):
        return None
    before = [c for c in cues if c.end <= content.start and content.start - c.end <= MAX_THAT_GAP
              and (_TELLING.search(text, c.start, c.end) or not _CLAUSE_NOUN.search(text, c.end, content.start))
              and not _CLAUSE_BREAK.search(text, c.end, content.start)]
    return max(before, key=lambda c: c.end) if before else None


# Only a subordinator of condition between two contents of one cue: the condition is part of
# the content, not another statement ("said it would file a protest, provided | that …").
_CONDITION_GAP = re.compile(r"\s*,?\s*(?:provided|providing|unless|(?:only |even )?if|as long as|so long as"
                            r"|on (?:the )?condition)\s*", re.IGNORECASE)


def _parenthetical(text: str, before: RoleSpan, cue: RoleSpan, after: RoleSpan) -> bool:
    """The cue stands between commas inside one sentence, between the two contents: "The
    museum, Mr. Obama said, would make visitors face uncomfortable truths"."""
    if not before.end <= cue.start < cue.end <= after.start or after.start - before.end > MAX_PARENTHESIS:
        return False
    gap = text[before.end - 1:after.start + 1]  # with the pieces' edges, where the commas may stand
    return gap.count(",") >= 2 and not any(ch in "!?;\n" for ch in gap) and not any(ch in QUOTE_MARKS for ch in gap)


def _around(before: RoleSpan, after: RoleSpan) -> RoleSpan:
    """One content in the pieces of two on both sides of their cue."""
    return RoleSpan(before.role, [*before.pieces, *after.pieces], [*before.chars, *after.chars],
                    (before.sentence[0], after.sentence[1]), min(before.score, after.score))


def _joined(before: RoleSpan, after: RoleSpan) -> RoleSpan:
    """One span of two whose pieces touch (``before`` ends where ``after`` begins)."""
    pieces = [*before.pieces[:-1], (before.pieces[-1][0], after.pieces[0][1]), *after.pieces[1:]]
    chars = [*before.chars[:-1], (before.chars[-1][0], after.chars[0][1]), *after.chars[1:]]
    return RoleSpan(before.role, pieces, chars, (before.sentence[0], after.sentence[1]),
                    min(before.score, after.score))
