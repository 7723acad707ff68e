"""CSV / TSV rows for the columnar path, read in blocks of bytes and split with whole-array operations.

The csv module costs a few µs of Python per row. Most lines of a table export need none of its rules: a
line holding no quote character, no carriage return but one before its newline, no NUL and only valid
UTF-8 is its fields split at the delimiter, which is what the csv module gives it. Such lines ("plain"
lines) are decoded a block at a time, split with Arrow compute, and turned into columns without a
Python value per cell. Any other line (a quoted field, a multi-line record, replaced bytes, a line past
the record limit) is read by the csv module from the same bytes, one record at a time, exactly as
`DelimitedReader.rows` reads it: the records, their numbers and their issues are the same on both.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from privscan.readers.base import TooLarge
from privscan.readers.streams import decode_utf8

BLOCK_BYTES = 1024**2  # bytes read at a time
_QUOTE, _CR, _LF, _NUL = 34, 13, 10, 0


class LineBlocks:
    """The lines after a CSV's header, as plain runs (`plain`) or one line at a time (`lines`, for the csv
    module), read from the buffered stream the header was read from."""

    def __init__(self, buffer: io.BufferedIOBase, max_len: int):
        self._buffer = buffer
        self._max_len = max_len
        self._buf = b""
        self._pos = 0
        self._eof = False
        self.bad_utf8 = False  # set when a line given to the csv module had invalid bytes

    def _fill(self) -> bool:
        """At least one whole line (or the object's last bytes) from `_pos` on; False at the end."""
        while not self._eof and self._buf.find(b"\n", self._pos) < 0 and len(self._buf) - self._pos <= self._max_len:
            data = self._buffer.read(BLOCK_BYTES)
            self._buf = self._buf[self._pos :] + data
            self._pos = 0
            self._eof = not data
        return self._pos < len(self._buf)

    def lines(self) -> Iterator[str]:
        """Decoded lines, newlines kept, for the csv module; raises TooLarge at a line longer than the record
        limit (as `LineSource` marks it)."""
        while self._fill():
            end = self._buf.find(b"\n", self._pos)
            end = len(self._buf) if end < 0 else end + 1
            piece = self._buf[self._pos : end]
            if len(piece) > self._max_len or (not piece.endswith(b"\n") and len(piece) >= self._max_len):
                raise TooLarge(f"a line is longer than {self._max_len} bytes")
            self._pos = end
            text, bad = decode_utf8(piece)
            self.bad_utf8 |= bad
            yield text

    def plain(self, most: int) -> tuple[pa.StringArray | list, bool]:
        """Up to `most` plain lines from here on as one string array, newlines removed (blank lines as ""), and
        whether any line was taken; none when the next line is not plain."""
        if not self._fill():
            return [], False
        data = np.frombuffer(self._buf, np.uint8)[self._pos :]
        newlines = np.flatnonzero(data == _LF)
        ends = newlines + 1
        if self._eof and (not len(ends) or ends[-1] < len(data)):
            ends = np.append(ends, len(data))  # the object's last line, unterminated
        ends = ends[:most]
        starts = np.concatenate(([0], ends[:-1]))
        hard = (data == _QUOTE) | (data == _NUL)
        cr = np.flatnonzero(data == _CR)
        hard[cr[(cr + 1 >= len(data)) | (data[np.minimum(cr + 1, len(data) - 1)] != _LF)]] = True
        first_hard = int(np.argmax(hard)) if hard.any() else len(data)
        lengths = ends - starts
        too_long = (lengths > self._max_len) | ((data[ends - 1] != _LF) & (lengths >= self._max_len))
        take = int(np.searchsorted(ends, first_hard, side="right"))  # the lines that end before the first hard byte
        if too_long.any():
            take = min(take, int(np.argmax(too_long)))
        if not take:
            return [], False
        end = int(ends[take - 1])
        chunk = self._buf[self._pos : self._pos + end]
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError as error:  # plain up to the line holding the first invalid byte
            take = int(np.searchsorted(ends, error.start, side="right"))
            if not take:
                return [], False
            end = int(ends[take - 1])
            chunk = self._buf[self._pos : self._pos + end]
            text = chunk.decode("utf-8")
        self._pos += end
        return _lines(text, chunk), True


def _lines(text: str, chunk: bytes) -> pa.StringArray:
    """The lines of plain text (each carriage return in it is followed by a newline), newlines removed, split by
    Arrow: as `text.replace("\\r\\n", "\\n").split("\\n")` without a last "" after a final newline."""
    array = pa.array([text], pa.string())
    separator = "\n"
    if "\r" in text:
        if chunk.count(b"\r") == chunk.count(b"\n"):  # every line ends in CRLF
            separator = "\r\n"
        else:
            array = pc.replace_substring(array, "\r\n", "\n")
    lines = pc.split_pattern(array, pattern=separator).flatten()
    if text.endswith("\n"):
        lines = lines.slice(0, len(lines) - 1)
    return lines


def split_plain(lines: pa.StringArray | list[str], delimiter: str, width: int) -> tuple[pa.ListArray, np.ndarray]:
    """Non-blank plain lines split into their fields (as the csv module splits a line without quotes) and
    whether each has `width` fields."""
    if not isinstance(lines, pa.Array):
        lines = pa.array(lines, pa.string())
    fields = pc.split_pattern(lines, pattern=delimiter)
    regular = pc.equal(pc.list_value_length(fields), width).to_numpy(zero_copy_only=False)
    return fields, regular


def plain_columns(fields: pa.ListArray, regular: np.ndarray, width: int) -> list[pa.Array]:
    """Each column of split lines: the i-th field of the regular rows, null in the others."""
    flat = fields.flatten()
    offsets = fields.offsets.to_numpy()[:-1].astype(np.int64)
    mask = None if regular.all() else ~regular
    return [flat.take(pa.array(np.where(regular, offsets + i, 0), pa.int64(), mask=mask)) for i in range(width)]
