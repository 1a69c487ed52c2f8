"""A newspaper's report told with its sources, a ministry's statement that "added" more, the
"not X but Y" of a quotation, figures the recogniser takes for names, a "mention" nobody made,
", calling …" after what was said, an air force and a group's spokesman: "The Wall Street
Journal reported, citing three US officials, that the Pentagon had drawn up plans" is the
newspaper's report of the plans; "The statement added" is the ministry's that issued it, not its
country's; "The question is not whether Russia will challenge us, but when" denies nothing.
The sentences are fictional, written in Reuters' and AFP's styles; the statements come from the
real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger

MEXICO_STORY = (
    "MEXICO CITY, April 14 (Reuters) - Mexican President Claudia Sheinbaum said on Monday that Mexico would "
    "never accept the presence of US troops on its territory, after The Wall Street Journal reported, citing "
    "three US officials, that the Pentagon had drawn up plans for strikes on drug cartels.\n\n"
    "Mexico's foreign ministry said in a statement that it had summoned the US ambassador. The statement added "
    "that any unilateral action would be \"a violation of Mexican sovereignty.\"")


def test_a_report_citing_its_sources_is_the_reports(analyzer):
    # the tagger made "citing" the cue and "three US officials, that the Pentagon …" the content
    statements = ledger(analyzer, MEXICO_STORY)
    reported = by_cue(statements, "reported")
    assert reported.content == "that the Pentagon had drawn up plans for strikes on drug cartels"
    assert reported.speaker.name == "The Wall Street Journal"
    assert not [s for s in statements if s.cue == "citing"]


def test_what_a_statement_added_is_its_issuers(analyzer):
    added = by_cue(ledger(analyzer, MEXICO_STORY), "added")
    assert added.speaker.text == "The statement"
    assert added.speaker.name == "Mexico's foreign ministry" and added.speaker.kind == "organization"


@pytest.mark.parametrize("sentence, negated", [
    ("\"The question is not whether Russia will challenge us, but when,\" Finnish President Alexander Stubb "
     "said.", False),
    ("\"This is not a war of choice but a war of necessity,\" Defence Minister Kadri Tamsalu said.", False),
    ("\"We do not want war, but we will defend ourselves,\" Defence Minister Kadri Tamsalu said.", True),
    ("Finnish President Alexander Stubb said Finland would not host nuclear weapons on its soil in "
     "peacetime.", True),
])
def test_not_x_but_y_asserts_y(analyzer, sentence, negated):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.negated is negated
    assert (said.act == "denial") is negated


def test_a_measure_is_no_target(analyzer):
    pledged = by_cue(ledger(analyzer, (
        "TOKYO (AFP) - Japanese Prime Minister Sanae Takaichi on Wednesday pledged to raise defence spending to "
        "2 percent of GDP two years ahead of schedule.")), "pledged")
    assert "GDP" not in [t.name for t in pledged.targets]


def test_any_mention_is_no_statement(analyzer):
    # the tagger read "mention of" as a cue: the draft dropped the mention, nobody made one
    statements = ledger(analyzer, (
        "BELEM, Brazil, Nov 20 (AP) — A new draft of the final agreement at the U.N. climate talks dropped any "
        "mention of a transition away from fossil fuels, angering European negotiators and small island states."))
    assert not [s for s in statements if "mention" in s.cue]


def test_a_participle_of_saying_between_pieces_ends_the_content(analyzer):
    statements = ledger(analyzer, (
        "BRUSSELS, April 23 (Reuters) - The European Commission fined Apple 500 million euros on Wednesday for "
        "breaching the bloc's Digital Markets Act.\n\n"
        "Apple said it would appeal, calling the decision \"yet another example of the European Commission "
        "unfairly targeting Apple.\""))
    said = by_cue(statements, "said")
    assert said.content == "it would appeal" and said.act == "commitment"


def test_an_air_force_is_the_countrys_air_force(analyzer):
    said = by_cue(ledger(analyzer, (
        "KYIV, Jan 5 (Reuters) - Russia launched 120 drones and four ballistic missiles at Ukraine overnight, "
        "Ukraine's air force said on Telegram on Sunday.")), "said")
    assert said.speaker.name == "Ukraine's air force" and said.speaker.kind == "organization"
    assert said.speaker.country == "UKR"


def test_the_group_of_a_groups_spokesman_is_his_own_side(analyzer):
    said = by_cue(ledger(analyzer, (
        "SANAA, Feb 18 (AFP) - Houthi military spokesman Yahya Saree said in a televised statement that the group "
        "would continue its operations \"until the aggression against Yemen stops.\"")), "said")
    assert said.condition is not None and said.act == "threat"


@pytest.mark.parametrize("sentence", [
    "\"Enrichment is our red line and it is not negotiable,\" Iranian Foreign Minister Abbas Araqchi wrote on X.",
    "Republican Senator Lindsey Graham said on X that any deal that lets Iran keep enriching is a bad deal.",
])
def test_x_at_the_end_of_a_sentence_is_the_platform(analyzer, sentence):
    # the tokenizer keeps the full stop on "X.", which was no platform's name
    assert ledger(analyzer, sentence)[0].venue == "X"


def test_an_outlet_that_could_not_verify_a_claim_makes_no_statement(analyzer):
    statements = ledger(analyzer, (
        "KYIV, Jan 5 (Reuters) - Russia's defence ministry said its forces had struck \"military-industrial "
        "facilities\" used by the Ukrainian army. Reuters could not independently verify the battlefield reports."))
    assert [s.cue for s in statements] == ["said"]


def test_a_ministry_that_could_not_confirm_figures_still_speaks(analyzer):
    statements = ledger(analyzer, "The ministry could not confirm the casualty figures, a spokesman said.")
    assert statements and statements[0].content.startswith("The ministry could not confirm")
