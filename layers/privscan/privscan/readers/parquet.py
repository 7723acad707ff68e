"""Parquet: string and integer columns, read batch by batch.

Nested columns (structs / lists / maps) that hold strings or integers somewhere are
walked like JSON, so a Hugging Face style `messages: list<struct<role, content>>`
column yields `messages[0].content` cells with their role.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from privscan.readers.base import Cell, MalformedObject, ObjectReader, ReadLimits
from privscan.readers.jsonpath import iter_leaves

_BATCH_ROWS = 1024
_ARROW_ERRORS = (pa.ArrowException, OSError, ValueError)


def _is_flat(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        return _is_flat(t.value_type)
    return (
        pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or getattr(pa.types, "is_string_view", lambda _: False)(t)
        or pa.types.is_integer(t)
    )


def _has_text(t: pa.DataType) -> bool:
    """A nested type with a string or integer somewhere inside."""
    if _is_flat(t):
        return True
    if pa.types.is_struct(t):
        return any(_has_text(t.field(i).type) for i in range(t.num_fields))
    if pa.types.is_map(t):
        return _has_text(t.key_type) or _has_text(t.item_type)
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return _has_text(t.value_type)
    return False


class ParquetReader(ObjectReader):
    """`record` is the 0-based row over the whole file; `field` the column name.

    Needs a seekable binary file (the caller spools non-seekable bodies). Nulls and
    blank strings are skipped; floats, booleans, dates and binary columns are not read.
    `stats.bytes_read` is the file size (Parquet pages are compressed internally).
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
        self._row_groups = row_groups
        try:
            self._size = file.seek(0, io.SEEK_END)
            file.seek(0)
            self._pf = pq.ParquetFile(file)
            schema = self._pf.schema_arrow
        except _ARROW_ERRORS:
            self.close()
            raise MalformedObject("invalid Parquet file") from None
        self.columns = list(schema.names)
        self._flat = {f.name for f in schema if _is_flat(f.type)}
        self._read = [f.name for f in schema if f.name in self._flat or _has_text(f.type)]

    def _bytes_consumed(self) -> int:
        return self._size if self._state != "new" else 0

    def close(self) -> None:
        if self._owned:
            self._file.close()

    def _cells(self) -> Iterator[Cell]:
        if not self._read:
            self.stats.records = self._pf.metadata.num_rows
            return
        row = 0
        batches = self._pf.iter_batches(
            batch_size=_BATCH_ROWS, columns=self._read, use_threads=False, row_groups=self._row_groups
        )
        while True:
            try:
                batch = next(batches, None)
            except _ARROW_ERRORS:
                if row == 0:
                    raise MalformedObject("invalid Parquet file") from None
                self._issue(row, "malformed_row_group", "a row group could not be read; the rest was not read")
                return
            if batch is None:
                return
            columns = [(name, batch.column(name).to_pylist()) for name in self._read]
            for i in range(batch.num_rows):
                record = row + i
                self.stats.records = record + 1
                for name, values in columns:
                    value = values[i]
                    if value is None:
                        continue
                    if name in self._flat:
                        text = value if isinstance(value, str) else str(value)
                        if text.strip():
                            yield Cell(record, name, text)
                    else:
                        for field, leaf, role in iter_leaves({name: value}):
                            yield Cell(record, field, leaf, role)
            row += batch.num_rows
