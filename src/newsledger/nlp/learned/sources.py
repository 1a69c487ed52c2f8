"""The source of a tagger's statement as the whole noun phrase it names (see :func:`whole_source`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ...model import Mention
from ..coordination import saying_verb_above
from ..datelines import after_dateline
from ..attribution_rules import RELATIVE_PRONOUNS
from ..rule_sources import antecedent_span, passive_participle, quoted_subject
from .paragraph_cuts import PARAGRAPH_BREAK

_SOURCE_MODIFIERS = {"det", "compound", "amod"}
_REFLEXIVES = {"himself", "herself", "itself", "themselves"}
_ARTICLES = {"the", "a", "an", "this", "that", "these", "those"}
_REPORTING = {"said", "says"}
_NOT_NP_END = {"ADP", "CCONJ", "SCONJ", "AUX", "ADV"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# Passives that say how their subject feels or stands, who is then the source ("Republicans were incensed").
_FEELINGS = {"incense", "frustrate", "anger", "outrage", "concern", "worry", "alarm", "disappoint", "please",
             "convince", "persuade", "divide", "split", "set", "determine", "commit", "oppose",
             "satisfy", "surprise", "shock", "trouble", "encourage", "prepare", "resign"}
# "X has faced questions about", "X came under criticism for", "X is drawing criticism".
_RECEIVING = {"face", "come", "draw", "receive", "attract", "endure", "weather"}
_RECEIVED = {"criticism", "question", "scrutiny", "backlash", "accusation", "ridicule", "fire", "condemnation",
             "attack", "censure", "rebuke"}
# "He seems to have …": the writer's reading of its subject (PolNeAR: no source in 198 of 252).
_SEEMING = {"seem", "appear"}
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr."}
_WITNESSING = {"see", "witness"}
_PLACE_NOUNS = {"region", "area", "city", "country", "town", "state", "sea", "coast", "border", "year",
                "decade", "week", "month", "summer", "winter", "spring", "autumn", "fall"}
MAX_TO_HEAD = 4  # tokens between a modifier that ends a source and the noun it modifies
# What ends a sentence between a source and its cue: a full stop (not spaCy's "Mr.") or a blank line.
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s|\n\s*\n")


def whole_source(doc: Doc, speaker: Mention | None, text: str,
                 cue_span: tuple[int, int] = (0, 0)) -> Mention | None:
    """The source as the whole noun phrase the tagger cut short: with the determiner,
    title or adjective before it that belong to it ("material" -> "the material",
    "Karl Ost" -> "Minister Karl Ost"), with a reflexive after it ("Macron himself"),
    without trailing punctuation ("Minister Karl Ost," -> "Minister Karl Ost") and without
    a dateline before it ("BRUSSELS - European leaders" -> "European leaders"); and as a
    noun phrase only (:func:`_noun_phrase`). The speakers stage resolves "the material",
    not "material"."""
    if speaker is None or speaker.chain or speaker.name:
        return speaker
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return speaker
    first, last = _noun_phrase(doc, span.start, span.end)
    first = _whole_name_start(doc, first, last, cue_span)
    first = _from_phrase_start(doc, first, last, cue_span)
    joined = doc[first - 1] if first > 0 else None
    if joined is not None and joined.lower_ == "and" and joined.dep_ == "cc" and joined.head.i < joined.i \
            and joined.head.dep_ in _SUBJECTS:
        first = joined.head.left_edge.i  # "French President Emmanuel Macron and | German Chancellor Friedrich Merz"
    while first > 0 and doc[first - 1].sent == span[0].sent and (
            doc[first - 1].dep_ in _SOURCE_MODIFIERS and first <= doc[first - 1].head.i < last
            or doc[first - 1].lower_ in _ARTICLES and doc[first - 1].dep_ == "det"):
        first -= 1  # "the material notes": "the" may hang on "notes"
    last = _to_head_noun(doc, first, last, cue_span)
    if last < len(doc) and doc[last].lower_ in _REFLEXIVES and doc[last].head.i in range(first, last):
        last += 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    start = after_dateline(text, start, end)
    antecedent = _antecedent(doc, first, last)
    if (start, end) == tuple(speaker.span) and antecedent is None:
        return speaker
    return replace(speaker, text=text[start:end], span=(start, end), chain=[antecedent] if antecedent else [])


_NAME_LABELS = {"ORG", "PERSON", "GPE", "FAC"}


def _whole_name_start(doc: Doc, first: int, last: int, cue_span: tuple[int, int]) -> int:
    """The start of the name the source ends: the tagger may stop at a conjunction inside it
    ("The U.S. Centers for Disease Control and | Prevention")."""
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and ent.start < first < ent.end and ent.end == last \
                and not _crosses(doc, ent.start, last, cue_span):
            return ent.start
    return first


def within_cue_paragraph(speaker: Mention | None, cue_start: int, text: str) -> Mention | None:
    """The source without what the tagger took from the paragraph before its cue's: in
    '"…?" asked Sen. Jeanne Shaheen, D-N.H. ¶ Elbridge Colby, the nominee, replied …' the one
    who replied is Colby, the nominee."""
    if speaker is None or speaker.span[0] >= cue_start:
        return speaker
    breaks = list(PARAGRAPH_BREAK.finditer(text, speaker.span[0], min(speaker.span[1], cue_start)))
    if not breaks:
        return speaker
    start, end = breaks[-1].end(), speaker.span[1]
    if not text[start:end].strip():
        return None  # all of it in the paragraph before: the cue's own subject may yet be found
    return replace(speaker, text=text[start:end], span=(start, end), chain=[], name=None)


def _antecedent(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Where the noun a relative pronoun source stands for is written, through appositions
    ("the ship's operator, a company registered in Dubai, which said": "the ship's
    operator"), as the rules record it; None for any other source."""
    if last - first != 1 or doc[first].lower_ not in RELATIVE_PRONOUNS or doc[first].head.dep_ != "relcl":
        return None
    noun = doc[first].head.head
    while noun.dep_ == "appos" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return antecedent_span(noun)


