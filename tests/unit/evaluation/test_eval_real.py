"""The real-text suite: its metrics on a tiny hand-labelled German sample with hand-computed answers,
the shipped corpora (licence, parse, splits), and the suite's scoring and report with fixed predictions."""

from __future__ import annotations

import argparse
import json

import pytest
from privscan_tools.cli import eval_cmd
from privscan_tools.evaluation import real_suite
from privscan_tools.evaluation.real_metrics import (
    LOCATION,
    PERSON,
    LabeledSpan,
    common_noun_share,
    gold_type,
    on_label,
    score,
)
from privscan_tools.evaluation.real_suite import CORPORA, Sentences, default_data_dir, load_corpus

# Made-up sentences; offsets counted by hand.
TEXTS = {
    "a": "Lena Hofmann traf Jonas in Dornfeld .",  # Lena 0-4, Hofmann 5-12, Jonas 18-23, Dornfeld 27-35
    "b": "Die Firma Brandt Werke liegt in Nordhafen .",  # Firma 4-9, Brandt 10-16, Werke 17-22, Nordhafen 32-41
    "c": "Grüße aus Talheim .",  # Talheim 10-17
}
GOLD = [
    LabeledSpan("a", 0, 12, "PER"),
    LabeledSpan("a", 18, 23, "B-PER"),
    LabeledSpan("a", 27, 35, "LOC"),
    LabeledSpan("b", 10, 22, "ORG"),
    LabeledSpan("b", 32, 41, "LOC"),
    LabeledSpan("c", 10, 17, "LOC"),
]
PREDICTED = [
    LabeledSpan("a", 0, 4, PERSON),  # overlaps the gold person, not exact
    LabeledSpan("a", 18, 23, PERSON),  # exact
    LabeledSpan("b", 10, 16, PERSON),  # on the ORG span: a false positive
    LabeledSpan("b", 4, 9, PERSON),  # "Firma": a capitalised common noun
    LabeledSpan("a", 27, 35, LOCATION),  # exact
    LabeledSpan("b", 29, 41, LOCATION),  # "in Nordhafen": overlap only
    LabeledSpan("a", 13, 17, LOCATION),  # "traf": a false positive
]


def numbers(prf):
    return prf.predicted, prf.correct, prf.gold, prf.found, prf.precision, prf.recall, prf.f1


def test_gold_labels_map_to_person_and_location_only():
    assert [gold_type(label) for label in ("PER", "B-PER", "I-LOC", "LOC")] == [PERSON, PERSON, LOCATION, LOCATION]
    assert [gold_type(label) for label in ("ORG", "B-MISC", "OTH", "LOCderiv", "PERpart")] == [None] * 5


def test_person_exact_and_overlap_match_hand_computed_values():
    result = score(GOLD, PREDICTED, PERSON)
    # exact: 1 of 4 predictions correct, 1 of 2 gold found -> P 1/4, R 1/2, F1 1/3
    assert numbers(result["exact"]) == pytest.approx((4, 1, 2, 1, 0.25, 0.5, 1 / 3))
    # overlap: Lena and Jonas correct, both gold found -> P 1/2, R 1, F1 2/3
    assert numbers(result["overlap"]) == pytest.approx((4, 2, 2, 2, 0.5, 1.0, 2 / 3))


def test_location_exact_and_overlap_match_hand_computed_values():
    result = score(GOLD, PREDICTED, LOCATION)
    # exact: Dornfeld only -> P 1/3, R 1/3, F1 1/3; overlap: Dornfeld and Nordhafen -> 2/3 each
    assert numbers(result["exact"]) == pytest.approx((3, 1, 3, 1, 1 / 3, 1 / 3, 1 / 3))
    assert numbers(result["overlap"]) == pytest.approx((3, 2, 3, 2, 2 / 3, 2 / 3, 2 / 3))


def test_no_predictions_or_no_gold_give_no_rate():
    result = score(GOLD, [], PERSON)["exact"]
    assert (result.precision, result.recall, result.f1) == (None, 0.0, None)
    assert score([], PREDICTED, PERSON)["overlap"].recall is None


def test_person_on_org_and_german_common_noun_share():
    assert on_label(GOLD, PREDICTED, PERSON, "ORG") == 1
    # Lena: sentence-initial; Jonas, Brandt: inside gold entities; Firma: a common noun -> 1 of 4
    assert common_noun_share(TEXTS, GOLD, PREDICTED) == {"person_predictions": 4, "common_nouns": 1, "share": 0.25}


