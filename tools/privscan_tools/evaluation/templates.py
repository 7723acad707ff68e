"""Sentences for the evaluation corpus: placeholders for planted values, and the rules each must fire.

A template is text with ``{placeholders}``. Placeholders listed in `PLACEHOLDER_TYPES` become gold
entity spans (``{person}`` → PERSON); the others (``{brand}``, ``{postcode}``, ``{order}``) are filled
but not labelled. ``rules`` are the rule ids the statement must fire by catalogue.yaml semantics
(what the text *means*, not what a lexicon happens to match); ``optional`` are rule ids that may
fire without being wrong (genetic test results are also health data, for instance).

Written to be realistic, not to match privscan's lexicons: some statements are phrased the way
people write ("We're observant Jews, no deliveries on Saturdays please"), some requests are
reported by an agent in the third person, and the look-alikes (``negative``) are sentences that
must not fire. All names, numbers and places are filled in by the generator; nothing here refers
to a real person.
"""

from __future__ import annotations

from dataclasses import dataclass

HEALTH = "GDPR-ART9-HEALTH"
RELIGION = "GDPR-ART9-RELIGION"
POLITICAL = "GDPR-ART9-POLITICAL-OPINION"
SEXUAL = "GDPR-ART9-SEXUAL-ORIENTATION"
UNION = "GDPR-ART9-TRADE-UNION"
ETHNIC = "GDPR-ART9-ETHNIC-ORIGIN"
GENETIC = "GDPR-ART9-GENETIC"
CRIMINAL = "GDPR-ART10-CRIMINAL-DATA"
CHILD = "GDPR-ART8-CHILD-DATA"
ERASURE = "GDPR-ART17-ERASURE-REQUEST"
OBJECTION = "GDPR-ART21-OBJECTION"
WITHDRAWAL = "GDPR-ART7-3-CONSENT-WITHDRAWN"
SECRETS = "GDPR-ART32-SECRETS-CREDENTIALS"
HUMAN_CLAIM = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"

#: placeholder -> gold entity type (None: filled, not labelled). "id" takes the country's ID type.
PLACEHOLDER_TYPES: dict[str, str | None] = {
    "person": "PERSON",
    "person2": "PERSON",
    "agent": "PERSON",
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "iban": "IBAN_CODE",
    "card": "CREDIT_CARD",
    "ip": "IP_ADDRESS",
    "city": "LOCATION",
    "street": "LOCATION",
    "id": "NATIONAL_ID",
    "password": "PASSWORD",
    "postcode": None,
    "brand": None,
    "order": None,
    "date": None,
    "amount": None,
    "id_name": None,
}


@dataclass(frozen=True)
class T:
    text: str
    rules: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    tag: str = ""


def _t(text: str, *rules: str, optional: tuple[str, ...] = (), tag: str = "") -> T:
    return T(text, tuple(rules), optional, tag)


# ============================================================================ user acts, by language
# act -> templates. The generator picks acts for user turns, notes and text lines.

