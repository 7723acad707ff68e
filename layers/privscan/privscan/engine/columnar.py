"""The columnar path for tables: records whose every cell the column profiles settle, settled a batch at a time.

The per-cell path costs about 30 µs of Python per cell, whatever the cell holds. On a table, once each
column's profile is decided (engine/profile.py), most cells need no analysis of their own: a quiet
column's value of a known shape is skipped, a typed column's value is its column's entity. This path
reads the table as column batches (`ObjectReader.table_batches`: CSV / TSV, flat Parquet) and works on
whole arrays:

- a quiet column's values are matched against the shapes its sample showed, and its decimal numbers
  against the decimal form, with one RE2 expression over the array (Arrow compute);
- other values are asked of the detector's own per-value routes (`Detector.value_detections`, the
  answer the worker processes give) once per distinct value in the batch;
- a record is *settled* when each of its cells is skipped, gives nothing, or gives exactly one detection
  of its typed column's entity over the whole value. What the per-record stages do with such a record
  is computed for the run of settled records at once: the record's countries for national identifiers
  (`scanner.with_record_countries`), the rule severities that depend on the rules fired in the record
  (`RecordRules`), and the fold into each typed column's finding (`ColumnAggregate.add_block`);
- every other record (a free-text or mixed value, a new shape with a finding, a column still sampling,
  a malformed row) goes through the per-cell path as its cells, in order.

A run of settled records travels the cell stream as one `BlockCell`, so every stage keeps input order,
and the findings are those of the per-cell path: the same column counts, distinct counts, occurrences,
record numbers, scores, severities and rule ids. The path is used when `EngineConfig.columnar` is set, for
a whole object scanned in one pass (`pipeline.scan_stream`) and for each chunk of a chunked scan (with the
planner's decided profiles: the records up to the samples' end take the per-cell path, as in one pass); not
for an examination (it observes every cell), redaction, or tables whose columns trigger record rules on their
values (consent flags, ages), which take the per-cell path.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
import weakref
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from privscan.engine.config import severity_of, severity_rank
from privscan.engine.deadline import DeadlineExceeded
from privscan.engine.detect import CODE_COLUMN, ENTITY, NER_VALUE, PATTERN, TYPED, Unit
from privscan.engine.findings import max_severity
from privscan.engine.national_ids import (
    ENTITY_COUNTRY,
    NAMED_SCORE,
    NATIONAL_ID_ENTITIES,
    _validators,
    candidates,
    country_of_iban,
    country_of_name,
    country_of_phone,
    header_evidence,
    is_country_field,
    renaming_entities,
)
from privscan.engine.prefilter import NER_ENTITIES
from privscan.engine.profile import MAX_SHAPES, ColumnProfile, ColumnProfiler, DecidedProfiler
from privscan.engine.rules.catalogue import RuleBook
from privscan.engine.scanner import MAX_HELD_CELLS, MAX_RUN_CHARS, Scanner
from privscan.readers.base import BlockCell, Cell, ObjectReader, TableBatch
from privscan.readers.delimited import NOT_BLANK
from privscan.vocabulary import SEVERITIES, Placement, ProfileMode

SAMPLING_ROWS = 256  # records per step while a column is still sampling
MEMO_ENTRIES = 65_536  # answers remembered per column (a column of few distinct values asks each once)
# Python's white space (str.isspace), for the shapes' runs and the edges `str.strip` removes: RE2's \s is ASCII.
_SPACE = r"[\t\n\x0b\f\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_EDGES = f"^{NOT_BLANK}(?:.*{NOT_BLANK})?$"  # no white space at either end (`str.strip` keeps the value whole)
_DECIMAL = r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?"  # profile._DECIMAL on ASCII digits
_SHAPE_TOKEN = re.compile(r"9\{(\d+)\}|(a)|( )|(.)", re.DOTALL)


def shape_pattern(shape: str) -> str:
    """An RE2 expression that matches only values whose `profile.shape` is `shape` (never one of another shape).

    Digit runs are ASCII digits of the run's length, letter runs letters (\\pL: a subset of what Python's
    runs take), white space runs Python's white space; any other character is itself. A value Python would
    cut into other runs (a non-ASCII digit, a letter outside \\pL) does not match, and takes the per-cell path.
    """
    out = []
    for match in _SHAPE_TOKEN.finditer(shape):
        digits, letters, space, other = match.groups()
        if digits:
            out.append(f"[0-9]{{{digits}}}")
        elif letters:
            out.append(r"\pL+")
        elif space:
            out.append(f"{_SPACE}+")
        else:
            out.append(re.escape(other) if other != "\n" else r"\n")
    return "".join(out)


def quiet_pattern(profile: ColumnProfile) -> str | None:
    """One RE2 expression for the values a quiet column skips (`ColumnProfile.known_shape`), or None."""
    alternatives = []
    if profile.decimal_column:
        alternatives.append(_DECIMAL)
    if len(profile.shapes) <= MAX_SHAPES:
        alternatives += [shape_pattern(s) for s in sorted(profile.shapes)]
    if not alternatives:
        return None
    return f"^{_SPACE}*(?:{'|'.join(alternatives)}){_SPACE}*$"


@dataclass(slots=True)
class ColumnFold:
    """What a run of settled records adds to one typed column's finding: its values in record order."""

    name: str
    entity: str
    records: np.ndarray  # record of each value
    values: pa.Array | None  # the values (each a whole cell, no white space at its ends); None until `taken`
    ends: np.ndarray | None  # length of each value in characters (its detection's end; it starts at 0)
    best_score: float
    severity: str
    rule_ids: list[str]
    # the batch the run is of (its first record), and on the batch's first run of this column only, the rows of the
    # distinct values of all its runs in the batch, and the batch's records: `ColumnAggregate.add_block` may
    # fingerprint the batch's new values at once (while no cap is near, which values come first does not matter)
    batch: int = -1
    distinct_rows: np.ndarray | None = None
    batch_rows: int = 0
    rows: np.ndarray | None = None  # the values' rows in the batch's column `source`
    source: pa.Array | None = None

    def taken(self) -> pa.Array:
        """The run's values, taken from the batch's column on first use (a settling process sends rows only)."""
        if self.values is None:
            self.values = self.source.take(pa.array(self.rows))
            self.ends = pc.utf8_length(self.values).to_numpy(zero_copy_only=False)
        return self.values

    def distinct(self) -> list[str] | None:
        """The distinct values of the column's runs in the batch (on its first run), in no particular order."""
        if self.distinct_rows is None:
            return None
        return self.source.take(pa.array(self.distinct_rows)).to_pylist()


@dataclass(slots=True)
class Block:
    """A run of settled records: the typed columns' folds, in the order the per-cell path first folds them."""

    first_record: int
    records: int
    folds: list[ColumnFold] = field(default_factory=list)


def shifted(cell: Cell, offset: int) -> Cell:
    """`cell` with `offset` added to its record number, and to every record a `BlockCell` stands for (a chunk's
    records counted in the whole object)."""
    if not isinstance(cell, BlockCell):
        return replace(cell, record=cell.record + offset)
    block = cell.block
    folds = [replace(fold, records=fold.records + offset) for fold in block.folds]
    moved = replace(block, first_record=block.first_record + offset, folds=folds)
    return replace(cell, record=cell.record + offset, block=moved)


