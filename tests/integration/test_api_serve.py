"""`privscan serve` + its API, driven over HTTP with SigV4-signed requests (the issue's "Done when" flow):
ci --endpoint fails on personal data and passes on a clean file, with valid SARIF; a finding reviewed as a
false positive (with a suppression) shows its audit entry and stops failing CI for that value, and for no other."""

from __future__ import annotations

import json
import time

import boto3
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from privscan.api.app import openapi_document
from privscan_tools.cli import main
from privscan_tools.local.stack import REGION
from schemathesis.checks import not_a_server_error

from tests.integration.conftest import serving
from tests.integration.signed import SigV4, session

PAYMENTS = "Refund to DE89370400440532013000 for order 5521.\n"  # one IBAN: high severity
OTHER_IBAN = "Refund to DE02120300000000202051 for order 5522.\n"
OFFICER = "arn:aws:iam::123456789012:user/privacy-officer"


@pytest.fixture(scope="module")
def served():
    with serving() as banner:
        yield banner


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "payments.txt").write_text(PAYMENTS)
    (tmp_path / "data" / "other.txt").write_text(OTHER_IBAN)
    (tmp_path / "clean.txt").write_text("the weather is fine\n")
    return tmp_path


def ci(api: str, *args: str) -> int:
    return main(["ci", "--endpoint", api, "--summary", "summary.md", *args])


