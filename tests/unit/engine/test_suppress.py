import io

from privscan.engine.masking import Fingerprinter
from privscan.engine.suppress import Suppressions
from privscan.scan import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
CONFIG = r"""
allow:
  - scope: {prefix: "public/"}
    entities: [EMAIL_ADDRESS]
    values: ["Support@Example.com"]
    patterns: ['noreply-\d+@example\.org']
  - scope: {bucket: uploads, prefix: "crm/"}
    fingerprints: ["FP"]
"""


def test_literals_and_patterns_apply_in_scope_and_for_their_entities_only():
    suppressor = Suppressions.from_yaml(CONFIG).for_object("uploads", "public/contacts.csv")
    assert suppressor.allowed("EMAIL_ADDRESS", "support@example.com")
    assert suppressor.allowed("EMAIL_ADDRESS", " noreply-42@example.org ")
    assert not suppressor.allowed("EMAIL_ADDRESS", "noreply-42@example.org.evil.com")  # whole value only
    assert not suppressor.allowed("PERSON", "support@example.com")  # other entity
    assert not suppressor.allowed("EMAIL_ADDRESS", "anna@example.com")
    assert not Suppressions.from_yaml(CONFIG).for_object("uploads", "private/contacts.csv")


def test_fingerprint_entries_match_the_keyed_fingerprint_of_the_value():
    fingerprint = KEY("IBAN_CODE", "DE89370400440532013000")
    config = CONFIG.replace('"FP"', f'"{fingerprint}"')
    suppressor = Suppressions.from_yaml(config).for_object("uploads", "crm/a.csv", KEY)
    assert suppressor.allowed("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert not suppressor.allowed("IBAN_CODE", "DE02120300000000202051")
    assert not Suppressions.from_yaml(config).for_object("other-bucket", "crm/a.csv", KEY)


def test_empty_configuration_suppresses_nothing():
    assert not Suppressions.from_yaml("").for_object("b", "k")


def test_suppressed_values_do_not_become_findings(scanner):
    text = b"Write to support@example.com or to anna.roe@example.com\n"
    found = []
    suppressor = Suppressions.from_yaml(CONFIG).for_object(None, "public/notes.txt")
    scan_stream(
        "public/notes.txt",
        io.BytesIO(text),
        scanner=scanner,
        fingerprinter=KEY,
        sink=found.append,
        suppressor=suppressor,
    )
    assert [(f.entity_type, f.start, f.end) for f in found] == [("EMAIL_ADDRESS", 35, 55)]
