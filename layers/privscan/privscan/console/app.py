"""The console's routes: the page, its assets and its JSON API, a Powertools resolver for API Gateway HTTP APIs
(payload 2.0) behind a Cognito JWT authorizer (docs/console.md).

Public: the HTML shell, its assets (from a fixed allow-list) and the sign-in configuration; none holds data.
Everything under ``/console/api/`` needs a signed-in user of the ``reviewer`` or ``viewer`` group (401 without
claims, 403 in neither group); changing a finding and revealing its context need ``reviewer`` and pass the
CSRF check (`state_change`). The reviewer of record is the signed-in username, never a body field.

As in the IAM API (privscan.api.app), nothing here logs or answers a body, a value or an exception's message:
validation problems name the schema's fields and error types only, and an unexpected failure is a bare 500.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from http import HTTPStatus
from importlib import resources
from typing import Literal
from urllib.parse import urlsplit

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import (
    ForbiddenError,
    NotFoundError,
    ServiceError,
    UnauthorizedError,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from privscan.api.errors import handle_common_errors, invalid_request_answer
from privscan.api.models import AUDIT_FIELDS
from privscan.console import datasets as dataset_views
from privscan.console.identity import User, user_from_event
from privscan.console.listing import BUCKET, Filters, csv_of, item_view, page_of, row_of
from privscan.console.services import ConsoleServices
from privscan.console.settings import default_auth_endpoint
from privscan.engine.config import SEVERITIES
from privscan.review.workflow import (
    FindingNotFound,
    ReviewChange,
    ReviewRejected,
    ReviewStatusName,
    now_precise,
)
from privscan.store.allow_list import AllowListBusy
from privscan.store.findings_store import ReviewConflict
from privscan.vocabulary import ReviewStatus

FINDING_ID = re.compile(r"^[0-9a-f]{24}$")
MAX_BULK = 500
ASSETS = {  # the only files /console/static/ serves: name → content type
    "console.js": "text/javascript; charset=utf-8",
    "api.js": "text/javascript; charset=utf-8",
    "views.js": "text/javascript; charset=utf-8",
    "charts.js": "text/javascript; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
}
HTML = "text/html; charset=utf-8"


def services() -> ConsoleServices:
    """The process's services, built from the function's settings on first use (tests replace this)."""
    from privscan.console.services import get_console_services
    from privscan.console.settings import get_console_settings

    return get_console_services(get_console_settings())


app = APIGatewayHttpResolver()
handle_common_errors(app)


# -- web hygiene --------------------------------------------------------------------------------
def auth_endpoint() -> str:
    return os.environ.get("CONSOLE_AUTH_ENDPOINT") or default_auth_endpoint()


@cache
def content_security_policy(endpoint: str) -> str:
    """The page may load its own scripts, styles and data only; it may talk to itself and to the sign-in origin."""
    parts = urlsplit(endpoint)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("https", "http") and parts.netloc else ""
    connect = "'self'" + (f" {origin}" if origin else "")
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"connect-src {connect}; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


def security_headers(path: str) -> dict[str, str]:
    """Headers of every response: CSP, no sniffing, no referrer; API answers and the shell are never cached."""
    return {
        "Content-Security-Policy": content_security_policy(auth_endpoint()),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-cache" if path.startswith("/console/static/") else "no-store",
    }


def handle(event: dict, context) -> dict:
    """Resolve one API Gateway event and add the security headers to the answer, whatever route answered."""
    response = app.resolve(event, context)
    headers = response.setdefault("headers", {}) or {}
    headers.update(security_headers(str(event.get("rawPath") or "")))
    response["headers"] = headers
    return response


# -- who asks -----------------------------------------------------------------------------------
def signed_in() -> User:
    """The signed-in user, who must be in a console group (401 without claims, 403 otherwise)."""
    user = user_from_event(app.current_event.raw_event)
    if user is None:
        raise UnauthorizedError("sign in")
    if not user.can_read:
        raise ForbiddenError("Forbidden")
    return user


def state_change() -> User:
    """A reviewer's request that changes state or reveals data, checked against cross-site request forgery.

    A browser attaches no Authorization header on its own (cookies, not headers, ride along on a forged
    request), a cross-site form cannot send ``application/json``, and a cross-site ``fetch`` carries an Origin
    that is not this host: the page's own request has all three. So a request without the bearer token, not
    JSON, or from another origin is refused (403) before anything is read or written."""
    user = signed_in()
    headers = app.current_event.headers
    if not (headers.get("authorization") or "").lower().startswith("bearer "):
        raise ForbiddenError("send the session's token in the Authorization header")
    if not (headers.get("content-type") or "").lower().startswith(content_types.APPLICATION_JSON):
        raise ForbiddenError("send the request as application/json")
    origin = headers.get("origin")
    if origin is not None and urlsplit(origin).netloc.lower() != _host().lower():
        raise ForbiddenError("the request comes from another site")
    if not user.can_review:
        raise ForbiddenError("Forbidden")
    return user


def _host() -> str:
    context = app.current_event.raw_event.get("requestContext") or {}
    return app.current_event.headers.get("host") or context.get("domainName") or ""


def _query(model: type[BaseModel]):
    """The query string parsed by `model` (422 naming the fields at fault, never what was sent)."""
    params = app.current_event.query_string_parameters or {}
    return model.model_validate({k: v for k, v in params.items() if v != ""})


def _body(model: type[BaseModel]):
    """The JSON body parsed by `model` (400 when not JSON)."""
    raw = app.current_event.decoded_body or ""
    try:
        data = json.loads(raw) if raw.strip() else {}
    except (ValueError, UnicodeDecodeError):
        raise ServiceError(HTTPStatus.BAD_REQUEST, "the body is not valid JSON") from None
    return model.model_validate(data)


# -- errors ---------------------------------------------------------------------------------------
@app.exception_handler(ValidationError)
def invalid_request(exc: ValidationError) -> Response:
    """422 naming the fields and error types (api/errors.py); a refused suppression pattern is a 400 with its code."""
    return invalid_request_answer(exc.errors(), schema_names(), "suppression.pattern")


@cache
def schema_names() -> frozenset[str]:
    names = {"body", "query", "path", "suppress", "by"}
    for model in (Filters, BulkReview, Suppression, RevealBody, DatasetScope):
        names |= set(model.model_fields)
    return frozenset(names)


# -- the page -------------------------------------------------------------------------------------
def _asset(name: str) -> str:
    return resources.files("privscan.console").joinpath("assets", name).read_text(encoding="utf-8")


@app.get("/console")
def shell() -> Response:
    return Response(HTTPStatus.OK, HTML, _asset("index.html"))


@app.get("/console/")
def shell_with_slash() -> Response:
    return shell()


@app.get("/console/static/<name>")
def static(name: str) -> Response:
    """One asset of the allow-list; any other name is a 404 (the name never reaches a file path unchecked)."""
    content_type = ASSETS.get(name)
    if content_type is None:
        raise NotFoundError("no such asset")
    return Response(HTTPStatus.OK, content_type, _asset(name))


@app.get("/console/config.json")
def config() -> dict:
    """What the page needs to sign in: Cognito's endpoint, the app client and the region (no secret)."""
    return {
        "auth_endpoint": auth_endpoint(),
        "client_id": os.environ.get("CONSOLE_CLIENT_ID", ""),
        "region": os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "",
    }


