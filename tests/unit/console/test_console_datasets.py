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


def test_ethics_counts_come_from_the_conversation_rules_of_the_counts_by_rule():
    summaries = [
        {"key": "c.jsonl", "conversations": 400, "by_rule": {NO_AI: 2, "GDPR-ART9-HEALTH": 7}},
        {"key": "d.jsonl", "conversations": 100, "by_rule": {NO_AI: 1, CLAIMS_HUMAN: 1}},
    ]
    assert ethics(summaries, rule_book()) == {
        "conversations": 500,
        "rules": [
            {"rule_id": CLAIMS_HUMAN, "title": "Chatbot claims to be human", "count": 1, "per_1000": 2.0},
            {"rule_id": NO_AI, "title": "Chatbot never says it is an AI", "count": 3, "per_1000": 6.0},
        ],
    }


def test_counts_a_scan_recorded_under_an_ethics_key_win_and_nested_maps_are_read():
    summary = {
        "key": "chat.jsonl",
        "by_rule": {NO_AI: 5},
        "conversation_ethics": {
            "conversations": 250,
            "by_rule": {"CARE-SELF-HARM-NO-REFERRAL": 3, "WELLBEING-EMOTIONAL-DEPENDENCE": 1, "flag": True},
            "per_1000": {"CARE-SELF-HARM-NO-REFERRAL": 12.0},
        },
    }
    assert ethics([summary], rule_book()) == {
        "conversations": 250,
        "rules": [
            {"rule_id": "CARE-SELF-HARM-NO-REFERRAL", "title": "CARE-SELF-HARM-NO-REFERRAL", "count": 3,
             "per_1000": 12.0},
            {"rule_id": "WELLBEING-EMOTIONAL-DEPENDENCE", "title": "WELLBEING-EMOTIONAL-DEPENDENCE", "count": 1,
             "per_1000": 4.0},
        ],
    }  # fmt: skip


def test_without_a_conversation_count_there_are_counts_and_no_rates():
    summaries = [{"key": "c.jsonl", "by_rule": {NO_AI: 2}}, {"key": "t.csv", "conversations": True}]
    assert ethics(summaries, rule_book()) == {
        "conversations": None,
        "rules": [{"rule_id": NO_AI, "title": "Chatbot never says it is an AI", "count": 2, "per_1000": None}],
    }
    assert ethics([{"key": "t.csv", "by_rule": {"GDPR-ART9-HEALTH": 4}}], rule_book()) == {
        "conversations": None,
        "rules": [],
    }
