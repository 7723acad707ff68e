"""National identifiers wherever they stand: identifier headers in any EU language, every validator on
the cells of identifier columns, the record's country, and the formats added for them.

Numbers are python-stdnum's documented examples (or, for the Portuguese citizen card, one built with
stdnum's own check digit)."""

import random

import pytest
from privscan.engine.detect import field_context
from privscan.engine.national_ids import (
    AMBIGUOUS_SCORE,
    NAMED_SCORE,
    candidates,
    choose,
    country_of_iban,
    country_of_name,
    country_of_phone,
    fold,
    header_evidence,
    is_country_field,
)
from privscan.engine.profile import ColumnProfiler
from privscan.readers.base import Cell


def table(scanner, header, rows):
    """{(record, field): [(entity, start, end, score)]} for a table given as a header and rows of cells."""
    cells = [Cell(r, name, value) for r, row in enumerate(rows) for name, value in zip(header, row, strict=True)]
    found = {}
    for cell, detections in scanner.detect(cells, ColumnProfiler(scanner.config)):
        for d in detections:
            if d.kind == "entity":
                found.setdefault((cell.record, cell.field), []).append((d.entity_type, d.start, d.end, d.score))
    return found


def text(scanner, sentence):
    [(_, detections)] = list(scanner.detect([Cell(0, None, sentence)]))
    return [(d.entity_type, d.start, d.end) for d in detections if d.kind == "entity"]


# -------------------------------------------------------------------------------- headers


def test_fold_casefolds_and_strips_accents_in_any_script():
    assert fold("Rodné_číslo") == "rodne cislo"
    assert fold("ΑΜΚΑ") == "αμκα"
    assert fold("ЕГН") == "егн"
    assert fold("Numéro de sécurité-sociale") == "numero de securite sociale"


def test_field_context_keeps_letters_of_any_script_with_and_without_accents():
    assert field_context("ЕГН") == ["егн"]
    assert field_context("ΑΜΚΑ") == ["αμκα"]
    assert field_context("rodné_číslo") == ["rodné", "číslo", "rodne", "cislo", "rodné číslo", "rodne cislo"]
    assert field_context("customer_iban") == ["customer", "iban", "customer iban"]


@pytest.mark.parametrize(
    "header, entities, countries",
    [
        ("ЕГН", {"BG_EGN"}, set()),
        ("ΑΜΚΑ", {"GR_AMKA"}, {"gr", "cy"}),
        ("Rodné číslo", {"CZ_BIRTH_NUMBER", "SK_BIRTH_NUMBER"}, {"cz", "sk"}),
        ("Numer PESEL", {"PL_PESEL"}, {"pl"}),
        ("national_id", set(), set()),
        ("id_number", set(), set()),
        ("numer_identyfikacyjny", set(), {"pl"}),
        ("Αριθμός ταυτότητας", set(), {"gr", "cy"}),
        ("Henkilötunnus", {"FI_PERSONAL_IDENTITY_CODE"}, {"fi"}),
    ],
)
def test_identifier_headers_in_any_eu_language(header, entities, countries):
    evidence = header_evidence(header)
    assert evidence.identifier
    assert evidence.entities == entities
    assert evidence.countries == countries


@pytest.mark.parametrize("header", ["order_no", "amount", "row", "price_eur", "notes", "customer_ref", None, ""])
def test_other_headers_say_nothing(header):
    assert not header_evidence(header).identifier


# -------------------------------------------------------------------------------- candidates


def test_every_validator_is_tried_and_a_country_prefix_is_left_out():
    assert {(c.entity, c.start, c.end) for c in candidates("HR 33392005961")} == {("HR_OIB", 3, 14)}
    assert {(c.entity, c.start, c.end) for c in candidates(" 36805280109 ")} >= {
        ("EE_ISIKUKOOD", 1, 12),
        ("LT_ASMENS_KODAS", 1, 12),
    }


def test_a_number_of_several_countries_without_evidence_is_reported_for_each():
    chosen = choose(candidates("36805280109"), header_evidence("national_id"))
    assert {(c.entity, score) for c, score in chosen} >= {
        ("EE_ISIKUKOOD", AMBIGUOUS_SCORE),
        ("LT_ASMENS_KODAS", AMBIGUOUS_SCORE),
    }
    assert all(score == AMBIGUOUS_SCORE for _, score in chosen)


def test_evidence_chooses_one_country():
    found = candidates("36805280109")
    assert [(c.entity, s) for c, s in choose(found, header_evidence("isikukood"))] == [("EE_ISIKUKOOD", NAMED_SCORE)]
    assert [(c.entity, s) for c, s in choose(found, header_evidence("national_id"), frozenset({"lt"}))] == [
        ("LT_ASMENS_KODAS", NAMED_SCORE)
    ]


def test_layout_only_identifiers_need_their_name_or_their_written_layout():
    bare = candidates("9181081508155")  # the nationwide form of 181/815/08155
    assert "DE_STEUERNUMMER" in {c.entity for c in bare}
    assert "DE_STEUERNUMMER" not in {c.entity for c, _ in choose(bare, header_evidence("national_id"))}
    assert [c.entity for c, _ in choose(candidates("181/815/08155"), header_evidence("national_id"))] == [
        "DE_STEUERNUMMER"
    ]


