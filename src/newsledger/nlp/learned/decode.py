"""Word-piece BIO tags -> coherent attributions -> :class:`newsledger.model.Statement`.

1. Spans: per role layer, a ``B`` opens a span and following ``I`` extend it (a
   piece after a span whose ``I`` probability reaches :data:`CONTINUE_P` counts as
   an ``I`` even when ``O`` won the argmax); an
   ``I`` after an ``O`` continues the layer's previous span as a new fragment when
   that span ended at most :data:`MAX_GAP` pieces before (a quotation split by
   "he said"), and otherwise opens a span of its own. In the content layer the
   gap is filled instead when it holds no cue, source or quote mark and is
   punctuation or a few words inside one sentence, and the span is split there
   when the gap holds two cues, or a cue of the next part's sentence only (see
   :func:`_content_bridge`); a content one word
   short of its sentence's end runs to it (:func:`_to_clause_end`).
   A ``B`` always opens a new span (merging every content with one right before
   it was right for a tagger after one epoch; for the shipped one it costs 2
   points of content exact on dev); step 2 joins two side by side that take the
   same cue. Fragments are mapped to characters through the pieces' offsets and
   widened to whole words.
2. Pairing: each CONTENT span takes the nearest CUE in the same sentence, else in
   an adjacent one (a cue lying inside the content, i.e. a nested attribution's
   cue, only when there is no other); that cue takes the nearest SOURCE in its own
   sentence or the content's sentences, preferring one outside the content.
   (Giving each source only to its nearest cue was tried and is worse: a source
   is often shared, "X said A and added B".)
   Contents with no cue nearby are dropped (a Statement needs a cue); two contents
   side by side with the same cue are one, and so are two on both sides of their cue
   standing between commas ("The museum, Mr. Obama said, would …"; :func:`.pairing.paired_contents`).
3. Statement: cue words and span, content words (fragments joined by " ... ")
   and spans, the source as ``Mention(text, span)`` (or None), and the quote kind
   (``direct`` / ``mixed`` / ``indirect``) from :func:`newsledger.nlp.quotes.find_quotes`.
"""

from __future__ import annotations

from bisect import bisect_right

from newsledger.model import Mention, Statement
from newsledger.nlp.quotes import Quote, find_quotes, quote_kind
from newsledger.nlp.spans import QUOTE_MARKS

from .data import B, I, O, ROLES, Encoded
from .pairing import RoleSpan, distance, nearest, paired_contents
from .tails import give_quoted_tails

MAX_GAP = 12  # pieces between two fragments of one discontinuous span
MAX_HOLE = 8  # untagged word pieces filled inside one sentence of a content
MAX_TAIL = 1  # word pieces a content may lack before its sentence's end
CONTINUE_P = 0.35  # I probability that continues a span past the argmax's O
MAX_FRAME_GAP = 3  # characters between a bare cue and its source ("he said")

Span = tuple[int, int]


def whole_words(text: str, start: int, end: int) -> Span:
    """``(start, end)`` moved out to the edges of the words or numbers they fall inside (a
    word piece's edge: "$60|,000 a year" -> "60,000 a year")."""
    while _inside_word(text, start):
        start -= 1
    while _inside_word(text, end):
        end += 1
    return start, end


def _inside_word(text: str, i: int) -> bool:
    """True when offset ``i`` falls inside a word or a number ("Wash|ington", "60|,000", "60,|000",
    "Sweden'|s"; not "He|’s", a contraction's two words)."""
    if not 0 < i < len(text):
        return False
    before, after = text[i - 1], text[i]
    return (before.isalnum() and (after.isalnum() or after in ",." and text[i + 1:i + 2].isdigit())
            or before in ",." and after.isdigit() and text[i - 2:i - 1].isdigit()
            or before in "'’" and after.isalpha() and text[i - 2:i - 1].isalnum())


def layer_spans(tags: list[int], gap: int = MAX_GAP, bridge=None) -> list[list[Span]]:
    """Piece-range fragments of each span in one layer (see the module docstring).

    ``bridge(a, b)``, for an ``I`` at piece ``b`` after untagged pieces ``[a, b)``
    that follow a span: ``"join"`` (a new fragment of that span), ``"fill"`` (the
    span grows over the gap) or ``"split"`` (a span of its own); without it, join.
    """
    spans: list[list[list[int]]] = []
    prev = O
    for i, tag in enumerate(tags):
        if tag == B:
            spans.append([[i, i + 1]])
        elif tag == I:
            how = "split"
            if prev != O and spans:
                how = "fill"
            elif spans and i - spans[-1][-1][1] <= gap:
                how = bridge(spans[-1][-1][1], i) if bridge else "join"
            if how == "fill":
                spans[-1][-1][1] = i + 1
            elif how == "join":
                spans[-1].append([i, i + 1])
            else:
                spans.append([[i, i + 1]])
        prev = tag
    return [[(a, b) for a, b in sp] for sp in spans]


