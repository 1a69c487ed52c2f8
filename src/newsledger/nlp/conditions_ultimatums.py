"""Ultimatums and the shared pieces of ``newsledger.nlp.conditions``.

- *either ... or*: clausal ("Either Russia withdraws or we impose sanctions") and the
  appositive form after a colon ("a red line with NATO: either Ukraine or the United
  States"): condition "either A", consequence "or B" (B happens if A is not met). A
  noun phrase used as an argument ("either France or Germany will host the talks") is
  not an ultimatum.
- *otherwise* / *or else* after a break (comma, semicolon, dash) and before a clause
  with its own subject: the demand before it is the condition, the clause from
  "otherwise" on the consequence.

- the inverted conditional ("Should NATO troops enter Ukraine, …", "Were NATO to send troops,
  …"), and "the moment" opening a clause ("The moment their forces cross the border, they
  will be met with …"): conditions with no subordinator for the regex to find.

All work on the dependency parse and only inside the content's main clause.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsledger.model import Condition
from newsledger.nlp.spans import doc_text

# Dependencies through which a governor still belongs to the content's main clause.
_MAIN_CLAUSE_DEPS = {"xcomp", "acomp", "conj", "oprd", "aux", "auxpass"}
_TRIM_WORDS = {"then"}


def either_or(doc: Doc, content: set[Token]) -> list[dict]:
    """"Either A or B": condition "either A", consequence "or B" (B if A is not met)."""
    out = []
    for either in (t for t in content if t.lower_ == "either" and t.dep_ in ("preconj", "advmod", "cc")):
        first = either.head
        conj = next((c for c in first.children if c.dep_ == "conj" and c in content), None)
        cc = next((c for c in first.children if c.dep_ == "cc" and c.lower_ in ("or",)), None)
        if conj is None or cc is None:
            continue
        clausal = first.pos_ in ("VERB", "AUX") and conj.pos_ in ("VERB", "AUX")
        # A noun-phrase ultimatum stands apart ("a red line: either Ukraine or the US"), it is
        # not an argument ("either France or Germany will host the talks").
        appositive = first.dep_ in ("appos", "ROOT", "dep", "npadvmod", "parataxis") and \
            first.i > 0 and doc[either.i - 1].text in (":", "—", "–", "-")
        if not (clausal or appositive):
            continue
        if clausal and main_clause_root(first, content) is None:
            continue
        left = {t for t in first.subtree if t.i < cc.i and t not in conj.subtree}
        right = {t for t in conj.subtree} | {cc}
        cond = make_condition(doc, sorted(left, key=lambda t: t.i))
        cons = make_condition(doc, sorted(right, key=lambda t: t.i))
        if cond and cons:
            out.append({"kind": "either_or", "marker": "either ... or", "condition": cond,
                        "consequence": cons, "elliptic": not clausal})
    return out


def otherwise(doc: Doc, content: set[Token]) -> list[dict]:
    """"Withdraw your troops, otherwise we will act": the demand, then what follows if unmet."""
    out = []
    for tok in sorted(content, key=lambda t: t.i):
        if tok.lower_ not in ("otherwise", "else") or tok.i == 0:
            continue
        if tok.lower_ == "else" and doc[tok.i - 1].lower_ != "or":
            continue
        start = tok.i - 1 if tok.lower_ == "else" else tok.i
        prev = doc[start - 1] if start > 0 else None
        clause = tok.head
        # Only a sentence connector: after a break, and followed by a clause with a subject.
        if prev is None or prev.text not in (",", ";", "—", "–", "-", "or", "and", ":"):
            continue
        if not any(c.dep_.startswith("nsubj") and c.i > tok.i for c in clause.children):
            continue
        sent_tokens = [t for t in tok.sent if t in content]
        before = [t for t in sent_tokens if t.i < start]
        after = [t for t in sent_tokens if start <= t.i <= clause.right_edge.i]
        cond, cons = make_condition(doc, before), make_condition(doc, after)
        if cond and cons:
            out.append({"kind": "otherwise", "marker": doc[start:tok.i + 1].text,
                        "condition": cond, "consequence": cons, "elliptic": False})
    return out


_OR_SUFFER = {"face", "risk", "suffer", "bear", "pay"}


def or_face(doc: Doc, content: set[Token]) -> list[dict]:
    """"Taipei must stop its provocations or face the consequences": a demand and, coordinated
    with "or", what its target will face if it is unmet (kind ``otherwise``)."""
    out = []
    for tok in sorted(content, key=lambda t: t.i):
        head = tok.head
        if tok.dep_ != "conj" or tok.lemma_.lower() not in _OR_SUFFER or head not in content \
                or not any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children) \
                or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in head.children):
            continue
        cc = next(c for c in head.children if c.dep_ == "cc" and c.lower_ == "or")
        demand = [t for t in head.subtree if t in content and t.i < cc.i]
        cond, cons = make_condition(doc, demand), make_condition(doc, [t for t in tok.subtree if t in content])
        if cond and cons:
            out.append({"kind": "otherwise", "marker": "or", "condition": cond, "consequence": cons,
                        "elliptic": False})
    return out


def main_clause_root(gov: Token, content: set[Token]) -> Token | None:
    """The content root above ``gov`` if only main-clause links lie between, else None."""
    tok = gov
    while tok.head in content and tok.head.i != tok.i:
        if tok.dep_ not in _MAIN_CLAUSE_DEPS:
            return None
        tok = tok.head
    return tok


def make_condition(doc: Doc, tokens: list[Token]) -> Condition | None:
    """A Condition over ``tokens`` (sorted), trimmed of edge punctuation and a leading "then"."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in _TRIM_WORDS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Condition(doc_text(doc)[start:end], (start, end))


