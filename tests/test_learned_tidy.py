"""What ``tidy`` and ``merge_with_rules`` (nlp/learned/component.py) do to a tagger's
statement, on real sentences parsed by spaCy: each rule fixes a reading the shipped
taggers were seen to make (on PolNeAR dev or the worked example), and leaves a good one
alone. The statements are written by hand, as a tagger would give them, so each rule is
tested whatever the shipped model happens to output."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsledger.model import Mention, Statement
from newsledger.nlp.learned.component import finish, merge_with_rules, tidy
from newsledger.nlp.pipeline import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer("rules")


def parse(rules, text):
    return rules.nlp(text)


def span(text, words, after=0):
    start = text.index(words, after)
    return start, start + len(words)


def tagged(text, cue, content, source=None, **extra):
    """A statement as a tagger gives it: the cue, content and source words as found in ``text``."""
    contents = [content] if isinstance(content, str) else content
    spans, after = [], 0
    for piece in contents:
        spans.append(span(text, piece, after))
        after = spans[-1][1]
    speaker = Mention(text=source, span=span(text, source)) if source else None
    return Statement(cue=cue, cue_span=span(text, cue), content=" ... ".join(contents),
                     content_spans=spans, speaker=speaker, extra=dict(extra))


KYIV = ("At the same time, Politico learned that France was creating a new coalition. Kyiv is not "
        "currently asking for Western troops, it only needs ammunition, but everything can change, "
        "the material notes.")


@pytest.mark.parametrize("text, cue, content", [
    (KYIV, "is not", "for Western troops"),
    ("However, recently in the West there have been increasingly frequent statements about the need "
     "to reduce support for Ukraine.", "statements about", "the need to reduce support for Ukraine"),
    ("In Brussels there were many statements on the budget.", "statements on", "the budget"),
])
def test_a_cue_that_reports_nothing_drops_the_statement(rules, text, cue, content):
    assert tidy(tagged(text, cue, content), parse(rules, text)) is None


@pytest.mark.parametrize("text, cue, content", [
    ("The minister has not said that the border will reopen.", "has not said", "that the border will reopen"),
    ("Her statement that the plan had failed surprised nobody.", "statement", "that the plan had failed"),
])
def test_a_cue_that_reports_is_kept(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept is not None and kept.cue == cue


def test_the_rules_reading_stands_where_the_tagger_gave_up(rules):
    doc = parse(rules, KYIV)
    [rule] = [s for s in doc._.statements if s.cue == "notes"]
    merged = finish([tagged(KYIV, "is not", "for Western troops")], doc)
    assert [(s.cue, s.content) for s in merged if s.cue_span == rule.cue_span] == [(rule.cue, rule.content)]
    # without the tagger's failed reading there, a rule statement that is not sure is not added
    assert all(s.cue != "notes" for s in merge_with_rules([], [rule]))


@pytest.mark.parametrize("text, cue, content, source, whole", [
    ("Kyiv only needs ammunition, the material notes.", "notes", "Kyiv only needs ammunition",
     "material", "the material"),
    ("Minister Karl Ost intends to close the border.", "intends", "to close the border",
     "Karl Ost", "Minister Karl Ost"),
    ("Later, Macron himself ruled out sending troops.", "ruled out", "sending troops", "Macron", "Macron himself"),
    ("“We will not sign,” Minister Karl Ost, said on Monday.", "said", "“We will not sign,”",
     "Minister Karl Ost,", "Minister Karl Ost"),
    ("The senator from Utah said the talks had failed.", "said", "the talks had failed",
     "The senator", "The senator"),
    ("BRUSSELS - European leaders gathered Friday, warning that they depend on the United States.",
     "warning", "that they depend on the United States", "BRUSSELS - European leaders", "European leaders"),
    ("WASHINGTON, D.C. — Senator Paul Weber said the talks had failed.", "said", "the talks had failed",
     "WASHINGTON, D.C. — Senator Paul Weber", "Senator Paul Weber"),

    ("The ruling means that Mayor Bill de Blasio must release the emails, the court said.", "must release",
     "the emails", "that Mayor Bill de Blasio", "Mayor Bill de Blasio"),
    ("Mr. Clarke told some of the miners that the mine would reopen.", "told", "that the mine would reopen",
     "Mr. Clarke told some of the miners", "Mr. Clarke"),
    ("The Supreme Court this month ruled that the law was valid.", "ruled", "that the law was valid",
     "The Supreme Court this month", "The Supreme Court"),
    ("Don Fowler, who helmed the DNC from 1995 to 1997, said that the rules were fair.", "said",
     "that the rules were fair", "Don Fowler, who helmed the DNC from 1995 to 1997",
     "Don Fowler, who helmed the DNC from 1995 to 1997"),
    ("A poll released last week found that most voters were undecided.", "found",
     "that most voters were undecided", "A poll released last week", "A poll released last week"),
    ("A Bloomberg poll shows that Clinton leads among wealthy voters.", "shows",
     "that Clinton leads among wealthy voters", "A", "A Bloomberg poll"),
    ("Mr. Trump said that the debate had been rigged.", "said", "that the debate had been rigged", "Mr.",
     "Mr. Trump"),
    ("Donald Trump, her Republican opponent, said that the debate would go ahead.", "said",
     "that the debate would go ahead", "her Republican opponent", "Donald Trump, her Republican opponent"),
    ("Surety companies that had insured the reclamation obligations warned that the bonds were too small.",
     "warned", "that the bonds were too small", "that had insured the reclamation obligations",
     "Surety companies that had insured the reclamation obligations"),
    ("After the election, Minyon Moore, a senior adviser to the campaign, said that the party would unite.",
     "said", "that the party would unite", "Minyon Moore, a senior adviser to the campaign",
     "Minyon Moore, a senior adviser to the campaign"),
    # the noun the source's relative clause modifies is no part of the source
    ("A US destroyer sailed through the Taiwan Straits on Tuesday, a move Chinese experts described as a "
     "deliberate provocation.", "described", "as a deliberate provocation", "a move Chinese experts",
     "Chinese experts"),
])
def test_the_source_is_the_whole_noun_phrase(rules, text, cue, content, source, whole):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert kept.speaker.text == whole
    assert text[kept.speaker.span[0]:kept.speaker.span[1]] == whole


@pytest.mark.parametrize("text, cue, content, kept", [
    # a condition on the cue leaves a noun-phrase content
    pytest.param("Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to "
                 "Ukraine.", "warned of", "tragic consequences if NATO troops were sent to Ukraine",
                 "tragic consequences", id="condition-on-the-cue"),
    # spaCy hangs this condition on a verb inside it ("found"); it is still the warning's
    pytest.param("European Commission spokesman Piet Vermeulen warned of new sanctions if ships linked to the "
                 "shadow fleet were found to have damaged the Estfin-4 cable.", "warned of",
                 "new sanctions if ships linked to the shadow fleet were found to have damaged the Estfin-4 cable",
                 "new sanctions", id="condition-misattached-by-the-parser"),
    # a content stays in its cue's paragraph: here it ran on into the next paragraph's first words
    pytest.param("PolitiFact concluded that his comments were \u201cMostly False.\u201d\n\nThe unemployment rate "
                 "for young people is lower.", "concluded",
                 "that his comments were \u201cMostly False.\u201d\n\nThe unemployment rate",
                 "that his comments were \u201cMostly False.\u201d", id="not-into-the-next-paragraph"),
    # a headline's words run into the first paragraph, whose cue comes after them
    pytest.param("Wealthy voters abandon the party.\n\nThe talks are over, the envoy said on Monday.", "said",
                 "party.\n\nThe talks are over", "The talks are over", id="not-from-the-paragraph-before"),
    # a quotation continued into the next paragraph in the news convention stays whole
    pytest.param("The port director said: \u201cThe harbour is closed to tankers.\n\n\u201cIt will stay closed "
                 "until the inspection ends.\u201d", "said",
                 "\u201cThe harbour is closed to tankers.\n\n\u201cIt will stay closed until the inspection "
                 "ends.\u201d",
                 "\u201cThe harbour is closed to tankers.\n\n\u201cIt will stay closed until the inspection "
                 "ends.\u201d", id="a-quotation-continued-in-the-next-paragraph"),
])
def test_the_tidied_content(rules, text, cue, content, kept):
    """What a tagger's content keeps after tidying: a condition on the cue stays outside a
    noun phrase; a content stays in its cue's paragraph unless a quotation goes on."""
    assert tidy(tagged(text, cue, content), parse(rules, text)).content == kept