def test_a_lowercase_or_multi_token_person_is_not_a_common_noun():
    predicted = [LabeledSpan("a", 13, 17, PERSON), LabeledSpan("b", 4, 16, PERSON)]  # "traf", "Firma Brandt"
    assert common_noun_share(TEXTS, GOLD, predicted)["common_nouns"] == 0


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_shipped_corpus_has_a_licence_parses_and_has_both_splits(corpus):
    directory = default_data_dir() / corpus
    assert (directory / "LICENSE").read_text(encoding="utf-8").strip()
    splits = load_corpus(directory)
    assert {split: len(s.texts) for split, s in splits.items()} == {"dev": 300, "holdout": 300}
    assert not set(splits["dev"].texts) & set(splits["holdout"].texts)
    assert all(gold_type(span.label) for s in splits.values() for span in s.gold if span.label in {"PER", "LOC"})
    assert corpus in (default_data_dir() / "README.md").read_text(encoding="utf-8")


def test_shipped_data_is_small_and_lists_only_known_corpora():
    data = default_data_dir()
    assert {p.name for p in data.iterdir() if p.is_dir()} == set(CORPORA)
    assert sum(p.stat().st_size for p in data.rglob("*") if p.is_file()) < 5_000_000


def test_a_span_outside_its_text_is_rejected(tmp_path):
    directory = tmp_path / "bad"
    directory.mkdir()
    row = {"id": "x", "split": "dev", "text": "Kurz .", "spans": [[0, 9, "PER"]]}
    (directory / "sentences.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not fit"):
        load_corpus(directory)


def test_suite_scores_each_tool_and_split_and_renders_without_text(monkeypatch):
    sample = Sentences("germeval2014-dev", "dev", TEXTS, GOLD)
    monkeypatch.setattr(real_suite, "privscan_predictions", lambda splits, workdir: [PREDICTED for _ in splits])
    monkeypatch.setattr(real_suite, "presidio_predictions", lambda sentences: PREDICTED[:2])
    result = real_suite.evaluate({"germeval2014-dev": {"dev": sample}}, log=lambda message: None)
    split = result["corpora"]["germeval2014-dev"]["splits"]["dev"]
    assert split["tools"]["privscan"]["entities"][PERSON]["exact"]["f1"] == pytest.approx(0.3333)
    # presidio: Lena (overlap) and Jonas (exact) -> exact P 1/2 R 1/2, overlap P 1 R 1
    assert split["tools"]["presidio"]["entities"][PERSON]["exact"]["precision"] == 0.5
    assert split["tools"]["presidio"]["entities"][PERSON]["overlap"]["f1"] == 1.0
    assert split["tools"]["privscan"]["person_common_nouns"]["share"] == 0.25
    report = real_suite.render(result)
    rows = [line.split() for line in report.splitlines()]
    assert [
        "germeval2014-dev",
        "de",
        "dev",
        "PERSON",
        "2",
        "0.250",
        "0.500",
        "0.333",
        "0.500",
        "0.500",
        "0.500",
    ] in rows
    assert ["germeval2014-dev", "de", "dev", "LOCATION", "3", "0.667", "0.667", "0.667", "-", "0.000", "-"] in rows
    assert "common nouns 1/4 (0.250)" in report
    assert not any(word in report for word in ("Hofmann", "Dornfeld", "Firma"))


def test_cli_without_corpora_exits_2(tmp_path, capsys):
    assert real_suite.run_cli(tmp_path, None, presidio=False, log=print) == 2
    assert "no real-text corpora" in capsys.readouterr().out


def test_eval_command_routes_suite_real_and_writes_every_number(tmp_path, monkeypatch, capsys):
    (tmp_path / "README.md").write_text("corpora\n", encoding="utf-8")
    sample = {"germeval2014-dev": {"dev": Sentences("germeval2014-dev", "dev", TEXTS, GOLD)}}
    monkeypatch.setattr(real_suite, "load_corpora", lambda data_dir: sample)
    monkeypatch.setattr(real_suite, "privscan_predictions", lambda splits, workdir: [PREDICTED for _ in splits])
    out_json = tmp_path / "real.json"
    parser = argparse.ArgumentParser(prog="privscan")
    eval_cmd.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(
        ["eval", "--suite", "real", "--real-data", str(tmp_path), "--no-presidio", "--json", str(out_json)]
    )
    assert eval_cmd.run(args) == 0
    assert "== overlap match" in capsys.readouterr().out
    written = json.loads(out_json.read_text(encoding="utf-8"))
    person = written["corpora"]["germeval2014-dev"]["splits"]["dev"]["tools"]["privscan"]["entities"][PERSON]
    assert (person["exact"]["precision"], person["overlap"]["recall"]) == (0.25, 1.0)
    assert written["tools"] == ["privscan"]
