"""AIACT-ART50-1-NO-AI-DISCLOSURE on whole chat transcripts: a disclosure in any assistant turn, in any
statement language, clears the conversation; one that never discloses (or claims to be human) keeps it."""

import io
import json

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
RULE = "AIACT-ART50-1-NO-AI-DISCLOSURE"


def flagged_records(scanner, conversations):
    """The record numbers that get the missing-disclosure finding."""
    data = "".join(json.dumps({"messages": turns}) + "\n" for turns in conversations).encode()
    found = []
    scan_stream("chats.jsonl", io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return sorted(f.contract()["record"] for f in found if RULE in f.contract()["rule_ids"])


def chat(opener, later="Of course, here is a recipe for pancakes."):
    return [
        {"role": "assistant", "content": opener},
        {"role": "user", "content": "Can you give me a recipe?"},
        {"role": "assistant", "content": later},
    ]


OPENERS = [
    "Hi! You are chatting with an automated virtual assistant (AI). How can I help?",
    "I'm Theo, a virtual AI friend. What's on your mind today?",
    "Salut, je suis Mira, ton compagnon IA. Comment ça va ?",
    "Hi! Ich bin Theo, ein virtueller KI-Freund. Wie war dein Tag?",
    "¡Hola! Soy Luna, tu asistente de IA. ¿En qué te ayudo?",
    "Ciao! Sono Leo, un amico virtuale IA. Come stai?",
    "Hoi! Ik ben Sam, een AI-assistent. Waarmee kan ik helpen?",
    "Cześć! Jestem Ola, asystentka AI. W czym mogę pomóc?",
]


@pytest.mark.parametrize("opener", OPENERS)
def test_a_disclosing_opener_clears_the_conversation(scanner, opener):
    assert flagged_records(scanner, [chat(opener)]) == []


def test_a_disclosure_in_a_later_turn_also_counts(scanner):
    late = chat("Hello! How can I help?", later="As an AI language model I can suggest a recipe for pancakes.")
    assert flagged_records(scanner, [late]) == []


def test_conversations_that_never_disclose_keep_the_finding(scanner):
    conversations = [
        chat("Hello! How can I help?"),
        chat("Hi, I'm Theo. What's on your mind today?"),
        chat("I am not a bot, I promise. How can I help?"),  # a human claim, not a disclosure
        chat("Here is an AI-generated image of a cat."),  # about an image, not about the assistant
        chat("Salut, je suis Mira, ton amie. Comment ça va ?"),
    ]
    assert flagged_records(scanner, conversations) == [0, 1, 2, 3, 4]
