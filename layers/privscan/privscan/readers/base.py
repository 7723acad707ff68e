"""What every reader yields, and the outcomes a reader can raise.

A reader turns one object (a byte stream plus its name) into a stream of
`Cell`s: one piece of text with its location. Readers never look at what the
text means; detection happens later in the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Self

from privscan.vocabulary import Outcome

# JSON's `\ud83d` escape decodes to a lone surrogate: a str that cannot be encoded, which spaCy and every sink
# refuse. Each is replaced by U+FFFD, one code point for one, so offsets in the text hold.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Cell:
    """One scannable text value and where it sits in the object."""

    record: int | None  # 0-based data row / JSONL line / Parquet row / text line
    field: str | None  # column name, JSON path (``messages[3].content``) or None for text lines
    text: str
    role: str | None = None  # chat-turn role (user / assistant / system) when the text is a turn's content
    member: str | None = None  # the member path inside an archive (.zip, .tar): findings name `archive!member`


@dataclass(frozen=True, slots=True)
class BlockCell(Cell):
    """Stands in a cell stream for a run of records that the columnar path settled as a whole (engine/columnar.py):
    `block` holds what they add to the findings, `cells` how many cells they hold. Its `field` is None and its
    `record` the run's first record's, so the stages that work per record or per cell pass it on untouched."""

    block: Any = None
    cells: int = 0


def has_lone_surrogate(cell: Cell) -> bool:
    """Whether the cell's text, field or role holds an unpaired surrogate (see LONE_SURROGATE)."""
    search = LONE_SURROGATE.search
    return bool(search(cell.text) or (cell.field and search(cell.field)) or (cell.role and search(cell.role)))


@dataclass(slots=True)
class RecordIssue:
    """A problem with one record that did not stop the read (never holds content)."""

    record: int | None
    code: str  # e.g. "malformed_row", "invalid_json", "invalid_utf8"
    detail: str  # human-readable, content-free: "expected 4 fields, got 6"


@dataclass(slots=True)
class ReadLimits:
    """Bounds on the memory and work one object may take; past them the read ends in a ReadError."""

    max_inflated_bytes: int = 2 * 1024**3  # a .gz may inflate to at most this many bytes
    max_inflation_ratio: int = 200  # ... and to at most this multiple of its compressed size
    max_field_chars: int = 1_000_000  # longer values are split before NLP (spaCy's max_length)
    max_record_bytes: int = 64 * 1024**2  # one CSV line, JSONL line or JSON array element held in memory at most
    max_columns: int = 16_384  # header cells named (a spreadsheet's width); fields past them are column_<n>
    max_column_name_chars: int = 256  # a longer header cell is cut to this many characters
    max_issues: int = 100  # RecordIssues kept per object; the rest are only counted (ReadStats.issue_overflow)
    # Parquet, checked in the footer before anything is decoded (the inflation limits above apply too):
    max_parquet_footer_bytes: int = 64 * 1024**2  # the footer (schema and row-group metadata) is parsed whole
    max_parquet_row_groups: int = 10_000
    max_parquet_columns: int = 10_000  # leaf columns of the schema
    max_parquet_rows: int = 100_000_000  # rows of the row groups read (a chunk's, in a chunked scan)
    max_members: int = 1_000  # an archive (.zip, .tar) with more members is refused as a whole
    max_pages: int = 2_000  # PDF pages read at most; the rest are reported as an issue
    max_cells: int = 5_000_000  # spreadsheet cells looked at at most; the rest are reported as an issue
    archive_depth: int = 1  # archives inside an archive are not opened (their members become coverage gaps)


class ReadError(Exception):
    """Base class: the whole object cannot be read. `code` is recorded as the outcome.

    Messages must never contain content from the object.
    """

    code = Outcome.UNREADABLE

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class UnsupportedFormat(ReadError):
    """Neither the name nor the first bytes say a format privscan reads."""

    code = Outcome.UNSUPPORTED_FORMAT


class BinaryContent(ReadError):
    """The object's bytes are not text in any encoding privscan reads."""

    code = Outcome.BINARY


class MalformedObject(ReadError):
    """The object claims a format and breaks it beyond reading."""

    code = Outcome.MALFORMED


class DecompressionBomb(ReadError):
    """The object inflates past the size or ratio the limits allow."""

    code = Outcome.DECOMPRESSION_BOMB


class NoTextLayer(ReadError):
    """A PDF whose pages carry no extractable text (a scan): it would need OCR."""

    code = Outcome.NO_TEXT_LAYER


class Encrypted(ReadError):
    """A password-protected PDF, archive or Office file."""

    code = Outcome.ENCRYPTED


class TooManyMembers(ReadError):
    """An archive (or an Office file, itself a ZIP) with more members than `ReadLimits.max_members`."""

    code = Outcome.TOO_MANY_MEMBERS


class TooLarge(ReadError):
    """One record (a CSV line, a JSON document or array element, a Parquet row) exceeds
    `ReadLimits.max_record_bytes`, or a Parquet footer one of the `max_parquet_*` caps."""

    code = Outcome.TOO_LARGE


