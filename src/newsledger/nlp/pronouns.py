"""Whom "he" and "she" refer to, for a speaker mention.

The antecedent of a pronoun speaker is chosen among the people named before it
(spaCy PERSON entities and earlier resolved speakers), looking back sentence by
sentence from the pronoun's own, at most :data:`LOOKBACK` sentences:

1. a candidate of the wrong gender is skipped — gender comes from an honorific or
   a gendered noun next to the name ("Mrs. Clinton", "Congresswoman Lee",
   "spokesman Ray Ortiz", "9/11 widow Terry Strada") or from a short list of common
   first names (names given to both sexes, "Terry", are left out); unknown gender
   matches both pronouns;
2. a name inside a quotation is skipped when the pronoun is outside it: in
   "“I love Larry,” he said" the speaker is not Larry;
3. within a sentence, a speaker comes first, then the subject of the main verb,
   then the subject of another clause, then a person only mentioned in passing
   ("Trump attacked Palmieri's remarks. He said ..."; "Fowler said he expects
   Clinton to recover. But he said ...");
4. the nearest sentence wins; when its best candidate is itself a subject "he" or
   "she" ("She has faced criticism from Maria Lopez. She said ..."), that pronoun is
   resolved in turn (at most :data:`MAX_CHAIN` steps); past the look-back window
   the latest person named of that gender is taken.

A surname the entity recogniser tagged as something else ("Fowler" as an
organisation) or misspelt by one letter still counts as that person when the
article names the person in full elsewhere (:func:`surname_mentions`). A gender
is also learned from "X said she ..." (:func:`clause_genders`) and from a
pronoun already resolved to X.

Not handled: cataphora ("Before she spoke, Clinton ..."), "they" for people
(plural pronouns go to groups and organisations in ``plurals.py``), and
gender for names that carry no cue in the text and are not in the list.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDX, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from rapidfuzz.distance import Levenshtein

from .spans import doc_quotes, doc_text

LOOKBACK = 3
MAX_CHAIN = 4  # pronouns followed back through earlier subject pronouns
# Capitalised words one letter away from common surnames that are not names.
COMMON_CAPITALISED = {"house", "white", "state", "states", "black", "times", "party", "court"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_CUES = {"mr.", "mr", "sir", "congressman", "spokesman", "chairman", "king", "prince", "father",
             "husband", "son", "brother", "businessman", "lord", "widower", "dad", "grandfather",
             "uncle", "nephew", "boyfriend", "actor", "anchorman", "councilman", "assemblyman",
             "policeman", "fireman", "sportsman", "congressmen"}
FEMALE_CUES = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "congresswoman", "spokeswoman",
               "chairwoman", "queen", "princess", "mother", "wife", "daughter", "sister",
               "businesswoman", "lady", "first lady", "widow", "mom", "grandmother", "aunt", "niece",
               "girlfriend", "actress", "anchorwoman", "councilwoman", "assemblywoman",
               "policewoman", "sportswoman"}
# Common first names in English-language news, written for this project.
MALE_NAMES = set("""
donald joe barack bill mike michael john james robert david richard joseph thomas charles
christopher daniel matthew anthony mark paul steven andrew kenneth joshua kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler
aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
christian roger noah gerald carl sean austin arthur lawrence jesse dylan bryan joe jordan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
elijah louis bobby philip johnny ted marco chris jeb rand tim bernie mitch newt rudy reince
vladimir emmanuel olaf boris xi recep vladimir jens narendra justin rishi keir volodymyr sergei
ed rush chuck mitt ben tom dan don rick newt reince corey steve hugh harry howard earl
kirk lloyd glenn neil dean ron rob nick matt bob jim tony ken phil doug greg jeff jerry fred
marvin martin luther calvin franklin dwight lyndon woodrow abraham ronald gordon tony angus
mehmet ivan dmitry sergey alexei mikhail nikolai francois jacques nicolas jean-claude giuseppe
matteo silvio mario enrico pedro luis carlos miguel jorge ricardo ildefonso enrique felipe
ahmed mohammed muhammad ali hassan omar abdul bashar benjamin shinzo moon ban ki-moon
wolfgang helmut gerhard heinz hans klaus frank-walter sigmar horst stephen adam charles edward
oliver harold cory marco lamar jared mike kanye barry bennie elijah eliot elliot sherrod
""".split())
FEMALE_NAMES = set("""
hillary mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
marie diana brittany natalie isabella charlotte rose alexis kayla melania ivanka chelsea kellyanne
huma jill nikki sarah condoleezza angela theresa ursula kamala giorgia liz jacinda marine
heidi loretta ava tina donna debbie
kellyanne sheryl oprah beyonce meryl madeleine nancy elizabeth maxine
valerie samantha susan janet sylvia tulsi kirsten tammy dianne barbara claire jeanne
jeanne melanie monica paula michele gretchen megyn katie brooke cokie diane
andrea mika norah savannah erin gwen judy ruth sonia elena theresa federica
christine angela annegret marine segolene margrethe beata ewa dilma cristina michelle
""".split())


@dataclass
class Candidate:
    """A person named, or resolved as a speaker, before a pronoun."""

    name: str
    span: tuple[int, int]
    sentence: int
    prominent: int  # 3 a speaker, 2 the subject of its sentence, 1 another subject, 0 in passing
    gender: str | None
    pronoun: str | None = None  # a subject pronoun standing for whoever it refers to


class SentenceIndex:
    """Sentence numbers of character offsets in one Doc."""

    def __init__(self, doc: Doc):
        self.starts = [s.start_char for s in doc.sents]

    def of(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1


def is_person_reference(ent: SpacySpan) -> bool:
    """False for a PERSON entity that names a thing after "the", "a" or an ordinal ("the 13th
    Amendment", "a Donald Trump presidency"), or that is one word the tagger reads as an
    adjective ("Harsh? He doesn't think so.", "stocking up on Beehive freeze-dried food")."""
    if len(ent) == 1 and ent[0].pos_ == "ADJ":
        return False
    if ent.start == 0:
        return True
    before = ent.doc[ent.start - 1]
    return before.lower_ not in {"the", "a", "an"} and before.ent_type_ != "ORDINAL"


def person_candidate(ent: SpacySpan, sentences: SentenceIndex, name: str) -> Candidate:
    """A PERSON entity as a candidate antecedent."""
    return Candidate(name, (ent.start_char, ent.end_char), sentences.of(ent.start_char),
                     prominence(ent.root), gender_of(ent))


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _tokens_where(doc: Doc, deps: Iterable[str], pos: str | None = None) -> Iterator[Token]:
    """The Doc's tokens with one of the dependency labels ``deps`` (and part of speech
    ``pos``), in order. Reads spaCy's arrays: making a Token for each of the article's
    words, three times over, cost more than the speaker search itself."""
    strings = doc.vocab.strings
    wanted = np.isin(doc.to_array(DEP), [strings[d] for d in deps])
    if pos is not None:
        wanted &= doc.to_array(POS) == POS_IDS[pos]
    return (doc[i] for i in np.flatnonzero(wanted).tolist())


def prominence(token: Token) -> int:
    """2 for the subject of a sentence's main verb, 1 for the subject of another clause
    ("Fowler said he expects Clinton to recover": Clinton) or the owner of a subject
    ("His audio was quieter"), 0 for a name in passing."""
    if token.dep_ in {"compound", "appos"} and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    if token.dep_ == "poss":
        return 1 if token.head.dep_ in SUBJECT_DEPS else 0
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1


def untagged_subjects(doc: Doc, sentences: SentenceIndex, body_start: int) -> list[Candidate]:
    """Proper-noun subjects the entity recogniser left untagged ("Trump responded ..."):
    people more often than not in news, so they compete as antecedents too."""
    found = []
    for token in _tokens_where(doc, deps=SUBJECT_DEPS, pos="PROPN"):
        if token.ent_type_ or not token.is_title or token.idx < body_start:
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        previous = doc[words[0].i - 1] if words[0].i > 0 else None
        if previous is not None and (previous.lower_ in {"the", "a", "an"} or previous.text[:1].isdigit()):
            continue  # "the 13th Amendment was worth examining": a thing, not a person
        span = doc[words[0].i:token.i + 1]
        found.append(Candidate(span.text, (span.start_char, span.end_char), sentences.of(span.start_char),
                               prominence(token), gender_of(span)))
    return found


def subject_pronouns(doc: Doc, sentences: SentenceIndex, body_start: int) -> list[Candidate]:
    """"He" and "she" as subjects (or "his" of a subject): a sentence that goes on about
    someone with "She has faced ..." keeps that person as its subject, before anyone it
    names in passing."""
    found = []
    for token in _tokens_where(doc, deps=SUBJECT_DEPS | {"poss", "compound", "appos"}):
        gender = pronoun_gender(token.lower_)
        if gender is None or token.idx < body_start or prominence(token) == 0:
            continue
        found.append(Candidate("", (token.idx, token.idx + len(token)), sentences.of(token.idx),
                               prominence(token), gender, pronoun=token.lower_))
    return found


def surname_mentions(doc: Doc, sentences: SentenceIndex, body_start: int,
                     full_names: dict[str, str]) -> list[Candidate]:
    """Capitalised words that are the surname of a person the article names in full
    (``full_names`` maps a surname to the full name), whatever label the entity
    recogniser gave them or none: "Fowler said ..." after "Don Fowler". A surname
    misspelt by one letter counts too ("McLenney" for "McClenney")."""
    found = []
    fuzzy = {k.lower(): v for k, v in full_names.items() if len(k) >= 5}
    text = doc_text(doc)
    capitalised = [i for i, at in enumerate(doc.to_array(IDX).tolist()) if text[at].isupper()]
    for token in (doc[i] for i in capitalised):  # most words are not: skip them cheaply
        if token.idx < body_start or token.ent_type_ == "PERSON":
            continue
        full = full_names.get(token.text) or misspelt(token.text, fuzzy)
        if full is None or (token.i + 1 < len(doc) and doc[token.i + 1].is_title
                            and doc[token.i + 1].pos_ == "PROPN"):
            continue  # "Clinton Foundation": the surname is part of another name
        found.append(Candidate(full, (token.idx, token.idx + len(token)), sentences.of(token.idx),
                               prominence(token), None))
    return found


def misspelt(word: str, surnames: dict[str, Any]) -> Any | None:
    """The one full name (``surnames`` maps lower-cased surnames to them) whose surname
    is ``word`` but for one letter, or None."""
    if len(word) < 5 or word.lower() in COMMON_CAPITALISED:
        return None
    low = word.lower()
    hits = [full for key, full in surnames.items()
            if key[0] == low[0] and abs(len(key) - len(low)) <= 1 and Levenshtein.distance(key, low) <= 1]
    return hits[0] if len(hits) == 1 else None


class QuoteIndex:
    """The quoted passages of one Doc, to keep names said inside a quote apart."""

    def __init__(self, doc: Doc):
        self.spans = [(q.start, q.end) for q in doc_quotes(doc)]
        self._seen: dict[int, tuple[int, int] | None] = {}  # asked for every name, per statement

    def of(self, char: int) -> tuple[int, int] | None:
        if char not in self._seen:
            self._seen[char] = next(((start, end) for start, end in self.spans if start <= char < end), None)
        return self._seen[char]


def surnames(full_names: Iterable[str]) -> dict[str, str]:
    """Surname -> the one full name of the article that ends with it (the surname itself
    when several do: "Clinton" for Bill and Hillary is told apart later by gender). A
    one-word name ("Oz") maps to itself when no full name ends with it."""
    out: dict[str, str] = {}
    singles: set[str] = set()
    for name in full_names:
        words = name.split()
        if not words or not words[-1][:1].isupper() or not words[-1].isalpha():
            continue
        surname = words[-1]
        if len(words) == 1:
            singles.add(surname)
            continue
        out[surname] = name if out.get(surname, name) == name else surname
    for single in singles:
        out.setdefault(single, single)
    return out


def gender_of(ent: SpacySpan) -> str | None:
    """"male", "female" or None, from the words before the name or its first name."""
    doc = ent.doc
    before = {t.lower_ for t in doc[max(ent.start - 3, 0):ent.start]}
    if before & FEMALE_CUES:
        return "female"
    if before & MALE_CUES:
        return "male"
    first = ent[0].lower_
    if first in FEMALE_NAMES:
        return "female"
    if first in MALE_NAMES:
        return "male"
    return None


def clause_genders(doc: Doc, candidates: list[Candidate], quotes: QuoteIndex) -> dict[int, str]:
    """The gender each mention shows, by its start offset: the one person named in a
    sentence, outside quotes, is the subject of a verb whose clause has a gendered
    pronoun as subject ("Rakeyia Scott said she ...", "Fowler said he ...")."""
    found: dict[int, str] = {}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        if quotes.of(c.span[0]) is None and c.pronoun is None:
            by_sentence.setdefault(c.sentence, []).append(c)
    for sent_no, sent in enumerate(doc.sents):
        people = by_sentence.get(sent_no, [])
        if len({c.name for c in people}) != 1 or people[0].prominent < 2:
            continue
        span = doc.char_span(*people[0].span, alignment_mode="expand")
        if span is None:
            continue
        head = span.root.head
        seen = {pronoun_gender(t.lower_) for t in sent
                if t.idx > people[0].span[1] and t.dep_ in {"nsubj", "nsubjpass"}
                and t.head.dep_ == "ccomp" and t.head.head == head and quotes.of(t.idx) is None}
        seen.discard(None)
        if len(seen) == 1:
            found[people[0].span[0]] = seen.pop()
    return found


def genders_from_pronouns(candidates: list[Candidate], shown: dict[int, str]) -> dict[str, str]:
    """Names whose mentions show one gender only (see :func:`clause_genders`)."""
    found: dict[str, set[str]] = {}
    for c in candidates:
        if c.span[0] in shown and c.pronoun is None:
            found.setdefault(c.name, set()).add(shown[c.span[0]])
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}


def pronoun_gender(word: str) -> str | None:
    if word in MALE_PRONOUNS:
        return "male"
    if word in FEMALE_PRONOUNS:
        return "female"
    return None  # "I", "me": no gender to check


def antecedent(word: str, at: int, candidates: list[Candidate], sentences: SentenceIndex,
               genders: dict[str, str], quotes: QuoteIndex | None = None, depth: int = 0) -> Candidate | None:
    """The candidate a pronoun at character ``at`` refers to (rules in the module docstring).

    ``genders`` maps names to a gender learned elsewhere in the article (a name
    whose gender is known from one mention keeps it for the others). When the best
    candidate is an earlier subject pronoun, that pronoun is resolved in turn."""
    found = _antecedent(word, at, candidates, sentences, genders, quotes)
    if found is not None and found.pronoun is not None:
        if depth >= MAX_CHAIN:
            return None
        return antecedent(found.pronoun, found.span[0], candidates, sentences, genders, quotes, depth + 1)
    return found


def _antecedent(word: str, at: int, candidates: list[Candidate], sentences: SentenceIndex,
                genders: dict[str, str], quotes: QuoteIndex | None) -> Candidate | None:
    wanted = pronoun_gender(word)
    here = sentences.of(at)
    own = quotes.of(at) if quotes is not None else None
    fitting = [c for c in candidates if c.span[1] <= at and _fits(c, wanted, genders)
               and (quotes is None or quotes.of(c.span[0]) in (None, own))]
    for sentence in range(here, max(here - LOOKBACK, -1), -1):
        in_sentence = [c for c in fitting if c.sentence == sentence]
        if in_sentence:
            best = max(c.prominent for c in in_sentence)
            return [c for c in in_sentence if c.prominent == best][-1]
    named = [c for c in fitting if c.pronoun is None]
    return named[-1] if named else None


def _fits(candidate: Candidate, wanted: str | None, genders: dict[str, str]) -> bool:
    if candidate.pronoun is not None:
        return wanted is not None and candidate.gender == wanted
    gender = candidate.gender or genders.get(candidate.name)
    return wanted is None or gender is None or gender == wanted
