"""The api function served on 127.0.0.1 as API Gateway's HTTP API serves it: SigV4 verified, payload 2.0 events.

Locally any access key id is accepted with the secret key `testing` (the fake credentials of
the local stack); the caller is then ``arn:aws:iam::<account>:user/<access key id>``, as API
Gateway's IAM authorizer would report a user. Unsigned or badly signed requests get 403.
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

from privscan_tools.local.stack import ACCOUNT_ID, FAKE_CREDENTIALS, REGION, LocalStack
from privscan_tools.local.worker import INVOKE_LOCK, FakeLambdaContext, load_handler

API_FUNCTION = "ApiFunction"
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


def http_api_event(
    method: str, target: str, headers: dict[str, str], body: bytes, access_key: str, source_ip: str
) -> dict:
    """The payload-2.0 event API Gateway sends a Lambda integration, IAM authorizer context included."""
    parts = urlsplit(target)
    query = parse_qs(parts.query, keep_blank_values=True)
    try:
        text, encoded = body.decode("utf-8"), False
    except UnicodeDecodeError:
        text, encoded = base64.b64encode(body).decode(), True
    now = datetime.now(UTC)
    event = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "headers": headers,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": "local",
            "domainName": headers.get("host", ""),
            "domainPrefix": "local",
            "stage": "$default",
            "routeKey": "$default",
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
            "authorizer": {
                "iam": {
                    "accessKey": access_key,
                    "accountId": ACCOUNT_ID,
                    "callerId": access_key,
                    "principalOrgId": None,
                    "userArn": f"arn:aws:iam::{ACCOUNT_ID}:user/{access_key}",
                    "userId": access_key,
                    "cognitoIdentity": None,
                }
            },
        },
        "isBase64Encoded": encoded,
    }
    if query:
        event["queryStringParameters"] = {name: ",".join(values) for name, values in query.items()}
    if body:
        event["body"] = text
    return event


class LocalApi:
    """The api function behind a local HTTP server; `url` is its base URL."""

    def __init__(self, stack: LocalStack, repo_root: Path, port: int = 0):
        os.environ.update(stack.function_envs[API_FUNCTION])  # the process also runs the scan function: same values
        self.repo_root = repo_root
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="privscan-api", daemon=True)

    def start(self) -> LocalApi:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @cached_property
    def handler(self):
        return load_handler(self.repo_root, "api")

    def invoke(self, event: dict) -> dict:
        context = FakeLambdaContext(
            function_name=API_FUNCTION,
            timeout_ms=29_000,
            aws_request_id=event["requestContext"]["requestId"],
            invoked_function_arn=f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{API_FUNCTION}",
        )
        with INVOKE_LOCK, contextlib.redirect_stdout(sys.stderr):
            return self.handler(event, context)


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
            headers: dict[str, str] = {}
            for name, value in self.headers.items():
                headers[name.lower()] = f"{headers[name.lower()]},{value}" if name.lower() in headers else value
            url = f"http://{headers.get('host', '127.0.0.1')}{self.path}"
            try:
                access_key = verify_sigv4(self.command, url, headers, body)
            except Forbidden as refused:
                return self._answer(403, json.dumps({"message": str(refused)}))
            try:
                response = api.invoke(
                    http_api_event(self.command, self.path, headers, body, access_key, self.client_address[0])
                )
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
