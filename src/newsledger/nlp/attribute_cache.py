"""The same attribute-ruler matches as spaCy's, found once per kind of token.

en_core_web_sm's ``attribute_ruler`` maps each fine-grained tag to a part of speech and
morphology and fixes a few lemmas: 179 token patterns, checked by spaCy's ``Matcher`` at
every token of every article. That search took an eighth of the stock pipeline's time
on PolNeAR (2.7 s of 25 s for 84 articles), more than all of newsledger's own rules.

Almost all of those patterns look at one token, and only at a few of its attributes
(tag, lower-case form, dependency label, whether it is a space). Whether such a pattern
matches a token depends on nothing else, so :class:`CachedAttributeRuler` asks the
``Matcher`` once per distinct combination of those attributes and remembers the answer;
patterns over several tokens, or with operators it cannot reason about, still run over
the whole Doc. The matches are then sorted and applied exactly as spaCy's own
``AttributeRuler.match`` and ``set_annotations`` do, so every token gets the same part
of speech, morphology and lemma (``tests/test_attribute_cache.py`` compares them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_ALIASES = {"TEXT": "ORTH"}
_CACHE_LIMIT = 500_000  # entries a cache keeps before it starts again (memory stays bounded)


@dataclass
class _Attribute:
    """What the one-token patterns test of one token attribute: values named exactly
    (or in ``IN``/``NOT_IN`` lists) and regular expressions. Any other value behaves
    like every other one, so it is folded into one."""

    attr_id: int
    named: set = field(default_factory=set)
    regexes: list = field(default_factory=list)
    memo: dict = field(default_factory=dict)

    def kind_of(self, value: int, strings) -> object:
        found = self.memo.get(value)
        if found is None:
            folded = value if value in self.named else -1
            if self.regexes:
                text = strings[value] if value else ""
                folded = (folded, tuple(bool(rx.search(text)) for rx in self.regexes))
            if len(self.memo) >= _CACHE_LIMIT:  # a long stream keeps meeting new words
                self.memo.clear()
            found = self.memo[value] = folded
        return found


class _Plan:
    """The ruler's patterns split into one-token ones (answered per token kind) and the
    longer ones (tried only where one of their words occurs)."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.signature = (id(ruler.matcher), len(ruler.matcher))
        self.attributes: dict[str, _Attribute] = {}
        self.single = Matcher(ruler.vocab, validate=False)
        self.anchored: list[_Anchored] = []
        self.whole = Matcher(ruler.vocab, validate=False)  # patterns with no word to look for
        for index in range(len(ruler.attrs)):  # AttributeRuler keys its rules "0", "1", ...
            key = str(index)
            patterns = ruler.matcher.get(key)[1]
            if all(len(p) == 1 and self._learn(p[0], strings) for p in patterns):
                self.single.add(key, patterns)
                continue
            for pattern in patterns:
                anchor = _Anchored.of(ruler.vocab, key, pattern)
                if anchor is not None:
                    self.anchored.append(anchor)
                else:
                    self.whole.add(key, [pattern])
        self.order = [a.attr_id for a in self.attributes.values()]
        self.kinds = list(self.attributes.values())
        self.by_row: dict[tuple, list[tuple[int, int]]] = {}
        self.by_kind: dict[tuple, list[tuple[int, int]]] = {}

    def _learn(self, token_pattern: dict, strings) -> bool:
        """Record what ``token_pattern`` tests; False if it is not a plain one-token test."""
        for name, test in token_pattern.items():
            name = _ALIASES.get(name.upper(), name.upper())
            if name not in IDS or name == "OP":
                return False
            attribute = self.attributes.setdefault(name, _Attribute(IDS[name]))
            if isinstance(test, dict):
                for op, value in test.items():
                    if op in ("IN", "NOT_IN"):
                        attribute.named.update(_value_id(v, strings) for v in value)
                    elif op == "REGEX":
                        attribute.regexes.append(re.compile(value))
                    else:
                        return False
            elif isinstance(test, (str, bool, int)):
                attribute.named.add(_value_id(test, strings))
            else:
                return False
        return True

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule number, match key, start, end)`` of every pattern that matches, as
        ``Matcher`` finds them, sorted as ``AttributeRuler.match`` sorts them."""
        strings = doc.vocab.strings
        found = [(int(strings[key]), key, s, e) for key, s, e in self.whole(doc, allow_missing=True)] \
            if len(self.whole) else []
        columns: dict[int, np.ndarray] = {}  # one read of each attribute the anchors test
        for anchored in self.anchored:
            if anchored.attr_id not in columns:
                columns[anchored.attr_id] = doc.to_array(anchored.attr_id)
            found.extend(anchored.matches(doc, columns[anchored.attr_id]))
        if len(doc) and self.order:
            values = doc.to_array(self.order).reshape(len(doc), -1).tolist()
            by_row, append = self.by_row, found.append
            for i, row in enumerate(map(tuple, values)):
                keys = by_row.get(row)
                if keys is None:
                    keys = self._keys(doc, i, row)
                for number, key in keys:
                    append((number, key, i, i + 1))
        found.sort()  # as AttributeRuler.match: later rules take precedence
        return found

    def _keys(self, doc: Doc, i: int, row: tuple) -> list[tuple[int, int]]:
        """The one-token rules that match token ``i`` (whose attributes are ``row``),
        asked of the Matcher once per kind of token."""
        strings = doc.vocab.strings
        kind = tuple(a.kind_of(v, strings) for a, v in zip(self.kinds, row))
        keys = self.by_kind.get(kind)
        if keys is None:
            keys = [(int(strings[key]), key) for key, _, _ in self.single(doc[i:i + 1], allow_missing=True)]
            self.by_kind[kind] = keys
        if len(self.by_row) >= _CACHE_LIMIT:
            self.by_row.clear()
        self.by_row[row] = keys
        return keys


@dataclass
class _Anchored:
    """A pattern of fixed length tried only around the tokens that have the value one
    of its token tests names exactly ("na" of "gon na", "all" of "y' all")."""

    number: int
    matcher: Matcher
    attr_id: int
    values: list[int]
    offset: int  # where the anchored token is in the pattern
    length: int

    @classmethod
    def of(cls, vocab, key: str, pattern: list[dict]) -> "_Anchored | None":
        if any("OP" in token for token in pattern):
            return None  # a pattern of varying length: no fixed window
        for offset, token in enumerate(pattern):
            for name, test in token.items():
                name = _ALIASES.get(name.upper(), name.upper())
                values = _exact_values(test)
                if name in IDS and values:
                    matcher = Matcher(vocab, validate=False)
                    matcher.add(key, [pattern])
                    return cls(int(key), matcher, IDS[name], [_value_id(v, vocab.strings) for v in values],
                               offset, len(pattern))
        return None

    def matches(self, doc: Doc, column: np.ndarray) -> list[tuple[int, int, int, int]]:
        """Its matches in ``doc``; ``column`` is ``doc.to_array(self.attr_id)``."""
        hits = np.flatnonzero(np.isin(column, self.values)) - self.offset
        found = []
        for start in hits.tolist():
            if 0 <= start <= len(doc) - self.length:
                found.extend((self.number, key, start + s, start + e)
                             for key, s, e in self.matcher(doc[start:start + self.length], allow_missing=True))
        return found


def _exact_values(test) -> list | None:
    """The values a token test accepts when it names them: ``"na"`` or ``{"IN": [...]}``."""
    if isinstance(test, str):
        return [test]
    if isinstance(test, dict) and set(test) == {"IN"}:
        return list(test["IN"]) or None
    return None


def _value_id(value, strings) -> int:
    """A pattern value as ``Doc.to_array`` gives it: a string's hash, a flag's 0 or 1."""
    return strings[value] if isinstance(value, str) else int(value)


class CachedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` with a faster ``match`` that returns the same list."""

    _plan: _Plan | None = None

    def match(self, doc: Doc):
        plan = self._plan
        if plan is None or plan.signature != (id(self.matcher), len(self.matcher)):
            plan = self._plan = _Plan(self)  # patterns were added: plan again
        return plan.matches(doc)


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the cached ``match``; False if it has none."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return False
    ruler.__class__ = CachedAttributeRuler
    return True
