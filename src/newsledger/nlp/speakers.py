"""Who a source mention refers to, within one article.

``newsledger_speakers`` fills, for every statement's speaker mention, the
resolved ``name``, the ``kind`` (person, organization, country, media, group,
unknown), and ``chain``, the spans that lead from the mention to the named
mention it refers to (the evidence). Resolved:

- a mention holding a name ("US Senator Mike Lee from Utah" -> "Mike Lee");
- a surname alone ("Lee") -> the earlier full name that ends with it, whatever
  label the entity recogniser gave it ("Fowler" tagged as an organisation) and
  with one letter of misspelling allowed ("McLenney" -> "Tyresha McClenney");
- "he", "she", "him", "her" -> the person the rules of ``pronouns`` choose
  (gender, names in quotes skipped, speakers before subjects before passing
  mentions, earlier subject pronouns followed back) among the people of
  ``speaker_people``, who include someone new who spoke without a name ("A Polish
  deputy minister told me …" then "he said");
- "they", "them" -> an organisation, outlet, country or group that is the
  subject of that sentence or the one before, else the latest that spoke
  (``plurals``); "it" -> the latest institution;
- a title or role noun ("the senator", "the judge", "the French president",
  "the Republican nominee") -> the latest person introduced with that title
  (``nominals``), or any person for a generic role noun ("the politician");
- a relative pronoun ("who said") -> the noun it stands for.

Not resolved: cataphora (a pronoun before its name), speakers named only in
another article (``actors/`` merges across articles), and kinds that need
world knowledge ("Politico" is media, "Kyiv" a country, "the campaign" the
Trump campaign): those get a kind from the cue and the phrase here ("Politico
learned", "the newspaper") and are resolved by ``actors/`` from its knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import Mention, Statement
from . import extensions, nominals  # noqa: F401
from .spans import doc_text
from .nominals import (GENERIC_PERSON, GROUP_NOUNS, MEDIA_CUES, MEDIA_NOUNS, OFFICIAL_GROUPS, PLURAL_HEADS,
                       TITLES, Named as _Named, plural_root, reports_a_figure)
from .appositions import before_apposition, head_or_appositive_names
from .attribution_rules import RELATIVE_PRONOUNS
from .entity_names import after_courtesy_title, named_by_label, named_mentions
from .headlines import HeadlineNames, in_first_line, in_lead
from .speaker_people import People, unnamed_delegate
from .role_nouns import UNSEEN, RoleNouns, after_role_noun, someone_of, with_name_after_role_noun
from .bylines import byline
from .layout import label_around
from .written_names import (INSTITUTION_NOUNS, institution_named, institution_named_before, institution_of_member,
                            location_tail, outlet_named, owned_by_country, proper_name)
from .possessives import KIN_NOUNS, PERSONAL_INSTITUTIONS, owned_institution, relative
from .plurals import (bodies_of_many, institution_subject, issuer, latest_document, latest_institution,
                      latest_of_kind, latest_plural, recent_coordination, recent_institution, the_parties)

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me"}
PLURAL_PRONOUNS = {"they", "them", "we", "us"}
WRITER_PRONOUNS = {"i", "me", "we", "us"}  # outside a quotation: whoever wrote the article
# the titles "the head of state" / "of government" stands for, in order, then any leader
HEAD_OF_STATE = (["president"], ["king"], ["queen"], ["leader"])
HEAD_OF_GOVERNMENT = (["prime", "minister"], ["chancellor"], ["premier"], ["leader"])
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|whom)\b")

# What follows the person's name in "The Clinton campaign", "Trump's campaign" (not "Mike
# Schmidt, an adviser to the Clinton campaign", whose speaker is Schmidt).
OWNER_THEN_HEAD = re.compile(r"(?:'s|’s)?\s+\w+")


@Language.factory("newsledger_speakers")
def make_speakers(nlp: Language, name: str) -> "SpeakerComponent":
    return SpeakerComponent()


class SpeakerComponent:
    """Resolve each statement's speaker mention to a name and a kind."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.statements:
            return doc
        headlines = HeadlineNames(doc)
        named = named_mentions(doc, headlines)
        resolved: list[_Named] = []  # speakers of earlier statements, in order
        people = People(doc, named, headlines)
        roles = RoleNouns()
        for statement in doc._.statements:
            mention = statement.speaker
            if mention is None:
                continue
            target = roles.refer(mention.text.lower().split())  # "A U.S. official said … The official said"
            label = label_around(doc._.statements, mention) if mention.text.lower() in WRITER_PRONOUNS else None
            if target is UNSEEN and label is not None:  # "Mao Ning: … We urge …": the labelled speaker's
                who = label.speaker
                target = _Named(who.name, who.kind, who.span, who.text.lower())
            seat = unnamed_delegate(mention.text) and not any(  # not "EU Special Representative … Magdalena Grono"
                t.ent_type_ == "PERSON" for t in doc.char_span(*mention.span, alignment_mode="expand") or ())
            if target is UNSEEN and seat:
                target = None  # "The representative of France", "the Under-Secretary-General": a seat
                statement.extra["unnamed_seat"] = True
            if target is UNSEEN:
                target = _resolve(doc, mention, statement, named, resolved, people, headlines)
            roles.introduce(doc, mention, target)
            if target is not None and (target.span in people.unnamed or target.name in people.unnamed_phrases):
                statement.extra["unnamed_antecedent"] = True  # "he", after "The representative of France"
            if target is not None:
                mention.name = target.name
                mention.kind = target.kind
                if target.span != mention.span:
                    mention.chain.append(target.span)
                resolved.append(_Named(target.name, target.kind, mention.span, target.context))
                if target.kind == "person":
                    people.spoke(target.name, mention.span, mention.text.lower())
            else:
                mention.kind = "person" if seat else _kind_of_phrase(doc, mention, statement)
                mention.name = None if seat else mention.name  # "The Emirati delegate" is no "Emirati"
                # a phrase is its own name, unless a title-case headline wrote it ("Popular Website Shows …")
                start, end = _phrase_chars(mention)
                phrase = doc_text(doc)[start:end]
                if mention.kind == "person" and ((phrase.lower().split() or [""])[0] in ("a", "an", "one")
                                                 or seat):
                    # someone new, never named: "A Polish deputy minister told me … he said", "The
                    # representative of France said …, he warned" ("The Republican nominee", "Her
                    # daughter" are someone named whom resolution missed)
                    people.spoke_unnamed(phrase, mention.span)
                if mention.kind in {"group", "media", "organization", "country"} \
                        and headlines.confirmed(phrase, start) == (phrase, start):
                    mention.name = mention.name or phrase
                    if mention.kind == "organization" and len(nominals.without_articles(phrase)) > 1:
                        # a later "the office" is "The presidential office" (not a bare "the agency")
                        resolved.append(_Named(mention.name, mention.kind, mention.span, phrase.lower()))
        return doc


