"""Review service on moto: status changes, the append-only audit trail, suppressions, pagination of findings."""

from __future__ import annotations

import json

import boto3
import pytest
import yaml
from moto import mock_aws
from privscan.engine.masking import Fingerprinter
from privscan.ingest.events import ObjectRef
from privscan.model import Finding, Occurrence
from privscan.review.workflow import (
    NOTE_MAX_CHARS,
    PATTERN_REFUSED,
    ReviewChange,
    ReviewRejected,
    ReviewService,
    value_fingerprints,
)
from privscan.store.allow_list import AllowListObject
from privscan.store.findings_store import FindingsStore, ReviewConflict, finding_id
from privscan_tools.local.stack import deploy_stack
from pydantic import ValidationError

from tests.conftest import REPO_ROOT

OFFICER = "arn:aws:iam::123456789012:user/officer"
AUDITOR = "arn:aws:iam::123456789012:user/auditor"
KEY_OF_TESTS = "k" * 32


def iban(record: int, value: str = "DE89370400440532013000") -> Finding:
    return Finding(
        object="data/a.txt",
        record=record,
        field=None,
        start=0,
        end=len(value),
        entity_type="IBAN_CODE",
        score=1.0,
        severity="high",
        preview="DE******************00",
        fingerprint=Fingerprinter(KEY_OF_TESTS)("IBAN_CODE", value),
        rule_ids=["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
    )


def email_column() -> Finding:
    return Finding(
        object="data/a.txt",
        record=None,
        field="email",
        start=None,
        end=None,
        entity_type="EMAIL_ADDRESS",
        score=1.0,
        severity="medium",
        preview="a***@e***.com",
        count=40,
    )


@pytest.fixture
def env(scanner):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        dynamodb = boto3.resource("dynamodb")
        s3 = boto3.client("s3")
        results = stack.outputs["ResultsBucketName"]
        store = FindingsStore(dynamodb.Table(stack.findings_table), dynamodb.Table(stack.audit_table))
        ref = ObjectRef(stack.bucket, "data/a.txt", "v1")
        store.replace_findings(ref, [iban(0), iban(1, "DE02120300000000202051"), email_column()])
        ids = [finding_id(stack.bucket, "data/a.txt", "v1", seq) for seq in range(3)]
        allow = AllowListObject(s3, results, "config/suppressions.yaml")
        yield ReviewService(store, allow, scanner, Fingerprinter(KEY_OF_TESTS)), ids, ref, s3, results


def allow_list(s3, bucket) -> dict:
    return yaml.safe_load(s3.get_object(Bucket=bucket, Key="config/suppressions.yaml")["Body"].read())


def test_a_status_change_is_audited_and_leaves_the_open_index(env):
    service, (first, second, _), ref, *_ = env
    finding, entry = service.review(first, ReviewChange(status="confirmed", note="real customer"), OFFICER)
    assert (finding["review_status"], finding["reviewed_by"], finding["review_note"]) == (
        "confirmed",
        OFFICER,
        "real customer",
    )
    assert {k: entry[k] for k in ("finding_id", "actor", "from_status", "to_status", "note")} == {
        "finding_id": first,
        "actor": OFFICER,
        "from_status": "open",
        "to_status": "confirmed",
        "note": "real customer",
    }
    assert entry["sk"] == f"AUDIT#{first}#{entry['at']}" and len(entry["at"]) == len("2026-01-01T00:00:00.000000+00:00")
    assert "suppression" not in entry
    open_ids = [item["finding_id"] for item in service.store.open_findings(ref.bucket, "high")]
    assert open_ids == [second]

    reopened, _ = service.review(first, ReviewChange(status="open", note="needs a second look"), AUDITOR)
    assert sorted(item["finding_id"] for item in service.store.open_findings(ref.bucket, "high")) == sorted(
        [first, second]
    )
    assert [(a["actor"], a["from_status"], a["to_status"]) for a in service.audit(reopened)] == [
        (OFFICER, "open", "confirmed"),
        (AUDITOR, "confirmed", "open"),
    ]


def test_a_repeated_request_appends_nothing(env):
    service, (first, *_), *_ = env
    service.review(first, ReviewChange(status="accepted_risk", note="contract"), OFFICER)
    finding, entry = service.review(first, ReviewChange(status="accepted_risk", note="contract"), OFFICER)
    assert entry is None and len(service.audit(finding)) == 1


def test_a_false_positive_becomes_one_suppression_entry(env):
    service, (first, *_), ref, s3, results = env
    change = ReviewChange(
        status="false_positive", note="provider test account", suppress={"by": "fingerprint", "prefix": "data/"}
    )
    _, entry = service.review(first, change, OFFICER)
    assert entry["suppression"] == {"by": "fingerprint", "bucket": ref.bucket, "prefix": "data/"}
    expected = {
        "allow": [
            {
                "scope": {"bucket": ref.bucket, "prefix": "data/"},
                "entities": ["IBAN_CODE"],
                "fingerprints": [iban(0).fingerprint],
            }
        ]
    }
    assert allow_list(s3, results) == expected
    _, again = service.review(first, change, OFFICER)
    assert again is None and allow_list(s3, results) == expected  # same value twice: one entry, no new audit
    suppressor = service.allow_list.read().for_object(ref.bucket, "data/b.csv", Fingerprinter(KEY_OF_TESTS))
    assert suppressor.allowed("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert not suppressor.allowed("IBAN_CODE", "DE02120300000000202051")  # near miss: another IBAN
    assert not service.allow_list.read().for_object(ref.bucket, "other/a.txt", Fingerprinter(KEY_OF_TESTS))


def test_a_pattern_joins_the_entry_of_the_same_scope(env):
    service, (first, second, _), ref, s3, results = env
    service.review(first, ReviewChange(status="false_positive", suppress={"by": "fingerprint", "prefix": ""}), OFFICER)
    service.review(
        second,
        ReviewChange(status="false_positive", suppress={"by": "pattern", "pattern": "DE0212.*", "prefix": ""}),
        OFFICER,
    )
    (entry,) = allow_list(s3, results)["allow"]
    assert entry["patterns"] == ["DE0212.*"] and entry["scope"] == {"bucket": ref.bucket, "prefix": ""}


NOTE = "customer Jane Doe, jane.doe@example.com asked us to delete"
MASKED_NOTE = "customer J*** D***, j***@e***.com asked us to delete"


def stored_items(service: ReviewService) -> str:
    """Every item of the findings table and of the audit table, as one JSON text."""
    items = service.store.table.scan()["Items"] + service.store.audit_table.scan()["Items"]
    return json.dumps(items, default=str)


def test_a_note_is_stored_with_its_personal_data_masked(env):
    service, (first, *_), *_ = env
    finding, entry = service.review(first, ReviewChange(status="confirmed", note=NOTE), OFFICER)
    assert (finding["review_note"], entry["note"]) == (MASKED_NOTE, MASKED_NOTE)
    assert [a["note"] for a in service.audit(finding)] == [MASKED_NOTE]
    items = stored_items(service)
    assert MASKED_NOTE in items and "Jane" not in items and "jane.doe" not in items
    _, again = service.review(first, ReviewChange(status="confirmed", note=NOTE), OFFICER)
    assert again is None  # the same note again: the masked notes are equal, nothing is appended


@pytest.mark.parametrize(
    ("note", "stored"),
    [
        ("jane.doe@example.com asked to delete", "j***@e***.com asked to delete"),
        ("refund to DE89370400440532013000 was a test", "refund to DE******************00 was a test"),
        ("provider test account; ticket 42 closed", "provider test account; ticket 42 closed"),  # near miss
        ("", ""),
    ],
)
def test_masked_notes(env, note, stored):
    service, *_ = env
    assert service.masked_note(note) == stored


def test_a_note_is_capped():
    assert len(ReviewChange(status="confirmed", note="n" * NOTE_MAX_CHARS).note) == NOTE_MAX_CHARS
    with pytest.raises(ValueError, match="at most 2000 characters"):
        ReviewChange(status="confirmed", note="n" * (NOTE_MAX_CHARS + 1))


def test_a_pattern_is_named_by_fingerprint_and_masked_preview_outside_the_allow_list(env):
    service, (_, second, _), ref, s3, results = env
    pattern = r"jane\.doe@example\.com"
    change = ReviewChange(status="false_positive", suppress={"by": "pattern", "pattern": pattern, "prefix": "data/"})
    _, entry = service.review(second, change, OFFICER)
    fingerprint = Fingerprinter(KEY_OF_TESTS).token(f"pattern\x1f{pattern}")
    assert entry["suppression"] == {
        "by": "pattern",
        "bucket": ref.bucket,
        "prefix": "data/",
        "pattern_fingerprint": fingerprint,
        "pattern_preview": r"j***\.d***@e***\.c***",
    }
    assert len(fingerprint) == 32
    assert allow_list(s3, results)["allow"][0]["patterns"] == [pattern]  # the operative store holds it
    items = stored_items(service)
    assert "jane" not in items and "example" not in items and fingerprint in items


@pytest.mark.parametrize(
    ("index", "change", "reason"),
    [
        (
            0,
            {"status": "confirmed", "suppress": {"by": "fingerprint"}},
            "only a false positive can become a suppression rule",
        ),
        (
            2,
            {"status": "false_positive", "suppress": {"by": "fingerprint"}},
            "this column finding has more distinct values than it sampled; suppress it by pattern",
        ),
        (0, {"status": "false_positive", "suppress": {"by": "pattern"}}, "give the pattern to suppress"),
    ],
)
def test_suppressions_that_cannot_apply_are_rejected_and_change_nothing(env, index, change, reason):
    service, ids, _, s3, results = env
    with pytest.raises(ReviewRejected, match=reason):
        service.review(ids[index], ReviewChange(**change), OFFICER)
    assert service.finding(ids[index])["review_status"] == "open"
    assert service.audit(service.finding(ids[index])) == []
    assert "Contents" not in s3.list_objects_v2(Bucket=results, Prefix="config/")


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("(unclosed", "pattern_unsupported"),
        (r"(\w+)\1@example\.com", "pattern_unsupported"),  # a backreference: no linear-time engine runs it
        (".*", "pattern_unanchored"),
        (r"\w+@.*", "pattern_unanchored"),
        (r".*\.com", "pattern_too_broad"),
        ("a" * 201, "pattern_too_long"),
    ],
)
def test_an_unusable_pattern_is_refused_by_the_model_whatever_the_prefix(pattern, code):
    for prefix in ("", "datasets/"):
        with pytest.raises(ValidationError) as refused:
            ReviewChange(status="false_positive", suppress={"by": "pattern", "pattern": pattern, "prefix": prefix})
        (problem,) = refused.value.errors()
        assert (problem["type"], problem["ctx"]["code"], problem["loc"]) == (
            PATTERN_REFUSED,
            code,
            ("suppress", "pattern"),
        )


