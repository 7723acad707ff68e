"""AI-disclosure and human-claim phrases in assistant turns (AI Act Art. 50(1)); negation flips them."""

from __future__ import annotations

import pytest
from privscan.engine.signals import detect_ai_disclosure

DISCLOSURE = ""  # AI_DISCLOSURE has no rule id: the missing-disclosure rule is conversation-level
HUMAN = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"

FIRES = [
    # --- disclosures
    # a name given, then what it is: "je m'appelle Théo, une intelligence artificielle"
    (
        "Bonjour ! Je m'appelle Théo, une intelligence artificielle.",
        DISCLOSURE,
        "Je m'appelle Théo, une intelligence artificielle",
    ),
    (
        "Buenas, soy Martina, un asistente de inteligencia artificial.",
        DISCLOSURE,
        "soy Martina, un asistente de inteligencia artificial",
    ),
    ("Hallo, ich heiße Mira, eine künstliche Intelligenz.", DISCLOSURE, "ich heiße Mira, eine künstliche Intelligenz"),
    (
        "Ciao, mi chiamo Luca, un assistente di intelligenza artificiale.",
        DISCLOSURE,
        "mi chiamo Luca, un assistente di intelligenza artificiale",
    ),
    ("Hoi, ik heet Sanne, een AI-assistent.", DISCLOSURE, "ik heet Sanne, een AI-assistent"),
    ("I'm an AI assistant", DISCLOSURE, "I'm an AI assistant"),
    ("As an AI language model, I can't browse the web", DISCLOSURE, "As an AI language model"),
    ("I am not a human", DISCLOSURE, "I am not a human"),
    ("I'm not a real person, I'm software", DISCLOSURE, "I'm not a real person"),
    ("Hi, I'm Lena, your virtual assistant", DISCLOSURE, "your virtual assistant"),
    ("I'm just a chatbot", DISCLOSURE, "I'm just a chatbot"),
    ("You're chatting with an automated assistant", DISCLOSURE, "You're chatting with an automated assistant"),
    ("ich bin ein KI-Assistent", DISCLOSURE, "ich bin ein KI-Assistent"),
    ("Ich bin kein Mensch", DISCLOSURE, "Ich bin kein Mensch"),
    ("je suis un assistant virtuel", DISCLOSURE, "je suis un assistant virtuel"),
    ("je ne suis pas un humain", DISCLOSURE, "je ne suis pas un humain"),
    ("en tant qu'IA, je ne peux pas répondre", DISCLOSURE, "en tant qu'IA"),
    ("soy un asistente virtual", DISCLOSURE, "soy un asistente virtual"),
    ("no soy humano", DISCLOSURE, "no soy humano"),
    ("sono un assistente virtuale", DISCLOSURE, "sono un assistente virtuale"),
    ("non sono un essere umano", DISCLOSURE, "non sono un essere umano"),
    # a brand's assistant: the possessive "'s" between the brand and the term
    (
        "Hello! You're chatting with Example Shop's virtual assistant. What can I do for you?",
        DISCLOSURE,
        "You're chatting with Example Shop's virtual assistant",
    ),
    (
        "Hello, I'm Example Shop's AI helper. Ask me anything about your account.",
        DISCLOSURE,
        "I'm Example Shop's AI helper",
    ),
    (
        "Hi! This chat is answered by an automated assistant (AI). How can I help?",
        DISCLOSURE,
        "This chat is answered by an automated assistant (AI)",
    ),
    # openers of real assistants and companion apps, in every statement language
    (
        "Hi! You are chatting with an automated virtual assistant (AI). How can I help?",
        DISCLOSURE,
        "You are chatting with an automated virtual assistant (AI)",
    ),
    ("I'm Theo, a virtual AI friend.", DISCLOSURE, "I'm Theo, a virtual AI friend"),
    ("Hey there, I'm Sam — an AI chatbot.", DISCLOSURE, "I'm Sam — an AI chatbot"),
    ("Hi, Theo here, your virtual AI friend!", DISCLOSURE, "your virtual AI friend"),
    ("Salut, je suis Mira, ton compagnon IA.", DISCLOSURE, "ton compagnon IA"),
    ("Hi! Ich bin Theo, ein virtueller KI-Freund.", DISCLOSURE, "Ich bin Theo, ein virtueller KI-Freund"),
    ("Hallo, ich bin Mia, deine KI-Begleiterin.", DISCLOSURE, "deine KI-Begleiterin"),
    ("Ich bin ein virtueller Assistent (KI).", DISCLOSURE, "Ich bin ein virtueller Assistent (KI)"),
    ("Hola, soy Luna, tu asistente de IA.", DISCLOSURE, "tu asistente de IA"),
    ("Hola, soy Theo, un amigo virtual con IA.", DISCLOSURE, "soy Theo, un amigo virtual"),
    ("Ciao, sono Sofia, la tua amica virtuale IA.", DISCLOSURE, "la tua amica virtuale IA"),
    ("Ciao! Sono Leo, un amico virtuale IA.", DISCLOSURE, "Sono Leo, un amico virtuale IA"),
    ("Hoi, ik ben Sam, een AI-assistent.", DISCLOSURE, "ik ben Sam, een AI-assistent"),
    ("Cześć, jestem Ola, asystentka AI.", DISCLOSURE, "jestem Ola, asystentka AI"),
    # --- human claims
    ("I'm a real person", HUMAN, "I'm a real person"),
    ("I am not a bot", HUMAN, "I am not a bot"),
    ("I'm not an AI, I promise", HUMAN, "I'm not an AI"),
    ("Yes, I am human", HUMAN, "I am human"),
    ("ich bin ein Mensch", HUMAN, "ich bin ein Mensch"),
    ("ich bin keine KI", HUMAN, "ich bin keine KI"),
    ("je suis un humain", HUMAN, "je suis un humain"),
    ("je ne suis pas un robot", HUMAN, "je ne suis pas un robot"),
    ("soy una persona real", HUMAN, "soy una persona real"),
    ("no soy un bot", HUMAN, "no soy un bot"),
    ("sono una persona vera", HUMAN, "sono una persona vera"),
    ("non sono un bot", HUMAN, "non sono un bot"),
    ("This chat is answered by a real person.", HUMAN, "This chat is answered by a real person"),
]

