"""Parquet: string and integer columns, read batch by batch within bounded memory and work.

Nested columns (structs / lists / maps) that hold strings or integers somewhere are
walked like JSON, so a Hugging Face style `messages: list<struct<role, content>>`
column yields `messages[0].content` cells with their role (and ShareGPT's `conversations: list<struct<from, value>>`
likewise); flat `prompt` / `response` (... docs/transcripts.md) columns give their cells a role too.

Parquet compresses twice: a codec (zstd, gzip, snappy) over each page, and dictionary
plus run-length encoding inside it, so a few hundred bytes can declare one long string
and repeat it over millions of rows. The reader therefore

- checks the footer before decoding anything: its length, the row-group, column and
  row counts, and the uncompressed sizes the row groups declare
  (`ReadLimits.max_parquet_*`, `max_inflated_bytes`, `max_inflation_ratio`);
- reads only the leaf columns that hold text, by position (duplicate column names are
  legal in Parquet; each column gets a unique name as CSV headers do), and reads string
  leaves dictionary-encoded, so a repeated value is held once whatever the row count;
- measures each batch's decoded size before turning it into Python values, which
  catches a footer that understates it, and turns rows into values a few MB at a time;
- reads strings as bytes and decodes them itself, replacing invalid UTF-8 (an issue).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from privscan.readers.base import (
    Cell,
    DecompressionBomb,
    MalformedObject,
    ObjectReader,
    ReadLimits,
    TableBatch,
    TooLarge,
)
from privscan.readers.delimited import blank_as_null, field_names
from privscan.readers.jsonpath import CHAT_LISTS, PAIR_KEYS, iter_leaves, record_roles
from privscan.readers.sniff import PARQUET_MAGIC
from privscan.readers.streams import decode_utf8

_BATCH_ROWS = 1024
_SLICE_BYTES = 8 * 1024**2  # rows are turned into Python values this many decoded bytes at a time
_RATIO_GRACE = 64 * 1024**2  # the inflation ratio is judged only past this many (declared or decoded) bytes
_ELEMENT_BYTES = 8  # what one list element or map entry costs beyond its content
_SCHEMA_DEPTH = 64  # nesting levels the footer may declare
_ARROW_ERRORS = (pa.ArrowException, OSError, ValueError)
T = TypeVar("T")


def _is_string(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


def _is_text_leaf(t: pa.DataType) -> bool:
    """A leaf the reader scans: a string or an integer, dictionary-encoded or not."""
    if pa.types.is_dictionary(t):
        return _is_text_leaf(t.value_type)
    return _is_string(t) or pa.types.is_integer(t)


def _children(t: pa.DataType) -> list[pa.DataType] | None:
    """The child types of a nested type, in Parquet's leaf order; None for a leaf."""
    if pa.types.is_struct(t):
        return [t.field(i).type for i in range(t.num_fields)]
    if pa.types.is_map(t):
        return [t.key_type, t.item_type]
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return [t.value_type]
    return None


def _leaves(t: pa.DataType) -> list[pa.DataType]:
    children = _children(t)
    if children is None:
        return [t]
    return [leaf for child in children for leaf in _leaves(child)]


def _plain(t: pa.DataType, *, binary: bool = False, unique: bool = False) -> pa.DataType:
    """`t` with each dictionary replaced by its values; with `binary`, each string by bytes (the same
    memory layout, read without decoding); with `unique`, repeated struct field names made unique."""

    def plain(child: pa.DataType) -> pa.DataType:
        return _plain(child, binary=binary, unique=unique)

    if pa.types.is_dictionary(t):
        return plain(t.value_type)
    if binary and _is_string(t):
        if pa.types.is_string_view(t):
            return pa.binary_view()
        return pa.large_binary() if pa.types.is_large_string(t) else pa.binary()
    if pa.types.is_struct(t):
        fields = [t.field(i) for i in range(t.num_fields)]
        names = field_names([f.name for f in fields]) if unique else [f.name for f in fields]
        return pa.struct([f.with_name(name).with_type(plain(f.type)) for f, name in zip(fields, names, strict=True)])
    if pa.types.is_map(t):
        return pa.map_(t.key_field.with_type(plain(t.key_type)), t.item_field.with_type(plain(t.item_type)))
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        value = t.value_field.with_type(plain(t.value_type))
        if pa.types.is_fixed_size_list(t):
            return pa.list_(value, t.list_size)
        return pa.large_list(value) if pa.types.is_large_list(t) else pa.list_(value)
    return t


