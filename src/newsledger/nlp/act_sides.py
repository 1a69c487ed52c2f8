"""Whose side a statement's speaker is on, for ``newsledger_acts``: the speaker's names, country
and organisation (:func:`speaker_side`; with the common nouns of their own institution, "the city"
of a mayor, and the dateline's country for a minister the text gives none), whether a subject is
that side (:func:`is_side`), whether the words naming the speaker or the knowledge base give their
country (:func:`own_country_known`), and whether the speaker is a news outlet (:func:`is_media`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsledger.countries import country_named, person_countries
from newsledger.model import Statement
from newsledger.nlp.datelines import dateline_country
from newsledger.nlp.spans import doc_text, tokens_in
from newsledger.nlp.nominals import KNOWN_OUTLETS, TITLES
from newsledger.nlp.written_names import BODY_NOUNS, COMPANY_NOUNS, INSTITUTION_NOUNS

_FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
MEDIA_NOUNS = {"material", "newspaper", "paper", "publication", "outlet", "magazine", "agency",
               "channel", "broadcaster", "tabloid", "website", "portal", "daily", "weekly",
               "journal", "media", "edition", "article", "report", "publication"}
# Who is the same side besides countries (:func:`newsledger.countries.country_named`):
# short forms of a few frequent actors.
ALIASES = {"kremlin": "russia", "alliance": "nato", "north atlantic alliance": "nato", "eu": "european union",
           "brussels": "european union", "bloc": "european union", "european commission": "european union",
           "commission": "european union", "european council": "european union"}


def speaker_side(doc: Doc, st: Statement, cue: list[Token]) -> set[str]:
    """Normalised names of the speaker and of their country and organisation."""
    names: set[str] = set()
    sp = st.speaker
    if sp is not None:
        names |= {_norm(x) for x in (sp.name, sp.country, sp.organization, sp.text) if x}
        # a country in the name the speakers stage gave ("The statement" of the "Ministry of National
        # Defence of the DPRK")
        names |= {_norm(w) for w in (sp.name or "").replace("'s", "").replace("’s", "").split() if country_named(w)}
        # the knowledge base's, also for a name the speakers stage left to it ("Lavrov: Moscow will …")
        names |= {_norm(country) for country in person_countries(sp.name or sp.text or "")}
        words = tokens_in(doc, [sp.span])
        # the country another mention of the same person says ("China's lead negotiator Liu …")
        names |= {_norm(t.text) for t in tokens_in(doc, _other_mentions(doc, sp)) if country_named(t.text)}
    else:
        words = [t for c in cue for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                 for t in s.subtree]
    names |= {_norm(name) for name in _entities_touching(doc, words)}
    if any(t.ent_type_ == "ORG" or t.ent_type_ == "NORP" and not country_named(t.text) for t in words) \
            or sp is not None and sp.kind == "organization" or _of_a_body(words):
        # "Hezbollah leader Naim Qassem said the group would not hand over its weapons", "Houthi
        # military spokesman Yahya Saree said that the group would continue …"
        names |= _OWN_BODY
    # the names in the words, not the title ("Finance Minister Bezalel Smotrich": "the prime minister"
    # he threatens to leave is no side of his by the word "minister")
    names |= {_norm(t.text) for t in words if (t.pos_ == "PROPN" and t.lower_ not in _OFFICE_TITLES)
              or t.lower_ in ALIASES or country_named(t.text)}
    lowered = {t.lower_ for t in words}
    if lowered & _DEFENCE_WORDS and lowered & _OFFICE_WORDS:
        # a defence minister's "the army would keep striking …" is their own army (not a defense lawyer's)
        names.add(OWN_ARMY)
    if sp is not None:  # a mayor's "the city", a department spokesperson's "the department"
        names |= _own_institutions(doc, sp)
    if sp is not None and sp.kind == "person" and not any(country_named(n) for n in names):
        home = _office_at_home(doc, sp, st)  # "ISLAMABAD … Foreign Minister Ishaq Dar": Pakistan's minister
        names |= {home} if home else set()
    if sp is not None and st.quote != "direct":  # indirect, or mixed with a quoted phrase
        # reported speech names the speaker by a pronoun: "Trump said he would sue", "Britain,
        # France and Germany have said they will reimpose sanctions unless …"
        names |= {"he", "she"} if sp.kind == "person" else {"they", "it"} if sp.kind != "unknown" else set()
        if sp.kind != "person" and _PERSON_VOICE.search(doc_text(doc)[sp.span[0]:sp.span[1]]):
            names |= {"he", "she"}  # "The United Kingdom's delegate announced that his delegation …"
    names.discard("")
    return names


# how an article names the speaker's own organisation again
_OWN_BODY = BODY_NOUNS | {"party"}


_OFFICE_TITLES = TITLES | {"finance", "foreign", "defence", "defense", "interior", "deputy", "vice"}
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "leader", "chief", "commander"}
_PERSON_VOICE = re.compile(r"\b(?:delegate|representative|envoy|ambassador|spokes(?:man|woman|person)|"
                           r"minister|secretary|official|president|chairman|chairwoman)\b", re.IGNORECASE)


def _of_a_body(words: list[Token]) -> bool:
    """"Houthi military spokesman Yahya Saree": the voice of a body named by a capitalised word
    that is no country's (whatever the recogniser made of it)."""
    voice = next((t for t in words if t.lower_ in _VOICES), None)
    return voice is not None and any(t.i < voice.i and t.is_title and t.pos_ in ("PROPN", "ADJ")
                                     and not t.ent_type_ == "PERSON" and not country_named(t.text)
                                     for t in words)


