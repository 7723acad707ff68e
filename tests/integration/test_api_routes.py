"""The api handler on moto, with events shaped as API Gateway's HTTP API sends them (payload 2.0, IAM context)."""

from __future__ import annotations

import base64
import gzip
import io
import json
import logging
import os
import re

import boto3
import pytest
from moto import mock_aws
from privscan.ingest.events import ObjectRef
from privscan.model import Finding
from privscan.observability import logger
from privscan.store.findings_store import FindingsStore, finding_id
from privscan_tools.local.api_server import http_api_event
from privscan_tools.local.stack import deploy_stack
from privscan_tools.local.worker import load_handler

from tests.conftest import REPO_ROOT

REVIEWER = "privacy-officer"  # a local reviewer (LOCAL_REVIEWERS); "tester" stands for a CI runner
CSV = "name,email\nAnna Roe,anna.roe@example.com\nBo Lind,bo.lind@example.org\n"


def _clear_caches() -> None:
    from privscan import wiring
    from privscan.api import settings

    settings.get_api_settings.cache_clear()
    wiring.get_api_services.cache_clear()
    wiring._clients.cache_clear()


@pytest.fixture
def call(monkeypatch, lambda_context, scanner):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        for name, value in stack.function_envs["ApiFunction"].items():
            monkeypatch.setenv(name, value)
        _clear_caches()
        handler = load_handler(REPO_ROOT, "api")

        def invoke(
            method: str,
            path: str,
            body: dict | bytes | None = None,
            *,
            signed: bool = True,
            signer: str = "tester",
            content_type: str = "application/json",
        ) -> tuple[int, dict]:
            raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
            event = http_api_event(
                method, path, {"host": "api.local", "content-type": content_type}, raw, signer, "127.0.0.1"
            )
            if not signed:
                event["requestContext"].pop("authorizer")
            response = handler(event, lambda_context)
            return response["statusCode"], json.loads(response["body"])

        yield invoke
        _clear_caches()


def test_records_are_scanned_as_jsonl_with_the_cli_contract(call):
    status, body = call(
        "POST",
        "/scans",
        {"records": [{"note": "write to anna.roe@example.com"}, {"note": "no"}], "policy": {"fail_on": "medium"}},
    )
    assert status == 200
    assert body["findings"] == [
        {
            "object": "records.jsonl",
            "record": 0,
            "field": "note",
            "start": 9,
            "end": 29,
            "entity_type": "EMAIL_ADDRESS",
            "score": 1.0,
            "severity": "medium",
            "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
            "preview": "a***@e***.com",
        }
    ]
    assert (body["verdict"], body["policy"]["fail_on"], body["summary"]["records"]) == ("fail", "medium", 2)


def test_a_gzipped_csv_file_is_named_by_object_and_read_by_its_file_name(call):
    content = base64.b64encode(gzip.compress(CSV.encode())).decode()
    status, body = call(
        "POST",
        "/scans",
        {"file": {"name": "people.csv.gz", "content_base64": content}, "object": "datasets/crm/people.csv.gz"},
    )
    assert status == 200 and body["verdict"] == "pass"  # e-mail columns are medium; the default fails on high
    assert (body["summary"]["format"], body["summary"]["compressed"]) == ("csv", True)
    emails = [f for f in body["findings"] if f["entity_type"] == "EMAIL_ADDRESS"]
    assert [(f["object"], f["field"], f["record"], f["count"]) for f in emails] == [
        ("datasets/crm/people.csv.gz", "email", None, 2)
    ]


def test_allowed_entities_pass(call):
    request = {"text": "IBAN DE89370400440532013000", "policy": {"allowed_entities": ["IBAN_CODE"]}}
    status, body = call("POST", "/scans", request)
    assert (status, body["verdict"], [f["entity_type"] for f in body["findings"]]) == (200, "pass", ["IBAN_CODE"])