@dataclass(slots=True)
class _Column:
    """One column of a batch: which of its cells are settled, and the detection each settled cell gives."""

    name: str
    present: np.ndarray  # a cell is there (not null, not blank)
    settled: np.ndarray  # the cell is absent, skipped, gives nothing, or gives its column's entity
    detected: np.ndarray  # the cell gives one detection of `entity` over the whole value
    entity: str | None = None
    scores: np.ndarray | None = None
    places: np.ndarray | None = None  # each cell's value's place in `memo` (-1: not held)
    memo: ValueMemo | None = None  # the column's memo (held here: others may push it out of the process's memos)


def _sliced(batch: TableBatch, start: int, end: int) -> TableBatch:
    """Records `start` to `end` of a batch, as a batch of their own."""
    return TableBatch(
        batch.first_record + start,
        end - start,
        {name: array.slice(start, end - start) for name, array in batch.columns.items()},
        np.asarray(batch.irregular, bool)[start:end],
        lambda i: batch.record_cells(start + i),
    )


def _bools(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False).astype(bool)


class ColumnarSplitter:
    """Turns the column batches of one table into the cell stream of the per-cell path, runs of settled records
    standing as one `BlockCell` each (`cells`).

    Once every column of a batch is decided, which of its records are settled, and what the settled runs add, is
    worked out by a `SettleTask` on the scanner's executor: in a worker process when there are several (while this
    process reads the next batches and folds the earlier ones), in this process otherwise. Results are taken in the
    order the batches were read, at most `MAX_BATCHES_IN_FLIGHT` batches being out at once, so the cell stream is
    the same whatever the number of workers, and memory stays flat."""

    def __init__(
        self,
        scanner: Scanner,
        profiler: ColumnProfiler,
        book: RuleBook,
        deadline: float | None = None,
        record_offset: int = 0,
    ):
        """`record_offset`: what to add to the batches' record numbers to get the whole object's (a chunk of a
        chunked scan, whose `DecidedProfiler` says where each column's sample ends in the whole object)."""
        self.scanner = scanner
        self.record_offset = record_offset
        self.detector = scanner.detector
        self.profiler = profiler
        self.book = book
        self.deadline = deadline
        self._plan: SettlePlan | None = None
        self._planned = -1  # decided profiles the plan was made of

    @staticmethod
    def eligible(reader: ObjectReader, book: RuleBook) -> bool:
        """Whether the columnar path gives this table the per-cell path's findings: a record's cells fit what
        `with_record_countries` holds, and no column fires a rule on its values (consent flags, ages)."""
        columns = reader.columns or []
        if not reader.tabular or not columns or len(columns) >= MAX_HELD_CELLS:
            return False
        return not any(t.matches(c) for t in (*book.consent, *book.age_columns) for c in columns)

    def cells(self, batches: Iterator[TableBatch]) -> Iterator[Cell]:
        """The cells of every batch in order, each run of settled records as one BlockCell.

        A batch whose columns are all decided is sent to the executor as a `SettleTask` while the next ones are
        read; a batch with a column still sampling waits for the earlier ones and goes through `split` here."""
        lane = self.scanner.executor().lane(reserved=MAX_BATCHES_IN_FLIGHT)
        waiting: deque[TableBatch] = deque()  # sent, oldest first
        try:
            for batch in batches:
                if self._sampling(batch):
                    while waiting:
                        yield from self._emit(waiting.popleft(), _answered(lane.next_result()))
                    yield from self.split(batch)
                    continue
                while waiting and (len(waiting) >= MAX_BATCHES_IN_FLIGHT or not lane.free()):
                    yield from self._emit(waiting.popleft(), _answered(lane.next_result()))
                lane.submit(self._task(batch))
                waiting.append(batch)
            while waiting:
                yield from self._emit(waiting.popleft(), _answered(lane.next_result()))
        finally:
            lane.close()  # a scan stopped early: the results not taken reach no one

    def split(self, batch: TableBatch) -> Iterator[Cell]:
        """The batch's cells in order, each run of settled records as one BlockCell, worked out in this process.

        While a column of the batch is still sampling, the batch goes SAMPLING_ROWS records at a time: the
        per-cell path takes the sample's records, and the rest is settled once the profiles are decided."""
        start = 0
        while start < batch.rows:
            end = min(start + SAMPLING_ROWS, batch.rows) if self._sampling(batch) else batch.rows
            part = batch if (start, end) == (0, batch.rows) else _sliced(batch, start, end)
            yield from self._emit(part, _answered(self._task(part).run(self.detector)))
            start = end

    def _sampling(self, batch: TableBatch) -> bool:
        for name, array in batch.columns.items():
            profile = self.profiler.columns.get(name)
            if (profile is None or not profile.decided) and array.null_count < len(array):
                return True
        return False

    def past_samples(self, batch: TableBatch) -> np.ndarray:
        """Which records of the batch come after every column's sample in the whole object (`Settler.past_samples`;
        all of them unless the profiles are a chunked scan's `DecidedProfiler`)."""
        if self._current_plan().last_sample is None:
            return np.ones(batch.rows, bool)
        return Settler(self.detector, self._current_plan(), self.deadline).past_samples(batch)

    def _task(self, batch: TableBatch) -> SettleTask:
        return SettleTask(
            batch.first_record, batch.rows, batch.columns, batch.irregular, self._current_plan(), self.deadline
        )

    def _current_plan(self) -> SettlePlan:
        """The decided profiles as a plan for the settling processes; made again when more are decided."""
        decided = sum(profile.decided for profile in self.profiler.columns.values())
        if self._plan is None or decided != self._planned:
            last_sample = None
            if isinstance(self.profiler, DecidedProfiler):
                last_sample = max((end[0] for end in self.profiler.sample_ends.values()), default=-1)
            profiles = {name: p for name, p in self.profiler.columns.items() if p.decided}  # decided: never change
            self._plan = SettlePlan(os.urandom(8).hex(), profiles, self.book, last_sample, self.record_offset)
            self._planned = decided
        return self._plan

    @staticmethod
    def _emit(batch: TableBatch, runs: list[tuple[int, int, Block | None, int]]) -> Iterator[Cell]:
        for start, end, block, cells in runs:
            if block is not None:
                for fold in block.folds:  # the values stay in the batch until a fold needs them
                    fold.records = fold.rows + batch.first_record
                    fold.batch, fold.source = batch.first_record, batch.columns[fold.name]
                yield BlockCell(batch.first_record + start, None, "", block=block, cells=cells)
            else:
                for i in range(start, end):
                    yield from batch.record_cells(i)


MAX_BATCHES_IN_FLIGHT = 4  # batches sent to the workers and not taken back yet, per table


def _answered(runs: list | None) -> list:
    if runs is None:
        raise DeadlineExceeded
    return runs


def _compact(columns: dict[str, pa.Array]) -> dict[str, pa.Array]:
    """The columns with buffers of their own: a slice pickles the whole of its parent's buffers."""
    return {name: pa.concat_arrays([a]) if a.get_total_buffer_size() > a.nbytes else a for name, a in columns.items()}


