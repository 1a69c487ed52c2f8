"""The day of an occasion told in an earlier sentence, for the statements made at it.

Wire copy, readouts and reports of a meeting date the occasion once and report what was
said at it in the sentences that follow::

    Putin and Erdogan held a phone conversation on Tuesday, the Kremlin said.
    Putin stressed that Moscow remained open to talks …          <- said on Tuesday
    On Wednesday, Lavrov met his Chinese counterpart Wang Yi in Beijing.
    Lavrov said Russia and China would coordinate their positions … <- said on Wednesday

An **occasion** (:func:`told_occasions`) is a calendar day (a DATE or TIME expression with
a day) that attaches, without passing through another verb, to a verb of meeting ("met",
"spoke", "visited", "hosted", "testified") or to a noun of one ("a phone conversation",
"talks", "a summit", "a press conference", "a hearing"; "held talks on Tuesday", "said at a
news conference on Tuesday"). :func:`occasion_timex` gives a statement that names no time
of its own, and whose cue is in the past tense, the day of the nearest occasion told before
its sentence:

- when that occasion is **the story's**, told in its lead (the first paragraph of prose
  after the headline: "The Security Council met today to consider the situation in Sudan",
  "The Senate Foreign Relations Committee held a hearing on Tuesday"), whoever speaks: the
  story reports that occasion, and the briefer, the delegates and the senators speak at it.
  Not when the lead's occasion is where its own statement was made ("Tamsalu said on
  Tuesday at a press conference in Tallinn": the Finnish minister quoted later was not
  there), nor for a statement that names another venue ("said in an interview with …");
- otherwise when it is at most :data:`MAX_SENTENCES_BACK` sentences back and the speaker is
  named in the occasion's clause (a word of the resolved name, or of the mention when
  unresolved), so "the Kremlin said" after "Putin and Erdogan held a call on Tuesday" in the
  middle of a story stays undated.

Not taken:
- a dateline's day, which is the story's filing day;
- a day inside a statement's content, unless the occasion is told in the past tense ("held
  a phone conversation on Tuesday, the Kremlin said" counts; "said the two sides would meet
  on Friday" is a plan), and a day after the publication date;
- an occasion in the statement's own sentence (the governing-expression rule of
  :mod:`newsledger.nlp.dates` reads that sentence), or after the statement;
- a statement in the present tense ("X says": a standing position) or whose cue says it was
  made at other times ("has long said", "had previously warned", "repeatedly"), and an
  occasion of other words ("police arrested him on Monday" is no meeting).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from newsledger.model import Statement
from newsledger.nlp.datelines import in_dateline
from newsledger.nlp.venue import EVENT_NOUNS

MAX_SENTENCES_BACK = 3
_MAX_CLIMB = 8
OCCASION_VERBS = frozenset({
    "meet", "speak", "talk", "visit", "host", "phone", "telephone", "address", "attend",
    "chair", "receive", "tour", "testify", "confer", "huddle", "greet", "debate", "clash",
    "convene", "gather", "react",
})
OCCASION_NOUNS = frozenset((EVENT_NOUNS - {"parliament", "event", "congress", "assembly"}) | {
    "conversation", "call", "phone", "telephone", "talks", "interview", "negotiation",
    "teleconference", "videoconference", "encounter", "speech", "trial", "sitting", "match",
    "game", "final",
})
# Verbs whose object is the occasion itself, held or spoken to ("held talks", "gave a speech",
# "told a regular press conference"; not "suspended talks").
_HOLDING_VERBS = frozenset({
    "hold", "have", "host", "conduct", "give", "deliver", "attend", "chair", "join", "open", "close",
    "wrap", "end", "begin", "start", "address", "lead", "be", "tell", "brief",
})
# A cue that says the words were said at other times than one occasion.
_HABITUAL_CUE = re.compile(
    r"\b(?:has|have|had|long|previously|repeatedly|often|earlier|already|always|frequently|once)\b", re.I)


@dataclass(frozen=True)
class Occasion:
    """An occasion told in the text: its sentence's index (in :attr:`Occasions.starts`), its verb
    and the day's expression."""

    sentence: int
    verb: Token
    word: Token  # the verb or noun of meeting ("met", "hearing")
    timex: object
    in_lead: bool
    saying: bool  # its verb is a statement's cue ("said at a press conference on Tuesday")


