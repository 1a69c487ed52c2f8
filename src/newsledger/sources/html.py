"""Web pages (``.html``, ``.htm``): one saved page is one article, extracted with trafilatura.

Read, from one page (the whole file, at most ``max_bytes``):

- the main text, as trafilatura finds it: navigation, menus, advertisements, sidebars,
  comments, tables, image captions and footers are left out. ``Article.text`` is that
  extracted text, one block (paragraph, heading, list item) per line, blocks separated
  by a blank line; every offset indexes it. When the text starts with the page's
  headline, ``body_start`` is the first block after it, so the headline is kept but not
  analysed (it restates the article);
- ``title``: the headline (``og:title``, ``<h1>`` or ``<title>`` without the site name);
- ``published``: the page's own publication date (``article:published_time``,
  ``<time>``, JSON-LD, the URL's ``/2024/03/12/``), read as written (no time-zone
  conversion); dates mentioned in the text are not used. Without one, the first
  ``YYYY-MM-DD`` in the file name, else the caller's default date;
- ``outlet``: the site name (``og:site_name``, JSON-LD publisher), else the URL's host;
- ``url``: the page's canonical link or ``og:url``; else the URL a browser wrote in a
  ``<!-- saved from url=(NNNN)... -->`` comment; else the URL the caller knows (a web
  archive's target URI); else none (``Article.path`` still names the file);
- ``extra``: ``format`` (``html``), ``author`` (the byline, when found) and, when the page
  has one, ``description``.

Bytes become text by the charset the server (``charset`` in a web archive's
``Content-Type``) or the page (``<meta charset>``) declares, when Python knows it and the
bytes fit it (``iso-8859-1`` and ``us-ascii`` are read as ``cp1252``, as browsers do);
otherwise as ``encoding.py`` says for any text.

Refused, one Problem each: a page with no article text (no ``<body>``, only navigation,
fewer than ``MIN_WORDS`` words), a file over ``max_bytes``, bytes that are not text.

Not read: images, videos, embedded tweets, comments, paywalled text that is not in the
file, pages behind links (galleries, "page 2"), and URLs to fetch: only saved pages.
``fragment_text`` turns a small HTML fragment (a feed entry) into text the same way.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from newsledger.model import Article, Problem

from .dates import date_in_name, parse_date
from .encoding import Decoded, decode_bytes, read_decoded
from .reading import Options
from .text import outlet_in_name

MIN_WORDS = 8
MIN_EXTRACTED_SIZE = 100
SNIFF_BYTES = 4096
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
WEB_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
               "us-ascii": "cp1252", "ascii": "cp1252"}
DATE_SEARCH = {"extensive_search": False, "original_date": True}
WORD = re.compile(r"\w+")
BODY = re.compile(r"<body[\s>/]", re.IGNORECASE)


def read_html_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The article in one saved web page, or the Problem that stopped it."""
    decoded, problems = read_decoded(path, options, decode_html)
    yield from problems
    if decoded is None:
        return
    name = os.path.basename(path)
    yield from html_article(decoded.text, path=path, where=path, name_date=date_in_name(name),
                            name_outlet=outlet_in_name(name), default_date=options.default_date)


def decode_html(data: bytes, content_type: str | None = None) -> Decoded:
    """The page's text: by its declared charset when that fits, else as any text."""
    for declared in (_http_charset(content_type), _meta_charset(data)):
        encoding = _codec(declared)
        if encoding is None:
            continue
        if encoding.startswith("utf-8") and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            break  # a wrong declaration: let the bytes speak
    return decode_bytes(data)


def html_article(page: str, *, path: str | None, where: str, url: str | None = None,
                 name_date: date | None = None, name_outlet: str | None = None,
                 default_date: date | None = None,
                 extra: dict | None = None) -> Iterator[Article | Problem]:
    """The article in one decoded page; a Problem instead when it has no article text."""
    extracted = extract_page(page, url=url)
    if isinstance(extracted, str):
        yield Problem(where, extracted)
        return
    text, title, metadata = extracted
    published = _page_date(metadata.date) or name_date or default_date
    details = {"format": "html", **(extra or {})}
    if metadata.author:
        details["author"] = metadata.author
    if metadata.description:
        details["description"] = metadata.description
    yield Article(text=text, path=path, outlet=_clean(metadata.sitename) or name_outlet,
                  url=_clean(metadata.url), published=published, title=title,
                  body_start=_after_headline(text, title), extra=details)


def extract_page(page: str, *, url: str | None = None):
    """``(text, title, metadata)`` of one page, or the reason there is no article (a str)."""
    import trafilatura

    url = url or _saved_from(page)
    try:
        document = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, date_extraction_params=DATE_SEARCH,
            config=_config())
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the batch
        reason = " ".join(str(error).split())[:100]
        return f"cannot extract the page: {type(error).__name__}: {reason} (not read)"
    raw = (document.text or "") if document is not None else ""
    blocks = [line.strip() for line in raw.split("\n") if line.strip()]
    words = sum(len(WORD.findall(block)) for block in blocks)
    if words < MIN_WORDS:
        if not BODY.search(page):
            return "the page has no <body>: no article text (not read)"
        found = f"only {words} word{'s' if words != 1 else ''} of text" if words else "no text"
        return f"no article text found in the page ({found} outside navigation, ads and comments; not read)"
    return "\n\n".join(blocks), _clean(document.title), document


@functools.cache
def _config():
    """trafilatura's settings, but short articles (a brief, a correction) keep their blocks:
    below ``min_extracted_size`` characters it falls back to one run of all the text."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_SIZE))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: one block per paragraph, blocks split by blank lines."""
    parser = _FragmentParser()
    parser.feed(fragment)
    parser.close()
    return "\n\n".join(parser.blocks())


class _FragmentParser(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "pre", "table", "tr", "section", "article", "header", "footer", "figure",
              "figcaption", "hr", "dd", "dt", "dl", "aside", "main", "address"}
    SKIPPED = {"script", "style", "noscript", "iframe", "object", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._done: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIPPED:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        block = " ".join("".join(self._current).split())
        if block:
            self._done.append(block)
        self._current = []

    def blocks(self) -> list[str]:
        self._flush()
        return self._done


def _after_headline(text: str, title: str | None) -> int:
    if not title:
        return 0
    first, _, rest = text.partition("\n\n")
    if rest and _normal(first) == _normal(title):
        return len(first) + 2
    return 0


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _page_date(value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _saved_from(page: str) -> str | None:
    match = SAVED_FROM.search(page[:SNIFF_BYTES])
    if match and match.group(1).lower().startswith(("http://", "https://")):
        return match.group(1)
    return None


def _http_charset(content_type: str | None) -> str | None:
    match = HTTP_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = WEB_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):  # declared in ASCII: cannot be
        return None
    return "utf-8" if codec == "utf-8" else codec


def _clean(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
