"""The masking policy on names and paths, with a hand-made name finder (no spaCy needed)."""

from __future__ import annotations

import re

import pytest
from privscan.engine.findings import FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MAX_FIELD_CHARS, MAX_NAME_CHARS, MaskingPolicy, NameHit, path_keys, scannable

KEY = "unit-test-key-0123456789abcdef"
EMAIL = re.compile(r"[\w.]+@[\w.]+\.\w+")
NAMES = re.compile(r"Müller|Anna Schmidt")


def find(name: str) -> list[NameHit]:
    """E-mail addresses and two names, in a name as a finder reads it (tokens blanked)."""
    text = scannable(name)
    hits = [NameHit("EMAIL_ADDRESS", m.start(), m.end(), 1.0) for m in EMAIL.finditer(text)]
    return hits + [NameHit("PERSON", m.start(), m.end(), 0.85) for m in NAMES.finditer(text)]


POLICY = MaskingPolicy(Fingerprinter(KEY), find)
TOKEN = r"~[a-p]{12}"


@pytest.mark.parametrize("name", ["email", "customer_name", "Email", "by_user", "column_7", "data.csv", ""])
def test_a_name_without_personal_data_stays_as_it_is(name):
    assert POLICY.name(name) == name


@pytest.mark.parametrize(
    "name, shape",
    [
        ("jane@x.org", r"j\*\*\*@x\*\*\*\.org" + TOKEN),
        ("Müller.csv", r"M\*\*\*" + TOKEN + r"\.csv"),
        ("Müller.jsonl.gz", r"M\*\*\*" + TOKEN + r"\.jsonl\.gz"),
        ("Anna Schmidt", r"A\*\*\* S\*\*\*" + TOKEN),
        ("export for anna.schmidt@example.com", r"e\*\*\* f\*\*\* a\*\*\*\.s\*\*\*@e\*\*\*\.c\*\*\*" + TOKEN),
    ],
)
def test_a_name_holding_personal_data_is_its_masked_shape_and_a_keyed_token(name, shape):
    rendered = POLICY.name(name)
    assert re.fullmatch(shape, rendered), rendered
    assert POLICY.name(rendered) == rendered  # a rendering is left as it is: stored keys are passed back in


def test_distinct_names_never_render_alike_and_one_name_always_renders_alike():
    first, second = POLICY.name("jane@x.org"), POLICY.name("jake@x.org")
    assert first[:-12] == second[:-12] and first != second  # same shape, different tokens
    assert POLICY.name("jane@x.org") == first
    other_key = MaskingPolicy(Fingerprinter("another-key-0123456789abcdef"), find)
    assert other_key.name("jane@x.org") != first  # the token is keyed


def test_a_name_over_the_cap_is_a_token_alone():
    name = "c" * 500_000
    assert re.fullmatch(TOKEN, POLICY.name(name))
    assert POLICY.name("c" * MAX_NAME_CHARS) == "c" * MAX_NAME_CHARS


def test_object_keys_are_rendered_segment_by_segment():
    rendered = POLICY.object_name("exports/anna.schmidt@example.com/data.csv")
    assert re.fullmatch(r"exports/a\*\*\*@e\*\*\*\.com" + TOKEN + "/data.csv", rendered)
    assert POLICY.object_name("exports/2024/data.csv") == "exports/2024/data.csv"


@pytest.mark.parametrize(
    "path, shape",
    [
        ('by_user["jane@x.org"]', r'by_user\["j\*\*\*@x\*\*\*\.org' + TOKEN + r'"\]'),
        ('by_user["jane@x.org"].score', r'by_user\["j\*\*\*@x\*\*\*\.org' + TOKEN + r'"\]\.score'),
        ("teams[2].Müller.email", r"teams\[2\]\.M\*\*\*" + TOKEN + r"\.email"),
        ("messages[3].content", r"messages\[3\]\.content"),
        ('attrs["a.b"].c', r'attrs\["a\.b"\]\.c'),
    ],
)
def test_json_paths_mask_only_the_keys_holding_personal_data(path, shape):
    assert re.fullmatch(shape, POLICY.field(path, tabular=False))


def test_a_column_name_is_one_name_even_with_dots_in_it():
    assert re.fullmatch(r"a\*\*\*@e\*\*\*\.com" + TOKEN, POLICY.field("anna.schmidt@example.com", tabular=True))
    assert POLICY.field("user.email", tabular=True) == "user.email"


def test_a_field_path_is_bounded():
    path = ".".join(f"k{i}" for i in range(1000))
    rendered = POLICY.field(path, tabular=False)
    assert len(rendered) == MAX_FIELD_CHARS and re.search(TOKEN + "$", rendered)
    assert POLICY.field(path + ".x", tabular=False) != rendered  # ends in a token of the whole path


@pytest.mark.parametrize(
    "path, keys",
    [
        ("a.b[2].c", [("a", None), ("b", None), (None, 2), ("c", None)]),
        ('x["a.b"]', [("x", None), ("a.b", None)]),
        ("a..b", None),
        ('x["unterminated]', None),
    ],
)
def test_path_keys(path, keys):
    assert path_keys(path) == keys


def test_a_rule_finding_shows_no_value():
    factory = FindingFactory("data.csv", Fingerprinter(KEY), find, tabular=True)
    with pytest.raises(ValueError):
        factory.rule_finding("GDPR-ART7-CONSENT-MISSING", "high", 0, "consent", preview="36574261809")
    named = factory.rule_finding("GDPR-ART9-HEALTH", "high", None, "Müller", name="Müller")
    assert re.fullmatch(r"M\*\*\*" + TOKEN, named.preview) and named.field == named.preview


def test_name_findings_say_where_and_carry_the_values_fingerprint():
    factory = FindingFactory("exports/Müller.csv", Fingerprinter(KEY), find, tabular=True)
    assert re.fullmatch(r"exports/M\*\*\*" + TOKEN + r"\.csv", factory.object_name)
    (finding,) = factory.name_findings("column_name", "anna.schmidt@example.com", None, "anna.schmidt@example.com")
    assert (finding.where, finding.entity_type, finding.field) == ("column_name", "EMAIL_ADDRESS", finding.preview)
    assert finding.fingerprint == Fingerprinter(KEY)("EMAIL_ADDRESS", "anna.schmidt@example.com")
    assert "anna" not in str(finding.to_dict()) and finding.contract()["where"] == "column_name"


def test_an_object_scans_a_bounded_number_of_names_then_renders_tokens():
    asked = []

    def counting(name):
        asked.append(name)
        return find(name)

    policy = MaskingPolicy(Fingerprinter(KEY), counting, scan_budget=3)
    assert [policy.name(n) for n in ("Id1", "Id2", "Id3", "Id2")] == ["Id1", "Id2", "Id3", "Id2"]
    assert re.fullmatch(TOKEN, policy.name("Müller")) and policy.hits("Müller") == []
    assert policy.name("plain_words") == "plain_words"  # nothing to scan: no budget spent, stays readable
    assert asked == ["Id1", "Id2", "Id3"]
    unbounded = MaskingPolicy(Fingerprinter(KEY), find, scan_budget=None)
    assert [unbounded.name(f"Id{i}") for i in range(5)] == [f"Id{i}" for i in range(5)]
    assert unbounded.name("Müller") == POLICY.name("Müller")
