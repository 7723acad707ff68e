"""The statements challenge: the shipped data is well formed and the scoring counts (sentence, category) pairs."""

from privscan_tools.evaluation import statements_suite as suite
from privscan_tools.evaluation.statements_suite import Sentence


def test_the_shipped_sentences_are_labelled_split_and_licensed():
    sentences = suite.load()
    assert len(sentences) == 1478
    assert {s.split for s in sentences} == {"dev", "reserved"}
    assert {s.lang for s in sentences} == {"en", "de", "fr", "es", "it", "nl", "pl"}
    assert sum(bool(s.labels) for s in sentences) == 118
    assert len({s.id for s in sentences}) == len(sentences)
    folder = suite.default_path().parent
    assert (folder / "README.md").is_file() and (folder / "LICENSE-CC-BY-SA-4.0.txt").is_file()
    assert (folder / "LICENSE-CC-BY-SA-3.0.txt").is_file()


def test_translations_of_one_pud_sentence_share_a_split():
    splits: dict[str, set[str]] = {}
    for s in suite.load():
        if "_pud/" in s.id:
            splits.setdefault(s.id.split("/", 1)[1], set()).add(s.split)
    assert splits and all(len(found) == 1 for found in splits.values())


def test_scoring_counts_pairs_and_look_alikes_that_fire():
    sentences = [
        Sentence("a", "en", "dev", frozenset({"HEALTH_DATA"}), ""),
        Sentence("b", "en", "dev", frozenset({"HEALTH_DATA", "CHILD_DATA"}), ""),
        Sentence("c", "de", "dev", frozenset(), ""),
        Sentence("d", "de", "reserved", frozenset(), ""),
    ]
    predicted = [
        frozenset({"HEALTH_DATA"}),
        frozenset({"CHILD_DATA", "RELIGIOUS_BELIEF"}),
        frozenset({"CRIMINAL_DATA"}),
        frozenset(),
    ]
    result = suite.score(sentences, predicted)
    dev = result["dev"]["overall"]
    assert (dev["tp"], dev["fp"], dev["fn"], dev["lookalikes_fired"]) == (2, 2, 1, 1)
    assert (dev["precision"], dev["recall"]) == (0.5, 0.667)
    assert result["dev"]["missed_ids"] == ["b"] and result["dev"]["false_alarm_ids"] == ["b", "c"]
    assert result["reserved"]["overall"]["sentences"] == 1 and result["reserved"]["overall"]["fp"] == 0
    assert "[reserved]" in suite.render(result)