@dataclass(slots=True)
class SettlePlan:
    """What settling a batch needs to know of its table: the decided column profiles, the rule book, and for a
    chunk of a chunked scan the last record of the columns' samples in the whole object (`record_offset` turns the
    chunk's record numbers into the object's). Pickled once per plan for the workers (`SettleTask`)."""

    key: str
    profiles: dict[str, ColumnProfile]
    book: RuleBook
    last_sample: int | None = None
    record_offset: int = 0
    quiet: dict[str, str | None] = field(default_factory=dict)  # each quiet column's expression, made on first use


class SettleTask:
    """A batch of table records to settle, as sent to the scanner's executor (`Detector.run_task` runs it in a
    worker process, or in this one): its columns, and the plan of its table, pickled once per plan."""

    def __init__(
        self,
        first_record: int,
        rows: int,
        columns: dict[str, pa.Array],
        irregular,
        plan: SettlePlan,
        deadline: float | None,
    ):
        self.first_record, self.rows, self.columns, self.irregular = first_record, rows, columns, irregular
        self.plan, self.deadline = plan, deadline

    def __getstate__(self) -> dict:
        return {
            "batch": (self.first_record, self.rows, _compact(self.columns), np.asarray(self.irregular, bool)),
            "plan": (self.plan.key, _pickled_plan(self.plan)),
            "deadline": self.deadline,
        }

    def __setstate__(self, state: dict) -> None:
        self.first_record, self.rows, self.columns, self.irregular = state["batch"]
        self.plan, self.deadline = _unpickled_plan(*state["plan"]), state["deadline"]

    def run(self, detector) -> list[tuple[int, int, Block | None, int]] | None:
        """The batch's runs of records in order, (start, end, block, cells): a settled run's Block and how many
        cells it holds, None and 0 for a run of records that take the per-cell path; None when the deadline passed.
        """
        batch = TableBatch(self.first_record, self.rows, self.columns, self.irregular, _no_cells)
        try:
            return Settler(detector, self.plan, self.deadline).runs(batch)
        except DeadlineExceeded:
            return None


def _no_cells(i: int) -> Iterator[Cell]:
    raise RuntimeError("a settling process does not read records")


_PICKLED: dict[str, bytes] = {}  # in the scanning process: plans as sent, newest last
_UNPICKLED: dict[str, SettlePlan] = {}  # in a worker: plans as received, newest last
_PLANS_KEPT = 8
_LOCK = threading.Lock()  # the caches here: several scans may run side by side in threads


def _pickled_plan(plan: SettlePlan) -> bytes:
    with _LOCK:
        found = _PICKLED.get(plan.key)
        if found is None:
            found = _PICKLED[plan.key] = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
            _bound(_PICKLED, _PLANS_KEPT)
        return found


def _unpickled_plan(key: str, data: bytes) -> SettlePlan:
    with _LOCK:
        found = _UNPICKLED.get(key)
        if found is None:
            found = _UNPICKLED[key] = pickle.loads(data)
            _bound(_UNPICKLED, _PLANS_KEPT)
        return found


def _bound(cache: dict, most: int) -> None:
    while len(cache) > most:
        del cache[next(iter(cache))]


# Answers of the detector per value, per column and route (`Settler._answer`): kept per detector, for the scans of
# a process (a worker serves the batches of every scan), for at most this many columns.
_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_COLUMNS = 64


def _memo(detector, key: tuple) -> dict[str, tuple | None]:
    with _LOCK:
        memos = _MEMOS.get(detector)
        if memos is None:
            memos = _MEMOS[detector] = {}
        memo = memos.pop(key, None)
        if memo is None or len(memo) > MEMO_ENTRIES:
            memo = {}
        memos[key] = memo  # newest last
        _bound(memos, _MEMO_COLUMNS)
        return memo


MEMO_VALUES = 32_768  # distinct values a `ValueMemo` remembers
MEMO_BYTES = 1024**2  # and at most this many bytes of them
MEMO_VALUE_BYTES = 256  # longer values are not held (asked in each batch they are in)
_MEMO_RETRY = 16  # batches a memo of values that did not repeat stays unused


