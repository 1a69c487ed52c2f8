"""Decoding the learned taggers' tags into statements (``nlp.learned.decode``).

Each test tags a real news sentence the way the tagger does (word pieces of the shipped
tokenizer, one ``O``/``B``/``I`` per role layer), with the slip the rule is for, and
checks the statement that comes out. No model runs here: the rules are about what a
given set of tags and probabilities decodes to, and hold for both variants.
"""

from __future__ import annotations

import pytest

from newsledger import resources
from newsledger.nlp.learned.data import B, I, O, ROLES, encode_text
from newsledger.nlp.learned.decode import statements_from_tags
from newsledger.nlp.learned.runtime import MODEL, PieceTokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return PieceTokenizer(str(resources.model_file(MODEL + ".tokenizer")))


def tag(tokenizer, text: str, **roles: list[str]):
    """The text's pieces with each listed substring tagged ``B I I ...`` in its role's layer.

    A substring starting with ``+`` continues the role's previous span (its first piece
    ``I``, as the tagger marks the second part of a split quotation)."""
    enc = encode_text(tokenizer, text)
    tags = [[O, O, O] for _ in enc.ids]
    for role, parts in roles.items():
        layer = ROLES.index(role)
        start = 0
        for part in parts:
            cont = part.startswith("+")
            part = part.lstrip("+")
            s = text.index(part, start)
            e = s + len(part)
            start = e
            pieces = [i for i, (ps, pe) in enumerate(enc.offsets) if ps < e and s < pe]
            for n, i in enumerate(pieces):
                tags[i][layer] = I if (n or cont) else B
    return enc, tags


def one_hot(tags):
    return [[[1.0 if t == k else 0.0 for k in range(3)] for t in row] for row in tags]


@pytest.mark.parametrize("text, source, cue, pieces, content", [
    # a few untagged words inside one clause are filled
    ("Lena Holm ruled out raising the retirement age before the next election.", "Lena Holm", "ruled out",
     ["raising the retirement age before", "+next election"],
     "raising the retirement age before the next election"),
    # two contents side by side that take the same cue are one
    ("Piet Vermeulen urged both sides to let the investigators finish their work.", "Piet Vermeulen", "urged",
     ["both sides", "to let the investigators finish their work"],
     "both sides to let the investigators finish their work"),
])
def test_one_content_in_pieces_is_one_span(tokenizer, text, source, cue, pieces, content):
    enc, tags = tag(tokenizer, text, source=[source], cue=[cue], content=pieces)
    [st] = statements_from_tags(enc, tags)
    assert (st.content, len(st.content_spans)) == (content, 1)


def test_a_quotation_split_by_its_cue_stays_one_content_in_two_pieces(tokenizer):
    text = "“We will not send troops,” Macron said on Tuesday, “and we will not back down.”"
    enc, tags = tag(tokenizer, text, source=["Macron"], cue=["said"],
                    content=["We will not send troops", "+and we will not back down"])
    [st] = statements_from_tags(enc, tags)
    assert st.speaker.text == "Macron"
    assert [text[s:e] for s, e in st.content_spans] == ["We will not send troops", "and we will not back down"]


def test_a_likely_next_piece_continues_a_cue(tokenizer):
    text = "Senator Mike Lee called for a vote on leaving the alliance."
    enc, tags = tag(tokenizer, text, source=["Senator Mike Lee"], cue=["called"],
                    content=["a vote on leaving the alliance"])
    probs = one_hot(tags)
    after = next(i for i, (s, _) in enumerate(enc.offsets) if text[s:].startswith("for"))

    def cue_with(p_inside: float) -> str:
        probs[after][ROLES.index("cue")] = [1 - p_inside, 0.0, p_inside]
        [st] = statements_from_tags(enc, tags, probs)
        return st.cue

    assert cue_with(0.4) == "called for"  # O wins the argmax, but I is likely enough
    assert cue_with(0.2) == "called"


def test_a_content_one_word_short_of_its_sentence_end_runs_to_it(tokenizer):
    text = "The fisheries agency warned that cod fishing in the northern bay could be banned next year."
    one_short = tag(tokenizer, text, source=["The fisheries agency"], cue=["warned"],
                    content=["that cod fishing in the northern bay could be banned next"])
    [st] = statements_from_tags(*one_short)
    assert st.content == "that cod fishing in the northern bay could be banned next year"
    two_short = tag(tokenizer, text, source=["The fisheries agency"], cue=["warned"],
                    content=["that cod fishing in the northern bay could be banned"])
    [st] = statements_from_tags(*two_short)
    assert st.content == "that cod fishing in the northern bay could be banned"


