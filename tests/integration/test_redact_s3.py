"""`privscan redact s3://bucket/prefix -o s3://other/prefix` on moto: each object copied de-identified under the
destination, a key segment holding personal data redacted, an object that cannot be copied listed as skipped,
and the manifest beside the copies."""

import json

import boto3
import pytest
from moto import mock_aws
from privscan_tools.cli import main

REGION = "eu-central-1"


@pytest.fixture
def buckets(monkeypatch):
    monkeypatch.setenv("PRIVSCAN_WORKERS", "1")
    monkeypatch.setenv("PRIVSCAN_FINGERPRINT_KEY", "s3-redaction-test-key-" + "0" * 20)
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        for name in ("uploads", "clean"):
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        s3.put_object(Bucket="uploads", Key="crm/notes.txt", Body=b"Call anna.roe@example.com back.\n")
        s3.put_object(
            Bucket="uploads", Key="crm/anna.roe@example.com/orders.jsonl", Body=b'{"iban": "DE89370400440532013000"}\n'
        )
        s3.put_object(Bucket="uploads", Key="crm/logo.png", Body=b"\x89PNG\r\n\x1a\n" + bytes(64))
        s3.put_object(Bucket="uploads", Key="other/x.txt", Body=b"anna.roe@example.com\n")
        yield s3


def test_a_prefix_is_copied_de_identified_with_its_manifest(buckets, capfd):
    s3 = buckets
    assert main(["redact", "s3://uploads/crm/", "-o", "s3://clean/copy"]) == 0
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="clean")["Contents"])
    assert keys == ["copy/****.***@*******.***/orders.jsonl", "copy/notes.txt", "copy/redaction-manifest.json"]
    notes = s3.get_object(Bucket="clean", Key="copy/notes.txt")["Body"].read()
    assert notes == b"Call ****.***@*******.*** back.\n"
    orders = s3.get_object(Bucket="clean", Key="copy/****.***@*******.***/orders.jsonl")["Body"].read()
    assert json.loads(orders) == {"iban": "*" * 22}
    manifest = json.loads(s3.get_object(Bucket="clean", Key="copy/redaction-manifest.json")["Body"].read())
    assert (manifest["objects_redacted"], manifest["objects_skipped"]) == (2, 1)
    assert manifest["by_entity"] == {"EMAIL_ADDRESS": 1, "IBAN_CODE": 1}
    skipped = next(o for o in manifest["objects"] if o["status"] == "skipped")
    assert (skipped["object"], skipped["outcome"], skipped["output"]) == ("crm/logo.png", "binary", None)
    text = json.dumps(manifest) + capfd.readouterr().err
    assert "anna.roe" not in text and "DE89370400440532013000" not in text


def test_the_destination_may_not_be_inside_the_source(buckets, capfd):
    assert main(["redact", "s3://uploads/crm/", "-o", "s3://uploads/crm/clean"]) == 2
    assert "may not be inside the input prefix" in capfd.readouterr().err
    assert main(["redact", "s3://uploads/crm/", "-o", "local-dir"]) == 2  # an s3:// input needs an s3:// output