# -- reading --------------------------------------------------------------------------------------
@app.get("/console/api/me")
def me() -> dict:
    user = signed_in()
    return {
        "user": user.username,
        "email": user.email,
        "groups": list(user.groups),
        "can_review": user.can_review,
        "statuses": list(ReviewStatus),
        "severities": list(reversed(SEVERITIES)),
    }


def _rows(api: ConsoleServices, bucket: str | None) -> tuple[str, list[dict]]:
    bucket = bucket or api.bucket
    return bucket, api.index.rows(bucket)


def _selection() -> tuple[ConsoleServices, Filters, str, list[dict]]:
    """The services, the listing's filters (an object key as it is stored: masked when it holds personal data),
    the bucket and its rows, for a signed-in user."""
    signed_in()
    api = services()
    filters = _query(Filters)
    if filters.object is not None:
        filters = filters.model_copy(update={"object": api.review.store.stored_key(filters.object)})
    bucket, rows = _rows(api, filters.bucket)
    return api, filters, bucket, rows


@app.get("/console/api/findings")
def list_findings() -> dict:
    api, filters, bucket, rows = _selection()
    return {"bucket": bucket, **page_of(rows, filters, api.book)}


@app.get("/console/api/export")
def export() -> Response:
    api, filters, _, rows = _selection()
    return Response(
        HTTPStatus.OK,
        "text/csv; charset=utf-8",
        csv_of(rows, filters, api.book),
        headers={"Content-Disposition": 'attachment; filename="privscan-findings.csv"'},
    )