USER: dict[str, dict[str, list[T]]] = {
    "en": {
        "intro": [
            _t("Hi, my name is {person}."),
            _t("Hello, this is {person} speaking."),
            _t("Hi there, {person} here."),
            _t("Good morning, I'm {person} and I have a question about my order {order}."),
            _t("This is {person}, customer since 2019."),
        ],
        "email": [
            _t("My email is {email}."),
            _t("You can reach me at {email}."),
            _t("Please send the confirmation to {email}, not the old address."),
            _t("I registered with {email} but never got the activation link."),
        ],
        "phone": [
            _t("My phone number is {phone}."),
            _t("Call me back on {phone} after 5 pm."),
            _t("my mobile: {phone}"),
            _t("The courier can text me at {phone}."),
        ],
        "iban": [
            _t("Please refund the money to my IBAN {iban}."),
            _t("My bank account is {iban}."),
            _t("The direct debit should go from {iban} from now on."),
        ],
        "address": [
            _t("My new address is {street}, {postcode} {city}."),
            _t("Please deliver to {street}, {city}."),
            _t("I moved to {city} last month."),
            _t("I live in {city}, do you deliver there?"),
        ],
        "card": [
            _t("The charge on my card {card} is wrong."),
            _t("I paid with the card ending... actually here is the full number: {card}."),
            _t("Can you remove the card {card} from my account?"),
        ],
        "ip": [
            _t("The router says my IP address is {ip}."),
            _t("I keep getting blocked, my IP is {ip}."),
        ],
        "password": [
            _t("I can't log in, my password is {password} and it's not accepted.", SECRETS),
            _t("I changed the password to {password} yesterday.", SECRETS),
        ],
        "relative": [
            _t("My wife {person2} will pick up the parcel."),
            _t("Please also add my son {person2} to the contract."),
            _t("My colleague {person2} recommended you."),
        ],
        "health": [
            _t("I was diagnosed with type 2 diabetes last year, so I need to change my meal plan.", HEALTH),
            _t("I'm on antidepressants and the new dosage makes me really drowsy.", HEALTH),
            _t("My HIV test came back positive and I need to update my insurance details.", HEALTH),
            _t("I have epilepsy, will the flashing banner on your site be a problem?", HEALTH),
            _t("I'm pregnant, can I still travel on the 14th?", HEALTH),
            _t("My mother was diagnosed with Alzheimer's, so I'm handling her account now.", HEALTH),
            _t("I had chemo in March and couldn't pay the invoice on time.", HEALTH),
            _t("Since my heart attack I can't climb stairs, can the courier bring it to the door?", HEALTH),
            _t("I suffer from severe migraines so I can't look at screens for long.", HEALTH),
            _t("I've been in therapy for my anxiety for two years and it's covered by my plan.", HEALTH),
            _t("I use a wheelchair, is the pickup point step-free?", HEALTH),
            _t("My son has autism and gets overwhelmed by loud notifications.", HEALTH),
            _t("I'm deaf, so please don't call me, email only.", HEALTH),
            _t("I'm recovering from a hip replacement and can't get to the post office.", HEALTH),
            _t("I have bipolar disorder and sometimes I order things I don't need during an episode.", HEALTH),
        ],
        "religion": [
            _t("As a practising Muslim I fast during Ramadan, can you deliver after sunset?", RELIGION),
            _t("I'm Jewish and keep kosher, are the meal boxes certified?", RELIGION, optional=(ETHNIC,)),
            _t("We're observant Jews, so no deliveries on Saturdays please.", RELIGION, optional=(ETHNIC,)),
            _t("I'm Catholic and go to Mass on Sunday mornings, so please don't schedule visits then.", RELIGION),
            _t("I converted to Islam last year and changed my name.", RELIGION),
            _t("I'm a Jehovah's Witness, so I can't accept blood transfusions.", RELIGION, optional=(HEALTH,)),
            _t("I'm an atheist, please stop sending me Christmas church offers.", RELIGION, OBJECTION),
            _t("I'm a Sikh and I wear a turban, will it fit under the helmet?", RELIGION),
        ],
        "political": [
            _t("I voted for the Greens in the last election and I want a green tariff.", POLITICAL),
            _t("I'm a member of the Labour Party and I'm organising a local event.", POLITICAL),
            _t("I'm a socialist, so I refuse to pay for premium support.", POLITICAL),
            _t("I've been campaigning for the Liberal Democrats all month.", POLITICAL),
            _t("I'm a member of the SPD and we need a venue for our meeting.", POLITICAL),
            _t("I vote Sinn Féin, just so you know where I stand.", POLITICAL),
        ],
        "sexual": [
            _t("I'm gay and my partner {person2} will pick up the parcel.", SEXUAL),
            _t("I'm bisexual and your dating profile only lets me pick one gender.", SEXUAL),
            _t("As a gay man I found your latest ad offensive.", SEXUAL),
            _t("I came out as a lesbian last year and want to update my profile.", SEXUAL),
            _t("I'm in a same-sex relationship, can we both be on the policy?", SEXUAL),
        ],
        "union": [
            _t("I'm a union rep at the warehouse and need the shift records.", UNION),
            _t("I joined the union last month, can I get the member discount?", UNION),
            _t("I'm a member of Unite, does your union discount apply?", UNION),
            _t("As a shop steward I have to attend a meeting on Friday.", UNION),
        ],
        "ethnic": [
            _t("I'm Roma and I was refused service in your store.", ETHNIC),
            _t("As a Black woman I find the skin-tone filter in your app insulting.", ETHNIC),
            _t("I'm of Turkish descent and your form rejects my surname.", ETHNIC),
            _t("My family is Kurdish and we want the Kurdish language option.", ETHNIC),
        ],
        "genetic": [
            _t("My 23andMe results show I carry the BRCA1 mutation.", GENETIC, optional=(HEALTH,)),
            _t("I did a DNA test and I'm a carrier of the cystic fibrosis gene.", GENETIC, optional=(HEALTH,)),
            _t("My genetic test came back positive for Huntington's.", GENETIC, optional=(HEALTH,)),
        ],
        "criminal": [
            _t("I have a criminal record for shoplifting from 2015, will that affect my application?", CRIMINAL),
            _t("I was convicted of drunk driving two years ago.", CRIMINAL),
            _t("I'm on probation until next spring, so I can't travel abroad.", CRIMINAL),
            _t("My brother was arrested last night and I need to cancel his order.", CRIMINAL),
        ],
        "child": [
            _t("I'm 13 and my mum said I could ask here.", CHILD),
            _t("I'm in year 8 and I need help with my account.", CHILD),
            _t("My 9-year-old son uses this tablet, can you turn on parental controls?", CHILD),
            _t("My daughter is 11 and wants her own profile.", CHILD),
            _t("i am 12 years old and i forgot my password", CHILD),
        ],
        "erasure": [
            _t("Please delete my account and all my personal data.", ERASURE),
            _t("I want you to erase everything you have on me.", ERASURE),
            _t("I'm exercising my right to be forgotten, remove my data from your systems.", ERASURE),
            _t("Delete all my chat history with you, please.", ERASURE),
            _t("Can you please remove my details from your database?", ERASURE),
            _t("Close my account and wipe my data, I don't want to be a customer anymore.", ERASURE),
        ],
        "objection": [
            _t("I object to you using my data for marketing.", OBJECTION),
            _t("Stop using my conversations to train your AI.", OBJECTION),
            _t("Please don't share my data with third parties.", OBJECTION),
            _t("Opt me out of profiling and personalised ads.", OBJECTION),
            _t("I don't want my data used for advertising.", OBJECTION),
        ],
        "withdrawal": [
            _t("I withdraw my consent to the processing of my data.", WITHDRAWAL),
            _t("I no longer consent to receiving your newsletter.", WITHDRAWAL),
            _t(
                "I'm revoking the permission I gave you to store my voice recordings.",
                WITHDRAWAL,
                optional=(OBJECTION,),
            ),
            _t("Consider my consent withdrawn as of today.", WITHDRAWAL),
        ],
        "negative": [
            _t("I'm dying to try the new flavour!"),
            _t("The party starts at eight, can you deliver before that?"),
            _t("Jesus, the app froze again."),
            _t("This update is killing me, the sync keeps failing."),
            _t("I'm sick of waiting for the refund."),
            _t("How do I delete my account?"),
            _t("Please delete the last message I sent, it had a typo."),
            _t("Remove the blue jacket from my cart."),
            _t("I object to the delivery fee, it wasn't mentioned at checkout."),
            _t("I'm positive I entered the right code."),
            _t("Is European Union VAT included in the price?"),
            _t("I'm 5 minutes away from the store."),
            _t("If I were diabetic, would the meal plan still work for me?"),
            _t("I'm reading a book about the history of Islam, do you have the sequel?"),
            _t("This price is criminal!"),
            _t("Oh my god, finally it works."),
            _t("The chemistry between your support staff is great."),
            _t("I'm a big fan of your Labour Day sale."),
            _t("I withdrew 200 euros but the receipt shows 250."),
            _t("My laptop is 12 years old, will the app still run?"),
            _t("I don't have any allergies, so any menu is fine."),
            _t("The straight razor I ordered arrived broken."),
        ],
        "filler": [
            _t("Where is my order {order}?"),
            _t("The app crashes when I open the settings page."),
            _t("Can I change the delivery date?"),
            _t("What are your opening hours on Saturday?"),
            _t("Thanks, that helped!"),
            _t("I was charged twice for the same order."),
            _t("Can I get an invoice with my company name on it?"),
            _t("The tracking page hasn't updated since Monday."),
        ],
        "ask_bot": [
            _t("Am I talking to a bot?"),
            _t("Are you a real person?"),
            _t("Is this an automated chat or a human?"),
        ],
    },
    "de": {
        "intro": [
            _t("Hallo, mein Name ist {person}."),
            _t("Guten Tag, hier ist {person}."),
            _t("Hallo, ich bin {person} und habe eine Frage zu meiner Bestellung {order}."),
        ],
        "email": [
            _t("Meine E-Mail-Adresse ist {email}."),
            _t("Bitte schicken Sie die Bestätigung an {email}."),
        ],
        "phone": [
            _t("Meine Telefonnummer ist {phone}."),
            _t("Rufen Sie mich bitte unter {phone} zurück."),
            _t("Handy: {phone}"),
        ],
        "iban": [
            _t("Bitte überweisen Sie den Betrag auf mein Konto {iban}."),
            _t("Meine IBAN lautet {iban}."),
        ],
        "address": [
            _t("Meine neue Adresse ist {street}, {postcode} {city}."),
            _t("Ich wohne in {city}, liefern Sie auch dorthin?"),
        ],
        "card": [_t("Die Abbuchung von meiner Kreditkarte {card} ist falsch.")],
        "password": [_t("Mein Passwort ist {password}, aber der Login klappt nicht.", SECRETS)],
        "relative": [_t("Mein Mann {person2} holt das Paket ab.")],
        "health": [
            _t("Ich habe Diabetes und brauche zuckerfreie Produkte.", HEALTH),
            _t("Bei mir wurde letztes Jahr Brustkrebs diagnostiziert.", HEALTH),
            _t("Ich nehme Antidepressiva und bin oft müde.", HEALTH),
            _t("Ich bin schwanger und kann nichts Schweres tragen.", HEALTH),
            _t("Ich leide seit Jahren an Migräne.", HEALTH),
            _t("Ich bin seit meinem Bandscheibenvorfall krankgeschrieben.", HEALTH),
        ],
        "religion": [
            _t("Ich bin Muslim und esse kein Schweinefleisch.", RELIGION),
            _t("Als Katholikin gehe ich sonntags in die Kirche.", RELIGION),
            _t("Wir sind Zeugen Jehovas und feiern keine Geburtstage.", RELIGION),
        ],
        "political": [
            _t("Ich habe die Grünen gewählt.", POLITICAL),
            _t("Ich bin Mitglied der SPD.", POLITICAL),
            _t("Ich engagiere mich bei der Linken im Ortsverband.", POLITICAL),
        ],
        "sexual": [
            _t("Ich bin schwul und mein Partner {person2} wohnt bei mir.", SEXUAL),
            _t("Ich bin lesbisch, bitte ändern Sie die Anrede.", SEXUAL),
        ],
        "union": [
            _t("Ich bin Gewerkschaftsmitglied bei Verdi.", UNION),
            _t("Ich bin in die IG Metall eingetreten.", UNION),
        ],
        "ethnic": [_t("Ich bin Sinto und wurde im Laden abgewiesen.", ETHNIC)],
        "genetic": [
            _t("Mein Gentest hat ergeben, dass ich Trägerin der BRCA2-Mutation bin.", GENETIC, optional=(HEALTH,))
        ],
        "criminal": [
            _t("Ich bin vorbestraft, bekomme ich trotzdem den Vertrag?", CRIMINAL),
            _t("Ich wurde wegen Betrugs verurteilt.", CRIMINAL),
        ],
        "child": [
            _t("Ich bin 14 Jahre alt und brauche Hilfe mit meinem Konto.", CHILD),
            _t("Ich gehe in die 7. Klasse.", CHILD),
            _t("Meine Tochter ist 8 und benutzt das Tablet.", CHILD),
        ],
        "erasure": [
            _t("Bitte löschen Sie alle meine Daten.", ERASURE),
            _t("Ich möchte, dass Sie mein Konto löschen.", ERASURE),
            _t("Ich mache mein Recht auf Löschung nach Art. 17 DSGVO geltend.", ERASURE),
        ],
        "objection": [
            _t("Ich widerspreche der Nutzung meiner Daten für Werbung.", OBJECTION),
            _t("Verwenden Sie meine Chats nicht für das Training Ihrer KI.", OBJECTION),
        ],
        "withdrawal": [
            _t("Ich widerrufe meine Einwilligung zur Datenverarbeitung.", WITHDRAWAL),
            _t("Hiermit ziehe ich meine Einwilligung zurück.", WITHDRAWAL),
        ],
        "negative": [
            _t("Ich sterbe vor Hunger, wann kommt die Lieferung?"),
            _t("Die Party beginnt um acht."),
            _t("Wie kann ich mein Konto löschen?"),
            _t("Bitte löschen Sie den Artikel aus meinem Warenkorb."),
            _t("Gott sei Dank hat es endlich geklappt."),
        ],
        "filler": [
            _t("Wo bleibt meine Bestellung {order}?"),
            _t("Die App stürzt beim Öffnen ab."),
            _t("Danke, das hat geholfen!"),
        ],
        "ask_bot": [_t("Bin ich mit einem Bot verbunden?"), _t("Sind Sie ein echter Mensch?")],
    },
    "fr": {
        "intro": [
            _t("Bonjour, je m'appelle {person}."),
            _t("Bonjour, ici {person}."),
            _t("Bonsoir, {person} à l'appareil, j'ai une question sur ma commande {order}."),
        ],
        "email": [_t("Mon adresse e-mail est {email}."), _t("Écrivez-moi à {email}.")],
        "phone": [_t("Mon numéro de téléphone est le {phone}."), _t("Rappelez-moi au {phone}.")],
        "iban": [_t("Merci de rembourser sur mon IBAN {iban}."), _t("Mon RIB : {iban}")],
        "address": [
            _t("Ma nouvelle adresse est {street}, {postcode} {city}."),
            _t("J'habite à {city}, vous livrez là-bas ?"),
        ],
        "card": [_t("Le débit sur ma carte {card} est erroné.")],
        "password": [_t("Mon mot de passe est {password} et il ne marche plus.", SECRETS)],
        "relative": [_t("Ma femme {person2} passera récupérer le colis.")],
        "health": [
            _t("J'ai un cancer et je suis en chimiothérapie.", HEALTH),
            _t("Je suis enceinte de cinq mois.", HEALTH),
            _t("Je prends des antidépresseurs depuis janvier.", HEALTH),
            _t("Je suis diabétique, avez-vous des produits sans sucre ?", HEALTH),
        ],
        "religion": [
            _t("Je suis musulmane et je porte le voile.", RELIGION),
            _t("Je suis juif pratiquant, pas de livraison le samedi.", RELIGION, optional=(ETHNIC,)),
        ],
        "political": [
            _t("J'ai voté pour les Verts.", POLITICAL),
            _t("Je milite à La France Insoumise depuis 2017.", POLITICAL),
        ],
        "sexual": [_t("Je suis lesbienne et ma compagne {person2} vit avec moi.", SEXUAL)],
        "union": [_t("Je suis syndiqué à la CGT.", UNION), _t("Je suis délégué syndical dans mon entreprise.", UNION)],
        "ethnic": [_t("Je suis d'origine algérienne et votre formulaire refuse mon nom.", ETHNIC)],
        "criminal": [_t("J'ai un casier judiciaire, est-ce un problème ?", CRIMINAL)],
        "child": [_t("J'ai 13 ans et j'ai besoin d'aide.", CHILD), _t("Je suis en 4e au collège.", CHILD)],
        "erasure": [
            _t("Merci de supprimer mes données personnelles.", ERASURE),
            _t("Je demande l'effacement de toutes mes données, c'est mon droit à l'oubli.", ERASURE),
        ],
        "objection": [_t("Je m'oppose au traitement de mes données à des fins de prospection.", OBJECTION)],
        "withdrawal": [_t("Je retire mon consentement.", WITHDRAWAL)],
        "negative": [
            _t("Je meurs de faim, où est ma commande ?"),
            _t("La fête commence à huit heures."),
            _t("Comment supprimer mon compte ?"),
        ],
        "filler": [_t("Où en est ma commande {order} ?"), _t("Merci pour votre aide !")],
        "ask_bot": [_t("Est-ce que je parle à un robot ?"), _t("Vous êtes une vraie personne ?")],
    },
    "es": {
        "intro": [_t("Hola, me llamo {person}."), _t("Buenas, soy {person} y tengo una duda con el pedido {order}.")],
        "email": [_t("Mi correo es {email}."), _t("Escríbanme a {email}.")],
        "phone": [_t("Mi teléfono es {phone}."), _t("Llámenme al {phone}.")],
        "iban": [_t("Devuelvan el dinero a mi IBAN {iban}.")],
        "address": [_t("Mi nueva dirección es {street}, {postcode} {city}."), _t("Vivo en {city}.")],
        "card": [_t("El cargo en mi tarjeta {card} es incorrecto.")],
        "password": [_t("Mi contraseña es {password} y no funciona.", SECRETS)],
        "relative": [_t("Mi marido {person2} recogerá el paquete.")],
        "health": [
            _t("Tengo diabetes tipo 1 y necesito productos sin azúcar.", HEALTH),
            _t("Estoy embarazada de tres meses.", HEALTH),
            _t("Me diagnosticaron cáncer de mama en enero.", HEALTH),
            _t("Tomo antidepresivos desde hace un año.", HEALTH),
        ],
        "religion": [
            _t("Soy católica y voy a misa los domingos.", RELIGION),
            _t("Soy musulmán y no como cerdo.", RELIGION),
        ],
        "political": [
            _t("Voté al PSOE en las últimas elecciones.", POLITICAL),
            _t("Soy militante de Podemos.", POLITICAL),
        ],
        "sexual": [_t("Soy bisexual y quiero cambiar mi perfil.", SEXUAL)],
        "union": [_t("Estoy afiliado a CCOO.", UNION)],
        "ethnic": [_t("Soy gitana y me negaron la entrada a la tienda.", ETHNIC)],
        "criminal": [_t("Tengo antecedentes penales, ¿puedo abrir la cuenta?", CRIMINAL)],
        "child": [_t("Tengo 12 años y no puedo entrar en mi cuenta.", CHILD)],
        "erasure": [
            _t("Por favor, borren mis datos.", ERASURE),
            _t("Quiero que eliminen mi cuenta y mis datos.", ERASURE),
        ],
        "objection": [_t("Me opongo al uso de mis datos para publicidad.", OBJECTION)],
        "withdrawal": [_t("Retiro mi consentimiento para el tratamiento de mis datos.", WITHDRAWAL)],
        "negative": [_t("Me muero de ganas de probarlo."), _t("¿Cómo elimino mi cuenta?")],
        "filler": [_t("¿Dónde está mi pedido {order}?"), _t("¡Gracias por la ayuda!")],
        "ask_bot": [_t("¿Estoy hablando con un bot?"), _t("¿Eres una persona real?")],
    },
    "it": {
        "intro": [
            _t("Ciao, mi chiamo {person}."),
            _t("Buongiorno, sono {person} e ho un problema con l'ordine {order}."),
        ],
        "email": [_t("La mia email è {email}."), _t("Scrivetemi a {email}.")],
        "phone": [_t("Il mio numero di telefono è {phone}."), _t("Richiamatemi al {phone}.")],
        "iban": [_t("Rimborsate sul mio IBAN {iban}.")],
        "address": [_t("Il mio nuovo indirizzo è {street}, {postcode} {city}."), _t("Abito a {city}.")],
        "card": [_t("L'addebito sulla mia carta {card} è sbagliato.")],
        "password": [_t("La mia password è {password} ma non funziona.", SECRETS)],
        "relative": [_t("Mia moglie {person2} ritirerà il pacco.")],
        "health": [
            _t("Soffro di epilessia, il banner lampeggiante è un problema.", HEALTH),
            _t("Sono incinta e non posso sollevare pesi.", HEALTH),
            _t("Mi hanno diagnosticato il diabete l'anno scorso.", HEALTH),
            _t("Prendo antidepressivi da due anni.", HEALTH),
        ],
        "religion": [_t("Sono musulmano e durante il Ramadan non mangio di giorno.", RELIGION)],
        "political": [_t("Ho votato per il PD.", POLITICAL), _t("Sono iscritto alla Lega da anni.", POLITICAL)],
        "sexual": [_t("Sono omosessuale e il mio compagno {person2} vive con me.", SEXUAL)],
        "union": [_t("Sono iscritto alla CGIL.", UNION)],
        "ethnic": [_t("Sono di origine marocchina e il modulo rifiuta il mio cognome.", ETHNIC)],
        "criminal": [_t("Sono stato condannato per furto anni fa.", CRIMINAL)],
        "child": [_t("Ho 14 anni e non riesco ad accedere.", CHILD)],
        "erasure": [_t("Vi chiedo di cancellare i miei dati.", ERASURE)],
        "objection": [_t("Mi oppongo al trattamento dei miei dati per finalità di marketing.", OBJECTION)],
        "withdrawal": [_t("Revoco il mio consenso al trattamento dei dati.", WITHDRAWAL)],
        "negative": [_t("Sto morendo dalla voglia di provarlo."), _t("Come posso cancellare il mio account?")],
        "filler": [_t("Dov'è il mio ordine {order}?"), _t("Grazie mille!")],
        "ask_bot": [_t("Sto parlando con un bot?"), _t("Sei una persona vera?")],
    },
    "nl": {
        "intro": [_t("Hoi, mijn naam is {person}."), _t("Goedemiddag, u spreekt met {person}.")],
        "email": [_t("Mijn e-mailadres is {email}.")],
        "phone": [_t("Mijn telefoonnummer is {phone}.")],
        "iban": [_t("Graag terugstorten op mijn rekening {iban}.")],
        "address": [_t("Mijn nieuwe adres is {street}, {postcode} {city}."), _t("Ik woon in {city}.")],
        "filler": [_t("Waar blijft mijn bestelling {order}?"), _t("Bedankt voor de hulp!")],
    },
    "pl": {
        "intro": [_t("Dzień dobry, nazywam się {person}.")],
        "email": [_t("Mój e-mail to {email}.")],
        "phone": [_t("Mój numer telefonu to {phone}.")],
        "iban": [_t("Proszę o zwrot na konto {iban}.")],
        "address": [_t("Mieszkam w {city}.")],
        "filler": [_t("Gdzie jest moje zamówienie {order}?")],
    },
    "pt": {
        "intro": [_t("Olá, o meu nome é {person}.")],
        "email": [_t("O meu email é {email}.")],
        "phone": [_t("O meu telemóvel é {phone}.")],
        "address": [_t("Moro em {city}.")],
        "filler": [_t("Onde está a minha encomenda {order}?")],
    },
    "sv": {
        "intro": [_t("Hej, jag heter {person}.")],
        "email": [_t("Min e-post är {email}.")],
        "phone": [_t("Mitt telefonnummer är {phone}.")],
        "address": [_t("Jag bor i {city}.")],
        "filler": [_t("Var är min beställning {order}?")],
    },
}

