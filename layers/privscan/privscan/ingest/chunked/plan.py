"""The planner: split one object into chunks that each fit one invocation, cut at record ends.

- CSV / TSV: one pass with the csv module itself, fed line by line exactly as the reader feeds it.
  The csv module ends every row at the end of a line it was fed, so a quoted field holding newlines
  never straddles a cut; rows are counted as the reader counts them (blank lines skipped), so each
  chunk knows its first record. A chunk is read as the header's bytes followed by its own.
- JSONL, chat, text: cut after a newline; records are physical lines (blank ones count).
  Chat transcripts also carry the operator names learnt from system turns before each chunk (as keyed
  hashes), because a single pass drops those names from later turns.
- Parquet: whole row groups.
- gzip cannot be split: the planner inflates it to a staging object first (bomb limits applied), then
  plans the inflated bytes. A JSON document (not JSON Lines) and an empty object are one chunk,
  scanned by the ordinary single pass.

Planning is resumable: given a budget (bytes or seconds per invocation), the planner stops at the
first record end past it and records where (`Plan.cursor`); called again with that plan it goes on
from there, so an object of any size is planned over several invocations (the state machine loops
its Plan step). The result is the plan one uninterrupted run gives (tests/unit/chunked).

Tabular objects also get their column profiles here: the planner collects each column's sample (the
first `column_sample` non-empty values, as a single pass takes them), runs the engine on those
cells only and records the decisions and where each sample ends, for every chunk to route and fold
its cells as a single pass would.
"""

from __future__ import annotations

import csv
import io
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from typing import BinaryIO

import pyarrow.parquet as pq

from privscan.engine.masking import Fingerprinter
from privscan.engine.operator import OperatorNames
from privscan.engine.profile import ColumnProfiler
from privscan.engine.redact import MaskingPolicy
from privscan.engine.scanner import Scanner, pieces
from privscan.ingest.chunked.source import ByteSource, Joined
from privscan.model import ScanStatus
from privscan.readers import EmptyReader, open_object
from privscan.readers.base import Cell, ObjectReader, ReadError, ReadLimits, TooLarge, UnsupportedFormat
from privscan.readers.decompress import GZIP_MAGIC, GzipInflater
from privscan.readers.delimited import DelimitedReader, field_names, first_row, row_cells, rows_or_errors
from privscan.readers.jsonish import JsonlReader
from privscan.readers.parquet import ParquetReader
from privscan.readers.sniff import PARQUET_MAGIC
from privscan.readers.streams import CHUNK, Peekable, Windows1252ToUtf8, decode_utf8, iter_lines
from privscan.readers.text import TextReader
from privscan.vocabulary import STATUS_BY_READ_ERROR

LINE_FORMATS = ("jsonl", "chat", "text")


@dataclass(slots=True)
class Chunk:
    """One chunk of a planned object: its byte range (or Parquet row groups) and the number of its first record, so that
    every chunk's findings carry the same record numbers as a single pass."""

    index: int
    start: int  # bytes [start, end) of the data (the inflated bytes of a gzip); Parquet: 0, 0
    end: int
    first_record: int  # global number of the chunk's first record
    row_groups: list[int] | None = None  # Parquet
    operator_names: list[str] | None = None  # chat: keyed hashes of the names learnt before the chunk


@dataclass(slots=True)
class PlanCursor:
    """Where a planner that ran out of budget stopped, and what it had gathered until then."""

    phase: str  # "cut": finding record ends; "operators" (chat): learning operator names chunk by chunk
    pos: int = 0  # "cut": the byte after the last record end reached (CSV: counted after the header)
    records: int = 0  # records before `pos`
    chunk_start: int = 0  # the open chunk: where it starts and its first record
    chunk_first: int = 0
    sampled: bool = False  # CSV: every column's sample is full
    # CSV: the samples gathered so far. They hold values until the profiles are decided at the end of
    # planning; the finished plan, written over this one, holds only the decisions.
    sample_positions: dict[str, list[list[int]]] = field(default_factory=dict)
    sample_cells: list[dict] = field(default_factory=list)
    operator_names: list[str] = field(default_factory=list)  # "operators": keyed hashes learnt so far


