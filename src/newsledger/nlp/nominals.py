"""Title and role nouns as speakers: "the senator", "the judge", "the Republican nominee".

``by_title`` finds the person a title phrase refers to among the people named before
it in the article, from the words around each name ("Sen. Ted Cruz", "Manhattan
Supreme Court Justice Frank Nervo", "GOP nominee Donald Trump"): abbreviations
("Sen.", "Gov.") and a few synonyms (judge/justice, nominee/candidate, GOP/Republican)
count as the same title. Not done here: who held a title on a date (the actors stage
asks its knowledge base when nothing in the article matches).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsledger.countries import country_named

GENERIC_PERSON = {"politician", "official", "leader", "spokesman", "spokeswoman", "spokesperson",
                  "lawmaker", "diplomat", "man", "woman", "lawyer", "aide", "source"}
# Particles inside a person's name ("Bill de Blasio", "Ursula von der Leyen", "Osama bin Laden").
NAME_PARTICLES = frozenset("de da dos van von der den al el bin ibn le la di du".split())
TITLES = {"senator", "president", "minister", "secretary", "chancellor", "governor", "premier",
          "general", "ambassador", "congressman", "congresswoman", "representative", "rep.",
          "sen.", "gov.", "mayor", "speaker", "chairman", "chair", "director", "king", "queen",
          "prime", "chief", "commissioner", "envoy", "prosecutor", "judge", "pope", "sheikh",
          "justice", "nominee", "candidate", "prince", "princess", "emir", "sultan",
          "highness", "excellency", "majesty"}  # "His Highness also affirmed": the one named so before
TITLE_ABBREVIATIONS = {"sen.": "senator", "sen": "senator", "gov.": "governor", "rep.": "representative",
                       "pres.": "president", "congressman": "representative",
                       "congresswoman": "representative", "chairwoman": "chairman", "chair": "chairman"}
_SYNONYM_SETS = ({"judge", "justice"}, {"nominee", "candidate", "hopeful"}, {"republican", "gop"},
                 {"democratic", "democrat"})
TITLE_SYNONYMS = {word: group for group in _SYNONYM_SETS for word in group}
TITLE_FILLER = {"current", "presidential", "top", "new", "longtime", "veteran", "of", "and"}
# Words that make a different title of the one after them ("vice president").
TITLE_QUALIFIERS = {"vice", "deputy", "assistant", "lieutenant", "former", "ex", "acting", "lt.", "under"}
PLURAL_HEADS = {"those", "these", "some", "many", "others", "several", "few", "both", "most", "all"}
MEDIA_NOUNS = {"newspaper", "magazine", "outlet", "agency", "material", "publication", "paper",
               "channel", "network", "broadcaster", "tabloid", "daily", "website", "journal", "report", "reports"}
# What a person or body writes: the clause after it ("released by", "that appeared in") names its author.
DOCUMENT_NOUNS = {"report", "analysis", "study", "research", "complaint", "statement", "survey", "poll", "letter",
                  "filing", "review", "memo", "document", "audit", "paper", "lawsuit", "investigation",
                  "indictment", "ruling", "affidavit", "communique", "draft"}
# outlets known by name: a speaker that is one reports (acts), and one that "could not verify" a claim
# writes its own note (attribution)
KNOWN_OUTLETS = {
    "politico", "reuters", "ap", "afp", "bloomberg", "cnn", "bbc", "tass", "ria novosti",
    "interfax", "fox news", "the new york times", "new york times", "the washington post",
    "washington post", "the wall street journal", "wall street journal", "financial times",
    "the financial times", "the guardian", "le monde", "der spiegel", "spiegel", "axios",
    "nbc", "cbs", "abc", "al jazeera", "kommersant", "izvestia", "rt", "the economist",
    "the telegraph", "sky news", "euronews", "dw", "deutsche welle", "the american conservative",
}
MEDIA_CUES = {"learn", "report", "note", "write", "publish", "quote", "cite"}
GROUP_NOUNS = {"countries", "leaders", "officials", "sources", "analysts", "experts", "critics",
               "allies", "governments", "capitals", "states", "voters", "democrats", "republicans",
               "people", "many", "some", "others", "members", "diplomats", "aides", "supporters",
               "protesters", "demonstrators", "farmers", "workers", "residents", "activists",
               "lawmakers", "senators", "ministers", "witnesses", "parents", "students", "veterans",
               "economists", "investors", "observers", "americans", "europeans", "groups", "organizations",
               "advocates", "campaigners", "environmentalists", "scientists", "researchers", "doctors",
               "lawyers", "prosecutors", "rebels", "militants", "executives", "unions", "conservatives",
               "liberals", "scholars", "historians", "journalists", "citizens", "families", "forecasters",
               "meteorologists", "organisers", "organizers", "opposition", "mediators", "negotiators",
               "envoys", "delegates", "ambassadors", "commanders", "soldiers", "officers", "judges",
               # who polls and surveys ask ("Two-thirds of U.S. adults say …": not the United States)
               "adults", "respondents", "consumers", "households", "women", "men", "teens", "patients",
               "businesses", "employers", "employees", "shoppers", "taxpayers", "viewers", "readers", "users"}
# Groups that speak for the institution they belong to ("Officials at the Pentagon"); other
# groups are people of their own ("Supporters of Trump", "Critics of the ministry").
OFFICIAL_GROUPS = {"officials", "sources", "aides", "diplomats", "leaders", "members", "ministers", "executives",
                   "spokesmen", "spokespeople", "representatives", "staff", "lawmakers", "senators"}


@dataclass
class Named:
    """A name (or a phrase standing for one) in the article, with where and how it is written."""

    name: str
    kind: str
    span: tuple[int, int]
    context: str  # the words around the name, for title matching ("US Senator … from Utah")


ARTICLES = {"the", "a", "an", "former", "then", "this", "that"}


def without_articles(phrase: str) -> list[str]:
    """The words of ``phrase`` (lower case) but its articles: "The presidential office" -> two."""
    return [w for w in phrase.lower().split() if w not in ARTICLES]


FOREIGN_MINISTERS = ("foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs",
                     "foreign affairs minister")


def by_title(words: list[str], before: list[Any]) -> Any | None:
    """The latest person introduced with the mention's title ("the senator" after "Sen.
    Ted Cruz", "the judge" after "Justice Frank Nervo"), or for a generic role noun ("the
    politician") the latest person named. A title held under a qualifier the mention
    lacks does not count ("the president" is not "Vice President Joe Biden"); the mention's
    other words ("the Democratic senator") must be the holder's too, unless only one person
    holds the title.

    ``before`` holds the named mentions before the mention, in order; each has ``kind``
    and ``context`` (its words and the few around it, lower case)."""
    title_words = [w for w in words if w not in ARTICLES]
    if not title_words:
        return None
    head = _title_word(title_words[-1])
    generic = head in GENERIC_PERSON
    people = [c for c in reversed(before) if c.kind == "person"]
    if title_words[-2:] in (["top", "diplomat"], ["chief", "diplomat"]):
        # a country's top diplomat is its foreign minister, not the latest person named
        ministers = [c for c in people if any(t in c.context for t in FOREIGN_MINISTERS)]
        if ministers:
            return ministers[0]
    for candidate in people:
        if generic and not _party_unknown(candidate.context, title_words) \
                or _holds_title(candidate.context, head, title_words, words, candidate.name):
            return candidate
    # "The Democratic senator" after "Sen. Elizabeth Warren": the words the text does not give
    # her ("Democratic") do not matter when she is the one senator named
    holders = {c.name: c for c in people if _holds_title(c.context, head, title_words[-1:], words, c.name)
               and not _other_party(c.context, title_words)}
    return next(iter(holders.values())) if len(holders) == 1 else None


_PARTIES = {"republican", "gop", "democratic", "democrat", "libertarian", "green", "conservative", "labour"}


def _parties(words: list[str]) -> set[frozenset[str]]:
    """The parties ``words`` name, each as the set of its names ("gop" is "republican")."""
    return {frozenset(TITLE_SYNONYMS.get(w, {w})) for w in words if w in _PARTIES}


def _party_unknown(context: str, title_words: list[str]) -> bool:
    """True when the mention names a party ("the Conservative leader") and the words around the
    candidate name none of it: the latest person named may lead another party ("Kemi Badenoch
    accused Sir Keir Starmer … The Conservative leader said")."""
    wanted = _parties(title_words)
    return bool(wanted) and not wanted & _parties(context.split())


def _other_party(context: str, title_words: list[str]) -> bool:
    """True when the mention names a party ("the Republican nominee") and the words around
    the candidate name another ("Libertarian nominee Gary Johnson")."""
    wanted, found = _parties(title_words), _parties(context.split())
    return bool(wanted) and bool(found - wanted)


def is_generic(words: list[str]) -> bool:
    """True for a role noun any person may carry ("the politician", "the official")."""
    title_words = [w for w in words if w not in ARTICLES]
    return bool(title_words) and _title_word(title_words[-1]) in GENERIC_PERSON


def _title_word(word: str) -> str:
    return TITLE_ABBREVIATIONS.get(word, word)


def _holds_title(context: str, head: str, title_words: list[str], mention_words: list[str],
                 name: str = "") -> bool:
    """True when the words around a name give it the title ``head`` (or a synonym), not
    under a qualifier such as "vice" that the mention does not have, and every other word
    of the mention's title too ("Democratic" in "the Democratic nominee"). The title must be the
    name's (:func:`_title_of_name`): in the headline "Judge blocks Trump order" Trump is no judge."""
    words = [_title_word(w) for w in context.split()]
    found = False
    for i, word in enumerate(words):
        if word in TITLE_SYNONYMS.get(head, {head}):
            qualifier = words[i - 1] if i > 0 else ""
            if qualifier in TITLE_QUALIFIERS and qualifier not in mention_words \
                    or not _title_of_name(words, i, name.lower().split()):
                continue
            found = True
    others = [_title_word(w) for w in title_words[:-1] if w not in TITLE_FILLER]
    return found and all(TITLE_SYNONYMS.get(w, {w}) & set(words) for w in others)


def _title_of_name(words: list[str], i: int, name_words: list[str]) -> bool:
    """True when the title at ``words[i]`` qualifies the name: before it with only title words
    between ("U.S. District Judge John Coughenour"), or after it past a comma ("Ted Cruz, the
    senator"); true too when the name is not found among the words."""
    if not name_words or name_words[0] not in words:
        return True
    first = words.index(name_words[0])
    last = first + len(name_words) - 1
    if i < first:
        return all(w in TITLES or w in TITLE_QUALIFIERS or w in TITLE_SYNONYMS for w in words[i + 1:first])
    return i <= last or words[min(last, len(words) - 1)].endswith(",")  # a word of the name itself: as before


def two_roles(phrase: str) -> bool:
    """True for two role nouns joined by "and" ("a mayor and a general", "the president and
    the prime minister"): a group, not one person."""
    parts = [p.split() for p in phrase.lower().split(" and ")]
    return len(parts) == 2 and all(p and (p[-1] in TITLES or p[-1] in GENERIC_PERSON) for p in parts)


_READ_BY = {"see", "obtain", "review", "view", "read", "leak", "acquire"}  # who got a document, not who wrote it


def restrictive_clause(root) -> tuple[int, int] | None:
    """Where the relative or participle clause of a mention's head is written ("some | who saw
    the comment …", "states | led by West Virginia"); for a document only a clause that names who
    got it ("a draft document | seen by Reuters") or where it appeared ("a study | published in The
    Lancet"), not who made it ("research conducted by …")."""
    if root is None:
        return None
    document = root.lemma_.lower() in DOCUMENT_NOUNS  # but "a draft document | seen by Reuters": its reader
    tokens = [t for c in root.children if c.dep_ in ("relcl", "acl") and (not document or c.lemma_ in _READ_BY)
              for t in c.subtree]
    if document:  # "a study of 200,000 adults | published in The Lancet", "a draft of their communique |
        # seen by Reuters", whichever noun the parser hangs it on
        tokens += [t for c in root.subtree if c.dep_ == "acl" and (_published_in(c) or c.lemma_ in _READ_BY)
                   for t in c.subtree]
    return (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)) if tokens else None


