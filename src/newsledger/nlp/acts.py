"""Speech acts of statements: ``newsledger_acts``.

Reads ``doc._.statements`` and sets ``statement.act`` (one of ``model.ACTS``),
``statement.extra["cameo"]`` (CAMEO root code), ``statement.extra["plover"]``
(PLOVER event type or None) and ``statement.extra["act_basis"]`` (why, for evidence).

**Order**: runs AFTER ``newsledger_conditions`` and ``newsledger_negation``; it reads
``statement.condition``/``consequence`` and ``statement.negated``. spaCy's
``requires``/``assigns`` cannot name those fields (they live inside
``doc._.statements``), so the component warns once if it finds either of them
later in the pipeline.

Decision, first rule that applies wins
--------------------------------------
1. question: cue *ask, wonder, inquire* (not "asked NATO to send": that is a
   demand), or a content ending in "?".
   A cue that refuses to speak ("declined to say whether …", "refused to comment on …")
   is a claim: what follows was neither promised nor denied.
2. denial: a cue of denial (*deny, rule out, reject, dismiss, refute* ...) with a
   negated statement. "did not rule out" is not a denial; it falls through.
3. threat: cue *threaten*, or a conditional statement whose consequence is an
   action of the speaker's side (or a hostile act no one is named to do: "If they don't make a
   deal, there will be bombing"; or what the speaker's side will not allow another: "Israel would
   never allow Iran to obtain a nuclear weapon") (first person, or the speaker's own country or
   organisation, as the text or the knowledge base's people file gives it) taken
   when another party meets the condition: "If the allies
   send troops into Ukraine, we must completely withdraw from NATO" (Lee);
   "The United States must withdraw from NATO if the alliance sends troops to
   Ukraine" said by a US senator. Cooperative consequences (*support, help,
   negotiate* ...) are not threats.
4. the cue's own act: *warn* -> warning, *urge, demand, call on/for* -> demand,
   *promise, pledge, vow*, *agree to* -> commitment, *propose, suggest* -> proposal (but "suggested
   that Webb was cooperating", a clause with its tense, insinuates: decided on the content),
   *predict, expect, forecast* -> prediction, *learn, report* -> report,
   *believe, think, consider* -> opinion.
5. warning: a conditional statement whose consequence is harm not done by the
   speaker ("tragic consequences if NATO troops were sent"), or a response said with
   resolve ("the military will respond firmly", "resolute measures"), or what its subject
   would undergo ("Belgium could face lawsuits if …", "the town will be destroyed"), unless
   the consequence offers something ("remains open to a settlement of the conflict, provided
   that …"); unconditionally, a content that says a response or a cost is coming ("will not go
   unanswered", "will not go unpunished", "will pay a heavy price", "will be held accountable",
   "will take resolute measures", "Ukraine will face a serious funding gap").
6. report: a media speaker ("Politico", "the material notes") with a neutral cue.
7. the content's modality, for neutral cues (*said, stated, emphasized*):
   *must, should, ought to, have to, need to* -> demand ("the Alliance should not
   even consider Ukraine's candidacy"); *will, shall, would, going to* -> commitment
   when the speaker's side acts, a denial when it negates its own action ("we will
   not send troops"), else prediction; the speaker's side *ready, prepared, willing* to act
   is a commitment too ("Manila was ready to hold talks").
8. denial: a negated content with a neutral cue ("stated that there are no such plans"),
   unless it holds back an expectation or belief ("did not expect a breakthrough":
   prediction; "does not think": opinion) or says what another named party does not do
   ("Russia has not abandoned its goal", said by Kyiv: claim).
9. claim.

CAMEO and PLOVER
----------------
=========== ======================================= ==========================
act         CAMEO root                              PLOVER
=========== ======================================= ==========================
claim       01 make public statement                None (PLOVER drops 01/02)
opinion     01 make public statement                None
prediction  01 make public statement                None
report      01 make public statement                None
question    01 make public statement                None
warning     13 threaten (130: forceful warnings);   THREATEN; None when
            01 (012 pessimistic comment) when       downgraded
            unconditional
threat      13 threaten                             THREATEN
denial      12 reject                               REJECT
demand      10 demand                               REQUEST
commitment  03 express intent to cooperate          AGREE
proposal    02 appeal (020 covers proposals,        REQUEST
            suggestions)
=========== ======================================= ==========================

Not decided here: the target of the act, sarcasm and rhetorical questions, and
acts implied by context beyond the sentence (a "claim" answering an accusation).
"""