def _resolve(doc: Doc, mention: Mention, statement: Statement, named: list[_Named],
             resolved: list[_Named], people: People, headlines: HeadlineNames) -> _Named | None:
    if mention.chain and mention.text.lower() in RELATIVE_PRONOUNS:
        # a relative pronoun is resolved as the noun it stands for would be: "Health officials in
        # Romania, which reported …" is a group, not "Health"; "Friedrich Merz, who …" is Merz
        chars = _phrase_chars(mention)
        mention = replace(mention, text=doc_text(doc)[chars[0]:chars[1]], span=chars, chain=[])
    start, end = mention.span
    if statement.extra.get("interview_answer"):  # "A: No. …": the one the interview's introduction names
        return next((n for n in [*resolved, *named] if n.kind == "person" and n.span[0] >= (doc._.body_start or 0)),
                    None)
    if statement.extra.get("interview_question"):
        return None  # "Q: …": an unnamed asker, no actor called "Q"
    labelled = named_by_label(doc, mention.text)  # "MR PIGOTT:", named "Tommy Pigott" above, the header too
    if labelled is not None:
        return labelled
    words = [w.strip(",;:") for w in mention.text.lower().split()]
    # names said inside a quotation ("Crooked Hillary Clinton") are no antecedents outside it
    own = people.quotes.of(start)
    before = [n for n in named if n.span[1] <= start and people.quotes.of(n.span[0]) in (None, own)]
    inside = [n for n in named if n.span[0] >= start and n.span[1] <= end and not _common_noun(n.name)]
    root = _root_of(doc, mention)
    clause = nominals.restrictive_clause(root)
    if clause:  # "some who saw the comment as a dig at America's military": America did not speak
        inside = [n for n in inside if not clause[0] <= n.span[0] < clause[1]]
    tail = location_tail(mention)
    if tail is not None:  # "The U.S. Embassy in Kyiv": Kyiv is where it sits, not who speaks
        inside = [n for n in inside if n.span[0] < tail]
    before_clause = RELATIVE_CLAUSE.split(mention.text, 1)[0]  # not "X, who served …"
    head_text = before_apposition(before_clause)
    in_head = [n for n in inside if n.span[1] <= start + len(head_text)]
    # people of a place or of a person are a group ("Political observers in Virginia", "Supporters
    # of Trump"); officials of an institution speak for it ("Officials at the Pentagon")
    of_others = not any(n.kind in ("organization", "media") for n in inside) or root.lower_ not in OFFICIAL_GROUPS
    one_person = head_text != mention.text and [n.kind for n in in_head] == ["person"]  # "Rhodes, one of … aides"
    many = ((head_text.lower().split() or [""])[-1] in GROUP_NOUNS
            or (clause or of_others) and root.lower_ in GROUP_NOUNS | PLURAL_HEADS) \
        and not head_text.lower().startswith("one of ")  # "One of the people, a U.S. official": one of them
    if words and not one_person and many and not nominals.country_phrase(head_text) \
            or (len(in_head) > 1 and " and " in head_text) or nominals.two_roles(head_text):
        return _Named(mention.text, "group", mention.span, mention.text.lower())
    if words in (["the", "republican"], ["the", "democrat"]):
        # one party member: named so in the article, else the person who spoke last
        return _by_title(words, before, resolved) or latest_of_kind(resolved, "person")
    outlet = outlet_named(mention)  # "the German newspaper Bild": Bild, whatever the recogniser made of it
    if outlet is not None:
        return outlet
    if inside and root.pos_ == "PROPN" and not root.ent_type_ and root.lower_ not in TITLES \
            and all(n.kind == "country" and n.span[1] <= root.idx for n in inside):
        inside = []  # "Germany's Merz defends …": the person the country's possessive qualifies
    if ", " in mention.text:
        inside = head_or_appositive_names(mention, inside)
    # A nationality inside ("the Finnish navy") does not name the speaker, nor does a country
    # that owns it ("Taiwan's defense ministry", whatever the recogniser makes of the rest);
    # a proper name does.
    owned = any(owned_by_country(mention, n) for n in inside)
    institution = institution_named(mention, owned) if owned or all(n.kind == "group" for n in inside) else None
    if institution is not None:
        return institution
    if someone_of(root, inside):  # "A former aide to Senator Robert Hale testified": not Hale
        statement.extra["unnamed_relation"] = True
        return None
    member_of = institution_of_member(words, [*before, *resolved], start)  # "a senior official of the group"
    if member_of is not None:
        return member_of
    # the head's words, not its clause's ("the ministry, which is part of the Hamas-run government")
    words = _up_to_title(doc, mention, words[:len(before_clause.split())])  # "Senator from Texas" -> "senator"
    if words[-3:] in (["head", "of", "state"], ["head", "of", "government"]) and not inside:
        return _head_of(words, before, resolved)
    head_word = words[-1] if words else ""
    member = nominals.member_named_before(words, inside, before)  # "the Kremlin official" after its spokesman
    if member is None and in_first_line(doc, start):
        # the headline names a person the story names next: "Hezbollah chief says …", then
        # "Hezbollah leader Naim Qassem said …"
        member = nominals.member_named_before(words, inside, [n for n in reversed(named) if n.span[0] >= end])
    if member is not None:
        return member
    if inside and all(n.kind in ("group", "country") for n in inside) and (head_word in TITLES or head_word in GENERIC_PERSON):
        # "the French president", "a New York judge": the nationality or place qualifies the title
        # (a place's words need not come with the title: "Justice Frank Nervo" is the judge).
        places = {w for n in inside if n.kind == "country" for w in n.name.lower().split()}
        return _by_title([w for w in words if w not in places], before, resolved)
    inside = with_name_after_role_noun(doc, mention, inside)
    if inside:
        titled = [n for n in inside if after_role_noun(doc, n)]  # "Ministry spokesperson | Randhir Jaiswal"
        best = titled[-1] if titled else max(inside, key=lambda n: (n.kind == "person", n.span[1] - n.span[0]))
        if best.kind != "person" and (titled or root.lower_ in TITLES | GENERIC_PERSON and ", " in mention.text
                                      and best.span[0] > start + mention.text.index(", ")):
            best = _Named(best.name, "person", best.span, best.context)  # "Russia's deputy ambassador, Dmitry Polyanskiy"
        if head_word in PERSONAL_INSTITUTIONS and best.kind == "person" \
                and OWNER_THEN_HEAD.fullmatch(mention.text[best.span[1] - start:]):
            # "The Clinton campaign", "Trump's campaign": the organisation, not the candidate
            owner = people.expand(best, before, None)
            return _Named(f"{owner.name.split()[-1]} {head_word}", "organization", owner.span, mention.text.lower())
        courtesy = after_courtesy_title(doc_text(doc), best.span[0])  # "Ms. Holm": the story's subject
        best = _as_named_person(people.expand(best, before, None, courtesy), before, people)
        if statement.extra.get("cue_lemma") in {"learn", "report"} and best.kind in {"person", "organization"} \
                and not reports_a_figure(doc, statement):
            return _Named(best.name, "media", best.span, best.context)
        return best
    if len(words) == 1 and words[0] in WRITER_PRONOUNS and own is None:
        # the writer ("I know all about …", an editorial's "We think …"), not whoever spoke last;
        # named when a byline names one author and "I" is the author
        author = byline(doc) if words[0] in {"i", "me"} else None
        return _Named(author[0], "person", author[1], author[0].lower()) if author else None
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return people.antecedent(words[0], start) or latest_of_kind(resolved, "person")
    if len(words) == 2 and words[0] in {"his", "her"} and words[1] in PERSONAL_INSTITUTIONS:
        return owned_institution(words, mention, people)
    if len(words) == 2 and words[0] in {"his", "her"} and words[1] in KIN_NOUNS:
        return relative(words, mention, before, people)
    if words == ["it"]:  # "The United States … struck boats it says carried drugs": the subject, not "the Caribbean"
        subject = institution_subject(doc, before, people, start)
        return (latest_document(doc, people, start) or latest_institution(resolved)
                or (subject if subject is not None and subject.kind != "group" else None)
                or recent_institution(before, people, start))
    issued_by = issuer(doc, words, before, resolved, people, start)  # "…," the statement said
    if issued_by is not None:
        return issued_by
    # "The sides agreed" after Putin's call with Erdogan; "European diplomats said … One of them said";
    # "the WHO and UNICEF said … the agencies said"
    if words == ["one", "of", "them"] or bodies_of_many(words):
        return latest_plural(resolved)
    if (parties := the_parties(words, before, resolved, people, start)) is not None:
        return parties
    if len(words) == 1 and words[0] in PLURAL_PRONOUNS:
        return (institution_subject(doc, before, people, start) or latest_plural(resolved)
                or recent_coordination(doc, people, start) or recent_institution(before, people, start))
    head = words[-1] if words else ""
    earlier = institution_named_before(words, [*before, *resolved], start)  # "the company", "the ministry"
    if earlier is not None:
        return earlier
    if words and words[0] in {"the", "this"} and head in MEDIA_NOUNS \
            and not _agency_of_no_news(words, statement.extra.get("cue_lemma", "")):
        return latest_of_kind(resolved, "media")
    head_words = head_text.split()
    # "Elbridge Colby, the nominee": a name the recogniser missed, then its role
    named_head = head_text != before_clause and len(head_words) > 1 and all(w[:1].isupper() for w in head_words) \
        and head_words[0].lower() not in ("the", "a", "an")
    if (head in TITLES or head in GENERIC_PERSON) and not named_head:
        if root is not None and someone_of(root, []):
            statement.extra["unnamed_relation"] = True  # the actors stage reads the title too
            return None  # "an adviser to the prime minister" is not the prime minister
        found = _by_title(words, before, resolved)
        if found is None and head in TITLES and (in_first_line(doc, start) or in_lead(doc, start)):
            # "Germany could send Taurus …, chancellor says": the chancellor the story names next;
            # so is the lead's "A federal judge" (not its "a senior official": no title)
            found = nominals.by_title(words, [n for n in reversed(named) if n.span[0] >= end])
        return found
    chars = mention.span
    stop = min([c for c in (clause[0] if clause else None, tail) if c is not None], default=None)
    if stop is not None and chars[0] < stop - 1 < chars[1]:  # not "a draft document | seen by Reuters", "in Cairo"
        chars = (chars[0], stop - 1)
    found = proper_name(doc, replace(mention, text=doc_text(doc)[chars[0]:chars[1]], span=chars, chain=[]))
    confirmed = headlines.confirmed(found.name, found.span[0]) if found is not None else None
    if confirmed is None:  # no name, or one in title case named nowhere else ("Gold Star Mom")
        return None
    name, at = confirmed
    # "Vogt said", untagged, after "Chancellor Lena Vogt": the surname of a named person
    return _as_named_person(_Named(name, found.kind, (at, at + len(name)), found.context), before, people)


