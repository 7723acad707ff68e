"""Shared helpers and near-miss builders for the EU identifier recognizer tests."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

Span = tuple[int, int, str, float]

#: Dates, times and version strings that no national-ID recognizer may report.
DATE_LIKE = (
    "2024-01-15",
    "15.01.2024",
    "15/01/2024 10:30",
    "2024-01-15T10:30:00Z",
    "20240115 103000",
    "v1.2.3",
)


def pattern_spans(recognizer: EntityRecognizer, text: str) -> list[Span]:
    """Pattern-level results (no NLP artifacts, no context), sorted."""
    results = recognizer.analyze(text, recognizer.supported_entities, nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in results)


def embedded(number: str) -> list[str]:
    """A valid number glued into longer tokens: it must not be reported."""
    return [
        f"9{number}",  # longer digit run
        f"{number}7",
        f"ORD-{number}",  # order number / SKU
        f"SKU{number}",
        f"{number}-A1",
        f"a3f{number}9bc",  # inside a hex hash
        f"deadbeef-{number}",  # UUID-like group
        f"{number}/42",
        f"1.{number}",  # longer dotted number
        f"{number}.25",
    ]
