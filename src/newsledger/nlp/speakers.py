"""Who a source mention refers to, within one article.

``newsledger_speakers`` fills, for every statement's speaker mention, the
resolved ``name``, the ``kind`` (person, organization, country, media, group,
unknown), and ``chain``, the spans that lead from the mention to the named
mention it refers to (the evidence). Resolved:

- a mention holding a name ("US Senator Mike Lee from Utah" -> "Mike Lee");
- a surname alone ("Lee") -> the earlier full name that ends with it;
- "he", "she", "him", "her" -> the latest person who spoke before, else the
  latest person named before;
- "they", "them" -> the latest group or organisation that spoke before;
- a title or role noun ("the senator", "the politician", "the French
  president", "the Russian President") -> the latest person introduced with
  that title, or any person for a generic role noun ("the politician");
- a relative pronoun ("who said") -> the noun it stands for.

Not resolved: cataphora (a pronoun before its name), speakers named only in
another article (``actors/`` merges across articles), and kinds that need
world knowledge ("Politico" is media, "Kyiv" a country): those get a kind from
the cue and the phrase here ("Politico learned", "the newspaper") and are
corrected by ``actors/`` from its knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from ..model import Mention, Statement
from . import extensions, pronouns  # noqa: F401

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me"}
PLURAL_PRONOUNS = {"they", "them", "we", "us"}
RELATIVE = {"who", "which", "that", "whom"}
GENERIC_PERSON = {"politician", "official", "leader", "spokesman", "spokeswoman", "spokesperson",
                  "lawmaker", "candidate", "nominee", "diplomat", "man", "woman", "lawyer", "aide"}
TITLES = {"senator", "president", "minister", "secretary", "chancellor", "governor", "premier",
          "general", "ambassador", "congressman", "congresswoman", "representative", "rep.",
          "sen.", "gov.", "mayor", "speaker", "chairman", "chair", "director", "king", "queen",
          "prime", "chief", "commissioner", "envoy", "prosecutor", "judge", "pope", "sheikh"}
MEDIA_NOUNS = {"newspaper", "magazine", "outlet", "agency", "material", "publication", "paper",
               "channel", "network", "broadcaster", "tabloid", "daily", "website", "journal", "report"}
MEDIA_CUES = {"learn", "report", "note", "write", "publish", "quote", "cite"}
GROUP_NOUNS = {"countries", "leaders", "officials", "sources", "analysts", "experts", "critics",
               "allies", "governments", "capitals", "states", "voters", "democrats", "republicans",
               "people", "many", "some", "others", "members", "diplomats", "aides", "supporters",
               "protesters", "demonstrators", "farmers", "workers", "residents", "activists",
               "lawmakers", "senators", "ministers", "witnesses", "parents", "students", "veterans",
               "economists", "investors", "observers", "americans", "europeans", "republicans"}
# Heads of a phrase that names an institution: "the Finnish navy", "the Estonian prosecutor's office".
INSTITUTION_NOUNS = {"navy", "army", "guard", "government", "ministry", "office", "police", "military",
                     "embassy", "agency", "commission", "parliament", "court", "cabinet", "administration",
                     "council", "committee", "department", "service", "forces", "coastguard", "company",
                     "operator", "campaign", "party", "presidency", "kremlin", "pentagon", "union"}
SPOKESPEOPLE = ("a spokesman for ", "a spokeswoman for ", "a spokesperson for ", "a representative of ",
                "the spokesman for ", "the spokeswoman for ", "the spokesperson for ")
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
INSTITUTION_KINDS = {"organization", "country", "media"}
ENT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group",
             "LOC": "country", "FAC": "organization"}


@dataclass
class _Named:
    name: str
    kind: str
    span: tuple[int, int]
    context: str  # the words around the name, for title matching ("US Senator … from Utah")


@Language.factory("newsledger_speakers")
def make_speakers(nlp: Language, name: str) -> "SpeakerComponent":
    return SpeakerComponent()


class SpeakerComponent:
    """Resolve each statement's speaker mention to a name and a kind."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.statements:
            return doc
        named = _named_mentions(doc)
        resolved: list[_Named] = []  # speakers of earlier statements, in order
        people = _People(doc, named)
        for statement in doc._.statements:
            mention = statement.speaker
            if mention is None:
                continue
            target = _resolve(doc, mention, statement, named, resolved, people)
            if target is not None:
                mention.name = target.name
                mention.kind = target.kind
                if target.span != mention.span:
                    mention.chain.append(target.span)
                resolved.append(_Named(target.name, target.kind, mention.span, target.context))
                if target.kind == "person":
                    people.spoke(target.name, mention.span)
            else:
                mention.kind = _kind_of_phrase(doc, mention, statement)
                mention.name = mention.name or (mention.text if mention.kind in {"group", "media", "organization", "country"} else None)
        return doc