# people named by whom they stand to ("an aide to", "a lawyer for", "a friend of"): someone else
def _agency_of_no_news(words: list[str], cue_lemma: str) -> bool:
    """"The agency said" is a public agency (the WHO, the IAEA the article names), unless a news
    agency ("the news agency") or one writing as the press does ("the agency wrote")."""
    return words[-1:] == ["agency"] and not {"news", "press", "wire"} & set(words) and cue_lemma not in MEDIA_CUES


def _as_named_person(found: _Named, before: list[_Named], people: People) -> _Named:
    """A name the recogniser took for an organisation that is the family name of a person
    named before ("De Blasio said" after "Mayor Bill de Blasio") is that person."""
    if found.kind not in {"organization", "unknown"}:
        return found
    person = people.expand(_Named(found.name, "person", found.span, found.context), before, None)
    return person if person.name != found.name else found


def _common_noun(name: str) -> bool:
    """A one-word "name" that is a role or group noun the entity recogniser took for a name,
    capitalised in a headline or at a sentence start ("Judge rejects …", "Lawmaker urges …",
    "Those close to him say …")."""
    word = name.lower()
    return " " not in word and (word in TITLES or word in GENERIC_PERSON or word in GROUP_NOUNS
                                or word in {"those", "these", "lawmaker", "scholars"})


