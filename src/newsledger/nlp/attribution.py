"""The attribution component: who said what, found in a parsed Doc.

``newsledger_attribution`` fills ``doc._.statements`` with one
:class:`~newsledger.model.Statement` per attribution, each with a cue (words and
span), a content (one span, or several when a quotation is split by "he said"),
a source mention when there is one, and a quote kind:

- ``direct``: the content is a quotation ("“We must …,” he said");
- ``mixed``: the content holds a quotation and reported words around it;
- ``indirect``: reported speech without quotation marks.

Found: verb cues ("said", "warned of", "ruled out", "urged … to"), passives
("was denied"), "according to X", noun cues ("the statement that …"), media
cues ("Politico learned that …", "the material notes"), and belief and intent
cues ("believes", "wants"). A content that meets a quotation is stretched to the
whole quotation, even across sentences and paragraphs; a quotation split by the
cue ("“A,” he said, “B.”") becomes one statement with two content spans.

Not found: quotations with no cue at all (an unattributed paragraph of quote),
and attributions whose cue is only punctuation (headline colons).
Only the body is analysed: tokens before ``doc._.body_start`` (a header) are skipped.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..model import Mention, Statement
from .conditions import CONDITION_MARKS
from . import extensions  # noqa: F401  (registers the Doc extensions)
from .attribution_rules import (
    VERB_TAGS,
    Candidate,
    according_to_candidate,
    noun_candidate,
    quoted_answer_candidate,
    trailing_cue_candidate,
    verb_candidate,
)
from .rule_sources import antecedent_span
from .datelines import after_dateline, without_dateline
from .layout import (continue_announcements, continue_quotes, label_statements, line_signature_statements,
                     section_label, signature_statements)
from .nominals import KNOWN_OUTLETS
from .quotes import Quote, quote_kind
from .content_edges import in_writers_apposition, without_coordinated_saying, without_trailing_occasion
from .headlines import without_time_clause
from .dates import day_after_cue
from .spans import char_span, doc_quotes, doc_text, overlaps, spans_of, text_of, trim

RULES = (according_to_candidate, verb_candidate, quoted_answer_candidate, noun_candidate)
# Cues that still report speech when they sit inside another statement's content.
NESTED_CUES = {"say", "add", "write", "according", "announce", "report"}
FIRST_PERSON = {"i", "we", "you"}


@Language.factory("newsledger_attribution", default_config={"min_content_chars": 3})
def make_attribution(nlp: Language, name: str, min_content_chars: int) -> "AttributionComponent":
    return AttributionComponent(min_content_chars)


class AttributionComponent:
    """Rule-based attribution over spaCy's dependency parse and quotation marks."""

    def __init__(self, min_content_chars: int = 3):
        self.min_content_chars = min_content_chars

    def __call__(self, doc: Doc) -> Doc:
        body_start = doc._.body_start or 0
        quotes = doc_quotes(doc)
        statements: list[Statement] = []
        claimed_cues: set[int] = set()
        words = _possible_cues(doc)
        for sent in doc.sents:
            if sent.end_char <= body_start:
                continue
            for candidate in _sentence_candidates(sent, words):
                key = candidate.cue[0].i
                if key in claimed_cues:
                    continue
                statement = self._to_statement(doc, sent, candidate, quotes)
                if statement is not None:
                    claimed_cues.add(key)
                    statements.append(statement)
        text = doc_text(doc)
        for extra in (signature_statements(doc, quotes, body_start) + label_statements(doc, body_start)
                      + line_signature_statements(doc, body_start)):
            if not any(overlaps(extra.cue_span, st.cue_span) or extra.content_spans == st.content_spans
                       for st in statements):
                statements.append(extra)
        continue_quotes(text, statements, quotes)
        statements = continue_announcements(text, statements)
        doc._.statements = _drop_nested([st for st in statements if not said_by_nobody(text, st)])
        return doc

    def _to_statement(self, doc: Doc, sent: SpacySpan, cand: Candidate, quotes: list[Quote]) -> Statement | None:
        if _hypothetical(cand.cue[0]):
            return None
        spans = spans_of(cand.content)
        cue_span = char_span(cand.cue)
        clause = char_span(sorted([*cand.cue, *(cand.source or [])], key=lambda t: t.i))
        spans = _stretch_over_quotes(doc_text(doc), spans, quotes, cue_span, clause)
        spans = without_dateline(doc_text(doc), spans)
        spans = without_coordinated_saying(doc_text(doc), without_trailing_occasion(doc_text(doc), spans))
        spans = without_time_clause(doc, _without_leading_day(doc, spans, cue_span))
        if not spans or sum(e - s for s, e in spans) < self.min_content_chars:
            return None
        if any(overlaps(cue_span, s) for s in spans):
            spans = [s for s in spans if not overlaps(cue_span, s)]
            if not spans:
                return None
        return Statement(
            cue=doc_text(doc)[cue_span[0]:cue_span[1]],
            cue_span=cue_span,
            content=text_of(doc, spans),
            content_spans=spans,
            speaker=_mention(doc, cand),
            quote=quote_kind(spans, quotes),
            confidence=cand.confidence,
            sentence_span=(sent.start_char, sent.end_char),
            extra={"rule": cand.rule, "cue_lemma": cand.cue[0].lemma_.lower(), "cue_token": cand.cue[0].i},
        )


