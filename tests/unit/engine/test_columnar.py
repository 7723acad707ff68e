"""The columnar path gives the per-cell path's findings, exactly; and settles clean structured columns without
asking the detector about their values.

Each table is scanned twice with the real engine, `EngineConfig.columnar` on and off, and the findings are
compared in full and in order (`Finding.to_dict()`: record numbers, offsets, column counts, distinct counts,
masked occurrences, fingerprints, scores, severities, rule ids), with the scan summaries.
"""

from __future__ import annotations

import csv
import io
import random
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from privscan.engine import columnar
from privscan.engine.columnar import ColumnarSplitter, quiet_pattern, shape_pattern
from privscan.engine.detect import TYPED, Detector, Unit
from privscan.engine.masking import Fingerprinter
from privscan.engine.national_ids import NAMED_SCORE, country_of_phone
from privscan.engine.phone import possible_phone_value
from privscan.engine.profile import ColumnProfile, shape
from privscan.pipeline import scan_stream
from privscan.readers import delimited
from privscan.readers.base import BlockCell
from privscan_tools.bench.tables import bsn, dni_number, iban, pesel_number, steuer_id
from stdnum import iban as stdnum_iban
from stdnum.de import idnr
from stdnum.es import dni as es_dni
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
SUMMARY = ("status", "outcome", "format", "records", "findings", "by_entity", "by_severity", "by_rule", "issues")
HEADER = [
    "kunden_nr",
    "e-mail",
    "téléphone",
    "iban",
    "steuer_id",
    "bsn",
    "pesel",
    "dni",
    "geburtsdatum",
    "betrag",
    "catégorie",
    "kommentar",
    "freitext",
]
NOTES = [
    "Rückruf erbeten, Kundin war freundlich",
    "Spoke with Anna Schneider about the refund",
    "Bitte an IBAN DE89370400440532013000 erstatten",
    "keine Angabe",
    "Lieferung kam zu spät, Ersatz geschickt",
]