@dataclass(slots=True)
class ReadStats:
    """What a reader consumed: records, cells and bytes, and the issues of records it skipped."""

    records: int = 0
    cells: int = 0
    bytes_read: int = 0  # uncompressed bytes consumed
    issues: list[RecordIssue] = field(default_factory=list)
    issue_overflow: int = 0  # issues beyond ReadLimits.max_issues, counted but not kept

    def add_issue(self, issue: RecordIssue, cap: int) -> None:
        """Record a skipped record's issue, keeping at most `cap` of them and counting the rest."""
        if len(self.issues) < cap:
            self.issues.append(issue)
        else:
            self.issue_overflow += 1


@dataclass(slots=True)
class TableBatch:
    """Consecutive records of a table as columns, for the columnar path (engine/columnar.py).

    `columns[name]` is a string array with one entry per record, null where the per-cell path yields no cell
    (a null, or a value that `str.strip` leaves empty); `irregular` marks records whose cells are not those
    columns (a malformed row, replaced bytes): the columnar path gives them to `record_cells`, which yields
    exactly the cells `cells()` would, so a record reads the same on either path.
    """

    first_record: int
    rows: int
    columns: dict[str, Any]  # name -> pyarrow string array
    irregular: Any  # numpy bool array, one per record
    record_cells: Callable[[int], Iterator[Cell]]  # the cells of the batch's i-th record


class ObjectReader:
    """One opened object: what it is, plus a single-use, lazy stream of its cells.

    `cells()` may raise a `ReadError` part-way (e.g. a gzip bomb found late); cells
    already yielded stay valid. `stats` is filled while iterating.
    """

    format: str = "text"  # csv | tsv | json | jsonl | chat | parquet | text | xlsx | docx | pdf | archive
    tabular: bool = False  # fields are columns (csv, tsv, parquet)

    def __init__(self, *, compressed: bool, limits: ReadLimits):
        self.compressed = compressed
        self.limits = limits
        self.columns: list[str] | None = None
        self.utf16 = False  # re-encoded from UTF-16: byte offsets of the object are not those read
        self.stats = ReadStats()
        self._state = "new"  # new -> reading -> done

    @property
    def empty(self) -> bool:
        """True once fully read if the object held no records."""
        return self._state == "done" and self.stats.records == 0

    def cells(self) -> Iterator[Cell]:
        """The object's cells, streamed; a reader can be iterated once."""
        if self._state != "new":
            raise RuntimeError("cells() can only be iterated once")
        self._state = "reading"
        try:
            for cell in self._cells():
                if has_lone_surrogate(cell):
                    cell = self._without_surrogates(cell)
                self.stats.cells += 1
                self.stats.bytes_read = self._bytes_consumed()
                yield cell
            self._state = "done"
        finally:
            self.stats.bytes_read = self._bytes_consumed()
            self.close()

    def table_batches(self) -> Iterator[TableBatch] | None:
        """The object's records as column batches, for the columnar path; None when this reader or this
        object has none (every reader but CSV / TSV and flat Parquet, a header wider than its names)."""
        return None

    def columnar_cells(self, split: Callable[[Iterator[TableBatch]], Iterator[Cell]]) -> Iterator[Cell]:
        """`cells()` over `table_batches()`: the batches turned into cells by `split` (engine/columnar.py
        `ColumnarSplitter.cells`), which may read ahead of the cells it yields and stand for many records with one
        `Cell` of its own; the stats and states are those of `cells()`. `split` yields exactly the cells `cells()`
        would for the records it gives as cells."""
        if self._state != "new":
            raise RuntimeError("cells() can only be iterated once")
        batches = self.table_batches()
        if batches is None:
            raise RuntimeError("this reader has no table batches")
        self._state = "reading"

        def read() -> Iterator[TableBatch]:
            for batch in batches:
                self.stats.bytes_read = self._bytes_consumed()
                yield batch

        try:
            for cell in split(read()):
                if isinstance(cell, BlockCell):
                    self.stats.cells += cell.cells
                else:
                    if has_lone_surrogate(cell):
                        cell = self._without_surrogates(cell)
                    self.stats.cells += 1
                yield cell
            self._state = "done"
        finally:
            self.stats.bytes_read = self._bytes_consumed()
            self.close()

    def _without_surrogates(self, cell: Cell) -> Cell:
        self._issue(cell.record, "invalid_unicode", "unpaired surrogate code points replaced")
        field, text, role = (
            None if v is None else LONE_SURROGATE.sub("\ufffd", v) for v in (cell.field, cell.text, cell.role)
        )
        return Cell(cell.record, field, text, role)

    def close(self) -> None:
        """Release temporary files (called automatically when `cells()` ends)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _cells(self) -> Iterator[Cell]:
        raise NotImplementedError

    def _bytes_consumed(self) -> int:
        return 0

    def _issue(self, record: int | None, code: str, detail: str) -> None:
        self.stats.add_issue(RecordIssue(record, code, detail), self.limits.max_issues)
