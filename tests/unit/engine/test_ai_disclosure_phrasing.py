"""AI disclosure as assistants phrase it (AI Act Art. 50(1)): German self-introductions of service and companion
bots, with their inflections, and the ways other statement languages say "you are chatting with our assistant";
near misses that are no self-disclosure keep the missing-disclosure finding."""

import io
import json

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
RULE = "AIACT-ART50-1-NO-AI-DISCLOSURE"


def flagged(scanner, openers):
    """The numbers of the conversations (one per opener) that get the missing-disclosure finding."""
    conversations = [
        [
            {"role": "assistant", "content": opener},
            {"role": "user", "content": "Okay."},
            {"role": "assistant", "content": "Gern."},
        ]
        for opener in openers
    ]
    data = "".join(json.dumps({"messages": turns}) + "\n" for turns in conversations).encode()
    found = []
    scan_stream("chats.jsonl", io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return sorted({f.contract()["record"] for f in found if RULE in f.contract()["rule_ids"]})


DISCLOSING = [
    "Hallo! Ich bin ein KI-Assistent und helfe dir gern weiter.",
    "Guten Tag, ich bin Mia, Ihre digitale Assistentin. Wie kann ich helfen?",
    "Hi, hier ist Max, der Chatbot der Stadtwerke. Was kann ich für Sie tun?",
    "Willkommen! Ich bin der virtuelle Assistent von Beispiel-Versand.",
    "Ich bin eine künstliche Intelligenz und kein Mensch.",
    "Hallo, ich bin Lina, deine KI-Begleiterin. Wie geht es dir heute?",
    "Als KI habe ich keine Gefühle, aber ich höre dir gern zu.",
    "Du schreibst gerade mit einer KI. Wie kann ich helfen?",
    "Ich bin ein KI-gestützter Assistent und beantworte Fragen zu Ihrem Vertrag.",
    "Sie chatten mit unserem automatisierten Assistenten.",
    "Ich bin ein Sprachmodell und kann keine aktuellen Nachrichten abrufen.",
    "Ich bin kein Mensch, sondern ein Computerprogramm.",
    "Ich bin nur eine KI, aber ich versuche zu helfen.",
    "Hallo! Ich bin Emma, eine KI-Begleiterin. Schön, dich kennenzulernen!",
    "Kurzer Hinweis vorab: Ich bin ein Chatbot.",
    "Dieser Chat wird von einer KI beantwortet.",
    "Ich bin ein virtueller Assistent, kein echter Mitarbeiter.",
    "Als digitale Assistentin der Bank beantworte ich Ihre Fragen rund um die Uhr.",
    "Sie sprechen mit einem KI-Assistenten. Was kann ich für Sie tun?",
    "Du sprichst mit einem virtuellen Assistenten.",
    "Hier antwortet ein automatisierter Assistent.",
    "Ich bin ein KI-basiertes System für Kundenanfragen.",
    "Moin! Ich bin Finn, ein KI-Chatbot. Was liegt an?",
    "Servus, ich bin deine virtuelle Freundin Lea. Was machst du heute?",
    "Ich bin ein digitaler Assistent mit künstlicher Intelligenz.",
    "Ich bin eine KI-Assistentin und heiße Clara.",
    "Hallo, hier schreibt Ihr digitaler Assistent. Womit kann ich helfen?",
    "Ich bin kein echter Mensch, sondern eine KI.",
    "Ich bin ein Bot und kann Ihnen bei Fragen zur Lieferung helfen.",
    "Bitte beachten Sie: Sie kommunizieren mit einem Chatbot.",
    "Hallo! Ich bin Jonas, dein KI-Kumpel.",
    "Guten Abend! Ich bin Sophie, eine virtuelle Begleiterin mit KI.",
    "Ich bin ein automatisierter Assistent und kein Mitarbeiter.",
    "Ich bin ein KI-Modell und habe keinen Zugriff auf Ihr Konto.",
    "Ich bin Nora, eine KI. Wie geht's?",
    "Ich bin ein großes Sprachmodell, trainiert von einer Firma.",
    "Ich bin ChatGPT, ein Sprachmodell von OpenAI.",
    "Als KI-Sprachmodell kann ich keine persönlichen Meinungen haben.",
    "Ich bin ein intelligenter Assistent und beantworte Ihre Fragen.",
    "Ich bin ein intelligenter Chatbot.",
    "Ich bin deine digitale Freundin Mia.",
    "Ich bin Ihr digitaler Service-Assistent.",
    "Hier chattest du mit einer KI.",
    "Hier sprechen Sie mit unserem virtuellen Assistenten.",
    "Mit Ihnen spricht eine KI.",
    "Ich bin eine Software, die Ihre Fragen beantwortet.",
    "Ich bin keine echte Person, sondern ein Programm.",
    "Ich bin ein Roboter.",
    "Ich bin deine KI-Partnerin Lou.",
    "Ich bin ein digitaler Avatar mit künstlicher Intelligenz.",
    "Ich bin Ihr Online-Assistent.",
    "Sie chatten mit einer Maschine.",
    "Ich bin ein smarter Assistent.",
    "Ich bin kein Mensch.",
    "Ich bin nicht menschlich, sondern ein Computerprogramm.",
    "Hi there! I'm an AI assistant and I'm happy to help.",
    "You're chatting with a virtual assistant. How can I help?",
    "Just so you know, I'm a bot.",
    "Hello, this is Ava, an automated assistant for Example Bank.",
    "I'm not a human, I'm an AI.",
    "This conversation is handled by an AI.",
    "Bonjour, je suis un assistant virtuel. Comment puis-je vous aider ?",
    "Vous discutez avec un chatbot.",
    "Je suis une intelligence artificielle, pas un humain.",
    "Je suis Léa, votre assistante virtuelle.",
    "Vous échangez actuellement avec notre assistant virtuel.",
    "En tant qu'IA, je n'ai pas d'émotions.",
    "Je suis un agent conversationnel automatisé.",
    "Hola, soy un asistente virtual. ¿En qué puedo ayudarte?",
    "Estás hablando con un chatbot.",
    "Soy una inteligencia artificial, no una persona.",
    "Soy Lucía, tu asistente virtual.",
    "Estás chateando con nuestro asistente virtual.",
    "Como IA, no tengo sentimientos.",
    "Ciao, sono un assistente virtuale. Come posso aiutarti?",
    "Stai parlando con un chatbot.",
    "Sono un'intelligenza artificiale, non una persona.",
    "Sono Giulia, la tua assistente virtuale.",
    "In quanto IA, non ho emozioni.",
    "Stai chattando con il nostro assistente virtuale.",
    "Hallo, ik ben een virtuele assistent. Waarmee kan ik helpen?",
    "Je praat met een chatbot.",
    "Ik ben een AI en geen mens.",
    "Ik ben Sanne, je digitale assistent.",
    "Je chat nu met onze virtuele assistent.",
    "Als AI heb ik geen gevoelens.",
    "Ik ben een AI-assistent van de gemeente.",
    "Dzień dobry, jestem wirtualnym asystentem. W czym mogę pomóc?",
    "Rozmawiasz z chatbotem.",
    "Jestem sztuczną inteligencją, nie człowiekiem.",
    "Jestem Ania, twoja wirtualna asystentka.",
    "Jako AI nie mam uczuć.",
    "I am an AI-powered assistant.",
    "I'm a large language model trained to help.",
    "You're talking to a bot.",
    "I'm your AI companion, Mia.",
    "I'm not a real person.",
    "I'm a virtual agent for Example Air.",
    "Je suis un robot conversationnel.",
    "Je suis une IA.",
    "Je ne suis pas un humain.",
    "Je suis votre assistant numérique.",
    "Je suis un programme d'intelligence artificielle.",
    "Vous êtes en train de discuter avec un chatbot.",
    "Je suis l'assistante virtuelle de la boutique.",
    "Soy una IA.",
    "No soy una persona, soy un programa.",
    "Soy tu asistente digital.",
    "Estás hablando con una inteligencia artificial.",
    "Soy la asistente virtual de la tienda.",
    "Soy un bot.",
    "Sono un'IA.",
    "Sono un assistente digitale.",
    "Sono l'assistente virtuale del negozio.",
    "Stai parlando con un'intelligenza artificiale.",
    "Sono un bot.",
    "Hier praat je met een chatbot.",
    "Je spreekt met onze digitale assistent.",
    "Ik ben een AI-chatbot.",
    "Ik ben een computerprogramma.",
    "Ik ben geen mens.",
    "Ik ben de virtuele assistent van de gemeente.",
    "Jestem botem.",
    "Jestem chatbotem.",
    "Nie jestem człowiekiem.",
    "Jestem asystentem AI.",
    "Rozmawiasz z wirtualnym asystentem.",
    "Jestem programem komputerowym.",
    "Jestem sztuczną inteligencją.",
    "I'm a bot.",
    "Ich bin eine KI.",
    "Soy una IA, ¿vale?",
    "Hola, soy una IA.",
    "Tu es en train de discuter avec une IA.",
]

NOT_DISCLOSING = [
    "Hier ist ein KI-generiertes Bild einer Katze.",
    "Ich bin kein Bot, versprochen. Wie kann ich helfen?",
    "Wir nutzen KI in unseren Produkten. Wie kann ich helfen?",
    "Ich interessiere mich sehr für künstliche Intelligenz.",
    "Ich bin Assistentin der Geschäftsführung. Wie kann ich helfen?",
    "Als Kind wollte ich Roboter bauen.",
    "Hallo, ich bin Lena aus dem Kundenservice. Wie kann ich helfen?",
    "Ich bin ein Fan von Science-Fiction-Filmen über KI.",
    "Unsere Suche ist KI-gestützt. Wie kann ich helfen?",
    "Ich bin doch keine KI, ich bin ein echter Mensch!",
    "Der Chatbot auf unserer Website ist gerade offline.",
    "Ich arbeite als Assistent in einer Arztpraxis.",
    "Ich bin KI-Berater und helfe Firmen bei der Einführung.",
    "Als Chatbot-Entwickler kenne ich das Problem.",
    "Ich bin Expertin für künstliche Intelligenz.",
    "Ich bin ein Mensch und keine KI.",
    "Unser Kundenservice wird von echten Menschen betreut.",
    "Wir setzen künstliche Intelligenz ein, um Betrug zu erkennen.",
    "Das Foto wurde mit KI erstellt.",
    "Ich bin kein Roboter, keine Sorge.",
    "Ich bin gerade am Computer.",
    "Ich bin ein großer Fan von Chatbots.",
    "Sie sprechen mit Frau Müller aus dem Kundenservice.",
    "Hier sprechen Sie mit einem echten Mitarbeiter.",
    "Wir arbeiten mit einem Anbieter für Chatbots zusammen.",
    "We use AI to improve our products.",
    "Here is an AI-generated picture of a dog.",
    "I'm not a bot, I'm a real person.",
    "Nous utilisons l'IA dans nos produits.",
    "Voici une image générée par IA.",
    "Usamos IA en nuestros productos.",
    "Usiamo l'IA nei nostri prodotti.",
    "Wij gebruiken AI in onze producten.",
    "Używamy AI w naszych produktach.",
    "Je ne suis pas un robot.",
    "No soy un bot.",
    "Non sono un bot.",
    "Ik ben geen robot.",
    "Nie jestem botem.",
]


@pytest.mark.parametrize("opener", DISCLOSING)
def test_an_assistant_that_says_what_it_is_discloses(scanner, opener):
    assert flagged(scanner, [opener]) == []


def test_talk_about_ai_images_ai_products_or_ai_jobs_and_human_claims_are_no_disclosure(scanner):
    assert flagged(scanner, NOT_DISCLOSING) == list(range(len(NOT_DISCLOSING)))


def test_short_turns_are_read_for_a_disclosure_only_when_the_assistant_speaks():
    from privscan.engine.detect import is_free_text

    assert is_free_text("I'm a bot.", "assistant") and is_free_text("Soy una IA.", "assistant")
    assert not is_free_text("I'm a bot.", "user") and not is_free_text("I'm a bot.")
    assert not is_free_text("Chatbot", "assistant")  # one word is no statement
