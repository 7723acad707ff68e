"""`privscan redact` on the demo data set: `privscan scan` finds none of the redacted types in the copy, whose
files keep their format, columns and row counts; the manifest says what changed and holds no value; fakes are
the same for the same value across files and never the value."""

import csv
import gzip
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig
from privscan.pipeline import scan_stream
from privscan.redaction.objects import MANIFEST_NAME
from privscan_tools.cli import main
from privscan_tools.cli.scan_cmd import local_fingerprinter
from privscan_tools.local.samples import sample_dataset

KEY = "redaction-test-key-" + "0" * 32
BOMB = "datasets/demo/bomb.jsonl.gz"  # rejected before anything is read; its 64 MB inflate is covered by the demo


@pytest.fixture
def demo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("PRIVSCAN_FINGERPRINT_KEY", KEY)  # the same fingerprints in the scan of input and copy
    monkeypatch.setenv("PRIVSCAN_WORKERS", "1")
    for key, content in sample_dataset().items():
        if key != BOMB:
            path = tmp_path / "in" / key.removeprefix("datasets/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return tmp_path / "in" / "demo"


def scan_dir(directory: Path) -> dict[str, list[dict]]:
    """Each data file's findings as `privscan scan` finds them (with their fingerprints), by relative path."""
    found = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST_NAME):
        findings: list[dict] = []
        with path.open("rb") as stream:
            scan_stream(
                str(path), stream, scanner=get_scanner(EngineConfig()), fingerprinter=local_fingerprinter(),
                sink=lambda finding, into=findings: into.append(finding.to_dict()),
            )  # fmt: skip
        found[path.relative_to(directory).as_posix()] = findings
    return found


def values_of(findings: dict[str, list[dict]]) -> set[tuple[str, str]]:
    """(entity type, fingerprint) of every value found, a column's occurrences included."""
    pairs = set()
    for file_findings in findings.values():
        for finding in file_findings:
            for occurrence in finding.get("occurrences") or [finding]:
                if occurrence.get("fingerprint"):
                    pairs.add((finding["entity_type"], occurrence["fingerprint"]))
    return pairs


def test_the_copy_holds_none_of_the_redacted_types_and_keeps_every_file_shape(demo, tmp_path):
    out = tmp_path / "clean"
    before = scan_dir(demo)
    assert (
        main(["redact", str(demo), "-o", str(out), "--operator", "EMAIL_ADDRESS=hash", "--operator", "IBAN_CODE=hash"])
        == 0
    )

    manifest = json.loads((out / MANIFEST_NAME).read_text())
    redacted_types = set(manifest["by_entity"])
    assert {"EMAIL_ADDRESS", "IBAN_CODE", "PERSON", "PHONE_NUMBER", "IP_ADDRESS", "LOCATION"} <= redacted_types
    entities_before = {f["entity_type"] for findings in before.values() for f in findings}
    assert redacted_types <= entities_before  # what was replaced is what the scan reports
    after = scan_dir(out / "demo")
    assert sorted(after) == ["customers.csv", "empty.csv", "events.parquet", "notes.txt", "support chats.jsonl",
                             "support-chats-archive.jsonl.gz"]  # fmt: skip
    left = [(name, f["entity_type"]) for name, findings in after.items() for f in findings]
    assert [pair for pair in left if pair[1] in redacted_types] == []
    assert {t for _, t in left} <= {"HEALTH_DATA", "ERASURE_REQUEST", "CHILD_DATA", None}  # statements and rules stay

    # the same files, columns, records and structure
    src, dst = demo, out / "demo"
    rows_in = list(csv.reader(io.StringIO((src / "customers.csv").read_text()), delimiter=";"))
    rows_out = list(csv.reader(io.StringIO((dst / "customers.csv").read_text()), delimiter=";"))
    assert rows_out[0] == rows_in[0] and len(rows_out) == len(rows_in) == 41
    assert [r[0] for r in rows_out] == [r[0] for r in rows_in]  # customer ids are not personal data: kept
    assert all(r[3].startswith("+** ***") and r[2].startswith("<email_address:") for r in rows_out[1:])
    table_in, table_out = pq.read_table(src / "events.parquet"), pq.read_table(dst / "events.parquet")
    assert table_out.schema == table_in.schema and table_out.num_rows == table_in.num_rows == 30
    assert table_out["amount_cents"] == table_in["amount_cents"]
    for name in ("support chats.jsonl", "support-chats-archive.jsonl.gz"):
        read = gzip.decompress if name.endswith(".gz") else bytes
        lines_in = read((src / name).read_bytes()).decode().splitlines()
        lines_out = read((dst / name).read_bytes()).decode().splitlines()
        assert len(lines_out) == len(lines_in) == 20
        for line_in, line_out in zip(lines_in, lines_out, strict=True):
            record_in, record_out = json.loads(line_in), json.loads(line_out)
            assert record_out["conversation_id"] == record_in["conversation_id"]
            assert [m["role"] for m in record_out["messages"]] == [m["role"] for m in record_in["messages"]]
    assert len((dst / "notes.txt").read_text().splitlines()) == 15
    assert (dst / "empty.csv").read_bytes() == b""

    # the manifest: every object, what became of it, where, never a value
    by_object = {Path(o["object"]).name: o for o in manifest["objects"]}
    assert {n: (o["status"], o["outcome"]) for n, o in by_object.items()} == {
        "customers.csv": ("redacted", "scanned"),
        "empty.csv": ("redacted", "empty"),
        "events.parquet": ("redacted", "scanned"),
        "logo.png": ("skipped", "binary"),
        "notes.txt": ("redacted", "scanned"),
        "support chats.jsonl": ("redacted", "scanned"),
        "support-chats-archive.jsonl.gz": ("redacted", "scanned"),
    }
    parquet = by_object["events.parquet"]
    assert parquet["by_entity"] == {"EMAIL_ADDRESS": 30, "IP_ADDRESS": 30} and parquet["records_written"] == 30
    assert parquet["locations"][0] == {"record": 0, "field": "user_email", "start": 0,
                                       "end": len(table_in["user_email"][0].as_py()), "entity_type": "EMAIL_ADDRESS",
                                       "operator": "hash"}  # fmt: skip
    assert manifest["replaced"] == sum(o["replaced"] for o in manifest["objects"])
    text = (out / MANIFEST_NAME).read_text()
    for row in rows_in[1:]:
        for value in row[1:5]:  # name, email, phone, IBAN
            assert value not in text
            assert value not in (dst / "customers.csv").read_text()