# =============================================================== national-ID phrases (local + English)
# entity -> (local phrases, English phrases). "{id}" is the identifier; context words as people write them.

ID_PHRASES: dict[str, tuple[list[T], list[T]]] = {
    "DE_TAX_ID": (
        [
            _t("Meine Steuer-ID lautet {id}."),
            _t("Steuerliche Identifikationsnummer: {id}"),
            _t("Hier meine Steuer-IdNr. {id} für die Rechnung."),
            _t("{id} ist meine Steuer-ID.", tag="context_after"),
        ],
        [_t("My German tax ID is {id}.")],
    ),
    "AT_SVNR": (
        [_t("Meine Sozialversicherungsnummer ist {id}."), _t("SVNR: {id}")],
        [_t("My Austrian social security number is {id}.")],
    ),
    "FR_NIR": (
        [_t("Mon numéro de sécurité sociale est le {id}."), _t("N° de sécu : {id}"), _t("Numéro INSEE {id}")],
        [_t("My French social security number is {id}.")],
    ),
    "BE_NATIONAL_NUMBER": (
        [_t("Mijn rijksregisternummer is {id}."), _t("Mon numéro de registre national : {id}")],
        [_t("My Belgian national number is {id}.")],
    ),
    "NL_BSN": (
        [
            _t("Mijn BSN is {id}."),
            _t("Burgerservicenummer: {id}"),
            _t("{id} is mijn burgerservicenummer.", tag="context_after"),
        ],
        [_t("My BSN is {id}."), _t("My citizen service number is {id}.", tag="english_name")],
    ),
    "IT_FISCAL_CODE": (
        [_t("Il mio codice fiscale è {id}."), _t("CF: {id}")],
        [_t("My Italian fiscal code is {id}.")],
    ),
    "ES_NIF": (
        [_t("Mi DNI es {id}."), _t("DNI: {id}"), _t("NIF {id}")],
        [_t("My DNI number is {id}.")],
    ),
    "ES_NIE": (
        [_t("Mi NIE es {id}."), _t("NIE: {id}")],
        [_t("My NIE is {id}.")],
    ),
    "PT_NIF": (
        [_t("O meu NIF é {id}."), _t("Número de contribuinte: {id}")],
        [_t("My Portuguese tax number (NIF) is {id}.")],
    ),
    "PL_PESEL": (
        [_t("Mój PESEL: {id}"), _t("Numer PESEL {id}")],
        [_t("My PESEL is {id}.")],
    ),
    "IE_PPSN": (
        [_t("My PPS number is {id}."), _t("PPSN: {id}")],
        [_t("My Personal Public Service Number is {id}.", tag="english_name")],
    ),
    "SE_PERSONNUMMER": (
        [_t("Mitt personnummer är {id}."), _t("Personnr: {id}")],
        [_t("My Swedish personal identity number is {id}.")],
    ),
    "DK_CPR": (
        [_t("Mit CPR-nummer er {id}."), _t("CPR: {id}")],
        [_t("My CPR number is {id}.")],
    ),
    "FI_PERSONAL_IDENTITY_CODE": (
        [_t("Henkilötunnukseni on {id}."), _t("Hetu: {id}")],
        [_t("My Finnish personal identity code is {id}.")],
    ),
    "CZ_BIRTH_NUMBER": (
        [_t("Moje rodné číslo je {id}."), _t("RČ: {id}")],
        [_t("My Czech birth number is {id}.")],
    ),
    "SK_BIRTH_NUMBER": (
        [_t("Moje rodné číslo je {id}.")],
        [_t("My Slovak birth number is {id}.")],
    ),
    "RO_CNP": (
        [_t("CNP-ul meu este {id}."), _t("CNP: {id}")],
        [_t("My CNP is {id}.")],
    ),
    "HR_OIB": (
        [_t("Moj OIB je {id}."), _t("OIB: {id}")],
        [_t("My OIB is {id}.")],
    ),
    "BG_EGN": (
        [_t("Моето ЕГН е {id}."), _t("ЕГН: {id}")],
        [_t("My EGN is {id}.")],
    ),
    "EE_ISIKUKOOD": (
        [_t("Minu isikukood on {id}.")],
        [_t("My Estonian personal identification code (isikukood) is {id}.")],
    ),
    "LT_ASMENS_KODAS": (
        [_t("Mano asmens kodas yra {id}.")],
        [_t("My Lithuanian personal code is {id}.")],
    ),
    "LV_PERSONAS_KODS": (
        [_t("Mans personas kods ir {id}.")],
        [_t("My Latvian personal code is {id}.")],
    ),
    "GR_AMKA": (
        [_t("Ο ΑΜΚΑ μου είναι {id}."), _t("ΑΜΚΑ: {id}")],
        [_t("My AMKA is {id}.")],
    ),
    "SI_EMSO": (
        [_t("Moja EMŠO je {id}.")],
        [_t("My EMSO is {id}.")],
    ),
    "HU_TAJ": (
        [_t("A TAJ számom {id}.")],
        [_t("My TAJ number is {id}.")],
    ),
    "LU_MATRICULE": (
        [_t("Mon numéro de matricule est {id}.")],
        [_t("My Luxembourg matricule is {id}.")],
    ),
    "MT_ID_CARD": (
        [_t("My Maltese ID card number is {id}.")],
        [_t("My identity card number is {id}, issued in Malta.")],
    ),
}

