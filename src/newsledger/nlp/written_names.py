"""Names a speaker mention writes out that the entity recogniser did not tag.

- :func:`institution_named`: an institution named by a common noun and a qualifier, kept
  whole ("the Finnish navy", "a spokesman for the Estonian government");
- :func:`proper_name`: the last run of capitalised proper nouns after any title ("Mayor
  Lina Park", "Vance");
- :func:`outlet_named`: an outlet named after the noun that says it is one ("the German
  newspaper Bild", "the state news agency Xinhua");
- :func:`institution_named_before`: "the company", "the ministry" as the organisation the
  article named before, and :func:`institution_of_member` the one "a senior official of the
  group" speaks for.

Not here: names the recogniser found (``speakers`` reads ``doc.ents``), and whether a name
in a title-case headline is one (``headlines``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..countries import country_named
from ..model import Mention
from .nominals import GENERIC_PERSON, TITLES, Named

# Heads of a phrase that names an institution: "the Finnish navy", "the Estonian prosecutor's office".
INSTITUTION_NOUNS = {"navy", "army", "guard", "government", "ministry", "office", "police", "military",
                     "embassy", "agency", "commission", "parliament", "court", "cabinet", "administration",
                     "council", "committee", "department", "service", "forces", "coastguard", "company",
                     "operator", "campaign", "party", "presidency", "kremlin", "pentagon", "union",
                     "regulator", "watchdog", "authority", "bank", "legislature", "movement", "militia",
                     "coalition", "alliance", "mission", "delegation", "consulate", "center", "centre",
                     "bureau", "institute", "force",  # "Ukraine's air force"
                     "senate", "congress", "assembly", "association", "federation"}
SPOKESPEOPLE = ("a spokesman for ", "a spokeswoman for ", "a spokesperson for ", "a representative of ",
                "the spokesman for ", "the spokeswoman for ", "the spokesperson for ")
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}


# "the Russian embassy | in London", "the U.S. Embassy | in Kyiv": where an institution sits
_LOCATION_TAIL = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*$")


def location_tail(mention: Mention) -> int | None:
    """Where the place an institution sits in, or a correspondent is posted in, begins ("The
    Russian embassy | in London", "Our correspondent | in Cairo"), as an offset into the text;
    None when the mention has no such place after such a noun. The place is not the institution's country, nor the speaker."""
    text = mention.text.split(", ")[0]
    found = _LOCATION_TAIL.search(text)
    words = text[:found.start()].lower().replace("'s", "").split() if found is not None else []
    if not words or not (_institution_head(words) or words[-1] in _POSTED):
        return None
    if words[-1] in _PRINTED and not country_named(re.sub(r"^\s*(?:in|at)\s+", "", text[found.start():])):
        return None  # "a report in The Atlantic": where it was printed, which speaks
    return mention.span[0] + found.start()


# people posted somewhere: "Our correspondent | in Cairo" is not Egypt speaking; nor are the
# reports printed somewhere ("according to reports | in France")
_PRINTED = {"report", "reports", "media", "newspapers", "press"}
_POSTED = {"correspondent", "correspondents", "reporter", "reporters", "bureau", "envoy"} | _PRINTED


def institution_named(mention: Mention, owned: bool = False) -> Named | None:
    """"the Finnish navy", "a spokesman for the Estonian government", "the Russian embassy in
    London": an institution named by a common noun, kept whole (its nationality word is not
    the speaker, nor is the place it sits in); with ``owned`` (a country's possessive before it)
    also a group ("Colombia's ELN guerrilla group", not Colombia)."""
    text = mention.text.split(", ")[0]
    offset = 0
    lowered = text.lower()
    for prefix in SPOKESPEOPLE:
        if lowered.startswith(prefix):
            offset = len(prefix)
            break
    phrase = text[offset:]
    tail = location_tail(mention)
    head_phrase = phrase[:tail - mention.span[0] - offset] if tail is not None else phrase
    words = head_phrase.lower().replace("'s", "").split()
    named = [w for i, w in enumerate(head_phrase.split())
             if w[:1].isupper() and not (i == 0 and w.lower() in DETERMINERS)]
    if not (_institution_head(words) or owned and words[-1:] == ["group"]) or not named:
        return None  # "the ministry": an organisation (see _kind_of_phrase), but no name
    name = phrase[4:] if phrase.lower().startswith("the ") else phrase
    start = mention.span[0] + offset + (len(phrase) - len(name))
    return Named(name, "organization", (start, start + len(name)), phrase.lower())


# what stands for its country when a country owns it ("Germany's government" is Germany speaking)
GOVERNMENT_NOUNS = {"government", "administration", "presidency", "kremlin", "cabinet"}


def owned_by_country(mention: Mention, name: Named) -> bool:
    """True when a country in the mention only owns the institution that speaks ("Taiwan's
    defense ministry", "Russia's foreign ministry": the ministry, not the country); False
    for a government noun, which is the country itself."""
    before = mention.text[:name.span[0] - mention.span[0]].strip().lower()
    rest = mention.text[name.span[1] - mention.span[0]:]
    words = mention.text.split(", ")[0].lower().split()
    # the country opens the mention: in "some who saw it as a dig at America's military" it does not
    return name.kind == "country" and before in {"", "the"} and rest[:2] in ("'s", "’s") \
        and (_institution_head(words, GOVERNMENT_NOUNS) or words[-1:] == ["group"])


def _institution_head(words: list[str], but: set[str] = frozenset()) -> bool:
    """True when the (lower-case) words end in an institution noun ("the defense ministry"),
    or put one before their first preposition ("China's Ministry of Commerce", "Iran's mission
    to the United Nations")."""
    first = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), None)
    head = words[first - 1] if first is not None else (words[-1] if words else "")
    return head in INSTITUTION_NOUNS - but


