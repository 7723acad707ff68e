"""scripts/score_ner_model.py: a pipeline's PER / LOC spans scored against real-ner style gold spans."""

import spacy

from tests.unit.scripts import load_script

scorer = load_script("score_ner_model")


def ruler_pipeline():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": "Karl Berg"},
            {"label": "LOC", "pattern": "Graz"},
            {"label": "PER", "pattern": "Siemens"},  # a PERSON predicted on an ORG gold span
            {"label": "ORG", "pattern": "Wien"},  # an ORG prediction is never scored
            {"label": "PER", "pattern": "Berg"},
        ]
    )
    return nlp


def test_per_and_loc_predictions_are_scored_as_person_and_location():
    rows = [
        {"id": "a", "text": "Karl Berg wohnt in Graz .", "spans": [[0, 9, "PER"], [19, 23, "LOC"]]},
        {"id": "b", "text": "Siemens baut in Wien .", "spans": [[0, 7, "ORG"], [16, 20, "LOC"]]},
        {"id": "c", "text": "Frau Anna Berg kam .", "spans": [[5, 14, "PER"]]},
    ]
    result = scorer.evaluate(ruler_pipeline(), rows)
    person, location = result["PERSON"], result["LOCATION"]
    assert result["sentences"] == 3
    assert (person["exact"]["predicted"], person["exact"]["correct"], person["exact"]["found"]) == (3, 1, 1)
    assert (person["overlap"]["correct"], person["overlap"]["found"], person["overlap"]["gold"]) == (2, 2, 2)
    assert (location["exact"]["predicted"], location["exact"]["correct"], location["exact"]["gold"]) == (1, 1, 2)
    assert location["overlap"]["recall"] == 0.5


def test_docbin_rows_keep_text_and_character_spans(tmp_path):
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Karl Berg wohnt in Graz .")
    doc.ents = [doc.char_span(0, 9, label="PER"), doc.char_span(19, 23, label="LOC")]
    from spacy.tokens import DocBin

    DocBin(docs=[doc]).to_disk(tmp_path / "x.spacy")
    assert scorer.docbin_rows(tmp_path / "x.spacy", "de") == [
        {"id": "d000000", "text": "Karl Berg wohnt in Graz .", "spans": [[0, 9, "PER"], [19, 23, "LOC"]]}
    ]


def test_without_a_pipeline_privscan_findings_are_scored_on_the_same_rows(monkeypatch):
    rows = [
        {"id": "a", "text": "Karl Berg wohnt in Graz .", "spans": [[0, 9, "PER"], [19, 23, "LOC"]]},
        {"id": "b", "text": "Nichts .", "spans": []},
    ]
    seen = []

    def findings(scanned):
        seen.append([row["id"] for row in scanned])
        return [scorer.LabeledSpan("a", 0, 9, "PERSON"), scorer.LabeledSpan("b", 0, 6, "LOCATION")]

    monkeypatch.setattr(scorer, "privscan_predictions", findings)
    result = scorer.evaluate(None, rows)
    assert seen == [["a", "b"]]
    assert result["PERSON"]["exact"]["f1"] == 1.0
    assert (result["LOCATION"]["exact"]["predicted"], result["LOCATION"]["exact"]["correct"]) == (1, 0)
    assert result["LOCATION"]["overlap"]["recall"] == 0.0
