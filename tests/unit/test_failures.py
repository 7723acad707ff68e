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


def test_only_the_runtime_package_is_privscans_code_whatever_its_checkout_is_called():
    from privscan.failures import PACKAGE_DIR, _in_package, _short

    assert _in_package(str(PACKAGE_DIR / "engine" / "profile.py"))
    assert _short(str(PACKAGE_DIR / "engine" / "profile.py")) == "engine/profile.py"
    assert not _in_package("/home/me/privscan/tests/unit/test_ingest_batch.py")  # a checkout named privscan
    assert _short("/home/me/privscan/tests/unit/test_ingest_batch.py") == "test_ingest_batch.py"
