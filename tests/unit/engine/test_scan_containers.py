"""scan_stream on the files data teams upload: xlsx, docx, PDF, zip and UTF-16 text, next to a CSV.

Each holds the same e-mail address and IBAN; every one of them yields both, at exact locations.
Whatever cannot be read is a coverage-gap finding of its own.
"""

import io

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

from tests.unit.readers.containers import EMAIL, IBAN, docx, encrypted_zip, pdf, xlsx, zip_of

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
GAP = "PRIVSCAN-COVERAGE-GAP"


def scan(name, data, scanner, contract=True):
    found = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return report, [f.contract() for f in found] if contract else found


def located(findings, entities=("EMAIL_ADDRESS", "IBAN_CODE")):
    """(object, record, field, start, end, entity type) of each e-mail and IBAN found, in order; a
    column-level finding (a typed column of a table) by each of its occurrences."""
    places = []
    for f in findings:
        if f.entity_type not in entities:
            continue
        spots = [(o.record, o.start, o.end) for o in f.occurrences] or [(f.record, f.start, f.end)]
        places += [(f.object, record, f.field, start, end, f.entity_type) for record, start, end in spots]
    return places


CSV = f"name,email,iban\nAnna,{EMAIL},{IBAN}\n"
TEXT = f"Mail {EMAIL}\nIBAN {IBAN}\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("people.csv", CSV.encode(), [(0, "email", 0, 24), (0, "iban", 0, 22)]),
        (
            "people.xlsx",
            xlsx({"Customers": [["name", "email", "iban"], ["Anna", EMAIL, IBAN]]}),
            [(0, "Customers!email", 0, 24), (0, "Customers!iban", 0, 22)],
        ),
        (
            "letter.docx",
            docx([f"Mail {EMAIL}", [["name", "iban"], ["Anna", IBAN]]]),
            [(0, None, 5, 29), (2, "table[0].iban", 0, 22)],
        ),
        ("invoice.pdf", pdf([[f"Mail {EMAIL}"], [f"IBAN {IBAN}"]]), [(0, "line 1", 5, 29), (1, "line 1", 5, 27)]),
        ("notes.txt", TEXT.encode("utf-16"), [(0, None, 5, 29), (1, None, 5, 27)]),
        ("notes-le.txt", TEXT.encode("utf-16-le"), [(0, None, 5, 29), (1, None, 5, 27)]),
    ],
)
def test_every_format_gives_the_email_and_the_iban_at_their_locations(name, data, expected, scanner):
    report, findings = scan(name, data, scanner, contract=False)
    assert report.outcome == "scanned" and report.status == "done"
    assert located(findings) == [
        (name, *where, entity) for where, entity in zip(expected, ("EMAIL_ADDRESS", "IBAN_CODE"))
    ]


def test_zip_members_are_findings_objects_of_their_own(scanner):
    data = zip_of({"crm/a.csv": CSV, "crm/b.csv": f"contact\n{EMAIL}\n", "scan.pdf": pdf(image_only=True)})
    report, found = scan("export.zip", data, scanner, contract=False)
    findings = [f.contract() for f in found]
    assert report.outcome == "scanned" and report.format == "archive"
    assert located(found, ("EMAIL_ADDRESS", "IBAN_CODE", None)) == [
        ("export.zip!crm/a.csv", 0, "email", 0, 24, "EMAIL_ADDRESS"),
        ("export.zip!crm/a.csv", 0, "iban", 0, 22, "IBAN_CODE"),
        ("export.zip!crm/b.csv", 0, "contact", 0, 24, "EMAIL_ADDRESS"),
        ("export.zip!scan.pdf", None, None, None, None, None),
    ]
    gap = findings[-1]
    assert gap["rule_ids"] == [GAP] and gap["preview"] == "no_text_layer" and gap["severity"] == "medium"
    assert report.by_rule[GAP] == 1


@pytest.mark.parametrize(
    ("name", "data", "outcome"),
    [
        ("scan.pdf", pdf(image_only=True), "no_text_layer"),
        ("locked.zip", encrypted_zip("a.csv", CSV.encode()), "encrypted"),
        ("bomb.zip", zip_of({"zeros.csv": b"0" * (8 * 1024 * 1024)}), "decompression_bomb"),
        ("many.zip", zip_of({f"m{i}.txt": "x" for i in range(10_000)}), "too_many_members"),
        ("broken.docx", zip_of({"word/document.xml": "<w:document><w:body>"}), "malformed"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    ],
)
def test_an_object_that_cannot_be_scanned_is_a_coverage_gap_finding(name, data, outcome, scanner):
    report, findings = scan(name, data, scanner)
    assert report.outcome == outcome
    assert findings == [
        {
            "object": name,
            "record": None,
            "field": None,
            "start": None,
            "end": None,
            "entity_type": None,
            "score": 1.0,
            "severity": "medium",
            "rule_ids": [GAP],
            "preview": outcome,
        }
    ]


@pytest.mark.parametrize("data", [xlsx({"Empty": []}), xlsx({"Formulas": [["=1+1"]]}), b"", zip_of({"empty.csv": ""})])
def test_an_empty_object_is_no_gap(data, scanner):
    report, findings = scan("empty.xlsx" if data[:2] == b"PK" and b"xl/" in data else "empty.zip", data, scanner)
    assert report.outcome == "empty" and findings == []
