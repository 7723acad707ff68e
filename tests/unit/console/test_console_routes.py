"""The console's routes on moto with API Gateway's JWT authorizer claims: who may do what, the CSRF checks, the
security headers, the listing's filters, counts, sorting and pages, bulk reviews, suppressions, reveal, CSV and
the datasets view."""

from __future__ import annotations

import csv
import io
import re

import pytest
import yaml
from boto3.dynamodb.conditions import Key
from privscan.console.identity import parse_groups, user_from_event

from tests.unit.console.conftest import (
    DIRECT,
    HOST,
    IBAN,
    NATIONAL,
    NO_AI,
    OUTSIDER,
    REVIEWER,
    VIEWER,
)

FAKE_ID = "0123456789abcdef01234567"
READS = [
    ("GET", "/console/api/me"),
    ("GET", "/console/api/findings"),
    ("GET", f"/console/api/findings/{FAKE_ID}"),
    ("GET", "/console/api/export"),
    ("GET", "/console/api/datasets"),
    ("GET", "/console/api/datasets/detail"),
]
CHANGES = [
    ("POST", "/console/api/reviews"),
    ("POST", f"/console/api/findings/{FAKE_ID}/reveal"),
]
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' "
    "https://cognito-idp.eu-central-1.amazonaws.com; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)


def audit_items(console) -> list[dict]:
    return console.audit_table.scan()["Items"]


def review_body(ids, status="confirmed", **extra) -> dict:
    return {"finding_ids": list(ids), "status": status, **extra}


# -- who may do what -------------------------------------------------------------------------------
@pytest.mark.parametrize(("method", "path"), READS + CHANGES)
def test_every_api_route_without_claims_is_401(console, method, path):
    status, body, _ = console.call(method, path, body={} if method == "POST" else None, claims=None)
    assert (status, body["message"]) == (401, "sign in")


@pytest.mark.parametrize(("method", "path"), READS + CHANGES)
def test_claims_without_a_username_are_401_and_a_user_of_no_console_group_is_403(console, method, path):
    body = {} if method == "POST" else None
    assert console.call(method, path, body=body, claims={"cognito:groups": "[reviewer]"})[0] == 401
    assert console.call(method, path, body=body, claims=OUTSIDER)[0] == 403


@pytest.mark.parametrize(("method", "path"), CHANGES)
def test_a_viewer_may_not_change_or_reveal(console, method, path):
    fid = console.ids["crm/notes.txt"][0]
    body = review_body([fid]) if path.endswith("reviews") else {}
    status, answer, _ = console.call(method, path.replace(FAKE_ID, fid), body=body, claims=VIEWER)
    assert (status, answer["message"]) == (403, "Forbidden")
    assert audit_items(console) == []
    assert console.services.review.finding(fid)["review_status"] == "open"


def test_a_viewer_reads(console):
    status, me, _ = console.call("GET", "/console/api/me", claims=VIEWER)
    assert (status, me["user"], me["groups"], me["can_review"]) == (200, "victor", ["viewer"], False)
    status, page, _ = console.call("GET", "/console/api/findings", claims=VIEWER)
    assert (status, page["total"]) == (200, 6)


def test_me_names_the_user_their_groups_and_the_vocabulary(console):
    status, me, _ = console.call("GET", "/console/api/me")
    assert status == 200
    assert me == {
        "user": "rita",
        "email": "rita@example.org",
        "groups": ["reviewer"],
        "can_review": True,
        "statuses": ["open", "confirmed", "false_positive", "accepted_risk", "remediated"],
        "severities": ["critical", "high", "medium", "low"],
    }


@pytest.mark.parametrize(
    ("groups", "parsed"),
    [
        ("[reviewer viewer]", ("reviewer", "viewer")),
        ("[viewer]", ("viewer",)),
        ('["reviewer", "viewer"]', ("reviewer", "viewer")),
        (["viewer", "reviewer"], ("reviewer", "viewer")),
        ("reviewer", ("reviewer",)),
        ("[]", ()),
        ("", ()),
        (None, ()),
        (7, ()),
    ],
)
def test_groups_are_read_in_every_form_api_gateway_passes_them(groups, parsed):
    assert parse_groups(groups) == parsed


