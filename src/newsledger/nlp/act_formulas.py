"""Words that decide an act whatever the cue: harm and resolve in a consequence, the formulas
of a coming response, a declared target, a falsehood named as such. Used by ``acts.py``.

- :func:`harmful`: a word of harm ("tragic consequences") or a response said with resolve
  ("will respond firmly", "resolute measures", "all options are on the table");
- :func:`unanswered`: "will not go unanswered", "will not remain unpunished";
- :func:`response_coming`: "will take resolute measures", "will respond firmly";
- :func:`punishment_to_come`: "will pay a heavy price", "will be held accountable";
- :func:`legitimate_target`: "Any American or British ship will be a legitimate target";
- :func:`called_false`: "called the report 'a typical fake'", "branded the claims baseless";
- :func:`told_to_brace`: "they should expect a response", "must be prepared for the consequences";
- :func:`first_person_appeal`: "We urge the U.S. side to correct its wrong practices";
- :func:`first_person_pledge`: "I want to assure Kenyans that …".

Each reads tokens of the parse only; none decides whose side the speaker is on (``act_sides.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.nlp.spans import tokens_in

_HARM = {"consequence", "war", "conflict", "escalation", "catastrophe", "disaster", "danger",
         "risk", "crisis", "retaliation", "collapse", "destruction", "tragedy", "tragic",
         "nuclear", "casualty", "death", "bloodshed", "confrontation", "chaos", "threat",
         "countermeasure", "punishment", "retribution", "reprisal"}

# Words of resolve on a response: the deterrence formulas of defence ministries and state media
# ("the military will respond firmly", "take resolute measures", "decisive action").
_RESOLVE = {"firmly", "firm", "resolutely", "resolute", "decisively", "decisive", "forcefully",
            "forceful", "severely", "severe", "harshly", "harsh", "strongly", "strong", "necessary",
            "devastating", "crushing", "military", "swift", "overwhelming", "immediate", "robust",
            "appropriate", "powerful", "stern", "tough", "merciless", "ruthless"}
_RESPONSE_WORDS = {"respond", "response", "react", "reaction", "measure", "action", "step", "strike",
                   "retaliate", "hit", "answer"}


def harmful(doc: Doc, part) -> bool:
    """Harm in ``part``: a word of harm ("tragic consequences", "countermeasures") or a response
    with a word of resolve ("will respond firmly", "resolute measures"); "necessary measures"
    counts, "strong support" does not."""
    if part is None:
        return False
    tokens = tokens_in(doc, [part.span])
    return any(t.lemma_.lower() in _HARM or _not_safe(t) for t in tokens) or any(
        t.lemma_.lower() in _RESPONSE_WORDS and any(c.lower_ in _RESOLVE for c in t.children)
        or t.lemma_.lower() == "option" and any(c.lower_ == "all" for c in t.children)  # "all options are on the table"
        for t in tokens)


WILL = {"will", "would", "'ll", "shall"}  # the auxiliaries of what is to come


def response_coming(content: list[Token]) -> bool:
    """A response with a word of resolve in the future, on no condition: "will take resolute
    measures to safeguard its legitimate rights", "will respond firmly" (not "took firm action")."""
    for t in content:
        if t.lemma_.lower() not in _RESPONSE_WORDS or not any(c.lower_ in _RESOLVE for c in t.children):
            continue
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        if any(c.dep_ == "aux" and c.lower_ in WILL for c in verb.children):
            return True
    return False


def _not_safe(tok: Token) -> bool:
    """"its refineries will not be safe": safety denied is harm."""
    return tok.lower_ in ("safe", "secure") and any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


# "will not go unanswered", "will not stand idle", "will not remain silent": a response is coming
_UNANSWERED = {"unanswered", "unpunished", "unnoticed", "idle", "idly", "silent", "indifferent"}


def unanswered(content: list[Token]) -> bool:
    """"will not go unanswered", "will not remain unpunished": the formula of a coming response."""
    return any(t.lower_ in _UNANSWERED and any(c.dep_ == "neg" for c in t.head.children) for t in content)


