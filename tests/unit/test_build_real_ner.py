"""scripts/build_real_ner.py: the Europarl NER parser and the en / de / es / it corpora it adds."""

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


def test_europarl_four_languages_are_read_from_the_pinned_files():
    europarl = {s.corpus: s for s in real.SOURCES if s.corpus.startswith("europarl-")}
    assert sorted(europarl) == ["europarl-de", "europarl-en", "europarl-es", "europarl-it"]
    assert europarl["europarl-it"].path == "it-europarl.test.conll02" and europarl["europarl-it"].language == "it"
    assert europarl["europarl-en"].path == "en-europarl.test.conll02" and europarl["europarl-en"].language == "en"
    assert europarl["europarl-de"].path == "de-europarl.test.conll02" and europarl["europarl-de"].language == "de"
    assert {s.commit for s in europarl.values()} == {"40e84e215a35c7e46c1b169ad88ab55108a8b0de"}
    assert {s.parser for s in europarl.values()} == {"conll"}


def test_builder_and_real_suite_list_the_same_corpora_and_languages():
    from privscan_tools.evaluation.real_suite import CORPORA

    assert {s.corpus: s.language for s in real.SOURCES} == {name: info.language for name, info in CORPORA.items()}
