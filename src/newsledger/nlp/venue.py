"""Where a statement was made: ``newsledger_venue``.

Reads ``doc._.statements`` and sets ``statement.venue`` (a string, or leaves it None)
from phrases attached to the cue in the dependency parse, and records the venue's
span in ``extra["venue_span"]`` and its kind in ``extra["venue_kind"]``
(outlet, platform, event, form).

What is extracted (only phrases that hang on the cue word, or on a participle
that does: "Speaking at a press conference, he said ...")
-----------------------------------------------------------------------------------
- a form of publication with an outlet: "in an article for The American
  Conservative", "in an op-ed for Z", "in an interview with X" / "to X",
  "in a post on X", "in a speech at Y" -> the outlet, platform or event;
- the same with a generic outlet noun, resolved to the name next to it: "in an
  article for the magazine on March 9 The American Conservative" (the worked
  example's odd order: dates and prepositions are skipped, the capitalised run
  that follows is the name; "the magazine The American Conservative" works too);
- the form alone when no outlet is named: "in a statement" -> "statement",
  "in a video address" -> "video address";
- events: "at a press conference" -> "press conference", "at the Munich Security
  Conference", "during a briefing", "on the sidelines of the summit" -> "summit";
- platforms and broadcasters: "on Telegram", "wrote on X", "on Twitter",
  "on his Telegram channel" -> "Telegram", "on Fox News", "on Rossiya 1 TV";
- "told X" / "speaking to X" when X is a media outlet ("told the BBC");
  a person or "reporters" gives no venue.

A phrase the parser hangs on the content's main verb counts too when it lies
outside the content span ("said that Russia must leave Ukraine in a statement").

What is not extracted
---------------------
- Places ("in Brussels", "at the Kremlin" when not an event), dates ("on March 9"),
  topics ("a statement on the situation", "commented on NATO"), the addressee of
  "called on X", and phrases attached to the content's verbs rather than the cue.
- Venues stated in another sentence ("The interview was published on Monday."); but
  a statement that continues the same speaker's earlier one ("..., he said") takes
  its venue from it in ``newsledger_dates``.
- The outlet that *is* the speaker ("Politico learned"): that is the speaker.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements)
from newsledger.model import Statement
from newsledger.nlp.spans import PerStatement, doc_text, tokens_in

FORM_NOUNS = {
    "article", "interview", "op-ed", "oped", "column", "statement", "speech", "post", "letter",
    "address", "tweet", "video", "message", "essay", "piece", "editorial", "commentary",
    "broadcast", "appearance", "remark", "comment", "podcast", "blog", "communique", "release",
    "conversation", "note", "op", "publication", "text", "appeal", "report",
    "ed",  # "op-ed" is tokenised op - ed
}
EVENT_NOUNS = {
    "conference", "briefing", "summit", "meeting", "rally", "forum", "session", "hearing",
    "event", "congress", "assembly", "ceremony", "debate", "gathering", "convention",
    "dinner", "roundtable", "panel", "sideline", "talk", "visit", "parliament", "plenary",
}
MEDIA_NOUNS = {
    "magazine", "newspaper", "paper", "outlet", "publication", "agency", "channel",
    "broadcaster", "tabloid", "website", "portal", "daily", "weekly", "journal", "station",
    "network", "show", "program", "programme", "podcast", "page", "account", "blog",
}
PLATFORMS = {
    "x", "twitter", "telegram", "facebook", "instagram", "youtube", "tiktok", "truth social",
    "vkontakte", "vk", "weibo", "wechat", "linkedin", "threads", "bluesky", "substack",
    "rumble", "television", "tv", "radio",
}
_MEDIA_WORDS = {"news", "tv", "times", "post", "journal", "radio", "agency", "press", "daily",
                "magazine", "television", "channel", "herald", "gazette", "tribune", "telegraph",
                "guardian", "conservative", "novosti", "broadcasting", "network"}
KNOWN_OUTLETS = {
    "politico", "reuters", "ap", "afp", "bloomberg", "cnn", "bbc", "tass", "ria novosti",
    "interfax", "axios", "nbc", "cbs", "abc", "al jazeera", "kommersant", "izvestia", "rt",
    "euronews", "dw", "le monde", "der spiegel", "spiegel", "bild", "msnbc", "npr", "pbs",
}
_SPEAK_LEMMAS = {"speak", "talk", "write", "address", "appear", "post", "comment", "say"}


@Language.factory(
    "newsledger_venue",
    requires=["doc._.statements", "token.dep", "token.lemma"],
    assigns=["doc._.statements"],
)
def make_venue(nlp: Language, name: str) -> "VenueComponent":
    return VenueComponent()


class VenueComponent(PerStatement):
    """Set ``venue`` on every statement of ``doc._.statements``."""

    @staticmethod
    def mark(doc: Doc, statement: Statement) -> None:
        mark_venue(doc, statement)


def mark_venue(doc: Doc, st: Statement) -> None:
    found = find_venue(doc, st)
    if found is None:
        return
    (start, end), kind = found
    st.venue = doc_text(doc)[start:end]
    st.extra["venue_span"] = [start, end]
    st.extra["venue_kind"] = kind


def find_venue(doc: Doc, st: Statement) -> tuple[tuple[int, int], str] | None:
    if st.cue.lower().startswith("according to"):
        return None  # "According to Channel 12": the outlet is the source, not where it spoke
    content = set(tokens_in(doc, st.content_spans))
    for head in _attachment_points(tokens_in(doc, [st.cue_span])):
        for child in head.children:
            if child in content or (head.lemma_ == "call" and child.lower_ in ("on", "upon")):
                continue  # "called on NATO to ...": the addressee, not a platform
            found = _from_dependent(head, child)
            if found:
                return found
    # "said that Russia must leave Ukraine in a statement": the parser hangs the phrase on
    # the content's verb, but it lies outside the content, so it belongs to the saying.
    for head in _roots(content):
        for child in head.children:
            if child.dep_ == "prep" and not any(t in content for t in child.subtree):
                found = _from_dependent(head, child)
                if found:
                    return found
    return None


def _roots(content: set[Token]) -> list[Token]:
    return sorted((t for t in content if t.head not in content or t.head.i == t.i), key=lambda t: t.i)


def _attachment_points(cue: list[Token]) -> Iterable[Token]:
    """The cue's words, then participles on them ("Speaking at ..., he said")."""
    yield from cue
    for tok in cue:
        for child in tok.children:
            if child.dep_ == "advcl" and child.lemma_.lower() in _SPEAK_LEMMAS and child.tag_ in ("VBG", "VBN"):
                yield child


