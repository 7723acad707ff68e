"""No raw value in a finding, wherever the value hides: a consent cell, a column name, a JSON key, the
object's name. With the real engine (spaCy + Presidio), through scan_stream."""

from __future__ import annotations

import io
import json
import re

from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
TOKEN = r"~[a-p]{12}"
MAX_FIELD_CHARS = 1024  # engine/redact.py


def scan(name: str, data: bytes, scanner) -> tuple[dict, list[dict]]:
    found = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return report.summary(), [f.to_dict() for f in found]


def test_a_tax_id_in_a_consent_column_is_not_the_consent_findings_preview(scanner):
    summary, findings = scan("people.csv", b"email,marketing_consent\nw.zwartkopf@example.com,36574261809\n", scanner)
    consent = [f for f in findings if f["rule_ids"] == ["GDPR-ART7-CONSENT-MISSING"]]
    assert [(f["record"], f["field"], f["preview"]) for f in consent] == [
        (0, "marketing_consent", "(not a consent value)")
    ]
    text = json.dumps([summary, findings])
    assert "36574261809" not in text and "365742" not in text


def test_an_empty_consent_cell_says_so(scanner):
    _, findings = scan("people.csv", b"email,marketing_consent,x\nw.zwartkopf@example.com,,1\n", scanner)
    assert [f["preview"] for f in findings if f["rule_ids"] == ["GDPR-ART7-CONSENT-MISSING"]] == ["(empty)"]


def test_a_column_named_after_an_email_address_is_masked_and_reported(scanner):
    address = "anna.schmidt@example.com"
    _, findings = scan("people.csv", f"id,{address}\n1,yes\n2,no\n".encode(), scanner)
    (finding,) = findings
    assert finding["where"] == "column_name" and finding["entity_type"] == "EMAIL_ADDRESS"
    assert re.fullmatch(r"a\*\*\*@e\*\*\*\.com" + TOKEN, finding["field"]) and finding["preview"] == finding["field"]
    assert finding["fingerprint"] == KEY("EMAIL_ADDRESS", address)  # as the address would have in a cell
    assert finding["rule_ids"] == ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"]
    assert address not in json.dumps(findings) and "anna" not in json.dumps(findings)


def test_the_cells_of_a_column_named_after_an_address_carry_the_masked_name(scanner):
    address = "anna.schmidt@example.com"
    _, findings = scan("people.csv", f"id,{address}\n1,call +49 151 98765432\n".encode(), scanner)
    phone = [f for f in findings if f["entity_type"] == "PHONE_NUMBER"]
    assert len(phone) == 1 and re.fullmatch(r"a\*\*\*@e\*\*\*\.com" + TOKEN, phone[0]["field"])
    assert address not in json.dumps(findings)


def test_a_json_key_holding_an_address_is_masked_and_reported_once(scanner):
    lines = [{"by_user": {"jane@x.org": {"score": i}}, "note": "ok"} for i in range(3)]
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    _, findings = scan("scores.jsonl", data, scanner)
    (finding,) = findings
    assert (finding["where"], finding["record"], finding["entity_type"]) == ("json_key", 0, "EMAIL_ADDRESS")
    assert re.fullmatch(r'by_user\["j\*\*\*@x\*\*\*\.org' + TOKEN + r'"\]\.score', finding["field"])
    assert re.fullmatch(r"j\*\*\*@x\*\*\*\.org" + TOKEN, finding["preview"])
    assert finding["fingerprint"] == KEY("EMAIL_ADDRESS", "jane@x.org")
    assert "jane@x.org" not in json.dumps(findings)


def test_a_value_under_a_json_key_holding_an_address_carries_the_masked_path(scanner):
    data = json.dumps({"by_user": {"jane@x.org": "mail w.zwartkopf@example.com"}}).encode() + b"\n"
    _, findings = scan("scores.jsonl", data, scanner)
    cell = [f for f in findings if f["where"] is None]
    assert [f["preview"] for f in cell] == ["w***@e***.com"]
    assert re.fullmatch(r'by_user\["j\*\*\*@x\*\*\*\.org' + TOKEN + r'"\]', cell[0]["field"])
    assert "jane@x.org" not in json.dumps(findings) and "zwartkopf" not in json.dumps(findings)


def test_an_object_named_after_a_person_is_masked_and_reported(scanner):
    summary, findings = scan("exports/Müller.csv", b"id,amount\n1,20\n", scanner)
    (finding,) = findings
    assert (finding["where"], finding["entity_type"], finding["field"]) == ("object_key", "PERSON", None)
    assert (
        re.fullmatch(r"exports/M\*\*\*" + TOKEN + r"\.csv", finding["object"])
        and summary["object"] == finding["object"]
    )
    assert re.fullmatch(r"M\*\*\*" + TOKEN + r"\.csv", finding["preview"])
    assert "Müller" not in json.dumps([summary, findings], ensure_ascii=False)


def test_an_object_key_with_an_address_segment(scanner):
    summary, findings = scan("exports/anna.schmidt@example.com/data.csv", b"id,amount\n1,20\n", scanner)
    assert [(f["where"], f["entity_type"]) for f in findings] == [("object_key", "EMAIL_ADDRESS")]
    assert re.fullmatch(r"exports/a\*\*\*@e\*\*\*\.com" + TOKEN + "/data.csv", summary["object"])
    assert "anna" not in json.dumps([summary, findings])


def test_schema_names_stay_readable(scanner):
    data = b"customer_name,email,Vorname\nAnna Roe,a.roe@example.com,Anna\n"
    summary, findings = scan("exports/customers.csv", data, scanner)
    assert summary["object"] == "exports/customers.csv"
    assert sorted(f["field"] for f in findings) == ["Vorname", "customer_name", "email"]
    assert all(f["where"] is None for f in findings)


def test_a_500_kb_column_name_is_bounded(scanner):
    """The CSV reader keeps 256 characters of a column name (a `header_limited` issue); the masking policy
    renders a longer name, from any reader, as a token alone (test_redact.py)."""
    name = "Q" * 500_000
    _, findings = scan("wide.csv", f"id,{name}\n1,call +49 151 98765432\n".encode(), scanner)
    (phone,) = findings
    assert phone["entity_type"] == "PHONE_NUMBER" and phone["field"] == "Q" * 256
    assert len(json.dumps(findings)) < 4_000
