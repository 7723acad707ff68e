import pytest
from privscan.engine.masking import Fingerprinter, mask_preview, normalise


@pytest.mark.parametrize(
    "entity, value, expected",
    [
        ("EMAIL_ADDRESS", "jane.roe@example.com", "j***@e***.com"),
        ("EMAIL_ADDRESS", "x@localhost", "x***@l***"),
        ("IBAN_CODE", "DE89370400440532013000", "DE******************00"),
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00", "DE** **** **** **** **** 00"),
        ("PHONE_NUMBER", "+49 151 23456789", "+** *** ******89"),
        ("PERSON", "Jane Roe", "J*** R***"),
        ("LOCATION", "Bad Homburg", "B*** H***"),
        ("IP_ADDRESS", "10.1.2.3", "**.*.*.*"),
        ("PERSON", "   ", ""),
    ],
)
def test_preview_keeps_shape_not_value(entity, value, expected):
    assert mask_preview(entity, value) == expected


def test_preview_never_contains_three_consecutive_characters_of_a_long_value():
    value = "DE89370400440532013000"
    preview = mask_preview("IBAN_CODE", value)
    assert all(value[i : i + 3] not in preview for i in range(2, len(value) - 2))


def test_fingerprint_is_keyed_and_stable_across_formatting():
    fingerprint = Fingerprinter("k" * 32)
    spaced = fingerprint("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert spaced == fingerprint("IBAN_CODE", "de89370400440532013000")
    assert len(spaced) == 32
    assert spaced != Fingerprinter("other-key-" * 4)("IBAN_CODE", "DE89370400440532013000")
    assert fingerprint("PERSON", "Jane Roe") == fingerprint("PERSON", "jane  roe")
    assert fingerprint("PERSON", "Jane Roe") != fingerprint("PERSON", "Jane Rowe")


def test_fingerprint_key_must_be_long_enough():
    with pytest.raises(ValueError):
        Fingerprinter("short")


def test_normalise_strips_separators_of_identifiers_only():
    assert normalise("PHONE_NUMBER", "+49 151-2345.6789") == "+4915123456789"
    assert normalise("PERSON", "Jane  Roe") == "jane roe"


def test_many_fingerprints_are_those_made_one_by_one():
    """`Fingerprinter.many` (ASCII values normalised by Arrow, the HMAC from its padded-key states) gives what the
    fingerprinter gives each value: every ASCII character, white space and separators, non-ASCII values, long keys."""
    import random

    from privscan.engine.masking import Fingerprinter

    rng = random.Random(3)
    alphabet = [chr(i) for i in range(128)] + ["é", "ß", "İ", "\u00a0", "\u2028", "ﬁ", "Ａ", "\u3000"]
    for fingerprinter in (Fingerprinter("unit-test-key-0123456789abcdef"), Fingerprinter("k" * 100, key_id="k1")):
        for entity in (None, "IBAN_CODE", "PERSON", "LOCATION", "NRP", "EMAIL_ADDRESS"):
            values = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14))) for _ in range(1500)]
            values += ["DE89 3704 0044 0532 0130 00", " Anna\t Meier ", "a.b-c/d", ""]
            assert fingerprinter.many(entity, values) == [fingerprinter(entity, v) for v in values]
    assert Fingerprinter("unit-test-key-0123456789abcdef").many("PERSON", []) == []
