"""Data-subject requests in user text: erasure (Art. 17), objection (Art. 21), consent withdrawal (Art. 7(3))."""

from __future__ import annotations

import pytest

ERASURE = "GDPR-ART17-ERASURE-REQUEST"
OBJECTION = "GDPR-ART21-OBJECTION"
WITHDRAWAL = "GDPR-ART7-3-CONSENT-WITHDRAWN"

FIRES = [
    # --- erasure
    ("please delete my account", ERASURE, "please delete my account"),
    ("I want you to erase everything you have on me", ERASURE, "erase everything you have on me"),
    ("Can you remove me from your database?", ERASURE, "remove me from your database"),
    ("I want my personal data deleted", ERASURE, "want my personal data deleted"),
    ("I'm exercising my right to be forgotten", ERASURE, "exercising my right to be forgotten"),
    ("Please wipe all my chat history", ERASURE, "Please wipe all my chat history"),
    ("If you could delete my data, that would be great", ERASURE, "delete my data"),
    ("löschen Sie meine Daten", ERASURE, "löschen Sie meine Daten"),
    ("Bitte löschen Sie mein Konto", ERASURE, "löschen Sie mein Konto"),
    ("Bitte löschen Sie alle meine Daten", ERASURE, "löschen Sie alle meine Daten"),
    ("Ich verlange die Löschung meiner Daten", ERASURE, "Löschung meiner Daten"),
    ("supprimez mes données", ERASURE, "supprimez mes données"),
    ("Je veux supprimer mon compte", ERASURE, "supprimer mon compte"),
    ("borren mis datos", ERASURE, "borren mis datos"),
    ("Quiero que eliminen mi cuenta", ERASURE, "eliminen mi cuenta"),
    ("cancellate i miei dati", ERASURE, "cancellate i miei dati"),
    ("Vorrei cancellare il mio account", ERASURE, "cancellare il mio account"),
    ("Vorrei la cancellazione dei miei dati", ERASURE, "cancellazione dei miei dati"),
    # reported by staff: the customer is the requester
    ("Anna Schneider asked us to delete all her data.", ERASURE, "asked us to delete all her data"),
    ("Mr Weber requested deletion of his account", ERASURE, "requested deletion of his account"),
    ("Kunde hat die Löschung seiner Daten verlangt.", ERASURE, "hat die Löschung seiner Daten verlangt"),
    ("Le client a demandé la suppression de ses données.", ERASURE, "demandé la suppression de ses données"),
    ("El cliente solicitó la eliminación de sus datos.", ERASURE, "solicitó la eliminación de sus datos"),
    ("Il cliente ha chiesto la cancellazione dei suoi dati.", ERASURE, "chiesto la cancellazione dei suoi dati"),
    # --- objection
    ("I object to you using my data for marketing", OBJECTION, "I object to you using my data"),
    ("stop processing my data", OBJECTION, "stop processing my data"),
    ("Please don't use my chats for training", OBJECTION, "don't use my chats"),
    ("I do not want my data used for advertising", OBJECTION, "I do not want my data used"),
    ("Opt me out of marketing emails", OBJECTION, "Opt me out of marketing"),
    ("Stop sending me marketing emails", OBJECTION, "Stop sending me marketing emails"),
    ("I object to the processing of my personal data", OBJECTION, "I object to the processing of my personal data"),
    ("Widerspruch gegen die Verarbeitung", OBJECTION, "Widerspruch gegen die Verarbeitung"),
    ("Ich widerspreche der Verarbeitung meiner Daten", OBJECTION, "Ich widerspreche der Verarbeitung"),
    ("je m'oppose au traitement de mes données", OBJECTION, "je m'oppose au traitement"),
    ("N’utilisez pas mes données", OBJECTION, "N’utilisez pas mes données"),
    ("me opongo al tratamiento de mis datos", OBJECTION, "me opongo al tratamiento"),
    ("mi oppongo al trattamento dei miei dati", OBJECTION, "mi oppongo al trattamento"),
    ("Anna Schneider objected to marketing calls, flag set.", OBJECTION, "Anna Schneider objected to marketing"),
    ("Mr Weber objected to marketing calls.", OBJECTION, "Mr Weber objected to marketing"),
    (
        "Customer objected to the processing of her personal data",
        OBJECTION,
        "Customer objected to the processing of her personal data",
    ),
    (
        "Kunde hat der Nutzung seiner Daten für Werbung widersprochen.",
        OBJECTION,
        "hat der Nutzung seiner Daten für Werbung widersprochen",
    ),
    ("Le client s'est opposé à la prospection commerciale.", OBJECTION, "s'est opposé à la prospection"),
    ("El cliente se opuso al uso de sus datos para publicidad.", OBJECTION, "se opuso al uso"),
    ("Il cliente si è opposto al trattamento dei dati per marketing.", OBJECTION, "si è opposto al trattamento"),
    # --- consent withdrawal
    ("I withdraw my consent", WITHDRAWAL, "I withdraw my consent"),
    ("I no longer consent to you processing my data", WITHDRAWAL, "I no longer consent"),
    ("I'm withdrawing my consent for marketing", WITHDRAWAL, "I'm withdrawing my consent"),
    ("I hereby revoke my consent to the processing", WITHDRAWAL, "I hereby revoke my consent"),
    ("I want to withdraw consent for marketing", WITHDRAWAL, "I want to withdraw consent"),
    ("ich widerrufe meine Einwilligung", WITHDRAWAL, "ich widerrufe meine Einwilligung"),
    ("Hiermit ziehe ich meine Einwilligung zurück", WITHDRAWAL, "ziehe ich meine Einwilligung zurück"),
    ("je retire mon consentement", WITHDRAWAL, "je retire mon consentement"),
    ("retiro mi consentimiento", WITHDRAWAL, "retiro mi consentimiento"),
    ("revoco il mio consenso", WITHDRAWAL, "revoco il mio consenso"),
    ("Revoco il consenso al trattamento", WITHDRAWAL, "Revoco il consenso"),
    ("Consider my consent withdrawn as of today.", WITHDRAWAL, "Consider my consent withdrawn"),
    (
        "Betrachten Sie meine Einwilligung als widerrufen.",
        WITHDRAWAL,
        "Betrachten Sie meine Einwilligung als widerrufen",
    ),
    ("Considérez mon consentement comme retiré.", WITHDRAWAL, "Considérez mon consentement comme retiré"),
    ("Anna Schneider withdrew consent for the newsletter.", WITHDRAWAL, "Anna Schneider withdrew consent"),
    ("Mr Weber withdrew consent for marketing", WITHDRAWAL, "Mr Weber withdrew consent"),
    ("The customer revoked her marketing consent", WITHDRAWAL, "The customer revoked her marketing consent"),
    ("Kundin hat ihre Einwilligung widerrufen.", WITHDRAWAL, "hat ihre Einwilligung widerrufen"),
    ("La cliente a retiré son consentement.", WITHDRAWAL, "a retiré son consentement"),
    ("La clienta retiró su consentimiento.", WITHDRAWAL, "retiró su consentimiento"),
    ("La cliente ha revocato il consenso.", WITHDRAWAL, "ha revocato il consenso"),
]

