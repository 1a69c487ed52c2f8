"""Resolve each statement's speaker and targets to canonical actors.

``resolve_statements(article, statements)`` is the actors stage that ingest calls
after the nlp stage. For every speaker mention it fills ``name`` (canonical),
``actor_id``, ``kind``, ``role``, ``country`` (ISO 3166 alpha-3) and
``organization`` (canonical name) at the statement's date (``statement.date``,
else the article's publication date, else today), and links every target to an
actor id. In order, for a speaker:

1. **Groups** ("Western leaders", "a number of countries, including the USA,
   Germany and the UK") stay groups: a group known to the knowledge base ("Western
   countries" -> the West) or ``group:<words>``; the named members go to
   ``statement.extra["speaker_members"]`` (and to ``mention.members`` when the model
   has that field).
2. **The knowledge base** knows the name (or, for a title alone, who held the
   title that day: "the Russian President" in 2022 -> Vladimir Putin, "the US
   president" in 2016 -> Barack Obama; when several did, the one the article named
   last: "the senator" -> Ted Cruz, "the former senator" -> a former holder). A
   nominal ("the campaign", "the agency", "the network") is the entry with that
   context alias that the article named last ("Trump ... The campaign says" -> the
   Trump campaign; see ``recency.py``). Its kind wins over the entity recogniser's
   ("Politico" media, "Kyiv" the country Ukraine, "Donbass" a place), except when the
   mention carries a person's title, or when a name many countries' institutions share
   ("the Foreign Office") meets a story filed from another country (``shared_names.py``).
3. **The article**: a surname alone goes to the full name in the same article.
4. **The registry** (actors from earlier articles, ``registry.py``): "Lee",
   "Senator Lee" or a shorter name merge with the one compatible known person.
5. Otherwise a new actor with a stable id from kind and name (``person:mike-lee``).

Roles come from the knowledge base at that date, refined by the title the text
gives ("US Senator Mike Lee from Utah" -> Senator, USA, United States Senate,
seat Utah); a "former" title is kept as "former <title>". A country as speaker
("Kyiv", "Washington", "Ukraine") stands for its government: kind ``country``,
role "government" when named by its capital. Ids are KB ids (``person:jens-
stoltenberg``, ``country:UKR``, ``media:politico``) or ``<kind>:<slug of name>``,
so the same actor has the same id in every run and article; only a merge found
through the registry depends on what was ingested before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from newsledger.actors.evidence import (LearnedRole, country_in_name, country_owner, evidence_phrases, is_name_like,
                                        learn_role, other_word_orders, owned_entry, person_apposition, title_only,
                                        titled_elsewhere, unnamed_country, without_relative_clause, written_name)
from newsledger.actors.groups import CONTRACT_KINDS, group_members
from newsledger.actors.institutions import adopt, of_institution, same_institution
from newsledger.actors.knowledge import KBEntry, KnowledgeBase, load_kb
from newsledger.actors.names import actor_id_for, normalize, strip_the, title_cased, without_honorific
from newsledger.actors.recency import latest_named, nominal_entry
from newsledger.actors.registry import ActorRegistry, name_words, writes_name
from newsledger.actors.shared_names import (filed_country_id, filed_elsewhere, home_office, namesake_elsewhere,
                                            role_filed_elsewhere)
from newsledger.actors.titles import role_titled
from newsledger.model import Article, Mention, Statement
from newsledger.nlp.dates import inherit_dates_by_actor
from newsledger.nlp.written_names import INSTITUTION_NOUNS

_NAMED_KINDS = ("organization", "country", "media", "group")

_DEFAULT_REGISTRY = ActorRegistry()


def default_registry() -> ActorRegistry:
    """The process-wide registry used when none is passed (merges within one run)."""
    return _DEFAULT_REGISTRY


def make_resolver(registry: ActorRegistry, kb: KnowledgeBase | None = None):
    """A ``resolve_statements`` bound to ``registry`` (what ingest passes as its resolver)."""
    return partial(resolve_statements, registry=registry, kb=kb)


@dataclass
class _Resolution:
    name: str | None
    kind: str
    actor_id: str | None = None
    entry: KBEntry | None = None
    role: dict[str, Any] | None = None
    former: bool = False
    members: list[dict[str, Any]] = field(default_factory=list)
    alias: str | None = None
    title_only: bool = False  # a title with no name: the speakers' modifier name is dropped
    country: str | None = None  # of an organisation the knowledge base does not have


def resolve_statements(article: Article, statements: list[Statement], *,
                       registry: ActorRegistry | None = None,
                       kb: KnowledgeBase | None = None) -> list[Statement]:
    """Fill speakers and targets with canonical actors (in place); returns ``statements``."""
    resolver = _ArticleResolver(article, statements, kb or load_kb(),
                                registry if registry is not None else default_registry())
    for statement in statements:
        on = statement.date or article.published
        if statement.speaker is not None:
            resolver.speaker(statement, statement.speaker, on)
        for target in statement.targets:
            resolver.target(target, on)
        statement.targets = _distinct(statement.targets)
    inherit_dates_by_actor(statements)  # "The Ministry" is the ministry dated before
    return statements


def _distinct(targets: list) -> list:
    """The targets without repeats of one actor ("Ukrainian soil" and "the Kiev regime": Ukraine once)."""
    seen: set[str] = set()
    kept = []
    for target in targets:
        key = target.actor_id or target.name
        if key not in seen:
            seen.add(key)
            kept.append(target)
    return kept


class _ArticleResolver:
    def __init__(self, article: Article, statements: list[Statement], kb: KnowledgeBase,
                 registry: ActorRegistry):
        self.article, self.kb, self.registry = article, kb, registry
        self.local: list[str] = []  # full person names resolved by the speakers component
        self.roles_seen: dict[str, LearnedRole] = {}  # roles the text gave a person, by name
        self.org_names: dict[str, str | None] = {}  # organisation names carried over from the registry
        self.institutions: list[Mention] = []  # organisations that spoke, in order ("a ministry spokesperson")
        names: list[str] = []
        for s in statements:
            if s.speaker is not None:
                names += [n for n in (s.speaker.name, s.speaker.text) if n]
                full = without_honorific(s.speaker.name or "")  # "Mr. Obama" is no full name
                if s.speaker.kind == "person" and len(full.split()) > 1 and full not in self.local:
                    self.local.append(full)
            names += [t.name for t in s.targets]
        self.context = kb.context_of(names)
        self.filed_from = filed_country_id(article.text, article.body_start or 0, kb)  # "country:PAK"

    # ------------------------------------------------------------------ speakers
    def speaker(self, statement: Statement, mention: Mention, on: date | None) -> None:
        # "an adviser to the prime minister" (the speakers stage's reading) is not the prime minister
        unnamed = any(statement.extra.get(k) for k in ("unnamed_relation", "unnamed_antecedent", "unnamed_seat"))
        res = None if unnamed else self._resolve(title_cased(mention), on)
        same = same_institution(mention.text, self.institutions) if res is None or res.entry is None else None
        if same is not None:  # "The Ministry", the one named before, when the knowledge base knows none
            return adopt(mention, same)
        if res is None:  # nobody named; "A senior Saudi official" is still Saudi
            said = mention.name if statement.extra.get("unnamed_antecedent") else mention.text  # the phrase "he" stands for
            mention.country = unnamed_country(self.kb, said) if mention.kind == "person" else None
            return
        self._apply(mention, res, on)
        if mention.kind == "organization":
            self.institutions.append(mention)
        if res.members:
            statement.extra["speaker_members"] = mention.members = res.members

    def _resolve(self, mention: Mention, on: date | None) -> _Resolution | None:
        kb = self.kb
        name = mention.name or (mention.text if mention.kind in _NAMED_KINDS else None)
        title = title_only(kb, mention.text)
        if title is not None and mention.kind != "group" and (name is None or (writes_name(mention.text, name)
                                                   and not self._person_name(name, mention))):
            return self._title_only(title, mention, on)  # "The US president", "the Kremlin spokesman"
        if mention.kind == "group" and not (name and kb.lookup(name, context_ids=self.context,
                                                              kinds={"group", "organization"})):
            return self._group(mention, name or mention.text, on)
        if name is None:  # a name the entity recogniser missed, or "the alliance" after NATO
            name = written_name(kb, mention.text) or \
                (mention.text if nominal_entry(self.kb, self.article.text, mention.text, mention) is not None else None)
            if name is None:
                return None
        learned = None
        for phrase in evidence_phrases(self.article, mention):
            learned = role_filed_elsewhere(kb, learn_role(kb, phrase, name if is_name_like(name) else None), phrase,
                                           self.filed_from)
            if learned is not None:
                break
        # a title the mention is made of ("The Saudi crown prince") when nothing else gives one
        learned = of_institution(self.kb, learned or title, mention, self.institutions)
        nominal = nominal_entry(self.kb, self.article.text, name, mention)
        entry = nominal or self._kb_entry(name, mention, learned, on)
        if entry is not None and entry.kind == "person" and learned is not None and not learned.former \
                and not writes_name(mention.text, name):
            holder = self._holder(learn_role(kb, mention.text), on)
            if holder is not None and holder is not entry and not self._holds(entry, learned, on):
                entry = holder  # "the US president" cannot be someone who was not president then
        if entry is not None:
            res = _Resolution(entry.name, entry.kind, entry.id, entry, former=bool(learned and learned.former))
            if learned is not None and entry.kind == "person":
                res.role = learned.as_dict()
            # "The network" is RT whatever outlet spoke last: that outlet's name is no alias of RT
            res.alias = name if is_name_like(name) and nominal is None else None
            if entry.kind == "country" and normalize(name) in {normalize(m) for m in entry.metonyms}:
                res.role = {"title": "government", "country": entry.alpha3, "organization": None}
            return res
        return self._unknown(name, mention, learned)

    def _person_name(self, name: str, mention: Mention) -> bool:
        """True when the name in a title phrase is a person's ("Mike Lee, the senator"), not a
        modifier of the title ("US" in "The US president", "Kremlin" in "the Kremlin spokesman")."""
        if mention.kind != "person":
            return False
        if self.kb.demonym(name) is not None:
            return False
        return self.kb.lookup(name, kinds={"country", "organization", "media", "place", "group"}) is None

    def _title_only(self, learned: LearnedRole, mention: Mention, on: date | None) -> _Resolution:
        learned = of_institution(self.kb, learned, mention, self.institutions)
        indefinite = mention.text.lower().startswith(("a ", "an ", "one "))  # "A department spokesperson": anyone
        holder = None if indefinite else self._holder(learned, on) or self._named_holder(learned, mention, on)
        if holder is not None:
            return _Resolution(holder.name, "person", holder.id, holder, role=learned.as_dict(),
                               former=learned.former)
        return _Resolution(None, "person", role=learned.as_dict(), former=learned.former, title_only=True)

    def _named_holder(self, learned: LearnedRole, mention: Mention, on: date | None) -> KBEntry | None:
        """"The senator said": of everyone the knowledge base has in that role that day
        (in the country or body the title names, if any), the one the article named last
        before the mention; for "the former senator", of everyone who held it before that
        day. None when the article names none of them."""
        holders = [entry for entry, role in self.kb.title_holders(learned.title, on=on, former=learned.former)
                   if self._role_fits(role, learned)]
        return latest_named(self.article.text, holders, mention.span[0])

    def _role_fits(self, role: dict[str, Any], learned: LearnedRole) -> bool:
        if learned.organization and role.get("organization") != learned.organization:
            return False
        if learned.country:
            country = role.get("country")
            org = self.kb.get(role.get("organization") or "")
            return learned.country in (country, org.country if org is not None else None)
        return True

    def _kb_entry(self, name: str, mention: Mention, learned: LearnedRole | None,
                  on: date | None) -> KBEntry | None:
        kb = self.kb
        if mention.kind in ("person", "unknown"):
            name = without_honorific(name)  # "Mr. Obama": the surname of a known person
        single = len(name.split()) == 1
        if single and mention.kind in ("person", "unknown", "media", "organization"):
            local = self._local_full(name)
            if local is not None and not self._known_first(name, local, mention, on):
                name, single = local, False
        entry = kb.lookup(name, on=on, context_ids=self.context, allow_surnames=single)
        if entry is not None and (filed_elsewhere(entry, name, self.filed_from)
                                  or namesake_elsewhere(entry, learned.title if learned else None, self.filed_from)):
            return None
        owner = country_owner(kb, name) if entry is None and mention.kind != "person" else None
        if owner is not None:  # "Britain's Ministry of Defence": the British one
            entry = owned_entry(kb, *owner)
        if entry is None and mention.kind == "person" and len(name.split()) > 2:
            # "Crooked Hillary Clinton": a known full name behind a nickname or extra given name
            entry = kb.lookup(" ".join(name.split()[-2:]), on=on, kinds={"person"})
        # not for a surname the article named in full ("Jordan" after "Rep. Jim Jordan" is no country)
        if entry is None and mention.name and is_name_like(mention.text) and not name.endswith(mention.text):
            entry = kb.lookup(mention.text, on=on, context_ids=self.context, kinds=set(_NAMED_KINDS) | {"place"})
        if entry is None:
            return None
        if entry.kind != "person" and mention.kind == "person" and learned is not None:
            return None  # "Senator Jordan": a person's title beats a country's name
        return entry

    def _holder(self, learned: LearnedRole | None, on: date | None) -> KBEntry | None:
        if learned is None or learned.former or not (learned.country or learned.organization):
            return None
        return self.kb.holder(learned.title, learned.country, learned.organization, on=on)

    def _holds(self, entry: KBEntry, learned: LearnedRole, on: date | None) -> bool:
        return role_titled(self.kb.roles_on(entry, on), learned.title) is not None

    def _unknown(self, name: str, mention: Mention, learned: LearnedRole | None) -> _Resolution | None:
        kind = mention.kind if mention.kind in CONTRACT_KINDS else "unknown"
        known = self.registry.find(name) or [r for other in other_word_orders(self.kb, name)  # "DPRK Foreign
                                              for r in self.registry.find(other)]  # Ministry" is "… of the DPRK"
        if kind != "person":
            local = self._local_full(name)
            if local is not None:
                name, kind = local, "person"
            elif (learned is not None and kind != "organization") or any(r.kind == "person" for r in known) \
                    or person_apposition(mention.text, name):
                kind = "person"
            elif kind in ("organization", "unknown", "media") and len(name.split()) == 1 \
                    and self.registry.match_person(name) is not None:
                kind = "person"  # a surname the recogniser took for an organisation
        if kind == "person":
            name = self._local_full(name) or name  # "… — Ryabkov" in a headline: Sergey Ryabkov below
            if learned is None:  # the role given earlier, else where the text titles the name
                learned = self.roles_seen.get(normalize(name)) or titled_elsewhere(self.kb, self.article.text, name)
            learned = home_office(learned, self.filed_from, self.article.text, mention.span)
            record = self.registry.match_person(
                name, title=learned.title if learned else None, country=learned.country if learned else None)
            actor_id = record.id if record else actor_id_for("person", name)
            known = self.kb.get(actor_id) if record is None else None
            if known is not None and namesake_elsewhere(known, learned.title if learned else None, self.filed_from):
                # a namesake of a known person ("Defense Minister Pedro Sanchez" in Bogota): not them
                actor_id = f"{actor_id}-{self.filed_from.split(':')[-1].lower()}"
            role = learned.as_dict() if learned else None
            if role is None and record is not None and record.role:  # the role it was last seen with
                role = {"title": record.role, "country": record.country, "organization": None}
                self.org_names[actor_id] = record.organization
            res = _Resolution(record.name if record else name, "person", actor_id, role=role,
                              former=bool(learned and learned.former))
            res.alias = name
            if learned is not None:
                self.roles_seen[normalize(res.name or name)] = learned
            return res
        if mention.name is None:
            return None  # words the recogniser did not take for a name, and nothing else does
        same_kind = [r for r in known if r.kind == kind]
        if same_kind:
            return _Resolution(same_kind[0].name, kind, same_kind[0].id, alias=name, country=same_kind[0].country)
        bare = strip_the(name)
        if kind == "unknown" or " " not in bare and (bare.islower() or bare.lower() in INSTITUTION_NOUNS):
            # "the agency", "police", "Police" opening a sentence: a bare noun that names nothing the
            # article names is no actor shared by every article ("the fisheries agency" is specific
            # enough to be one)
            return _Resolution(strip_the(name) if kind != "unknown" else name, kind, None)
        owner = country_owner(self.kb, name)  # "Taiwan's defense ministry" is Taiwan's
        if owner is None and mention.text.endswith(name):  # named without it: "Taiwan's | Central Weather …"
            owner = country_owner(self.kb, mention.text)
        owner_entry = owner[0] if owner else country_in_name(self.kb, name) if kind in ("organization", "media") else None
        return _Resolution(strip_the(name), kind, actor_id_for(kind, name), alias=name,
                           country=owner_entry.alpha3 if owner_entry else None)

    def _known_first(self, surname: str, local: str, mention: Mention, on: date | None) -> bool:
        """True when the knowledge base knows a person by ``surname`` that day and the article
        names ``local`` only after the mention ("President Obama … The president told …", and
        "Michelle Obama" further down: Barack Obama, not the article's one full name)."""
        if not 0 <= mention.span[0] < self.article.text.find(local):
            return False
        entry = self.kb.lookup(surname, on=on, context_ids=self.context, allow_surnames=True)
        return entry is not None and entry.kind == "person" and normalize(entry.name) != normalize(local)

    def _local_full(self, name: str) -> str | None:
        """The one full name in this article that ends with ``name`` ("Lee" -> "Barbara Lee")."""
        if len(name.split()) != 1 or not self.local:
            return None
        words = name_words(name)
        local = {n for n in self.local if name_words(n)[-1:] == words and n != name}
        return local.pop() if len(local) == 1 else None

    def _group(self, mention: Mention, text: str, on: date | None) -> _Resolution:
        members = group_members(self.kb, self.registry, text, on, self.context)
        name = strip_the(without_relative_clause(text))  # the members may be in the clause, not the name
        return _Resolution(name, "group", actor_id_for("group", name), members=members)

    def _apply(self, mention: Mention, res: _Resolution, on: date | None) -> None:
        kb = self.kb
        role = res.role
        entry = res.entry
        if entry is not None and entry.kind == "person":
            role = self._person_role(entry, res, on)
        mention.kind = CONTRACT_KINDS.get(res.kind, "unknown")
        if res.name or res.title_only:
            mention.name = res.name
        mention.actor_id = res.actor_id
        title = role.get("title") if role else None
        mention.role = (f"former {title}" if res.former and title else title) or None
        country = role.get("country") if role else res.country
        org_id = role.get("organization") if role else None
        if entry is not None and entry.kind != "person":
            country = country or entry.country
            org_id = org_id or entry.parent
        elif entry is not None:
            country = country or entry.country
        org = kb.get(org_id) if org_id else None
        if country is None and org is not None and org.kind == "organization":
            country = org.country
        mention.country = country
        mention.organization = org.name if org is not None else org_id or self.org_names.get(res.actor_id or "")
        if res.actor_id is None:
            return
        self.registry.observe(
            res.actor_id, res.name or mention.text, mention.kind, alias=res.alias,
            role=None if res.former or not role or role.get("title") == "government" else role,
            country=country, organization=mention.organization, on=on, members=res.members or None,
            kb_roles=entry.roles if entry is not None else None, in_kb=entry is not None)

    def _person_role(self, entry: KBEntry, res: _Resolution, on: date | None) -> dict[str, Any] | None:
        """The KB role in force that day, the one the text names when there are several."""
        in_force = self.kb.roles_on(entry, on)
        learned = res.role
        if learned and not res.former:  # else a role the knowledge base does not have (yet)
            return role_titled(in_force, learned["title"]) or learned
        if res.former:
            return learned
        return in_force[0] if in_force else None

    # ------------------------------------------------------------------ targets
    def target(self, target: Any, on: date | None) -> None:
        name = target.name
        if not name:
            return
        words = name.split()
        if len(words) == 1:
            name = self._local_full(name) or name
        entry = self.kb.lookup(name, on=on, context_ids=self.context, allow_surnames=len(name.split()) == 1)
        if entry is not None:
            target.name, target.actor_id = entry.name, entry.id
            return
        known = self.registry.find(name)
        if not known and len(name.split()) == 1:
            person = self.registry.match_person(name)
            known = [person] if person else []
        if known:
            target.name, target.actor_id = known[0].name, known[0].id


__all__ = ["CONTRACT_KINDS", "default_registry", "make_resolver", "resolve_statements"]
