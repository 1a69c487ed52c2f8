"""Where a content ends: words after what was said that the writer added.

- :func:`without_trailing_occasion`: "… would be treated as 'a casus belli', | in a post on his
  Telegram channel": where it was said;
- :func:`without_coordinated_saying`: "said that the talks could proceed | but warned officials
  not to be 'overly optimistic'", "said the cuts would not weaken readiness|, facing sharp
  questions": a second saying of the same speaker, or the writer's participle, not part of the first;
- :func:`without_pieces_after_saying`: "said | it would appeal |, calling the | decision …";
- :func:`without_writers_apposition`: "Turkey supported Sweden joining the alliance|, a reversal
  after months of objections": the writer's reading of what was said.

Each reads the text only (the parser often hangs these words inside the content) and cuts the
last content piece where its pattern first matches (:func:`_cut_last_piece`). The first two serve
the rules (``attribution.py``) and the learned variants (``learned/component.py``), the third the
learned variants.
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
    return _cut_last_piece(text, spans, _TRAILING_OCCASION)


# ", but warned", "and added", "but also said": a saying verb with no subject of its own after the content
_COORDINATED_SAYING = re.compile(
    r",?\s+(?:but|and)\s+(?:also\s+|later\s+|then\s+)?(?:warned|said|added|insisted|noted|stressed|urged|"
    r"called|told|argued|acknowledged|conceded|cautioned|cautioning|vowed|pledged|promised|denied|rejected|"
    r"emphasized|emphasised|suggested|predicted|threatened|demanded|"
    r"accused|praised|defended|criticized|criticised|described|highlighted|explained|questioned|admitted|"
    r"welcomed|blamed|asserted|declared|dismissed|announced|mocked|downplayed|condemned|slammed)\b"
    # ", saying …", ", adding …", ", citing …", ", facing …": the writer's participle after what was said
    r"|,\s+(?:saying|adding|noting|citing|arguing|calling|referring|pointing|insisting|warning|stressing|"
    r"facing|prompting|drawing|sparking|according\s+to)\b", re.IGNORECASE)
_QUOTES = "\"“”"


def without_pieces_after_saying(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the pieces after a gap that opens another saying: in "Apple said | it
    would appeal |, calling the | decision 'yet another example …'" the decision is what "calling"
    names, not what was said (the rules read that statement on its own)."""
    for i in range(1, len(spans)):
        if _COORDINATED_SAYING.search(text, spans[i - 1][1], spans[i][0]):
            return spans[:i]
    return spans


def without_coordinated_saying(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without a second saying of its speaker coordinated after it: in "Khamenei said
    that the talks could proceed but warned officials not to be 'overly optimistic'" the warning
    is another statement, and so is ", adding …" or ", citing …" after it. Not inside a quotation,
    and not at the content's start. PolNeAR's contents stop before such a verb 92 times in 98 in
    train (verbs of judging, "and accused", "and dismissed", 36 times in 41), and before such a
    participle 141 times in 150."""
    return _cut_last_piece(text, spans, _COORDINATED_SAYING, outside_quotes=True)


# ", a shift from his position earlier this month": the writer's word on what was said
_TURNS = r"shift|reversal|change|departure|turnaround|u-turn|about-face|climbdown|move|step|sign|signal|nod"
_WRITERS_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:" + _TURNS + "|"
    r"remark|comment|claim|statement|accusation|assertion|charge|suggestion|message|allegation|reference|"
    r"jab|swipe|dig)\b[^\"“”]*$"
    # the writer's count of what happened: ", the third such U.S. veto since the war began"
    r"|,\s+the\s+(?:first|second|third|fourth|fifth|sixth|latest)\s+such\b[^\"“”]*$", re.IGNORECASE)
# The writer's apposition opening a clause of its own: ", a move that could anger some producers"
_WRITERS_APPOSITION_CLAUSE = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:" + _TURNS + r")\s+(?:that|which)\b", re.IGNORECASE)
# Where a sentence ends: a full stop after a small letter or a digit (not "U.S."), or a line break
_SENTENCE_END = re.compile(r"(?<=[a-z0-9][.!?])[\"”’']?\s|\n")


def in_writers_apposition(text: str, at: int) -> bool:
    """True when offset ``at`` falls after the start of a writer's apposition that opens a clause
    in its sentence, which runs on to the sentence's end ("…, three sources told Reuters, a move
    that could anger some fellow OPEC+ producers"): what the move could do is the writer's
    reading, neither the sources' words nor the move's."""
    window = max(0, text.rfind("\n", 0, at))  # a sentence never runs over a line: search its line only
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, at)]
    start = ends[-1] if ends else window
    found = _WRITERS_APPOSITION_CLAUSE.search(text, start, at + 60)
    return found is not None and found.start() < at and not _SENTENCE_END.search(text, found.start(), at)


def without_writers_apposition(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the writer's apposition that ends it: in "Erdogan said Turkey supported
    Sweden joining the alliance, a reversal after months of objections" the reversal is the
    writer's reading, not Erdogan's words (PolNeAR's contents stop before such a phrase six times
    in seven in train); so is ", a remark the Kremlin dismissed as ironic" (a naming of what was
    said: 10 times in 10)."""
    if len(spans) > 1 and _WRITERS_APPOSITION.match(text[spans[-2][1]:spans[-1][1]]):
        return spans[:-1]  # "…," | a remark the Kremlin dismissed | "as ironic": the last piece is the writer's
    return _cut_last_piece(text, spans, _WRITERS_APPOSITION)


def _cut_last_piece(text: str, spans: list[tuple[int, int]], pattern: re.Pattern,
                    outside_quotes: bool = False) -> list[tuple[int, int]]:
    """``spans`` with the last piece cut before the first match of ``pattern`` in it that is not
    at the piece's start (and, with ``outside_quotes``, not inside a quotation it opens)."""
    if not spans:
        return spans
    start, end = spans[-1]
    for found in pattern.finditer(text, start, end):
        if found.start() > start and (not outside_quotes or
                                      sum(text.count(q, start, found.start()) for q in _QUOTES) % 2 == 0):
            return [*spans[:-1], (start, found.start())]
    return spans
