"""Span and rule metrics on hand-made gold and predictions, with exact expected numbers."""

from __future__ import annotations

import json

import pytest
from privscan_tools.evaluation import presidio_benchmark
from privscan_tools.evaluation.metrics import (
    EU_SCHEME,
    HEADLINE,
    NATIONAL_ID,
    OTHER_ID,
    Scheme,
    Span,
    match_entities,
    match_rules,
)


def gold(record, start, end, entity_type, field="text", file="f.csv"):
    return Span(file, record, field, start, end, EU_SCHEME.gold_type(entity_type), entity_type)


def pred(record, start, end, entity_type, field="text", file="f.csv"):
    return Span(file, record, field, start, end, EU_SCHEME.canonical(entity_type), entity_type)


def test_type_mapping_groups_national_ids_and_flags_foreign_ids():
    assert EU_SCHEME.canonical("NL_BSN") == NATIONAL_ID
    assert EU_SCHEME.canonical("PL_PESEL") == NATIONAL_ID  # Presidio's name for it, too
    assert EU_SCHEME.canonical("ES_NIF") == NATIONAL_ID
    assert EU_SCHEME.canonical("IT_FISCAL_CODE") == NATIONAL_ID
    assert EU_SCHEME.canonical("US_SSN") == OTHER_ID
    assert EU_SCHEME.canonical("UK_NHS") == OTHER_ID
    assert EU_SCHEME.canonical("US_DRIVER_LICENSE") == OTHER_ID
    assert EU_SCHEME.canonical("GPE") == "LOCATION"
    assert EU_SCHEME.canonical("DATE_TIME") is None
    assert EU_SCHEME.canonical("URL") is None
    assert EU_SCHEME.canonical("HEALTH_DATA") is None
    benchmark = Scheme("bench", scored=("PERSON", "US_SSN"))
    assert benchmark.canonical("US_SSN") == "US_SSN"  # scored where the gold has it


def test_overlap_matching_exact_numbers():
    gold_spans = [
        gold(0, 0, 10, "PERSON"),  # matched by two partial predictions
        gold(0, 20, 35, "EMAIL_ADDRESS"),  # matched exactly
        gold(1, 5, 16, "NL_BSN"),  # matched by another national-ID type
        gold(1, 30, 40, "PHONE_NUMBER"),  # predicted with the wrong type -> missed
        gold(2, 0, 8, "PERSON", field="name"),  # prediction in another field -> missed
    ]
    preds = [
        pred(0, 0, 4, "PERSON"),
        pred(0, 5, 10, "PERSON"),
        pred(0, 20, 35, "EMAIL_ADDRESS"),
        pred(1, 5, 16, "DE_TAX_ID"),
        pred(1, 30, 40, "CREDIT_CARD"),  # FP for CREDIT_CARD
        pred(2, 0, 8, "PERSON", field="notes"),  # FP for PERSON
        pred(3, 0, 5, "LOCATION"),  # FP, no gold in that record
        pred(4, 0, 9, "US_SSN"),  # off-target FP
        pred(4, 0, 9, "DATE_TIME"),  # not scored at all
    ]
    preds = [p for p in preds if p.entity_type is not None]
    result = match_entities(gold_spans, preds)

    person = result.get("PERSON")
    assert (person.predicted, person.predicted_matched, person.gold, person.gold_matched) == (3, 2, 2, 1)
    assert person.precision == pytest.approx(2 / 3)
    assert person.recall == pytest.approx(1 / 2)
    assert person.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))

    assert result.get("EMAIL_ADDRESS").f1 == pytest.approx(1.0)
    national = result.get(NATIONAL_ID)
    assert (national.precision, national.recall) == (1.0, 1.0)
    phone = result.get("PHONE_NUMBER")
    assert phone.precision is None and phone.recall == 0.0 and phone.f1 == 0.0
    card = result.get("CREDIT_CARD")
    assert card.precision == 0.0 and card.recall is None and card.f1 == 0.0
    assert result.get(OTHER_ID).predicted == 1

    micro = result.micro(HEADLINE)
    # predictions: PERSON 3, EMAIL 1, NATIONAL 1, CARD 1, LOCATION 1, OTHER_ID 1 = 8; matched 2 + 1 + 1 = 4
    # gold: 5, matched: PERSON 1 + EMAIL 1 + NATIONAL 1 = 3
    assert (micro.predicted, micro.predicted_matched, micro.gold, micro.gold_matched) == (8, 4, 5, 3)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.6)
    assert micro.f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert len(result.false_negatives) == 2
    assert len(result.false_positives) == 4


