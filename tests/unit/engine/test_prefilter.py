import pytest
from privscan.engine.prefilter import candidate_entities, names_in_language, ner_gate

ALL = ["EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "NL_BSN", "MRZ", "IT_FISCAL_CODE", "PERSON", "LOCATION", "URL"]


@pytest.mark.parametrize(
    "text, with_ner, expected",
    [
        ("anna@example.com", False, ["EMAIL_ADDRESS", "IT_FISCAL_CODE", "URL"]),  # 16 chars: could be a codice fiscale
        ("call 030 1234567", False, ["PHONE_NUMBER", "IBAN_CODE", "NL_BSN", "IT_FISCAL_CODE"]),
        ("call 0301234567", False, ["PHONE_NUMBER", "IBAN_CODE", "NL_BSN"]),
        ("12345", False, []),  # too few digits for any identifier
        ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", False, ["MRZ", "IT_FISCAL_CODE"]),
        ("Anna lives here", True, ["PERSON", "LOCATION"]),
        ("Anna lives here", False, []),
        ("", True, []),
    ],
)
def test_only_entities_a_text_can_hold_are_asked_for(text, with_ner, expected):
    assert candidate_entities(text, ALL, with_ner=with_ner) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi, I am Anna Schneider", True),
        ("Anna called yesterday.", True),
        ("New address in Lyon, please update.", True),
        ("Prefers delivery after 6pm.", False),
        ("Thanks, I have noted that.", False),
        ("What are your opening hours?", False),
        ("Meeting moved to Thursday.", False),
        ("all lower case text", False),
        ("DE68 3186 0913 9099 6030 82", False),  # codes: a capitalised word with a digit is no name
        ("C-10016", False),
        ("Flat 3B, Baker Street", True),  # the code is skipped, the street name still counts
    ],
)
def test_ner_runs_only_where_a_capitalised_uncommon_word_is(text, expected):
    assert (ner_gate(text) is True) is expected


@pytest.mark.parametrize(
    "text, gate",
    [
        ("Hi, I am Anna Schneider", True),
        ("Thanks, I have noted that.", False),
        ("DE68 3186 0913 9099 6030 82", False),
        ("all lower case text", False),
        ("", False),
        ("Yesterday Dan and Ed came to fix the heating.", frozenset({"dan", "ed"})),
        ("Dan gaan we morgen samen naar de markt.", frozenset({"dan"})),  # Dutch "then": the language decides
        ("Yesterday Dan met Anna.", True),  # an uncommon word decides before the language is asked
    ],
)
def test_the_ner_gate_reads_the_capitalised_words_once(text, gate):
    assert ner_gate(text) == gate


LANGUAGES = (None, "en", "de", "fr", "es", "it", "nl", "pt", "pl")
EVERY_LANGUAGE = frozenset(LANGUAGES)


@pytest.mark.parametrize(
    "text, languages",
    [
        # "Dan" and "Ed" are stop words in Dutch and Italian only; with no language, every language's count
        ("Yesterday Dan and Ed came to fix the heating in the kitchen.", {"en", "de", "fr", "es", "it", "nl", "pt"}),
        ("Dan gaan we morgen samen naar de markt in het centrum.", {"en", "de", "fr", "it", "pt"}),  # Dutch "then"
        ("Per favore, dimmi dove si trova la stazione centrale.", {"de", "fr", "es", "nl", "pt"}),  # Italian "for"
        ("Hi, I am Anna Schneider", EVERY_LANGUAGE),
        ("Thanks, I have noted that.", set()),
        ("Die Wohnung in Essen ist frei.", EVERY_LANGUAGE),  # "Essen": a place, and "food" in no stop list
        ("Il Ed Dan Sie Je Los De Van", EVERY_LANGUAGE),
        ("DE68 3186 0913 9099 6030 82", set()),
    ],
)
def test_the_ner_gate_runs_ner_in_exactly_these_languages(text, languages):
    gate = ner_gate(text)
    runs = {language for language in LANGUAGES if gate is True or (bool(gate) and names_in_language(gate, language))}
    assert runs == set(languages)
