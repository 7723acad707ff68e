"""Policy: one pass/fail rule for `privscan ci` (local and --endpoint) and POST /scans."""

import pytest
from privscan.review.policy import Policy
from pydantic import ValidationError


def finding(severity="high", entity="IBAN_CODE", rules=("GDPR-ART5-1-C-DIRECT-IDENTIFIERS",)):
    return {"severity": severity, "entity_type": entity, "rule_ids": list(rules)}


@pytest.mark.parametrize(
    ("policy", "findings", "verdict"),
    [
        (Policy(), [finding("high")], "fail"),
        (Policy(), [finding("critical")], "fail"),
        (Policy(), [finding("medium")], "pass"),  # just below the default fail level
        (Policy(fail_on="medium"), [finding("medium")], "fail"),
        (Policy(), [], "pass"),
        (Policy(allowed_entities={"IBAN_CODE"}), [finding("high")], "pass"),
        (Policy(allowed_entities={"PERSON"}), [finding("high")], "fail"),
        (Policy(ignore_rules={"GDPR-ART5-1-C-DIRECT-IDENTIFIERS"}), [finding("high")], "pass"),
        # only some of its rules ignored: still fails
        (
            Policy(ignore_rules={"GDPR-ART5-1-C-DIRECT-IDENTIFIERS"}),
            [finding("high", rules=("GDPR-ART5-1-C-DIRECT-IDENTIFIERS", "GDPR-ART87-NATIONAL-ID"))],
            "fail",
        ),
        # no rule ids: judged on its entity type alone
        (Policy(ignore_rules={"GDPR-ART5-1-C-DIRECT-IDENTIFIERS"}), [finding("high", rules=())], "fail"),
        (Policy(), [finding("low"), finding("high", entity=None, rules=("GDPR-ART9-HEALTH",))], "fail"),
    ],
)
def test_verdict(policy, findings, verdict):
    assert policy.verdict(findings) == verdict


def test_unknown_fields_and_severities_are_refused():
    with pytest.raises(ValidationError):
        Policy(fail_on="severe")
    with pytest.raises(ValidationError):
        Policy(fail_level="high")