Budget = Callable[[int], bool]  # bytes read so far in this invocation -> whether to stop at the next record end


def budget(max_bytes: int | None = None, seconds: float | None = None) -> Budget:
    """A planner invocation's budget: stop after `max_bytes` read or `seconds` spent, whichever comes first."""
    deadline = None if seconds is None else time.monotonic() + seconds
    return lambda read: (
        (max_bytes is not None and read >= max_bytes) or (deadline is not None and time.monotonic() >= deadline)
    )


def unlimited(_read: int) -> bool:
    """A planning budget that never runs out (for local scans, which plan in one go)."""
    return False


@dataclass(slots=True)
class Plan:
    """How one object is scanned in chunks: its format, the column profiles decided from a sample, and the chunks; built
    in resumable steps (`cursor`) so that planning an object of any size fits in invocations of bounded length."""

    object: str  # what findings call the object: its path or S3 key as the masking policy renders it
    name: str  # the name whose extension proposes the format
    size: int = 0  # bytes of the data
    format: str | None = None
    compressed: bool = False
    legacy: bool = False  # Windows-1252, re-encoded as a single pass does
    delimiter: str | None = None
    header_end: int = 0  # CSV / TSV: the header's bytes, read before every chunk
    whole: bool = False  # one chunk, scanned by the ordinary single pass
    chunks: list[Chunk] = field(default_factory=list)
    profiles: dict[str, dict] = field(default_factory=dict)  # tabular: decided column profiles
    sample_ends: dict[str, list[int]] = field(
        default_factory=dict
    )  # ... and (record, offset) of each sample's last piece
    issues: list[dict] = field(default_factory=list)  # object-level read issues (legacy encoding, header)
    status: str | None = None  # set when planning already decided the outcome (rejected, unsupported)
    outcome: str | None = None
    reason: str | None = None
    cursor: PlanCursor | None = None  # planning is not finished: where the next invocation goes on

    @property
    def finished(self) -> bool:
        """Whether planning has reached the end of the object."""
        return self.cursor is None

    def to_dict(self) -> dict:
        """The plan as JSON-ready data, to store beside the object's chunks."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Plan:
        """The plan back from what `to_dict` stored."""
        cursor = data.get("cursor")
        return cls(
            **{
                **data,
                "chunks": [Chunk(**c) for c in data["chunks"]],
                "cursor": PlanCursor(**cursor) if cursor else None,
            }
        )


class _Cutter:
    """Cuts chunks of at least `chunk_bytes` at the record ends it is told about."""

    def __init__(self, chunk_bytes: int, start: int, first: int = 0, chunks: list[Chunk] | None = None):
        self.chunk_bytes, self.start, self.first = chunk_bytes, start, first
        self.chunks: list[Chunk] = chunks if chunks is not None else []

    def record_end(self, pos: int, records: int) -> None:
        if pos - self.start >= self.chunk_bytes:
            self._cut(pos, records)

    def close(self, pos: int, records: int) -> list[Chunk]:
        if pos > self.start or not self.chunks:
            self._cut(pos, records)
        return self.chunks

    def _cut(self, pos: int, records: int) -> None:
        self.chunks.append(Chunk(len(self.chunks), self.start, pos, self.first))
        self.start, self.first = pos, records


class _Samples:
    """Each column's sample as a single pass takes it: its first `size` pieces of non-empty values."""

    def __init__(self, size: int):
        self.size = size
        self.positions: dict[str, list[list[int]]] = defaultdict(list)  # (record, offset) of each sample piece
        self.ends: dict[str, list[int]] = {}  # ... of the last piece the profile observed (set by `decide`)
        self.cells: list[Cell] = []

    @classmethod
    def resume(cls, size: int, cursor: PlanCursor | None) -> _Samples:
        samples = cls(size)
        if cursor is not None:
            samples.positions.update(cursor.sample_positions)
            samples.cells = [Cell(**cell) for cell in cursor.sample_cells]
        return samples

    def keep(self, cursor: PlanCursor) -> PlanCursor:
        cursor.sample_positions = dict(self.positions)
        cursor.sample_cells = [asdict(cell) for cell in self.cells]
        return cursor

    def full(self, name: str) -> bool:
        return len(self.positions[name]) >= self.size

    def add(self, cells: Iterable[Cell], columns: Iterable[str] = ()) -> None:
        """Take the sample's pieces from `cells`; stop reading once every one of `columns` holds a full sample
        (what follows cannot change it)."""
        columns = list(columns)
        for cell in cells:
            if self.full(cell.field):
                if columns and all(self.full(name) for name in columns):
                    break
                continue
            for offset, _ in pieces(cell.text):
                if self.full(cell.field):
                    break
                self.positions[cell.field].append([cell.record, offset])
            self.cells.append(cell)

    def decide(self, scanner: Scanner) -> dict[str, dict]:
        """Profile the sample as a single pass does; a column decided early (ColumnProfile.unanimous) ends
        its sample at the last piece observed, where a single pass ends it too."""
        profiler = ColumnProfiler(scanner.config)
        for _ in scanner.detect(self.cells, profiler):
            pass
        profiler.finish()
        self.ends = {
            name: self.positions[name][profile.seen - 1] for name, profile in profiler.columns.items() if profile.seen
        }
        return {name: profile.to_dict() for name, profile in profiler.columns.items()}


