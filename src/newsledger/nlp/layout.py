"""Attributions marked by layout rather than by a reporting verb.

Found:

- signatures: a quotation followed by a dash and a name, as in reader
  round-ups and epigraphs (“We can do better.” ― Ana Ruiz); the dash is the cue,
  the name the source, the quotation the content;
- line signatures: a line (a state agency's headline) that ends in a dash and a name
  ("Moscow will respond to deployment of US missiles in Germany — Ryabkov"); the dash is
  the cue, the name the source, the line before it the content;
- speaker labels: a paragraph (or headline) that opens with a short name and a
  colon — transcripts ("PENCE: We will win."), a parliament's record ("Kemi Badenoch (North
  West Essex) (Con): …", "The Prime Minister (Keir Starmer): …": the name, not the seat or
  party) and headlines ("Sanders: Clinton must focus on policy"); the colon is the cue, the
  rest of the paragraph the content;
- continued quotations: “A,” she said. “B.” — a quotation that follows the
  sentence of a direct attribution, with nothing between them, continues it.
  PolNeAR annotates the two quotations as one content.

Not found: a dash or colon after a common noun or a sentence ("Partial
transcript as follows:"), after a headline's title-case phrase ("Stealth Over
Health:"), labels longer than :data:`MAX_LABEL_TOKENS` tokens, and a continued
quotation that opens a new paragraph (a new paragraph of quote is often a different
speaker's, or unattributed).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..countries import country_named
from ..model import Mention, Statement
from .quotes import OPENING_MARKS, Quote
from .nominals import TITLES
from .spans import doc_text, overlaps, trim

MAX_LABEL_TOKENS = 5
SIGNATURE_DASHES = "―—–"
# Paragraph labels that announce a section, not a speaker.
NOT_SPEAKERS = {
    "update", "updated", "watch", "exclusive", "breaking", "related", "read", "photos", "photo",
    "video", "note", "editor", "correction", "source", "sources", "getty", "image", "images",
    "a", "pic", "listen", "more", "see", "also", "advertisement", "credit", "follow",
    # a fact check's and an explainer's sections ("Verdict: False.", "Claim: …", "Context: …")
    "verdict", "claim", "claims", "rating", "context", "background", "analysis", "summary",
    "conclusion", "fact", "facts", "reality", "bottom", "takeaway", "takeaways", "timeline",
    "latest", "factbox", "explainer", "disclaimer", "caption", "transcript", "live",
    # an outlet's own columns ("Opinion: …", "Editorial: …")
    "opinion", "editorial", "commentary", "viewpoint", "insight", "perspective", "op-ed",
    # what kind of story follows ("Interview: Kallas on Russia"; not "Poll: Clinton leads …", whose
    # poll is the source, as PolNeAR reads it)
    "interview", "q&a", "podcast",
}
# the last word of a column's name ("GT Voice: …", "Our view: …", "Global Times editorial: …")
COLUMN_HEADS = {"voice", "view", "viewpoint", "opinion", "editorial", "commentary", "column"}
# Finite reporting verbs: words before a colon that hold one are a sentence introducing a
# quotation ("A ministry spokesperson said: …"), never a section's label.
_REPORTING_FORMS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "stated", "states",
                    "declared", "declares", "replied", "replies", "explained", "explains", "warned", "warns",
                    "insisted", "insists", "noted", "notes", "announced", "announces", "posted", "tweeted"}


def section_label(words: list[str]) -> bool:
    """Whether the words before a colon announce a section or a column ("Editorial:", "THE
    FACTS:", "Our view:", "Global Times editorial:") rather than name a speaker."""
    lowered = [w.lower() for w in words]
    if any(w.strip(",") in _REPORTING_FORMS for w in lowered[1:]):
        return False
    while lowered and lowered[0] in ("the", "our"):
        lowered = lowered[1:]
    return bool(lowered) and (lowered[0] in NOT_SPEAKERS or lowered[-1] in COLUMN_HEADS)
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}  # entities whose words make a label a name
# Function words capitalised in a headline's title case ("Stealth Over Health: …"), never inside a name.
TITLE_CASE_WORDS = {"over", "of", "and", "for", "in", "to", "with", "on", "at", "by", "from", "the", "a",
                    "an", "after", "before", "about", "into", "against", "vs"}
_SIGNATURE = re.compile(r"[ \t\u00a0]*(?:[―—–]|--)[ \t\u00a0]*(?=[A-Z@])")
_LINE_SIGNATURE = re.compile(r"[ \t\u00a0]+([―—–]|--)[ \t\u00a0]+(?=[A-Z][^\n]*$)", re.M)
_LEFT_ON_SENTENCE = "'\"“‘ \t\u00a0\n"
_CONTINUATION_GAP = re.compile(r"[ \t\u00a0]*")