def test_rule_metrics_exact_numbers_and_optional_keys():
    gold_keys = [
        ("a.csv", 0, "GDPR-ART9-HEALTH"),
        ("a.csv", 1, "GDPR-ART9-HEALTH"),
        ("a.csv", 2, "GDPR-ART87-NATIONAL-ID"),
        ("a.csv", None, "GDPR-ART9-SPECIAL-CATEGORY-COLUMN"),
    ]
    optional = [("a.csv", 3, "GDPR-ART9-ETHNIC-ORIGIN")]
    predicted = [
        ("a.csv", 0, "GDPR-ART9-HEALTH"),
        ("a.csv", 2, "GDPR-ART9-HEALTH"),  # FP
        ("a.csv", 2, "GDPR-ART87-NATIONAL-ID"),
        ("a.csv", None, "GDPR-ART9-SPECIAL-CATEGORY-COLUMN"),
        ("a.csv", 3, "GDPR-ART9-ETHNIC-ORIGIN"),  # optional: neither right nor wrong
    ]
    result = match_rules(gold_keys, predicted, optional)
    health = result.by_rule["GDPR-ART9-HEALTH"]
    assert (health.precision, health.recall) == (0.5, 0.5)
    assert health.f1 == pytest.approx(0.5)
    assert result.by_rule["GDPR-ART87-NATIONAL-ID"].f1 == 1.0
    assert result.by_rule["GDPR-ART9-SPECIAL-CATEGORY-COLUMN"].f1 == 1.0
    assert "GDPR-ART9-ETHNIC-ORIGIN" not in result.by_rule
    micro = result.micro()
    assert (micro.predicted, micro.predicted_matched, micro.gold, micro.gold_matched) == (4, 3, 4, 3)
    assert micro.f1 == pytest.approx(0.75)
    assert result.false_negatives == [("a.csv", 1, "GDPR-ART9-HEALTH")]
    assert result.false_positives == [("a.csv", 2, "GDPR-ART9-HEALTH")]


def test_presidio_benchmark_labels_are_mapped_and_ignored(tmp_path):
    path = tmp_path / "bench.json"
    path.write_text(
        json.dumps(
            [
                {
                    "full_text": "Jan lives at 12 Main St, Paris",
                    "spans": [
                        {"entity_type": "PERSON", "start_position": 0, "end_position": 3},
                        {"entity_type": "STREET_ADDRESS", "start_position": 13, "end_position": 23},
                        {"entity_type": "GPE", "start_position": 25, "end_position": 30},
                    ],
                },
                {
                    "full_text": "Dr. Ann at Acme",
                    "spans": [
                        {"entity_type": "TITLE", "start_position": 0, "end_position": 3},
                        {"entity_type": "ORGANIZATION", "start_position": 11, "end_position": 15},
                    ],
                },
            ]
        )
    )
    bench = presidio_benchmark.load(path)
    assert [(s.record, s.entity_type, s.raw_type) for s in bench.gold] == [
        (0, "PERSON", "PERSON"),
        (0, "LOCATION", "STREET_ADDRESS"),
        (0, "LOCATION", "GPE"),
    ]
    assert dict(bench.ignored) == {"TITLE": 1, "ORGANIZATION": 1}
    assert bench.scheme.scored == ("LOCATION", "PERSON")
    written = presidio_benchmark.write_jsonl(bench, tmp_path / "bench.jsonl").read_text().splitlines()
    assert json.loads(written[1]) == {"full_text": "Dr. Ann at Acme"}