def structured_rows(count: int, seed: int = 5, free_text: bool = True) -> list[list[str]]:
    """Ids, e-mails, phones, IBANs, national ids of four countries, dates, amounts, categories; a mixed column
    (short remarks, one holding an IBAN) and a free-text column; nulls and blanks here and there."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        row = [
            f"K-{i:06d}",
            f"kunde{i}.{rng.choice(['meier', 'dupont', 'visser'])}@example.com",
            f"+49 151 {rng.randrange(10**8):08d}" if i % 3 else f"+33 6 {rng.randrange(10**8):08d}",
            iban(rng),
            steuer_id(rng),
            bsn(rng),
            pesel_number(rng),
            dni_number(rng),
            f"{rng.randrange(1950, 2005)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            f"{rng.uniform(1, 5000):.2f}",
            rng.choice(["Privat", "Geschäft", "Öffentlich"]),
            rng.choice(["ok", "rückfrage", "erledigt", "offen"]),
            rng.choice(NOTES) if free_text else "",
        ]
        if i % 97 == 13:
            row[1] = ""  # an empty e-mail
        if i % 89 == 7:
            row[9] = "   "  # a blank amount
        if i % 53 == 11:
            row[3] = "DE00 nicht bekannt"  # not an IBAN in the IBAN column
        if i == 777:
            row[11] = "IBAN DE89370400440532013000 prüfen"  # one IBAN in the mixed column
        rows.append(row)
    return rows


def as_csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def scan(scanner, name: str, data: bytes, *, columnar_path: bool, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    original = scanner.config
    scanner.config = original.model_copy(update={"columnar": columnar_path})
    findings = []
    try:
        with path.open("rb") as stream:
            report = scan_stream(name, stream, scanner=scanner, fingerprinter=KEY, sink=findings.append)
    finally:
        scanner.config = original
    return report, [f.to_dict() for f in findings]


@pytest.fixture
def blocks(monkeypatch):
    """Counts the records the columnar path settled (in BlockCells) per scan."""
    settled = []
    cells = ColumnarSplitter.cells

    def counting(self, batches):
        for cell in cells(self, batches):
            if isinstance(cell, BlockCell):
                settled.append(cell.block.records)
            yield cell

    monkeypatch.setattr(ColumnarSplitter, "cells", counting)
    return settled


def both(scanner, name: str, data: bytes, tmp_path):
    one, per_cell = scan(scanner, name, data, columnar_path=False, tmp_path=tmp_path)
    many, by_column = scan(scanner, name, data, columnar_path=True, tmp_path=tmp_path)
    assert by_column == per_cell
    assert {k: many.summary()[k] for k in SUMMARY} == {k: one.summary()[k] for k in SUMMARY}
    return one, per_cell


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 300)
    monkeypatch.setattr(columnar, "SAMPLING_ROWS", 40)


def test_a_structured_csv_with_free_text_gives_the_per_cell_findings(tmp_path, scanner, small_batches, blocks):
    report, findings = both(scanner, "kunden.csv", as_csv(structured_rows(1200)), tmp_path)
    assert report.records == 1200
    columns = {f["field"]: (f["entity_type"], f["count"]) for f in findings if f["count"] is not None}
    assert columns == {
        "e-mail": ("EMAIL_ADDRESS", 1200 - 13),  # 13 empty
        "téléphone": ("PHONE_NUMBER", 1199),
        "iban": ("IBAN_CODE", 1200 - 23),  # 23 not an IBAN
        "steuer_id": ("DE_TAX_ID", 1200),
        "bsn": ("NL_BSN", 1200),
        "pesel": ("PL_PESEL", 1200),  # six are valid German tax ids too: the header names the PESEL
        "dni": ("ES_NIF", 1200),
        "catégorie": ("LOCATION", 1200),
    }
    mixed = [(f["record"], f["entity_type"], f["start"], f["end"]) for f in findings if f["field"] == "kommentar"]
    assert mixed == [(777, "IBAN_CODE", 5, 27)]
    # every record holds a free-text value: the per-cell path takes them all, the columnar path none
    assert sum(blocks) == 0


def test_a_structured_csv_without_free_text_is_settled_by_column(tmp_path, scanner, small_batches, blocks):
    rows = structured_rows(1500, seed=9, free_text=False)
    report, findings = both(scanner, "kunden.csv", as_csv([r[:-1] for r in rows], HEADER[:-1]), tmp_path)
    assert report.records == 1500
    columns = {f["field"]: (f["entity_type"], f["count"], f["distinct"]) for f in findings if f["count"]}
    assert columns == {
        "e-mail": ("EMAIL_ADDRESS", 1500 - 16, 1500 - 16),
        "téléphone": ("PHONE_NUMBER", 1500, 1500),
        "iban": ("IBAN_CODE", 1500 - 29, 1500 - 29),
        "steuer_id": ("DE_TAX_ID", 1500, 1500),
        "bsn": ("NL_BSN", 1500, 1500),
        "pesel": ("PL_PESEL", 1500, 1500),  # eleven are valid German tax ids too: the header names the PESEL
        "dni": ("ES_NIF", 1500, 1499),
        "catégorie": ("LOCATION", 1500, 3),
    }
    occurrences = next(f["occurrences"] for f in findings if f["field"] == "e-mail")
    assert [o["record"] for o in occurrences] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]
    # the sample's records and those holding something else go cell by cell; the others by column
    assert sum(blocks) > 1000


def test_records_whose_country_renames_an_identifier_give_the_per_cell_findings(
    tmp_path, scanner, small_batches, blocks
):
    rows = structured_rows(1500, seed=9, free_text=False)
    header = [name if name != "pesel" else "national_id" for name in HEADER[:-1]]  # a header naming no country
    _, findings = both(scanner, "kunden.csv", as_csv([r[:-1] for r in rows], header), tmp_path)
    column = [f for f in findings if f["field"] == "national_id"]
    assert [(f["entity_type"], f["count"]) for f in column if f["count"]] == [("PL_PESEL", 1293)]
    # the eleven valid German tax ids in records with a German phone number take the record's country
    renamed = [(f["entity_type"], f["score"]) for f in column if f["count"] is None and f["score"] == NAMED_SCORE]
    assert renamed == [("DE_TAX_ID", NAMED_SCORE)] * 11
    assert sum(blocks) > 0


def test_parquet_with_nulls_and_integers_gives_the_per_cell_findings(tmp_path, scanner, small_batches, blocks):
    rows = structured_rows(1100, seed=3, free_text=False)
    table = {name: [r[i] or None for r in rows] for i, name in enumerate(HEADER[:-1])}
    table["kunden_nr"] = list(range(5000, 6100))  # an integer column, read as its decimal text
    out = io.BytesIO()
    pq.write_table(pa.table(table), out, row_group_size=400)
    report, findings = both(scanner, "kunden.parquet", out.getvalue(), tmp_path)
    assert report.records == 1100
    assert {f["field"] for f in findings if f["count"]} >= {"e-mail", "téléphone", "iban", "steuer_id", "bsn"}
    assert sum(blocks) > 700


def test_numbers_failing_luhn_give_nothing_on_either_path(tmp_path, scanner, small_batches):
    rng = random.Random(4)
    rows = []
    while len(rows) < 700:
        number = f"{rng.randrange(4 * 10**15, 5 * 10**15)}"
        digits = [int(d) for d in number]
        total = sum(d if i % 2 == len(digits) % 2 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
        if total % 10:
            rows.append([f"R{len(rows)}", number, "Öl"])
    _, findings = both(scanner, "karten.csv", as_csv(rows, ["ref", "kartennummer", "produkt"]), tmp_path)
    assert [f for f in findings if f["entity_type"] not in (None,)] == []


def test_quiet_columns_are_settled_without_asking_the_detector(tmp_path, scanner, small_batches, monkeypatch):
    asked = []
    run = Detector.run

    def counting(self, units, deadline=None):
        asked.append(len(units))
        return run(self, units, deadline)

    monkeypatch.setattr(Detector, "run", counting)
    rng = random.Random(2)
    rows = [
        [f"A-{i:07d}", f"{rng.uniform(0, 1e4):.3f}", rng.choice(["rot", "grün", "blau"]), f"2024-{i % 12 + 1:02d}-01"]
        for i in range(3000)
    ]
    data = as_csv(rows, ["auftrag", "wert", "farbe", "datum"])
    _, findings = scan(scanner, "q.csv", data, columnar_path=True, tmp_path=tmp_path)
    assert findings == []
    # the columns' samples only: at most 50 values each (the workers run the same code when there are some)
    assert sum(asked) <= 4 * 50


SHAPED = ["C-10016", "ab 12", "Zoë-7", "x_y", "12.5", "é9", "٣٣", "a²", "e\u0301", "A\u00a0B", "1\tz", "{9}", "a.b@c"]


def test_a_shape_pattern_matches_only_values_of_that_shape():
    rng = random.Random(7)
    alphabet = "aZé9٣²\u0301_ -.{}\t\u00a0\u3000x1"
    probes = SHAPED + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8))) for _ in range(3000)]
    probes = [p for p in probes if p == p.strip()]
    for value in SHAPED:
        matched = pc.match_substring_regex(pa.array(probes), f"^(?:{shape_pattern(shape(value))})$").to_pylist()
        assert [p for p, hit in zip(probes, matched, strict=True) if hit and shape(p) != shape(value)] == []
        if value.isascii():
            assert matched[probes.index(value)]


def test_a_quiet_pattern_takes_what_known_shape_takes():
    profile = ColumnProfile(seen=3, shapes={shape("C-10016"), shape("Zoë 12")}, decimals=0)
    pattern = quiet_pattern(profile)
    array = pa.array(["C-99999", " C-12345 ", "C-1234", "Ann 77", "ab 1", "Zoë\u00a012", "1.5"])
    matched = pc.match_substring_regex(array, pattern).to_pylist()
    assert (
        matched == [profile.known_shape(v) for v in array.to_pylist()] == [True, True, False, True, False, True, False]
    )


def _exact(scanner, entity: str, values: list[str]) -> list[bool]:
    """Whether the detector's typed route gives one detection of `entity` over each whole value."""
    units = [Unit(v, 0, "wert", None, TYPED, entity, 0.9, False) for v in values]
    return [found == [(entity, 0, len(v), 0.9, "entity", ())] for v, found in zip(values, scanner.detector.run(units))]