@pytest.mark.parametrize(
    "value, country",
    [("PL", "pl"), ("Poland", "pl"), ("Polska", "pl"), ("Österreich", "at"), ("Ελλάδα", "gr"), ("Mars", None)],
)
def test_country_cells(value, country):
    assert country_of_name(value) == country


def test_countries_of_phone_numbers_and_ibans():
    assert country_of_phone("+48 601 234 567") == "pl"
    assert country_of_phone("0049 151 23456789") == "de"
    assert country_of_phone("0151 23456789") is None  # national: no country code
    assert country_of_iban("DE89370400440532013000") == "de"
    assert is_country_field("country") and is_country_field("Nationalität") and not is_country_field("city")


# -------------------------------------------------------------------------------- end to end


def test_native_headers_find_their_identifiers(scanner):
    found = table(scanner, ["row", "ЕГН", "ΑΜΚΑ"], [["1", "8032056031", "01013099997"]])
    assert found == {
        (0, "ЕГН"): [("BG_EGN", 0, 10, NAMED_SCORE)],
        (0, "ΑΜΚΑ"): [("GR_AMKA", 0, 11, NAMED_SCORE)],
    }


def test_a_mixed_country_column_is_named_by_the_country_column(scanner):
    rows = [
        ["EE", "36805280109"],
        ["Lithuania", "36805280109"],
        ["SE", "880320-0016"],
        ["Spain", "M-1234567-L"],
        ["AT", "59-119/9013"],
        ["Netherlands", "111222333"],
        ["PL", "44051401359"],
    ]
    found = table(scanner, ["country", "national_id"], rows)
    assert {record: found[(record, "national_id")] for record in range(len(rows))} == {
        0: [("EE_ISIKUKOOD", 0, 11, NAMED_SCORE)],
        1: [("LT_ASMENS_KODAS", 0, 11, NAMED_SCORE)],
        2: [("SE_PERSONNUMMER", 0, 11, NAMED_SCORE)],
        3: [("ES_NIF", 0, 11, NAMED_SCORE)],
        4: [("AT_TIN", 0, 11, NAMED_SCORE)],
        5: [("NL_BSN", 0, 9, NAMED_SCORE)],
        6: [("PL_PESEL", 0, 11, NAMED_SCORE)],
    }


def test_a_phone_numbers_country_code_names_the_identifier(scanner):
    found = table(scanner, ["national_id", "phone"], [["36805280109", "+370 612 34567"]])
    assert found[(0, "national_id")] == [("LT_ASMENS_KODAS", 0, 11, NAMED_SCORE)]


PESEL_AND_STEUER_ID = "88092615371"  # passes the PESEL's check and the German tax id's


def test_a_header_naming_the_identifier_outweighs_the_records_country(scanner):
    found = table(scanner, ["pesel", "phone"], [[PESEL_AND_STEUER_ID, "+49 151 23456789"]])
    assert found[(0, "pesel")] == [("PL_PESEL", 0, 11, NAMED_SCORE)]


@pytest.mark.parametrize(
    "phone, expected",
    [
        ("+420 601 123 456", "CZ_BIRTH_NUMBER"),
        ("+421 912 123 456", "SK_BIRTH_NUMBER"),
    ],
)
def test_the_records_country_chooses_among_the_identifiers_a_header_names(scanner, phone, expected):
    found = table(scanner, ["rodné číslo", "phone"], [["7103192745", phone]])  # valid in both countries
    assert found[(0, "rodné číslo")] == [(expected, 0, 10, NAMED_SCORE)]


def test_a_header_naming_two_identifiers_keeps_one_of_them_in_another_countrys_record(scanner):
    found = table(scanner, ["rodné číslo", "phone"], [["7103192745", "+49 151 23456789"]])
    [(entity, start, end, score)] = found[(0, "rodné číslo")]
    assert entity in {"CZ_BIRTH_NUMBER", "SK_BIRTH_NUMBER"} and (start, end, score) == (0, 10, NAMED_SCORE)


def test_a_generic_header_takes_the_records_country(scanner):
    found = table(scanner, ["national_id", "phone"], [[PESEL_AND_STEUER_ID, "+49 151 23456789"]])
    assert found[(0, "national_id")] == [("DE_TAX_ID", 0, 11, NAMED_SCORE)]


