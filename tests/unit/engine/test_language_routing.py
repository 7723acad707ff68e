"""NER in the text's language: language identification, the per-language model registry (lazy, with fallback),
the false-positive filters, and the detector routing each text to its language's model."""

from __future__ import annotations

import logging

import pytest
from privscan.engine.detect import Detector, Unit
from privscan.engine.language import EU_LANGUAGES, LanguageIdentifier, language_of
from privscan.engine.ner_filters import foreign_span, trim
from privscan.engine.ner_models import NerModels, default_models_dir, presidio_label

# ------------------------------------------------------------------------------ language identification


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern war ich mit meiner Schwester im Park spazieren, das Wetter war herrlich.", "de"),
        ("Hier soir, nous avons dîné chez des amis et la soirée était très agréable.", "fr"),
        ("Gisteren ben ik met mijn zus naar het park gegaan, het weer was heerlijk.", "nl"),
        ("Ayer fui al parque con mi hermana y el tiempo fue estupendo.", "es"),
        ("Ieri sono andato al parco con mia sorella e il tempo era bellissimo.", "it"),
        ("Yesterday I went to the park with my sister and the weather was lovely.", "en"),
        ("I går gik jeg en tur i parken med min søster, og vejret var dejligt.", "da"),
    ],
)
def test_the_language_of_a_sentence_is_one_of_the_eu_languages(text, expected):
    assert language_of(text) == expected


@pytest.mark.parametrize("text", ["Danke, Anna!", "Bonne nuit", "KI", "", "12345 67890 12345 67890 1234"])
def test_a_text_too_short_to_tell_is_of_unknown_language(text):
    assert language_of(text) is None


def test_only_eu_languages_are_answered_and_the_model_loads_on_first_use():
    identifier = LanguageIdentifier(languages=("de", "nl"))
    assert identifier._model is None
    assert identifier.identify("Short.") is None and identifier._model is None  # too short: no model needed
    assert identifier.identify("Yesterday I went to the park with my sister and it was lovely.") in ("de", "nl", None)
    assert identifier._model is not None
    assert set(EU_LANGUAGES) >= {"de", "fr", "nl", "es", "it", "pt", "pl", "en"} and "no" not in EU_LANGUAGES


# -------------------------------------------------------------------------------------------- filters


def test_listed_words_alone_are_no_name_and_are_cut_off_the_ends_of_a_span():
    text = "Salut Marie, merci ! KI-Freund Theo sagt Hallo. IA"
    assert trim("PERSON", text, 0, 11, "fr") == (6, 11)  # "Salut Marie" -> "Marie"
    assert trim("PERSON", text, 21, 35, "de") == (31, 35)  # "KI-Freund Theo" -> "Theo"
    assert trim("PERSON", text, 48, 50, None) is None  # "IA": every language's list for an unknown language
    assert trim("PERSON", text, 48, 50, "de") == (48, 50)  # near miss: not a German word
    assert trim("LOCATION", text, 41, 46, "de") is None  # "Hallo"
    assert trim("EMAIL_ADDRESS", text, 0, 5, "fr") == (0, 5)  # other entities pass
    assert trim("PERSON", "Juli", 0, 4, "de") is None and trim("PERSON", "Juli", 0, 4, "en") == (0, 4)
    # "Schön, dass du da bist": the opener alone is no name; a name ending in the word loses it (a known cost)
    assert trim("PERSON", "Schön, dass du da bist", 0, 5, "de") is None
    assert trim("PERSON", "Schön, dass du da bist", 0, 5, "fr") == (0, 5)  # near miss: listed in German only
    assert trim("PERSON", "Trainer Helmut Schön", 8, 20, "de") == (8, 14)


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("Schön", None),  # one word opening a sentence
        ("das Wasser", "Wasser"),  # lower-case words before the name are cut off
        ("bin Lena", "Lena"),
        ("Hier ist Theo", "Theo"),
        ("Ricordati di", None),  # a lower-case last word
        ("voel je je vandaag", None),
        ("Anna", "Anna"),
        ("Angela Merkel", "Angela Merkel"),
        ("Costa del Sol", "Costa del Sol"),  # a particle inside
        ("de Vries", "Vries"),
    ],
)
def test_english_model_spans_in_another_language_keep_their_part_written_like_a_name(span, kept):
    text = (
        "Schön, dass du da bist. Ricordati di das Wasser und Anna, Angela Merkel in Köln an der Costa del Sol. "
        "Ich bin Lena, bin Lena. Hier ist Theo, voel je je vandaag met de Vries."
    )
    start = text.index(span)
    found = foreign_span("PERSON", text, start, start + len(span))
    assert (None if found is None else text[found[0] : found[1]]) == kept
    assert foreign_span("EMAIL_ADDRESS", text, start, start + len(span)) == (start, start + len(span))


