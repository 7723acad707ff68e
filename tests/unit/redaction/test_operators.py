"""Operators of the redaction stage: masks, keyed hashes, fakes (deterministic per value and key, of valid
shape), span merging and the TYPE=OP option."""

import ipaddress
import re

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.redaction.fakes import EXAMPLE_DOMAINS, FAMILY, GIVEN, FakeValues
from privscan.redaction.operators import Applied, Redactor, Span, mask, merge_spans, parse_operators
from privscan.vocabulary import RedactOperator
from stdnum import iban, luhn

KEY = Fingerprinter("k" * 32)
OTHER_KEY = Fingerprinter("z" * 32)


def test_mask_keeps_the_shape_and_no_letter_or_digit():
    assert mask("anna.roe@example.com") == "****.***@*******.***"
    assert mask("DE89 3704 0044") == "**** **** ****"
    assert mask("Zoë Ångström") == "*** ********"


def test_hash_is_keyed_normalised_and_letters_only():
    redactor = Redactor(KEY, default=RedactOperator.HASH)
    hashed = redactor.replacement("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert re.fullmatch(r"<iban_code:[a-p]{16}>", hashed)
    assert redactor.replacement("IBAN_CODE", "de89370400440532013000") == hashed  # one value, two spellings
    assert redactor.replacement("IBAN_CODE", "DE89370400440532013001") != hashed
    assert Redactor(OTHER_KEY, default=RedactOperator.HASH).replacement("IBAN_CODE", "DE89370400440532013000") != hashed


def test_fakes_are_the_same_for_the_same_value_and_key_only():
    fakes, other = FakeValues(KEY), FakeValues(OTHER_KEY)
    assert fakes.fake("PERSON", "Anna Roe") == fakes.fake("PERSON", "anna  roe")  # normalised as fingerprints are
    assert fakes.fake("PERSON", "Anna Roe") != fakes.fake("PERSON", "Anne Roe")
    names = {other.fake("PERSON", f"Person {i}") for i in range(30)}
    assert len(names) > 20 and fakes.fake("PERSON", "Anna Roe") != other.fake("PERSON", "Anna Roe")


def test_fakes_look_real_and_belong_to_no_one():
    fakes = FakeValues(KEY)
    given, family = fakes.fake("PERSON", "Anna Roe").split()
    assert given in GIVEN and family in FAMILY
    assert fakes.fake("PERSON", "Anna") in GIVEN  # one word stays one word
    local, domain = fakes.fake("EMAIL_ADDRESS", "anna.roe@corp.eu").split("@")
    assert domain in EXAMPLE_DOMAINS and re.fullmatch(r"[a-z]+\.[a-z]+", local)
    for i in range(20):
        faked = fakes.fake("IBAN_CODE", f"DE89 3704 0044 0532 0130 {i:02d}")
        assert iban.is_valid(faked) and faked.startswith("DE") and len(faked) == 27 and faked[4] == " "
        card = fakes.fake("CREDIT_CARD", f"4111-1111-1111-11{i:02d}")
        assert luhn.is_valid(card.replace("-", "")) and card.count("-") == 3 and len(card) == 19
        assert ipaddress.ip_address(fakes.fake("IP_ADDRESS", f"10.0.0.{i}")).is_private  # documentation ranges
    phone = fakes.fake("PHONE_NUMBER", "+49 151 23456789")
    assert phone.startswith("+49 ") and re.fullmatch(r"\+49 \d{3} \d{8}", phone) and phone != "+49 151 23456789"
    other_type = fakes.fake("XX_ID", "123-45-ABx")  # any other type: the same shape, each character replaced
    assert re.fullmatch(r"[1-9]\d{2}-\d{2}-[A-Z]{2}[a-z]", other_type) and other_type != "123-45-ABx"


def test_overlapping_spans_merge_into_their_union_named_by_the_longest():
    merged = merge_spans([Span(0, 8, "PERSON", 0.85), Span(0, 20, "EMAIL_ADDRESS", 1.0), Span(15, 24, "URL", 0.5)])
    assert merged == [Span(0, 24, "EMAIL_ADDRESS", 1.0)]
    assert merge_spans([Span(5, 9, "A"), Span(0, 3, "B"), Span(3, 5, "C")]) == [
        Span(0, 3, "B"),
        Span(3, 5, "C"),
        Span(5, 9, "A"),
    ]  # touching spans stay apart
    assert merge_spans([Span(4, 4, "EMPTY")]) == []


def test_rewrite_replaces_spans_of_redacted_types_only_and_says_where():
    redactor = Redactor(KEY, {"LOCATION": RedactOperator.KEEP}, RedactOperator.MASK)
    text = "Anna Roe lives in Lyon, anna@x.eu"
    spans = [Span(0, 8, "PERSON"), Span(18, 22, "LOCATION"), Span(24, 33, "EMAIL_ADDRESS")]
    assert redactor.rewrite(text, spans) == (
        "**** *** lives in Lyon, ****@*.**",
        [Applied(0, 8, "PERSON", "mask"), Applied(24, 33, "EMAIL_ADDRESS", "mask")],
    )
    assert redactor.rewrite(text, [Span(18, 22, "LOCATION")]) == (text, [])
    assert redactor.rewrite("short", [Span(0, 40, "PERSON")]) == ("short", [])  # a span past the text is not applied


def test_operator_pairs_are_parsed_and_mistakes_named():
    assert parse_operators(["email_address=hash", " PERSON = fake "]) == {
        "EMAIL_ADDRESS": RedactOperator.HASH,
        "PERSON": RedactOperator.FAKE,
    }
    for bad in ("PERSON", "PERSON=shred", "=mask"):
        with pytest.raises(ValueError, match="is not TYPE=OPERATOR"):
            parse_operators([bad])