@pytest.mark.parametrize(
    ("request_body", "status", "outcome"),
    [
        (
            {"file": {"name": "blob.bin", "content_base64": base64.b64encode(bytes(range(256)) * 4).decode()}},
            422,
            "binary",
        ),
        (
            {"file": {"name": "a.csv.gz", "content_base64": base64.b64encode(gzip.compress(b"x" * 100)[:20]).decode()}},
            422,
            "malformed",
        ),
        ({"file": {"name": "a.txt", "content_base64": "%%%"}}, 422, "malformed"),
    ],
)
def test_unscannable_bodies_get_a_4xx_with_their_outcome(call, request_body, status, outcome):
    answer_status, body = call("POST", "/scans", request_body)
    assert (answer_status, body["outcome"]) == (status, outcome)


def test_a_scan_past_its_time_limit_is_refused_not_timed_out(call, monkeypatch):
    monkeypatch.setenv("SYNC_TIME_LIMIT_S", "0.000001")
    _clear_caches()
    status, body = call("POST", "/scans", {"text": "anna.roe@example.com\n" * 50})
    assert (status, body["outcome"], body["message"]) == (422, "time_limit", "the scan took longer than 1e-06 s")


def test_the_reviewer_is_the_signer_never_the_body(call):
    status, body = call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed"}, signed=False)
    assert (status, body["message"]) == (403, "the request carries no IAM identity")
    status, body = call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed", "reviewed_by": "someone"})
    assert status == 422 and body["errors"] == [
        {"loc": ["body"], "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}
    ]
    assert call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed"}, signer=REVIEWER)[0] == 404


def test_unknown_routes_and_statuses(call):
    assert call("DELETE", f"/findings/{'0' * 24}")[0] == 404  # no route deletes anything
    status, body = call("GET", "/findings?status=closed")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "status"]
    status, body = call("GET", "/findings?limit=0")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "limit"]


@pytest.fixture
def stored_finding() -> str:
    """One open IBAN finding in the local stack's findings table (call inside the `call` fixture)."""
    import boto3
    from privscan.engine.masking import Fingerprinter
    from privscan.ingest.events import ObjectRef
    from privscan.model import Finding
    from privscan.store.findings_store import FindingsStore, finding_id

    bucket = os.environ["UPLOAD_BUCKET"]
    value = "DE89370400440532013000"
    store = FindingsStore(boto3.resource("dynamodb").Table(os.environ["FINDINGS_TABLE"]))
    finding = Finding(
        object="data/a.txt",
        record=0,
        field=None,
        start=0,
        end=len(value),
        entity_type="IBAN_CODE",
        score=1.0,
        severity="high",
        preview="DE******************00",
        fingerprint=Fingerprinter("k" * 32)("IBAN_CODE", value),
        rule_ids=[],
    )
    store.replace_findings(ObjectRef(bucket, "data/a.txt", "v1"), [finding])
    return finding_id(bucket, "data/a.txt", "v1", 0)


@pytest.mark.parametrize(
    "change",
    [
        {"status": "false_positive"},
        {"status": "false_positive", "suppress": {"by": "fingerprint", "prefix": ""}},
        {"status": "false_positive", "suppress": {"by": "pattern", "pattern": "DE8937[0-9]{16}", "prefix": ""}},
    ],
)
def test_only_a_reviewer_may_review_or_suppress(call, stored_finding, change):
    path = f"/findings/{stored_finding}"
    assert call("PATCH", path, change) == (403, {"statusCode": 403, "message": "Forbidden"})
    assert call("PATCH", f"/findings/{'0' * 24}", change) == (403, {"statusCode": 403, "message": "Forbidden"})
    status, shown = call("GET", path)
    assert (status, shown["finding"]["review_status"], shown["audit"]) == (200, "open", [])

    status, body = call("PATCH", path, change, signer=REVIEWER)
    assert (status, body["finding"]["review_status"], body["audit_entry"]["actor"]) == (
        200,
        "false_positive",
        "arn:aws:iam::123456789012:user/privacy-officer",
    )


