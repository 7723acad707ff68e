"""Request and response bodies of the API (pydantic): they validate requests and make the OpenAPI document."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator
from pydantic_core import PydanticCustomError

from privscan.review.policy import Policy, SeverityName, Verdict
from privscan.review.workflow import ReviewStatusName
from privscan.vocabulary import RedactOperator

S3_URI = r"^s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]/.+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FileBody(Strict):
    name: str = Field(
        min_length=1, max_length=1024, description="file name; its extension decides the format (.csv, .jsonl, .gz ...)"
    )
    content_base64: str = Field(description="the file's bytes, base64-encoded")

    def content(self) -> bytes:
        try:
            return base64.b64decode(self.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("file.content_base64 is not valid base64") from None


class ScanRequest(Strict):
    """Exactly one of text, records, file (scanned now) or s3_uri (queued)."""

    text: str | None = Field(None, description="plain text, one record per line")
    records: list[dict[str, Any]] | None = Field(None, description="JSON records, scanned as JSONL")
    file: FileBody | None = None
    s3_uri: str | None = Field(
        None, pattern=S3_URI, description="an object of the upload bucket, scanned asynchronously"
    )
    object: str | None = Field(
        None,
        min_length=1,
        max_length=1024,
        description="the key this body is judged as, for the allow list; default: the file name",
    )
    policy: Policy = Field(default_factory=Policy)

    @model_validator(mode="after")
    def _exactly_one_source(self) -> ScanRequest:
        given = [name for name in ("text", "records", "file", "s3_uri") if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError("one_source", "give exactly one of text, records, file or s3_uri")
        return self

    def named_body(self) -> tuple[str, bytes]:
        """(file name for format detection, bytes) of a synchronous request."""
        return named_body(self.text, self.records, self.file)


def named_body(text: str | None, records: list[dict] | None, file: FileBody | None) -> tuple[str, bytes]:
    """(file name for format detection, bytes) of a body sent as text, records or a file."""
    if file is not None:
        return file.name, file.content()
    if records is not None:
        return "records.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    return "text.txt", text.encode("utf-8")


class RedactionRequest(Strict):
    """Exactly one of text, records or file, copied now with the personal data in it replaced."""

    text: str | None = Field(None, description="plain text, one record per line")
    records: list[dict[str, Any]] | None = Field(None, description="JSON records, redacted as JSONL")
    file: FileBody | None = None
    object: str | None = Field(
        None,
        min_length=1,
        max_length=1024,
        description="the key this body is judged as, for the allow list; default: the file name",
    )
    default: RedactOperator = Field(RedactOperator.MASK, description="operator of every type not in `operators`")
    operators: dict[str, RedactOperator] = Field(
        default_factory=dict, description='operator by entity type, e.g. {"EMAIL_ADDRESS": "hash"}'
    )

    @model_validator(mode="after")
    def _exactly_one_source(self) -> RedactionRequest:
        given = [name for name in ("text", "records", "file") if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError("one_source", "give exactly one of text, records or file")
        return self

    def named_body(self) -> tuple[str, bytes]:
        """(file name for format detection, bytes)."""
        return named_body(self.text, self.records, self.file)


class RedactionResult(BaseModel):
    """The copy, in the form it was sent (text, records or file), and its manifest entry (no value)."""

    text: str | None = None
    records: list[dict[str, Any]] | None = None
    file: FileBody | None = None
    manifest: dict[str, Any]


class ExaminationRequest(Strict):
    """Exactly one of text, records or file, examined now (AI Act training-set examination, docs/examine.md)."""

    text: str | None = Field(None, description="plain text, one record per line")
    records: list[dict[str, Any]] | None = Field(None, description="JSON records, examined as JSONL")
    file: FileBody | None = None
    label: str | None = Field(
        None, min_length=1, max_length=256, description="the label (outcome) column; detected when absent"
    )

    @model_validator(mode="after")
    def _exactly_one_source(self) -> ExaminationRequest:
        given = [name for name in ("text", "records", "file") if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError("one_source", "give exactly one of text, records or file")
        return self

    def named_body(self) -> tuple[str, bytes]:
        """(file name for format detection, bytes)."""
        if self.file is not None:
            return self.file.name, self.file.content()
        if self.records is not None:
            return "records.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records).encode()
        return "text.txt", self.text.encode("utf-8")


class ContractFinding(BaseModel):
    """One finding, as `privscan scan --format jsonl` prints it."""

    object: str
    record: int | None
    field: str | None
    start: int | None
    end: int | None
    entity_type: str | None
    score: float
    severity: SeverityName
    rule_ids: list[str]
    preview: str
    role: str | None = None
    count: int | None = None
    where: str | None = Field(
        None, description="personal data in a name, not a value: column_name, json_key or object_key (shown masked)"
    )

    @model_serializer(mode="wrap")
    def _as_the_cli_prints(self, serialize: SerializerFunctionWrapHandler):  # unannotated: the schema stays the model's
        """role, count and where only where they apply, exactly as Finding.contract() writes them."""
        data = serialize(self)
        return {k: v for k, v in data.items() if k not in ("role", "count", "where") or v is not None}


class ScanResult(BaseModel):
    """Scanned now: the verdict against the policy, and the findings."""

    verdict: Verdict
    policy: Policy
    summary: dict[str, Any]
    findings: list[ContractFinding]


class ScanState(BaseModel):
    """A queued scan of an uploaded object: GET /scans/{scan_id} follows it."""

    scan_id: str
    s3_uri: str
    version: str
    status: str = Field(description="queued, scanning, done, unsupported, rejected, failed, superseded or deleted")
    reason: str | None = None
    summary: dict[str, Any] | None = Field(None, description="counts by severity, entity and rule, when done")


class ReviewedFinding(ContractFinding):
    finding_id: str
    bucket: str
    key: str
    version: str
    review_status: ReviewStatusName
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    review_note: str | None = None
    object_deleted: bool = False


class Occurrence(BaseModel):
    record: int | None
    start: int
    end: int
    preview: str


class AuditEntry(BaseModel):
    finding_id: str
    at: str
    actor: str
    from_status: ReviewStatusName
    to_status: ReviewStatusName
    note: str = ""
    suppression: dict[str, Any] | None = None
    reveal: dict[str, Any] | None = Field(None, description="a reveal: how many excerpts were shown (never their text)")


class RevealRequest(BaseModel):
    """Optional: the object's key, for an object whose key holds personal data (stored masked)."""

    model_config = ConfigDict(extra="forbid")

    key: str | None = Field(None, max_length=1024, description="the object's key; it must render to the stored key")


