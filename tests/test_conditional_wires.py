"""Conditions and acts as wire copy writes them: the source after the conditional clause ("China
will take resolute measures unless …, a spokesman said"), a proviso after a comma ("…, provided
that …"), a fronted "Only if … will …", a dateline right under a headline, deterrents ("will
respond firmly", "Any attack on … will be met with …", "all options are on the table"), and
whose side a speaker is on (the paragraph before, the knowledge base). The sentences
are fictional, written in Reuters' and AP's styles; the statements come from the real
pipeline, resolved by the actors stage as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


@pytest.mark.parametrize("sentence, condition", [
    ('China will take "resolute measures" unless the Philippines stops sending supply boats to the '
     "Second Thomas Shoal, a Chinese defence ministry spokesman said on Monday.",
     "unless the Philippines stops sending supply boats to the Second Thomas Shoal"),
    ("Russia will cut gas deliveries unless Moldova pays its debts to the Gazprom subsidiary in "
     "Chisinau, a Kremlin spokesman said.",
     "unless Moldova pays its debts to the Gazprom subsidiary in Chisinau"),
])
def test_an_unless_clause_before_a_trailing_source_is_the_statements_condition(analyzer, sentence, condition):
    # the parser makes "said" a relative clause of the condition's last noun ("Shoal, a
    # spokesman said"), so the condition's words held the cue and it was thrown away (the
    # rules find no statement in the first sentence at all, for that parse)
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.act in ("threat", "warning")
    assert "spokesman" not in said.condition.text


@pytest.mark.parametrize("sentence, consequence, condition", [
    ("Manila's foreign ministry said it would file a diplomatic protest, provided that the incident "
     "was confirmed by the coast guard.",
     "it would file a diplomatic protest", "the incident was confirmed by the coast guard"),
    ("The Finnish government said it would lift the border closure, provided that the number of "
     "asylum seekers arriving from Russia fell below fifty a week.",
     "it would lift the border closure",
     "the number of asylum seekers arriving from Russia fell below fifty a week"),
])
def test_a_proviso_after_a_comma_is_the_condition_of_one_statement(read, sentence, consequence, condition):
    # the tagger opened a second content at "that …", which became a claim of its own
    body = ("BEIJING, June 2 (Reuters) - China will take \"resolute measures\" unless the Philippines stops "
            "sending supply boats to the Second Thomas Shoal, a Chinese defence ministry spokesman said on "
            "Monday.\n\n\"As long as the Philippine side continues its provocations, the Chinese military will "
            "respond firmly,\" spokesman Zhang Xiaogang told a regular briefing.\n\n"
            "Philippine National Security Adviser Eduardo Año rejected the warning. \"We will not be "
            f"intimidated. Our resupply missions will continue,\" he said in a statement.\n\n{sentence}")
    said = [s for s in read(body) if consequence in s.content or condition in s.content]
    assert len(said) == 1, [s.content for s in said]
    assert said[0].content.startswith(consequence)
    assert said[0].condition is not None and said[0].condition.text == condition


@pytest.mark.parametrize("sentence, condition", [
    ("Only if Beijing withdraws its ships will talks resume, Año told reporters later on Monday.",
     "Beijing withdraws its ships"),
    ("Only if the sanctions are lifted will Tehran return to the negotiating table, the foreign "
     "minister told reporters.",
     "the sanctions are lifted"),
])
def test_a_fronted_only_if_is_a_condition_not_an_indirect_question(read, sentence, condition):
    told = by_cue(read(sentence), "told")
    assert told.condition is not None and told.condition.text == condition


@pytest.mark.parametrize("dateline", ["MANILA, June 20 - ", "MANILA (Reuters) - ", "MANILA — "])
def test_no_statement_is_a_datelines_place(read, dateline):
    # the tagger ran the headline's content on into the dateline below it ("… with Beijing |
    # MANILA"): the place alone is nobody's words
    statements = read((
        "Año signals openness to talks with Beijing\n\n"
        f"{dateline}Philippine National Security Adviser Eduardo Año said on Friday that Manila was ready "
        "to hold talks with China without preconditions, a shift from his position earlier this month."),
        header="date 2025-06-20\n\n")
    assert statements
    assert all("MANILA" not in s.content for s in statements), [s.content for s in statements]
    said = by_cue(statements, "said")
    assert said.content.startswith("that Manila was ready") and said.speaker.name == "Eduardo Año"


@pytest.mark.parametrize("sentence", [
    "As long as the Philippine side continues its provocations, the Chinese military will respond firmly, "
    "spokesman Zhang Xiaogang told a regular briefing.",
    "If Taiwan's separatists continue their provocations, the People's Liberation Army will take resolute "
    "measures, the spokesman said.",
    "Should Seoul resume the loudspeaker broadcasts, the army will react decisively, the statement said.",
])
def test_a_response_with_a_word_of_resolve_on_a_condition_is_a_warning_at_least(analyzer, sentence):
    # the deterrence formulas of defence ministries and state media: the speaker's side is not
    # named in the sentence, so no threat can be read, but no prediction either
    statement = ledger(analyzer, sentence)[0]
    assert statement.condition is not None
    assert statement.act in ("warning", "threat")


@pytest.mark.parametrize("sentence", [
    "If the talks succeed, the European Union will give strong support to the deal, the commissioner said.",
    "If the vote passes, the coalition will respond with a new budget, the spokesman said.",
])
def test_a_response_without_harm_or_resolve_stays_a_prediction(analyzer, sentence):
    assert ledger(analyzer, sentence)[0].act == "prediction"


@pytest.mark.parametrize("sentence, condition", [
    ("Should Seoul resume the loudspeaker broadcasts, the army will react decisively, the statement said.",
     "Seoul resume the loudspeaker broadcasts"),
    ("Were NATO to send troops to Ukraine, Moscow would treat them as legitimate targets, Peskov said.",
     "NATO to send troops to Ukraine"),
])
def test_an_inverted_condition_opening_the_article_is_found(read, sentence, condition):
    # the article's header, blanked with spaces, is a token that hangs on the inverted
    # auxiliary: it must not hide the inversion
    statement = read(sentence)[0]
    assert statement.condition is not None and statement.condition.text == condition


@pytest.mark.parametrize("sentence, act", [
    ("Philippine National Security Adviser Eduardo Año said on Friday that Manila was ready to hold talks "
     "with China without preconditions.", "commitment"),
    ('"We are prepared to sit down with our Chinese counterparts at any time," Año told reporters.',
     "commitment"),
    ("German Chancellor Friedrich Merz said Germany was not willing to send Taurus missiles.", "denial"),
    ("Analysts said Beijing was ready to hold talks.", "claim"),
])
def test_the_speakers_side_ready_to_act_is_a_commitment(analyzer, sentence, act):
    # a commitment takes a stance (for) on its issue, so "ready to hold talks without
    # preconditions" after "only if … will talks resume" can be a change of position; what
    # analysts say another side is ready to do commits nobody
    assert ledger(analyzer, sentence)[0].act == act


@pytest.mark.parametrize("first, pronoun_sentence, act", [
    ("China's lead negotiator Liu Zhenmin rejected the suggestion.",
     'He added that China would "never accept" being reclassified as a donor country.', "denial"),
    ("Poland's foreign minister Radosław Sikorski condemned the incursion.",
     "He said Poland would request NATO consultations under Article 4.", "commitment"),
])
def test_a_pronouns_side_is_the_country_an_earlier_mention_of_the_speaker_says(read, first, pronoun_sentence, act):
    # "He" alone names no country; the paragraph before said whose negotiator he is
    statements = read(f"{first}\n\n{pronoun_sentence}")
    assert by_cue(statements, "said" if "said" in pronoun_sentence else "added").act == act


@pytest.mark.parametrize("sentence, act", [
    ("Russia will take countermeasures if NATO expands further, Dmitry Peskov said.", "threat"),
    ("Washington will impose sanctions unless Caracas releases the prisoners by Friday, Rubio said.", "threat"),
    ("Russia will take countermeasures if NATO expands further, a Western analyst said.", "warning"),
])
def test_a_speaker_the_knowledge_base_knows_speaks_for_their_country(read, sentence, act):
    # the text does not say whose side Peskov or Rubio is on; the knowledge base does
    statement = by_cue(read(sentence), "said")
    assert statement.condition is not None and statement.act == act


@pytest.mark.parametrize("sentence, condition", [
    ("Any attack on a NATO member will be met with a devastating response, Rutte said.",
     "Any attack on a NATO member"),
    ("Any incursion into Lithuanian airspace would be met with a swift military response, the minister said.",
     "Any incursion into Lithuanian airspace"),
    ('FO spokesperson Shafqat Ali Khan said any misadventure by India would be met with a "swift and '
     'befitting response".', "any misadventure by India"),
])
def test_any_hostile_act_as_the_subject_is_the_condition_of_a_deterrent(read, sentence, condition):
    statement = by_cue(read(sentence), "said")
    assert statement.condition is not None and statement.condition.text == condition
    assert statement.extra["condition_kind"] == "implied" and statement.act in ("warning", "threat")


@pytest.mark.parametrize("sentence", [
    "Any deal would need the approval of parliament, the minister said.",
    "The attack will be investigated by the prosecutors, the minister said.",
])
def test_a_subject_that_names_no_hostile_act_by_any_is_no_condition(read, sentence):
    assert by_cue(read(sentence), "said").condition is None


@pytest.mark.parametrize("sentence", [
    'Treasury Secretary Scott Bessent told Fox Business last week that "all options are on the table" if '
    "Moscow refused to agree to a ceasefire.",
    "All options remain on the table if Tehran resumes enrichment, a senior official said.",
])
def test_all_options_on_the_table_on_a_condition_is_a_warning(read, sentence):
    statement = read(sentence)[0]
    assert statement.condition is not None and statement.act in ("warning", "threat")


@pytest.mark.parametrize("sentence, act", [
    ('"Russia\'s provocations will not go unanswered," Foreign Minister Radosław Sikorski wrote on X.', "warning"),
    ("The Iranian foreign ministry said the attack would not go unpunished.", "warning"),
    ("The finance minister said the reform went unnoticed by most voters.", "claim"),
])
def test_a_response_promised_without_condition_is_a_warning(read, sentence, act):
    statement = read(sentence)[0]
    assert statement.act == act


@pytest.mark.parametrize("sentence, act", [
    ('"If Sweden wants to join NATO, it must first take the necessary steps," Erdogan told a news conference '
     "in Ankara.", "demand"),
    ('"If they attack us again, we will take the necessary measures," the Turkish defence minister told a news '
     "conference in Ankara.", "threat"),
])
def test_what_the_other_side_must_do_is_a_demand_not_a_warning(analyzer, sentence, act):
    # "the necessary steps" read as a response with resolve made the demand a warning
    told = by_cue(ledger(analyzer, sentence), "told")
    assert told.condition is not None and told.act == act


def test_a_condition_is_no_content_and_a_hypothetical_act_no_statement(analyzer):
    # the tagger took "would not hesitate" for a cue and the condition for what was said; the
    # rules then read "the Houthis … attack | commercial shipping" inside the condition
    statements = ledger(analyzer, (
        "UNITED NATIONS, Jan 12 (Reuters) - Members of the U.N. Security Council clashed on Monday over U.S. "
        "and British strikes on Houthi targets in Yemen.\n\n"
        "U.S. Deputy Ambassador Robert Wood rejected the charge. The strikes were \"necessary and "
        "proportionate,\" he told the council, and Washington would not hesitate to act again if the Houthis "
        "continued to attack commercial shipping."))
    assert not any(s.content.startswith("the Houthis continued") for s in statements)
    assert not any(s.cue == "attack" for s in statements)
    assert by_cue(statements, "told").speaker.name == "Robert Wood"



@pytest.mark.parametrize("sentence, act", [
    ('Kremlin spokesman Dmitry Peskov called the report, published by a Telegram channel, "a typical fake."',
     "denial"),
    ("The foreign ministry described the allegations as baseless and politically motivated.", "denial"),
    ("Trump called the deal a great victory for American workers.", "claim"),
    ("Trump has called climate change a hoax perpetrated by China.", "denial"),
    ("The senator called the television doctor a quack, a fake and a charlatan.", "claim"),  # an insult
])
def test_calling_a_report_false_is_a_denial(analyzer, sentence, act):
    # no negation is written, so the naming was a claim
    statements = ledger(analyzer, sentence)
    named = [s for s in statements if "called" in s.cue or "described" in s.cue]
    assert len(named) == 1 and named[0].act == act


@pytest.mark.parametrize("sentence, condition", [
    ("Russia has repeatedly said it will only agree to a ceasefire once Ukraine withdraws from four regions.",
     "Ukraine withdraws from four regions"),
    ("The minister said sanctions would be lifted only when Russia withdraws its troops.",
     "Russia withdraws its troops"),
    ("Manila said it would not resume talks until the Chinese ships leave the shoal.",
     "the Chinese ships leave the shoal"),
])
def test_a_time_the_main_clause_waits_for_is_a_condition(analyzer, sentence, condition):
    said = ledger(analyzer, f"MOSCOW, June 1 (Reuters) - {sentence}")[0]
    assert said.condition is not None and said.condition.text == condition


@pytest.mark.parametrize("sentence", [
    "He said the plant would reopen once repairs are finished.",  # a time, no precondition
    "She said she waited until the meeting ended.",
])
def test_a_time_that_only_dates_is_no_condition(analyzer, sentence):
    assert ledger(analyzer, f"MOSCOW, June 1 (Reuters) - {sentence}")[0].condition is None


def test_a_headlines_condition_stays_with_what_was_said(analyzer):
    # the headline drops the verb ("Ukraine [is] ready …"); its subject still makes it a clause
    said = by_cue(ledger(analyzer, ("Zelensky says Ukraine ready for ceasefire talks if Russia stops strikes\n\n"
                                    "KYIV, June 1 (Reuters) - Ukraine is prepared to meet Russian negotiators."),
                         header=""), "says")
    assert said.content.endswith("if Russia stops strikes")
    assert said.condition is not None and "Russia stops" in said.condition.text
