"""The preposition that governs a content belongs to its cue.

"Lawmakers have expressed misgivings about | Mrs. Clinton's plan", "He accused Holt of |
being a Democrat", "she likened the rules to | burning the Constitution": what was said
is the preposition's object, and the preposition (with the cue verb's own object before
it, "Holt of") is part of how it was said. PolNeAR puts such a preposition in the cue
2,437 times in train and leaves it between cue and content 156 times; the tagger often
starts the content at the preposition or at the verb's object, or leaves the preposition
out of both.

Not moved: an infinitive's "to" ("refused | to testify", which PolNeAR reads as the
content's first word), a passive agent's "by" before the source (left out of the cue 148
times to 44 in train), a preposition whose object is not the content, and a verb's
object of more than four words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

Span = tuple[int, int]
MAX_OBJECT_WORDS = 4  # "the virtues of", "Clinton's campaign of"; longer is content of its own
_OBJECT_DEPS = {"dobj", "dative", "attr", "npadvmod"}
_QUOTE_MARKS = set("\"“”‘’«»'")


def with_governing_preposition(doc: Doc, cue_span: Span, spans: list[Span]) -> tuple[int, list[Span]]:
    """The cue's new end and the content, with the preposition that governs the content (and
    the cue verb's short object before it) moved from the content's start, or from the gap
    before it, into the cue. Unchanged when no such preposition stands there."""
    if not spans or spans[0][0] < cue_span[1]:
        return cue_span[1], spans
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    first = doc.char_span(spans[0][0], spans[0][0] + 1, alignment_mode="expand")
    if cue is None or first is None or len(cue) == 0:
        return cue_span[1], spans
    gap = [t for t in doc[cue.end:first.start] if not t.is_space]
    if len(gap) == 1 and _governs(gap[0], cue, spans[0]):
        return _end(gap[0]), spans
    if gap:
        return cue_span[1], spans
    for i in range(first.start, min(first.start + MAX_OBJECT_WORDS + 1, len(doc) - 1)):
        token = doc[i]
        if token.idx >= spans[0][1] or token.text in _QUOTE_MARKS:
            break
        if token.pos_ != "ADP":
            continue
        before = doc[first.start:i]
        if _governs(token, cue, spans[0]) and not before:
            obj = _object_after(token, spans[0])
            if obj is not None:  # "condemns in the strongest terms | the atrocities": the phrase is how
                return _end(token.right_edge), [(obj.left_edge.idx, spans[0][1]), *spans[1:]]
            return _end(token), [(doc[i + 1].idx, spans[0][1]), *spans[1:]]
        break
    return cue_span[1], spans


def _governs(token: Token, cue, content: Span) -> bool:
    """True for a preposition of the cue (or of the cue verb's object) whose object stands
    in the content."""
    if token.pos_ != "ADP" or token.dep_ != "prep":  # not "to" of an infinitive (PART), nor a passive's "by" (agent)
        return False
    head = token.head
    in_cue = cue.start <= head.i < cue.end
    of_object = head.dep_ in _OBJECT_DEPS and cue.start <= head.head.i < cue.end
    governed = any(c.dep_ in ("pobj", "pcomp") and content[0] <= c.idx < content[1] for c in token.children)
    return (in_cue or of_object) and governed


def _object_after(preposition: Token, content: Span) -> Token | None:
    """The cue verb's direct object after the preposition's phrase, inside the content: then
    the phrase says how it was said ("condemns in the strongest terms the atrocities")."""
    return next((c for c in preposition.head.children if c.dep_ == "dobj" and c.i > preposition.right_edge.i
                 and c.idx < content[1]), None)


def _is_cue_object(words, preposition: Token, cue) -> bool:
    """True when ``words`` (between the cue and ``preposition``) are the cue verb's object
    phrase that the preposition hangs on, or on the verb itself ("accused | Holt | of")."""
    heads = [t for t in words if not (words.start <= t.head.i < words.end)]
    if len(heads) != 1:
        return False
    head = heads[0]
    return head.dep_ in _OBJECT_DEPS and cue.start <= head.head.i < cue.end \
        and (preposition.head.i == head.i or cue.start <= preposition.head.i < cue.end)


def _end(token: Token) -> int:
    return token.idx + len(token.text)