def _finding(api: ConsoleServices, finding_id: str) -> dict:
    if not FINDING_ID.match(finding_id):
        raise NotFoundError("no such finding")
    try:
        return api.review.finding(finding_id)
    except FindingNotFound:
        raise NotFoundError("no such finding") from None


def _audit_view(entry: dict) -> dict:
    return {name: entry[name] for name in AUDIT_FIELDS if name in entry}


@app.get("/console/api/findings/<finding_id>")
def finding_detail(finding_id: str) -> dict:
    """One finding: where, its masked occurrences, its rules as the catalogue explains them, its audit trail."""
    signed_in()
    api = services()
    item = _finding(api, finding_id)
    summary = api.review.store.get_summary(item["bucket"], item["key"]) or {}
    rules = [api.book.rules.get(rule_id) for rule_id in item.get("rule_ids") or []]
    return {
        "finding": {
            **item_view(row_of(item, summary.get("updated_at")), api.book),
            "version": item.get("version"),
            "note": item.get("review_note") or "",
            "object_deleted": bool(item.get("object_deleted")),
            "can_reveal": item.get("entity_type") is not None,
            "can_suppress": item.get("entity_type") is not None,
        },
        "occurrences": [
            {name: o.get(name) for name in ("record", "start", "end", "preview")} for o in item.get("occurrences") or []
        ],
        "rules": [
            {
                "id": rule.id,
                "title": rule.title,
                "law": rule.law,
                "severity": rule.severity,
                "explanation": rule.description,
                "remediation": rule.remediation,
            }
            for rule in rules
            if rule is not None
        ],
        "audit": [_audit_view(entry) for entry in api.review.audit(item)],
    }


class DatasetScope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bucket: str | None = Field(None, pattern=BUCKET)
    key: str | None = Field(None, min_length=1, max_length=1024)
    prefix: str | None = Field(None, max_length=1024)


@app.get("/console/api/datasets")
def list_datasets() -> dict:
    signed_in()
    api = services()
    scope = _query(DatasetScope)
    bucket = scope.bucket or api.bucket
    return dataset_views.datasets(bucket, list(api.review.store.list_summaries(bucket)))


@app.get("/console/api/datasets/detail")
def dataset_detail() -> dict:
    """Charts, examination and ethics rates of one object (key=) or of a prefix (prefix=, default: everything)."""
    signed_in()
    api = services()
    scope = _query(DatasetScope)
    bucket, rows = _rows(api, scope.bucket)
    exact = scope.key is not None
    where = api.review.store.stored_key(scope.key) if exact else scope.prefix or ""
    summaries = list(api.review.store.list_summaries(bucket))
    return dataset_views.detail(bucket, where, exact, summaries, rows, api.book)


# -- changing -------------------------------------------------------------------------------------
class Suppression(BaseModel):
    """Make a false positive a suppression rule: the finding's value (its keyed fingerprint) or a pattern."""

    model_config = ConfigDict(extra="forbid")

    scope: Literal["fingerprint", "pattern"]
    pattern: str | None = Field(None, max_length=1000)


