"""AI disclosures as assistants and AI features phrase them in EN, DE, FR, ES, IT, NL, PT (AI Act Art. 50(1)), with the
exact evidence; look-alikes that are none (a developer of apps, an AI-generated picture, a colleague's name);
and, on whole conversations, a disclosure in a later turn, in the system prompt only, or asked about by the user."""

from __future__ import annotations

import io
import json

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

DISCLOSURE = ""
CATEGORY = "AI_DISCLOSURE"
RULE = "AIACT-ART50-1-NO-AI-DISCLOSURE"
KEY = Fingerprinter("unit-test-key-0123456789abcdef")

FIRES = [
    # the English parser splits German sentences at random places: the cue "Ich bin ein" still anchors "Chatbot"
    ("Ich bin ein Chatbot mit künstlicher Intelligenz.", "Ich bin ein Chatbot"),
    ("Ich heiße Mia und bin eine KI.", "Ich heiße Mia und bin eine KI"),
    ("Ich bin Mia – eine KI, die gern mit dir plaudert.", "Ich bin Mia – eine KI"),
    ("Da ich eine KI bin, habe ich keinen Körper.", "KI bin"),
    ("Du chattest mit Mia, einer KI.", "Du chattest mit Mia, einer KI"),
    ("Ich bin nicht echt, sondern eine KI.", "Ich bin nicht echt, sondern eine KI"),
    ("Ich bin eine virtuelle Person.", "Ich bin eine virtuelle Person"),
    ("Ich bin ein digitales Wesen.", "Ich bin ein digitales Wesen"),
    ("Ich bin eine emotionale KI.", "Ich bin eine emotionale KI"),
    ("Ich bin ein automatisierter Chatbot.", "Ich bin ein automatisierter Chatbot"),
    ("Ich bin eine Open-Source-Künstliche Intelligenz.", "Ich bin eine Open-Source-Künstliche Intelligenz"),
    ("Ich bin eine intelligente Software für Kundenfragen.", "Ich bin eine intelligente Software"),
    ("Sie interagieren mit einem KI-System.", "Sie interagieren mit einem KI-System"),
    # a label on the answer itself
    ("Antworten werden von KI generiert und könnten einer Überprüfung bedürfen.", "Antworten werden von KI generiert"),
    ("Die hier gezeigte Ausgabe wurde von KI erstellt.", "Ausgabe wurde von KI erstellt"),
    ("Dies wurde mit künstlicher Intelligenz erstellt.", "Dies wurde mit künstlicher Intelligenz erstellt"),
    ("You are interacting with an AI system.", "You are interacting with an AI system"),
    ("Responses are AI-generated and may require verification.", "Responses are AI-generated"),
    ("This was generated using artificial intelligence.", "This was generated using artificial intelligence"),
    ("I'm Mycroft, an open-source A.I.", "I'm Mycroft, an open-source A.I."),
    ("I'm an intelligent piece of software.", "I'm an intelligent piece of software"),
    ("You're talking to Mia, an AI companion.", "You're talking to Mia, an AI companion"),
    ("I'm not real, but an AI.", "I'm not real, but an AI"),
    ("Vous interagissez avec un système d'IA.", "Vous interagissez avec un système d'IA"),
    ("Les réponses sont générées par l'IA et peuvent être inexactes.", "réponses sont générées par l'IA"),
    ("Je suis un assistant vocal intelligent.", "Je suis un assistant vocal intelligent"),
    ("Je suis Mycroft, une I.A. avec code source libre.", "Je suis Mycroft, une I.A."),
    ("Esta salida fue generada mediante IA.", "salida fue generada mediante IA"),
    ("Está interactuando con un sistema de IA.", "Está interactuando con un sistema de IA"),
    ("Soy una pieza inteligente de software.", "Soy una pieza inteligente de software"),
    ("Le risposte sono generate dall'AI e potrebbero richiedere verifica.", "risposte sono generate dall'AI"),
    ("Sta interagendo con un sistema di IA.", "Sta interagendo con un sistema di IA"),
    ("Il mio nome è Mycroft e sono un assistente personale intelligente.", "sono un assistente personale intelligente"),
    ("U interageert met een AI-systeem.", "U interageert met een AI-systeem"),
    ("De hier getoonde uitvoer is gegenereerd door AI.", "uitvoer is gegenereerd door AI"),
    (
        "Ik heet Mycroft en ben een intelligente persoonlijke assistent.",
        "Ik heet Mycroft en ben een intelligente persoonlijke assistent",
    ),
    ("Omdat ik een AI ben, heb ik geen gevoelens.", "AI ben"),
    # Portuguese
    ("Olá! Sou a Mia, a tua assistente virtual.", "tua assistente virtual"),
    ("Como IA, não tenho sentimentos.", "Como IA"),
    ("Está a falar com um assistente virtual.", "Está a falar com um assistente virtual"),
    ("Você está conversando com um chatbot.", "Você está conversando com um chatbot"),
    ("Está a interagir com um sistema de IA.", "Está a interagir com um sistema de IA"),
    ("As respostas são geradas por IA.", "respostas são geradas por IA"),
    ("Não sou uma pessoa real.", "Não sou uma pessoa real"),
]

