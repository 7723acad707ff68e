"""The recognizer set as a whole: registration per language, entity names, score
tiers, stdnum validators, overlaps between recognizers, robustness."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import PatternRecognizer
from privscan.engine.recognizers import (
    EU_ENTITIES,
    EU_RECOGNIZER_CLASSES,
    MEDIUM_SCORE,
    STRONG_SCORE,
    WEAK_SCORE,
    StdnumRecognizer,
    eu_recognizers,
)
from privscan.engine.recognizers.mrz_recognizer import MRZ_SCORE
from privscan.engine.recognizers.mt_id_card_recognizer import MT_ID_SCORE

from tests.unit.engine.recognizers.id_cases import pattern_spans

THRESHOLD = 0.5

#: entity -> (pattern scores, python-stdnum validator module or None)
EXPECTED = {
    "FR_NIR": ({STRONG_SCORE}, "stdnum.fr.nir"),
    "DE_TAX_ID": ({WEAK_SCORE}, "stdnum.de.idnr"),
    "NL_BSN": ({WEAK_SCORE}, "stdnum.nl.bsn"),
    "BE_NATIONAL_NUMBER": ({STRONG_SCORE}, "stdnum.be.nn"),
    "AT_SVNR": ({WEAK_SCORE}, "stdnum.at.vnr"),
    "AT_TIN": ({WEAK_SCORE}, "stdnum.at.tin"),
    "DE_STEUERNUMMER": ({WEAK_SCORE}, "stdnum.de.stnr"),
    "PT_CC": ({WEAK_SCORE}, "stdnum.pt.cc"),
    "PT_NIF": ({WEAK_SCORE}, "stdnum.pt.nif"),
    "IE_PPSN": ({WEAK_SCORE}, "stdnum.ie.pps"),
    "DK_CPR": ({WEAK_SCORE}, "stdnum.dk.cpr"),
    "SE_PERSONNUMMER": ({WEAK_SCORE}, "stdnum.se.personnummer"),
    "FI_PERSONAL_IDENTITY_CODE": ({STRONG_SCORE}, "stdnum.fi.hetu"),
    "EE_ISIKUKOOD": ({WEAK_SCORE}, "stdnum.ee.ik"),
    "LT_ASMENS_KODAS": ({WEAK_SCORE}, "stdnum.lt.asmens"),
    "PL_PESEL": ({WEAK_SCORE}, "stdnum.pl.pesel"),
    "CZ_BIRTH_NUMBER": ({WEAK_SCORE}, "stdnum.cz.rc"),
    "SK_BIRTH_NUMBER": ({WEAK_SCORE}, "stdnum.sk.rc"),
    "RO_CNP": ({STRONG_SCORE}, "stdnum.ro.cnp"),
    "BG_EGN": ({WEAK_SCORE}, "stdnum.bg.egn"),
    "HR_OIB": ({WEAK_SCORE}, "stdnum.hr.oib"),
    "SI_EMSO": ({STRONG_SCORE}, "stdnum.si.emso"),
    "ES_NIF": ({WEAK_SCORE}, "stdnum.es.dni"),
    "ES_NIE": ({MEDIUM_SCORE}, "stdnum.es.nie"),
    "IT_FISCAL_CODE": ({STRONG_SCORE}, "stdnum.it.codicefiscale"),
    "GR_AMKA": ({WEAK_SCORE}, "stdnum.gr.amka"),
    "EU_VAT_NUMBER": ({STRONG_SCORE}, "stdnum.eu.vat"),
    "LV_PERSONAS_KODS": ({WEAK_SCORE}, "stdnum.lv.pvn"),
    # no python-stdnum module: check digits computed in the recognizer
    "MRZ": ({MRZ_SCORE}, None),
    "LU_MATRICULE": ({STRONG_SCORE}, None),
    "HU_TAJ": ({WEAK_SCORE}, None),
    "HU_TAX_ID": ({WEAK_SCORE}, None),
    "MT_ID_CARD": ({MT_ID_SCORE}, None),
}

#: names Presidio already uses for the same identifiers
PRESIDIO_ENTITY_NAMES = {
    "DE_TAX_ID",
    "PL_PESEL",
    "IT_FISCAL_CODE",
    "ES_NIF",
    "ES_NIE",
    "FI_PERSONAL_IDENTITY_CODE",
    "SE_PERSONNUMMER",
}

#: (text, entity): valid weak identifiers, as bare numbers without any context
WEAK_SAMPLES = (
    ("36574261809", "DE_TAX_ID"),
    ("111222333", "NL_BSN"),
    ("1237010180", "AT_SVNR"),
    ("501964843", "PT_NIF"),
    ("6433435F", "IE_PPSN"),
    ("211062-5629", "DK_CPR"),
    ("880320-0016", "SE_PERSONNUMMER"),
    ("36805280109", "EE_ISIKUKOOD"),
    ("33309240064", "LT_ASMENS_KODAS"),
    ("44051401359", "PL_PESEL"),
    ("7103192745", "CZ_BIRTH_NUMBER"),
    ("8032056031", "BG_EGN"),
    ("33392005961", "HR_OIB"),
    ("54362315K", "ES_NIF"),
    ("01013099997", "GR_AMKA"),
    ("161175-19997", "LV_PERSONAS_KODS"),
    ("123456788", "HU_TAJ"),
    ("8414091237", "HU_TAX_ID"),
    ("0012345M", "MT_ID_CARD"),
    ("59-119/9013", "AT_TIN"),
    ("181/815/08155", "DE_STEUERNUMMER"),
    ("12345678 9 ZZ1", "PT_CC"),
)


def _all_spans(text):
    return sorted(span for recognizer in eu_recognizers() for span in pattern_spans(recognizer, text))


def test_default_is_one_english_instance_per_recognizer():
    recognizers = eu_recognizers()
    assert len(recognizers) == len(EU_RECOGNIZER_CLASSES) == 33
    assert [type(r) for r in recognizers] == list(EU_RECOGNIZER_CLASSES)
    assert {r.supported_language for r in recognizers} == {"en"}


def test_one_instance_per_recognizer_and_language():
    recognizers = eu_recognizers(["en", "de", "en", "fr"])
    assert len(recognizers) == 3 * len(EU_RECOGNIZER_CLASSES)
    for language in ("en", "de", "fr"):
        bound = [r for r in recognizers if r.supported_language == language]
        assert sorted(r.supported_entities[0] for r in bound) == sorted(EU_ENTITIES)
    assert len({id(r) for r in recognizers}) == len(recognizers)


def test_single_language_string_is_accepted():
    recognizers = eu_recognizers("nl")
    assert len(recognizers) == len(EU_RECOGNIZER_CLASSES)
    assert {r.supported_language for r in recognizers} == {"nl"}


def test_entity_names():
    assert set(EU_ENTITIES) == set(EXPECTED)
    assert len(EU_ENTITIES) == len(EXPECTED)
    assert PRESIDIO_ENTITY_NAMES <= set(EU_ENTITIES)


def test_recognizer_names_do_not_clash_with_presidio():
    names = [r.name for r in eu_recognizers()]
    assert all(name.startswith("privscan.") for name in names)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("cls", EU_RECOGNIZER_CLASSES, ids=lambda c: c.ENTITY)
def test_score_tier_and_validator(cls):
    scores, validator = EXPECTED[cls.ENTITY]
    recognizer = cls()
    assert isinstance(recognizer, PatternRecognizer)
    assert {p.score for p in recognizer.patterns} == scores
    assert (cls.VALIDATOR.__name__ if cls.VALIDATOR else None) == validator
    # strong identifiers are reported alone, weak ones need context (+0.35)
    for score in scores:
        assert score >= 0.85 or score <= 0.4 or score == MEDIUM_SCORE
        assert score + 0.35 >= THRESHOLD


@pytest.mark.parametrize("cls", EU_RECOGNIZER_CLASSES, ids=lambda c: c.ENTITY)
def test_context_words_are_lower_case_and_unique(cls):
    assert cls.CONTEXT
    assert len(set(cls.CONTEXT)) == len(cls.CONTEXT)
    assert all(word == word.lower() for word in cls.CONTEXT)


@pytest.mark.parametrize(("text", "entity"), WEAK_SAMPLES)
def test_weak_identifier_without_context_stays_below_threshold_everywhere(text, entity):
    spans = _all_spans(f"Reference {text} attached.")
    assert (10, 10 + len(text)) in {(s, e) for s, e, ent, _ in spans if ent == entity}
    assert [span for span in spans if span[3] >= THRESHOLD] == []


def test_same_eleven_digits_can_match_several_weak_recognizers_all_below_threshold():
    # 49001011238 is a valid Estonian isikukood and a valid Lithuanian asmens kodas
    spans = _all_spans("49001011238")
    assert ("EE_ISIKUKOOD", WEAK_SCORE) in {(ent, score) for _, _, ent, score in spans}
    assert ("LT_ASMENS_KODAS", WEAK_SCORE) in {(ent, score) for _, _, ent, score in spans}
    assert all(score < THRESHOLD for *_, score in spans)


def test_czech_and_slovak_birth_numbers_are_the_same_number():
    # documented overlap: one weak span per country; context (or the column name) lifts them
    assert _all_spans("RC 710319/2745") == [
        (3, 14, "CZ_BIRTH_NUMBER", WEAK_SCORE),
        (3, 14, "SK_BIRTH_NUMBER", WEAK_SCORE),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 95 10 99 126 111 93", [(0, 21, "FR_NIR", STRONG_SCORE)]),
        ("85.07.30-033.28", [(0, 15, "BE_NATIONAL_NUMBER", STRONG_SCORE)]),
        ("RCCMNL83S18D969H", [(0, 16, "IT_FISCAL_CODE", STRONG_SCORE)]),
        ("131052-308T", [(0, 11, "FI_PERSONAL_IDENTITY_CODE", STRONG_SCORE)]),
        ("DE136695976", [(0, 11, "EU_VAT_NUMBER", STRONG_SCORE)]),
        ("X2482300W", [(0, 9, "ES_NIE", MEDIUM_SCORE)]),
    ],
)
def test_strong_identifier_is_the_only_result_above_threshold(text, expected):
    assert [span for span in _all_spans(text) if span[3] >= THRESHOLD] == expected


@pytest.mark.parametrize(
    "text",
    [
        "123e4567-e89b-12d3-a456-426614174000",
        "sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
        "md5 5d41402abc4b2a76b9719d911017c592",
        "SKU-2023-0001-4456789123",
        "order #A-4405140135-9",
        "ts 1704067200123 / 1704067200",
        "IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "+49 30 901820 / +44 20 7946 0958",
    ],
)
def test_common_non_identifiers_produce_nothing_above_threshold(text):
    assert [span for span in _all_spans(text) if span[3] >= THRESHOLD] == []


@pytest.mark.parametrize("text", ["2.95109912611193", "-2.95109912611193", "2,95109912611193", "x=2.951099126111930"])
def test_decimal_numbers_are_not_identifiers(text):
    # a float column's digits: FR NIR's pattern allows "." between its groups
    assert _all_spans(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("295109912611193", (0, 15, "FR_NIR", STRONG_SCORE)),
        ("2.95.10.99.126.111.93", (0, 21, "FR_NIR", STRONG_SCORE)),
        ("2 95 10 99 126 111 93.", (0, 21, "FR_NIR", STRONG_SCORE)),
    ],
)
def test_identifiers_with_dots_or_at_a_sentence_end_are_kept(text, expected):
    assert expected in _all_spans(text)


def test_repeated_digit_placeholders_are_dropped():
    assert _all_spans("000000000 / 00000000000 / 1111111111") == []


_ALPHABET = "0123456789 -./+<\nABCDEFHKMPTUWXYZ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_random_text_never_crashes_and_every_result_validates(text):
    for recognizer in eu_recognizers():
        for result in recognizer.analyze(text, recognizer.supported_entities, nlp_artifacts=None):
            assert 0 <= result.start < result.end <= len(text)
            assert isinstance(recognizer, StdnumRecognizer)
            assert recognizer.is_valid_id(recognizer.normalize(text[result.start : result.end]))


@pytest.mark.parametrize("cls", [c for c in EU_RECOGNIZER_CLASSES if c.ENTITY != "MT_ID_CARD"], ids=lambda c: c.ENTITY)
@pytest.mark.parametrize("candidate", ["", "ABC", "12", "9" * 20, "<<<<"])
def test_malformed_candidate_is_invalid_not_an_error(cls, candidate):
    # python-stdnum raises ValidationError (or ValueError) on such input; the recognizer answers False
    assert cls.is_valid_id(candidate) is False