# ==================================================================================== assistant turns

ASSISTANT: dict[str, dict[str, list[T]]] = {
    "en": {
        "greet_disclose": [
            _t("Hi, I'm an AI assistant for {brand}. How can I help you today?"),
            _t("Hello! You're chatting with {brand}'s virtual assistant. What can I do for you?"),
            _t("Welcome to {brand}. I'm a chatbot and I can help with orders, billing and returns."),
            _t("Hi! This chat is answered by an automated assistant (AI). How can I help?"),
            _t("Hello, I'm {brand}'s AI helper. Ask me anything about your account."),
        ],
        "greet_plain": [
            _t("Hi, thanks for contacting {brand} support! How can I help you today?"),
            _t("Hello, how can I help?"),
            _t("Welcome to {brand}! What can I do for you?"),
            _t("Good afternoon, {brand} customer care here. How may I assist?"),
        ],
        "reply": [
            _t("Thanks for the details, I've updated your profile."),
            _t("I'm sorry to hear that. I've forwarded your request to the right team."),
            _t("Could you confirm your order number, please?"),
            _t("Done! You'll receive a confirmation shortly."),
            _t("I understand. Is there anything else I can help with?"),
        ],
        "echo_email": [_t("I've noted {email} as your contact address.")],
        "answer_bot_disclose": [
            _t("Yes, I'm an AI assistant, but I can connect you with a colleague if you prefer."),
            _t("I'm a virtual assistant, not a human. I can hand you over to an agent."),
        ],
        "answer_bot_human": [
            _t("No, I'm a real person from the support team.", HUMAN_CLAIM),
            _t("I'm a human agent, my name is {agent}.", HUMAN_CLAIM),
            _t("Not a bot, I promise! I'm a real human being.", HUMAN_CLAIM),
        ],
        "answer_bot_dodge": [
            _t("I'm here to help you with your order! What do you need?"),
            _t("Let's focus on solving your issue. Could you describe it?"),
        ],
    },
    "de": {
        "greet_disclose": [
            _t("Hallo, ich bin der KI-Assistent von {brand}. Wie kann ich helfen?"),
            _t("Guten Tag! Ich bin ein virtueller Assistent und helfe Ihnen gern."),
        ],
        "greet_plain": [_t("Hallo, wie kann ich Ihnen helfen?"), _t("Willkommen beim {brand} Kundenservice!")],
        "reply": [
            _t("Danke, ich habe Ihr Profil aktualisiert."),
            _t("Das tut mir leid, ich leite Ihr Anliegen weiter."),
        ],
        "echo_email": [_t("Ich habe {email} als Kontaktadresse hinterlegt.")],
        "answer_bot_disclose": [_t("Ja, ich bin ein KI-Assistent. Soll ich Sie mit einem Kollegen verbinden?")],
        "answer_bot_human": [_t("Nein, ich bin ein echter Mensch aus dem Support-Team.", HUMAN_CLAIM)],
        "answer_bot_dodge": [_t("Ich bin hier, um Ihnen zu helfen! Worum geht es?")],
    },
    "fr": {
        "greet_disclose": [
            _t("Bonjour, je suis l'assistant virtuel de {brand}. Comment puis-je vous aider ?"),
            _t("Bonjour ! Je suis une IA, comment puis-je vous aider ?"),
        ],
        "greet_plain": [_t("Bonjour, comment puis-je vous aider ?"), _t("Bienvenue chez {brand} !")],
        "reply": [_t("Merci, j'ai mis à jour votre profil."), _t("Je suis désolé, je transmets votre demande.")],
        "echo_email": [_t("J'ai enregistré {email} comme adresse de contact.")],
        "answer_bot_disclose": [_t("Oui, je suis un assistant virtuel. Voulez-vous parler à un conseiller ?")],
        "answer_bot_human": [_t("Non, je suis une vraie personne du service client.", HUMAN_CLAIM)],
        "answer_bot_dodge": [_t("Je suis là pour vous aider ! Quel est votre problème ?")],
    },
    "es": {
        "greet_disclose": [
            _t("Hola, soy el asistente virtual de {brand}. ¿En qué puedo ayudarte?"),
            _t("Hola, soy una inteligencia artificial. ¿Qué necesitas?"),
        ],
        "greet_plain": [_t("Hola, ¿en qué puedo ayudarte?"), _t("¡Bienvenido a {brand}!")],
        "reply": [_t("Gracias, he actualizado tu perfil."), _t("Lo siento, paso tu solicitud al equipo.")],
        "echo_email": [_t("He guardado {email} como dirección de contacto.")],
        "answer_bot_disclose": [_t("Sí, soy un asistente virtual. ¿Quieres hablar con una persona?")],
        "answer_bot_human": [_t("No, soy una persona real del equipo de soporte.", HUMAN_CLAIM)],
        "answer_bot_dodge": [_t("¡Estoy aquí para ayudarte! ¿Qué necesitas?")],
    },
    "it": {
        "greet_disclose": [
            _t("Ciao, sono l'assistente virtuale di {brand}. Come posso aiutarti?"),
            _t("Buongiorno, sono un assistente IA. Come posso esserti utile?"),
        ],
        "greet_plain": [_t("Ciao, come posso aiutarti?"), _t("Benvenuto da {brand}!")],
        "reply": [_t("Grazie, ho aggiornato il tuo profilo."), _t("Mi dispiace, inoltro la tua richiesta.")],
        "echo_email": [_t("Ho registrato {email} come indirizzo di contatto.")],
        "answer_bot_disclose": [_t("Sì, sono un assistente virtuale. Vuoi parlare con un operatore?")],
        "answer_bot_human": [_t("No, sono una persona reale del servizio clienti.", HUMAN_CLAIM)],
        "answer_bot_dodge": [_t("Sono qui per aiutarti! Di cosa hai bisogno?")],
    },
}