class ValueMemo:
    """What a function of a value alone gives the values of a column, remembered across its batches: each batch's
    values are looked up with one hash join (`pc.index_in`), and the function is asked of the distinct new ones only.
    Each value held also records whether this process has given it in a settled run (`first_given`).

    A column whose values do not repeat (ids, amounts) gains nothing from it: when under a fifth of a batch's values
    were known, the memo is left unused for `_MEMO_RETRY` batches (the function then takes the whole batch)."""

    def __init__(self):
        self.values: pa.Array | None = None
        self.answers: tuple[np.ndarray, ...] = ()
        self.given = np.zeros(0, bool)
        self._idle = 0  # batches left to take without the memo

    def apply(self, array: pa.Array, present: np.ndarray, function) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
        """`function(values)` (a tuple of arrays, one entry per value) for each row of `array`, the entries of rows
        that are not `present` those of no value (False, 0); and each row's place in the memo (-1: not held)."""
        rows = len(array)
        found = np.full(rows, -1, np.int64)
        if self._idle or (self.values is not None and self.values.type != array.type):
            self._idle = max(0, self._idle - 1)
            return tuple(np.where(present, answer, np.zeros((), answer.dtype)) for answer in function(array)), found
        before = 0 if self.values is None else len(self.values)
        if before:
            index = pc.index_in(array, value_set=self.values)
            found = pc.fill_null(index, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        new = np.flatnonzero(present & (found < 0))
        known = int(present.sum()) - len(new)
        if len(new):
            encoded = array.take(pa.array(new, pa.int64())).dictionary_encode()
            computed = function(encoded.dictionary)
            codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
            placed = self._remember(encoded.dictionary, computed)[codes]
            found[new] = placed
            out = self._looked_up(found, computed)
            late = placed < 0  # values not held (past the memo's room, or long): their own answers
            for target, answer in zip(out, computed, strict=True):
                target[new[late]] = answer[codes[late]]
        else:
            out = self._looked_up(found, self.answers or function(array.slice(0, 0)))
        if before and known * 5 < int(present.sum()):
            self._idle = _MEMO_RETRY
        return out, found

    def _looked_up(self, found: np.ndarray, like: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        """The held answers of the rows whose places are `found`, no value's (False, 0) where -1; arrays of `like`'s
        types when nothing is held."""
        if not self.answers:
            return tuple(np.zeros(len(found), answer.dtype) for answer in like)
        return tuple(np.where(found >= 0, a[np.maximum(found, 0)], np.zeros((), a.dtype)) for a in self.answers)

    def first_given(self, places: np.ndarray) -> np.ndarray:
        """Of rows whose places in the memo are `places` (-1: not held), the positions of the rows that show a value
        not given before by this process (each held value once, every row of a value not held); those values
        count as given from now on."""
        held = places >= 0
        fresh = ~held
        fresh[held] = ~self.given[places[held]]
        rows = np.flatnonzero(fresh & held)
        _, first = np.unique(places[rows], return_index=True)
        self.given[places[rows]] = True
        return np.sort(np.concatenate([rows[first], np.flatnonzero(~held)]))

    def _remember(self, distinct: pa.Array, computed: tuple[np.ndarray, ...]) -> np.ndarray:
        """Hold those of `distinct` (and their answers) that the memo has room for, values of at most
        MEMO_VALUE_BYTES bytes only; each one's place in the memo (-1: not held)."""
        held = 0 if self.values is None else len(self.values)
        places = np.full(len(distinct), -1, np.int64)
        room = MEMO_VALUES - held
        if room <= 0 or (self.values is not None and self.values.nbytes > MEMO_BYTES):
            return places
        lengths = pc.binary_length(distinct).to_numpy(zero_copy_only=False)
        kept = np.flatnonzero(lengths <= MEMO_VALUE_BYTES)[:room]
        if not len(kept):
            return places
        taken = distinct.take(pa.array(kept, pa.int64()))
        answers = tuple(answer[kept] for answer in computed)
        if self.values is None:
            self.values, self.answers = taken, answers
        else:
            self.values = pa.concat_arrays([self.values, taken])
            self.answers = tuple(np.concatenate(pair) for pair in zip(self.answers, answers, strict=True))
        self.given = np.concatenate([self.given, np.zeros(len(kept), bool)])
        places[kept] = held + np.arange(len(kept))
        return places


_VALUE_MEMOS: dict[tuple, ValueMemo] = {}  # per plan and column (and purpose), newest last
_VALUE_MEMOS_KEPT = 24  # memos held per process (each at most MEMO_VALUES values, MEMO_BYTES bytes)


def _value_memo(plan_key: str, key: tuple) -> ValueMemo:
    with _LOCK:
        memo = _VALUE_MEMOS.pop((plan_key, *key), None) or ValueMemo()
        _VALUE_MEMOS[(plan_key, *key)] = memo
        _bound(_VALUE_MEMOS, _VALUE_MEMOS_KEPT)
        return memo


class Settler:
    """Which records of a batch are settled, and what each run of settled records adds (`runs`): whole-array
    operations over the batch's columns, and the detector's per-value answers for the values they leave open."""

    def __init__(self, detector, plan: SettlePlan, deadline: float | None):
        self.detector = detector
        self.plan = plan
        self.book = plan.book
        self.deadline = deadline

    def runs(self, batch: TableBatch) -> list[tuple[int, int, Block | None, int]]:
        """The batch's runs of records (see `SettleTask.run`)."""
        settled, columns = self._settle(batch)
        if not settled.any():
            return [(0, batch.rows, None, 0)]
        edges = np.flatnonzero(np.diff(settled.astype(np.int8))) + 1
        starts = np.concatenate(([0], edges))
        ends = np.concatenate((edges, [batch.rows]))
        out = self._blocks(batch, columns, settled, starts, ends)
        by_column: dict[str, list[ColumnFold]] = {}
        for _, _, block, _ in out:
            for fold in block.folds if block is not None else ():
                by_column.setdefault(fold.name, []).append(fold)
        by_name = {column.name: column for column in columns}
        for name, folds in by_column.items():
            rows = np.concatenate([fold.rows for fold in folds])
            # a value this process gave in an earlier batch of the table is fingerprinted already (or the cap is met)
            column = by_name[name]
            fresh = rows[column.memo.first_given(column.places[rows])] if column.memo is not None else rows
            encoded = batch.columns[name].take(pa.array(fresh, pa.int64())).dictionary_encode()
            _, first = np.unique(encoded.indices.to_numpy(zero_copy_only=False), return_index=True)
            folds[0].distinct_rows, folds[0].batch_rows = fresh[first], batch.rows
        return out

    # -- which records are settled ------------------------------------------------------------
    def _settle(self, batch: TableBatch) -> tuple[np.ndarray, list[_Column]]:
        settled = ~np.asarray(batch.irregular, bool)
        if self.plan.last_sample is not None:
            settled &= self.past_samples(batch)
        if not settled.any():
            return np.zeros(batch.rows, bool), []
        columns, asks = [], []
        for name, array in batch.columns.items():
            found = self._column(name, array)
            if found is not None:
                column, pending, route = found
                columns.append(column)
                if pending is None:
                    settled &= column.settled  # nothing to ask: settled or not already
                else:
                    asks.append((column, array, pending, route))
        # values are asked only in records that nothing else keeps from being settled
        self._answer([(c, a, np.flatnonzero(p & settled), r) for c, a, p, r in asks])
        for column in columns:
            settled &= column.settled
        if any(c.entity in NATIONAL_ID_ENTITIES for c in columns if c.detected.any()):
            settled &= self._countries(batch, columns, settled)
        return settled, columns

    def past_samples(self, batch: TableBatch) -> np.ndarray:
        """Which records of the batch come after every column's sample in the whole object (the decided profiles
        of a chunked scan). The records up to a sample's end take the per-cell path: a single pass gives their
        cells the full analysis, and so does the chunk."""
        return np.arange(batch.rows) + (batch.first_record + self.plan.record_offset) > self.plan.last_sample

    def _column(self, name: str, array: pa.Array) -> tuple[_Column, np.ndarray | None, str] | None:
        """The column's cells that are settled without asking, and those to ask the detector about (None: no
        cell can be settled by asking: a free-text column, or one still sampling).

        What a cell gives here depends on its value alone: worked out once per distinct value of the batch, and
        remembered across batches (`ValueMemo`) while the column's values repeat."""
        present = _bools(pc.is_valid(array))
        if not present.any():
            return None
        profile = self.plan.profiles.get(name)
        if profile is None or not profile.decided or profile.mode == ProfileMode.FREE_TEXT:
            return _Column(name, present, ~present, np.zeros(len(present), bool)), None, PATTERN
        memo = _value_memo(self.plan.key, ("cells", name))
        states, places = memo.apply(array, present, lambda values: self._states(name, profile, values))
        settled, detected, scores, pending = states
        column = _Column(name, present, ~present | (present & settled), present & detected, places=places, memo=memo)
        if profile.mode == ProfileMode.TYPED:
            column.entity, column.scores = profile.typed_as, np.where(column.detected, scores, 0.0)
        return column, present & pending, self._route(profile)

    def _states(self, name: str, profile: ColumnProfile, array: pa.Array) -> tuple[np.ndarray, ...]:
        """For each (present) value of a decided quiet or typed column: whether it is settled without asking, whether
        it gives one whole-value detection of the column's entity, that detection's score, and whether the detector
        is to be asked about it."""
        short = _bools(pc.less_equal(pc.utf8_length(array), MAX_RUN_CHARS))  # one piece (scanner.pieces)
        pending = short.copy()
        if profile.mode == ProfileMode.QUIET:
            pattern = self._quiet_pattern(name, profile)
            if pattern is not None:
                pending &= ~_bools(pc.match_substring_regex(array, pattern))  # skipped: a known shape
        settled = short & ~pending
        detected = np.zeros(len(array), bool)
        scores = np.zeros(len(array))
        if profile.mode == ProfileMode.TYPED and pending.any():
            proven, score = self._prove(name, profile, array)
            if proven is not None:
                proven &= pending
                settled |= proven
                detected |= proven
                scores[proven] = score
                pending &= ~proven
        if pending.any():
            pending &= _bools(pc.match_substring_regex(array, _EDGES))
        return settled, detected, scores, pending

    def _prove(self, name: str, profile: ColumnProfile, array: pa.Array) -> tuple[np.ndarray | None, float]:
        """A typed column's values its route gives one whole-value detection, found with whole-array operations,
        and that detection's score; (None, 0) when no prover stands for the column's route."""
        entity = profile.typed_as
        if _identifier_checked(name, profile):
            if header_evidence(name).entities == {entity} and entity in IDENTIFIER_PROVERS:
                return prove_identifiers(entity, array), NAMED_SCORE
            return None, 0.0
        prover = TYPED_PROVERS.get(entity)
        return (None, 0.0) if prover is None else (prover(self.detector, array), profile.best_score[entity])

    @staticmethod
    def _route(profile: ColumnProfile) -> str:
        if profile.mode == ProfileMode.TYPED:
            return NER_VALUE if profile.typed_as in NER_ENTITIES else TYPED
        return PATTERN

    def _quiet_pattern(self, name: str, profile: ColumnProfile) -> str | None:
        quiet = self.plan.quiet
        if name not in quiet:
            quiet[name] = quiet_pattern(profile)
        return quiet[name]

    def _answer(self, asks: list) -> None:
        """The detector's answer for each value to ask, once per distinct value and column (remembered)."""
        units, waiting = [], []
        for column, array, rows, route in asks:
            if not len(rows):
                continue
            profile = self.plan.profiles[column.name]
            typed_as, typed_score = None, 0.0
            if route in (TYPED, NER_VALUE):
                typed_as, typed_score = profile.typed_as, profile.best_score[profile.typed_as]
            identifiers = profile.holds_identifiers
            memo = _memo(self.detector, (column.name, route, typed_as, typed_score, identifiers, column.entity))
            values = array.take(pa.array(rows)).to_pylist()
            new: dict[str, int] = {}
            for value in values:
                if value not in memo and value not in new:
                    new[value] = len(units)
                    units.append(Unit(value, 0, column.name, None, route, typed_as, typed_score, identifiers))
            waiting.append((column, rows, values, memo, new))
        if units:
            answers = self.detector.run(units, self.deadline)
            if answers is None:
                raise DeadlineExceeded
        for column, rows, values, memo, new in waiting:
            for value, index in new.items():
                memo[value] = _settled_answer(answers[index], value, column.entity)
            for row, value in zip(rows.tolist(), values, strict=True):
                answer = memo[value]
                if answer is None:
                    continue
                column.settled[row] = True
                if answer:
                    column.detected[row] = True
                    column.scores[row] = answer[0]

    def _countries(self, batch: TableBatch, columns: list[_Column], settled: np.ndarray) -> np.ndarray:
        """Which settled records keep their national identifiers as they are (`scanner.settle_countries`), each
        identifier's score raised where its country is the record's; False where another country renames it.

        Each source of a record's countries (a country column, a phone number, an IBAN) is a row of country
        numbers (-1: none), worked out once per distinct value; the records to check are grouped by the set
        of countries they name, and each group's identifiers are validated together."""
        rows = batch.rows
        names: dict[str, int] = {}  # country code -> its number in the rows below
        sources: list[np.ndarray] = []
        for column in columns:
            array = batch.columns[column.name]
            if is_country_field(column.name):
                sources.append(_mapped(array, country_of_name, column.present, names))
            if column.entity == "PHONE_NUMBER":
                sources.append(phone_countries(array, column.detected, names))
            elif column.entity == "IBAN_CODE":  # a settled IBAN has no white space at its start: two letters tell
                sources.append(_mapped(pc.utf8_slice_codeunits(array, 0, 2), country_of_iban, column.detected, names))
        codes = np.stack(sources) if sources else np.full((0, rows), -1, np.int32)
        known = (codes >= 0).any(axis=0)
        keep = np.ones(rows, bool)
        by_number = sorted(names, key=names.__getitem__)
        for column in columns:
            if column.entity not in NATIONAL_ID_ENTITIES or not column.detected.any():
                continue
            country = ENTITY_COUNTRY[column.entity]
            named = (codes == names[country]).any(axis=0) if country in names else np.zeros(rows, bool)
            ids = column.detected & settled
            column.scores[ids & named] = np.maximum(column.scores[ids & named], NAMED_SCORE)
            rows_to_check = np.flatnonzero(ids & known & ~named)
            if not len(rows_to_check):
                continue
            array = batch.columns[column.name]
            for numbers, group in _groups(codes[:, rows_to_check], len(names)):
                countries = frozenset(by_number[c] for c in numbers if c >= 0)
                entities = renaming_entities(countries, (column.entity,), column.name)
                if not entities:
                    continue
                group = rows_to_check[group]
                values = array.take(pa.array(group))
                memo = _value_memo(self.plan.key, ("renamed", column.name, entities))
                renamed = memo.apply(values, np.ones(len(values), bool), lambda v, e=entities: (_renamed(v, e),))[0][0]
                keep[group[renamed]] = False  # renamed to the record's country: the per-cell path
        return keep

    # -- what a run of settled records adds ---------------------------------------------------------
    def _blocks(self, batch: TableBatch, columns: list[_Column], settled: np.ndarray, starts, ends) -> list[tuple]:
        """Each run's (start, end, block, cells) as `_block` gives a settled run's, worked out for the whole batch
        at once: the severities per set of typed values present in a record, each run's cells, typed columns,
        worst severity and best score by one reduction over the runs."""
        typed = [c for c in columns if c.entity is not None and (c.detected & settled).any()]
        if len(typed) > 62:  # one bit per typed column in a record's mask
            return [
                (s, e, *self._block(batch, columns, s, e)) if settled[s] else (s, e, None, 0)
                for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
            ]
        present = np.zeros(batch.rows, np.int64)
        for column in columns:
            present += column.present
        cells_before = np.concatenate(([0], np.cumsum(present)))
        folds: list[tuple] = []  # per typed column: (detected, runs with one, first row, best score, worst rank)
        if typed:
            detected = np.stack([c.detected & settled for c in typed])
            rules = [value_rule_ids(self.book, c.entity) for c in typed]
            bits = (detected.astype(np.int64) << np.arange(len(typed))[:, None]).sum(axis=0)
            masks, inverse = np.unique(bits, return_inverse=True)
            ranks = np.full((len(masks), len(typed)), -1, np.int64)
            for m, mask in enumerate(masks.tolist()):
                fired = {r for i, rule_ids in enumerate(rules) if mask >> i & 1 for r in rule_ids}
                for i, rule_ids in enumerate(rules):
                    severity = self.book.severity(rule_ids, fired)
                    ranks[m, i] = -1 if severity is None else severity_rank(severity)
            row_rank = np.where(detected, ranks[inverse.reshape(-1)].T, -1)
            order = np.where(detected, np.arange(batch.rows), batch.rows)
            scores = np.where(detected, np.stack([c.scores for c in typed]), -np.inf)
            has = np.maximum.reduceat(detected.astype(np.int8), starts, axis=1) > 0
            first = np.minimum.reduceat(order, starts, axis=1)
            best = np.maximum.reduceat(scores, starts, axis=1)
            worst = np.maximum.reduceat(row_rank, starts, axis=1)
            for i, column in enumerate(typed):
                worst[i] = np.maximum(worst[i], severity_rank(severity_of(column.entity)))
            folds = [(detected[i], has[i], first[i], best[i], worst[i]) for i in range(len(typed))]
        out = []
        for j, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            if not settled[start]:
                out.append((start, end, None, 0))
                continue
            block = Block(batch.first_record + start, end - start)
            present_here = [i for i in range(len(typed)) if folds[i][1][j]]
            for i in sorted(present_here, key=lambda i: int(folds[i][2][j])):  # in the order of first detection
                rows = (np.flatnonzero(folds[i][0][start:end]) + start).astype(np.int32)
                block.folds.append(
                    ColumnFold(
                        typed[i].name,
                        typed[i].entity,
                        None,  # the rows and the batch's first record make them where the batch is (`_emit`)
                        None,
                        None,
                        float(folds[i][3][j]),
                        SEVERITIES[int(folds[i][4][j])],
                        list(rules[i]),
                        rows=rows,
                    )
                )
            out.append((start, end, block, int(cells_before[end] - cells_before[start])))
        return out

    def _block(self, batch: TableBatch, columns: list[_Column], start: int, end: int) -> tuple[Block, int]:
        block = Block(batch.first_record + start, end - start)
        cells = int(sum(int(c.present[start:end].sum()) for c in columns))
        typed = [c for c in columns if c.entity is not None and c.detected[start:end].any()]
        if not typed:
            return block, cells
        detected = np.stack([c.detected[start:end] for c in typed])
        rules = [value_rule_ids(self.book, c.entity) for c in typed]
        # the rules fired in a record are its typed values' rules: records with the same typed values present
        # share their severities (a companion rule raises a rule to critical)
        bits = (detected.astype(np.int64) << np.arange(len(typed))[:, None]).sum(axis=0)
        masks = np.unique(bits)
        severity = {}
        for mask in masks.tolist():
            fired = {r for i, rule_ids in enumerate(rules) if mask >> i & 1 for r in rule_ids}
            severity[mask] = [self.book.severity(rule_ids, fired) for rule_ids in rules]
        order = sorted(range(len(typed)), key=lambda i: int(np.argmax(detected[i])))
        for i in order:
            column = typed[i]
            rows = (np.flatnonzero(detected[i]) + start).astype(np.int32)
            row_masks = np.unique(bits[detected[i]]).tolist()
            worst = max_severity(*(severity[mask][i] for mask in row_masks), severity_of(column.entity))
            block.folds.append(
                ColumnFold(
                    column.name,
                    column.entity,
                    None,  # the rows and the batch's first record make them where the batch is (`_emit`)
                    None,
                    None,
                    float(column.scores[rows].max()),
                    worst,
                    list(rules[i]),
                    rows=rows,
                )
            )
        return block, cells


def _groups(codes: np.ndarray, countries: int) -> Iterator[tuple[list[int], np.ndarray]]:
    """The distinct columns of `codes` (numbers from -1 to `countries` - 1, one row per source), each with the
    indices of the columns equal to it: one number per column when they fit in 62 bits, else by columns."""
    base = countries + 1
    if base ** len(codes) >= 2**62:
        distinct, group_of = np.unique(codes, axis=1, return_inverse=True)
        group_of = group_of.reshape(-1)
        for g in range(distinct.shape[1]):
            yield distinct[:, g].tolist(), np.flatnonzero(group_of == g)
        return
    keys = np.zeros(codes.shape[1], np.int64)
    for source in codes:
        keys = keys * base + source + 1
    distinct, group_of = np.unique(keys, return_inverse=True)
    for g, key in enumerate(distinct.tolist()):
        numbers = []
        for _ in range(len(codes)):
            key, number = divmod(key, base)
            numbers.append(number - 1)
        yield numbers[::-1], np.flatnonzero(group_of == g)


# what a national-identifier pattern holds around its expression (recognizers/stdnum_recognizer.py)
_BEFORE, _AFTER = r"(?<!\w)(?<!\d[.,])(?<!\w[-/])", r"(?!\w)(?![.,]\d)(?![-/]\w)"
# a value `national_ids.candidates` may read with its country prefix left out, or not printable ASCII: always asked
_MAYBE_PREFIXED = r"^[A-Za-z]{2}[ \-]?[0-9]|[^ -~]"


def _renamed(values: pa.Array, entities: frozenset[str]) -> np.ndarray:
    """Whether a validator of `entities` (the record's countries' identifiers, `national_ids.renaming_entities`) accepts
    each value (`national_ids.candidates`): then the record's country renames it (`scanner.settle_countries`). A
    validator with a numpy check (IDENTIFIER_PROVERS) answers for the values of its plain form; the others' values
    are asked one by one, those no validator's expression takes are not."""
    ask = _bools(pc.match_substring_regex(values, _MAYBE_PREFIXED))
    accepted = np.zeros(len(values), bool)
    for entity in sorted(entities):
        pattern = _identifier_pattern(frozenset({entity}))
        if pattern is None:
            ask[:] = True
            break
        taken = _bools(pc.match_substring_regex(values, pattern))
        if entity in IDENTIFIER_PROVERS:
            plain = IDENTIFIER_PROVERS[entity][0]
            accepted |= taken & prove_identifiers(entity, values)
            taken &= ~_bools(pc.match_substring_regex(values, f"^{plain}$"))
        ask |= taken
    asked = np.flatnonzero(ask & ~accepted)
    for row, value in zip(asked.tolist(), values.take(pa.array(asked)).to_pylist(), strict=True):
        accepted[row] = bool(candidates(value, entities))
    return accepted


@lru_cache(maxsize=256)
def _identifier_pattern(entities: frozenset[str]) -> str | None:
    """An RE2 expression that every value a national-identifier validator of `entities` may accept whole matches
    (`national_ids._accepts`), or None when a validator's expression has no RE2 form.

    A validator's expression is its pattern between look-arounds that hold at both ends of a whole value; on
    printable ASCII, RE2 and Python's `regex` read the rest alike (other values are asked: `_MAYBE_PREFIXED`)."""
    cores = []
    for validator in _validators():
        if validator.cls.ENTITY not in entities:
            continue
        for compiled in validator.patterns:
            if not (compiled.pattern.startswith(_BEFORE) and compiled.pattern.endswith(_AFTER)):
                return None
            cores.append(compiled.pattern[len(_BEFORE) : -len(_AFTER)])
    if not cores:
        return "a^"  # nothing can be accepted
    pattern = f"(?i:^(?:{'|'.join(cores)})$)"
    try:
        pc.match_substring_regex(pa.array([""]), pattern)
    except pa.ArrowInvalid:
        return None
    return pattern


def _identifier_checked(name: str, profile: ColumnProfile) -> bool:
    """Whether the detector tries the column's values against every national-identifier validator first
    (`Detector._identifier_cell`): then no typed prover stands for it."""
    return header_evidence(name).identifier and not CODE_COLUMN.search(name) and profile.holds_identifiers


# An e-mail address Presidio's expression takes whole (ASCII letters and digits in dot, dash, plus or underscore
# separated runs): what the typed route then asks is whether its domain ends in a public suffix, which
# depends on the domain alone (tldextract reads the host after the last "@").
_EMAIL = (
    r"^(?P<local>[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*)"
    r"@(?P<domain>[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)+)$"
)
_IBAN = r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,31}$"  # Presidio's IBAN expression takes such a value whole, as one group


def prove_emails(detector, array: pa.Array) -> np.ndarray:
    """The values the typed route (`Detector._typed`) confirms as whole e-mail addresses, by column: the shape
    with one RE2 expression, the domain's public suffix once per distinct domain."""
    extracted = pc.extract_regex(array, _EMAIL)  # null where the value is not of the shape
    shaped = _bools(extracted.is_valid())
    if not shaped.any():
        return shaped
    recognizer = detector._recognizers_for["EMAIL_ADDRESS"][0]
    domains = extracted.field("domain")
    distinct = pc.unique(pc.drop_null(domains)).to_pylist()
    valid = pa.array([d for d in distinct if recognizer.validate_result(f"x@{d}")], pa.string())
    return shaped & _bools(pc.is_in(domains, value_set=valid))


def prove_ibans(detector, array: pa.Array) -> np.ndarray:
    """The values the typed route confirms as whole IBANs, by column: Presidio's IbanRecognizer takes a value of
    this shape whole and accepts it when its country's layout matches at its start and its check digits are
    those of ISO 13616 (mod 97, computed here over all values of one length at once)."""
    shaped = _bools(pc.match_substring_regex(array, _IBAN)) & _bools(pc.match_substring_regex(array, _iban_layouts()))
    rows = np.flatnonzero(shaped)
    if not len(rows):
        return shaped
    values = array.take(pa.array(rows))
    lengths = pc.utf8_length(values).to_numpy(zero_copy_only=False)
    ok = np.zeros(len(rows), bool)
    for length in np.unique(lengths).tolist():
        these = np.flatnonzero(lengths == length)
        same = values.take(pa.array(these)).cast(pa.binary())
        chars = np.frombuffer(same.buffers()[2], np.uint8)[: len(these) * length].reshape(len(these), length)
        numbers = np.where(chars >= 65, chars.astype(np.int64) - 55, chars.astype(np.int64) - 48)
        order = [*range(4, length), 0, 1]
        remainder = np.zeros(len(these), np.int64)
        for position in order:
            digit = numbers[:, position]
            remainder = (remainder * np.where(digit >= 10, 100, 10) + digit) % 97
        remainder = remainder * 100 % 97  # the check digits' place, as "00"
        ok[these] = 98 - remainder == numbers[:, 2] * 10 + numbers[:, 3]
    shaped[rows] = ok
    return shaped


@lru_cache(maxsize=1)
def _iban_layouts() -> str:
    """Presidio's country layouts at a value's start, for values of the `_IBAN` shape: such a value holds no space,
    so each layout's optional spaces are left out, and its groups do not capture (RE2 then needs no submatch
    machinery): what matches is the same, several times faster."""
    from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

    layouts = [re.sub(r"\((?!\?)", "(?:", layout.replace("[ ]?", "")) for layout in regex_per_country.values()]
    return "^(?:" + "|".join(layouts) + ")"


def _digits(array: pa.Array, pattern: str, length: int) -> tuple[np.ndarray, np.ndarray]:
    """The rows whose value matches `pattern` (an ASCII form of `length` characters) and their characters as a
    matrix of numbers (digits 0-9, letters A-Z 10-35)."""
    rows = np.flatnonzero(_bools(pc.match_substring_regex(array, pattern)))
    if not len(rows):
        return rows, np.zeros((0, length), np.int64)
    values = array.take(pa.array(rows)).cast(pa.binary())
    chars = np.frombuffer(values.buffers()[2], np.uint8)[: len(rows) * length].reshape(len(rows), length)
    return rows, np.where(chars >= 65, chars.astype(np.int64) - 55, chars.astype(np.int64) - 48)


_ONE_DIGIT = "|".join(f"{d}+" for d in range(10))  # placeholder_or_decimal: one repeated digit


def _accepted(array: pa.Array, pattern: str, length: int, check) -> np.ndarray:
    out = np.zeros(len(array), bool)
    rows, numbers = _digits(array, f"^{pattern}$", length)
    if len(rows):
        placeholder = _bools(pc.match_substring_regex(array.take(pa.array(rows)), f"^(?:{_ONE_DIGIT})[A-Z]?$"))
        out[rows] = check(numbers) & ~placeholder
    return out


def _de_tax_id(numbers: np.ndarray) -> np.ndarray:
    """stdnum.de.idnr: in the first ten digits one digit twice or three times, the others once; ISO 7064 mod 11,10."""
    counts = np.stack([(numbers[:, :10] == d).sum(axis=1) for d in range(10)], axis=1)
    repeated = (counts > 1).sum(axis=1)
    most = counts.max(axis=1)
    check = np.full(len(numbers), 5)
    for position in range(11):
        check = ((np.where(check == 0, 10, check) * 2) % 11 + numbers[:, position]) % 10
    return (repeated == 1) & ((most == 2) | (most == 3)) & (check == 1)


def _nl_bsn(numbers: np.ndarray) -> np.ndarray:
    """stdnum.nl.bsn on nine digits: not all zero, the eleven-test."""
    total = sum((9 - i) * numbers[:, i] for i in range(8)) - numbers[:, 8]
    return (numbers.sum(axis=1) > 0) & (total % 11 == 0)


def _es_dni(numbers: np.ndarray) -> np.ndarray:
    """stdnum.es.dni: the check letter of the eight digits."""
    letters = np.array([ord(c) - 55 for c in "TRWAGMYFPDXBNJZSQVHLCKE"])
    value = numbers[:, :8] @ (10 ** np.arange(7, -1, -1))
    return letters[value % 23] == numbers[:, 8]


def _pl_pesel(numbers: np.ndarray) -> np.ndarray:
    """stdnum.pl.pesel: weights 1, 3, 7, 9 mod 10, and a birth date that exists (the century in the month)."""
    weights = np.array([1, 3, 7, 9, 1, 3, 7, 9, 1, 3])
    check = (10 - (numbers[:, :10] @ weights) % 10) % 10
    year = numbers[:, 0] * 10 + numbers[:, 1]
    coded = numbers[:, 2] * 10 + numbers[:, 3]
    day = numbers[:, 4] * 10 + numbers[:, 5]
    year = year + np.array([1900, 2000, 2100, 2200, 1800])[coded // 20]
    month = coded % 20
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0, 0, 0, 0, 0, 0, 0])[month]
    days = days + ((month == 2) & leap)
    return (check == numbers[:, 10]) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= days)


