"""Byte-stream helpers shared by the readers: look-ahead, line splitting, UTF-8 decoding."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

CHUNK = 64 * 1024


class Peekable(io.RawIOBase):
    """Wraps any `.read(n)` stream so the first bytes can be inspected, then replayed.

    `consumed` counts the bytes handed on to readers (replayed ones included), i.e.
    the uncompressed bytes read when this wraps an inflater.
    """

    def __init__(self, source: BinaryIO | io.RawIOBase):
        super().__init__()
        self._src = source
        self._buf = bytearray()
        self._off = 0  # start of the not yet replayed part of _buf
        self._eof = False
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def head(self, n: int) -> bytes:
        """The first `n` bytes not yet read (fewer only at the end of the stream)."""
        while len(self._buf) - self._off < n and not self._eof:
            data = self._src.read(max(n - (len(self._buf) - self._off), CHUNK))
            if not data:
                self._eof = True
            else:
                self._buf += data
        return bytes(self._buf[self._off : self._off + n])

    def readinto(self, b) -> int:
        if self._off < len(self._buf):
            n = min(len(b), len(self._buf) - self._off)
            b[:n] = self._buf[self._off : self._off + n]
            self._off += n
            if self._off == len(self._buf):
                self._buf, self._off = bytearray(), 0
        elif self._eof:
            n = 0
        else:
            data = self._src.read(len(b)) or b""
            n = len(data)
            b[:n] = data
            self._eof = n == 0
        self.consumed += n
        return n


def complete_utf8_len(data: bytes) -> int:
    """Length of the longest prefix of `data` that does not end inside a UTF-8 sequence."""
    n = len(data)
    i = n - 1
    while i >= 0 and n - i < 4 and data[i] & 0xC0 == 0x80:  # step back over continuation bytes
        i -= 1
    if i < 0:
        return n
    lead = data[i]
    need = 2 if lead >> 5 == 0b110 else 3 if lead >> 4 == 0b1110 else 4 if lead >> 3 == 0b11110 else 1
    return i if i + need > n else n


def decode_utf8(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8; invalid bytes become U+FFFD. Returns (text, had_invalid_bytes)."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), True


def iter_lines(stream: io.BufferedIOBase, max_len: int) -> Iterator[tuple[bytes, bool]]:
    """Physical lines of `stream` (line endings kept) as `(data, continues)` pairs.

    A line longer than `max_len` bytes comes in pieces (cut on UTF-8 character
    boundaries) with `continues=True` on all but its last piece, so that memory
    stays bounded by `max_len` whatever the input.
    """
    carry = b""
    while True:
        piece = carry + stream.readline(max_len - len(carry))
        carry = b""
        if not piece:
            return
        if piece.endswith(b"\n") or len(piece) < max_len:  # a whole line (or the last one, unterminated)
            yield piece, False
            continue
        cut = complete_utf8_len(piece) or len(piece)
        carry = piece[cut:]
        yield piece[:cut], True


def strip_newline(text: str) -> str:
    """The text without one trailing line break (CRLF or LF)."""
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text


_VALID_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def is_windows_1252(head: bytes) -> bool:
    """Text written by a legacy 8-bit export (Excel's CSV, old systems): bytes that are not UTF-8, no
    UTF-8 character anywhere in the head, and every byte defined in Windows-1252."""
    sample = head[: complete_utf8_len(head)]
    try:
        sample.decode("utf-8")
        return False
    except UnicodeDecodeError:
        pass
    if _VALID_MULTIBYTE.search(sample):
        return False  # UTF-8 with a few broken bytes: decoded as UTF-8, the bad bytes reported
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


class Windows1252ToUtf8(io.RawIOBase):
    """Re-encodes a Windows-1252 byte stream as UTF-8, chunk by chunk (one byte is one character)."""

    def __init__(self, source):
        super().__init__()
        self._src = source
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._pending:
            data = self._src.read(CHUNK)
            if not data:
                return 0
            self._pending = data.decode("cp1252", "replace").encode("utf-8")
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def utf16_encoding(head: bytes) -> str | None:
    """ "utf-16-le" / "utf-16-be" for UTF-16 text (with or without a byte-order mark), else None.

    Without a BOM, text in a Latin script has a NUL in every other byte: in the high byte of each
    code unit, i.e. at odd offsets (little-endian) or even offsets (big-endian). UTF-32 is not UTF-16.
    """
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None
    if head.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if head.startswith(b"\xfe\xff"):
        return "utf-16-be"
    sample = head[:_UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= _UTF16_NUL_SHARE * half and even_nuls <= _UTF16_OTHER_SHARE * half:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE * half and odd_nuls <= _UTF16_OTHER_SHARE * half:
        return "utf-16-be"
    return None


_UTF16_SAMPLE = 4096
_UTF16_NUL_SHARE = 0.6  # most code units of Latin-script text have a zero high byte
_UTF16_OTHER_SHARE = 0.05  # ... and almost none a zero low byte


class Utf16ToUtf8(io.RawIOBase):
    """Re-encodes a UTF-16 byte stream as UTF-8, chunk by chunk (a leading BOM is dropped)."""

    def __init__(self, source, encoding: str):
        super().__init__()
        self._src = source
        self._decoder = codecs.getincrementaldecoder(encoding)("replace")
        self._pending = b""
        self._first = True
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._pending and not self._done:
            data = self._src.read(CHUNK)
            self._done = not data
            text = self._decoder.decode(data or b"", final=self._done)
            if self._first and text:
                text, self._first = text.removeprefix("\ufeff"), False
            self._pending = text.encode("utf-8", "replace")
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n
