"""Statement dates (``newsledger_dates``): the expression that governs the cue, else the
same speaker's earlier date, else none with basis "publication".

Most tests build the statements by hand (offsets from ``str.index``) on a Doc parsed by
the shared pipeline with its timex component, then run ``newsledger_dates`` alone, so
they test the dating rules whatever the attribution finds. The worked example runs the
whole pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import DATE_BASES, Mention, Statement
from newsledger.nlp import dates as dates_module
from newsledger.nlp.timex import Timex
from newsledger.sources import read_paths

PUBLISHED = dt.date(2024, 3, 10)  # a Sunday
EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp


def parsed(analyzer, text: str, published: dt.date | None = PUBLISHED):
    """The Doc after spaCy and ``newsledger_timex`` only."""
    doc = analyzer.make_doc(text, published)
    for name, proc in analyzer.nlp.pipeline:
        if not name.startswith("newsledger_") or name == "newsledger_timex":
            doc = proc(doc)
    return doc


def find(text: str, phrase: str, after: str | None = None) -> tuple[int, int]:
    i = text.index(phrase, text.index(after) if after else 0)
    return i, i + len(phrase)


def stmt(text: str, cue: str, content: str, speaker: str | None = None, name: str | None = None,
         after: str | None = None) -> Statement:
    mention = None
    if speaker:
        mention = Mention(text=speaker, span=find(text, speaker, after), name=name or speaker)
    return Statement(cue=cue, cue_span=find(text, cue, after), content=content,
                     content_spans=[find(text, content, after)], speaker=mention)


def dated(analyzer, text: str, statements: list[Statement],
          published: dt.date | None = PUBLISHED) -> list[Statement]:
    doc = parsed(analyzer, text, published)
    doc._.statements = statements
    analyzer.nlp.get_pipe("newsledger_dates")(doc)
    return statements


# --- the expression that governs the cue ------------------------------------------------------

GOVERNED = [
    # text, cue, content, speaker, date, basis, words
    ("French President Emmanuel Macron said on February 26 that Western leaders had met.", "said",
     "Western leaders had met", "French President Emmanuel Macron", "2024-02-26", "explicit", "February 26"),
    ("On March 9, Senator Ana Ruiz said the budget was balanced.", "said", "the budget was balanced",
     "Senator Ana Ruiz", "2024-03-09", "explicit", "March 9"),
    ("At the same time, on March 8, Politico learned that France was creating a coalition.", "learned",
     "France was creating a coalition", "Politico", "2024-03-08", "explicit", "March 8"),
    ("The United States must leave NATO, Senator Mike Lee indicated in an article for the magazine "
     "on March 9 The American Conservative.", "indicated", "The United States must leave NATO",
     "Senator Mike Lee", "2024-03-09", "explicit", "March 9"),
    ("Governor Tom Hale wrote on Saturday that the road tax would rise.", "wrote",
     "the road tax would rise", "Governor Tom Hale", "2024-03-09", "relative", "Saturday"),
    ("The minister said on Monday that the bridge would reopen.", "said", "the bridge would reopen",
     "The minister", "2024-03-04", "relative", "Monday"),
    ("“We will not raise taxes,” Mayor Lina Park told reporters yesterday.", "told",
     "We will not raise taxes", "Mayor Lina Park", "2024-03-09", "relative", "yesterday"),
    ("Speaking on Thursday, Chancellor Erik Vold said the talks had failed.", "said",
     "the talks had failed", "Chancellor Erik Vold", "2024-03-07", "relative", "Thursday"),
    ("Two days ago, the defence minister Paul Brant warned that the border was unsafe.", "warned",
     "the border was unsafe", "the defence minister Paul Brant", "2024-03-08", "relative", "Two days ago"),
    ("In a statement released on March 4, the ministry said the plant was safe.", "said",
     "the plant was safe", "the ministry", "2024-03-04", "explicit", "March 4"),
    ("The agency reported on 2024-03-07 that prices had risen.", "reported", "prices had risen",
     "The agency", "2024-03-07", "explicit", "2024-03-07"),
    ("Mayor Lina Park said on February 24, 2022 that the city was ready.", "said", "the city was ready",
     "Mayor Lina Park", "2022-02-24", "explicit", "February 24, 2022"),
    # The day of the statement it was made in, however the parser attaches it (here to "sale")
    ("Taiwan's defense ministry thanked Washington for the sale in a statement on Saturday. Defense Minister "
     "Wellington Koo later told lawmakers he expected the first deliveries by 2027, but cautioned that delays "
     "were possible.", "thanked", "Washington for the sale", "Taiwan's defense ministry", "2024-03-09",
     "relative", "Saturday"),
    ("The mayor defended the budget at a briefing on Thursday.", "defended", "the budget", "The mayor",
     "2024-03-07", "relative", "Thursday"),
    # a participle cue shares the day of its verb
    ("Sweden's prime minister, Ulf Kristersson, struck a similar tone on Monday, telling reporters in Stockholm "
     "that the Nordic countries were united.", "telling", "that the Nordic countries were united",
     "Sweden's prime minister, Ulf Kristersson", "2024-03-04", "relative", "Monday"),
    # without "that" the parser hangs the day on the reported clause; it is the saying's, in the past
    ("President Donald Trump said on Tuesday he would impose tariffs on the bloc unless it dropped its taxes.",
     "said", "he would impose tariffs on the bloc unless it dropped its taxes", "President Donald Trump",
     "2024-03-05", "relative", "Tuesday"),
    # A bare month-day is the most recent past one: December, in an article of January.
    ("The minister said on December 30 that the plant was safe.", "said", "the plant was safe",
     "The minister", "2023-12-30", "explicit", "December 30"),
]


@pytest.mark.parametrize("text,cue,content,speaker,day,basis,words", GOVERNED,
                         ids=[g[-1] for g in GOVERNED])
def test_governing_expression(analyzer, text, cue, content, speaker, day, basis, words):
    published = dt.date(2024, 1, 2) if "December 30" in text else PUBLISHED
    st = dated(analyzer, text, [stmt(text, cue, content, speaker)], published)[0]
    assert st.date == dt.date.fromisoformat(day), st.extra
    assert st.date_basis == basis
    assert st.extra["date_text"] == words
    s, e = st.extra["date_span"]
    assert text[s:e] == words


NOT_GOVERNING = [
    # The time belongs to the content, not to the saying.
    ("Mayor Lina Park said that on March 12 the council would vote on the plan.", "said",
     "on March 12 the council would vote on the plan", "Mayor Lina Park"),
    ("The minister said the bridge had been closed since March 1.", "said",
     "the bridge had been closed since March 1", "The minister"),
    ("The minister cited a report on Monday's attack and said the town was calm.", "said", "the town was calm",
     "The minister"),
    # The time belongs to another clause of the sentence.
    ("The army left on March 2, and the minister said the town was calm.", "said", "the town was calm",
     "the minister"),
]


@pytest.mark.parametrize("text,cue,content,speaker", NOT_GOVERNING, ids=[n[0][:40] for n in NOT_GOVERNING])
def test_time_of_something_else_does_not_date_the_statement(analyzer, text, cue, content, speaker):
    st = dated(analyzer, text, [stmt(text, cue, content, speaker)])[0]
    assert (st.date, st.date_basis) == (None, "publication")
    assert "date_text" not in st.extra


def test_coarse_expression_gives_no_day_but_is_kept(analyzer):
    text = "Last week, Mayor Lina Park said the plan was dead."
    st = dated(analyzer, text, [stmt(text, "said", "the plan was dead", "Mayor Lina Park")])[0]
    assert (st.date, st.date_basis) == (None, "publication")
    assert st.extra["date_text"] == "Last week"
    assert st.extra["date_value"] == "2024-W09"


def test_without_publication_date_relative_days_stay_unknown(analyzer):
    text = "The minister said on Monday that the bridge would reopen. " \
           "The mayor said on February 24, 2022 that the city was ready."
    sts = dated(analyzer, text, [stmt(text, "said", "the bridge would reopen", "The minister"),
                                 stmt(text, "said", "the city was ready", "The mayor", after="The mayor")],
                published=None)
    assert (sts[0].date, sts[0].date_basis) == (None, "publication")
    assert sts[0].extra["date_value"] == "XXXX-WXX-1"
    assert (sts[1].date, sts[1].date_basis) == (dt.date(2022, 2, 24), "explicit")


# --- inheritance ------------------------------------------------------------------------------

def test_same_speaker_inherits_and_later_breaks_the_chain(analyzer):
    text = ("President Ada Moss said on March 8 that the deal was close. "
            "She added that talks would continue. "
            "Later, Moss said the deal was off. "
            "She said the markets would recover.")
    sts = dated(analyzer, text, [
        stmt(text, "said", "the deal was close", "President Ada Moss", name="Ada Moss"),
        stmt(text, "added", "talks would continue", "She", name="Ada Moss"),
        stmt(text, "said", "the deal was off", "Moss", name="Ada Moss", after="Later"),
        stmt(text, "said", "the markets would recover", "She", name="Ada Moss", after="She said"),
    ])
    assert [(s.date, s.date_basis) for s in sts] == [
        (dt.date(2024, 3, 8), "explicit"),
        (dt.date(2024, 3, 8), "inherited"),
        (None, "publication"),  # "Later": another occasion, of unknown day
        (None, "publication"),  # continues the "Later" statement, not the March 8 one
    ]
    assert sts[1].extra["date_from"] == list(sts[0].cue_span)
    assert sts[2].extra["date_value"] == "PAST_REF"


def test_other_speakers_and_unresolved_pronouns_do_not_inherit(analyzer):
    text = ("Senator Ana Ruiz said on March 5 that the budget was balanced. "
            "Governor Tom Hale said the budget was not balanced. "
            "He said the deficit was growing.")
    sts = dated(analyzer, text, [
        stmt(text, "said", "the budget was balanced", "Senator Ana Ruiz", name="Ana Ruiz"),
        stmt(text, "said", "the budget was not balanced", "Governor Tom Hale", name="Tom Hale",
             after="Governor"),
        stmt(text, "said", "the deficit was growing", "He", after="He said"),  # unresolved "He"
    ])
    assert [(s.date, s.date_basis) for s in sts] == [
        (dt.date(2024, 3, 5), "explicit"), (None, "publication"), (None, "publication")]


def test_continued_statement_takes_the_venue(analyzer):
    text = ("Senator Ana Ruiz said in an interview on March 5 that the budget was balanced. "
            "She said the deficit would shrink.")
    first = stmt(text, "said", "the budget was balanced", "Senator Ana Ruiz", name="Ana Ruiz")
    second = stmt(text, "said", "the deficit would shrink", "She", name="Ana Ruiz", after="She said")
    first.venue = "interview"
    dated(analyzer, text, [first, second])
    assert (second.date, second.date_basis, second.venue) == (dt.date(2024, 3, 5), "inherited", "interview")
    assert second.extra["venue_from"] == list(first.cue_span)


def test_never_the_publication_date_silently(analyzer):
    text = "The minister said the weather was fine."
    st = dated(analyzer, text, [stmt(text, "said", "the weather was fine", "The minister")])[0]
    assert st.date is None and st.date_basis == "publication"


# --- small parts ------------------------------------------------------------------------------

@pytest.mark.parametrize("words,basis", [
    ("February 26", "explicit"), ("March 9, 2024", "explicit"), ("2024-03-09", "explicit"),
    ("the 9th of March", "explicit"), ("Monday, March 4", "explicit"), ("yesterday", "relative"),
    ("Monday", "relative"), ("two days ago", "relative"), ("the previous day", "relative"),
    ("March 9 last year", "relative"), ("today", "relative"),
])
def test_date_basis_of(words, basis):
    tx = Timex(words, (0, len(words)), "DATE", "2024-03-09", True)
    assert dates_module.date_basis_of(tx) == basis
    assert basis in DATE_BASES


def test_speaker_key():
    def key(text, name=None):
        return dates_module.speaker_key(Statement("said", (0, 1), "x", [(2, 3)],
                                                  speaker=Mention(text=text, span=(0, 1), name=name)))
    assert key("he", "Mike Lee") == "mike lee"
    assert key("The ministry") == "ministry"
    assert key("he") is None and key("They") is None
    assert dates_module.speaker_key(Statement("said", (0, 1), "x", [(2, 3)])) is None


def test_factory_is_registered(nlp):
    assert "newsledger_dates" in nlp.pipe_names
    meta = nlp.get_pipe_meta("newsledger_dates")
    assert "doc._.timexes" in meta.requires and "doc._.statements" in meta.assigns


# --- the worked example -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def example(analyzer, shared_path):
    path = shared_path(*EXAMPLE)
    article = next(a for a in read_paths([str(path)]) if hasattr(a, "text"))
    assert article.published == dt.date(2024, 3, 10)
    return article, analyzer.analyze(article)


def by_cue(example, cue: str, speaker: str) -> Statement:
    _, statements = example
    found = [s for s in statements if s.cue == cue and s.speaker and s.speaker.name == speaker]
    assert found, f"no statement {speaker!r} {cue!r}"
    return found[0]


@pytest.mark.parametrize("speaker,cue,day,basis", [
    ("Mike Lee", "indicated", "2024-03-09", "explicit"),   # "... in an article ... on March 9"
    ("Mike Lee", "said", "2024-03-09", "inherited"),       # "..., he said"
    ("Mike Lee", "believes", "2024-03-09", "inherited"),   # "The politician believes"
    ("Mike Lee", "emphasized", "2024-03-09", "inherited"),
    ("Emmanuel Macron", "said", "2024-02-26", "explicit"),  # "said on February 26"
    ("Emmanuel Macron", "According to", "2024-02-26", "inherited"),
    ("Emmanuel Macron", "ruled out", None, "publication"),  # "Later, ...": not February 26
    ("Jens Stoltenberg", "stated", None, "publication"),
    ("Vladimir Putin", "warned of", None, "publication"),
    ("Politico", "learned", "2024-03-08", "explicit"),      # "on March 8, Politico learned"
    ("Politico", "notes", "2024-03-08", "inherited"),       # "the material notes"
])
def test_example_statement_dates(example, speaker, cue, day, basis):
    st = by_cue(example, cue, speaker)
    assert st.date == (dt.date.fromisoformat(day) if day else None)
    assert st.date_basis == basis


def test_example_no_statement_has_the_publication_date(example):
    article, statements = example
    assert statements
    assert all(st.date != article.published for st in statements)
    assert all(st.date_basis in DATE_BASES for st in statements)
    records = [st.record(article) for st in statements]
    assert {r["date"] for r in records} == {"2024-03-09", "2024-02-26", "2024-03-08", None}
