"""Run detection over a stream of cells and yield raw detections, in input order.

The scanner decides each cell's route from its column profile (engine/profile.py),
groups cells into batches of `Unit`s and hands them to the `Detector`, in this
process or in worker processes (engine/parallel.py). Profiles are fed in input
order and a column's later cells wait for its sample's verdict, so the output is
the same whatever the number of workers.

A `Detection` still points at the text it came from; callers turn it into a
`Finding` (masked preview + fingerprint) and drop the text right away.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from privscan.engine.config import EngineConfig
from privscan.engine.deadline import DeadlineExceeded
from privscan.engine.detect import FULL, NER_VALUE, PATTERN, SKIP, TYPED, Detector, ResultCache, Task, Unit
from privscan.engine.names import NameScanner
from privscan.engine.national_ids import (
    ENTITY_COUNTRY,
    NAMED_SCORE,
    NATIONAL_ID_ENTITIES,
    candidates,
    country_of_iban,
    country_of_name,
    country_of_phone,
    is_country_field,
    renaming_entities,
)
from privscan.engine.parallel import InlineExecutor, WorkerPool
from privscan.engine.prefilter import NER_ENTITIES
from privscan.engine.profile import ColumnProfiler
from privscan.readers.base import BlockCell, Cell
from privscan.vocabulary import DetectionKind, ProfileMode, Route

# spaCy refuses texts over nlp.max_length (1,000,000 chars) and slows down far earlier;
# longer values are cut at whitespace into pieces of at most this size.
MAX_PIECE_CHARS = 100_000
# spaCy's tokenizer strips a token's prefixes and suffixes one at a time, searching the rest of the token each
# time: a run of punctuation or symbols (`!!!…`, `[[[…`, emoji) costs the square of its length. Longer runs
# end their piece after their first MAX_RUN_CHARS (an MRZ line's filler `<` fits) and are not scanned further:
# such characters hold no personal value. The next piece starts where the run ends, so offsets stay exact.
MAX_RUN_CHARS = 64
LONG_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_RUN_CHARS + 1},}}")
_STRIDE = MAX_RUN_CHARS // 2  # a run of over MAX_RUN_CHARS covers two consecutive multiples of it
_RUN_PAIR = re.compile(r"(?:[^\w\s]|_){2}")
MAX_HELD_CELLS = 256  # cells of one record held back for its countries (with_record_countries)
# A scan's batches start at EngineConfig.batch_size pieces, so that a small object reaches every worker at once, and
# double with each batch sent up to BATCH_GROWTH times that: spaCy's cost per call and per language group is high
# for a few short texts (a batch's texts are split by language for NER), and a worker's task is one pickle either
# way. A batch is also sent once it holds MAX_BATCH_CHARS characters, which bounds its memory in spaCy.
BATCH_GROWTH = 16
MAX_BATCH_CHARS = 1_000_000
MAX_WAITING_BATCHES = 16  # batches held in order behind the oldest one a worker still has (`_add_block`)


@dataclass(slots=True)
class Detection:
    """One thing found in a cell: entity type or signal category, offsets inside the cell's text, score and kind;
    rules add their ids and severity."""

    cell: Cell
    entity_type: str  # a Presidio entity, or a signal category such as HEALTH_DATA
    start: int  # offsets inside cell.text
    end: int
    score: float
    kind: str = DetectionKind.ENTITY  # markers are evidence for rules, never reported
    rule_ids: list[str] = field(default_factory=list)
    severity: str | None = None  # set by the rules; None: the entity's default severity

    @property
    def value(self) -> str:
        """The detected text (kept in memory only: findings carry its mask and fingerprint)."""
        return self.cell.text[self.start : self.end]


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> Iterable[tuple[int, str]]:
    """Split `text` into (offset, piece) chunks of at most `limit` chars, preferring whitespace cuts.

    A run of over MAX_RUN_CHARS punctuation or symbol characters ends its piece after MAX_RUN_CHARS of them;
    the rest of the run is in no piece (see LONG_RUN).
    """
    if len(text) <= limit and not has_long_run(text):  # nearly every cell: no generator
        return ((0, text),)
    return _cut(text, limit)


def has_long_run(text: str) -> bool:
    """Whether `text` holds a LONG_RUN. Such a run covers two neighbours among every _STRIDE-th character,
    so the full search is only made when those show a pair: ordinary text costs a search over 1/_STRIDE of it."""
    return (
        len(text) > MAX_RUN_CHARS
        and _RUN_PAIR.search(text[::_STRIDE]) is not None
        and LONG_RUN.search(text) is not None
    )


def _cut(text: str, limit: int) -> Iterator[tuple[int, str]]:
    offset = 0
    for run in LONG_RUN.finditer(text):
        yield from _by_length(text, offset, run.start() + MAX_RUN_CHARS, limit)
        offset = run.end()
    yield from _by_length(text, offset, len(text), limit)


def _by_length(text: str, offset: int, end: int, limit: int) -> Iterator[tuple[int, str]]:
    """`text[offset:end]` in chunks of at most `limit` chars, cut at a space in their second half if there is one."""
    while end - offset > limit:
        cut = text.rfind(" ", offset + limit // 2, offset + limit)
        cut = cut if cut > offset else offset + limit
        yield offset, text[offset:cut]
        offset = cut
    if end > offset:
        yield offset, text[offset:end]


def record_countries(cell: Cell, detections: list[Detection]) -> set[str]:
    """Countries a cell tells about its record: a country / nationality column, a phone number's country
    code, an IBAN's country."""
    found = set()
    if is_country_field(cell.field):
        found.add(country_of_name(cell.text))
    for detection in detections:
        if detection.entity_type == "PHONE_NUMBER":
            found.add(country_of_phone(detection.value))
        elif detection.entity_type == "IBAN_CODE":
            found.add(country_of_iban(detection.value))
    found.discard(None)
    return found