def test_fakes_are_consistent_across_the_data_set_and_never_an_original_value(demo, tmp_path):
    out = tmp_path / "fake"
    before = scan_dir(demo)
    fakes = ["PERSON=fake", "EMAIL_ADDRESS=fake", "IBAN_CODE=fake", "PHONE_NUMBER=fake", "IP_ADDRESS=fake"]
    assert main(["redact", str(demo), "-o", str(out), *[a for op in fakes for a in ("--operator", op)]]) == 0
    dst = out / "demo"
    plain = (dst / "support chats.jsonl").read_bytes()
    assert gzip.decompress((dst / "support-chats-archive.jsonl.gz").read_bytes()) == plain  # one value, one fake
    rows_in = list(csv.reader(io.StringIO((demo / "customers.csv").read_text()), delimiter=";"))[1:]
    rows_out = list(csv.reader(io.StringIO((dst / "customers.csv").read_text()), delimiter=";"))[1:]
    fake_of: dict[str, str] = {}
    for row_in, row_out in zip(rows_in, rows_out, strict=True):
        assert fake_of.setdefault(row_in[2], row_out[2]) == row_out[2]  # a repeated e-mail, the same fake
        assert row_out[2].endswith(("@example.com", "@example.org", "@example.net")) and row_out[2] != row_in[2]
    assert len(set(fake_of.values())) == len(fake_of)  # distinct addresses stay distinct here
    after = scan_dir(dst)
    faked = {"PERSON", "EMAIL_ADDRESS", "IBAN_CODE", "PHONE_NUMBER", "IP_ADDRESS"}
    original = {pair for pair in values_of(before) if pair[0] in faked}
    assert len(original) > 50
    assert original & values_of(after) == set()  # the scan of the copy finds realistic values, none of the originals


def test_names_holding_personal_data_are_redacted_too(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("PRIVSCAN_WORKERS", "1")
    source = tmp_path / "exports" / "anna.roe@example.com.csv"
    source.parent.mkdir()
    source.write_text("id;bo.lind@example.org\n1;yes\n2;no\n")
    (tmp_path / "exports" / "keys.json").write_text('{"anna.roe@example.com": {"plan": "gold"}, "plan": "x"}')
    out = tmp_path / "clean"
    assert main(["redact", str(tmp_path / "exports"), "-o", str(out), "--default", "mask"]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "exports/****.***@*******.***.csv",
        "exports/keys.json",
        MANIFEST_NAME,
    ]
    assert (out / "exports" / "****.***@*******.***.csv").read_text() == "id;**.****@*******.***\n1;yes\n2;no\n"
    assert json.loads((out / "exports" / "keys.json").read_text()) == {
        "****.***@*******.***": {"plan": "gold"},
        "plan": "x",
    }
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert [o["names_redacted"] for o in manifest["objects"]] == [1, 1]
    assert [loc["where"] for o in manifest["objects"] for loc in o["locations"]] == ["name", "name"]
    text = (out / MANIFEST_NAME).read_text() + capfd.readouterr().err
    assert "anna.roe" not in text and "bo.lind" not in text


def test_the_output_may_not_be_inside_an_input_and_a_bad_operator_is_named(tmp_path, capfd):
    (tmp_path / "a.txt").write_text("x\n")
    assert main(["redact", str(tmp_path), "-o", str(tmp_path / "clean")]) == 2
    assert "may not be inside an input directory" in capfd.readouterr().err
    assert (
        main(["redact", str(tmp_path / "a.txt"), "-o", str(tmp_path.parent / "c"), "--operator", "PERSON=shred"]) == 2
    )
    assert "'PERSON=shred' is not TYPE=OPERATOR" in capfd.readouterr().err
    assert not (tmp_path / "clean").exists() and not (tmp_path.parent / "c").exists()


def test_allow_listed_values_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("PRIVSCAN_WORKERS", "1")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mail.txt").write_text("Write to support@example.com or anna.roe@example.com\n")
    (tmp_path / "allow.yaml").write_text("allow:\n  - values: ['support@example.com']\n")
    out = tmp_path / "out"
    assert (
        main(
            ["redact", str(tmp_path / "in" / "mail.txt"), "-o", str(out), "--allow-list", str(tmp_path / "allow.yaml")]
        )
        == 0
    )
    assert (out / "mail.txt").read_text() == "Write to support@example.com or ****.***@*******.***\n"