def test_the_username_claim_may_be_cognitos_or_plain_and_a_blank_one_is_no_user():
    def event(claims):
        return {"requestContext": {"authorizer": {"jwt": {"claims": claims}}}}

    assert user_from_event(event({"username": "u1", "cognito:groups": "[viewer]"})).username == "u1"
    user = user_from_event(event({"cognito:username": "u2", "username": "other", "cognito:groups": "[reviewer]"}))
    assert (user.username, user.can_review, user.can_read, user.email) == ("u2", True, True, None)
    assert user_from_event(event({"cognito:username": "  "})) is None
    assert user_from_event({"requestContext": {"authorizer": {"iam": {"userArn": "arn"}}}}) is None
    assert user_from_event({}) is None


# -- CSRF ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"authorization": None}, "send the session's token in the Authorization header"),
        ({"authorization": "Basic cml0YTpzZWNyZXQ="}, "send the session's token in the Authorization header"),
        ({"content-type": "text/plain"}, "send the request as application/json"),
        ({"content-type": "application/x-www-form-urlencoded"}, "send the request as application/json"),
        ({"origin": "https://evil.example"}, "the request comes from another site"),
        ({"origin": f"https://{HOST}.evil.example"}, "the request comes from another site"),
        ({"origin": "null"}, "the request comes from another site"),
    ],
)
def test_a_state_change_without_the_token_json_or_from_another_origin_is_refused(console, headers, message):
    fid = console.ids["crm/notes.txt"][0]
    for path, body in (("/console/api/reviews", review_body([fid])), (f"/console/api/findings/{fid}/reveal", {})):
        status, answer, _ = console.call("POST", path, body=body, headers=headers)
        assert (status, answer["message"]) == (403, message)
    assert audit_items(console) == []


def test_a_state_change_from_the_pages_own_origin_passes(console):
    fid = console.ids["crm/notes.txt"][0]
    status, answer, _ = console.call(
        "POST", "/console/api/reviews", body=review_body([fid]), headers={"origin": f"https://{HOST}"}
    )
    assert (status, answer["outcomes"]) == (200, {"changed": 1})


# -- the page and its headers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "claims"),
    [
        ("GET", "/console", None),
        ("GET", "/console/static/console.js", None),
        ("GET", "/console/static/console.css", None),
        ("GET", "/console/static/missing.js", None),
        ("GET", "/console/config.json", None),
        ("GET", "/console/api/findings", None),
        ("GET", "/console/api/findings", REVIEWER),
        ("GET", "/console/api/findings", VIEWER),
        ("GET", "/console/api/export", REVIEWER),
        ("GET", "/console/api/findings/nothex", REVIEWER),
        ("GET", "/console/api/datasets/detail", REVIEWER),
        ("POST", "/console/api/reviews", VIEWER),
        ("GET", "/console/nowhere", REVIEWER),
    ],
)
def test_every_response_carries_the_security_headers(console, method, path, claims):
    _, _, headers = console.call(method, path, body={} if method == "POST" else None, claims=claims)
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    expected_cache = "no-cache" if path.startswith("/console/static/") else "no-store"
    assert headers["Cache-Control"] == expected_cache


def test_a_same_origin_auth_endpoint_adds_no_origin_to_connect_src(console, monkeypatch):
    monkeypatch.setenv("CONSOLE_AUTH_ENDPOINT", "/console/cognito")
    status, config, headers = console.call("GET", "/console/config.json", claims=None)
    assert (status, config["auth_endpoint"], config["client_id"]) == (200, "/console/cognito", "client-of-tests")
    assert "connect-src 'self';" in headers["Content-Security-Policy"]


