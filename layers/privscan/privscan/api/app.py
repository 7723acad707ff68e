"""The API's routes: a Powertools resolver for API Gateway HTTP APIs (payload 2.0), IAM-authorised.

Request bodies and parameters are validated from the models (422 naming the schema's fields at
fault and the error types, never a key or a value that was sent; 400 for a body that is not
JSON); the caller's identity comes from API Gateway's IAM authorizer context, never from the
body. Nothing here logs or answers a body, a value or an exception's message: an unexpected
failure is logged as its type and code locations and answered with a bare 500.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from typing import Annotated

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.depends import Depends
from aws_lambda_powertools.event_handler.exceptions import ForbiddenError, NotFoundError, ServiceError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestUnsupportedContentType, RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query

from privscan import __version__
from privscan.api.errors import (
    declared_names,
    error,
    handle_common_errors,
    internal_error,
    invalid_request_answer,
)
from privscan.api.models import (
    AUDIT_FIELDS,
    REVIEW_FIELDS,
    ErrorBody,
    ExaminationRequest,
    FindingDetail,
    FindingPage,
    RedactionRequest,
    RedactionResult,
    RevealRequest,
    RevealResult,
    ReviewResult,
    ScanRequest,
    ScanResult,
    ScanState,
)
from privscan.api.principals import is_one_of
from privscan.api.scans import ScanApi, ScanRefused
from privscan.redaction.operators import Redactor
from privscan.review.policy import SeverityName
from privscan.review.reveal import Revealer
from privscan.review.workflow import (
    FindingNotFound,
    ReviewChange,
    ReviewRejected,
    ReviewService,
    ReviewStatusName,
    now_precise,
)
from privscan.store.allow_list import AllowListBusy
from privscan.store.findings_store import ReviewConflict, finding_from_item

FINDING_ID = r"^[0-9a-f]{24}$"
MAX_PAGE = 200


@dataclass
class ApiServices:
    scans: ScanApi
    review: ReviewService
    reviewers: tuple[str, ...] = ()  # ARNs that may review (api/principals.py); empty: nobody
    revealer: Revealer | None = None  # re-reads a finding's object for a reviewer's excerpt

    @property
    def bucket(self) -> str:
        return self.scans.settings.upload_bucket


def services() -> ApiServices:
    """The process's services, built from the function's settings on first use (tests override this)."""
    from privscan.api.settings import get_api_settings
    from privscan.wiring import get_api_services

    return get_api_services(get_api_settings())


def caller() -> str:
    """The IAM ARN that signed the request, from API Gateway's IAM authorizer context."""
    authorizer = app.current_event.raw_event.get("requestContext", {}).get("authorizer") or {}
    arn = (authorizer.get("iam") or {}).get("userArn")
    if not arn:
        raise ForbiddenError("the request carries no IAM identity")
    return arn


Services = Annotated[ApiServices, Depends(services)]
Caller = Annotated[str, Depends(caller)]


def reviewer(api: Services, actor: Caller) -> str:
    """The caller, when it is one of the configured reviewers. Anyone else gets a 403 that says nothing of
    the finding (not even whether it exists) nor of the caller: only reviewers change a status or the allow list."""
    if not is_one_of(actor, api.reviewers):
        raise ForbiddenError("Forbidden")
    return actor


Reviewer = Annotated[str, Depends(reviewer)]

app = APIGatewayHttpResolver(enable_validation=True)
handle_common_errors(app)
app.configure_openapi(
    title="privscan API",
    version=__version__,
    description="Scan text, records and files for personal data (GDPR, EU AI Act) and review the findings. "
    "Every request is signed with AWS SigV4 (service execute-api).",
    security_schemes={
        "sigv4": APIKey(
            name="Authorization", in_=APIKeyIn.header, description="AWS Signature Version 4 (service execute-api)"
        )
    },
    security=[{"sigv4": []}],
)