def text_stream(plan: Plan, raw: BinaryIO) -> Peekable:
    """The decoded view of the data a single pass reads (Windows-1252 re-encoded as UTF-8)."""
    return Peekable(Windows1252ToUtf8(raw)) if plan.legacy else Peekable(raw)


def plan_object(
    object_name: str,
    source: ByteSource,
    *,
    chunk_bytes: int,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    limits: ReadLimits | None = None,
    file_name: str | None = None,
    stage: Callable[[BinaryIO], ByteSource] | None = None,
    budget: Budget = unlimited,
    resume: Plan | None = None,
) -> tuple[Plan, ByteSource]:
    """Plan `source`; returns the plan and the source its chunks read (the staged, inflated copy of a gzip).

    `stage(stream)` stores a stream (inflated gzip) and returns it as a source. Every read error a
    single pass would end in is recorded in the plan (status, outcome, reason), never raised.
    When `budget` says stop, the plan comes back unfinished (`plan.cursor`); pass it as `resume`, with
    the source it came back with, to go on.
    """
    limits = limits or ReadLimits()
    if resume is not None:
        plan = resume
        try:
            _plan_records(plan, source, chunk_bytes, scanner, fingerprinter, limits, budget)
        except ReadError as error:
            _rejected(plan, error)
        return plan, source
    shown_as = MaskingPolicy(fingerprinter, scanner.names).object_name(object_name)  # what findings call it
    plan = Plan(object=shown_as, name=file_name or object_name, size=source.size())
    try:
        with source.open() as raw:
            gzipped = raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        if gzipped and stage is not None:
            with source.open() as raw:
                source = stage(GzipInflater(raw, limits))
            plan.compressed, plan.size = True, source.size()
            with source.open() as raw:
                if raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
                    raise UnsupportedFormat("nested gzip compression is not supported")
        _plan_format(plan, source, chunk_bytes, scanner, fingerprinter, limits, budget)
    except ReadError as error:
        _rejected(plan, error)
    return plan, source


def _rejected(plan: Plan, error: ReadError) -> None:
    plan.status = str(STATUS_BY_READ_ERROR.get(error.code, ScanStatus.REJECTED))
    plan.outcome, plan.reason, plan.chunks, plan.cursor = error.code, error.reason, [], None


