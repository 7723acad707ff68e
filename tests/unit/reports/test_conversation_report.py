"""The conversation-level rules' rates in the governance record, its markdown and the HTML report, summed over the
objects' summaries (`conversation_rules`, as a scan writes them)."""

import json
import re
from collections import Counter

from privscan.engine.rules.conversations import ConversationTally
from privscan.engine.signals.conversation_ethics import ETHICS_RULES
from privscan_tools.reports import DatasetSnapshot, governance_markdown, governance_record, render_html

NO_AI = "AIACT-ART50-1-NO-AI-DISCLOSURE"
HUMAN = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"


def summary(key, conversations):
    """A done object's summary with the tally of `conversations`: (model, rules fired) each."""
    tally = ConversationTally()
    for model, rules in conversations:
        tally.add(model, rules)
    return {
        "key": key,
        "status": "done",
        "format": "chat",
        "records": len(conversations),
        "conversation_rules": tally.summary([NO_AI, HUMAN]),
    }


def snapshot():
    first = [("gpt-4", Counter({NO_AI: 1})), ("gpt-4", Counter()), ("llama-3", Counter({NO_AI: 1, HUMAN: 2}))]
    second = [("gpt-4", Counter()), ("gpt-4", Counter({NO_AI: 1}))]
    return DatasetSnapshot(
        "uploads",
        "chats/",
        "2026-12-07T12:00:00+00:00",
        summaries=[
            summary("chats/a.jsonl", first),
            summary("chats/b.parquet", second),
            {"key": "chats/c.csv", "status": "done", "format": "csv", "records": 3},
        ],
    )


def test_the_record_sums_the_objects_conversations_per_rule_and_assistant():
    section = governance_record(snapshot())["conversations"]
    assert (section["objects"], section["conversations"], section["models_total"]) == (2, 5, 2)
    rules = {r["rule_id"]: (r["findings"], r["conversations"], r["per_1000"]) for r in section["rules"]}
    assert (rules.pop(HUMAN), rules.pop(NO_AI)) == ((2, 1, 200.0), (3, 3, 600.0))
    assert sorted(rules) == sorted(ETHICS_RULES) and set(rules.values()) == {(0, 0, 0.0)}  # checked, none found
    no_ai = next(r for r in section["rules"] if r["rule_id"] == NO_AI)
    assert no_ai["law"] == "AI Act Art. 50(1)" and no_ai["rule_severity"] == "high"
    assert [(m["model"], m["conversations"], m["rules"][NO_AI]["per_1000"]) for m in section["models"]] == [
        ("gpt-4", 4, 500.0),
        ("llama-3", 1, 1000.0),
    ]
    assert [(o["object"], o["conversations"], o["per_1000"][NO_AI]) for o in section["top_objects"]] == [
        ("chats/a.jsonl", 3, 666.7),
        ("chats/b.parquet", 2, 500.0),
    ]


def test_a_dataset_without_conversations_lists_the_rules_at_zero_and_no_section():
    record = governance_record(DatasetSnapshot("uploads", "x/", "2026-12-07T12:00:00+00:00"))
    section = record["conversations"]
    assert (section["conversations"], section["models"]) == (0, [])
    assert {(r["rule_id"], r["per_1000"]) for r in section["rules"]} >= {(NO_AI, 0.0), (HUMAN, 0.0)}
    assert "Conversations" not in governance_markdown(record)
    assert "conversation_rates" not in render_html(record)


def test_markdown_and_html_show_the_rates_per_rule_and_per_assistant():
    record = governance_record(snapshot())
    lines = governance_markdown(record).splitlines()
    assert "## Conversations (AI Act Art. 5 and 50, care and wellbeing)" in lines
    assert f"| {NO_AI} | Chatbot never says it is an AI | AI Act Art. 50(1) | 3 | 3 | 600.0 |" in lines
    assert "| gpt-4 | 4 | 0.0 | 500.0 |" in lines
    page = render_html(record)
    charts = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.DOTALL).group(1))["charts"]
    rates = {b["label"]: b["value"] for b in charts["conversation_rates"]}
    assert rates == {HUMAN: 200.0, NO_AI: 600.0, **dict.fromkeys(ETHICS_RULES, 0.0)}  # a zero: checked, none found
    assert [(b["label"], b["value"]) for b in charts["conversation_models_1"]] == [
        ("gpt-4", 500.0),
        ("llama-3", 1000.0),
    ]
    assert re.findall(r'data-chart="(\w+)"', page)[4:] == [
        "conversation_rates",
        "conversation_models_0",
        "conversation_models_1",
    ]
    assert "<h2>Conversations (AI Act Art. 5 and 50, care and wellbeing)</h2>" in page
