"""The rule catalogue and the per-record evaluator, with hand-made detections (no spaCy)."""

import pytest
from privscan.engine.findings import FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.rules import RecordRules, rule_book
from privscan.engine.scanner import Detection
from privscan.readers.base import Cell

FACTORY = FindingFactory("data", Fingerprinter("unit-test-key-0123456789abcdef"))


def run(pairs, fmt="csv", columns=None):
    emitted = []
    out = list(RecordRules(rule_book(), FACTORY, emitted.append, fmt, columns).apply(pairs))
    return out, emitted


def cell_with(record, field, text, entity=None, span=None, kind="entity", role=None):
    cell = Cell(record, field, text, role)
    detections = []
    if entity:
        start, end = span or (0, len(text))
        detections.append(Detection(cell, entity, start, end, 0.9, kind=kind))
    return cell, detections


def test_every_rule_has_legal_reference_severity_and_remediation():
    book = rule_book()
    assert len(book.rules) >= 20
    for rule in book.rules.values():
        assert (
            rule.id.startswith(("GDPR-", "AIACT-", "PRIVSCAN-", "CARE-", "WELLBEING-"))
            and rule.law
            and rule.remediation
            and rule.triggers
        )
    for required in [
        "GDPR-ART9-HEALTH",
        "GDPR-ART8-CHILD-DATA",
        "GDPR-ART10-CRIMINAL-DATA",
        "GDPR-ART17-ERASURE-REQUEST",
        "GDPR-ART7-CONSENT-MISSING",
        "GDPR-ART87-NATIONAL-ID",
        "AIACT-ART50-1-NO-AI-DISCLOSURE",
    ]:
        assert required in book.rules
    for companion in (c for r in book.rules.values() for c in r.critical_with):
        assert companion in book.rules


def test_national_ids_get_the_art87_rule_and_become_critical_next_to_health_data():
    pairs = [
        cell_with(0, "tax_id", "36574261809", "DE_TAX_ID"),
        cell_with(0, "notes", "I was diagnosed with diabetes", "HEALTH_DATA", (0, 29), kind="signal"),
    ]
    pairs[1][1][0].rule_ids = ["GDPR-ART9-HEALTH"]
    out, _ = run(pairs)
    (tax,), (health,) = out[0][1], out[1][1]
    assert (tax.rule_ids, tax.severity) == (["GDPR-ART87-NATIONAL-ID"], "critical")
    assert (health.rule_ids, health.severity) == (["GDPR-ART9-HEALTH"], "critical")


def test_health_alone_keeps_its_own_severity():
    out, _ = run([cell_with(3, "notes", "I was diagnosed with diabetes", "HEALTH_DATA", kind="signal")])
    (health,) = out[0][1]
    assert (health.rule_ids, health.severity) == (["GDPR-ART9-HEALTH"], "high")


def test_person_in_free_text_and_in_a_name_column_get_different_rules():
    out, _ = run(
        [cell_with(0, "name", "Anna Roe", "PERSON"), cell_with(0, "notes", "Call Anna Roe", "PERSON", (5, 13))]
    )
    assert [d.rule_ids for _, dets in out for d in dets] == [
        ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
        ["GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT"],
    ]


@pytest.mark.parametrize(
    "value, fires",
    [
        ("no", True),
        ("false", True),
        ("0", True),
        ("nein", True),
        ("yes", False),
        ("TRUE", False),
        ("ja", False),
        ("oui", False),
    ],
)
def test_consent_column_false_on_a_record_with_personal_data(value, fires):
    _, emitted = run(
        [cell_with(0, "email", "a@example.com", "EMAIL_ADDRESS"), cell_with(0, "consent_marketing", value)],
        columns=["email", "consent_marketing"],
    )
    got = [(f.record, f.field, f.rule_ids, f.severity, f.preview) for f in emitted]
    expected = [(0, "consent_marketing", ["GDPR-ART7-CONSENT-MISSING"], "high", "(not a consent value)")]
    assert got == (expected if fires else [])


def test_an_empty_consent_cell_counts_as_missing_consent():
    _, emitted = run([cell_with(4, "email", "a@example.com", "EMAIL_ADDRESS")], columns=["email", "gdpr_opt_in"])
    assert [(f.record, f.field, f.preview) for f in emitted] == [(4, "gdpr_opt_in", "(empty)")]


def test_no_consent_finding_without_personal_data_or_without_a_consent_column():
    assert run([cell_with(0, "consent", "no"), cell_with(0, "city", "nowhere")], columns=["consent", "city"])[1] == []
    assert run([cell_with(0, "email", "a@example.com", "EMAIL_ADDRESS")], columns=["email", "consensus_score"])[1] == []