def _named_mentions(doc: Doc) -> list[_Named]:
    found = []
    for ent in doc.ents:
        kind = ENT_KINDS.get(ent.label_)
        if kind is None or ent.start_char < (doc._.body_start or 0):
            continue
        name = _strip_det(ent)
        context = doc[max(ent.start - 4, 0): min(ent.end + 3, len(doc))].text.lower()
        found.append(_Named(name, kind, (ent.start_char, ent.end_char), context))
    return found


def _strip_det(ent: SpacySpan) -> str:
    tokens = [t for t in ent if not (t.lower_ == "the" and t.i == ent.start) and t.tag_ != "POS"]
    return " ".join(t.text for t in tokens) if tokens else ent.text


class _People:
    """The people of one article as antecedents for "he" and "she" (see ``pronouns``)."""

    def __init__(self, doc: Doc, named: list[_Named]):
        self.sentences = pronouns.SentenceIndex(doc)
        self.named = named
        body_start = doc._.body_start or 0
        self.candidates = [pronouns.person_candidate(ent, self.sentences, _strip_det(ent))
                           for ent in doc.ents if ent.label_ == "PERSON" and ent.start_char >= body_start]
        self.candidates += pronouns.untagged_subjects(doc, self.sentences, body_start)
        self.candidates.sort(key=lambda c: c.span)
        self.genders: dict[str, str] = {}
        for c in self.candidates:
            if c.gender:
                for key in (c.name, c.name.split()[-1]):
                    self.genders.setdefault(key, c.gender)

    def spoke(self, name: str, span: tuple[int, int]) -> None:
        gender = self.genders.get(name) or self.genders.get(name.split()[-1])
        self.candidates.append(pronouns.Candidate(name, span, self.sentences.of(span[0]), True, gender))
        self.candidates.sort(key=lambda c: c.span)

    def antecedent(self, word: str, at: int) -> _Named | None:
        found = pronouns.antecedent(word, at, self.candidates, self.sentences, self.genders)
        if found is None:
            return None
        target = _Named(found.name, "person", found.span, found.name.lower())
        wanted = pronouns.pronoun_gender(word)
        # "Clinton" expands to the full name of the right gender (Bill, not Hillary, for "he").
        before = [n for n in self.named if n.span[1] <= at
                  and self.genders.get(n.name, wanted) == wanted]
        return _expand_surname(target, before)


