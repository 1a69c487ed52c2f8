"""Conditions of statements: ``newsledger_conditions``.

Reads ``doc._.statements`` (filled by ``newsledger_attribution``) and, for each
conditional statement, sets ``statement.condition`` and ``statement.consequence``
(``newsledger.model.Condition``: the words and their character span in the text).
Ultimatums (*either/or*, *otherwise*) are found by ``conditions_ultimatums``.

What is extracted
-----------------
- Subordinate conditions: *if*, *only if*, *unless*, *provided/providing that*,
  *as long as*, *so long as*, *on (the) condition that*, *in case (of)*,
  *in the event that/of*, *assuming that*, and the inverted conditional
  ("Should NATO troops enter Ukraine, ...").
- Ultimatums: clausal *either ... or* ("Either Russia withdraws or we impose
  sanctions") and the appositive form after a colon ("a red line with NATO:
  either Ukraine or the United States"); *otherwise* / *or else* clauses.
- The condition may sit inside the content ("If the allies send troops into
  Ukraine, we must completely withdraw from NATO") or in the cue's own clause,
  outside the content ("Putin warned of tragic consequences if NATO troops were
  sent to Ukraine": condition outside, consequence = the content "tragic consequences").

Text conventions (decided here, relied on by ``newsledger_acts``)
------------------------------------------------------------------
- Positive conditions are stored WITHOUT their subordinator: condition
  "the allies send troops into Ukraine", consequence "we must completely
  withdraw from NATO". The subordinator is kept in ``extra["condition_marker"]``.
- Negative forms keep their marker in the text, because the export carries only
  ``{"text", "span"}`` and "they withdraw" alone would read as the opposite of
  "unless they withdraw": condition "unless they withdraw"; for *either/or* the
  condition is "either A" and the consequence "or B"; for *otherwise* the
  condition is the demand before it and the consequence starts at "otherwise".
  ``extra["condition_negative"]`` is True for these three.
- Elliptic conditions keep the words that are there: "if necessary" gives the
  condition "necessary" with ``extra["condition_elliptic"] = True``.
- ``extra["condition_kind"]``: if, unless, provided, as_long_as, on_condition,
  in_case, assuming, inverted, either_or, otherwise, implied ("Any attack on … will …", "would respond
  … to any aggression"), not_allow ("would never allow Iran to obtain a nuclear weapon"; see
  ``conditions_deterrents``),
  the_moment ("The moment their forces cross the border, they will be met with …"), as_soon_as,
  only_once, not_until, until (see below).

What is not extracted
---------------------
- Indirect questions: "asked if he would run", "wondered whether ..." (an *if*
  clause in a complement position, or after a question verb).
- Concessives and hedges: *even if*, *as if*, *what if*, *if any*, *if ever*,
  *if anything*, *if at all*, *if not* + adjective ("hard, if not impossible").
- Conditions buried below the content's main clause (in a relative clause, a
  noun's complement): "Politico learned that France was creating a coalition that
  would be ready to send troops if necessary" is not a conditional statement; such
  conditions are listed in ``extra["embedded_conditions"]`` instead.
- Temporal clauses (*when*, *once*, *after*, *until*): they date, they do not condition; but
  "the moment (that) …" opening a clause is read as a condition (kind ``the_moment``): it says
  what will follow an act at once, as a deterrent does; and so is a time the main clause
  waits for (kind ``only_once``: "will only agree to a ceasefire once Ukraine withdraws",
  "only when …"; kind ``not_until``: "will not resume talks until the ships leave"; kind
  ``until``: what is kept up until the other side acts, "will maintain the sanctions until Cuba
  releases political prisoners").

Without a dependency parse a regex fallback (``conditions_text``) looks for the same
subordinators in the content and takes the clause up to the next comma as the condition.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements)
from newsledger.model import Condition, Statement
from newsledger.nlp.conditions_deterrents import any_hostile_act, not_allowed
from newsledger.nlp.conditions_ultimatums import (bare_proviso, either_or, inverted,
                                                  main_clause_root, make_condition, moment_clause, or_face,
                                                  otherwise, precondition)
from newsledger.nlp.conditions_text import KIND, NEGATIVE, SUB_RE, regex_conditions
from newsledger.nlp.spans import PerStatement, doc_text, tokens_in

CONDITION_MARKS = frozenset({"if", "unless"})  # the words that open a condition clause, as the parser marks it
_AS_SOON_AS_HEDGES = {"possible", "practicable", "feasible", "practical"}
# "if any", "if ever": hedges, not conditions.
_HEDGE_AFTER_IF = {"any", "ever", "anything", "at", "only"}
# Complement positions: an "if" clause there is an indirect question ("asked if ...").
_COMPLEMENT_DEPS = {"ccomp", "csubj", "csubjpass", "dobj", "nsubj", "nsubjpass", "pobj", "attr"}
_QUESTION_LEMMAS = {
    "ask", "wonder", "know", "see", "check", "doubt", "question", "inquire", "enquire",
    "decide", "determine", "clarify", "unclear", "sure", "unsure", "uncertain", "clear",
}
_SENT_KEY = "newsledger.sentence_starts"


@Language.factory(
    "newsledger_conditions",
    requires=["doc._.statements", "token.dep", "token.head"],
    assigns=["doc._.statements"],
)
def make_conditions(nlp: Language, name: str) -> "ConditionsComponent":
    return ConditionsComponent()


class ConditionsComponent(PerStatement):
    """Fill ``condition``/``consequence`` of every statement in ``doc._.statements``."""

    @staticmethod
    def mark(doc: Doc, statement: Statement) -> None:
        mark_condition(doc, statement)


def mark_condition(doc: Doc, statement: Statement) -> None:
    """Find the statement's condition (parse first, regex without a parse) and set it."""
    if not statement.content_spans:
        return
    if not doc.has_annotation("DEP"):
        found = regex_conditions(doc_text(doc), statement)
        embedded: list[dict] = []
    else:
        found, embedded = _parsed_conditions(doc, statement)
    if embedded:
        statement.extra["embedded_conditions"] = embedded
    if not found:
        return
    # Subordinate conditions first (they are explicit), then by position.
    found.sort(key=lambda f: (f["kind"] in ("either_or", "otherwise", "implied"), f["condition"].span[0]))
    best = found[0]
    statement.condition = _without_writers_tail(best["condition"])
    statement.consequence = best["consequence"]
    statement.extra["condition_kind"] = best["kind"]
    statement.extra["condition_marker"] = best["marker"]
    statement.extra["condition_negative"] = best["kind"] in NEGATIVE
    statement.extra["condition_elliptic"] = best.get("elliptic", False)
    if len(found) > 1:
        statement.extra["conditions"] = [_as_record(f) for f in found]


