"""API Gateway's JWT authorizer, played locally for the review console's routes.

API Gateway (HTTP API) checks a route's bearer token before the function runs: a JWT signed with a key of
the issuer's JWKS (RS256), its `iss` equal to the configured issuer, its `aud` (an ID token) or `client_id`
(an access token) one of the configured audiences, and `exp` / `nbf` / `iat` in force. Anything else is
401 ``{"message": "Unauthorized"}``. The claims reach the function under
``requestContext.authorizer.jwt.claims``, every value a string: a list such as ``cognito:groups`` becomes
``"[reviewer viewer]"``.

Locally the issuer is `https://cognito-idp.<region>.amazonaws.com/<pool id>` as on AWS (moto signs its
tokens so), while its JWKS is served by the moto server at `<endpoint>/<pool id>/.well-known/jwks.json`.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import jwt

ALGORITHMS = ["RS256"]  # what Cognito signs with; API Gateway accepts only RSA keys


class Unauthorized(Exception):
    """The token is missing or fails a check; the text is for the WWW-Authenticate header (no token in it)."""


def gateway_claims(claims: dict) -> dict[str, str]:
    """The claims as API Gateway hands them to a Lambda: strings, lists as "[a b]"."""

    def text(value) -> str:
        if isinstance(value, list):
            return "[" + " ".join(str(item) for item in value) + "]"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dict):
            return json.dumps(value, separators=(",", ":"))
        return str(value)

    return {name: text(value) for name, value in claims.items()}


class JwtAuthorizer:
    """One JWT authorizer of the template (issuer and audience), with the JWKS read from the local endpoint."""

    def __init__(self, issuer: str, audience: list[str], endpoint: str):
        self.issuer = issuer
        self.audience = set(audience)
        pool_path = urlsplit(issuer).path  # /<pool id>
        self.keys = jwt.PyJWKClient(f"{endpoint.rstrip('/')}{pool_path}/.well-known/jwks.json", cache_keys=True)

    def claims(self, authorization: str | None) -> dict[str, str]:
        """The verified claims of the request's Authorization header (with or without "Bearer "), as strings."""
        token = (authorization or "").strip()
        if token[:7].lower() == "bearer ":
            token = token[7:].strip()
        if not token:
            raise Unauthorized("no token")
        try:
            key = self.keys.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=ALGORITHMS,
                issuer=self.issuer,
                options={"require": ["exp", "iss"], "verify_aud": False},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("the token has expired") from None
        except (jwt.PyJWTError, jwt.PyJWKClientError, ValueError):
            raise Unauthorized("the token is not valid") from None
        given = claims.get("aud", claims.get("client_id"))
        if not self.audience & {str(a) for a in (given if isinstance(given, list) else [given])}:
            raise Unauthorized("the token's audience is not allowed")
        return gateway_claims(claims)
