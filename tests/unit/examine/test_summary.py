"""The training-content summary on a constructed web corpus with known languages, domains and dates."""

from __future__ import annotations

import io
import math

import pytest
from privscan.engine.language import language_of as detect_language
from privscan.examine import Examiner, examine_stream
from privscan.examine.summary import date_of, domain_of, size_range

from tests.unit.examine.corpus import web_corpus


@pytest.fixture(scope="module")
def corpus():
    return web_corpus()


@pytest.fixture(scope="module")
def summary(corpus):
    examiner = Examiner()
    try:
        examine_stream("crawl.jsonl", io.BytesIO(corpus[0]), examiner)
        return examiner.report()["training_summary"]
    finally:
        examiner.close()


def test_counts_and_size_range(summary, corpus):
    assert summary["records"] == 1000
    assert summary["modalities"] == ["text"]
    assert summary["text_bytes"] == corpus[1]["text_bytes"]
    assert summary["estimated_tokens"] == corpus[1]["text_bytes"] // 4
    assert summary["size_range"] == "<1B tokens"
    assert summary["bytes"] == len(corpus[0])


def test_language_shares_within_three_points(summary, corpus):
    shares = {row["lang"]: row["share"] for row in summary["languages"]}
    for lang, count in corpus[1]["languages"].items():
        assert shares.get(lang, 0) == pytest.approx(count / 1000, abs=0.03)


def test_top_domains_are_exactly_the_true_top_tenth_by_bytes(summary, corpus):
    truth = corpus[1]["domain_bytes"]
    keep = math.ceil(len(truth) * 0.10)
    expected = sorted(truth, key=lambda d: (-truth[d], d))[:keep]
    assert [row["domain"] for row in summary["top_domains"]] == expected
    assert summary["domains"] == len(truth)
    for row in summary["top_domains"]:
        assert row["bytes_share"] == pytest.approx(truth[row["domain"]] / corpus[1]["text_bytes"], abs=1e-4)


def test_latest_date_exact(summary, corpus):
    assert summary["latest_date"] == corpus[1]["latest_date"]


def test_sme_variant_keeps_five_percent():
    data, truth = web_corpus(records=400, domains=60)
    examiner = Examiner(sme=True)
    try:
        examine_stream("crawl.jsonl", io.BytesIO(data), examiner)
        rows = examiner.report()["training_summary"]["top_domains"]
    finally:
        examiner.close()
    assert len(rows) == math.ceil(len(truth["domain_bytes"]) * 0.05)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council has voted for the plan and it was the first time", "en"),
        ("Die Stadt hat einen neuen Plan und die Bürger sind nicht zufrieden", "de"),
        ("Le conseil a voté pour le plan et les habitants sont contents", "fr"),
        ("El consejo ha votado por el plan y los vecinos están contentos con la decisión", "es"),
        ("Το συμβούλιο ψήφισε το σχέδιο", "el"),
        ("12345 67890", None),
        ("ok", None),
    ],
)
def test_language_of_a_text(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("field", "text", "date"),
    [
        ("date", "2026-05-31", "2026-05-31"),
        ("crawled_at", "2026-05-31T12:00:00Z", "2026-05-31"),
        ("datum", "31.05.2026", "2026-05-31"),
        ("text", "2026-05-31", "2026-05-31"),  # a whole value that is a date, whatever its field
        ("text", "seen on 2026-05-31 in town", None),  # a date inside prose is not a date field
        ("comment", "31.05.2026", None),  # day-first only in fields named like dates
        ("date", "2026-13-01", None),
    ],
)
def test_dates_of_date_fields(field, text, date):
    assert date_of(field, text) == date


def test_domains_and_size_ranges():
    assert domain_of("https://www.Example.org:8080/a?b") == "example.org"
    assert domain_of("not a url") is None
    assert size_range(10**9 - 1) == "<1B tokens"
    assert size_range(10**9) == "1B-10T tokens"
    assert size_range(10**13) == ">10T tokens"