# ------------------------------------------------------------------------------------------- registry


def _ruler_model(directory, language: str, patterns: list[dict]) -> None:
    """A throwaway pipeline of `language` whose "ner" component is an entity ruler: exact, known spans."""
    import spacy

    nlp = spacy.blank(language)
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(patterns)
    nlp.to_disk(directory / language)


GERMAN = [
    {"label": "PER", "pattern": "Angela Merkel"},
    {"label": "LOC", "pattern": "Berlin"},
    {"label": "ORG", "pattern": "Siemens"},
    {"label": "MISC", "pattern": "Deutsch"},
]


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("models")
    _ruler_model(directory, "de", GERMAN)
    (directory / "nl").mkdir()
    (directory / "nl" / "config.cfg").write_text("this is not a spaCy config\n")  # a broken pipeline
    (directory / "xx-notes").mkdir()  # no config.cfg: not a pipeline
    return directory


def test_the_registry_lists_pipelines_and_loads_each_once_on_first_use(models_dir):
    models = NerModels(models_dir)
    assert models.languages == {"de", "nl"} and models.loaded == frozenset()
    assert models.has("de") and not models.has("fr") and not models.has(None)
    nlp = models.get("de")
    assert models.loaded == {"de"} and models.get("de") is nlp
    assert models.get("fr") is None


def test_a_pipeline_that_fails_to_load_leaves_its_language_without_a_model(models_dir, caplog):
    models = NerModels(models_dir)
    with caplog.at_level(logging.WARNING, logger="privscan.engine.ner_models"):
        assert models.get("nl") is None
    assert not models.has("nl") and models.languages == {"de"}
    assert models.entities("nl", ["Jan woont in Utrecht."]) is None
    assert "NER pipeline for nl not loaded" in caplog.text


def test_a_missing_directory_has_no_models_and_the_default_is_beside_the_runtime_package(tmp_path):
    assert NerModels(tmp_path / "absent").languages == frozenset()
    assert default_models_dir().parts[-2:] == ("models", "ner")
    assert default_models_dir().parent.parent.joinpath("privscan", "privscan").is_dir()  # layers/models/ner


def test_entities_are_plain_spans_with_person_and_location_labels_only(models_dir):
    text = "Angela Merkel war bei Siemens in Berlin und sprach Deutsch."
    assert NerModels(models_dir).entities("de", [text, "Nichts."]) == [[(0, 13, "PERSON"), (33, 39, "LOCATION")], []]
    assert [presidio_label(label) for label in ("PER", "PERSON", "LOC", "GPE", "ORG", "MISC")] == [
        "PERSON",
        "PERSON",
        "LOCATION",
        "LOCATION",
        None,
        None,
    ]


# ------------------------------------------------------------------------------------------- routing


def _found(detector: Detector, texts: list[str]) -> list[list[tuple[str, str]]]:
    units = [Unit(text, 0, None, "user") for text in texts]
    return [
        [(entity, unit.text[start:end]) for entity, start, end, *_ in detections if entity in ("PERSON", "LOCATION")]
        for unit, detections in zip(units, detector.run(units), strict=True)
    ]


@pytest.fixture
def routed(scanner, models_dir):
    config = scanner.config.model_copy(update={"ner_models_dir": str(models_dir)})
    return Detector(scanner.detector.analyzer, config, scanner.detector.signals)


def test_a_german_text_gets_the_german_model_and_an_english_one_the_english_model(routed):
    german = "Klingt gut! Gestern hat Angela Merkel bei Siemens in Berlin über die Arbeiten im Juli gesprochen."
    english = "John Smith moved to Berlin in 2021 and works in Manchester."
    assert routed.ner_models.loaded == frozenset()
    assert _found(routed, [english]) == [[("PERSON", "John Smith"), ("LOCATION", "Berlin"), ("LOCATION", "Manchester")]]
    assert routed.ner_models.loaded == frozenset()  # no German text yet: the German model is not loaded
    assert _found(routed, [german, english]) == [
        [("PERSON", "Angela Merkel"), ("LOCATION", "Berlin")],  # not Klingt, Arbeiten, Juli, nor Siemens (ORG)
        [("PERSON", "John Smith"), ("LOCATION", "Berlin"), ("LOCATION", "Manchester")],
    ]
    assert routed.ner_models.loaded == {"de"}


