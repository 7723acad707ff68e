import pytest

from privscan.engine.detect import field_context, plausible
from privscan.engine.scanner import pieces


@pytest.mark.parametrize(
    "entity, span, expected",
    [
        ("PERSON", "Anna Schneider", True),
        ("PERSON", "C-10016", False),
        ("NRP", "R2D2", False),
        ("LOCATION", "Berlin", True),
        ("LOCATION", "Building 7", True),
        ("LOCATION", "10115-22", False),
        ("EMAIL_ADDRESS", "a1@example.com", True),
    ],
)
def test_ner_spans_that_cannot_be_names_or_places_are_dropped(entity, span, expected):
    assert plausible(entity, span) is expected


def test_field_names_become_context_words():
    assert field_context("customer_iban") == ["customer", "iban"]
    assert field_context("messages[3].content") == ["messages", "content"]
    assert field_context(None) == []


def test_long_values_are_cut_at_whitespace_with_offsets():
    text = "word " * 50
    chunks = list(pieces(text, limit=40))
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= 40 for _, piece in chunks)
    assert [offset for offset, _ in chunks] == [sum(len(p) for _, p in chunks[:i]) for i in range(len(chunks))]
    assert all(piece.startswith(" ") or offset == 0 for offset, piece in chunks)