def inverted(doc: Doc, region: list[Token]) -> Iterable[dict]:
    """"Should NATO troops enter Ukraine, ...": an auxiliary opening an adverbial clause."""
    for tok in region:
        head = tok.head
        # The parser often files the clause as a complement ("said that should ..."); the
        # auxiliary before its subject is what marks the inversion.
        if (tok.lower_ in ("should", "were", "had") and tok.dep_ in ("aux", "auxpass")
                and head.dep_ in ("advcl", "ccomp")
                and all(t.dep_ == "mark" or t.is_space or t.is_quote  # a blanked header, a quotation's opening
                        for t in doc[head.left_edge.i:tok.i])
                and any(c.dep_.startswith("nsubj") and c.i > tok.i for c in head.children)):
            yield from inverted_clause(doc, tok, head)
        elif (tok.lower_ == "were" and tok.dep_ == "advcl" and all(t.is_punct or t.is_space for t in doc[tok.left_edge.i:tok.i])
              and any(c.dep_ in ("nsubj", "attr") and c.i > tok.i for c in tok.children)):
            # "Were NATO to send troops, …": "were" heads its clause (its subject is often
            # parsed as an attribute: "Were Ukraine to strike …")
            yield from inverted_clause(doc, tok, tok)


def inverted_clause(doc: Doc, marker: Token, head: Token) -> Iterable[dict]:
    tokens = {t for t in head.subtree if t.i > marker.i}
    cond = make_condition(doc, sorted(tokens, key=lambda t: t.i))
    if cond:
        yield {"kind": "inverted", "marker": marker.text, "head": head, "tokens": tokens,
               "marker_tokens": {marker}, "condition": cond, "elliptic": False}


def moment_clause(marker_tokens: set[Token]) -> bool:
    """"The moment North Korean forces cross the border, they will be met …": the noun opens a
    clause as an adverb of time (not "at the moment", "the moment of truth")."""
    return any(t.lower_ in ("moment", "minute", "instant") and (t.dep_ == "npadvmod" or t.dep_ == "dobj" and any(
        c.dep_ == "ccomp" and c.i > t.right_edge.i for c in t.head.children))  # "said the moment …, NATO would"
        for t in marker_tokens)


def precondition(head: Token, marker: str) -> str | None:
    """The kind of a temporal clause that conditions its main clause, else None: the main verb is
    limited by "only" ("will only agree … once": ``only_once``), negated before "until" ("will not
    resume talks until …": ``not_until``), or a verb of keeping something up ("will maintain the
    sanctions until Cuba releases political prisoners": ``until``)."""
    gov = head.head
    if marker == "once":
        return "only_once" if any(c.lower_ == "only" for c in gov.children) else None
    if any(c.dep_ == "neg" for c in gov.children):
        return "not_until"
    return "until" if gov.lemma_.lower() in _PERSISTING else None


_PERSISTING = {"maintain", "keep", "continue", "remain", "stay", "retain", "extend", "persist"}


_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}


def bare_proviso(marker: Token) -> Token | None:
    """"…, provided there are no new attacks": a bare "provided" that opens a clause, a
    subject then a finite verb; returns the clause's verb. None for the verb itself ("it
    provided missiles", "was provided", "the weapons provided by the US")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in marker.children) \
            or marker.i > 0 and marker.nbor(-1).pos_ == "AUX":
        return None
    doc = marker.doc
    i = marker.i + 1
    while i < len(doc) and i - marker.i <= 6 and doc[i].pos_ in _PHRASE and doc[i].tag_ not in _FINITE:
        i += 1
    if i == marker.i + 1 or i >= len(doc) or doc[i].tag_ not in _FINITE:
        return None
    verb = doc[i]
    return verb.head if verb.dep_ in ("aux", "auxpass") else verb
