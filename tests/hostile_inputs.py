"""Hostile inputs for the property-based tests (issue 10, point 2), shared by
``test_hostile_readers.py`` and ``test_hostile_pipeline.py``.

Strategies: random Unicode (right-to-left text and marks, zero-width characters, combining
marks, lone surrogates, odd line breaks), very long tokens, malformed dates and JSON field
values. Samples: a small valid file of every format the readers take, and ``damage`` to cut,
insert, overwrite or flip its bytes. Checks: what every reader output and every statement
must satisfy (see the test modules' docstrings).

Hypothesis profiles (``quick``, ``long``) are set up in ``conftest.py``; ``LONG`` tells the
tests that cap their example count in the quick profile to use the profile's count instead.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import warnings
from datetime import date
from pathlib import Path

from hypothesis import note, settings
from hypothesis import strategies as st

from newsledger.model import Article, Problem, Statement
from newsledger.sources import FORMATS, read_paths

LONG = os.environ.get("NEWSLEDGER_HYPOTHESIS", "").strip().lower() == "long"
# The pipeline is slow: a few short examples in the quick profile, the profile's count in the long.
PIPELINE = settings() if LONG else settings(max_examples=6)
FEW = settings() if LONG else settings(max_examples=15)
MAX_MESSAGE = 400  # characters: "one clear line"
MAX_BYTES = 6000   # the limit the reader tests run with (small, so limits are hit too)

# --- text -------------------------------------------------------------------------------------

SENTENCES = [
    "Defence Minister Kadri Tamsalu said on Tuesday that Estonia would board uninsured tankers.",
    "“We will not back down,” the minister told reporters in Tallinn.",
    "Senator Mike Lee warned that the United States must withdraw from NATO if allies send troops.",
    "According to the Finnish coast guard, the tanker has been anchored off Porvoo since Tuesday.",
    "Moscow rejected the accusations, and a Kremlin spokesman denied that any ship was involved.",
    "Foreign Minister Aino Rautio said Finland was studying joint patrols with Estonia.",
]
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u0627\u0644\u0639\u0627\u0644\u0645"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
COMBINING = "".join(chr(c) for c in range(0x300, 0x370)) + "\u20dd\u0489"
BREAKS = "\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
ODD = RTL + ZERO_WIDTH + BIDI + COMBINING + BREAKS + "\ufffd\U0001f600\U0010ffff\ufffe\u0000"

hostile_char = st.one_of(
    st.sampled_from(ODD),
    st.characters(),                                    # anything, lone surrogates included
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.characters(categories=["Mn", "Me", "Cf", "Zl", "Zp", "Co"]),
)
# Hostile characters sprinkled into real news sentences, or on their own.
hostile_text = st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(hostile_char, max_size=12),
                                  st.sampled_from([" ", "\n\n", "\r\n"])),
                        min_size=1, max_size=12).map("".join)
# The same without lone surrogates: text that a UTF-8 file or the store can hold.
storable_char = st.one_of(st.sampled_from(ODD), st.characters(exclude_categories=["Cs"]))
storable_text = st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(storable_char, max_size=12),
                                   st.sampled_from([" ", "\n\n", "\r\n"])),
                         min_size=1, max_size=12).map("".join)
long_token = st.builds(lambda ch, n: ch * n, st.sampled_from(["x", "\u0301", "\u200b", "-", "ab-", "€"]),
                       st.integers(min_value=1000, max_value=20_000 if LONG else 5000))

BAD_DATES = st.one_of(
    st.sampled_from(["2024-02-30", "2024-13-01", "0000-00-00", "9999-99-99T99:99:99Z", "yesterday",
                     "March 2024", "03/04/24", "31/31/2024", "1710028800", "1e309", "NaN", "-1",
                     "2024-03-10T", "2024-03-10T25:00:00+99:99", "\u0662\u0660\u0662\u0664-03-10",
                     "Sun, 32 Mar 2024 25:61:61 GMT", "10 mars 2024", "٢٠٢٤", " ", "2024-03-10\x00"]),
    st.text(hostile_char, max_size=30),
    st.integers(), st.floats(), st.booleans(), st.none(),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                          | st.text(hostile_char, max_size=20),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)




# --- helpers ----------------------------------------------------------------------------------


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    for old in folder.iterdir():  # one file per example
        old.unlink()
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return path


def read(paths, **options) -> list[Article | Problem]:
    """``read_paths``, with its warnings shown as failures of the property: none may escape."""
    options.setdefault("max_bytes", MAX_BYTES)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party parsers warn about odd markup; not our output
        return list(read_paths([str(p) for p in paths], **options))


def check_items(items: list, where: str | None = None) -> tuple[list[Article], list[Problem]]:
    """Every item is a storable Article or a one-line Problem; returns them apart."""
    assert items, "every input gives an article or a problem"
    articles, problems = [], []
    for item in items:
        if isinstance(item, Problem):
            check_problem(item, where)
            problems.append(item)
        else:
            assert isinstance(item, Article), type(item)
            check_article(item)
            articles.append(item)
    return articles, problems


def check_problem(problem: Problem, where: str | None) -> None:
    line = str(problem)
    note(f"problem: {line!r}")
    assert line.splitlines() == [line], f"a Problem is one line: {line!r}"
    line.encode("utf-8")  # printable by the CLI: no lone surrogate
    assert problem.message.strip(), "a Problem says what is wrong"
    assert len(problem.message) <= MAX_MESSAGE, f"a Problem is short: {len(problem.message)} characters"
    if where is not None:
        assert problem.where.startswith(where), (problem.where, where)


def check_article(article: Article) -> None:
    assert isinstance(article.text, str) and article.text.strip()
    assert 0 <= article.body_start <= len(article.text)
    for value in (article.text, article.title, article.outlet, article.url, article.path):
        if value is not None:
            assert isinstance(value, str)
            value.encode("utf-8")  # storable: SQLite and PostgreSQL refuse lone surrogates
    assert article.published is None or isinstance(article.published, date)
    assert article.id  # hashable identity


def check_offsets(text: str, statements: list[Statement]) -> None:
    """Every text a statement records is ``text`` at its recorded offsets."""
    for s in statements:
        assert text[s.cue_span[0]:s.cue_span[1]] == s.cue
        if s.speaker is not None:
            assert text[s.speaker.span[0]:s.speaker.span[1]] == s.speaker.text
        pieces = [text[a:b] for a, b in s.content_spans]
        assert all(pieces) and all(0 <= a < b <= len(text) for a, b in s.content_spans)
        if len(pieces) == 1:
            assert pieces[0] == s.content
        else:
            assert " … ".join(pieces) == s.content or all(p in s.content for p in pieces)
        for part in (s.condition, s.consequence):
            if part is not None:
                assert text[part.span[0]:part.span[1]] == part.text


def check_record_offsets(text: str, record: dict) -> None:
    """The same for a stored statement record (the export contract)."""
    def at(span):
        return text[span[0]:span[1]]

    assert at(record["cue_span"]) == record["cue"]
    if record["source_span"] is not None:
        assert at(record["source_span"]) == record["speaker"]["mention"]
    spans = record["content_span"]
    spans = [spans] if isinstance(spans[0], int) else spans
    if len(spans) == 1:
        assert at(spans[0]) == record["content"]
    else:
        assert all(at(span) in record["content"] for span in spans)
    for part in ("condition", "consequence"):
        if record[part] is not None:
            assert at(record[part]["span"]) == record[part]["text"]



def same_text(stored: str, given_text: str) -> bool:
    """Equal, except that each lone surrogate may have become U+FFFD (same length, same offsets)."""
    if len(stored) != len(given_text):
        return False
    return all(a == b or (0xD800 <= ord(b) <= 0xDFFF and a == "\ufffd") for a, b in zip(stored, given_text))


# --- sample files of every format, to damage ---------------------------------------------------


def html_page(paragraphs: list[str], title: str = "Estonia warns tankers") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\"></head>"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright</footer></body></html>")


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>https://news.example/{n}</link><guid>{n}</guid>"
                      f"<pubDate>{d}</pubDate><description>{x}</description></item>"
                      for n, (t, d, x) in enumerate(items))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Baltic Wire</title><link>https://news.example/</link>{entries}</channel></rss>")


ATOM = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<title>Courier</title><id>urn:c</id><updated>2025-03-13T10:00:00Z</updated>"
        "<entry><title>Mill closes</title><id>urn:c:1</id><published>2025-03-13T01:00:00Z</published>"
        f"<content type=\"html\">&lt;p&gt;{SENTENCES[0]}&lt;/p&gt;</content></entry>"
        f"<entry><title>Tolls</title><id>urn:c:2</id><summary>{SENTENCES[5]}</summary></entry></feed>")


def warc(pages: list[str], *, gzip_records: bool) -> tuple[bytes, list[int]]:
    """A WARC with a warcinfo record and one response per page; also each record's end offset."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("hostile.warc", {"software": "tests"}))
    ends = []
    for n, text in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example/story-{n}", "response", payload=io.BytesIO(text.encode()),
            http_headers=headers, warc_headers_dict={"WARC-Date": "2025-03-14T08:00:00Z"}))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


