"""CSV / TSV: the header row names the fields; each data row is one record."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from privscan.readers.base import Cell, ObjectReader, ReadLimits, TableBatch, TooLarge
from privscan.readers.streams import Peekable
from privscan.readers.text import LineSource

_DELIMITERS = ",;\t|"
_SNIFF_ROWS = 50
TABLE_BATCH_ROWS = 16_384  # records per column batch (the columnar path): bounded memory, few Arrow calls
# A character `str.strip` keeps: a value holding one is not blank (Python's white space, listed in full).
NOT_BLANK = r"[^\t\n\x0b\f\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"


def blank_as_null(array):
    """A string array with the values `str.strip` leaves empty made null: the cells a reader does not yield.

    A value whose first byte is printable ASCII other than a space is not blank (read from the array's bytes at
    once); only the others are matched against NOT_BLANK."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    _, offsets, data = array.buffers()[:3]
    if data is None or not len(data) or not len(array):
        return pc.if_else(pc.match_substring_regex(array, NOT_BLANK), array, None)
    wide = pa.types.is_large_string(array.type)
    ends = np.frombuffer(offsets, np.int64 if wide else np.int32)[array.offset : array.offset + len(array) + 1]
    first = np.frombuffer(data, np.uint8)[np.minimum(ends[:-1], len(data) - 1)]
    keep = (ends[1:] > ends[:-1]) & (first > 32) & (first < 127)
    if keep.all():
        return array
    rows = np.flatnonzero(~keep)
    matched = pc.match_substring_regex(array.take(pa.array(rows, pa.int64())), NOT_BLANK)
    keep[rows] = pc.fill_null(matched, False).to_numpy(zero_copy_only=False)
    return pc.if_else(pa.array(keep), array, None)


def sniff_delimiter(sample: str) -> str:
    """The candidate that splits the header into most columns with the most rows agreeing.

    Parses with the csv module itself so quoted delimiters and newlines are not miscounted.
    """
    sample = sample[: sample.rfind("\n") + 1] or sample  # whole lines only
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r][:_SNIFF_ROWS]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(r) == width for r in rows) / len(rows), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def field_names(header: list[str], limits: ReadLimits | None = None) -> list[str]:
    """Header cells as unique field names: blanks become `column_<n>` (1-based), repeats `name_2`, `name_3`...

    Only the first `max_columns` cells are named, each cut to `max_column_name_chars` (later fields are
    `column_<n>`, as fields past the header are). Each name keeps its next free suffix, so that n repeats of
    one name cost O(n), not O(n²).
    """
    limits = limits or ReadLimits()
    names: list[str] = []
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}
    for i, raw in enumerate(header[: limits.max_columns]):
        base = raw.strip()[: limits.max_column_name_chars] or f"column_{i + 1}"
        name = base
        if name in seen:
            n = next_suffix.get(base, 2)
            while f"{base}_{n}" in seen:
                n += 1
            name, next_suffix[base] = f"{base}_{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def rows_or_errors(rows: Iterator[list[str]]) -> Iterator[list[str] | None]:
    """Parsed rows; None for a row the csv module rejects (e.g. a field past the size limit).

    The csv module ends every row (or error) at the end of a line it was fed, which is what lets a
    chunked scan cut an object at row ends (privscan.ingest.chunked.plan).
    """
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except csv.Error:  # its message may quote the content: not kept
            yield None


def first_row(rows: Iterator[list[str] | None]) -> list[str] | None:
    """The header: the first row that is neither blank nor rejected."""
    return next((row for row in rows if row), None)


def row_cells(names: list[str], record: int, row: list[str] | None) -> Iterator[Cell]:
    """The non-blank values of one data row; fields past the header are `column_<n>` (1-based)."""
    width = len(names)
    for i, value in enumerate(row or ()):
        if value.strip():
            yield Cell(record, names[i] if i < width else f"column_{i + 1}", value)