# ", escalating a row …", ", raising the prospect of …": the writer's participle after a condition
_WRITERS_TAIL = re.compile(r",\s+(?:[a-z]+ing)\b(?![^,]*\b(?:if|unless)\b)")


def _without_writers_tail(condition: Condition) -> Condition:
    """The condition without a participle the writer adds after it ("unless the government makes
    an improved pay offer by the end of the month|, raising the prospect of further disruption")."""
    tail = _WRITERS_TAIL.search(condition.text)
    if tail is None or tail.start() < 8:
        return condition
    start = condition.span[0]
    return Condition(condition.text[:tail.start()], (start, start + tail.start()))


# --- the parse-based path -------------------------------------------------------------


def _parsed_conditions(doc: Doc, st: Statement) -> tuple[list[dict], list[dict]]:
    cue = set(tokens_in(doc, [st.cue_span]))
    content = set(tokens_in(doc, st.content_spans))
    if not content:
        return [], []
    region = _region(doc, cue | content)
    found: list[dict] = []
    embedded: list[dict] = []
    for cand in _candidates(doc, region):
        head, tokens = cand["head"], cand["tokens"]
        governor = _governor(head, tokens | cand["marker_tokens"])
        if governor is None:
            continue
        if governor in content and head in content and not tokens <= content:
            # the parser hung the source after the content on the condition ("unless Israel
            # commits to …, a senior official of the group said", the cue even: "unless the
            # Philippines stops sending boats to the Shoal, a spokesman said" with "said" a
            # relative clause of "Shoal"): the condition ends with the content
            tokens = tokens & content
            shown = tokens | cand["marker_tokens"] if cand["kind"] in NEGATIVE else tokens  # "unless" stays
            cand = dict(cand, tokens=tokens, condition=make_condition(doc, sorted(shown, key=lambda t: t.i))
                        or cand["condition"])
        if tokens & cue:
            continue
        inside = _within(cand["condition"].span, st.content_spans)
        if governor not in content and governor.dep_ == "ccomp" and governor.head in cue:
            # The if-clause the parser took for the cue's complement: the whole complement
            # is the condition ("if ships ... were found to have damaged the cable").
            start, end = cand["condition"].span[0], governor.right_edge.idx + len(governor.right_edge)
            cand = dict(cand, condition=Condition(doc_text(doc)[start:end], (start, end)))
            governor = governor.head
        if governor in cue:
            scope = "statement"
        elif governor in content:
            scope = "statement" if main_clause_root(governor, content) else "embedded"
        else:
            continue  # belongs to some other clause of the sentence
        if not inside and (governor not in cue or _semicolon_between(doc, tokens, cue)):
            continue  # "Hamas says no deal unless Israel ends war; Netanyahu vows to press on"
        cons = _consequence(doc, st, governor, content, tokens | cand["marker_tokens"], inside)
        if cons is None:
            continue
        item = dict(cand, condition=cand["condition"], consequence=cons)
        if scope == "statement":
            found.append(item)
        else:
            embedded.append(_as_record(item))
    found.extend([*either_or(doc, content), *otherwise(doc, content), *or_face(doc, content),
                  *any_hostile_act(doc, content), *not_allowed(doc, content)])
    return found, embedded


