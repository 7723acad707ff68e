"""Reading uploads from S3 and writing the full findings list back as a results object."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from privscan.events import ObjectRef
from privscan.spool import FindingSpool

SPOOL_IN_MEMORY = 8 * 1024**2  # bigger bodies go to /tmp


class ObjectGone(Exception):
    """The object (or this version of it) no longer exists: nothing to scan."""


class ObjectTooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(f"object is {size} bytes")
        self.size = size


@contextmanager
def download(s3, ref: ObjectRef, max_bytes: int) -> Iterator[BinaryIO]:
    """Yield a seekable local copy of the object version.

    The body is spooled (memory, then /tmp) rather than read whole, so memory stays
    bounded; a seekable copy also serves Parquet, whose footer is at the end. An object
    over `max_bytes` raises ObjectTooLarge before any of its body is read.
    """
    params = {"Bucket": ref.bucket, "Key": ref.key}
    if ref.version_id:
        params["VersionId"] = ref.version_id
    try:
        response = s3.get_object(**params)
    except s3.exceptions.NoSuchKey as error:
        raise ObjectGone("object no longer exists") from error
    except s3.exceptions.ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"NoSuchVersion", "404", "NoSuchKey"}:
            raise ObjectGone("object version no longer exists") from error
        raise
    if response["ContentLength"] > max_bytes:
        response["Body"].close()
        raise ObjectTooLarge(response["ContentLength"])
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        for chunk in response["Body"].iter_chunks(chunk_size=1024**2):
            spool.write(chunk)
        spool.seek(0)
        yield spool


def results_key(prefix: str, ref: ObjectRef) -> str:
    return f"{prefix}{ref.bucket}/{ref.key}/{ref.version_token}.jsonl"


def upload_results(s3, spool: FindingSpool, bucket: str, key: str) -> str:
    """Upload the spooled findings as one JSONL object (server-side encrypted)."""
    spool.file.seek(0)
    s3.upload_fileobj(
        spool.file, bucket, key, ExtraArgs={"ContentType": "application/x-ndjson", "ServerSideEncryption": "AES256"}
    )
    return f"s3://{bucket}/{key}"


def read_text_if_exists(s3, bucket: str, key: str) -> str | None:
    """A small configuration object, or None when it does not exist."""
    try:
        return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    except s3.exceptions.NoSuchKey:
        return None


class S3Source:
    """One S3 object version as a `privscan.chunked.source.ByteSource`: streams, byte ranges, a local copy."""

    def __init__(self, s3, bucket: str, key: str, version_id: str | None = None, size: int | None = None):
        self.s3, self.bucket, self.key, self.version_id, self._size = s3, bucket, key, version_id, size

    def _get(self, **extra) -> dict:
        params = {"Bucket": self.bucket, "Key": self.key, **extra}
        if self.version_id:
            params["VersionId"] = self.version_id
        return self.s3.get_object(**params)

    def size(self) -> int:
        if self._size is None:
            params = {"VersionId": self.version_id} if self.version_id else {}
            self._size = self.s3.head_object(Bucket=self.bucket, Key=self.key, **params)["ContentLength"]
        return self._size

    def open(self):
        return self._get()["Body"]

    def range(self, start: int, end: int):
        if end <= start:
            return io.BytesIO(b"")
        return self._get(Range=f"bytes={start}-{end - 1}")["Body"]

    @contextmanager
    def seekable(self) -> Iterator[BinaryIO]:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
            for chunk in self._get()["Body"].iter_chunks(chunk_size=1024**2):
                spool.write(chunk)
            spool.seek(0)
            yield spool


def put_stream(s3, stream: BinaryIO, bucket: str, key: str, content_type: str = "application/octet-stream") -> None:
    """Upload a stream (multipart when large), server-side encrypted."""
    s3.upload_fileobj(stream, bucket, key, ExtraArgs={"ContentType": content_type, "ServerSideEncryption": "AES256"})
