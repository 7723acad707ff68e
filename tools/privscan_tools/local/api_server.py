"""The HTTP API served on 127.0.0.1 as API Gateway serves it: authorizers checked, payload 2.0 events.

The api function's routes take SigV4 (the API's default authorizer, AWS_IAM). Locally any access key id is
accepted with the secret key `testing` (the fake credentials of the local stack); the caller is then
``arn:aws:iam::<account>:user/<access key id>``, as API Gateway's IAM authorizer would report a user.
Unsigned or badly signed requests get 403.

The review console's routes are the template's: its page, config and assets are public (``Authorizer:
NONE``); ``/console/api/...`` needs a bearer ID token of the stack's Cognito user pool, checked as API
Gateway's JWT authorizer checks it (local/jwt_authorizer.py; 401 otherwise). ``POST /console/cognito`` is
Cognito's endpoint on the same origin: the page signs in there (InitiateAuth), and the request is passed to
the moto server, sign-in operations only.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from privscan.failures import describe

from privscan_tools.local.jwt_authorizer import JwtAuthorizer, Unauthorized
from privscan_tools.local.stack import ACCOUNT_ID, FAKE_CREDENTIALS, REGION, HttpRoute, LocalStack
from privscan_tools.local.worker import INVOKE_LOCK, FakeLambdaContext, load_handler

API_FUNCTION = "ApiFunction"
COGNITO_PATH = "/console/cognito"  # the page's sign-in endpoint (CONSOLE_AUTH_ENDPOINT of the console function)
# what the page may ask Cognito through COGNITO_PATH: signing in and out, never an administrator's operation
COGNITO_OPERATIONS = {
    f"AWSCognitoIdentityProviderService.{name}"
    for name in ("InitiateAuth", "RespondToAuthChallenge", "RevokeToken", "GlobalSignOut", "GetUser")
}
MAX_BODY_BYTES = 6 * 1024**2  # Lambda's synchronous payload limit (API Gateway's own is 10 MB)
MAX_CLOCK_SKEW_S = 15 * 60
_AUTHORIZATION = re.compile(
    r"AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/(?P<service>[^/]+)/aws4_request,\s*"
    r"SignedHeaders=(?P<signed>[a-z0-9;-]+),\s*Signature=(?P<signature>[0-9a-f]{64})$"
)


class Forbidden(Exception):
    pass


def verify_sigv4(method: str, url: str, headers: dict[str, str], body: bytes, region: str = REGION) -> str:
    """The access key id that signed this request; raises Forbidden otherwise. `headers` lower-cased."""
    match = _AUTHORIZATION.match(headers.get("authorization", ""))
    if not match:
        raise Forbidden("Missing Authentication Token")
    if match["region"] != region or match["service"] != "execute-api":
        raise Forbidden("Credential should be scoped to a valid region and service execute-api")
    stamp = headers.get("x-amz-date", "")
    try:
        signed_at = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise Forbidden("X-Amz-Date is missing or malformed") from None
    if abs(time.time() - signed_at.timestamp()) > MAX_CLOCK_SKEW_S or not stamp.startswith(match["date"]):
        raise Forbidden("Signature expired")
    signed = match["signed"].split(";")
    if "host" not in signed or any(name not in headers for name in signed):
        raise Forbidden("SignedHeaders must include host and name only headers that were sent")
    request = AWSRequest(method=method, url=url, data=body, headers={name: headers[name] for name in signed})
    request.context["timestamp"] = stamp
    credentials = Credentials(
        match["key"], FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"], headers.get("x-amz-security-token")
    )
    auth = SigV4Auth(credentials, "execute-api", region)
    expected = auth.signature(auth.string_to_sign(request, auth.canonical_request(request)), request)
    if not hmac.compare_digest(expected, match["signature"]):
        raise Forbidden("The request signature we calculated does not match the signature you provided.")
    return match["key"]


def iam_context(access_key: str) -> dict:
    """What API Gateway's IAM authorizer reports of a caller signed with this access key id."""
    return {
        "iam": {
            "accessKey": access_key,
            "accountId": ACCOUNT_ID,
            "callerId": access_key,
            "principalOrgId": None,
            "userArn": f"arn:aws:iam::{ACCOUNT_ID}:user/{access_key}",
            "userId": access_key,
            "cognitoIdentity": None,
        }
    }


