"""Draft candidates for ``polnear_dev_speakers.tsv`` (the hand-checked speaker sample).

Lists PolNeAR dev gold sources that are a pronoun ("he", "she", "they", "his") or a
nominal without a proper name ("the senator", "the Republican nominee", "the campaign"),
with ~300 characters of preceding context, so a person can write the referent by hand.
The output is a draft only: the TSV in this folder is what was checked by reading.

    .venv/bin/python tests/data/build_speaker_sample.py ../shared/data/polnear/dev > /tmp/cands.tsv
"""

from __future__ import annotations

import re
import sys

from newsledger.evaluate import read_polnear

PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "we", "i"}
DETERMINERS = {"the", "his", "her", "their", "its", "a", "an", "this", "that", "both"}
ROLE_WORDS = re.compile(
    r"\b(nominee|candidate|senator|governor|secretary|president|campaign|spokesman|spokeswoman|"
    r"spokesperson|billionaire|businessman|mogul|democrat|republican|congressman|congresswoman|"
    r"mayor|chairman|chair|manager|aide|adviser|advisor|running mate|official|director|speaker|"
    r"leader|first lady|husband|wife|former|vice|host|rival|opponent|tycoon|star|agency|committee|"
    r"foundation|attorney|lawyer|judge|chief|minister|ambassador|general|party|group|newspaper|paper|"
    r"network|report|study|poll|survey|organization|administration|company|firm|team|source)s?\b",
    re.I)


def kind_of(text: str) -> str | None:
    words = text.split()
    if not words:
        return None
    if len(words) == 1 and words[0].lower().strip(".,'\"") in PRONOUNS:
        return "pronoun"
    if words[0].lower() in DETERMINERS and ROLE_WORDS.search(text):
        # no capitalised word after the determiner except role-like words
        proper = [w for w in words[1:] if w[:1].isupper() and not ROLE_WORDS.fullmatch(w.strip(",.'"))
                  and w.lower() not in {"republican", "democratic", "democrat", "gop", "u.s.",
                                         "american", "white", "house", "state", "trump", "clinton"}]
        return "nominal" if not proper else None
    return None


def main(argv: list[str]) -> int:
    split = argv[1] if len(argv) > 1 else "../shared/data/polnear/dev"
    print("article\tstart\tend\tkind\tmention\tcontext")
    for art in read_polnear(split):
        seen = set()
        for att in art.attributions:
            if len(att.source) != 1:
                continue
            start, end = att.source[0]
            if (start, end) in seen:
                continue
            seen.add((start, end))
            text = art.text[start:end]
            kind = kind_of(text)
            if kind is None:
                continue
            context = art.text[max(0, start - 300):start].replace("\n", " ").replace("\t", " ")
            print(f"{art.name}\t{start}\t{end}\t{kind}\t{text}\t…{context}[[{text}]]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
