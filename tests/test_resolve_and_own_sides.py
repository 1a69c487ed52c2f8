"""A side's resolve, its own institutions named by their form, and threats said in the passive or
with "have to" (nlp/act_modality.py, nlp/act_sides.py, nlp/act_threats.py). Sentences are
fictional, in the wires' style (Reuters, the Inquirer, Premium Times, the Times of Israel, the UN's
press releases); statements come from the real pipeline, resolved as ``newsledger ingest`` does,
with both the default and the rules variant."""

from __future__ import annotations

import pytest

from ledger_support import by_cue


def content_starting(statements, words: str):
    found = [s for s in statements if s.content.strip("“”\"").removeprefix("that ").startswith(words)]
    assert found, f"no statement says {words!r}: {[s.content for s in statements]}"
    return found[0]


@pytest.mark.parametrize("sentence, words", [
    ('"We will not be cowed," National Maritime Council spokesperson Alexander Lopez said.', "We will not be cowed"),
    ('"We are not giving up on the title," Arsenal manager Mikel Arteta said.', "We are not giving up"),
    ("Russia will not stop its offensive, President Vladimir Putin said on Friday.", "Russia will not stop"),
    ("Saudi Foreign Minister Prince Faisal bin Farhan said the Kingdom would not cease its work toward "
     "a Palestinian state.", "the Kingdom would not cease"),
])
def test_refusing_to_give_in_is_a_commitment(read, sentence, words):
    found = content_starting(read(sentence), words)
    assert found.act == "commitment" and found.negated


def test_refusing_an_act_of_ones_own_stays_a_ruling_out_and_anothers_goal_a_claim(read):
    statements = read(
        '"We will not send troops to Ukraine," French President Emmanuel Macron said.\n\n'
        "Ukraine's Foreign Ministry said Russia has not abandoned its goal of seizing Kyiv.\n")
    assert content_starting(statements, "We will not send").act == "denial"
    assert content_starting(statements, "Russia has not abandoned").act == "claim"


def test_a_delegates_delegation_is_the_speakers_side(read):
    statements = read("The United Kingdom's delegate announced that his delegation would circulate a "
                      "draft resolution demanding an immediate ceasefire.")
    assert content_starting(statements, "his delegation").act == "commitment"


def test_the_kingdom_is_only_its_own_officials_side(read):
    statements = read(
        "Saudi Foreign Minister Prince Faisal bin Farhan said the Kingdom would host a conference on "
        "Gaza in March.\n\n"
        "U.S. Secretary of State Marco Rubio said the Kingdom would host the talks.\n")
    assert by_cue(statements, "said").act == "commitment"
    rubio = [s for s in statements if s.speaker and s.speaker.name == "Marco Rubio"]
    assert rubio and rubio[0].act == "prediction"


def test_a_coercive_act_in_the_passive_on_anothers_condition_is_a_threat(read):
    statements = read(
        "ECOWAS Commission President Omar Touray said that if the military authorities in Niamey do "
        "not restore constitutional order, the standby force will be deployed.\n\n"
        "The governor said that if necessary, troops will be deployed to the flooded districts.\n")
    touray = content_starting(statements, "if the military authorities")
    assert touray.act == "threat" and touray.condition is not None
    assert content_starting(statements, "if necessary").act != "threat"


def test_what_a_side_will_have_to_do_on_anothers_condition_is_a_threat(read):
    statements = read(
        '"If the prime minister does not bring sovereignty to a vote, we will have to reconsider our '
        'place in this government," Finance Minister Bezalel Smotrich told the Kan public broadcaster.\n\n'
        '"If we want to win in May, we will have to work harder," the party chairman told activists.\n')
    smotrich = content_starting(statements, "If the prime minister")
    assert smotrich.act == "threat" and "sovereignty to a vote" in smotrich.condition.text
    assert content_starting(statements, "If we want to win").act != "threat"


def test_never_allowing_any_force_is_a_condition_of_the_speakers_side(analyzer):
    from ledger_support import ledger

    statements = ledger(analyzer, "Taiwan Affairs Office spokesman Chen Binhua said Beijing will never "
                                  "allow any force to split Taiwan from China.\n")
    found = content_starting(statements, "Beijing will never allow")
    assert found.act == "threat" and found.condition.text.startswith("any force to split Taiwan")