def wait_for_scan(api: str, scan_id: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        state = session().get(f"{api}/scans/{scan_id}").json()
        if state["status"] not in ("queued", "scanning"):
            return state
        time.sleep(0.5)
    raise AssertionError("the scan did not finish")


def test_unsigned_and_badly_signed_requests_are_refused(served):
    assert requests.get(f"{served['api']}/findings", timeout=30).status_code == 403
    forged = requests.Session()
    forged.auth = SigV4(secret_key="not-the-secret")
    answer = forged.get(f"{served['api']}/findings", timeout=30)
    assert (answer.status_code, answer.json()["message"]) == (
        403,
        "The request signature we calculated does not match the signature you provided.",
    )


def test_ci_endpoint_review_and_suppression_end_to_end(served, workdir):
    api = served["api"]
    # 1. CI through the API: personal data fails, a clean file passes; SARIF 2.1.0
    assert ci(api, "data/payments.txt", "--sarif", "out.sarif") == 1
    sarif = json.loads((workdir / "out.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    (run,) = sarif["runs"]
    (result,) = run["results"]
    assert result["ruleId"] == "GDPR-ART5-1-C-DIRECT-IDENTIFIERS" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "data/payments.txt"},
        "region": {"startLine": 1, "startColumn": 11, "endColumn": 33},
    }
    assert "DE89370400440532013000" not in json.dumps(sarif)
    assert (workdir / "summary.md").read_text().startswith("## privscan: FAIL")
    assert ci(api, "clean.txt", "--sarif", "clean.sarif") == 0
    assert json.loads((workdir / "clean.sarif").read_text())["runs"][0]["results"] == []

    # 2. the same file in the dataset bucket, scanned through POST /scans {s3_uri} (asynchronous)
    boto3.client("s3", endpoint_url=served["endpoint"], region_name=REGION).put_object(
        Bucket=served["bucket"], Key="data/payments.txt", Body=PAYMENTS.encode()
    )
    queued = session().post(f"{api}/scans", json={"s3_uri": f"s3://{served['bucket']}/data/payments.txt"})
    assert queued.status_code == 202
    state = wait_for_scan(api, queued.json()["scan_id"])
    assert (state["status"], state["summary"]["findings"], state["summary"]["by_entity"]) == (
        "done",
        1,
        {"IBAN_CODE": 1},
    )

    listed = session().get(f"{api}/findings", params={"object": "data/payments.txt", "status": "open"}).json()
    (finding,) = listed["findings"]
    assert (finding["entity_type"], finding["severity"], finding["preview"], listed["next_token"]) == (
        "IBAN_CODE",
        "high",
        "DE******************00",
        None,
    )

    # 3. a privacy officer marks it a false positive and suppresses that value under data/
    change = {
        "status": "false_positive",
        "note": "test account of the payment provider",
        "suppress": {"by": "fingerprint", "prefix": "data/"},
    }
    reviewed = session("privacy-officer").patch(f"{api}/findings/{finding['finding_id']}", json=change)
    assert reviewed.status_code == 200, reviewed.text
    entry = reviewed.json()["audit_entry"]
    assert {k: entry[k] for k in ("actor", "from_status", "to_status", "note", "suppression")} == {
        "actor": OFFICER,
        "from_status": "open",
        "to_status": "false_positive",
        "note": change["note"],
        "suppression": {"by": "fingerprint", "bucket": served["bucket"], "prefix": "data/"},
    }
    again = session("privacy-officer").patch(f"{api}/findings/{finding['finding_id']}", json=change).json()
    assert again["audit_entry"] is None  # a retried request appends nothing

    shown = session().get(f"{api}/findings/{finding['finding_id']}").json()
    assert (shown["finding"]["review_status"], shown["finding"]["reviewed_by"]) == ("false_positive", OFFICER)
    assert [(a["actor"], a["to_status"]) for a in shown["audit"]] == [(OFFICER, "false_positive")]
    assert (
        session().get(f"{api}/findings", params={"object": "data/payments.txt", "status": "open"}).json()["findings"]
        == []
    )

    # 4. CI passes for that value now; another IBAN still fails; the file outside data/ is not covered
    assert ci(api, "data/payments.txt", "--sarif", "after.sarif") == 0
    assert json.loads((workdir / "after.sarif").read_text())["runs"][0]["results"] == []
    assert ci(api, "data/other.txt") == 1
    (workdir / "payments.txt").write_text(PAYMENTS)
    assert ci(api, "payments.txt") == 1


def test_bad_requests_get_clear_4xx(served):
    api = served["api"]
    not_json = session().post(f"{api}/scans", data=b"{not json", headers={"content-type": "application/json"})
    assert (not_json.status_code, not_json.json()["message"]) == (400, "the body is not valid JSON")
    two = session().post(f"{api}/scans", json={"text": "a", "records": [{"a": 1}]})
    assert two.status_code == 422 and "give exactly one of text, records, file or s3_uri" in two.json()["message"]
    unknown = session().post(f"{api}/scans", json={"text": "a", "colour": "red"})
    assert unknown.status_code == 422 and unknown.json()["errors"] == [
        {"loc": ["body"], "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}  # the key is not echoed
    ]
    big = session().post(f"{api}/scans", json={"text": "x" * (1024**2 + 1)})
    assert (big.status_code, big.json()["outcome"]) == (413, "too_large")
    assert "s3://" in big.json()["message"]
    elsewhere = session().post(f"{api}/scans", json={"s3_uri": "s3://some-other-bucket/a.csv"})
    assert (elsewhere.status_code, elsewhere.json()["outcome"]) == (422, "other_bucket")
    missing = session().post(f"{api}/scans", json={"s3_uri": f"s3://{served['bucket']}/no/such.csv"})
    assert missing.status_code == 404
    assert session().get(f"{api}/findings/{'0' * 24}").status_code == 404
    assert session().get(f"{api}/findings", params={"next_token": "garbage"}).status_code == 400


# -- the OpenAPI document, fuzzed against the served API (schemathesis) ---------------------------------
schema = schemathesis.openapi.from_dict(json.loads(openapi_document()))


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_fuzzed_requests_never_get_a_server_error(case, served):
    case.call_and_validate(base_url=served["api"], session=session(), checks=[not_a_server_error])


def test_findings_list_show_review_from_a_terminal(served, capfd):
    api, key = served["api"], "cli/notes.txt"
    boto3.client("s3", endpoint_url=served["endpoint"], region_name=REGION).put_object(
        Bucket=served["bucket"], Key=key, Body=OTHER_IBAN.encode()
    )
    queued = session().post(f"{api}/scans", json={"s3_uri": f"s3://{served['bucket']}/{key}"}).json()
    assert wait_for_scan(api, queued["scan_id"])["status"] == "done"
    capfd.readouterr()

    assert main(["findings", "list", "--api", api, "--object", key, "--format", "jsonl"]) == 0
    (line,) = capfd.readouterr().out.splitlines()
    listed = json.loads(line)
    assert (listed["object"], listed["entity_type"], listed["review_status"]) == (key, "IBAN_CODE", "open")

    assert (
        main(["findings", "review", listed["finding_id"], "--api", api, "--status", "confirmed", "--note", "real"]) == 0
    )
    assert json.loads(capfd.readouterr().out)["audit_entry"]["actor"] == "arn:aws:iam::123456789012:user/testing"
    assert main(["findings", "show", listed["finding_id"], "--api", api, "--format", "json"]) == 0
    shown = json.loads(capfd.readouterr().out)
    assert [(a["from_status"], a["to_status"], a["note"]) for a in shown["audit"]] == [("open", "confirmed", "real")]
    assert shown["occurrences"] == []  # a single-value finding; column findings list sampled occurrences
    assert main(["findings", "show", listed["finding_id"], "--api", api]) == 0
    readable = capfd.readouterr().out.splitlines()
    assert readable[1] == "found     bank account (IBAN) (IBAN_CODE)"
    assert readable[6].startswith("status    confirmed (by arn:aws:iam::123456789012:user/testing at ")
    assert readable[-1].endswith("arn:aws:iam::123456789012:user/testing  open -> confirmed  \u201creal\u201d")
    assert main(["findings", "reveal", listed["finding_id"], "--api", api]) == 0
    revealed = capfd.readouterr()
    assert revealed.out == "0: Refund to [DE02120300000000202051] for order 5522.\n"
    assert "recorded in the audit trail" in revealed.err

    # a suppression for a confirmed finding is refused, with the reason, and exit 1
    assert (
        main(
            [
                "findings",
                "review",
                listed["finding_id"],
                "--api",
                api,
                "--status",
                "confirmed",
                "--suppress",
                "fingerprint",
            ]
        )
        == 1
    )
    assert "only a false positive can become a suppression rule" in capfd.readouterr().err
    # a pattern that matches nearly everything is refused before anything changes, with its code
    review = ["findings", "review", listed["finding_id"], "--api", api, "--status", "false_positive"]
    assert main([*review, "--suppress", "pattern", "--pattern", ".*", "--prefix", ""]) == 1
    assert "HTTP 400 (pattern_unanchored): suppress.pattern refused: every match must contain" in capfd.readouterr().err
    assert main(["findings", "show", "0" * 24, "--api", api]) == 1
