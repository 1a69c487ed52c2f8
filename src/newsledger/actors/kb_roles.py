"""Roles over time and title phrases: the role half of ``KnowledgeBase``.

``holder("President", "RUS", on=date(2022, 5, 1))`` -> Vladimir Putin;
``roles_on(entry, on)`` -> the roles in force that day, most senior first;
``parse_title("the Russian President")`` -> ("President", "RUS", None).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from newsledger.actors.kb_entries import KBEntry
from newsledger.actors.names import normalize
from newsledger.actors.titles import (
    _FILLER,
    _MAX_TITLE_WORDS,
    _TITLE_INDEX,
    _TITLE_RANK,
    FUNCTION_OF_TITLE,
    canonical_title,
)

# Heads of institutions' names: a country word after them is part of the name.
_INSTITUTION_HEADS = {"university", "institute", "center", "centre", "college", "school", "foundation",
                      "association", "society", "academy", "museum", "hospital", "library"}


class RolesMixin:
    """Role and title look-ups; mixed into ``KnowledgeBase`` (which owns the indexes)."""

    def _resolve_country(self, country: str | None) -> str | None:
        if country is None:
            return None
        entry = self.country(country)
        return entry.raw.get("alpha3") if entry else country

    def _resolve_org(self, organization: str | None) -> str | None:
        if organization is None:
            return None
        if organization in self._by_id:
            return organization
        entry = self.lookup(organization, kinds={"organization", "group", "media"})
        return entry.id if entry else organization

    def holders(self, title: str, country: str | None = None, organization: str | None = None, *,
                on: date | None = None) -> list[KBEntry]:
        """Everyone holding the role on the date (several for 'Senator'); acting holders last."""
        main, acting = self._find_holders(title, country, organization, on or date.today())
        return list(dict.fromkeys(main + acting))

    def holder(self, title: str, country: str | None = None, organization: str | None = None, *,
               on: date | None = None) -> KBEntry | None:
        """Who held the role on the date, or None when nobody or several did.

        ``title`` is matched after normalisation ("president", "Defence Minister",
        "chairman" -> "Chair"); a function title also finds the local titles of the
        same function ("Foreign Minister" of the USA -> the Secretary of State,
        "Prime Minister" of Germany -> the Chancellor). ``country`` may be a code or
        a name, ``organization`` an id or a name. Without ``organization``, roles in
        an organisation count only when no role outside one matches ("Speaker" of the
        USA -> the Speaker of the House). An acting holder counts only when there is
        no other.
        """
        main, acting = self._find_holders(title, country, organization, on or date.today())
        if len(main) == 1:
            return main[0]
        if not main and len(acting) == 1:
            return acting[0]
        return None

    def title_holders(self, title: str, *, on: date | None = None,
                      former: bool = False) -> list[tuple[KBEntry, dict[str, Any]]]:
        """Everyone holding ``title`` on the date, in any country or body, with that role
        ("Senator" -> every senator the knowledge base has): candidates for a title named
        alone ("the senator"), for the caller to choose among by what the text names.
        With ``former``, everyone whose term in it ended before the date instead."""
        on = on or date.today()
        want = normalize(canonical_title(title))
        current, ended = [], []
        for idx in self._roles_by_title.get(want, []):
            entry, role, start, until, _t, _f = self._roles[idx]
            if (start is None or start <= on) and (until is None or on < until):
                current.append((entry, role))
            elif until is not None and until <= on:
                ended.append((entry, role))
        if not former:
            return current
        holding = {id(entry) for entry, _role in current}
        return [(entry, role) for entry, role in ended if id(entry) not in holding]

    def _find_holders(self, title: str, country: str | None, organization: str | None,
                      on: date) -> tuple[list[KBEntry], list[KBEntry]]:
        country = self._resolve_country(country)
        organization = self._resolve_org(organization)
        want = normalize(canonical_title(title))
        idxs = self._roles_by_title.get(want, [])
        found = self._scan(idxs, country, organization, on)
        if not found[0] and not found[1]:
            fn = FUNCTION_OF_TITLE.get(want)
            if fn:
                found = self._scan(self._roles_by_function.get(fn, []), country, organization, on)
        return found

    def _scan(self, idxs: list[int], country: str | None, organization: str | None,
              on: date) -> tuple[list[KBEntry], list[KBEntry]]:
        passes = [False] if organization is not None else [False, True]
        for with_orgs in passes:
            main: list[KBEntry] = []
            acting: list[KBEntry] = []
            for idx in idxs:
                entry, role, start, until, _t, _f = self._roles[idx]
                if (start is not None and on < start) or (until is not None and on >= until):
                    continue
                role_org = role.get("organization")
                if organization is not None:
                    if role_org != organization:
                        continue
                elif role_org is not None and (not with_orgs or country is None):
                    continue
                if country is not None:
                    role_country = role.get("country")
                    if role_country is None:
                        org = self._by_id.get(role_org or "")
                        if org is None or org.country != country:
                            continue
                    elif role_country != country:
                        continue
                bucket = acting if role.get("acting") else main
                if entry not in bucket:
                    bucket.append(entry)
            if main or acting:
                return main, acting
        return [], []

    def roles_on(self, entry: KBEntry | str, on: date | None = None) -> list[dict[str, Any]]:
        """Every role of the entry in force on the date, most senior first."""
        if isinstance(entry, str):
            entry = self._by_id[entry]
        on = on or date.today()
        active = [(role, start) for role, start, until in self._parsed_roles.get(id(entry), [])
                  if (start is None or start <= on) and (until is None or on < until)]
        active.sort(key=lambda rs: (_TITLE_RANK.get(normalize(rs[0].get("title", "")), 4),
                                    bool(rs[0].get("acting")),
                                    -(rs[1].toordinal() if rs[1] else 0)))
        return [dict(role) for role, _start in active]

    def role_on(self, entry: KBEntry | str, on: date | None = None) -> dict[str, Any] | None:
        """The role in force that day (the most senior if several), or None."""
        roles = self.roles_on(entry, on)
        return roles[0] if roles else None

    # ------------------------------------------------------------------ titles
    def parse_title(self, phrase: str) -> tuple[str, str | None, str | None] | None:
        """Split a title phrase into (title, country alpha-3, organization id).

        "the Russian President" -> ("President", "RUS", None); "US Senator" ->
        ("Senator", "USA", None); "NATO Secretary General" -> ("Secretary General",
        None, "org:nato"); "President of France" -> ("President", "FRA", None);
        "Foreign Minister Sergei Lavrov" -> ("Foreign Minister", None, None): words
        after the title that are not "of X" (a name) are ignored. None when no title.
        """
        if not phrase or not phrase.strip():
            return None
        words = normalize(phrase.replace("’s", "'s").replace("'s ", " 's ")).split()
        # find the longest title, leftmost
        best: tuple[int, int, str] | None = None
        for i in range(len(words)):
            for n in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
                cand = " ".join(words[i:i + n])
                if cand in _TITLE_INDEX:
                    if best is None or n > best[1] - best[0]:
                        best = (i, i + n, _TITLE_INDEX[cand])
                    break
            if best is not None and best[0] == i:
                # prefer a longer title starting later only if it covers this one
                pass
        if best is None:
            return None
        start, end, title = best
        # a modifier word that is itself part of a longer title ("House" + "Speaker")
        before = [w for w in words[:start] if w not in _FILLER]
        after: list[str] = []
        if end < len(words) and words[end] in ("of", "for", "to") and end + 1 < len(words):
            # "of" and "the" stay: they are inside the names of what the title is of ("director of the
            # Central Committee of the Workers' Party of Korea" is North Korea's, not Korea's)
            after = [w for w in words[end + 1:] if w not in _FILLER or w in ("of", "the")]
        country, org = self._modifiers(before)
        if after:
            c2, o2 = self._modifiers(after)
            if next((w for w in after if w not in _FILLER), "") in _INSTITUTION_HEADS:
                c2 = None  # "president of the University of North Korean Studies": the name's, not the role's
            country = country or c2
            org = org or o2
        if org is not None and country is None:
            org_entry = self._by_id.get(org)
            if org_entry is not None and org_entry.country and org_entry.kind == "organization" \
                    and org_entry.raw.get("type") in ("legislature", "government", "party", "agency"):
                country = org_entry.country
        return title, country, org

    def _modifiers(self, words: list[str]) -> tuple[str | None, str | None]:
        """Country and organization named by a run of modifier words (longest match first)."""
        country = org = None
        i = 0
        while i < len(words):
            matched = False
            for n in range(len(words) - i, 0, -1):
                text = " ".join(words[i:i + n])
                dem = self.demonym(text) if n <= 3 else None
                if dem is not None and country is None:
                    country = dem.raw.get("alpha3")
                    i += n
                    matched = True
                    break
                entry = self._modifier_entry(text)
                if entry is not None:
                    if entry.kind == "country" and country is None:
                        country = entry.raw.get("alpha3")
                    elif entry.kind in ("organization", "group") and org is None:
                        org = entry.id
                    i += n
                    matched = True
                    break
            if not matched:
                i += 1
        return country, org

    def _modifier_entry(self, text: str) -> KBEntry | None:
        key, _ = self._key(text)
        for a in self._alias.get(key, []):
            if a.entry.kind in ("country", "organization", "group") and not a.case_sensitive:
                return a.entry
            if a.case_sensitive and key in ("us",):
                return a.entry  # "us senator": lower-cased by normalize, written "US" in titles
        adj = self._org_adjective.get(key) if hasattr(self, "_org_adjective") else None
        return self._by_id.get(adj) if adj else None

    @property
    def _org_adjective(self) -> dict[str, str]:
        cache = self.__dict__.get("_org_adjective_cache")
        if cache is None:
            cache = {}
            for e in self._by_id.values():
                for adj in e.raw.get("adjectives", []):
                    cache[self._key(adj)[0]] = e.id
            self.__dict__["_org_adjective_cache"] = cache
        return cache