# An international number written as digits in space-separated groups after "+", of a length phone.py's
# whole-number expression takes (6 to 28 characters after the "+").
_PHONE = r"^\+[0-9]+(?: [0-9]+)*$"


@dataclass(slots=True)
class PhonePlan:
    """What `phone.possible_phone_value` and `national_ids.country_of_phone` give the values of a phone column.

    For a value of the form `_PHONE`, phonenumbers' parse reads the calling code from the first digits, and
    the rest only by its length, unless the region's national prefix for parsing matches at the start of
    the national number (then the prefix may be stripped, depending on every digit). So every value with
    the same layout (digits as 9) and the same first four digits, no national prefix, gets the answer of
    any one of them: asked once per such key. Other values are asked one by one."""

    keys: np.ndarray  # per row: the key's index, -1 for a value asked on its own
    possible: np.ndarray  # per key: possible_phone_value takes the whole value
    countries: list[str | None]  # per key: the country of the calling code (None also when it has several)
    single: np.ndarray  # per key: the calling code belongs to one region


def phone_plan(array: pa.Array) -> PhonePlan:
    """The keys of a phone column's values and each key's answers (see PhonePlan); the last array's plan is kept,
    as proving a batch's phone numbers and reading their countries ask it of the same array."""
    global _last_plan
    last = _last_plan
    if last is not None and last[0] is array:
        return last[1]
    plan = _phone_plan(array)
    _last_plan = (array, plan)
    return plan