def _resolve(doc: Doc, mention: Mention, statement: Statement, named: list[_Named],
             resolved: list[_Named], people: _People) -> _Named | None:
    start, end = mention.span
    words = mention.text.lower().split()
    before = [n for n in named if n.span[1] <= start]
    inside = [n for n in named if n.span[0] >= start and n.span[1] <= end]
    if mention.chain:  # a relative pronoun: resolve the noun it stands for
        head = mention.chain[0]
        inside = [n for n in named if n.span[0] >= head[0] and n.span[1] <= head[1]] or inside
    if words and words[-1] in GROUP_NOUNS or (len(inside) > 1 and " and " in mention.text):
        return _Named(mention.text, "group", mention.span, mention.text.lower())
    if ", " in mention.text:
        inside = _head_or_appositive_names(mention, inside)
    # A nationality inside ("the Finnish navy") does not name the speaker; a proper name does.
    institution = None if any(n.kind != "group" for n in inside) else _institution(mention)
    if institution is not None:
        return institution
    head_word = words[-1] if words else ""
    if inside and all(n.kind == "group" for n in inside) and (head_word in TITLES or head_word in GENERIC_PERSON):
        # "the French president": the nationality qualifies the title, it is not the speaker.
        return _by_title(words, before, resolved)
    if inside:
        best = max(inside, key=lambda n: (n.kind == "person", n.span[1] - n.span[0]))
        best = _expand_surname(best, before)
        if statement.extra.get("cue_lemma") in {"learn", "report"} and best.kind in {"person", "organization"}:
            return _Named(best.name, "media", best.span, best.context)
        return best
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return people.antecedent(words[0], start) or _latest(resolved, "person")
    if words == ["it"]:
        return _latest_institution(resolved) or _recent_institution(before, people, start)
    if len(words) == 1 and words[0] in PLURAL_PRONOUNS:
        return _latest_plural(resolved) or _recent_coordination(doc, people, start)
    head = words[-1] if words else ""
    if words and words[0] in {"the", "this"} and head in MEDIA_NOUNS:
        return _latest(resolved, "media")
    if head in TITLES or head in GENERIC_PERSON:
        return _by_title(words, before, resolved)
    return _proper_name(doc, mention)


def _head_or_appositive_names(mention: Mention, inside: list[_Named]) -> list[_Named]:
    """Names in the mention's head ("Elaine Kamarck, a veteran of ..."), else a name that
    is the whole first apposition ("Its operator, Estfin Networks,") — never a name
    buried in a description ("the operator, a company registered in Dubai")."""
    parts = mention.text.split(", ")
    start = mention.span[0]
    core_end = start + len(parts[0])
    core = [n for n in inside if n.span[1] <= core_end]
    if len(parts) < 2 or any(n.kind == "person" for n in core):
        return core
    apposition = parts[1].rstrip(",")
    a_start = core_end + 2
    whole = [n for n in inside if n.span[0] == a_start and n.span[1] - n.span[0] == len(apposition)]
    head = parts[0].lower().split()[-1] if parts[0].split() else ""
    # "Ostmark's foreign minister, Tomas Reyl": the title's holder is named in the apposition.
    if whole and (not core or head in TITLES or head in GENERIC_PERSON):
        return whole
    return core


def _institution(mention: Mention) -> _Named | None:
    """"the Finnish navy", "a spokesman for the Estonian government": an institution
    named by a common noun, kept whole (its nationality word is not the speaker)."""
    text = mention.text.split(", ")[0]
    offset = 0
    lowered = text.lower()
    for prefix in SPOKESPEOPLE:
        if lowered.startswith(prefix):
            offset = len(prefix)
            break
    phrase = text[offset:]
    words = phrase.lower().replace("'s", "").split()
    named = [w for i, w in enumerate(phrase.split())
             if w[:1].isupper() and not (i == 0 and w.lower() in DETERMINERS)]
    if not words or words[-1] not in INSTITUTION_NOUNS or not named:
        return None  # "the ministry": an organisation (see _kind_of_phrase), but no name
    name = phrase[4:] if phrase.lower().startswith("the ") else phrase
    start = mention.span[0] + offset + (len(phrase) - len(name))
    return _Named(name, "organization", (start, start + len(name)), phrase.lower())