def _published_in(clause) -> bool:
    """"a study … | published in The Lancet": where it appeared, not who made it ("published by the IMF")."""
    return clause.lemma_.lower() == "publish" and not any(c.dep_ == "agent" for c in clause.children) \
        and any(c.dep_ == "prep" and c.lower_ == "in" for c in clause.children)


def member_named_before(words: list[str], inside: list[Any], before: list[Any]) -> Any | None:
    """"The Kremlin official" after "Kremlin spokesman Dmitry Peskov": the latest person named
    with the institution the mention names, when the mention's head is a role noun and the
    institution is the only name in it. None otherwise (the institution speaks, or a title decides)."""
    if not words or words[-1] not in GENERIC_PERSON | TITLES or not inside \
            or any(n.kind not in ("organization",) for n in inside):
        return None
    roles = GENERIC_PERSON | TITLES

    def introduced_so(candidate: Any) -> bool:  # "kremlin spokesman dmitry peskov"
        for name in (n.name.lower() for n in inside):
            at = candidate.context.find(name + " ")
            after = candidate.context[at + len(name) + 1:].split() if at >= 0 else []
            if not after or after[0] not in roles or candidate.name.lower() not in " ".join(after[1:4]):
                return False
        return True

    return next((c for c in reversed(before) if c.kind == "person" and introduced_so(c)), None)