def _by_title(words: list[str], before: list[_Named], resolved: list[_Named]) -> _Named | None:
    """A title or role noun: see ``nominals.by_title``; a generic role noun with nobody
    named before goes to the latest person who spoke. An indefinite role noun ("a French
    diplomat", "a No 10 spokesperson") brings in someone new, nobody named before; an
    indefinite title only someone named so ("a New York judge" after "Justice Frank Nervo")."""
    if words and words[0] in {"a", "an", "another", "one"} and nominals.is_generic(words):
        return None
    found = nominals.by_title(words, before)
    if found is None and nominals.is_generic(words):
        return latest_of_kind(resolved, "person")
    return found


def _kind_of_phrase(doc: Doc, mention: Mention, statement: Statement) -> str:
    """The kind of an unresolved phrase, by its head noun: "the wife of a man shot by police"
    is a person and "her submission to the court" no organisation; a relative pronoun's by
    the noun it stands for ("the ship's operator, …, which said": an organisation)."""
    chars = _phrase_chars(mention)
    text = doc_text(doc)[chars[0]:chars[1]]
    span = doc.char_span(*chars, alignment_mode="expand")
    words = text.lower().split()
    head = words[-1] if words else ""
    if span is not None and len(span) > 0 and span.root.pos_ in {"NOUN", "PROPN", "PRON"}:
        head = span.root.lower_
    lemma = statement.extra.get("cue_lemma", "")
    if statement.extra.get("unnamed_relation"):
        return "person"  # "an adviser to the prime minister", "one person close to Merz"
    if words[:2] == ["one", "of"]:  # "One of the people, a U.S. official": one member of the many
        return nominals.one_of_kind(before_apposition(text).lower().split())
    if _agency_of_no_news(words, lemma):
        return "organization"  # "The agency said" after the WHO; "the agency wrote", "the news agency" report
    if head in MEDIA_NOUNS or (lemma in MEDIA_CUES and head in {"material", "newspaper", "magazine"}):
        return "media"
    if head in GROUP_NOUNS or "," in text and " and " in text or plural_root(span):
        return "group"
    if head in INSTITUTION_NOUNS:
        return "organization"
    if head in PERSON_PRONOUNS or head in TITLES or head in GENERIC_PERSON or head in KIN_NOUNS:
        return "person"
    return "unknown"