def test_a_country_after_the_identifier_still_counts(scanner):
    found = table(scanner, ["national_id", "nationality"], [["36805280109", "Estonia"]])
    assert found[(0, "national_id")] == [("EE_ISIKUKOOD", 0, 11, NAMED_SCORE)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Mi NIF es el M-1234567-L.", [("ES_NIF", 13, 24)]),
        ("Moje rodné číslo je 991231123.", [("CZ_BIRTH_NUMBER", 20, 29)]),  # Czech and Slovak alike: one kept
        ("Meine Steuer-ID lautet 3657426180 9.", [("DE_TAX_ID", 23, 35)]),
        ("Mój numer PESEL to 02122401358.", [("PL_PESEL", 19, 30)]),
        ("Die Steuernummer beim Finanzamt ist 59-119/9013.", [("AT_TIN", 36, 47)]),
        ("Die Steuernummer des Finanzamts lautet 181/815/0815 5.", [("DE_STEUERNUMMER", 39, 53)]),
        ("O número do meu cartão de cidadão é 12345678 9 ZZ1.", [("PT_CC", 36, 50)]),
        ("Moj OIB je HR 33392005961.", [("HR_OIB", 14, 25)]),
    ],
)
def test_new_formats_in_sentences(scanner, sentence, expected):
    assert [f for f in text(scanner, sentence) if f[0] not in ("LOCATION", "PERSON", "NRP")] == expected


# -------------------------------------------------------------------------------- near misses


def test_an_order_number_with_a_valid_checksum_under_a_code_header_is_not_an_identifier(scanner):
    found = table(scanner, ["order_no", "national_id_order"], [["36574261809", "36574261809"]])
    assert (0, "order_no") not in found
    assert (0, "national_id_order") not in found  # "order" makes it a code column, whatever else it says


def test_a_phone_number_in_a_polish_sentence_stays_a_phone_number(scanner):
    assert text(scanner, "Proszę zadzwonić pod numer +48 601 234 567 jutro.") == [("PHONE_NUMBER", 27, 42)]


def test_a_float_column_under_an_identifier_header_holds_no_identifier(scanner):
    found = table(scanner, ["national_id"], [["0.3657426180"], ["36574261.809"], ["1.8505780060843601"]])
    assert found == {}


def test_invalid_numbers_under_an_identifier_header_are_not_reported(scanner):
    found = table(scanner, ["national_id"], [["36574261890"], ["44051401358"], ["1630615123458"], ["54362315Z"]])
    assert found == {}


# 04019010729 passes the Greek AMKA and the Belgian national number (a stronger check); 38103063908 the
# Estonian isikukood and the Belgian number.
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ο ΑΜΚΑ μου είναι 04019010729.", [("GR_AMKA", 17, 28)]),
        ("Minu isikukood on 38103063908.", [("EE_ISIKUKOOD", 18, 29)]),
        ("Reference 04019010729", [("BE_NATIONAL_NUMBER", 10, 21)]),  # no word for either: the stronger check
    ],
)
def test_the_country_named_by_the_context_beats_a_stronger_check_of_another(scanner, sentence, expected):
    assert [f for f in text(scanner, sentence) if f[0] not in ("LOCATION", "PERSON", "NRP")] == expected


def test_the_country_column_beats_a_stronger_check_of_another(scanner):
    found = table(scanner, ["country", "national_id"], [["GR", "04019010729"], ["Belgium", "04019010729"]])
    assert found[(0, "national_id")] == [("GR_AMKA", 0, 11, NAMED_SCORE)]
    assert found[(1, "national_id")] == [("BE_NATIONAL_NUMBER", 0, 11, NAMED_SCORE)]


def test_a_column_of_other_numbers_under_an_identifier_header_stops_being_tried_after_its_sample(scanner):
    # nine-digit customer numbers: many pass some country's check by chance
    rng = random.Random(5)
    numbers = [str(rng.randrange(100_000_000, 1_000_000_000)) for _ in range(200)]
    found = table(scanner, ["id_number"], [[n] for n in numbers])
    sample = scanner.config.column_sample
    assert 0 < len(found) and all(record < sample for record, _ in found)


def test_a_column_of_identifiers_is_tried_to_its_end(scanner):
    rows = [["44051401359"], ["36805280109"], ["8032056031"], ["880320-0016"]] * 20
    found = table(scanner, ["id_number"], rows)
    assert sorted(found) == [(record, "id_number") for record in range(80)]


def test_cells_held_for_their_records_country_stay_bounded():
    from privscan.engine.scanner import MAX_HELD_CELLS, Detection, with_record_countries

    consumed = []

    def items():
        for index in range(3 * MAX_HELD_CELLS):
            consumed.append(index)
            cell = Cell(0, f"doc.items[{index}].id", "36805280109" if index == 0 else "x")
            yield cell, [Detection(cell, "EE_ISIKUKOOD", 0, 11, 0.6)] if index == 0 else []

    stream = with_record_countries(items())
    first_cell, first_detections = next(stream)
    assert first_cell.field == "doc.items[0].id" and first_detections[0].entity_type == "EE_ISIKUKOOD"
    assert len(consumed) == MAX_HELD_CELLS  # one JSON document as one record is not held whole
    assert len(list(stream)) == 3 * MAX_HELD_CELLS - 1


@pytest.mark.parametrize("header", ["Numer PESEL", "isikukood", "Steuernummer", "numer_identyfikacyjny", "national_id"])
@pytest.mark.parametrize("value", ["44051401359", "36805280109", "59-119/9013", "181/815/0815 5", "880320-0016"])
def test_identify_answers_as_choosing_among_every_validator(header, value):
    from privscan.engine.national_ids import identify

    evidence = header_evidence(header)
    assert identify(value, evidence) == choose(candidates(value), evidence)