def arc(pages: list[str]) -> bytes:
    version = b"1 0 newsledger\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://hostile.arc 0.0.0.0 20040312000000 text/plain %d\n%s\n" % (len(version), version)
    for n, text in enumerate(pages):
        response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + text.encode()
        data += b"http://old.example/%d 192.0.2.1 20040312093000 text/html %d\n%s\n" % (n, len(response), response)
    return data


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


PAGES = [html_page(SENTENCES[i:i + 3], title=f"Story {i}") for i in range(3)]
SAMPLES: dict[str, bytes] = {
    "a.txt": ("date 2025-03-04 " + " ".join(SENTENCES)).encode(),
    "a.jsonl": "".join(json.dumps({"text": s, "date": "2025-03-04", "title": f"T{n}"}) + "\n"
                       for n, s in enumerate(SENTENCES)).encode(),
    "a.json": json.dumps([{"text": s, "published": "March 4, 2025"} for s in SENTENCES]).encode(),
    "a.csv": csv_text([["date", "title", "text"]] + [["2025-03-04", f"T{n}", s] for n, s in enumerate(SENTENCES)]).encode(),
    "a.tsv": csv_text([["date", "text"]] + [["2025-03-04", s] for s in SENTENCES], "\t").encode(),
    "a.html": html_page(SENTENCES).encode(),
    "a.rss": rss([(f"T{n}", "Tue, 04 Mar 2025 10:00:00 GMT", s) for n, s in enumerate(SENTENCES)]).encode(),
    "a.atom": ATOM.encode(),
    "a.warc": warc(PAGES, gzip_records=False)[0],
    "a.warc.gz": warc(PAGES, gzip_records=True)[0],
    "one-stream.warc.gz": gzip.compress(warc(PAGES, gzip_records=False)[0]),
    "a.arc": arc(PAGES),
    "a.arc.gz": gzip.compress(arc(PAGES)),
}
EXTENSIONS = sorted({ext for ext in FORMATS} | {".warc.gz", ".arc.gz"})


mutation = st.tuples(st.sampled_from(["insert", "delete", "overwrite", "truncate", "flip"]),
                     st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=40),
                     st.integers(min_value=1, max_value=200))


def damage(data: bytes, mutations) -> bytes:
    for kind, where, blob, size in mutations:
        at = int(where * len(data))
        if kind == "insert":
            data = data[:at] + blob + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + size:]
        elif kind == "overwrite":
            data = data[:at] + blob + data[at + len(blob):]
        elif kind == "truncate":
            data = data[:at]
        elif at < len(data):  # flip one bit
            data = data[:at] + bytes([data[at] ^ (1 << (size % 8))]) + data[at + 1:]
    return data