def test_the_email_prover_agrees_with_the_typed_route(scanner):
    rng = random.Random(11)
    parts = ["anna", "b", "x_y", "o'neil", "ü", "a-b", "1", "", ".", "..", "+tag", "Élise"]
    domains = ["mail.de", "example.com", "post.example", "localhost", "web.nl", "a-b.co.uk", "x..y.com", "ä.de", "e.c"]
    values = [
        f"{rng.choice(parts)}{rng.choice(['', '.', '_', '-'])}{rng.choice(parts)}@{rng.choice(domains)}"
        for _ in range(600)
    ] + ["a@b@mail.de", "anna@mail.de/x", "ANNA@MAIL.DE", "a.b@mail.de."]
    proven = columnar.prove_emails(scanner.detector, pa.array(values)).tolist()
    exact = _exact(scanner, "EMAIL_ADDRESS", values)
    assert [v for v, p, e in zip(values, proven, exact, strict=True) if p and not e] == []
    assert sum(proven) == 48  # the plain ones


def test_the_iban_prover_agrees_with_the_typed_route(scanner):
    rng = random.Random(12)
    values = [iban(rng) for _ in range(300)]
    values += [v[:5] + str((int(v[5]) + 1) % 10) + v[6:] for v in values[:100]]  # a wrong digit
    values += ["FR1420041010050500013M02606", "GB82WEST12345698765432", "NL91ABNA0417164300", "XX82WEST1234569876543"]
    values += ["DE89 3704 0044 0532 0130 00", "de89370400440532013000", "DE8937040044053201300", "BE68539007547034"]
    proven = columnar.prove_ibans(scanner.detector, pa.array(values)).tolist()
    exact = _exact(scanner, "IBAN_CODE", values)
    assert [v for v, p, e in zip(values, proven, exact, strict=True) if p and not e] == []
    assert sum(proven) >= 303


