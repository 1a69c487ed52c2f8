"""A learned cue's edges and substance: where it ends once the words after its verb that are
not the saying are cut (:func:`trimmed_cue_end`), and whether it can report anything at all
(:func:`reports`). Used by :func:`.component.tidy`."""

from __future__ import annotations

from spacy.tokens import Doc


def trimmed_cue_end(doc: Doc, start: int, end: int, content_start: int) -> int:
    """Where the cue ends once trailing punctuation ("said:"), determiners, dangling
    prepositions, an infinitive's "to" ("refused | to testify") and prepositional phrases
    that begin inside it ("wrote | on Telegram", "wrote | on Truth Social": a venue, not the
    cue) are cut; a preposition whose
    object is the content stays ("warned of", "according to")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return end
    tokens = list(span)
    for i, token in enumerate(tokens[1:], 1):
        if token.pos_ == "ADP" and any(c.dep_ == "pobj" and c.left_edge.i < span.end for c in token.children):
            tokens = tokens[:i]
            break
    while len(tokens) > 1:
        last = tokens[-1]
        dangling = last.pos_ == "ADP" and not 0 <= content_start - (last.idx + len(last)) <= 1
        infinitive = last.tag_ == "TO" and last.head.pos_ in ("VERB", "AUX") and last.head.i > last.i
        kept = last.pos_ not in ("DET", "PRON", "PUNCT") and not dangling or last.lower_ == "to"  # "according to"
        if kept and not infinitive:
            break
        tokens.pop()
    return min(end, tokens[-1].idx + len(tokens[-1]))


_VERB_GROUP = {"AUX", "PART", "ADV"}


def reports(doc: Doc, cue_span: tuple[int, int]) -> bool:
    """False for a cue that cannot report anything: only the auxiliaries, negation and
    adverbs of a verb group ("is not"), a noun whose existence is asserted ("there have
    been statements about": the expletive "there" on the noun's verb), or one that is none in
    particular ("any mention of", "no word on")."""
    span = doc.char_span(*cue_span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True  # nothing to judge by: keep the tagger's reading
    if all(t.pos_ in _VERB_GROUP for t in span):
        return False
    nouns = [t for t in span if t.pos_ == "NOUN"]
    if nouns and not any(t.pos_ == "VERB" for t in span):
        head = nouns[-1]
        if head.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.head.children) \
                or any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in head.children):
            return False  # nor "dropped any mention of | fossil fuels": no mention is reported
    return True
