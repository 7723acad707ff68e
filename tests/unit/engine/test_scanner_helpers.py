import pytest
from privscan.engine.detect import field_context, plausible
from privscan.engine.scanner import pieces


@pytest.mark.parametrize(
    "entity, span, expected",
    [
        ("PERSON", "Anna Schneider", True),
        ("PERSON", "C-10016", False),
        ("NRP", "R2D2", False),
        ("LOCATION", "Berlin", True),
        ("LOCATION", "Building 7", True),
        ("LOCATION", "10115-22", False),
        ("EMAIL_ADDRESS", "a1@example.com", True),
        ("PERSON", "Saar de Vries", True),  # family-name particles are not function words
        ("PERSON", "Щоно Мераков", True),
        ("PERSON", "votre profil", False),  # English NER on French text
        ("PERSON", "Je suis désolé", False),
        ("PERSON", "Ihr Profil", False),
        ("PERSON", "en-GB", False),  # a locale, not a name
    ],
)
def test_ner_spans_that_cannot_be_names_or_places_are_dropped(entity, span, expected):
    assert plausible(entity, span) is expected


def test_field_names_become_context_words():
    assert field_context("customer_iban") == ["customer", "iban", "customer iban"]
    assert field_context("messages[3].content") == ["messages", "content", "messages content"]
    assert field_context(None) == []


def test_long_values_are_cut_at_whitespace_with_offsets():
    text = "word " * 50
    chunks = list(pieces(text, limit=40))
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= 40 for _, piece in chunks)
    assert [offset for offset, _ in chunks] == [sum(len(p) for _, p in chunks[:i]) for i in range(len(chunks))]
    assert all(piece.startswith(" ") or offset == 0 for offset, piece in chunks)


@pytest.mark.parametrize(
    "entity, value, expected",
    [
        ("LOCATION", "Plzeň", True),
        ("LOCATION", "Klemmplatz 2-3", True),
        ("LOCATION", "Na Laurové 75", True),
        ("LOCATION", "4012 8854 8336 5591", False),
        ("LOCATION", "n/a", False),
        ("PERSON", "Фирчо Колев", True),
        ("PERSON", "Marcelstraat 28", False),
        ("PERSON", "a very long sentence that is not a name at all", False),
    ],
)
def test_values_shaped_like_names_and_places(entity, value, expected):
    from privscan.engine.profile import looks_like

    assert looks_like(entity, value) is expected


def test_numbers_in_product_code_columns_are_not_identifiers(scanner):
    from privscan.engine.detect import Unit

    cnp = "1630615123457"  # a valid Romanian CNP
    (in_ean,) = scanner.detector.run([Unit(cnp, 0, "ean", None, "pattern")])
    (in_order_no,) = scanner.detector.run([Unit(cnp, 0, "order_no", None, "pattern")])
    (in_cnp,) = scanner.detector.run([Unit(cnp, 0, "cnp", None, "pattern")])
    assert in_ean == [] and in_order_no == []
    assert [(e, s, t) for e, s, t, *_ in in_cnp] == [("RO_CNP", 0, 13)]


def test_short_acronyms_are_not_names():
    assert not plausible("PERSON", "Batch LOT")
    assert plausible("PERSON", "Anna SCHNEIDER")


@pytest.mark.parametrize(
    "span, language, expected",
    [
        ("Ed Hartley", "en", True),  # "ed": Italian "and"
        ("Dan Kowalczyk", "en", True),  # "dan": Dutch "then"
        ("Maria A. Lindqvist", "en", True),  # an initial
        ("Ed Hartley", None, False),  # language not known: every language's function words
        ("Ed Hartley", "it", False),
        ("Dan Kowalczyk", "nl", False),
        ("The Wong", "en", False),
        ("Ihr Profil", "de", False),
        ("Maria A Lindqvist", "en", False),  # "a" without its full stop is the article
    ],
)
def test_function_words_are_those_of_the_texts_language(span, language, expected):
    assert plausible("PERSON", span, language) is expected


@pytest.mark.parametrize(
    "text, span, kept",
    [
        ('Email : " Ryan Reynolds " < ryan@example.com >', (0, 5), None),  # a form's label, not a person
        ("The games will have to take place on Fri , Sat , or Sun .", (37, 40), None),
        ("Tel Aviv is warm in May .", (0, 8), (0, 8)),  # a place that starts with an abbreviation
        ("Mobile is a port city in Alabama .", (0, 6), (0, 6)),
    ],
)
def test_english_labels_and_day_abbreviations_are_not_names(text, span, kept):
    from privscan.engine.ner_filters import trim

    entity = "LOCATION" if "Tel" in text or "Mobile" in text else "PERSON"
    assert trim(entity, text, *span, "en") == kept


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Yesterday Dan and Ed came to fix the heating in the kitchen.", None, False),  # every language's
        ("Yesterday Dan and Ed came to fix the heating in the kitchen.", "en", True),
        ("Dan gaan we morgen samen naar de markt in het centrum.", "nl", False),  # Dutch "then"
        ("Per favore, dimmi dove si trova la stazione centrale.", "it", False),
    ],
)
def test_a_name_that_is_a_stop_word_elsewhere_wakes_ner_in_the_texts_language(text, language, expected):
    from privscan.engine.prefilter import names_in_language, ner_gate

    gate = ner_gate(text)
    assert gate is not True and (bool(gate) and names_in_language(gate, language)) is expected
    assert ner_gate("Yesterday Dan and Ed came to fix the heating.") == frozenset({"dan", "ed"})
    assert ner_gate("Yesterday it rained.") is False


def test_names_that_are_stop_words_elsewhere_are_found_in_english_text(scanner):
    from privscan.engine.detect import Unit

    text = "Yesterday Dan and Ed came over to fix the heating in the kitchen."
    (found,) = scanner.detector.run([Unit(text, 0, None, None, "full")])
    assert [(e, text[s:t]) for e, s, t, *_ in found if e == "PERSON"] == [("PERSON", "Dan"), ("PERSON", "Ed")]


def test_settled_runs_pass_on_as_they_come_not_at_the_tables_end(scanner):
    """A run of settled records holds its batch's arrays: each is passed on before the next is read (flat memory on
    a table whose records all settle), and after the cells before it, in input order."""
    from privscan.readers.base import BlockCell, Cell

    read = []

    def cells():
        for i in range(40):
            read.append(i)
            yield BlockCell(i, None, "", block=None, cells=3)
        read.append("text")
        yield Cell(40, None, "Contact anna@example.com")
        for i in range(41, 45):
            read.append(i)
            yield BlockCell(i, None, "", block=None, cells=3)

    out = []
    for cell, detections in scanner.detect(cells()):
        out.append((cell.record, read[-1], [d.entity_type for d in detections]))
    blocks = [(record, last) for record, last, _ in out if record != 40]
    assert blocks[:40] == [(i, i) for i in range(40)]  # each passed on before the next was read
    assert [record for record, _, _ in out] == list(range(45))
    assert out[40][2] == ["EMAIL_ADDRESS"]