# the identifier columns the provers stand for: entity, a header naming it, a generator of valid numbers
IDENTIFIER_COLUMNS = [
    ("DE_TAX_ID", "steuer_id", steuer_id),
    ("NL_BSN", "bsn", bsn),
    ("ES_NIF", "dni", dni_number),
    ("PL_PESEL", "pesel", pesel_number),
]


@pytest.mark.parametrize(("entity", "header", "make"), IDENTIFIER_COLUMNS)
def test_the_identifier_provers_agree_with_identify(scanner, entity, header, make):
    rng = random.Random(13)
    values = [make(rng) for _ in range(200)]
    values += [f"{rng.randrange(10**10, 10**11)}" for _ in range(300)]  # random 11 digits
    values += [f"{rng.randrange(10**8, 10**9)}" for _ in range(300)]
    values += [f"{rng.randrange(10**7, 10**8)}{rng.choice('TRWAGMYFPDXBNJZSQVHLCKE')}" for _ in range(300)]
    values += ["00000000000", "11111111111", "111111111", "00000000T", "02290112345", "99123112345", "000000000"]
    units = [Unit(v, 0, header, None, TYPED, entity, 0.5, True) for v in values]
    exact = [
        found == [(entity, 0, len(v), 0.85, "entity", ())] for v, found in zip(values, scanner.detector.run(units))
    ]
    proven = columnar.prove_identifiers(entity, pa.array(values)).tolist()
    assert proven == exact
    assert sum(proven) >= 200


