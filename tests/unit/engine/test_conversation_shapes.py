"""The conversation rules on every conversation shape training sets use (docs/transcripts.md), in JSONL, a JSON
array, Parquet, gzip and a zip member: exact rule ids and locations, the per-object rates, and the negatives."""

import gzip
import io
import json
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.engine.masking import Fingerprinter
from privscan.engine.rules.catalogue import RuleBook, rule_book
from privscan.engine.rules.conversations import ConversationTally
from privscan.engine.signals.conversation_ethics import ETHICS_RULES
from privscan.examine import Examiner
from privscan.ingest.chunked.local import scan_file_chunked
from privscan.pipeline import scan_stream
from privscan_tools.cli import main
from privscan_tools.reports.examination import examination_markdown, governance_section

from tests.unit.readers.containers import tar_of, zip_of

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
NO_AI = "AIACT-ART50-1-NO-AI-DISCLOSURE"
HUMAN = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"
NONE_FOUND = {rule: {"findings": 0, "conversations": 0, "per_1000": 0.0} for rule in ETHICS_RULES}
NONE_FLAGGED = {rule: {"conversations": 0, "per_1000": 0.0} for rule in ETHICS_RULES}
CONVERSATION_RULES = (NO_AI, HUMAN)

ASK = "Can you give me a recipe for pancakes?"
PLAIN = "Of course, here is a recipe for pancakes."  # never says it is an AI
DISCLOSED = "As an AI language model I can suggest a recipe for pancakes."
CLAIMS_HUMAN = "I am not a bot, I promise. Here is a recipe for pancakes."


def sharegpt(answer, model=None):
    record = {"conversations": [{"from": "human", "value": ASK}, {"from": "gpt", "value": answer}]}
    return {**record, "model": model} if model else record


def messages_parts(answer):
    return {
        "messages": [
            {"role": "system", "content": [{"type": "text", "text": "You help with cooking."}]},
            {"role": "user", "content": [{"type": "text", "text": ASK}]},
            {"role": "assistant", "content": [{"type": "text", "text": answer}]},
        ]
    }


def preference_lists(chosen, rejected):
    def turns(answer):
        return [{"role": "user", "content": ASK}, {"role": "assistant", "content": answer}]

    return {"prompt": ASK, "chosen": turns(chosen), "rejected": turns(rejected)}


# (shape, records, expected (record, field, rule) of the conversation rules' findings)
SHAPES = [
    (
        "sharegpt",
        [sharegpt(PLAIN), sharegpt(DISCLOSED), sharegpt(CLAIMS_HUMAN)],
        [(0, "conversations", NO_AI), (2, "conversations", NO_AI), (2, "conversations[1].value", HUMAN)],
    ),
    ("messages with parts", [messages_parts(DISCLOSED), messages_parts(PLAIN)], [(1, "messages", NO_AI)]),
    (
        "chosen and rejected lists",
        [preference_lists(DISCLOSED, PLAIN), preference_lists(CLAIMS_HUMAN, DISCLOSED)],
        [(0, "rejected", NO_AI), (1, "chosen", NO_AI), (1, "chosen[1].content", HUMAN)],
    ),
    (
        "prompt, chosen and rejected strings",
        [{"prompt": ASK, "chosen": DISCLOSED, "rejected": PLAIN}],
        [(0, "rejected", NO_AI)],
    ),
    (
        "prompt and response",
        [{"id": 1, "prompt": ASK, "response": PLAIN}, {"id": 2, "prompt": ASK, "response": DISCLOSED}],
        [(0, "response", NO_AI)],
    ),
    (
        "instruction and output",
        [{"instruction": ASK, "input": "", "output": CLAIMS_HUMAN}],
        [(0, "output", NO_AI), (0, "output", HUMAN)],
    ),
    (
        "turns of strings",
        [{"turns": [ASK, PLAIN, "Thanks!", DISCLOSED]}, {"turns": [ASK, PLAIN]}],
        [(1, "turns", NO_AI)],
    ),
    (
        "turns of role and content",
        [{"turns": [{"role": "user", "content": ASK}, {"role": "assistant", "content": PLAIN}]}],
        [(0, "turns", NO_AI)],
    ),
]


def scan(name, data, scanner):
    found = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return report, found


def located(found, rules=CONVERSATION_RULES):
    """(object, record, field, rule) of the findings of the conversation rules."""
    return sorted((f.object, f.record, f.field, rule) for f in found for rule in f.rule_ids if rule in rules)


def jsonl(records):
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def parquet(records):
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(records), out)
    return out.getvalue()