def test_the_shell_holds_no_inline_script_style_or_handler_and_no_data(console):
    status, html, headers = console.call("GET", "/console", claims=None)
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.DOTALL)
    assert scripts == [(' type="module" src="/console/static/console.js"', "")]
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handler
    assert "javascript:" not in html
    assert IBAN not in html and "rita" not in html
    for hook in ("username", "password", "sign-in", "sign-out", "filter-severity", "filter-rule", "filter-entity",
                 "filter-status", "filter-object", "reveal", "reveal-text", "action-status", "action-note",
                 "suppression-scope", "suppression-pattern", "apply-action", "audit", "select-all", "bulk-status",
                 "bulk-note", "bulk-apply"):  # fmt: skip
        assert f'id="{hook}"' in html
    assert '<a class="skip-link" href="#main"' in html
    for control in re.findall(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"', html):  # every control labelled
        assert f'for="{control}"' in html or control == "select-all"
    assert 'id="select-all" aria-label=' in html


@pytest.mark.parametrize(
    ("name", "status", "content_type"),
    [
        ("console.js", 200, "text/javascript; charset=utf-8"),
        ("api.js", 200, "text/javascript; charset=utf-8"),
        ("views.js", 200, "text/javascript; charset=utf-8"),
        ("charts.js", 200, "text/javascript; charset=utf-8"),
        ("console.css", 200, "text/css; charset=utf-8"),
        ("index.html", 404, "application/json"),
        ("..%2Fapp.py", 404, "application/json"),
        ("app.py", 404, "application/json"),
        ("CONSOLE.JS", 404, "application/json"),
    ],
)
def test_assets_come_from_the_allow_list_only(console, name, status, content_type):
    got, _, headers = console.call("GET", f"/console/static/{name}", claims=None)
    assert (got, headers["Content-Type"]) == (status, content_type)


def test_the_scripts_keep_the_token_in_session_storage_only():
    from importlib import resources

    assets = resources.files("privscan.console").joinpath("assets")
    scripts = {name: assets.joinpath(name).read_text(encoding="utf-8") for name in ("api.js", "console.js")}
    for text in scripts.values():
        assert "localStorage" not in text and "document.cookie" not in text and "innerHTML" not in text
    assert scripts["api.js"].count("sessionStorage.setItem(") == 1
    assert "AWSCognitoIdentityProviderService.InitiateAuth" in scripts["api.js"]
    assert "'Authorization'" not in scripts["console.js"]


# -- the listing -------------------------------------------------------------------------------------
def ids_of(page) -> list[str]:
    return [item["id"] for item in page["items"]]


def test_the_listing_item_holds_names_and_masked_previews(console):
    status, page, _ = console.call("GET", "/console/api/findings", {"object": "crm/notes.txt"})
    assert status == 200 and page["total"] == 1
    assert page["items"] == [
        {
            "id": console.ids["crm/notes.txt"][0],
            "bucket": console.bucket,
            "object": "crm/notes.txt",
            "member": None,
            "record": 0,
            "field": None,
            "start": 7,
            "end": 29,
            "role": None,
            "where": None,
            "rule_ids": [DIRECT],
            "title": "Direct identifier in training data",
            "severity": "high",
            "entity_type": "IBAN_CODE",
            "status": "open",
            "preview": "DE******************00",
            "count": None,
            "distinct": None,
            "scanned_at": "2026-12-03T10:00:00+00:00",
            "reviewed_by": None,
            "reviewed_at": None,
        }
    ]


def test_the_default_order_is_severity_first_then_object_record_field(console):
    people, notes, chats = console.ids["crm/people.csv"], console.ids["crm/notes.txt"], console.ids["chats/log.jsonl"]
    status, page, _ = console.call("GET", "/console/api/findings")
    assert status == 200
    assert ids_of(page) == [chats[0], notes[0], people[1], people[2], people[0], chats[1]]
    assert (page["total"], page["page"], page["pages"], page["limit"]) == (6, 1, 1, 50)


def test_counts_per_filter_value_leave_out_their_own_filter(console):
    status, page, _ = console.call("GET", "/console/api/findings", {"severity": "high", "status": "open"})
    assert (status, page["total"]) == (200, 4)
    assert page["counts"] == {
        "severity": {"critical": 0, "high": 4, "medium": 1, "low": 1},  # status open only: every severity
        "rule": {DIRECT: 3, NATIONAL: 2, NO_AI: 1},
        "entity": {"DE_TAX_ID": 2, "IBAN_CODE": 1, "RULE": 1},
        "status": {"open": 4, "confirmed": 0, "false_positive": 0, "accepted_risk": 0, "remediated": 0},
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"severity": "medium"}, [("crm/people.csv", 0)]),
        ({"rule": NATIONAL}, [("crm/people.csv", 1), ("crm/people.csv", 2)]),
        ({"rule": "GDPR-ART9-HEALTH"}, []),
        ({"entity": "RULE"}, [("chats/log.jsonl", 0)]),
        ({"entity": "PERSON"}, [("chats/log.jsonl", 1)]),
        ({"prefix": "crm/", "sort": "object", "order": "asc"}, [("crm/notes.txt", 0), ("crm/people.csv", 0),
                                                                ("crm/people.csv", 1), ("crm/people.csv", 2)]),
        ({"prefix": "cr"}, [("crm/notes.txt", 0), ("crm/people.csv", 1), ("crm/people.csv", 2),
                            ("crm/people.csv", 0)]),
        ({"object": "crm/people"}, []),  # an exact key, not a prefix
        ({"since": "2026-12-03"}, [("chats/log.jsonl", 0), ("crm/notes.txt", 0), ("chats/log.jsonl", 1)]),
        ({"until": "2026-12-02"}, [("crm/people.csv", 1), ("crm/people.csv", 2), ("crm/people.csv", 0)]),
        ({"since": "2026-12-03", "until": "2026-12-03"}, [("crm/notes.txt", 0)]),
        ({"since": "2026-12-06"}, []),
        ({"status": "confirmed"}, []),
    ],
)  # fmt: skip
def test_filters_are_exact(console, query, expected):
    status, page, _ = console.call("GET", "/console/api/findings", query)
    assert status == 200
    assert ids_of(page) == [console.ids[key][seq] for key, seq in expected]
    assert page["total"] == len(expected)


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        ("severity", "asc", [("chats/log.jsonl", 1), ("crm/people.csv", 0), ("chats/log.jsonl", 0),
                             ("crm/notes.txt", 0), ("crm/people.csv", 1), ("crm/people.csv", 2)]),
        ("rule", "asc", [("chats/log.jsonl", 1), ("chats/log.jsonl", 0), ("crm/notes.txt", 0),
                         ("crm/people.csv", 0), ("crm/people.csv", 1), ("crm/people.csv", 2)]),
        ("object", "desc", [("crm/people.csv", 0), ("crm/people.csv", 1), ("crm/people.csv", 2),
                            ("crm/notes.txt", 0), ("chats/log.jsonl", 0), ("chats/log.jsonl", 1)]),
        ("created", "desc", [("chats/log.jsonl", 0), ("chats/log.jsonl", 1), ("crm/notes.txt", 0),
                             ("crm/people.csv", 0), ("crm/people.csv", 1), ("crm/people.csv", 2)]),
        ("entity", "asc", [("crm/people.csv", 1), ("crm/people.csv", 2), ("crm/people.csv", 0),
                           ("crm/notes.txt", 0), ("chats/log.jsonl", 1), ("chats/log.jsonl", 0)]),
    ],
)  # fmt: skip
def test_sorting_is_exact_and_ties_keep_object_record_field_order(console, sort, order, expected):
    status, page, _ = console.call("GET", "/console/api/findings", {"sort": sort, "order": order})
    assert status == 200
    assert ids_of(page) == [console.ids[key][seq] for key, seq in expected]


