"""The governance record: exact numbers for the synthetic dataset, and what it says when there is nothing."""

from privscan.engine.rules.catalogue import RuleBook
from privscan_tools.reports import SCHEMA, DatasetSnapshot, governance_record

from tests.unit.reports.dataset import (
    CHAT_KEY,
    CSV_KEY,
    GENERATED_AT,
    HOSTILE_FIELD,
    REVIEWER_1,
    REVIEWER_2,
    SCANNED_AT,
)

OPEN_BY_SEVERITY = {"critical": 0, "high": 4, "medium": 1, "low": 0}


def rows(section: list[dict], *names: str) -> list[tuple]:
    return [tuple(row[name] for name in names) for row in section]


def test_scope_and_objects(record):
    assert record["schema"] == SCHEMA == "privscan.governance/1"
    assert record["scope"] == {
        "bucket": "uploads",
        "prefix": "datasets/crm/",
        "generated_at": GENERATED_AT,
        "first_scan_at": SCANNED_AT,
        "last_scan_at": SCANNED_AT,
    }
    assert record["objects"] == {
        "total": 5,
        "by_status": {"deleted": 1, "done": 2, "rejected": 1, "unsupported": 1},
        "scanned": 2,
        "records": 5,
        "bytes": 500,
        "by_format": {"chat": 1, "csv": 1},
    }


def test_findings_by_severity_and_rule_leave_out_the_removed_object(record):
    findings = record["findings"]
    assert findings["total"] == 8
    assert findings["by_severity"] == {"critical": 1, "high": 5, "medium": 2, "low": 0}
    assert rows(findings["by_rule"], "rule_id", "findings", "objects", "rule_severity") == [
        ("GDPR-ART7-CONSENT-MISSING", 2, 1, "high"),
        ("AIACT-ART50-1-NO-AI-DISCLOSURE", 1, 1, "high"),
        ("GDPR-ART17-ERASURE-REQUEST", 1, 1, "high"),
        ("GDPR-ART5-1-C-DIRECT-IDENTIFIERS", 1, 1, "medium"),
        ("GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT", 1, 1, "medium"),
        ("GDPR-ART87-NATIONAL-ID", 1, 1, "high"),
        ("GDPR-ART9-HEALTH", 1, 1, "high"),
    ]
    assert findings["by_rule"][0]["title"] == "Personal data without consent"


def test_personal_data_and_national_identifiers(record):
    # the column finding counts its 3 values; the erasure request is a request, not a data category
    assert rows(record["personal_data"], "entity_type", "occurrences", "objects") == [
        ("EMAIL_ADDRESS", 3, 1),
        ("DE_TAX_ID", 1, 1),
        ("HEALTH_DATA", 1, 1),
        ("PERSON", 1, 1),
    ]
    assert record["national_identifiers"] == [{"entity_type": "DE_TAX_ID", "occurrences": 1, "objects": 1}]


def test_special_categories_list_every_checked_rule_with_its_count(record):
    special = record["special_categories"]
    assert rows(special["art9_special_categories"], "rule_id", "findings") == [
        ("GDPR-ART9-HEALTH", 1),
        ("GDPR-ART9-RELIGION", 0),
        ("GDPR-ART9-POLITICAL-OPINION", 0),
        ("GDPR-ART9-SEXUAL-ORIENTATION", 0),
        ("GDPR-ART9-TRADE-UNION", 0),
        ("GDPR-ART9-ETHNIC-ORIGIN", 0),
        ("GDPR-ART9-GENETIC", 0),
        ("GDPR-ART9-BIOMETRIC", 0),
        ("GDPR-ART9-SPECIAL-CATEGORY-COLUMN", 0),
    ]
    assert rows(special["art10_criminal"], "rule_id", "findings", "objects") == [("GDPR-ART10-CRIMINAL-DATA", 0, 0)]
    assert rows(special["art8_children"], "rule_id", "findings", "objects") == [("GDPR-ART8-CHILD-DATA", 0, 0)]


def test_consent_coverage_says_what_is_measured(record):
    consent = record["consent"]
    assert {k: v for k, v in consent.items() if k not in ("measured", "not_measured")} == {
        "rule_ids": ["GDPR-ART7-CONSENT-MISSING"],
        "records_without_consent": 2,
        "objects_with_consent_gaps": 1,
        "records_in_those_objects": 3,
        "share_without_consent_in_those_objects": 0.667,
        "consent_columns": ["consent"],
    }
    assert consent["measured"].startswith("Records that hold personal data")
    assert "consent recorded outside the dataset" in consent["not_measured"]


def test_data_subject_requests(record):
    requests = record["data_subject_requests"]
    assert {name: rows(found, "rule_id", "findings", "objects", "records") for name, found in requests.items()} == {
        "consent_withdrawn": [("GDPR-ART7-3-CONSENT-WITHDRAWN", 0, 0, 0)],
        "erasure_requests": [("GDPR-ART17-ERASURE-REQUEST", 1, 1, 1)],
        "objections": [("GDPR-ART21-OBJECTION", 0, 0, 0)],
    }


