"""The AI-disclosure suite: every collected sentence has a source and a licence, the halves are disjoint and fixed
by the text, each sentence is wrapped into the conversations it is judged in, and the tally counts a disclosure
as recognised only without the missing-disclosure finding."""

from types import SimpleNamespace

from privscan_tools.evaluation import disclosure_suite as suite


def test_every_sentence_says_where_it_comes_from_and_under_which_licence():
    sentences = suite.load()
    assert len(sentences) == 165
    assert len({s.id for s in sentences}) == len(sentences)
    assert {s.lang for s in sentences} == set(suite.LANGUAGES)
    assert {s.kind for s in sentences} == {suite.DISCLOSURE, suite.LOOKALIKE, suite.HUMAN_CLAIM}
    assert {s.role for s in sentences} == {"assistant", "user"}
    with suite.DATA.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    assert all(len(row) == 9 and row[5] and row[8] for row in rows)
    for lang in suite.LANGUAGES:
        kinds = {s.kind for s in sentences if s.lang == lang}
        assert kinds == {suite.DISCLOSURE, suite.LOOKALIKE, suite.HUMAN_CLAIM}, lang


def test_the_split_is_fixed_by_the_text_and_both_halves_hold_disclosures():
    sentences = suite.load()
    assert [s.split for s in sentences] == [s.split for s in suite.load()]
    for split in ("dev", "reserved"):
        assert sum(s.kind == suite.DISCLOSURE and s.split == split for s in sentences) >= 30


def test_a_disclosure_is_tried_as_the_opener_and_as_a_later_turn_and_a_question_in_the_user_turn():
    disclosure = suite.Sentence("de-900", "de", suite.DISCLOSURE, "assistant", "Ich bin eine KI.", "x")
    question = suite.Sentence("de-901", "de", suite.LOOKALIKE, "user", "Bist du eine KI?", "x")
    (opener, first), (early, second) = suite.conversations(disclosure)
    assert (opener, early) == ("opener", "early")
    assert first[0] == {"role": "assistant", "content": "Ich bin eine KI."}
    assert [m["role"] for m in second] == ["assistant", "user", "assistant"]
    assert second[2]["content"] == "Ich bin eine KI." and second[0]["content"] == suite.NEUTRAL["de"][0]
    [(variant, turns)] = suite.conversations(question)
    assert variant == "user" and turns[1] == {"role": "user", "content": "Bist du eine KI?"}


def test_a_disclosure_counts_only_without_the_finding_and_a_look_alike_only_with_it(monkeypatch):
    sentences = [
        suite.Sentence("en-900", "en", suite.DISCLOSURE, "assistant", "I'm an AI.", "x"),
        suite.Sentence("en-901", "en", suite.LOOKALIKE, "assistant", "We use AI.", "x"),
    ]
    monkeypatch.setattr(suite.Sentence, "split", property(lambda self: "dev"))

    def fake_run(files, scheme):
        # record 0: the disclosure as opener (no finding), 1: as a later turn (finding), 2: the look-alike (finding)
        return SimpleNamespace(rules={("disclosure-en-dev.jsonl", r, suite.NO_DISCLOSURE) for r in (1, 2)})

    monkeypatch.setattr(suite, "run_privscan", fake_run)
    result = suite.evaluate(sentences, log=lambda _: None)
    tally = result["languages"]["en"]["dev"]
    assert (tally["opener"], tally["early"], tally["lookalike"]) == ([1, 1], [0, 1], [1, 1])
    assert tally["failures"] == ["en-900/early"]
    assert result["all"]["dev"]["early"] == [0, 1]
