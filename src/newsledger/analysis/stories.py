"""Linking stored articles into stories: one story, many copies; one statement, many outlets.

``link_stories(ledger, article_ids)`` is called by ``newsledger.ingest.store`` (and so by
``ingest`` and ``watch``) right after each ``Ledger.add``, with the ids of the batch; and
``link_stories(ledger)`` at the start of an ingest, for articles a killed run stored but
did not link. For each article not linked yet it

1. computes the MinHash fingerprint of its body and its LSH band keys
   (:mod:`newsledger.analysis.duplicates`, default settings);
2. looks up, by band key, the stored articles linked before (not only this batch) and
   keeps those that ``same_story`` calls copies, comparing with a story's copies only
   until one matches (a copy of a copy is a copy, so one match settles the story);
3. joins the stories so found (an article that bridges two stories merges them), naming
   each story after its earliest copy (published date, undated last, then article id);
4. for each story with two copies or more, groups the statements of its copies
   (``StatementGroups``: same content words, same negation, no conflicting speaker),
   greedily in copy order, and stores for each statement the id of the statement on the
   earliest copy that carries it. The groups are those of grouping every copy at once,
   whatever order the copies arrived in; when new copies come after the earliest ones,
   the groups of those are read back rather than recomputed.

Each chunk of articles is one transaction; articles already linked are skipped (so an
exact re-read, which ``Ledger.add`` already skips, is a no-op here too). Reading the
result is the store's job: ``Ledger.statements()`` gives each carried statement once.

Cost, for the per-batch use: a fingerprint per new article (about 5 ms for 700 words),
a few indexed look-ups per batch, and, for a story that gained copies, a read of its
stored group rows (no records) and the grouping of the new copies' statements. Stored
copies dated after a new one are checked against the groups that copy started and are
grouped again only when they repeat one (see ``_group_statements``), so a wire story
printed by a thousand outlets in any order costs each new copy its own statements, not
the story's.

Not done: removing links (articles are never deleted), re-linking when the duplicate
settings change (articles fingerprinted under other settings are linked again when their
ids are given, but stored ones are not compared with them until then), and choosing
which copy is the original (the earliest is named first, nothing more).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsledger.analysis.duplicates import (
    DEFAULT,
    Fingerprint,
    Settings,
    StatementGroups,
    band_keys,
    fingerprint,
    same_story,
)
from newsledger.model import Mention, Statement
from newsledger.store import stories as store


@dataclass(frozen=True)
class LinkSummary:
    """What one ``link_stories`` call did.

    ``linked``: articles fingerprinted and linked now; ``already``: articles given that
    were not linked now (linked before, or not stored); ``joined``: of the linked
    ones, those that are copies of another article; ``stories``: stories with two copies
    or more that were created or changed; ``carried``: statements of those stories
    carried by more than one copy, counted once each.
    """

    linked: int = 0
    already: int = 0
    joined: int = 0
    stories: int = 0
    carried: int = 0

    def __add__(self, other: LinkSummary) -> LinkSummary:
        return LinkSummary(self.linked + other.linked, self.already + other.already,
                           self.joined + other.joined, self.stories + other.stories,
                           self.carried + other.carried)

    def __str__(self) -> str:
        return (f"{self.linked} articles linked ({self.joined} copies of another), "
                f"{self.stories} stories with several copies updated, "
                f"{self.carried} statements carried by several copies")


def link_stories(ledger: Any, article_ids: Iterable[str] | None = None,
                 settings: Settings = DEFAULT, *, chunk: int = 256) -> LinkSummary:
    """Link the stored articles ``article_ids`` into stories with everything linked before;
    see the module docstring.

    ``article_ids`` None: every article not linked yet, found by keyset paging (so an old
    ledger of a million articles is linked ``chunk`` articles at a time, never loaded
    whole), and at the cost of two counts when there is none. Each ``chunk`` of articles
    is one transaction; the summary adds up the chunks."""
    total = LinkSummary()
    if article_ids is not None:
        wanted = list(dict.fromkeys(article_ids))
        for start in range(0, len(wanted), chunk):
            total = total + _link_chunk(ledger, wanted[start:start + chunk], settings)
        return total
    after = None
    while True:
        with ledger.engine.connect() as connection:
            ids = store.unlinked_ids(connection, settings.key, after=after, limit=chunk)
        if not ids:
            return total
        total = total + _link_chunk(ledger, ids, settings)
        after = ids[-1]


def _link_chunk(ledger: Any, wanted: list[str], settings: Settings) -> LinkSummary:
    """Link the articles ``wanted`` (distinct ids) in one transaction."""
    with ledger.engine.connect() as connection:
        pending = store.unlinked(connection, wanted, settings.key)
    # Fingerprints are computed before the write lock is taken: they are the slow part.
    prints = {row.id: fingerprint(row.text[row.body_start:], settings) for row in pending}
    published = {row.id: row.published for row in pending}
    if not prints:
        return LinkSummary(already=len(wanted))
    with store.linking(ledger) as connection:
        still = {row.id for row in store.unlinked(connection, list(prints), settings.key,
                                                  with_text=False)}
        prints = {key: value for key, value in prints.items() if key in still}
        if not prints:
            return LinkSummary(already=len(wanted))
        return _link(connection, prints, published, settings, already=len(wanted) - len(prints))


def _link(connection: Any, prints: dict[str, Fingerprint], published: dict[str, Any],
          settings: Settings, *, already: int) -> LinkSummary:
    bands = {key: band_keys(p, settings) if p.size >= settings.min_shingles else []
             for key, p in prints.items()}
    matches = store.band_matches(connection, {b for keys in bands.values() for b in keys},
                                 settings.key)
    known = store.signatures(connection, {row.article_id for row in matches})
    others = {row.article_id: Fingerprint.from_bytes(row.signature) for row in known}
    old_story = {row.article_id: row.story_id for row in known}
    edges = _edges(prints, bands, matches, others, old_story, settings)
    touched = {old_story[b] for a, b in edges if b in old_story}
    stored = store.members(connection, touched)
    union = _Union()
    for row in stored:
        union.join(row.article_id, "story:" + row.story_id)
        published[row.article_id] = row.published
    for a, b in edges:
        union.join(a, b)
    groups = union.groups(list(prints) + [row.article_id for row in stored])
    new_story: dict[str, str] = {}
    for members in groups:
        members.sort(key=lambda key: store.copy_key(published[key], key))
        new_story.update({key: members[0] for key in members})
    store.save_copies(connection, [
        {"article_id": key, "story_id": new_story[key], "settings": settings.key,
         "shingles": p.size, "signature": p.to_bytes()} for key, p in sorted(prints.items())
    ], [{"band": band, "article_id": key} for key in sorted(bands) for band in sorted(set(bands[key]))])
    old = {row.article_id: row.story_id for row in stored}
    store.move_copies(connection, {k: new_story[k] for k in old if old[k] != new_story[k]})
    carried = 0
    several = [members for members in groups if len(members) > 1]
    for members in several:  # each in copy order (sorted above)
        carried += _group_statements(connection, members, old, set(prints) & set(members), published)
    in_several = {key for members in several for key in members}
    joined = sum(1 for key in prints if key in in_several)
    return LinkSummary(linked=len(prints), already=already, joined=joined,
                       stories=len(several), carried=carried)


def _edges(prints: dict[str, Fingerprint], bands: dict[str, list[str]], matches: list[Any],
           others: dict[str, Fingerprint], story_of: dict[str, str],
           settings: Settings) -> set[tuple[str, str]]:
    """Pairs ``(new article, other article)`` that are copies of one story: enough of them
    to connect every new article to each story it belongs with, not every such pair.

    A candidate already connected to the new article (a member of a story it was linked to,
    or a new article linked with it) is not compared again: a copy of a wire story printed
    a thousand times costs a comparison or two per story, not a thousand."""

    def label(key: str) -> str:
        return "story:" + story_of[key] if key in story_of else key

    # band -> {label: members}: a stored story's copies sharing the band are one label.
    holders: dict[str, dict[str, set[str]]] = {}
    for row in matches:
        holders.setdefault(row.band, {}).setdefault(label(row.article_id), set()).add(row.article_id)
    for key, keys in bands.items():
        for band in keys:
            holders.setdefault(band, {}).setdefault(key, set()).add(key)
    known = {**others, **prints}
    union = _Union()
    edges: set[tuple[str, str]] = set()
    for key, keys in sorted(bands.items()):
        tried = {key}
        for group in sorted(set().union(*(holders[band].keys() for band in keys))):
            for band in keys:  # any order gives the same stories; this one is deterministic
                if union.root(key) == union.root(group):
                    break
                for other in sorted(holders[band].get(group, set()) - tried):
                    tried.add(other)
                    if (other, key) not in edges and same_story(prints[key], known[other], settings):
                        edges.add((key, other))
                        union.join(key, group)
                        break
    return edges


def _group_statements(connection: Any, members: list[str], old_story: dict[str, str],
                      new: set[str], published: dict[str, Any]) -> int:
    """Store the statement groups of one story (``members``, in copy order); returns how
    many statements it carries twice or more.

    Grouping is greedy in copy order, so when the story grew from one stored story (no
    merge) the groups of the copies before the earliest new one do not change: they are
    read back from the store (a few rows per statement, no record but each group's first).
    A stored copy after that keeps its stored groups too (they are replayed from the
    stored rows) unless one of its statements repeats a group its stored story did not
    have (one a new copy, or a copy of the other story in a merge, started), or one of its
    groups is gone (its first copy now joins an earlier group): only such copies, and the
    new ones, are grouped again from their statements. So a new copy that only repeats
    earlier statements (one more outlet printing a wire story) costs its own statements
    and a read of the story's stored rows. All give the groups of grouping every copy at
    once, in copy order, whatever order they came in."""
    groups = _SeededGroups()
    old = [key for key in members if key not in new]
    start = min(i for i, key in enumerate(members) if key in new)
    if len(old) < 2 or len({old_story[key] for key in old}) != 1:
        # Stories merged (each one's copies may group otherwise from the first on), or a
        # story of one copy (which has no stored groups).
        start = 0
    later = members[start:]
    replay = groups.read_back(connection, members[:start], [k for k in later if k not in new], old_story)
    statements_of = {row.id: [_statement(s) for s in found]
                     for row, found in store.copies_with_statements(connection, later)}
    found: dict[str, str] = {}
    regrouped: list[str] = []
    for key in later:
        if key not in new and groups.replays(key, old_story[key], replay.get(key, []), statements_of[key]):
            continue
        regrouped.append(key)
        for statement, statement_id in statements_of[key]:
            groups.group(key, statement, statement_id, found)
    store.replace_groups(connection, regrouped, found)
    return groups.carried()


class _SeededGroups(StatementGroups):
    """``StatementGroups`` named by the stored id of each group's first statement, restored
    from the store and replayed from stored rows where grouping again would change nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._firsts_read: dict[str, Statement] = {}
        self._known: dict[str, set[str]] = {}  # stored story: the names of its stored groups
        self._foreign: dict[str, set[int]] = {}  # stored story: groups it did not have

    def _name(self, group: int, statement_id: str) -> str:
        if group == len(self.names):
            self.names.append(statement_id)
            self._index[statement_id] = group
            for story, known in self._known.items():
                if statement_id not in known:
                    self._foreign[story].add(group)
        return self.names[group]

    def read_back(self, connection: Any, before: list[str], after: list[str],
                  story_of: dict[str, str]) -> dict[str, list[Any]]:
        """Seed the groups of the copies ``before`` (stored copies of one story, ahead of
        every new one); returns the stored group rows of the stored copies ``after``, by copy."""
        ahead = set(before)
        carriers: dict[str, set[str]] = {}  # a group with a carrier ahead starts ahead
        replay: dict[str, list[Any]] = {}
        for row in store.story_groups(connection, before + after):
            self._known.setdefault(story_of[row.article_id], set()).add(row.group_id)
            if row.article_id in ahead:
                carriers.setdefault(row.group_id, set()).add(row.article_id)
            else:
                replay.setdefault(row.article_id, []).append(row)
        self._foreign = {story: set() for story in self._known}
        starts = {row.statement_id for rows in replay.values() for row in rows
                  if row.group_id == row.statement_id}
        # In ledger order, which is the order the groups were started in.
        for row in store.compared_statements(connection, set(carriers) | starts):
            statement, _ = _statement(row)
            self._firsts_read[row.id] = statement
            if row.id in carriers:
                self._name(self.seed(statement, carriers[row.id]), row.id)
        return replay

    def replays(self, copy: str, story: str, rows: list[Any], statements: list[tuple[Statement, str]]) -> bool:
        """Give a stored copy of ``story`` the groups stored for it (``rows``, content
        order), starting those it started, if grouping it again would give the same; else
        False."""
        if len(rows) != len(statements) or any(
                row.group_id not in self._index and row.group_id != row.statement_id for row in rows):
            return False  # a group it joined is gone (or it has no stored groups)
        if any(self.repeats_any(statement, self._foreign.get(story, set())) for statement, _ in statements):
            return False
        for row in rows:
            if row.group_id in self._index:
                self.carry(self._index[row.group_id], copy)
            else:
                self._name(self.seed(self._firsts_read[row.group_id], {copy}), row.group_id)
        return True

    def group(self, copy: str, statement: Statement, statement_id: str, found: dict[str, str]) -> None:
        """Group one statement of ``copy`` into ``found`` (statement id: group name)."""
        found[statement_id] = self._name(self.add(copy, statement), statement_id)


def _statement(row: Any) -> tuple[Statement, str]:
    """The parts of a stored statement that ``StatementGroups`` compares, and its id."""
    speaker = None
    if row.speaker_name or row.actor_id:
        speaker = Mention(text="", span=(0, 0), name=row.speaker_name, actor_id=row.actor_id)
    return Statement(cue="", cue_span=(0, 0), content=row.content, content_spans=[],
                     speaker=speaker, negated=bool(row.negated)), row.id


class _Union:
    """Union-find over string keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, keys: list[str]) -> list[list[str]]:
        """The groups of ``keys`` (each once), each in key order, groups by first key."""
        found: dict[str, list[str]] = {}
        for key in sorted(set(keys)):
            found.setdefault(self.root(key), []).append(key)
        return sorted(found.values())


__all__ = ["LinkSummary", "link_stories"]
