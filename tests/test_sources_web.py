"""Tests of web sources: saved HTML pages, RSS/Atom feeds, WARC/ARC archives, and bad input.

Every fixture is written by the test itself, with fictional outlets, people and places.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from newsledger.model import Article, Problem
from newsledger.sources import read_paths
from newsledger.sources.html import fragment_text
from newsledger.sources.walk import file_format

# --- fixtures -----------------------------------------------------------------------

PARAGRAPHS = [
    "The Harbor council postponed its vote on new ferry fares on Tuesday, after the mayor, "
    "Ines Calloway, said the proposal needed another month of study.",
    "\u201cWe will not raise fares on island families before the summer timetable is settled,\u201d "
    "Calloway told reporters outside the town hall.",
    "Councillor Tobias Wren warned that the ferry company would cut the early morning crossing "
    "if the council did not approve the increase by April.",
    "The ferry operator, Bluewater Lines, said in a statement that it had made no decision about "
    "the timetable and would wait for the council.",
]
NAV = ["Home", "Politics", "Sport", "Weather", "Crosswords"]
AD = "ADVERTISEMENT Buy Glimmer Soap today and save twenty percent on every bar"
COMMENTS = ["Reader42: This council never listens to islanders, a shameful decision.",
            "SeaDog: Fares are already far too high for pensioners like me."]
SIDEBAR = "Lighthouse repairs finished early"


def page(paragraphs=PARAGRAPHS, *, head_extra="", charset="utf-8", title="Harbor council delays vote on ferry fares") -> str:
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    comments = "".join(f'<div class="comment"><p>{c}</p></div>' for c in COMMENTS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{title} | The Harbor Gazette</title>
{head_extra}
</head><body>
<header><nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="ad banner-ad" id="ad-top">{AD}</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By Marta Quillon</p>
{body}
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">{SIDEBAR}</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>{comments}</section>
<footer><p>Copyright 2024 The Harbor Gazette. All rights reserved.</p></footer>
</body></html>
"""


GAZETTE_HEAD = """<link rel="canonical" href="https://www.harborgazette.example/2024/03/12/ferry-fares">
<meta property="og:site_name" content="The Harbor Gazette">
<meta property="article:published_time" content="2024-03-12T23:30:00-05:00">
<meta name="author" content="Marta Quillon">"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>The Harbor Gazette</title>
<link>https://www.harborgazette.example/</link>
<description>News from the harbor</description>
<item>
<title>Council delays ferry vote</title>
<link>https://www.harborgazette.example/2024/03/12/ferry</link>
<guid isPermaLink="false">hg-1001</guid>
<pubDate>Tue, 12 Mar 2024 23:30:00 -0500</pubDate>
<dc:creator>Marta Quillon</dc:creator>
<description>The council postponed its vote.</description>
<content:encoded><![CDATA[<p>The council postponed its vote on <b>ferry fares</b> on Tuesday.</p>
<p>&#8220;We will wait,&#8221; the mayor said.</p><script>track()</script>]]></content:encoded>
</item>
<item>
<title>Lighthouse &amp; pier reopen</title>
<link>https://www.harborgazette.example/2024/03/11/lighthouse</link>
<guid>hg-1000</guid>
<pubDate>Mon, 11 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The lighthouse reopened on Monday, the harbor master said.&lt;/p&gt;</description>
<source url="https://wire.example/feed">Valley Wire</source>
</item>
<item>
<title>Photo gallery: spring regatta</title>
<link>https://www.harborgazette.example/gallery</link>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Valley Courier</title>
<link href="https://courier.example.net/"/>
<id>urn:courier</id>
<updated>2024-03-13T10:00:00Z</updated>
<entry>
<title type="html">Mill &lt;em&gt;closes&lt;/em&gt; in Keswin</title>
<link rel="alternate" href="https://courier.example.net/mill"/>
<id>urn:courier:1</id>
<published>2024-03-13T01:00:00+09:00</published>
<author><name>Jo Ferrant</name></author>
<summary>The mill will close.</summary>
<content type="html">&lt;p&gt;The Keswin mill will close in June, its owner said on Tuesday.&lt;/p&gt;&lt;p&gt;Workers protested at the gate.&lt;/p&gt;</content>
</entry>
<entry>
<title>Bridge tolls</title>
<id>urn:courier:2</id>
<updated>2024-03-12T10:00:00Z</updated>
<summary type="text">The transport minister said bridge tolls would stay the same next year.</summary>
</entry>
</feed>
"""


