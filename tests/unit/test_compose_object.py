"""compose_object: a results object assembled from byte ranges of chunk parts (server-side copies) and bytes."""

from __future__ import annotations

import random

import boto3
import pytest
from moto import mock_aws
from privscan.store.s3_objects import MIN_COPIED_PART, ByteRange, compose_object

BUCKET = "results"
MiB = 1024**2


class CountingS3:
    """The boto3 client, counting the part requests that compose_object makes."""

    def __init__(self, client):
        self._client, self.copied, self.uploaded = client, [], []

    def upload_part_copy(self, **kwargs):
        self.copied.append(kwargs["CopySourceRange"])
        return self._client.upload_part_copy(**kwargs)

    def upload_part(self, **kwargs):
        self.uploaded.append(len(kwargs["Body"]))
        return self._client.upload_part(**kwargs)

    def __getattr__(self, name):
        return getattr(self._client, name)


@pytest.fixture
def s3():
    with mock_aws():
        client = boto3.client("s3", region_name="eu-central-1")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
        yield CountingS3(client)


def put(s3, key: str, size: int, seed: int) -> bytes:
    body = random.Random(seed).randbytes(size)
    s3.put_object(Bucket=BUCKET, Key=key, Body=body)
    return body


def composed(s3, pieces) -> bytes:
    compose_object(s3, BUCKET, "out.jsonl", pieces, "application/x-ndjson")
    head = s3.head_object(Bucket=BUCKET, Key="out.jsonl")
    assert (head["ContentType"], head["ServerSideEncryption"]) == ("application/x-ndjson", "AES256")
    return s3.get_object(Bucket=BUCKET, Key="out.jsonl")["Body"].read()


def test_large_ranges_are_copied_by_s3_and_small_pieces_gathered_into_parts_of_5_mib(s3):
    big = put(s3, "parts/00000.jsonl", 7 * MiB, seed=1)
    small = put(s3, "parts/00001.jsonl", 1000, seed=2)
    other = put(s3, "parts/00002.jsonl", 12 * MiB, seed=3)
    pieces = [
        ByteRange("parts/00000.jsonl", 10, 7 * MiB),
        ByteRange("parts/00001.jsonl", 5, 1000),
        ByteRange("parts/00002.jsonl", 7, 12 * MiB),
        b"closing findings\n",
    ]
    assert composed(s3, pieces) == big[10:] + small[5:] + other[7:] + b"closing findings\n"
    # part 1 copied whole; the small range and the start of the third make part 2 (5 MiB exactly);
    # the rest of the third is copied; the closing bytes are the last, small part
    top_up = MIN_COPIED_PART - 995
    assert sorted(s3.copied) == sorted([f"bytes=10-{7 * MiB - 1}", f"bytes={7 + top_up}-{12 * MiB - 1}"])
    assert s3.uploaded == [MIN_COPIED_PART, len(b"closing findings\n")]


def test_small_pieces_only_make_one_uploaded_part(s3):
    first = put(s3, "a", 300, seed=4)
    second = put(s3, "b", 200, seed=5)
    assert (
        composed(s3, [ByteRange("a", 0, 300), ByteRange("b", 100, 200), b"tail\n"]) == first + second[100:] + b"tail\n"
    )
    assert (s3.copied, s3.uploaded) == ([], [300 + 100 + 5])


def test_empty_ranges_are_skipped_and_nothing_at_all_still_makes_an_object(s3):
    put(s3, "a", 10, seed=6)
    assert composed(s3, [ByteRange("a", 10, 10), b""]) == b""


def test_a_failure_aborts_the_upload_and_leaves_no_parts_behind(s3):
    put(s3, "a", 6 * MiB, seed=7)
    with pytest.raises(s3.exceptions.ClientError):
        compose_object(s3, BUCKET, "out.jsonl", [ByteRange("a", 0, 6 * MiB), ByteRange("missing", 0, 10)], "x")
    assert "Uploads" not in s3.list_multipart_uploads(Bucket=BUCKET)
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET, Prefix="out")