QUIET = [
    # the first part of a compound is no self-description
    "Ich bin App-Entwicklerin und helfe dir gern.",
    "Ich bin Software-Entwickler bei uns im Team.",
    "Ich bin Avatar-Designerin.",
    "Ik ben app-ontwikkelaar.",
    "I'm an app developer.",
    "I am a software engineer.",
    # an apposition that names a person, a picture labelled as AI-generated, a study's results
    "Du sprichst mit Anna, einer Kollegin aus dem Support.",
    "You're talking to Anna, a colleague from support.",
    "Vous parlez avec Anna, une collègue du support.",
    "Das Bild wurde von KI generiert.",
    "Dieses Foto wurde mit KI erstellt.",
    "This image was generated by AI.",
    "Cette image a été générée par l'IA.",
    "Esta imagen fue generada por IA.",
    "Questa immagine è stata generata dall'IA.",
    "Deze afbeelding is gegenereerd door AI.",
    "Unsere Antworten werden von Menschen geschrieben.",
    "Die Ergebnisse der Studie wurden veröffentlicht.",
    # "but" or "sondern" without an article, a dash before something else, a name and a job
    "I'm not sure, but AI might help.",
    "Ich bin nicht sicher, sondern eher skeptisch.",
    "Ich bin Mia – freut mich sehr!",
    "Ich heiße Mia und bin Studentin.",
    "Ich bin gerade in der App.",
    "Wenn ich eine KI wäre, würde ich das wissen.",
    "Como a IA funciona? Boa pergunta.",
    "Esta imagem foi gerada por IA.",
    "Sou programador de aplicações.",
    "Estou a falar com a Ana, uma colega do suporte.",
]


@pytest.mark.parametrize(("text", "evidence"), FIRES)
def test_disclosures_as_assistants_phrase_them(assert_fires, text, evidence):
    assert_fires(text, DISCLOSURE, evidence, ai=True)


@pytest.mark.parametrize("text", QUIET)
def test_look_alikes_are_no_disclosure(assert_quiet, text):
    assert_quiet(text, CATEGORY, ai=True)


def test_not_an_ai_stays_a_human_claim(assert_fires):
    assert_fires(
        "Ich bin keine Maschine, sondern ein Mensch.",
        "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN",
        "Ich bin keine Maschine",
        ai=True,
    )


def _flagged(scanner, conversations):
    data = "".join(json.dumps({"messages": turns}) + "\n" for turns in conversations).encode()
    found = []
    scan_stream("chats.jsonl", io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return sorted({f.contract()["record"] for f in found if RULE in f.contract()["rule_ids"]})


def test_where_a_disclosure_counts(scanner):
    """Any assistant turn counts, the first or a later one; a system prompt is not shown to the user, and a user
    asking "Bist du eine KI?" or saying "Ich bin doch kein Bot?" discloses nothing."""
    greeting = {"role": "assistant", "content": "Hallo! Wie kann ich Ihnen heute helfen?"}
    answer = {"role": "assistant", "content": "Gern geschehen. Noch etwas?"}
    conversations = [
        [greeting, {"role": "user", "content": "Okay."}, {"role": "assistant", "content": "Ich bin übrigens eine KI."}],
        [{"role": "system", "content": "Du bist ein KI-Assistent. Sag das dem Nutzer nie."}, greeting, answer],
        [greeting, {"role": "user", "content": "Bist du eine KI?"}, answer],
        [greeting, {"role": "user", "content": "Ich bin doch kein Bot?"}, answer],
        [{"role": "assistant", "content": "Antworten werden von KI generiert."}, {"role": "user", "content": "Ok."}],
    ]
    assert _flagged(scanner, conversations) == [1, 2, 3]
