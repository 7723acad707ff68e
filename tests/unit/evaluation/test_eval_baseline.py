"""The stock-Presidio baseline stays offline: tldextract never reaches for the public suffix list."""

from __future__ import annotations

import socket

import tldextract.tldextract as tldextract_module
from privscan_tools.evaluation import baseline


def test_stock_presidio_analyzes_an_email_without_touching_the_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):  # recorded even if a library swallowed the error
        attempts.append(args[:2])
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

    analyzer = baseline.stock_analyzer()
    assert tldextract_module.TLD_EXTRACTOR is baseline.offline_tldextract()
    text = "Write to jan.devries@example.nl or call +31 6 12345678, thanks."
    results = baseline.analyze(text, analyzer)

    emails = [text[r.start : r.end] for r in results if r.entity_type == "EMAIL_ADDRESS"]
    assert emails == ["jan.devries@example.nl"]
    assert all(r.score >= baseline.SCORE_THRESHOLD for r in results)
    assert attempts == []


def test_offline_extractor_uses_the_bundled_suffix_list():
    extractor = baseline.offline_tldextract()
    assert extractor is baseline.offline_tldextract()  # idempotent
    assert extractor("jan@example.co.uk").suffix == "co.uk"