@pytest.mark.parametrize(
    ("pattern", "code", "reason"),
    [
        (
            "[a-z]+@.*",
            "pattern_unanchored",
            "every match must contain at least 3 literal characters (a domain, a prefix)",
        ),
        (".*[.]com", "pattern_too_broad", "the pattern matches unrelated values; pin the value's own parts"),
        ("x" * 201, "pattern_too_long", "a pattern is at most 200 characters"),
    ],
)
def test_a_suppression_pattern_that_matches_nearly_everything_is_a_400_with_its_code(call, pattern, code, reason):
    change = {"status": "false_positive", "suppress": {"by": "pattern", "pattern": pattern, "prefix": ""}}
    status, body = call("PATCH", f"/findings/{'0' * 24}", change)
    assert (status, body["outcome"], body["message"]) == (400, code, f"suppress.pattern refused: {reason}")
    assert pattern not in json.dumps(body)


def test_a_body_that_is_not_utf8_is_not_json(call):
    status, body = call("PATCH", f"/findings/{'0' * 24}", b"\xa4O\xd2")
    assert (status, body["message"]) == (400, "the body is not valid JSON")


EMAIL = "jane.doe@example.com"
UNKNOWN_KEY = {
    "statusCode": 422,
    "message": "invalid request: body: Extra inputs are not permitted (extra_forbidden)",
    "errors": [{"loc": ["body"], "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}],
}


def test_an_unknown_key_is_refused_without_being_echoed(call):
    assert call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed", EMAIL: "x"}) == (422, UNKNOWN_KEY)
    status, body = call("POST", "/scans", {"text": "hello", "policy": {"fail_on": "high", EMAIL: 1}})
    assert (status, body["errors"]) == (
        422,
        [{"loc": ["body", "policy"], "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}],
    )
    assert EMAIL not in json.dumps(body)


def test_schema_fields_are_still_named_in_a_422(call):
    status, body = call("PATCH", f"/findings/{'0' * 24}", {"status": EMAIL, "note": 5})
    assert (status, body) == (
        422,
        {
            "statusCode": 422,
            "message": "invalid request: body.status: Input should be 'open', 'confirmed', 'false_positive', "
            "'accepted_risk' or 'remediated' (literal_error); body.note: Input should be a valid string (string_type)",
            "errors": [
                {
                    "loc": ["body", "status"],
                    "type": "literal_error",
                    "msg": "Input should be 'open', 'confirmed', 'false_positive', 'accepted_risk' or 'remediated'",
                },
                {"loc": ["body", "note"], "type": "string_type", "msg": "Input should be a valid string"},
            ],
        },
    )
    status, body = call("POST", "/scans", {"text": EMAIL, "records": [{"email": EMAIL}]})
    assert (status, body["errors"]) == (
        422,
        [{"loc": ["body"], "type": "one_source", "msg": "give exactly one of text, records, file or s3_uri"}],
    )
    status, body = call("GET", f"/findings?limit={EMAIL}")
    assert (status, body["errors"]) == (
        422,
        [
            {
                "loc": ["query", "limit"],
                "type": "int_parsing",
                "msg": "Input should be a valid integer, unable to parse string as an integer",
            }
        ],
    )


def test_a_body_that_is_not_json_is_a_415(call):
    for content_type in ("text/plain", "multipart/form-data"):
        assert call("PATCH", f"/findings/{'0' * 24}", {"status": "open"}, content_type=content_type) == (
            415,
            {"statusCode": 415, "message": "send the body as application/json"},
        )


def test_a_validator_message_quoting_what_was_sent_is_not_echoed(call):
    pattern = f"(?P<{EMAIL}>x)"  # an invalid group name: the regex error quotes it
    status, body = call(
        "PATCH",
        f"/findings/{'0' * 24}",
        {"status": "false_positive", "suppress": {"by": "pattern", "pattern": pattern}},
    )
    assert (status, body["outcome"]) == (400, "pattern_unsupported")
    assert "jane" not in json.dumps(body)


def test_an_unexpected_failure_is_a_bare_500_and_a_content_free_log(call, monkeypatch, capsys, caplog):
    from privscan.review.workflow import ReviewService

    def fails(self, finding_id):
        raise KeyError(EMAIL)

    monkeypatch.setattr(ReviewService, "finding", fails)
    caplog.set_level(logging.DEBUG)
    structured = io.StringIO()  # the JSON lines as Lambda would write them, extra keys included
    handler = logging.StreamHandler(structured)
    handler.setFormatter(logger.registered_formatter)
    logger._logger.addHandler(handler)
    try:
        status, body = call("GET", f"/findings/{'0' * 24}")
    finally:
        logger._logger.removeHandler(handler)
    assert (status, body) == (500, {"statusCode": 500, "message": "internal error"})
    captured = capsys.readouterr()
    logs = structured.getvalue() + captured.out + captured.err + "\n".join(r.getMessage() for r in caplog.records)
    (line,) = [json.loads(line) for line in structured.getvalue().splitlines() if "unexpected failure" in line]
    assert line["level"] == "ERROR"
    assert re.fullmatch(
        r"KeyError at test_api_routes\.py:\d+ in fails via api/app\.py:\d+ in get_finding", line["reason"]
    )
    assert "jane" not in logs  # the failure was logged without its message


def test_a_review_note_is_answered_and_stored_masked(call):
    store = FindingsStore(boto3.resource("dynamodb").Table(os.environ["FINDINGS_TABLE"]))
    bucket = os.environ["UPLOAD_BUCKET"]
    finding = Finding(
        object="data/a.txt",
        record=0,
        field=None,
        start=0,
        end=20,
        entity_type="EMAIL_ADDRESS",
        score=1.0,
        severity="medium",
        preview="j***@e***.com",
        rule_ids=["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
    )
    store.replace_findings(ObjectRef(bucket, "data/a.txt", "v1"), [finding])
    found = finding_id(bucket, "data/a.txt", "v1", 0)
    change = {"status": "confirmed", "note": f"{EMAIL} asked to delete"}
    status, body = call("PATCH", f"/findings/{found}", change, signer=REVIEWER)
    assert status == 200
    assert body["finding"]["review_note"] == body["audit_entry"]["note"] == "j***@e***.com asked to delete"
    audit = boto3.resource("dynamodb").Table(os.environ["AUDIT_TABLE"])
    stored = store.table.scan()["Items"] + audit.scan()["Items"]
    assert body["audit_entry"]["note"] in json.dumps(stored, default=str) and "jane" not in json.dumps(
        stored, default=str
    )
    status, body = call(
        "PATCH", f"/findings/{found}", {"status": "remediated", "note": "deleted on request"}, signer=REVIEWER
    )
    assert (status, body["audit_entry"]["note"]) == (200, "deleted on request")  # nothing to mask: as written


def test_one_objects_findings_are_listed_by_its_key_even_when_the_key_is_stored_masked(call):
    from urllib.parse import quote

    from privscan import wiring
    from privscan.api.settings import get_api_settings
    from privscan.ingest.events import ObjectRef
    from privscan.model import Finding

    settings = get_api_settings()
    store = wiring.get_api_services(settings).review.store
    key = "exports/anna.schmidt@example.com/data.csv"
    finding = Finding(key, 0, "email", 0, 5, "EMAIL_ADDRESS", 1.0, "medium", "b***@e***.com", "f" * 32)
    ref = ObjectRef(settings.upload_bucket, key, "v1", "e1")
    store.replace_findings(ref, [finding])
    store.put_summary(ref, {"status": "done", "findings": 1})
    status, page = call("GET", f"/findings?object={quote(key)}")
    assert status == 200 and [f["preview"] for f in page["findings"]] == ["b***@e***.com"]
    assert "anna" not in json.dumps(page) and page["findings"][0]["key"].startswith("exports/a***@e***.com~")


NOTES = (
    '{"text": "Ticket 4411: please call me back, my address is anna.roe@example.com and I am free today."}\n'
    '{"text": "Nothing personal here."}\n'
)
PEOPLE = "name,email\nAnna Roe,anna.roe@example.com\nBo Lind,bo.lind@example.org\n"


def _scanned(key: str, body: str, overwrite_with: str | None = None) -> dict:
    """Upload `body`, scan it with the engine and store its findings as the bucket scan would; with
    `overwrite_with`, upload that as a newer version afterwards. Returns the findings listed by the API."""
    import io

    import boto3
    from privscan import wiring
    from privscan.api.settings import get_api_settings
    from privscan.ingest.events import ObjectRef
    from privscan.pipeline import scan_stream

    settings = get_api_settings()
    services = wiring.get_api_services(settings)
    s3 = boto3.client("s3")
    put = s3.put_object(Bucket=settings.upload_bucket, Key=key, Body=body.encode())
    found = []
    scan_stream(
        key,
        io.BytesIO(body.encode()),
        scanner=services.scans.scanner,
        fingerprinter=services.scans.fingerprinter,
        sink=found.append,
    )
    ref = ObjectRef(settings.upload_bucket, key, put.get("VersionId"), put["ETag"].strip('"'))
    services.review.store.replace_findings(ref, found)
    if overwrite_with is not None:
        s3.put_object(Bucket=settings.upload_bucket, Key=key, Body=overwrite_with.encode())
    return {f["entity_type"]: f for f in services.review.store.findings_of(settings.upload_bucket, key)}


def test_a_reviewer_sees_the_text_around_a_finding_read_now_and_the_look_is_audited(call):
    from urllib.parse import quote

    email = _scanned("support/notes.jsonl", NOTES)["EMAIL_ADDRESS"]
    path = f"/findings/{email['finding_id']}/reveal"
    assert call("POST", path, {}) == (403, {"statusCode": 403, "message": "Forbidden"})

    status, body = call("POST", path, {}, signer=REVIEWER)
    assert status == 200
    (shown,) = body["excerpts"]
    start, end = shown["highlight"]
    assert (shown["record"], shown["field"], shown["text"][start:end]) == (0, "text", "anna.roe@example.com")
    assert shown["text"] == "Ticket 4411: please call me back, my address is anna.roe@example.com and I am free today."
    assert (shown["cut_before"], shown["cut_after"]) == (False, False)
    entry = body["audit_entry"]
    assert (entry["actor"], entry["from_status"], entry["to_status"], entry["reveal"]) == (
        "arn:aws:iam::123456789012:user/privacy-officer",
        "open",
        "open",
        {"excerpts": 1},
    )
    status, detail = call("GET", f"/findings/{email['finding_id']}")
    assert detail["finding"]["review_status"] == "open" and detail["audit"] == [entry]
    assert "anna.roe" not in json.dumps(detail)  # nothing read for the reveal was stored
    status, listed = call("GET", f"/findings?object={quote('support/notes.jsonl')}")
    assert "anna.roe" not in json.dumps(listed)


def test_a_column_finding_reveals_its_sampled_values(call):
    email = _scanned("crm/people.csv", PEOPLE)["EMAIL_ADDRESS"]
    status, body = call("POST", f"/findings/{email['finding_id']}/reveal", {}, signer=REVIEWER)
    assert status == 200, body
    assert [(e["record"], e["field"], e["text"], e["highlight"]) for e in body["excerpts"]] == [
        (0, "email", "anna.roe@example.com", [0, 20]),
        (1, "email", "bo.lind@example.org", [0, 19]),
    ]


def test_the_scanned_version_is_revealed_even_after_the_object_was_overwritten(call):
    email = _scanned("support/old.jsonl", NOTES, overwrite_with='{"text": "replaced"}\n')["EMAIL_ADDRESS"]
    status, body = call("POST", f"/findings/{email['finding_id']}/reveal", {}, signer=REVIEWER)
    assert status == 200 and "anna.roe@example.com" in body["excerpts"][0]["text"]


def test_a_reveal_of_an_unknown_finding_a_wrong_key_or_a_rule_finding_is_refused(call):
    assert call("POST", f"/findings/{'0' * 24}/reveal", {}, signer=REVIEWER) == (
        404,
        {"statusCode": 404, "message": "no such finding"},
    )
    email = _scanned("support/keyed.jsonl", NOTES)["EMAIL_ADDRESS"]
    path = f"/findings/{email['finding_id']}/reveal"
    assert call("POST", path, {"key": "support/other.jsonl"}, signer=REVIEWER) == (
        400,
        {"statusCode": 400, "message": "the key given is not this finding's object"},
    )


def test_records_are_examined_with_their_bias_and_personal_data(call):
    rows = [
        {"gender": "FM"[i % 2], "email": f"user{i}@example.org", "approved": str(int(i % 4 == 0))} for i in range(40)
    ]
    status, body = call("POST", "/examinations", {"records": rows})
    assert status == 200
    sex = body["bias"]["attributes"][0]
    assert (body["bias"]["label"], sex["column"], sex["category"]) == ("approved", "gender", "sex")
    assert {g["value"]: g["positive_rate"] for g in sex["groups"]} == {"F": 0.5, "M": 0.0}
    assert body["training_summary"]["personal_data"]["by_type"]["EMAIL_ADDRESS"] == 40
    assert "user1@example.org" not in json.dumps(body)


def test_an_examination_with_a_label_that_is_not_binary_is_refused(call):
    status, body = call("POST", "/examinations", {"text": "a\nb\n", "label": "missing"})
    assert status == 422 and "missing" not in json.dumps(body)


# -- POST /redactions ---------------------------------------------------------------------------


def test_text_is_redacted_now_with_its_manifest(call):
    status, body = call("POST", "/redactions", {"text": "Write to anna.roe@example.com today.\n"})
    assert status == 200
    assert body["text"] == "Write to ****.***@*******.*** today.\n"
    manifest = body["manifest"]
    assert (manifest["object"], manifest["status"], manifest["format"]) == ("text.txt", "redacted", "text")
    assert manifest["locations"] == [
        {"record": 0, "field": None, "start": 9, "end": 29, "entity_type": "EMAIL_ADDRESS", "operator": "mask"}
    ]
    assert "anna" not in json.dumps(manifest)


def test_records_and_files_come_back_as_they_were_sent_with_operators_by_type(call):
    records = [{"note": "write to anna.roe@example.com", "n": 1}, {"note": "no"}]
    status, body = call("POST", "/redactions", {"records": records, "operators": {"email_address": "hash"}})
    assert status == 200
    assert re.fullmatch(r"write to <email_address:[a-p]{16}>", body["records"][0]["note"])
    assert body["records"][1:] == [{"note": "no"}] and body["records"][0]["n"] == 1
    content = base64.b64encode(gzip.compress(CSV.encode())).decode()
    status, body = call("POST", "/redactions", {"file": {"name": "crm.csv.gz", "content_base64": content},
                                                "default": "keep", "operators": {"EMAIL_ADDRESS": "mask"}})  # fmt: skip
    assert status == 200 and body["file"]["name"] == "crm.csv.gz"
    copy = gzip.decompress(base64.b64decode(body["file"]["content_base64"])).decode()
    assert copy == "name,email\nAnna Roe,****.***@*******.***\nBo Lind,**.****@*******.***\n"  # names kept
    assert body["manifest"]["by_entity"] == {"EMAIL_ADDRESS": 2} and body["manifest"]["compressed"] is True


@pytest.mark.parametrize(
    ("request_body", "status", "outcome"),
    [
        ({"file": {"name": "x.png", "content_base64": base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode()}},
         422, "binary"),
        ({"file": {"name": "big.txt", "content_base64": base64.b64encode(b"a" * (1024**2 + 1)).decode()}},
         413, "too_large"),
        ({"file": {"name": "d.xlsx", "content_base64": base64.b64encode(b"PK\x05\x06" + bytes(18)).decode()}},
         422, "malformed"),
    ],
)  # fmt: skip
def test_what_cannot_be_copied_whole_is_refused_with_its_outcome(call, request_body, status, outcome):
    got, body = call("POST", "/redactions", request_body)
    assert (got, body["outcome"]) == (status, outcome)


def test_a_redaction_request_names_one_source_and_known_operators(call):
    assert call("POST", "/redactions", {"text": "a", "records": []})[0] == 422
    status, body = call("POST", "/redactions", {"text": "a", "operators": {"PERSON": "shred"}})
    assert status == 422 and "shred" not in json.dumps(body)


def test_records_holding_line_separators_come_back_whole(call):
    records = [{"note": "a\u2028b\x85c\x1cd", "n": [1, {"x": "anna.roe@example.com"}]}]
    status, body = call("POST", "/redactions", {"records": records})
    assert status == 200
    assert body["records"] == [{"note": "a\u2028b\x85c\x1cd", "n": [1, {"x": "****.***@*******.***"}]}]