def _semicolon_between(doc: Doc, tokens: set[Token], cue: set[Token]) -> bool:
    """True when a semicolon stands between the condition's words and the cue: the parser
    hung the condition of one clause on the verb of the next."""
    first, last = sorted((min(t.i for t in tokens), min(t.i for t in cue)))
    return any(t.text == ";" for t in doc[first:last])


def _candidates(doc: Doc, region: list[Token]) -> Iterable[dict]:
    """Condition clauses in the region: subordinators found by regex, checked on the parse."""
    if not region:
        return
    start, end = region[0].idx, region[-1].idx + len(region[-1])
    for m in SUB_RE.finditer(doc_text(doc), start, end):
        marker = " ".join(m.group(1).lower().split())
        kind = KIND.get(marker)
        marker_tokens = set(tokens_in(doc, [(m.start(), m.end())]))
        after = [t for t in region if t.idx >= m.end()]
        if kind is None or not marker_tokens or not after \
                or kind == "the_moment" and not moment_clause(marker_tokens):  # not "at the moment"
            continue
        first = after[0]
        if marker.endswith("if") and _is_hedge(first) or kind == "as_soon_as" and first.lower_ in _AS_SOON_AS_HEDGES:
            continue  # "if any", "as soon as possible"
        if kind == "as_soon_as" and not _has_subject(_clause_head(first, marker_tokens)):
            continue  # "a cut as soon as March": a time, no clause
        if marker.endswith(" of"):  # "in case of war": a noun phrase condition
            head = first
            while head.head.idx >= m.end() and head.head.i != head.i and head.head in region:
                head = head.head
        elif marker in ("provided", "providing"):  # "provided that" is a subordinator; bare, maybe the verb
            head = bare_proviso(min(marker_tokens, key=lambda t: t.i))
            if head is None:
                continue
        else:
            head = _clause_head(first, marker_tokens)
        if marker == "if" and _is_indirect_question(head, marker_tokens):  # never "only if"
            continue
        if kind in ("only_once", "not_until") and (head.i < min(t.i for t in marker_tokens) or _a_time(doc, head)):
            continue  # "cut rates only once this year", "until next year": a time, no clause
        if marker in ("once", "until"):
            kind = precondition(head, marker)
            if kind is None:
                continue
        tokens = {t for t in head.subtree if t.idx >= m.end()}
        if marker in ("provided", "providing"):  # the parser may hang the subject on "provided"
            tokens |= {t for t in after if t.i < head.i}
        # "unless" stays in the text: "they withdraw" alone would say the opposite.
        shown = tokens | marker_tokens if kind in NEGATIVE else tokens
        cond = make_condition(doc, sorted(shown, key=lambda t: t.i))
        if cond is None:
            continue
        yield {"kind": kind, "marker": doc_text(doc)[m.start():m.end()], "head": head,
               "tokens": tokens, "marker_tokens": marker_tokens, "condition": cond,
               "elliptic": not _has_subject(head)}
    yield from inverted(doc, region)


def _clause_head(first: Token, marker_tokens: set[Token]) -> Token:
    """Climb from the first word after the subordinator to the head of its clause."""
    tok = first
    clause_deps = {"advcl", "ccomp", "acl", "pcomp", "ROOT", "conj", "xcomp", "csubj", "relcl"}
    while tok.dep_ not in clause_deps and tok.head.i != tok.i and tok.head not in marker_tokens:
        tok = tok.head
    return tok


def _governor(head: Token, skip: set[Token]) -> Token | None:
    """The word the condition clause modifies, stepping over the subordinator's own words."""
    gov = head.head
    while gov in skip and gov.head.i != gov.i:
        gov = gov.head
    if gov.i == head.i or gov in skip:
        return None
    return _out_of_purpose(_out_of_final_relative(gov, head), head)


