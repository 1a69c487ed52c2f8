"""Leads, datelines and quotations over paragraphs: a dateline of any agency ("(dpa)") is no part of
a source, a content that begins inside a dateline begins after it, a relative pronoun stands for a
name the recogniser missed, a headline's "Judge blocks Trump order" gives Trump no title, a
relative clause naming "three other states" makes no group of one attorney general, a quotation
left open at a paragraph's end belongs to the cue where it closes, and "as long as it is
necessary" names no party to coerce. The articles are fictional, written in the styles of Reuters,
dpa and Kyodo; the statements come from the real pipeline, resolved by the actors stage as
``newsledger ingest`` does."""

from __future__ import annotations

from ledger_support import by_cue, ledger


def test_a_lowercase_agency_in_a_dateline_is_no_part_of_the_source(analyzer):
    # "(dpa)" did not match the dateline, so the source ran from "BERLIN" and was read as Germany
    statements = ledger(analyzer, (
        "Scholz rules out Taurus missiles for Ukraine again\n\n"
        "BERLIN, Feb 6 (dpa) - German Chancellor Olaf Scholz on Thursday again ruled out sending Taurus "
        "cruise missiles to Ukraine, saying Germany must not become a party to the war."), header="")
    ruled = by_cue(statements, "again ruled out")
    assert ruled.speaker.text == "German Chancellor Olaf Scholz"
    assert ruled.speaker.name == "Olaf Scholz"


def test_a_content_begun_inside_the_dateline_begins_after_it(analyzer):
    statements = ledger(analyzer, (
        "Japan lodges protest over Chinese survey ship\n\n"
        "TOKYO, Feb 4 (Kyodo) - Japan lodged a protest with China on Wednesday after a Chinese survey ship "
        "entered Japanese territorial waters off Kagoshima, Chief Cabinet Secretary Yoshimasa Hayashi said.\n\n"
        "\"It is extremely regrettable,\" Hayashi told a regular news conference. \"We have strongly urged the "
        "Chinese side to prevent a recurrence.\""), header="")
    said = by_cue(statements, "said")
    assert said.content.startswith("Japan lodged a protest"), said.content
    assert said.speaker.name == "Yoshimasa Hayashi"


def test_who_stands_for_a_name_the_recogniser_missed(analyzer):
    # the recogniser tags no entity in "Friedrich Merz" after this dateline: "who" was nobody
    statements = ledger(analyzer, (
        "Merz softens stance on Taurus deliveries\n\n"
        "BERLIN, Feb 20 (Reuters) - Friedrich Merz, who has long demanded that Germany send Taurus cruise "
        "missiles to Ukraine, said on Friday that he no longer saw the delivery as urgent."), header="")
    for cue in ("has long demanded", "said"):
        assert by_cue(statements, cue).speaker.name == "Friedrich Merz"


COURT = """Judge blocks Trump order ending birthright citizenship

SEATTLE, Feb 2 (Reuters) - A federal judge on Monday indefinitely blocked President Donald Trump's executive order seeking to end birthright citizenship, calling it "blatantly unconstitutional."

"The Constitution is not something that the government can play policy games with," U.S. District Judge John Coughenour said from the bench.

Washington state Attorney General Nick Brown, who brought the case with three other states, called the decision "a victory for every family in America."
"""


def test_a_headlines_role_noun_before_a_name_is_not_its_title(analyzer):
    # "Judge blocks Trump order": the judge of the lead was Trump, by the words around his name
    statements = ledger(analyzer, COURT, header="")
    calling = by_cue(statements, "calling")
    assert calling.speaker.text == "A federal judge"
    assert calling.speaker.name is None or "Trump" not in calling.speaker.name
    assert by_cue(statements, "said").speaker.name == "John Coughenour"


def test_a_relative_clause_naming_others_makes_no_group_of_one_person(analyzer):
    called = by_cue(ledger(analyzer, COURT, header=""), "called")
    assert called.speaker.name == "Nick Brown" and called.speaker.kind == "person"


SCHOLZ = """BERLIN, Feb 6 (dpa) - German Chancellor Olaf Scholz again ruled out sending Taurus cruise missiles to Ukraine.

"I am not going to deliver these weapons. That is my clear position," Scholz told a meeting of his Social Democrats in Berlin.

"We support Ukraine more than any other country in Europe. We will continue to do so as long as it is necessary.

"But there are limits, and I have drawn them," he said.
"""


def test_a_quotation_left_open_belongs_to_the_cue_where_it_closes(analyzer):
    # the tagger gave the open paragraph to "told" as well as the rules to "said": two statements
    # of the same words
    statements = ledger(analyzer, SCHOLZ, header="")
    told, said = by_cue(statements, "told"), by_cue(statements, "said")
    assert len(told.content_spans) == 1 and told.content.startswith('"I am not going')
    assert "We support Ukraine" in said.content and "there are limits" in said.content


def test_as_long_as_it_is_necessary_coerces_nobody(analyzer):
    # "it is necessary" was read as another party's act: a threat to support Ukraine
    said = by_cue(ledger(analyzer, SCHOLZ, header=""), "said")
    assert said.condition is not None and said.condition.text == "it is necessary"
    assert said.act in ("commitment", "claim")
