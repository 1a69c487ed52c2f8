"""A Security Council vote, a court ruling, a foreign ministry briefing, a central bank's decision and
a storm: a quotation introduced with a colon in any paragraph, a resolution that demands what the
country vetoing it does not, deterrents written without "if" or "any", a time that is no condition,
the lead's "A federal judge" named in the next paragraph, and a country named by its possessive.
The sentences are fictional, written in Reuters', AP's, Xinhua's and TASS's styles; the statements
come from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import HEADLINE_FOLLOWS, by_cue, ledger
from newsledger.nlp.learned.decode import whole_words

VETO = (
    "UNITED NATIONS, Feb 20 (Reuters) - The United States on Tuesday vetoed a draft U.N. Security Council"
    " resolution demanding an immediate humanitarian ceasefire in Gaza, the third such U.S. veto since "
    "the war began.\n\n"
    "Thirteen council members voted in favor of the Algerian-drafted text, while Britain abstained.\n\n"
    "U.S. Ambassador Linda Thomas-Greenfield said the resolution would jeopardize sensitive negotiations "
    "to free hostages. \"Demanding an immediate, unconditional ceasefire without an agreement requiring "
    "Hamas to release the hostages will not bring about a durable peace,\" she told the council.\n\n"
    "Algeria's U.N. Ambassador Amar Bendjama said a vote against the draft was \"an endorsement of the "
    "brutal violence and collective punishment inflicted on the Palestinians.\"\n\n"
    "China's envoy Zhang Jun said the U.S. veto sent \"the wrong message,\" while Russia's ambassador "
    "Vassily Nebenzia accused Washington of giving Israel a \"license to kill.\"\n\n"
    "Britain's ambassador Barbara Woodward said London could not support a call for a ceasefire that did "
    "not also demand the release of hostages.\n\n"
    "The council has adopted only two resolutions on the conflict since October.")


def test_a_resolution_demands_what_the_country_vetoing_it_does_not(analyzer):
    demand = by_cue(ledger(analyzer, "Security Council split over Gaza ceasefire resolution\n\n" + VETO,
                           header=HEADLINE_FOLLOWS), "demanding")
    assert demand.speaker is not None and "resolution" in demand.speaker.text
    assert demand.speaker.name != "United States"
    # the writer's count of vetoes is not what the resolution demands
    assert demand.content == "an immediate humanitarian ceasefire in Gaza"


@pytest.mark.parametrize("sentence, cue, speaker", [
    ("BEIJING (Reuters) - The ministry issued a statement saying the talks would resume in May.", "issued",
     "ministry"),
    ("WASHINGTON (AP) - In a statement announcing the pick, the Association of Flight Attendants called Clinton "
     "a champion of working families.", "called", "Association of Flight Attendants"),
])
def test_a_participle_after_a_text_its_author_issued_stays_the_authors(analyzer, sentence, cue, speaker):
    found = by_cue(ledger(analyzer, sentence), cue)
    assert found.speaker is not None and speaker.lower() in (found.speaker.name or found.speaker.text).lower()


@pytest.mark.parametrize("paragraphs", [
    ["LONDON, July 15 (Reuters) - Two officials said the deal was close.",
     'A Foreign Office spokesperson said: "We do not comment on leaks. Negotiations are ongoing."'],
    ["MANILA (AP) - The coast guard said two vessels had collided near the shoal.",
     'The navy chief told reporters: "Our ships will stay there as long as needed."'],
])
def test_a_quotation_after_said_and_a_colon_stands_in_any_paragraph(analyzer, paragraphs):
    statements = ledger(analyzer, "\n\n".join(paragraphs))
    quoted = [s for s in statements if s.content.startswith('"')]
    assert len(quoted) == 1 and quoted[0].speaker is not None


def test_a_sections_label_is_still_the_outlets(analyzer):
    statements = ledger(analyzer, "Congress passed the budget on Friday.\n\n"
                                  "Our view: Congress must not cut the budget for schools again next year.")
    assert not [s for s in statements if s.content.startswith("Congress must not")
                and s.speaker is not None and s.speaker.text.lower().startswith("our view")]


@pytest.mark.parametrize("sentence, condition", [
    ("WASHINGTON (AP) - The Federal Reserve signaled it expects to cut rates only once this year.", None),
    ("WASHINGTON (AP) - The Federal Reserve said it would not raise rates until next year.", None),
    ("MOSCOW (Reuters) - Putin said Russia would only agree to a ceasefire once Ukraine withdraws its troops.",
     "Ukraine withdraws its troops"),
])
def test_a_time_after_once_or_until_is_no_condition(analyzer, sentence, condition):
    found = ledger(analyzer, sentence)[0]
    assert (found.condition.text if found.condition else None) == condition


@pytest.mark.parametrize("sentence, condition", [
    ("MANILA (Reuters) - U.S. State Department spokesperson Matthew Miller reaffirmed that an armed attack on "
     "Philippine public vessels would invoke U.S. mutual defense commitments.",
     "an armed attack on Philippine public vessels"),
    ('MOSCOW, May 27 (TASS) - According to Russian Foreign Ministry spokeswoman Maria Zakharova, the supply of '
     'long-range missiles to Kiev would "not go unanswered."', "the supply of long-range missiles to Kiev"),
    ('MOSCOW, May 27 (TASS) - "If Western troops appear on Ukrainian soil, they will be destroyed," Russian '
     'Foreign Ministry spokeswoman Maria Zakharova said.', "Western troops appear on Ukrainian soil"),
])
def test_a_deterrent_without_any_or_a_named_responder_is_a_threat(analyzer, sentence, condition):
    found = ledger(analyzer, sentence)[0]
    assert found.act == "threat"
    assert found.condition is not None and found.condition.text == condition


@pytest.mark.parametrize("sentence", [
    "KABUL (AP) - The U.N. envoy said the attack on the convoy would delay aid deliveries.",
    '"If the dam breaks, the town will be destroyed," the mayor said.',
])
def test_a_hostile_act_that_sets_off_nothing_is_no_deterrent(analyzer, sentence):
    assert ledger(analyzer, sentence)[0].act != "threat"


def test_a_country_adjective_taken_for_a_place_is_its_country_once(analyzer):
    found = ledger(analyzer, 'MOSCOW (TASS) - "If Western troops appear on Ukrainian soil, they will be destroyed," '
                             'Zakharova said of the plans for Ukraine.')[0]
    assert [t.name for t in found.targets].count("Ukraine") == 1


def test_an_organisation_named_with_its_countrys_possessive_is_that_countrys(analyzer):
    found = ledger(analyzer, "TAIPEI (Reuters) - Taiwan's Central Weather Administration said the storm was "
                             "expected to weaken as it crossed the island.")[0]
    assert found.speaker.name == "Central Weather Administration" and found.speaker.country == "TWN"


def test_an_adverb_of_when_it_was_said_is_no_content(analyzer):
    found = ledger(analyzer, "MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov told reporters earlier that "
                             "Moscow was watching the discussion very closely.")[0]
    assert found.content.startswith("that Moscow")


def test_what_is_awaited_is_no_ones_words(analyzer):
    statements = ledger(analyzer, "Fed holds rates\n\nWASHINGTON (AP) - The Federal Reserve kept its benchmark rate "
                                  "unchanged on Wednesday, as officials wait for clearer evidence that inflation is "
                                  "cooling.", header=HEADLINE_FOLLOWS)
    assert not [s for s in statements if s.content == "that inflation is cooling"]
    # the evidence is awaited; what Powell said is his
    said = ledger(analyzer, "Fed Chair Jerome Powell said officials would wait for evidence that inflation is cooling.")
    assert said[0].content.startswith("officials would wait")


def test_the_leads_titled_person_is_the_one_the_story_names_next(analyzer):
    statements = ledger(analyzer, (
        "JACKSON, Miss. (AP) — A federal judge on Monday temporarily blocked Mississippi from enforcing a new "
        "abortion law, ruling that the statute was \"hopelessly vague.\"\n\n"
        "In a 42-page opinion, U.S. District Judge Carlton Reeves wrote that doctors \"cannot know in advance "
        "what conduct the law forbids.\""), header="Judge blocks Mississippi abortion law\n\n")
    assert {s.speaker.name for s in statements if s.speaker is not None} == {"Carlton Reeves"}


def test_the_leads_untitled_official_stays_unnamed(analyzer):
    statements = ledger(analyzer, (
        "WASHINGTON (Reuters) - A senior U.S. official said on Monday the talks had stalled.\n\n"
        "Senior official John Hale told reporters the administration would press ahead."),
        header="Talks stall, officials say\n\n")
    assert by_cue(statements, "said").speaker.name != "John Hale"


@pytest.mark.parametrize("text, start, end, edges", [
    ("the only allies that have not ratified Sweden's accession", 39, 46, (39, 47)),  # "Sweden'|s"
    ("He's claiming that voting fraud is a problem", 2, 13, (2, 13)),  # "He|'s": two words
])
def test_a_span_cut_after_an_apostrophe_takes_the_whole_word(text, start, end, edges):
    assert whole_words(text, start, end) == edges


def test_who_replies_in_the_next_paragraph_is_named_there(analyzer):
    statements = ledger(analyzer, (
        "WASHINGTON (AP) — Senators pressed the Pentagon nominee on Tuesday over Greenland.\n\n"
        "\"Will you commit, here and now, that the United States will never invade the territory of a NATO "
        "ally?\" asked Sen. Jeanne Shaheen, D-N.H.\n\n"
        "Elbridge Colby, the nominee, replied that he would \"not get ahead of the president\" but that he "
        "believed a diplomatic solution was possible."))
    reply = by_cue(statements, "replied")
    assert reply.speaker.name == "Elbridge Colby"


def test_a_call_the_words_were_said_on_is_no_content(analyzer):
    found = by_cue(ledger(analyzer, (
        "AUSTIN, Texas (Reuters) - Tesla reported a 43 percent drop in quarterly profit on Wednesday, and Chief "
        "Executive Elon Musk warned investors on a conference call that the company could face \"a few rough "
        "quarters\" as U.S. electric vehicle incentives expire.")), "warned")
    assert found.content.startswith("that the company could face")


def test_a_condition_past_the_content_keeps_no_if(analyzer):
    found = ledger(analyzer, 'MOSCOW, May 20 (Reuters) - Putin said Moscow would respond "symmetrically" if the '
                             'United States deployed long-range missiles in Germany, as Washington plans to do '
                             'from 2026.')[0]
    assert found.condition.text == "the United States deployed long-range missiles in Germany"
    assert found.act == "threat"


def test_what_a_side_will_never_accept_on_its_soil_is_a_red_line(analyzer):
    found = ledger(analyzer, 'MEXICO CITY (AP) — Mexican President Claudia Sheinbaum said Friday that her '
                             'government would "never accept" U.S. military intervention on Mexican soil.')[0]
    assert found.act == "threat"
    assert found.condition.text == "U.S. military intervention on Mexican soil"


def test_a_countrys_senate_is_its_senate(analyzer):
    found = ledger(analyzer, "MEXICO CITY (AP) — Mexico's Senate passed a resolution rejecting any foreign "
                             "military presence on Mexican territory.")[0]
    assert (found.speaker.kind, found.speaker.country) == ("organization", "MEX")
