"""scan_stream end to end on small in-memory objects, with the real engine (spaCy + Presidio)."""

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")


def scan(name, data, scanner):
    found = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return report, [f.contract() for f in found]


def test_a_long_csv_routes_columns_and_folds_the_typed_ones(scanner):
    rows = ["id,email,notes"] + [f"C-{10000 + i},user{i}@example.com,Order {i} shipped on time" for i in range(300)]
    rows.append("C-99999,user300@example.com,Please call +49 151 23456789 tomorrow")
    report, findings = scan("big.csv", ("\n".join(rows) + "\n").encode(), scanner)
    assert report.status == "done" and report.records == 301
    assert findings == [
        {
            "object": "big.csv",
            "record": 300,
            "field": "notes",
            "start": 12,
            "end": 28,
            "entity_type": "PHONE_NUMBER",
            "score": 0.7,
            "severity": "medium",
            "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
            "preview": "+** *** ******89",
        },
        {
            "object": "big.csv",
            "record": None,
            "field": "email",
            "start": None,
            "end": None,
            "entity_type": "EMAIL_ADDRESS",
            "score": 1.0,
            "severity": "medium",
            "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
            "preview": "u***@e***.com",
            "count": 301,
        },
    ]


def test_chat_turns_keep_their_role_and_json_path(scanner):
    line = {
        "messages": [
            {"role": "assistant", "content": "Hello, I am the virtual assistant of Example Shop."},
            {"role": "user", "content": "Send it to anna.roe@example.com please"},
        ]
    }
    report, findings = scan("chat.jsonl", (json.dumps(line) + "\n").encode(), scanner)
    assert report.format == "chat"
    email = [f for f in findings if f["entity_type"] == "EMAIL_ADDRESS"]
    assert email == [
        {
            "object": "chat.jsonl",
            "record": 0,
            "field": "messages[1].content",
            "start": 11,
            "end": 31,
            "entity_type": "EMAIL_ADDRESS",
            "score": 1.0,
            "severity": "medium",
            "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
            "preview": "a***@e***.com",
            "role": "user",
        }
    ]


def test_gzip_text_and_parquet_give_exact_locations(scanner):
    report, findings = scan("notes.txt.gz", gzip.compress(b"nothing here\n\nIBAN DE89370400440532013000 ok\n"), scanner)
    assert (report.format, report.compressed) == ("text", True)
    assert [(f["record"], f["field"], f["start"], f["end"], f["entity_type"]) for f in findings] == [
        (2, None, 5, 27, "IBAN_CODE")
    ]
    sink = io.BytesIO()
    pq.write_table(pa.table({"who": ["x", "y"], "mail": ["a@example.com", "b@example.org"]}), sink, row_group_size=1)
    report, findings = scan("t.parquet", sink.getvalue(), scanner)
    assert report.format == "parquet"
    assert [(f["record"], f["field"], f["entity_type"], f.get("count")) for f in findings] == [
        (None, "mail", "EMAIL_ADDRESS", 2)
    ]


def test_repeated_texts_give_identical_findings(scanner):
    turn = "Yesterday I met Anna Schneider in the office"
    lines = [json.dumps({"messages": [{"role": "user", "content": turn}]}) for _ in range(3)]
    _, findings = scan("rep.jsonl", ("\n".join(lines) + "\n").encode(), scanner)
    people = [(f["record"], f["start"], f["end"]) for f in findings if f["entity_type"] == "PERSON"]
    assert people == [(0, 16, 30), (1, 16, 30), (2, 16, 30)]


def test_decoys_give_no_findings(scanner):
    decoys = "\n".join(  # noqa: FLY002 - one decoy per line reads better
        [
            "SKU-4411-2093-77",
            "550e8400-e29b-41d4-a716-446655440000",
            "d41d8cd98f00b204e9800998ecf8427e",
            "order 100234 shipped",
            "version 4.12.3",
            "batch 20240105-0042",
            "DE89370400440532013001",
            "4012888888881882",
            "invoice INV-2024-000123",
        ]
    )
    report, findings = scan("decoys.txt", decoys.encode(), scanner)
    assert report.records == 9 and findings == []


def test_a_feature_table_of_floats_is_quiet(scanner):
    # float64 values as DataFrame.to_csv writes them; the digits after "0." / "2." are a Luhn-valid card
    # number and a valid French NIR, which the column's sample must not read as identifiers
    floats = ["0.4012888888881881", "2.95109912611193", "-0.13873487120385932", "1.2547995570683619e-05", "0.5"]
    rows = ["id,f000,f001"] + [f"C-{i:05d},{floats[i % 5]},{floats[(i + 2) % 5]}" for i in range(120)]
    report, findings = scan("features.csv", ("\n".join(rows) + "\n").encode(), scanner)
    assert report.status == "done" and report.records == 120
    assert findings == []
