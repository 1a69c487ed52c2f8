"""Whom "he" and "she" refer to, for a speaker mention.

The antecedent of a pronoun speaker is chosen among the people named before it
(spaCy PERSON entities and earlier resolved speakers), looking back sentence by
sentence from the pronoun's own, at most :data:`LOOKBACK` sentences:

1. a candidate of the wrong gender is skipped — gender comes from an honorific or
   a gendered title next to the name ("Mrs. Clinton", "Congresswoman Lee",
   "spokesman Ray Ortiz") or from a short list of common first names; unknown
   gender matches both pronouns;
2. within a sentence, a speaker or a grammatical subject comes before a person
   only mentioned in passing ("Trump attacked Palmieri's remarks. He said ...");
3. the nearest sentence wins; past the look-back window the latest resolved
   speaker of that gender is taken.

Not handled: cataphora ("Before she spoke, Clinton ..."), "they" for people
(plural pronouns go to groups and organisations in ``speakers.py``), and
gender for names that carry no cue in the text and are not in the list.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

LOOKBACK = 3
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_CUES = {"mr.", "mr", "sir", "congressman", "spokesman", "chairman", "king", "prince", "father",
             "husband", "son", "brother", "businessman", "lord"}
FEMALE_CUES = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "congresswoman", "spokeswoman",
               "chairwoman", "queen", "princess", "mother", "wife", "daughter", "sister",
               "businesswoman", "lady", "first lady"}
# Common first names in English-language news, written for this project.
MALE_NAMES = set("""
donald joe barack bill mike michael john james robert david richard joseph thomas charles
christopher daniel matthew anthony mark paul steven andrew kenneth joshua kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler
aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
elijah louis bobby philip johnny ted marco chris jeb rand tim bernie mitch newt rudy reince
vladimir emmanuel olaf boris xi recep vladimir jens narendra justin rishi keir volodymyr sergei
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
""".split())


@dataclass
class Candidate:
    """A person named, or resolved as a speaker, before a pronoun."""

    name: str
    span: tuple[int, int]
    sentence: int
    prominent: bool  # a speaker, or the subject of its sentence
    gender: str | None


class SentenceIndex:
    """Sentence numbers of character offsets in one Doc."""

    def __init__(self, doc: Doc):
        self.starts = [s.start_char for s in doc.sents]

    def of(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1


def person_candidate(ent: SpacySpan, sentences: SentenceIndex, name: str) -> Candidate:
    """A PERSON entity as a candidate antecedent."""
    prominent = ent.root.dep_ in {"nsubj", "nsubjpass"} or (
        ent.root.dep_ in {"compound", "appos"} and ent.root.head.dep_ in {"nsubj", "nsubjpass"})
    return Candidate(name, (ent.start_char, ent.end_char), sentences.of(ent.start_char), prominent,
                     gender_of(ent))


def untagged_subjects(doc: Doc, sentences: SentenceIndex, body_start: int) -> list[Candidate]:
    """Proper-noun subjects the entity recogniser left untagged ("Trump responded ..."):
    people more often than not in news, so they compete as antecedents too."""
    found = []
    for token in doc:
        if (token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ or not token.is_title
                or token.idx < body_start):
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        span = doc[words[0].i:token.i + 1]
        found.append(Candidate(span.text, (span.start_char, span.end_char), sentences.of(span.start_char),
                               True, gender_of(span)))
    return found


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


def pronoun_gender(word: str) -> str | None:
    if word in MALE_PRONOUNS:
        return "male"
    if word in FEMALE_PRONOUNS:
        return "female"
    return None  # "I", "me": no gender to check


def antecedent(word: str, at: int, candidates: list[Candidate], sentences: SentenceIndex,
               genders: dict[str, str]) -> Candidate | None:
    """The candidate a pronoun at character ``at`` refers to (rules in the module docstring).

    ``genders`` maps names to a gender learned elsewhere in the article (a name
    whose gender is known from one mention keeps it for the others)."""
    wanted = pronoun_gender(word)
    here = sentences.of(at)
    fitting = [c for c in candidates if c.span[1] <= at and _fits(c, wanted, genders)]
    for sentence in range(here, max(here - LOOKBACK, -1), -1):
        in_sentence = [c for c in fitting if c.sentence == sentence]
        if in_sentence:
            prominent = [c for c in in_sentence if c.prominent]
            return (prominent or in_sentence)[-1]
    return fitting[-1] if fitting else None


def _fits(candidate: Candidate, wanted: str | None, genders: dict[str, str]) -> bool:
    gender = candidate.gender or genders.get(candidate.name)
    return wanted is None or gender is None or gender == wanted