def test_the_phone_prover_agrees_with_the_typed_route_and_the_record_countries():
    rng = random.Random(14)
    codes = ["49", "33", "39", "1", "44", "7", "358", "800", "0", "351", "420", "54", "49 0", "39 0", "33 0"]
    values = []
    for _ in range(1500):
        groups = [
            str(rng.randrange(10 ** rng.randrange(1, 5), 10 ** rng.randrange(5, 9))) for _ in range(rng.randrange(1, 4))
        ]
        values.append(f"+{rng.choice(codes)} {' '.join(groups)}")
    values += ["+49 151 12345678", "+4915112345678", "+49  151", "+49 151 1234567 8", "+1 800 5550100", "0151 1234567"]
    array = pa.array(values)
    proven = columnar.prove_phones(None, array).tolist()
    exact = [possible_phone_value(v) == (0, len(v)) for v in values]
    assert [v for v, p, e in zip(values, proven, exact, strict=True) if p and not e] == []
    assert sum(proven) == 284 and sum(exact) >= 284
    names: dict[str, int] = {}
    numbers = columnar.phone_countries(array, np.ones(len(values), bool), names)
    countries = {n: c for c, n in names.items()}
    assert [countries.get(int(n)) for n in numbers] == [country_of_phone(v) for v in values]
    where = np.arange(len(values)) % 3 == 0
    assert (columnar.phone_countries(array, where, names)[~where] == -1).all()


@pytest.mark.parametrize(("sources", "countries"), [(3, 5), (2, 300), (12, 250), (1, 1)])
def test_records_are_grouped_by_the_countries_their_sources_name(sources, countries):
    rng = np.random.default_rng(sources)
    codes = rng.integers(-1, countries, size=(sources, 700)).astype(np.int32)
    expected: dict[tuple, list[int]] = {}
    for i in range(codes.shape[1]):
        expected.setdefault(tuple(codes[:, i].tolist()), []).append(i)
    found = {tuple(numbers): rows.tolist() for numbers, rows in columnar._groups(codes, countries)}
    assert found == expected


def near_misses(value: str) -> list[str]:
    """Each digit changed to the next one, each pair of neighbours swapped, one character dropped, one digit added."""
    out = []
    for i, ch in enumerate(value):
        if ch.isdigit():
            out.append(value[:i] + str((int(ch) + 1) % 10) + value[i + 1 :])
        if i + 1 < len(value) and ch != value[i + 1]:
            out.append(value[:i] + value[i + 1] + ch + value[i + 2 :])
    out += [value[:-1], value[1:], value + "7", "4" + value]
    return out


# python-stdnum's documented numbers (its modules' doctests), compact: (valid, invalid)
DOCUMENTED = {
    "DE_TAX_ID": (["36574261809"], ["36574261890", "36554266806"]),
    "NL_BSN": (["111222333"], ["111252333", "1112223334"]),
    "ES_NIF": (["54362315K"], ["54362315Z", "54362315"]),
    "PL_PESEL": (["44051401359", "02122401358", "02211307589"], ["44051401358", "02381307589"]),
}
STDNUM = {"DE_TAX_ID": idnr, "NL_BSN": nl_bsn, "ES_NIF": es_dni, "PL_PESEL": pesel}


@pytest.mark.parametrize(("entity", "header", "make"), IDENTIFIER_COLUMNS)
def test_the_identifier_checks_agree_with_stdnum_on_documented_numbers_and_near_misses(scanner, entity, header, make):
    rng = random.Random(15)
    valid, invalid = DOCUMENTED[entity]
    values = valid + invalid
    for value in valid + [make(rng) for _ in range(25)]:
        values += [value, *near_misses(value)]
    proven = columnar.prove_identifiers(entity, pa.array(values)).tolist()
    assert [v for v, p in zip(values, proven, strict=True) if v in valid and not p] == []
    assert [v for v, p in zip(values, proven, strict=True) if v in invalid and p] == []
    # a number in the plain form (other forms are asked of the detector) is taken when stdnum validates it
    module, form = STDNUM[entity], columnar.IDENTIFIER_PROVERS[entity][0]
    plain = [v for v in values if re.fullmatch(form, v)]
    assert len(plain) > len(values) / 2
    taken = dict(zip(values, proven, strict=True))
    assert [v for v in plain if taken[v] != module.is_valid(v)] == []
    assert not any(taken[v] for v in values if v not in plain)
    # and the whole-value route of the detector answers each plain value alike (the others it is asked about:
    # an eight-digit BSN, read with a leading zero, is one)
    units = [Unit(v, 0, header, None, TYPED, entity, 0.5, True) for v in values]
    exact = [
        found == [(entity, 0, len(v), 0.85, "entity", ())] for v, found in zip(values, scanner.detector.run(units))
    ]
    assert [v for v, p, e in zip(values, proven, exact, strict=True) if p != e and v in plain] == []
    assert not any(p and not e for p, e in zip(proven, exact, strict=True))
    assert 0 < sum(proven) < len(values) / 2


