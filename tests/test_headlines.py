"""Names in title-case headlines (``nlp/headlines.py``): the recogniser's names there are
kept only as far as the rest of the article names them, on headlines of PolNeAR dev
articles (West Journal, HuffPost) and their first paragraphs."""

from __future__ import annotations

import pytest

from newsledger.model import Article
from newsledger.nlp.headlines import HeadlineNames, title_case_lines

OBAMA = ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n"
         "President Barack Obama sounded a call for the United States to accept more Muslim refugees "
         "on Monday as he issued a statement in observance of the Muslim holiday Eid-al-Adha.\n\n"
         "Obama called the holiday “a celebration of the ways faith can transcend any differences.”\n")
GOLD_STAR = ("Gold Star Mom Corners Obama On His Refusal To Use The Words ‘Islamic Terrorist.’\n\n"
             "President Barack Obama responded to a Gold Star mother Wednesday night by saying his refusal "
             "to use the words “Islamic terrorism” was a “manufactured” issue.\n\n"
             "During a CNN town hall, Tina Houchins had a question for the president.\n")
GENERAL = ("Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Obama.\n\n"
           "Retired U.S. Air Force Gen. Norman Ham is speaking out about the serious problems he has "
           "with the current commander in chief.\n")
LAWMAKERS = ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\n"
             "WASHINGTON ― Some of the nation’s top black lawmakers said Friday that Donald Trump’s "
             "obsession with President Barack Obama’s birthplace is a disgrace.\n")
WEBSITE = ("Popular Website Shows Bias When It Comes To ‘Fact-Checking’ Republicans.\n\n"
           "A study of PolitiFact found that the site rates Republicans more harshly than Democrats, "
           "the group that ran it said on Tuesday.\n")


@pytest.mark.parametrize("text, lines", [
    (OBAMA, ["Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday."]),
    (GOLD_STAR, ["Gold Star Mom Corners Obama On His Refusal To Use The Words ‘Islamic Terrorist.’"]),
    (LAWMAKERS, ["Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’"]),
    # sentence case, and a line too short to tell
    ("Trump rips Clinton over emails in Ohio speech\n\nMike Lee\n", []),
    # a sentence of names: "met" is no word title case leaves in lower case
    ("Merz And Macron Meet In Paris\n\nChancellor Friedrich Merz met President Emmanuel Macron in Paris on Monday.\n",
     ["Merz And Macron Meet In Paris"]),
])
def test_title_case_lines(text, lines):
    assert [text[s:e] for s, e in title_case_lines(text)] == lines


@pytest.mark.parametrize("text, written, confirmed", [
    (OBAMA, "Obama Seeks", "Obama"),  # a verb at the end goes; the family name is named below
    (LAWMAKERS, "Rip Donald Trump", "Donald Trump"),
    (GOLD_STAR, "Gold Star Mom", None),  # "Mom" is the head: not "Gold Star"
    (GENERAL, "Retired General", None),
    (OBAMA, "Barack Obama", "Barack Obama"),  # outside the headline: as written
])
def test_confirmed_names(nlp_doc, text, written, confirmed):
    doc = nlp_doc(text)
    start = text.index(written)
    found = HeadlineNames(doc).confirmed(written, start)
    assert (found[0] if found else None) == confirmed
    if found:
        assert text[found[1]:found[1] + len(found[0])] == found[0]


@pytest.fixture(scope="module")
def nlp_doc(analyzer):
    return analyzer.nlp


def _speakers(analyzer, text):
    return {st.speaker.text: (st.speaker.name, st.speaker.kind)
            for st in analyzer.analyze(Article(text=text)) if st.speaker is not None}


def test_headline_speakers_are_not_made_up_names(analyzer):
    """No actor "Obama Seeks", "Gold Star Mom", "Retired General" or "Popular Website";
    the article's own names still resolve."""
    names = {}
    for text in (OBAMA, GOLD_STAR, GENERAL, WEBSITE):
        names.update(_speakers(analyzer, text))
    made_up = {"Obama Seeks", "Gold Star Mom", "Gold Star", "Retired General", "Popular Website", "Popular"}
    assert not made_up & {name for name, _ in names.values()}, names
    assert names.get("President Barack Obama") == ("Barack Obama", "person"), names
    assert names.get("Retired U.S. Air Force Gen. Norman Ham", (None,))[0] == "Norman Ham", names


def test_title_with_its_place_is_a_person(analyzer):
    """"Senator from Texas" (a subtitle of a Washington Post article) is a senator, not Texas."""
    text = ("Ah, friends once more: Ted Cruz endorses Trump, who says he is honored.\n\n"
            "Senator from Texas says he cannot allow Clinton to win the presidency.\n\n"
            "Sen. Ted Cruz (R-Tex) is endorsing Donald Trump for president.\n")
    speakers = _speakers(analyzer, text)
    name, kind = speakers["Senator from Texas"]
    assert kind == "person" and name != "Texas", speakers