class DelimitedReader(ObjectReader):
    """`record` is the 0-based data row (header excluded; a quoted multi-line row is one
    record; blank lines are skipped and not counted). The header is read on open, so
    `columns` is known before iterating.
    """

    tabular = True

    def __init__(self, src: Peekable, delimiter: str, *, fmt: str, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self.format = fmt
        self.delimiter = delimiter
        self._lines = LineSource(src, limits)
        self._bad_utf8 = False  # set when a line fed to the csv module had invalid bytes
        # A quoted field may not grow past one record's worth (the limit is process-wide).
        csv.field_size_limit(limits.max_record_bytes)
        self._rows = csv.reader(self._feed(), delimiter=delimiter)
        header = first_row(self._rows_or_errors())
        if self._take_bad_utf8():
            self._issue(None, "invalid_utf8", "invalid UTF-8 bytes replaced in the header")
        self._width = len(header or [])  # what a well-formed row holds, named or not
        if self._width > limits.max_columns or any(len(name) > limits.max_column_name_chars for name in header or ()):
            self._issue(
                None,
                "header_limited",
                f"names kept for {limits.max_columns} columns of at most "
                f"{limits.max_column_name_chars} characters; the header has {self._width} columns",
            )
        self.header = header or []  # the header row as written (`columns` are the names made of it)
        self.columns = field_names(self.header, limits)

    def _feed(self) -> Iterator[str]:
        for text, continues, bad in self._lines:
            if continues:
                raise TooLarge(f"a line is longer than {self.limits.max_record_bytes} bytes")
            self._bad_utf8 |= bad
            yield text

    def _rows_or_errors(self) -> Iterator[list[str] | None]:
        return rows_or_errors(self._rows)

    def _take_bad_utf8(self) -> bool:
        bad, self._bad_utf8 = self._bad_utf8, False
        return bad

    def _bytes_consumed(self) -> int:
        return self._lines.consumed

    def _cells(self) -> Iterator[Cell]:
        names = self.columns or []
        for record, row in self.rows():
            yield from row_cells(names, record, row)

    def table_batches(self) -> Iterator[TableBatch] | None:
        """Up to TABLE_BATCH_ROWS records at a time as columns; a malformed row is irregular (its cells as `cells()`
        gives them). None when the header names fewer columns than it has (past `max_columns`)."""
        if not self.columns or len(self.columns) != self._width:
            return None
        return self._table_batches()

    def _table_batches(self) -> Iterator[TableBatch]:
        """Batches of records read as `rows` reads them: plain lines split a block at a time (readers/csv_blocks.py),
        other lines by the csv module, a record at a time."""
        from privscan.readers.csv_blocks import LineBlocks

        blocks = LineBlocks(self._lines.buffer, self.limits.max_record_bytes)
        slow = rows_or_errors(csv.reader(blocks.lines(), delimiter=self.delimiter))
        parts: list[tuple[str, list]] = []  # ("plain", lines) or ("rows", rows), in record order
        first, count = self.stats.records, 0
        while True:
            lines, taken = blocks.plain(TABLE_BATCH_ROWS - count)
            if taken:
                lines = _records(lines)  # blank lines are no records
                if len(lines):
                    parts.append(("plain", [lines, *self._split_plain(first + count, lines)]))
            else:
                row = next(slow, False)
                if row is False:
                    break
                bad, blocks.bad_utf8 = blocks.bad_utf8, False
                if row == []:  # blank line
                    continue
                self._account(first + count, row, bad)
                if parts and parts[-1][0] == "rows":
                    parts[-1][1].append(row)
                else:
                    parts.append(("rows", [row]))
                lines = [row]
            count += len(lines)
            if count >= TABLE_BATCH_ROWS:
                yield self._batch_of(first, count, parts)
                parts, first, count = [], first + count, 0
        if count:
            yield self._batch_of(first, count, parts)

    def _split_plain(self, first: int, lines) -> tuple:
        """Plain lines split into fields, their records counted and their issues noted (as `rows` does)."""
        from privscan.readers.csv_blocks import split_plain

        fields, regular = split_plain(lines, self.delimiter, self._width)
        self.stats.records += len(lines)
        for i in (~regular).nonzero()[0].tolist():
            self.stats.records -= 1
            self._account(first + i, _text(lines[i]).split(self.delimiter), False)
        return fields, regular

    def _account(self, record: int, row: list[str] | None, bad_utf8: bool) -> None:
        """Count one record and note its issues, as `rows` does."""
        self.stats.records += 1
        if bad_utf8:
            self._issue(record, "invalid_utf8", "invalid UTF-8 bytes replaced")
        if row is None:
            self._issue(record, "malformed_row", "row could not be parsed")
        elif len(row) != self._width:
            self._issue(record, "malformed_row", f"expected {self._width} fields, got {len(row)}")

    def _batch_of(self, first: int, count: int, parts: list[tuple[str, list]]) -> TableBatch:
        """One batch of records from its parts: plain lines split by whole-array operations, rows the csv module
        read."""
        import numpy as np
        import pyarrow as pa

        from privscan.readers.csv_blocks import plain_columns

        names, width, delimiter = self.columns, self._width, self.delimiter
        pieces: list[list[pa.Array]] = []
        irregular: list[np.ndarray] = []
        sources: list[tuple[int, str, list]] = []  # (first index in the batch, kind, items)
        at = first
        for kind, items in parts:
            if kind == "plain":
                items, fields, regular = items
                pieces.append(plain_columns(fields, regular, width))
                irregular.append(~regular)
            else:
                bad = np.fromiter((row is None or len(row) != width for row in items), bool, len(items))
                rows = [[""] * width if b else row for row, b in zip(items, bad, strict=True)]
                pieces.append([pa.array(values, pa.string()) for values in zip(*rows, strict=True)])
                irregular.append(bad)
            sources.append((at - first, kind, items))
            at += len(items)
        columns = {
            name: blank_as_null(pa.concat_arrays([piece[i] for piece in pieces])) for i, name in enumerate(names)
        }
        starts = [start for start, _, _ in sources]

        def record_cells(i: int) -> Iterator[Cell]:
            import bisect

            start, kind, items = sources[bisect.bisect_right(starts, i) - 1]
            item = items[i - start]
            return row_cells(names, first + i, _text(item).split(delimiter) if kind == "plain" else item)

        return TableBatch(first, count, columns, np.concatenate(irregular), record_cells)

    def rows(self) -> Iterator[tuple[int, list[str] | None]]:
        """(record, row) for each data row after the header, blank lines skipped; None for a row the csv
        module rejects. The cells are read from these, so a rewriter that walks them numbers records alike."""
        width = self._width
        record = 0
        for row in self._rows_or_errors():
            if row == []:  # blank line
                self._take_bad_utf8()
                continue
            self.stats.records += 1
            if self._take_bad_utf8():
                self._issue(record, "invalid_utf8", "invalid UTF-8 bytes replaced")
            if row is None:
                self._issue(record, "malformed_row", "row could not be parsed")
            elif len(row) != width:
                self._issue(record, "malformed_row", f"expected {width} fields, got {len(row)}")
            yield record, row
            record += 1


def _records(lines):
    """Plain lines (a string array or a list) without the blank ones."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(lines, pa.Array):
        blank = pc.equal(lines, "")
        return lines.filter(pc.invert(blank)) if pc.any(blank).as_py() else lines
    return [line for line in lines if line] if "" in lines else lines


def _text(item) -> str:
    """A plain line as text (an item of a string array or of a list)."""
    return item if isinstance(item, str) else item.as_py()
