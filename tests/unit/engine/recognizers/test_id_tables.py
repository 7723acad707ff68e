"""The same four checks for every identifier, over the tables each `test_<id>.py` declares.

A module contributes what it has: VALID (number, score), INVALID_CHECKSUM (numbers) and
NEAR_MISSES (texts), with its RECOGNIZER and ENTITY. Module-specific tests stay in the module.
"""

import importlib
from pathlib import Path

import pytest

from tests.unit.engine.recognizers.id_cases import pattern_spans

_HERE = Path(__file__).parent
MODULES = [
    importlib.import_module(f"tests.unit.engine.recognizers.{path.stem}")
    for path in sorted(_HERE.glob("test_*.py"))
    if path.stem not in {"test_id_tables", "test_eu_recognizers", "test_eu_recognizers_e2e"}
]


def _cases(table: str) -> list:
    return [
        pytest.param(module.RECOGNIZER, module.ENTITY, case, id=f"{module.ENTITY}-{case}")
        for module in MODULES
        for case in getattr(module, table, ())
    ]


@pytest.mark.parametrize(("recognizer", "entity", "case"), _cases("VALID"))
def test_valid_number_found_with_exact_span(recognizer, entity, case):
    number, score = case
    assert pattern_spans(recognizer, f"ID {number}, thanks.") == [(3, 3 + len(number), entity, score)]


@pytest.mark.parametrize(("recognizer", "entity", "case"), _cases("VALID"))
def test_valid_number_alone_and_at_sentence_end(recognizer, entity, case):
    number, score = case
    assert pattern_spans(recognizer, number) == [(0, len(number), entity, score)]
    assert pattern_spans(recognizer, f"({number}).") == [(1, 1 + len(number), entity, score)]


@pytest.mark.parametrize(("recognizer", "entity", "case"), _cases("INVALID_CHECKSUM"))
def test_invalid_number_not_matched(recognizer, entity, case):
    assert pattern_spans(recognizer, f"ID {case}, thanks.") == []


@pytest.mark.parametrize(("recognizer", "entity", "case"), _cases("NEAR_MISSES"))
def test_near_miss_not_matched(recognizer, entity, case):
    assert pattern_spans(recognizer, f"see {case} here") == []