def _proper_name(doc: Doc, mention: Mention) -> _Named | None:
    """A capitalised name the entity recogniser missed ("Mayor Lina Park", "Vance"):
    the last run of proper nouns in the mention, after any title."""
    end = mention.span[0] + mention.text.index(", ") if ", " in mention.text else mention.span[1]
    span = doc.char_span(mention.span[0], end, alignment_mode="expand")
    if span is None:
        return None
    runs: list[list] = [[]]
    for token in span:
        if token.pos_ == "PROPN" and token.is_title and token.lower_ not in TITLES:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    run = next((r for r in reversed(runs) if r), None)
    if run is None or len(run) > 4:
        return None
    titled = run[0].i > span.start and doc[run[0].i - 1].lower_ in TITLES
    kind = "person" if titled or len(run) in {2, 3} else "unknown"
    name = " ".join(t.text for t in run)
    return _Named(name, kind, (run[0].idx, run[-1].idx + len(run[-1])), span.text.lower())


def _expand_surname(target: _Named, before: list[_Named]) -> _Named:
    if target.kind != "person" or " " in target.name:
        return target
    for earlier in reversed(before):
        if earlier.kind == "person" and earlier.name.split()[-1] == target.name and " " in earlier.name:
            return _Named(earlier.name, "person", earlier.span, earlier.context)
    return target


def _latest(candidates: list[_Named], kind: str) -> _Named | None:
    return next((n for n in reversed(candidates) if n.kind == kind), None)


def _latest_institution(candidates: list[_Named]) -> _Named | None:
    return next((n for n in reversed(candidates) if n.kind in INSTITUTION_KINDS), None)


def _recent_institution(before: list[_Named], people: _People, at: int) -> _Named | None:
    """"The European Commission published its report. It said ...": the latest
    organisation, country or outlet named in the last few sentences."""
    here = people.sentences.of(at)
    recent = [n for n in before if n.kind in INSTITUTION_KINDS
              and here - people.sentences.of(n.span[0]) < pronouns.LOOKBACK]
    return recent[-1] if recent else None


def _recent_coordination(doc: Doc, people: _People, at: int) -> _Named | None:
    """"Germany and France signed the treaty. They said ...": a coordinated subject of
    one of the last few sentences, as a group."""
    here = people.sentences.of(at)
    for token in reversed(doc[: doc.char_span(at, at + 1, alignment_mode="expand").start]):
        if here - people.sentences.of(token.idx) >= pronouns.LOOKBACK:
            break
        if token.dep_ == "nsubj" and any(c.dep_ == "conj" for c in token.children):
            phrase = doc[token.left_edge.i: token.right_edge.i + 1]
            return _Named(phrase.text, "group", (phrase.start_char, phrase.end_char), phrase.text.lower())
    return None


def _latest_plural(candidates: list[_Named]) -> _Named | None:
    return next((n for n in reversed(candidates) if n.kind in {"group", "organization", "country", "media"}), None)


def _by_title(words: list[str], before: list[_Named], resolved: list[_Named]) -> _Named | None:
    title_words = [w for w in words if w not in {"the", "a", "an", "former", "then"}]
    generic = title_words[-1] in GENERIC_PERSON
    for candidate in reversed(before):
        if candidate.kind != "person":
            continue
        if generic or all(w in candidate.context for w in title_words):
            return candidate
    if generic:
        return _latest(resolved, "person")
    return None


def _kind_of_phrase(doc: Doc, mention: Mention, statement: Statement) -> str:
    words = mention.text.lower().split()
    head = words[-1] if words else ""
    lemma = statement.extra.get("cue_lemma", "")
    if head in MEDIA_NOUNS or (lemma in MEDIA_CUES and head in {"material", "newspaper", "magazine"}):
        return "media"
    if head in GROUP_NOUNS or "," in mention.text and " and " in mention.text:
        return "group"
    if head in INSTITUTION_NOUNS:
        return "organization"
    if head in PERSON_PRONOUNS or head in TITLES or head in GENERIC_PERSON:
        return "person"
    return "unknown"
