"""Reveal on demand: the text around one finding, re-read from its object at the moment it is asked for.

A masked preview (``D***``) is often too little to judge a false positive by. An authorised reviewer may
ask for the surrounding text of one finding, as Macie's sensitive-data samples do. privscan never stores
what it reads: the excerpt is read again from S3 (the scanned version: its version id, or its ETag as an
If-Match on an unversioned bucket), returned in the answer and forgotten. Asking is itself an audit entry
(who, when, how many excerpts; never their text), so every look at personal data is accounted for.

Bounded like a scan: the object is streamed with the scan's read limits and the search stops at the last
record it needs or after REVEAL_TIME_LIMIT_S. A column finding reveals its sampled occurrences (at most
MAX_EXCERPTS). An object whose key holds personal data is stored under a masked key; the reviewer then
gives the key, which must render to the stored one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from privscan.engine.redact import MaskingPolicy
from privscan.engine.scanner import Scanner
from privscan.readers import open_object
from privscan.readers.base import Cell, ReadError, ReadLimits
from privscan.store.findings_store import FindingsStore
from privscan.vocabulary import ReviewStatus

CONTEXT_CHARS = 80  # characters shown on each side of a span
MAX_VALUE_CHARS = 400  # a whole value longer than this is cut around its middle
MAX_EXCERPTS = 5
REVEAL_TIME_LIMIT_S = 20.0


class RevealRefused(Exception):
    """The excerpt cannot be given: an HTTP `status` and a content-free `reason`."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(frozen=True)
class Target:
    """One place to reveal: a record, a rendered field and, inside the value, the finding's span."""

    record: int | None
    field: str | None
    start: int | None
    end: int | None


@dataclass
class Revealer:
    """Re-reads a finding's object for its excerpts and records the reveal in the audit trail."""

    s3: Any
    store: FindingsStore
    scanner: Scanner
    fingerprinter: Any
    limits: ReadLimits | None = None

    def reveal(self, finding: dict, actor: str, at: str, key: str | None = None) -> tuple[list[dict], dict]:
        """The excerpts of `finding` and the audit entry that records the reveal (already stored)."""
        object_key = self._object_key(finding, key)
        targets = targets_of(finding)
        if not targets:
            raise RevealRefused(409, "this finding has no located value to reveal (a rule or coverage finding)")
        body = self._open(finding, object_key)
        try:
            excerpts = self._excerpts(object_key, body, targets)
        finally:
            body.close()
        entry = {
            "at": at,
            "actor": actor,
            "from_status": finding.get("review_status", ReviewStatus.OPEN),
            "to_status": finding.get("review_status", ReviewStatus.OPEN),
            "note": "",
            "reveal": {"excerpts": len(excerpts)},
        }
        return excerpts, self.store.record_audit(finding, entry)

    def _object_key(self, finding: dict, key: str | None) -> str:
        if key is None:
            return finding["key"]
        if self.store.stored_key(key) != finding["key"]:
            raise RevealRefused(400, "the key given is not this finding's object")
        return key

    def _open(self, finding: dict, key: str):
        """The scanned version's body: by version id, or by ETag (If-Match) on an unversioned bucket."""
        version = str(finding.get("version") or "")
        request = {"Bucket": finding["bucket"], "Key": key}
        if version and version != "null":
            request |= {"IfMatch": version} if _is_etag(version) else {"VersionId": version}
        try:
            return self.s3.get_object(**request)["Body"]
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in ("PreconditionFailed", "412"):
                raise RevealRefused(409, "the object has changed since it was scanned") from None
            if code in ("NoSuchKey", "NoSuchVersion", "404", "AccessDenied", "403"):
                raise RevealRefused(
                    404, "the scanned version is gone, or its key holds personal data: give the object's key"
                ) from None
            raise

    def _excerpts(self, key: str, body, targets: list[Target]) -> list[dict]:
        """Stream the object's cells and cut an excerpt from each cell a target points at."""
        policy = MaskingPolicy(self.fingerprinter, self.scanner.names)
        deadline = time.monotonic() + REVEAL_TIME_LIMIT_S
        last_record = max((t.record for t in targets if t.record is not None), default=None)
        wanted = {(t.record, t.field): t for t in targets}
        excerpts: list[dict] = []
        try:
            reader = open_object(key, body, self.limits)
            for cell in reader.cells():
                if time.monotonic() > deadline:
                    break
                if last_record is not None and cell.record is not None and cell.record > last_record:
                    break
                target = wanted.get((cell.record, policy.field(cell.field, reader.tabular)))
                if target is not None:
                    excerpts.append(excerpt(cell, target))
                    del wanted[(target.record, target.field)]
                    if not wanted:
                        break
        except ReadError as error:
            raise RevealRefused(409, f"the object cannot be read again ({error.code})") from None
        return excerpts


def targets_of(finding: dict) -> list[Target]:
    """Where a finding's values sit: its own record and span, or a column finding's sampled occurrences."""
    if finding.get("entity_type") is None:
        return []
    if finding.get("record") is not None or finding.get("start") is not None:
        return [Target(finding.get("record"), finding.get("field"), finding.get("start"), finding.get("end"))]
    occurrences = finding.get("occurrences") or []
    return [
        Target(o.get("record"), finding.get("field"), o.get("start"), o.get("end")) for o in occurrences[:MAX_EXCERPTS]
    ]


def excerpt(cell: Cell, target: Target) -> dict:
    """The text around the target's span (CONTEXT_CHARS each side), or the value itself when the finding is
    the whole value; `highlight` gives the span's offsets inside `text`."""
    text = cell.text
    start, end = target.start, target.end
    if start is None or end is None or not 0 <= start <= end <= len(text):
        start, end = 0, len(text)
    left = max(0, start - CONTEXT_CHARS) if end - start < MAX_VALUE_CHARS else start
    right = min(len(text), end + CONTEXT_CHARS) if end - start < MAX_VALUE_CHARS else min(end, start + MAX_VALUE_CHARS)
    return {
        "record": cell.record,
        "field": target.field,
        "text": text[left:right],
        "highlight": [start - left, min(end, right) - left],
        "cut_before": left > 0,
        "cut_after": right < len(text),
    }


def _is_etag(version: str) -> bool:
    """An S3 ETag (MD5 hex, or hex-N of a multipart upload), as unversioned objects are identified."""
    bare = version.strip('"')
    head, _, parts = bare.partition("-")
    return len(head) == 32 and all(c in "0123456789abcdef" for c in head.lower()) and (not parts or parts.isdigit())