_HEAD_ENDS = {"of", "to", "in", "at", "for"}  # a noun phrase's head stands before these


# the last word of a business's name ("Norvik Energy", "Vessel Holdings")
_BUSINESS_HEADS = {"energy", "group", "holdings", "motors", "airlines", "airways", "systems", "technologies",
                   "industries", "corp", "corporation", "inc", "ltd", "plc", "partners", "capital", "media",
                   "pharmaceuticals", "pharma", "foods", "oil", "gas", "power", "mining", "steel", "electric",
                   "telecom", "semiconductor", "semiconductors", "labs", "therapeutics", "insurance", "securities",
                   "investments", "logistics", "shipping", "resources", "petroleum", "chemicals", "networks",
                   "communications", "entertainment", "ventures", "airport", "railways", "shipyards"}


def proper_name(doc: Doc, mention: Mention) -> Named | None:
    """A capitalised name the entity recogniser missed ("Mayor Lina Park", "Vance"):
    the last run of proper nouns in the mention, after any title. Its kind is person
    after a title, or for two or three words that head the mention; organization when it
    ends in the word of a business or an institution ("Norvik Energy", "Green Party"); else
    unknown."""
    end = mention.span[0] + mention.text.index(", ") if ", " in mention.text else mention.span[1]
    span = doc.char_span(mention.span[0], end, alignment_mode="expand")
    if span is None:
        return None
    runs: list[list] = [[]]
    for token in span:
        if token.pos_ == "PROPN" and token.is_title and token.lower_ not in TITLES \
                and token.ent_type_ not in ("DATE", "TIME"):  # not "released on | Wednesday", "Sept"
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    run = next((r for r in reversed(runs) if r), None)
    if run is None or len(run) > 4:
        return None
    titled = run[0].i > span.start and doc[run[0].i - 1].lower_ in TITLES
    # a name after a preposition is no person by its length alone ("Data from the 2014
    # American Community Survey")
    kind = "person" if titled or len(run) in {2, 3} and run[-1].i == span.root.i else "unknown"
    if not titled and (run[-1].lower_ in _BUSINESS_HEADS or run[-1].lower_ in INSTITUTION_NOUNS):
        kind = "organization"  # "Norvik Energy", "Halvard Shipping": a business, not a person
    name = " ".join(t.text for t in run)
    return Named(name, kind, (run[0].idx, run[-1].idx + len(run[-1])), span.text.lower())


# "the German newspaper Bild", "Russia's state news agency TASS", "the broadcaster RT":
# up to three qualifiers, the outlet noun, then the capitalised name.
_OUTLET = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}?(?:newspaper|daily|tabloid|weekly|magazine|news agency|"
    r"agency|broadcaster|channel|network|outlet|website|paper|radio|television|TV)\s+"
    r"((?:[A-Z][\w’'.&-]*)(?:\s+[A-Z][\w’'.&-]*){0,3})\s*$")