def settle_countries(detections: list[Detection], countries: set[str], field: str | None = None) -> list[Detection]:
    """Name each national identifier after the record's country where the number is valid there.

    Detections of several countries on one span (a number valid in each, engine/national_ids.py) are
    cut down to the record's country; a number reported for another country is renamed when it is valid
    in the record's country too. The cell's column name comes first, as in `national_ids.choose`: an
    identifier the header names ("pesel") keeps its name whatever the record's country (a Polish number
    beside a German phone number is still a PESEL). Other detections pass unchanged, in their order.
    """
    if not countries:
        return detections
    spans: dict[tuple[int, int], list[Detection]] = {}
    for detection in detections:
        if detection.entity_type in NATIONAL_ID_ENTITIES:
            spans.setdefault((detection.start, detection.end), []).append(detection)
    kept = {id(d) for group in spans.values() for d in _settle_span(group, countries, field)}
    return [d for d in detections if d.entity_type not in NATIONAL_ID_ENTITIES or id(d) in kept]


def _settle_span(group: list[Detection], countries: set[str], field: str | None) -> list[Detection]:
    local = [d for d in group if ENTITY_COUNTRY.get(d.entity_type) in countries]
    if not local:
        # the first candidate of the record's countries: only their validators are asked
        entities = renaming_entities(frozenset(countries), (d.entity_type for d in group), field)
        renamed = next(iter(candidates(group[0].value, entities)), None)
        if renamed is None:
            return group
        group[0].entity_type, local = renamed.entity, group[:1]
    for detection in local:
        detection.score = max(detection.score, NAMED_SCORE)
    return local


