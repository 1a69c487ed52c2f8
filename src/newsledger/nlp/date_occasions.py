"""The day of an occasion told in an earlier sentence, for the statements made at it.

Wire copy and readouts date the occasion once and report what was said at it in the
sentences that follow::

    Putin and Erdogan held a phone conversation on Tuesday, the Kremlin said.
    Putin stressed that Moscow remained open to talks …          <- said on Tuesday
    On Wednesday, Lavrov met his Chinese counterpart Wang Yi in Beijing.
    Lavrov said Russia and China would coordinate their positions … <- said on Wednesday

:func:`occasion_timex` finds, for a statement that names no time of its own, such an
occasion: a calendar day (a DATE or TIME expression with a day) that attaches, without
passing through another verb, to a verb of meeting ("met", "spoke", "visited", "hosted",
"called") or to a noun of one ("a phone conversation", "talks", "a summit", "a press
conference"; "held talks on Tuesday"), in one of the :data:`MAX_SENTENCES_BACK` sentences
before the statement's, the nearest such sentence. The statement takes the day only when
its cue is in the past tense and its speaker is named in the occasion's clause (a word of
the resolved name, or of the mention when unresolved), so "the Kremlin said" after "Putin
and Erdogan held a call on Tuesday" stays undated, and so does "X says".

Not taken:
- a dateline's day, which is the story's;
- a day inside a statement's content, unless the occasion is told in the past tense ("held
  a phone conversation on Tuesday, the Kremlin said" counts; "said the two sides would meet
  on Friday" is a plan), and a day after the publication date;
- an occasion in the statement's own sentence (the governing-expression rule of
  :mod:`newsledger.nlp.dates` reads that sentence), or after the statement;
- a statement whose cue says it was made at other times ("has long said", "had
  previously warned", "repeatedly"), or an occasion of other words ("police arrested him
  on Monday" is no meeting).
"""

from __future__ import annotations

import re
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsledger.model import Statement
from newsledger.nlp.datelines import in_dateline
from newsledger.nlp.venue import EVENT_NOUNS

MAX_SENTENCES_BACK = 3
_MAX_CLIMB = 8
OCCASION_VERBS = frozenset({
    "meet", "speak", "talk", "visit", "host", "phone", "telephone", "address", "attend",
    "chair", "receive", "tour", "testify", "confer", "huddle", "greet",
})
OCCASION_NOUNS = frozenset((EVENT_NOUNS - {"parliament", "event", "congress", "assembly"}) | {
    "conversation", "call", "phone", "telephone", "talks", "interview", "negotiation",
    "teleconference", "videoconference", "encounter",
})
# A cue that says the words were said at other times than one occasion.
_HABITUAL_CUE = re.compile(
    r"\b(?:has|have|had|long|previously|repeatedly|often|earlier|already|always|frequently|once)\b", re.I)


def occasion_timex(doc: Doc, st: Statement, points: list, statements: list[Statement]):
    """The time expression of the occasion ``st`` was made at, told in an earlier sentence
    (see the module docstring); ``points`` are ``(timex, root token)`` pairs, ``statements``
    the doc's statements (whose contents hold no occasion). None when there is none."""
    if st.speaker is None or _HABITUAL_CUE.search(st.cue or ""):
        return None
    cue = doc.char_span(*st.cue_span, alignment_mode="expand")
    if cue is None or len(cue) == 0 or not any(t.tag_ == "VBD" for t in cue):
        return None  # "says", "is determined to warn": a standing position, not one occasion's
    sentence = cue[0].sent
    earlier = _occasions_before(doc, sentence, points, statements)
    if not earlier:
        return None
    verb, tx = earlier[-1]  # the nearest one
    return tx if _named_in(st, _participants(verb)) else None


def _occasions_before(doc: Doc, sentence: Span, points: list, statements: list[Statement]) -> list:
    """``(verb, timex)`` of each occasion in the sentences shortly before ``sentence``, in
    text order."""
    sentences = list(doc.sents)
    here = next((i for i, s in enumerate(sentences) if s.start == sentence.start), None)
    if here is None:
        return []
    window = sentences[max(0, here - MAX_SENTENCES_BACK):here]
    contents = [span for other in statements for span in other.content_spans]
    published = doc._.published
    text = doc.text
    found = []
    for earlier in window:
        for tx, root in points:
            day = tx.date()
            s, e = tx.span
            if day is None or not (earlier.start_char <= s < earlier.end_char) \
                    or (published and day > published) or in_dateline(text, tx.span):
                continue
            verb = _told_occasion(root, any(a < e and s < b for a, b in contents))
            if verb is not None:
                found.append((verb, tx))
                break
    return found


def _occasion_word(tok: Token) -> tuple[Token | None, Token | None]:
    """The verb or noun of meeting the expression's head climbs to before any other verb, and
    the first verb on the way (None when there is none)."""
    word = None
    for _ in range(_MAX_CLIMB):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in OCCASION_NOUNS and word is None:
            word = tok
        if tok.pos_ in ("VERB", "AUX"):
            # "held talks | on Tuesday", "had a phone call on Monday"
            objects = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            if lemma in OCCASION_VERBS or any(o.lemma_.lower() in OCCASION_NOUNS for o in objects):
                word = word or tok
            return word, tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return word, None


def _told_occasion(root: Token, in_content: bool) -> Token | None:
    """The verb of the occasion the expression dates, if it dates one; inside what someone
    said, only one told in the past tense ("held a phone conversation on Tuesday, the Kremlin
    said"), not a plan ("said the two sides would meet on Friday")."""
    word, verb = _occasion_word(root)
    if word is None or verb is None or in_content and verb.tag_ != "VBD":
        return None
    return verb


def _participants(verb: Token) -> set[str]:
    """The names in the occasion's own clause ("Putin and Erdogan held …", "Lavrov met his
    counterpart Wang Yi"), accents folded; not those of another clause of the sentence ("…,
    probably not what Graham had in mind")."""
    found = set()
    for tok in verb.subtree:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC"):
            continue  # the place met in ("in Fort Wayne, Indiana") is no participant
        head = tok.head
        while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.i == verb.i:
            found.add(_fold(tok.text))
    return found


def _named_in(st: Statement, participants: set[str]) -> bool:
    """True when a capitalised word of the speaker's resolved name ("Putin", "Wang"), or of
    its mention when it has none, is one of ``participants`` (group names "A and B" count
    each member; accents are ignored: "Erdoğan" is "Erdogan")."""
    names = re.split(r",\s*|\s+and\s+", st.speaker.name) if st.speaker.name else [st.speaker.text or ""]
    for name in names:
        words = [w for w in re.findall(r"[^\W\d_][\w'-]*", _fold(name))
                 if w[:1].isupper() and len(w) > 2 and w.lower() not in STOP_WORDS]
        if participants.intersection(words):
            return True
    return False


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