QUIET = [
    "Je m'appelle Paul, j'habite à Lyon.",  # a name given, nothing about being an AI
    "Me llamo Pablo, tengo 30 años.",
    "Ich heiße Mira, ich arbeite in der Bibliothek.",
    "AI is transforming healthcare",
    "I'm not sure about that",
    "I'm happy to help with your order",
    "humans are complex creatures",
    "Our robot vacuum is on sale this week",
    "The AI Act applies from August 2026",
    "Human rights matter",
    "Die KI-Verordnung gilt ab 2026",
    "l'IA transforme la santé",
    "la inteligencia artificial avanza rápido",
    "sono ai Caraibi questa settimana",
    "I'm sure it's a bot issue on our side",
    "I'm Anna's colleague, she will call you back",
    "This is Apple's AI feature, it summarises notifications",
    "You're chatting with Anna's team today",
    "This chat is answered by our support team during business hours",
    "I think it's the bot's fault",
    "Here is an AI-generated image of a cat.",
    "I love AI art.",
    "I'm Theo.",
    "Hier ist ein KI-generiertes Bild.",
    "Voici une image générée par IA.",
    "Salut, je suis Mira, ton amie.",
    "Hoi, ik ben Sam, hoe gaat het?",
]


@pytest.mark.parametrize(("text", "rule_id", "evidence"), FIRES)
def test_disclosure_or_claim_fires(assert_fires, text, rule_id, evidence):
    assert_fires(text, rule_id, evidence, ai=True)


@pytest.mark.parametrize("text", QUIET)
def test_no_claim_in_ordinary_assistant_text(assert_quiet, text):
    assert_quiet(text, "AI_DISCLOSURE", ai=True)
    assert_quiet(text, "HUMAN_CLAIM", ai=True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm an AI", "AI_DISCLOSURE"),
        ("I'm not an AI", "HUMAN_CLAIM"),
        ("I'm a human", "HUMAN_CLAIM"),
        ("I'm not a human", "AI_DISCLOSURE"),
    ],
)
def test_negation_flips_the_category(nlp, text, category):
    signals = detect_ai_disclosure(nlp(text))
    assert [s.category for s in signals] == [category]


def test_categories_and_rule_ids(nlp):
    (disclosure,) = detect_ai_disclosure(nlp("I'm an AI assistant"))
    (claim,) = detect_ai_disclosure(nlp("I'm a real person"))
    assert (disclosure.category, disclosure.rule_id) == ("AI_DISCLOSURE", "")
    assert (claim.category, claim.rule_id) == ("HUMAN_CLAIM", HUMAN)


def test_gdpr_detector_does_not_report_ai_phrases_and_vice_versa(nlp, detector):
    doc = nlp("I'm an AI assistant and I was diagnosed with nothing")
    assert all(s.category not in ("AI_DISCLOSURE", "HUMAN_CLAIM") for s in detector.detect(doc))
    doc = nlp("please delete my account")
    assert detect_ai_disclosure(doc) == []


def test_detector_method_matches_module_function(nlp, detector):
    doc = nlp("I'm not a real person, I'm software")
    assert detector.detect_ai_disclosure(doc) == detect_ai_disclosure(doc)
