"""Column profiles decide from a sample how the rest of a column is scanned."""

import pytest
from privscan.engine.config import EngineConfig
from privscan.engine.profile import ColumnProfiler, shape
from privscan.engine.scanner import Detection
from privscan.readers.base import Cell

CONFIG = EngineConfig(column_sample=4)


def profile_of(values, entity=None, span=None):
    """Profile a column; cells with letters get a detection of `entity` when it is given."""
    profiler = ColumnProfiler(CONFIG)
    for record, value in enumerate(values):
        cell = Cell(record, "col", value)
        detections = []
        if entity and any(ch.isalpha() for ch in value):
            start, end = span or (0, len(value))
            detections = [Detection(cell, entity, start, end, 0.7)]
        profiler.observe(cell, detections)
    profiler.finish()
    return profiler.profile("col")


@pytest.mark.parametrize(
    "value, expected",
    [("C-10016", "a-9{5}"), ("2024-01-05", "9{4}-9{2}-9{2}"), ("Anna Roe", "a a"), ("  12.50 ", "9{2}.9{2}")],
)
def test_shapes_keep_digit_lengths_and_collapse_words(value, expected):
    assert shape(value) == expected


def test_an_email_column_is_typed_with_its_best_score():
    profile = profile_of(["a@example.com", "b@example.org", "c@example.net", "d@example.com"], "EMAIL_ADDRESS")
    assert (profile.mode, profile.typed_as, profile.best_score["EMAIL_ADDRESS"]) == ("typed", "EMAIL_ADDRESS", 0.7)


def test_prose_is_free_text_whatever_it_holds():
    profile = profile_of(["Prefers delivery after six", "Called about the invoice today", "ok", "fine"])
    assert profile.mode == "free_text"


def test_spaced_identifiers_are_not_prose_when_each_value_is_one_entity():
    ibans = [
        "DE68 3186 0913 9099 6030 82",
        "DE71 6842 6846 5632 1223 30",
        "DE85 5449 9207 0741 3748 47",
        "DE57 6122 1387 8375 7628 33",
    ]
    profile = profile_of(ibans, "IBAN_CODE")
    assert (profile.mode, profile.typed_as, profile.prose) == ("typed", "IBAN_CODE", 0)


def test_prose_around_an_identifier_stays_free_text():  # near miss: the entity covers part of each value
    notes = [
        "Refund to DE68 3186 0913 9099 6030 82 please",
        "Refund to DE71 6842 6846 5632 1223 30 please",
        "Refund to DE85 5449 9207 0741 3748 47 please",
        "Refund to DE57 6122 1387 8375 7628 33 please",
    ]
    profile = profile_of(notes, "IBAN_CODE", span=(10, 37))
    assert (profile.mode, profile.prose) == ("free_text", 4)


def test_a_column_without_findings_is_quiet_and_skips_known_shapes_only():
    profile = profile_of(["C-10016", "C-10017", "C-10018", "C-10019"])
    assert profile.mode == "quiet"
    assert profile.known_shape("C-20001") and not profile.known_shape("anna@example.com")


def test_a_column_of_decimal_numbers_skips_every_later_decimal_number():
    profile = profile_of(["0.13873487120385932", "-1.2547995570683619", "2.5e-05", "12.5"])
    assert profile.mode == "quiet" and profile.decimals == 4
    assert profile.known_shape("-0.0001234567") and profile.known_shape(" 3.14E+10 ")
    # near misses: not decimal numbers, and unseen shapes: checked
    for value in ("4012888888881881", "0612.345678.9", "1.5 kg", "anna@example.com", "12,5"):
        assert not profile.known_shape(value), value


def test_a_column_of_ids_with_one_decimal_does_not_skip_other_decimals():
    profile = profile_of(["C-10016", "C-10017", "0.5", "C-10019"])
    assert profile.mode == "quiet" and not profile.known_shape("0.123456")


def test_decimal_numbers_decide_a_column_on_the_early_sample():
    profiler = ColumnProfiler(EngineConfig(column_sample=50, column_early_sample=10))
    for record in range(10):
        profiler.observe(Cell(record, "f000", f"{(record - 5) * 0.0731:.{record + 3}f}"), [])
    assert profiler.profile("f000").mode == "quiet"


def test_sparse_identifiers_make_a_mixed_column():
    profiler = ColumnProfiler(CONFIG)
    for record, value in enumerate(["n/a", "n/a", "anna@example.com", "n/a"]):
        cell = Cell(record, "contact", value)
        detections = [Detection(cell, "EMAIL_ADDRESS", 0, len(value), 1.0)] if "@" in value else []
        profiler.observe(cell, detections)
    assert profiler.profile("contact").mode == "mixed"


def test_names_found_in_a_few_short_cells_keep_ner_on_for_the_column():
    profile = profile_of(["Anna", "-", "-", "-"], "PERSON")
    assert profile.mode == "free_text"


def test_a_profile_is_decided_after_the_sample_not_before():
    profiler = ColumnProfiler(CONFIG)
    for record in range(3):
        profiler.observe(Cell(record, "id", f"C-{record}"), [])
    assert not profiler.profile("id").decided
    profiler.observe(Cell(3, "id", "C-3"), [])
    assert profiler.profile("id").mode == "quiet"


def observe_column(name, values_and_entities):
    profiler = ColumnProfiler(CONFIG)
    for record, (value, entity) in enumerate(values_and_entities):
        cell = Cell(record, name, value)
        profiler.observe(cell, [Detection(cell, entity, 0, len(value), 0.85)] if entity else [])
    profiler.finish()
    return profiler.profile(name)


def test_a_city_column_is_typed_on_weak_ner_support_because_of_its_name():
    sample = [("Bad Tölz", "LOCATION"), ("Neu Wolfgang", "PERSON"), ("Kerkrade", None), ("Vaals", None)]
    assert (observe_column("city", sample).mode, observe_column("city", sample).typed_as) == ("typed", "LOCATION")
    assert observe_column("product", sample).mode == "free_text"  # no hint: names were seen, keep NER on


def test_hints_need_some_ner_support_and_match_whole_words_only():
    assert observe_column("customer_name", [("x", None)] * 4).mode == "quiet"
    assert (
        observe_column("nameserver", [("Anna Roe", "PERSON"), ("b", None), ("c", None), ("d", None)]).mode
        == "free_text"
    )
    assert (
        observe_column(
            "nachname", [("Anna Roe", "PERSON"), ("Lukas Weber", "PERSON"), ("c", None), ("d", None)]
        ).typed_as
        == "PERSON"
    )


def test_a_hinted_column_whose_values_look_like_places_is_typed_without_ner():
    cities = [("Plzeň", None), ("Brno", None), ("Ostrava", None), ("Liberec", None)]
    profile = observe_column("mesto", cities)
    assert (profile.mode, profile.typed_as, profile.best_score["LOCATION"]) == ("typed", "LOCATION", 0.6)
    streets = [("Moldavská 31", None), ("Na Laurové 75", None), ("Klemmplatz 2-3", None), ("Hauptstraße 7a", None)]
    assert observe_column("street", streets).typed_as == "LOCATION"
    assert observe_column("sku", cities).mode == "quiet"  # no hint, no detections: nothing to say