def reports_a_figure(doc, statement) -> bool:
    """The cue "reported" has a thing for its object, not a clause: a company or a health ministry
    reporting its figures ("Boeing reported a smaller-than-expected quarterly loss", "Romania reported
    the most cases") is no news outlet."""
    span = doc.char_span(*statement.content_spans[0], alignment_mode="expand") if statement.content_spans else None
    return span is not None and len(span) > 0 and span.root.dep_ == "dobj" and span.root.pos_ in ("NOUN", "PROPN")


def plural_root(span) -> bool:
    """The phrase stands for people by a plural pronoun: "Those close to him", "Some in the party"."""
    return span is not None and len(span) > 0 and span.root.lower_ in PLURAL_HEADS


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir"}


def label_surname(text: str) -> str | None:
    """The family name of a transcript's turn label in capitals ("MR PIGOTT" -> "pigott",
    "MS. MAO" -> "mao", "BLITZER" -> "blitzer"), for the person the transcript names in full;
    None for any other text."""
    if not text.isupper():
        return None
    words = [w.strip(".").lower() for w in text.split()]
    rest = [w for w in words if w not in HONORIFICS]
    return rest[0] if len(rest) == 1 and rest[0].isalpha() and len(rest[0]) > 1 else None



def country_phrase(phrase: str) -> bool:
    """The phrase is a country's name, though its last word names many ("The United States",
    "the United Arab Emirates", "the Netherlands")."""
    return country_named(" ".join(without_articles(phrase))) is not None


_MANY_STATES = {"countries", "governments", "capitals", "states", "nations"}
_MANY_BODIES = {"organizations", "organisations", "groups", "unions", "companies", "agencies", "banks", "firms"}


def one_of_kind(words: list[str]) -> str:
    """The kind of "one of the …": a country of "one of the countries", an organisation of "one
    of the groups", else a person ("one of the people", "one of the officials")."""
    many = words[-1] if words else ""
    return "country" if many in _MANY_STATES else "organization" if many in _MANY_BODIES else "person"