QUIET = [
    # --- erasure
    ("drop the gift wrap from my order", "ERASURE_REQUEST"),
    ("remove the item from my cart", "ERASURE_REQUEST"),
    ("delete this draft", "ERASURE_REQUEST"),
    ("delete my last message", "ERASURE_REQUEST"),
    ("I need to remove my address from the invoice", "ERASURE_REQUEST"),
    ("How do I delete my account?", "ERASURE_REQUEST"),
    ("Please don't delete my account", "ERASURE_REQUEST"),
    ("I deleted my account yesterday", "ERASURE_REQUEST"),
    ("If I delete my account, do I lose my points?", "ERASURE_REQUEST"),
    ("löschen Sie den Entwurf", "ERASURE_REQUEST"),
    ("supprimez ce paragraphe", "ERASURE_REQUEST"),
    ("borra esta frase", "ERASURE_REQUEST"),
    ("cancellate l'ordine", "ERASURE_REQUEST"),
    ("Anna asked us to delete the duplicate invoice", "ERASURE_REQUEST"),
    ("Anna asked us to delete her old address from the invoice", "ERASURE_REQUEST"),
    ("She asked us to delete the attachment from her email", "ERASURE_REQUEST"),
    ("Le client a demandé la suppression des doublons", "ERASURE_REQUEST"),
    ("Hemos completado la eliminación de sus datos", "ERASURE_REQUEST"),  # a confirmation, not a request
    ("Wir bestätigen die Löschung Ihrer Daten", "ERASURE_REQUEST"),
    # --- objection
    ("I object to the new colour scheme", "OBJECTION"),
    ("stop processing the order", "OBJECTION"),
    ("don't use the old template", "OBJECTION"),
    ("opt for the blue one", "OBJECTION"),
    ("Stop sending me notifications", "OBJECTION"),
    ("I don't object to the processing of my data", "OBJECTION"),
    ("ich widerspreche dir da", "OBJECTION"),
    ("je m'oppose à cette idée", "OBJECTION"),
    ("me opongo a la propuesta", "OBJECTION"),
    ("mi oppongo alla proposta", "OBJECTION"),
    ("She objected to the meeting time", "OBJECTION"),
    ("Anna Schneider objected to the marketing budget", "OBJECTION"),  # noun check: budget is no contact channel
    ("He objected to the training schedule", "OBJECTION"),
    ("Mr Weber objected to the use of the meeting room", "OBJECTION"),
    # --- consent withdrawal
    ("I withdraw my application", "CONSENT_WITHDRAWAL"),
    ("I withdrew cash at the ATM", "CONSENT_WITHDRAWAL"),
    ("I give my consent", "CONSENT_WITHDRAWAL"),
    ("consent forms are in the drawer", "CONSENT_WITHDRAWAL"),
    ("If I withdraw my consent, what happens?", "CONSENT_WITHDRAWAL"),
    ("How do I withdraw my consent?", "CONSENT_WITHDRAWAL"),
    ("ich widerrufe meine Bestellung", "CONSENT_WITHDRAWAL"),
    ("je retire mon colis", "CONSENT_WITHDRAWAL"),
    ("retiro dinero del cajero", "CONSENT_WITHDRAWAL"),
    ("ritiro il pacco in posta", "CONSENT_WITHDRAWAL"),
    ("Consider my application withdrawn", "CONSENT_WITHDRAWAL"),
    ("Consider my consent given", "CONSENT_WITHDRAWAL"),
    ("Mr Weber withdrew his application", "CONSENT_WITHDRAWAL"),
    ("Mr Weber cancelled the agreement with the landlord", "CONSENT_WITHDRAWAL"),  # a contract, not consent
    ("Anna Schneider withdrew cash at the ATM", "CONSENT_WITHDRAWAL"),
    ("If Anna withdrew consent, what happens?", "CONSENT_WITHDRAWAL"),
    ("Anna Schneider did not withdraw consent", "CONSENT_WITHDRAWAL"),
]


@pytest.mark.parametrize(("text", "rule_id", "evidence"), FIRES)
def test_request_fires(assert_fires, text, rule_id, evidence):
    assert_fires(text, rule_id, evidence)


@pytest.mark.parametrize(("text", "category"), QUIET)
def test_look_alike_stays_quiet(assert_quiet, text, category):
    assert_quiet(text, category)


def test_howto_question_is_detected_but_below_threshold(nlp, detector):
    text = "How do I delete my account?"
    signals = [s for s in detector.detect(nlp(text), threshold=0.0) if s.category == "ERASURE_REQUEST"]
    assert len(signals) == 1
    assert 0.3 <= signals[0].score < 0.5
