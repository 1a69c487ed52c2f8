"""Dependency rules that find one attribution each: a cue, its content, its source.

Each rule takes a token of a parsed sentence and returns a :class:`Candidate`
or None. The rules cover:

- verb cues with a clausal complement ("X said (that) Y"), a reversed clause
  ("Y, X said"), an infinitive ("X urged Z to Y", "X refused to Y"), a phrasal
  preposition ("X warned of Y", "X called for Y") or an object ("X denied Y");
- passives with the content as subject ("the possibility of Y was denied"),
  the source taken from a "by" agent or an "in PLACE" phrase;
- "according to X" with the clause it modifies as content;
- noun cues with a "that" clause ("X's statement that Y", "the warning that Y").

Not covered here: quotations without a cue word and the stretching of a content
over a quotation that runs across sentences (``attribution.py`` does that), and
who a pronoun refers to (``speakers.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from . import cues
from .rule_sources import PASSIVE_SUBJECT_DEPS, RELATIVE_TAGS, find_source, reported_speech
from .spans import spans_of

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PASSIVE_CUES = {"deny", "reject", "rule", "confirm", "report", "announce", "dismiss", "refute", "say", "claim", "expect", "believe", "rumor", "rumour", "allege"}
NOUN_CUES = {
    "statement", "claim", "warning", "assertion", "announcement", "promise", "threat",
    "denial", "belief", "view", "argument", "suggestion", "insistence", "pledge",
    "assurance", "admission", "allegation", "comment", "remark", "message", "demand",
    "proposal", "prediction", "forecast", "accusation", "charge", "vow", "call", "hope",
    "fear", "report", "conclusion", "finding", "contention", "position", "notion",
}
COUNTRYISH = {"GPE", "NORP", "ORG"}


@dataclass
class Candidate:
    """An attribution found by one rule, in token terms."""

    cue: list[Token]
    content: set[Token]
    source: list[Token] | None
    rule: str
    confidence: float
    source_head: Token | None = None  # the noun a relative pronoun stands for
    extra: dict = field(default_factory=dict)

    def content_spans(self) -> list[tuple[int, int]]:
        return spans_of(self.content)


VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})


def verb_candidate(token: Token) -> Candidate | None:
    """A verb cue in any of the frames of :mod:`cues`."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in VERB_TAGS:
        return None
    lemma = token.lemma_.lower()
    if _is_passive(token) and lemma in PASSIVE_CUES:
        return _passive_candidate(token)
    shape = cues.frame(token)
    if not cues.is_cue(lemma, shape, _first_person_subject(token)):
        return None
    content = _content_for(token, shape)
    if not content or len([t for t in content if not t.is_punct]) < (1 if shape in {cues.OBJECT, cues.PREP, cues.NAMING} else 2):
        return None
    cue_tokens = _hearsay(token) + _cue_tokens(token, shape)
    content -= set(cue_tokens)
    source, head = find_source(token, exclude=content)
    if source:
        content -= set(source)
        content |= _preceding_clause(token, content, source)
    return Candidate(cue_tokens, content, source, f"verb:{shape}", _confidence(lemma, shape), head)


def quoted_answer_candidate(token: Token) -> Candidate | None:
    """'He said: "No. Never."', 'She told reporters: "Absolutely not."': the quotation right
    after a verb of saying (its ":" or ",", and whom it was said to) is its content when the
    parser hung the quoted words on the verb as interjections or adverbs, so that no clause
    frame finds them."""
    if token.lemma_.lower() not in ANSWER_LEMMAS or any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
        return None
    doc, i = token.doc, token.i + 1
    while i < len(doc) and (doc[i].text in {":", ","} or doc[i].dep_ in ("dobj", "dative", "npadvmod")
                            and doc[i].head == token or doc[i].head.i in range(token.i + 1, i)):
        i += 1
    if i >= len(doc) - 1 or doc[i].text not in {'"', "“", "«"}:
        return None
    end = next((j for j in range(i + 1, min(len(doc), i + 60)) if doc[j].text in {'"', "”", "»"}), None)
    words = [t for t in doc[i + 1:end or i + 1] if t.head == token or t.head.i in range(i + 1, end or i)]
    if end is None or not any(t.is_alpha for t in words) or any(t.head.i not in range(i, end + 1)
                                                               and t.head != token for t in doc[i + 1:end]):
        return None
    source, head = find_source(token)
    return Candidate([token], set(doc[i:end + 1]), source, "verb:quoted", 0.8, head)


