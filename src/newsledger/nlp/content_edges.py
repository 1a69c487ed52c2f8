"""Where a content ends: words after what was said that the writer added.

- :func:`without_trailing_occasion`: "… would be treated as 'a casus belli', | in a post on his
  Telegram channel": where it was said;
- :func:`without_coordinated_saying`: "said that the talks could proceed | but warned officials
  not to be 'overly optimistic'", "said the cuts would not weaken readiness|, facing sharp
  questions": a second saying of the same speaker, or the writer's participle, not part of the first.

Both read the text only (the parser often hangs these words inside the content) and cut the last
content piece; used by the rules (``attribution.py``) and the learned variants (``learned/component.py``).
"""

from __future__ import annotations

import re

# ", in a post on his Telegram channel" closing a content: where it was said, the writer's words
_TRAILING_OCCASION = re.compile(
    r",\s+(?:in|on|during|via)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:post|posts|tweet|statement|interview|message|video|letter|speech|broadcast|address|op-ed|column)\b"
    r"[^,;.\"“”]*[.]?\s*$", re.IGNORECASE)


def without_trailing_occasion(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the occasion the writer appends to it: in "Medvedev said … would be
    treated as 'a casus belli', in a post on his Telegram channel" the post is where he said it
    (the parser hangs it on the content's verb). Only a phrase after a comma that ends the last
    piece and names a kind of utterance ("post", "interview", "statement", "speech"…)."""
    if not spans:
        return spans
    start, end = spans[-1]
    found = _TRAILING_OCCASION.search(text, start, end)
    return spans if found is None or found.start() == start else [*spans[:-1], (start, found.start())]


# ", but warned", "and added", "but also said": a saying verb with no subject of its own after the content
_COORDINATED_SAYING = re.compile(
    r",?\s+(?:but|and)\s+(?:also\s+|later\s+|then\s+)?(?:warned|said|added|insisted|noted|stressed|urged|"
    r"called|told|argued|acknowledged|conceded|cautioned|cautioning|vowed|pledged|promised|denied|rejected|"
    r"emphasized|emphasised|suggested|predicted|threatened|demanded)\b"
    # ", saying …", ", adding …", ", citing …", ", facing …": the writer's participle after what was said
    r"|,\s+(?:saying|adding|noting|citing|arguing|calling|referring|pointing|insisting|warning|stressing|"
    r"facing|prompting|drawing|sparking|according\s+to)\b", re.IGNORECASE)
_QUOTES = "\"“”"


def without_coordinated_saying(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without a second saying of its speaker coordinated after it: in "Khamenei said
    that the talks could proceed but warned officials not to be 'overly optimistic'" the warning
    is another statement, and so is ", adding …" or ", citing …" after it. Not inside a quotation,
    and not at the content's start. PolNeAR's contents stop before such a verb 92 times in 98 in
    train, and before such a participle 141 times in 150."""
    if not spans:
        return spans
    start, end = spans[-1]
    for found in _COORDINATED_SAYING.finditer(text, start, end):
        if found.start() > start and sum(text.count(q, start, found.start()) for q in _QUOTES) % 2 == 0:
            return [*spans[:-1], (start, found.start())]
    return spans
