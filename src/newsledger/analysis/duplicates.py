"""One story, many copies: near-duplicate articles found with MinHash LSH (datasketch).

A wire story is printed by many outlets, each lightly edited: a new first line, a
sentence cut, the ending trimmed. Two articles are copies of one story when their word
shingles overlap enough:

- shingles: every run of ``shingle`` (5) consecutive words of the article's body
  (``Article.body``: a header is not compared), words being ``\\w+`` runs, case-folded,
  so punctuation, spacing and letter case do not matter;
- a MinHash signature of the shingle set (``num_perm`` 128, seed 1, datasketch's
  ``affine32`` scheme, pinned so that a stored signature stays valid) estimates the
  Jaccard similarity of two sets; LSH (42 bands of 3 rows) finds the candidate pairs
  without comparing every pair: pairs with a Jaccard of 0.5 are found more than 99% of
  the time, of 0.3 about 68%, of 0.15 under 14%;
- a candidate pair is one story when its estimated Jaccard is at least ``threshold``
  (0.5), or when at least ``containment`` (0.8) of the shorter copy's shingles are in
  the longer one (a trimmed copy). Texts with fewer than ``min_shingles`` (10)
  shingles (a one-line summary, "Updates to follow.") are never linked: too short to
  tell a copy from a common phrase;
- stories are the connected groups of linked articles (a copy of a copy is a copy).

``find_stories`` groups a batch; ``StoryIndex`` is the same, one article at a time.
For a store: ``fingerprint(text).to_bytes()`` is what to keep per article, and
``band_keys`` the keys to index, so that candidates come from an indexed lookup;
``Settings.key`` names the settings, to recompute everything if they change.
``carried_statements`` merges the statements of one story's copies: one statement,
carried by many outlets.

Not done here: storage, deciding which copy is the original (the earliest is named
first, nothing more), translations (different words), stories that share a topic
but not their words (two reports of one event are two stories), and copies whose
shared part is under about a third of the longer text (found only sometimes).
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from newsledger.model import Article, Statement

WORD = re.compile(r"\w+")
SCHEME = "affine32"


@dataclass(frozen=True)
class Settings:
    shingle: int = 5
    num_perm: int = 128
    bands: int = 42
    rows: int = 3
    threshold: float = 0.5
    containment: float = 0.8
    min_shingles: int = 10
    seed: int = 1

    @property
    def key(self) -> str:
        """A name for these settings: stored signatures are only comparable under the same key."""
        return (f"minhash1-{SCHEME}-w{self.shingle}-p{self.num_perm}-b{self.bands}x{self.rows}"
                f"-s{self.seed}")


DEFAULT = Settings()


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and the number of distinct shingles it summarises."""

    hashvalues: tuple[int, ...]
    size: int

    def to_bytes(self) -> bytes:
        """``size`` (4 bytes) then the hash values (4 bytes each), big-endian."""
        return struct.pack(f">I{len(self.hashvalues)}I", self.size, *self.hashvalues)

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        """The inverse of ``to_bytes`` (a stored signature: decoded once per article)."""
        size, *values = struct.unpack(f">{len(data) // 4}I", data[:len(data) // 4 * 4])
        return cls(tuple(values), size)


def shingles(text: str, width: int = DEFAULT.shingle) -> set[str]:
    """The set of ``width``-word runs of ``text`` (the whole text when it is shorter)."""
    words = WORD.findall(text.casefold())
    if len(words) <= width:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + width]) for i in range(len(words) - width + 1)}


def fingerprint(text: str, settings: Settings = DEFAULT) -> Fingerprint:
    """The MinHash fingerprint of a text's shingles."""
    from datasketch import MinHash

    found = shingles(text, settings.shingle)
    minhash = MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme=SCHEME,
                      permutations=_permutations(settings.num_perm, settings.seed))
    minhash.update_batch([s.encode("utf-8") for s in found])
    return Fingerprint(tuple(int(v) for v in minhash.hashvalues), len(found))


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int):
    """datasketch's permutations for these settings, drawn once (they cost as much to draw
    as a short text costs to hash); the same values ``MinHash(seed=...)`` draws itself."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


def band_keys(print_: Fingerprint, settings: Settings = DEFAULT) -> list[str]:
    """One key per LSH band (``"07:9f3a..."``): two texts are candidates when they share one."""
    keys = []
    for band in range(settings.bands):
        rows = print_.hashvalues[band * settings.rows:(band + 1) * settings.rows]
        digest = hashlib.blake2b(struct.pack(f">{len(rows)}I", *rows), digest_size=8)
        keys.append(f"{band:02d}:{digest.hexdigest()}")
    return keys


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Estimated ``(jaccard, containment of the smaller set in the larger)``."""
    if not a.size or not b.size or len(a.hashvalues) != len(b.hashvalues):
        return 0.0, 0.0
    same = sum(x == y for x, y in zip(a.hashvalues, b.hashvalues))
    jaccard = same / len(a.hashvalues)
    shared = jaccard * (a.size + b.size) / (1 + jaccard)
    return jaccard, min(1.0, shared / min(a.size, b.size))


