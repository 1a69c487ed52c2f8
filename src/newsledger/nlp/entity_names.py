"""The names the entity recogniser found in an article, as speakers' antecedents.

:func:`named_mentions` reads ``doc.ents`` (a title-case headline's as far as the rest of the
article confirms them, see :mod:`.headlines`), each with its kind and the words around it;
:func:`whole_name` mends a person's name the recogniser cut after a particle or before the
family name;
:func:`expand_surname` gives a short name the full one it stands for. Names it did not tag
are :mod:`.written_names`'.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan

from . import pronouns
from .datelines import dateline_end
from .headlines import HeadlineNames
from .nominals import GENERIC_PERSON, HONORIFICS, NAME_PARTICLES, TITLES, Named, label_surname
from .spans import doc_text

ENT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group",
             "LOC": "country", "FAC": "organization"}


def named_mentions(doc: Doc, headlines: HeadlineNames) -> list[Named]:
    """The named entities of the body, those of a title-case headline as far as the rest
    of the article confirms them. A lone surname of a person the article names in full is
    a person whatever its label ("Fowler" tagged as an organisation)."""
    found = []
    covered = -1  # the last token of a name taken past its entity's end
    for ent in doc.ents:
        kind = ENT_KINDS.get(ent.label_)
        if kind is None or ent.start_char < (doc._.body_start or 0) or ent.end - 1 <= covered \
                or ent.text.lower().rstrip(".") in NOT_NAMES or _dateline_agency(doc, ent):
            continue
        ent = whole_name(ent, headlines)
        covered = ent.end - 1
        confirmed = headlines.confirmed(*strip_det(ent))
        if confirmed is None:
            continue
        name, start = confirmed
        context = doc[max(ent.start - 4, 0): min(ent.end + 3, len(doc))].text.lower()
        found.append(Named(name, kind, (start, start + len(name)), context))
    surnames = pronouns.surnames(n.name for n in found if n.kind == "person" and " " in n.name)
    for n in found:
        if n.kind != "person" and n.name in surnames:
            n.kind = "person"
    return sorted(found + _employers(doc, found), key=lambda n: n.span)


def _dateline_agency(doc: Doc, ent: SpacySpan) -> bool:
    """"(Reuters)" of "AUSTIN, Texas, July 23 (Reuters) -": the outlet that writes the story, no
    antecedent of "the company" its story speaks of; nor is the place ("OSLO", which the recogniser
    may take for an organisation)."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, ent.start_char) + 1
    opening = text[line:ent.start_char]
    if text[ent.start_char - 1:ent.start_char] != "(" and opening.strip() and not opening.isupper():
        return False  # neither in parentheses nor in the capitals that open the line
    end = dateline_end(text, line)
    return end is not None and ent.end_char < end


# a company's officer named with it: "Tesla Chief Executive Elon Musk", "Boeing CEO Kelly Ortberg"
_OFFICERS = {"chief", "ceo", "cfo", "coo", "chairman", "chairwoman", "founder", "co-founder"}


def _employers(doc: Doc, found: list[Named]) -> list[Named]:
    """Companies the recogniser left untagged before their officer's title ("Tesla | Chief
    Executive Elon Musk"): organisations, so that "the company" has its antecedent."""
    taken = {n.span[0] for n in found}
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start < 2:
            continue
        i = ent.start - 1
        while i > 0 and doc[i].pos_ == "PROPN" and doc[i].lower_ not in _OFFICERS:
            i -= 1  # "Chief Executive", "Financial Officer"
        if doc[i].lower_ not in _OFFICERS or i == 0:
            continue
        words = []
        j = i - 1
        while j >= 0 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and doc[j].text[:1].isupper():
            words.insert(0, doc[j])
            j -= 1
        if words and words[0].idx not in taken:
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            out.append(Named(doc_text(doc)[start:end], "organization", (start, end), doc_text(doc)[start:end].lower()))
    return out


# Honorifics and a transcript's turn labels the recogniser takes for names ("MR" a place, "QUESTION" a person)
NOT_NAMES = frozenset({"mr", "mrs", "ms", "dr", "question", "answer", "q", "a", "reporter", "interviewer"})
_CUT_AFTER = {"of", "the", "for"}  # "the Foreign Ministry of the" + "DPRK"


def whole_name(ent: SpacySpan, headlines: HeadlineNames) -> SpacySpan:
    """The entity with the words the recogniser cut off its name (:func:`with_particle_tail`,
    and :func:`with_family_name` outside a title-case line, whose words all look like names)."""
    ent = with_particle_tail(ent)
    return with_family_name(ent) if ent.label_ == "PERSON" and not headlines.in_headline(ent.start_char) else ent


def with_particle_tail(ent: SpacySpan) -> SpacySpan:
    """A person's name the recogniser cut after a particle ("Ursula von der" + "Leyen"), or
    an organisation's cut after "of the" ("the Foreign Ministry of the" + "DPRK"), whole
    again."""
    doc, end = ent.doc, ent.end
    if ent.label_ in ("ORG", "FAC") and ent[-1].lower_ in _CUT_AFTER and len(ent) > 2:
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        return SpacySpan(doc, ent.start, end, label=ent.label) if end > ent.end else ent
    if ent.label_ != "PERSON" or ent[-1].lower_ not in NAME_PARTICLES:
        return ent
    while end < len(doc) and (doc[end].lower_ in NAME_PARTICLES or doc[end].is_title and doc[end].is_alpha):
        end += 1
    while end > ent.end and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1  # "von der" with no name after it
    return SpacySpan(doc, ent.start, end, label=ent.label)