def test_the_iban_check_agrees_with_stdnum_on_documented_numbers_and_near_misses(scanner):
    rng = random.Random(16)
    valid = ["GR1601101050000010547023795", "BE31435411161155", "DE89370400440532013000", "NL91ABNA0417164300"]
    values = []
    for value in valid + [iban(rng) for _ in range(20)]:
        values += [value, *near_misses(value)]
    proven = columnar.prove_ibans(scanner.detector, pa.array(values)).tolist()
    assert all(proven[values.index(v)] for v in valid)
    assert [v for v, p in zip(values, proven, strict=True) if p and not stdnum_iban.is_valid(v)] == []
    exact = _exact(scanner, "IBAN_CODE", values)
    assert [v for v, p, e in zip(values, proven, exact, strict=True) if p != e] == []


def test_the_simplified_iban_layouts_match_presidios_on_values_of_the_iban_shape():
    from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

    rng = random.Random(17)
    codes = [*regex_per_country, "XX", "DE", "DE", "GB"]
    values = []
    for _ in range(20000):
        body = "".join(rng.choice("0123456789" * 4 + "ABCXYZ") for _ in range(rng.randrange(8, 32)))
        values.append(f"{rng.choice(codes)}{rng.randrange(100):02d}{body}")
    array = pa.array(values)
    shaped = columnar._bools(pc.match_substring_regex(array, columnar._IBAN))
    presidio = "^(?:" + "|".join(regex_per_country.values()) + ")"
    expected = columnar._bools(pc.match_substring_regex(array, presidio)) & shaped
    found = columnar._bools(pc.match_substring_regex(array, columnar._iban_layouts())) & shaped
    assert (found == expected).all() and expected.sum() > 500


def pooled_rows(count: int, pool: int, seed: int) -> list[list[str]]:
    """Rows drawn again and again from `pool` structured rows (no free text): every column's values repeat across
    batches, as a table's categories, dates and shared identifiers do."""
    rng = random.Random(seed)
    drawn = structured_rows(pool, seed=seed, free_text=False)
    return [rng.choice(drawn)[:10] for _ in range(count)]  # ids to amounts: no words


@pytest.mark.parametrize(
    "memo",
    [
        {},
        {"_VALUE_MEMOS_KEPT": 2},  # memos pushed out within a batch: asked again, given again
        {"MEMO_VALUES": 16},  # values past the memos' room: asked in every batch
        {"MEMO_VALUE_BYTES": 12},  # longer values (e-mail addresses, IBANs) never held
    ],
)
def test_a_table_of_repeating_values_gives_the_per_cell_findings(
    tmp_path, scanner, small_batches, blocks, memo, monkeypatch
):
    for name, value in memo.items():
        monkeypatch.setattr(columnar, name, value)
    report, findings = both(scanner, "kunden.csv", as_csv(pooled_rows(1800, 70, seed=4), HEADER[:10]), tmp_path)
    assert report.records == 1800
    columns = {f["field"]: (f["entity_type"], f["count"], f["distinct"]) for f in findings if f["count"]}
    assert columns == {
        "téléphone": ("PHONE_NUMBER", 1800, 70),
        "steuer_id": ("DE_TAX_ID", 1800, 70),
        "bsn": ("NL_BSN", 1800, 70),
        "pesel": ("PL_PESEL", 1800, 70),
        "dni": ("ES_NIF", 1800, 70),
        "e-mail": ("EMAIL_ADDRESS", 1783, 69),  # one of the 70 drawn rows has an empty e-mail
        "iban": ("IBAN_CODE", 1759, 68),  # two hold no IBAN
    }
    assert [f for f in findings if f["count"] is None] == []
    assert sum(blocks) > 1500  # all but the samples' records settled by column