def signature_statements(doc: Doc, quotes: list[Quote], body_start: int) -> list[Statement]:
    """Statements for “quotation” ― Name signatures."""
    text = doc_text(doc)
    found = []
    for quote in quotes:
        if quote.start < body_start:
            continue
        match = _SIGNATURE.match(text, quote.end)
        if match is None:
            continue
        source = _name_after(doc, match.end())
        if not source:
            continue
        dash = text[match.start():match.end()].strip(" \t\u00a0")
        dash_start = text.index(dash, match.start())
        found.append(_statement(text, (dash_start, dash_start + len(dash)), source,
                                (quote.start, quote.end), "layout:signature", 0.8))
    return found


def line_signature_statements(doc: Doc, body_start: int) -> list[Statement]:
    """Statements for a line (a headline, mostly) that ends in a dash and a name, as state
    news agencies write them: "Moscow will respond to deployment of US missiles in Germany —
    Ryabkov". The line before the dash is the content, unquoted."""
    text = doc_text(doc)
    found = []
    for start, end in _paragraphs(text, body_start):
        dash = _LINE_SIGNATURE.search(text, start, end)
        if dash is None or len(text[start:dash.start()].split()) < 3:
            continue
        source = _name_after(doc, dash.end())
        if source is None or source[1] != end or not _names_someone(doc, source):
            continue  # "… — live", "… — Day 2", or more after the name
        cue_start = text.index(dash.group(1), dash.start())
        statement = _statement(text, (cue_start, cue_start + len(dash.group(1))), source,
                               (start, len(text[:dash.start()].rstrip())), "layout:line-signature", 0.7)
        found.append(statement)
    return found


def _names_someone(doc: Doc, source: tuple[int, int]) -> bool:
    """True when the words are a name: proper nouns or a person's or an organisation's entity,
    and no section word ("Update", "Video")."""
    words = [t for t in doc.char_span(*source, alignment_mode="expand") or [] if t.is_alpha]
    return bool(words) and all(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in words) \
        and not any(t.lower_ in NOT_SPEAKERS for t in words)


def label_statements(doc: Doc, body_start: int) -> list[Statement]:
    """Statements for paragraphs that open with "NAME: ...", and for the answers of an
    interview printed as questions and answers ("Q: … A: …"): ``extra["interview_answer"]``
    (``extra["interview_question"]`` on a question, asked by nobody named),
    said by the one interviewed (resolved by the speakers component)."""
    text = doc_text(doc)
    # words of names found elsewhere: "Sanders: …" in a headline, tagged a common noun there
    named = {t.lower_ for ent in doc.ents if ent.label_ in NAME_LABELS for t in ent if t.is_title}
    paragraphs = list(_paragraphs(text, body_start))
    interview = any(_INTERVIEW.match(text, start, end) and text[start] == "Q" for start, end in paragraphs)
    found = []
    for start, end in paragraphs:
        answer = _INTERVIEW.match(text, start, end) if interview and text[start] == "A" else None
        statement = _answer(text, answer, end) if answer else _label_statement(doc, text, start, end, named)
        if statement is not None:
            if interview and _INTERVIEW.match(text, start, end) and text[start] == "Q":
                statement.extra["interview_question"] = True
            found.append(statement)
    return found


_INTERVIEW = re.compile(r"(?:Q|A|Question|Answer)[:.]\s")


def _answer(text: str, label: re.Match, end: int) -> Statement:
    """An interview's answer: "A: No. Our constitution says we are neutral." """
    mark = label.end() - 2  # the colon (or full stop) after "A"
    statement = _statement(text, (mark, mark + 1), (label.start(), mark), (label.end(), end), "layout:label", 0.6)
    statement.extra["interview_answer"] = True
    return statement


def continued_by(text: str, statement: Statement, by_start: dict[int, Quote]) -> Quote | None:
    """The quotation (of ``by_start``, quotations by start offset) that continues a direct
    statement whose cue closes its sentence ('"Q1," X said. "Q2."'), or None."""
    if statement.quote == "indirect" or not statement.content_spans or not statement.sentence_span \
            or statement.content_spans[-1][1] > statement.cue_span[0]:
        return None
    end = statement.sentence_span[1]
    while end > statement.cue_span[1] and text[end - 1] in _LEFT_ON_SENTENCE:
        end -= 1  # the parser may end the sentence after the next quotation's opening "''"
    if text[end - 1] not in ".!?":
        return None
    return by_start.get(_CONTINUATION_GAP.match(text, end).end())