def _content_bridge(enc: Encoded, tags: list[list[int]], starts: list[int]):
    """How a content continues across untagged pieces ``[a, b)`` (see :func:`layer_spans`).

    A gap holding a cue or a source is another fragment of the same content: in
    PolNeAR train 84% of the gaps inside one content hold its cue ("“A,” he said,
    “B.”"), and so are quote marks between two quotations. A gap of punctuation
    only, or of at most :data:`MAX_HOLE` pieces of words inside one sentence, is
    a slip of the tagger inside one clause and is filled: "raising the retirement
    age before ... next" becomes one span (on dev, content exact +1.3 points).
    Longer gaps stay fragments, as before. A gap with two cues, or whose cue lies
    in the next part's sentence and not the previous part's, splits the span in two:
    the next part is that cue's statement (dev: source exact +0.3, cue +0.2)."""
    cue, source = ROLES.index("cue"), ROLES.index("source")

    def sentence(piece: int) -> int:
        return bisect_right(starts, piece) - 1

    def bridge(a: int, b: int) -> str:
        if any(tags[k][cue] != O or tags[k][source] != O for k in range(a, b)):
            # the part after the gap is another statement's when the gap holds two cues
            # ("“A,” said X. Y added, “B.”") or a cue of the next part's sentence only
            # ("Rautio told the paper that A. Russia showed no sign of B")
            first_cue = next((k for k in range(a, b) if tags[k][cue] != O), None)
            in_next = first_cue is not None and sentence(a - 1) < sentence(first_cue) == sentence(b)
            return "split" if in_next or _runs(tags, cue, a, b) >= 2 else "join"
        gap_text = enc.text[enc.offsets[a - 1][1]:enc.offsets[b][0]]
        if any(ch in QUOTE_MARKS for ch in gap_text):
            return "join"
        if not any(ch.isalnum() for ch in gap_text):
            return "fill"
        if b - a <= MAX_HOLE and sentence(a) == sentence(b):  # no sentence begins in (a, b]
            return "fill"
        return "join"
    return bridge


def _sentence_bridge(starts: list[int]):
    """How a cue or source continues across untagged pieces ``[a, b)``: as another fragment
    within one sentence ("said ... in a statement"), never into the next one. An ``I`` that
    the tagger barely preferred to a ``B`` ("stated that there are no such plans. Later,
    Macron himself [ruled] out", I 0.48 against B 0.46) opens a span of its own there."""
    def bridge(a: int, b: int) -> str:
        return "join" if bisect_right(starts, a - 1) == bisect_right(starts, b) else "split"
    return bridge


def _to_clause_end(enc: Encoded, tags: list[list[int]], fragments: list[Span],
                   starts: list[int]) -> list[Span]:
    """A content that stops :data:`MAX_TAIL` word pieces short of its sentence's end,
    with those pieces untagged and no quote mark among them, runs to the end.

    The tagger sometimes drops the last word of a plain clause ("ruled out raising
    the retirement age before the next [election]."), depending on the text around
    it; on PolNeAR dev this changes no exact match either way."""
    if not enc.sentences:
        return fragments
    a, b = fragments[-1]
    k = bisect_right(starts, b - 1) - 1
    if k < 0:
        return fragments
    end = enc.sentences[k][1]
    last = end
    while last > b and not _has_word(enc, last - 1):  # the sentence's closing punctuation
        last -= 1
    if last <= b or last - b > MAX_TAIL:
        return fragments
    tail = enc.text[enc.offsets[b - 1][1]:enc.offsets[last - 1][1]]
    if any(ch in QUOTE_MARKS for ch in tail) or any(any(t != O for t in tags[i]) for i in range(b, last)):
        return fragments
    return [*fragments[:-1], (a, last)]


def _has_word(enc: Encoded, piece: int) -> bool:
    start, end = enc.offsets[piece]
    return any(ch.isalnum() for ch in enc.text[start:end])


def _continued_ends(tags: list[list[int]], probs) -> list[list[int]]:
    """The tags with a span's next piece tagged ``I`` when its ``I`` probability is at
    least :data:`CONTINUE_P`, though ``O`` won the argmax (repeatedly, so a span can grow
    by several pieces).

    Spans that stop a piece early are the commonest near miss ("called [for]",
    "decided [against]"); on PolNeAR dev this gains 0.3 points of source and cue exact
    F1 for the accurate tagger, 0.9 and 0.8 for the fast one."""
    tags = [list(row) for row in tags]
    for layer in range(len(ROLES)):
        for i in range(1, len(tags)):
            if tags[i][layer] == O and tags[i - 1][layer] != O and probs[i][layer][I] >= CONTINUE_P:
                tags[i][layer] = I
    return tags