FORMATS = {
    "data.jsonl": jsonl,
    "data.json": lambda records: json.dumps(records).encode(),
    "data.parquet": parquet,
    "data.jsonl.gz": lambda records: gzip.compress(jsonl(records)),
    "data.json.gz": lambda records: gzip.compress(json.dumps(records).encode()),
}


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize(("shape", "records", "expected"), SHAPES, ids=[shape for shape, _, _ in SHAPES])
def test_every_shape_in_every_format_gets_the_conversation_rules_where_they_apply(
    scanner, name, shape, records, expected
):
    report, found = scan(name, FORMATS[name](records), scanner)
    assert located(found) == sorted((name, *where) for where in expected)
    if name.startswith("data.json") and not name.endswith(".parquet"):
        assert report.format == "chat"


@pytest.mark.parametrize(
    ("name", "pack"),
    [("export.zip", zip_of), ("export.tar.gz", lambda members: tar_of(members, "w:gz"))],
)
def test_an_archive_member_is_scanned_as_chat_and_named_in_the_finding(scanner, name, pack):
    data = pack({"chats/sharegpt.jsonl": jsonl([sharegpt(PLAIN), sharegpt(DISCLOSED)])})
    report, found = scan(name, data, scanner)
    assert located(found) == [(f"{name}!chats/sharegpt.jsonl", 0, "conversations", NO_AI)]
    assert report.summary()["conversation_rules"]["conversations"] == 2


def test_rates_per_rule_and_per_model_in_the_summary(scanner):
    records = [
        sharegpt(PLAIN, "gpt-4"),
        sharegpt(DISCLOSED, "gpt-4"),
        sharegpt(DISCLOSED, "gpt-4"),
        sharegpt(CLAIMS_HUMAN, "llama-3"),
    ]
    report, _ = scan("data.jsonl", jsonl(records), scanner)
    assert report.summary()["conversation_rules"] == {
        "conversations": 4,
        "rules": {
            HUMAN: {"findings": 1, "conversations": 1, "per_1000": 250.0},
            NO_AI: {"findings": 2, "conversations": 2, "per_1000": 500.0},
            **NONE_FOUND,
        },
        "models": [
            {
                "model": "gpt-4",
                "conversations": 3,
                "rules": {
                    HUMAN: {"conversations": 0, "per_1000": 0.0},
                    NO_AI: {"conversations": 1, "per_1000": 333.3},
                    **NONE_FLAGGED,
                },
            },
            {
                "model": "llama-3",
                "conversations": 1,
                "rules": {
                    HUMAN: {"conversations": 1, "per_1000": 1000.0},
                    NO_AI: {"conversations": 1, "per_1000": 1000.0},
                    **NONE_FLAGGED,
                },
            },
        ],
        "models_total": 2,
    }


def test_preference_variants_count_as_conversations_and_a_system_prompt_is_hashed(scanner):
    records = [preference_lists(DISCLOSED, PLAIN), messages_parts(PLAIN)]
    report, _ = scan("data.jsonl", jsonl(records), scanner)
    summary = report.summary()["conversation_rules"]
    assert summary["conversations"] == 3  # chosen, rejected, messages
    assert summary["rules"][NO_AI] == {"findings": 2, "conversations": 2, "per_1000": 666.7}
    [model] = summary["models"]  # only the record with a system prompt names its assistant
    assert model["model"] == "system:" + KEY.token("You help with cooking.")[:12]
    assert model["conversations"] == 1 and "cooking" not in json.dumps(summary)


def test_a_file_without_conversations_has_no_conversation_rates(scanner):
    report, _ = scan("data.jsonl", jsonl([{"note": PLAIN}]), scanner)
    assert "conversation_rules" not in report.summary()


NOT_CHAT = [
    {"conversations": [1, 2, 3]},  # a key named like a chat list, holding numbers
    {"conversations": [{"from": "EUR", "value": 1.1}]},  # `from` / `value` that are no roles
    {"question": ASK, "answer": PLAIN},  # question answering or a questionnaire, not a chat
    {"prompt": 5, "response": 7},  # not text
    {"prompt": ASK},  # a prompt without an answer
    {"data": {"turns": 3}},
]


@pytest.mark.parametrize("record", NOT_CHAT, ids=[json.dumps(r)[:40] for r in NOT_CHAT])
def test_records_that_merely_use_chat_keys_are_not_conversations(scanner, record):
    report, found = scan("data.jsonl", jsonl([record, record]), scanner)
    assert report.format == "jsonl"
    assert located(found) == []
    assert "conversation_rules" not in report.summary()


def test_a_chunked_scan_counts_the_conversations_as_one_pass_does(scanner, tmp_path):
    records = [sharegpt([PLAIN, DISCLOSED, CLAIMS_HUMAN][i % 3], f"m{i % 2}") for i in range(24)]
    path = tmp_path / "chats.jsonl"
    path.write_bytes(jsonl(records))
    whole, found = scan("chats.jsonl", path.read_bytes(), scanner)
    chunked_found = []
    chunked = scan_file_chunked(
        path, 1024, scanner=scanner, fingerprinter=KEY, sink=chunked_found.append, object_name="chats.jsonl"
    )
    assert len(chunked.summary()["conversation_rules"]["models"]) == 2
    assert chunked.summary()["conversation_rules"] == whole.summary()["conversation_rules"]
    assert located(chunked_found) == located(found)