def continue_quotes(text: str, statements: list[Statement], quotes: list[Quote]) -> None:
    """Extend direct statements whose cue closes a sentence with the quotation
    that follows it in the same paragraph, when nothing else claims it."""
    claimed = [s for st in statements for s in st.content_spans]
    by_start = {q.start: q for q in quotes}
    for st in statements:
        following = continued_by(text, st, by_start)
        if following is None:
            continue
        span = (following.start, following.end)
        if any(overlaps(span, c) for c in claimed) or span[1] - span[0] < 4:
            continue
        st.content_spans = [*st.content_spans, span]
        st.content = " … ".join(text[s:e] for s, e in st.content_spans)
        st.quote = "direct" if st.quote == "direct" else "mixed"
        claimed.append(span)


# A list item's marker ("- Egypt's foreign ministry: …", "• France: …")
_BULLET = re.compile(r"[-–•*·][ \t]+")
# What a list of reactions names as its speakers besides names ("- Egypt's foreign ministry: …")
_SPEAKING_HEADS = {"ministry", "office", "government", "embassy", "presidency", "department", "council",
                   "commission", "agency", "spokesman", "spokeswoman", "spokesperson", *TITLES}


# A parliament's record: "Q1. Sarah Owen (Luton North) (Lab):", "The Prime Minister (Keir Starmer):"
_RECORD_LABEL = re.compile(r"(?:Q\d+\.\s+)?(?P<name>[^():\n]+?)\s*(?P<groups>(?:\([^()\n]*\)\s*)+)$")
_PAREN_NAME = re.compile(r"\(((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+)\)")


def _record_label(text: str, start: int, colon: int) -> tuple[int, int]:
    """The speaker's words of a parliament's label: the name before the constituency and party
    ("Sarah Owen (Luton North) (Lab)" -> "Sarah Owen"), or the name in brackets after a title
    ("The Prime Minister (Keir Starmer)" -> "Keir Starmer"); the label itself otherwise."""
    found = _RECORD_LABEL.match(text, start, colon)
    if found is None:
        return start, colon
    name_start, name_end = found.span("name")
    in_brackets = _PAREN_NAME.match(found.group("groups"))
    if in_brackets and text[name_start:name_end].split()[0] in ("The", "the"):
        return found.start("groups") + in_brackets.start(1), found.start("groups") + in_brackets.end(1)
    return name_start, name_end


def _label_statement(doc: Doc, text: str, start: int, end: int, named: set[str]) -> Statement | None:
    bullet = _BULLET.match(text, start, end)
    start = bullet.end() if bullet else start
    colon = text.find(":", start, min(end, start + 90))
    if colon < 0:
        return None
    label = doc.char_span(*_record_label(text, start, colon), alignment_mode="expand")
    if label is None:
        return None
    words = trim(list(label), keep_quotes=False)
    if not 1 <= len(words) <= MAX_LABEL_TOKENS or not (
            all(_name_like(t, named) for t in words)
            or bullet and _name_like(words[0], named) and words[-1].lower_ in _SPEAKING_HEADS):
        return None
    if section_label([t.text for t in words]) or _place_dateline(words) \
            or any(t.lower_ in TITLE_CASE_WORDS and t.is_title for t in words[1:]):
        return None
    content_start = colon + 1
    while content_start < end and text[content_start] in " \t\u00a0\"“":
        content_start += 1
    content_end = end
    while content_end > content_start and text[content_end - 1] in " \t\u00a0\"”":
        content_end -= 1
    if len(text[content_start:content_end].split()) < 3:
        return None
    source = (words[0].idx, words[-1].idx + len(words[-1]))
    return _statement(text, (colon, colon + 1), source, (content_start, content_end), "layout:label", 0.6)


def _place_dateline(words: list[Token]) -> bool:
    """A place in capitals before a colon is the dateline of South Asian papers ("ISLAMABAD: The
    Foreign Office on Thursday …", "NEW DELHI: "), not a speaker as "TRUMP: Wrong." is."""
    text = " ".join(t.text for t in words)
    return text.isupper() and (country_named(text) is not None
                               or all(t.ent_type_ in ("GPE", "LOC") for t in words))


def _name_like(token: Token, named: set[str] = frozenset()) -> bool:
    if token.pos_ == "PROPN" or token.is_title and token.lower_ in named:
        return True
    return token.is_upper and token.is_alpha or token.text in {".", "-", "'"}


