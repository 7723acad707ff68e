"""Writing the redacted copy of an object in its own format, from a second reader over the same bytes.

Each rewriter walks the object as its reader does (the same row, line and JSON path numbering, through
the reader's own `rows()`, `physical_lines()` or `window`), asks `Edits.cell(record, field, text)` for each
value's redacted text and `Edits.name(name)` for each column name and JSON key, and writes everything
else as it was: the copy has the input's format, columns (types too, for Parquet), records and order.

- CSV / TSV: the same delimiter; the header row's names redacted; fields quoted where needed.
- JSON Lines (chat transcripts too): one line per line, blank lines kept; a line that is not JSON is
  redacted as text. JSON: the same top-level structure, an array streamed element by element.
- Parquet: the same schema (a column name holding personal data renamed), row groups and codec; a
  number column's redacted value becomes null (the column's type cannot hold the replacement).
- Text: line by line, newlines kept.
- A gzip-compressed input is written compressed. Text is written as UTF-8 whatever it was read as.

What a rewriter cannot reproduce (a CSV row the csv module rejects, a line longer than a record, JSON
that breaks off) raises `NotRewritable`: the copy is discarded, never written in part.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Protocol

from privscan.readers.base import LONE_SURROGATE, ObjectReader
from privscan.readers.jsonpath import join_key
from privscan.readers.streams import strip_newline

NUMBER_REDACTED = None  # what a number value becomes when a detection covers part of it


class NotRewritable(Exception):
    """The object holds something its rewriter cannot reproduce; the reason is content-free."""


class Edits(Protocol):
    """What a rewriter asks for: the redacted text of a value, and of a name (a column name, a JSON key)."""

    def cell(self, record: int, field: str | None, text: str) -> str: ...

    def name(self, name: str) -> str: ...


def _unique(names: list[str]) -> list[str]:
    """Names made unique by `_2`, `_3`… (two redacted names may come out alike)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{name}_{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out


# -- CSV / TSV ------------------------------------------------------------------------------------
def rewrite_delimited(reader: Any, out: io.TextIOBase, edits: Edits) -> int:
    """The rows of a DelimitedReader with their values redacted; returns the records written."""
    writer = csv.writer(out, delimiter=reader.delimiter, lineterminator="\n")
    names, width = reader.columns or [], len(reader.header)
    if reader.header:
        renamed = [edits.name(cell) if cell.strip() else cell for cell in reader.header]
        writer.writerow(_unique(renamed) if renamed != reader.header else renamed)
    written = 0
    for record, row in reader.rows():
        if row is None:
            raise NotRewritable(f"row {record} could not be parsed")
        cells = []
        for i, value in enumerate(row):
            field = names[i] if i < width else f"column_{i + 1}"
            cells.append(edits.cell(record, field, value) if value.strip() else value)
        writer.writerow(cells)
        written += 1
    return written


# -- text and JSON Lines ----------------------------------------------------------------------------
def _lines(reader: Any) -> Iterator[tuple[int, str, str]]:
    """(record, line without its newline, the newline) for each physical line of a line-based reader."""
    for record, (text, continues, _bad) in enumerate(reader.physical_lines()):
        if continues:
            raise NotRewritable(f"line {record + 1} is longer than a record may be")
        body = strip_newline(text)
        yield record, body, text[len(body) :]


def rewrite_text(reader: Any, out: io.TextIOBase, edits: Edits) -> int:
    """Each line redacted; returns the records written (the non-blank lines, as TextReader counts them)."""
    written = 0
    for record, body, newline in _lines(reader):
        if body.strip():
            body = edits.cell(record, None, body)
            written += 1
        out.write(body + newline)
    return written


def rewrite_jsonl(reader: Any, out: io.TextIOBase, edits: Edits) -> int:
    """Each JSON line redacted as its values and keys; a line that is not JSON, as text."""
    written = 0
    for record, body, newline in _lines(reader):
        if body.strip():
            try:
                value = json.loads(body)
            except (ValueError, RecursionError):
                body = edits.cell(record, None, body)
            else:
                body = _dumps(rewrite_value(value, "", record, edits))
            written += 1
        out.write(body + newline)
    return written


def rewrite_value(value: Any, path: str, record: int, edits: Edits) -> Any:
    """`value` with every string and integer leaf redacted at its path (as `jsonpath.iter_leaves` names
    it) and every key redacted as a name. Iterative over containers, as the walker is."""
    if isinstance(value, str):
        return edits.cell(record, path or None, value) if value.strip() else value
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return value if edits.cell(record, path or None, text) == text else NUMBER_REDACTED
    if not isinstance(value, dict | list | tuple):
        return value
    root: list[Any] = [None]
    stack: list[tuple[Any, str, list | dict, Any]] = [(value, path, root, 0)]
    tuples: list[tuple[list | dict, Any]] = []  # (parent, slot) of each tuple, rebuilt as one at the end
    while stack:
        item, item_path, parent, slot = stack.pop()
        if isinstance(item, dict):
            keys = [str(k) for k in item]
            renamed = _unique([edits.name(k) for k in keys])
            copy: dict = {}
            parent[slot] = copy
            for key, new_key, child in zip(keys, renamed, item.values(), strict=True):
                copy[new_key] = None
                stack.append((child, join_key(item_path, key), copy, new_key))
        elif isinstance(item, list | tuple):
            copy_list: list = [None] * len(item)
            parent[slot] = copy_list
            if isinstance(item, tuple):  # a Parquet map's (key, value) entry
                tuples.append((parent, slot))
            stack.extend((child, f"{item_path}[{i}]", copy_list, i) for i, child in enumerate(item))
        else:
            parent[slot] = rewrite_value(item, item_path, record, edits)
    for parent, slot in reversed(tuples):  # inner ones first
        parent[slot] = tuple(parent[slot])
    return root[0]


def _dumps(value: Any) -> str:
    """JSON text as UTF-8 can hold it: a lone surrogate (from a `\\ud83d` escape) becomes U+FFFD, as the
    readers read it."""
    return LONE_SURROGATE.sub("\ufffd", json.dumps(value, ensure_ascii=False))


# -- JSON documents ----------------------------------------------------------------------------------
def rewrite_json(reader: Any, out: io.TextIOBase, edits: Edits) -> int:
    """A JSON document, walked as JsonReader reads it: a top-level array element by element (one record
    each), a top-level object member by member (the arrays among its values element by element), and
    values after the first as further records."""
    from privscan.readers.jsonish import _Invalid

    text = reader.window
    records = 0
    try:
        first = text.peek()
        if first == "[":
            text.pos += 1
            out.write("[\n")
            for index, value in enumerate(_items(text)):
                out.write((",\n" if index else "") + _dumps(rewrite_value(value, "", index, edits)))
                records = index + 1
            out.write("\n]")
        elif first == "{":
            records = 1 if _rewrite_object(text, out, edits) else 0
        elif first:
            out.write(_dumps(rewrite_value(text.value(), "", 0, edits)))
            records = 1
        while text.peek():  # concatenated values: one record each
            out.write("\n" + _dumps(rewrite_value(text.value(), "", records, edits)))
            records += 1
    except _Invalid:
        raise NotRewritable("the JSON breaks off before its end") from None
    out.write("\n")
    return records


def _items(text: Any) -> Iterator[Any]:
    """The values of the array whose "[" was just consumed (as JsonReader._items reads them)."""
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        yield text.value()
        if text.expect(",]") == "]":
            return


def _rewrite_object(text: Any, out: io.TextIOBase, edits: Edits) -> bool:
    """A top-level object; whether it had members (an empty one is no record)."""
    text.pos += 1
    out.write("{")
    if text.peek() == "}":
        text.pos += 1
        out.write("}")
        return False
    seen: set[str] = set()
    while True:
        if text.peek() != '"':
            raise NotRewritable("a member of the JSON object has no key")
        key = text.value()
        text.expect(":")
        new_key, n = edits.name(key), 2
        while new_key in seen:
            new_key, n = f"{edits.name(key)}_{n}", n + 1
        out.write(("\n" if not seen else ",\n") + _dumps(new_key) + ": ")
        seen.add(new_key)
        if text.peek() == "[":
            text.pos += 1
            path = join_key("", key)
            out.write("[")
            out.writelines(
                ("," if i else "") + "\n  " + _dumps(rewrite_value(value, f"{path}[{i}]", 0, edits))
                for i, value in enumerate(_items(text))
            )
            out.write("\n]")
        else:
            member = rewrite_value({key: text.value()}, "", 0, edits)
            out.write(_dumps(next(iter(member.values()))))  # its one member, under its redacted key
        if text.expect(",}") == "}":
            out.write("\n}")
            return True


# -- Parquet -----------------------------------------------------------------------------------------
def rewrite_parquet(reader: Any, out: BinaryIO, edits: Edits, touched: Callable[[int, int], bool]) -> int:
    """Row group by row group, the text and number columns of the groups `touched(first, end)` says hold
    redactions rewritten with their own types; the schema and codec kept, names redacted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from privscan.readers.delimited import field_names
    from privscan.readers.parquet import _is_text_leaf, _leaves

    reader.file.seek(0)
    source = pq.ParquetFile(reader.file)
    schema = source.schema_arrow
    names = field_names(schema.names)
    renamed = [edits.name(name) for name in schema.names]
    if renamed != schema.names:
        renamed = _unique(renamed)
    target = pa.schema([f.with_name(n) for f, n in zip(schema, renamed, strict=True)], metadata=schema.metadata)
    text_columns = [i for i, f in enumerate(schema) if any(_is_text_leaf(leaf) for leaf in _leaves(f.type))]
    metadata = source.metadata
    codec = metadata.row_group(0).column(0).compression.lower() if metadata.num_row_groups else "snappy"
    rows = 0
    with pq.ParquetWriter(out, target, compression=codec if codec != "uncompressed" else "none") as writer:
        for group in range(metadata.num_row_groups):
            table = source.read_row_group(group)
            end = rows + table.num_rows
            if touched(rows, end):
                columns = list(table.columns)
                for i in text_columns:
                    values = columns[i].to_pylist()
                    flat = pa.types.is_integer(schema[i].type) or _is_flat_text(schema[i].type)
                    edited = [_parquet_value(v, names[i], rows + r, flat, edits) for r, v in enumerate(values)]
                    columns[i] = pa.array(edited, type=schema[i].type)
                table = pa.Table.from_arrays(columns, schema=schema)
            writer.write_table(table.rename_columns(renamed).cast(target))
            rows = end
    return rows


def _is_flat_text(t: Any) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        return _is_flat_text(t.value_type)
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_integer(t)


def _parquet_value(value: Any, name: str, record: int, flat: bool, edits: Edits) -> Any:
    if value is None:
        return None
    if flat:
        return rewrite_value(value, name, record, edits)
    return rewrite_value({name: value}, "", record, _KeepOuterName(edits, name))[name]


class _KeepOuterName:
    """The edits of a nested Parquet column walked as ``{column: value}``: the column's own name is renamed
    in the schema, not here."""

    def __init__(self, edits: Edits, outer: str):
        self.edits, self.outer = edits, outer

    def cell(self, record: int, field: str | None, text: str) -> str:
        return self.edits.cell(record, field, text)

    def name(self, name: str) -> str:
        return name if name == self.outer else self.edits.name(name)


def text_rewriter(reader: ObjectReader) -> Callable[[Any, io.TextIOBase, Edits], int] | None:
    """The rewriter of a textual object by its reader (a chat transcript is JSON Lines or one JSON
    document); None for a format no rewriter writes (spreadsheets, documents, PDFs, archives)."""
    from privscan.readers.delimited import DelimitedReader
    from privscan.readers.jsonish import JsonlReader, JsonReader
    from privscan.readers.text import TextReader

    for kind, rewriter in (
        (DelimitedReader, rewrite_delimited),
        (JsonlReader, rewrite_jsonl),
        (JsonReader, rewrite_json),
        (TextReader, rewrite_text),
    ):
        if isinstance(reader, kind):
            return rewriter
    return None
