"""A PERSON / LOCATION span that is one common word of the text's language is no name, unless its context says
name (engine/ner_filters.py, engine/conf/common_words/); nor is a German adjective in lower case, nor a group of
states as a place."""

import pytest
from privscan.engine.ner_filters import common_words, trim


def span_of(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def kept(text: str, word: str, language: str | None, entity: str = "PERSON") -> str | None:
    span = trim(entity, text, *span_of(text, word), language)
    return None if span is None else text[span[0] : span[1]]


def test_each_model_language_has_a_list_of_a_few_thousand_lower_case_words():
    for language in ("de", "fr", "nl", "pt", "es", "it"):
        words = common_words(language)
        assert 2000 <= len(words) <= 4000, language
        assert all(word == word.casefold() for word in words)
    assert common_words("en") == frozenset() and common_words(None) == frozenset()
    assert common_words("../conf") == frozenset()  # never a path outside the lists


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Wat vind jij van dit plan?", "Wat", "nl"),  # a question opens with its verb or question word
        ("Hoe gaat het met je moeder?", "Hoe", "nl"),
        ("Essen ist fertig, kommst du?", "Essen", "de"),  # a sentence-initial noun
        ("Wir haben das Problem gestern besprochen.", "Problem", "de"),  # German capitalises every noun
        ("Pourquoi pas demain ?", "Pourquoi", "fr"),
        ("Quando arrivi a casa?", "Quando", "it"),
    ],
)
def test_a_lone_common_word_is_no_name(text, word, language):
    assert kept(text, word, language) is None
    assert kept(text, word, language, "LOCATION") is None


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Gestern hat Herr Koch angerufen.", "Koch", "de"),  # a title before it
        ("Dr. Koch hat heute Sprechstunde.", "Koch", "de"),
        ("Gestern hat Roland Koch angerufen.", "Koch", "de"),  # a name-like word before it
        ("Mme Petit arrive demain.", "Petit", "fr"),
        ("J'ai parlé avec Petit hier.", "Petit", "fr"),  # a capital inside a French sentence
        ("Ik sprak gisteren met Koning over het plan.", "Koning", "nl"),
        ("Koning komt morgen.", "Koning", None),  # unknown language: no common words
        ("Roland ist da.", "Roland", "de"),  # not a common word
    ],
)
def test_a_common_word_that_its_context_makes_a_name_stays(text, word, language):
    assert kept(text, word, language) == word


def test_only_single_word_spans_are_dropped_and_other_entities_pass():
    text = "Gestern rief Koch Problem an."
    assert kept(text, "Koch Problem", "de") == "Koch Problem"  # two words: left to the model
    assert kept("Das Problem ist gelöst.", "Problem", "de", "EMAIL_ADDRESS") == "Problem"
    # Near miss: the same German noun is no common word of French (fr list), so it stays there.
    assert kept("Le Problem est là.", "Problem", "fr") == "Problem"


def test_listed_greetings_are_cut_off_first_and_what_is_left_is_checked():
    assert kept("Hallo Problem", "Hallo Problem", "de") is None  # "Hallo" cut off, "Problem" a common word
    assert kept("Hallo Roland", "Hallo Roland", "de") == "Roland"
    assert kept("Kannst du mir helfen?", "Kannst", "de") is None  # a question's verb
    assert kept("Kun je me helpen?", "Kun", "nl") is None


def test_a_preposition_of_place_keeps_a_place_that_is_also_a_word_but_not_a_person():
    assert kept("Ich wohne seit Jahren in Essen.", "Essen", "de", "LOCATION") == "Essen"
    assert kept("Morgen fahre ich nach Halle.", "Halle", "de", "LOCATION") == "Halle"
    assert kept("Ich wohne seit Jahren in Essen.", "Essen", "de") is None  # a person after "in" is no cue
    assert kept("Das Essen ist fertig.", "Essen", "de", "LOCATION") is None  # an article is no preposition


@pytest.mark.parametrize(
    ("text", "word", "language", "expected"),
    [
        ("Die Lage der europäischen Wirtschaft ist gut.", "europäischen", "de", None),
        ("Der französische Minister kam.", "französische", "de", None),
        ("Die Europäische Union tagt.", "Europäische", "de", "Europäische"),  # capitalised: the model's call
        ("Er wohnt in Bischofswiesen.", "Bischofswiesen", "de", "Bischofswiesen"),
        ("Er fuhr gestern nach Wallisch.", "Wallisch", "de", "Wallisch"),  # a capitalised "-isch" name
        ("the europäischen word", "europäischen", "en", "europäischen"),  # German only
    ],
)
def test_a_lone_german_adjective_in_lower_case_is_no_place(text, word, language, expected):
    assert kept(text, word, language, "LOCATION") == expected


def test_the_member_states_are_no_place_but_a_state_is():
    text = "It is up to the Member States and the United States."
    assert trim("LOCATION", text, *span_of(text, "the Member States"), "en") is None
    assert trim("LOCATION", text, *span_of(text, "Member States"), "en") is None
    assert kept(text, "United States", "en", "LOCATION") == "United States"
    assert kept(text, "Member States", "en", "PERSON") == "Member States"  # only a place is dropped so