def _from_dependent(head: Token, child: Token) -> tuple[tuple[int, int], str] | None:
    if child.dep_ == "prep":
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        return _from_prep(child.lower_, pobj) if pobj is not None else None
    telling = head.lemma_.lower() in ("tell", "speak", "talk")
    if telling and child.dep_ in ("dobj", "dative") and _is_media(child):
        named = _name_near(child) if _is_generic_media(child) else None
        return named or _name_span(child), "outlet"
    return None


def _from_prep(prep: str, pobj: Token) -> tuple[tuple[int, int], str] | None:
    lemma = pobj.lemma_.lower()
    if prep in ("in", "during", "via", "through") and lemma in FORM_NOUNS:
        return _from_form(pobj)
    if prep in ("at", "during", "on", "in") and lemma in EVENT_NOUNS | {"sidelines"}:
        return _from_event(pobj)
    if prep in ("on", "via", "through") and _is_platform_or_outlet(pobj):
        return _platform_span(pobj), "platform"
    if prep == "in" and _is_media(pobj):  # "wrote in The Guardian"
        return _name_span(pobj), "outlet"
    if prep == "to" and _is_media(pobj):  # "said to Fox News"
        return _name_span(pobj), "outlet"
    if prep == "at" and pobj.pos_ == "PROPN" and _is_event_name(pobj):
        return _name_span(pobj), "event"
    return None


def _is_event_name(tok: Token) -> bool:
    """"the Munich Security Conference", "the Davos Forum": not "the Kremlin" (a place)."""
    if tok.ent_type_ == "EVENT":
        return True
    start, end = _name_span(tok)
    return any(w.rstrip("s") in EVENT_NOUNS for w in doc_text(tok.doc)[start:end].lower().split())