def _runs(tags, layer: int, a: int, b: int) -> int:
    """Spans of ``layer`` starting in ``[a, b)`` (a B, or an I after an O)."""
    return sum(1 for k in range(a, b)
               if tags[k][layer] == B or (tags[k][layer] == I and (k == a or tags[k - 1][layer] == O)))


def role_spans(enc: Encoded, tags: list[list[int]], probs=None) -> dict[str, list[RoleSpan]]:
    """Character spans of every role, with the sentences they lie in."""
    sent_starts = [a for a, _ in enc.sentences]
    out: dict[str, list[RoleSpan]] = {r: [] for r in ROLES}
    for layer, role in enumerate(ROLES):
        bridge = _content_bridge(enc, tags, sent_starts) if role == "content" else _sentence_bridge(sent_starts)
        for fragments in layer_spans([row[layer] for row in tags], bridge=bridge):
            if role == "content":
                fragments = _to_clause_end(enc, tags, fragments, sent_starts)
            chars = [whole_words(enc.text, enc.offsets[a][0], enc.offsets[b - 1][1]) for a, b in fragments]
            first = max(0, bisect_right(sent_starts, fragments[0][0]) - 1)
            last = max(0, bisect_right(sent_starts, fragments[-1][1] - 1) - 1)
            score = 1.0
            if probs is not None:
                cells = [probs[i][layer][tags[i][layer]] for a, b in fragments for i in range(a, b)]
                score = float(sum(cells) / len(cells)) if cells else 1.0
            out[role].append(RoleSpan(role, fragments, chars, (first, last), score))
    return out


def _trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def statements_from_tags(enc: Encoded, tags: list[list[int]], probs=None,
                         quotes: list[Quote] | None = None, rule: str = "learned") -> list[Statement]:
    """Coherent statements from one text's per-piece tags (rows of [source, cue, content]).

    The "pieces" may be word pieces (the accurate variant) or spaCy tokens (the fast
    one): only ``enc.text``, ``enc.offsets`` and ``enc.sentences`` are read. ``rule``
    goes to ``statement.extra["rule"]``.
    """
    text = enc.text
    if probs is not None:
        tags = _continued_ends(tags, probs)
    spans = role_spans(enc, tags, probs)
    quotes = find_quotes(text) if quotes is None else quotes
    statements = []
    pairs = paired_contents(spans["content"], spans["cue"], text)
    for content, cue in pairs:
        sents = (min(cue.sentence[0], content.sentence[0]), max(cue.sentence[1], content.sentence[1]))
        source = nearest(spans["source"], cue, content, (cue.sentence[0], cue.sentence[1]))
        if source is None:
            source = nearest(spans["source"], cue, content, sents)
            if source is not None and distance(source, cue) > 200:
                source = None
        content_spans = [_trim(text, c) for c in content.chars]
        content_spans = [c for c in content_spans if c[1] > c[0]]
        if not content_spans:
            continue
        cue_span = _trim(text, (cue.chars[0][0], cue.chars[-1][1]))
        speaker = None
        if source is not None:
            src = _trim(text, (source.chars[0][0], source.chars[-1][1]))
            speaker = Mention(text=text[src[0]:src[1]], span=src)
        first_sent = enc.sentences[content.sentence[0]] if enc.sentences else (0, 0)
        last_sent = enc.sentences[content.sentence[1]] if enc.sentences else (0, 0)
        sentence_span = (enc.offsets[first_sent[0]][0], enc.offsets[last_sent[1] - 1][1]) if enc.sentences else None
        statements.append(Statement(
            cue=text[cue_span[0]:cue_span[1]],
            cue_span=cue_span,
            content=" ... ".join(text[s:e] for s, e in content_spans),
            content_spans=content_spans,
            speaker=speaker,
            quote=quote_kind(content_spans, quotes),
            confidence=round(min(content.score, cue.score), 3),
            sentence_span=sentence_span,
            extra={"rule": rule, "cue_lemma": text[cue_span[0]:cue_span[1]].lower(),
                   "cue_chars": cue.chars, "source_chars": source.chars if source else None},
        ))
    return give_quoted_tails(text, statements, _bare_frames(text, spans, pairs), quotes)


def _bare_frames(text: str, spans: dict[str, list[RoleSpan]], pairs) -> list[tuple[Span, Span]]:
    """``(cue_span, source_span)`` of each cue no content took, with a source next to it
    ("he said", "said Mr. Kamin"), for :func:`.tails.give_quoted_tails`."""
    taken = {id(cue) for _, cue in pairs}
    frames = []
    for cue in spans["cue"]:
        if id(cue) in taken:
            continue
        source = nearest(spans["source"], cue, cue, cue.sentence)
        if source is not None and distance(source, cue) <= MAX_FRAME_GAP:
            frames.append((_trim(text, (cue.start, cue.end)), _trim(text, (source.start, source.end))))
    return frames
