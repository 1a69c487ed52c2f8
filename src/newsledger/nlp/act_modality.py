"""The act a statement's content says by its modality, for ``newsledger_acts``: an order, a
prohibition of another party ("Iran cannot have any enrichment"), what the speaker's side is
ready to do or will do, and what someone must do (:func:`modality_act`)."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.model import Statement
from newsledger.nlp.act_formulas import DEONTIC, WILL
from newsledger.nlp.act_sides import is_side, root_of, subject_of

FUTURE = WILL | {"wo"}  # and the "wo" of "won't"
STATIVE = {"be", "have", "seem", "remain", "become", "exist", "need", "want", "know",
           "think", "believe", "hope", "can", "may", "lie", "stand"}


def modality_act(content: list[Token], st: Statement, side: set[str]) -> tuple[str, str] | None:
    """(act, basis) by the modality of the content's top verb (see ``acts`` rule 7), or None."""
    root = root_of(content)
    if root is None:
        return None
    if st.quote == "direct" and _imperative(root):  # "Evacuate now. Do not wait."
        return "demand", "modality:imperative"
    # not the auxiliary of an inverted condition ("should the U.S. continue …, it will face")
    modals = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")
              and not any(s.dep_.startswith("nsubj") and s.i > c.i for s in root.children)}
    if root.lower_ in ("have", "has", "need", "needs") and any(c.dep_ == "xcomp" for c in root.children):
        modals.add("must")  # "have to", "need to"
    if modals & DEONTIC:
        return "demand", f"modality:{sorted(modals & DEONTIC)[0]}"
    if _forbidden(root, modals, side):
        return "demand", "modality:cannot"
    if st.negated and yielding(root) and is_side(subject_of(root), side):
        # "We will not be cowed", "we are not giving up", "the Kingdom would not cease its work"
        return "commitment", "modality:resolve"
    if _ready_to_act(root) and is_side(subject_of(root), side):
        # "Manila was ready to hold talks", "we are prepared to sit down": the speaker's side offers
        return ("denial" if st.negated else "commitment"), "modality:ready-own-action"
    if modals & FUTURE or _going_to(root):
        if is_side(subject_of(root), side) and root.lemma_.lower() not in STATIVE:
            return ("denial" if st.negated else "commitment"), "modality:future-own-action"
        return "prediction", "modality:future"
    return None


# imperatives that ask nothing of anyone: "Let me start with Sudan", "Thank you", "Look, …"
_NOT_ORDERS = {"let", "thank", "look", "listen", "see", "say", "imagine", "mind", "excuse", "welcome", "come",
               "believe", "trust", "think", "tell", "ask"}  # "Think of that", "Tell that to the janitor"


def _imperative(root: Token) -> bool:
    """``root`` is an order: a bare verb opening its sentence ("Evacuate now", "Do not wait"), or
    its main clause ("If you are told to evacuate, evacuate"), with no subject of its own."""
    clauses = {t.i for c in root.children if c.dep_ == "advcl" and c.i < root.i for t in c.subtree}
    before = [t for t in root.sent if t.i < root.i and t.i not in clauses
              and not (t.is_punct or t.is_space or t.is_quote)]
    if any(c.dep_ == "dobj" and c.lower_ == "mistake" for c in root.children):
        return False  # "Make no mistake, we will respond"
    return root.tag_ == "VB" and root.lemma_.lower() not in _NOT_ORDERS \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children) \
        and len(before) <= 2 and all(t.lower_ in ("do", "not", "n't", "please", "never") for t in before) \
        and (not before or before[0].lower_ in ("do", "please", "never"))


_READY = {"ready", "prepared", "willing", "prepare", "agree"}  # "China and Brazil agreed to deepen cooperation"
_HOLDING = {"have", "get", "obtain", "acquire", "possess", "keep", "build", "develop", "enrich", "retain"}


def _forbidden(root: Token, modals: set[str], side: set[str]) -> bool:
    """What another party "cannot have" ("Iran cannot have any enrichment", "Russia can't keep the
    territory it seized"): a prohibition, said as a demand. Only of a named party (not "prices
    cannot rise forever") and of holding or gaining something."""
    subject = subject_of(root)
    return "can" in modals and any(c.dep_ == "neg" for c in root.children) \
        and root.lemma_.lower() in _HOLDING and subject is not None \
        and subject.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and not is_side(subject, side)


def _ready_to_act(root: Token) -> bool:
    """``root`` says its subject is ready to do something: "was ready to hold talks", "are
    prepared to sit down", "stands ready to help", or ready for or open to talks ("is ready for a
    dialogue with India", "remains open to a political settlement"); not "ready for winter"."""
    words = [root, *(c for c in root.children if c.dep_ in ("acomp", "oprd"))]
    return any(w.lemma_.lower() in _READY and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in w.children)
               or ready_for_talks(w) for w in words)


_OPEN = {"ready", "prepared", "willing", "open"}
# what a side offers to enter into with another
TALKS = {"talk", "dialogue", "negotiation", "settlement", "ceasefire", "truce", "deal", "agreement",
         "compromise", "mediation", "meeting", "summit", "cooperation", "peace"}


def ready_for_talks(word: Token) -> bool:
    """"ready for a dialogue", "open to a political settlement", "prepared for talks"."""
    return word.lemma_.lower() in _OPEN and any(
        c.dep_ == "prep" and c.lower_ in ("for", "to") and any(g.dep_ == "pobj" and g.lemma_.lower() in TALKS
                                                              for g in c.children)
        for c in word.children)


# giving in: what a side that says it will not do it vows to hold on
_YIELDING = {"cow", "intimidate", "yield", "surrender", "capitulate", "cave", "bow", "bend", "relent", "waver",
             "budge", "flinch", "retreat", "cease", "stop", "abandon", "quit", "tire", "blackmail", "deter",
             "silence", "break", "buckle"}
_YIELDING_PHRASAL = {("give", "up"), ("back", "down"), ("give", "in"), ("step", "back"), ("let", "up")}


def yielding(root: Token) -> bool:
    """``root`` is giving in ("be cowed", "give up", "back down", "cease its work", "be silenced")."""
    lemma = root.lemma_.lower()
    particle = next((c.lower_ for c in root.children if c.dep_ == "prt"), None)
    return lemma in _YIELDING or (lemma, particle) in _YIELDING_PHRASAL


def _going_to(root: Token) -> bool:
    return root.lower_ == "going" and any(c.dep_ == "xcomp" for c in root.children)
