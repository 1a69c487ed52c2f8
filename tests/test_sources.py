"""Tests of the sources stage: ``newsledger.sources.read_paths`` and its readers."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.model import Article, Problem
from newsledger.sources import read_paths
from newsledger.sources import reading
from newsledger.sources.reading import LongLine, bounded_lines

WORKED_EXAMPLE = (Path(__file__).resolve().parents[2] / "shared" / "data" / "examples"
                  / "2024-03-10-nato-red-line.txt")

MAYOR = "The mayor said on Tuesday that the bridge would reopen in May."
MINISTER = "The finance minister warned that taxes would rise if the deficit grew."
SPOKESWOMAN = "A spokeswoman for the union denied that a strike had been called."


def read_all(paths, **options):
    """Articles and Problems of one batch, each in the order yielded."""
    items = list(read_paths([str(p) for p in paths], **options))
    assert all(isinstance(item, (Article, Problem)) for item in items)
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    return articles, problems


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- plain text and its header ---------------------------------------------------


def test_header_gives_date_and_body_start(tmp_path):
    text = f" date 2024-03-10 {MAYOR}\n\n{MINISTER}\n"
    [article], problems = read_all([write(tmp_path / "bridge.txt", text)])
    assert problems == []
    assert article.text == text
    assert article.published == date(2024, 3, 10)
    assert article.body_start == len(" date 2024-03-10 ")
    assert article.text[article.body_start:].startswith("The mayor said")
    assert article.title is None and article.outlet is None


def test_header_on_its_own_line_and_crlf_kept_exactly(tmp_path):
    text = f"date 2024-05-01\r\n\r\n{MAYOR}\r\n{MINISTER}\r\n"
    [article], _ = read_all([write(tmp_path / "crlf.txt", text)])
    assert article.text == text
    assert "\r\n" in article.text
    assert article.published == date(2024, 5, 1)
    assert article.body == f"{MAYOR}\r\n{MINISTER}\r\n"


def test_text_without_header_starts_at_zero_and_keeps_spaces(tmp_path):
    text = f"  \n{MAYOR}  \n\n"
    [article], problems = read_all([write(tmp_path / "plain.txt", text)])
    assert problems == []
    assert article.text == text and article.body_start == 0 and article.published is None


def test_date_word_inside_text_is_not_a_header(tmp_path):
    text = f"The date 2024-03-10 was chosen. {MAYOR}"
    [article], _ = read_all([write(tmp_path / "inside.txt", text)])
    assert article.body_start == 0 and article.published is None


def test_header_with_impossible_date_is_reported_but_not_analysed(tmp_path):
    path = write(tmp_path / "bad-header.txt", f"date 2024-02-30 {MAYOR}")
    [article], [problem] = read_all([path])
    assert problem.where == str(path) and "2024-02-30" in problem.message
    assert article.published is None
    assert article.body == MAYOR


def test_header_without_body_is_refused(tmp_path):
    path = write(tmp_path / "only-header.txt", "date 2024-03-10\n")
    articles, [problem] = read_all([path])
    assert articles == [] and problem.where == str(path)


def test_utf8_bom_is_not_text(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + f"date 2024-03-10 {MAYOR}".encode())
    [article], problems = read_all([path])
    assert problems == []
    assert article.text == f"date 2024-03-10 {MAYOR}"
    assert article.body == MAYOR


def test_worked_example_reads_with_its_date():
    if not WORKED_EXAMPLE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the worked example is missing: {WORKED_EXAMPLE}")
        pytest.skip(f"../shared is absent here: {WORKED_EXAMPLE} not found")
    [article], problems = read_all([WORKED_EXAMPLE])
    assert problems == []
    assert article.published == date(2024, 3, 10)
    assert article.text == WORKED_EXAMPLE.read_bytes().decode("utf-8")
    assert article.text[article.body_start:].startswith("The United States must")
    assert article.path == str(WORKED_EXAMPLE)


# --- dates and outlets from file names, default date ------------------------------


def test_polnear_name_gives_date_and_outlet(tmp_path):
    [article], _ = read_all([write(tmp_path / "nyt_2016-10-02_debate-night.txt", MAYOR)])
    assert article.published == date(2016, 10, 2)
    assert article.outlet == "nyt"
    assert article.title is None


def test_name_date_without_outlet(tmp_path):
    [article], _ = read_all([write(tmp_path / "2024-03-10-bridge.txt", MAYOR)])
    assert article.published == date(2024, 3, 10) and article.outlet is None


def test_header_date_beats_name_date(tmp_path):
    path = write(tmp_path / "wapo_2016-10-02_x.txt", f"date 2016-10-05 {MAYOR}")
    [article], _ = read_all([path])
    assert article.published == date(2016, 10, 5) and article.outlet == "wapo"


def test_default_date_is_the_fallback(tmp_path):
    undated = write(tmp_path / "undated.txt", MAYOR)
    named = write(tmp_path / "ap_2016-11-01_vote.txt", MINISTER)
    articles, _ = read_all([undated, named], default_date=date(2020, 1, 2))
    assert [a.published for a in articles] == [date(2020, 1, 2), date(2016, 11, 1)]
    [article], _ = read_all([undated])
    assert article.published is None


# --- JSON Lines, JSON, CSV, TSV ---------------------------------------------------


def test_jsonl_fields_in_any_case(tmp_path):
    lines = [
        {"TEXT": MAYOR, "Published": "2024-03-10T18:30:00Z", "Title": " Bridge ",
         "URL": "https://example.org/bridge", "Source": {"id": "x", "name": "City Times"}},
        {"Body": MINISTER, "date": "March 11, 2024", "outlet": "Daily Ledger"},
    ]
    path = write(tmp_path / "feed.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    articles, problems = read_all([path])
    assert problems == []
    first, second = articles
    assert (first.text, first.published, first.title, first.url, first.outlet) == (
        MAYOR, date(2024, 3, 10), "Bridge", "https://example.org/bridge", "City Times")
    assert (second.text, second.published, second.outlet) == (MINISTER, date(2024, 3, 11), "Daily Ledger")
    assert [a.extra for a in articles] == [{"record": 1}, {"record": 2}]
    assert all(a.path == str(path) and a.body_start == 0 for a in articles)


def test_field_map_names_the_text_column(tmp_path):
    path = write(tmp_path / "feed.ndjson", json.dumps({"Story": MAYOR, "text": "not this", "When": "2024-01-05"}))
    [article], problems = read_all([path], field_map={"text": "STORY", "date": "when"})
    assert problems == []
    assert article.text == MAYOR and article.published == date(2024, 1, 5)


def test_unknown_field_map_name_is_reported_once(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": MAYOR}))
    [article], [problem] = read_all([path], field_map={"txt": "BODY"})
    assert "txt" in problem.message and article.text == MAYOR


def test_json_document_array_and_object(tmp_path):
    array = write(tmp_path / "a.json", json.dumps([{"text": MAYOR}, {"content": MINISTER}]))
    single = write(tmp_path / "b.json", json.dumps({"text": SPOKESWOMAN, "date": "2024-02-02"}))
    articles, problems = read_all([array, single])
    assert problems == []
    assert [a.text for a in articles] == [MAYOR, MINISTER, SPOKESWOMAN]
    assert [a.extra["record"] for a in articles] == [1, 2, 1]
    assert articles[2].published == date(2024, 2, 2)


def test_csv_fields_in_any_case_with_multiline_field(tmp_path):
    content = ('ID,Headline,BODY,Published,Link\r\n'
               f'1,Bridge,"{MAYOR}\r\nSecond paragraph.",2024-03-10,https://example.org/1\r\n'
               f'2,Taxes,{MINISTER},,\r\n')
    path = write(tmp_path / "news.csv", content)
    articles, problems = read_all([path])
    assert problems == []
    assert articles[0].text == f"{MAYOR}\r\nSecond paragraph."
    assert (articles[0].title, articles[0].published, articles[0].url) == (
        "Bridge", date(2024, 3, 10), "https://example.org/1")
    assert articles[1].text == MINISTER and articles[1].published is None
    assert [a.extra["record"] for a in articles] == [2, 4]  # the line each row starts on


def test_csv_with_semicolons_and_field_map(tmp_path):
    path = write(tmp_path / "export.csv", f"Nr;Artikel;Datum\n1;{MAYOR};10 March 2024\n")
    [article], problems = read_all([path], field_map={"text": "artikel", "date": "DATUM"})
    assert problems == []
    assert article.text == MAYOR and article.published == date(2024, 3, 10)


def test_tsv(tmp_path):
    path = write(tmp_path / "news.tsv", f"title\ttext\nBridge\t{MAYOR}\n\nTaxes\t{MINISTER}\n")
    articles, problems = read_all([path])
    assert problems == []
    assert [(a.title, a.text) for a in articles] == [("Bridge", MAYOR), ("Taxes", MINISTER)]


# --- folders and standard input ---------------------------------------------------


def test_folder_recursion_in_sorted_order_skipping_hidden_and_other_files(tmp_path):
    write(tmp_path / "z.txt", SPOKESWOMAN)
    write(tmp_path / "b" / "d.jsonl", json.dumps({"text": MINISTER}) + "\n")
    write(tmp_path / "b" / "c.txt", MAYOR)
    write(tmp_path / "a.txt", "An early report said the talks had stalled.")
    write(tmp_path / ".git" / "notes.txt", "hidden folder")
    write(tmp_path / ".draft.txt", "hidden file")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "README", "A file without an extension is read as text.")
    articles, problems = read_all([tmp_path])
    assert problems == []
    names = [os.path.relpath(a.path, tmp_path) for a in articles]
    assert names == ["README", "a.txt", os.path.join("b", "c.txt"), os.path.join("b", "d.jsonl"), "z.txt"]


def test_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "one.txt", MAYOR)
    articles, _ = read_all([path, tmp_path, path])
    assert len(articles) == 1


def test_explicit_unknown_extension_and_missing_path(tmp_path):
    good = write(tmp_path / "good.txt", MAYOR)
    image = write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n")
    articles, problems = read_all([image, tmp_path / "missing.txt", good])
    assert [p.where for p in problems] == [str(image), str(tmp_path / "missing.txt")]
    assert [a.text for a in articles] == [MAYOR]


def test_stdin_plain_text_with_header():
    data = f"date 2024-03-10\r\n{MAYOR}\r\n".encode()
    [article], problems = read_all(["-"], stdin=io.BytesIO(data))
    assert problems == []
    assert article.path == "-" and article.published == date(2024, 3, 10)
    assert article.text == data.decode() and article.body == f"{MAYOR}\r\n"


def test_stdin_jsonl_is_sniffed():
    data = "\n" + json.dumps({"text": MAYOR}) + "\nnot json\n" + json.dumps({"text": MINISTER}) + "\n"
    articles, [problem] = read_all(["-"], stdin=io.BytesIO(data.encode()))
    assert [a.text for a in articles] == [MAYOR, MINISTER]
    assert all(a.path == "-" for a in articles)
    assert problem.where == "-:3"


def test_stdin_text_stream_and_default_date():
    [article], _ = read_all(["-"], stdin=io.StringIO(MINISTER), default_date=date(2024, 1, 1))
    assert article.text == MINISTER and article.published == date(2024, 1, 1)


def test_stdin_empty_and_too_big():
    _, [empty] = read_all(["-"], stdin=io.BytesIO(b"  \n"))
    assert empty == Problem("-", "empty input")
    _, [big] = read_all(["-"], stdin=io.BytesIO(b"word " * 100), max_bytes=100)
    assert big.where == "-" and "over 100 bytes" in big.message


# --- bad input: exactly one Problem, and the batch goes on -------------------------


def read_between_good_files(tmp_path, bad: Path, **options):
    """Read ``bad`` between two good files; return its Problems and the articles."""
    before = write(tmp_path / "good" / "before.txt", MAYOR)
    after = write(tmp_path / "good" / "after.txt", MINISTER)
    articles, problems = read_all([before, bad, after], **options)
    assert articles[0].text == MAYOR and articles[-1].text == MINISTER
    return problems, articles[1:-1]


def test_empty_and_blank_files(tmp_path):
    for name, content in [("empty.txt", b""), ("blank.txt", b" \r\n\t\n"), ("blank.jsonl", b"\n\n")]:
        bad = write(tmp_path / name, content)
        problems, articles = read_between_good_files(tmp_path, bad)
        assert problems == [Problem(str(bad), "empty file")] and articles == []


def test_binary_file_is_refused(tmp_path):
    bad = write(tmp_path / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    problems, articles = read_between_good_files(tmp_path, bad)
    assert problems == [Problem(str(bad), "binary file, not text (refused)")] and articles == []


def test_binary_jsonl_and_csv_are_refused_once(tmp_path):
    for name in ("dump.jsonl", "dump.csv"):
        bad = write(tmp_path / name, b"\x00\x01\x02\x03\n" * 50)
        problems, articles = read_between_good_files(tmp_path, bad)
        assert problems == [Problem(str(bad), "binary file, not text (refused)")] and articles == []


def test_damaged_utf8_is_read_with_replacement_and_noted(tmp_path):
    text = "The café owner said the council’s plan was “a disgrace”."
    bad = write(tmp_path / "damaged.txt", text.encode() + b" \xff\xfe " + MAYOR.encode())
    [problem], [article] = read_between_good_files(tmp_path, bad)
    assert problem.where == str(bad) and "U+FFFD" in problem.message
    assert article.text.startswith(text) and "\ufffd" in article.text and article.text.endswith(MAYOR)


def test_cp1252_file_reads_right_and_is_noted(tmp_path):
    text = ("Voilà, the café owner said: the council’s plan – announced on Monday – "
            "was “a disgrace”, and she would fight it.\r\n")
    bad = write(tmp_path / "legacy.txt", text.encode("cp1252"))
    [problem], [article] = read_between_good_files(tmp_path, bad)
    assert article.text == text
    assert problem.where == str(bad) and "cp1252" in problem.message


def test_cp1252_csv_reads_right(tmp_path):
    content = f"text,title\n“{MAYOR}”,Café\n{MINISTER} – à la carte,Taxes\n".encode("cp1252")
    path = write(tmp_path / "legacy.csv", content)
    articles, problems = read_all([path])
    assert [a.text for a in articles] == [f"“{MAYOR}”", f"{MINISTER} – à la carte"]
    assert articles[0].title == "Café"
    assert len(problems) == 1 and "cp1252" in problems[0].message


def test_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    big = write(tmp_path / "huge.txt", ("word " * 1_000_000).encode())  # 5 MB, one line

    def no_open(file, *args, **kwargs):
        assert Path(file) != big, "a file over the limit was opened"
        return open(file, *args, **kwargs)

    monkeypatch.setattr(reading, "open", no_open, raising=False)
    problems, articles = read_between_good_files(tmp_path, big)
    assert articles == []
    assert problems == [Problem(str(big), "file is 5000000 bytes, over the 2000000-byte limit (refused)")]
    monkeypatch.undo()
    [article], problems = read_all([big], max_bytes=6_000_000, max_chars=6_000_000)
    assert problems == [] and len(article.text) == 5_000_000


def test_jsonl_line_over_the_limit_is_refused_alone(tmp_path):
    huge = json.dumps({"text": "word " * 1_000_000})
    path = write(tmp_path / "big.jsonl", "\n".join([json.dumps({"text": MAYOR}), huge,
                                                    json.dumps({"text": MINISTER})]) + "\n")
    articles, [problem] = read_all([path])
    assert [a.text for a in articles] == [MAYOR, MINISTER]
    assert problem.where == f"{path}:2" and "limit" in problem.message
    articles, problems = read_all([path], max_bytes=6_000_000, max_chars=6_000_000)
    assert problems == [] and len(articles) == 3


def test_jsonl_bad_lines_are_reported_alone(tmp_path):
    lines = [json.dumps({"text": MAYOR}), "{not json", "[1, 2]", json.dumps({"title": "No text"}),
             json.dumps({"text": MINISTER})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, problems = read_all([path])
    assert [a.text for a in articles] == [MAYOR, MINISTER]
    assert [a.extra["record"] for a in articles] == [1, 5]
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert problems[0].message.startswith("line is not valid JSON: Expecting")
    assert "not an object" in problems[1].message
    assert "no text field" in problems[2].message and "title" in problems[2].message


def test_csv_without_text_column_is_one_problem(tmp_path):
    bad = write(tmp_path / "nocol.csv", f"id,headline,summary\n1,Bridge,{MAYOR}\n")
    problems, articles = read_between_good_files(tmp_path, bad)
    assert articles == []
    [problem] = problems
    assert problem.where == str(bad)
    assert "no text column" in problem.message and "id, headline, summary" in problem.message


@pytest.mark.parametrize("value", ["soon", "03/04/2024", "2024-02-30"])
def test_record_date_that_is_not_a_date_keeps_the_article(tmp_path, value):
    bad = write(tmp_path / "dates.jsonl", json.dumps({"text": SPOKESWOMAN, "date": value}) + "\n")
    [problem], [article] = read_between_good_files(tmp_path, bad)
    assert problem.where == f"{bad}:1"
    assert problem.message.startswith(f"date '{value}' is not a date")
    assert problem.message.endswith("stored without a date")
    assert article.text == SPOKESWOMAN and article.published is None


def test_csv_date_that_is_not_a_date_falls_back_to_the_default(tmp_path):
    path = write(tmp_path / "dates.csv", f"text,date\n{SPOKESWOMAN},next week\n")
    [article], [problem] = read_all([path], default_date=date(2024, 6, 1))
    assert problem.where == f"{path}:2" and "2024-06-01" in problem.message
    assert article.published == date(2024, 6, 1)


def test_csv_bad_line_is_reported_alone_and_rows_keep_their_line_numbers(tmp_path):
    path = write(tmp_path / "rows.csv", f"text\nscan\x00ned\n{MAYOR}\n\n\"{MINISTER}\nmore\"\n".encode())
    articles, [problem] = read_all([path])
    assert problem.where == f"{path}:2" and "binary" in problem.message
    assert [(a.text, a.extra["record"]) for a in articles] == [(MAYOR, 3), (f"{MINISTER}\nmore", 5)]


def test_json_items_that_are_not_objects(tmp_path):
    path = write(tmp_path / "items.json", json.dumps([1, {"text": MAYOR}, None]))
    [article], problems = read_all([path])
    assert article.text == MAYOR and article.extra == {"record": 2}
    assert [p.where for p in problems] == [f"{path}:1", f"{path}:3"]


def test_utf16_with_bom_reads_as_text(tmp_path):
    text = f"date 2024-03-10\r\n{MAYOR}"
    path = write(tmp_path / "notepad.txt", text.encode("utf-16"))
    [article], problems = read_all([path])
    assert problems == [] and article.text == text and article.body == MAYOR


# --- properties -------------------------------------------------------------------

EXTENSIONS = [".txt", "", ".jsonl", ".json", ".csv", ".tsv"]
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.binary(max_size=2000), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_raise(tmp_path, data, extension):
    path = write(tmp_path / f"random{extension}", data)
    items = list(read_paths([str(path)], max_bytes=1500))
    assert all(isinstance(item, (Article, Problem)) for item in items)
    assert items, "every file gives an article or a problem"


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_random_bytes_on_stdin_never_raise(data):
    items = list(read_paths(["-"], stdin=io.BytesIO(data), max_bytes=1500))
    assert items and all(isinstance(item, (Article, Problem)) for item in items)


TEXT_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
BODY = st.text(TEXT_CHARS | st.sampled_from("\r\n\t"), min_size=1).filter(lambda s: s.strip())
SPACE = st.text(st.sampled_from(" \t\r\n"), max_size=4)


@SETTINGS
@given(lead=SPACE, gap=SPACE.filter(bool), body=BODY,
       day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_text_with_header_is_kept_exactly(tmp_path, lead, gap, body, day):
    text = f"{lead}date {day.isoformat()}{gap}{body}"
    path = write(tmp_path / "article.txt", text)
    [article] = [item for item in read_paths([str(path)]) if isinstance(item, Article)]
    assert article.text == text
    assert article.published == day
    assert article.body == text[len(f"{lead}date {day.isoformat()}"):].lstrip()


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=20),
       cut=st.lists(st.integers(min_value=1, max_value=40), max_size=10),
       limit=st.integers(min_value=1, max_value=40))
def test_bounded_lines_splits_like_splitlines(lines, cut, limit):
    data = b"".join(line + b"\n" for line in lines)
    chunks, start = [], 0
    for size in cut + [len(data)]:
        chunks.append(data[start:start + size])
        start += size
    got = list(bounded_lines(chunks, limit))
    expected = [line + b"\n" if len(line) + 1 <= limit else LongLine(len(line) + 1) for line in lines]
    assert got == expected
