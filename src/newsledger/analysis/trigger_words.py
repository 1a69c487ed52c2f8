"""Word classes and name look-ups behind red-line triggers (see ``analysis/triggers.py``).

Three small hand-written lexicons, and the bridge to the actors knowledge base:

- action classes: verbs (and event nouns) that name the same kind of act for the purpose of
  a red line ("send", "deploy", "station", "deliver", "supply" are all *send*: something is
  moved to a place; the object says whether it is troops or weapons). A verb outside every
  class is its own class (its lemma), so "escort" never matches "board".
- object classes: nouns that name the same kind of thing (troops = soldiers = forces =
  instructors); a noun outside every class matches only itself (by lemma).
- hedges: verbs that make the clause they govern not (yet) an act ("considering sending",
  "refused to deliver", "plans to send").

Actors and places are resolved with :func:`newsledger.actors.knowledge.load_kb`: country
names, demonyms, capitals and metonyms, organisations (NATO, EU), people (their country on
the date), regions with the country they belong to. "The West", "Western" and "the allies"
are not knowledge-base entries; they are handled here (``GROUP_WORDS``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from newsledger.actors.knowledge import KnowledgeBase, load_kb

_ACTION_CLASSES = {
    # something (troops, weapons) is moved to a place
    "send": ("send", "deploy", "dispatch", "station", "post", "base", "position", "commit",
             "redeploy", "move", "transfer", "deliver", "supply", "provide", "give", "ship",
             "hand", "hand over", "donate", "put", "deployment", "delivery", "shipment"),
    "attack": ("attack", "strike", "hit", "bomb", "shell", "invade", "raid", "assault", "storm",
               "target", "offensive", "operation", "invasion", "incursion", "bombardment",
               "airstrike", "strikes", "aggression"),
    "use": ("use", "detonate", "employ", "fire", "launch", "explode"),
    "damage": ("damage", "cut", "sever", "sabotage", "destroy", "break", "rupture", "blow up",
               "disable"),
    "board": ("board", "seize", "detain", "impound", "intercept"),
    "join": ("join", "accede"),
    "withdraw": ("withdraw", "leave", "exit", "quit", "pull out"),
    "declare": ("declare", "proclaim"),
    "test": ("test",),
    "annex": ("annex", "absorb"),
    "recognise": ("recognise", "recognize"),
    "sanction": ("sanction", "impose"),
    "close": ("close", "shut", "block", "blockade"),
}
ACTION_CLASS = {word: cls for cls, words in _ACTION_CLASSES.items() for word in words}

# Verbs of motion whose subject is what moves ("French soldiers arrived in Ukraine"): with a
# personnel or vehicle subject the clause means the subject's owner sent it there.
MOTION_VERBS = {"enter", "arrive", "land", "cross", "move", "go", "reach", "advance", "roll",
                "pour", "deploy", "return"}

# Light verbs: the act is their object noun ("launched an attack", "carried out a test").
LIGHT_VERBS = {"launch", "carry out", "conduct", "mount", "stage", "begin", "start", "undertake",
               "hold", "make", "open", "order"}
EVENT_NOUNS = {"attack", "strike", "offensive", "operation", "invasion", "incursion", "assault",
               "raid", "bombardment", "airstrike", "test", "drill", "exercise", "blockade",
               # "respond decisively to any aggression", "any deployment of US missiles in Germany"
               "aggression", "deployment", "delivery", "shipment"}
ASPECT_VERBS = {"begin", "start", "continue", "resume", "finish", "complete"}

_OBJECT_CLASSES = {
    "personnel": ("troop", "troops", "soldier", "force", "forces", "personnel", "serviceman",
                  "servicemen", "boot", "boots", "instructor", "adviser", "advisor", "trainer",
                  "marine", "paratrooper", "mercenary", "contingent", "battalion", "brigade",
                  "unit", "peacekeeper", "army", "guard", "guards", "commando", "sailor",
                  "navy", "military"),
    "aircraft": ("jet", "aircraft", "plane", "warplane", "fighter", "f-16", "f-16s", "bomber"),
    "warship": ("warship", "frigate", "destroyer", "corvette", "submarine", "vessel", "ship"),
    "weapon": ("weapon", "arm", "arms", "armament", "warhead", "bomb"),
}
OBJECT_CLASS = {word: cls for cls, words in _OBJECT_CLASSES.items() for word in words}

# Heads that say nothing about what was hit ("strikes targets inside Russia"): any object will do.
GENERIC_OBJECTS = {"target", "site", "facility", "position", "object", "infrastructure", "anything",
                   "something", "one"}
# Heads that count units of what follows ("a battalion of soldiers", "hundreds of troops").
MEASURE_NOUNS = {"battalion", "brigade", "contingent", "unit", "company", "regiment", "division",
                 "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "number",
                 "group", "batch", "shipment", "squadron", "fleet", "wave", "convoy", "more"}
# Heads of an object that is itself an actor ("attacks a NATO member", "an allied country").
ACTOR_HEADS = {"member", "ally", "country", "state", "nation", "territory", "neighbour", "neighbor"}
# Heads through which a nationality adjective names a place ("on Ukrainian soil").
SOIL_NOUNS = {"soil", "territory", "land", "airspace", "water", "waters", "ground", "skies", "sky"}

# Mutually exclusive kinds: a trigger's object or act of one kind is not crossed by one of
# another kind of the same set ("chemical weapons" are not "nuclear weapons", a "media
# offensive" is not a "ground offensive", "air defence missiles" are not "long range" ones).
# Multi-word kinds are written with spaces: hyphens are read as spaces.
KIND_SETS = (
    frozenset({"nuclear", "chemical", "biological", "conventional", "cluster", "incendiary",
               "thermobaric"}),
    frozenset({"ground", "air", "naval", "amphibious", "cyber", "media", "diplomatic", "economic",
               "information", "propaganda", "charm", "peace"}),
    frozenset({"long range", "short range", "medium range", "intermediate range", "air defence",
               "air defense", "anti aircraft", "anti tank", "anti ship", "surface to air"}),
)

HEDGE_VERBS = {
    "consider", "plan", "intend", "threaten", "prepare", "want", "propose", "discuss", "weigh",
    "mull", "seek", "hope", "offer", "promise", "pledge", "vow", "aim", "expect", "refuse",
    "deny", "reject", "rule out", "apply", "try", "attempt", "fail", "decline", "debate",
    "contemplate", "explore", "study", "envisage", "suggest", "urge", "ask", "demand", "call",
    "warn", "fear", "need", "agree", "decide", "able", "ready",
    "willing", "prepared", "likely", "poised", "consideration",
}
# Locative prepositions: "near", "around", "off" name somewhere else than the place itself.
IN_PREPS = {"to", "into", "in", "inside", "on", "onto", "at", "across", "over", "within",
            "throughout", "toward", "towards"}

# Words naming a bloc that is not a knowledge-base entry, as (group id, member organisations).
GROUP_WORDS = {
    "ally": "org:nato", "allies": "org:nato", "allied": "org:nato", "alliance": "org:nato",
    "nato": "org:nato", "atlantic": "org:nato",
    "west": "org:the-west", "western": "org:the-west",
    "europe": "group:europe", "european": "group:europe", "europeans": "group:europe",
}
_GROUP_MEMBERS_OF = {"org:the-west": ("org:nato", "org:eu"), "group:europe": ("org:eu",)}
_EUROPE_EXTRA = ("country:GBR", "country:NOR", "country:ISL", "country:CHE")
# Shown in a trigger text instead of the words as written.
GROUP_LABEL = {"org:nato": "NATO", "org:the-west": "the West", "group:europe": "Europe"}
# Groups grouped together when red lines are gathered by trigger (a "Western troops" red line
# and a "NATO troops" one are about the same event).
GROUP_FAMILY = {"org:nato": "west", "org:the-west": "west"}


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    return load_kb()


def action_class(lemma: str) -> str:
    return ACTION_CLASS.get(lemma, lemma)


def object_class(head: str) -> str:
    return OBJECT_CLASS.get(head, head)


def kinds(modifier_words: tuple[str, ...] | list[str]) -> list[frozenset[str]]:
    """For each of ``KIND_SETS``, the kinds among these modifier words (empty when none)."""
    text = " " + " ".join(w.replace("-", " ") for w in modifier_words).lower() + " "
    text = " ".join(text.split())
    padded = f" {text} "
    return [frozenset(k for k in kind_set if f" {k} " in padded) for kind_set in KIND_SETS]


def resolve_name(text: str, on: date | None = None) -> set[str]:
    """Knowledge-base ids for a name, demonym, group word or person ("Macron" → his country)."""
    text = text.strip()
    if not text:
        return set()
    key = _plain(text)
    if key in GROUP_WORDS:
        return {GROUP_WORDS[key]}
    base = kb()
    entry = base.lookup(text, on=on) or base.demonym(text)
    if entry is None and text[:1].isupper():
        entry = base.lookup(text, on=on, allow_surnames=True)
    if entry is None:
        return set()
    if entry.kind == "person":
        role = base.role_on(entry, on) if on else None
        country = (role or {}).get("country") or entry.country
        return {f"country:{country}"} if country else set()
    if entry.kind == "place":
        return {entry.id} | ({f"country:{entry.country}"} if entry.country else set())
    return {entry.id}


def place_ids(text: str) -> set[str]:
    """Ids for a place: the entry, and the country a region or city belongs to; else a text key."""
    ids = resolve_name(text)
    ids = {i for i in ids if i.startswith(("country:", "place:"))}
    return ids or {"text:" + _plain(text)}


def expand(ids: set[str]) -> set[str]:
    """Ids with the members of every organisation or bloc among them ("org:nato" → its members)."""
    out = set(ids)
    orgs = set()
    for i in ids:
        orgs.update(_GROUP_MEMBERS_OF.get(i, (i,)))
    if "group:europe" in ids:
        out.update(_EUROPE_EXTRA)
    if orgs:
        for entry in kb().by_kind("country"):
            if orgs & set(entry.raw.get("member_of") or ()):
                out.add(entry.id)
        out.update(orgs)
    return out


def family(ids: set[str]) -> str:
    """A short key for an actor set, used to group red lines ("west", "country:RUS", "any")."""
    if not ids:
        return "any"
    return "+".join(sorted({GROUP_FAMILY.get(i, i) for i in ids}))


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"^(the|a|an)\s+", "", " ".join(text.split()))
    return text


plain = _plain
