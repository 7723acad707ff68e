"""Plain text: one cell per non-blank line."""

from __future__ import annotations

import io
from collections.abc import Iterator

from privscan.readers.base import Cell, ObjectReader, ReadLimits
from privscan.readers.streams import CHUNK, Peekable, decode_utf8, iter_lines, strip_newline


class LineSource:
    """Decoded physical lines of a Peekable stream, with per-line invalid-UTF-8 flags."""

    def __init__(self, src: Peekable, limits: ReadLimits):
        self._src = src
        self.buffer = io.BufferedReader(src, CHUNK)  # what the lines are read from (the CSV reader's blocks too)
        self._lines = iter_lines(self.buffer, limits.max_record_bytes)
        self._first = True

    def __iter__(self) -> Iterator[tuple[str, bool, bool]]:
        """Yields (text, continues, had_invalid_utf8); see `iter_lines` for `continues`."""
        for data, continues in self._lines:
            text, bad = decode_utf8(data)
            if self._first:
                text, self._first = text.removeprefix("\ufeff"), False
            yield text, continues, bad

    @property
    def consumed(self) -> int:
        return self._src.consumed


class TextReader(ObjectReader):
    """`record` is the 0-based physical line number (blank lines count but yield nothing).

    A line longer than `max_record_bytes` is yielded in several cells with the same record.
    """

    format = "text"

    def __init__(self, src: Peekable, *, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self._lines = LineSource(src, limits)

    def _bytes_consumed(self) -> int:
        return self._lines.consumed

    def physical_lines(self) -> Iterator[tuple[str, bool, bool]]:
        """The decoded lines the cells are read from, newlines kept (see `LineSource`)."""
        return iter(self._lines)

    def _cells(self) -> Iterator[Cell]:
        record, counted, bad_reported = 0, False, False
        for text, continues, bad in self._lines:
            text = strip_newline(text)
            if bad and not bad_reported:
                self._issue(record, "invalid_utf8", "invalid UTF-8 bytes replaced")
                bad_reported = True
            if text.strip():
                if not counted:
                    self.stats.records += 1
                    counted = True
                yield Cell(record, None, text)
            if not continues:
                record, counted, bad_reported = record + 1, False, False