def http_api_event(
    method: str,
    target: str,
    headers: dict[str, str],
    body: bytes,
    access_key: str | None,
    source_ip: str,
    *,
    jwt_claims: dict[str, str] | None = None,
    route: HttpRoute | None = None,
    path_parameters: dict[str, str] | None = None,
) -> dict:
    """The payload-2.0 event API Gateway sends a Lambda integration, with the authorizer's context: IAM's for
    `access_key`, the JWT authorizer's for `jwt_claims`, none for a public route."""
    parts = urlsplit(target)
    query = parse_qs(parts.query, keep_blank_values=True)
    try:
        text, encoded = body.decode("utf-8"), False
    except UnicodeDecodeError:
        text, encoded = base64.b64encode(body).decode(), True
    now = datetime.now(UTC)
    route_key = f"{route.method} {route.path}" if route else "$default"
    event = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "headers": headers,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": "local",
            "domainName": headers.get("host", ""),
            "domainPrefix": "local",
            "stage": "$default",
            "routeKey": route_key,
            "requestId": str(uuid.uuid4()),
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
            "http": {
                "method": method,
                "path": parts.path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": headers.get("user-agent", ""),
            },
        },
        "isBase64Encoded": encoded,
    }
    if access_key is not None:
        event["requestContext"]["authorizer"] = iam_context(access_key)
    elif jwt_claims is not None:
        event["requestContext"]["authorizer"] = {"jwt": {"claims": jwt_claims, "scopes": None}}
    if path_parameters:
        event["pathParameters"] = path_parameters
    if query:
        event["queryStringParameters"] = {name: ",".join(values) for name, values in query.items()}
    if body:
        event["body"] = text
    return event