def _hypothetical(cue: Token) -> bool:
    """True when the cue stands in an if- or unless-clause ("would act again if the Houthis
    continued to attack commercial shipping"): what someone may do is nothing they said."""
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children)
               for t in (cue, *cue.ancestors))


def _possible_cues(doc: Doc) -> np.ndarray:
    """Which tokens any rule in :data:`RULES` could take for a cue: verbs and auxiliaries
    (by part of speech or verb tag), nouns, and "according". Read from spaCy's arrays, so
    the rules are not called for the other two thirds of an article's words."""
    strings = doc.vocab.strings
    arr = doc.to_array([POS, TAG, LOWER])
    return (np.isin(arr[:, 0], [POS_IDS[p] for p in ("VERB", "AUX", "NOUN")])
            | np.isin(arr[:, 1], [strings[t] for t in VERB_TAGS])
            | (arr[:, 2] == strings["according"]))


def _sentence_candidates(sent: SpacySpan, words: np.ndarray) -> list[Candidate]:
    """The rules' candidates in ``sent``, tried on the tokens flagged in ``words``."""
    found = []
    doc = sent.doc
    for i in (np.flatnonzero(words[sent.start:sent.end]) + sent.start).tolist():
        token = doc[i]
        for rule in RULES:
            candidate = rule(token)
            if candidate is not None:
                found.append(candidate)
                break
    if not any(c.rule.startswith("verb:clause") or c.rule == "verb:reversed" for c in found):
        trailing = trailing_cue_candidate(sent)
        if trailing is not None and all(trailing.cue[0] not in c.cue for c in found):
            found.append(trailing)
    return found


def _mention(doc: Doc, cand: Candidate) -> Mention | None:
    if not cand.source:
        return None
    run = trim(cand.source)
    if not run:
        return None
    start, end = char_span(run)
    start = after_dateline(doc_text(doc), start, end)  # "SEOUL, March 2 (Reuters) - | Kim Yo Jong"
    mention = Mention(text=doc_text(doc)[start:end], span=(start, end))
    if cand.source_head is not None:
        mention.chain.append(antecedent_span(cand.source_head))
    return mention



def _without_leading_day(doc: Doc, spans: list[tuple[int, int]], cue_span: tuple[int, int]) -> list[tuple[int, int]]:
    """The content without the day that opens it right after the cue: in "said on Tuesday he
    would impose …" (no "that") the parser hangs the day on the reported clause, but it is the
    saying's (the dates stage reads it there)."""
    if not spans or spans[0][0] < cue_span[1] or doc_text(doc)[cue_span[1]:spans[0][0]].strip():
        return spans
    text, (start, end) = doc_text(doc), spans[0]
    for timex in doc._.timexes or ():
        if start <= timex.span[0] and timex.span[1] < end and day_after_cue(text, cue_span[1], timex.span[0]) \
                and _adverbial(doc, timex.span):
            rest = timex.span[1] + len(text[timex.span[1]:end]) - len(text[timex.span[1]:end].lstrip(" ,"))
            return [(rest, end), *spans[1:]] if rest < end else spans
    return spans