@pytest.mark.parametrize("command", ["scan", "ci"])
def test_fail_on_applies_to_a_conversation_rule(tmp_path, monkeypatch, command):
    """A conversation that never discloses is a high finding and nothing else: it fails at high, not at critical."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chat.jsonl").write_bytes(jsonl([sharegpt(PLAIN), sharegpt(DISCLOSED)]))
    extra = ["--summary", "s.md"] if command == "ci" else ["--format", "jsonl", "-o", "out.jsonl"]
    assert main([command, "chat.jsonl", "--fail-on", "critical", *extra]) == 0
    assert main([command, "chat.jsonl", "--fail-on", "high", *extra]) == 1
    if command == "scan":
        lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
        assert [(f["record"], f["field"], f["rule_ids"]) for f in lines] == [(0, "conversations", [NO_AI])]


def test_the_models_listed_are_capped_with_the_rest_as_other():
    tally = ConversationTally()
    for i in range(25):
        for _ in range(25 - i):  # m00 has the most conversations
            tally.add(f"m{i:02d}", Counter({NO_AI: 1} if i % 2 else {}))
    summary = tally.summary([NO_AI])
    names = [m["model"] for m in summary["models"]]
    assert names == [f"m{i:02d}" for i in range(20)] + ["other"] and summary["models_total"] == 25
    other = summary["models"][-1]
    assert other["conversations"] == 5 + 4 + 3 + 2 + 1  # m20..m24
    assert other["rules"][NO_AI] == {"conversations": 4 + 2, "per_1000": 400.0}  # m21, m23
    again = ConversationTally()
    again.add_summary(summary)  # a dataset's record sums its objects' summaries
    assert again.summary([NO_AI]) == summary | {"models_total": 21}


def test_the_examination_carries_the_conversation_rates_and_its_markdown_shows_them(scanner):
    examiner = Examiner(fingerprint=KEY)
    report = scan_stream(
        "data.jsonl",
        io.BytesIO(jsonl([sharegpt(PLAIN, "gpt-4"), sharegpt(DISCLOSED, "gpt-4")])),
        scanner=scanner,
        fingerprinter=KEY,
        sink=lambda finding: None,
        observer=examiner,
    )
    examiner.add_conversations(report.conversations)
    document = examiner.report()
    assert document["conversation_rules"]["rules"][NO_AI] == {"findings": 1, "conversations": 1, "per_1000": 500.0}
    lines = examination_markdown(document).splitlines()
    assert f"- {NO_AI}: 500.0 (1 conversations, 1 findings)" in lines
    assert governance_section(document)["conversation_rules"] == document["conversation_rules"]


def test_a_user_only_conversation_is_not_judged_nor_counted(scanner):
    records = [{"messages": [{"role": "user", "content": ASK}]}, sharegpt(PLAIN)]
    report, found = scan("data.jsonl", jsonl(records), scanner)
    assert located(found) == [("data.jsonl", 1, "conversations", NO_AI)]
    assert report.summary()["conversation_rules"]["conversations"] == 1


def test_the_conversation_level_rules_are_those_judged_on_conversations_or_chat_roles_only():
    assert rule_book().conversation_level == {NO_AI, HUMAN, *ETHICS_RULES}  # erasure requests count outside chats
    book = RuleBook.from_yaml("""
rules:
  - {id: AIACT-TEST-A, law: AI Act Art. 5, severity: high, title: t, description: d, remediation: r,
     triggers: [{kind: conversation, missing: TEST}]}
  - {id: AIACT-TEST-B, law: AI Act Art. 5, severity: high, title: t, description: d, remediation: r,
     triggers: [{kind: signal, category: TEST, roles: [assistant, user]}]}
  - {id: GDPR-TEST-C, law: GDPR Art. 17, severity: high, title: t, description: d, remediation: r,
     triggers: [{kind: signal, category: TEST, roles: [user, null]}]}
""")
    assert book.conversation_level == {"AIACT-TEST-A", "AIACT-TEST-B"}


def test_a_model_field_holding_personal_data_is_masked_in_the_rates(scanner):
    report, _ = scan("data.jsonl", jsonl([sharegpt(PLAIN, "anna.roe@example.com")]), scanner)
    summary = json.dumps(report.summary()["conversation_rules"])
    [model] = report.summary()["conversation_rules"]["models"]
    assert "anna.roe" not in summary and model["model"] != "anna.roe@example.com"