_last_plan: tuple | None = None  # (array, its plan): the array held, so that `is` cannot match another one


def _phone_plan(array: pa.Array) -> PhonePlan:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    from privscan.engine.phone import possible_phone_value

    lengths = pc.utf8_length(array)
    shaped = pc.and_kleene(
        pc.match_substring_regex(array, _PHONE),
        pc.and_kleene(pc.greater_equal(lengths, 7), pc.less_equal(lengths, 29)),
    )
    shaped_rows = np.flatnonzero(_bools(shaped))
    values = array.take(pa.array(shaped_rows, pa.int64()))  # "+", ASCII digits and spaces only
    digits = pc.replace_substring(pc.replace_substring(values, "+", ""), " ", "")
    key = pc.binary_join_element_wise(_digits_as_nines(values), pc.utf8_slice_codeunits(digits, 0, 4), "|")
    encoded = key.dictionary_encode()
    indices = np.full(len(array), -1, np.int64)
    indices[shaped_rows] = encoded.indices.to_numpy(zero_copy_only=False)
    distinct = encoded.dictionary.to_pylist()
    codes = []
    for entry in distinct:
        lead = entry.rsplit("|", 1)[1]
        codes.append(next((lead[:i] for i in (1, 2, 3) if int(lead[:i]) in COUNTRY_CODE_TO_REGION_CODE), None))
    # a national prefix that matches at the start of the national number: asked one by one
    for code in set(codes) - {None}:
        regions = COUNTRY_CODE_TO_REGION_CODE[int(code)]
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(int(code), regions[0])
        prefix = metadata.national_prefix_for_parsing if metadata is not None else None
        if not prefix:
            continue
        among = np.flatnonzero(np.isin(indices[shaped_rows], [i for i, c in enumerate(codes) if c == code]))
        national = pc.utf8_slice_codeunits(digits.take(pa.array(among, pa.int64())), len(code))
        try:
            hit = _bools(pc.match_substring_regex(national, f"^(?:{prefix})"))
        except pa.ArrowInvalid:
            hit = np.ones(len(among), bool)
        indices[shaped_rows[among[hit]]] = -1
    possible = np.zeros(len(distinct), bool)
    countries: list[str | None] = [None] * len(distinct)
    single = np.zeros(len(distinct), bool)
    present = np.unique(indices[indices >= 0])
    if len(present):
        first = {int(k): int(np.argmax(indices == k)) for k in present.tolist()}
        values = array.take(pa.array(list(first.values()))).to_pylist()
        for (k, _), value in zip(first.items(), values, strict=True):
            span = possible_phone_value(value)
            possible[k] = span == (0, len(value))
            code = codes[k]
            single[k] = code is not None and len(COUNTRY_CODE_TO_REGION_CODE[int(code)]) == 1
            if single[k]:
                countries[k] = country_of_phone(value)
    return PhonePlan(indices, possible, countries, single)