def _from_form(form: Token) -> tuple[tuple[int, int], str]:
    """"an article for X", "an interview with X", "a post on X", "a speech at Y", or the form."""
    for prep in (c for c in form.children if c.dep_ == "prep"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        word = prep.lower_
        if word in ("for", "with", "to", "in", "by") and _is_generic_media(pobj):
            named = _name_near(pobj)
            return (named, "outlet") if named else (_form_span(pobj), "outlet")
        if word in ("for", "with", "to", "in", "by") and pobj.pos_ in ("PROPN", "NOUN") and \
                (word != "in" or _is_media(pobj)):
            return _name_span(pobj), "outlet"
        if word in ("on", "via") and _is_platform_or_outlet(pobj):
            return _platform_span(pobj), "platform"
        if word == "at" and (pobj.lemma_.lower() in EVENT_NOUNS or pobj.pos_ == "PROPN"):
            return _from_event(pobj)
    return _form_span(form), "form"


def _from_event(event: Token) -> tuple[tuple[int, int], str]:
    # "on the sidelines of the summit": the summit is the venue.
    if event.lemma_.lower() in ("sideline", "sidelines"):
        of = next((c for c in event.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            event = pobj
    if event.pos_ == "PROPN":
        return _name_span(event), "event"
    return _form_span(event), "event"


# --- names ------------------------------------------------------------------------------------


def _is_generic_media(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in MEDIA_NOUNS


def _is_media(tok: Token) -> bool:
    """An outlet: a known name, a proper name with a media word, or a generic media noun."""
    if _is_generic_media(tok):
        return True
    start, end = _name_span(tok)
    name = doc_text(tok.doc)[start:end].lower()
    if name.startswith("the "):
        name = name[4:]
    words = set(name.split())
    return name in KNOWN_OUTLETS or (tok.pos_ == "PROPN" and bool(words & _MEDIA_WORDS))


def _is_platform_or_outlet(tok: Token) -> bool:
    start, end = _platform_span(tok)
    name = doc_text(tok.doc)[start:end].lower()
    # "on Rossiya 1 TV", "on Channel One" hold a media word; "on NATO" is a topic, not a venue.
    # "wrote on X." : the tokenizer may keep the sentence's full stop on a one-letter name
    return name.rstrip(".") in PLATFORMS or tok.lower_.rstrip(".") in PLATFORMS or _is_media(tok)


def _platform_span(tok: Token) -> tuple[int, int]:
    """"his Telegram channel" -> "Telegram"; otherwise the name itself."""
    if _is_generic_media(tok):
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            return _name_span(names[-1])
    start, end = _name_span(tok)
    return start, end - (end - start > 1 and doc_text(tok.doc)[end - 1] == "." and tok.text.count(".") == 1)


def _name_near(generic: Token) -> tuple[int, int] | None:
    """The name of "the magazine": its apposition, or the capitalised run that follows it."""
    for child in generic.children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > generic.i:
            return _name_span(child)
    doc, i = generic.doc, generic.i + 1
    # "for the magazine on March 9 The American Conservative": skip dates and prepositions.
    while i < len(doc) and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].lower_ in ("on", ",", "in", "of")
                            or doc[i].like_num):
        i += 1
    run = []
    while i < len(doc) and (doc[i].is_title or doc[i].is_upper) and not doc[i].is_punct and "\n" not in doc[i].text:
        run.append(doc[i])
        i += 1
    if run and run[-1].i - generic.i <= 10:
        return run[0].idx, run[-1].idx + len(run[-1])
    return None


def _name_span(tok: Token) -> tuple[int, int]:
    """The name ending at ``tok``: its compounds and a capitalised "The", not "the"/"his"."""
    doc, start, inside = tok.doc, tok.i, {tok.i}
    while start > 0 and doc[start - 1].head.i in inside and \
            doc[start - 1].dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss", "flat"):
        start -= 1
        inside.add(start)
    while start < tok.i and (doc[start].dep_ == "poss" or
                             (doc[start].dep_ == "det" and not doc[start].is_title)):
        start += 1
    return doc[start].idx, tok.idx + len(tok)


def _form_span(tok: Token) -> tuple[int, int]:
    """"a video address" -> "video address": the noun and its compounds, no determiner."""
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    start = compounds[0].idx if compounds else tok.idx
    return start, tok.idx + len(tok)