def test_a_text_whose_model_failed_to_load_or_is_missing_keeps_the_english_model_with_the_filters(routed):
    dutch = "Hoi! Ik ben Sanne, je AI-maatje. Gisteren was ik met Pieter de Vries in Amsterdam."
    french = "Salut, je suis ton compagnon IA. Bonne journée ! Marie Curie habite à Lyon depuis longtemps."
    found = _found(routed, [dutch, french])
    reported = {span for spans in found for _, span in spans}
    assert not reported & {"Hoi", "AI", "AI-maatje", "Salut", "IA", "Bonne", "Bonne journée"}
    assert ("LOCATION", "Amsterdam") in found[0] and ("PERSON", "Marie Curie") in found[1]


def test_short_and_english_texts_are_unchanged_by_the_routing(scanner, routed):
    texts = ["Danke, Anna!", "Max Mustermann, max@example.com, +49 151 23456789.", "Ask Müller about it."]
    units = [Unit(text, 0, None, "user") for text in texts]
    assert routed.run(units) == scanner.detector.run(units)


# ------------------------------------------------- the shipped models (layers/models/ner), where present

SHIPPED = NerModels()
REAL_SENTENCES = {
    "fr": (
        "Hier soir, Jean Dupont a dîné à Lyon avec des collègues de la Société Générale.",
        [("PERSON", "Jean Dupont"), ("LOCATION", "Lyon")],
    ),
    "de": (
        "Gestern hat Angela Merkel in Berlin über die Arbeiten an der neuen Brücke gesprochen.",
        [("PERSON", "Angela Merkel"), ("LOCATION", "Berlin")],
    ),
    "nl": (
        "Gisteren is Mark Rutte naar Amsterdam gegaan om met de burgemeester over het werk te praten.",
        [("PERSON", "Mark Rutte"), ("LOCATION", "Amsterdam")],
    ),
    "es": (
        "Mi vecina Lucía Fernández se mudó a Sevilla el año pasado con su familia.",
        [("PERSON", "Lucía Fernández"), ("LOCATION", "Sevilla")],
    ),
}
SMALL_TALK = {
    "fr": "Salut, je suis ton compagnon IA. Bonne soirée, on se parle demain ?",
    "de": "Hi! Ich bin dein virtueller KI-Freund. Klingt gut, am Anfang der Woche war die Schule zu.",
    "nl": "Hoi! Ik ben je AI-maatje. Klinkt goed, vergaderingen putten me meer uit dan het werk zelf.",
    "es": "¡Hola! Soy tu compañera virtual de IA. Me parece bien, mañana seguimos hablando de tus plantas.",
}


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])  # nl: "Mark Rutte" by its given name (name_cues)
def test_a_shipped_model_finds_the_names_and_places_of_its_language_and_not_its_small_talk(scanner, language):
    if not SHIPPED.has(language):
        pytest.skip(f"no NER pipeline for {language} in {SHIPPED.directory}")
    sentence, expected = REAL_SENTENCES[language]
    assert _found(scanner.detector, [sentence, SMALL_TALK[language]]) == [expected, []]


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("Groningen.", "Groningen"),
        ("Lena,", "Lena"),
        ("(Berlin)", "Berlin"),
        ("„Köln“", "Köln"),
        ("Anna B.", "Anna B."),  # an initial keeps its full stop
        ("St.", "St."),
        ("J. R. R. Tolkien", "J. R. R. Tolkien"),
        ("...", None),
        ("Merkels ", "Merkels"),  # the German model's span can end in a space
    ],
)
def test_a_pipelines_span_loses_the_punctuation_at_its_ends(span, kept):
    from privscan.engine.ner_models import trim_punctuation

    text = f"x {span} y"
    trimmed = trim_punctuation(text, 2, 2 + len(span))
    assert (text[trimmed[0] : trimmed[1]] if trimmed else None) == kept
