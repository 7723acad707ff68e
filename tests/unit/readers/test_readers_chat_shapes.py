"""The cells of each conversation shape, with their roles, from the JSON, JSONL and Parquet readers (exact
paths), and the chat format decided from the first record."""

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.engine.rules.conversations import conversations_of
from privscan.readers import open_object
from privscan.readers.base import Cell


def cells(name, data):
    reader = open_object(name, io.BytesIO(data))
    return reader.format, [(c.record, c.field, c.text, c.role) for c in reader.cells()]


def test_a_top_level_sharegpt_object_is_streamed_turn_by_turn_with_roles():
    doc = {
        "id": "x",
        "conversations": [
            {"from": "system", "value": "Be kind."},
            {"from": "human", "value": "hi"},
            {"from": "gpt", "value": "hello", "weight": 1},
            {"from": "someone", "value": "?"},
        ],
        "turns": ["u", "a"],
    }
    assert cells("one.json", json.dumps(doc, indent=1).encode()) == (
        "chat",
        [
            (0, "id", "x", None),
            (0, "conversations[0].value", "Be kind.", "system"),
            (0, "conversations[1].value", "hi", "user"),
            (0, "conversations[2].value", "hello", "assistant"),
            (0, "conversations[2].weight", "1", None),
            (0, "conversations[3].from", "someone", None),  # not a role: the turn is plain JSON
            (0, "conversations[3].value", "?", None),
            (0, "turns[0]", "u", "user"),
            (0, "turns[1]", "a", "assistant"),
        ],
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            {"system": "Be brief.", "prompt": "p", "chosen": "c", "rejected": "r", "id": 7},
            [
                ("system", "system"),
                ("prompt", "user"),
                ("chosen", "assistant"),
                ("rejected", "assistant"),
                ("id", None),
            ],
        ),
        (
            {"instruction": "i", "input": "x", "output": "o"},
            [("instruction", "user"), ("input", "user"), ("output", "assistant")],
        ),
        ({"prompt": "p", "completion": "c"}, [("prompt", "user"), ("completion", "assistant")]),
        ({"question": "q", "answer": "a"}, [("question", None), ("answer", None)]),
        ({"prompt": "p", "response": 4}, [("prompt", None), ("response", None)]),
        (
            {
                "messages": [
                    {"role": "Model", "content": [{"type": "text", "text": "t"}, {"type": "image", "url": "u"}]}
                ]
            },
            [("messages[0].content[0].text", "assistant"), ("messages[0].content[1].url", None)],
        ),
    ],
)
def test_jsonl_records_roles(line, expected):
    fmt, got = cells("d.jsonl", (json.dumps(line) + "\n").encode() * 2)
    assert [(field, role) for record, field, _, role in got if record == 0] == expected
    assert fmt == ("chat" if any(role for _, role in expected) else "jsonl")


def test_parquet_pairs_and_sharegpt_columns_carry_roles():
    table = pa.Table.from_pylist(
        [
            {"prompt": "p", "response": "r", "conversations": [{"from": "human", "value": "h"}]},
            {"prompt": "p", "response": None, "conversations": []},
        ]
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    assert cells("d.parquet", out.getvalue()) == (
        "parquet",
        [
            (0, "prompt", "p", "user"),
            (0, "response", "r", "assistant"),
            (0, "conversations[0].value", "h", "user"),
            (1, "prompt", "p", None),  # no answer: not a prompt-and-answer row
        ],
    )


def test_llama_factory_sharegpt_with_a_system_field_and_tool_turns():
    record = {
        "system": "You are Sam.",
        "tools": "[]",
        "conversations": [
            {"from": "human", "value": "Weather?"},
            {"from": "function_call", "value": "get_weather"},
            {"from": "observation", "value": "sunny"},
            {"from": "gpt", "value": "Sunny."},
        ],
    }
    fmt, got = cells("d.jsonl", (json.dumps(record) + "\n").encode())
    assert (fmt, [(field, role) for _, field, _, role in got]) == (
        "chat",
        [
            ("system", "system"),
            ("tools", None),
            ("conversations[0].value", "user"),
            ("conversations[1].value", "function_call"),
            ("conversations[2].value", "observation"),
            ("conversations[3].value", "assistant"),
        ],
    )
    assert [
        (c.path, [(t.index, t.role) for t in c.turns])
        for c in conversations_of([(Cell(0, f, "x", r), []) for _, f, _, r in got])
    ] == [("conversations", [(0, "system"), (0, "user"), (1, "function_call"), (2, "observation"), (3, "assistant")])]


def test_a_parquet_system_column_beside_a_messages_column_is_a_system_turn():
    table = pa.Table.from_pylist(
        [
            {"system": "You are Sam.", "messages": [{"role": "user", "content": "hi"}]},
            {"system": "You are Sam.", "messages": []},
        ]
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    assert cells("d.parquet", out.getvalue())[1] == [
        (0, "system", "You are Sam.", "system"),
        (0, "messages[0].content", "hi", "user"),
        (1, "system", "You are Sam.", None),  # no conversation in the row
    ]