def test_pages_cut_the_sorted_list(console):
    everything = ids_of(console.call("GET", "/console/api/findings", {"sort": "object", "order": "asc"})[1])
    pages = [console.call("GET", "/console/api/findings", {"sort": "object", "order": "asc", "limit": 4, "page": n})[1]
             for n in (1, 2, 3)]  # fmt: skip
    assert [ids_of(p) for p in pages] == [everything[:4], everything[4:], []]
    assert [(p["page"], p["pages"], p["total"]) for p in pages] == [(1, 2, 6), (2, 2, 6), (3, 2, 6)]


@pytest.mark.parametrize(
    "query",
    [
        {"severity": "urgent"},
        {"status": "closed"},
        {"sort": "preview"},
        {"order": "up"},
        {"limit": "0"},
        {"limit": "201"},
        {"page": "0"},
        {"since": "yesterday"},
        {"bucket": "Not_A_Bucket"},
        {"anna.roe@example.com": "x"},
    ],
)
def test_bad_parameters_are_422_naming_the_field_never_the_value(console, query):
    status, answer, _ = console.call("GET", "/console/api/findings", query)
    assert status == 422
    sent = "".join(f"{k}{v}" for k, v in query.items())
    assert "anna" not in str(answer) and "urgent" not in str(answer) and "yesterday" not in str(answer)
    assert "Not_A_Bucket" not in str(answer) and len(answer["errors"]) == 1 and sent


def test_a_review_shows_in_the_listing_at_once(console):
    fid = console.ids["crm/people.csv"][1]
    console.call("GET", "/console/api/findings")  # the rows are held
    assert console.call("POST", "/console/api/reviews", body=review_body([fid], "accepted_risk"))[0] == 200
    page = console.call("GET", "/console/api/findings", {"status": "accepted_risk"})[1]
    assert ids_of(page) == [fid] and page["items"][0]["reviewed_by"] == "rita"