def same_story(a: Fingerprint, b: Fingerprint, settings: Settings = DEFAULT) -> bool:
    """True when two fingerprints are copies of one story (see the module's rules)."""
    if min(a.size, b.size) < settings.min_shingles:
        return False
    jaccard, contained = similarity(a, b)
    return jaccard >= settings.threshold or contained >= settings.containment


class StoryIndex:
    """Articles added one at a time; each is linked to the copies already added."""

    def __init__(self, settings: Settings = DEFAULT) -> None:
        from datasketch import MinHashLSH

        self.settings = settings
        self._lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.rows))
        self._prints: dict[str, Fingerprint] = {}

    def add(self, key: str, print_: Fingerprint) -> list[tuple[str, float]]:
        """Add ``key``; returns the earlier keys it is a copy of, with their Jaccard, best first."""
        if key in self._prints:
            raise ValueError(f"{key!r} is already in the index")
        matches = []
        if print_.size >= self.settings.min_shingles:
            minhash = self._minhash(print_)
            for other in self._lsh.query(minhash):
                if same_story(print_, self._prints[other], self.settings):
                    matches.append((other, similarity(print_, self._prints[other])[0]))
            self._lsh.insert(key, minhash)
        self._prints[key] = print_
        return sorted(matches, key=lambda match: (-match[1], match[0]))

    def _minhash(self, print_: Fingerprint):
        from datasketch import MinHash

        return MinHash(num_perm=self.settings.num_perm, seed=self.settings.seed, scheme=SCHEME,
                       hashvalues=list(print_.hashvalues),
                       permutations=_permutations(self.settings.num_perm, self.settings.seed))


@dataclass
class Story:
    """Copies of one story, the earliest first (by publication date, then id)."""

    id: str  # the id of the earliest copy
    articles: list[Article] = field(default_factory=list)

    @property
    def copies(self) -> int:
        return len(self.articles)

    @property
    def outlets(self) -> list[str]:
        """Each outlet that carried the story, once, in the order of the copies."""
        return list(dict.fromkeys(a.outlet for a in self.articles if a.outlet))

    @property
    def first_published(self) -> date | None:
        return min((a.published for a in self.articles if a.published), default=None)


def find_stories(articles: Iterable[Article], settings: Settings = DEFAULT) -> list[Story]:
    """Every article in exactly one story; stories in the order of their earliest copy.

    The result does not depend on the order of ``articles``. Articles with the same id
    (the same text and metadata read twice) count once.
    """
    unique = {article.id: article for article in articles}
    index = StoryIndex(settings)
    parent = {key: key for key in unique}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key in sorted(unique):
        for other, _ in index.add(key, fingerprint(unique[key].body, settings)):
            a, b = root(key), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[Article]] = {}
    for key in sorted(unique):
        groups.setdefault(root(key), []).append(unique[key])
    stories = []
    for members in groups.values():
        members.sort(key=_first)
        stories.append(Story(members[0].id, members))
    return sorted(stories, key=lambda story: _first(story.articles[0]))


def _first(article: Article) -> tuple[bool, date, str]:
    return (article.published is None, article.published or date.min, article.id)


@dataclass
class Carried:
    """One statement as carried by several copies of a story: ``(article, statement)`` each."""

    copies: list[tuple[Article, Statement]]

    @property
    def first(self) -> tuple[Article, Statement]:
        return self.copies[0]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(a.outlet for a, _ in self.copies if a.outlet))


