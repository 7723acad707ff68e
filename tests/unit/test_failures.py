"""Unexpected exceptions leave privscan as content-free errors: type, AWS error code, code locations."""

from __future__ import annotations

import re
import traceback

import pytest
from botocore.exceptions import ClientError
from privscan.failures import ContentFreeError, contained, describe

COLUMN = "anna.roe@example.com"


def missing_column(row: dict) -> str:
    return row[COLUMN]


def test_a_key_error_naming_a_column_becomes_its_type_and_place():
    @contained
    def handler(row: dict) -> str:
        return missing_column(row)

    with pytest.raises(ContentFreeError) as failed:
        handler({})
    assert re.fullmatch(r"KeyError at test_failures\.py:\d+ in missing_column", str(failed.value))
    assert failed.value.__cause__ is None and failed.value.__context__ is None
    assert "anna" not in "".join(traceback.format_exception(failed.value))  # what a log of it would print


def test_an_aws_error_keeps_its_code_and_operation_only():
    error = ClientError({"Error": {"Code": "ValidationException", "Message": f"bad key {COLUMN}"}}, "PutItem")
    assert describe(error) == "ClientError ValidationException in PutItem"


def test_a_content_free_error_and_a_result_pass_unchanged():
    already = ContentFreeError("KeyError at engine/profile.py:1 in observe")

    @contained
    def fails() -> None:
        raise already

    with pytest.raises(ContentFreeError) as failed:
        fails()
    assert failed.value is already
    assert contained(lambda x: x + 1)(1) == 2
