"""Reveal on demand: which places a finding points at, how an excerpt is cut, and how S3's refusals
become content-free answers."""

import pytest
from botocore.exceptions import ClientError
from privscan.readers.base import Cell
from privscan.review.reveal import CONTEXT_CHARS, MAX_VALUE_CHARS, Revealer, RevealRefused, Target, excerpt, targets_of


def test_a_span_inside_a_long_text_is_shown_with_its_context_on_each_side():
    text = "a" * 200 + "anna.roe@example.com" + "b" * 200
    shown = excerpt(Cell(7, "note", text), Target(7, "note", 200, 220))
    assert shown["text"] == "a" * CONTEXT_CHARS + "anna.roe@example.com" + "b" * CONTEXT_CHARS
    assert shown["highlight"] == [CONTEXT_CHARS, CONTEXT_CHARS + 20]
    assert (shown["record"], shown["field"], shown["cut_before"], shown["cut_after"]) == (7, "note", True, True)


def test_a_whole_value_is_shown_whole_and_a_huge_one_is_cut():
    assert excerpt(Cell(0, "email", "bo@x.org"), Target(0, "email", None, None))["highlight"] == [0, 8]
    huge = excerpt(Cell(0, "notes", "x" * 1000), Target(0, "notes", None, None))
    assert len(huge["text"]) == MAX_VALUE_CHARS and huge["cut_after"] and not huge["cut_before"]


def test_a_span_that_no_longer_fits_the_value_shows_the_value():
    assert excerpt(Cell(0, "f", "short"), Target(0, "f", 3, 40))["text"] == "short"


def test_targets_are_the_findings_place_or_its_sampled_occurrences_and_none_for_a_rule_finding():
    value = {"entity_type": "EMAIL_ADDRESS", "record": 3, "field": "text", "start": 5, "end": 9}
    assert targets_of(value) == [Target(3, "text", 5, 9)]
    column = {
        "entity_type": "EMAIL_ADDRESS",
        "record": None,
        "field": "email",
        "start": None,
        "occurrences": [{"record": r, "start": 0, "end": 4} for r in range(9)],
    }
    assert targets_of(column)[:2] == [Target(0, "email", 0, 4), Target(1, "email", 0, 4)]
    assert len(targets_of(column)) == 5
    assert targets_of({"entity_type": None, "rule_ids": ["AIACT-ART50"]}) == []


class _S3:
    def __init__(self, code: str):
        self.code, self.requests = code, []

    def get_object(self, **request):
        self.requests.append(request)
        raise ClientError({"Error": {"Code": self.code, "Message": "x"}}, "GetObject")


class _Store:
    def stored_key(self, key: str) -> str:
        return key


FINDING = {"bucket": "b", "key": "k.txt", "entity_type": "IBAN_CODE", "record": 0, "field": None, "start": 0, "end": 4}


@pytest.mark.parametrize(
    ("version", "code", "request_extra", "status"),
    [
        (
            "0123456789abcdef0123456789abcdef",
            "PreconditionFailed",
            {"IfMatch": "0123456789abcdef0123456789abcdef"},
            409,
        ),
        ('"0123456789abcdef0123456789abcdef-3"', "412", {"IfMatch": '"0123456789abcdef0123456789abcdef-3"'}, 409),
        ("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY", "NoSuchVersion", {"VersionId": "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"}, 404),
        ("null", "NoSuchKey", {}, 404),
    ],
)
def test_the_scanned_version_is_asked_for_and_refusals_say_why_without_content(version, code, request_extra, status):
    s3 = _S3(code)
    revealer = Revealer(s3, _Store(), scanner=None, fingerprinter=None)
    with pytest.raises(RevealRefused) as refused:
        revealer.reveal({**FINDING, "version": version}, "arn:aws:iam::1:user/o", "2026-12-07T00:00:00+00:00")
    assert refused.value.status == status
    assert s3.requests == [{"Bucket": "b", "Key": "k.txt", **request_extra}]


def test_a_key_given_by_the_reviewer_must_render_to_the_stored_key():
    revealer = Revealer(_S3("NoSuchKey"), _Store(), scanner=None, fingerprinter=None)
    with pytest.raises(RevealRefused) as refused:
        revealer.reveal({**FINDING, "version": "null"}, "a", "t", key="other.txt")
    assert (refused.value.status, refused.value.reason) == (400, "the key given is not this finding's object")