def _costs(array: pa.Array) -> np.ndarray:
    """What each value of `array` costs once decoded into Python: its text bytes, plus a little per element."""
    t, n = array.type, len(array)
    if pa.types.is_dictionary(t):
        per_entry = pa.array(_costs(array.dictionary))
        return _numbers(pc.take(per_entry, array.indices))
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t) or _is_string(t):
        return _numbers(pc.binary_length(array))
    if pa.types.is_struct(t):
        total = np.zeros(n, np.int64)
        for child in array.flatten():
            total += _costs(child)
        return total
    if pa.types.is_fixed_size_list(t):
        size = t.list_size
        values = array.values.slice(array.offset * size, n * size)
        return (_costs(values) + _ELEMENT_BYTES).reshape(n, size).sum(axis=1) if size else np.zeros(n, np.int64)
    if _children(t) is not None:  # list, large list, map: sums over each row's run of elements
        running = np.concatenate(([0], np.cumsum(_costs(array.values) + _ELEMENT_BYTES)))
        offsets = array.offsets.to_numpy(zero_copy_only=False)
        return running[offsets[1:]] - running[offsets[:-1]]
    try:
        width = max(t.bit_width // 8, 1)
    except ValueError:  # not a fixed-width type
        width = 0
    return np.full(n, width, np.int64)


def _numbers(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, 0).to_numpy(zero_copy_only=False).astype(np.int64)


def _decoded(value: Any) -> tuple[Any, bool]:
    """`value` (from a binary view) with its bytes decoded as UTF-8, and whether any were invalid."""
    if isinstance(value, bytes):
        return decode_utf8(value)
    if isinstance(value, dict):
        items = [(key, _decoded(child)) for key, child in value.items()]
        return {key: child for key, (child, _) in items}, any(bad for _, (_, bad) in items)
    if isinstance(value, list | tuple):
        items = [_decoded(child) for child in value]
        return [child for child, _ in items], any(bad for _, bad in items)
    return value, False


@dataclass(frozen=True, slots=True)
class _Column:
    """One top-level column to read: its unique name, whether it is a flat value, its text leaves."""

    name: str
    flat: bool
    leaves: list[int]  # Parquet leaf-column indices


def _text_columns(schema: pa.Schema, names: list[str]) -> tuple[list[_Column], int]:
    """The columns with text somewhere, by position, and the number of leaf columns in the schema."""
    columns, first = [], 0
    for name, field in zip(names, schema, strict=True):
        leaves = _leaves(field.type)
        wanted = [first + i for i, leaf in enumerate(leaves) if _is_text_leaf(leaf)]
        if wanted:
            columns.append(_Column(name, _children(field.type) is None, wanted))
        first += len(leaves)
    return columns, first


def _footer_length(file: IO[bytes], size: int) -> int:
    """The footer's declared length (the 4 bytes before the closing magic)."""
    if size < 12:
        raise MalformedObject("invalid Parquet file")
    file.seek(size - 8)
    tail = file.read(8)
    if len(tail) != 8 or tail[4:] != PARQUET_MAGIC:
        raise MalformedObject("invalid Parquet file")
    file.seek(0)
    return struct.unpack("<I", tail[:4])[0]


class ParquetReader(ObjectReader):
    """`record` is the 0-based row over the whole file; `field` the column name.

    Needs a seekable binary file (the caller spools non-seekable bodies). Nulls and
    blank strings are skipped; floats, booleans, dates and binary columns are not read.
    `stats.bytes_read` is the file size (Parquet pages are compressed internally).
    Raises TooLarge or DecompressionBomb from the footer's figures when opened, and
    from what a batch decodes to while iterating.
    """

    format = "parquet"
    tabular = True

    def __init__(
        self,
        file: IO[bytes],
        *,
        compressed: bool,
        limits: ReadLimits,
        owned: bool = False,
        row_groups: list[int] | None = None,
    ):
        """`row_groups`: read only these (a chunk of a chunked scan); records then count from the first of them."""
        super().__init__(compressed=compressed, limits=limits)
        self._file = file
        self._owned = owned  # a temporary spool file we must close
        self._decoded = 0  # bytes decoded so far (see _costs)
        try:
            self._open(file, row_groups)
        except _ARROW_ERRORS:
            self.close()
            raise MalformedObject("invalid Parquet file") from None
        except BaseException:
            self.close()
            raise

    def _open(self, file: IO[bytes], row_groups: list[int] | None) -> None:
        limits = self.limits
        self._size = file.seek(0, io.SEEK_END)
        if _footer_length(file, self._size) > limits.max_parquet_footer_bytes:
            raise TooLarge(f"the Parquet footer is longer than {limits.max_parquet_footer_bytes} bytes")
        metadata = pq.read_metadata(file)
        if metadata.num_row_groups > limits.max_parquet_row_groups:
            raise TooLarge(f"more than {limits.max_parquet_row_groups} row groups")
        if metadata.num_columns > limits.max_parquet_columns:
            raise TooLarge(f"more than {limits.max_parquet_columns} columns")
        file.seek(0)
        self._pf = pq.ParquetFile(
            file,
            metadata=metadata,
            read_dictionary=range(metadata.num_columns),  # applies to the string (byte array) leaves only
            schema_depth_limit=_SCHEMA_DEPTH,
        )
        schema = self._pf.schema_arrow
        self.columns = field_names(schema.names)
        self._read, leaves = _text_columns(schema, self.columns)
        if leaves != metadata.num_columns:
            raise MalformedObject("invalid Parquet file (schema and columns disagree)")
        self._row_groups = list(range(metadata.num_row_groups)) if row_groups is None else list(row_groups)
        self._rows = self._check_declared(metadata)
        # the columns that may give a row's flat columns roles: prompt-and-answer fields, chat lists beside `system`
        self._pairs = [
            i
            for i, column in enumerate(self._read)
            if (column.flat and column.name in PAIR_KEYS) or (not column.flat and column.name in CHAT_LISTS)
        ]

    def _check_declared(self, metadata: pq.FileMetaData) -> int:
        """The rows of the row groups to read, once their declared figures are within the limits.

        Row groups' own totals only: pyarrow aborts the process on some malformed column-chunk metadata."""
        limits = self.limits
        rows = declared = 0
        for index in self._row_groups:
            group = metadata.row_group(index)
            rows += group.num_rows
            declared += group.total_byte_size
        if rows > limits.max_parquet_rows:
            raise TooLarge(f"more than {limits.max_parquet_rows} rows")
        self._check_inflation(declared, "the row groups declare")
        return rows

    def _check_inflation(self, inflated: int, what: str) -> None:
        """Raise DecompressionBomb when `inflated` bytes pass the size limit or the ratio to the file's size."""
        limits = self.limits
        if inflated > limits.max_inflated_bytes:
            raise DecompressionBomb(f"{what} more than {limits.max_inflated_bytes} uncompressed bytes")
        if inflated > _RATIO_GRACE and inflated > limits.max_inflation_ratio * max(self._size, 1):
            raise DecompressionBomb(f"{what} more than {limits.max_inflation_ratio} times the file's size")

    def _bytes_consumed(self) -> int:
        return self._size if self._state != "new" else 0

    @property
    def file(self) -> IO[bytes]:
        """The seekable Parquet file read (a rewriter reads it again with its own types)."""
        return self._file

    def close(self) -> None:
        if self._owned:
            self._file.close()

    def _cells(self) -> Iterator[Cell]:
        for first_row, batch in self._batches():
            yield from self._batch_cells(batch, first_row)

    def _batches(self, batch_rows: int = _BATCH_ROWS) -> Iterator[tuple[int, pa.RecordBatch]]:
        """(first row, batch) over the row groups to read, each batch's decoded size checked against the limits.

        Batches of more than _BATCH_ROWS rows (`batch_rows` a multiple of it: the columnar path's reads) are checked
        as their _BATCH_ROWS-row pieces are, and a row group that fails to decode is read again _BATCH_ROWS rows at a
        time from where they stopped: the records, issues and errors are those of reading _BATCH_ROWS at a time."""
        if not self._read:
            self.stats.records = self._rows
            return
        leaves = [leaf for column in self._read for leaf in column.leaves]
        row = 0
        for group in self._row_groups:  # one group at a time: Arrow cannot join nested dictionaries across groups
            size, in_group = batch_rows, 0
            batches = self._pf.reader.iter_batches(size, [group], column_indices=leaves, use_threads=False)
            while True:
                try:
                    batch = next(batches, None)
                except _ARROW_ERRORS:
                    if size != _BATCH_ROWS:  # where exactly: read again as the per-cell path reads
                        size = _BATCH_ROWS
                        narrow = self._pf.reader.iter_batches(size, [group], column_indices=leaves, use_threads=False)
                        batches = _skipped(narrow, in_group)
                        continue
                    if row == 0:
                        raise MalformedObject("invalid Parquet file") from None
                    self._issue(row, "malformed_row_group", "a row group could not be read; the rest was not read")
                    return
                if batch is None:
                    break
                self._check_batch(batch)
                yield row, batch
                row += batch.num_rows
                in_group += batch.num_rows

    def _check_batch(self, batch: pa.RecordBatch) -> np.ndarray:
        """What each row of `batch` decodes to, once the batch is known to be within the limits (checked for each
        piece of _BATCH_ROWS rows in turn, as those pieces read one at a time are)."""
        costs = _arrow(lambda: sum((_costs(array) for array in batch.columns), np.zeros(batch.num_rows, np.int64)))
        if not batch.num_rows:
            return costs
        starts = np.arange(0, batch.num_rows, _BATCH_ROWS)
        for total, most in zip(np.add.reduceat(costs, starts).tolist(), np.maximum.reduceat(costs, starts).tolist()):
            self._decoded += total
            self._check_inflation(self._decoded, "the text columns decode to")
            if most > self.limits.max_record_bytes:
                raise TooLarge(f"a Parquet row holds more than {self.limits.max_record_bytes} bytes of text")
        return costs

    def _batch_cells(self, batch: pa.RecordBatch, first_row: int) -> Iterator[Cell]:
        """The cells of one batch (its size already checked), a few MB of Python values at a time."""
        if batch.num_rows == 1:  # a record of the columnar path: no slices to work out
            ends: Iterator[int] | list[int] = [1]
        else:
            costs = _arrow(lambda: sum((_costs(array) for array in batch.columns), np.zeros(batch.num_rows, np.int64)))
            ends = _slice_ends(costs)
        start = 0
        for end in ends:
            piece = batch.slice(start, end - start)
            columns = _arrow(lambda piece=piece: [_python_values(array) for array in piece.columns])
            for offset in range(end - start):
                record = first_row + start + offset
                self.stats.records = record + 1
                roles = self._pair_roles(columns, offset)
                for column, (values, invalid) in zip(self._read, columns, strict=True):
                    value = values[offset]
                    if value is None:
                        continue
                    if offset in invalid:
                        self._issue(record, "invalid_utf8", "invalid UTF-8 bytes replaced")
                    if column.flat:
                        text = value if isinstance(value, str) else str(value)
                        if text.strip():
                            yield Cell(record, column.name, text, roles.get(column.name) if roles else None)
                    else:
                        for field, leaf, role in iter_leaves({column.name: value}):
                            yield Cell(record, field, leaf, role)
            start = end

    def _pair_roles(self, columns: list[tuple[list, set[int]]], offset: int) -> dict[str, str] | None:
        """The chat roles of a row's flat columns (`jsonpath.record_roles`): prompt and answers, a `system` prompt."""
        if not self._pairs:
            return None
        row = {}
        for index in self._pairs:
            row[self._read[index].name] = columns[index][0][offset]
        return record_roles(row)

    @property
    def flat_text_columns(self) -> list[str]:
        """The names of the flat columns whose values become cells (a nested column's cells are named by path)."""
        return [column.name for column in self._read if column.flat]

    def table_batches(self) -> Iterator[TableBatch] | None:
        """Batches of flat text columns as string arrays (integers written as `str` writes them); None when a
        column is nested or the rows are chat turns (prompt and answer columns: conversations are judged record
        by record). A batch holding invalid UTF-8 is irregular throughout (its cells as `cells()` gives them)."""
        if not self._read or not all(column.flat for column in self._read) or self._pairs:
            return None
        return self._table_batches()

    def _table_batches(self) -> Iterator[TableBatch]:
        """The batches `_batches` reads, TABLE_BATCH_ROWS rows at a time (rounded down to a multiple of _BATCH_ROWS;
        the limits and a damaged row group stop both paths at the same record), joined up to TABLE_BATCH_ROWS
        records where the row groups are smaller. An issue `_batches` notes when it stops is noted after the batches
        read before it."""
        from privscan.readers import delimited

        rows = delimited.TABLE_BATCH_ROWS
        held: list[tuple[int, pa.RecordBatch]] = []
        batches = self._batches(max(_BATCH_ROWS, rows // _BATCH_ROWS * _BATCH_ROWS))
        while True:
            issues, overflow = len(self.stats.issues), self.stats.issue_overflow
            item = next(batches, None)
            late = self.stats.issues[issues:]
            if late or self.stats.issue_overflow != overflow:
                del self.stats.issues[issues:]
                late_overflow, self.stats.issue_overflow = self.stats.issue_overflow - overflow, overflow
                if held:
                    yield self._joined(held)
                    held = []
                self.stats.issues += late  # noted after the records before them, as `cells()` notes it
                self.stats.issue_overflow += late_overflow
            if item is None:
                break
            held.append(item)
            if sum(batch.num_rows for _, batch in held) >= rows:
                yield self._joined(held)
                held = []
        if held:
            yield self._joined(held)

    def _joined(self, held: list[tuple[int, pa.RecordBatch]]) -> TableBatch:
        """One TableBatch of consecutive batches: each column as one string array; each piece of _BATCH_ROWS rows
        holding invalid UTF-8 is irregular throughout."""
        first = held[0][0]
        rows = sum(batch.num_rows for _, batch in held)
        columns = {}
        for index, column in enumerate(self._read):
            parts = [_arrow(lambda b=batch, i=index: _as_string(b.column(i))) for _, batch in held]
            columns[column.name] = parts[0] if len(parts) == 1 else pa.concat_arrays(parts)
        irregular = np.zeros(rows, bool)
        pieces = [
            (start - first + at, min(_BATCH_ROWS, batch.num_rows - at))
            for start, batch in held
            for at in range(0, batch.num_rows, _BATCH_ROWS)
        ]
        for name, array in list(columns.items()):
            strings, ok = _arrow(lambda array=array: _strings(array))
            if not ok:  # which pieces: each is judged on its own
                strings = []
                for at, length in pieces:
                    piece = array.slice(at, length)
                    part, part_ok = _arrow(lambda piece=piece: _strings(piece))
                    strings.append(part)
                    if not part_ok:
                        irregular[at : at + length] = True
                strings = pa.concat_arrays(strings)
            columns[name] = strings
        self.stats.records = first + rows
        starts = [start - first for start, _ in held]

        def cells(i: int) -> Iterator[Cell]:
            import bisect

            if not irregular[i]:  # valid UTF-8: the cells are the strings of the columns (blank values null)
                return _regular_cells(columns, first + i, i)
            start, batch = held[bisect.bisect_right(starts, i) - 1]
            return self._record_cells(batch, start)(i - (start - first))

        return TableBatch(first, rows, columns, irregular, cells)

    def _record_cells(self, batch: pa.RecordBatch, first_row: int) -> Callable[[int], Iterator[Cell]]:
        def cells(i: int) -> Iterator[Cell]:
            records = self.stats.records
            yield from self._batch_cells(batch.slice(i, 1), first_row + i)
            self.stats.records = records

        return cells


def _as_string(array: pa.Array) -> pa.Array:
    """A flat column's values as a string array (integers as `str` writes them), as `_strings` converts them, its
    bytes not yet checked."""
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    if pa.types.is_integer(array.type):
        return array.cast(pa.string())
    if not pa.types.is_string(array.type):
        array = array.cast(pa.large_string()) if pa.types.is_large_string(array.type) else array.cast(pa.string())
    return array


def _strings(array: pa.Array) -> tuple[pa.Array, bool]:
    """A flat text column as a string array with blank values null, and whether its bytes were valid UTF-8."""
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    if pa.types.is_integer(array.type):
        return array.cast(pa.string()), True
    if not pa.types.is_string(array.type):
        array = array.cast(pa.large_string()) if pa.types.is_large_string(array.type) else array.cast(pa.string())
    try:
        array.validate(full=True)
    except pa.ArrowInvalid:
        return pa.nulls(len(array), pa.string()), False
    return blank_as_null(array), True


def _python_values(array: pa.Array) -> tuple[list, set[int]]:
    """The values of `array` as Python objects, and the positions of those whose invalid UTF-8 was replaced.

    Dictionaries are expanded first (a slice at a time: its size is known), which converts far faster;
    a struct's repeated field names get `_2`, `_3`... as repeated column names do."""
    plain = _plain(array.type)
    if plain != array.type:
        array = array.cast(plain)
    unique = _plain(plain, unique=True)  # a struct's fields become a dict's keys: repeats would be lost
    if unique != plain:
        array = array.view(unique)
    try:
        return array.to_pylist(), set()
    except UnicodeDecodeError:  # read again as bytes, decoded one value at a time
        values, invalid = [], set()
        for position, raw in enumerate(array.view(_plain(unique, binary=True)).to_pylist()):
            value, bad = _decoded(raw)
            values.append(value)
            if bad:
                invalid.add(position)
        return values, invalid


def _arrow(work: Callable[[], T]) -> T:
    """`work()`, with Arrow's errors over data that does not hold together as MalformedObject."""
    try:
        return work()
    except _ARROW_ERRORS:
        raise MalformedObject("invalid Parquet data in a row group") from None


def _slice_ends(costs: np.ndarray) -> Iterator[int]:
    """Row ends that cut a batch into runs of at most `_SLICE_BYTES` decoded bytes (at least one row each)."""
    n, start = len(costs), 0
    running = np.cumsum(costs)
    while start < n:
        base = running[start - 1] if start else 0
        end = int(np.searchsorted(running, base + _SLICE_BYTES, side="right"))
        end = max(end, start + 1)
        yield end
        start = end


def _skipped(batches: Iterator[pa.RecordBatch], rows: int) -> Iterator[pa.RecordBatch]:
    """`batches` after their first `rows` rows (a batch that straddles the point is cut there)."""
    for batch in batches:
        if rows >= batch.num_rows:
            rows -= batch.num_rows
            continue
        yield batch.slice(rows) if rows else batch
        rows = 0


def _regular_cells(columns: dict[str, pa.Array], record: int, i: int) -> Iterator[Cell]:
    """The cells of row `i` of a batch's string columns whose bytes are valid UTF-8: what `_batch_cells` gives that
    row (a flat column's integers are written as `str` writes them, blank values are null)."""
    for name, array in columns.items():
        value = array[i].as_py()
        if value is not None:
            yield Cell(record, name, value)