from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.tokens import Doc, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements)
from newsledger.model import ACTS, Statement
from newsledger.nlp.rule_sources import RAISING
from newsledger.nlp.act_formulas import (DEMAND_VERBS, DEONTIC, appeal_named, called_false, cost_to_come,
                                         first_person_appeal, first_person_pledge, harmful, legitimate_target,
                                         punishment_to_come, response_coming, told_to_brace, unanswered)
from newsledger.nlp.act_modality import modality_act
from newsledger.nlp.act_sides import is_media, is_side, own_country_known, root_of, speaker_side, subject_of
from newsledger.nlp.act_threats import accepts, conditional_threat, suffers
from newsledger.nlp.spans import tokens_in

CAMEO: dict[str, str] = {
    "claim": "01", "opinion": "01", "prediction": "01", "report": "01", "question": "01",
    "warning": "13", "threat": "13", "denial": "12", "demand": "10", "commitment": "03",
    "proposal": "02",
}
PLOVER: dict[str, str | None] = {
    "claim": None, "opinion": None, "prediction": None, "report": None, "question": None,
    "warning": "THREATEN", "threat": "THREATEN", "denial": "REJECT", "demand": "REQUEST",
    "commitment": "AGREE", "proposal": "REQUEST",
}
assert set(CAMEO) == set(PLOVER) == set(ACTS)

CUE_ACTS: dict[str, set[str]] = {
    "threat": {"threaten"},
    "warning": {"warn", "caution", "alert"},
    "denial": {"deny", "reject", "dismiss", "refute", "rebut", "exclude", "disavow",
               "repudiate", "debunk", "disprove", "dispute"},
    "demand": set(DEMAND_VERBS),
    "commitment": {"promise", "pledge", "vow", "commit", "guarantee", "swear", "assure"},
    "proposal": {"propose", "suggest", "offer", "recommend"},
    "prediction": {"predict", "expect", "forecast", "anticipate", "foresee"},
    "report": {"learn", "report"},
    "question": {"ask", "wonder", "inquire", "enquire"},
    "opinion": {"believe", "think", "consider", "feel", "reckon", "suppose", "opine"},
}
_PHRASAL_ACTS = {("rule", "out"): "denial", ("call", "on"): "demand", ("call", "for"): "demand",
                 ("call", "upon"): "demand", ("brush", "aside"): "denial"}




