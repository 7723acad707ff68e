"""One examination over the cells of one or more objects: bias, safeguards, training summary, duplicates.

The `Examiner` takes cells in read order, each with the scan's detections (or none, when the objects are
examined without a scan), and closes a record when the next one starts. It holds one record, the sample
that decides the bias plan (SAMPLE_RECORDS records) and counters; the duplicate index lives on disk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from privscan.engine.rules.catalogue import rule_book
from privscan.engine.rules.conversations import ConversationTally
from privscan.examine.bias import SAMPLE_RECORDS, BiasCounts, ColumnSample, Plan, bias_report, decide_plan, safeguards
from privscan.examine.duplicates import RECORDS_LISTED, DuplicateIndex, record_shingles
from privscan.examine.summary import TrainingSummary
from privscan.readers.base import Cell
from privscan.vocabulary import DetectionKind

# Signals of GDPR Art. 9 special categories (and Art. 10 criminal data) the scan reports.
SPECIAL_SIGNALS = frozenset(
    {
        "HEALTH_DATA",
        "RELIGIOUS_BELIEF",
        "POLITICAL_OPINION",
        "SEXUAL_ORIENTATION",
        "TRADE_UNION_MEMBERSHIP",
        "ETHNIC_ORIGIN",
        "GENETIC_DATA",
        "BIOMETRIC_DATA",
        "CRIMINAL_DATA",
    }
)
ERASURE_SIGNAL = "ERASURE_REQUEST"
# Entities that say something about a person without singling one out: not identifiers for duplicates and erasure.
NOT_IDENTIFYING = frozenset({"LOCATION", "DATE_TIME", "NRP", "URL", "ORGANIZATION", "AGE", "GPE"})
MAX_ERASURE_REQUESTS = 1000  # erasure requests found in the data followed up at most
ERASURE_RULE = "GDPR-ART17-ERASURE-REACH"
# Values of the sampled records are kept this long: groups are short values, a longer one is free text.
BUFFERED_CHARS = 256


class Examiner:
    """Accumulates the examination; `report()` gives the JSON document (see docs/examine.md)."""

    def __init__(
        self,
        fingerprint: Callable[[str | None, str], str] | None = None,
        label: str | None = None,
        index_dir: str | None = None,
        sme: bool = False,
    ):
        """`fingerprint(entity_type, value)` is the keyed fingerprint of identifiers (none: no identifiers kept)."""
        self.fingerprint = fingerprint
        self.label = label
        self.sme = sme
        self.summary = TrainingSummary()
        self.counts = BiasCounts()
        self.plan: Plan | None = None
        self.samples: dict[str, ColumnSample] = {}
        self.buffer: list[dict[str, str]] = []
        self.index = DuplicateIndex(index_dir)
        self.erasure_requests: list[tuple[str, int | None, list[str]]] = []
        self.conversations = ConversationTally()  # the scans' conversation-level rules (add_conversations)
        self._obj = -1
        self._object_name = ""
        self._record: int | None = None
        self._cells: list[tuple[str | None, str]] = []
        self._detections: list = []
        self._last: Cell | None = None
        self._open = False

    # -- the stream ---------------------------------------------------------------------------------
    def begin(self, name: str, fmt: str | None, scanned: bool) -> None:
        """A new object, as reports name it, read as `fmt`; `scanned`: its cells come with detections."""
        self._close_record()
        self._obj = self.index.object(name)
        self._object_name = name
        self.summary.formats[fmt or "unknown"] += 1
        self.summary.scanned = self.summary.scanned or scanned

    def add(self, cell: Cell, detections: Iterable = ()) -> None:
        """One cell and its detections (a long cell comes once per piece: its text is taken once)."""
        if cell is self._last:
            self._detections.extend(detections)
            return
        if self._open and (cell.record != self._record or cell.record is None):
            self._close_record()
        self._last = cell
        self._open = True
        self._record = cell.record
        self._cells.append((cell.field, cell.text))
        self._detections.extend(detections)

    def end(self, bytes_read: int) -> None:
        """The object ended after `bytes_read` bytes."""
        self._close_record()
        self.summary.bytes += bytes_read

    def add_conversations(self, tally: ConversationTally) -> None:
        """An object's conversations and the conversation-level rules that fired in them (its scan's report)."""
        self.conversations.merge(tally.to_dict())

    # -- one record ---------------------------------------------------------------------------------
    def _close_record(self) -> None:
        if not self._open:
            return
        cells, detections = self._cells, self._detections
        self._cells, self._detections, self._open, self._last = [], [], False, None
        personal: Counter = Counter()
        special: Counter = Counter()
        identifiers: set[tuple[str, str]] = set()
        erasure = False
        for detection in detections:
            if detection.kind == DetectionKind.ENTITY:
                personal[detection.entity_type] += 1
                if self.fingerprint and detection.entity_type not in NOT_IDENTIFYING:
                    value = detection.value
                    identifiers.add((detection.entity_type, self.fingerprint(detection.entity_type, value)))
            elif detection.kind == DetectionKind.SIGNAL:
                if detection.entity_type in SPECIAL_SIGNALS:
                    special[detection.entity_type] += 1
                erasure = erasure or detection.entity_type == ERASURE_SIGNAL
        self.summary.add_record(cells, personal, special)
        self.index.add(self._obj, self._record, record_shingles(cells), identifiers)
        if erasure and identifiers and len(self.erasure_requests) < MAX_ERASURE_REQUESTS:
            fps = sorted(fp for _, fp in identifiers)
            self.erasure_requests.append((self._object_name, self._record, fps))
        row = {}
        for name, text in cells:
            if name is not None and name not in row:
                row[name] = text
        if row:
            self._bias_row(row)

    def _bias_row(self, row: dict[str, str]) -> None:
        if self.plan is not None:
            self.counts.add(self.plan, row)
            return
        self.buffer.append({name: text[:BUFFERED_CHARS] for name, text in row.items()})
        for name, text in row.items():
            self.samples.setdefault(name, ColumnSample()).add(text)
        if len(self.buffer) >= SAMPLE_RECORDS:
            self._decide()

    def _decide(self) -> None:
        """Decide the plan on the sample and count the buffered records under it."""
        if self.plan is None and not self.buffer and self.label is not None:
            raise ValueError(f"the label column {self.label!r} is not in the data")
        if self.plan is not None or not self.buffer:
            return
        self.plan = decide_plan(self.samples, self.label)
        for row in self.buffer:
            self.counts.add(self.plan, row)
        self.buffer, self.samples = [], {}

    # -- the result ---------------------------------------------------------------------------------
    def erasure(self, values: Iterable[str]) -> list[dict]:
        """The records holding each value (an identifier a data subject asks to erase), by keyed fingerprint."""
        if not self.fingerprint:
            return []
        types = self.index.entity_types()
        findings = []
        for value in values:
            fps = {self.fingerprint(kind, value) for kind in types}
            holders = self.index.holders(fps)
            findings.append(
                {
                    "rule": ERASURE_RULE,
                    "fingerprint": self.fingerprint(None, value),
                    "records_holding": len(holders),
                    "records": holders[: RECORDS_LISTED * 5],
                }
            )
        return findings

    def _found_requests(self) -> list[dict]:
        """Erasure requests found in the data, each with the other records holding the requester's identifiers."""
        findings = []
        for name, record, fps in self.erasure_requests:
            holders = [row for row in self.index.holders(fps) if (row["object"], row["record"]) != (name, record)]
            findings.append(
                {
                    "rule": ERASURE_RULE,
                    "request": {"object": name, "record": record},
                    "identifiers": len(fps),
                    "other_records_holding": len(holders),
                    "records": holders[: RECORDS_LISTED * 5],
                }
            )
        return findings

    def report(self, erase: Iterable[str] = ()) -> dict:
        """The examination document (the issue's contract, with added fields)."""
        self._close_record()
        self._decide()
        training = self.summary.report(self.sme)
        duplicates = self.index.report()
        duplicates["erasure_requests"] = self._found_requests() + self.erasure(erase)
        document = {
            "records": self.summary.records,
            "bias": bias_report(self.plan, self.counts),
            "special_category_safeguards": safeguards(self.plan, self.counts),
            "training_summary": training,
            "duplicates": duplicates,
        }
        conversations = self.conversations.summary(rule_book().conversation_level)
        if conversations is not None:  # the objects held conversations: the rates of the conversation rules
            document["conversation_rules"] = conversations
        return document

    def merge(self, other: Examiner) -> None:
        """Add another chunk's examination (its plan decided on the same sample as this one's)."""
        other._close_record()
        self._close_record()
        self.summary.merge(other.summary)
        self.counts.merge(other.counts)
        self.index.merge(other.index)
        self.conversations.merge(other.conversations.to_dict())
        self.erasure_requests.extend(other.erasure_requests[: MAX_ERASURE_REQUESTS - len(self.erasure_requests)])

    def close(self) -> None:
        self.index.close()
