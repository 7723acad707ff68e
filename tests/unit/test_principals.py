"""Reviewer principals: a session of a listed role is that role; nothing else matches but the exact ARN."""

from __future__ import annotations

import pytest
from privscan.api.principals import is_one_of, parse_principals

REVIEWERS = parse_principals(
    " arn:aws:iam::111122223333:role/privacy/Reviewer ,, arn:aws:iam::111122223333:user/officer "
)


def test_the_setting_is_a_comma_separated_list():
    assert REVIEWERS == ("arn:aws:iam::111122223333:role/privacy/Reviewer", "arn:aws:iam::111122223333:user/officer")
    assert parse_principals("") == ()


@pytest.mark.parametrize(
    ("caller", "allowed"),
    [
        ("arn:aws:sts::111122223333:assumed-role/Reviewer/anna", True),
        ("arn:aws:iam::111122223333:user/officer", True),
        ("arn:aws:iam::111122223333:role/privacy/Reviewer", True),
        ("arn:aws:sts::111122223333:assumed-role/ReviewerCI/runner", False),  # near miss: a longer role name
        ("arn:aws:sts::111122223333:assumed-role/CiRunner/Reviewer", False),  # the session name is not the role
        ("arn:aws:sts::444455556666:assumed-role/Reviewer/anna", False),  # same name, another account
        ("arn:aws-cn:sts::111122223333:assumed-role/Reviewer/anna", False),  # another partition
        ("arn:aws:iam::111122223333:user/officer2", False),
        ("arn:aws:iam::111122223333:user/Reviewer", False),  # a user is not the role of the same name
    ],
)
def test_who_is_a_reviewer(caller, allowed):
    assert is_one_of(caller, REVIEWERS) is allowed


def test_nobody_reviews_when_none_is_configured():
    assert not is_one_of("arn:aws:sts::111122223333:assumed-role/Reviewer/anna", ())