# what follows a person's name in the name of a thing: "Trump Tower", "the Clinton Foundation"
_NOT_FAMILY_NAMES = {"tower", "foundation", "center", "centre", "street", "house", "hall", "university",
                     "institute", "administration", "campaign", "doctrine", "library", "airport", "bridge"}


def with_family_name(ent: SpacySpan) -> SpacySpan:
    """A person's name the recogniser cut before the family name its words qualify ("Seyed Abbas"
    + "Araqchi": both words are compounds of "Araqchi"), whole again."""
    doc, head = ent.doc, ent[-1].head
    if ent[-1].dep_ != "compound" or head.i < ent.end or head.i - ent.end > 1:
        return ent
    tail = doc[ent.end:head.i + 1]
    if all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and not t.ent_type_ and t.lower_ not in _NOT_FAMILY_NAMES
           and (t.i == head.i or t.dep_ == "compound" and t.head.i == head.i) for t in tail):
        return SpacySpan(doc, ent.start, head.i + 1, label=ent.label)
    return ent


def strip_det(ent: SpacySpan) -> tuple[str, int]:
    """The entity's words as written ("Ban Ki-moon"), without a leading "the" (or a lower-case
    "a": "a White House readout"), a trailing "'s" or, for a person, the role noun the recogniser
    took in ("Spokesperson Lin Jian" -> "Lin Jian"), and the offset where they start."""
    tokens = [t for t in ent if not ((t.lower_ == "the" or t.text in ("a", "an")) and t.i == ent.start)
              and t.tag_ != "POS"]
    while ent.label_ == "PERSON" and len(tokens) > 1 and tokens[0].lower_ in GENERIC_PERSON:
        tokens = tokens[1:]
    if not tokens:
        return ent.text, ent.start_char
    return doc_text(ent.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])], tokens[0].idx


_COURTESY = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def after_courtesy_title(text: str, at: int) -> bool:
    """The name at ``at`` follows a courtesy title ("Ms. | Holm")."""
    return _COURTESY.search(text, max(0, at - 6), at) is not None


def _first_name_word(name: str) -> str:
    """The first word of the name itself, past a title the recogniser took in ("TAO spokesperson
    Chen Binhua" -> "Chen")."""
    words = name.split()
    for i, word in enumerate(words[:-1]):
        if not (word.islower() or word.isupper() and len(word) > 1 or word.lower().strip(".") in TITLES):
            return word
    return words[-1] if words else ""


def expand_surname(target: Named, before: list[Named], speakers: list[str] = (), subject: bool = False) -> Named:
    """The latest earlier full name a short person name stands for: "Lee" -> "Barbara Lee",
    "Suu Kyi" -> "Aung San Suu Kyi" (or a slip of it); else the one earlier full name the
    short one opens ("Ban" -> "Ban Ki-moon", "Mao" -> "Mao Ning"), or of several it opens the
    one of ``speakers`` who spoke last ("Kim said" after Kim Yo Jong's warning about Kim Jong Un).
    With ``subject`` (a courtesy title: "Ms. Holm") the first full name of that family the article
    gives, its subject, not a relative named since ("her daughter, Anne Holm")."""
    if target.kind != "person":
        return target
    words = target.name.split()
    n = len(words)
    people = [e for e in reversed(before) if e.kind == "person" and len(e.name.split()) > n]
    for earlier in (reversed(people) if subject else people):
        if [w.lower() for w in earlier.name.split()[-n:]] == [w.lower() for w in words]:
            return Named(earlier.name, "person", earlier.span, earlier.context)
    if n == 1:
        surnames = {e.name.split()[-1].lower(): e for e in people}
        full = pronouns.misspelt(words[0], surnames)
        if full is not None:
            return Named(full.name, "person", full.span, full.context)
        # the one full name it opens: a family name put first ("Ban" -> "Ban Ki-moon", "Mao" ->
        # "Mao Ning", "Xi" -> "Xi Jinping"), or a first name that stands alone ("Hillary")
        opened = {e.name: e for e in people if _first_name_word(e.name) == words[0]}
        spoke = [name for name in reversed(speakers) if name in opened]
        if len(opened) == 1 or spoke:
            earlier = opened[spoke[0]] if spoke else next(iter(opened.values()))
            return Named(earlier.name, "person", earlier.span, earlier.context)
    return target


def named_by_label(doc: Doc, label: str) -> Named | None:
    """The person a transcript's label in capitals names by surname ("MR PIGOTT"), named in full
    anywhere in the text, the header included (the speakers' list of a briefing)."""
    surname = label_surname(label)
    if surname is None:
        return None
    full = next((e for e in doc.ents if e.label_ == "PERSON" and " " in e.text
                 and e.text.lower().split()[-1] == surname), None)
    if full is not None:
        return Named(full.text, "person", (full.start_char, full.end_char), full.text.lower())
    # the first turn's label in full, in capitals, which the recogniser reads no name in
    # ("WOLF BLITZER, CNN ANCHOR: …", then "BLITZER: …")
    caps = re.search(rf"^([A-Z][A-Z'’-]+) {re.escape(surname.upper())}\s*[,:]", doc_text(doc), re.MULTILINE)
    if caps is None or caps.group(1).lower() in HONORIFICS | TITLES | {"the"}:  # "MR BLITZER" names no one
        return None
    name = f"{caps.group(1).title()} {surname.title()}"
    return Named(name, "person", caps.span(1), name.lower())