@Language.factory(
    "newsledger_acts",
    requires=["doc._.statements", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.statements"],
)
def make_acts(nlp: Language, name: str) -> "ActsComponent":
    return ActsComponent(nlp, name)


class ActsComponent:
    """Set ``act`` and its CAMEO/PLOVER codes on every statement of ``doc._.statements``."""

    def __init__(self, nlp: Language | None = None, name: str = "newsledger_acts"):
        self.nlp, self.name, self._checked = nlp, name, False

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked:
            self._check_order()
        for statement in doc._.statements or []:
            mark_act(doc, statement)
        return doc

    def _check_order(self) -> None:
        """Warn when conditions or negation run after us: we would read empty fields."""
        self._checked = True
        if self.nlp is None or self.name not in self.nlp.pipe_names:
            return
        names = self.nlp.pipe_names
        mine = names.index(self.name)
        for later in names[mine + 1:]:
            factory = self.nlp.get_pipe_meta(later).factory
            if factory in ("newsledger_conditions", "newsledger_negation"):
                warnings.warn(f"{factory} runs after {self.name}; add it before, acts reads its output")


def mark_act(doc: Doc, st: Statement) -> None:
    act, basis = decide_act(doc, st)
    st.act = act
    st.extra["act_basis"] = basis
    st.extra["cameo"], st.extra["plover"] = codes(act, st)


def codes(act: str, st: Statement) -> tuple[str, str | None]:
    """CAMEO root and PLOVER type; an unconditional warning is only a pessimistic comment."""
    if act == "warning" and st.condition is None:
        return "01", None
    return CAMEO[act], PLOVER[act]


def decide_act(doc: Doc, st: Statement) -> tuple[str, str]:
    cue = tokens_in(doc, [st.cue_span])
    cue_act, cue_word = _cue_act(cue)
    content = tokens_in(doc, st.content_spans)
    if cue_act == "question" or st.content.rstrip(" ”\"'’»").endswith("?"):
        return "question", f"cue:{cue_word}" if cue_act else "content:?"
    if _declines_to_say(cue) or _left_open(cue, content):  # "declined to say whether she would plead …"
        return "claim", "cue:declined to say"
    if cue_act == "denial":
        if st.negated:
            return "denial", f"cue:{cue_word}"
        cue_act = None  # "did not rule out": the option stays open, decide on the content
    if called_false(cue, content):  # "Peskov called the report 'a typical fake'"
        return "denial", "content:called false"
    side = speaker_side(doc, st, cue)
    if cue_act == "threat" or conditional_threat(doc, st, side):
        return "threat", f"cue:{cue_word}" if cue_act == "threat" else "condition:speaker-action"
    if cue_act:
        return cue_act, f"cue:{cue_word}"
    if told_to_brace(content):  # "they should expect a response, including a nuclear one"
        return "warning", "content:told to expect"
    if first_person_appeal(content):  # "We urge the U.S. side to correct its wrong practices"
        return "demand", "content:appeal"
    if first_person_pledge(content):  # "I want to assure Kenyans that by the end of this month …"
        return "commitment", "content:pledge"
    if appeal_named(content):  # "repeated his call for an immediate ceasefire"
        return "demand", "content:appeal named"
    if st.condition is not None and (harmful(doc, st.consequence) or suffers(doc, st.consequence)) \
            and not _deontic(doc, st.consequence) and not accepts(doc, st.consequence):
        # not "If Sweden wants to join NATO, it must first take the necessary steps", nor "he could
        # accept a civilian nuclear program if it were placed under inspection"
        return "warning", "condition:harm"
    if unanswered(content):  # "Russia's provocations will not go unanswered": a response is coming
        return "warning", "content:not unanswered"
    if punishment_to_come(content):  # "The Zionist regime has made a grave mistake and will pay a heavy price"
        return "warning", "content:punishment to come"
    if cost_to_come(content):  # "Without this decision, Ukraine will face a serious funding gap"
        return "warning", "content:cost to come"
    if response_coming(content):  # "China … will take resolute measures to safeguard its legitimate rights"
        return "warning", "content:response coming"
    if legitimate_target(content):  # "Any American or British ship will be a legitimate target"
        return "threat", "content:legitimate target"
    if is_media(doc, st, cue):
        return "report", "speaker:media"
    # the clause a condition governs carries the act ("…," he said. "If he cannot stop them, he should step aside.")
    consequence = tokens_in(doc, [st.consequence.span]) if st.consequence is not None else []
    modal_act = (consequence and modality_act(consequence, st, side)) or modality_act(content, st, side)
    if modal_act:
        return modal_act
    if st.negated:
        return _negated_not_denied(content, side if own_country_known(doc, st) else set()) \
            or ("denial", "content:negated")
    return "claim", "default"


_EXPECTING = {"expect", "anticipate", "foresee", "predict"}
_THINKING = {"think", "believe"}
# what is said to be untrue is denied, whoever said it: "the U.S. claims were not true"
_SAID_NOUNS = {"claim", "report", "allegation", "accusation", "statement", "assertion", "charge",
               "rumor", "rumour", "story", "suggestion", "speculation", "remark", "comment", "narrative"}
# parties whose side is read reliably: countries, peoples, people (an organisation may well be the
# speaker's own body, as the ECB's Governing Council is its president's)
_NAMED = {"GPE", "NORP", "PERSON"}


def _negated_not_denied(content: list[Token], side: set[str]) -> tuple[str, str] | None:
    """A negated content that denies nothing of the speaker's: an expectation or belief held
    back ("he did not expect a breakthrough": a prediction), or what another named party does
    not do ("Russia has not abandoned its goal", said by Kyiv's foreign ministry: a claim)."""
    root = root_of(content)
    if root is None:
        return None
    if root.lemma_.lower() in _EXPECTING:
        return "prediction", "content:negated expectation"
    if root.lemma_.lower() in _THINKING:
        return "opinion", "content:negated belief"
    subject = subject_of(root)
    if not side or subject is None or subject.lemma_.lower() in _SAID_NOUNS or is_side(subject, side):
        return None  # whose side the speaker is on must be known to call another party other
    named = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod", "poss", "nmod"))]
    if any(t.ent_type_ in _NAMED for t in named) and _a_deed_or_will(root):
        return "claim", "content:negated of another"
    return None


# what a party wants or is set to do, denied of it by another: an accusation ("is not interested in peace")
_ATTITUDES = {"interested", "serious", "willing", "ready", "sincere", "committed", "prepared", "genuine"}


def _a_deed_or_will(root: Token) -> bool:
    """The negated predicate is something done or an attitude ("has not abandoned its goal", "is
    not interested in peace"), not a status, which denies a claim someone made ("Greenland was not
    for sale", "the United States was not a party to the issue", "has no right to interfere")."""
    if root.lemma_.lower() == "be":
        return any(c.dep_ == "acomp" and c.lower_ in _ATTITUDES for c in root.children)
    return root.pos_ == "VERB" and root.lemma_.lower() != "have"


def _deontic(doc: Doc, part) -> bool:
    """The consequence's verb is under "must" or "should": what someone has to do, a demand."""
    root = root_of(tokens_in(doc, [part.span])) if part is not None else None
    return root is not None and any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in root.children)


