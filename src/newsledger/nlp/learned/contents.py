"""Contents that say nothing a reader could attribute: the tests :func:`.component.tidy`
uses to drop a tagger's statement; and what a content must not hold at its edges: function
words it ends in, the one spoken to, the occasion of the saying (the writer's own additions at
its end are cut in ``nlp/content_edges.py``)."""

from __future__ import annotations

from spacy.tokens import Doc

from ...countries import country_named
from ..conditions import CONDITION_MARKS
from ..spans import doc_text
from ..venue import EVENT_NOUNS
from .sources import was_asked

# Stop words that stand for what was said ("He doesn't think so", "Sanders is against it").
_PRO_FORMS = {"so", "it", "that", "this", "them", "him", "her"}
_CLOSING_RELATIVES = {"which", "whom", "whose"}


def ends_in_relative_pronoun(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """True when the content's last word is "which", "whom" or "whose", or a preposition
    right before one (the tagger may leave the pronoun out): "the start of which
    was announced by the Russian President" tells what was announced only through a noun
    outside the content, in the writer's own sentence about something else. (No content
    of PolNeAR dev's statements ends so; removing them changes no figure there.)"""
    if not spans:
        return False
    span = doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    after = doc[span.end] if span.end < len(doc) else None
    return (bool(words) and words[-1].lower_ in _CLOSING_RELATIVES) or \
        (after is not None and after.lower_ in _CLOSING_RELATIVES and span[-1].pos_ == "ADP")


def has_content_word(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """True when some token of ``spans`` is a word that is not a stop word, or a pro-form."""
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.is_alpha and not t.is_stop or t.lower_ in _PRO_FORMS for t in span):
            return True
        if span is None and any(ch.isalnum() for ch in doc_text(doc)[start:end]):
            return True
    return False


def whole_names(doc: Doc, spans: list[tuple[int, int]], *kept_out: tuple[int, int]) -> list[tuple[int, int]]:
    """``spans`` moved back to the start of the name their first word ends ("Exclusive: Saudi |
    Arabia weighs oil output hike": the content starts at "Saudi"), never into the ``kept_out``
    spans (the cue's, the source's)."""
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        first = span.start if span is not None else 0
        floor = out[-1][1] if out else 0  # never into the piece before
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound" \
                and doc[first - 1].head.i >= first and doc[first - 1].idx >= floor \
                and not any(doc[first - 1].idx < y and x < start for x, y in kept_out):
            first -= 1  # "United | Arab | Emirates": each word before the name's head
        out.append((doc[first].idx if span is not None and first < span.start else start, end))
    return out


_DANGLING = {"ADP", "CCONJ", "SCONJ", "DET"}


def without_dangling_words(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the prepositions, conjunctions and determiners it ends in while
    its phrase goes on outside it ("thanked | Washington for the sale in | a statement on
    Saturday" -> "Washington for the sale"). A word that ends its clause stays ("the
    people they disagree with."). PolNeAR's contents end so 0.3% of the time, the
    tagger's 1.4%."""
    if not spans:
        return spans
    start, end = spans[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return spans
    last = _without_dangling_end(doc, span.start, span.end)  # one past the last token kept
    cut = _before_cut_clause(doc, span.start, last)
    if cut != last:  # "…, but | he": the conjunction before the clause dangles in turn, and its comma
        last = _without_dangling_end(doc, span.start, cut)
        while last - 1 > span.start and doc[last - 1].is_punct and doc[last - 1].text not in _CLOSING:
            last -= 1
    if last == span.end:
        return spans
    return [*spans[:-1], (start, doc[last - 1].idx + len(doc[last - 1].text))]


_CLOSING = {'"', "”", "’", "'", ")", "»"}


def _without_dangling_end(doc: Doc, first: int, last: int) -> int:
    while last - 1 > first and doc[last - 1].pos_ in _DANGLING and last < len(doc) and doc[last].is_alpha:
        last -= 1
    return last


def _before_cut_clause(doc: Doc, first: int, last: int) -> int:
    """``last``, or where the content ends before a clause it cuts after its subject: in
    "claimed | victory in Sunday's runoff, although official results | were not expected
    until Monday" the tagger stopped at the next cue; the concession is not the claim's."""
    subject = doc[last - 1]
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or verb.i < last:
        return last
    opening = verb.left_edge.i
    while opening > first and (doc[opening - 1].is_punct or doc[opening - 1].is_space):
        opening -= 1
    return opening if first < opening < last else last




def object_of_another_verb(doc: Doc, piece: tuple[int, int], cue_span: tuple[int, int]) -> bool:
    """True when a content piece is the direct object of a verb other than the cue, standing
    after that verb: in "The minister said sanctions had not failed; the video omits the first
    and last sentences of her remarks" the tagger gave "said" a second piece, "the first and
    last sentences …", which is what the video omits."""
    span = doc.char_span(*piece, alignment_mode="expand")
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    if span is None or cue is None or len(span) == 0:
        return False
    root = span.root
    verb = root.head
    return root.dep_ == "dobj" and verb.pos_ == "VERB" and verb.i < span.start \
        and not cue.start <= verb.i < cue.end


# Nouns of what is awaited or shown, or of others' words, whose clause is not the speaker's ("wait for
# evidence that …", "responding to reports that …")
_AWAITED = {"evidence", "sign", "signs", "proof", "confirmation", "indication", "assurance", "data", "news",
            # and others' words the speaker answers: "responding to reports that Washington had drafted …"
            "report", "claim", "remark", "suggestion", "allegation", "comment", "rumour", "rumor", "speculation"}


def clause_of_cue_object(doc: Doc, piece: tuple[int, int], cue_span: tuple[int, int]) -> bool:
    """True when a content piece is the clause of a noun of what is awaited or shown that the
    cue's verb governs through a preposition: in "officials wait for clearer evidence that
    inflation is cooling" the tagger gave "wait for" the piece "that inflation is cooling", which
    is what the evidence would show."""
    span = doc.char_span(*piece, alignment_mode="expand")
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    if span is None or cue is None or len(span) == 0:
        return False
    noun = span.root.head
    return span.root.dep_ in ("acl", "ccomp") and noun.pos_ == "NOUN" and noun.i < span.start \
        and not cue.start <= noun.i < cue.end and noun.dep_ == "pobj" and cue.start <= noun.head.head.i < cue.end \
        and noun.lemma_.lower() in _AWAITED


_WHEN_SAID = {"earlier", "later", "yesterday", "today", "previously", "again", "recently", "repeatedly",
              "separately", "privately", "publicly"}


# Where words are said, which the parser may give the that-clause said there ("on a conference call that …")
_VENUES = {"call", "interview", "briefing", "conference", "speech", "meeting", "hearing", "session", "podcast",
           "broadcast", "appearance", "rally", "event", "address", "programme", "program", "show"}


def without_words_before_that(doc: Doc, spans: list[tuple[int, int]],
                              cue_span: tuple[int, int]) -> list[tuple[int, int]]:
    """The content without the words of the cue's verb that open it before its "that": in "Peskov
    told reporters earlier that Moscow was watching" and "Musk warned investors on a conference
    call that the company could face …" the content starts at "that"."""
    span = doc.char_span(*spans[0], alignment_mode="expand") if spans else None
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    if span is None or cue is None or len(span) < 3:
        return spans
    mark = next((t for t in span[1:6] if t.lower_ == "that" and t.dep_ == "mark"), None)
    opening = span[:mark.i - span.start] if mark is not None else []
    # the cue's own that-clause (the parser may hang it on the call it was said on), not "said
    # Clinton had told officials that …"
    if mark is None or not (cue.start <= mark.head.head.i < cue.end
                            or mark.head.dep_ in ("relcl", "acl") and mark.head.head in opening
                            and mark.head.head.lemma_.lower() in _VENUES):
        return spans
    clause = set(mark.head.subtree)
    when_said = len(opening) == 1 and opening[0].lower_ in _WHEN_SAID  # the parser may hang "earlier" on the clause
    if not when_said and any(t in clause for t in opening):
        return spans
    if not when_said and not any(cue.start <= t.head.i < cue.end or t.head in opening for t in opening):
        return spans  # words of neither the cue's verb nor each other
    return [(mark.idx, spans[0][1]), *spans[1:]]


def question_topic(doc: Doc, piece: tuple[int, int], cue_span: tuple[int, int]) -> bool:
    """True when a content piece before the cue is what the speaker was asked about: in "Trump,
    asked by reporters about the incident, said: 'Here we go!'" the tagger gave "said" the
    piece "the incident", the topic of the question, not words of his."""
    span = doc.char_span(*piece, alignment_mode="expand")
    if span is None or len(span) == 0 or span.end_char > cue_span[0]:
        return False
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return was_asked(head)


def without_cue_adjuncts(doc: Doc, spans: list[tuple[int, int]], cue_span: tuple[int, int]) -> list[tuple[int, int]]:
    """A noun-phrase content without the phrases after it that the cue's verb governs: in
    "reaffirmed | the Kingdom's firm position on the Palestinian cause | during its weekly session
    on Tuesday" the session is when it was said (and dates the statement), not what was said."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    if cue is None or not spans:
        return spans
    cue_ids = {t.i for t in cue}
    kept = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "dobj" and span.root.head.i in cue_ids:
            adjunct = next((t for t in span if t.i > span.root.i and t.head.i in cue_ids and _occasion(t)), None)
            # not before the rest of what was said: in "accused | Western countries on Tuesday of
            # 'playing with fire'" the day stands between the accused and the accusation
            if adjunct is not None and not any(t.i > adjunct.i and t.head.i in cue_ids and t.dep_ == "prep"
                                               and t.lower_ in _ARGUMENT_PREPOSITIONS for t in span):
                last = adjunct.left_edge.i  # "| hours later", "| last Tuesday"
                while last - 1 > span.start and (doc[last - 1].is_punct or doc[last - 1].is_space):
                    last -= 1
                end = doc[last - 1].idx + len(doc[last - 1])
        kept.append((start, end))
    return kept


_OCCASION_PREPOSITIONS = {"during", "at", "on", "in"}
# prepositions that open what was said after the object ("accused X of …", "blamed X for …")
_ARGUMENT_PREPOSITIONS = {"of", "for", "about", "against", "as", "with", "into", "over"}


def _occasion(token) -> bool:
    """A phrase that says when or at what event something was said: "during its weekly session",
    "at a rally on Friday", "on Tuesday", "hours later" (not "as an example", "for not paying":
    what was said)."""
    if token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME"):
        return True
    if token.dep_ == "advmod" and token.lower_ in ("later", "earlier"):
        return True  # "rejected the demand | hours later"
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.dep_ == "prep" and token.lower_ in _OCCASION_PREPOSITIONS and any(
        o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in EVENT_NOUNS for o in objects)


# verbs whose object is the one spoken to, before the clause that says what was said
_ADDRESSING = {"tell", "assure", "inform", "remind", "reassure", "notify", "promise"}


def without_addressee(doc: Doc, spans: list[tuple[int, int]], cue_span: tuple[int, int]) -> list[tuple[int, int]]:
    """The content without the one spoken to when it opens it: in "Osama Hamdan tells | Al Jazeera
    the group will not accept …" what was said is "the group will not accept …"; in the headline
    "Zelensky tells | Macron Ukraine will not cede territory", parsed as one object "Macron Ukraine"
    with a clause left without subject, it is "Ukraine will not cede territory" (the object's head,
    when it names a country). Only for verbs of telling with a clause (not "told him to leave")."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    first = doc.char_span(*spans[0], alignment_mode="expand") if spans else None
    if cue is None or first is None:
        return spans
    verb = next((t for t in cue if t.lemma_.lower() in _ADDRESSING), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) if verb is not None else None
    if clause is None:
        return spans
    addressee = next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < clause.i
                      and c.left_edge.i == first.start and c.right_edge.i + 1 < first.end), None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if addressee is not None and subject is not None:
        opening = addressee.right_edge.i + 1
    else:  # one name phrase of the addressee and the clause's subject: its head, a country
        phrase = addressee if addressee is not None else subject
        if phrase is None or phrase.left_edge.i != first.start or doc[first.start].pos_ != "PROPN" \
                or country_named(doc[first.start:phrase.i + 1].text) is not None:
            return spans
        # the longest country name ending the phrase, after a first name ("CNN | North Korea")
        opening = next((k for k in range(first.start + 1, phrase.i + 1)
                        if country_named(doc[k:phrase.i + 1].text) is not None), None)
        if opening is None:
            return spans
    while opening < first.end and doc[opening].is_punct:
        opening += 1
    return [(doc[opening].idx, spans[0][1])] + spans[1:] if opening < first.end else spans


def condition_clause(text: str, piece: tuple[int, int], cue_span: tuple[int, int]) -> bool:
    """True when a content piece after the cue is an if- or unless-clause: in "Washington would
    not hesitate to act again if the Houthis continued to attack commercial shipping" the tagger
    took "would not hesitate" for a cue and the condition for what was said (PolNeAR's contents
    open after "if" 11 times in train, none after a cue of this kind)."""
    before = text[cue_span[1]:piece[0]].split()
    return piece[0] >= cue_span[1] and bool(before) and before[-1].lower() in CONDITION_MARKS


def without_trailing_punctuation(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the comma, semicolon or colon it ends on (PolNeAR's contents end so
    0.5% of the time, the tagger's 1.8%); a closing quotation mark stays."""
    if not spans:
        return spans
    start, end = spans[-1]
    kept = start + len(text[start:end].rstrip(" ,;:"))
    return spans if kept == end or kept <= start else [*spans[:-1], (start, kept)]
