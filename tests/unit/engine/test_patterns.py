"""Suppression patterns: linear-time matching, bounded size, and no pattern that matches nearly everything."""

import re
import re._parser as sre_parse
import time

import pytest
from privscan.engine.patterns import MAX_PATTERN_CHARS, PROBES, PatternRefused, compile_pattern, required_literal_chars

REDOS = r"([a-z.]+)+@nomatch\.invalid"  # catastrophic backtracking in a backtracking engine


def test_a_nested_quantifier_runs_in_linear_time():
    pattern = compile_pattern(REDOS)
    started = time.perf_counter()
    for local_part in ("a" * 30, "a.b" * 10_000):
        assert not pattern.fullmatch(local_part + "@example.com")
    assert time.perf_counter() - started < 1.0  # a guard only: Python's re takes minutes on the first value
    assert pattern.fullmatch("anna.roe@nomatch.invalid")


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        (".*", "pattern_unanchored"),
        (".+", "pattern_unanchored"),
        ("(?s).*", "pattern_unanchored"),
        (r"[\s\S]*", "pattern_unanchored"),
        (r"\w+@.*", "pattern_unanchored"),
        (r"\S+@\S+", "pattern_unanchored"),
        (r"\d{16}", "pattern_unanchored"),
        (r"(abc)?.*", "pattern_unanchored"),  # an optional literal anchors nothing
        (r"(abc|x).*", "pattern_unanchored"),  # nor does one branch's
        (r".*\.com", "pattern_too_broad"),  # three literals, but any .com address
        (r".*(com|org|net)", "pattern_too_broad"),
        ("DE89.*", "pattern_too_broad"),  # every IBAN of one check-digit pair
        (r"(\w+)\1@example\.com", "pattern_unsupported"),  # backreference
        (r"(?=anna)\w+@example\.com", "pattern_unsupported"),  # lookahead
        ("(unclosed", "pattern_unsupported"),
        ("\ud800@example\\.com", "pattern_unsupported"),  # a lone surrogate is not text RE2 can take
        (r"[a-z]{1000}{1000}@example\.com", "pattern_unsupported"),  # RE2 refuses the repetition
        ("a" * (MAX_PATTERN_CHARS + 1), "pattern_too_long"),
        ("", "pattern_empty"),
    ],
)
def test_patterns_that_are_unsafe_or_too_broad_are_refused_with_a_content_free_code(pattern, code):
    with pytest.raises(PatternRefused) as refused:
        compile_pattern(pattern)
    assert refused.value.code == code
    assert pattern not in str(refused.value) or not pattern  # the refusal never repeats the pattern


@pytest.mark.parametrize(
    ("pattern", "matching", "near_misses"),
    [
        (
            r"[a-z.]+@example\.com",
            ["anna.roe@example.com", "bo@example.com"],
            ["anna.roe@example.com.evil.org", "Anna@example.com", "anna@example.co"],
        ),
        (r"noreply-\d+@example\.org", ["noreply-42@example.org"], ["noreply-@example.org", "noreply-42@example.org "]),
        ("DE0212.*", ["DE02120300000000202051"], ["DE89370400440532013000", "XDE02120300000000202051"]),
        (r"(?i)support@.*", ["Support@shop.example.org"], ["mysupport@shop.example.org"]),
        (REDOS, ["a.b@nomatch.invalid"], ["a.b@nomatch.invalidx"]),
    ],
)
def test_legitimate_patterns_match_whole_values_exactly(pattern, matching, near_misses):
    compiled = compile_pattern(pattern)
    assert [compiled.fullmatch(value) for value in matching] == [True] * len(matching)
    assert [compiled.fullmatch(value) for value in near_misses] == [False] * len(near_misses)


def test_the_probes_are_told_apart_by_an_anchored_pattern_of_each():
    """Every probe has a pattern of its own that the rule accepts: the rule refuses breadth, not shapes."""
    for probe in PROBES:
        assert compile_pattern(re.escape(probe)).fullmatch(probe)


def test_required_literal_characters_follow_the_parts_every_match_goes_through():
    def count(pattern):
        return required_literal_chars(sre_parse.parse(pattern))

    assert count(r"[a-z.]+@example\.com") == 12
    assert count("(ab|cde)f") == 3
    assert count("(xy){3}z?") == 6
    assert count("a*b{0,2}[cd]") == 0


def test_a_value_that_is_not_valid_unicode_matches_nothing():
    assert not compile_pattern(r"anna@example\.com.*").fullmatch("anna@example.com\ud800")
