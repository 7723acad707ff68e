"""Personal data in names (column names, JSON keys, object key segments), found by the real engine."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "name, entity, span",
    [
        ("Müller.csv", "PERSON", (0, 6)),
        ("Anna Schmidt", "PERSON", (0, 12)),
        ("jane@x.org", "EMAIL_ADDRESS", (0, 10)),
        ("jane.roe@example.com.csv", "EMAIL_ADDRESS", (0, 20)),  # .csv is no top-level domain
        ("anna.schmidt@example.com", "EMAIL_ADDRESS", (0, 24)),
        ("DE89370400440532013000", "IBAN_CODE", (0, 22)),
        ("RCCMNL83S18D969H", "IT_FISCAL_CODE", (0, 16)),
    ],
)
def test_personal_data_in_a_name(scanner, name, entity, span):
    assert [(h.entity_type, h.start, h.end) for h in scanner.names(name)] == [(entity, *span)]


@pytest.mark.parametrize(
    "name",
    [
        "email",
        "Email",
        "customer_name",
        "Customer",
        "Vorname",
        "first_name",
        "firstName",
        "marketing_consent",
        "Birth Date",
        "README.md",  # shaped like a host name: a file name
        "customers.csv",
        "part-00001.csv",
        "2024",
        "by_user",
        "messages",
        "Personnummer",  # identifiers' names in EU languages, which NER may read as a person
        "Cod numeric personal",
        "Asmens kodas",
        "Rodné číslo",
        "ΑΜΚΑ",
    ],
)
def test_schema_names_hold_no_personal_data(scanner, name):
    assert scanner.names(name) == []


def test_a_rendered_name_holds_no_personal_data(scanner):
    from privscan.engine.masking import Fingerprinter
    from privscan.engine.redact import MaskingPolicy

    policy = MaskingPolicy(Fingerprinter("unit-test-key-0123456789abcdef"), scanner.names)
    for name in ("Müller.csv", "jane@x.org", "Anna Schmidt", "DE89370400440532013000"):
        rendered = policy.name(name)
        assert rendered != name and scanner.names(rendered) == [] and policy.name(rendered) == rendered
