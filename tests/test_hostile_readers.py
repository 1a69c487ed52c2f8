"""Hostile input to every reader (issue 10, point 2): property-based tests (hypothesis).

Inputs: random bytes in every format; valid files of every format damaged at random
(truncated gzip, broken WARC records, bytes inserted, overwritten or cut); random Unicode
(right-to-left, zero-width, combining marks, lone surrogates, odd line breaks); very long
lines and tokens; deeply nested HTML; malformed dates and fields.

Properties:

- no exception escapes a reader: every file gives Articles and Problems only;
- a Problem is one line, encodable as UTF-8 (so the CLI can print it), and short;
- an Article can be stored: its text and metadata hold no lone surrogate, ``body_start``
  lies inside the text;
- bad records give one Problem each, naming their line or entry; the good records around
  them are read, with their text kept exactly.

Quick hypothesis profile by default; ``NEWSLEDGER_HYPOTHESIS=long`` runs at least 10,000
examples per property (see RELIABILITY.md and tests/conftest.py).
"""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hostile_inputs import (BAD_DATES, BIDI, COMBINING, EXTENSIONS, FEW, LONG, MAX_BYTES, PAGES, RTL,
                            SAMPLES, SENTENCES, ZERO_WIDTH, check_items, csv_text, damage, hostile_char,
                            hostile_text, json_value, long_token, mutation, read, rss, same_text, warc,
                            write)
from newsledger.model import Article, Problem
from newsledger.sources import read_paths


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def test_samples_are_read_whole(folder):
    """The undamaged samples read without a Problem (so damage is what the properties test)."""
    for name, data in SAMPLES.items():
        articles, problems = check_items(read([write(folder, name, data)], max_bytes=100_000))
        assert articles and not [p for p in problems if p.skipped], (name, problems)



# --- readers: random bytes, damaged files -----------------------------------------------------