class Excerpt(BaseModel):
    record: int | None
    field: str | None
    text: str = Field(description="the text around the value, read from the object now; never stored")
    highlight: list[int] = Field(description="start and end of the value inside `text`")
    cut_before: bool
    cut_after: bool


class RevealResult(BaseModel):
    finding_id: str
    excerpts: list[Excerpt]
    audit_entry: AuditEntry


class FindingPage(BaseModel):
    findings: list[ReviewedFinding]
    next_token: str | None = Field(None, description="pass as next_token for the next page; absent on the last")


class FindingDetail(BaseModel):
    finding: ReviewedFinding
    occurrences: list[Occurrence]
    audit: list[AuditEntry]


class ReviewResult(BaseModel):
    finding: ReviewedFinding
    audit_entry: AuditEntry | None = Field(None, description="the entry appended; null when nothing changed")


class ErrorBody(BaseModel):
    """An error: its HTTP status and a message that says what to change."""

    statusCode: int  # the name Powertools' own errors use
    message: str
    errors: list[dict[str, Any]] | None = None
    outcome: str | None = None


REVIEW_FIELDS = (
    "finding_id",
    "bucket",
    "key",
    "version",
    "review_status",
    "reviewed_by",
    "reviewed_at",
    "review_note",
    "object_deleted",
)
AUDIT_FIELDS = tuple(AuditEntry.model_fields)
