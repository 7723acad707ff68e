"""What a 422 may say about a request: the API's own schema names and error types, never what was sent.

A caller's JSON key can be personal data (``{"jane.doe@example.com": ...}``), and so can a value
that pydantic quotes in a message. A validation problem is therefore reported as

* ``loc``: the location, cut at the first part that is not a name the API's OpenAPI document
  declares (a property or a parameter) or a list index; for an unknown key (``extra_forbidden``)
  the key itself is always cut, so the location is the object that holds it;
* ``type``: pydantic's error type (or the reason code of a ``PydanticCustomError``);
* ``msg``: pydantic's message where its context holds only schema facts (expected literals,
  lengths, bounds, patterns); otherwise (a ``ValueError``'s text, a discriminator tag that was
  sent) the generic message of the error type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.exceptions import ServiceError

from privscan.failures import describe
from privscan.observability import logger
from privscan.review.reveal import RevealRefused
from privscan.review.workflow import PATTERN_REFUSED

LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
SCHEMA_CONTEXT = frozenset(
    {"expected", "max_length", "min_length", "pattern", "ge", "gt", "le", "lt", "multiple_of", "max_digits"}
)
GENERIC_MESSAGES = {
    "value_error": "invalid value",
    "assertion_error": "invalid value",
}


def declared_names(document: dict) -> frozenset[str]:
    """Every property and parameter name of an OpenAPI document."""
    return frozenset(_names(document)) | LOCATIONS


def _names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield from node["properties"]
        for parameter in node.get("parameters") or []:
            if isinstance(parameter, dict) and isinstance(parameter.get("name"), str):
                yield parameter["name"]
        for child in node.values():
            yield from _names(child)
    elif isinstance(node, list):
        for child in node:
            yield from _names(child)


def schema_location(problem: dict, names: frozenset[str]) -> list[str | int]:
    """The problem's location up to (not including) its first part that the schema does not name."""
    parts = list(problem.get("loc") or ())
    if problem.get("type") == "extra_forbidden" and parts:
        parts = parts[:-1]  # the unknown key
    kept: list[str | int] = []
    for part in parts:
        if not (isinstance(part, int) or part in names):
            break
        kept.append(part)
    return kept


def schema_message(problem: dict) -> str:
    """Pydantic's message when it is made of schema facts only; the error type's generic message otherwise."""
    kind = str(problem.get("type", "invalid"))
    context = problem.get("ctx") or {}
    if kind in GENERIC_MESSAGES or not set(context) <= SCHEMA_CONTEXT:
        return GENERIC_MESSAGES.get(kind, kind.replace("_", " "))
    return str(problem.get("msg", kind))


def validation_errors(problems: Iterable[dict], names: frozenset[str]) -> list[dict]:
    """The content-free rendering of pydantic / Powertools validation problems, in order."""
    return [
        {"loc": schema_location(problem, names), "type": str(problem.get("type")), "msg": schema_message(problem)}
        for problem in problems
    ]


def validation_summary(errors: list[dict]) -> str:
    """A request validation error as one line naming the fields and the kind of error, never the values sent."""
    return "invalid request: " + "; ".join(
        f"{'.'.join(map(str, error['loc'])) or 'request'}: {error['msg']} ({error['type']})" for error in errors
    )


def refused_pattern(problems: Iterable[dict]) -> tuple[str, str | None] | None:
    """The reason and code of a suppression pattern refused by the pattern checks, if one is among `problems`
    (an HTTP 400 that names the reason, never the pattern)."""
    refused = next((p for p in problems if p.get("type") == PATTERN_REFUSED), None)
    if refused is None:
        return None
    context = refused.get("ctx") or {}
    return str(context.get("reason")), context.get("code")


def invalid_request_answer(problems: list[dict], names: frozenset[str], pattern_field: str) -> Response:
    """A request that failed validation: 400 for a suppression pattern the checks refused (its reason and code,
    named as `pattern_field`, never the pattern), else 422 naming the fields (of `names`) and error types."""
    refused = refused_pattern(problems)
    if refused is not None:
        return error(HTTPStatus.BAD_REQUEST, f"{pattern_field} refused: {refused[0]}", outcome=refused[1])
    details = validation_errors(problems, names)
    return error(HTTPStatus.UNPROCESSABLE_ENTITY, validation_summary(details), errors=details)


def error(status: int, message: str, **extra) -> Response:
    """An error answer: its HTTP status and a content-free message (and `errors`, `outcome` where given)."""
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body={"statusCode": status, "message": message, **extra},
    )


def service_error(exc: ServiceError) -> Response:
    """An error a route raises on purpose (403, 404, ...), with its own content-free message."""
    return error(exc.status_code, exc.msg)


def reveal_refused(exc: RevealRefused) -> Response:
    """A reveal that could not be done, with its reason (never the text)."""
    return error(exc.status, exc.reason)


def internal_error(exc: Exception) -> Response:
    """A bug: logged as its type and code locations only (privscan/failures.py), answered with a bare 500."""
    logger.error("unexpected failure", reason=describe(exc))
    return error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")


def handle_common_errors(app) -> None:
    """Register on a resolver (the API's, the console's) the answers both give alike."""
    app.exception_handler(ServiceError)(service_error)
    app.exception_handler(RevealRefused)(reveal_refused)
    app.exception_handler(Exception)(internal_error)
