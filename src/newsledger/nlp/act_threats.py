"""Whether a conditional statement threatens, for ``newsledger_acts``: the speaker's side acts,
not cooperatively, when another party meets the condition (:func:`conditional_threat`); and
whether a consequence is only an offer (:func:`accepts`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.countries import country_named
from newsledger.model import Statement
from newsledger.nlp.act_formulas import SUFFERING, hostile_existential
from newsledger.nlp.act_modality import STATIVE, ready_for_talks
from newsledger.nlp.act_sides import is_side, root_of, subject_of
from newsledger.nlp.conditions_deterrents import goes_unanswered
from newsledger.nlp.spans import doc_text, tokens_in

_COOPERATIVE = {"support", "help", "aid", "assist", "welcome", "cooperate", "negotiate", "talk",
                "agree", "join", "protect", "defend", "praise", "thank", "meet", "discuss",
                # an offer on a condition ("would release the hostages on condition that Israel withdrew")
                "release", "free", "lift", "resume", "accept", "sign", "allow", "ease", "reopen",
                # a conditional acceptance ("we could live with some enrichment as long as inspectors …")
                "live", "tolerate", "accommodate", "compromise"}


def cooperative(root: Token, lemmas: frozenset[str] | set[str] = frozenset()) -> bool:
    """``root`` is a cooperative act ("accept", "live with", "release", or one of ``lemmas``) not
    refused ("will never accept", "if they do not agree")."""
    refused = any(c.dep_ == "neg" or c.lower_ == "never" for c in root.children)
    suffered = any(c.dep_ == "auxpass" for c in root.children)  # "will be met with a devastating response"
    return root.lemma_.lower() in (lemmas or _COOPERATIVE) and not refused and not suffered


def accepts(doc: Doc, part) -> bool:
    """The consequence's verb is a cooperative act, or its subject is open to talks ("Russia
    remains open to a settlement of the conflict, provided that …"): an offer on a condition, no
    harm threatened."""
    root = root_of(tokens_in(doc, [part.span])) if part is not None else None
    return root is not None and (cooperative(root) or any(
        ready_for_talks(w) for w in [root, *(c for c in root.children if c.dep_ in ("acomp", "oprd"))]))




# what is done to the subject, in the passive: "the town will be destroyed", "we will be hit"
_DAMAGED = {"destroy", "hit", "attack", "flood", "damage", "wipe", "devastate", "ruin", "bankrupt", "cut", "isolate"}


def suffers(doc: Doc, part) -> bool:
    """The consequence says what its subject will undergo ("Belgium could face lawsuits worth
    billions", "we will pay a much higher price later", "the town will be destroyed"), not what
    it will do to another."""
    root = root_of(tokens_in(doc, [part.span])) if part is not None else None
    if root is None or any(c.dep_ == "neg" for c in root.children):
        return False
    lemma = root.lemma_.lower()
    return lemma in SUFFERING or lemma in _DAMAGED and any(c.dep_ == "auxpass" for c in root.children)


def conditional_threat(doc: Doc, st: Statement, side: set[str]) -> bool:
    """The speaker's side acts (not cooperatively) when another party meets the condition."""
    if st.condition is None or st.consequence is None:
        return False
    root = root_of(tokens_in(doc, [st.consequence.span]))
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    subject = subject_of(root)
    root = _obliged_verb(root)  # "we will have to reconsider our place in this government"
    if _own_response(subject, side):  # "If these plans are implemented, our response will be mirror-like"
        return True
    if side and _met_with_response(root):  # "Any attack on our nuclear sites will be met with a crushing response"
        return True
    if side and st.extra.get("condition_kind") == "implied" and _answered_by_side(root, side):
        return True  # "the supply of long-range missiles to Kiev would not go unanswered"
    if side and _doers_suffer(doc, st, root, subject, side):
        return True  # "If Western troops appear on Ukrainian soil, they will be destroyed"
    # "will never accept … if" is a refusal, and can be a threat
    if root.lemma_.lower() in STATIVE and not hostile_existential(root) or cooperative(root) \
            or suffers(doc, st.consequence):
        return False
    # "If they don't make a deal, there will be bombing": whose bombing goes without saying
    if not (is_side(subject, side) or _official_speaks_for(doc, st, subject)
            or side and (hostile_existential(root) or coercion_by_nobody_named(root))):
        return False
    condition = root_of(tokens_in(doc, [st.condition.span]))
    if condition is not None and st.extra.get("condition_kind") in _PLAIN_IF and (
            cooperative(condition, _CONCERTED)
            or any(c.lower_ in ("together", "jointly", "collectively") for c in condition.children)):
        return False  # "Germany could send Taurus if its allies agreed to a joint approach": no one coerced
    # "Were Ukraine to strike …": the parser takes the inverted subject for the root
    agent = condition if condition is not None and condition.pos_ in ("PROPN", "PRON") else subject_of(condition)
    if agent is None and st.extra.get("condition_kind") in ("not_allow", "implied"):
        # "we will not tolerate any attack on our ships", "would respond decisively to any aggression":
        # whoever attacks
        return True
    if agent is not None and agent.dep_ == "nsubjpass" and st.extra.get("condition_kind") == "until":
        return False  # "will continue the offensive until Hamas is destroyed": a goal, no one coerced
    if agent is not None and agent.dep_ == "nsubjpass":
        # "if we are attacked", "if we are not protected": what others do to the speaker's side
        by = next((c for c in condition.children if c.dep_ == "agent"), None)
        by_whom = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        return by_whom is None or not is_side(by_whom, side)
    # Same side on both ends is a plan ("if we win, we will ..."); an agentless condition
    # ("if necessary", "as long as it is necessary", "if it takes years") names no other party to coerce.
    impersonal = agent is not None and (agent.lower_ in ("it", "there") and condition.lemma_ in ("be", "take")
                                        or agent.lemma_.lower() in _NO_PARTY  # "if the talks go well"
                                        or agent.lower_ == "demand")  # the market's, not "unless demands are met"
    return agent is not None and not impersonal and not is_side(agent, side)


# what is done to another by whoever holds the power, said in the passive: "the standby force will
# be deployed", "sanctions will be imposed", "their ambassador will be expelled"
_COERCED = {"deploy", "impose", "use", "expel", "close", "suspend", "freeze", "seize", "sanction", "ban",
            "bar", "arrest", "prosecute", "punish", "strike", "target", "enforce", "tighten", "revoke",
            "terminate", "send", "mobilize", "mobilise", "reimpose", "launch"}


def coercion_by_nobody_named(root: Token) -> bool:
    """A coercive act in the passive with no agent ("the standby force will be deployed", "sanctions
    will be reimposed"): said by a party to a dispute, its own, as "there will be bombing" is."""
    return root.lemma_.lower() in _COERCED and any(c.dep_ == "auxpass" for c in root.children) \
        and not any(c.dep_ == "agent" for c in root.children)


def _obliged_verb(root: Token) -> Token:
    """The verb one "has to" or "will need to" do ("will have to reconsider" -> reconsider); else
    ``root``."""
    if root.lemma_.lower() in ("have", "need"):
        done = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if done is not None:
            return done
    return root


# conditions of acting together: "if the Europeans agree on a common course", "if allies act together";
# not "unless Iran agrees to stop enrichment", which demands the agreement
_CONCERTED = {"agree", "approve", "coordinate", "decide", "consent"}
_PLAIN_IF = {"if", "provided", "as_long_as", "on_condition", "assuming", "inverted"}
# subjects of a condition that are no party to coerce: "if the talks go well", "if the weather holds"
_NO_PARTY = {"talk", "talks", "negotiation", "weather", "thing", "situation", "economy", "market", "price",
             "process", "meeting", "summit", "trend", "schedule",
             # what a company plans for: "will cut 5,000 jobs if sales do not recover"
             "sale", "sales", "inflation", "growth", "cost", "costs", "rate", "rates", "condition",
             "conditions", "outlook", "recovery"}

_RESPONSES = {"response", "answer", "reaction", "retaliation", "countermeasure", "countermeasures", "reply"}


def _own_response(subject: Token | None, side: set[str]) -> bool:
    """"our response", "Russia's answer": the speaker's side's response to what the condition names."""
    if subject is None or subject.lemma_.lower() not in _RESPONSES:
        return False
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return owner is not None and is_side(owner, side)


def _met_with_response(root: Token) -> bool:
    """"will be met with a crushing response", "would be met with force": a response no one is
    named to give, which the speaker's side gives."""
    return root.lemma_.lower() == "meet" and any(c.dep_ == "auxpass" for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(o.lemma_.lower() in _RESPONSES | {"force"} for o in c.children)
        for c in root.children)


_OFFICIAL_WORDS = {"minister", "president", "spokesman", "spokeswoman", "spokesperson", "chancellor",
                   "secretary", "premier", "ambassador", "envoy", "defence", "defense", "foreign"}


def _official_speaks_for(doc: Doc, st: Statement, subject: Token | None) -> bool:
    """"Defence Minister Kadri Tamsalu said Estonia will board tankers if ...": an
    official whose own country the text does not name speaks for the state that acts."""
    phrase = doc_text(doc)[subject.left_edge.idx:subject.idx + len(subject)] if subject is not None else ""
    if subject is None or subject.ent_type_ != "GPE" and not country_named(phrase) or st.speaker is None:
        return False  # "Estonia", "the Islamic Republic"
    words = tokens_in(doc, [st.speaker.span])
    if any(t.ent_type_ in ("GPE", "NORP") for t in words):
        return False  # the speaker's country is named: _is_side decides
    return any(t.lower_ in _OFFICIAL_WORDS for t in words)


def _answered_by_side(root: Token, side: set[str]) -> bool:
    """What a hostile act would set off is the speaker's side's answer: it "would not go
    unanswered" (no one else is named to answer), or it "would invoke U.S. mutual defense
    commitments" (the side's own commitments)."""
    if goes_unanswered(root):
        return True
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    return root.lemma_.lower() in ("invoke", "trigger") and obj is not None and any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and is_side(c, side) for c in obj.children)


_HOSTILE_FATES = {"destroy", "eliminate", "strike", "target", "hit", "shoot", "crush", "annihilate", "punish",
                  "sink", "attack", "kill"}


def _doers_suffer(doc: Doc, st: Statement, root: Token, subject: Token | None, side: set[str]) -> bool:
    """Those the condition names as acting will suffer a hostile act no one is named to do:
    the speaker's side does it ("If Western troops appear on Ukrainian soil, they will be
    destroyed"). Only for a passive without "by", whose subject is the condition's doer or a
    pronoun for it, and a doer not of the speaker's side."""
    if root.lemma_.lower() not in _HOSTILE_FATES or subject is None or subject.dep_ != "nsubjpass" \
            or any(c.dep_ == "agent" for c in root.children) or st.condition is None:
        return False
    doer = subject_of(root_of(tokens_in(doc, [st.condition.span])))
    if doer is None or is_side(doer, side) or is_side(subject, side):
        return False
    return subject.lower_ in ("they", "it", "he", "she") or subject.lemma_.lower() == doer.lemma_.lower()