def carried_statements(copies: Sequence[tuple[Article, Sequence[Statement]]],
                       min_overlap: float = 0.6) -> list[Carried]:
    """The statements of one story's copies, each merged with its repeats in other copies.

    Two statements in different copies are one when their contents share at least
    ``min_overlap`` of their words (Jaccard on case-folded words), they agree on
    negation, and their speakers do not conflict (both named, with different names or
    actor ids). ``copies`` come earliest first; so do the result and each ``copies`` list.
    A statement is never merged with another of its own article.

    Each statement is compared only with the groups that share a word of its "prefix"
    (:class:`StatementGroups`), so a story syndicated a thousand times is not quadratic.
    """
    groups = StatementGroups(min_overlap)
    merged: list[Carried] = []
    for article, statements in copies:
        article_id = article.id  # computed (a hash of the text) once per copy
        for statement in statements:
            found = groups.add(article_id, statement)
            if found == len(merged):
                merged.append(Carried([(article, statement)]))
            else:
                merged[found].copies.append((article, statement))
    return merged


class StatementGroups:
    """``carried_statements``' grouping, one statement at a time, resumable: groups are
    numbered in creation order, and ``seed`` restores a group made earlier (its first
    statement and the copies already in it) so that adding later copies gives what
    grouping every copy again would.

    Prefix filtering: two word sets with a Jaccard of ``min_overlap`` or more always share
    one of the first ``n - floor(min_overlap * n) + 1`` words of each (in one fixed
    order), so a statement is compared only with the groups indexed under those words.
    """

    def __init__(self, min_overlap: float = 0.6) -> None:
        self.min_overlap = min_overlap
        self._firsts: list[tuple[Statement, set[str]]] = []
        self._carriers: list[set[str]] = []
        self._by_word: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._firsts)

    def carried(self) -> int:
        """How many groups hold statements of two copies or more."""
        return sum(len(carriers) > 1 for carriers in self._carriers)

    def seed(self, first: Statement, carriers: set[str]) -> int:
        """Restore the next group: its first statement and the copies (keys) that carry it."""
        content = set(WORD.findall(first.content.casefold()))
        for word in _prefix(content, self.min_overlap):
            self._by_word.setdefault(word, []).append(len(self._firsts))
        self._firsts.append((first, content))
        self._carriers.append(set(carriers))
        return len(self._firsts) - 1

    def carry(self, group: int, copy: str) -> None:
        """Record that the copy keyed ``copy`` carries group ``group`` (a grouping read back)."""
        self._carriers[group].add(copy)

    def repeats_any(self, statement: Statement, groups: set[int]) -> bool:
        """Whether ``statement`` repeats the first statement of one of ``groups``."""
        if not groups:
            return False
        content = set(WORD.findall(statement.content.casefold()))
        candidates = groups if self.min_overlap <= 0 else groups.intersection(
            g for word in _prefix(content, self.min_overlap) for g in self._by_word.get(word, ()))
        return any(_same_statement(statement, content, *self._firsts[g], self.min_overlap)
                   for g in candidates)

    def add(self, copy: str, statement: Statement) -> int:
        """The group of ``statement`` of the copy keyed ``copy``: the first group (in
        creation order) it repeats and its copy is not in yet, else a new one."""
        content = set(WORD.findall(statement.content.casefold()))
        if self.min_overlap <= 0:
            candidates: Iterable[int] = range(len(self._firsts))
        else:
            prefix = _prefix(content, self.min_overlap)
            candidates = sorted({g for word in prefix for g in self._by_word.get(word, ())})
        for group in candidates:
            other, seen = self._firsts[group]
            if copy not in self._carriers[group] and _same_statement(
                    statement, content, other, seen, self.min_overlap):
                self._carriers[group].add(copy)
                return group
        return self.seed(statement, {copy})


def _prefix(words: set[str], min_overlap: float) -> list[str]:
    """The words of a set that any set with a Jaccard of ``min_overlap`` shares one of.

    Any fixed order of words is correct; longest first puts "the", "a" and "said" last, out
    of the prefix, so a statement is compared with the groups sharing a rarer word instead
    of with every group (in alphabetical order "a" and "and" led most prefixes)."""
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return ordered[:len(ordered) - int(min_overlap * len(ordered)) + 1]


def _same_statement(a: Statement, a_words: set[str], b: Statement, b_words: set[str],
                    min_overlap: float) -> bool:
    if a.negated != b.negated or not a_words or not b_words:
        return False
    if len(a_words & b_words) / len(a_words | b_words) < min_overlap:
        return False
    return not _speakers_conflict(a, b)


def _speakers_conflict(a: Statement, b: Statement) -> bool:
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.actor_id and b.speaker.actor_id:
        return a.speaker.actor_id != b.speaker.actor_id
    if a.speaker.name and b.speaker.name:
        return a.speaker.name.casefold() != b.speaker.name.casefold()
    return False