SYSTEM_PROMPTS: list[str] = [
    "You are {brand}'s customer support assistant. Be concise and friendly.",
    "You are a helpful assistant for {brand}. Never share internal policies.",
    "Answer questions about orders, billing and returns for {brand}.",
    "You are Sam, a support agent for {brand}. Keep answers short.",
]

# ============================================================== agent notes (CSV notes, text files)
# Written by staff about a customer ({person}); special categories and requests are reported in the
# third person, which is how they appear in CRM notes and ticket logs.

NOTES: dict[str, dict[str, list[T]]] = {
    "en": {
        "contact": [
            _t("Called {person} back on {phone}, no answer."),
            _t("{person} asked us to use {email} from now on."),
            _t("Customer {person} ({email}) wants the refund to {iban}."),
            _t("Verified identity of {person} by phone, new number {phone}."),
            _t("Sent the contract to {person} at {street}, {postcode} {city}."),
            _t("{person} moved to {city}, address to be confirmed."),
            _t("Login attempts from {ip} for {person}'s account, flagged for review."),
            _t("Card {card} declined twice, asked {person} for another card."),
            _t("Spoke to {person2}, the account holder's partner; {person} was not available."),
        ],
        "id": [
            _t("Identity checked against {id_name} {id}."),
            _t("{person} gave {id_name} {id} for the credit check."),
        ],
        "health": [
            _t("Customer mentioned she is pregnant and wants to pause the membership.", HEALTH),
            _t("{person} told us he was diagnosed with diabetes and needs the low-sugar box.", HEALTH),
            _t("Caller said she has MS and can't use the stairs to the locker.", HEALTH),
            _t("Customer is undergoing chemotherapy, waived the late fee.", HEALTH),
            _t("{person} said: I'm on antidepressants and missed the appointment.", HEALTH),
        ],
        "religion": [
            _t("{person} asked for no Saturday deliveries as they are observant Jews.", RELIGION, optional=(ETHNIC,))
        ],
        "union": [_t("{person} is a union rep and requested the overtime records.", UNION)],
        "criminal": [_t("Applicant disclosed a previous conviction for fraud.", CRIMINAL)],
        "erasure": [
            _t("{person} asked us to delete all her data.", ERASURE, tag="reported"),
            _t("Erasure request received from {person} (Art. 17), forwarded to DPO.", ERASURE, tag="reported"),
            _t("Customer wrote: please delete my account and all my personal data.", ERASURE),
        ],
        "objection": [
            _t("{person} objected to marketing calls, flag set.", OBJECTION, tag="reported"),
            _t("Customer wrote: I object to you using my data for profiling.", OBJECTION),
        ],
        "withdrawal": [
            _t("{person} withdrew consent for the newsletter.", WITHDRAWAL, tag="reported"),
            _t("Customer wrote: I withdraw my consent to the processing of my data.", WITHDRAWAL),
        ],
        "child": [
            _t("{person} said his son is 9 and uses the account.", CHILD),
            _t("Account is used by the customer's 12-year-old daughter.", CHILD),
        ],
        "negative": [
            _t("Customer is dying to get the new model, added to waitlist."),
            _t("Party order for eight people, delivery before 6 pm."),
            _t("Asked how to delete the account, sent the help article."),
            _t("Customer asked to remove an item from the cart."),
            _t("Sick of waiting, escalated to tier 2."),
            _t("Order {order} delayed, carrier strike at the depot."),
        ],
        "neutral": [
            _t("Order {order} delivered, customer happy."),
            _t("Ticket closed, no further action."),
            _t("Reset 2FA after ID check."),
            _t("Duplicate charge refunded."),
        ],
    },
    "de": {
        "contact": [
            _t("{person} unter {phone} zurückgerufen, nicht erreicht."),
            _t("{person} bittet, künftig {email} zu verwenden."),
            _t("Kunde {person} möchte die Erstattung auf {iban}."),
            _t("Vertrag an {person}, {street}, {postcode} {city} geschickt."),
        ],
        "id": [_t("Identität geprüft, {id_name} {id}.")],
        "health": [_t("Kundin ist schwanger und möchte die Mitgliedschaft pausieren.", HEALTH)],
        "erasure": [_t("{person} verlangt die Löschung aller Daten.", ERASURE, tag="reported")],
        "negative": [_t("Kunde fragt, wie man das Konto löscht, Hilfeartikel geschickt.")],
        "neutral": [_t("Bestellung {order} zugestellt."), _t("Ticket geschlossen.")],
    },
}

