"""The national-identifier suite: numbers taken from python-stdnum's docstrings, planted and scored."""

from privscan_tools.evaluation import stdnum_suite
from privscan_tools.evaluation.stdnum_suite import (
    Example,
    IdModule,
    Plant,
    documented_examples,
    placeholder,
    plant,
    score,
)

DE = IdModule("de.idnr", "de", "Steuer-ID", "Meine Steuer-ID lautet {}.", "German tax ID")
CZ = next(spec for spec in stdnum_suite.MODULES if spec.module == "cz.rc")


def test_valid_and_invalid_numbers_come_from_the_docstring():
    examples = {(e.number, e.valid) for e in documented_examples(DE)}
    assert examples == {("36 574 261 809", True), ("36574261809", True), ("36574261890", False), ("36554266806", False)}


def test_placeholders_of_one_repeated_digit_are_left_out():
    assert placeholder("00000000 0 ZZ4") and placeholder("111111111")
    assert not placeholder("111222333")
    pt_cc = next(spec for spec in stdnum_suite.MODULES if spec.module == "pt.cc")
    assert all(not e.valid for e in documented_examples(pt_cc))


def test_an_invalid_number_that_another_country_accepts_is_not_an_invalid_example():
    invalid = {e.number for e in stdnum_suite.all_examples() if not e.valid}
    assert "36554266806" not in invalid  # invalid Steuer-ID, valid Croatian OIB
    assert "36574261890" in invalid


def test_the_split_is_deterministic_and_uses_both_halves():
    examples = stdnum_suite.all_examples()
    assert [e.half for e in examples] == [e.half for e in stdnum_suite.all_examples()]
    assert {e.half for e in examples} == {"dev", "reserved"}
    assert Example(DE, "36574261809", True).half == "dev"


def test_planting_records_exact_spans():
    example = Example(DE, "36574261809", True)
    suite = plant([example])
    spans = {p.scenario: (p.file, p.record, p.field, p.start, p.end) for p in suite.plants}
    assert spans["native"] == ("native_de.idnr.csv", 0, "Steuer-ID", 0, 11)
    assert spans["mixed"] == ("mixed.csv", 0, "national_id", 0, 11)
    assert spans["sentence_native"] == ("sentences_native.txt", 0, None, 23, 34)
    assert suite.files["mixed.csv"] == "customer_ref,country,national_id\nC-10000,DE,36574261809\n"
    assert suite.files["sentences_native.txt"][23:34] == "36574261809"


def test_scoring_counts_recall_country_and_invalid_findings():
    valid, invalid = Example(DE, "36574261809", True), Example(DE, "36574261890", False)
    plants = [
        Plant(valid, "native", "a.csv", 0, "Steuer-ID", 0, 11),
        Plant(valid, "mixed", "m.csv", 0, "national_id", 0, 11),
        Plant(invalid, "native", "a.csv", 1, "Steuer-ID", 0, 11),
    ]
    suite = stdnum_suite.SuiteFiles(plants=plants)
    found = {
        ("a.csv", 0, "Steuer-ID"): [(0, 11, "DE_TAX_ID")],
        ("m.csv", 0, "national_id"): [(0, 11, "PL_PESEL")],
        ("a.csv", 1, "Steuer-ID"): [(0, 11, "PHONE_NUMBER")],  # not an identifier type: no invalid finding
    }
    tallies = score(suite, found)
    native, mixed = tallies[("dev", "native", "de")], tallies[("dev", "mixed", "de")]
    assert (native.planted, native.found, native.right_country) == (1, 1, 1)
    assert (native.invalid_planted, native.invalid_findings) == (1, 0)
    assert (mixed.found, mixed.right_country) == (1, 0)


def test_a_birth_number_without_a_country_column_may_be_either_country():
    example = Example(CZ, "7103192745", True)
    native = Plant(example, "native", "a.csv", 0, "Rodné číslo", 0, 10)
    mixed = Plant(example, "mixed", "m.csv", 0, "national_id", 0, 10)
    assert stdnum_suite.right_country(native, {"sk"}) and stdnum_suite.right_country(native, {"cz", "sk"})
    assert not stdnum_suite.right_country(mixed, {"sk"})