_NINES = np.arange(256, dtype=np.uint8)
_NINES[48:58] = 57  # each ASCII digit as "9"


def _digits_as_nines(values: pa.Array) -> pa.Array:
    """The values with each ASCII digit written as 9 (their layout), on the bytes of the array at once."""
    validity, offsets, data = values.buffers()[:3]
    if data is None:
        return values
    layout = pa.py_buffer(_NINES[np.frombuffer(data, np.uint8)].tobytes())
    return pa.Array.from_buffers(
        values.type, len(values), [validity, offsets, layout], values.null_count, values.offset
    )


def prove_phones(detector, array: pa.Array) -> np.ndarray:
    """The values the typed route confirms as whole phone numbers (`possible_phone_value`), once per key."""
    plan = phone_plan(array)
    keys = plan.keys
    return (keys >= 0) & plan.possible[np.maximum(keys, 0)]


def phone_countries(array: pa.Array, where: np.ndarray, names: dict[str, int] | None = None) -> np.ndarray:
    """`country_of_phone` of the values at `where` as country numbers (`names`, extended as new countries come;
    -1 for none and elsewhere): once per key, or once per distinct value of those asked on their own."""
    names = {} if names is None else names
    plan = phone_plan(array)
    out = np.full(len(array), -1, np.int32)
    single = (plan.keys >= 0) & plan.single[np.maximum(plan.keys, 0)]
    numbers = np.array([_number(names, c) for c in plan.countries] or [-1], np.int32)
    rows = np.flatnonzero(where & single)
    out[rows] = numbers[plan.keys[rows]]
    asked = where & ~single
    if asked.any():
        out[asked] = _mapped(array, country_of_phone, asked, names)[asked]
    return out