@app.exception_handler(RequestValidationError)
def invalid_request(exc: RequestValidationError) -> Response:
    """400 for a body that is not JSON; 422 naming the schema's fields and error types (api/errors.py), never
    an unknown key or a value that was sent."""
    problems = exc.errors()
    if any(p["type"] == "json_invalid" for p in problems):
        return error(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
    return invalid_request_answer(problems, schema_names(), "suppress.pattern")


@cache
def schema_names() -> frozenset[str]:
    return declared_names(app.get_openapi_schema().model_dump(by_alias=True, exclude_none=True))


@app.exception_handler(ValueError)
def unreadable_body(exc: ValueError) -> Response:
    """Powertools raises ValueError for bodies it cannot parse as their content type says (a multipart body
    without a boundary): the API takes JSON only, so that is the caller's 415; a body that is not UTF-8 is
    not JSON (400). Any other ValueError is a bug."""
    if isinstance(exc, UnicodeDecodeError):
        return error(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
    content_type = app.current_event.headers.get("content-type", "")
    if not content_type or content_type.startswith("application/json"):
        return internal_error(exc)
    return not_json(exc)


@app.exception_handler(RequestUnsupportedContentType)
def not_json(_: Exception) -> Response:
    return error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json")


@app.exception_handler(ScanRefused)
def refused(exc: ScanRefused) -> Response:
    return error(exc.status, exc.reason, outcome=exc.outcome)


@app.exception_handler(ReviewRejected)
def review_rejected(exc: ReviewRejected) -> Response:
    return error(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc))


@app.exception_handler(ReviewConflict)
def review_conflict(_: ReviewConflict) -> Response:
    return error(HTTPStatus.CONFLICT, "the finding was reviewed by someone else meanwhile; read it again")


@app.exception_handler(AllowListBusy)
def allow_list_busy(_: AllowListBusy) -> Response:
    return error(HTTPStatus.SERVICE_UNAVAILABLE, "the allow list is being changed by others; retry")


ERRORS = {
    400: "not JSON, a bad next_token, or a suppression pattern refused (its code in `outcome`)",
    415: "a body that is not application/json",
    403: "unsigned, or no IAM identity",
    404: "no such item",
    409: "reviewed by someone else meanwhile",
    413: "too large for a synchronous scan",
    422: "invalid request, or content that cannot be scanned",
    503: "the allow list is busy; retry",
}


def _responses(*codes: int, ok: str, **models) -> dict:
    """OpenAPI responses: 200 is the route's return model unless `models` names others (s200=Model, s202=...)."""

    def json_of(model: type) -> dict:
        return {"application/json": {"model": model}}

    responses = {200: {"description": ok}}
    for name, model in models.items():
        responses[int(name.removeprefix("s"))] = {
            "description": model.__doc__.strip().splitlines()[0],
            "content": json_of(model),
        }
    return responses | {code: {"description": ERRORS[code], "content": json_of(ErrorBody)} for code in codes}


# -- scans ------------------------------------------------------------------------------------
@app.post(
    "/scans",
    summary="Scan text, records or a small file now, or queue an uploaded object",
    responses=_responses(400, 403, 404, 413, 422, ok="scanned", s200=ScanResult, s202=ScanState),
)
def post_scan(request: ScanRequest, api: Services, actor: Caller) -> ScanResult | ScanState:
    if request.s3_uri:
        bucket, key = request.s3_uri.removeprefix("s3://").split("/", 1)
        return Response(
            status_code=HTTPStatus.ACCEPTED,
            content_type=content_types.APPLICATION_JSON,
            body=api.scans.enqueue(bucket, key, actor),
        )
    try:
        name, body = request.named_body()
    except ValueError as bad:
        raise ScanRefused(HTTPStatus.UNPROCESSABLE_ENTITY, "malformed", str(bad)) from None
    return api.scans.scan_now(request.object or name, body, request.policy, file_name=name)


@app.post(
    "/redactions",
    summary="A de-identified copy of text, records or a small file, with its manifest",
    responses=_responses(400, 403, 413, 422, ok="redacted", s200=RedactionResult),
)
def post_redaction(request: RedactionRequest, api: Services, actor: Caller) -> RedactionResult:
    try:
        name, body = request.named_body()
    except ValueError as bad:
        raise ScanRefused(HTTPStatus.UNPROCESSABLE_ENTITY, "malformed", str(bad)) from None
    operators = {entity.upper(): operator for entity, operator in request.operators.items()}
    redactor = Redactor(api.scans.fingerprinter, operators, request.default)
    copy, manifest = api.scans.redact_now(request.object or name, body, redactor, file_name=name)
    if request.text is not None:
        return {"text": copy.decode("utf-8"), "manifest": manifest}
    if request.records is not None:
        return {"records": [json.loads(line) for line in copy.decode("utf-8").split("\n") if line.strip()],
                "manifest": manifest}  # fmt: skip
    return {
        "file": {"name": request.file.name, "content_base64": base64.b64encode(copy).decode()},
        "manifest": manifest,
    }


@app.post(
    "/examinations",
    summary="Examine text, records or a small file for the AI Act: bias, safeguards, training summary, duplicates",
    responses=_responses(400, 403, 413, 422, ok="the examination (docs/examine.md)"),
)
def post_examination(request: ExaminationRequest, api: Services) -> dict:
    try:
        name, body = request.named_body()
    except ValueError as bad:
        raise ScanRefused(HTTPStatus.UNPROCESSABLE_ENTITY, "malformed", str(bad)) from None
    return api.scans.examine_now(body, request.label, name)


@app.get(
    "/scans/<scan_id>",
    summary="Status of a queued scan; its summary when done",
    responses=_responses(403, 404, 422, ok="the scan"),
)
def get_scan(scan_id: Annotated[str, Path(pattern=FINDING_ID)], api: Services) -> ScanState:
    state = api.scans.status(scan_id)
    if state is None:
        raise NotFoundError("no such scan")
    return state


# -- findings and their review ----------------------------------------------------------------
def _view(item: dict) -> dict:
    return {**finding_from_item(item).contract(), **{name: item.get(name) for name in REVIEW_FIELDS if name in item}}


def _audit_view(entry: dict) -> dict:
    return {name: entry[name] for name in AUDIT_FIELDS if name in entry}


def _token(position: tuple[str, str] | None) -> str | None:
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode() if position else None


def _position(token: str | None, prefix: str) -> tuple[str, str] | None:
    if not token:
        return None
    try:
        key, sk = json.loads(base64.urlsafe_b64decode(token.encode()))
        if not (isinstance(key, str) and isinstance(sk, str) and key.startswith(prefix) and sk.startswith("FINDING#")):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ServiceError(HTTPStatus.BAD_REQUEST, "next_token is not one this listing returned") from None
    return key, sk


@app.get(
    "/findings",
    summary="Findings of the upload bucket, filtered, a page at a time",
    responses=_responses(400, 403, 422, ok="a page of findings"),
)
def list_findings(
    api: Services,
    prefix: Annotated[str, Query(max_length=1024, description="dataset prefix (key prefix)")] = "",
    object: Annotated[str | None, Query(max_length=1024, description="one object's key")] = None,
    severity: Annotated[SeverityName | None, Query()] = None,
    status: Annotated[ReviewStatusName | None, Query(description="review status")] = None,
    rule: Annotated[str | None, Query(max_length=200, description="rule id")] = None,
    entity_type: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    next_token: Annotated[str | None, Query(max_length=4096)] = None,
) -> FindingPage:
    if object is not None:  # a key holding personal data is stored masked
        object = api.review.store.stored_key(object)
    scope = object if object is not None else prefix

    def keep(item: dict) -> bool:
        return (
            (object is None or item["key"] == object)
            and (severity is None or item.get("severity") == severity)
            and (status is None or item.get("review_status") == status)
            and (rule is None or rule in (item.get("rule_ids") or []))
            and (entity_type is None or item.get("entity_type") == entity_type)
        )

    items, after = api.review.store.page_of_findings(api.bucket, scope, keep, limit, _position(next_token, scope))
    return {"findings": [_view(item) for item in items], "next_token": _token(after)}


@app.get(
    "/findings/<finding_id>",
    summary="One finding with its occurrences and audit trail",
    responses=_responses(403, 404, 422, ok="the finding"),
)
def get_finding(finding_id: Annotated[str, Path(pattern=FINDING_ID)], api: Services) -> FindingDetail:
    try:
        item = api.review.finding(finding_id)
    except FindingNotFound:
        raise NotFoundError("no such finding") from None
    return {
        "finding": _view(item),
        "occurrences": item.get("occurrences") or [],
        "audit": [_audit_view(entry) for entry in api.review.audit(item)],
    }


@app.patch(
    "/findings/<finding_id>",
    summary="Review a finding: status, note, and optionally a suppression rule",
    responses=_responses(400, 403, 404, 409, 422, 503, ok="reviewed"),
)
def review_finding(
    finding_id: Annotated[str, Path(pattern=FINDING_ID)], change: ReviewChange, api: Services, actor: Reviewer
) -> ReviewResult:
    try:
        item, entry = api.review.review(finding_id, change, actor)
    except FindingNotFound:
        raise NotFoundError("no such finding") from None
    return {"finding": _view(item), "audit_entry": _audit_view(entry) if entry else None}


@app.post(
    "/findings/<finding_id>/reveal",
    summary="Reveal the text around one finding, read from its object now (reviewers; audited, never stored)",
    responses=_responses(400, 403, 404, 409, 422, ok="the excerpts"),
)
def reveal_finding(
    finding_id: Annotated[str, Path(pattern=FINDING_ID)],
    api: Services,
    actor: Reviewer,
    request: Annotated[RevealRequest | None, Body()] = None,
) -> RevealResult:
    if api.revealer is None:
        raise ServiceError(HTTPStatus.NOT_IMPLEMENTED, "reveal is not configured")
    try:
        item = api.review.finding(finding_id)
    except FindingNotFound:
        raise NotFoundError("no such finding") from None
    excerpts, entry = api.revealer.reveal(item, actor, now_precise(), request.key if request else None)
    return {"finding_id": finding_id, "excerpts": excerpts, "audit_entry": _audit_view(entry)}


def openapi_document() -> str:
    """The committed openapi.json is this (tests fail when they differ)."""
    return json.dumps(json.loads(app.get_openapi_json_schema()), indent=2, sort_keys=False) + "\n"
