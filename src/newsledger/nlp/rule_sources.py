"""Who said it, for a verb cue the rules found: :func:`find_source` reads the subject of the
cue's clause, looking up through conjunctions and participles ("…, saying", "and added", a
saying the parser hung on the content's verb: ``coordination``), the subject of "X was quoted
as saying", and of hearsay ("X is said to have added"); "Asked whether …, he said" has an
unnamed asker. :func:`antecedent_span` is where the noun a relative pronoun stands for is written.
Used by ``attribution_rules`` and the learned variants' source tidying.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import cues
from .coordination import saying_verb_above
from .datelines import after_dateline
from .spans import char_span, doc_text, trim

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
RELATIVE_TAGS = {"WDT", "WP", "WP$"}


def quoted_subject(token: Token) -> Token | None:
    """The subject of "was quoted / cited (by Bloomberg) as saying", from "saying" or from
    "quoted": the one whose words they are (not the one who quoted them)."""
    verb = token.head.head if token.dep_ == "pcomp" and token.head.lower_ == "as" else token
    if verb.lemma_ not in QUOTING_VERBS or not any(c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


QUOTING_VERBS = {"quote", "cite"}


def passive_participle(token: Token) -> bool:
    """True for a past participle opening a clause of its own ("Asked whether …, he said",
    "Pressed on the deal, she said"): the main clause's subject is the one it was done to."""
    # The tagger reads a sentence's first "Asked" as VBD too.
    participle = token.tag_ == "VBN" or token.tag_ == "VBD" and token.is_sent_start
    return participle and token.dep_ == "advcl" and not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children)


def find_source(cue: Token, exclude: set[Token] = frozenset()) -> tuple[list[Token] | None, Token | None]:
    """The source phrase of a verb cue, looking up through conjunctions and
    participles ("…, saying", "and added") to the clause that has a subject; the subject
    of "X was quoted as saying"."""
    quoted = quoted_subject(cue)
    if quoted is not None and quoted not in exclude:
        return sorted(quoted.subtree, key=lambda t: t.i), None
    if passive_participle(cue):
        return None, None  # "Asked whether he would resign, he said …": he was asked, by someone unnamed
    token = cue
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c not in exclude
                    and not _in_dateline(c, token)]
        subject = subjects[0] if subjects else None
        if subject is not None:
            tokens = sorted((t for s in _coordinated(subjects) for t in s.subtree if t not in exclude),
                            key=lambda t: t.i)
            head = token.head if subject.tag_ in RELATIVE_TAGS and token.dep_ == "relcl" else None
            return tokens, head
        if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [token.head], None
        raised = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if raised is not None and reported_speech(token) is not None and token != cue:
            return sorted(raised.subtree, key=lambda t: t.i), None  # "X is said to have added"
        above = saying_verb_above(token) if token is cue else None
        if above is not None:  # "said the study did not show … and warned": the parser hung it inside
            token = above
            continue
        if token.dep_ in {"conj", "advcl", "xcomp", "acl"} and token.head.i != token.i:
            token = token.head
            continue
        break
    return None, None


def _coordinated(subjects: list[Token]) -> list[Token]:
    """The subject, with a second one the parser gave the same verb when "and" joins them
    ("French President Emmanuel Macron and German Chancellor | Friedrich Merz said": two
    subjects, the second the end of the first's conjunct)."""
    first = subjects[0]
    for other in subjects[1:]:
        if other.left_edge.i == first.right_edge.i + 1 and first.right_edge.i > first.i \
                and any(t.lower_ == "and" for t in first.subtree):
            return [first, other]
    return [first]


def _in_dateline(subject: Token, verb: Token) -> bool:
    """True for the place of a dateline the parser made a subject of ``verb`` ("TAIPEI | —
    Taiwan's defence minister, Wellington Koo, said …": two subjects, the first the
    dateline's). An all-capitals line that holds the verb is no dateline ("FELLOW DOCTORS
    DON'T WANT TO … —")."""
    text = doc_text(subject.doc)
    dateline_end = after_dateline(text, text.rfind("\n", 0, subject.idx) + 1)
    return subject.right_edge.idx < dateline_end <= verb.idx


RAISING = {"say", "report", "believe", "understand", "think", "know", "rumor", "rumour", "allege"}


def reported_speech(token: Token) -> Token | None:
    """The reporting verb of "is said | to have added | that …" (the raising verb ``token``'s
    infinitive), or None."""
    if token.lemma_.lower() not in RAISING:
        return None
    return next((c for c in token.children if c.dep_ == "xcomp"
                 and cues.is_cue(c.lemma_.lower(), cues.frame(c))), None)


def antecedent_span(head: Token) -> tuple[int, int]:
    """Where the noun a relative pronoun stands for is written: the noun with its left
    modifiers only, not its relative clause ("the ship's operator, which said"); the name in
    apposition to it when it has one ("her daughter, Anne Holm, who said": Anne Holm)."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i), None) \
        if head.pos_ == "NOUN" and head.is_lower else None  # not "Future45, | a super PAC | that …"
    if named is not None:
        head = named
    run = trim(list(head.subtree)) or [head]
    return char_span([t for t in run if t.i <= head.i] or [head])