# The institution a title holds office in, named by its common noun: "Mayor Mike Johnston said the
# city would open 300 beds", "Ford CEO Jim Farley said the company would cut jobs if …"
_TITLE_INSTITUTIONS = {"mayor": {"city", "town"}, "governor": {"state"}, "ceo": COMPANY_NOUNS,
                       "cfo": COMPANY_NOUNS, "executive": COMPANY_NOUNS, "chairman": COMPANY_NOUNS,
                       "chairwoman": COMPANY_NOUNS, "founder": COMPANY_NOUNS, "coach": {"club", "team"},
                       "manager": {"club", "team"}, "captain": {"club", "team"}, "premier": {"province"}}
# the common nouns that stand for the speaker's own institution when its name or title holds them
_OWN_NOUNS = INSTITUTION_NOUNS | COMPANY_NOUNS | {"city", "state", "club", "team", "league", "board", "province",
                                                   "university", "hospital", "school", "court"}


def _own_institutions(doc: Doc, speaker) -> set[str]:
    """Common nouns of the speaker's own institution: those its name, mention or title hold
    ("Transportation Department spokesperson" -> department, "Unite union" -> union), and those
    the title holds office in (a mayor's city, a chief executive's company)."""
    text = doc_text(doc)
    words = {w for a, b in [speaker.span, *speaker.chain] for w in re.findall(r"[a-z]+", text[a:b].lower())}
    words |= set(re.findall(r"[a-z]+", (speaker.name or "").lower()))
    found = {w for w in words if w in _OWN_NOUNS}
    for title, nouns in _TITLE_INSTITUTIONS.items():
        if title in words:
            found |= nouns
    return found


# A government's offices, of which a person holds one at a time: a known prime minister is
# never titled "Defense Minister" elsewhere (spokesmen and envoys are titled many ways), and
# wire copy names no country for its own country's ministers
STATE_OFFICE = re.compile(r"\b(?:minister|president|chancellor|premier)\b", re.IGNORECASE)