def test_review_progress_and_open_risks_most_severe_first(record):
    assert record["review"] == {
        "findings": 8,
        "reviewed": 3,
        "progress": 0.375,
        "by_status": {"open": 5, "confirmed": 1, "false_positive": 1, "accepted_risk": 0, "remediated": 1},
    }
    risks = record["open_risks"]
    assert (risks["open"], risks["by_severity"]) == (5, OPEN_BY_SEVERITY)
    assert rows(risks["top"], "object", "record", "field", "rule_ids", "preview") == [
        (CHAT_KEY, 0, "messages[1].content", ["GDPR-ART17-ERASURE-REQUEST"], "d*** m* d***"),
        (CSV_KEY, 1, "consent", ["GDPR-ART7-CONSENT-MISSING"], "no"),
        (CSV_KEY, 2, "consent", ["GDPR-ART7-CONSENT-MISSING"], "(empty)"),
        (CSV_KEY, 2, "tax_id", ["GDPR-ART87-NATIONAL-ID"], "8*********0"),
        (CHAT_KEY, 1, HOSTILE_FIELD, ["GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT"], "A*** S***"),
    ]
    assert all(len(r["finding_id"]) == 24 for r in risks["top"])


def test_decisions_say_who_decided_what_and_when(record):
    decisions = record["decisions"]
    assert (decisions["total"], decisions["suppressions_created"]) == (3, 1)
    assert decisions["by_actor"] == {REVIEWER_1: 2, REVIEWER_2: 1}
    assert decisions["by_outcome"] == {"confirmed": 1, "false_positive": 1, "remediated": 1}
    assert rows(decisions["entries"], "at", "actor", "object", "from_status", "to_status", "note") == [
        (
            "2026-03-01T09:30:00+00:00",
            REVIEWER_2,
            CSV_KEY,
            "open",
            "false_positive",
            "<b>test</b> addresses | reserved domain",
        ),
        ("2026-03-02T10:00:00+00:00", REVIEWER_1, CSV_KEY, "open", "confirmed", "Remove before training"),
        ("2026-03-03T08:00:00+00:00", REVIEWER_1, CHAT_KEY, "open", "remediated", "Disclosure added"),
    ]
    assert [e["suppression"] for e in decisions["entries"]] == [
        {"field": "email", "entity_type": "EMAIL_ADDRESS"},
        None,
        None,
    ]


def test_top_objects_and_coverage_gaps(record):
    assert rows(record["top_objects"], "object", "format", "records", "findings", "open", "by_severity") == [
        (CSV_KEY, "csv", 3, 5, 3, {"critical": 1, "high": 3, "medium": 1, "low": 0}),
        (CHAT_KEY, "chat", 2, 3, 2, {"critical": 0, "high": 2, "medium": 1, "low": 0}),
    ]
    assert record["coverage_gaps"] == {
        "not_scanned": [
            {
                "object": "datasets/crm/huge.csv.gz",
                "status": "rejected",
                "outcome": "decompression_bomb",
                "reason": "expands more than 100x",
            },
            {
                "object": "datasets/crm/logo.png",
                "status": "unsupported",
                "outcome": "binary",
                "reason": "binary content",
            },
        ],
        "truncated": [CHAT_KEY],
        "record_issues": {"malformed_line": 1},
    }


def test_an_empty_dataset_gives_zeros_not_errors():
    record = governance_record(DatasetSnapshot("uploads", "datasets/none/", GENERATED_AT))
    assert record["objects"] == {"total": 0, "by_status": {}, "scanned": 0, "records": 0, "bytes": 0, "by_format": {}}
    assert (record["scope"]["first_scan_at"], record["review"]["progress"]) == (None, None)
    assert record["consent"]["share_without_consent_in_those_objects"] is None
    assert (record["findings"]["by_rule"], record["personal_data"], record["open_risks"]["top"]) == ([], [], [])


def test_categories_come_from_the_catalogue_so_a_new_rule_is_reported():
    book = RuleBook.from_yaml("""
rules:
  - {id: GDPR-ART9-TEST, law: GDPR Art. 9(1), severity: high, title: t, description: d, remediation: r,
     triggers: [{kind: signal, category: TEST_DATA}]}
  - {id: GDPR-ART87-TEST-ID, law: GDPR Art. 87, severity: high, title: t, description: d, remediation: r,
     triggers: [{kind: entity, entities: [XX_ID]}]}
""")
    summary = {
        "key": "d/a.csv",
        "status": "done",
        "findings": 2,
        "records": 2,
        "by_entity": {"TEST_DATA": 1, "XX_ID": 1},
        "by_rule": {"GDPR-ART9-TEST": 1, "GDPR-ART87-TEST-ID": 1},
    }
    record = governance_record(DatasetSnapshot("b", "d/", GENERATED_AT, [summary]), book)
    assert rows(record["special_categories"]["art9_special_categories"], "rule_id", "findings") == [
        ("GDPR-ART9-TEST", 1)
    ]
    assert record["special_categories"]["art10_criminal"] == []
    assert record["national_identifiers"] == [{"entity_type": "XX_ID", "occurrences": 1, "objects": 1}]
