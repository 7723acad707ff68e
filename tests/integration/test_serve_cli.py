"""`privscan serve` + an upload with boto3 + `privscan findings list` == `privscan scan` on the same file."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import boto3
import pytest
from privscan_tools.local.stack import REGION

from tests.integration.conftest import serving

CSV = (
    "name,email,iban,notes,consent\n"
    "Anna Schneider,anna.schneider@example.com,DE89370400440532013000,Call +49 151 23456789 after six,no\n"
    "Lukas Weber,lukas.weber@example.org,DE02120300000000202051,Prefers e-mail,yes\n"
)


def privscan(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "privscan_tools.cli", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


@pytest.fixture
def served():
    with serving() as banner:
        yield banner


def contract_without_object(lines: str) -> list[dict]:
    return [{k: v for k, v in json.loads(line).items() if k != "object"} for line in lines.splitlines() if line]


def test_uploaded_file_findings_match_a_local_scan(served, tmp_path):
    assert set(served) == {
        "endpoint",
        "bucket",
        "findings_table",
        "api",
        "console",
        "console_user",
        "console_password",
        "console_viewer",
        "console_viewer_password",
    }
    assert served["console"] == f"{served['api']}/console"
    assert served["console_password"] != served["console_viewer_password"]
    key = "datasets/crm/customers 2026.csv"
    s3 = boto3.client("s3", endpoint_url=served["endpoint"], region_name=REGION)
    s3.put_object(Bucket=served["bucket"], Key=key, Body=CSV.encode())

    table = boto3.resource("dynamodb", endpoint_url=served["endpoint"], region_name=REGION).Table(
        served["findings_table"]
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        summary = table.get_item(Key={"pk": f"OBJ#{served['bucket']}#{key}", "sk": "SUMMARY"}).get("Item")
        if summary and summary.get("status") == "done":  # a first scan writing holds only its sequence
            break
        time.sleep(0.5)
    assert summary and summary["status"] == "done"

    listed = privscan("findings", "list", "--endpoint", served["endpoint"], "--object", key, "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    local_file = tmp_path / "customers 2026.csv"
    local_file.write_text(CSV)
    scanned = privscan("scan", str(local_file), "--format", "jsonl")
    assert scanned.returncode == 1  # IBANs are high severity: the default --fail-on high fails
    assert [json.loads(line)["object"] for line in listed.stdout.splitlines()] == [key] * len(
        listed.stdout.splitlines()
    )
    remote, local = contract_without_object(listed.stdout), contract_without_object(scanned.stdout)
    assert remote == local
    assert {f["entity_type"] for f in local} >= {"EMAIL_ADDRESS", "IBAN_CODE", "PERSON", "PHONE_NUMBER"}


def no_aws_configuration(home) -> dict:
    """This process's environment without any AWS credentials, region, profile or config file."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    missing = str(home / "no-such-file")
    return {**env, "HOME": str(home), "AWS_CONFIG_FILE": missing, "AWS_SHARED_CREDENTIALS_FILE": missing}


def test_local_stack_commands_need_no_aws_configuration(served, tmp_path):
    env = no_aws_configuration(tmp_path)
    listed = privscan("findings", "list", "--endpoint", served["endpoint"], "--format", "jsonl", env=env)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    reported = privscan(
        "report", "--endpoint", served["endpoint"], "--dataset", "datasets/", "--out", str(tmp_path / "r"), env=env
    )
    assert reported.returncode == 0, reported.stderr
    assert (tmp_path / "r" / "governance.json").is_file()
    backfilled = privscan("backfill", "--endpoint", served["endpoint"], "--prefix", "datasets/", env=env)
    assert backfilled.returncode == 0, backfilled.stderr
    assert json.loads(backfilled.stdout.splitlines()[-1])["listed"] == 0