def test_a_concurrent_review_is_a_conflict(env):
    service, (first, *_), *_ = env
    stale = service.finding(first)
    service.review(first, ReviewChange(status="confirmed"), OFFICER)
    with pytest.raises(ReviewConflict):
        service.store.review(stale, "remediated", {"at": "2026-01-01T00:00:00.000000+00:00", "actor": AUDITOR})
    assert service.finding(first)["review_status"] == "confirmed"


def test_a_rescan_keeps_the_audit_trail(env):
    service, (first, *_), ref, *_ = env
    service.review(first, ReviewChange(status="confirmed"), OFFICER)
    service.store.replace_findings(ObjectRef(ref.bucket, ref.key, "v2"), [iban(0)])
    assert [a["finding_id"] for a in service.store.audit_of(ref.bucket, ref.key)] == [first]
    assert service.store.get_finding(first) is None  # v1's findings are gone; v2's are new, open findings


def test_findings_come_a_page_at_a_time(env):
    service, ids, ref, *_ = env
    store = service.store
    store.put_summary(ref, {"status": "done"})
    other = ObjectRef(ref.bucket, "data/b.txt", "v1")
    store.replace_findings(other, [iban(0)])
    store.put_summary(other, {"status": "done"})
    everything = lambda item: True
    page, after = store.page_of_findings(ref.bucket, "data/", everything, 2)
    assert [item["finding_id"] for item in page] == ids[:2] and after == ("data/a.txt", page[-1]["sk"])
    page, after = store.page_of_findings(ref.bucket, "data/", everything, 2, after)
    assert [item["finding_id"] for item in page] == [ids[2], finding_id(ref.bucket, "data/b.txt", "v1", 0)]
    assert after is None
    highs, _ = store.page_of_findings(ref.bucket, "data/", lambda item: item["severity"] == "high", 10)
    assert len(highs) == 3