# -- detail, reveal ----------------------------------------------------------------------------------
def test_the_detail_explains_the_rules_from_the_catalogue_and_shows_the_trail(console):
    fid = console.ids["crm/people.csv"][1]
    console.call("POST", "/console/api/reviews", body=review_body([fid], "confirmed", note="seen by DPO"))
    status, detail, _ = console.call("GET", f"/console/api/findings/{fid}", claims=VIEWER)
    assert status == 200
    assert [r["id"] for r in detail["rules"]] == [NATIONAL, DIRECT]
    national = detail["rules"][0]
    assert (national["title"], national["severity"]) == ("National identification number", "high")
    assert national["law"].startswith("GDPR Art. 87") and national["explanation"] and national["remediation"]
    assert (detail["finding"]["status"], detail["finding"]["note"]) == ("confirmed", "seen by DPO")
    assert [(a["actor"], a["from_status"], a["to_status"], a["note"]) for a in detail["audit"]] == [
        ("rita", "open", "confirmed", "seen by DPO")
    ]


def test_a_column_findings_occurrences_are_masked_and_a_rule_finding_cannot_be_revealed(console):
    fid = console.ids["chats/log.jsonl"][0]
    detail = console.call("GET", f"/console/api/findings/{fid}")[1]
    assert (detail["finding"]["can_reveal"], detail["finding"]["can_suppress"]) == (False, False)
    status, answer, _ = console.call("POST", f"/console/api/findings/{fid}/reveal", body={})
    assert status == 409 and "no located value" in answer["message"]


@pytest.mark.parametrize("fid", [FAKE_ID, "nothex", "0123456789ABCDEF01234567"])
def test_an_unknown_or_malformed_id_is_404(console, fid):
    assert console.call("GET", f"/console/api/findings/{fid}")[0] == 404
    assert console.call("POST", f"/console/api/findings/{fid}/reveal", body={})[0] == 404


def test_reveal_reads_the_object_now_and_records_the_look_without_its_text(console):
    fid = console.ids["crm/notes.txt"][0]
    status, answer, _ = console.call("POST", f"/console/api/findings/{fid}/reveal", body={})
    assert status == 200
    assert answer["excerpts"] == [
        {
            "record": 0,
            "field": None,
            "text": f"pay to {IBAN} today",
            "highlight": [7, 29],
            "cut_before": False,
            "cut_after": False,
        }
    ]
    assert (answer["audit_entry"]["actor"], answer["audit_entry"]["reveal"]) == ("rita", {"excerpts": 1})
    stored = audit_items(console)
    assert len(stored) == 1 and IBAN not in str(stored) and "pay to" not in str(stored)
    findings = console.services.review.store.table.scan()["Items"]
    assert IBAN not in str(findings)


def test_a_reveal_body_may_only_name_the_key(console):
    fid = console.ids["crm/notes.txt"][0]
    status, answer, _ = console.call("POST", f"/console/api/findings/{fid}/reveal", body={"actor": "mallory"})
    assert status == 422 and "mallory" not in str(answer)
    status, answer, _ = console.call("POST", f"/console/api/findings/{fid}/reveal", body="{not json")
    assert (status, answer["message"]) == (400, "the body is not valid JSON")
    assert audit_items(console) == []


# -- reviews -----------------------------------------------------------------------------------------
def test_a_bulk_of_100_is_one_request_audited_per_finding_as_the_signed_in_user(console):
    from tests.unit.console.conftest import add_object, finding

    many = [
        finding("bulk/a.txt", n, "IBAN_CODE", "high", [DIRECT], "DE******************00", start=0, end=22, value=f"{n}")
        for n in range(100)
    ]
    ids = add_object(console.services.review.store, console.s3, console.bucket, "bulk/a.txt", many)
    status, answer, _ = console.call(
        "POST", "/console/api/reviews", body=review_body(ids, "remediated", note="columns dropped", actor="mallory")
    )
    assert status == 422  # the reviewer of record is never a body field
    status, answer, _ = console.call(
        "POST", "/console/api/reviews", body=review_body(ids, "remediated", note="dropped")
    )
    assert status == 200
    assert answer["outcomes"] == {"changed": 100}
    assert [r["id"] for r in answer["results"]] == ids
    assert {(r["outcome"], r["status"]) for r in answer["results"]} == {("changed", "remediated")}
    entries = audit_items(console)
    assert len(entries) == 100 and {(e["actor"], e["to_status"], e["note"]) for e in entries} == {
        ("rita", "remediated", "dropped")
    }
    page = console.call("GET", "/console/api/findings", {"prefix": "bulk/", "status": "remediated"})[1]
    assert page["total"] == 100
    again = console.call("POST", "/console/api/reviews", body=review_body(ids[:3], "remediated", note="dropped"))[1]
    assert again["outcomes"] == {"unchanged": 3} and len(audit_items(console)) == 100


