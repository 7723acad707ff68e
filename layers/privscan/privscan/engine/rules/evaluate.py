"""Apply the rule book record by record.

Readers yield the cells of one record together, so the evaluator buffers one
record at a time: it labels detections with rule ids, adds record-level findings
(consent, conversation disclosure, personal data in a JSON key), counts the
conversations and the conversation-level rules that fired in them, escalates
severities by companion rules, and passes the cells on unchanged in order. Per
object, it reports personal data in the object's key and in column names.
Every finding it adds is built by the FindingFactory, so masked by its policy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from privscan.engine.findings import FindingFactory, max_severity
from privscan.engine.profile import covers_value
from privscan.engine.redact import path_keys
from privscan.engine.rules.catalogue import RuleBook
from privscan.engine.rules.conversations import (
    Conversation,
    ConversationTally,
    assistant_of,
    conversations_of,
    record_model,
)
from privscan.engine.scanner import Detection
from privscan.engine.signals.conversation_ethics import ASSISTANT, Turn, conversation_ethics
from privscan.model import Finding
from privscan.readers.base import Cell
from privscan.vocabulary import DetectionKind, Placement

Pair = tuple[Cell, list[Detection]]
MAX_KEYS_TRACKED = 100_000  # JSON paths and reported keys remembered per object


class RecordRules:
    """Applies the rule catalogue to the detections of each record, and the object-level rules (object keys, columns,
    conversations) once the stream ends."""

    def __init__(
        self,
        book: RuleBook,
        factory: FindingFactory,
        emit: Callable[[Finding], None],
        fmt: str | None = None,
        columns: list[str] | None = None,
        object_findings: bool = True,
        conversations: ConversationTally | None = None,
    ):
        """`object_findings`: emit the per-object findings (column names) too; a chunked scan's first chunk does.
        `conversations`: where each conversation and the conversation-level rules fired in it are counted."""
        self.book = book
        self.tally = conversations
        self._models: dict[str, str] = {}  # a record's model identifier -> as shown (see _model_name)
        self.object_findings = object_findings
        self.factory = factory
        self.emit = emit
        self.fmt = fmt
        self.columns = columns or []
        self._path_keys: dict[str, tuple[str, ...]] = {}  # JSON path -> its keys holding personal data
        self._reported_keys: set[str] = set()

    def apply(self, stream: Iterable[Pair]) -> Iterator[Pair]:
        """The stream of cells and detections, with rule ids and severities set and record-level findings added."""
        if self.object_findings:
            self._object_key_findings()
            self._column_findings()
        buffer: list[Pair] = []
        for cell, detections in stream:
            if buffer and cell.record != buffer[-1][0].record:
                yield from self._close(buffer)
                buffer = []
            buffer.append((cell, detections))
        if buffer:
            yield from self._close(buffer)

    # -- per object ---------------------------------------------------------------------------
    def _object_key_findings(self) -> None:
        """Personal data in a segment of the object's key or path (`exports/anna.schmidt@…/data.csv`)."""
        for segment in self.factory.object_segments():
            for finding in self.factory.name_findings("object_key", segment, None, None, self.value_rules):
                self.emit(finding)

    def _column_findings(self) -> None:
        for column in self.columns:
            for finding in self.factory.name_findings("column_name", column, None, column, self.value_rules):
                self.emit(finding)
            for trigger in self.book.column_names:
                if trigger.matches(column):
                    self.emit(self._rule_finding(trigger.rule_id, None, column, name=column))

    def _key_findings(self, record: int | None, pairs: list[Pair]) -> list[Finding]:
        """Personal data in a JSON key (`by_user["jane@x.org"]`), reported once per key and object."""
        if self.factory.tabular:
            return []
        findings = []
        for cell, _ in pairs:
            for key in self._keys_with_hits(cell.field):
                if key not in self._reported_keys:
                    if len(self._reported_keys) >= MAX_KEYS_TRACKED:
                        self._reported_keys.clear()
                    self._reported_keys.add(key)
                    findings += self.factory.name_findings("json_key", key, record, cell.field, self.value_rules)
        return findings

    def _keys_with_hits(self, path: str | None) -> tuple[str, ...]:
        if path is None:
            return ()
        keys = self._path_keys.get(path)
        if keys is None:
            parsed = path_keys(path) or [(path, None)]
            keys = tuple(key for key, _ in parsed if key is not None and self.factory.policy.hits(key))
            if len(self._path_keys) >= MAX_KEYS_TRACKED:
                self._path_keys.clear()
            self._path_keys[path] = keys
        return keys

    # -- per record ---------------------------------------------------------------------------
    def _close(self, pairs: list[Pair]) -> Iterator[Pair]:
        record = pairs[0][0].record
        fired: set[str] = set()
        for cell, detections in pairs:
            detections += self._age_detections(cell)
            for detection in detections:
                detection.rule_ids = self._rules_for(detection)
                fired.update(detection.rule_ids)
        extra = self._consent(record, pairs) + self._conversation(record, pairs) + self._key_findings(record, pairs)
        fired.update(rule_id for finding in extra for rule_id in finding.rule_ids)
        for finding in extra:  # a key's finding keeps its entity's severity, at least
            finding.severity = max_severity(finding.severity, self.book.severity(finding.rule_ids, fired))
            self.emit(finding)
        for cell, detections in pairs:
            for detection in detections:
                if detection.rule_ids:
                    detection.severity = self.book.severity(detection.rule_ids, fired)
            yield cell, [d for d in detections if d.kind != DetectionKind.MARKER]

    def _rules_for(self, detection: Detection) -> list[str]:
        if detection.kind == DetectionKind.MARKER:
            return []
        if detection.kind == DetectionKind.SIGNAL:
            role = detection.cell.role
            return [
                t.rule_id
                for t in self.book.by_signal.get(detection.entity_type, ())
                if t.roles is None or role in t.roles
            ]
        where = (
            Placement.VALUE
            if covers_value(detection.start, detection.end, detection.cell.text)
            else Placement.FREE_TEXT
        )
        return [
            t.rule_id for t in self.book.by_entity.get(detection.entity_type, ()) if t.where in (Placement.ANY, where)
        ]

    def value_rules(self, entity_type: str) -> tuple[list[str], str | None]:
        """Rule ids and severity for `entity_type` found as a whole value (a column cell)."""
        rule_ids = [
            t.rule_id for t in self.book.by_entity.get(entity_type, ()) if t.where in (Placement.ANY, Placement.VALUE)
        ]
        return rule_ids, self.book.severity(rule_ids, set())

    def _age_detections(self, cell: Cell) -> list[Detection]:
        value = cell.text.strip()
        if not value.isdigit():
            return []
        return [
            Detection(cell, "CHILD_DATA", 0, len(cell.text), 0.9, kind=DetectionKind.SIGNAL)
            for trigger in self.book.age_columns
            if trigger.matches(cell.field) and int(value) < trigger.below
        ][:1]

    def _consent(self, record: int | None, pairs: list[Pair]) -> list[Finding]:
        if not any(d.kind == DetectionKind.ENTITY for _, detections in pairs for d in detections):
            return []  # no personal data in this record: nothing needs consent
        values = {cell.field: cell.text for cell, _ in pairs if cell.field}
        fields = self.columns or list(values)
        findings = []
        for trigger in self.book.consent:
            for column in (f for f in fields if trigger.matches(f)):
                value = values.get(column, "").strip()
                if value.casefold() not in trigger.true_values:  # the value itself is never shown
                    preview = "(not a consent value)" if value else "(empty)"
                    findings.append(self._rule_finding(trigger.rule_id, record, column, preview=preview))
        return findings

    def _conversation(self, record: int | None, pairs: list[Pair]) -> list[Finding]:
        """The conversation rules' findings of each conversation in the record where the assistant speaks, located
        at the conversation's path (`messages`, `chosen`...); each such conversation is counted."""
        if not any(cell.role is not None for cell, _ in pairs):
            return []
        findings = []
        model = self._model_name(record_model(pairs))
        for conversation in conversations_of(pairs):
            if not conversation.has_role("assistant"):
                continue  # a prompt with no answer: nothing a chatbot said to judge
            categories = {d.entity_type for d in conversation.detections()}
            found = [
                self._rule_finding(rule_id, record, conversation.path, member=conversation.member)
                for rule_id, missing in self.book.conversation
                if missing not in categories
            ] + self._conversation_ethics(conversation)
            findings += found
            if self.tally is not None:
                self._count(conversation, found, model)
        return findings

    def _model_name(self, model: str | None) -> str | None:
        """A record's model identifier as summaries may show it: masked by the policy if it holds personal data
        (an e-mail address in a `model` field), remembered per object."""
        if model is None:
            return None
        shown = self._models.get(model)
        if shown is None:
            if len(self._models) >= MAX_KEYS_TRACKED:
                self._models.clear()
            shown = self._models[model] = self.factory.policy.name(model)
        return shown

    def _count(self, conversation: Conversation, found: list[Finding], model: str | None) -> None:
        """Count one conversation with the conversation-level rules that fired in its turns and on it."""
        level = self.book.conversation_level
        rules = Counter(r for d in conversation.detections() for r in d.rule_ids if r in level)
        rules.update(r for finding in found for r in finding.rule_ids if r in level)
        self.tally.add(assistant_of(conversation, model, self.factory.fingerprint.token), rules)

    def _conversation_ethics(self, conversation: Conversation) -> list[Finding]:
        """The conversation-ethics rules over one conversation's turns: each finding at the turn that fires it,
        citing the context turns by index; an assistant's words are quoted only when that turn holds no personal
        data. A turn of several cells (content parts) is located at its first."""
        if not self.book.conversation_ethics:
            return []
        turns = [Turn(turn.role, turn.text, turn.index) for turn in conversation.turns if turn.pairs]
        by_index = {turn.index: turn.pairs[0] for turn in conversation.turns if turn.pairs}
        findings = []
        for hit in conversation_ethics().hits(turns):
            if hit.rule_id not in self.book.conversation_ethics:
                continue
            cell, _ = by_index[hit.turn]
            detections = [d for pair in _turn_pairs(conversation, hit.turn) for d in pair[1]]
            located = hit.start is not None and hit.end is not None and hit.end <= len(cell.text)
            span = (hit.start, hit.end) if located else None  # a hit in a later content part is not located
            quotable = cell.role == ASSISTANT and not any(d.kind == DetectionKind.ENTITY for d in detections)
            severity = self.book.rules[hit.rule_id].severity
            findings.append(self.factory.turn_finding(hit.rule_id, severity, cell, span, hit.turn, hit.cited, quotable))
        return findings

    def _rule_finding(
        self,
        rule_id: str,
        record: int | None,
        field: str | None,
        preview: str = "",
        name: str | None = None,
        member: str | None = None,
    ) -> Finding:
        severity = self.book.rules[rule_id].severity
        return self.factory.rule_finding(rule_id, severity, record, field, preview, name, member)


def _turn_pairs(conversation: Conversation, index: int) -> list[Pair]:
    """The cells (with their detections) of the conversation's turn at `index`."""
    return next((turn.pairs for turn in conversation.turns if turn.index == index), [])
