"""A blank line ends a sentence: ``newsledger_paragraphs``, run before the parser.

spaCy's parser sometimes runs a sentence on across a paragraph break, most often after
a closing quotation mark ('… is Hillary Clinton.”' + blank line + 'Holt's colleague Matt
Lauer faced criticism after he asked …'). Everything downstream reads sentences: which
cue a content takes, and whom "he" refers to (the speaker of the quotation above rather
than the subject of its own sentence). This component marks the first word after a
blank line as a sentence start, which the parser then respects.

Changed: only the token after a whitespace token holding two or more line breaks. Not
changed: single line breaks, which in hard-wrapped text fall inside sentences, and a blank
line after a colon, comma, semicolon or dash ("He said:" + blank line + the quotation),
which the next paragraph continues.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


CONTINUING = {":", ",", ";", "—", "–", "-"}  # marks after which the next paragraph goes on


@Language.factory("newsledger_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> "ParagraphBreaks":
    return ParagraphBreaks()


class ParagraphBreaks:
    """Sets ``is_sent_start`` on the first token of every paragraph but the first."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:-1]:
            if token.is_space and token.text.count("\n") >= 2 and doc[token.i - 1].text not in CONTINUING:
                doc[token.i + 1].is_sent_start = True
        return doc