def _plan_format(
    plan: Plan,
    source: ByteSource,
    chunk_bytes: int,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    limits: ReadLimits,
    budget: Budget,
) -> None:
    with source.open() as raw:
        parquet = raw.read(len(PARQUET_MAGIC)) == PARQUET_MAGIC
    with source.seekable() if parquet else source.open() as raw:
        reader = open_object(plan.name, raw, limits)  # the single pass's own format decisions
        plan.format = reader.format
        plan.compressed |= reader.compressed
        plan.legacy = any(issue.code == "legacy_encoding" for issue in reader.stats.issues)
        plan.delimiter = getattr(reader, "delimiter", None)
        plan.issues = [asdict(issue) for issue in reader.stats.issues]
        splittable = not isinstance(reader, EmptyReader) and not reader.compressed and not reader.utf16
        reader.close()
    if not splittable or plan.format not in ("csv", "tsv", "parquet", *LINE_FORMATS):
        plan.whole, plan.issues = True, []  # the single pass reports its own issues
        plan.chunks = [Chunk(0, 0, plan.size, 0)]
    elif plan.format == "parquet":  # footer metadata and the first rows only: never needs a second invocation
        _plan_parquet(plan, source, chunk_bytes, scanner, limits)
    else:
        _plan_records(plan, source, chunk_bytes, scanner, fingerprinter, limits, budget)


def _plan_records(
    plan: Plan,
    source: ByteSource,
    chunk_bytes: int,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    limits: ReadLimits,
    budget: Budget,
) -> None:
    if plan.format in LINE_FORMATS:
        if plan.cursor is None or plan.cursor.phase == "cut":
            _plan_lines(plan, source, chunk_bytes, limits, budget)
        if plan.format == "chat" and plan.cursor is not None and plan.cursor.phase == "operators":
            _learn_operator_names(plan, source, fingerprinter, limits, budget)
    else:
        _plan_delimited(plan, source, chunk_bytes, scanner, limits, budget)


def _lines(raw: BinaryIO, limits: ReadLimits) -> Iterator[tuple[bytes, bool]]:
    return iter_lines(io.BufferedReader(Peekable(raw), CHUNK), limits.max_record_bytes)


def _plan_delimited(
    plan: Plan, source: ByteSource, chunk_bytes: int, scanner: Scanner, limits: ReadLimits, budget: Budget
) -> None:
    cursor = plan.cursor
    # resumed: the header's bytes, then the object from the cursor on (as a chunk is read); `pos` counts
    # the header once, so that it is an offset in the object again once the header is read
    pos, first = (cursor.pos - plan.header_end if cursor else 0), True

    def decode(data: bytes) -> str:
        return data.decode("cp1252", "replace") if plan.legacy else decode_utf8(data)[0]

    def feed(lines: Iterator[tuple[bytes, bool]]) -> Iterator[str]:
        nonlocal pos, first
        for data, continues in lines:
            if continues:
                raise TooLarge(f"a line is longer than {limits.max_record_bytes} bytes")
            pos += len(data)
            text = decode(data)
            if first:
                text, first = text.removeprefix("\ufeff"), False
            yield text

    samples = _Samples.resume(scanner.config.column_sample, cursor)
    with ExitStack() as stack:
        raw = stack.enter_context(
            Joined(source.range(0, plan.header_end), source.range(cursor.pos, plan.size)) if cursor else source.open()
        )
        csv.field_size_limit(limits.max_record_bytes)
        rows = rows_or_errors(csv.reader(feed(_lines(raw, limits)), delimiter=plan.delimiter))
        names = field_names(first_row(rows) or [], limits)
        if cursor is None:
            plan.header_end = pos
            cutter, record, sampled = _Cutter(chunk_bytes, pos), 0, False
        else:
            cutter = _Cutter(chunk_bytes, cursor.chunk_start, cursor.chunk_first, plan.chunks)
            record, sampled = cursor.records, cursor.sampled
        started = pos
        for row in rows:
            if row == []:  # blank line: neither a record nor counted
                continue
            if not sampled or len(row or ()) > len(names):
                samples.add(row_cells(names, record, row))
                sampled = all(samples.full(name) for name in names)
            record += 1
            cutter.record_end(pos, record)
            if budget(pos - started) and pos < plan.size:
                plan.chunks = cutter.chunks
                plan.cursor = samples.keep(PlanCursor("cut", pos, record, cutter.start, cutter.first, sampled))
                return
    plan.chunks = cutter.close(pos, record)
    plan.profiles, plan.sample_ends = samples.decide(scanner), samples.ends
    plan.cursor = None


