"""The review console end to end: a real `privscan serve` with the demo data, driven in headless Chromium.

A privacy officer signs in, filters the findings, opens one, reveals its context (an audit entry), marks it
a false positive with a suppression of its value (another audit entry); the object uploaded again is scanned
with that suppression and the value is no longer a finding. A bulk action on 100 findings is one request. A
viewer signs in (after a wrong password), reads, and is offered no change. Over HTTP: the data routes refuse
a request without a token (401, from the authorizer) and a viewer's review (403, from the console).

Chromium is Debian's `chromium`, driven by Playwright for Python (never a browser Playwright downloads).
Without it the browser tests are skipped, unless PRIVSCAN_REQUIRE_BROWSER=1 (set by .ci/run). Screenshots
and the server's messages go to build/test-artifacts/console/.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import boto3
import pytest
import requests
from boto3.dynamodb.conditions import Key
from privscan_tools.local.samples import sample_dataset
from privscan_tools.local.stack import REGION, describe_stack

from tests.conftest import REPO_ROOT
from tests.integration.browser import HEADLESS_ARGS, chromium
from tests.integration.conftest import serving

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "build" / "test-artifacts" / "console"
NOTES = "datasets/demo/notes.txt"  # plain text: one finding per address, each with its own value
TERMINAL = {"done", "unsupported", "rejected", "failed", "deleted", "superseded"}
SCAN_TIMEOUT_S = 150
RESCAN_TIMEOUT_S = 60
UI_TIMEOUT_MS = 20_000


class Local:
    """The served stack's resources, read directly (the test's own view, not the console's)."""

    def __init__(self, banner: dict):
        self.banner = banner
        aws = {"endpoint_url": banner["endpoint"], "region_name": REGION}
        aws |= {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
        physical = describe_stack(banner["endpoint"])
        self.bucket = banner["bucket"]
        self.results_bucket = physical["ResultsBucket"]
        self.s3 = boto3.client("s3", **aws)
        dynamodb = boto3.resource("dynamodb", **aws)
        self.findings = dynamodb.Table(physical["FindingsTable"])
        self.audit = dynamodb.Table(physical["AuditTable"])

    def summary(self, key: str) -> dict | None:
        return self.findings.get_item(Key={"pk": f"OBJ#{self.bucket}#{key}", "sk": "SUMMARY"}).get("Item")

    def wait_for(self, keys: list[str], timeout_s: float, version: str | None = None) -> dict[str, dict]:
        """The summaries of `keys` once all are terminal (of `version`, when given); fails after `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while True:
            summaries = {key: self.summary(key) or {} for key in keys}
            if all(s.get("status") in TERMINAL and version in (None, s.get("version")) for s in summaries.values()):
                return summaries
            assert time.monotonic() < deadline, {k: (s.get("status"), s.get("version")) for k, s in summaries.items()}
            time.sleep(0.5)

    def current_findings(self, key: str) -> list[dict]:
        """The finding items of the object's current version."""
        version = self.summary(key)["version"]
        items = self.findings.query(
            KeyConditionExpression=Key("pk").eq(f"OBJ#{self.bucket}#{key}") & Key("sk").begins_with("FINDING#")
        )["Items"]
        return [item for item in items if item.get("version") == version]

    def audit_entries(self, key: str, finding_id: str) -> list[dict]:
        return self.audit.query(
            KeyConditionExpression=Key("pk").eq(f"OBJ#{self.bucket}#{key}")
            & Key("sk").begins_with(f"AUDIT#{finding_id}#")
        )["Items"]

    def suppressions(self) -> str:
        return self.s3.get_object(Bucket=self.results_bucket, Key="config/suppressions.yaml")["Body"].read().decode()


@pytest.fixture(scope="module")
def local() -> Iterator[Local]:
    """`privscan serve` with the demo's objects uploaded and scanned."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / "serve.log", "w", encoding="utf-8") as log, serving(stderr=log) as banner:
        stack = Local(banner)
        dataset = sample_dataset()
        for key, body in dataset.items():
            stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=body)
        stack.wait_for(list(dataset), SCAN_TIMEOUT_S)
        yield stack


def id_token(local: Local, username: str, password: str) -> str:
    """Sign in as the page does: the Cognito endpoint and client the console's config names."""
    config = requests.get(f"{local.banner['api']}/console/config.json", timeout=30).json()
    answer = requests.post(
        config["auth_endpoint"],
        data=json.dumps(
            {
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": config["client_id"],
                "AuthParameters": {"USERNAME": username, "PASSWORD": password},
            }
        ),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["AuthenticationResult"]["IdToken"]


# -- over HTTP ------------------------------------------------------------------------------------------


def test_the_data_routes_refuse_a_request_without_a_token_and_the_page_is_public(local):
    api = local.banner["api"]
    refused = requests.get(f"{api}/console/api/findings", timeout=30)
    assert (refused.status_code, refused.json()) == (401, {"message": "Unauthorized"})
    forged = requests.get(f"{api}/console/api/findings", headers={"Authorization": "Bearer a.b.c"}, timeout=30)
    assert forged.status_code == 401
    page = requests.get(local.banner["console"], timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "sign-in-form" in page.text


def test_a_viewer_reads_the_findings_but_may_not_review_them(local):
    api = local.banner["api"]
    token = id_token(local, local.banner["console_viewer"], local.banner["console_viewer_password"])
    headers = {"Authorization": f"Bearer {token}"}
    listed = requests.get(f"{api}/console/api/findings?limit=1&status=open", headers=headers, timeout=30)
    assert listed.status_code == 200, listed.text
    (first,) = listed.json()["items"]
    review = {"finding_ids": [first["id"]], "status": "confirmed", "note": ""}
    refused = requests.post(f"{api}/console/api/reviews", json=review, headers=headers, timeout=30)
    assert refused.status_code == 403, refused.text
    detail = requests.get(f"{api}/console/api/findings/{first['id']}", headers=headers, timeout=30).json()
    assert (detail["finding"]["status"], detail["audit"]) == ("open", [])  # nothing changed, nothing recorded


# -- in the browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=HEADLESS_ARGS, timeout=60_000)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(UI_TIMEOUT_MS)
    try:
        yield tab
    finally:
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}-last.png"), full_page=True)
        context.close()


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def sign_in(page, local: Local) -> None:
    page.goto(local.banner["console"])
    expect(page.locator("#view-sign-in")).to_be_visible()
    page.fill("#username", local.banner["console_user"])
    page.fill("#password", local.banner["console_password"])
    page.click("#sign-in")
    expect(page.locator("#whoami")).to_have_text(f"{local.banner['console_user']} (reviewer)")
    expect(page.locator("#findings-summary")).to_have_text(re.compile(r"^\d+ findings?$"))


def filter_notes_addresses(page) -> None:
    """The notes' e-mail addresses: the key typed first, so that choosing the entity loads both filters at once."""
    page.fill("#filter-object", NOTES)
    page.select_option("#filter-entity", "EMAIL_ADDRESS")
    page.wait_for_load_state("networkidle")


def test_a_privacy_officer_reveals_suppresses_and_the_next_scan_is_silent(local, page):
    addresses = [f for f in local.current_findings(NOTES) if f["entity_type"] == "EMAIL_ADDRESS"]
    assert len(addresses) >= 2
    sign_in(page, local)
    page.screenshot(path=str(ARTIFACTS / "01-findings.png"), full_page=True)

    filter_notes_addresses(page)
    expect(page.locator("#findings-summary")).to_have_text(f"{len(addresses)} findings")
    rows = page.locator("#findings-body tr")
    expect(rows).to_have_count(len(addresses))
    assert set(rows.locator("td:nth-child(4)").all_inner_texts()) == {"EMAIL_ADDRESS"}
    assert all(text.startswith(NOTES) for text in rows.locator("td:nth-child(5)").all_inner_texts())
    assert {rows.nth(i).get_attribute("data-finding-id") for i in range(len(addresses))} == {
        f["finding_id"] for f in addresses
    }
    page.screenshot(path=str(ARTIFACTS / "02-filtered.png"), full_page=True)

    finding_id = rows.first.get_attribute("data-finding-id")
    (chosen,) = [f for f in addresses if f["finding_id"] == finding_id]
    rows.first.locator("a.finding-link").click()
    expect(page.locator("#view-detail")).to_be_visible()
    expect(page.locator("#detail-location")).to_contain_text(finding_id)
    expect(page.locator("#audit")).to_have_text("No review yet.")

    page.click("#reveal")
    mark = page.locator("#reveal-text p.excerpt mark")
    expect(mark).to_have_count(1)
    assert re.fullmatch(r"[\w.+-]+@example\.(com|org|net)", mark.inner_text())  # the address itself, unmasked
    assert mark.inner_text()[0] == chosen["preview"][0]
    expect(page.locator("#audit li")).to_have_count(1)
    expect(page.locator("#audit li")).to_contain_text("privacy-officer · revealed 1 excerpt(s)")
    (revealed,) = local.audit_entries(NOTES, finding_id)
    assert revealed["actor"] == "privacy-officer" and "reveal" in revealed
    page.screenshot(path=str(ARTIFACTS / "03-revealed.png"), full_page=True)

    page.select_option("#action-status", "false_positive")
    page.fill("#action-note", "a test mailbox of ours")
    page.select_option("#suppression-scope", "fingerprint")
    page.click("#apply-action")
    expect(page.locator("#action-result")).to_have_text("changed.")
    marked = page.locator('#audit li[data-to-status="false_positive"]')
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("privacy-officer · open → false positive; suppression by fingerprint")
    expect(marked).to_contain_text("a test mailbox of ours")
    expect(page.locator("#reveal-text")).to_be_empty()  # the excerpt went with the re-rendered detail
    page.screenshot(path=str(ARTIFACTS / "04-false-positive.png"), full_page=True)
    entries = local.audit_entries(NOTES, finding_id)
    by_status = {e["to_status"]: e for e in entries}  # a reveal records the status it left as it was
    assert set(by_status) == {"open", "false_positive"} and "reveal" in by_status["open"]
    assert by_status["false_positive"]["actor"] == "privacy-officer"
    assert by_status["false_positive"]["suppression"]["by"] == "fingerprint"
    assert chosen["fingerprint"] in local.suppressions()

    same = [f for f in addresses if f["fingerprint"] == chosen["fingerprint"]]
    uploaded = local.s3.put_object(Bucket=local.bucket, Key=NOTES, Body=sample_dataset()[NOTES])
    local.wait_for([NOTES], RESCAN_TIMEOUT_S, version=uploaded["VersionId"])
    rescanned = [f for f in local.current_findings(NOTES) if f["entity_type"] == "EMAIL_ADDRESS"]
    assert len(rescanned) == len(addresses) - len(same)
    assert chosen["fingerprint"] not in {f["fingerprint"] for f in rescanned}

    page.click("#nav-findings")
    expect(page.locator("#view-findings")).to_be_visible()
    deadline = time.monotonic() + RESCAN_TIMEOUT_S  # the console may serve its listing from memory a while
    while True:
        page.click("#apply-filters")
        page.wait_for_load_state("networkidle")
        if page.locator("#findings-summary").inner_text() == f"{len(rescanned)} findings":
            break
        assert time.monotonic() < deadline, page.locator("#findings-summary").inner_text()
        time.sleep(1)
    listed = {rows.nth(i).get_attribute("data-finding-id") for i in range(rows.count())}
    assert listed == {f["finding_id"] for f in rescanned}
    page.screenshot(path=str(ARTIFACTS / "05-rescanned.png"), full_page=True)


def test_a_bulk_action_on_100_findings_is_one_request(local, page):
    sign_in(page, local)
    page.select_option("#page-size", "100")
    page.wait_for_load_state("networkidle")
    page.select_option("#filter-status", "open")
    page.wait_for_load_state("networkidle")
    rows = page.locator("#findings-body tr")
    expect(rows).to_have_count(100)
    expect(page.locator('#findings-body tr:not([data-status="open"])')).to_have_count(0)
    posted = []
    page.on("request", lambda r: posted.append(r) if r.url.endswith("/console/api/reviews") else None)
    page.check("#select-all")
    expect(page.locator("#bulk-count")).to_have_text("100")
    page.select_option("#bulk-status", "accepted_risk")
    page.fill("#bulk-note", "known test data")
    page.click("#bulk-apply")
    expect(page.locator("#bulk-result")).to_have_text("100 changed.", timeout=90_000)
    assert len(posted) == 1 and posted[0].method == "POST"
    chosen = posted[0].post_data_json["finding_ids"]
    assert len(chosen) == len(set(chosen)) == 100
    page.screenshot(path=str(ARTIFACTS / "06-bulk.png"), full_page=True)
    token = id_token(local, local.banner["console_user"], local.banner["console_password"])
    counts = requests.get(
        f"{local.banner['api']}/console/api/findings?limit=1",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()["counts"]["status"]
    assert counts["accepted_risk"] == 100


def test_a_viewer_signs_in_reads_and_is_offered_no_change(local, page):
    page.goto(local.banner["console"])
    page.fill("#username", local.banner["console_viewer"])
    page.fill("#password", local.banner["console_viewer_password"] + "x")
    page.click("#sign-in")
    expect(page.locator("#error")).to_have_text("Wrong user name or password.")
    expect(page.locator("#view-sign-in")).to_be_visible()
    page.fill("#password", local.banner["console_viewer_password"])
    page.click("#sign-in")
    expect(page.locator("#whoami")).to_have_text(f"{local.banner['console_viewer']} (viewer)")
    expect(page.locator("#findings-body tr").first).to_be_visible()
    expect(page.locator("#bulk-apply")).to_be_disabled()
    expect(page.locator("#bulk-status")).to_be_disabled()
    expect(page.locator("#findings-body input.select-finding").first).to_be_disabled()
    page.locator("#findings-body a.finding-link").first.click()
    expect(page.locator("#view-detail")).to_be_visible()
    expect(page.locator("#reveal")).to_be_disabled()
    expect(page.locator("#action-form")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "07-viewer.png"), full_page=True)
    page.click("#sign-out")
    expect(page.locator("#view-sign-in")).to_be_visible()
    assert page.evaluate("Object.keys(sessionStorage).length") == 0  # the token went with the session
