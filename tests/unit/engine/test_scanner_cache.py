"""The parent's result cache: a text already answered, or already on its way, is not analysed again."""

from privscan.engine.config import EngineConfig
from privscan.engine.detect import FULL, PATTERN, ResultCache, Task, Unit, field_reading
from privscan.engine.scanner import Scanner
from privscan.readers.base import Cell


class CountingDetector:
    """Finds one fake entity over each whole text; remembers every unit it was asked about."""

    def __init__(self):
        self.seen: list[tuple[str, str]] = []

    def run(self, units: list[Unit]) -> list[list[tuple]]:
        self.seen += [(u.text, u.route) for u in units]
        return [[("EMAIL_ADDRESS", u.offset, u.offset + len(u.text), 0.9, "entity", ())] for u in units]

    def run_task(self, task: Task) -> list[list[tuple]]:
        return self.run(task.units)


def texts(*values: str, role: str | None = "user") -> list[Cell]:
    return [Cell(record=i, field="content", text=v, role=role) for i, v in enumerate(values)]


def spans(results) -> list[tuple]:
    return [(cell.record, [(d.entity_type, d.start, d.end) for d in detections]) for cell, detections in results]


def test_repeated_texts_are_analysed_once_within_a_batch_and_across_batches():
    detector = CountingDetector()
    scanner = Scanner(detector, EngineConfig(workers=1, batch_size=2))
    cells = texts("How can I help?", "How can I help?", "a@example.com", "How can I help?", "b@example.com")
    results = list(scanner.detect(cells))
    assert spans(results) == [
        (0, [("EMAIL_ADDRESS", 0, 15)]),
        (1, [("EMAIL_ADDRESS", 0, 15)]),
        (2, [("EMAIL_ADDRESS", 0, 13)]),
        (3, [("EMAIL_ADDRESS", 0, 15)]),
        (4, [("EMAIL_ADDRESS", 0, 13)]),
    ]
    assert detector.seen == [("How can I help?", FULL), ("a@example.com", FULL), ("b@example.com", FULL)]
    assert all(d.cell is cell for cell, found in results for d in found)  # each detection points at its own cell


def test_the_cache_keeps_routes_fields_and_roles_apart():
    detector = CountingDetector()
    scanner = Scanner(detector, EngineConfig(workers=1, batch_size=1))
    list(scanner.detect(texts("Anna Schneider")))
    list(scanner.detect(texts("Anna Schneider", role="assistant")))
    list(scanner.detect([Cell(record=0, field="notes", text="Anna Schneider", role=None)]))
    cache, unit = scanner._cache, Unit("Anna Schneider", 0, "notes", None, PATTERN, None, 0.0)
    assert cache.get(unit) is None  # a pattern-only check is not answered by the full analysis
    assert detector.seen == [("Anna Schneider", FULL)] * 3


def turn(index: int, text: str, record: int = 0, role: str = "user") -> Cell:
    return Cell(record=record, field=f"messages[{index}].content", text=text, role=role)


def test_a_turn_repeated_at_another_position_of_a_conversation_is_answered_from_the_cache():
    detector = CountingDetector()
    scanner = Scanner(detector, EngineConfig(workers=1, batch_size=1))
    results = list(
        scanner.detect([turn(1, "How can I help?"), turn(3, "How can I help?"), turn(12, "How can I help?")])
    )
    assert detector.seen == [("How can I help?", FULL)]
    assert [(c.field, [(d.start, d.end) for d in found]) for c, found in results] == [
        ("messages[1].content", [(0, 15)]),
        ("messages[3].content", [(0, 15)]),
        ("messages[12].content", [(0, 15)]),
    ]


def test_list_positions_are_kept_apart_where_the_field_name_reads_differently():
    cache = ResultCache()
    assert cache.field_key("messages[3].content") == "messages[].content"
    assert cache.field_key("customers[7].iban") == "customers[].iban"
    assert cache.field_key("content") == "content"
    assert cache.field_key(None) is None
    assert cache.field_key("rows[2]") == "rows[]"
    # the last part of a path is read for identifier words: "pesel[3]" is read as the whole "pesel[3]" header
    assert field_reading("pesel[3]") == field_reading(cache.field_key("pesel[3]"))
    assert cache.field_key("notes[2x]") == "notes[2x]"  # not a list position


def test_a_full_cache_keeps_the_entries_asked_for_again():
    cache = ResultCache()
    cache.MAX_ENTRIES = 4
    units = [Unit(f"text {i}", 0, "content", "user") for i in range(4)]
    for unit in units:
        cache.put(unit, [])
    assert cache.get(units[1]) == []  # reused
    cache.put(Unit("text 4", 0, "content", "user"), [("PERSON", 0, 4, 0.85, "entity", ())])
    assert cache.get(units[1]) == []
    assert cache.get(units[0]) is None and cache.get(units[2]) is None and cache.get(units[3]) is None
    assert cache.get(Unit("text 4", 0, "content", "user")) == [("PERSON", 0, 4, 0.85, "entity", ())]


def test_a_cache_full_of_reused_entries_starts_again_empty():
    cache = ResultCache()
    cache.MAX_ENTRIES = 4
    units = [Unit(f"text {i}", 0, "content", "user") for i in range(4)]
    for unit in units:
        cache.put(unit, [])
        cache.get(unit)
    cache.put(Unit("text 4", 0, "content", "user"), [])
    assert [cache.get(unit) for unit in units] == [None] * 4
    assert cache.get(Unit("text 4", 0, "content", "user")) == []