def _plan_lines(plan: Plan, source: ByteSource, chunk_bytes: int, limits: ReadLimits, budget: Budget) -> None:
    cursor = plan.cursor or PlanCursor("cut")
    pos, lines = cursor.pos, cursor.records
    started = pos
    cutter = _Cutter(chunk_bytes, cursor.chunk_start, cursor.chunk_first, plan.chunks)
    with source.range(pos, plan.size) if pos else source.open() as raw:
        for data, continues in _lines(raw, limits):
            pos += len(data)
            if not continues:
                lines += 1
                cutter.record_end(pos, lines)
                if budget(pos - started) and pos < plan.size:
                    plan.chunks = cutter.chunks
                    plan.cursor = PlanCursor("cut", pos, lines, cutter.start, cutter.first)
                    return
    plan.chunks = cutter.close(pos, lines)
    plan.cursor = PlanCursor("operators") if plan.format == "chat" else None


def _learn_operator_names(
    plan: Plan, source: ByteSource, fingerprinter: Fingerprinter, limits: ReadLimits, budget: Budget
) -> None:
    """What a single pass has learnt from system turns when it reaches each chunk (as keyed hashes).

    Read chunk by chunk, as the chunk workers read them; resumed at the first chunk without names.
    """
    names = OperatorNames(plan.cursor.operator_names, encode=fingerprinter.token)
    read = 0
    for chunk in plan.chunks:
        if chunk.operator_names is not None:
            continue
        if read and budget(read):
            plan.cursor = PlanCursor("operators", operator_names=sorted(names.names))
            return
        chunk.operator_names = sorted(names.names)
        if chunk is plan.chunks[-1]:
            break  # what the last chunk teaches reaches no chunk
        with ExitStack() as stack:
            reader, _ = open_chunk(plan, chunk, source, stack, limits)
            for cell in reader.cells():
                names.learn(cell)
        read += chunk.end - chunk.start
    plan.cursor = None


def open_chunk(
    plan: Plan, chunk: Chunk, source: ByteSource, stack: ExitStack, limits: ReadLimits
) -> tuple[ObjectReader, int]:
    """The chunk's reader (its streams closed with `stack`), and what to add to its record numbers."""
    options = {"compressed": plan.compressed, "limits": limits}
    if plan.format == "parquet":
        file = stack.enter_context(source.seekable())
        return ParquetReader(file, row_groups=chunk.row_groups, **options), chunk.first_record
    tabular = plan.format in ("csv", "tsv")
    # A CSV chunk is read after the header's bytes; a later chunk of lines after a blank line (that is
    # not the object's start: a byte-order mark there is content, as in a single pass).
    lead = (source.range(0, plan.header_end) if tabular else io.BytesIO(b"\n")) if chunk.start > 0 else None
    body = source.range(chunk.start, chunk.end)
    src = text_stream(plan, stack.enter_context(Joined(lead, body) if lead else body))
    if tabular:
        return DelimitedReader(src, plan.delimiter, fmt=plan.format, **options), chunk.first_record
    if plan.format == "text":
        return TextReader(src, **options), chunk.first_record - (lead is not None)
    return JsonlReader(src, fmt=plan.format, **options), chunk.first_record - (lead is not None)


def _plan_parquet(plan: Plan, source: ByteSource, chunk_bytes: int, scanner: Scanner, limits: ReadLimits) -> None:
    samples = _Samples(scanner.config.column_sample)
    with source.seekable() as file:
        metadata = pq.ParquetFile(file).metadata
        groups: list[int] = []
        size = rows = first = 0
        for index in range(metadata.num_row_groups):
            group = metadata.row_group(index)
            groups.append(index)
            size, rows = size + group.total_byte_size, rows + group.num_rows
            if size >= chunk_bytes or index == metadata.num_row_groups - 1:
                plan.chunks.append(Chunk(len(plan.chunks), 0, 0, first, row_groups=groups))
                groups, size, first = [], 0, rows
        file.seek(0)
        reader = ParquetReader(file, compressed=False, limits=limits)
        samples.add(reader.cells(), reader.flat_text_columns)
    if not plan.chunks:
        plan.whole, plan.chunks = True, [Chunk(0, 0, plan.size, 0)]
    plan.profiles, plan.sample_ends = samples.decide(scanner), samples.ends
