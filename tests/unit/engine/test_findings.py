"""Column-level folding and cell findings, with hand-made detections (no spaCy needed)."""

from privscan.engine.config import EngineConfig
from privscan.engine.findings import FindingAssembler, FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.profile import ColumnProfiler, whole_cell_entity
from privscan.engine.scanner import Detection
from privscan.readers.base import Cell

KEY = "unit-test-key-0123456789abcdef"


def email_cell(record: int, field: str = "email") -> tuple[Cell, list[Detection]]:
    text = f"user{record}@example.com"
    cell = Cell(record, field, text)
    return cell, [Detection(cell, "EMAIL_ADDRESS", 0, len(text), 1.0)]


def assemble(pairs, tabular=True, config=None, value_rules=None):
    """Feed pairs as the scanner does: the profiler observes each cell, then the assembler gets it."""
    out = []
    config = config or EngineConfig(column_sample=5)
    profiler = ColumnProfiler(config) if tabular else None
    factory = FindingFactory("data.csv", Fingerprinter(KEY))
    assembler = FindingAssembler(factory, config, profiler, out.append, value_rules)
    for cell, detections in pairs:
        if profiler is not None:
            profiler.observe(cell, detections)
        assembler.add(cell, detections)
    assembler.finish()
    return out


def test_a_column_of_emails_is_one_column_level_finding_with_count_and_samples():
    findings = assemble([email_cell(r) for r in range(20)], config=EngineConfig(column_sample=5, max_occurrences=3))
    assert len(findings) == 1
    column = findings[0]
    assert column.contract() == {
        "object": "data.csv",
        "record": None,
        "field": "email",
        "start": None,
        "end": None,
        "entity_type": "EMAIL_ADDRESS",
        "score": 1.0,
        "severity": "medium",
        "rule_ids": [],
        "preview": "u***@e***.com",
        "count": 20,
    }
    assert [(o.record, o.start, o.end) for o in column.occurrences] == [(0, 0, 17), (1, 0, 17), (2, 0, 17)]
    assert column.distinct == 20


def test_a_free_text_column_keeps_one_finding_per_cell_with_exact_spans():
    pairs = []
    for record in range(6):
        text = f"Please call Jane Roe back, ticket {record}"
        cell = Cell(record, "notes", text)
        pairs.append((cell, [Detection(cell, "PERSON", 12, 20, 0.85)]))
    findings = assemble(pairs)
    assert [(f.record, f.field, f.start, f.end, f.entity_type, f.preview, f.count) for f in findings] == [
        (r, "notes", 12, 20, "PERSON", "J*** R***", None) for r in range(6)
    ]


def test_column_below_the_type_ratio_stays_per_cell():
    pairs = [email_cell(0), email_cell(1)] + [(Cell(r, "email", "n/a"), []) for r in range(2, 6)]
    findings = assemble(pairs)
    assert [(f.record, f.count) for f in findings] == [(0, None), (1, None)]


def test_other_entities_inside_a_typed_column_are_still_reported_per_cell():
    pairs = [email_cell(r, "contact") for r in range(5)]
    odd = Cell(5, "contact", "call +49 151 23456789")
    pairs.append((odd, [Detection(odd, "PHONE_NUMBER", 5, 21, 0.75)]))
    findings = assemble(pairs)
    assert [(f.record, f.entity_type, f.start, f.end, f.count) for f in findings] == [
        (5, "PHONE_NUMBER", 5, 21, None),
        (None, "EMAIL_ADDRESS", None, None, 5),
    ]


def test_non_tabular_input_never_folds_columns():
    findings = assemble([email_cell(r, "messages[2].content") for r in range(6)], tabular=False)
    assert [f.count for f in findings] == [None] * 6


def test_short_columns_are_decided_at_the_end():
    findings = assemble([email_cell(r) for r in range(3)])
    assert [(f.record, f.count) for f in findings] == [(None, 3)]


def test_whole_cell_match_tolerates_surrounding_whitespace_only():
    cell = Cell(0, "email", "  a@example.com ")
    assert whole_cell_entity(cell, [Detection(cell, "EMAIL_ADDRESS", 2, 15, 1.0)]) is not None
    partial = Cell(0, "email", "mail: a@example.com")
    assert whole_cell_entity(partial, [Detection(partial, "EMAIL_ADDRESS", 6, 19, 1.0)]) is None


def test_findings_never_hold_the_raw_value():
    findings = assemble([email_cell(r) for r in range(8)])
    assert "user0@example.com" not in repr([f.to_dict() for f in findings])


def test_ner_confusions_inside_a_typed_column_take_the_column_type():
    pairs = []
    for record, (city, label) in enumerate(
        [
            ("Berlin", "LOCATION"),
            ("Rotterdam", "PERSON"),
            ("Paris", "LOCATION"),
            ("Lyon", "LOCATION"),
            ("Madrid", "NRP"),
        ]
    ):
        cell = Cell(record, "city", city)
        pairs.append((cell, [Detection(cell, label, 0, len(city), 0.85)]))
    for _, detections in pairs:
        if detections[0].entity_type == "PERSON":
            detections[0].rule_ids = ["RULE-FOR-PERSON-VALUES"]
    findings = assemble(pairs, value_rules=lambda entity: (["RULE-FOR-" + entity], "high"))
    assert [(f.record, f.entity_type, f.count, f.rule_ids, f.severity) for f in findings] == [
        (None, "LOCATION", 5, ["RULE-FOR-LOCATION"], "high")
    ]
