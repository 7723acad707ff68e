import io
import time

from privscan.engine.masking import Fingerprinter
from privscan.engine.suppress import Suppressions
from privscan.pipeline import scan_stream

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


BAD_ENTRIES = r"""
allow:
  - scope: {prefix: "public/"}
    entities: [EMAIL_ADDRESS]
    patterns: ['.*', '[a-z.]+@example\.com', '(\w+)\1@x\.org']
  - "not an entry"
  - scope: {prefix: ["public/"]}
    values: ["support@example.net"]
  - scope: {prefix: ""}
    patterns: ['(?s).*']
    values: ["help@example.org"]
"""


def test_unusable_entries_and_patterns_are_skipped_and_reported_without_their_text():
    suppressions = Suppressions.from_yaml(BAD_ENTRIES)
    assert [(p.location, p.code) for p in suppressions.problems] == [
        ("allow[0].patterns[0]", "pattern_unanchored"),
        ("allow[0].patterns[2]", "pattern_unsupported"),
        ("allow[1]", "entry_invalid"),
        ("allow[2]", "entry_invalid"),
        ("allow[3].patterns[0]", "pattern_unanchored"),
    ]
    assert not any(".*" in str(p) or "support@" in str(p) for p in suppressions.problems)
    suppressor = suppressions.for_object("uploads", "public/contacts.csv")
    assert suppressor.allowed("EMAIL_ADDRESS", "anna.roe@example.com")  # the entry's usable pattern stays
    assert suppressor.allowed("EMAIL_ADDRESS", "help@example.org")  # and the values of an entry with a bad one
    assert not suppressor.allowed("EMAIL_ADDRESS", "anna.roe@example.org")
    assert not suppressor.allowed("EMAIL_ADDRESS", "support@example.net")  # its entry was skipped


def test_an_unreadable_list_suppresses_nothing_and_says_why():
    for text, code in (("allow: [unclosed", "allow_list_unreadable"), ("allow: {a: 1}", "allow_list_invalid")):
        suppressions = Suppressions.from_yaml(text)
        assert not suppressions.entries and [p.code for p in suppressions.problems] == [code]


def test_a_backtracking_pattern_suppresses_in_linear_time(scanner):
    config = "allow:\n  - patterns: ['([a-z.]+)+@nomatch\\.invalid']\n"
    suppressor = Suppressions.from_yaml(config).for_object("uploads", "notes.txt")
    started = time.perf_counter()
    assert not suppressor.allowed("EMAIL_ADDRESS", "a" * 30 + "@example.com")
    assert time.perf_counter() - started < 1.0  # a guard only: a backtracking engine takes minutes
    assert suppressor.allowed("EMAIL_ADDRESS", "anna.roe@nomatch.invalid")


def test_a_scope_made_from_a_masked_key_holds_the_object_under_its_raw_key():
    stored = "exports/a***@e***.com~kdpafmoceglb/data.csv"  # as the findings store keeps the key
    suppressions = Suppressions.from_yaml(f"allow:\n  - scope: {{prefix: '{stored}'}}\n    values: ['x@example.com']\n")
    raw = "exports/anna.roe@example.com/data.csv"
    assert suppressions.for_object("uploads", raw, stored_key=stored).allowed("EMAIL_ADDRESS", "x@example.com")
    assert not suppressions.for_object("uploads", raw).allowed("EMAIL_ADDRESS", "x@example.com")
    other = "exports/b***@e***.com~mmmmmmmmmmmm/data.csv"  # another address: another token
    assert not suppressions.for_object("uploads", raw, stored_key=other).allowed("EMAIL_ADDRESS", "x@example.com")