# what someone does to another when "there will be" it: "there will be bombing", "there will be consequences"
_HOSTILE_NOUNS = {"bombing", "bombings", "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks",
                  "retaliation", "consequence", "consequences", "punishment", "reprisal", "reprisals", "hell",
                  "response", "sanction", "sanctions"}


def hostile_existential(root: Token) -> bool:
    """"there will be bombing", "there would be consequences": a hostile act with no one named
    to do it; said by a party to a conflict, of something another party does, it is their own."""
    return root.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in root.children) and any(
        c.dep_ in ("attr", "nsubj") and c.lower_ in _HOSTILE_NOUNS for c in root.children)


_DEAR = {"heavy", "high", "dear", "steep", "terrible", "painful", "severe", "huge", "big",
         "heavier", "higher", "steeper", "bigger", "greater"}  # "will pay a much higher price later"


def punishment_to_come(content: list[Token]) -> bool:
    """The formulas of a punishment or a blame to come: "will pay a heavy price", "would pay
    dearly", "will be held fully accountable", "will bear full responsibility for what follows"."""
    for t in content:
        lemma = t.lemma_.lower()
        if lemma not in ("pay", "hold", "bear") or any(c.dep_ == "neg" for c in t.children) \
                or not any(c.dep_ == "aux" and c.lower_ in WILL for c in t.children):
            continue
        if lemma == "pay" and (any(c.lower_ == "dearly" for c in t.children) or any(
                c.dep_ == "dobj" and c.lemma_.lower() == "price" and any(a.lower_ in _DEAR for a in c.children)
                for c in t.children)):
            return True
        if lemma == "hold" and any(c.dep_ == "auxpass" for c in t.children) and any(
                c.dep_ in ("oprd", "acomp", "advcl", "ccomp") and c.lower_ in ("accountable", "responsible")
                for c in t.children):
            return True
        if lemma == "bear" and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in t.children):
            return True
    return False


# what a subject undergoes, not does: "Belgium could face lawsuits if …", "we will pay a price"
SUFFERING = frozenset({"face", "suffer", "lose", "endure", "incur", "pay", "risk"})
# costs someone will bear: "Ukraine will face a serious funding gap", "could face lawsuits"
_COSTS = {"gap", "shortage", "lawsuit", "sanction", "tariff", "penalty", "fine", "loss", "recession", "deficit",
          "backlash", "hardship", "shortfall", "blackout", "famine", "default", "bankruptcy"}


def cost_to_come(content: list[Token]) -> bool:
    """A cost someone will bear, said as what is to come ("Without this decision, Ukraine will face
    a serious funding gap", "could lose thousands of jobs"): a warning, whoever bears it; not "will
    face Biden in November", which names no cost."""
    inside = set(content)
    for t in content:  # the main clause's verb: not "Apple has to comply … or it will face penalty payments"
        if t.head in inside and t.head is not t:
            continue
        # "pay a price" is punishment_to_come's; what one risks or endures is no cost that comes
        if t.lemma_.lower() not in SUFFERING - {"pay", "risk", "endure"} or any(c.dep_ == "neg" for c in t.children) \
                or not any(c.dep_ == "aux" and c.lower_ in WILL | {"could", "may", "might"} for c in t.children):
            continue
        objects = [w for c in t.children if c.dep_ in ("dobj", "attr") for w in c.subtree]  # "thousands of jobs"
        if any(w.lemma_.lower() in _HARM | _COSTS | {"job"} for w in objects):
            return True
    return False


_NAMING = {"call", "brand", "label", "describe", "term", "dub"}
# words that say a claim is false whatever it names; "fake" and "false" only of a claim-like thing
_FALSE_CLAIM = {"falsehood", "nonsense", "lie", "fabrication", "fabricated", "baseless", "groundless", "untrue",
                "hoax", "disinformation", "slander", "smear", "fiction", "rubbish"}
_FAKE = {"fake", "false", "absurd"}
_CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "story", "news", "statement", "charge", "assertion",
                "rumor", "rumour", "article", "video", "photo", "image", "suggestion", "idea", "notion", "reports"}