def _name_after(doc: Doc, start: int) -> tuple[int, int] | None:
    """The capitalised words that start at ``start`` (a name), up to the sentence's end."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    words: list[Token] = []
    for token in doc[first.start:first.start + 8]:
        if token.is_space or token.text in {".", ",", ";"} and not _initial(token, words):
            break
        if not (token.is_title or token.is_upper or token.text.startswith("@") or _initial(token, words)):
            break
        words.append(token)
    words = trim(words)
    return (words[0].idx, words[-1].idx + len(words[-1])) if words else None


def _initial(token: Token, words: list[Token]) -> bool:
    # "Edwin G. Monroy": a one-letter word followed by a full stop.
    return token.text == "." and bool(words) and len(words[-1].text) == 1


def _paragraphs(text: str, body_start: int):
    pos = body_start
    for line in text[body_start:].split("\n"):
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        pos += len(line) + 1
        if end > start:
            yield start, end


def _statement(text: str, cue: tuple[int, int], source: tuple[int, int], content: tuple[int, int],
               rule: str, confidence: float) -> Statement:
    return Statement(
        cue=text[cue[0]:cue[1]], cue_span=cue, content=text[content[0]:content[1]],
        content_spans=[content], speaker=Mention(text=text[source[0]:source[1]], span=source),
        quote="direct" if rule == "layout:signature" else "indirect", confidence=confidence,
        sentence_span=(min(cue[0], source[0], content[0]), max(cue[1], source[1], content[1])),
        extra={"rule": rule, "cue_lemma": text[cue[0]:cue[1]]},
    )


_ANNOUNCED = re.compile(r":[ \t\u00a0]*\n[ \t\u00a0]*\n[ \t\u00a0]*$")  # "… issued the following statement:" + blank line
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]*)*")
_QUOTE_OPENINGS = (*OPENING_MARKS, "‘", "'")
_TURNS = ("meanwhile", "separately", "however", "in response", "earlier", "later")
MAX_ANNOUNCED_PARAGRAPHS = 8
_ANNOUNCE_REACH = 40  # characters before a piece where its announcing colon and blank line stand


def continue_announcements(text: str, statements: list[Statement]) -> list[Statement]:
    """``statements`` with each one announced with a colon before a blank line ("A spokesman …
    issued the following press statement on Monday:" + paragraphs, as KCNA or a ministry
    writes it) extended over the paragraphs after its content, up to one that holds another
    statement's cue or source, turns to something else ("Meanwhile, …") or ends the text; a
    statement of nobody inside what it took is its words ("The DPRK will never | tolerate |
    …") and goes."""
    marks = [(a, b) for st in statements if st.speaker is not None for a, b in (st.cue_span, st.speaker.span)]
    taken: list[tuple[int, int]] = []
    for st in statements:
        # the colon and blank line right before a piece (not a search of all the text before it)
        opening = next((a for a, _ in st.content_spans if _ANNOUNCED.search(text, max(0, a - _ANNOUNCE_REACH), a)),
                       None)
        if opening is None or st.cue_span[1] > opening or text.startswith(_QUOTE_OPENINGS, opening):
            continue  # the cue announces before the colon, what it announces is no quotation
        end = max(b for _, b in st.content_spans)
        for _ in range(MAX_ANNOUNCED_PARAGRAPHS):
            line_end = text.find("\n", end)  # past what is left of the content's paragraph (its full stop)
            paragraph = _PARAGRAPH.search(text, line_end) if line_end >= 0 else None
            if paragraph is None or text[end:line_end].strip(" \t\u00a0.\"”'’") \
                    or paragraph.group().strip().lower().startswith(_TURNS) \
                    or any(paragraph.start() <= a < paragraph.end() for a, _ in marks):
                break
            start = paragraph.start() + len(paragraph.group()) - len(paragraph.group().lstrip())
            stop = paragraph.start() + len(paragraph.group().rstrip())
            st.content_spans = [*st.content_spans, (start, stop)]
            st.extra["announced"] = True  # read from the layout (see learned.merge)
            taken.append((start, stop))
            end = stop
        st.content = " … ".join(text[a:b] for a, b in st.content_spans)
    return [st for st in statements
            if not (st.speaker is None and any(a <= st.cue_span[0] < b for a, b in taken))]


def label_around(statements: list[Statement], mention: Mention) -> Statement | None:
    """The transcript label statement ("Mao Ning: …"), its speaker named already (labels come
    first), whose words hold ``mention`` (a first-person "we" or "I" in the answer); None."""
    for label in statements:
        if label.extra.get("rule") == "layout:label" and label.speaker is not None and label.speaker.name \
                and any(a <= mention.span[0] and mention.span[1] <= b for a, b in label.content_spans):
            return label
    return None