def story_page(n: int) -> str:
    text = [f"Story {n}: the harbor master said on Monday that berth {n} would reopen after repairs "
            "to the quay wall, which was damaged in the winter storms.",
            f"Engineers told the council that the work on berth {n} would cost less than planned."]
    return page(text, title=f"Berth {n} to reopen")


def warc_bytes(*, gzip_records: bool = True, extra_records=()) -> bytes:
    """A small WARC: warcinfo, two article pages, an image, a 404 page, a redirect, a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsledger tests"}))

    def response(uri, payload, status="200 OK", content_type="text/html; charset=utf-8", date_="2024-03-14T08:00:00Z"):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": date_})
        writer.write_record(record)

    writer.write_record(writer.create_warc_record(
        "https://news.example.org/berth-1", "request", payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders("GET /berth-1 HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)))
    response("https://news.example.org/berth-1", story_page(1).encode())
    response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, content_type="image/png")
    response("https://news.example.org/missing", page(["Page not found."]).encode(), status="404 Not Found")
    response("https://news.example.org/old", b"", status="301 Moved Permanently")
    response("https://news.example.org/berth-2", story_page(2).encode())
    for uri, payload in extra_records:
        response(uri, payload)
    return buffer.getvalue()


def read_all(paths, **options):
    items = list(read_paths([str(p) for p in paths], **options))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# --- HTML pages ---------------------------------------------------------------------


def test_page_main_text_without_navigation_ads_or_comments(tmp_path):
    path = write(tmp_path / "ferry.html", page(head_extra=GAZETTE_HEAD))
    [article], problems = read_all([path])
    assert problems == []
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for noise in NAV[2:] + [AD, SIDEBAR, "Copyright", "Most read"] + COMMENTS:
        assert noise not in article.text
    assert "By Marta Quillon" not in article.text
    assert article.title == "Harbor council delays vote on ferry fares"
    assert article.outlet == "The Harbor Gazette"
    assert article.url == "https://www.harborgazette.example/2024/03/12/ferry-fares"
    assert article.published == date(2024, 3, 12)  # as printed: no conversion to UTC
    assert article.extra["author"] == "Marta Quillon" and article.extra["format"] == "html"
    assert article.path == str(path)


def test_page_text_is_blocks_and_headline_is_kept_but_not_analysed(tmp_path):
    [article], _ = read_all([write(tmp_path / "ferry.html", page(head_extra=GAZETTE_HEAD))])
    assert article.text.startswith("Harbor council delays vote on ferry fares\n\n")
    assert article.body.startswith(PARAGRAPHS[0])
    assert article.text.split("\n\n")[1:] == PARAGRAPHS
    start = article.text.index("Tobias Wren")
    assert article.text[start:start + len("Tobias Wren")] == "Tobias Wren"


def test_page_without_metadata_uses_file_name_date_and_saved_from_url(tmp_path):
    saved = "<!-- saved from url=(0041)https://islandnews.example/ferry-story -->\n"
    path = write(tmp_path / "island_2024-03-15_ferry.htm", saved + page())
    [article], problems = read_all([path], default_date=date(2020, 1, 1))
    assert problems == []
    assert article.published == date(2024, 3, 15)
    assert article.url == "https://islandnews.example/ferry-story"
    assert article.outlet == "islandnews.example"  # the host stands in for a site name


def test_page_without_any_url_or_date(tmp_path):
    [article], _ = read_all([write(tmp_path / "plain.html", page())], default_date=date(2024, 1, 2))
    assert article.url is None and article.outlet is None
    assert article.published == date(2024, 1, 2)


def test_page_dates_in_the_text_are_not_publication_dates(tmp_path):
    text = PARAGRAPHS[:2] + ["The first ferry sailed on 3 March 1921, the museum said in its records."]
    [article], _ = read_all([write(tmp_path / "p.html", page(text))])
    assert article.published is None


def test_page_declared_legacy_charset(tmp_path):
    html = page(["The caf\u00e9 owner said on Tuesday that the na\u00efve plan would cost \u00a3200 "
                 "and that nobody had asked the residents of the quay."], charset="iso-8859-1")
    [article], problems = read_all([write(tmp_path / "cafe.html", html.encode("cp1252"))])
    assert problems == []
    assert "caf\u00e9 owner" in article.text and "na\u00efve" in article.text and "\u00a3200" in article.text


def test_page_over_the_limit_is_refused(tmp_path):
    path = write(tmp_path / "big.html", page())
    articles, [problem] = read_all([path], max_bytes=500)
    assert articles == [] and problem.where == str(path) and "limit" in problem.message


def test_reading_a_page_twice_gives_the_same_article(tmp_path):
    path = write(tmp_path / "ferry.html", page(head_extra=GAZETTE_HEAD))
    [first], _ = read_all([path])
    [second], _ = read_all([path])
    assert first.id == second.id and first.text == second.text


def test_fragment_text_blocks():
    html = "<p>One <b>bold</b>\n word.</p><script>x()</script><ul><li>Two</li><li>Three &amp; four</li></ul>Tail<br>end"
    assert fragment_text(html) == "One bold word.\n\nTwo\n\nThree & four\n\nTail\n\nend"


# --- feeds --------------------------------------------------------------------------


def test_rss_entries_full_content_or_summary_flagged(tmp_path):
    path = write(tmp_path / "gazette.rss", RSS)
    articles, problems = read_all([path])
    assert [a.title for a in articles] == ["Council delays ferry vote", "Lighthouse & pier reopen"]
    full, summary = articles
    assert full.text == "The council postponed its vote on ferry fares on Tuesday.\n\n\u201cWe will wait,\u201d the mayor said."
    assert full.extra["content"] == "full" and full.extra["entry_id"] == "hg-1001"
    assert full.extra["author"] == "Marta Quillon" and full.extra["record"] == 1
    assert full.published == date(2024, 3, 12)  # 23:30 at -0500 is still the 12th as printed
    assert full.outlet == "The Harbor Gazette"
    assert full.url == "https://www.harborgazette.example/2024/03/12/ferry"
    assert summary.text == "The lighthouse reopened on Monday, the harbor master said."
    assert summary.extra["content"] == "summary"
    assert summary.outlet == "Valley Wire"  # the entry's <source> wins over the feed title
    [problem] = problems
    assert problem.where == f"{path}:3" and "no text" in problem.message and problem.skipped


def test_atom_entries(tmp_path):
    path = write(tmp_path / "courier.atom", ATOM)
    (mill, tolls), problems = read_all([path])
    assert problems == []
    assert mill.title == "Mill closes in Keswin"
    assert mill.text == "The Keswin mill will close in June, its owner said on Tuesday.\n\nWorkers protested at the gate."
    assert mill.extra["content"] == "full" and mill.published == date(2024, 3, 13)
    assert mill.outlet == "Valley Courier" and mill.url == "https://courier.example.net/mill"
    assert tolls.extra["content"] == "summary" and tolls.url is None  # an urn: id is no URL
    assert tolls.published == date(2024, 3, 12)  # <updated> when there is no <published>
    assert tolls.extra["feed"] == {"title": "Valley Courier", "link": "https://courier.example.net/"}


def test_xml_file_that_is_not_a_feed(tmp_path):
    path = write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    articles, [problem] = read_all([path])
    assert articles == [] and problem.where == str(path) and "not an RSS or Atom feed" in problem.message


# --- web archives ---------------------------------------------------------------------


@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_html_responses_become_articles(tmp_path, gzip_records):
    name = "crawl.warc.gz" if gzip_records else "crawl.warc"
    path = write(tmp_path / name, warc_bytes(gzip_records=gzip_records))
    articles, problems = read_all([path])
    assert problems == []  # the image, the 404, the redirect and the request are not pages
    assert [a.url for a in articles] == ["https://news.example.org/berth-1", "https://news.example.org/berth-2"]
    first = articles[0]
    assert first.title == "Berth 1 to reopen" and first.outlet == "news.example.org"
    assert first.text.split("\n\n")[1].startswith("Story 1: the harbor master said")
    assert AD not in first.text and COMMENTS[0] not in first.text
    assert first.path == str(path) and first.published is None  # the capture date is not a publication date
    assert first.extra["archived"] == "2024-03-14" and first.extra["record"] == 3
    with open(path, "rb") as handle:  # the offset is where the record starts, as in a CDX index
        from warcio.archiveiterator import ArchiveIterator

        handle.seek(first.extra["offset"])
        record = next(iter(ArchiveIterator(handle)))
        assert record.rec_headers.get_header("WARC-Target-URI") == first.url


def test_warc_charset_from_http_header(tmp_path):
    html = page(["The caf\u00e9 on the quay will close in May, its owner said, because the rent doubled."],
                charset="utf-8").replace('<meta charset="utf-8">', "")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://quay.example/cafe", "response",
                                                  payload=io.BytesIO(html.encode("cp1252")), http_headers=headers))
    [article], problems = read_all([write(tmp_path / "cafe.warc.gz", buffer.getvalue())])
    assert problems == [] and "caf\u00e9 on the quay" in article.text


def test_arc_file(tmp_path):
    body = story_page(7).encode()
    response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    version = b"1 0 newsledger\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = b"filedesc://old.arc 0.0.0.0 20040312000000 text/plain %d\n%s\n" % (len(version), version)
    arc += b"http://old.example.org/berth-7 192.0.2.1 20040312093000 text/html %d\n%s\n" % (len(response), response)
    for name, data in [("old.arc", arc), ("old.arc.gz", gzip.compress(arc))]:
        [article], problems = read_all([write(tmp_path / name, data)])
        assert problems == [] and article.url == "http://old.example.org/berth-7"
        assert "berth 7 would reopen" in article.text and article.extra["archived"] == "2004-03-12"


def test_warc_page_over_the_limit_is_refused_alone(tmp_path):
    big = page(PARAGRAPHS * 40).encode()
    path = write(tmp_path / "big.warc.gz", warc_bytes(extra_records=[("https://news.example.org/long", big)]))
    articles, [problem] = read_all([path], max_bytes=len(big) - 1)
    assert len(articles) == 2
    assert problem.where.startswith(f"{path}@") and "https://news.example.org/long" in problem.message
    assert "limit" in problem.message


def test_warc_streams_in_bounded_memory(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "large.warc"
    blob = os.urandom(1 << 20)
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for n in range(24):  # 24 MiB of images around one page
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://img.example/{n}.jpg", "response",
                                                          payload=io.BytesIO(blob), http_headers=headers))
            if n == 12:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record("https://news.example.org/berth-3", "response",
                                                              payload=io.BytesIO(story_page(3).encode()),
                                                              http_headers=headers))
    del blob
    tracemalloc.start()
    try:
        articles, problems = read_all([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == [] and [a.url for a in articles] == ["https://news.example.org/berth-3"]
    assert peak < 4 * (1 << 20), f"peak {peak} bytes for a {path.stat().st_size}-byte archive"


def test_whole_file_gzip_warc_is_still_read(tmp_path):
    path = write(tmp_path / "one-stream.warc.gz", gzip.compress(warc_bytes(gzip_records=False)))
    articles, problems = read_all([path])
    assert problems == [] and len(articles) == 2


# --- bad input: one clear Problem each, the rest read ----------------------------------


def broken_warc() -> bytes:
    """Three pages, the second with a damaged header line."""
    data = warc_bytes(gzip_records=False,
                      extra_records=[("https://news.example.org/berth-4", story_page(4).encode())])
    start = data.index(b"WARC/1.", data.index(b"https://news.example.org/berth-2") - 400)
    return data[:start] + b"WARC/garbage" + data[start + len(b"WARC/1.0"):]


def test_broken_warc_record_is_one_problem_and_the_rest_is_read(tmp_path):
    path = write(tmp_path / "broken.warc", broken_warc())
    articles, problems = read_all([path])
    assert [a.url for a in articles] == ["https://news.example.org/berth-1", "https://news.example.org/berth-4"]
    [problem] = problems
    assert problem.where.startswith(f"{path}@") and "record 7 is broken" in problem.message
    assert "WARC/garbage" in problem.message and "skipped to the next record" in problem.message


def test_truncated_gzip_warc_keeps_the_records_before(tmp_path):
    data = warc_bytes(gzip_records=True)
    path = write(tmp_path / "cut.warc.gz", data[:-150])
    articles, [problem] = read_all([path])
    assert [a.url for a in articles] == ["https://news.example.org/berth-1"]
    assert problem.where.startswith(f"{path}@") and "record 7" in problem.message
    assert "truncated" in problem.message


def test_bad_files_in_a_folder_give_one_problem_each(tmp_path):
    good_page = write(tmp_path / "a-good.html", page(head_extra=GAZETTE_HEAD))
    good_feed = write(tmp_path / "b-good.atom", ATOM)
    no_body = write(tmp_path / "c-nobody.html", "<!DOCTYPE html><html><head><title>Nothing</title></head></html>")
    bad_feed = write(tmp_path / "d-bad.rss", "<rss version='2.0'><channel><title>Broken</title><item><title>A & B"
                                             "</title><description>The ferry will run, the mayor said on Friday"
                                             " to the crew.</description></item><item><title>Cut off")
    not_xml = write(tmp_path / "e-notxml.xml", "This is a note, not a feed { at all }")
    cut = write(tmp_path / "f-cut.warc.gz", warc_bytes(gzip_records=True)[:-150])
    broken = write(tmp_path / "g-broken.warc", broken_warc())
    junk = write(tmp_path / "h-junk.warc", b"\x00\x01 this was never an archive")
    articles, problems = read_all([tmp_path])
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:  # where: path, path:ENTRY or path@OFFSET
        by_file.setdefault(re.sub(r"(@|:)[0-9]+$", "", problem.where), []).append(problem)
    assert sorted(by_file) == sorted(map(str, [no_body, bad_feed, not_xml, cut, broken, junk]))
    assert all(len(found) == 1 for found in by_file.values()), problems
    assert "no <body>" in by_file[str(no_body)][0].message
    assert "not valid XML" in by_file[str(bad_feed)][0].message and not by_file[str(bad_feed)][0].skipped
    assert "line 1" in by_file[str(bad_feed)][0].message
    assert "not an RSS or Atom feed" in by_file[str(not_xml)][0].message
    assert "truncated" in by_file[str(cut)][0].message
    assert "broken" in by_file[str(broken)][0].message
    assert "not a WARC archive" in by_file[str(junk)][0].message
    sources = sorted({os.path.basename(a.path) for a in articles})
    assert sources == ["a-good.html", "b-good.atom", "d-bad.rss", "f-cut.warc.gz", "g-broken.warc"]
    assert [a.text for a in articles if a.path == str(bad_feed)] == [
        "The ferry will run, the mayor said on Friday to the crew."]


def test_html_with_only_navigation_is_refused(tmp_path):
    html = "<html><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav></body></html>"
    path = write(tmp_path / "nav.html", html)
    articles, [problem] = read_all([path])
    assert articles == [] and problem.where == str(path)
    assert "no article text" in problem.message


# --- dispatch -----------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("a.html", "html"), ("A.HTM", "html"), ("f.xml", "feed"), ("f.rss", "feed"), ("f.atom", "feed"),
    ("c.warc", "warc"), ("c.WARC.GZ", "warc"), ("c.arc", "warc"), ("c.arc.gz", "warc"),
    ("c.gz", None), ("c.tar.gz", None), ("notes.txt", "text"),
])
def test_extensions(name, expected):
    assert file_format(name) == expected


def test_folder_reads_web_formats_in_order(tmp_path):
    write(tmp_path / "b" / "feed.atom", ATOM)
    write(tmp_path / "a.html", page(head_extra=GAZETTE_HEAD))
    write(tmp_path / "c.warc.gz", warc_bytes())
    write(tmp_path / "d.gz", b"not read")
    articles, problems = read_all([tmp_path])
    assert problems == []
    assert [os.path.relpath(a.path, tmp_path) for a in articles] == [
        "a.html", os.path.join("b", "feed.atom"), os.path.join("b", "feed.atom"), "c.warc.gz", "c.warc.gz"]
