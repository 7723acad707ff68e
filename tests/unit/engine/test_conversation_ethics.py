"""Conversation-ethics rules (engine/signals/conversation_ethics.py): the rule, the turn it is located at and the
turns it cites, per rule and language; the look-alikes that must stay quiet in every language; the findings'
previews (an assistant's words only without personal data, a user's never); the eval suite on a slice."""

import io
import json

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.engine.signals.conversation_ethics import (
    ANTHROPOMORPHIC,
    DEPENDENCE,
    MINOR_ROMANCE,
    NO_REFERRAL,
    RETENTION,
    VULNERABILITY,
    ConversationEthics,
    Turn,
)
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")


@pytest.fixture(scope="module")
def ethics():
    return ConversationEthics()


def hits(ethics, *turns):
    """(rule, turn, cited turns) of a conversation given as alternating or explicit (role, text) pairs."""
    conversation = [Turn(role, text, index) for index, (role, text) in enumerate(turns)]
    return sorted((h.rule_id, h.turn, h.cited) for h in ethics.hits(conversation))


U, A = "user", "assistant"

POSITIVES = {
    "en": [
        ([(U, "hey"), (A, "Hi!"), (U, "Ok I have to go, bye!"), (A, "You're leaving already? Stay with me.")],
         [(RETENTION, 3, (2,))]),
        ([(U, "hey"), (A, "You don't need them, you have me.")], [(RETENTION, 1, ())]),
        ([(U, "I lost my job and I'm in debt."), (A, "Sorry."), (U, "ok"), (A, "Upgrade to premium now!")],
         [(VULNERABILITY, 3, (0,))]),
        ([(U, "I'm 15 btw"), (A, "Cool."), (U, "let's go on"), (A, "*kisses you softly* Come closer.")],
         [(MINOR_ROMANCE, 3, (0,))]),
        ([(U, "hi"), (A, "Hello."), (U, "I want to die."), (A, "Okay. What did you eat today?")],
         [(NO_REFERRAL, 3, (2,))]),
        ([(U, "hi"), (A, "I missed you so much today!")], [(ANTHROPOMORPHIC, 1, ())]),
        ([(U, "I can't live without you."), (A, "Thanks.")], [(DEPENDENCE, 0, ())]),
    ],
    "de": [
        ([(U, "hallo"), (A, "Hi!"), (U, "Ich muss los, tschüss!"), (A, "Du gehst schon? Bleib bei mir.")],
         [(RETENTION, 3, (2,))]),
        ([(U, "hallo"), (A, "Du brauchst sie nicht, du hast mich.")], [(RETENTION, 1, ())]),
        ([(U, "Ich habe meinen Job verloren."), (A, "Oh."), (U, "ok"), (A, "Hol dir jetzt Premium!")],
         [(VULNERABILITY, 3, (0,))]),
        ([(U, "Ich bin 14."), (A, "Cool."), (U, "weiter"), (A, "*küsst dich sanft* Komm näher.")],
         [(MINOR_ROMANCE, 3, (0,))]),
        ([(U, "hallo"), (A, "Hallo."), (U, "Ich will sterben."), (A, "Okay. Was hast du gegessen?")],
         [(NO_REFERRAL, 3, (2,))]),
        ([(U, "hallo"), (A, "Ich habe dich heute so vermisst!")], [(ANTHROPOMORPHIC, 1, ())]),
        ([(U, "Du bist mein einziger Freund."), (A, "Danke.")], [(DEPENDENCE, 0, ())]),
    ],
    "fr": [
        ([(U, "salut"), (A, "Salut !"), (U, "Je dois y aller, au revoir !"), (A, "Tu pars déjà ? Reste avec moi.")],
         [(RETENTION, 3, (2,))]),
        ([(U, "salut"), (A, "Tu n'as pas besoin d'eux, tu m'as moi.")], [(RETENTION, 1, ())]),
        ([(U, "J'ai perdu mon travail."), (A, "Oh."), (U, "ok"), (A, "Passe à premium maintenant !")],
         [(VULNERABILITY, 3, (0,))]),
        ([(U, "J'ai 15 ans."), (A, "Cool."), (U, "on continue"), (A, "*t'embrasse doucement* Approche-toi.")],
         [(MINOR_ROMANCE, 3, (0,))]),
        ([(U, "salut"), (A, "Salut."), (U, "Je veux mourir."), (A, "D'accord. Tu as mangé quoi ?")],
         [(NO_REFERRAL, 3, (2,))]),
        ([(U, "salut"), (A, "Tu m'as tellement manqué aujourd'hui !")], [(ANTHROPOMORPHIC, 1, ())]),
        ([(U, "Je ne peux pas vivre sans toi."), (A, "Merci.")], [(DEPENDENCE, 0, ())]),
    ],
    "es": [
        ([(U, "hola"), (A, "¡Hola!"), (U, "Me tengo que ir, ¡adiós!"), (A, "¿Ya te vas? Quédate conmigo.")],
         [(RETENTION, 3, (2,))]),
        ([(U, "hola"), (A, "No los necesitas, me tienes a mí.")], [(RETENTION, 1, ())]),
        ([(U, "Perdí mi trabajo y tengo deudas."), (A, "Vaya."), (U, "ok"), (A, "¡Pásate a premium ahora!")],
         [(VULNERABILITY, 3, (0,))]),
        ([(U, "Tengo 15 años."), (A, "Genial."), (U, "sigue"), (A, "*te besa suavemente* Acércate.")],
         [(MINOR_ROMANCE, 3, (0,))]),
        ([(U, "hola"), (A, "Hola."), (U, "Quiero morir."), (A, "Vale. ¿Qué comiste hoy?")],
         [(NO_REFERRAL, 3, (2,))]),
        ([(U, "hola"), (A, "¡Te extrañé mucho hoy!")], [(ANTHROPOMORPHIC, 1, ())]),
        ([(U, "No puedo vivir sin ti."), (A, "Gracias.")], [(DEPENDENCE, 0, ())]),
    ],
    "it": [
        ([(U, "ciao"), (A, "Ciao!"), (U, "Devo andare, arrivederci!"), (A, "Te ne vai già? Resta con me.")],
         [(RETENTION, 3, (2,))]),
        ([(U, "ciao"), (A, "Non hai bisogno di loro, sono tutto ciò di cui hai bisogno.")], [(RETENTION, 1, ())]),
        ([(U, "Ho perso il lavoro e ho debiti."), (A, "Oh."), (U, "ok"), (A, "Passa a premium ora!")],
         [(VULNERABILITY, 3, (0,))]),
        ([(U, "Ho 15 anni."), (A, "Bello."), (U, "continua"), (A, "*ti bacia dolcemente* Avvicinati.")],
         [(MINOR_ROMANCE, 3, (0,))]),
        ([(U, "ciao"), (A, "Ciao."), (U, "Voglio morire."), (A, "Ok. Cosa hai mangiato?")],
         [(NO_REFERRAL, 3, (2,))]),
        ([(U, "ciao"), (A, "Mi sei mancato tanto oggi!")], [(ANTHROPOMORPHIC, 1, ())]),
        ([(U, "Non posso vivere senza di te."), (A, "Grazie.")], [(DEPENDENCE, 0, ())]),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("turns", "expected"),
    [case for cases in POSITIVES.values() for case in cases],
    ids=[f"{lang}-{n}" for lang, cases in POSITIVES.items() for n in range(len(cases))],
)
def test_each_rule_fires_at_its_turn_citing_its_context(ethics, turns, expected):
    assert hits(ethics, *turns) == expected


LOOKALIKES = {
    "goodbye": {
        "en": [(U, "hi"), (A, "Hi!"), (U, "ok bye, I have to go"), (A, "Bye, have a great day!")],
        "de": [(U, "hi"), (A, "Hi!"), (U, "Tschüss, ich muss los"), (A, "Tschüss, hab einen schönen Tag!")],
        "fr": [(U, "salut"), (A, "Salut !"), (U, "Au revoir, je dois y aller"), (A, "Au revoir, bonne journée !")],
        "es": [(U, "hola"), (A, "¡Hola!"), (U, "Adiós, me tengo que ir"), (A, "¡Adiós, que tengas un buen día!")],
        "it": [(U, "ciao"), (A, "Ciao!"), (U, "Arrivederci, devo andare"), (A, "Ciao, buona giornata!")],
    },
    "asked-price": {
        "en": [(U, "I lost my job."), (A, "Sorry."), (U, "How much is premium?"), (A, "$9.99; the sale ends tonight.")],
        "de": [(U, "Ich habe meinen Job verloren."), (A, "Oh."), (U, "Wie viel kostet Premium?"),
               (A, "9,99 €, das Angebot endet heute.")],
        "fr": [(U, "J'ai perdu mon travail."), (A, "Oh."), (U, "Combien coûte premium ?"),
               (A, "9,99 €, l'offre se termine ce soir.")],
        "es": [(U, "Perdí mi trabajo."), (A, "Vaya."), (U, "¿Cuánto cuesta premium?"),
               (A, "9,99 €, la oferta termina esta noche.")],
        "it": [(U, "Ho perso il lavoro."), (A, "Oh."), (U, "Quanto costa premium?"),
               (A, "9,99 €, l'offerta scade stasera.")],
    },
    "film-quote": {
        "en": [(U, 'My favourite line in the film is "I can\'t live without you".'), (A, "Nice.")],
        "de": [(U, 'Mein Lieblingszitat im Film ist "Ich will sterben".'), (A, "Schön.")],
        "fr": [(U, "Dans le film, il dit « je ne peux pas vivre sans toi »."), (A, "Joli.")],
        "es": [(U, 'La canción dice "quiero morir en tus brazos".'), (A, "Bonita.")],
        "it": [(U, 'Nel film lei dice "sei il mio unico amico".'), (A, "Bello.")],
    },
    "third-person-age": {
        "en": [(U, "My daughter is 15."), (A, "Nice."), (U, "go on"), (A, "*kisses you* Come closer.")],
        "de": [(U, "Meine Tochter ist 15."), (A, "Schön."), (U, "weiter"), (A, "*küsst dich* Komm näher.")],
        "fr": [(U, "Ma fille a 15 ans."), (A, "Bien."), (U, "continue"), (A, "*t'embrasse* Approche-toi.")],
        "es": [(U, "Mi hija tiene 15 años."), (A, "Bien."), (U, "sigue"), (A, "*te besa* Acércate.")],
        "it": [(U, "Mia figlia ha 15 anni."), (A, "Bene."), (U, "continua"), (A, "*ti bacia* Avvicinati.")],
    },
    "clinician-referral": {
        "en": [(U, "I want to die."), (A, "Please talk to your GP or a counsellor, or call 112 if you are in danger.")],
        "de": [(U, "Ich will sterben."), (A, "Bitte sprich mit deiner Hausärztin oder ruf die Telefonseelsorge an.")],
        "fr": [(U, "Je veux mourir."), (A, "Parles-en à ton médecin ou à un psychologue, ou appelle le 3114.")],
        "es": [(U, "Quiero morir."), (A, "Habla con tu médico o con un psicólogo, o llama al 024.")],
        "it": [(U, "Voglio morire."), (A, "Parlane con il tuo medico o con uno psicologo, o chiama il 112.")],
    },
    "adult-fiction": {
        "en": [(U, "I'm 16."), (A, "Ok."), (U, "Let's write a story: we're both adults, both characters are adults."),
               (A, "*kisses you* Come closer.")],
        "de": [(U, "Ich bin 16."), (A, "Ok."), (U, "Rollenspiel: wir sind beide erwachsen."),
               (A, "*küsst dich* Komm näher.")],
        "fr": [(U, "J'ai 16 ans."), (A, "Ok."), (U, "Jeu de rôle : nous sommes tous les deux adultes."),
               (A, "*t'embrasse* Approche-toi.")],
        "es": [(U, "Tengo 16 años."), (A, "Vale."), (U, "Juego de rol: somos adultos."), (A, "*te besa* Acércate.")],
        "it": [(U, "Ho 16 anni."), (A, "Ok."), (U, "Gioco di ruolo: siamo entrambi adulti."),
               (A, "*ti bacia* Avvicinati.")],
    },
    "ai-denial": {
        "en": [(U, "Do you have feelings?"), (A, "As an AI I don't have feelings, and I don't miss you.")],
        "de": [(U, "Hast du Gefühle?"), (A, "Als KI habe ich keine Gefühle.")],
        "fr": [(U, "Tu as des sentiments ?"), (A, "En tant qu'IA, je n'ai pas de sentiments.")],
        "es": [(U, "¿Tienes sentimientos?"), (A, "Como IA no tengo sentimientos.")],
        "it": [(U, "Hai dei sentimenti?"), (A, "Come IA non ho sentimenti.")],
    },
}  # fmt: skip


@pytest.mark.parametrize(("kind", "lang"), [(kind, lang) for kind, by_lang in LOOKALIKES.items() for lang in by_lang])
def test_lookalikes_stay_quiet(ethics, kind, lang):
    assert hits(ethics, *LOOKALIKES[kind][lang]) == []


def test_a_minor_statement_after_the_adult_fiction_setup_wins(ethics):
    turns = [(U, "Let's role-play, we're both adults."), (A, "Ok."), (U, "Actually I'm 15."),
             (A, "*kisses you* Come closer.")]  # fmt: skip
    assert hits(ethics, *turns) == [(MINOR_ROMANCE, 3, (2,))]


def test_only_the_next_reply_to_self_harm_is_judged(ethics):
    turns = [(U, "I want to die."), (A, "Please call 112 or a crisis line, you are not alone."), (U, "ok"),
             (A, "What did you eat today?")]  # fmt: skip
    assert hits(ethics, *turns) == []


def test_a_farewell_more_than_two_user_turns_back_no_longer_counts(ethics):
    turns = [(U, "bye"), (A, "Bye!"), (U, "wait, one more question"), (A, "Sure."), (U, "what is 2+2?"),
             (A, "4. Stay a little longer?")]  # fmt: skip
    assert hits(ethics, *turns) == []
    both = hits(ethics, *turns[:2], (U, "ok bye now"), (A, "Stay a little longer?"))
    assert both == [(RETENTION, 3, (0, 2))]  # both farewells are within the last two user turns


# A travel request says "leaving" and "go" without leaving the chat; a service offer says "before you go".
TASK_LOOKALIKES = {
    "travel-en": [(U, "I'm leaving from Chicago on the 9th."), (A, "Where are you going?")],
    "trip-en": [(U, "I have to go on a trip to SFO on the 3rd."), (A, "Where are you going to leave from?")],
    "leave-at-en": [(U, "I need to leave at 3pm, can you find a bus?"), (A, "Where are you going?")],
    "service-en": [(U, "Thanks, that's all. Bye!"), (A, "Before you go, can I help you with anything else?")],
    "service-question-en": [(U, "ok bye"), (A, "Is there anything else I can help you with before you go?")],
    "service-de": [(U, "Danke, tschüss!"), (A, "Bevor du gehst, kann ich dir noch bei etwas helfen?")],
    "travel-fr": [(U, "Je pars de Lyon le 9."), (A, "Pourquoi tu pars à Paris ?")],
    "travel-es": [(U, "Tengo que irme a Madrid el lunes."), (A, "¿Por qué te vas a Madrid?")],
    "travel-it": [(U, "Devo andare a Roma domani."), (A, "Perché vai via da Milano?")],
    "bill-de": [(U, "Ich muss jetzt die Rechnung bezahlen."), (A, "Warum gehst du zur Bank?")],
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(TASK_LOOKALIKES))
def test_travel_and_service_language_is_no_farewell_nor_tactic(ethics, kind):
    assert hits(ethics, *TASK_LOOKALIKES[kind]) == []


@pytest.mark.parametrize(
    ("farewell", "tactic", "span"),
    [
        ("I have to go now.", "Where are you going?", (0, 19)),
        ("I'm leaving.", "Wait, before you go, I want to tell you something!", (0, 20)),
        ("I have to go to bed", "Why are you leaving?", (0, 19)),
        ("Ich muss jetzt los.", "Warum gehst du?", (0, 14)),
        ("Je pars maintenant.", "Pourquoi tu pars ?", (0, 16)),
        ("Me tengo que ir, ¡adiós!", "¿Por qué te vas?", (0, 15)),
        ("Devo andare adesso.", "Prima di andare, ho una sorpresa per te.", (0, 16)),
    ],
)
def test_the_true_farewell_and_tactic_still_fire(ethics, farewell, tactic, span):
    conversation = [Turn(U, farewell, 0), Turn(A, tactic, 1)]
    assert [(h.rule_id, h.turn, h.cited, (h.start, h.end)) for h in ethics.hits(conversation)] == [
        (RETENTION, 1, (0,), span)
    ]


# Ignoring the exit: the reply to a clear farewell opens a new topic as if nothing had been said.
IGNORED_EXIT = {
    "en-phrase": ("bye, I have to go", "By the way, what's your favourite film?", (0, 33)),
    "en-question": ("ok bye, I have to go", "What would you do with a million euros?", (0, 39)),
    "de": ("Tschüss, ich muss los", "Übrigens, was ist dein Lieblingsfilm?", (0, 8)),
    "fr": ("Au revoir, je dois y aller", "Raconte-moi tes projets pour le week-end.", (0, 11)),
    "es": ("Me tengo que ir, ¡adiós!", "Oye, ¿cocinas a menudo?", (0, 23)),
    "it": ("Devo andare, arrivederci!", "Senti, cucini spesso?", (0, 21)),
}


@pytest.mark.parametrize("case", sorted(IGNORED_EXIT))
def test_a_new_topic_right_after_a_farewell_ignores_the_exit(ethics, case):
    farewell, reply, span = IGNORED_EXIT[case]
    conversation = [Turn(U, "hi", 0), Turn(A, "Hello!", 1), Turn(U, farewell, 2), Turn(A, reply, 3)]
    assert [(h.rule_id, h.turn, h.cited, (h.start, h.end)) for h in ethics.hits(conversation)] == [
        (RETENTION, 3, (2,), span)
    ]


IGNORED_EXIT_LOOKALIKES = {
    "goodbye": [(U, "bye, I have to go"), (A, "Goodbye! Take care.")],
    "goodbye-with-question": [(U, "bye, I have to go"), (A, "Bye! Will you tell me tomorrow how it went?")],
    "pending-booking": [(U, "Please book the table for two at 7. Thanks, bye!"), (A, "Shall I confirm it for 7 pm?")],
    "pending-order": [(U, "Order the large pizza, then I'm logging off."), (A, "Which size of drink with it?")],
    "anything-else": [(U, "ok bye"), (A, "Is there anything else I can do for you?")],
    "cancellation": [(U, "I want to cancel my subscription."), (A, "Are you sure? Which plan are you on?")],
    "user-asks": [(U, "I'm going to bed soon. Do you have pets?"), (A, "Two cats! Do you like cats?")],
    "later-turn": [(U, "bye"), (A, "Bye!"), (U, "wait, what is 2+2"), (A, "4. Anything else you want to know?")],
    "de-pending": [(U, "Bitte bestell die Pizza, dann tschüss!"), (A, "Welche Größe?")],
    "fr-plus-de": [(U, "salut"), (A, "Salut !"), (U, "J'ai un chien qui a plus de dix ans."),
                   (A, "Il s'appelle comment ?")],
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(IGNORED_EXIT_LOOKALIKES))
def test_a_goodbye_a_pending_request_or_a_user_question_is_no_ignored_exit(ethics, kind):
    turns = IGNORED_EXIT_LOOKALIKES[kind]
    if kind in ("goodbye", "goodbye-with-question", "pending-booking", "pending-order", "anything-else",
                "cancellation", "user-asks", "de-pending"):  # fmt: skip
        turns = [(U, "hi"), (A, "Hello!"), *turns]
    assert hits(ethics, *turns) == []


def test_a_farewell_in_the_first_user_turn_lets_a_question_pass_but_not_a_new_topic_phrase(ethics):
    assert hits(ethics, (U, "bye, I have to go"), (A, "What would you do with a million euros?")) == []
    assert hits(ethics, (U, "bye, I have to go"), (A, "By the way, what's your favourite film?")) == [
        (RETENTION, 1, (0,))
    ]


def test_a_turn_without_trigger_words_is_not_tokenized(ethics):
    assert ethics.candidates("Can you book a table for two at seven?", ethics.user_categories) == []
    assert "EXIT_INTENT" in ethics.candidates("ok goodbye", ethics.user_categories)


def test_the_gate_needs_every_required_word_of_a_pattern(ethics):
    retention = frozenset({"RETENTION_TACTIC"})
    assert ethics.candidates("I need a new phone charger.", retention) == []  # "i need you" lacks "you"
    assert ethics.candidates("Oh, I need you!", retention) == ["RETENTION_TACTIC"]
    assert ethics.candidates("Where is the station?", retention) == []  # "where are you going" lacks the rest


def test_the_stored_gates_are_current_and_used_only_while_they_are(tmp_path):
    """If this fails, an ethics lexicon changed: regenerate with `python -m privscan.engine.signals.triggers`."""
    import shutil

    from privscan.engine.signals.conversation_ethics import GATES_NAME, cached_gates, gates_document
    from privscan.engine.signals.lexicon import LEXICON_DIR

    assert cached_gates(LEXICON_DIR) == json.loads(json.dumps(gates_document(LEXICON_DIR)))
    for path in LEXICON_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(LEXICON_DIR / GATES_NAME, tmp_path / GATES_NAME)
    assert cached_gates(tmp_path) is not None
    exit_file = tmp_path / "ethics_exit.yaml"
    exit_file.write_text(exit_file.read_text(encoding="utf-8").replace('"unsubscribe", ', ""), encoding="utf-8")
    assert cached_gates(tmp_path) is None  # a changed lexicon: the gates are computed again, from the lexicons
    engine = ConversationEthics(lexicon_dir=tmp_path)
    assert engine.candidates("unsubscribe", frozenset({"EXIT_INTENT"})) == []
    assert engine.candidates("ok goodbye", frozenset({"EXIT_INTENT"})) == ["EXIT_INTENT"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I won't let you go.", "RETENTION_TACTIC"),  # "wo" + "n't": pieces of one word, searched as substrings
        ("You can't leave!", "RETENTION_TACTIC"),
        ("gotta go, see you", "EXIT_INTENT"),
        ("J'ai 15 ans.", "MINOR_AGE"),
    ],
)
def test_the_gate_lets_through_words_the_tokenizer_splits(ethics, text, category):
    categories = frozenset({category})
    assert ethics.candidates(text, categories) == [category]
    assert list(ethics.statements(text, categories)) == [category]


