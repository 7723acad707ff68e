"""The datasets view's pure parts: datasets by first folder, charts of a scope, and conversation-rule rates in
every shape a scan may record them."""

from __future__ import annotations

import pytest
from privscan.console.datasets import dataset_of, datasets, detail, ethics
from privscan.engine.rules.catalogue import rule_book

NO_AI = "AIACT-ART50-1-NO-AI-DISCLOSURE"
CLAIMS_HUMAN = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"


@pytest.mark.parametrize(
    ("key", "dataset"), [("crm/2026/a.csv", "crm/"), ("a.csv", "a.csv"), ("/lead.txt", "/"), ("x/", "x/")]
)
def test_a_keys_dataset_is_its_first_folder(key, dataset):
    assert dataset_of(key) == dataset


def test_removed_objects_are_left_out_of_datasets_and_charts():
    summaries = [
        {"key": "a/1.csv", "status": "done", "findings": 2, "records": 5, "by_severity": {"high": 2}},
        {"key": "a/2.csv", "status": "deleted", "findings": 9, "records": 9, "by_severity": {"critical": 9}},
    ]
    listed = datasets("b", summaries)
    assert listed["datasets"] == [
        {"prefix": "a/", "objects": 1, "findings": 2, "by_severity": {"critical": 0, "high": 2, "medium": 0, "low": 0}}
    ]
    assert (listed["objects_total"], [o["key"] for o in listed["objects"]]) == (1, ["a/1.csv"])
    shown = detail("b", "a/", False, summaries, [], rule_book())
    assert (shown["objects"], shown["records"], shown["findings"]) == (1, 5, 2)


def rates(conversations: int, **fired: tuple[int, int]) -> dict:
    """A summary's `conversation_rules` as a scan records it: per rule (findings, conversations fired in)."""
    return {
        "conversations": conversations,
        "rules": {rule: {"findings": f, "conversations": c, "per_1000": 0.0} for rule, (f, c) in fired.items()},
        "models": [],
        "models_total": 0,
    }


def test_ethics_sums_the_objects_conversation_rules_and_rates_them_per_1000_conversations():
    summaries = [
        {"key": "c.jsonl", "conversation_rules": rates(400, **{NO_AI: (2, 2)}), "by_rule": {"GDPR-ART9-HEALTH": 7}},
        {"key": "d.jsonl", "conversation_rules": rates(100, **{NO_AI: (1, 1), CLAIMS_HUMAN: (3, 1)})},
        {"key": "t.csv", "by_rule": {"GDPR-ART9-HEALTH": 4}},
    ]
    shown = ethics(summaries, rule_book())
    assert shown["conversations"] == 500
    rules = {rule["rule_id"]: rule for rule in shown["rules"]}
    assert rules.pop(CLAIMS_HUMAN) == {
        "rule_id": CLAIMS_HUMAN,
        "title": "Chatbot claims to be human",
        "count": 3,
        "conversations": 1,
        "per_1000": 2.0,
    }
    assert (rules[NO_AI]["count"], rules.pop(NO_AI)["per_1000"]) == (3, 6.0)
    assert "CARE-SELF-HARM-NO-REFERRAL" in rules and {(r["count"], r["per_1000"]) for r in rules.values()} == {
        (0, 0.0)
    }  # every conversation-level rule is shown: zero means checked, none found
    assert "GDPR-ART9-HEALTH" not in rules


def test_without_conversations_there_are_no_rates():
    assert ethics([{"key": "t.csv", "by_rule": {NO_AI: 4}}], rule_book()) == {"conversations": None, "rules": []}
    assert ethics([{"key": "t.csv", "conversation_rules": "junk"}], rule_book()) == {"conversations": None, "rules": []}
