"""A small client of the privscan API: JSON requests signed with SigV4 (botocore), sent with urllib.

Credentials come from botocore's usual chain (environment, profile, SSO, instance role); the
region from the endpoint (`<id>.execute-api.<region>.amazonaws.com`), else the environment.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest

SERVICE = "execute-api"
DEFAULT_REGION = "eu-central-1"
TIMEOUT_S = 60
_REGION_IN_HOST = re.compile(r"\.execute-api\.([a-z0-9-]+)\.amazonaws\.com")


class ApiUnavailable(Exception):
    """No answer from the endpoint, or no credentials to sign with (content-free message)."""


def region_of(url: str) -> str:
    found = _REGION_IN_HOST.search(url)
    return (
        found.group(1)
        if found
        else os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
    )


def signed_headers(method: str, url: str, body: bytes, credentials, region: str, headers: dict | None = None) -> dict:
    """Headers (Authorization, X-Amz-Date, ...) that sign this request for API Gateway."""
    request = AWSRequest(method=method, url=url, data=body, headers=dict(headers or {}))
    SigV4Auth(credentials, SERVICE, region).add_auth(request)
    return dict(request.headers.items())


@dataclass
class ApiClient:
    base_url: str
    credentials: Any = None
    region: str | None = None

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.region = self.region or region_of(self.base_url)
        credentials = self.credentials or botocore.session.get_session().get_credentials()
        if credentials is None:
            raise ApiUnavailable("no AWS credentials to sign requests with")
        self.credentials = (
            credentials.get_frozen_credentials() if hasattr(credentials, "get_frozen_credentials") else credentials
        )

    def call(self, method: str, path: str, body: dict | None = None, params: dict | None = None) -> tuple[int, dict]:
        """(HTTP status, JSON body) of one request; 4xx and 5xx are returned, not raised."""
        query = urlencode({k: v for k, v in (params or {}).items() if v is not None})
        url = f"{self.base_url}{path}" + (f"?{query}" if query else "")
        data = json.dumps(body).encode() if body is not None else b""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        headers = signed_headers(method, url, data, self.credentials, self.region, headers)
        request = urllib.request.Request(url, data=data or None, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return response.status, _json(response.read())
        except urllib.error.HTTPError as error:
            return error.code, _json(error.read())
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise ApiUnavailable(f"no answer from {self.base_url} ({type(error).__name__})") from None


def _json(raw: bytes) -> dict:
    try:
        return json.loads(raw) if raw else {}
    except ValueError:
        return {"message": "the answer is not JSON"}
