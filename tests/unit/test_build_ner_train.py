"""scripts/build_ner_train.py: corpus parsing, label mapping, IOB to spans, exclusion of measured
sentences and repeats, and the train / internal held-out assignment."""

import json

import pytest
import spacy

from tests.unit.scripts import load_script

build = load_script("build_ner_train")

HIPE = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
    "# hipe2022:document_id = dev_de_1\n"
    "Johann\tB-PER\t_\tO\t_\t_\tO\tNIL\t_\t_\n"
    "Moll\tI-PER\t_\tO\t_\t_\tO\tNIL\t_\t_\n"
    "kam\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "nach\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Wien\tB-LOC\t_\tO\t_\t_\tO\tNIL\t_\tNoSpaceAfter\n"
    ".\tO\t_\tO\t_\t_\tO\t_\t_\tEndOfSentence\n"
    "Am\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Montag\tB-time\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "# hipe2022:document_id = dev_de_2\n"
    "Die\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Presse\tB-HumanProd\t_\tO\t_\t_\tO\t_\t_\t_\n"
)


def test_hipe_sentences_end_at_end_of_sentence_and_at_each_document():
    sentences = build.parse_hipe(HIPE)
    assert [tokens for _, tokens, _ in sentences] == [
        ["Johann", "Moll", "kam", "nach", "Wien", "."],
        ["Am", "Montag"],
        ["Die", "Presse"],
    ]
    assert sentences[0][2] == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]


def test_europeana_comment_lines_are_skipped_not_read_as_tokens():
    text = "# file:\t\tF_SBB_1\n# sbb url:\thttp://x\nHerr O\nMüller B-PER\nin O\nBerlin B-LOC\n. O\n"
    assert build.parse_europeana(text) == [
        ("c000001", ["Herr", "Müller", "in", "Berlin", "."], ["O", "B-PER", "O", "B-LOC", "O"])
    ]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER"], ["B-PER", "I-PER"]),
        (["B-OTH", "B-LOCderiv", "I-ORGpart"], ["B-MISC", "B-MISC", "I-MISC"]),
        (["B-HumanProd", "B-time", "B-PEr", "O"], ["B-MISC", "O", "B-PER", "O"]),
        (["I-LOC", "P", "B-"], ["I-LOC", "O", "O"]),
    ],
)
def test_labels_map_onto_per_loc_org_misc(tags, expected):
    assert build.normalise_tags(tags) == expected


def test_iob1_and_iob2_tags_become_character_spans_with_the_mapped_labels():
    tokens = ["Johann", "Moll", "und", "Anna", "Huber", "aus", "Wien", "lesen", "die", "Presse"]
    iob1 = ["I-PER", "I-PER", "O", "I-PER", "I-PER", "O", "I-LOC", "O", "O", "I-HumanProd"]
    text, spans = build.REAL.to_spans(tokens, build.normalise_tags(iob1))
    assert text == "Johann Moll und Anna Huber aus Wien lesen die Presse"
    assert spans == [[0, 11, "PER"], [16, 26, "PER"], [31, 35, "LOC"], [46, 52, "MISC"]]
    adjacent = build.REAL.to_spans(["Anna", "Huber", "Karl"], ["B-PER", "I-PER", "B-PER"])[1]
    assert adjacent == [[0, 10, "PER"], [11, 15, "PER"]]


def write_real_ner(tmp_path, texts):
    corpus = tmp_path / "real-ner" / "x"
    corpus.mkdir(parents=True)
    lines = [json.dumps({"id": str(i), "split": "holdout", "text": t, "spans": []}) for i, t in enumerate(texts)]
    (corpus / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "real-ner"


def sentence(text, tags=None):
    tokens = text.split(" ")
    return ("s", tokens, tags or ["O"] * len(tokens))


def test_measured_sentences_repeats_and_short_sentences_are_dropped(tmp_path):
    measured = "eins zwei drei vier fünf sechs sieben acht neun zehn"
    excluded = build.Excluded.from_real_ner(write_real_ner(tmp_path, [measured, "Anna kam heute ."]))
    named = [
        ("a", sentence("Anna kam heute .")),  # a measured sentence, exactly
        ("a", sentence(f"Vorher : {measured} ,")),  # contains a measured run of 8 tokens
        ("a", sentence("Karl Berg wohnt in Graz .", ["B-PER", "I-PER", "O", "O", "B-LOC", "O"])),
        ("b", sentence("Karl Berg wohnt in Graz .")),  # repeated text
        ("b", sentence("zu kurz")),
        ("b", sentence("zwei drei vier fünf sechs sieben acht neun")),  # 8 tokens, also a measured run
        ("b", sentence("drei vier fünf sechs sieben acht neun zehn elf")),  # shares only 8 tokens: measured
        ("b", sentence("sechs sieben acht neun zehn elf zwölf dreizehn")),  # shares 5 tokens: kept
    ]
    rows, dropped = build.select("de", named, excluded)
    assert [(r["source"], r["text"], r["spans"]) for r in rows] == [
        ("a", "Karl Berg wohnt in Graz .", [[0, 9, "PER"], [19, 23, "LOC"]]),
        ("b", "sechs sieben acht neun zehn elf zwölf dreizehn", []),
    ]
    assert dropped == {"measured": 4, "repeated": 1, "length": 1}


def test_internal_split_is_deterministic_and_about_one_in_ten():
    texts = [f"Satz Nummer {i} ." for i in range(2000)]
    splits = [build.split_of("de", t) for t in texts]
    assert splits == [build.split_of("de", t) for t in texts]
    assert 150 <= splits.count("dev") <= 250
    assert build.split_of("de", texts[0]) in {"dev", "train"}


def test_docbin_keeps_the_tokens_and_entity_spans(tmp_path):
    rows = [
        {
            "source": "a",
            "split": "train",
            "text": "Karl Berg wohnt in Graz .",
            "spans": [[0, 9, "PER"], [19, 23, "LOC"]],
        }
    ]
    doc = next(iter(build.to_docbin("de", rows).get_docs(spacy.blank("de").vocab)))
    assert [t.text for t in doc] == ["Karl", "Berg", "wohnt", "in", "Graz", "."]
    assert [(e.text, e.label_, e.start, e.end) for e in doc.ents] == [("Karl Berg", "PER", 0, 2), ("Graz", "LOC", 4, 5)]