@dataclass(frozen=True)
class Occasions:
    """The occasions of a doc in text order, and where its sentences start."""

    starts: list[int]
    told: list[Occasion]


def told_occasions(doc: Doc, points: list, statements: list[Statement]) -> Occasions:
    """The occasions of ``doc`` in text order, at most one per sentence; ``points`` are
    ``(timex, root token)`` pairs, ``statements`` the doc's statements (a day in what they
    said is an occasion only when told in the past tense)."""
    text = doc.text
    contents = [span for other in statements for span in other.content_spans]
    cues = [other.cue_span for other in statements]
    published = doc._.published
    lead = _lead(text, doc._.body_start or 0)
    found: dict[int, Occasion] = {}
    starts = [sentence.start_char for sentence in doc.sents]
    for tx, root in points:
        day, (s, e) = tx.date(), tx.span
        if day is None or (published and day > published) or in_dateline(text, tx.span):
            continue
        told = _told_occasion(root, any(a < e and s < b for a, b in contents))
        index = bisect_right(starts, s) - 1
        if told is not None and index not in found:
            word, verb = told
            saying = any(a <= verb.idx < b for a, b in cues)
            found[index] = Occasion(index, verb, word, tx, lead[0] <= s < lead[1], saying)
    return Occasions(starts, [found[k] for k in sorted(found)])


def occasion_timex(doc: Doc, st: Statement, occasions: Occasions):
    """The time expression of the occasion ``st`` was made at, told in an earlier sentence
    (see the module docstring); None when there is none."""
    if not occasions.told or _HABITUAL_CUE.search(st.cue or ""):
        return None
    cue = doc.char_span(*st.cue_span, alignment_mode="expand")
    if cue is None or len(cue) == 0 or not any(t.tag_ == "VBD" for t in cue):
        return None  # "says", "is determined to warn": a standing position, not one occasion's
    here = bisect_right(occasions.starts, cue[0].idx) - 1
    earlier = [o for o in occasions.told if o.sentence < here]
    if not earlier:
        return None
    nearest = earlier[-1]
    if nearest.in_lead and not nearest.saying and _no_other_venue(st, nearest.word):
        return nearest.timex
    if here - nearest.sentence <= MAX_SENTENCES_BACK and st.speaker is not None \
            and _named_in(st, _participants(nearest.verb)):
        return nearest.timex
    return None


def _no_other_venue(st: Statement, word: Token) -> bool:
    """True unless the statement names where else it was made ("said in an interview with the
    Helsinki daily", "wrote on Telegram"): its venue, when it has one, is the occasion's noun."""
    venue = (st.venue or "").lower().split()
    return not venue or venue[-1] in (word.lower_, word.lemma_.lower())


def _lead(text: str, body_start: int) -> tuple[int, int]:
    """The character range of the story's lead: its first paragraph of prose (eight words or
    more, ending in a full stop or a quotation mark) after the body's start; headlines, titles
    and date lines are skipped."""
    for paragraph in _PARAGRAPH.finditer(text, body_start):
        words = paragraph.group().split()
        if len(words) >= 8 and paragraph.group().rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
            return paragraph.start(), paragraph.end()
    return 0, 0


_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")


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
            direct = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            objects = direct if lemma in _HOLDING_VERBS else []
            # "said at a joint press conference | today", "faced sharp questions at his
            # confirmation hearing … on Tuesday"
            objects += [o for head in (tok, *direct) for c in head.children
                        if c.dep_ == "prep" and c.lower_ in ("at", "during")
                        for o in c.children if o.dep_ == "pobj"]
            if lemma in OCCASION_VERBS or any(o.lemma_.lower() in OCCASION_NOUNS for o in objects):
                word = word or tok
            return word, tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return word, None


def _told_occasion(root: Token, in_content: bool) -> tuple[Token, Token] | None:
    """The word and verb of the occasion the expression dates, if it dates one; inside what
    someone said, only one told in the past tense ("held a phone conversation on Tuesday, the
    Kremlin said"), not a plan ("said the two sides would meet on Friday")."""
    word, verb = _occasion_word(root)
    if word is None or verb is None or in_content and verb.tag_ != "VBD":
        return None
    return word, verb


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
