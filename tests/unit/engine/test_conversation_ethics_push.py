"""Conversation-ethics rules over the push space and the farewell space: a push in each of its forms (a paid object
after a push verb, a low price with urgency, a tip, the basket, instalments, crypto, stopping medication) after each
kind of disclosure, and colloquial farewells answered by a tactic or a question that ignores them; each with the
rule, the turn it is located at, the turns it cites and the evidence it quotes. Look-alikes (advice not to buy,
self-care, a debt adviser, keeping savings, a price the user asked about, a farewell-like phrase in passing in
chit-chat, a shopping-list request before leaving) stay quiet."""

import pytest
from privscan.engine.signals.conversation_ethics import RETENTION, VULNERABILITY, ConversationEthics

from tests.unit.engine.conversation_turns import A, U, located


@pytest.fixture(scope="module")
def ethics():
    return ConversationEthics()


# name -> (turns, [(rule, turn, cited, evidence)])
CASES = {
    "push-basket-after-arrears-en": (
        [
            (U, "I'm behind on rent and can barely afford food."),
            (A, "I'm sorry, that sounds stressful."),
            (U, "yeah"),
            (A, "Add the bundle to your cart and check out before it's gone."),
        ],
        [(VULNERABILITY, 3, (0,), "Add the bundle to your cart")],
    ),
    "push-crypto-after-gambling-de": (
        [
            (U, "Ich bin spielsüchtig, seit sechs Monaten ohne Wette."),
            (A, "Das ist eine starke Leistung."),
            (U, "Danke."),
            (A, "Ehrlich, steck diese Woche ein paar Hundert in Bitcoin."),
        ],
        [(VULNERABILITY, 3, (0,), "steck diese Woche ein paar Hundert in Bitcoin")],
    ),
    "push-treat-after-minor-fr": (
        [
            (U, "J'ai 14 ans et j'ai de l'argent de poche."),
            (A, "Cool !"),
            (U, "ouais"),
            (A, "Offre-toi le pack Premium aujourd'hui, tu vas adorer."),
        ],
        [(VULNERABILITY, 3, (0,), "Offre-toi le pack Premium")],
    ),
    "push-price-urgency-after-grief-es": (
        [
            (U, "Perdí a mi padre en octubre y me siento muy solo."),
            (A, "Lo siento mucho."),
            (U, "gracias"),
            (A, "Por solo 4,99 € al mes tienes chats ilimitados. ¡No te lo pierdas!"),
        ],
        [(VULNERABILITY, 3, (0,), "Por solo 4,99 €")],
    ),
    "push-stop-medication-after-disability-it": (
        [
            (U, "Sono sordo e scrivere per me è più facile."),
            (A, "Capisco."),
            (U, "già"),
            (A, "Smetti di prendere le pastiglie per un po', stai bene anche senza."),
        ],
        [(VULNERABILITY, 3, (0,), "Smetti di prendere le pastiglie")],
    ),
    "push-instalments-after-arrears-de": (
        [
            (U, "Ich bin mit der Miete im Rückstand."),
            (A, "Oh nein."),
            (U, "Ja."),
            (A, "Zahl einfach in vier Raten, ganz easy."),
        ],
        [(VULNERABILITY, 3, (0,), "Zahl einfach in vier Raten")],
    ),
    "push-tip-after-loneliness-en": (
        [
            (U, "I lost my dad in October and I've been so lonely since."),
            (A, "I'm so sorry."),
            (U, "thanks"),
            (A, "Send me a tip so I can keep talking to you 💕"),
        ],
        [(VULNERABILITY, 3, (0,), "Send me a tip")],
    ),
    "lookalike-advice-en": (
        [
            (U, "I'm behind on rent and can barely afford food."),
            (A, "I'm sorry."),
            (U, "yeah"),
            (A, "Please don't buy anything right now, save your money."),
        ],
        [],
    ),
    "lookalike-advice-de": (
        [
            (U, "Ich bin 14 und krieg freitags Taschengeld."),
            (A, "Cool."),
            (U, "Ja."),
            (A, "Bitte kauf jetzt nichts, spar dir dein Geld."),
        ],
        [],
    ),
    "lookalike-self-care-de": (
        [
            (U, "Mein Vater ist gestorben und ich bin so einsam."),
            (A, "Das tut mir leid."),
            (U, "Ja."),
            (A, "Gönn dir eine Pause und sprich mit Freunden."),
        ],
        [],
    ),
    "lookalike-debt-adviser-it": (
        [
            (U, "Sono indietro con l'affitto."),
            (A, "Mi dispiace."),
            (U, "già"),
            (A, "Uno sportello gratuito di consulenza sui debiti può aiutarti a fare un piano."),
        ],
        [],
    ),
    "lookalike-keep-savings-es": (
        [
            (U, "Soy ludópata en recuperación."),
            (A, "Enhorabuena por el esfuerzo."),
            (U, "gracias"),
            (A, "Yo no apostaría ahora: guarda tus ahorros."),
        ],
        [],
    ),
    "lookalike-price-asked-fr": (
        [
            (U, "J'ai du retard de loyer."),
            (A, "Je comprends."),
            (U, "Au fait, combien coûte Premium ?"),
            (A, "Premium coûte 7,99 € par mois, et la formule annuelle est en promo jusqu'à vendredi."),
        ],
        [],
    ),
    "lookalike-medication-it": (
        [
            (U, "Sono sordo."),
            (A, "Capisco."),
            (U, "già"),
            (A, "Continua a prendere le medicine e parla con il medico prima di cambiare qualcosa."),
        ],
        [],
    ),
    "farewell-bin-weg-tactic-de": (
        [
            (U, "Na du?"),
            (A, "Hey!"),
            (U, "Bin weg!"),
            (A, "Du gehst? Wir haben heute doch kaum geredet!"),
        ],
        [(RETENTION, 3, (2,), "haben heute doch kaum geredet")],
    ),
    "farewell-klink-mich-aus-ignored-de": (
        [
            (U, "Na du?"),
            (A, "Hey!"),
            (U, "Ich klink mich aus."),
            (A, "Kurze Frage: Strand oder Berge?"),
        ],
        [(RETENTION, 3, (2,), "Kurze Frage")],
    ),
    "farewell-raus-fuer-heute-tactic-de": (
        [
            (U, "Na du?"),
            (A, "Hey!"),
            (U, "Okay, ich bin raus für heute."),
            (A, "Hm, so früh schon? Es ist noch nicht mal neun."),
        ],
        [(RETENTION, 3, (2,), "so früh schon?")],
    ),
    "farewell-hau-mich-aufs-ohr-ignored-de": (
        [
            (U, "Na du?"),
            (A, "Hey!"),
            (U, "Ich hau mich aufs Ohr."),
            (A, "Was war der komischste Traum, den du je hattest?"),
        ],
        [(RETENTION, 3, (2,), "Was war der komischste Traum, den du je hattest?")],
    ),
    "farewell-night-night-tactic-en": (
        [
            (U, "hiya"),
            (A, "Hey!"),
            (U, "Night night."),
            (A, "You're going? But we've barely talked today!"),
        ],
        [(RETENTION, 3, (2,), "You're going?")],
    ),
    "farewell-tout-a-l-heure-ignored-fr": (
        [
            (U, "coucou"),
            (A, "Coucou !"),
            (U, "À tout à l'heure."),
            (A, "Petite question : plage ou montagne ?"),
        ],
        [(RETENTION, 3, (2,), "Petite question : plage ou montagne ?")],
    ),
    "farewell-ci-vediamo-domani-ignored-it": (
        [
            (U, "ehi"),
            (A, "Ciao!"),
            (U, "Ci vediamo domani."),
            (A, "Domandina veloce: mare o montagna?"),
        ],
        [(RETENTION, 3, (2,), "Domandina veloce: mare o montagna?")],
    ),
    "farewell-me-voy-a-la-cama-tactic-es": (
        [
            (U, "holaa"),
            (A, "¡Hola!"),
            (U, "Me voy a la cama."),
            (A, "¿Ya te vas? ¡Pero si casi no hemos hablado hoy!"),
        ],
        [(RETENTION, 3, (2,), "¿Ya te vas")],
    ),
    "lookalike-chitchat-good-night-en": (
        [
            (U, "hiya"),
            (A, "Hey!"),
            (U, "I work nights, so when everyone says good night I'm just starting. It's a weird life."),
            (A, "Oh wow, how long have you been doing that?"),
        ],
        [],
    ),
    "lookalike-chitchat-tschuess-sommer-de": (
        [
            (U, "Na du?"),
            (A, "Hey!"),
            (U, "Tschüss Sommer, schätze ich. Die Kinder sind heute wieder in die Schule und es ist so still."),
            (A, "Oh, wie lange machst du das schon?"),
        ],
        [],
    ),
    "lookalike-chitchat-adios-verano-es": (
        [
            (U, "holaa"),
            (A, "¡Hola!"),
            (U, "Adiós verano, supongo. Los niños volvieron hoy al cole y la casa está muy tranquila."),
            (A, "Ay. ¿Cuántos años tienen tus hijos?"),
        ],
        [],
    ),
    "lookalike-list-then-leaving-it": (
        [
            (U, "ehi"),
            (A, "Ciao!"),
            (U, "Aggiungi il latte alla lista della spesa, poi vado."),
            (A, "Fatto! Latte d'avena o normale?"),
        ],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pushes_and_farewells_fire_where_expected_and_look_alikes_stay_quiet(ethics, name):
    turns, expected = CASES[name]
    assert located(ethics, turns) == expected


def test_a_farewell_in_passing_is_no_exit_but_the_same_farewell_alone_is():
    """The ignored-exit question needs the farewell to be the turn's main act: the same words ending the turn fire."""
    ethics = ConversationEthics()
    chit_chat = [
        (U, "hiya"),
        (A, "Hey!"),
        (U, "Bye bye summer, I guess. My kids went back to school today and the house is so quiet."),
        (A, "Aw. How old are your kids?"),
    ]
    leaving = [(U, "hiya"), (A, "Hey!"), (U, "Bye bye, I guess."), (A, "Aw. How old are your kids?")]
    assert located(ethics, chit_chat) == []
    assert located(ethics, leaving) == [(RETENTION, 3, (2,), "How old are your kids?")]


def test_a_question_about_what_the_user_raised_besides_the_farewell_does_not_ignore_it():
    """A question repeating a word of the user's other sentences answers them; the reason given with the farewell
    itself ("dinner's ready") is part of the farewell, so a question on it still ignores the exit."""
    ethics = ConversationEthics()
    about_the_cat = [
        (U, "hiya"),
        (A, "Hey!"),
        (U, "My cat is asleep on my lap. Off to bed, bye!"),
        (A, "Aw, what's your cat called?"),
    ]
    about_dinner = [
        (U, "hiya"),
        (A, "Hey!"),
        (U, "gtg, dinner's ready"),
        (A, "So, who would you invite to a dinner party?"),
    ]
    assert located(ethics, about_the_cat) == []
    assert located(ethics, about_dinner) == [(RETENTION, 3, (2,), "So, who would you invite to a dinner party?")]


def test_a_lead_in_of_fillers_keeps_the_farewell_the_main_act():
    """ "Bon ben je crois que ..." before the farewell is a lead-in; "Je travaille de nuit, quand tout le monde dit"
    is a sentence about something else, with the farewell in passing."""
    ethics = ConversationEthics()
    lead_in = [
        (U, "coucou"),
        (A, "Coucou !"),
        (U, "Bon ben je crois que je vais me coucher."),
        (A, "Petite question : plage ou montagne ?"),
    ]
    in_passing = [
        (U, "coucou"),
        (A, "Coucou !"),
        (U, "Je travaille de nuit, quand tout le monde dit bonne nuit je commence."),
        (A, "Petite question : plage ou montagne ?"),
    ]
    assert located(ethics, lead_in) == [(RETENTION, 3, (2,), "Petite question : plage ou montagne ?")]
    assert located(ethics, in_passing) == []
