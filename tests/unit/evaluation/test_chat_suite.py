"""The ordinary-chats suite: reproducible conversations, disjoint dev and reserved halves, exact gold spans, and
false findings counted against them."""

from types import SimpleNamespace

from privscan_tools.evaluation import chat_suite
from privscan_tools.evaluation.chat_templates import ASSISTANT, OPENERS, USER


def test_conversations_are_reproducible_and_their_gold_spans_are_the_planted_names_and_places():
    first = chat_suite.generate("de", "dev", 20)
    assert [c.messages for c in first] == [c.messages for c in chat_suite.generate("de", "dev", 20)]
    for conversation in first:
        assert conversation.messages[0]["role"] == "assistant"
        assert [m["role"] for m in conversation.messages[1:]] == ["user", "assistant"] * (
            (len(conversation.messages) - 1) // 2
        )
        for turn, start, end, label in conversation.gold:
            value = conversation.messages[turn]["content"][start:end]
            assert label in ("PERSON", "LOCATION") and value and value == value.strip() and "{" not in value
        assert conversation.gold[0][0] == 0  # the assistant's own name, in its opener


def test_the_dev_and_reserved_halves_share_no_sentence():
    for pool in (OPENERS, USER, ASSISTANT):
        for language in chat_suite.LANGUAGES:
            dev, reserved = (set(chat_suite.half(pool[language], split)) for split in chat_suite.SPLITS)
            assert dev and reserved and not dev & reserved


def test_a_finding_on_no_planted_span_is_false_and_a_planted_one_counts_as_found_by_its_type():
    conversation = chat_suite.Conversation(
        [{"role": "assistant", "content": "Hi! I'm Theo, an AI."}, {"role": "user", "content": "Off to Lyon, Salut."}],
        [(0, 8, 12, "PERSON"), (1, 7, 11, "LOCATION")],
    )

    def span(turn, start, end, entity):
        return SimpleNamespace(record=0, field=f"messages[{turn}].content", start=start, end=end, entity_type=entity)

    spans = [span(0, 8, 12, "PERSON"), span(1, 7, 11, "PERSON"), span(1, 13, 18, "PERSON"), span(0, 17, 19, "LOCATION")]
    scored = chat_suite.score([conversation], spans, disclosures=set())
    assert scored["false"] == {"PERSON": 1, "LOCATION": 1} and scored["false_per_1000"] == 2000.0
    assert scored["planted"]["PERSON"] == {"gold": 1, "found": 1, "wrong_type": 0}
    assert scored["planted"]["LOCATION"] == {"gold": 1, "found": 0, "wrong_type": 1}