def _up_to_title(doc: Doc, mention: Mention, words: list[str]) -> list[str]:
    """The mention's words up to its head when the head is a title or role noun followed by
    where it holds ("Senator from Texas", "the governor of Virginia", "one Democratic source
    on the panel"), else all of them."""
    head = _root_of(doc, mention)
    root = head.lower_ if head is not None else ""
    if (root in TITLES or root in GENERIC_PERSON) and words and words[-1] not in TITLES and root in words:
        return words[:words.index(root) + 1]
    return words


def _head_of(words: list[str], before: list[_Named], resolved: list[_Named]) -> _Named | None:
    """"The head of state": the president named before (the king, the queen, else the
    leader); "the head of government": the prime minister (the chancellor, the premier)."""
    titles = HEAD_OF_STATE if words[-1] == "state" else HEAD_OF_GOVERNMENT
    return next((found for title in titles if (found := _by_title(words[:-3] + title, before, resolved))), None)


def _root_of(doc: Doc, mention: Mention):
    span = doc.char_span(*mention.span, alignment_mode="expand")
    return span.root if span is not None and len(span) > 0 else None


def _phrase_chars(mention: Mention) -> tuple[int, int]:
    """Where the phrase a mention stands for is written: the noun a relative pronoun
    stands for (its first link), else the mention itself."""
    return tuple(mention.chain[0]) if mention.chain and mention.text.lower() in RELATIVE_PRONOUNS else tuple(mention.span)
