"""Documents that speak, people who decline to, one for a group, and where statements begin and
end: an indictment read back as "it says", a report cited with "According to …,", a lawyer who
"declined to say whether …", "One of them said" after a group, a content cut before the clause
it ran into, the occasion of a saying left out of what was said, a cue with its auxiliaries.
The sentences are fictional, written in wire style; the statements come from the real
pipeline, resolved by the actors stage as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


@pytest.mark.parametrize("document", ["The indictment", "The lawsuit", "The ruling"])
def test_it_after_a_document_that_spoke_is_the_document(analyzer, document):
    # "it" was the latest institution named (New York, a country here), not the document
    statements = ledger(analyzer, (
        "NEW YORK, Oct 7 (Reuters) - A former aide to New York Governor Kathy Hochul was charged on "
        "Tuesday with secretly acting as an agent of the Chinese government, federal prosecutors said.\n\n"
        f"{document} alleges that Linda Sun used her position to block Taiwanese officials from meeting "
        "state leaders. In exchange, it says, she received benefits worth millions of dollars."))
    says = by_cue(statements, "says")
    assert says.content.startswith("she received benefits")
    assert says.speaker is not None and says.speaker.name == document
    assert says.speaker.country is None


@pytest.mark.parametrize("opening", [
    "According to a 2023 report by the Congressional Research Service, ",
    "According to court filings, ",
])
def test_no_content_opens_with_the_comma_after_its_source(read, opening):
    statements = read((
        "\"The defendant betrayed the trust of the people of New York,\" U.S. Attorney Breon Peace said in a "
        "statement. \"We will hold accountable anyone who acts at the direction of a foreign government.\"\n\n"
        "Sun's lawyer, Jarrod Schaeffer, said his client \"looks forward to contesting the charges in court.\" "
        "He declined to say whether she would plead not guilty.\n\n"
        "In a statement released late Tuesday, the Chinese embassy in Washington said it \"firmly opposes\" "
        "the charges, calling them \"groundless smears.\" The embassy added that China never interferes in "
        f"the internal affairs of other countries.\n\n{opening}such cases have increased sharply over the "
        "past decade. The report found that most involved technology transfers."))
    according = by_cue(statements, "according to")
    assert according.content.startswith("such cases")


@pytest.mark.parametrize("sentence", [
    "Sun's lawyer, Jarrod Schaeffer, declined to say whether she would plead not guilty.",
    "The ministry refused to comment on whether it would expel the diplomats.",
    "Peskov declined to say whether Russia would send more troops.",
])
def test_declining_to_say_promises_nothing(read, sentence):
    # "she would plead" read as the speaker's side acting made it a commitment
    statements = read(sentence)
    assert statements and all(s.act not in ("commitment", "denial", "threat") for s in statements)


def test_one_of_them_speaks_for_the_group_that_spoke_before(read):
    statements = read((
        "European diplomats, speaking on condition of anonymity, said they feared Washington would "
        'pressure Kyiv into concessions. One of them said the mood in Brussels was "grim."'))
    one = [s for s in statements if s.speaker is not None and s.speaker.text == "One of them"]
    assert one and one[0].speaker.name == "European diplomats" and one[0].speaker.kind == "group"


@pytest.mark.parametrize("sentence, cut_subject", [
    ("Romania's opposition candidate claimed victory in Sunday's presidential runoff, although official "
     "results were not expected until Monday.", "results"),
    ("The senator agreed that the party's vacancy rules should be modernized, but he said the change "
     "could wait until after the election.", "he"),
])
def test_a_content_never_ends_on_the_subject_of_a_clause_it_cuts(read, sentence, cut_subject):
    # the tagger stops a content where the next cue begins ("… although official results |
    # were not expected"): the clause it cut into is not part of it
    statements = read((
        f"Opposition claims victory as count continues\n\nBUCHAREST, Dec 6 (AP) — {sentence}\n\n"
        '"The Romanians have chosen change," Nicusor Dan told cheering supporters in Bucharest shortly after '
        'polls closed. "Tonight, democracy won."'))
    main = [s for s in statements if s.cue in ("claimed", "agreed")]
    assert main
    for statement in main:
        assert not statement.content.rstrip(" ,").endswith(cut_subject), statement.content
        assert not statement.content.rstrip().endswith((",", " but", " although"))


@pytest.mark.parametrize("sentence, content, day", [
    ("The Council of Ministers reaffirmed the Kingdom's firm position on the Palestinian cause during its "
     "weekly session on Tuesday.", "the Kingdom's firm position on the Palestinian cause", 24),
    ("Bernie Sanders offered some pointed advice to Hillary Clinton at a rally on Friday.",
     "some pointed advice to Hillary Clinton", 27),
])
def test_when_and_where_a_thing_was_said_is_not_what_was_said(analyzer, sentence, content, day):
    # the occasion the cue's verb governs dates the statement; inside the content it did not
    statements = ledger(analyzer, f"RIYADH, Feb 28 (SPA) -- {sentence}")
    said = statements[0]
    assert said.content == content
    assert said.date is not None and said.date.day == day


@pytest.mark.parametrize("sentence, cue", [
    ("The Treasury Department did not immediately respond to a request for comment.",
     "did not immediately respond to"),
    ("The ministry would not comment on the report.", "would not comment on"),
])
def test_a_cue_keeps_the_auxiliaries_of_its_verb(analyzer, sentence, cue):
    # PolNeAR's cues hold the verb group ("did not immediately respond", "could not resist
    # pointing out"): dev cue exact 73.1 -> 73.3
    statements = ledger(analyzer, sentence, header="")
    assert any(s.cue == cue for s in statements), [s.cue for s in statements]


@pytest.mark.parametrize("sentence, content", [
    ('Russian Foreign Minister Sergei Lavrov accused Western countries on Tuesday of "playing with fire" '
     "by discussing the supply of long-range missiles to Ukraine.",
     'Western countries on Tuesday of "playing with fire" by discussing the supply of long-range missiles '
     "to Ukraine"),
    ("The senator blamed the administration on Monday for the delays at the border.",
     "the administration on Monday for the delays at the border"),
])
def test_an_occasion_before_the_rest_of_what_was_said_stays_in_it(analyzer, sentence, content):
    # the day between the accused and the accusation: cutting there lost the accusation
    statements = ledger(analyzer, sentence)
    assert statements[0].content == content


@pytest.mark.parametrize("sentence", [
    "A senior administration official, speaking on condition of anonymity to discuss internal deliberations, "
    "said the White House considered the matter closed.",
    "The official, who was not authorized to speak publicly about the talks, said a deal was close.",
])
def test_why_a_source_is_unnamed_is_nothing_it_said(read, sentence):
    # the tagger read "to discuss | internal deliberations" as a statement of nobody
    statements = read(sentence)
    assert [s.cue for s in statements] == ["said"]


def test_a_document_seen_by_an_outlet_is_not_the_outlets(analyzer):
    # "a draft document seen by Reuters" was Reuters speaking: the participle names its reader
    statements = ledger(analyzer, (
        "BRUSSELS, March 12 (Reuters) - The European Commission plans to propose a legal ban on all Russian "
        "gas imports by the end of 2027, according to a draft document seen by Reuters."))
    according = by_cue(statements, "according to")
    assert according.speaker.text == "a draft document seen by Reuters"
    assert according.speaker.name != "Reuters" and according.speaker.actor_id != "media:reuters"


@pytest.mark.parametrize("sentence, content", [
    ("Turkish President Tayyip Erdogan said Turkey supported Sweden joining the alliance, a reversal after "
     "months of objections.", "Turkey supported Sweden joining the alliance"),
    ("Philippine National Security Adviser Eduardo Año said on Friday that Manila was ready to hold talks "
     "with China without preconditions, a shift from his position earlier this month.",
     "that Manila was ready to hold talks with China without preconditions"),
])
def test_the_writers_apposition_is_no_part_of_what_was_said(analyzer, sentence, content):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.content == content