def _noun_phrase(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Tokens ``first:last`` without what a tagger runs into a source that is no part of its
    noun phrase: a complementiser or reporting verb before it ("that Mayor Bill de Blasio",
    "Said Ellis"), the sentence's own verb and what follows it ("Mr. Clarke told some of the
    miners"), a time right after its noun ("the Supreme Court this month", "an arbitration
    panel in 2001"), and trailing punctuation, prepositions and adverbs. Kept, as PolNeAR
    keeps them: relative clauses (", who helmed the DNC from 1995 to 1997"), participles and
    their times ("a poll released last week"). Dropped too: the noun a relative clause
    modifies when the source is that clause's subject ("a move Chinese experts described as")."""
    while last - first > 1 and (doc[first].dep_ == "mark" or doc[first].lower_ in _REPORTING):
        first += 1
    for i in range(first + 1, last):
        token = doc[i]
        if token.tag_ in _FINITE and (token.dep_ == "ROOT" or not first <= token.head.i < last):
            last = i
            break
    if not any(doc[i].pos_ == "VERB" for i in range(first, last)):
        for timex in doc._.timexes or ():
            at = doc.char_span(*timex.span, alignment_mode="expand")
            if at is not None and first < at.start < last <= at.end + 1:
                last = at.start
    while last - first > 1 and (doc[last - 1].is_punct or doc[last - 1].pos_ in _NOT_NP_END):
        last -= 1
    roots = [i for i in range(first, last) if not first <= doc[i].head.i < last and not doc[i].is_punct]
    clause = doc[roots[-1]].head if roots else None
    if len(roots) > 1 and doc[roots[-1]].dep_ in _SUBJECTS and clause.dep_ == "relcl" and clause.head.i in roots:
        # "a move Chinese experts described as …": the noun the source's clause modifies is no part of it
        first = max(first, doc[roots[-1]].left_edge.i)
    return first, last


def _to_head_noun(doc: Doc, first: int, last: int, cue_span: tuple[int, int]) -> int:
    """The end of the source run on to the noun it modifies, when the tagger stopped at a
    determiner, a number, an honorific or a modifier ("A | Bloomberg poll", "42 | percent", "Mr. |
    Trump", "Saudi | crown prince"), never into the cue. A possessor stays as it is: PolNeAR takes "Mr. Ban" in
    "Mr. Ban's record" for the source."""
    while last < len(doc) and (doc[last - 1].pos_ in ("DET", "NUM") or doc[last - 1].lower_ in _HONORIFICS
                               or doc[last - 1].dep_ in ("amod", "compound")):  # "Saudi | crown prince"
        head = doc[last - 1].head
        if not last <= head.i < last + MAX_TO_HEAD or head.pos_ not in ("NOUN", "PROPN") \
                or head.sent.start != doc[first].sent.start \
                or doc[last].idx < cue_span[1] and head.idx + len(head) > cue_span[0]:  # not over the cue
            return last
        last = head.i + 1
    return last


def _from_phrase_start(doc: Doc, first: int, last: int, cue_span: tuple[int, int]) -> int:
    """The start of the source moved back to the noun phrase the tagger took only a part of:
    an apposition ("Donald Trump, | her Republican opponent"), the last items of a
    coordination ("The family, | protesters and civic leaders"), the noun after "of" ("this
    particular pair of | multimillionaires"), or words that cannot open a phrase (",
    including Patriot", "' Megyn Kelly", "that had insured …"). Never across the cue."""
    if doc[first].tag_ == "PRP$" and doc[first].dep_ == "poss" and first > 0 and not doc[first - 1].is_punct:
        return first  # "a shift | its foreign ministry said …": no apposition without a comma
    for _ in range(3):  # an apposition inside a coordination, …
        root = min(doc[first:last], key=lambda t: len(list(t.ancestors)))
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
        elif not (root.dep_ in ("appos", "conj") and head.dep_ in _SUBJECTS or doc[first].is_punct
                  or doc[first].dep_ == "case" or doc[first].tag_ in ("WDT", "WP") and last - first > 1):
            return first  # an apposition or item of a subject only: "In Washington, Marc Morial" is Morial
        start = head.left_edge.i
        while start < head.i and doc[start].dep_ in ("advmod", "cc", "preconj"):
            start += 1  # "Even | China, Pyongyang's only ally"
        if not start < first or head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") \
                or head.sent.start != doc[first].sent.start or _crosses(doc, start, first, cue_span) \
                or start > 0 and doc[start - 1].pos_ == "ADP":  # "After the election, Minyon Moore"
            return first
        first = start
    return first


def _crosses(doc: Doc, start: int, end: int, cue_span: tuple[int, int]) -> bool:
    return doc[start].idx < cue_span[1] and cue_span[0] < doc[end - 1].idx + len(doc[end - 1])


_QUESTION_VERBS = {"ask", "question", "press", "quiz", "query"}


def was_asked(token) -> bool:
    """True for a bare passive participle of asking that describes the one asked ("Trump,
    asked by reporters about …, said"; "Peskov, asked about …"), not "was asked", which
    keeps its auxiliary."""
    # the parser reads "Peskov, asked about" as a past tense at times: the comma tells
    set_off = token.tag_ == "VBN" or token.i > 0 and token.doc[token.i - 1].text == ","
    return token.lemma_.lower() in _QUESTION_VERBS and token.tag_ in ("VBN", "VBD") and set_off \
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)


