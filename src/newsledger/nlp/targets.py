"""Whom a statement is about or addressed to: ``newsledger_targets``.

Reads ``doc._.statements`` (after ``newsledger_conditions``) and the named entities
of the parse, and sets ``statement.targets`` (``model.Target``: name, span; the
``actor_id`` is left to ``actors/``). ``extra["addressees"]`` lists the names that
the statement is addressed to.

What is extracted, in this order, each name once
------------------------------------------------
- **Addressees**: named actors the cue is directed at: its object or indirect
  object ("urged Germany to send", "warned Washington", "told Kyiv") and the
  object of "on/upon" after *call* ("called on NATO to ...").
- **Topics**: named actors inside the content, and inside the condition and
  consequence when they lie outside the content ("Putin warned of tragic
  consequences if NATO troops were sent to Ukraine" -> NATO, Ukraine).
- Actors are spaCy entities PERSON, ORG, GPE, LOC and NORP; a nationality counts
  as its country ("Russian troops" -> Russia) when it is a known demonym. A proper
  noun the recogniser missed counts when it is a subject or object ("Kyiv is not
  currently asking for Western troops").
- Names are given in a short canonical form: a leading "the" is dropped and a few
  frequent variants are merged ("the USA", "U.S." -> "United States"; "the North
  Atlantic Alliance" -> "NATO"; "the Russian Federation" -> "Russia").

What is not extracted
---------------------
- The speaker: an entity whose canonical name is the speaker's resolved name is
  not its own target.
- Unnamed actors ("the allies", "Western leaders", "European NATO member
  countries") and pronouns ("they"): they need coreference beyond this component.
- Media told by the speaker ("told the BBC") are venues, not targets; "reporters"
  and "journalists" are not named.
- Nationalities that name no one country ("Western", "European", "Korean"), dates, numbers,
  money and other non-actor entities.
- A place only as where an event is held ("return to the negotiating table in Jeddah", "talks
  in Istanbul") or in a class's name ("Virginia-class submarines").
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements)
from newsledger.countries import country_named
from newsledger.model import Statement, Target
from newsledger.nlp.date_occasions import OCCASION_NOUNS
from newsledger.nlp.nominals import TITLES

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
CANONICAL = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "russian federation": "Russia", "north atlantic alliance": "NATO",
    "north atlantic treaty organization": "NATO", "eu": "European Union",
    "european union": "European Union", "un": "United Nations", "united nations": "United Nations",
    "prc": "China", "people's republic of china": "China",
}
_ADDRESS_DEPS = {"dobj", "dative", "iobj"}
_CALL_PREPS = {"on", "upon"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj"}
# "State" of "Secretary of State"; measures the recogniser takes for organisations ("2 percent of GDP")
_NOT_NAMES = {"reporters", "journalists", "media", "press", "state", "gdp", "gnp", "cpi"}


@Language.factory(
    "newsledger_targets",
    requires=["doc._.statements", "doc.ents", "token.dep"],
    assigns=["doc._.statements"],
)
def make_targets(nlp: Language, name: str) -> "TargetsComponent":
    return TargetsComponent()


class TargetsComponent:
    """Set ``targets`` on every statement of ``doc._.statements``."""

    def __call__(self, doc: Doc) -> Doc:
        statements = doc._.statements or []
        if statements:
            ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
            starts = [e.start_char for e in ents]
            for statement in statements:
                mark_targets(doc, statement, ents, starts)
        return doc


def mark_targets(doc: Doc, st: Statement, ents: list[SpacySpan], starts: list[int]) -> None:
    own = canonical(st.speaker.name or st.speaker.text) if st.speaker else None
    seen: set[str] = {own} if own else set()
    # Neither the speaker's own words nor the venue ("told the BBC") is a target.
    skip = [tuple(sp) for sp in (st.speaker and st.speaker.span, st.extra.get("venue_span")) if sp]
    targets: list[Target] = []

    def add(ent: SpacySpan) -> str | None:
        ent = _trimmed(ent)
        name = actor_name(ent) if len(ent) and not _place_of_an_event(ent) else None
        if name is None or name in seen or any(a <= ent.start_char < b for a, b in skip):
            return None
        seen.add(name)
        targets.append(Target(name=name, span=(ent.start_char, ent.end_char)))
        return name

    addressed = [n for ent in _addressees(doc, st, ents, starts) if (n := add(ent))]
    regions = list(st.content_spans)
    for part in (st.condition, st.consequence):
        if part is not None and not any(a <= part.span[0] and part.span[1] <= b for a, b in regions):
            regions.append(part.span)
    found = {e.start_char: e for a, b in regions for e in _ents_in(ents, starts, a, b)}
    for a, b in regions:
        found.update((e.start_char, e) for e in _unlabelled_names(doc, a, b))
    for _, ent in sorted(found.items()):
        add(ent)
    st.targets = targets
    if addressed:
        st.extra["addressees"] = addressed


def actor_name(ent: SpacySpan) -> str | None:
    """The canonical name of an actor entity, or None when it names no actor."""
    if ent.label_ == "NORP" or len(ent) == 1 and ent[0].pos_ == "ADJ":
        # "Russian troops" -> Russia, "Ukrainian soil" (taken for a place) -> Ukraine; "Korean",
        # "Western": none
        return country_named(ent.text)
    name = canonical(ent.text)
    if not name or name.lower() in _NOT_NAMES or _opens_a_title(ent) and country_named(ent.text) is None:
        return None
    if len(ent) == 1 and ent[0].pos_ == "NOUN" and _capitalised_by_position(ent[0]):
        return None  # "Exit polls showed …": a common noun that opens the sentence
    return name


# where talks or a meeting are held: "return to the negotiating table in Jeddah", "a summit in Abuja"
_EVENT_WORDS = OCCASION_NOUNS | {"table", "ceremony", "signing", "round", "meet", "hold", "host", "gather",
                                 "convene", "sign", "negotiate", "resume"}


def _place_of_an_event(ent: SpacySpan) -> bool:
    """A place only as where an event is held ("the negotiating table in Jeddah", "talks in
    Istanbul", "met in Geneva"), or a class named after it ("Virginia-class submarines"): no
    actor the statement is about. "Troops in Ukraine" keeps Ukraine."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and doc[ent.end + 1].lower_ == "class":
        return True
    prep = ent.root.head
    return ent.label_ in ("GPE", "LOC", "FAC") and ent.root.dep_ == "pobj" and prep.lower_ in ("in", "at") \
        and prep.head.lemma_.lower() in _EVENT_WORDS


def _opens_a_title(ent: SpacySpan) -> bool:
    """"Home" of "Home Secretary Shabana Mahmood": the word is the title's, not a place."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in TITLES


def _trimmed(ent: SpacySpan) -> SpacySpan:
    """Without the "and", commas or possessive the recogniser sometimes takes in ("Kyiv and")."""
    start, end = ent.start, ent.end
    while end > start and ent.doc[end - 1].pos_ in ("CCONJ", "PUNCT", "PART"):
        end -= 1
    while start < end and ent.doc[start].pos_ in ("CCONJ", "PUNCT"):
        start += 1
    return ent if (start, end) == (ent.start, ent.end) else SpacySpan(ent.doc, start, end, label=ent.label)


def canonical(text: str) -> str:
    words = " ".join(text.replace("’s", "").replace("'s", "").split())
    if words.lower().startswith("the "):
        words = words[4:]
    return CANONICAL.get(words.lower(), words)


def _ents_in(ents: list[SpacySpan], starts: list[int], a: int, b: int) -> list[SpacySpan]:
    i = bisect.bisect_left(starts, a)
    out = []
    while i < len(ents) and ents[i].start_char < b:
        if ents[i].end_char <= b:
            out.append(ents[i])
        i += 1
    return out


def _unlabelled_names(doc: Doc, a: int, b: int) -> list[SpacySpan]:
    """Proper nouns the recogniser missed, as subject or object ("Kyiv is not asking")."""
    region = doc.char_span(a, b, alignment_mode="expand")
    out = []
    for tok in region if region is not None else ():
        if tok.pos_ == "PROPN" and tok.ent_iob_ == "O" and tok.dep_ in _ARG_DEPS:
            start = tok.i
            while start > region.start and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                start -= 1
            if start == tok.i and _capitalised_by_position(tok):
                continue
            out.append(SpacySpan(doc, start, tok.i + 1, label="NAME"))
    return out


def _capitalised_by_position(tok) -> bool:
    """True for a word capitalised only because it opens a sentence ("“Dialogue, not
    confrontation, is the only way forward”"): no country's name, and written nowhere else in
    the text capitalised inside a sentence. "Kyiv is not asking" stays a name."""
    first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != tok.i or country_named(tok.text) is not None:
        return False
    return not any(t.text == tok.text and t.i != tok.i and not t.is_sent_start
                   and not tok.doc[t.i - 1].is_punct for t in tok.doc)


def _addressees(doc: Doc, st: Statement, ents: list[SpacySpan], starts: list[int]) -> list[SpacySpan]:
    cue = doc.char_span(*st.cue_span, alignment_mode="expand")
    if cue is None:
        return []
    out: list[SpacySpan] = []
    for tok in cue:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for child in tok.children:
            target: Token | None = None
            if child.dep_ in _ADDRESS_DEPS:
                target = child
            elif child.dep_ in ("prep", "prt") and child.lower_ in _CALL_PREPS and tok.lemma_ == "call":
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is None:
                continue
            out.extend(_ents_in(ents, starts, target.left_edge.idx, target.idx + len(target)))
    return out