def with_record_countries(items: Iterable[tuple[Cell, list[Detection]]]) -> Iterator[tuple[Cell, list[Detection]]]:
    """Settle the country of national identifiers by the other fields of their record (engine/national_ids.py).

    Cells pass through at once until a record's first national identifier; from there they wait for the
    record's end, when the countries of all its cells are known (a country column may come after the id),
    or until MAX_HELD_CELLS wait: then they go with the countries known so far.
    """
    record, countries, held = object(), set(), []

    def release() -> Iterator[tuple[Cell, list[Detection]]]:
        for cell, detections in held:
            yield cell, settle_countries(detections, countries, cell.field)
        held.clear()

    for cell, detections in items:
        if cell.field is None or cell.record != record:
            yield from release()
            record, countries = cell.record, set()
        if cell.field is None:
            yield cell, detections
            continue
        countries |= record_countries(cell, detections)
        if held or any(d.entity_type in NATIONAL_ID_ENTITIES for d in detections):
            held.append((cell, detections))
            if len(held) >= MAX_HELD_CELLS:  # a whole JSON document as one record: memory stays bounded
                yield from release()
        else:
            yield cell, detections
    yield from release()


def worker_count(config: EngineConfig) -> int:
    """The number of worker processes: as configured, else one per vCPU up to six."""
    return config.workers or min(os.cpu_count() or 1, 6)


class _Batch:
    """Cells on their way to the detector. A text already answered (the cache), or already on its way in
    this or an earlier batch, is not sent again: workers each see a share of the object, so the cache is
    kept here, in the parent, and batches are collected in order, so an earlier batch's answer is there."""

    def __init__(self) -> None:
        self.entries: list[tuple[Cell, Unit]] = []
        self.sent: list[Unit] = []
        self.sent_results: list | None = None  # set when collected
        self._answers: list[list | tuple[_Batch, int]] = []  # cached detections, or (batch, index of its sent unit)
        self._keys: list[tuple] = []
        self.samples = 0  # column sample cells: later cells wait for them, so they go out in small batches

    def add(self, cell: Cell, unit: Unit, cache: ResultCache, pending: dict[tuple, tuple[_Batch, int]]) -> None:
        self.entries.append((cell, unit))
        if unit.route == SKIP:  # a quiet column's value of a known shape: nothing to send
            self._answers.append([])
            return
        key = cache.key(unit)
        cached = cache.get(unit, key)
        if cached is not None:
            self._answers.append(cached)
        elif key is not None and key in pending:
            self._answers.append(pending[key])
        else:
            self._answers.append((self, len(self.sent)))
            if key is not None:
                pending[key] = (self, len(self.sent))
                self._keys.append(key)
            self.sent.append(unit)

    def collected(self, sent_results: list, pending: dict[tuple, tuple[_Batch, int]]) -> list[list]:
        """Every entry's detections, once this batch's own results are back."""
        self.sent_results = sent_results
        for key in self._keys:
            if pending.get(key, (None,))[0] is self:
                del pending[key]
        return [a if isinstance(a, list) else a[0].sent_results[a[1]] for a in self._answers]