def passive_subject(doc: Doc, speaker: Mention, cue_span: tuple[int, int]) -> bool:
    """The source is the subject of a passive cue ("He has been harshly criticized for …",
    "Mr. Stenger was accused of …") or of one that receives words ("Suu Kyi has faced sharp
    criticism for …"), or the subject of "seems" ("He seems to have a different set of rules"),
    or of the clause a past participle cue opens ("Asked whether …, he said"): the one the
    words are about or were put to, not the one who said them."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    source = doc.char_span(*speaker.span, alignment_mode="expand")
    if cue is None or source is None:
        return False
    if any(passive_participle(t) or was_asked(t) for t in cue):
        return True  # "Asked whether he would resign, he said …", "Peskov, asked about …": he was asked
    passive = next((t for t in cue if t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)), None)
    if passive is not None and not any(t.i in range(passive.left_edge.i, passive.right_edge.i + 1) for t in source):
        return True  # "She did not name China, but her remarks | were widely seen | as …": seen by others
    received = any(t.lemma_ in _RECEIVED for t in cue)
    return any(t.head.i in range(cue.start, cue.end) and (
        t.dep_ == "nsubjpass" and t.head.tag_ == "VBN" and t.head.lemma_ not in _FEELINGS
        or t.dep_ == "nsubj" and (t.head.lemma_ in _RECEIVING and received or t.head.lemma_ in _SEEMING))
        for t in source)


def in_another_sentence(doc: Doc, speaker: Mention, cue_span: tuple[int, int], text: str) -> bool:
    """The source stands in another sentence than its cue ("He called on Moscow to show
    restraint. The cable is expected to be repaired by April": nobody is said to expect it).
    PolNeAR puts 7 of its 2,066 dev sources in another sentence; of the tagger's 80 such
    sources on dev, 6 were right. A line break inside a sentence, or an abbreviation's full
    stop ("Mr. Xi"), is no sentence end."""
    source = doc.char_span(*speaker.span, alignment_mode="expand")
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    if source is None or cue is None or len(source) == 0 or len(cue) == 0:
        return False
    if doc[source.start].sent.start == doc[cue.start].sent.start:
        return False
    between = text[min(speaker.span[1], cue_span[1]):max(speaker.span[0], cue_span[0])]
    return bool(_SENTENCE_END.search(between))


def undergone_by_place(doc: Doc, speaker: Mention, cue_span: tuple[int, int]) -> bool:
    """A place or a time that "sees" or "witnesses" events undergoes them and says nothing
    ("The Baltic Sea has seen a series of incidents", "2016 saw record turnout", "the region
    has seen heavy fighting"); PolNeAR has no "see" attribution with such a source."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    source = doc.char_span(*speaker.span, alignment_mode="expand")
    if cue is None or source is None or len(source) == 0:
        return False
    head = source.root
    return any(t.lemma_ in _WITNESSING for t in cue) and (
        head.ent_type_ in {"LOC", "FAC", "DATE"} or head.lower_ in _PLACE_NOUNS)


def quoted_source(doc: Doc, cue_span: tuple[int, int], text: str) -> Mention | None:
    """The source of "X was quoted (by Bloomberg) as saying": X, whoever quoted X; None
    for any other cue."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    subject = next((found for t in cue or () if (found := quoted_subject(t)) is not None), None)
    if subject is None:
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return Mention(text=text[start:end], span=(start, end))


# Verbs of answering or not ("did not respond to a request for comment", "declined to comment"),
# whose subject the tagger often leaves untagged; other cues without a tagged source stay so, as
# PolNeAR reads many ("has faced questions about" is said of its subject, not by it)
_ANSWERING = {"respond", "comment", "reply", "answer", "decline", "refuse", "say", "tell"}


def subject_of_cue(doc: Doc, cue_span: tuple[int, int], text: str, any_verb: bool = False) -> Mention | None:
    """The active subject of the cue's verb of answering, before the cue, for a statement the
    tagger gave no source ("The refinery, Shandong Shouguang Luqing Petrochemical, did not respond
    to a request for comment"), or of any verb with ``any_verb`` (a headline's "Hamas accepts first
    phase of Gaza plan"). None for a pronoun "it"/"there" of no one, and for a passive."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    for token in cue or ():
        if token.lemma_.lower() not in _ANSWERING and not (any_verb and token.pos_ == "VERB"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
        if subject is None or subject.lower_ in ("it", "there", "this", "that", "which", "what"):
            continue
        first = subject.left_edge
        last = subject if subject.right_edge.i >= cue.start else subject.right_edge
        start, end = first.idx, last.idx + len(last)
        return Mention(text=text[start:end], span=(start, end))
    return None


def coordinated_subject(doc: Doc, speaker: Mention | None, cue_span: tuple[int, int],
                        text: str) -> Mention | None:
    """The subject a cue verb without one shares with the verb it is coordinated with, when the
    tagger's source stands after that verb (inside what it said): in "Trump wrote on Truth Social
    that Israel and Hamas had 'both signed off' and called it 'a great day'" Trump called it, not
    "Israel and Hamas". None when the cue has a subject of its own or the source stands before."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    verb = next((t for t in cue or () if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ != "conj" or any(c.dep_ in _SUBJECTS | {"expl"} for c in verb.children):
        return None
    first = saying_verb_above(verb) or verb.head  # "said the study did not show … and warned against …"
    subject = next((c for c in first.children if c.dep_ == "nsubj"), None)
    if subject is None or first.pos_ != "VERB" or speaker is not None and speaker.span[0] < first.idx:
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return Mention(text=text[start:end], span=(start, end))


# Verbs whose subject wrote or issued what their object says ("issued a statement saying …").
_AUTHORING = {"issue", "release", "publish", "send", "post", "sign", "adopt", "pass", "write", "draft",
              "submit", "table", "introduce", "propose", "file", "deliver", "make", "give", "put", "read",
              "unveil", "circulate", "present", "approve", "launch", "air", "broadcast", "tweet", "share",
              "hold", "carry", "have"}


# Texts and bodies that can say what a participle after them says ("a resolution demanding …").
_SPEAKING_THINGS = {"resolution", "draft", "text", "bill", "motion", "letter", "statement", "report", "petition",
                    "proposal", "memo", "document", "declaration", "communique", "note", "message", "order", "decree",
                    "ruling", "law", "measure", "amendment", "post", "tweet", "video", "advertisement", "ad", "sign",
                    "banner", "placard", "poster", "article", "editorial", "email", "cable", "leaflet", "lawsuit",
                    "complaint", "filing", "survey", "poll", "study"}


def document_speaking(doc: Doc, cue_span: tuple[int, int], text: str) -> Mention | None:
    """The noun a participle cue modifies, when that noun is what speaks: "vetoed a draft
    resolution demanding a ceasefire" (the resolution demands it, not the United States that
    vetoed it), "received a letter warning that …". None when the noun's governing verb
    authored it ("issued a statement saying …": the issuer speaks), when the noun names its
    author ("a letter signed by 100 lawmakers urging …"), when it is no object of an act ("In a
    statement announcing the pick, …") or when the cue is no participle."""
    cue = doc.char_span(*cue_span, alignment_mode="expand")
    verb = next((t for t in cue or () if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.head
    if noun.lemma_.lower() not in _SPEAKING_THINGS:
        return None  # "has come out the other side | knowing | that love …": the writer's words
    governor = noun.head
    # the object of an act on it, not the vehicle of someone's words ("In a statement announcing
    # the pick, the association called …") nor whom they went to ("sent a letter to Senate leaders")
    acted_on = noun.dep_ == "dobj" or noun.dep_ == "pobj" and governor.lower_ in ("against", "for", "on", "over")
    if not acted_on or (governor.head if noun.dep_ == "pobj" else governor).lemma_.lower() in _AUTHORING \
            or any(c.dep_ == "acl" and c.i < verb.i for c in noun.children):
        return None
    start, end = noun.left_edge.idx, noun.idx + len(noun)
    return Mention(text=text[start:end], span=(start, end))
