"""Text shaped to make spaCy's tokenizer quadratic is scanned in bounded time, with exact spans."""

import io
import time

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import MAX_RUN_CHARS, has_long_run, pieces
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
BOUND_S = 20.0  # generous: a shared test machine; each shape takes minutes when runs reach the tokenizer whole


def scan_text(text, scanner):
    found = []
    started = time.perf_counter()
    report = scan_stream("notes.txt", io.BytesIO(text.encode()), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return report, [(f.entity_type, f.start, f.end) for f in found], time.perf_counter() - started


def test_a_long_run_ends_its_piece_and_the_text_after_it_keeps_its_offset():
    text = "Anna Schmidt" + "[" * 100 + "]" * 100 + " call me"
    assert list(pieces(text)) == [(0, "Anna Schmidt" + "[" * MAX_RUN_CHARS), (212, " call me")]


def test_a_run_at_the_end_leaves_one_piece_and_no_empty_one():
    assert list(pieces("Anna Schmidt" + "!" * 12_000)) == [(0, "Anna Schmidt" + "!" * MAX_RUN_CHARS)]


def test_runs_up_to_the_limit_and_ordinary_punctuation_stay_whole():
    mrz = "P<UTOERIKSSON<<ANNA<MARIA" + "<" * 19
    table = "|" + "-" * MAX_RUN_CHARS + "|"  # a run of MAX_RUN_CHARS + 2
    for text in (mrz, "Wait... what?!?! (really) -- yes: 'no'", "-" * MAX_RUN_CHARS, "a_b" * 30):
        assert list(pieces(text)) == [(0, text)]
    assert list(pieces(table)) == [(0, table[:MAX_RUN_CHARS])]


def test_underscores_count_as_run_characters():
    text = "x" + "_" * 200 + "y"
    assert list(pieces(text)) == [(0, "x" + "_" * MAX_RUN_CHARS), (201, "y")]


def test_long_values_with_runs_are_still_cut_to_the_length_limit():
    text = "word " * 30 + "!" * 100 + "more words " * 10
    chunks = list(pieces(text, limit=40))
    assert all(len(piece) <= 40 for _, piece in chunks)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in chunks)
    assert "".join(piece for _, piece in chunks) == text.replace("!" * 100, "!" * MAX_RUN_CHARS)


def test_a_name_followed_by_12_kb_of_exclamation_marks_is_found_at_its_span(scanner):
    report, found, took = scan_text("Anna Schmidt" + "!" * 12_000, scanner)
    assert report.outcome == "scanned"
    assert found == [("PERSON", 0, 12)]
    assert took < BOUND_S


@pytest.mark.parametrize(
    "run",
    [
        "[" * 10_000 + "]" * 10_000,
        "." * 20_000,
        "-" * 20_000,
        "'" * 20_000,
        "(" * 20_000,
        "!?" * 10_000,
        "\U0001f600" * 20_000,
        "\u200d" * 20_000,
        "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 5_000,
        "_" * 20_000,
        "a" * 100_000,
    ],
    ids=["brackets", "dots", "dashes", "quotes", "parens", "bang-question", "emoji", "zwj", "family", "under", "word"],
)
def test_adversarial_runs_finish_in_bounded_time_with_exact_spans_around_them(run, scanner):
    text = "Contact anna.roe@example.com " + run + " or max.roe@example.com"
    report, found, took = scan_text(text, scanner)
    after = len(text) - len("max.roe@example.com")
    assert report.outcome == "scanned"
    assert [f for f in found if f[0] == "EMAIL_ADDRESS"] == [
        ("EMAIL_ADDRESS", 8, 28),
        ("EMAIL_ADDRESS", after, len(text)),
    ]
    assert took < BOUND_S


@pytest.mark.parametrize("start", [0, 1, 31, 32, 33, 63, 64, 65, 100])
def test_a_run_one_over_the_limit_is_found_wherever_it_starts(start):
    text = "a" * start + "!" * (MAX_RUN_CHARS + 1) + " b"
    assert has_long_run(text)
    assert not has_long_run(text.replace("!", "", 1))  # a run of exactly MAX_RUN_CHARS
    assert not has_long_run("a" * start + "! " * MAX_RUN_CHARS)  # punctuation everywhere, no run


@pytest.mark.parametrize("unit", ["a.", "a-", "ab.cd-"])
def test_dotted_text_that_slows_the_url_pattern_is_scanned_in_bounded_time(scanner, unit):
    """Presidio's URL pattern tries up to 253 host characters from every position of such text."""
    report, found, took = scan_text("Anna Schmidt wrote " + unit * (40_000 // len(unit)), scanner)
    assert report.outcome == "scanned" and ("PERSON", 0, 12) in found
    assert took < BOUND_S


def test_a_url_in_long_ordinary_text_is_still_found(scanner):
    text = "See the notes. " * 5_000 + "Details at https://example.com/x for all."
    _, found, _ = scan_text(text, scanner)
    start = text.index("https://")
    assert ("URL", start, start + len("https://example.com/x")) in found


def test_a_gate_out_of_time_skips_its_recognizer(caplog):
    from privscan.engine import recognize

    class Slow:
        def search(self, text, timeout):
            raise TimeoutError

    assert recognize.gate_passes(((Slow(), 0),), "a.b.a.b", "UrlRecognizer") is False
    assert "UrlRecognizer skipped" in caplog.text and "a.b" not in caplog.text