def test_value_fingerprints_of_cell_and_column_findings():
    cell = iban(0).to_dict()
    assert value_fingerprints(cell) == [cell["fingerprint"]]
    column = email_column()
    column.occurrences = [Occurrence(r, 0, 5, "a***", fp) for r, fp in enumerate(["f2", "f1", "f2"])]
    column.distinct = 2  # every distinct value was sampled: the set is exact
    assert value_fingerprints(column.to_dict()) == ["f1", "f2"]
    column.distinct = 3  # a value was never sampled: no fingerprint set covers the column
    assert value_fingerprints(column.to_dict()) == []
    assert value_fingerprints(email_column().to_dict()) == []


def test_an_audit_entry_is_one_conditional_put_into_the_audit_table(env, monkeypatch):
    service, (first, *_), ref, *_ = env
    store = service.store
    sent = []
    client = store.table.meta.client
    transact = client.transact_write_items
    monkeypatch.setattr(client, "transact_write_items", lambda **kw: sent.append(kw) or transact(**kw))
    for forbidden in ("update_item", "delete_item", "batch_writer"):
        monkeypatch.setattr(store.audit_table, forbidden, lambda *a, **kw: pytest.fail("audit items are never changed"))
    service.review(first, ReviewChange(status="confirmed", note="real"), OFFICER)
    service.review(first, ReviewChange(status="remediated"), AUDITOR)

    operations = [
        (kind, op["TableName"]) for call in sent for item in call["TransactItems"] for kind, op in item.items()
    ]
    assert operations == [
        ("Update", store.table.name),
        ("Put", store.audit_table.name),
        ("Update", store.table.name),
        ("Put", store.audit_table.name),
    ]
    assert {item["Put"]["ConditionExpression"] for call in sent for item in call["TransactItems"] if "Put" in item} == {
        "attribute_not_exists(sk)"
    }
    assert [a["to_status"] for a in store.audit_of(ref.bucket, ref.key)] == ["confirmed", "remediated"]
    assert [i["sk"] for i in store.table.scan()["Items"] if i["sk"].startswith("AUDIT#")] == []


def test_a_store_without_the_audit_table_refuses_to_review(env):
    service, (first, *_), ref, *_ = env
    scan_only = FindingsStore(service.store.table)
    with pytest.raises(RuntimeError, match="without the audit table"):
        scan_only.review(
            service.finding(first), "confirmed", {"at": "2026-01-01T00:00:00.000000+00:00", "actor": OFFICER}
        )
    with pytest.raises(RuntimeError, match="without the audit table"):
        list(scan_only.audit_of(ref.bucket, ref.key))
    assert service.finding(first)["review_status"] == "open"
