"""Bytes to text: what is decoded, what is refused, and what is reported.

Read:

- UTF-8, with or without a byte-order mark. The UTF-8 BOM is not text: it is dropped,
  so ``Article.text`` starts at the first real character (offsets index the decoded
  text, never the bytes). Nothing else changes: ``\\r\\n`` stays ``\\r\\n``.
- UTF-16 and UTF-32 *with* a byte-order mark (whole files only, see ``decode_bytes``).
- Text in a legacy single-byte encoding (cp1252, latin-1, cp1250, ...), detected with
  charset-normalizer. When cp1252 decodes the bytes as well as the best guess, cp1252
  wins (it is the usual non-UTF-8 encoding of Western news text). The guess is
  reported in a note: ``not UTF-8; decoded as cp1252 (detected), check the text``.
- Damaged UTF-8: text that is clearly UTF-8 (it has valid multi-byte characters) but
  holds a few invalid bytes. Those bytes become U+FFFD and a note says how many and
  where the first one is. A user gets the article, and is told that it is damaged.

Refused (``Refused("binary file, not text (refused)")``):

- bytes with a NUL byte (other than in UTF-16/32 with a BOM);
- bytes for which charset-normalizer finds no plausible text;
- decoded text of which more than 5% are control characters other than tab, line
  feed, carriage return, form feed and vertical tab.

UTF-16 and UTF-32 without a BOM are not detected (their NUL bytes make them binary).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from collections.abc import Callable

from newsledger.model import Problem

from .reading import Options, Refused, read_whole

BINARY = "binary file, not text (refused)"
WESTERN = "cp1252"
MAX_CONTROL_SHARE = 0.05
UNICODE_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NEVER_GUESSED = [  # multi-byte encodings that random bytes fit too easily
    "utf_7", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
]
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read as, and a note to report, if any."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a whole file; ``Refused`` when they are not text."""
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            return _plausible(_decode_with_bom(data, encoding))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return decode_plain(data)


def decode_plain(data: bytes) -> Decoded:
    """Decode bytes without a BOM: UTF-8, damaged UTF-8, or a detected encoding."""
    if b"\x00" in data:
        raise Refused(BINARY)
    try:
        return _plausible(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _mostly_utf8(data):
        return _plausible(_replace_invalid(data, first_bad))
    return _plausible(_detect(data))


def _decode_with_bom(data: bytes, encoding: str) -> Decoded:
    try:  # the "utf-16"/"utf-32" codecs read the BOM and drop it
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        raise Refused(f"starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()}") from None


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes have more valid UTF-8 characters than invalid bytes."""
    valid = len(UTF8_MULTIBYTE.findall(data))
    return valid > 0 and _count_invalid(data) <= valid


def _count_invalid(data: bytes) -> int:
    replaced = data.decode("utf-8", errors="replace").count("\ufffd")
    return replaced - data.count("\ufffd".encode("utf-8"))


def _replace_invalid(data: bytes, first_bad: int) -> Decoded:
    count = _count_invalid(data)
    note = (f"{count} invalid UTF-8 byte sequence(s), the first at byte {first_bad}; "
            "replaced with U+FFFD")
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", note)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_exclusion=NEVER_GUESSED)
    best = matches.best()
    if best is None:
        raise Refused(BINARY)
    encoding, text = best.encoding, str(best)
    if _western_fits(matches, best):
        try:
            encoding, text = WESTERN, data.decode(WESTERN)
        except UnicodeDecodeError:
            pass
    return Decoded(text, encoding, f"not UTF-8; decoded as {encoding} (detected), check the text")


def _western_fits(matches, best) -> bool:
    """True when cp1252 reads the bytes as well as the best guess does."""
    for match in matches:
        close = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.05
        if close and WESTERN in match.could_be_from_charset:
            return True
    return False


def _plausible(decoded: Decoded) -> Decoded:
    """The decoded text, unless control characters show it is not text."""
    text = decoded.text
    if text and len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise Refused(BINARY)
    return decoded


class WholeFileRefused(Refused):
    """A record file refused at its first line: the rest is not tried."""


class LineDecoder:
    """Decode the lines of one record file (JSONL, CSV) one at a time.

    The first line may start with a UTF-8 BOM (dropped). Each line is read as UTF-8;
    a line that is not is decoded as the encoding guessed at the first such line
    (or newly guessed). The guess is noted once per file, on the line it was made.
    A file whose first line is not text is refused whole (``WholeFileRefused``), and
    so is a UTF-16 or UTF-32 file: its lines cannot be split as bytes. A later line
    that is not text is refused alone.
    """

    def __init__(self) -> None:
        self.lines = 0
        self.fallback: str | None = None

    def decode(self, line: bytes) -> Decoded:
        self.lines += 1
        if self.lines > 1:
            return self._decode_later(line)
        if line.startswith(tuple(bom for bom, _ in UNICODE_BOMS)):
            raise WholeFileRefused("UTF-16/UTF-32 record files are not read; save the file as UTF-8")
        if line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        try:
            return self._remember(decode_plain(line))
        except Refused as refusal:
            raise WholeFileRefused(str(refusal)) from None

    def _decode_later(self, line: bytes) -> Decoded:
        try:
            if b"\x00" in line:
                raise Refused(BINARY)
            try:
                return _plausible(Decoded(line.decode("utf-8"), "utf-8"))
            except UnicodeDecodeError:
                return self._decode_not_utf8(line)
        except Refused:
            raise Refused("line is binary, not text (refused)") from None

    def _decode_not_utf8(self, line: bytes) -> Decoded:
        if self.fallback:
            try:
                return _plausible(Decoded(line.decode(self.fallback), self.fallback))
            except UnicodeDecodeError:
                pass
        return self._remember(decode_plain(line))

    def _remember(self, decoded: Decoded) -> Decoded:
        """Keep a newly guessed encoding for the next lines; note each guess once."""
        if decoded.encoding == "utf-8":
            return decoded
        if decoded.encoding == self.fallback:
            return Decoded(decoded.text, decoded.encoding)
        self.fallback = decoded.encoding
        return decoded


def read_decoded(path: str, options: Options,
                 decode: Callable[[bytes], "Decoded"] | None = None) -> tuple["Decoded | None", list[Problem]]:
    """A whole file read (within ``options.max_bytes``) and decoded, with the Problem
    that refused it (then ``None``) or the note on how it was decoded."""
    try:
        decoded = (decode or decode_bytes)(read_whole(path, options.max_bytes))
    except Refused as refusal:
        return None, [Problem(path, str(refusal))]
    return decoded, [Problem(path, decoded.note, skipped=False)] if decoded.note else []