class LocalApi:
    """The HTTP API's functions behind a local HTTP server; `url` is its base URL."""

    def __init__(self, stack: LocalStack, repo_root: Path, port: int = 0):
        self.stack = stack
        self.routes = [route for route in stack.http_routes if route.function != API_FUNCTION]
        # one process runs every function: the environments are merged, the api function's (as the scan
        # function's, whose values it shares) last
        for function in sorted({route.function for route in self.routes}):
            os.environ.update(stack.function_envs[function])
        os.environ.update(stack.function_envs[API_FUNCTION])
        self.authorizers = {
            name: JwtAuthorizer(config["issuer"], config["audience"], stack.endpoint)
            for name, config in stack.jwt_authorizers.items()
        }
        self.repo_root = repo_root
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.authorizers:
            os.environ["CONSOLE_AUTH_ENDPOINT"] = f"{self.url}{COGNITO_PATH}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="privscan-api", daemon=True)
        self._handlers: dict[str, object] = {}

    def start(self) -> LocalApi:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @cached_property
    def handler(self):
        return load_handler(self.repo_root, "api")

    def route(self, method: str, path: str) -> tuple[HttpRoute, dict[str, str]] | None:
        """The template's route (not the api function's, which takes SigV4) for a request, with its parameters."""
        for route in self.routes:
            parameters = route.match(method, path)
            if parameters is not None:
                return route, parameters
        return None

    def authorize(self, route: HttpRoute, headers: dict[str, str]) -> dict[str, str] | None:
        """The JWT claims a route's authorizer verified (None for a public route); raises Unauthorized."""
        if route.authorizer == "NONE":
            return None
        return self.authorizers[route.authorizer].claims(headers.get("authorization"))

    def invoke(self, event: dict, route: HttpRoute | None = None) -> dict:
        function = route.function if route else API_FUNCTION
        context = FakeLambdaContext(
            function_name=function,
            timeout_ms=29_000,
            aws_request_id=event["requestContext"]["requestId"],
            invoked_function_arn=f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{function}",
        )
        with INVOKE_LOCK, contextlib.redirect_stdout(sys.stderr):
            if route is None:
                return self.handler(event, context)
            if route.code not in self._handlers:
                self._handlers[route.code] = load_handler(self.repo_root, route.code)
            return self._handlers[route.code](event, context)

    def cognito(self, target: str, body: bytes) -> tuple[int, bytes, dict[str, str]]:
        """Pass one sign-in request to moto's Cognito, as the page would post it to Cognito's endpoint."""
        if target not in COGNITO_OPERATIONS:
            error = {"__type": "UnknownOperationException", "message": "not a sign-in operation"}
            return 400, json.dumps(error).encode(), {"content-type": "application/x-amz-json-1.1"}
        request = urllib.request.Request(
            f"{self.stack.endpoint}/",
            data=body,
            method="POST",
            headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # the local moto server
                status, payload = answer.status, answer.read()
        except urllib.error.HTTPError as refused:
            status, payload = refused.code, refused.read()
        return status, payload, {"content-type": "application/x-amz-json-1.1"}


def lower_cased(pairs) -> dict[str, str]:
    """Request headers by lower-cased name, repeated ones joined with commas (as API Gateway joins them)."""
    headers: dict[str, str] = {}
    for name, value in pairs:
        headers[name.lower()] = f"{headers[name.lower()]},{value}" if name.lower() in headers else value
    return headers


def _handler_for(api: LocalApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # the default access log would print paths and query strings
            pass

        def _answer(self, status: int, body: str | bytes, headers: dict | None = None) -> None:
            payload = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            for name, value in (headers or {"content-type": "application/json"}).items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_BODY_BYTES:
                self.close_connection = True
                return self._answer(413, json.dumps({"message": "Request Entity Too Large"}))
            body = self.rfile.read(length) if length else b""
            headers = lower_cased(self.headers.items())
            path = urlsplit(self.path).path
            if path == COGNITO_PATH and self.command == "POST" and api.authorizers:
                return self._answer(*api.cognito(headers.get("x-amz-target", ""), body))
            found = api.route(self.command, path)
            if found is None:
                return self._iam(headers, body)
            route, parameters = found
            try:
                claims = api.authorize(route, headers)
            except Unauthorized as refused:
                challenge = f'Bearer error="invalid_token" error_description="{refused}"'
                return self._answer(
                    401,
                    json.dumps({"message": "Unauthorized"}),
                    {"content-type": "application/json", "www-authenticate": challenge},
                )
            event = http_api_event(
                self.command,
                self.path,
                headers,
                body,
                None,
                self.client_address[0],
                jwt_claims=claims,
                route=route,
                path_parameters=parameters,
            )
            self._invoke(event, route)

        def _iam(self, headers: dict[str, str], body: bytes) -> None:
            url = f"http://{headers.get('host', '127.0.0.1')}{self.path}"
            try:
                access_key = verify_sigv4(self.command, url, headers, body)
            except Forbidden as refused:
                return self._answer(403, json.dumps({"message": str(refused)}))
            self._invoke(http_api_event(self.command, self.path, headers, body, access_key, self.client_address[0]))

        def _invoke(self, event: dict, route: HttpRoute | None = None) -> None:
            try:
                response = api.invoke(event, route)
            except Exception as failure:  # noqa: BLE001 (as API Gateway answers a failed invocation)
                print(f"privscan api: {describe(failure)}", file=sys.stderr)  # type and code locations only
                return self._answer(500, json.dumps({"message": "Internal Server Error"}))
            payload = response.get("body") or ""
            payload = base64.b64decode(payload) if response.get("isBase64Encoded") else payload
            self._answer(response["statusCode"], payload, response.get("headers"))

        def __getattr__(self, name: str):
            """Every method (do_GET, do_TRACE, ...) goes to the function, which answers 404 where no route is."""
            if name.startswith("do_"):
                return self._serve
            raise AttributeError(name)

    return Handler
