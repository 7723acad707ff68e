"""Masking the spans of free text that privscan keeps (reviewers' notes)."""

from __future__ import annotations

import pytest
from privscan.engine.notes import mask_spans


@pytest.mark.parametrize(
    ("spans", "masked"),
    [
        ([], "Anna Roe, anna.roe@example.com"),
        ([(10, 30, "EMAIL_ADDRESS"), (0, 8, "PERSON")], "A*** R***, a***@e***.com"),  # in any order
        ([(0, 8, "PERSON"), (5, 8, "PERSON")], "A*** R***, anna.roe@example.com"),  # inside a masked span
        ([(0, 4, "PERSON"), (0, 8, "PERSON")], "A*** R***, anna.roe@example.com"),  # the longer one at a start
        ([(0, 6, "PERSON"), (5, 8, "PERSON")], "A*** R***, anna.roe@example.com"),  # reaching past it: one span
    ],
)
def test_spans_are_masked_once_each(spans, masked):
    assert mask_spans("Anna Roe, anna.roe@example.com", spans) == masked