def test_a_bulk_reports_each_id_it_could_not_change(console):
    rule_finding, value = console.ids["chats/log.jsonl"][0], console.ids["crm/notes.txt"][0]
    status, answer, _ = console.call(
        "POST",
        "/console/api/reviews",
        body=review_body([FAKE_ID, rule_finding, value, value], "false_positive", suppression={"scope": "fingerprint"}),
    )
    assert status == 200
    assert [(r["id"], r["outcome"]) for r in answer["results"]] == [
        (FAKE_ID, "not_found"),
        (rule_finding, "rejected"),
        (value, "changed"),
    ]  # a repeated id counts once
    assert "no value to suppress" in answer["results"][1]["message"]
    assert answer["outcomes"] == {"not_found": 1, "rejected": 1, "changed": 1}


def allow_list(console) -> dict | None:
    try:
        body = console.s3.get_object(Bucket=console.results, Key="config/suppressions.yaml")["Body"].read()
    except console.s3.exceptions.NoSuchKey:
        return None
    return yaml.safe_load(body)


def test_a_false_positive_by_fingerprint_becomes_a_suppression(console):
    fid = console.ids["crm/notes.txt"][0]
    status, answer, _ = console.call(
        "POST", "/console/api/reviews", body=review_body([fid], "false_positive", suppression={"scope": "fingerprint"})
    )
    assert (status, answer["outcomes"]) == (200, {"changed": 1})
    entry = answer["results"][0]["audit_entry"]
    assert entry["suppression"] == {"by": "fingerprint", "bucket": console.bucket, "prefix": "crm/notes.txt"}
    rules = allow_list(console)
    assert rules is not None and IBAN not in str(rules)
    assert console.services.review.finding(fid)["fingerprint"] in str(rules)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"status": "false_positive", "suppression": {"scope": "pattern", "pattern": ".*"}}, 400,
         "suppression.pattern refused"),
        ({"status": "false_positive", "suppression": {"scope": "pattern", "pattern": "(a)\\1"}}, 400,
         "suppression.pattern refused"),
        ({"status": "false_positive", "suppression": {"scope": "pattern"}}, 422, "give the pattern to suppress"),
        ({"status": "confirmed", "suppression": {"scope": "fingerprint"}}, 422,
         "only a false positive can become a suppression rule"),
        ({"status": "false_positive", "suppression": {"scope": "everything"}}, 422, "invalid request"),
        ({"status": "closed"}, 422, "invalid request"),
        ({"status": "confirmed", "note": "x" * 2001}, 422, "invalid request"),
    ],
)  # fmt: skip
def test_unusable_suppressions_and_bad_reviews_are_refused_and_change_nothing(console, body, status, message):
    fid = console.ids["crm/notes.txt"][0]
    got, answer, _ = console.call("POST", "/console/api/reviews", body={"finding_ids": [fid], **body})
    assert got == status and answer["message"].startswith(message)
    assert ".*" not in answer["message"] and "\\1" not in answer["message"]
    assert audit_items(console) == [] and allow_list(console) is None
    assert console.services.review.finding(fid)["review_status"] == "open"


@pytest.mark.parametrize(
    "ids",
    [[], ["nothex"], [FAKE_ID] * 0 + ["0123456789abcdef0123456"], [f"{n:024x}" for n in range(501)]],
)
def test_the_ids_of_a_bulk_are_1_to_500_finding_ids(console, ids):
    assert console.call("POST", "/console/api/reviews", body=review_body(ids))[0] == 422


def test_a_pattern_suppression_is_named_by_fingerprint_in_the_answer(console):
    fid = console.ids["crm/notes.txt"][0]
    pattern = "DE89[0-9]{18}"
    status, answer, _ = console.call(
        "POST",
        "/console/api/reviews",
        body=review_body([fid], "false_positive", suppression={"scope": "pattern", "pattern": pattern}),
    )
    assert status == 200
    suppression = answer["results"][0]["audit_entry"]["suppression"]
    assert suppression["by"] == "pattern" and suppression["pattern_fingerprint"] and pattern not in str(answer)