def _number(names: dict[str, int], country: str | None) -> int:
    """The number of `country` in `names` (added when new), -1 for None."""
    if country is None:
        return -1
    return names.setdefault(country, len(names))


TYPED_PROVERS = {"EMAIL_ADDRESS": prove_emails, "IBAN_CODE": prove_ibans, "PHONE_NUMBER": prove_phones}


# National identifiers named by a column's header (`Detector._identifier_cell` → `national_ids.identify`), plain
# form only: (expression, length, check). A value of the form that passes the check is the header's identifier.
IDENTIFIER_PROVERS = {
    "DE_TAX_ID": ("[1-9][0-9]{10}", 11, _de_tax_id),
    "NL_BSN": ("[0-9]{9}", 9, _nl_bsn),
    "ES_NIF": ("[0-9]{8}[A-Z]", 9, _es_dni),
    "PL_PESEL": ("[0-9]{11}", 11, _pl_pesel),
}


def prove_identifiers(entity: str, array: pa.Array) -> np.ndarray:
    """The values `national_ids.identify` takes whole as `entity` in a column whose header names `entity` only."""
    pattern, length, check = IDENTIFIER_PROVERS[entity]
    return _accepted(array, pattern, length, check)


def value_rule_ids(book: RuleBook, entity: str) -> list[str]:
    """The rule ids of `entity` found as a whole value (`RecordRules._rules_for` of a whole-cell detection)."""
    return [t.rule_id for t in book.by_entity.get(entity, ()) if t.where in (Placement.ANY, Placement.VALUE)]


def _settled_answer(found: list, value: str, entity: str | None) -> tuple | None:
    """() for a value that gives nothing, (score,) for one detection of the column's entity over the whole value,
    None for anything else (the record takes the per-cell path)."""
    if not found:
        return ()
    if len(found) == 1 and entity is not None:
        found_entity, start, end, score, kind, rule_ids = found[0]
        if found_entity == entity and start == 0 and end == len(value) and kind == ENTITY and not rule_ids:
            return (score,)
    return None


def _mapped(array: pa.Array, function, where: np.ndarray, names: dict[str, int]) -> np.ndarray:
    """`function(value)` for the values at `where` as country numbers (`names`, extended as new countries come;
    -1 for None and elsewhere), called once per distinct value."""
    out = np.full(len(array), -1, np.int32)
    rows = np.flatnonzero(where)
    if not len(rows):
        return out
    encoded = array.take(pa.array(rows)).dictionary_encode()
    numbers = np.array([_number(names, function(v)) for v in encoded.dictionary.to_pylist()] or [-1], np.int32)
    out[rows] = numbers[encoded.indices.to_numpy(zero_copy_only=False)]
    return out
