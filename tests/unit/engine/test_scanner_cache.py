"""The parent's result cache: a text already answered, or already on its way, is not analysed again."""

from privscan.engine.config import EngineConfig
from privscan.engine.detect import FULL, PATTERN, Task, Unit
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