def _adverbial(doc: Doc, span: tuple[int, int]) -> bool:
    """True for a time expression that modifies a verb ("on Tuesday", "Tuesday" as an adverb),
    not a noun ("Friday's decision", "recently released polls", "a second device")."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    head = root.head.head if root.dep_ == "pobj" else root.head
    return root.dep_ in ("npadvmod", "pobj", "tmod") and head.pos_ in ("VERB", "AUX")


def _stretch_over_quotes(text: str, spans: list[tuple[int, int]], quotes: list[Quote],
                         cue_span: tuple[int, int], clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Stretch a content that meets a quotation to the whole quotation, and add
    the other half of a quotation split by the cue's clause (``clause`` spans
    the cue and its source)."""
    if not spans:
        return spans
    out = list(spans)
    for quote in quotes:
        q = (quote.start, quote.end)
        if overlaps(q, cue_span):
            continue
        if any(overlaps(q, s) for s in out):
            out = _merge([*out, q])
    return _add_split_quote(text, out, quotes, clause)


def _add_split_quote(text: str, spans: list[tuple[int, int]], quotes: list[Quote],
                     clause: tuple[int, int]) -> list[tuple[int, int]]:
    # “A,” he said, “B.” — the quotes right before and right after the cue's
    # clause are one quotation; whichever half the parse found, take both.
    before = next((q for q in reversed(quotes) if q.end <= clause[0]), None)
    after = next((q for q in quotes if q.start >= clause[1]), None)
    if before is None or after is None:
        return spans
    if not any(overlaps((q.start, q.end), s) for q in (before, after) for s in spans):
        return spans
    lead = text[before.end:clause[0]]
    gap = text[clause[1]:after.start]
    if (len(lead.strip()) <= 1 and "\n" not in lead and len(gap) <= 40 and "\n" not in gap
            and gap.strip(" ,:;—–-").count(" ") <= 3 and not any(ch in gap for ch in ".?!")):
        return _merge([*spans, (before.start, before.end), (after.start, after.end)])
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _drop_nested(statements: list[Statement]) -> list[Statement]:
    """Drop echoes and asides, keep reported speech inside reported speech.

    Dropped: a statement with the same content as a surer one; a first-person
    belief or intent ("I think", "we want") — the speaker's own hedge, not a
    statement of theirs; and any statement whose cue sits inside another
    statement's content, unless its cue is a verb of saying ("he said, 'they
    told us X'" keeps both) or the other is "according to" a source. On PolNeAR dev
    fewer than one in five of the dropped kinds is a gold attribution.
    """
    kept = []
    for st in statements:
        duplicate = any(
            other is not st and other.content_spans == st.content_spans and other.confidence > st.confidence
            for other in statements
        )
        if duplicate or _first_person_aside(st) or anonymity_formula(st):
            continue
        if st.extra.get("cue_lemma") not in NESTED_CUES and any(
            other is not st and _inside(st, other) and not (_inside(other, st) and st.confidence >= other.confidence)
            and not reports_a_report(other) for other in statements
        ):
            continue
        kept.append(st)
    return sorted(kept, key=lambda s: (s.content_start, s.cue_span[0]))


def _inside(st: Statement, other: Statement) -> bool:
    """Whether ``st``'s cue lies inside ``other``'s content."""
    return any(s <= st.cue_span[0] < e for s, e in other.content_spans)


def reports_a_report(st: Statement) -> bool:
    """True for "according to" a source, and for "reported" after all of its unquoted content
    ("…, state media reported"): what they give is often itself a statement ("Israel warned
    it would act again, according to a statement from Netanyahu's office"; "Kim Yo Jong warned
    that Pyongyang would take decisive action if …, state media reported"), kept as one of
    its own with its own speaker."""
    if st.cue.lower().startswith("according to"):
        return True
    return st.extra.get("cue_lemma") == "report" and st.quote != "direct" and bool(st.content_spans) \
        and st.content_spans[-1][1] <= st.cue_span[0]