class Scanner:
    """Detection over streams of cells: batches pieces by route, sends them to the worker processes and brings back
    detections in cell order, with column profiles deciding each cell's route."""

    def __init__(self, detector: Detector, config: EngineConfig):
        self.detector = detector
        self.config = config
        self._executor = None
        self._executor_lock = threading.Lock()  # scans in several threads share one pool
        self._cache = ResultCache()
        self._names: NameScanner | None = None

    @property
    def names(self) -> NameScanner:
        """Personal data in a name (a column name, a JSON key, an object key segment), for the masking policy."""
        if self._names is None:
            self._names = NameScanner(self.detector)
        return self._names

    def executor(self):
        """Worker processes when there are several vCPUs, created once and reused across objects."""
        with self._executor_lock:
            if self._executor is None:
                workers = worker_count(self.config)
                if workers > 1:
                    self.detector.prime()  # inherited by every worker
                run = self.detector.run_task
                self._executor = WorkerPool(run, workers) if workers > 1 else InlineExecutor(run)
            return self._executor

    @property
    def concurrent(self) -> bool:
        """Whether several objects may be scanned at once, each in its own thread (they share the workers)."""
        return self.executor().concurrent

    def close(self) -> None:
        """Stop the worker processes."""
        if self._executor is not None:
            self._executor.close()
            self._executor = None

    def detect(
        self, cells: Iterable[Cell], profiler: ColumnProfiler | None = None, deadline: float | None = None
    ) -> Iterator[tuple[Cell, list[Detection]]]:
        """Yield every cell with its detections (possibly empty), in input order.

        A cell longer than MAX_PIECE_CHARS is yielded once per piece. National identifiers are named
        after their record's country where the number is valid there (`with_record_countries`). With a
        `deadline` (time.monotonic(), engine/deadline.py) the detector stops inside a batch once it passes,
        and this raises DeadlineExceeded; the stopped batch's results are dropped, never cached.
        """
        yield from with_record_countries(self._detect(cells, profiler, deadline))

    def _detect(
        self, cells: Iterable[Cell], profiler: ColumnProfiler | None = None, deadline: float | None = None
    ) -> Iterator[tuple[Cell, list[Detection]]]:
        return _DetectionRun(self, profiler, deadline).run(cells)

    def _route(self, cell: Cell, offset: int, profiler: ColumnProfiler | None, dispatched: Counter) -> str:
        if profiler is None or cell.field is None:
            return FULL
        profile = profiler.profile(cell.field)
        if profiler.sampling(cell, offset):
            if dispatched[cell.field] >= profiler.sample_cap(profile):
                return Route.WAIT
            dispatched[cell.field] += 1
            return Route.SAMPLE
        if profile.mode == ProfileMode.FREE_TEXT:
            return FULL
        if profile.mode == ProfileMode.TYPED:
            return NER_VALUE if profile.typed_as in NER_ENTITIES else TYPED
        if profile.mode == ProfileMode.QUIET and profile.known_shape(cell.text):
            return SKIP
        return PATTERN

    @staticmethod
    def _unit(cell: Cell, offset: int, piece: str, route: str, profiler: ColumnProfiler | None) -> Unit:
        typed_as, typed_score, identifiers = None, 0.0, True
        if route in (TYPED, NER_VALUE):
            profile = profiler.profile(cell.field)
            typed_as, typed_score = profile.typed_as, profile.best_score[profile.typed_as]
        if route != FULL and profiler is not None and cell.field is not None:
            identifiers = profiler.profile(cell.field).holds_identifiers
        return Unit(piece, offset, cell.field, cell.role, route, typed_as, typed_score, identifiers)


