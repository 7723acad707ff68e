"""requests auth that signs like the privscan CLI: SigV4 for API Gateway (botocore), here with the local fake keys."""

from __future__ import annotations

import requests
from botocore.credentials import Credentials
from privscan_tools.cli.api_client import signed_headers
from privscan_tools.local.stack import REGION


class SigV4(requests.auth.AuthBase):
    def __init__(self, access_key: str = "testing", secret_key: str = "testing", token: str | None = "testing"):
        self.credentials = Credentials(access_key, secret_key, token)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        body = body.encode() if isinstance(body, str) else body
        headers = {k: v for k, v in request.headers.items() if k.lower() in {"content-type"}}
        request.headers.update(signed_headers(request.method, request.url, body, self.credentials, REGION, headers))
        return request


def session(access_key: str = "testing") -> requests.Session:
    signed = requests.Session()
    signed.auth = SigV4(access_key)
    return signed