_ANONYMITY = re.compile(r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b|(?:on\s+)?condition\s+of\s+anonymity",
                        re.IGNORECASE)


def anonymity_formula(st: Statement) -> bool:
    """True for the formula that grants a source anonymity ("who asked not to be named",
    "declined to be identified", "speaking on condition of anonymity"): no statement."""
    return bool(_ANONYMITY.match(st.content.strip(" \"“”'")))


# "speaking on condition of anonymity to | discuss | internal deliberations": why a source is unnamed
_WHY_UNNAMED = re.compile(r"(?:anonymity|anonymously|(?:not\s+)?authori[sz]ed|permitted|allowed|permission)\s+to\s*$",
                          re.IGNORECASE)


def anonymity_purpose(text: str, st: Statement) -> bool:
    """True for the reason a source goes unnamed, read as a cue ("speaking on condition of
    anonymity to discuss internal deliberations", "because he was not authorized to speak
    publicly"): what the source was not allowed to discuss is nothing it said."""
    return bool(_WHY_UNNAMED.search(text[max(0, st.cue_span[0] - 40):st.cue_span[0]]))


# Sources that are figures of speech: "History has shown that …" is the writer's own assertion.
_FIGURATIVE_SOURCES = frozenset({"history", "experience", "time", "reality", "practice", "life"})


def figurative_source(st: Statement) -> bool:
    """True when the source is an abstraction the writer makes speak ("History has shown that
    blockades and sanctions cannot stop …", "Experience shows …", "Time will tell"): no one said
    it, so it is no statement and the sentence stays in the outlet's own voice."""
    return st.speaker is not None and st.speaker.text.lower().strip(" ,") in _FIGURATIVE_SOURCES


# "Reuters could not independently verify the reports": the outlet's own note on its sourcing
_UNVERIFIED = re.compile(r"^(?:could not|cannot|can ?not|was unable to|were unable to|has not been able to|"
                         r"had no way to)\s+(?:immediately\s+|independently\s+)*(?:verify|confirm)", re.IGNORECASE)


def outlet_could_not_verify(st: Statement) -> bool:
    """True for the outlet's note that it could not check a claim ("Reuters could not
    independently verify the battlefield reports"): the writer's voice, no one's statement
    (a ministry that "could not confirm the figures" still speaks)."""
    source = st.speaker.text.lower().removeprefix("the ") if st.speaker is not None else ""
    return bool(_UNVERIFIED.match(st.cue)) and (source in KNOWN_OUTLETS or source == "we")


def said_by_nobody(text: str, st: Statement) -> bool:
    """A reading no one said: an abstraction made to speak (:func:`figurative_source`), the
    reason a source goes unnamed (:func:`anonymity_purpose`), a section's label read as a
    speaker (:func:`announced_section`) or an outlet's note that it could not verify a claim
    (:func:`outlet_could_not_verify`); both variants drop it."""
    return figurative_source(st) or anonymity_purpose(text, st) or announced_section(text, st) \
        or outlet_could_not_verify(st) or bool(st.content_spans) and in_writers_apposition(text, st.content_spans[0][0])


def announced_section(text: str, st: Statement) -> bool:
    """True for a cue inside a section's label or its colon ("THE FACTS: The claim is false …",
    "Editorial: Congress must not …", "Our view: …"): the outlet speaking, not a speaker."""
    if st.extra.get("interview_answer"):
        return False  # "A: No. …" of an interview: the one interviewed
    start = text.rfind("\n", 0, st.cue_span[0]) + 1
    colon = text.find(":", start, start + 60)
    return 0 <= colon and st.cue_span[1] <= colon + 1 and section_label(text[start:colon].split())


def _first_person_aside(st: Statement) -> bool:
    return (st.speaker is not None and st.speaker.text.lower() in FIRST_PERSON
            and st.extra.get("cue_lemma") not in NESTED_CUES)
