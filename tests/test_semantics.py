"""Statement semantics: conditions, negation, acts, venue and targets, on real sentences.

Statements are built by hand (offsets from ``str.index``, never typed in), set on a
Doc parsed by the shared pipeline (conftest's ``analyzer``) as the attribution
component would, then the components run in pipeline order: conditions, negation,
acts, venue, targets. The worked example is checked twice: with hand-made
statements (the components alone) and through the whole pipeline, field by field.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
import spacy

import newsledger.nlp.extensions  # noqa: F401
from newsledger.model import ACTS, Mention, Statement
from newsledger.nlp import pipeline as pipeline_module
from newsledger.sources import read_paths

import newsledger.nlp.acts as acts_module
import newsledger.nlp.conditions  # noqa: F401  (registers the factories)
import newsledger.nlp.negation  # noqa: F401
import newsledger.nlp.targets as targets_module
import newsledger.nlp.venue  # noqa: F401

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
OURS = ("newsledger_conditions", "newsledger_negation", "newsledger_acts", "newsledger_venue",
        "newsledger_targets")


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp


def parse(nlp, text: str):
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("newsledger_")]):
        return nlp(text)


def component(nlp, name: str):
    """The pipeline's component; targets stand alone until the pipeline lists them."""
    if name == "newsledger_targets" and name not in nlp.pipe_names:
        return targets_module.TargetsComponent()
    return nlp.get_pipe(name)