# Verbs whose quoted answer may stand alone after a colon
ANSWER_LEMMAS = {"say", "tell", "reply", "answer", "respond", "add", "insist", "declare", "retort"}


def according_to_candidate(token: Token) -> Candidate | None:
    """"according to X": the clause that the phrase modifies is the content."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = set(token.subtree)
    clause = _clause_root(token)
    if clause is None or clause in phrase:
        return None
    content = set(clause.subtree) - phrase
    if len([t for t in content if not t.is_punct]) < 2:
        return None
    return Candidate([token, to], content, sorted(pobj.subtree, key=lambda t: t.i), "according_to", 0.9)


def noun_candidate(token: Token) -> Candidate | None:
    """A noun cue with a "that" clause: "X's statement that Y", "the warning that Y"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES:
        return None
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp"} and _has_that(c, token)), None)
    if clause is None:  # "a warning that the dam could burst": parsed as a relative clause
        clause = next((c for c in token.children if c.dep_ == "relcl" and c.i > token.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    content = set(clause.subtree)
    source = None
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is not None:
        source = sorted(poss.subtree, key=lambda t: t.i)
        if source and source[-1].tag_ == "POS":
            source = source[:-1]
    else:
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            source = sorted(pobj.subtree, key=lambda t: t.i)
    return Candidate([token], content, source, "noun", 0.6)


NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART"}


def trailing_cue_candidate(sent) -> Candidate | None:
    """"Y, the material notes." / "Y, said Trump.": a content closed by a short
    source and a reporting verb at the end of the sentence. Works on the surface
    because the parser often takes the final "notes" or "says" for a noun."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < 5:
        return None
    last = words[-1]
    comma = _last_comma(sent)
    if comma is None:
        return None
    tail = [t for t in sent[comma.i - sent.start + 1:] if not (t.is_punct or t.is_space)]
    if not 2 <= len(tail) <= 7:
        return None
    if _reporting(last) and all(t.pos_ in NP_POS for t in tail[:-1]):
        cue, source = last, tail[:-1]
    elif _reporting(tail[0]) and all(t.pos_ in NP_POS for t in tail[1:]):
        cue, source = tail[0], tail[1:]
    else:
        return None
    content = {t for t in sent if t.i < comma.i}
    return Candidate([cue], content, source, "trailing", 0.6)


def _last_comma(sent) -> Token | None:
    for token in reversed(list(sent)):
        if token.text == ",":
            return token
    return None


def _reporting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.tag_ in {"VBZ", "VBD", "NNS", "VBP"} and cues.is_cue(lemma, cues.REVERSED)


def _preceding_clause(cue: Token, content: set[Token], source: list[Token]) -> set[Token]:
    """When the content comes first ("Y if Z, X said"), the cue's other
    dependents between the content and the source belong to the content: the
    parser often hangs a condition on the cue instead of on the content."""
    if not content or max(t.i for t in content) >= source[0].i:
        return set()
    start = min(t.i for t in content)
    doc = cue.doc
    in_cue_clause = set(cue.subtree)
    return {doc[i] for i in range(start, source[0].i) if doc[i] in in_cue_clause and i != cue.i}


def _content_for(token: Token, shape: str) -> set[Token]:
    if shape == cues.CLAUSE:
        content: set[Token] = set()
        for child in token.children:
            if child.dep_ == "ccomp":
                content |= set(child.subtree)
        return content
    if shape == cues.REVERSED:
        return set(token.head.subtree) - set(token.subtree)
    if shape == cues.INFINITIVE:
        xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None) or cues.gerund_after_particle(token)
        content = set(xcomp.subtree)
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
        if obj is not None:
            content |= set(obj.subtree)
        return _fill_gaps(content)
    if shape == cues.PREP:
        prep = cues.phrasal_prep(token)
        return set(prep.subtree) - {prep}
    if shape == cues.OBJECT:
        obj = next(c for c in token.children if c.dep_ == "dobj")
        if obj.tag_ in RELATIVE_TAGS:  # "the statement that he issued": no content of its own
            return set()
        return set(obj.subtree)
    if shape == cues.NAMING:
        obj = next(c for c in token.children if c.dep_ == "dobj")
        return _fill_gaps(set(obj.subtree) | set(cues.naming_predicate(token).subtree))
    return set()


def _cue_tokens(token: Token, shape: str) -> list[Token]:
    tokens = [token]
    phrasal = cues.PHRASAL.get(token.lemma_.lower(), set())
    for child in token.children:
        if child.dep_ == "prt" and child.lower_ in phrasal | {"out"}:
            tokens.append(child)
        elif shape == cues.PREP and child.i == cues.phrasal_prep(token).i:
            tokens.append(child)
    tokens.extend(c for c in token.children if c.dep_ == "neg")
    return sorted(set(tokens), key=lambda t: t.i)


# "X is said to have added that …": X added it, by hearsay (see :func:`find_source`)
def _hearsay(token: Token) -> list[Token]:
    """The words that make ``token`` hearsay, for its cue: "is said to have | added"; none
    for a verb not raised so."""
    head = token.head
    reported = reported_speech(head) if token.dep_ == "xcomp" else None
    if reported is None or reported.i != token.i:
        return []
    start = min([c.i for c in head.children if c.dep_ == "auxpass"] + [head.i])
    return list(token.doc[start:token.i])


def _passive_candidate(token: Token) -> Candidate | None:
    subject = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if subject is None or subject.pos_ == "PRON" or any(t.tag_ in RELATIVE_TAGS for t in subject.subtree):
        return None
    if reported_speech(token) is not None:
        return None  # "The crown prince is said to have added …": the adding is the statement
    content = set(subject.subtree)
    cue = [c for c in token.children if c.dep_ == "auxpass"] + _cue_tokens(token, cues.NONE)
    source = None
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            source = _without_relative_clauses(pobj)
    else:
        source = _place_source(token)
    if source:
        content -= set(source)
    return Candidate(sorted(cue, key=lambda t: t.i), content, source, "passive", 0.6)


def _without_relative_clauses(head: Token) -> list[Token]:
    """``head``'s phrase without its relative clauses ("the operator, which said ...")."""
    dropped = {t.i for c in head.subtree if c.dep_ == "relcl" for t in c.subtree}
    kept = [t for t in head.subtree if t.i not in dropped]
    return sorted(kept, key=lambda t: t.i)


def _place_source(token: Token) -> list[Token] | None:
    """"In a number of countries, including X, the plan was denied": the place
    phrase names who denied it."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            words = {t.lower_ for t in pobj.subtree}
            ents = {t.ent_type_ for t in pobj.subtree}
            if ents & COUNTRYISH or words & {"countries", "capitals", "governments", "states"}:
                return sorted(pobj.subtree, key=lambda t: t.i)
    return None


def _first_person_subject(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in token.children)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.children)


def _clause_root(token: Token) -> Token | None:
    head = token.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return head if head.i != token.i else None


def _has_that(clause: Token, noun: Token) -> bool:
    return any(t.lower_ == "that" and t.dep_ in {"mark", "nsubj"} and noun.i < t.i <= clause.i for t in clause.subtree) and clause.i > noun.i


def _fill_gaps(tokens: set[Token]) -> set[Token]:
    """Make an infinitive content continuous: "urged allies [not] to act"."""
    if not tokens:
        return tokens
    doc = next(iter(tokens)).doc
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    return {doc[i] for i in range(lo, hi + 1)}


def _confidence(lemma: str, shape: str) -> float:
    hits, seen = cues.learned_lexicon().get(f"{lemma}/{shape}", (0, 0))
    if seen >= cues.LEARNED_MIN_COUNT:
        return round(min(0.95, max(0.3, hits / seen)), 3)
    return 0.7 if shape in {cues.CLAUSE, cues.REVERSED} else 0.5