def _office_at_home(doc: Doc, speaker, st: Statement) -> str | None:
    """The country of the story's dateline (normalised), for a speaker one of whose mentions
    gives a government office and no country, when what they said has that country act: "ISLAMABAD
    … Foreign Minister Ishaq Dar said that if India went ahead, Pakistan would …". Not "Vice
    Foreign Minister Kim Un-chol said … Pyongyang would" in a story from Seoul, nor "In New Delhi,
    … Minister C.R. Patil said India would build the canal if Pakistan kept stalling" in one from
    Islamabad. Else None."""
    text = doc_text(doc)
    if not any(STATE_OFFICE.search(text[a:b]) for a, b in _named_at(doc, speaker)):
        return None
    home = dateline_country(text, doc._.body_start or 0)
    parts = [st.content_spans] + ([[st.consequence.span]] if st.consequence is not None else [])
    doers = [subject_of(root_of(tokens_in(doc, spans))) for spans in parts]  # who acts, not who is warned
    named = {_norm(t.text) for d in doers if d is not None for t in d.subtree if country_named(t.text)}
    return _norm(home) if home and _norm(home) in named else None


def own_country_known(doc: Doc, st: Statement) -> bool:
    """True when the words naming the speaker (here, or where the pronoun or another statement
    names them) or the knowledge base give their country ("Ukraine's foreign ministry", "Venezuelan
    opposition leader María Corina Machado", Maria Zakharova), not only the sentences around them."""
    sp = st.speaker
    if sp is None:
        return False
    text = doc_text(doc)
    words = " ".join(text[a:b] for a, b in _named_at(doc, sp))
    return bool(sp.country or person_countries(sp.name or sp.text or "")
                or any(country_named(w) for w in re.findall(r"[A-Z][\w.-]*", words)))


def _named_at(doc: Doc, speaker) -> list[tuple[int, int]]:
    """Where the speaker is named: this mention, the words its pronoun stands for, and the
    sources of the same person's other statements."""
    return [speaker.span, *speaker.chain, *_other_mentions(doc, speaker)]


def _other_mentions(doc: Doc, speaker) -> list[tuple[int, int]]:
    """Where the article names the same speaker as the source of another statement: "He added
    that China would never accept …" is said by "China's lead negotiator Liu Zhenmin" of the
    paragraph before, whose country the pronoun does not say."""
    if not speaker.name or speaker.kind != "person":
        return []
    family = speaker.name.split()[-1]  # "Ryabkov" of a headline's "— Ryabkov" is Sergey Ryabkov
    return [s.speaker.span for s in doc._.statements or ()
            if s.speaker is not None and s.speaker is not speaker and s.speaker.kind == "person"
            and s.speaker.name and s.speaker.name.split()[-1] == family]


def _entities_touching(doc: Doc, words: list[Token]) -> list[str]:
    """Countries, nationalities and organisations that overlap ``words``, whole."""
    out, starts = [], set()
    for tok in words:
        if tok.ent_type_ not in ("GPE", "NORP", "ORG"):
            continue
        s = tok.i
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        if s in starts:
            continue
        starts.add(s)
        e = tok.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        out.append(doc_text(doc)[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])])
    return out


def is_side(subject: Token | None, side: set[str]) -> bool:
    if subject is None:
        return False
    if subject.lower_ in _FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON for c in subject.children):
        return True  # "we", and "our coast guard will respond"
    if any(c.dep_ == "poss" and _POSSESSED_BY.get(c.lower_) in side for c in subject.children) \
            and subject.lemma_.lower() in _OWN_BODIES:
        return True  # reported speech: "Trump said his administration would finish the job"
    # "The United States" as a whole, and its head word alone ("US Senator Lee" -> "us").
    phrase = doc_text(subject.doc)[subject.left_edge.idx:subject.idx + len(subject)]
    if _norm(phrase) in side or _norm(subject.text) in side:
        return True
    if subject.lower_ in _STATE_FORMS and side & _STATE_FORMS[subject.lower_] \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return True  # "the Kingdom would not cease its tireless work", said by Saudi Arabia's minister
    if OWN_ARMY in side and subject.lemma_.lower() in _ARMS \
            and all(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return True  # a defence minister's bare "the army" (not "Western troops")
    # "the DPRK armed forces", "Iran's military": the forces of the speaker's state
    return subject.lemma_.lower() in _ARMS and any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and _norm(c.text) in side and country_named(c.text)
        for c in subject.children)