_DECLINE = {"decline", "refuse"}
_SAYING = {"say", "comment", "answer", "elaborate", "discuss", "specify", "confirm", "disclose", "reveal",
           "speculate", "detail", "explain"}


def _declines_to_say(cue: list[Token]) -> bool:
    """The cue refuses to speak ("declined to say", "refused to comment on"): what follows
    is what was not said, neither promised nor denied."""
    def refused(verb: Token, saying: Token) -> bool:
        return verb.lemma_.lower() in _DECLINE and saying.dep_ == "xcomp" and saying.lemma_.lower() in _SAYING

    # the refusing cue, or the saying inside it read as a cue of its own ("declined to | say |")
    return any(any(refused(t, c) for c in t.children) or refused(t.head, t) for t in cue)


def _left_open(cue: list[Token], content: list[Token]) -> bool:
    """A saying denied of a question left open ("He did not say whether he would run again",
    "would not say if talks had resumed"): what follows was not said, neither promised nor denied."""
    words = [t for t in content if not t.is_punct]
    return bool(words) and words[0].lower_ in ("whether", "if") and any(
        t.lemma_.lower() in _SAYING and any(c.dep_ == "neg" for c in t.children) for t in cue)


def _cue_act(cue: list[Token]) -> tuple[str | None, str | None]:
    for tok in cue:
        lemma = tok.lemma_.lower()
        if lemma in RAISING and any(c.dep_ == "xcomp" and c in cue for c in tok.children):
            continue  # "is reported to have | told": the telling is the act
        for child in tok.children:
            act = _PHRASAL_ACTS.get((lemma, child.lower_))
            if act and child.dep_ in ("prt", "prep"):
                return act, f"{tok.text} {child.text}"
        if lemma == "ask" and any(c.dep_ in ("xcomp", "oprd") for c in tok.children):
            return "demand", tok.text  # "asked NATO to send troops"
        if lemma == "agree" and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children):
            return "commitment", tok.text  # "agreed to deepen cooperation" (not "agreed that the plan was flawed")
        if lemma == "suggest" and any(_asserted(c) for c in tok.children if c.dep_ == "ccomp"):
            return None, None  # "suggested that Webb was cooperating": an insinuation, not a proposal
        for act, lemmas in CUE_ACTS.items():
            if lemma in lemmas and tok.pos_ in ("VERB", "AUX", "NOUN"):
                return act, tok.text
    return None, None


_TENSED = {"was", "were", "is", "are", "has", "have", "had", "will", "would", "'s", "'re"}


def _asserted(verb: Token) -> bool:
    """A clause with its tense written ("that Webb was cooperating", "that the plan failed"), not
    the bare verb of a proposal ("that the two sides meet again")."""
    return verb.tag_ in ("VBD", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _TENSED
                                              for c in verb.children)