class _DetectionRun:
    """One `Scanner.detect` call: cells batched per route, batches sent to the workers on this scan's own
    lane, results collected in order (through the result cache) and fed to the column profiler."""

    def __init__(self, scanner: Scanner, profiler: ColumnProfiler | None, deadline: float | None):
        pool = scanner.executor()
        self.scanner, self.profiler, self.deadline = scanner, profiler, deadline
        self.executor = pool.lane()  # this scan's own tasks and results, whatever other scans share the pool
        self.in_flight: list[_Batch] = []  # batches submitted, oldest first
        self.dispatched: Counter = Counter()  # sample cells sent out per undecided column
        self.batch = _Batch()
        self.pending: dict[tuple, tuple[_Batch, int]] = {}  # texts sent and not yet collected
        config = scanner.config
        self.batch_size = config.batch_size  # grows with each batch sent, up to max_batch_size (`_submit`)
        self.max_batch_size = config.batch_size * BATCH_GROWTH
        self.batch_chars = 0
        self.workers = worker_count(config) if isinstance(pool, WorkerPool) else 1

    def run(self, cells: Iterable[Cell]) -> Iterator[tuple[Cell, list[Detection]]]:
        """Every cell with its detections, in input order (a long cell once per piece)."""
        interrupted = False
        try:
            for cell in cells:
                if isinstance(cell, BlockCell):  # records the columnar path settled: nothing to detect
                    yield from self._add_block(cell)
                    continue
                for offset, piece in pieces(cell.text):
                    yield from self._add(cell, offset, piece)
            yield from self._submit()
            while self.in_flight:
                yield from self._collect_one()
        except KeyboardInterrupt:
            interrupted = True  # the process is ending: the workers' late results need no collecting
            raise
        finally:
            if not interrupted:
                self.executor.close()  # a scan stopped early (an error, a rejected object): its results reach no one

    def _add(self, cell: Cell, offset: int, piece: str) -> Iterator[tuple[Cell, list[Detection]]]:
        """Batch one piece by its route; a column still sampling past its cap waits for its verdict first."""
        scanner, profiler = self.scanner, self.profiler
        route = scanner._route(cell, offset, profiler, self.dispatched)
        if route == Route.WAIT:
            yield from self._submit()
            while self.in_flight:
                yield from self._collect_one()
            route = scanner._route(cell, offset, profiler, self.dispatched)
        if route == Route.SAMPLE:
            route = FULL
            self.batch.samples += 1
        self.batch.add(cell, scanner._unit(cell, offset, piece, route, profiler), scanner._cache, self.pending)
        self.batch_chars += len(piece)
        # a small table is mostly sample: spread it over every worker before the wait
        batch = self.batch
        if (
            len(batch.entries) >= self.batch_size
            or self.batch_chars >= MAX_BATCH_CHARS
            or (batch.samples and batch.samples >= self._sample_batch_size())
        ):
            yield from self._submit()

    def _add_block(self, cell: BlockCell) -> Iterator[tuple[Cell, list[Detection]]]:
        """Pass a run of settled records on as soon as the cells before it are back.

        A block holds its batch's arrays until it is folded, so it closes its batch at once (the texts batched
        before it go out), and blocks waiting behind a batch still in a worker are bounded in number: a table
        whose records all settle is folded as it is read, in flat memory."""
        self.batch.add(cell, Unit("", 0, None, None, SKIP), self.scanner._cache, self.pending)
        if self.batch.sent:
            yield from self._submit()
        else:
            self._close_batch()  # nothing to send: no worker's share, and the next batch keeps its size
        while self.in_flight and (not self.in_flight[0].sent or len(self.in_flight) > MAX_WAITING_BATCHES):
            yield from self._collect_one()

    def _sample_batch_size(self) -> int:
        """A table's first sample (every column's early cells) shared evenly by the workers: in one
        batch each, as spaCy's cost per call is high for a few short values; at least half a batch.
        Only asked once a sample cell is batched, so there is a profiler and a column."""
        profiler = self.profiler
        share = -(-len(profiler.columns) * profiler.early_sample // self.workers)  # rounded up
        return max(self.scanner.config.batch_size // 2, 1, share)

    def _collect_one(self) -> Iterator[tuple[Cell, list[Detection]]]:
        done = self.in_flight.pop(0)
        sent_results = self.executor.next_result() if done.sent else []
        if sent_results is None:
            raise DeadlineExceeded
        results = done.collected(sent_results, self.pending)
        for (cell, unit), found in zip(done.entries, results, strict=True):
            self.scanner._cache.put(unit, found)
            detections = [Detection(cell, e, s, t, score, kind, list(rules)) for e, s, t, score, kind, rules in found]
            if unit.route == FULL and self.profiler is not None and cell.field is not None:
                self.profiler.observe(cell, detections)
            yield cell, detections

    def _submit(self) -> Iterator[tuple[Cell, list[Detection]]]:
        batch = self.batch
        if batch.entries:
            if batch.sent:
                while not self.executor.free():
                    yield from self._collect_one()
                self.executor.submit(Task(batch.sent, self.deadline))
            self._close_batch()
            self.batch_size = min(self.batch_size * 2, self.max_batch_size)

    def _close_batch(self) -> None:
        """Put the batch being filled in line for collection (sent or not) and start a new one."""
        self.in_flight.append(self.batch)
        self.batch = _Batch()
        self.batch_chars = 0