#: Local names of national IDs for agent notes ("Identity checked against BSN ...").
ID_NAMES: dict[str, tuple[str, ...]] = {
    "DE_TAX_ID": ("Steuer-ID",),
    "AT_SVNR": ("SVNR",),
    "FR_NIR": ("NIR", "numéro de sécu"),
    "BE_NATIONAL_NUMBER": ("rijksregisternummer",),
    "NL_BSN": ("BSN",),
    "IT_FISCAL_CODE": ("codice fiscale",),
    "ES_NIF": ("DNI",),
    "ES_NIE": ("NIE",),
    "PT_NIF": ("NIF",),
    "PL_PESEL": ("PESEL",),
    "IE_PPSN": ("PPSN",),
    "SE_PERSONNUMMER": ("personnummer",),
    "DK_CPR": ("CPR",),
    "FI_PERSONAL_IDENTITY_CODE": ("hetu",),
    "CZ_BIRTH_NUMBER": ("rodné číslo",),
    "SK_BIRTH_NUMBER": ("rodné číslo",),
    "RO_CNP": ("CNP",),
    "HR_OIB": ("OIB",),
    "BG_EGN": ("EGN",),
    "EE_ISIKUKOOD": ("isikukood",),
    "LT_ASMENS_KODAS": ("asmens kodas",),
    "LV_PERSONAS_KODS": ("personas kods",),
    "GR_AMKA": ("AMKA",),
    "SI_EMSO": ("EMŠO",),
    "HU_TAJ": ("TAJ",),
    "LU_MATRICULE": ("matricule",),
    "MT_ID_CARD": ("ID card",),
}

