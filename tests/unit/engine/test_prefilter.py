import pytest
from privscan.engine.prefilter import candidate_entities, may_hold_names

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
    assert may_hold_names(text) is expected