def _out_of_purpose(gov: Token, head: Token) -> Token:
    """"will not agree to any deal to free the hostages unless Israel commits to …": the parser
    hangs a clause-final condition on an infinitive of purpose; the refusal is conditioned."""
    lifted = gov
    while lifted.tag_ == "VB" and lifted.dep_ in ("advcl", "acl") and head.i > lifted.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in lifted.children):
        lifted = lifted.head
        while lifted.pos_ not in ("VERB", "AUX") and lifted.head.i != lifted.i:
            lifted = lifted.head
    return lifted if lifted.pos_ in ("VERB", "AUX") else gov


def _out_of_final_relative(gov: Token, head: Token) -> Token:
    """"board tankers that cross its waters if a cable is damaged": the parser hangs a
    clause-final condition on the relative clause; news prose means the main verb."""
    if gov.dep_ != "relcl" or head.i < gov.i or head.right_edge.i < gov.right_edge.i:
        return gov
    verb = gov.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else gov


def _is_hedge(first: Token) -> bool:
    if first.lower_ in _HEDGE_AFTER_IF:
        return True
    # "hard, if not impossible": "if not" + adjective is a hedge, "if not, ..." a condition.
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return first.lower_ == "not" and nxt is not None and nxt.pos_ in ("ADJ", "ADV")


def _is_indirect_question(head: Token, marker_tokens: set[Token]) -> bool:
    """"asked if he would run": the if-clause is the object of a verb, not an adverbial."""
    if head.dep_ == "advcl":
        return head.head.lemma_.lower() in _QUESTION_LEMMAS and head.i > head.head.i
    return head.dep_ in _COMPLEMENT_DEPS or head.head.lemma_.lower() in _QUESTION_LEMMAS


def _a_time(doc: Doc, head: Token) -> bool:
    """The clause after "once"/"until" is only a time expression ("until next year"), not an
    event ("until a full withdrawal")."""
    return not _has_subject(head) and head.pos_ != "VERB" and any(
        a <= head.idx < b for a, b in (t.span for t in doc._.timexes or ()))


def _has_subject(head: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children)


def _consequence(doc: Doc, st: Statement, gov: Token, content: set[Token],
                 cond_tokens: set[Token], inside: bool) -> Condition | None:
    """The main clause the condition governs, without the condition itself."""
    if not inside:
        # The condition hangs on the cue: the whole content (nearest span) is the consequence.
        pivot = min(cond_tokens, key=lambda t: t.i).idx
        s, e = min(st.content_spans, key=lambda sp: min(abs(sp[0] - pivot), abs(sp[1] - pivot)))
        return make_condition(doc, list(doc.char_span(s, e, alignment_mode="expand") or []))
    if gov in content:
        # a coordinated clause with its own subject is its own consequence ("that Hezbollah is
        # playing with fire and that Israel would act with full force unless …")
        own_clause = gov.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children)
        roots = [gov if own_clause else main_clause_root(gov, content) or gov]
    else:  # attached to the cue by the parser: the content roots of the same sentence
        sent = min(cond_tokens, key=lambda t: t.i).sent
        roots = [t for t in content if t.sent == sent and (t.head not in content or t.head.i == t.i)
                 and not t.is_punct and t not in cond_tokens]
    tokens = {t for r in roots for t in r.subtree} & content
    tokens -= cond_tokens | {c for r in roots for c in r.children if c.dep_ == "mark" and c.lower_ == "that"}
    for t in cond_tokens:  # drop what hangs on the subordinator and the commas around it
        if t.head not in cond_tokens or t.head.i == t.i:  # subtrees of the topmost only
            tokens -= set(t.subtree)
    first, last = min(t.i for t in cond_tokens), max(t.i for t in cond_tokens)
    if any(t.i < first for t in tokens) and any(t.i > last for t in tokens):
        # one span cannot skip the condition: keep the side of the main verb ("it will respond
        # 'without limits' | if Israel expands …, | as diplomatic efforts … intensify")
        tokens = {t for t in tokens if (t.i < first) == (gov.i < first)}
    return make_condition(doc, sorted(tokens, key=lambda t: t.i))


# --- small helpers ----------------------------------------------------------------------------


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _region(doc: Doc, tokens: set[Token]) -> list[Token]:
    """All tokens of the sentences from the first to the last of ``tokens``."""
    starts = doc.user_data.get(_SENT_KEY)
    if starts is None:  # sentence starts, found once per Doc
        starts = doc.user_data[_SENT_KEY] = [s.start for s in doc.sents] + [len(doc)]
    first = bisect.bisect_right(starts, min(t.i for t in tokens)) - 1
    last = bisect.bisect_right(starts, max(t.i for t in tokens))
    return list(doc[starts[first]:starts[min(last, len(starts) - 1)]])


def _as_record(item: dict) -> dict:
    return {
        "kind": item["kind"],
        "marker": item["marker"],
        "condition": item["condition"].record(),
        "consequence": item["consequence"].record() if item.get("consequence") else None,
    }