@pytest.mark.parametrize("text, cue, content", [
    ("Senator Mike Lee indicated that the United States must withdraw from NATO if the alliance "
     "sends troops to Ukraine.", "indicated",
     "the United States must withdraw from NATO if the alliance sends troops to Ukraine"),
    # the condition comes first and hangs on the content's own verb ("appeal")
    ('He said that if "the final resolution requires us to reinstate voting eligibility to individuals who '
     'have died, we will appeal."', "said",
     'that if "the final resolution requires us to reinstate voting eligibility to individuals who have '
     'died, we will appeal."'),
])
def test_a_clause_content_keeps_its_condition(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept is not None and kept.content == content


def test_content_does_not_run_on_into_another_sentence(rules):
    kept = tidy(tagged(KYIV, "learned", ["that France was creating a new coalition", "for Western troops"],
                       "Politico"), parse(rules, KYIV))
    assert kept.content == "that France was creating a new coalition"


def test_a_quotation_split_by_its_cue_keeps_both_halves(rules):
    text = "“We will not sign,” Minister Karl Ost said. “Not unless the border is reopened.”"
    pieces = ["“We will not sign,”", "“Not unless the border is reopened.”"]
    kept = tidy(tagged(text, "said", pieces, "Minister Karl Ost"), parse(rules, text))
    assert [text[a:b] for a, b in kept.content_spans] == pieces


def test_the_cue_lemma_is_the_reporting_word(rules):
    text = "Politico learned that France was creating a new coalition."
    kept = tidy(tagged(text, "learned", "that France was creating a new coalition", "Politico",
                       cue_lemma="learned"), parse(rules, text))
    assert kept.extra["cue_lemma"] == "learn"


@pytest.mark.parametrize("text, cue, content, kept_cue", [
    ("Sagalov wrote on Telegram that any boarding would be piracy.", "wrote on Telegram",
     "that any boarding would be piracy", "wrote"),
    ("Rautio said: “Nothing can be ruled out.”", "said:", "“Nothing can be ruled out.”", "said"),
    # a venue the tagger cut inside its name
    ("Trump wrote on Truth Social that the deal was dead.", "wrote on Truth", "that the deal was dead", "wrote"),
    ("Putin warned of tragic consequences.", "warned of", "tragic consequences", "warned of"),
    ("According to the navy, two corvettes stayed.", "According to", "two corvettes stayed", "According to"),
    # the adverbs of the cue's verb right before it belong to the cue, as in PolNeAR
    ("Trump repeatedly pledged to ban all Muslims from entering the country.", "pledged",
     "to ban all Muslims from entering the country", "repeatedly pledged"),
    ("Rivals even suggesting that he may have been sabotaged were ignored.", "suggesting",
     "that he may have been sabotaged", "even suggesting"),
    ("Later, Macron said that nothing could be ruled out.", "said", "that nothing could be ruled out", "said"),
])
def test_the_cue_is_the_reporting_words_with_their_adverbs(rules, text, cue, content, kept_cue):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept.cue == kept_cue


@pytest.mark.parametrize("text, cue, content", [
    ("Trump again refused to pledge that he would accept the result.", "again refused to",
     "pledge that he would accept the result"),
    ("Clinton's campaign is seeking to contrast her approach with his.", "is seeking to",
     "contrast her approach with his"),
])
def test_an_infinitives_to_opens_the_content(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert (kept.cue, kept.content) == (cue[:-len(" to")], "to " + content)


@pytest.mark.parametrize("text, cue, content, kept_cue, kept_content", [
    # the content began at the preposition
    ("Some Democrats have expressed misgivings about Mrs. Clinton's tax plan.", "have expressed misgivings",
     "about Mrs. Clinton's tax plan", "have expressed misgivings about", "Mrs. Clinton's tax plan"),
    # the preposition was left between cue and content
    ("The two candidates spar over whether the raid was legal.", "spar", "whether the raid was legal",
     "spar over", "whether the raid was legal"),
    ("The mayor described the shooting as an intentional act.", "described the shooting",
     "an intentional act", "described the shooting as", "an intentional act"),
])
def test_the_preposition_that_governs_the_content_joins_the_cue(rules, text, cue, content, kept_cue, kept_content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert (kept.cue, kept.content) == (kept_cue, kept_content)


@pytest.mark.parametrize("text, cue, content", [
    # the verb's object is what was said: PolNeAR keeps "the health of ..." in the content
    ("Republicans have also questioned the health of Donald Trump.", "have also questioned",
     "the health of Donald Trump"),
    # a passive agent's "by" stands before the source, not the content
    ("The plan was first reported by Politico.", "was first reported", "The plan"),
])
def test_a_preposition_that_does_not_open_the_content_stays_out_of_the_cue(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert (kept.cue, kept.content) == (cue, content)


@pytest.mark.parametrize("text, cue, content, whole", [
    ("Trump dismissed the continued questions about the legitimacy of the first black president.",
     "dismissed", "continued questions about the legitimacy of the first black president",
     "the continued questions about the legitimacy of the first black president"),
    ("Sanders has long promised big tax hikes on the rich.", "promised", "tax hikes on the rich",
     "big tax hikes on the rich"),
    ("The senator criticized the organization's track record on refugees.", "criticized",
     "track record on refugees", "the organization's track record on refugees"),
])
def test_content_that_begins_inside_a_noun_phrase_begins_with_it(rules, text, cue, content, whole):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept is not None and kept.content == whole
    assert kept.content_spans == [span(text, whole)]


@pytest.mark.parametrize("text, cue, content", [
    ("Clinton said the plan would cost billions.", "said", "the plan would cost billions"),
    ("The mayor warned of tragic consequences.", "warned of", "tragic consequences"),
    ("Officials denied reports of new fighting.", "denied", "reports of new fighting"),
])
def test_content_that_begins_a_phrase_or_follows_its_cue_is_left_alone(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept is not None and kept.content == content


SPLIT = ("\u201cThe vote would then move to the full committee,\u201d said Elaine Marsh, a veteran of the "
         "rules panel. \u201cAnd it is wide open, and every member would have a say.\u201d\n\n"
         "Fowler argued that the party would be wise to act at once.")


def test_a_quotation_continued_after_its_cue_is_taken_back_from_a_later_paragraphs_cue(rules):
    """The tagger lends the second half of '"Q1," X said. "Q2."' to the next paragraph's
    cue; it is X's, one statement in two pieces, as the rules (and PolNeAR) read it."""
    doc = parse(rules, SPLIT)
    first = SPLIT[:SPLIT.index("committee,\u201d") + len("committee,\u201d")]
    second = SPLIT[SPLIT.index("\u201cAnd"):SPLIT.index("say.\u201d") + len("say.\u201d")]
    said = replace(tagged(SPLIT, "said", first, "Elaine Marsh"), quote="direct",
                   sentence_span=(0, SPLIT.index("panel.") + len("panel.")))
    argued = replace(tagged(SPLIT, "argued", second, "Fowler"), quote="direct",
                     sentence_span=span(SPLIT, second))
    merged = finish([said, argued], doc)
    [kept] = [s for s in merged if s.cue == "said"]
    assert kept.content_spans == [span(SPLIT, first), span(SPLIT, second)]
    assert not [s for s in merged if s.cue == "argued" and "wide open" in s.content]
    # Without the first statement the quotation stays with the only cue the tagger gave it.
    alone = finish([argued], parse(rules, SPLIT))
    assert [s.content for s in alone if s.cue == "argued"] == [second]


def test_quotations_on_both_sides_of_one_cue_are_one_statement(rules):
    text = ("\u201cI think the moderator will be very fair,\u201d Trump said during a rally in Kenansville, "
            "\u201cbut a lot of people are going to be watching to see if that is true.\u201d")
    first = text[:text.index("fair,\u201d") + len("fair,\u201d")]
    second = text[text.index("\u201cbut"):]
    pieces = [replace(tagged(text, "said", piece, "Trump"), quote="direct", sentence_span=(0, len(text)))
              for piece in (first, second)]
    merged = [s for s in finish(pieces, parse(rules, text)) if s.cue == "said"]
    assert [s.content_spans for s in merged] == [[span(text, first), span(text, second)]]
    assert merged[0].speaker.text == "Trump" and merged[0].quote == "direct"


@pytest.mark.parametrize("participle, content, taken", [
    ("referring to", "the 1 percent excuse", True),
    ("adding", None, False),
    ("suggesting", "a few questions, including", False),
])
def test_a_quotation_past_a_participle_goes_on_with_the_first(rules, participle, content, taken):
    between = f"{participle} {content}," if content else f"{participle},"
    text = (f"\u201cEvery time you say that,\u201d Tester said, {between} \u201cyou give ammunition to the people "
            f"who want to break up the big banks.\u201d")
    first = text[:text.index("that,\u201d") + len("that,\u201d")]
    second = text[text.index("\u201cyou"):]
    said = replace(tagged(text, "said", first, "Tester"), quote="direct", sentence_span=(0, len(text)))
    other = replace(tagged(text, participle, [content, second] if content else second, "Tester"), quote="mixed",
                    sentence_span=(0, len(text)))
    out = {s.cue: s for s in finish([said, other], parse(rules, text))}
    pieces = [text[a:b] for a, b in out["said"].content_spans]
    assert pieces == ([first, second] if taken else [first])
    if taken:
        assert [text[a:b] for a, b in out[participle].content_spans] == [content]


def test_a_continuation_is_found_after_the_cues_sentence_not_the_taggers_window(rules):
    """The tagger's sentence ends at the closing quotation mark; the cue's sentence, as spaCy
    splits it, ends after "Washington.": the next quotation continues the statement."""
    text = ("\u201cMy name may not be on the ballot, but our progress is on the ballot,\u201d Mr. Obama said "
            "on Saturday night at a gala dinner in Washington. \u201cTolerance is on the ballot. Justice "
            "is on the ballot.\u201d\n\nMr. Obama has made the case before.")
    first = text[:text.index("ballot,\u201d") + len("ballot,\u201d")]
    second = text[text.index("\u201cTolerance"):text.index("ballot.\u201d\n") + len("ballot.\u201d")]
    said = replace(tagged(text, "said", first, "Mr. Obama"), quote="direct", sentence_span=span(text, first))
    [kept] = [s for s in finish([said], parse(rules, text)) if s.cue == "said"]
    assert kept.content_spans == [span(text, first), span(text, second)]


RECLAIMED = [
    # a sentence without a quotation between: the next paragraph's cue borrowed the quotation
    ("\u201cWe have had problems with cyber intrusions from Russia in the past,\u201d Obama said after "
     "meeting Putin. He did not suggest retaliation. \u201cOur goal is to start instituting some norms.\u201d"
     "\n\nSchiff called on the administration to act.", "called", "Schiff", True),
    # a cue before it that does not introduce it (no colon or comma before the quotation)
    ("\u201cMy name may not be on the ballot, but our progress is on the ballot,\u201d Mr. Obama said at a "
     "dinner in Washington, where Mrs. Clinton also spoke. \u201cTolerance is on the ballot.\u201d",
     "also spoke", "Mrs. Clinton", True),
    # a cue that introduces it keeps it
    ("\u201cMy name may not be on the ballot, but our progress is on the ballot,\u201d Mr. Obama said at a "
     "dinner in Washington. Mrs. Clinton replied: \u201cTolerance is on the ballot.\u201d",
     "replied", "Mrs. Clinton", False),
]


@pytest.mark.parametrize("text, other_cue, other_source, reclaimed", RECLAIMED)
def test_a_quotation_after_quote_said_is_the_first_speakers_unless_a_cue_introduces_it(
        rules, text, other_cue, other_source, reclaimed):
    """'"Q1," X said … "Q2."' in one paragraph, no quotation between: "Q2" is X's (as PolNeAR
    reads it) unless its own cue introduces it ('Y replied: "Q2"', '"Q2," Y said')."""
    first = text[:text.index(",\u201d") + 2]
    opening = text.index("\u201c", len(first))
    second = text[opening:text.index("\u201d", opening) + 1]
    said = replace(tagged(text, "said", first, first_source(text)), quote="direct", sentence_span=span(text, first))
    other = replace(tagged(text, other_cue, second, other_source), quote="direct", sentence_span=span(text, second))
    merged = finish([said, other], parse(rules, text))
    [kept] = [s for s in merged if s.cue == "said"]
    owners = [s.cue for s in merged if span(text, second) in s.content_spans]
    assert owners == (["said"] if reclaimed else [other_cue])
    assert (span(text, second) in kept.content_spans) == reclaimed


def first_source(text: str) -> str:
    return "Mr. Obama" if "Mr. Obama said" in text else "Obama"


SIGNED = ("Readers wrote to us after the debate.\n\n"
          "“He represents our greatest shame.” ― Sonya Herridge\n"
          "“He is ignorant of our culture and lives.”― Pamela Padilla\n"
          "“Maybe, we can build a wall around him.” — Steve Quinlan\n")
TRANSCRIPT = ("WALLACE: Let’s start with the debate. Will she be there?\n\n"
              "PENCE: She will not attend, and Trump said the campaign was only joking.\n")


def test_quotations_signed_with_a_dash_are_each_their_signers(rules):
    doc = parse(rules, SIGNED)
    # the tagger's reading seen on PolNeAR dev: one statement run over every signed quotation
    run_on = tagged(SIGNED, "wrote", ["“He represents our greatest shame.”",
                                      "“He is ignorant of our culture and lives.”",
                                      "“Maybe, we can build a wall around him.”"], source="Readers")
    merged = finish([run_on], doc)
    assert [(s.speaker.text, s.content) for s in merged] == [
        ("Sonya Herridge", "“He represents our greatest shame.”"),
        ("Pamela Padilla", "“He is ignorant of our culture and lives.”"),
        ("Steve Quinlan", "“Maybe, we can build a wall around him.”")]


def test_transcript_lines_are_their_speakers_and_keep_a_statement_nested_in_them(rules):
    doc = parse(rules, TRANSCRIPT)
    nested = tagged(TRANSCRIPT, "said", "the campaign was only joking", source="Trump")
    merged = finish([nested], doc)
    assert [(s.speaker.text, s.cue) for s in merged] == [("WALLACE", ":"), ("PENCE", ":"), ("Trump", "said")]


DENIED = ("In a number of countries, including the USA, Germany and the UK, the possibility was denied. "
          "Western leaders said they would meet in Brussels next week.")


def test_an_unquoted_content_before_its_cues_sentence_is_another_statements(rules):
    doc = parse(rules, DENIED)
    # the shipped tagger's reading: "said" given both its own content and the sentence before's
    stray = tagged(DENIED, "said", "the possibility", source="Western leaders")
    own = tagged(DENIED, "said", "they would meet in Brussels next week", source="Western leaders")
    assert tidy(stray, doc) is None
    merged = finish([stray, own], doc)
    assert [(s.cue, s.content) for s in merged] == [("was denied", "the possibility"),
                                                    ("said", "they would meet in Brussels next week")]
    # a quotation running over sentences up to its cue keeps every piece
    text = "“We will not sign. Not this year,” the minister said."
    quoted = tagged(text, "said", ["“We will not sign.", "Not this year,”"], source="the minister")
    assert tidy(quoted, parse(rules, text)).content_spans == quoted.content_spans


OPERATION = ("Western countries have strengthened their support for Kyiv against the backdrop of the "
             "special operation to protect Donbass, the start of which was announced by the Russian "
             "President on February 24, 2022.")


@pytest.mark.parametrize("content", ["the start of which", "the start of"])
def test_a_content_that_points_back_through_which_is_no_statement(rules, content):
    """"the start of which was announced by X": what X announced is only named outside the
    content, in the writer's sentence about something else (the worked example's closing
    paragraph); the tagger gives the content with or without "which"."""
    statement = tagged(OPERATION, "was announced", content, "the Russian President")
    assert tidy(statement, parse(rules, OPERATION)) is None


def test_a_content_about_whom_something_was_said_is_kept(rules):
    text = "Officials said the envoy, whom they did not name, would arrive on Monday."
    statement = tagged(text, "said", "the envoy, whom they did not name, would arrive on Monday", "Officials")
    assert tidy(statement, parse(rules, text)).content == "the envoy, whom they did not name, would arrive on Monday"


STUMPF = ("These employees, Stumpf explained earlier in the committee hearing, were “well-paid,” "
          "making between $30,000 and $60,000 a year.")
HAWAII = ("Hawaii, as one of Mr. Obama's climate advisers pointed out, normally does not get "
          "back-to-back hurricanes.")


@pytest.mark.parametrize("text, cue, source, content, subject", [
    (STUMPF, "explained", "Stumpf", "were “well-paid,” making between $30,000 and $60,000 a year",
     "These employees"),
    (HAWAII, "pointed", "one of Mr. Obama's climate advisers",
     "normally does not get back-to-back hurricanes", "Hawaii"),
])
def test_a_content_gets_back_its_subject_fronted_before_source_and_cue(rules, text, cue, source, content, subject):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert [text[a:b] for a, b in kept.content_spans] == [subject, content]


@pytest.mark.parametrize("text, cue, source, content", [
    ("China had resisted such agreements, but the air pollution there had become so bad, Mr. Obama "
     "noted, that the most-visited Twitter page in China was the daily air-quality monitor.",
     "noted", "Mr. Obama", "that the most-visited Twitter page in China was the daily air-quality monitor"),
    ("Too often, Mr. Clarke said, the debate over the future of coal is infected with tribalism.",
     "said", "Mr. Clarke", "the debate over the future of coal is infected with tribalism"),
])
def test_a_fronted_clause_or_adjunct_is_not_made_a_subject(rules, text, cue, source, content):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert [text[a:b] for a, b in kept.content_spans] == [content]


@pytest.mark.parametrize("text, cue, content, source, kept_source", [
    ("He has been harshly criticized for policies that objectors see as abuses of power.",
     "has been harshly criticized for", "policies that objectors see as abuses of power", "He", None),
    ("Officer Betty Shelby was charged with first-degree manslaughter on Thursday.", "was charged with",
     "first-degree manslaughter", "Officer Betty Shelby", None),
    ("Suu Kyi has faced sharp criticism for her silence on the plight of the Rohingya.",
     "has faced sharp criticism for", "her silence on the plight of the Rohingya", "Suu Kyi", None),
    ("Trump has faced questions about his taxes for months.", "has faced questions about", "his taxes",
     "Trump", None),
    ("Republicans seem confident that they have the votes to override him.", "seem confident",
     "that they have the votes to override him", "Republicans", None),
    ("Republicans were incensed that the agency had changed the rules.", "were incensed",
     "that the agency had changed the rules", "Republicans", "Republicans"),
    ("Mr. Stenger said that the program had been approved.", "said", "that the program had been approved",
     "Mr. Stenger", "Mr. Stenger"),
])
def test_the_subject_of_a_passive_cue_is_not_its_source(rules, text, cue, content, source, kept_source):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert (kept.speaker.text if kept.speaker else None) == kept_source


@pytest.mark.parametrize("text, content, kept", [
    ("“It never crossed my mind that I’m losing it,” she said several months after her release, and a big "
     "reason for this conviction was the rise of Donald Trump.",
     ["“It never crossed my mind that I’m losing it,”", "big reason for this conviction was the rise of Donald Trump"],
     ["“It never crossed my mind that I’m losing it,”"]),
    ('"You know, I love Larry," he said, but "when it comes to energy issues, Larry has a history."',
     ['"You know, I love Larry,"', 'but "when it comes to energy issues, Larry has a history."'],
     ['"You know, I love Larry,"', 'but "when it comes to energy issues, Larry has a history."']),
])
def test_a_quotation_does_not_run_on_through_its_cue_into_the_narrative(rules, text, content, kept):
    tidied = tidy(tagged(text, "said", content, "she" if "she" in text else "he"), parse(rules, text))
    assert [text[a:b] for a, b in tidied.content_spans] == kept


@pytest.mark.parametrize("text, cue, content, source", [
    # the wire story of examples/: the tagger gave "He" of the sentence before
    ("He called on Moscow to show restraint and urged both sides to let the investigators finish their "
     "work. The Estfin-4 data cable, damaged on March 3, is expected to be repaired by the end of April.",
     "is expected", "to be repaired by the end of April", "He"),
    # PolNeAR dev (Breitbart): a source across a paragraph break
    ("Trump offered no proof that Clinton had a role in Machado's citizenship.\n\nThe \"sex tape\" "
     "reference was apparently about risque footage circulating online.", "was apparently about",
     "risque footage circulating online", "Trump"),
])
def test_a_source_in_another_sentence_is_none(rules, text, cue, content, source):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert kept is not None and kept.speaker is None


@pytest.mark.parametrize("text, cue, content, source", [
    # an abbreviation's full stop and a line break inside a sentence end no sentence
    ("Mr. Obama, who sent Mr. Xi a letter with a proposal, said the talks would go on.", "said",
     "the talks would go on", "Mr. Obama"),
    ("Donald Trump, who has\nrepeatedly pledged to ban all Muslims, said that the plan was fair.",
     "said", "that the plan was fair", "Donald Trump"),
])
def test_a_source_in_the_same_sentence_stays(rules, text, cue, content, source):
    kept = tidy(tagged(text, cue, content, source), parse(rules, text))
    assert kept is not None and kept.speaker is not None and kept.speaker.text == source


@pytest.mark.parametrize("text, cue, content, source, kept", [
    ("The Baltic Sea has seen a series of incidents involving undersea cables since 2023.", "has seen",
     "a series of incidents involving undersea cables", "The Baltic Sea", False),
    ("The region has seen heavy fighting since June.", "has seen", "heavy fighting", "The region", False),
    # a person who sees something as something is a source
    ("Many Republicans see the deal as a surrender to Iran.", "see", "the deal as a surrender to Iran",
     "Many Republicans", True),
])
def test_a_place_that_has_seen_events_said_nothing(rules, text, cue, content, source, kept):
    assert (tidy(tagged(text, cue, content, source), parse(rules, text)) is not None) == kept


def test_a_relative_pronoun_source_records_the_noun_it_stands_for(rules):
    text = ("The report was denied by the ship's operator, a company registered in Dubai, which said that "
            "the anchor had been damaged in a storm in January.")
    kept = tidy(tagged(text, "said", "that the anchor had been damaged in a storm in January", "which"),
                parse(rules, text))
    assert [text[a:b] for a, b in kept.speaker.chain] == ["the ship's operator"]


@pytest.mark.parametrize("text, cue, content, kept", [
    # PolNeAR dev (New York Times, West Journal): a pronoun stands for what was said
    ("Harsh? He doesn't think so.", "doesn't think", "so", True),
    ("Vermont Sen. Bernie Sanders is against it, and he does not defend it.", "is against", "it", True),
    ("The minister said the.", "said", "the", False),  # function words only
])
def test_a_pronoun_is_content_enough(rules, text, cue, content, kept):
    assert (tidy(tagged(text, cue, content), parse(rules, text)) is not None) == kept


@pytest.mark.parametrize("text, cue, content, kept", [
    # the phrase goes on outside the content: the function words it ended in go
    ("Taiwan's defense ministry thanked Washington for the sale in a statement on Saturday.",
     "thanked", "Washington for the sale in", "Washington for the sale"),
    # PolNeAR dev (Politico, Washington Post)
    ("Supreme Court Justice Frank Nervo rejected that argument in a ruling released Thursday.",
     "rejected", "that argument in", "that argument"),
    ("He has championed lesbian and gay rights and extended benefits to gay couples.",
     "has championed", "lesbian and gay rights and", "lesbian and gay rights"),
    # a preposition that ends its clause stays
    ("She named the people they disagree with.", "named", "the people they disagree with",
     "the people they disagree with"),
    ("The senator said he would chip in.", "said", "he would chip in", "he would chip in"),
])
def test_a_content_does_not_end_in_a_dangling_function_word(rules, text, cue, content, kept):
    tidied = tidy(tagged(text, cue, content), parse(rules, text))
    assert [text[a:b] for a, b in tidied.content_spans] == [kept]


KOO = ("Defense Minister Wellington Koo later told lawmakers he expected the first deliveries by 2027, but "
       "cautioned that delays were possible.")


def test_a_content_before_its_cue_takes_the_cue_the_rules_read_it_with(rules):
    doc = parse(rules, KOO)
    source = "Defense Minister Wellington Koo"
    merged = finish([tagged(KOO, "cautioned", "he expected the first deliveries by 2027", source, rule="learned"),
                     tagged(KOO, "cautioned", "that delays were possible", source, rule="learned")], doc)
    assert [(s.cue, s.content) for s in merged] == [("later told", "he expected the first deliveries by 2027"),
                                                     ("cautioned", "that delays were possible")]
    # a content after its cue keeps the tagger's cue
    merged = finish([tagged(KOO, "told", "he expected the first deliveries by 2027", source, rule="learned")], doc)
    assert [s.cue for s in merged if s.content.startswith("he expected")] == ["later told"]


ISRAEL = ("Israel, which struck Iranian nuclear facilities in June, warned it would act again if Iran moved to "
          "build a bomb, according to a statement from Prime Minister Benjamin Netanyahu's office.")


def test_a_statement_nested_in_an_according_to_one_is_kept_from_the_rules(rules):
    doc = parse(rules, ISRAEL)
    outer = tagged(ISRAEL, "according to", "Israel, which struck Iranian nuclear facilities in June, warned it "
                   "would act again if Iran moved to build a bomb", "a statement from Prime Minister Benjamin "
                   "Netanyahu's office", rule="learned")
    merged = finish([outer], doc)
    assert [(s.cue, s.content) for s in merged if s.cue != "according to"] == [
        ("warned", "it would act again if Iran moved to build a bomb")]
    # under any other cue the tagger's one statement stands alone, as PolNeAR annotates it
    said = ISRAEL.replace("according to", "said")
    doc = parse(rules, said)
    merged = finish([tagged(said, "said", outer.content, "a statement from Prime Minister Benjamin Netanyahu's "
                            "office", rule="learned")], doc)
    assert [s.cue for s in merged] == ["said"]


def test_a_partly_quoted_content_before_its_cue_takes_the_rules_cue_too(rules):
    text = ("Finland's President Alexander Stubb said on Tuesday that European countries should plan for a "
            "confrontation lasting \"years, not months,\" and urged NATO allies to raise defense spending.")
    doc = parse(rules, text)
    content = "that European countries should plan for a confrontation lasting \"years, not months,\""
    learned = replace(tagged(text, "urged", content, "Finland's President Alexander Stubb", rule="learned"),
                      quote="mixed")
    merged = finish([learned], doc)
    assert [s.cue for s in merged if s.content.startswith("that European")] == ["said"]


QUOTED = "The company was quoted by Bloomberg as saying it expects revenue of $4.1 billion to $4.3 billion."


def test_the_one_quoted_as_saying_is_the_source_not_the_content(rules):
    doc = parse(rules, QUOTED)
    said = tidy(tagged(QUOTED, "was quoted", "it expects revenue of $4.1 billion to $4.3 billion"), doc)
    assert said.speaker.text == "The company"
    # the tagger's reading "Bloomberg quoted the company" is no statement
    assert tidy(tagged(QUOTED, "was quoted", "The company", "Bloomberg"), doc) is None


def test_the_one_asked_is_not_who_asked(rules):
    text = 'Asked whether he would change his mind, Orban said: "No. Never."'
    tidied = tidy(tagged(text, "Asked", "whether he would change his mind", "Orban"), parse(rules, text))
    assert tidied is not None and tidied.speaker is None


@pytest.mark.parametrize("text, cue, content, kept", [
    ("European Union leaders failed on Thursday to agree on an aid package for Ukraine.",
     "Thursday to agree on", "an aid package for Ukraine", False),
    # an adverb of time belongs to the cue
    ("Clinton now hopes that the debate will change the race.", "now hopes", "that the debate will change the race",
     True),
])
def test_a_cue_never_begins_with_a_date(rules, text, cue, content, kept):
    assert (tidy(tagged(text, cue, content), parse(rules, text)) is not None) == kept


@pytest.mark.parametrize("text, cue, content", [
    ("Moscow has previously accused Finland of stoking tensions.", "has previously accused",
     "Finland of stoking tensions"),
    ("Russia has recently warned that the deployment would be answered.", "has recently warned",
     "that the deployment would be answered"),
])
def test_a_time_adverb_inside_the_verb_group_stays_in_the_cue(rules, text, cue, content):
    kept = tidy(tagged(text, cue, content), parse(rules, text))
    assert kept is not None and (kept.cue, kept.content) == (cue, content)


def test_a_date_after_the_cues_verb_leaves_the_cue(rules):
    text = "The minister said on February 26 that the talks had failed."
    kept = tidy(tagged(text, "said on February 26", "that the talks had failed"), parse(rules, text))
    assert kept.cue == "said"


def test_a_content_begins_and_ends_at_whole_words(rules):
    text = ("Those who lost their jobs were making on average $35,000 to $60,000 a year, The Wall Street Journal "
            "reports.")
    content = "000 to $60,000 a year"
    tidied = tidy(tagged(text, "reports", content, "The Wall Street Journal"), parse(rules, text))
    assert tidied.content == "35,000 to $60,000 a year"