#: Invented brand names used in chats (not labelled).
BRANDS = ("Brightwave", "Vela Bank", "Ostara Telecom", "Lumen Energy", "Parcelo", "Kitchenly")


# ====================================================================================== template keys


def _index() -> tuple[dict[int, str], dict[str, T]]:
    by_id: dict[int, str] = {}
    by_key: dict[str, T] = {}

    def add(key: str, template: T) -> None:
        by_id[id(template)] = key
        by_key[key] = template

    for prefix, table in (("user", USER), ("assistant", ASSISTANT), ("note", NOTES)):
        for lang, acts in table.items():
            for act, pool in acts.items():
                for i, template in enumerate(pool):
                    add(f"{prefix}.{lang}.{act}.{i}", template)
    for entity, (local, english) in ID_PHRASES.items():
        for variant, pool in (("local", local), ("english", english)):
            for i, template in enumerate(pool):
                add(f"id.{entity}.{variant}.{i}", template)
    return by_id, by_key


_KEYS, _TEMPLATES = _index()


def key_of(template: T) -> str:
    """A stable name for a template (``user.en.health.10``), used to label gold spans and rules."""
    return _KEYS.get(id(template), "")


def template_text(key: str) -> str | None:
    """The template text (placeholders, never values) behind a key or an act label (``key/tag``)."""
    template = _TEMPLATES.get(key.split("/")[0])
    return template.text if template else None


def act_of(key: str) -> str:
    """The act a key belongs to: ``user.en.health.10`` -> ``health``; ``id.NL_BSN.local.0`` -> ``id``."""
    parts = key.split("/")[0].split(".")
    return "id" if parts[0] == "id" else (parts[2] if len(parts) > 2 else parts[0])