def span(text: str, phrase: str, after: str | None = None) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text`` (after the first ``after``, when given)."""
    start = text.index(after) if after else 0
    i = text.index(phrase, start)
    return i, i + len(phrase)


def within(text: str, phrase: str, anchor: str) -> tuple[int, int]:
    """Offsets of ``phrase`` inside the first ``anchor`` ("he" in "” he said", not in "the")."""
    i = text.index(anchor) + anchor.index(phrase)
    return i, i + len(phrase)


def statement(text: str, cue: str, content: str, speaker: str | None = None,
              after: str | None = None, kind: str = "unknown", anchor: str | None = None) -> Statement:
    """A statement as the attribution component makes it; ``anchor`` locates cue and speaker."""
    find = (lambda p: within(text, p, anchor)) if anchor else (lambda p: span(text, p, after))
    mention = Mention(text=speaker, span=find(speaker), kind=kind) if speaker else None
    return Statement(cue=cue, cue_span=find(cue), content=content,
                     content_spans=[span(text, content, after)], speaker=mention)


def run(nlp, doc, statements: list[Statement]) -> list[Statement]:
    doc._.statements = statements
    for name in OURS:
        component(nlp, name)(doc)
    return statements


def analyse(nlp, text: str, cue: str, content: str, speaker: str | None = None, **kw) -> Statement:
    return run(nlp, parse(nlp, text), [statement(text, cue, content, speaker, **kw)])[0]


# --- conditions ------------------------------------------------------------------------------

CONDITIONS = [
    # text, cue, content, condition, consequence, kind
    ("If the allies send troops into Ukraine, we must completely withdraw from NATO, he said.",
     "said", "If the allies send troops into Ukraine, we must completely withdraw from NATO",
     "the allies send troops into Ukraine", "we must completely withdraw from NATO", "if"),
    ("The United States must withdraw from NATO if the alliance sends troops to Ukraine, "
     "US Senator Mike Lee from Utah indicated.", "indicated",
     "The United States must withdraw from NATO if the alliance sends troops to Ukraine",
     "the alliance sends troops to Ukraine", "The United States must withdraw from NATO", "if"),
    ("Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to Ukraine.",
     "warned of", "tragic consequences", "NATO troops were sent to Ukraine", "tragic consequences", "if"),
    ("“We will strike unless they withdraw,” the commander said.", "said",
     "We will strike unless they withdraw", "unless they withdraw", "We will strike", "unless"),
    ("Lavrov said that should NATO troops enter Ukraine, Russia will respond with force.", "said",
     "should NATO troops enter Ukraine, Russia will respond with force",
     "NATO troops enter Ukraine", "Russia will respond with force", "inverted"),
    ("The minister said Russia will resume the deal provided that its demands are met.", "said",
     "Russia will resume the deal provided that its demands are met",
     "its demands are met", "Russia will resume the deal", "provided"),
    ("The general said the ceasefire will hold as long as both sides respect it.", "said",
     "the ceasefire will hold as long as both sides respect it",
     "both sides respect it", "the ceasefire will hold", "as_long_as"),
    ("Zelensky said Kyiv will negotiate on condition that Russian troops leave.", "said",
     "Kyiv will negotiate on condition that Russian troops leave",
     "Russian troops leave", "Kyiv will negotiate", "on_condition"),
    ("The spokesman said the army is ready in case the talks fail.", "said",
     "the army is ready in case the talks fail", "the talks fail", "the army is ready", "in_case"),
    ("The army said it is ready to act in case of an attack.", "said",
     "it is ready to act in case of an attack", "an attack", "it is ready to act", "in_case"),
    ("Stoltenberg said Russia must withdraw its troops, otherwise NATO will act.", "said",
     "Russia must withdraw its troops, otherwise NATO will act",
     "Russia must withdraw its troops", "otherwise NATO will act", "otherwise"),
    ("“Either Russia withdraws its troops or we will impose new sanctions,” Borrell said.", "said",
     "Either Russia withdraws its troops or we will impose new sanctions",
     "Either Russia withdraws its troops", "or we will impose new sanctions", "either_or"),
    ("“We must draw a red line with NATO: either Ukraine or the United States,” he said.", "said",
     "We must draw a red line with NATO: either Ukraine or the United States",
     "either Ukraine", "or the United States", "either_or"),
    ("Macron said France would send troops if necessary.", "said",
     "France would send troops if necessary", "necessary", "France would send troops", "if"),
]


@pytest.mark.parametrize("text,cue,content,condition,consequence,kind", CONDITIONS,
                         ids=[c[-1] + ":" + c[0][:30] for c in CONDITIONS])
def test_condition_forms(nlp, text, cue, content, condition, consequence, kind):
    st = analyse(nlp, text, cue, content)
    assert st.condition is not None, "no condition found"
    assert st.condition.text == condition
    assert st.consequence.text == consequence
    assert st.extra["condition_kind"] == kind
    for part in (st.condition, st.consequence):  # offsets give the words back
        assert text[part.span[0]:part.span[1]] == part.text


def test_negative_conditions_say_so(nlp):
    st = analyse(nlp, *CONDITIONS[3][:3])
    assert st.extra["condition_negative"] is True
    st = analyse(nlp, *CONDITIONS[0][:3])
    assert st.extra["condition_negative"] is False


def test_elliptic_condition_is_flagged(nlp):
    st = analyse(nlp, "Macron said France would send troops if necessary.", "said",
                 "France would send troops if necessary")
    assert st.extra["condition_elliptic"] is True
    assert st.extra["condition_marker"] == "if"


NO_CONDITION = [
    ("He asked if Biden would run again.", "asked", "if Biden would run again"),
    ("He asked if Biden would run again.", "asked", "Biden would run again"),
    ("Reporters wondered whether the talks would resume.", "wondered", "whether the talks would resume"),
    ("The minister said the talks would continue even if the ceasefire collapsed.", "said",
     "the talks would continue even if the ceasefire collapsed"),
    ("He said that the plan is difficult, if not impossible.", "said", "the plan is difficult, if not impossible"),
    ("He said either France or Germany will host the talks.", "said", "either France or Germany will host the talks"),
    ("The minister said the weather was fine.", "said", "the weather was fine"),
]


@pytest.mark.parametrize("text,cue,content", NO_CONDITION, ids=[c[0][:40] for c in NO_CONDITION])
def test_not_a_condition(nlp, text, cue, content):
    st = analyse(nlp, text, cue, content)
    assert st.condition is None and st.consequence is None


def test_embedded_condition_does_not_condition_the_statement(nlp):
    text = ("Politico learned that France was creating a new coalition of countries that "
            "would be ready to send troops to Ukraine if necessary.")
    st = analyse(nlp, text, "learned", text[text.index("France"):-1])
    assert st.condition is None
    assert [c["condition"]["text"] for c in st.extra["embedded_conditions"]] == ["necessary"]


def test_regex_fallback_without_parse(nlp):
    text = "We will strike if they cross the border, the general said."
    doc = nlp.make_doc(text)
    st = statement(text, "said", "We will strike if they cross the border")
    doc._.statements = [st]
    component(nlp, "newsledger_conditions")(doc)
    assert st.condition.text == "they cross the border"
    assert st.consequence.text == "We will strike"


# --- negation --------------------------------------------------------------------------------

NEGATION = [
    # text, cue, content, negated
    ("The Kremlin denied that Russian troops were in Ukraine.", "denied", "Russian troops were in Ukraine", True),
    ("Later, Macron himself ruled out sending troops to Ukraine in the near future.", "ruled out",
     "sending troops to Ukraine in the near future", True),
    ("Ankara rejected the proposal.", "rejected", "the proposal", True),
    ("Peskov dismissed the report as fake.", "dismissed", "the report", True),
    ("The ministry refuted claims that its jets had violated Polish airspace.", "refuted",
     "its jets had violated Polish airspace", True),
    ("In several capitals the possibility of such a scenario was denied.", "was denied",
     "the possibility of such a scenario", True),
    ("NATO Secretary General Jens Stoltenberg stated that there are no such plans.", "stated",
     "there are no such plans", True),
    ("The politician believes that European NATO member countries do not have the right to drag "
     "the United States into a conflict.", "believes",
     "European NATO member countries do not have the right to drag the United States into a conflict", True),
    ("Lee emphasized that the North Atlantic Alliance should not even consider Ukraine’s candidacy.",
     "emphasized", "the North Atlantic Alliance should not even consider Ukraine’s candidacy", True),
    ("He said that nobody will attack NATO.", "said", "nobody will attack NATO", True),
    ("The minister said Russia would never attack NATO.", "said", "Russia would never attack NATO", True),
    ("Macron said sending troops is ruled out.", "said", "sending troops is ruled out", True),
    # double negatives keep the option open
    ("According to him, “nothing can be ruled out in the development of the situation.”",
     "According to", "nothing can be ruled out in the development of the situation.", False),
    ("Macron did not rule out sending troops.", "did not rule out", "sending troops", False),
    ("Macron did not rule out sending troops.", "rule out", "sending troops", False),
    ("The Kremlin refused to rule out a strike.", "rule out", "a strike", False),
    ("The minister said that a strike cannot be excluded.", "said", "a strike cannot be excluded", False),
    ("The Kremlin denied that there were no Russian troops in Ukraine.", "denied",
     "there were no Russian troops in Ukraine", False),
    # not negated at all
    ("Stoltenberg said Russia denied the reports.", "said", "Russia denied the reports", False),
    ("He said that we will strike if they do not withdraw.", "said", "we will strike if they do not withdraw", False),
    ("The minister said the weather was fine.", "said", "the weather was fine", False),
]


@pytest.mark.parametrize("text,cue,content,negated", NEGATION, ids=[n[0][:40] for n in NEGATION])
def test_negation(nlp, text, cue, content, negated):
    st = analyse(nlp, text, cue, content)
    assert st.negated is negated, st.extra["negation_cues"]


def test_double_negation_is_recorded(nlp):
    st = analyse(nlp, "Macron did not rule out sending troops.", "rule out", "sending troops")
    assert st.extra["double_negation"] is True
    assert {w for w, _ in st.extra["negation_cues"]} == {"rule", "not"}


# --- acts ------------------------------------------------------------------------------------

ACT_CASES = [
    # text, cue, content, speaker, act
    ("The United States must withdraw from NATO if the alliance sends troops to Ukraine, "
     "US Senator Mike Lee from Utah indicated.", "indicated",
     "The United States must withdraw from NATO if the alliance sends troops to Ukraine",
     "US Senator Mike Lee from Utah", "threat"),
    ("“If the allies send troops into Ukraine, we must completely withdraw from NATO,” he said.", "said",
     "If the allies send troops into Ukraine, we must completely withdraw from NATO", "he", "threat"),
    ("“We will strike unless they withdraw,” the commander said.", "said",
     "We will strike unless they withdraw", "the commander", "threat"),
    ("Russia threatened to cut gas supplies to Europe.", "threatened", "to cut gas supplies to Europe", "Russia", "threat"),
    ("Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to Ukraine.",
     "warned of", "tragic consequences", "Russian President Vladimir Putin", "warning"),
    ("The general said there would be a catastrophe if the dam were destroyed.", "said",
     "there would be a catastrophe if the dam were destroyed", "The general", "warning"),
    ("The Kremlin denied that Russian troops were in Ukraine.", "denied", "Russian troops were in Ukraine",
     "The Kremlin", "denial"),
    ("Ankara rejected the proposal.", "rejected", "the proposal", "Ankara", "denial"),
    ("NATO Secretary General Jens Stoltenberg stated that there are no such plans.", "stated",
     "there are no such plans", "NATO Secretary General Jens Stoltenberg", "denial"),
    ("“We will not send troops to Ukraine,” Scholz said.", "said", "We will not send troops to Ukraine",
     "Scholz", "denial"),
    ("Biden urged Congress to approve the aid.", "urged", "Congress to approve the aid", "Biden", "demand"),
    ("Zelensky called on the West to send more weapons.", "called on", "the West to send more weapons",
     "Zelensky", "demand"),
    ("The protesters demanded that the government resign.", "demanded", "the government resign",
     "The protesters", "demand"),
    ("Lee emphasized that the North Atlantic Alliance should not even consider Ukraine’s candidacy.",
     "emphasized", "the North Atlantic Alliance should not even consider Ukraine’s candidacy", "Lee", "demand"),
    ("Scholz promised that Germany would deliver more air defence.", "promised",
     "Germany would deliver more air defence", "Scholz", "commitment"),
    ("The ministers pledged to double their aid.", "pledged", "to double their aid", "The ministers", "commitment"),
    ("French President Emmanuel Macron said that France will send instructors to Ukraine.", "said",
     "France will send instructors to Ukraine", "French President Emmanuel Macron", "commitment"),
    ("“If the allies send troops, we will support them,” he said.", "said",
     "If the allies send troops, we will support them", "he", "commitment"),
    ("Erdogan proposed that the talks be held in Istanbul.", "proposed", "the talks be held in Istanbul",
     "Erdogan", "proposal"),
    ("The IMF predicted that the economy would shrink.", "predicted", "the economy would shrink", "The IMF",
     "prediction"),
    ("The minister said the economy will grow next year.", "said", "the economy will grow next year",
     "The minister", "prediction"),
    ("At the same time, on March 8, Politico learned that France was creating a new coalition.", "learned",
     "France was creating a new coalition", "Politico", "report"),
    ("Kyiv is not currently asking for Western troops, it only needs ammunition, but everything can "
     "change, the material notes.", "notes",
     "Kyiv is not currently asking for Western troops, it only needs ammunition, but everything can change",
     None, "report"),
    ("A reporter asked whether Biden would run again.", "asked", "whether Biden would run again",
     "A reporter", "question"),
    ("Analysts wondered whether the talks would resume.", "wondered", "whether the talks would resume",
     "Analysts", "question"),
    ("Biden asked Congress to approve the aid.", "asked", "Congress to approve the aid", "Biden", "demand"),
    ("The chancellor thinks that sanctions are working.", "thinks", "sanctions are working", "The chancellor",
     "opinion"),
    ("The politician believes that European NATO member countries do not have the right to drag the "
     "United States into a conflict.", "believes",
     "European NATO member countries do not have the right to drag the United States into a conflict",
     "The politician", "opinion"),
    ("The minister said the weather was fine.", "said", "the weather was fine", "The minister", "claim"),
    ("Macron did not rule out sending troops to Ukraine.", "did not rule out", "sending troops to Ukraine",
     "Macron", "claim"),
    ("Later, Macron himself ruled out sending troops to Ukraine in the near future.", "ruled out",
     "sending troops to Ukraine in the near future", "Macron himself", "denial"),
    ("Reuters reported that the talks had stalled.", "reported", "the talks had stalled", "Reuters", "report"),
    ("The minister asked: “Who will pay for the reconstruction?”", "asked",
     "Who will pay for the reconstruction?", "The minister", "question"),
    ("“We will never leave Crimea,” the governor said.", "said", "We will never leave Crimea", "the governor",
     "denial"),
]


@pytest.mark.parametrize("text,cue,content,speaker,act", ACT_CASES,
                         ids=[a[-1] + ":" + a[0][:30] for a in ACT_CASES])
def test_acts(nlp, text, cue, content, speaker, act):
    st = analyse(nlp, text, cue, content, speaker)
    assert st.act == act, st.extra["act_basis"]
    assert st.act in ACTS
    assert (st.extra["cameo"], st.extra["plover"]) == acts_module.codes(st.act, st)


@pytest.mark.parametrize("text, cue, content, speaker, kind, act", [
    # reported speech names the speaker's side by a pronoun
    ("Britain, France and Germany have said they will reimpose sanctions by the end of August unless Iran "
     "resumes cooperation.", "have said", "they will reimpose sanctions by the end of August unless Iran "
     "resumes cooperation", "Britain, France and Germany", "group", "threat"),
    ("Trump said he would sue the newspaper if it published the story.", "said",
     "he would sue the newspaper if it published the story", "Trump", "person", "threat"),
    # a person's "they" is others: their action is no threat of the speaker
    ("The minister said they would reimpose sanctions unless Iran complied.", "said",
     "they would reimpose sanctions unless Iran complied", "The minister", "person", "prediction"),
])
def test_a_pronoun_for_the_speaker_makes_a_conditional_threat(nlp, text, cue, content, speaker, kind, act):
    st = analyse(nlp, text, cue, content, speaker, kind=kind)
    assert st.act == act, st.extra["act_basis"]


def test_code_tables():
    assert set(acts_module.CAMEO) == set(acts_module.PLOVER) == set(ACTS)
    assert (acts_module.CAMEO["threat"], acts_module.PLOVER["threat"]) == ("13", "THREATEN")
    assert (acts_module.CAMEO["denial"], acts_module.PLOVER["denial"]) == ("12", "REJECT")
    assert (acts_module.CAMEO["demand"], acts_module.PLOVER["demand"]) == ("10", "REQUEST")
    assert (acts_module.CAMEO["commitment"], acts_module.PLOVER["commitment"]) == ("03", "AGREE")


def test_unconditional_warning_is_a_pessimistic_comment(nlp):
    st = analyse(nlp, "The WHO warned that a new pandemic is coming.", "warned",
                 "a new pandemic is coming", "The WHO")
    assert st.act == "warning"
    assert (st.extra["cameo"], st.extra["plover"]) == ("01", None)


def test_factory_metadata(nlp):
    meta = nlp.get_pipe_meta("newsledger_acts")
    assert "doc._.statements" in meta.requires and "doc._.statements" in meta.assigns
    for name in OURS[:-1]:
        assert "doc._.statements" in nlp.get_pipe_meta(name).requires


def test_acts_warns_when_conditions_come_later():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsledger_acts")
    nlp.add_pipe("newsledger_conditions")
    with pytest.warns(UserWarning, match="newsledger_conditions runs after"):
        nlp("Nothing here.")


def test_acts_in_order_does_not_warn(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp("Nothing here.")


# --- venue -----------------------------------------------------------------------------------

VENUES = [
    ("Lee indicated in an article for the magazine on March 9 The American Conservative that the "
     "United States must withdraw.", "indicated", "the United States must withdraw", "The American Conservative"),
    ("Vance argued in an op-ed for The Wall Street Journal that aid should end.", "argued", "aid should end",
     "The Wall Street Journal"),
    ("Lavrov said in an interview with RIA Novosti that the talks had failed.", "said", "the talks had failed",
     "RIA Novosti"),
    ("Trump told Fox News that he would end the war.", "told", "he would end the war", "Fox News"),
    ("The minister told the newspaper Le Monde that France would not send troops.", "told",
     "France would not send troops", "Le Monde"),
    ("Trump said on Twitter that NATO was obsolete.", "said", "NATO was obsolete", "Twitter"),
    ("Musk wrote on X that the deal was off.", "wrote", "the deal was off", "X"),
    ("Zelensky said on Telegram that the front was holding.", "said", "the front was holding", "Telegram"),
    ("Medvedev said on his Telegram channel that Russia would respond.", "said", "Russia would respond", "Telegram"),
    ("Peskov said at a press conference that the Kremlin had no plans.", "said", "the Kremlin had no plans",
     "press conference"),
    ("Speaking at a briefing, Zakharova said that the West was lying.", "said", "the West was lying", "briefing"),
    ("The ministry said in a statement that the strike was legitimate.", "said", "the strike was legitimate",
     "statement"),
    ("The senator said that Russia must leave Ukraine in a statement.", "said", "Russia must leave Ukraine",
     "statement"),
    ("Scholz said in a speech at the Munich Security Conference that Europe must rearm.", "said",
     "Europe must rearm", "Munich Security Conference"),
    ("He said in a video address that the army would win.", "said", "the army would win", "video address"),
    ("Blinken said on the sidelines of the NATO summit that aid would continue.", "said", "aid would continue",
     "NATO summit"),
    # no venue
    ("Trump told reporters that he would end the war.", "told", "he would end the war", None),
    ("Trump told Macron that he would end the war.", "told", "he would end the war", None),
    ("Macron said on February 26 that Western leaders have discussed the possibility.", "said",
     "Western leaders have discussed the possibility", None),
    ("Orban said in Brussels that Hungary would veto the aid.", "said", "Hungary would veto the aid", None),
    ("Politico learned that France was creating a new coalition.", "learned",
     "France was creating a new coalition", None),
    ("Zelensky called on NATO to close the sky.", "called", "to close the sky", None),
    ("Lavrov commented on NATO that the alliance was aggressive.", "commented", "the alliance was aggressive",
     None),
    ("Peskov said at the Kremlin that the talks were over.", "said", "the talks were over", None),
]


@pytest.mark.parametrize("text,cue,content,venue", VENUES, ids=[v[0][:40] for v in VENUES])
def test_venue(nlp, text, cue, content, venue):
    st = analyse(nlp, text, cue, content)
    assert st.venue == venue
    if venue:
        s, e = st.extra["venue_span"]
        assert text[s:e] == venue


# --- the worked example ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example(nlp, shared_path):
    text = shared_path(*EXAMPLE).read_text(encoding="utf-8")
    body = text.index("The United States must")
    # As the pipeline does: blank the "date ..." header, keep every offset.
    doc = parse(nlp, " " * body + text[body:])
    quote = "We must draw a red line with NATO: either Ukraine or the United States. If the allies send " \
            "troops into Ukraine, we must completely withdraw from NATO"
    sts = {
        "lee1": statement(text, "indicated", "The United States must withdraw from NATO if the alliance "
                          "sends troops to Ukraine", "US Senator Mike Lee from Utah", kind="person"),
        "lee2": statement(text, "said", quote, "he", anchor="NATO,” he said", kind="person"),
        "politician": statement(text, "believes", "European NATO member countries do not have the right to "
                                "drag the United States into a potentially nuclear conflict over Ukraine",
                                "The politician"),
        "lee3": statement(text, "emphasized", "the North Atlantic Alliance should not even consider Ukraine’s "
                          "candidacy", "Lee", after="Among other things"),
        "macron1": statement(text, "said", "Western leaders have discussed the possibility of sending their "
                             "troops to Ukraine", "French President Emmanuel Macron", after="French President"),
        "macron2": statement(text, "According to", "nothing can be ruled out in the development of the situation.",
                             "him"),
        "capitals": statement(text, "was denied", "the possibility of such a scenario",
                              "a number of countries, including the USA, Germany and the UK", kind="group"),
        "stoltenberg": statement(text, "stated", "there are no such plans", "NATO Secretary General Jens Stoltenberg"),
        "macron3": statement(text, "ruled out", "sending troops to Ukraine in the near future", "Macron himself",
                             anchor="Macron himself ruled out"),
        "putin": statement(text, "warned of", "tragic consequences", "Russian President Vladimir Putin"),
        "politico": statement(text, "learned", "France was creating a new coalition of countries that would be "
                              "ready to send troops to Ukraine if necessary", "Politico", kind="media"),
        "material": statement(text, "notes", "Kyiv is not currently asking for Western troops, it only needs "
                              "ammunition, but everything can change", "the material", kind="media"),
    }
    run(nlp, doc, list(sts.values()))
    return text, sts


def test_example_lee_article_is_a_conditional_threat(example):
    text, sts = example
    st = sts["lee1"]
    assert st.act == "threat" and not st.negated
    assert st.condition.text == "the alliance sends troops to Ukraine"
    assert st.consequence.text == "The United States must withdraw from NATO"
    assert st.venue == "The American Conservative"
    assert (st.extra["cameo"], st.extra["plover"]) == ("13", "THREATEN")


def test_example_lee_quote_is_a_conditional_threat(example):
    text, sts = example
    st = sts["lee2"]
    assert st.act == "threat" and not st.negated
    assert st.condition.text == "the allies send troops into Ukraine"
    assert st.consequence.text == "we must completely withdraw from NATO"
    assert text[st.condition.span[0]:st.condition.span[1]] == st.condition.text
    # The red line's ultimatum is kept beside the if-condition.
    kinds = {c["kind"]: c for c in st.extra["conditions"]}
    assert kinds["either_or"]["condition"]["text"] == "either Ukraine"
    assert st.venue is None


def test_example_putin_warning_is_conditioned_on_troops(example):
    _, sts = example
    st = sts["putin"]
    assert st.act == "warning" and not st.negated
    assert st.condition.text == "NATO troops were sent to Ukraine"
    assert st.consequence.text == "tragic consequences"
    assert st.extra["cameo"] == "13"


def test_example_denials_are_negated(example):
    _, sts = example
    for key in ("stoltenberg", "capitals", "macron3"):
        assert sts[key].negated is True, key
        assert sts[key].act == "denial", key
        assert (sts[key].extra["cameo"], sts[key].extra["plover"]) == ("12", "REJECT")


def test_example_nothing_ruled_out_is_not_negated(example):
    _, sts = example
    assert sts["macron2"].negated is False
    assert sts["macron2"].act == "claim"


def test_example_politico_is_a_report_without_condition(example):
    _, sts = example
    st = sts["politico"]
    assert st.act == "report" and st.condition is None
    assert st.extra["embedded_conditions"][0]["condition"]["text"] == "necessary"
    assert sts["material"].act == "report"


def test_example_other_statements(example):
    _, sts = example
    assert (sts["politician"].act, sts["politician"].negated) == ("opinion", True)
    assert (sts["lee3"].act, sts["lee3"].negated) == ("demand", True)
    assert (sts["macron1"].act, sts["macron1"].venue) == ("claim", None)
    assert all(st.condition is None for k, st in sts.items() if k not in ("lee1", "lee2", "putin"))


# --- targets ---------------------------------------------------------------------------------

TARGETS = [
    # text, cue, content, speaker, targets (in order), addressees
    ("The United States must withdraw from NATO if the alliance sends troops to Ukraine, "
     "US Senator Mike Lee from Utah indicated.", "indicated",
     "The United States must withdraw from NATO if the alliance sends troops to Ukraine",
     "US Senator Mike Lee from Utah", ["United States", "NATO", "Ukraine"], None),
    # The condition lies outside the content, its actors count too.
    ("Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to Ukraine.",
     "warned of", "tragic consequences", "Russian President Vladimir Putin", ["NATO", "Ukraine"], None),
    ("The chancellor urged Germany to send more tanks to Ukraine.", "urged",
     "Germany to send more tanks to Ukraine", "The chancellor", ["Germany", "Ukraine"], ["Germany"]),
    ("Zelensky called on NATO to close the sky over Ukraine.", "called", "to close the sky over Ukraine",
     "Zelensky", ["NATO", "Ukraine"], ["NATO"]),
    # Variants merge; a nationality counts as its country; the speaker is not its own target.
    ("The Kremlin said the USA, the U.K. and the North Atlantic Alliance were helping Ukrainian forces.",
     "said", "the USA, the U.K. and the North Atlantic Alliance were helping Ukrainian forces", "The Kremlin",
     ["United States", "United Kingdom", "NATO", "Ukraine"], None),
    ("Macron said France would not send troops.", "said", "France would not send troops", "Macron",
     ["France"], None),
    ("Biden said that Biden would win.", "said", "Biden would win", "Biden", [], None),
    # A media outlet told is the venue; unnamed groups are not targets.
    ("Trump told Fox News that the allies must pay more.", "told", "the allies must pay more", "Trump", [], None),
]


@pytest.mark.parametrize("text,cue,content,speaker,names,addressees", TARGETS, ids=[t[0][:40] for t in TARGETS])
def test_targets(nlp, text, cue, content, speaker, names, addressees):
    st = analyse(nlp, text, cue, content, speaker)
    assert [t.name for t in st.targets] == names
    assert st.extra.get("addressees") == addressees
    for t in st.targets:
        assert t.span is not None and t.record() == {"name": t.name, "actor_id": None}


def test_pipeline_lists_targets():
    # Without it the Analyzer leaves every statement's targets empty.
    assert ("targets", "newsledger_targets") in pipeline_module.COMPONENTS


# --- the worked example through the whole pipeline, field by field (issue 3, point 8) -------


@pytest.fixture(scope="module")
def example_records(analyzer, shared_path):
    path = shared_path(*EXAMPLE)
    article = next(a for a in read_paths([str(path)]) if hasattr(a, "text"))
    doc = next(analyzer.analyze_docs([analyzer.make_doc(article.text, article.published, article.body_start)]))
    if "newsledger_targets" not in analyzer.nlp.pipe_names:
        targets_module.TargetsComponent()(doc)
    return article, [st.record(article) | {"extra": st.extra} for st in doc._.statements]


def record(example_records, name: str, cue: str) -> dict:
    _, records = example_records
    found = [r for r in records if r["speaker"]["name"] == name and r["cue"] == cue]
    assert len(found) == 1, f"{name!r} {cue!r}: {len(found)} statements"
    return found[0]


def test_pipeline_example_lee_red_lines(example_records):
    article, _ = example_records
    for cue, condition in (("indicated", "the alliance sends troops to Ukraine"),
                           ("said", "the allies send troops into Ukraine")):
        r = record(example_records, "Mike Lee", cue)
        assert r["act"] == "threat" and r["negated"] is False
        assert r["condition"]["text"] == condition
        s, e = r["condition"]["span"]
        assert article.text[s:e] == condition
        assert "withdraw from NATO" in r["consequence"]["text"]
        assert r["date"] == "2024-03-09"
        assert r["venue"] == "The American Conservative"
        assert (r["extra"]["cameo"], r["extra"]["plover"]) == ("13", "THREATEN")
        assert {"NATO", "Ukraine", "United States"} <= {t["name"] for t in r["targets"]}


def test_pipeline_example_putin_warning(example_records):
    r = record(example_records, "Vladimir Putin", "warned of")
    assert r["act"] == "warning" and r["negated"] is False
    assert r["condition"]["text"] == "NATO troops were sent to Ukraine"
    assert r["consequence"]["text"] == "tragic consequences"
    assert [t["name"] for t in r["targets"]] == ["NATO", "Ukraine"]
    assert (r["date"], r["date_basis"]) == (None, "publication")


def test_pipeline_example_denials(example_records):
    for name, cue in (("Jens Stoltenberg", "stated"), ("Emmanuel Macron", "ruled out")):
        r = record(example_records, name, cue)
        assert (r["act"], r["negated"]) == ("denial", True), name
        assert (r["extra"]["cameo"], r["extra"]["plover"]) == ("12", "REJECT")
    _, records = example_records
    capitals = [r for r in records if r["cue"] == "was denied"]
    assert len(capitals) == 1 and (capitals[0]["act"], capitals[0]["negated"]) == ("denial", True)


def test_pipeline_example_macron(example_records):
    r = record(example_records, "Emmanuel Macron", "said")
    assert (r["date"], r["date_basis"], r["act"], r["negated"]) == ("2024-02-26", "explicit", "claim", False)
    r = record(example_records, "Emmanuel Macron", "According to")
    assert (r["date"], r["negated"]) == ("2024-02-26", False)  # "nothing can be ruled out"
    r = record(example_records, "Emmanuel Macron", "ruled out")
    assert (r["date"], r["date_basis"]) == (None, "publication")  # "Later": not February 26


def test_pipeline_example_politico(example_records):
    r = record(example_records, "Politico", "learned")
    assert (r["act"], r["date"], r["date_basis"], r["condition"]) == ("report", "2024-03-08", "explicit", None)
    assert {"France", "Ukraine"} <= {t["name"] for t in r["targets"]}
    r = record(example_records, "Politico", "notes")
    assert (r["act"], r["date"]) == ("report", "2024-03-08")


def test_pipeline_example_records_are_contract_shaped(example_records):
    _, records = example_records
    for r in records:
        assert r["act"] in ACTS
        assert r["date_basis"] in ("explicit", "relative", "inherited", "publication")
        assert r["date"] is None or dt.date.fromisoformat(r["date"])
        assert isinstance(r["targets"], list)
        assert r["extra"]["cameo"] == acts_module.CAMEO[r["act"]] or r["act"] == "warning"
