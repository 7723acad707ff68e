"""Reading uploads from S3 and writing the full findings list back as a results object."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from botocore.exceptions import ClientError

from privscan.ingest.events import ObjectRef
from privscan.store.spool import FindingSpool

SPOOL_IN_MEMORY = 8 * 1024**2  # bigger bodies go to /tmp


class ObjectGone(Exception):
    """The object (or this version of it) no longer exists: nothing to scan."""


class ObjectTooLarge(Exception):
    """An object over the size a whole-object read accepts; the message says its size only."""

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


def results_key(prefix: str, ref: ObjectRef, stored_key: str) -> str:
    """Where an object version's results go: under the key as the findings store stores it (a key holding
    personal data masked, engine/redact.py), never the key itself."""
    return f"{prefix}{ref.bucket}/{stored_key}/{ref.version_token}.jsonl"


def upload_results(s3, spool: FindingSpool, bucket: str, key: str) -> str:
    """Upload the spooled findings as one JSONL object (server-side encrypted)."""
    spool.file.seek(0)
    s3.upload_fileobj(
        spool.file, bucket, key, ExtraArgs={"ContentType": "application/x-ndjson", "ServerSideEncryption": "AES256"}
    )
    return f"s3://{bucket}/{key}"


MIN_COPIED_PART = 5 * 1024**2  # S3: every part of a multipart upload but the last is at least 5 MiB
MAX_BUFFERED_PART = 64 * 1024**2
COPY_THREADS = 16  # UploadPartCopy calls in flight: an object of 1,600 chunks is 1,600 copies


@dataclass(frozen=True)
class ByteRange:
    """Bytes [start, end) of an object in the same bucket."""

    key: str
    start: int
    end: int


def compose_object(s3, bucket: str, key: str, pieces: Iterable[ByteRange | bytes], content_type: str) -> None:
    """Write `key` as the concatenation of `pieces`, with a multipart upload.

    A range of at least 5 MiB is copied by S3 itself (UploadPartCopy, several at a time): its bytes never
    come here. Smaller pieces are gathered and uploaded together, topped up from the next range where a
    part would otherwise be too small, so memory stays under about 64 MiB whatever the size of the result.
    """
    upload = s3.create_multipart_upload(
        Bucket=bucket, Key=key, ContentType=content_type, ServerSideEncryption="AES256"
    )["UploadId"]
    parts: list = []  # per part number: its ETag, or the future of a copy
    buffer = bytearray()
    copies = ThreadPoolExecutor(COPY_THREADS, thread_name_prefix="part-copy")

    def upload_part(body: bytes) -> None:
        parts.append(
            s3.upload_part(Bucket=bucket, Key=key, UploadId=upload, PartNumber=len(parts) + 1, Body=body)["ETag"]
        )

    def copy_part(piece: ByteRange, start: int) -> None:
        def copy(number: int) -> str:
            return s3.upload_part_copy(
                Bucket=bucket,
                Key=key,
                UploadId=upload,
                PartNumber=number,
                CopySource={"Bucket": bucket, "Key": piece.key},
                CopySourceRange=f"bytes={start}-{piece.end - 1}",
            )["CopyPartResult"]["ETag"]

        parts.append(copies.submit(copy, len(parts) + 1))

    def flush() -> None:
        if buffer:
            upload_part(bytes(buffer))
            buffer.clear()

    def read(piece: ByteRange, start: int, end: int) -> bytes:
        return s3.get_object(Bucket=bucket, Key=piece.key, Range=f"bytes={start}-{end - 1}")["Body"].read()

    try:
        for piece in pieces:
            if isinstance(piece, bytes):
                buffer += piece
            else:
                start = piece.start
                if buffer and len(buffer) < MIN_COPIED_PART:  # top the small part up from this range
                    taken = min(piece.end, start + MIN_COPIED_PART - len(buffer))
                    buffer += read(piece, start, taken)
                    start = taken
                if piece.end - start >= MIN_COPIED_PART:
                    flush()
                    copy_part(piece, start)
                elif piece.end > start:
                    buffer += read(piece, start, piece.end)
            if len(buffer) >= MAX_BUFFERED_PART:
                flush()
        flush()
        if not parts:  # S3 needs one part at least
            upload_part(b"")
        etags = [part.result() if isinstance(part, Future) else part for part in parts]
        s3.complete_multipart_upload(
            Bucket=bucket,
            Key=key,
            UploadId=upload,
            MultipartUpload={"Parts": [{"PartNumber": number, "ETag": etag} for number, etag in enumerate(etags, 1)]},
        )
    except BaseException:
        copies.shutdown(wait=True, cancel_futures=True)
        s3.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload)
        raise
    finally:
        copies.shutdown(wait=True)


def read_text_if_changed(s3, bucket: str, key: str, etag: str | None) -> tuple[bool, str | None, str | None]:
    """(changed, text, ETag) of a small configuration object, read only when its ETag is no longer `etag`:
    a conditional GET, which S3 answers 304 Not Modified, without the body, while it is unchanged. A
    missing object reads as (True, None, None)."""
    params = {"Bucket": bucket, "Key": key, **({"IfNoneMatch": etag} if etag else {})}
    try:
        response = s3.get_object(**params)
    except s3.exceptions.NoSuchKey:
        return True, None, None
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"304", "NotModified"}:
            return False, None, etag
        raise
    return True, response["Body"].read().decode("utf-8"), response["ETag"]


class S3Source:
    """One S3 object version as a `privscan.ingest.chunked.source.ByteSource`: streams, byte ranges, a local copy."""

    def __init__(self, s3, bucket: str, key: str, version_id: str | None = None, size: int | None = None):
        self.s3, self.bucket, self.key, self.version_id, self._size = s3, bucket, key, version_id, size

    def _get(self, **extra) -> dict:
        params = {"Bucket": self.bucket, "Key": self.key, **extra}
        if self.version_id:
            params["VersionId"] = self.version_id
        return self.s3.get_object(**params)

    def size(self) -> int:
        """The object version's size in bytes (one HEAD request, remembered)."""
        if self._size is None:
            params = {"VersionId": self.version_id} if self.version_id else {}
            self._size = self.s3.head_object(Bucket=self.bucket, Key=self.key, **params)["ContentLength"]
        return self._size

    def open(self):
        """A streaming body of the whole object version."""
        return self._get()["Body"]

    def range(self, start: int, end: int):
        """A streaming body of the bytes [start, end) of the object version (empty when end <= start)."""
        if end <= start:
            return io.BytesIO(b"")
        return self._get(Range=f"bytes={start}-{end - 1}")["Body"]

    @contextmanager
    def seekable(self) -> Iterator[BinaryIO]:
        """The object version as a seekable file, spooled to memory and then to local disk, for readers that need
        to seek (Parquet, ZIP-based formats)."""
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
            for chunk in self._get()["Body"].iter_chunks(chunk_size=1024**2):
                spool.write(chunk)
            spool.seek(0)
            yield spool


def put_stream(s3, stream: BinaryIO, bucket: str, key: str, content_type: str = "application/octet-stream") -> None:
    """Upload a stream (multipart when large), server-side encrypted."""
    s3.upload_fileobj(stream, bucket, key, ExtraArgs={"ContentType": content_type, "ServerSideEncryption": "AES256"})