# -- CSV -----------------------------------------------------------------------------------------------
def test_the_csv_export_has_the_filtered_findings_masked(console):
    status, text, headers = console.call("GET", "/console/api/export", {"prefix": "crm/", "severity": "high"}, raw=True)
    assert status == 200
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"] == 'attachment; filename="privscan-findings.csv"'
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "bucket", "object", "record", "field", "entity_type", "severity", "rules", "status",
                       "preview", "count", "scanned_at", "reviewed_by", "reviewed_at"]  # fmt: skip
    people, notes = console.ids["crm/people.csv"], console.ids["crm/notes.txt"]
    assert [(r[0], r[2], r[3], r[5], r[7], r[9]) for r in rows[1:]] == [
        (notes[0], "crm/notes.txt", "0", "IBAN_CODE", DIRECT, "DE******************00"),
        (people[1], "crm/people.csv", "0", "DE_TAX_ID", f"{NATIONAL},{DIRECT}", "1*********1"),
        (people[2], "crm/people.csv", "1", "DE_TAX_ID", f"{NATIONAL},{DIRECT}", "2*********2"),
    ]
    assert IBAN not in text and "fingerprint" not in text


def test_a_csv_cell_is_never_a_spreadsheet_formula(console):
    from tests.unit.console.conftest import add_object, finding

    add_object(console.services.review.store, console.s3, console.bucket, "=cmd.csv",
               [finding("=cmd.csv", 0, "PERSON", "low", [], "@A***", field="-name")])  # fmt: skip
    text = console.call("GET", "/console/api/export", {"prefix": "="}, raw=True)[1]
    row = list(csv.reader(io.StringIO(text)))[1]
    assert (row[2], row[4], row[9]) == ("'=cmd.csv", "'-name", "'@A***")


# -- datasets -------------------------------------------------------------------------------------------
def test_datasets_are_the_first_folders_with_their_counts(console):
    status, answer, _ = console.call("GET", "/console/api/datasets", claims=VIEWER)
    assert status == 200
    assert answer["datasets"] == [
        {"prefix": "chats/", "objects": 1, "findings": 2,
         "by_severity": {"critical": 0, "high": 1, "medium": 0, "low": 1}},
        {"prefix": "crm/", "objects": 2, "findings": 4,
         "by_severity": {"critical": 0, "high": 3, "medium": 1, "low": 0}},
    ]  # fmt: skip
    assert [o["key"] for o in answer["objects"]] == ["chats/log.jsonl", "crm/notes.txt", "crm/people.csv"]


def test_a_datasets_detail_has_the_reports_charts_and_review_progress(console):
    console.call("POST", "/console/api/reviews", body=review_body(console.ids["crm/people.csv"][:2], "confirmed"))
    status, detail, _ = console.call("GET", "/console/api/datasets/detail", {"prefix": "crm/"})
    assert status == 200
    assert (detail["objects"], detail["records"], detail["findings"]) == (2, 6, 4)
    charts = detail["charts"]
    assert [(b["label"], b["value"], b["title"]) for b in charts["by_rule"]] == [
        (DIRECT, 4, "Direct identifier in training data"),
        (NATIONAL, 2, "National identification number"),
    ]
    assert charts["by_entity"] == [
        {"label": "EMAIL_ADDRESS", "value": 40},
        {"label": "DE_TAX_ID", "value": 2},
        {"label": "IBAN_CODE", "value": 1},
    ]
    assert charts["by_severity"] == [{"label": "critical", "value": 0}, {"label": "high", "value": 3},
                                     {"label": "medium", "value": 1}, {"label": "low", "value": 0}]  # fmt: skip
    assert {b["label"]: b["value"] for b in charts["review"]} == {
        "open": 2, "confirmed": 2, "false_positive": 0, "accepted_risk": 0, "remediated": 0
    }  # fmt: skip
    assert detail["examinations"] == [] and detail["ethics"] == {"conversations": None, "rules": []}


def test_a_chat_objects_ethics_rates_are_per_1000_conversations(console):
    status, detail, _ = console.call("GET", "/console/api/datasets/detail", {"key": "chats/log.jsonl"})
    assert status == 200 and detail["scope"] == {"object": "chats/log.jsonl"}
    assert detail["ethics"]["conversations"] == 500
    rules = {rule["rule_id"]: rule for rule in detail["ethics"]["rules"]}
    assert rules.pop(NO_AI) == {
        "rule_id": NO_AI,
        "title": "Chatbot never says it is an AI",
        "count": 1,
        "conversations": 1,
        "per_1000": 2.0,
    }
    assert len(rules) == 7 and {(r["count"], r["per_1000"]) for r in rules.values()} == {(0, 0.0)}


def test_an_examination_recorded_in_a_summary_is_shown(console):
    store = console.services.review.store
    store.table.update_item(
        Key={"pk": f"OBJ#{console.bucket}#crm/people.csv", "sk": "SUMMARY"},
        UpdateExpression="SET examination = :e",
        ExpressionAttributeValues={":e": {"records": 3, "label": "hired"}},
    )
    detail = console.call("GET", "/console/api/datasets/detail", {"prefix": "crm/"})[1]
    assert detail["examinations"] == [{"object": "crm/people.csv", "examination": {"records": 3, "label": "hired"}}]


