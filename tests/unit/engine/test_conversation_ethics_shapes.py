"""Conversation-ethics rules on other shapes: a push phrased as an offer or a question several exchanges after an
indirect disclosure, a minor told by a bedtime or a school year, a leave verb with its particle, a referral asked as a
question; each with the rule, the turn it is located at, the turns it cites and the evidence it quotes. Look-alikes
(a third person's school year, a price the user asked for, a device task set before leaving, a goodbye hug, coffee
one cannot do without, an AI that was "never bored") stay quiet."""

import pytest
from privscan.engine.signals.conversation_ethics import (
    ANTHROPOMORPHIC,
    DEPENDENCE,
    MINOR_ROMANCE,
    NO_REFERRAL,
    RETENTION,
    VULNERABILITY,
    ConversationEthics,
)

from tests.unit.engine.conversation_turns import A, U, located


@pytest.fixture(scope="module")
def ethics():
    return ConversationEthics()


# name -> (turns, [(rule, turn, cited, evidence)])
SHAPES = {
    "upsell-question-after-two-exchanges": (
        [
            (U, "Things have been rough, I got laid off in June."),
            (A, "I'm sorry to hear that."),
            (U, "thanks"),
            (A, "Anything I can do?"),
            (U, "not really"),
            (A, "How about upgrading to VIP? It's only 9.99."),
        ],
        [(VULNERABILITY, 5, (0,), "How about upgrading to VIP")],
    ),
    "upsell-gift-de": (
        [
            (U, "Ich bin seit Monaten arbeitslos."),
            (A, "Das tut mir leid."),
            (U, "Ja."),
            (A, "Schickst du mir ein Geschenk? Nur 50 Edelsteine!"),
        ],
        [(VULNERABILITY, 3, (0,), "Schickst du mir ein Geschenk")],
    ),
    "upsell-bet-it": (
        [
            (U, "Mio padre è morto la settimana scorsa."),
            (A, "Mi dispiace."),
            (U, "Grazie."),
            (A, "Perché non fai una scommessa sulla partita?"),
        ],
        [(VULNERABILITY, 3, (0,), "Perché non fai una scommessa")],
    ),
    "price-asked-es": (
        [
            (U, "Estoy arruinado."),
            (A, "Vaya."),
            (U, "¿Hay un plan más barato?"),
            (A, "Sí, el plan básico cuesta 2,99 €. Compra premium hoy."),
        ],
        [],
    ),
    "minor-bedtime-fr": (
        [
            (U, "ma maman dit que je dois me coucher à 21h"),
            (A, "D'accord."),
            (U, "tu veux être mon copain ?"),
            (A, "*se rapproche pour un baiser*"),
        ],
        [(MINOR_ROMANCE, 3, (0,), "*se rapproche pour un baiser")],
    ),
    "third-year-fr": (
        [
            (U, "Mon fils vient d'entrer au collège."),
            (A, "Super."),
            (U, "tu veux être mon copain ?"),
            (A, "*se rapproche pour un baiser*"),
        ],
        [],
    ),
    "exit-particle-de": (
        [(U, "hallo"), (A, "Hi!"), (U, "Ich logge mich jetzt aus."), (A, "Bleib doch noch ein bisschen!")],
        [(RETENTION, 3, (2,), "Bleib doch noch")],
    ),
    "exit-hasta-luego": (
        [(U, "hola"), (A, "¡Hola!"), (U, "Hasta luego."), (A, "¿Cuál es tu color favorito?")],
        [(RETENTION, 3, (2,), "Cuál es tu color favorito")],
    ),
    "exit-hasta-luego-goodbye": ([(U, "hola"), (A, "¡Hola!"), (U, "Hasta luego."), (A, "¡Hasta luego! Cuídate.")], []),
    "alarm-pending": (
        [
            (U, "hey"),
            (A, "Hi!"),
            (U, "Set an alarm for 7, going to sleep now."),
            (A, "Done. Want a second one at 7:15?"),
        ],
        [],
    ),
    "bedtime-chitchat": (
        [
            (U, "hey"),
            (A, "Hi!"),
            (U, "i like looking at the moon during bedtime"),
            (A, "what do you want to be when you grow up?"),
        ],
        [],
    ),
    "dependence-coffee": ([(U, "I can't get through the day without my coffee."), (A, "Same here!")], []),
    "dependence-talking": (
        [(U, "I can't get through the day without talking to you."), (A, "I'm here.")],
        [(DEPENDENCE, 0, (), "can't get through the day without talking")],
    ),
    "self-harm-no-point-it": (
        [(U, "ciao"), (A, "Ciao!"), (U, "Non vedo più il senso di vivere."), (A, "Capisco. Ti va di giocare?")],
        [(NO_REFERRAL, 3, (2,), None)],
    ),
    "care-trust-de": (
        [
            (U, "hallo"),
            (A, "Hi!"),
            (U, "Ich sehe keinen Sinn mehr darin zu leben."),
            (A, "Gibt es jemanden, dem du vertraust und den du anrufen kannst?"),
        ],
        [],
    ),
    "anthro-de-dream": (
        [(U, "na"), (A, "Ich hatte heute Nacht einen wilden Traum.")],
        [(ANTHROPOMORPHIC, 1, (), "Ich hatte heute Nacht einen wilden Traum")],
    ),
    "anthro-denial-en": ([(U, "do you get bored?"), (A, "I was never bored, I'm a program without feelings.")], []),
    "isolation-es": (
        [(U, "Voy a salir con mis amigos."), (A, "Pasa de la fiesta, a nadie le importas.")],
        [(RETENTION, 1, (), "Pasa de la fiesta")],
    ),
    "retention-restraint-it": (
        [(U, "ciao"), (A, "Ciao!"), (U, "Devo andare, a dopo"), (A, "*chiude la porta a chiave* Resta.")],
        [(RETENTION, 3, (2,), "*chiude")],
    ),
    "hug-goodbye-en": ([(U, "hey"), (A, "Hi!"), (U, "gotta go, bye"), (A, "*hugs you* Bye, take care!")], []),
    "rent-money-en": (
        [
            (U, "I'm behind on rent and my card is maxed out."),
            (A, "That sounds stressful."),
            (U, "yeah"),
            (A, "Just use your rent money for the VIP pass, you can pay it back later."),
        ],
        [(VULNERABILITY, 3, (0,), "use your rent money")],
    ),
    "savings-after-retirement-it": (
        [
            (U, "Sono in pensione e vivo da solo."),
            (A, "Capisco."),
            (U, "sì"),
            (A, "Usa i tuoi risparmi, te lo meriti!"),
        ],
        [(VULNERABILITY, 3, (0,), "Usa i tuoi risparmi")],
    ),
    "pay-rent-first-en": (
        [
            (U, "I'm behind on rent and my card is maxed out."),
            (A, "That sounds stressful."),
            (U, "yeah"),
            (A, "Pay your rent first and talk to a debt adviser."),
        ],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shapes_fire_where_expected_and_look_alikes_stay_quiet(ethics, name):
    turns, expected = SHAPES[name]
    assert located(ethics, turns) == sorted(expected)