def called_false(cue: list[Token], content: list[Token]) -> bool:
    """The cue names what it is about a falsehood ("called the report 'a typical fake'", "branded
    the claims baseless", "has called climate change a hoax"): a denial, though no negation is
    written. "Fake" and "false" count only of a claim-like thing ("called Oz a quack, fake and
    charlatan" is an insult)."""
    if not any(t.lemma_.lower() in _NAMING for t in cue):
        return False
    lemmas = {t.lemma_.lower() for t in content}
    return bool(lemmas & _FALSE_CLAIM) or bool(lemmas & _FAKE) and bool(lemmas & _CLAIM_NOUNS)


def legitimate_target(content: list[Token]) -> bool:
    """A thing declared a "legitimate target" (not negated): whoever declares it says they may strike it."""
    return any(t.lemma_.lower() == "target" and any(c.lower_ == "legitimate" for c in t.children)
               and not any(c.dep_ == "neg" for c in t.head.children) for t in content)


DEONTIC = frozenset({"must", "should", "ought"})  # the modals of what someone has to do
# verbs whose saying is a demand ("urged", "demanded"): acts.CUE_ACTS' demand cues, and appeals below
DEMAND_VERBS = frozenset({"urge", "demand", "appeal", "implore", "exhort"})
_BRACE_FOR = {"brace", "prepare", "prepared", "ready"}  # "... for the consequences"
_COMING = _HARM | _RESPONSE_WORDS | {"worst", "answer"}


def told_to_brace(content: list[Token]) -> bool:
    """Someone told to expect what is coming to them ("they should expect a response, including
    a nuclear one", "must be prepared for the consequences", "should brace for retaliation"): a
    warning, though the modal is the one of a demand ("they should withdraw" stays a demand)."""
    for t in content:
        lemma = t.lemma_.lower()
        verb = t.head if t.dep_ == "acomp" else t  # "be | prepared | for"
        if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children):
            continue
        if lemma in ("expect", "face", "await") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _COMING for c in t.children):
            return True
        if lemma in _BRACE_FOR and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lemma_.lower() in _COMING for o in c.children) for c in t.children):
            return True
    return False


_APPEALS = DEMAND_VERBS | {"call", "ask"}  # "I call on Congress", "I ask Congress to …"


def first_person_appeal(content: list[Token]) -> bool:
    """The content is itself an appeal in the speaker's voice ("We urge the U.S. side to correct
    its wrong practices", "I call on Congress to act", "We demand the release of …"): a demand.
    A verb of appeal in the present with a first-person subject at the top of the content; "they
    urged" and "we urged" told by the speaker are not one."""
    inside = set(content)
    return any((t.head is t or t.head not in inside) and t.lemma_.lower() in _APPEALS
               and t.tag_ not in ("VBD", "VBN")  # "we urged them last year" tells of an appeal
               and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in t.children)
               and (t.lemma_.lower() != "call" or any(c.lower_ in ("on", "upon", "for") for c in t.children))
               for t in content)


_PLEDGES = {"assure", "promise", "guarantee", "pledge", "vow", "swear"}


def first_person_pledge(content: list[Token]) -> bool:
    """The content is itself a pledge in the speaker's voice ("I want to assure Kenyans that …",
    "We promise that …", "I guarantee you"): a commitment; "they promised" told by the speaker is
    not one."""
    inside = set(content)
    for t in content:
        if t.lemma_.lower() not in _PLEDGES or t.tag_ in ("VBD", "VBN") or t not in inside:
            continue
        verb = t.head if t.dep_ == "xcomp" and t.head.lemma_.lower() in ("want", "like", "wish") else t
        if (verb.head is verb or verb.head not in inside) and any(
                c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children):
            return True
    return False


_APPEAL_NOUNS = {"call", "demand", "appeal", "plea"}


def appeal_named(content: list[Token]) -> bool:
    """The content is an appeal named as a noun ("repeated his call for an immediate ceasefire",
    "renewed their demand for a referendum", "issued an appeal for calm"): a demand. Only the
    noun at the top of the content, with its "for" (or "to": "a call to lay down arms")."""
    inside = set(content)
    return any((t.head is t or t.head not in inside) and t.pos_ == "NOUN" and t.lemma_.lower() in _APPEAL_NOUNS
               and any(c.dep_ in ("prep", "acl") and c.lower_ in ("for", "to") or c.dep_ == "acl" and c.tag_ == "VB"
                       for c in t.children)
               for t in content)