def test_datasets_detail_takes_a_key_or_a_prefix_only(console):
    assert console.call("GET", "/console/api/datasets/detail", {"prefix": "crm/", "secret": "x"})[0] == 422
    assert console.call("GET", "/console/api/datasets/detail", {"key": "nothing/here"})[1]["objects"] == 0


def test_the_audit_table_holds_usernames_not_arns(console):
    fid = console.ids["crm/notes.txt"][0]
    console.call("POST", "/console/api/reviews", body=review_body([fid], "confirmed"))
    items = console.audit_table.query(KeyConditionExpression=Key("pk").eq(f"OBJ#{console.bucket}#crm/notes.txt"))
    assert [i["actor"] for i in items["Items"]] == ["rita"]


# -- the listing's rows held by a warm function -------------------------------------------------------
def test_a_new_scan_or_a_removal_shows_at_once_and_a_review_made_elsewhere_after_max_age(console, monkeypatch):
    from privscan.console import listing
    from privscan.ingest.events import ObjectRef

    from tests.unit.console.conftest import finding

    store, index = console.services.review.store, console.services.index
    index.refresh_budget = 60
    assert console.call("GET", "/console/api/findings")[1]["total"] == 6
    newer = ObjectRef(console.bucket, "crm/notes.txt", "v2", sequencer="00000000000000000F")
    store.replace_findings(newer, [finding("crm/notes.txt", 1, "PERSON", "critical", [], "B** C**")])
    store.put_summary(newer, {"status": "done", "findings": 1})
    page = console.call("GET", "/console/api/findings", {"object": "crm/notes.txt"})[1]
    assert [(i["severity"], i["preview"]) for i in page["items"]] == [("critical", "B** C**")]
    store.remove(ObjectRef(console.bucket, "chats/log.jsonl", "null", sequencer="00000000000000000F"))
    assert console.call("GET", "/console/api/findings", {"prefix": "chats/"})[1]["total"] == 0
    other = console.ids["crm/people.csv"][0]
    item = store.get_finding(other)
    entry = {"at": "2026-12-07T12:00:00+00:00", "actor": "arn:aws:iam::123456789012:user/cli", "note": ""}
    store.review(item, "confirmed", {**entry, "from_status": "open", "to_status": "confirmed"})
    assert console.call("GET", "/console/api/findings", {"status": "confirmed"})[1]["total"] == 0  # held rows
    clock = [listing.time.monotonic() + index.max_age + 1]
    monkeypatch.setattr(listing.time, "monotonic", lambda: clock[0])
    assert ids_of(console.call("GET", "/console/api/findings", {"status": "confirmed"})[1]) == [other]


def test_stale_rows_are_read_again_oldest_first_within_each_requests_budget(console, monkeypatch):
    from privscan.console import listing

    store, index = console.services.review.store, console.services.index
    index.refresh_budget = 0  # one object a request
    console.call("GET", "/console/api/findings")  # read in key order: chats/, crm/notes, crm/people
    reviewed = [console.ids["crm/people.csv"][0], console.ids["chats/log.jsonl"][1]]
    for fid in reviewed:
        entry = {"at": "2026-12-07T12:00:00+00:00", "actor": "cli", "note": "", "from_status": "open"}
        store.review(store.get_finding(fid), "confirmed", {**entry, "to_status": "confirmed"})
    ticks = iter(range(10**6))
    start = listing.time.monotonic() + index.max_age + 1
    monkeypatch.setattr(listing.time, "monotonic", lambda: start + next(ticks) / 1000)
    shown = [ids_of(console.call("GET", "/console/api/findings", {"status": "confirmed"})[1]) for _ in range(3)]
    assert shown == [[reviewed[1]], [reviewed[1]], [reviewed[0], reviewed[1]]]


def test_the_listing_holds_at_most_max_findings(console):
    console.services.index.clear()
    console.services.index.max_findings = 4
    assert console.call("GET", "/console/api/findings")[1]["total"] == 4


def test_the_assets_served_are_the_files_of_the_assets_folder():
    from importlib import resources

    from privscan.console.app import ASSETS

    folder = resources.files("privscan.console").joinpath("assets")
    assert set(ASSETS) == {p.name for p in folder.iterdir() if p.is_file()} - {"index.html"}
