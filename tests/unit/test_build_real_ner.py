"""scripts/build_real_ner.py: the Europarl NER parser and the es / it corpora it adds."""

from tests.unit.scripts import load_script

real = load_script("build_real_ner")


def test_conll_lines_split_on_tab_or_space_and_sentences_on_blank_lines():
    text = "Señor\tO\nBarón\tB-PER\nCrespo\tI-PER\n,\tO\n\nEn O\nEstrasburgo B-LOC\n"
    sentences = real.parse_conll(text)
    assert sentences == [
        ("l00001", ["Señor", "Barón", "Crespo", ","], ["O", "B-PER", "I-PER", "O"]),
        ("l00002", ["En", "Estrasburgo"], ["O", "B-LOC"]),
    ]
    assert real.to_spans(*sentences[0][1:]) == ("Señor Barón Crespo ,", [[6, 18, "PER"]])


def test_europarl_spanish_and_italian_are_read_from_the_pinned_files():
    europarl = {s.corpus: s for s in real.SOURCES if s.corpus.startswith("europarl-")}
    assert sorted(europarl) == ["europarl-es", "europarl-it"]
    assert europarl["europarl-it"].path == "it-europarl.test.conll02" and europarl["europarl-it"].language == "it"
    assert {s.parser for s in europarl.values()} == {"conll"}