@pytest.mark.parametrize(
    "field, value, fires",
    [
        ("age", "14", True),
        ("age", "15", True),
        ("age", "16", False),
        ("customer_age", "9", True),
        ("page", "3", False),
        ("age", "n/a", False),
    ],
)
def test_age_column_under_16_is_child_data(field, value, fires):
    out, _ = run([cell_with(0, field, value)])
    got = [(d.entity_type, d.start, d.end, d.rule_ids) for _, dets in out for d in dets]
    assert got == ([("CHILD_DATA", 0, len(value), ["GDPR-ART8-CHILD-DATA"])] if fires else [])


def test_special_category_column_names_are_reported_once_per_column():
    _, emitted = run([], columns=["user_id", "religion", "ethnicity", "diagnosis_code", "racecar_team", "union_member"])
    assert [(f.record, f.field, f.rule_ids) for f in emitted] == [
        (None, field, ["GDPR-ART9-SPECIAL-CATEGORY-COLUMN"])
        for field in ["religion", "ethnicity", "diagnosis_code", "union_member"]
    ]


def test_a_conversation_without_ai_disclosure_is_flagged_and_one_with_it_is_not():
    plain = [cell_with(0, "messages[0].content", "Hello, how can I help?", role="assistant")]
    disclosed = [
        cell_with(
            1,
            "messages[0].content",
            "Hi, I am an AI assistant.",
            "AI_DISCLOSURE",
            (4, 25),
            kind="marker",
            role="assistant",
        ),
        cell_with(1, "messages[1].content", "ok", role="user"),
    ]
    out, emitted = run(plain + disclosed, fmt="chat")
    assert [(f.record, f.field, f.rule_ids) for f in emitted] == [(0, "messages", ["AIACT-ART50-1-NO-AI-DISCLOSURE"])]
    assert all(d.kind != "marker" for _, dets in out for d in dets)  # markers are evidence, never findings


def test_user_only_transcripts_and_non_chat_formats_have_no_disclosure_rule():
    assert run([cell_with(0, "messages[0].content", "hi", role="user")], fmt="chat")[1] == []
    assert run([cell_with(0, "text", "Hello, how can I help?", role="assistant")], fmt="jsonl")[1] == []


def test_erasure_requests_count_only_from_users():
    user = cell_with(0, "messages[1].content", "Please delete my data", "ERASURE_REQUEST", kind="signal", role="user")
    bot = cell_with(
        1, "messages[2].content", "I can delete your data", "ERASURE_REQUEST", kind="signal", role="assistant"
    )
    out, _ = run([user, bot], fmt="chat")
    assert [d.rule_ids for _, dets in out for d in dets] == [["GDPR-ART17-ERASURE-REQUEST"], []]


def test_human_claims_count_only_from_the_assistant():
    bot = cell_with(0, "messages[0].content", "I am a real person", "HUMAN_CLAIM", kind="signal", role="assistant")
    user = cell_with(1, "messages[0].content", "I am a real person", "HUMAN_CLAIM", kind="signal", role="user")
    out, _ = run([bot, user], fmt="chat")
    detections = [d for _, dets in out for d in dets]
    assert [(d.rule_ids, d.severity) for d in detections] == [
        (["AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"], "critical"),
        ([], None),
    ]


def test_secrets_get_the_art32_rule():
    out, _ = run([cell_with(0, "notes", "my password is Sunflower#82", "PASSWORD", (15, 27))])
    assert out[0][1][0].rule_ids == ["GDPR-ART32-SECRETS-CREDENTIALS"]


@pytest.mark.parametrize(
    "column, value, fires",
    [
        ("toestemming_marketing", "nee", True),
        ("zgoda_marketing", "tak", False),
        ("zgoda_marketing", "nie", True),
        ("samtycke", "ja", False),
    ],
)
def test_consent_columns_and_values_in_member_state_languages(column, value, fires):
    _, emitted = run(
        [cell_with(0, "email", "a@example.com", "EMAIL_ADDRESS"), cell_with(0, column, value)],
        columns=["email", column],
    )
    assert [f.field for f in emitted] == ([column] if fires else [])


@pytest.mark.parametrize("field", ["leeftijd", "wiek", "ålder", "edad", "età"])
def test_age_columns_in_member_state_languages(field):
    out, _ = run([cell_with(0, field, "12")])
    assert [d.rule_ids for _, dets in out for d in dets] == [["GDPR-ART8-CHILD-DATA"]]