class BulkReview(BaseModel):
    """One action on up to MAX_BULK findings: a status, a note, and for false positives a suppression."""

    model_config = ConfigDict(extra="forbid")

    finding_ids: list[str] = Field(min_length=1, max_length=MAX_BULK)
    status: ReviewStatusName
    note: str = Field("", max_length=2000)
    suppression: Suppression | None = None

    @field_validator("finding_ids")
    @classmethod
    def _ids(cls, ids: list[str]) -> list[str]:
        if not all(isinstance(i, str) and FINDING_ID.match(i) for i in ids):
            raise ValueError("finding ids are 24 hexadecimal characters")
        return list(dict.fromkeys(ids))

    def change(self) -> ReviewChange:
        """The review service's change (its suppression checks, patterns included, apply here: 400 / 422)."""
        if self.suppression is not None and self.status != ReviewStatus.FALSE_POSITIVE:
            raise ServiceError(HTTPStatus.UNPROCESSABLE_ENTITY, "only a false positive can become a suppression rule")
        if self.suppression is not None and self.suppression.scope == "pattern" and not self.suppression.pattern:
            raise ServiceError(HTTPStatus.UNPROCESSABLE_ENTITY, "give the pattern to suppress")
        suppress = {"by": self.suppression.scope, "pattern": self.suppression.pattern} if self.suppression else None
        return ReviewChange.model_validate({"status": self.status, "note": self.note, "suppress": suppress})


REFUSALS: tuple[tuple[type[Exception], str, str | None], ...] = (
    (FindingNotFound, "not_found", None),
    (ReviewConflict, "conflict", "reviewed by someone else meanwhile; read it again"),
    (ReviewRejected, "rejected", None),  # its own content-free reason
    (AllowListBusy, "busy", "the allow list is being changed by others; retry"),
)


def _apply(api: ConsoleServices, finding_id: str, change: ReviewChange, user: User) -> dict:
    """One finding's part of a bulk action: changed, unchanged, not_found, conflict, rejected or busy."""
    try:
        item, entry = api.review.review(finding_id, change, user.username)
    except tuple(kind for kind, _, _ in REFUSALS) as refused:
        kind, outcome, message = next(r for r in REFUSALS if isinstance(refused, r[0]))
        if kind is ReviewRejected:
            message = str(refused)
        return {"id": finding_id, "outcome": outcome, **({"message": message} if message else {})}
    api.index.changed(item)
    return {
        "id": finding_id,
        "outcome": "changed" if entry else "unchanged",
        "status": item.get("review_status"),
        "audit_entry": _audit_view(entry) if entry else None,
    }


@app.post("/console/api/reviews")
def post_reviews() -> dict:
    """Apply one status (and note, and suppression) to each finding given, as the signed-in reviewer."""
    user = state_change()
    api = services()
    request = _body(BulkReview)
    change = request.change()
    results = [_apply(api, finding_id, change, user) for finding_id in request.finding_ids]
    tally: dict[str, int] = {}
    for result in results:
        tally[result["outcome"]] = tally.get(result["outcome"], 0) + 1
    return {"results": results, "outcomes": tally}


class RevealBody(BaseModel):
    """Optional: the object's key, for an object whose key holds personal data (stored masked)."""

    model_config = ConfigDict(extra="forbid")

    key: str | None = Field(None, max_length=1024)


@app.post("/console/api/findings/<finding_id>/reveal")
def reveal(finding_id: str) -> dict:
    """The text around the finding, read from its object now (reviewers; audited; never stored)."""
    user = state_change()
    api = services()
    request = _body(RevealBody)
    item = _finding(api, finding_id)
    excerpts, entry = api.revealer.reveal(item, user.username, now_precise(), request.key)
    return {"finding_id": finding_id, "excerpts": excerpts, "audit_entry": _audit_view(entry)}
