"""The local API's part of the review console: API Gateway's JWT authorizer played on the console's routes.

A stand-in console function (it answers with what it was given) sits behind the real local API on a moto
server with the template's user pool: a token is accepted only if moto's pool signed it for the console's
client, with the right issuer and still in force; the claims arrive as API Gateway passes them; the page's
routes are public; the IAM routes are unchanged; the same-origin Cognito endpoint signs in and does nothing else.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import time
from pathlib import Path

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from privscan_tools.local.api_server import COGNITO_PATH, LocalApi
from privscan_tools.local.jwt_authorizer import gateway_claims
from privscan_tools.local.stack import HttpRoute, add_console_user, deploy_stack, start_moto, use_endpoint

from tests.conftest import REPO_ROOT

ECHO = '''
import json


def lambda_handler(event, context):
    """Answers with the route, the path parameters and the authorizer's context it was given."""
    seen = {k: event.get(k) for k in ("routeKey", "pathParameters", "rawPath")}
    seen["authorizer"] = event["requestContext"].get("authorizer")
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(seen)}
'''


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """moto with the template deployed, the local API in front of a stand-in console function, two users."""
    saved = dict(os.environ)
    root = tmp_path_factory.mktemp("repo")
    (root / "functions" / "console").mkdir(parents=True)
    (root / "functions" / "console" / "app.py").write_text(ECHO)
    server, endpoint = start_moto()
    try:
        use_endpoint(endpoint)
        stack = deploy_stack(endpoint, REPO_ROOT / "template.yaml")
        api = LocalApi(stack, repo_root=Path(root)).start()
        users = {
            "reviewer": add_console_user(stack, "officer", "reviewer", "officer@example.org"),
            "viewer": add_console_user(stack, "reader", "viewer"),
        }
        yield stack, api, users
        api.stop()
    finally:
        server.stop()
        os.environ.clear()
        os.environ.update(saved)


def sign_in(api: LocalApi, client_id: str, username: str, password: str) -> requests.Response:
    """InitiateAuth as the page posts it, to the local API's Cognito endpoint."""
    return requests.post(
        f"{api.url}{COGNITO_PATH}",
        data=json.dumps(
            {
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": client_id,
                "AuthParameters": {"USERNAME": username, "PASSWORD": password},
            }
        ),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
        },
        timeout=30,
    )


def id_token(local, who: str = "reviewer") -> str:
    stack, api, users = local
    username = {"reviewer": "officer", "viewer": "reader"}[who]
    answer = sign_in(api, stack.console_client_id, username, users[who])
    assert answer.status_code == 200, answer.text
    return answer.json()["AuthenticationResult"]["IdToken"]


def moto_key():
    """The key moto's Cognito signs with (moto ships it), to forge tokens that differ in one claim only."""
    import moto.cognitoidp

    path = Path(moto.cognitoidp.__file__).parent / "resources" / "jwks-private.json.gz"
    return jwt.PyJWK(json.loads(gzip.decompress(path.read_bytes()))).key


def forged(local, **changes) -> str:
    """A copy of a real ID token's claims with `changes` (None removes a claim), signed by moto's key."""
    claims = jwt.decode(id_token(local), options={"verify_signature": False})
    claims.update(changes)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, moto_key(), algorithm="RS256", headers={"kid": "dummy"})


def get(api: LocalApi, path: str, token: str | None = None, scheme: str = "Bearer ") -> requests.Response:
    headers = {"Authorization": f"{scheme}{token}"} if token is not None else {}
    return requests.get(f"{api.url}{path}", headers=headers, timeout=30)


def test_a_valid_id_token_reaches_the_function_with_its_claims_as_api_gateway_passes_them(local):
    stack, api, _ = local
    answer = get(api, "/console/api/findings", id_token(local))
    assert answer.status_code == 200, answer.text
    seen = answer.json()
    assert seen["routeKey"] == "ANY /console/api/{proxy+}"
    assert seen["pathParameters"] == {"proxy": "findings"}
    assert set(seen["authorizer"]) == {"jwt"}  # no IAM context on a JWT route
    claims = seen["authorizer"]["jwt"]["claims"]
    assert claims["cognito:username"] == "officer"
    assert claims["email"] == "officer@example.org"
    assert claims["cognito:groups"] == "[reviewer]"  # a list as API Gateway writes it
    assert claims["aud"] == stack.console_client_id
    assert claims["iss"] == f"https://cognito-idp.eu-central-1.amazonaws.com/{stack.user_pool_id}"
    assert claims["exp"].isdigit() and int(claims["exp"]) > time.time()  # every claim is a string


def test_the_viewers_groups_pass_through(local):
    _, api, _ = local
    claims = get(api, "/console/api/findings/abc", id_token(local, "viewer")).json()["authorizer"]["jwt"]["claims"]
    assert (claims["cognito:username"], claims["cognito:groups"]) == ("reader", "[viewer]")
    assert "email" not in claims


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer not-a-jwt", "Basic b2ZmaWNlcjpzZWNyZXQ="],
    ids=["none", "empty", "no-token", "garbage", "basic"],
)
def test_a_request_without_a_token_gets_401_as_from_api_gateway(local, header):
    _, api, _ = local
    headers = {} if header is None else {"Authorization": header}
    answer = requests.post(f"{api.url}/console/api/reviews", headers=headers, json={}, timeout=30)
    assert answer.status_code == 401
    assert answer.json() == {"message": "Unauthorized"}
    assert answer.headers["www-authenticate"].startswith('Bearer error="invalid_token"')


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"exp": int(time.time()) - 5}, "the token has expired"),
        ({"iss": "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_other"}, "the token is not valid"),
        ({"aud": "another-client"}, "the token's audience is not allowed"),
        ({"exp": None}, "the token is not valid"),
    ],
    ids=["expired", "other-issuer", "other-audience", "no-expiry"],
)
def test_a_token_off_in_one_claim_gets_401(local, changes, reason):
    _, api, _ = local
    control = get(api, "/console/api/findings", forged(local))  # the same forging, nothing changed: accepted
    assert control.status_code == 200
    answer = get(api, "/console/api/findings", forged(local, **changes))
    assert (answer.status_code, answer.json()) == (401, {"message": "Unauthorized"})
    assert reason in answer.headers["www-authenticate"]


def test_a_token_signed_with_another_key_or_unsigned_gets_401(local):
    _, api, _ = local
    claims = jwt.decode(id_token(local), options={"verify_signature": False})
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for token in (
        jwt.encode(claims, other, algorithm="RS256", headers={"kid": "dummy"}),
        jwt.encode(claims, "a-shared-secret-that-nobody-configured", algorithm="HS256", headers={"kid": "dummy"}),
        jwt.encode(claims, None, algorithm="none", headers={"kid": "dummy"}),
    ):
        assert get(api, "/console/api/findings", token).status_code == 401


def test_an_access_token_of_the_client_is_accepted_and_the_scheme_word_is_optional(local):
    stack, api, users = local
    result = sign_in(api, stack.console_client_id, "officer", users["reviewer"]).json()["AuthenticationResult"]
    claims = get(api, "/console/api/me", result["AccessToken"]).json()["authorizer"]["jwt"]["claims"]
    assert (claims["client_id"], claims["username"], claims["token_use"]) == (
        stack.console_client_id,
        "officer",
        "access",
    )
    assert get(api, "/console/api/me", result["IdToken"], scheme="").status_code == 200


def test_the_page_config_and_assets_are_public_and_carry_no_authorizer(local):
    _, api, _ = local
    for path, route, parameters in [
        ("/console", "GET /console", None),
        ("/console/config.json", "GET /console/config.json", None),
        ("/console/static/app.js", "GET /console/static/{name}", {"name": "app.js"}),
    ]:
        seen = get(api, path).json()
        assert (seen["routeKey"], seen["pathParameters"], seen["authorizer"]) == (route, parameters, None)
    assert get(api, "/console/static/a/b.js").status_code == 403  # no route: IAM's default answers


def test_the_iam_routes_still_need_sigv4(local):
    _, api, _ = local
    answer = get(api, "/findings", id_token(local))  # a console token is no SigV4 signature
    assert (answer.status_code, answer.json()) == (403, {"message": "Missing Authentication Token"})


def test_the_same_origin_cognito_endpoint_signs_in_and_nothing_else(local):
    stack, api, users = local
    wrong = sign_in(api, stack.console_client_id, "officer", users["reviewer"] + "x")
    assert wrong.status_code == 400 and wrong.json()["__type"] == "NotAuthorizedException"
    admin = requests.post(
        f"{api.url}{COGNITO_PATH}",
        data=json.dumps({"UserPoolId": stack.user_pool_id, "Username": "intruder"}),
        headers={"X-Amz-Target": "AWSCognitoIdentityProviderService.AdminCreateUser"},
        timeout=30,
    )
    assert (admin.status_code, admin.json()["__type"]) == (400, "UnknownOperationException")


def test_the_console_function_is_told_to_sign_in_on_the_same_origin(local):
    stack, api, _ = local
    assert os.environ["CONSOLE_AUTH_ENDPOINT"] == f"{api.url}{COGNITO_PATH}"
    assert os.environ["CONSOLE_CLIENT_ID"] == stack.console_client_id


def test_gateway_claims_are_strings():
    assert gateway_claims({"cognito:groups": ["reviewer", "viewer"], "exp": 17, "email_verified": True}) == {
        "cognito:groups": "[reviewer viewer]",
        "exp": "17",
        "email_verified": "true",
    }


@pytest.mark.parametrize(
    ("route", "method", "path", "expected"),
    [
        (("GET", "/console"), "GET", "/console", {}),
        (("GET", "/console"), "POST", "/console", None),
        (("GET", "/console"), "GET", "/console/", None),
        (("GET", "/console/static/{name}"), "GET", "/console/static/app.css", {"name": "app.css"}),
        (("GET", "/console/static/{name}"), "GET", "/console/static/", None),
        (("GET", "/console/static/{name}"), "GET", "/console/static/x/y", None),
        (("ANY", "/console/api/{proxy+}"), "DELETE", "/console/api/a/b", {"proxy": "a/b"}),
        (("ANY", "/console/api/{proxy+}"), "GET", "/console/api/", None),
        (("ANY", "/console/api/{proxy+}"), "GET", "/console/apix/a", None),
    ],
)
def test_routes_match_as_api_gateway_matches_them(route, method, path, expected):
    assert HttpRoute("F", "f", route[0], route[1], None).match(method, path) == expected


def test_local_passwords_meet_the_pools_policy_and_differ_each_time():
    from privscan_tools.local.stack import console_password
    from privscan_tools.local.template import load_template

    policy = load_template(REPO_ROOT / "template.yaml")["Resources"]["ConsoleUserPool"]["Properties"]["Policies"]
    policy = policy["PasswordPolicy"]
    passwords = {console_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert len(password) >= policy["MinimumLength"]
        assert re.search(r"[a-z]", password) and re.search(r"[A-Z]", password) and re.search(r"[0-9]", password)
        assert re.search(r"[^A-Za-z0-9]", password)
