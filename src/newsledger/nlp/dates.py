"""When a statement was made (and where, for a continued one): ``newsledger_dates``.

Reads ``doc._.statements`` and ``doc._.timexes`` (from ``newsledger_timex``) and sets
``statement.date`` (``datetime.date`` or None) and ``statement.date_basis`` (one of
``model.DATE_BASES``). Evidence goes to ``extra``: ``date_text``, ``date_span`` and
``date_value`` (the governing expression and its TIMEX3 value), or ``date_from`` (the
cue span of the statement a date was inherited from).

Decision, first rule that applies wins
--------------------------------------
1. **A time expression governs the cue** (``explicit`` or ``relative``): a DATE or
   TIME expression of the cue's sentence, outside the content and the source, whose
   head climbs the dependency parse to the cue without passing through another verb
   (participles on the way are allowed: "Speaking on Monday, he said"):
   "said on February 26", "On March 9, Lee said", "indicated in an article for the
   magazine on March 9", "wrote on Saturday", "told reporters yesterday".
   The date is the expression's calendar day, as ``newsledger_timex`` anchored it to
   the publication date (a bare month-day is the most recent past one).
   ``explicit`` when the words name the day (a month with a number, or a numeric
   date: "February 26", "2024-03-09"); ``relative`` when it is counted from the
   publication date ("yesterday", "on Monday", "two days ago", "the previous day").
   An expression coarser than a day ("last week", "in March", "Later", "recently")
   gives no date: the statement is ``publication`` with ``date_value`` kept, and
   it does *not* inherit, since the text says it was made at another time
   ("Later, Macron himself ruled out ..." is not Macron's February 26 statement).
   When that expression names a calendar period ("told the BBC in 1998", "In March
   2004, he said", "last week"), its TIMEX3 value is the statement's ``date_period``
   ("1998", "2004-03", "2026-W09"); "Later" and "recently" name none. A period is
   not inherited (rule 2): it is as often a background clause's ("Jaishankar, who in
   March ruled out talks, told a conference …") as the occasion's.
2. **Inherited** from the latest earlier statement of the same speaker (the
   resolved ``speaker.name``, else the mention's words; unresolved pronouns never
   match): "he said" after "Lee ... on March 9"; "According to him" after "Macron
   said on February 26". Inheriting from a statement without a date gives none.
   Such a statement continues the same occasion, so when it names no venue of its
   own it also takes that statement's ``venue`` (``extra["venue_from"]``): Lee's
   quote "..., he said" was made in the same article for The American Conservative.
3. **An occasion told in an earlier sentence** (``explicit`` or ``relative``, with
   ``extra["date_occasion"]``): a statement with neither takes the day of a call,
   meeting or briefing that its speaker took part in, told in one of the three sentences
   before ("Putin and Erdogan held a phone conversation on Tuesday, the Kremlin said.
   Putin stressed …"; :mod:`newsledger.nlp.date_occasions` says when).
4. Otherwise ``date`` is None and ``date_basis`` is ``publication``: the statement
   was made on or before the publication date, and the record says so instead of
   silently giving the publication date.

Not decided here: times in the content ("said that on March 9 troops would
..." dates the troops, not the saying), event-anchored times ("after the vote"),
and the time of day (a TIME on a known day gives only its day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements, doc._.timexes)
from newsledger.model import Statement
from newsledger.nlp.date_occasions import Occasions, occasion_timex, told_occasions
from newsledger.nlp.datelines import in_dateline
from newsledger.nlp.spans import doc_text
from newsledger.nlp.timex_calendar import period_bounds
from newsledger.nlp.venue import EVENT_NOUNS, FORM_NOUNS

_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.I)
_NUMERIC = re.compile(r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?")
_RELATIVE = re.compile(r"\b(?:ago|later|earlier|before|after|previous|following|last|next|this|that)\b",
                       re.I)
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "me", "us", "you",
             "who", "which", "that", "himself", "herself", "themselves"}
_VERBAL = {"VERB", "AUX"}
_PARTICIPLE_DEPS = {"advcl", "acl", "relcl"}
_MAX_CLIMB = 8
# Nouns for a saying and where it was made: a date on one outside the content is the saying's
# (a report's date is the report's, not of who cites it).
_SAYING_NOUNS = (FORM_NOUNS | EVENT_NOUNS | {"ad", "advert", "advertisement"}) - {
    "report", "publication", "article", "visit", "debate"}


@Language.factory(
    "newsledger_dates",
    requires=["doc._.statements", "doc._.timexes", "token.dep", "token.head"],
    assigns=["doc._.statements"],
)
def make_dates(nlp: Language, name: str) -> "DatesComponent":
    return DatesComponent()


class DatesComponent:
    """Set ``date`` and ``date_basis`` on every statement of ``doc._.statements``."""

    def __call__(self, doc: Doc) -> Doc:
        assign_dates(doc, doc._.statements or [], doc._.timexes or [])
        return doc


def assign_dates(doc: Doc, statements: list[Statement], timexes: Iterable) -> None:
    """Date every statement: governing expression, else same speaker, else publication."""
    parsed = doc.has_annotation("DEP")  # without a parse nothing can be said to govern the cue
    points = [(tx, _root(doc, tx.span)) for tx in timexes if parsed and tx.type in ("DATE", "TIME")]
    points = [(tx, root) for tx, root in points if root is not None]
    latest: dict[str, Statement] = {}
    occasions = told_occasions(doc, points, statements) if parsed else Occasions([], [])
    for st in sorted(statements, key=lambda s: s.cue_span[0]):
        tx = governing_timex(doc, st, points)
        key = speaker_key(st)
        source = latest.get(key) if key is not None else None
        st.date, st.date_basis, st.date_period = None, "publication", None
        if tx is not None:
            _set_from_timex(st, tx)
        elif source is not None:
            if source.date is not None:
                st.date, st.date_basis = source.date, "inherited"
                st.extra["date_from"] = list(source.cue_span)
            if st.venue is None and source.venue is not None:
                st.venue = source.venue
                st.extra["venue_from"] = list(source.cue_span)
        if st.date is None and tx is None:
            occasion = occasion_timex(doc, st, occasions)
            if occasion is not None:
                _set_from_timex(st, occasion)
                st.extra["date_occasion"] = True
        if key is not None:
            latest[key] = st


def inherit_dates_by_actor(statements: list[Statement]) -> None:
    """Rule 2 once more after the actors stage: a statement left undated (no time expression
    of its own, not even a coarser one) takes the date of the latest earlier statement of the
    same resolved actor, when that one has a date. Why again: the speakers of this stage are
    the words of the text, and "The Ministry demands …" or "the Conservative leader said" is
    not the same words as the "Ministry of Foreign Affairs" or "Kemi Badenoch" dated before. A
    group's statement counts as each named member's ("Anwar and Prabowo today called on …", then
    "Prabowo said …")."""
    latest: dict[str, Statement] = {}
    for st in sorted(statements, key=lambda s: s.cue_span[0]):
        actor = st.speaker.actor_id if st.speaker is not None else None
        if actor is None:
            continue
        source = latest.get(actor)
        if source is not None and source.date is not None and st.date is None \
                and st.date_period is None and "date_value" not in st.extra:
            st.date, st.date_basis = source.date, "inherited"
            st.extra["date_from"] = list(source.cue_span)
        latest[actor] = st
        # "Anwar and Prabowo today called on …" is each member's latest statement too
        for member in getattr(st.speaker, "members", None) or ():
            if member.get("actor_id"):
                latest[member["actor_id"]] = st


def date_basis_of(tx) -> str:
    """``explicit`` when the words name the day, ``relative`` when it is counted."""
    text = tx.text
    named = _NUMERIC.search(text) or (_MONTH.search(text) and re.search(r"\d", text))
    return "explicit" if named and not _RELATIVE.search(text) else "relative"


def speaker_key(st: Statement) -> str | None:
    """Who spoke, for matching statements of one speaker; None when unknown."""
    sp = st.speaker
    if sp is None:
        return None
    words = " ".join((sp.name or sp.text or "").lower().split())
    if words.startswith("the "):
        words = words[4:]
    return None if not words or words in _PRONOUNS else words


def governing_timex(doc: Doc, st: Statement, points: list) -> object | None:
    """The DATE/TIME expression of the cue's sentence that attaches to the cue, if any."""
    if not points:
        return None
    cue = doc.char_span(*st.cue_span, alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return None
    sent = cue[0].sent
    lo, hi = sent.start_char, sent.end_char
    cue_ids = {t.i for t in cue}
    # "struck a similar tone on Monday, telling reporters …": a participle cue shares its verb's day
    cue_ids |= {t.head.i for t in cue if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.sent == sent}
    blocked = list(st.content_spans)
    if st.speaker is not None:
        blocked.append(st.speaker.span)
    found = []
    for tx, root in points:
        s, e = tx.span
        if e <= lo or s >= hi or any(s < b and a < e for a, b in blocked):
            continue
        if tx.date() is None and _dates_a_thing(root, cue_ids, st.content_spans):
            continue  # "condemned the attack in Pahalgam in April", "a photo of the 1962 crisis"
        if _climbs_to_cue(root, cue_ids, st.content_spans) or _after_saying_noun(doc, tx.span, st.content_spans) \
                or day_after_cue(doc_text(doc), st.cue_span[1], tx.span[0]):
            found.append(tx)
    if not found:
        return None
    cue_pos = st.cue_span[0]
    text = doc_text(doc)
    # A calendar day beats a coarser expression, one the sentence writes beats the dateline's
    # filing day ("RIYADH, Feb 28 (SPA) -- … at a rally on Friday"); then the nearest to the cue.
    return min(found, key=lambda tx: (tx.date() is None, in_dateline(text, tx.span), tx.type != "DATE",
                                      abs(tx.span[0] - cue_pos)))


def _climbs_to_cue(tok: Token, cue_ids: set[int], content: list[tuple[int, int]]) -> bool:
    for _ in range(_MAX_CLIMB):
        if tok.i in cue_ids:
            return True
        head = tok.head
        if head.i != tok.i and _saying_noun(head, content):
            return True  # "in a statement on Saturday": the saying's day
        if head.i == tok.i or any(a <= head.idx < b for a, b in content):
            return False
        if head.pos_ in _VERBAL and head.i not in cue_ids and not _participle(head):
            return False
        tok = head
    return False


def _dates_a_thing(tok: Token, cue_ids: set[int], content: list[tuple[int, int]]) -> bool:
    """True when a period is said of a thing on its way up to the cue (a noun other than a
    saying's), so it dates the thing, not the saying: "condemned the attack | in April"."""
    for _ in range(_MAX_CLIMB):
        head = tok.head
        if head.i == tok.i or head.i in cue_ids or _saying_noun(head, content):
            return False
        if head.pos_ in ("NOUN", "PROPN"):
            return True
        tok = head
    return False


def _saying_noun(tok: Token, content: list[tuple[int, int]]) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_ in _SAYING_NOUNS and not any(a <= tok.idx < b for a, b in content)


def _after_saying_noun(doc: Doc, span: tuple[int, int], content: list[tuple[int, int]]) -> bool:
    """True when the expression follows a saying noun outside the content ("in a statement
    on Saturday", "at a briefing Monday", "in an interview with CNN aired on Sunday"), however
    the parser attached it."""
    first = doc.char_span(*span, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    before = doc[first.start - 1]
    if before.pos_ == "ADP" and before.i > 0:
        before = doc[before.i - 1]
    if before.lemma_.lower() in _PUBLISHED and before.tag_ in ("VBN", "VBD"):
        # "in an interview with CNN | aired | on Sunday": the day the saying went out, however the
        # parser hangs the participle; back over it and the "with CNN" it may follow
        before = _before_with_phrase(doc, before.i)
    return before is not None and _saying_noun(before, content)


_PUBLISHED = {"air", "publish", "broadcast", "release", "post", "record", "televise", "conduct"}


def _before_with_phrase(doc: Doc, i: int) -> Token | None:
    """The word before token ``i`` once a short "with CNN" / "to the BBC" phrase is skipped."""
    j = i - 1
    while j > 0 and i - j <= 4 and (doc[j].pos_ in ("PROPN", "DET") or doc[j].text == "."):
        j -= 1
    if j < i - 1 and doc[j].lower_ in ("with", "to", "by") and j > 0:
        return doc[j - 1]
    return doc[j] if j >= 0 else None


DAY_SIGNALS = frozenset({"on", "at", "in"})  # the prepositions of a day said right after its cue


def day_after_cue(text: str, cue_end: int, start: int) -> bool:
    """True when a time expression at ``start`` follows a cue ending at ``cue_end`` with at most
    a preposition between ("said on Tuesday he would impose …", "said Tuesday"): the saying's day,
    however the parser hung it on the reported clause."""
    between = text[cue_end:start].split()
    return start >= cue_end and (not between or len(between) == 1 and between[0].lower() in DAY_SIGNALS)


def _participle(tok: Token) -> bool:
    """"Speaking on Monday, he said", "in a statement released on Monday": a verb form
    that only describes the saying."""
    return tok.dep_ in _PARTICIPLE_DEPS and tok.tag_ in ("VBG", "VBN")


def _set_from_timex(st: Statement, tx) -> None:
    day: dt.date | None = tx.date()
    st.extra["date_text"] = tx.text
    st.extra["date_span"] = list(tx.span)
    st.extra["date_value"] = tx.value
    if day is not None:
        st.date, st.date_basis = day, date_basis_of(tx)
    elif tx.type == "DATE" and period_bounds(tx.value) is not None:
        st.date_period = tx.value


def _root(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = doc.char_span(*span, alignment_mode="expand")
    return found.root if found is not None and len(found) else None
