"""From the paths a user names to the files to read, each with its format.

Read, by extension (in any case): ``.txt``, ``.text`` and files without an extension
as plain text; ``.jsonl`` and ``.ndjson`` as JSON Lines; ``.json`` as a JSON
document; ``.csv`` as CSV; ``.tsv`` as TSV; ``.html`` and ``.htm`` as web pages;
``.xml``, ``.rss`` and ``.atom`` as feeds; ``.warc``, ``.warc.gz``, ``.arc`` and
``.arc.gz`` as web archives. ``-`` is standard input.

Folders are read recursively, in a stable order: the entries of each folder sorted
by name (code point order), a sub-folder read where its name sorts. Inside folders,
hidden files and folders (a name starting with ``.``, such as ``.git``), files with
other extensions (``.png``, ``.pdf``), symbolic links to folders (no loops) and
special files are skipped silently. A path named explicitly is always looked at: an
unknown extension, a missing path or a special file gives one Problem. A file named
twice (or named and also inside a named folder) is read once, where first met.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

from newsledger.model import Problem

STDIN = "-"
FORMATS = {
    ".txt": "text", ".text": "text", "": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
DOUBLE_EXTENSIONS = (".warc.gz", ".arc.gz")


def file_format(name: str) -> str | None:
    """The format (``text``, ``jsonl``, ``html``, ``warc``...) by the file's extension, else None."""
    lowered = name.lower()
    for extension in DOUBLE_EXTENSIONS:
        if lowered.endswith(extension):
            return FORMATS[extension]
    return FORMATS.get(os.path.splitext(lowered)[1])


def files_to_read(paths: Iterable[str]) -> Iterator[tuple[str, str] | Problem]:
    """``(path, format)`` for each file to read, in order, and a Problem for each bad path."""
    seen: set[str] = set()
    for path in paths:
        for item in _expand(path):
            if isinstance(item, Problem):
                yield item
                continue
            key = item[0] if item[0] == STDIN else os.path.realpath(item[0])
            if key not in seen:
                seen.add(key)
                yield item


def _expand(path: str) -> Iterator[tuple[str, str] | Problem]:
    if path == STDIN:
        yield (STDIN, "stdin")
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        yield Problem(path, "no such file or folder")
        return
    except OSError as error:
        yield Problem(path, f"cannot read: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield from _folder(path)
    elif not stat.S_ISREG(mode):
        yield Problem(path, "not a regular file or a folder (not read)")
    elif file_format(path) is None:
        known = ", ".join(ext for ext in FORMATS if ext)
        yield Problem(path, f"unknown file type (not read); read are {known} and no extension")
    else:
        yield (path, file_format(path))


def _folder(folder: str) -> Iterator[tuple[str, str] | Problem]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield Problem(folder, f"cannot list the folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _folder(entry.path)
            elif entry.is_file() and file_format(entry.name) is not None:
                yield (entry.path, file_format(entry.name))
        except OSError:  # vanished or unreadable entry: as if it were not there
            continue