@pytest.mark.parametrize("text, sources, cues, contents", [
    # two cues in the gap
    ("“They are 100 percent wrong,” said widow Terry Strada. "
     "She continued, “All we are asking for is a hearing.”",
     ["widow Terry Strada", "She"], ["said", "continued"],
     ["They are 100 percent wrong", "All we are asking for is a hearing"]),
    # the gap's cue lies in the next part's sentence only
    ('Rautio told the newspaper on Sunday that Finland was keeping "all options on the table". '
     'Russia showed no sign of backing down.',
     ["Rautio", "Russia"], ["told", "showed no sign"],
     ['that Finland was keeping "all options on the table', "backing down"]),
])
def test_a_gap_that_starts_another_statement_splits_the_content(tokenizer, text, sources, cues, contents):
    first, second = contents
    enc, tags = tag(tokenizer, text, source=sources, cue=cues, content=[first, "+" + second])
    statements = statements_from_tags(enc, tags)
    assert [(s.speaker.text, s.cue, s.content) for s in statements] == list(zip(sources, cues, contents))


@pytest.mark.parametrize("text, content, tail", [
    # a quoted sentence after a paraphrase, cut by "he said", is his statement (PolNeAR's reading)
    ("Mr. Obama warned that the museum would not be a panacea. “A museum alone will not alleviate "
     "poverty,” he said. “It won't eliminate gun violence.”",
     "that the museum would not be a panacea",
     ["“A museum alone will not alleviate poverty,”", "“It won't eliminate gun violence.”"]),
    # the same in the New York Times' marks, after an abbreviation
    ("Mr. Obama warned that racial struggles inflame the streets of Charlotte, N.C. ''A museum alone "
     "will not alleviate poverty,'' he said. ''It won't eliminate gun violence.''",
     "that racial struggles inflame the streets of Charlotte, N.C.",
     ["''A museum alone will not alleviate poverty,''", "''It won't eliminate gun violence.''"]),
    # a quotation inside the paraphrase's sentence stays with the first cue (PolNeAR's reading)
    ("Mr. Obama warned that the museum would not be a panacea because “it will not alleviate "
     "poverty,” he said. “It won't eliminate gun violence.”",
     "that the museum would not be a panacea because “it will not alleviate poverty,” ... "
     "“It won't eliminate gun violence.”", None),
])
def test_a_quoted_sentence_before_a_bare_he_said_is_his(tokenizer, text, content, tail):
    first_piece = text[text.index("that"):text.index(" he said")]
    enc, tags = tag(tokenizer, text, source=["Mr. Obama", " he "], cue=["warned", "said"],  # not the "he" of "the"
                    content=[first_piece, "+" + text[text.index("said. ") + 6:]])
    statements = statements_from_tags(enc, tags)
    assert (statements[0].cue, statements[0].content) == ("warned", content)
    if tail is None:
        assert len(statements) == 1
    else:
        [second] = statements[1:]
        assert (second.speaker.text, second.cue, second.quote) == ("he", "said", "direct")
        assert [text[s:e] for s, e in second.content_spans] == tail


def test_a_cue_continued_in_the_next_sentence_is_a_cue_of_its_own(tokenizer):
    text = ("NATO Secretary General Jens Stoltenberg stated that there are no such plans. "
            "Later, Macron himself ruled out sending troops to Ukraine.")
    # the tagger marks "ruled" I (a continuation), barely over B, after the first cue
    enc, tags = tag(tokenizer, text, source=["NATO Secretary General Jens Stoltenberg", "Macron"],
                    cue=["stated", "+ruled out"],
                    content=["that there are no such plans", "sending troops to Ukraine"])
    statements = statements_from_tags(enc, tags)
    assert [(s.speaker.text, s.cue, s.content) for s in statements] == [
        ("NATO Secretary General Jens Stoltenberg", "stated", "that there are no such plans"),
        ("Macron", "ruled out", "sending troops to Ukraine")]


@pytest.mark.parametrize("text, first, second, statements", [
    # a cue between commas inside its content: one content in two pieces
    ("The museum, Mr. Obama said, would make visitors face uncomfortable truths.", "The museum",
     "would make visitors face uncomfortable truths", 1),
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more "
     "acrimonious.", "Though that transition was relatively seamless",
     "replacing Clinton would be much more acrimonious", 1),
    # the cue's own sentence ends between them: two statements
    ("The museum is open, Mr. Obama said. Visitors would face uncomfortable truths, he added.",
     "The museum is open", "Visitors would face uncomfortable truths", 2),
])
def test_a_cue_between_commas_inside_its_content_makes_one_statement(tokenizer, text, first, second, statements):
    source = "Mr. Obama" if "Mr. Obama" in text else " he "
    cues = ["said"] + (["added"] if "added" in text else [])
    enc, tags = tag(tokenizer, text, source=[source] + ([" he "] if "added" in text else []), cue=cues,
                    content=[first, second])  # two B spans, as the tagger gives them
    found = statements_from_tags(enc, tags)
    assert len(found) == statements
    if statements == 1:
        assert [text[s:e] for s, e in found[0].content_spans] == [first, second]
        assert found[0].cue == "said"