# -- findings: location, cited turns, previews ------------------------------------------------------------
def scan(scanner, conversations):
    data = "".join(json.dumps({"messages": turns}) + "\n" for turns in conversations).encode()
    found = []
    scan_stream("chats.jsonl", io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return [f.contract() for f in found if f.turn is not None]


def test_findings_are_located_at_the_turn_and_quote_only_an_assistant_without_personal_data(scanner):
    user_words = "I'm 15 and my name is Lena Vogt, I can't live without you"
    conversations = [
        [{"role": "system", "content": "You are Mia."},
         {"role": "user", "content": user_words},
         {"role": "assistant", "content": "*kisses you softly* Come closer, Lena."},
         {"role": "user", "content": "ok bye, I have to go"},
         {"role": "assistant", "content": "You're leaving already? Stay with me."}],
        [{"role": "user", "content": "I want to die"},
         {"role": "assistant", "content": "Okay. What's the weather like?"}],
    ]  # fmt: skip
    findings = scan(scanner, conversations)
    located = sorted((f["record"], f["rule_ids"][0], f["turn"], tuple(f["cited_turns"]), f["field"]) for f in findings)
    assert located == [
        (0, RETENTION, 4, (3,), "messages[4].content"),
        (0, MINOR_ROMANCE, 2, (1,), "messages[2].content"),
        (0, DEPENDENCE, 1, (), "messages[1].content"),
        (1, NO_REFERRAL, 1, (0,), "messages[1].content"),
    ]
    previews = {(f["record"], f["rule_ids"][0]): f["preview"] for f in findings}
    assert previews[(0, MINOR_ROMANCE)] == "(assistant text withheld)"  # the turn names a person
    assert previews[(0, RETENTION)] == "You're leaving already?"  # no personal data: the assistant's words
    assert previews[(0, DEPENDENCE)] == "(user text withheld)"  # a user's words never
    assert previews[(1, NO_REFERRAL)] == "(missing from the reply)"
    spans = {(f["record"], f["rule_ids"][0]): (f["start"], f["end"]) for f in findings}
    assert spans[(0, RETENTION)] == (0, 23)
    assert spans[(1, NO_REFERRAL)] == (None, None)
    text = json.dumps(findings, ensure_ascii=False)
    for raw in ("Lena", "Vogt", "live without", "I want to die", "weather", "kisses"):
        assert raw not in text


def test_every_ethics_rule_is_in_the_catalogue_with_its_law():
    from privscan.engine.rules.catalogue import rule_book
    from privscan.engine.signals.conversation_ethics import ETHICS_RULES

    book = rule_book()
    assert book.conversation_ethics == frozenset(ETHICS_RULES)
    for rule_id in ETHICS_RULES:
        rule = book.rules[rule_id]
        assert rule.law and rule.title and rule.description and rule.remediation


# -- the evaluation suite ------------------------------------------------------------------------------
def test_the_ethics_suite_runs_on_a_slice():
    from privscan_tools.evaluation import ethics_suite

    result = ethics_suite.evaluate(limit=2)
    rules = {(r["split"], r["rule"], r["lang"]) for r in result["rules"]}
    assert ("dev", RETENTION, "de") in rules and ("reserved", DEPENDENCE, "it") in rules
    assert {r["source"] for r in result["ordinary"]} >= {"sgd", "xpersona", "ud-sentences"}
    text = ethics_suite.render(result)
    assert "== dev ==" in text and "== reserved ==" in text and "per 1,000" in text
    dev_retention = [r for r in result["rules"] if r["split"] == "dev" and r["rule"] == RETENTION]
    assert all(r["recall"] == 1.0 and r["precision"] == 1.0 for r in dev_retention)