# "Israeli media", "Russian state media", "Chinese state television": a country's press as a whole
_PRESS = re.compile(r"^(?:(?:the|local|national)\s+)?(?:[A-Z][\w’'-]+\s+)?(?:(?:state|local|official)\s+)?"
                    r"(?:media|press|television|TV)$")
_NUMBERED_CHANNEL = re.compile(r"^(?:[A-Z][\w’'-]+\s+)?(Channel\s+\d+)$")  # "Channel 12", "Israel's Channel 13"


def outlet_named(mention: Mention) -> Named | None:
    """The outlet a mention names after an outlet noun, kind media ("the German newspaper
    Bild" -> Bild, not "German"; "Channel 12"), or a country's press ("Israeli media",
    "Russian state television", kept whole); None when no capitalised name follows the noun,
    or when more words follow the name ("the newspaper Bild's editor")."""
    text = mention.text.split(", ")[0]
    if _PRESS.match(text):
        name = text[4:] if text.lower().startswith("the ") else text
        start = mention.span[0] + len(text) - len(name)
        return Named(name, "media", (start, start + len(name)), text.lower())
    found = _OUTLET.match(text) or _NUMBERED_CHANNEL.match(text)
    if found is None:
        return None
    start = mention.span[0] + found.start(1)
    return Named(found.group(1), "media", (start, start + len(found.group(1))), text.lower())


# A business named by what it does: "the company" is the one the article named last.
# Nouns any organisation goes by ("Hamas … a senior official of the group").
BODY_NOUNS = {"group", "movement", "militia", "organization", "organisation"}
COMPANY_NOUNS = {"company", "firm", "bank", "lender", "insurer", "retailer", "airline", "carmaker", "automaker",
                 "chipmaker", "manufacturer", "conglomerate", "startup", "utility", "miner", "producer"}


def institution_named_before(words: list[str], earlier: list[Named], start: int) -> Named | None:
    """"The company" (a business noun): the organisation the article named last ("Shares of
    Nordwell Semiconductor fell after the company cut its forecast"); "the ministry" (an
    institution noun): the last organisation named with that word ("Russia's foreign ministry
    said … The ministry also said"). ``earlier`` holds the named mentions and resolved
    speakers before ``start``; None for any other phrase, or when nothing fits."""
    if not words or words[0] not in {"the", "this"} or len(words) > 3:
        return None
    head = words[-1]
    if head in COMPANY_NOUNS:  # a business: not "the European Union" named after Apple
        fits = [n for n in earlier if n.kind == "organization" and n.span[1] <= start
                and not _PUBLIC_WORDS & set(n.name.lower().split())]
    elif head in BODY_NOUNS:
        fits = [n for n in earlier if n.kind == "organization" and n.span[1] <= start]
    elif head in INSTITUTION_NOUNS or head in _MEMBERS_OF:  # "the justices" are the court named before
        word = _MEMBERS_OF.get(head, head)
        fits = [n for n in earlier if n.kind == "organization" and n.span[1] <= start
                and word in n.name.lower().split()]
    else:
        return None
    return max(fits, key=lambda n: n.span[0]) if fits else None


# Words of public bodies' names, which no company's name holds ("European Union", "European Commission")
_PUBLIC_WORDS = {"union", "commission", "ministry", "government", "parliament", "council", "court", "nations",
                 "department", "agency", "committee", "assembly", "senate", "congress", "party", "administration",
                 "organization", "organisation", "police", "army", "navy"}
MEMBER_LINKS = {"of", "for", "from", "at"}
# the members who speak for their institution as a body: "the justices said" after "The Supreme Court"
_MEMBERS_OF = {"justices": "court"}


def institution_of_member(words: list[str], earlier: list[Named], start: int) -> Named | None:
    """"a senior official of the group", "an aide at the ministry": the institution the
    article named before (:func:`institution_named_before`) that the unnamed member speaks
    for, as "a spokesman for the Estonian government" speaks for that government; None
    when the phrase is no role noun with "of the <institution noun>" after it."""
    for i, word in enumerate(words[:-2]):
        if word in MEMBER_LINKS and words[i + 1] == "the" and len(words) == i + 3 \
                and (words[i - 1] in GENERIC_PERSON or words[i - 1] in TITLES):
            return institution_named_before(words[i + 1:], earlier, start)
    return None