@given(data=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_in_every_format(folder, data, extension):
    path = write(folder, f"random{extension}", data)
    check_items(read([path]), str(path))


@given(name=st.sampled_from(sorted(SAMPLES)), mutations=st.lists(mutation, min_size=1, max_size=4))
# found by the long profile: a feed cut inside its XML declaration's encoding name, a byte put in it
@example(name="a.rss", mutations=[("truncate", 0.046875, b"\x00", 1), ("insert", 0.4375, b"\x80", 1)])
@example(name="a.rss", mutations=[("truncate", 0.046875, b"\x00", 1), ("insert", 0.4375, b"\x00", 1)])
def test_damaged_files_of_every_format(folder, name, mutations):
    data = damage(SAMPLES[name], mutations)
    path = write(folder, name, data)
    check_items(read([path], max_bytes=100_000), str(path))


@given(data=st.binary(max_size=3000), text=hostile_text, as_text=st.booleans())
def test_random_bytes_and_unicode_on_stdin(data, text, as_text):
    stream = io.StringIO(text) if as_text else io.BytesIO(data)
    check_items(list(read_paths(["-"], stdin=stream, max_bytes=MAX_BYTES)), "-")


@given(text=hostile_text)
def test_hostile_unicode_in_a_text_file(folder, text):
    """Kept exactly when it is text (only a leading BOM dropped); else one Problem."""
    path = write(folder, "hostile.txt", text)
    articles, problems = check_items(read([path]), str(path))
    if articles and not problems and "\ufeff" not in text[:1]:
        assert [a.text for a in articles] == [text]


@FEW
@given(token=long_token, lines=st.integers(min_value=0, max_value=3))
def test_very_long_lines_and_tokens(folder, token, lines):
    """A long token in an article, and JSONL/CSV lines at and just over the limit: the long
    record is read at the limit, refused one byte under it, and the records around it are read."""
    text = SENTENCES[0] + " " + token + "\n" * lines + " " + SENTENCES[1]
    one_line = text.replace("\n", " ")
    long_json = json.dumps({"text": text}, ensure_ascii=False)
    long_csv = csv_text([[one_line]]).rstrip("\n")
    for name, data, size, expected in [
        ("long.txt", text, len(text.encode()), text),
        ("long.jsonl", "\n".join([json.dumps({"text": SENTENCES[2]}), long_json,
                                  json.dumps({"text": SENTENCES[3]})]) + "\n", len(long_json.encode()) + 1, text),
        ("long.csv", csv_text([["text"], [SENTENCES[2]]]) + long_csv + "\n" + csv_text([[SENTENCES[3]]]),
         len(long_csv.encode()) + 1, one_line),
    ]:
        path = write(folder, name, data)
        articles, problems = check_items(read([path], max_bytes=size), str(path))
        assert expected in [a.text for a in articles], problems
        articles, problems = check_items(read([path], max_bytes=size - 1), str(path))
        assert expected not in [a.text for a in articles]
        assert any("limit" in p.message for p in problems), problems
        if name != "long.txt":  # the records around the long one are read
            assert {SENTENCES[2], SENTENCES[3]} <= {a.text for a in articles}, problems


# --- records: bad ones are one Problem each, the rest is read ---------------------------------

BAD_LINES = st.sampled_from([
    "{", "not json at all", "[1, 2, 3]", "\"a string\"", "null", "{\"title\": \"no text\"}",
    "{\"text\": 12}", "{\"text\": [\"a\"]}", "{\"text\": \"   \"}", "{\"text\": null}",
    "[" * 5000 + "]" * 5000, "{\"text\": \"x\", " + "\"a\": [" * 3000, "1" * 5000,
    "{\"text\": \"x\"}}", "{\"body\": {\"nested\": \"x\"}}",
])


@st.composite
def jsonl_records(draw):
    """Lines of a JSONL file: good records (hostile text, any date and metadata) and bad lines."""
    lines, good = [], []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if draw(st.booleans()):
            text = draw(hostile_text.filter(str.strip))
            record = {"text": text, "date": draw(BAD_DATES),
                      draw(st.sampled_from(["title", "headline"])): draw(json_value),
                      draw(st.sampled_from(["outlet", "source", "publisher"])): draw(json_value),
                      "url": draw(json_value)}
            line = json.dumps(record, ensure_ascii=draw(st.booleans()))
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:  # raw lone surrogates are no UTF-8: escape them as JSON does
                line = json.dumps(record)
            lines.append(line)
            good.append((len(lines), text))
        else:
            lines.append(draw(BAD_LINES | st.text(hostile_char.filter(lambda c: c != "\n"), min_size=1,
                                                  max_size=40)))
    return lines, good




@given(records=jsonl_records())
def test_jsonl_bad_lines_are_one_problem_each_and_the_rest_is_read(folder, records):
    lines, good = records
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"
    path = write(folder, "mixed.jsonl", data)
    articles, problems = check_items(read([path], max_bytes=60_000), str(path))
    by_line = {a.extra["record"]: a for a in articles}
    skipped = [p.where for p in problems if p.skipped]
    if str(path) in skipped:  # the first line is not text: the file is refused, in one Problem
        assert not articles and len(skipped) == 1
        return
    for number, line in enumerate(lines, start=1):
        if not (line.removeprefix("\ufeff") if number == 1 else line).strip():
            continue  # blank lines are skipped silently
        assert (number in by_line) != (f"{path}:{number}" in skipped), (number, line, problems)
        assert skipped.count(f"{path}:{number}") <= 1, "one Problem per bad line"
    for number, text in good:
        if number in by_line:
            assert same_text(by_line[number].text, text), (by_line[number].text, text)


csv_char = st.one_of(st.sampled_from(RTL + ZERO_WIDTH[:-1] + BIDI + COMBINING + "\u2028\u2029\x85\t\n,;\"' "),
                     st.characters(exclude_categories=["Cs", "Cc"]))
csv_cell = st.lists(st.sampled_from(SENTENCES) | st.text(csv_char, max_size=10), max_size=4).map("".join)


@example(rows=[("", "", "")], delimiter=",")  # found by the long profile
@given(rows=st.lists(st.tuples(csv_cell, BAD_DATES.map(str).filter(lambda d: d.isprintable()), csv_cell),
                     min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_rows_with_hostile_fields(folder, rows, delimiter):
    """Quotes, delimiters, line breaks, RTL and zero-width text in fields: each row read exactly."""
    data = csv_text([["text", "date", "title"]] + [list(row) for row in rows], delimiter)
    path = write(folder, "hostile.tsv" if delimiter == "\t" else "hostile.csv", data)
    articles, problems = check_items(read([path], max_bytes=60_000), str(path))
    assert [a.text for a in articles] == [text for text, _, _ in rows if text.strip()]
    refused = [p for p in problems if p.skipped]
    expected = len([1 for text, d, t in rows if not text.strip() and (d.strip() or t.strip())])
    if not any(field.strip() for row in rows for field in row):
        expected = 1  # only blank rows: the file itself is reported ("no rows after the header")
    assert len(refused) == expected


@given(date_value=BAD_DATES, title=json_value, outlet=json_value)
def test_malformed_dates_and_fields_keep_the_article(folder, date_value, title, outlet):
    record = {"text": SENTENCES[0], "date": date_value, "title": title, "outlet": outlet}
    path = write(folder, "fields.jsonl", json.dumps(record) + "\n")
    default = date(2025, 1, 1)
    articles, problems = check_items(read([path], default_date=default), str(path))
    [article] = articles
    assert article.text == SENTENCES[0]
    assert not [p for p in problems if p.skipped]
    if problems:  # a date that is not a date: noted, and the default used
        assert article.published == default and "date" in problems[0].message
    for value in (article.title, article.outlet):
        assert value is None or (isinstance(value, str) and value == value.strip())


# --- web formats ------------------------------------------------------------------------------


@FEW
@given(depth=st.integers(min_value=1, max_value=20_000 if LONG else 3000),
       tag=st.sampled_from(["div", "span", "b", "table", "p", "blockquote", "li", "a", "svg"]),
       closed=st.booleans())
def test_deeply_nested_html(folder, depth, tag, closed):
    inner = " ".join(SENTENCES[:3])
    nested = f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "")
    page = f"<!DOCTYPE html><html><head><title>Deep</title></head><body>{nested}</body></html>"
    path = write(folder, "deep.html", page)
    articles, problems = check_items(read([path], max_bytes=200_000), str(path))
    for article in articles:
        assert "Kadri Tamsalu" in article.text
    # the same nesting as a feed entry's HTML
    feed = rss([("Deep", "Tue, 04 Mar 2025 10:00:00 GMT",
                 (nested.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")))])
    path = write(folder, "deep.rss", feed)
    check_items(read([path], max_bytes=200_000), str(path))


xml_char = st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\ufffe\uffff")


@given(entries=st.lists(st.tuples(st.text(xml_char, max_size=20), BAD_DATES.map(str),
                                  st.lists(st.sampled_from(SENTENCES) | st.text(xml_char, max_size=15),
                                           max_size=4).map(" ".join)), min_size=1, max_size=5))
def test_feed_entries_with_hostile_text_and_dates(folder, entries):
    """A well-formed feed: each entry gives one article, or one Problem naming the entry."""
    def escape(value: str) -> str:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    clean = [(escape(t), escape("".join(ch for ch in d if ch.isprintable())), escape(x)) for t, d, x in entries]
    path = write(folder, "hostile.rss", rss(clean))
    articles, problems = check_items(read([path], max_bytes=200_000), str(path))
    assert [a.extra["record"] for a in articles] == sorted({a.extra["record"] for a in articles})
    skipped = {p.where for p in problems if p.skipped}
    for number in range(1, len(entries) + 1):
        read_ = number in {a.extra["record"] for a in articles}
        assert read_ != (f"{path}:{number}" in skipped), (number, entries[number - 1], problems)
    for article in articles:  # a sentence in the entry comes through whole
        entry = entries[article.extra["record"] - 1][2]
        assert all(s in article.text for s in SENTENCES if s in entry and "<" not in entry)


ARCHIVES = {gzip_records: warc(PAGES, gzip_records=gzip_records) for gzip_records in (False, True)}


@given(cut=st.floats(min_value=0, max_value=1, exclude_max=True), gzip_records=st.booleans())
def test_truncated_warc_keeps_the_records_before_the_cut(folder, cut, gzip_records):
    """A truncated download or gzip: every page whose record ended before the cut is read, and
    a page that was cut is never lost silently."""
    data, ends = ARCHIVES[gzip_records]
    at = max(1, int(cut * len(data)))
    path = write(folder, "cut.warc.gz" if gzip_records else "cut.warc", data[:at])
    articles, problems = check_items(read([path], max_bytes=100_000), str(path))
    got = [a.url for a in articles]
    whole = [f"https://news.example/story-{n}" for n, end in enumerate(ends) if end <= at]
    assert got[:len(whole)] == whole, (whole, got)
    starts = [0] + ends[:-1]  # the warcinfo record comes first: each page starts where one ended
    begun = [f"https://news.example/story-{n}" for n, start in enumerate(starts) if start < at]
    if set(begun) - set(got):
        assert problems, f"pages {set(begun) - set(got)} were cut without a word"


@given(record=st.integers(min_value=0, max_value=2),
       length=st.one_of(st.integers(min_value=0, max_value=10**12).map(str),
                        st.sampled_from(["", "-1", "abc", "1e3", "0x10", "99999999999999999999999"])),
       gzip_stream=st.booleans())
def test_warc_record_with_a_wrong_length(folder, record, length, gzip_stream):
    """One record's Content-Length damaged: the records before it are read; when the length is
    no number at all, the records after it are read too."""
    data, _ = ARCHIVES[False]
    start = data.index(f"https://news.example/story-{record}".encode())
    head = data.index(b"Content-Length: ", start) + len(b"Content-Length: ")
    data = data[:head] + length.encode() + data[data.index(b"\r\n", head):]
    data = gzip.compress(data) if gzip_stream else data
    path = write(folder, "length.warc.gz" if gzip_stream else "length.warc", data)
    articles, problems = check_items(read([path], max_bytes=100_000), str(path))
    got = {a.url for a in articles}
    before = {f"https://news.example/story-{n}" for n in range(record)}
    after = {f"https://news.example/story-{n}" for n in range(record + 1, 3)}
    assert before <= got, (got, problems)
    if not gzip_stream and not length.isdigit():
        assert after <= got, (got, problems)


def test_article_over_the_character_limit_is_one_problem_and_the_rest_is_read(folder):
    """``max_chars`` (what the pipeline takes at once) is checked after decoding: 3-byte
    characters can pass ``max_bytes`` and still be too many characters."""
    long_text = SENTENCES[0] + " " + "€" * 300
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (SENTENCES[1], long_text, SENTENCES[2])]
    path = write(folder, "chars.jsonl", "\n".join(lines) + "\n")
    items = list(read_paths([str(path)], max_bytes=2000, max_chars=200))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    assert [a.text for a in articles] == [SENTENCES[1], SENTENCES[2]]
    [problem] = problems
    assert problem.where == f"{path}:2" and f"{len(long_text)} characters" in problem.message
    assert "200-character limit" in problem.message and problem.skipped