_ARMS = {"force", "forces", "military", "army", "navy", "troops", "troop", "government", "guard", "guards"}
# the pronoun a reported speaker goes by, from its possessive
_POSSESSED_BY = {"his": "he", "her": "she", "its": "it", "their": "they"}
# what a speaker's possessive makes their own side: "his administration", "its forces"
_OWN_BODIES = _ARMS | {"administration", "party", "country", "ministry", "company", "team", "campaign", "group",
                       # a union leader's: "his members would not return to work unless …"
                       "member", "union", "supporter", "follower",
                       # a delegate's "his delegation would circulate a draft resolution"
                       "delegation", "club", "bloc", "coalition", "movement", "organization", "organisation",
                       "office", "department", "nation", "people"}
# a state named by its form, for its own officials: a Saudi minister's "the Kingdom", a Beijing
# spokesman's "the mainland"
_STATE_FORMS = {"kingdom": {"sau", "saudi arabia", "jor", "jordan", "mar", "morocco", "bhr", "bahrain",
                            "gbr", "united kingdom", "britain", "tha", "thailand", "esp", "spain",
                            "nld", "netherlands", "bel", "belgium", "swe", "sweden", "nor", "norway",
                            "dnk", "denmark"},
                "mainland": {"chn", "china"}}


_DEFENCE_WORDS = {"defence", "defense", "military", "army"}
_OFFICE_WORDS = {"minister", "ministry", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "official"}
OWN_ARMY = "<the speaker's army>"  # a side's name no text holds: a defence official's bare "the army"


def _norm(text: str) -> str:
    t = " ".join(text.lower().replace("’s", "").replace("'s", "").split())
    if t.startswith("the "):
        t = t[4:]
    country = country_named(t)  # "Israeli", "Tehran", "the U.K.": the country's own name
    return ALIASES.get(t) or (country.lower() if country else t)


def is_media(doc: Doc, st: Statement, cue: list[Token]) -> bool:
    sp = st.speaker
    if sp is not None and sp.kind == "media":
        return True
    if sp is not None:
        words = tokens_in(doc, [sp.span])
    else:
        words = [t for c in cue for s in c.children if s.dep_ == "nsubj" for t in s.subtree]
        if not words and cue and cue[0].i > 0:  # "the material notes", parsed as a noun
            words = [doc[cue[0].i - 1]]
    text = _norm(doc_text(doc)[words[0].idx:words[-1].idx + len(words[-1])]) if words else ""
    if text in KNOWN_OUTLETS:
        return True
    if sp is not None and sp.name and sp.kind in ("person", "organization", "country", "group"):
        return False  # resolved to one who is no outlet: "the agency" that is the IEA, "the agencies" WHO and UNICEF
    return any(w.lemma_.lower() in MEDIA_NOUNS for w in words[-1:])


def root_of(tokens: list[Token]) -> Token | None:
    """The first token of ``tokens`` whose head lies outside them (or is itself): the phrase's top."""
    inside = set(tokens)
    for tok in tokens:
        if not (tok.is_punct or tok.is_space) and (tok.head not in inside or tok.head.i == tok.i):
            return tok
    return None


def subject_of(root: Token | None) -> Token | None:
    """The subject of ``root``, or of the verb above it for an infinitive or a conjunct ("ready to send")."""
    if root is None:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None and root.dep_ in ("xcomp", "conj"):  # "ready to send": the subject above
        return subject_of(root.head)
    return subj
