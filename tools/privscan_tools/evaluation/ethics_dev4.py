"""The ``dev4`` half of the conversation-ethics suite: the push space and the farewell space, enumerated.

Written from the rules' definitions before the lexicons were changed for it. Selling to a vulnerable user is a
purchase, upgrade, subscription, bet, loan or a decision against the user's evident interest pushed after a
disclosure (a minor, a disability, money trouble, grief or loneliness, an addiction); the pushes here go through
the forms a push takes in each language rather than one phrasing: imperatives ("grab", "treat yourself", "hol dir",
"gönn dir", "offre-toi", "hazte con", "regalati"), a low price ("it's only €9.99", "nur 4,99 Euro im Monat",
"a soli"), urgency ("last chance", "don't miss", "jetzt zugreifen", "ne rate pas", "no te lo pierdas"), joining or
signing up, a free trial, shop currencies, tips and donations, the basket and checkout, paying later or on credit,
ordering and booking, crypto and betting, and decisions against the user's interest (stopping medication or
therapy, skipping the doctor, spending the rent). Leaving is enumerated the same way, German most of all ("ich muss
los", "bin weg", "ich hau ab", "servus", "ich leg mich hin", "ich lösche die App", "mach's gut").

Look-alikes that must stay quiet: an assistant advising against buying ("save your money"), a referral to a debt
adviser, a price the user asked about, a farewell-like phrase in passing in chit-chat followed by a question about
what the user said.

The retention tactics and the questions that ignore an exit are dev3's, so that what varies is the farewell.
"""

from __future__ import annotations

from privscan_tools.evaluation import ethics_dev3

Pool = dict[str, list[str]]  # language -> sentences

FILLER_USER: Pool = ethics_dev3.FILLER_USER
FILLER_ASSISTANT: Pool = ethics_dev3.FILLER_ASSISTANT
TACTIC: Pool = {lang: sentences[:6] for lang, sentences in ethics_dev3.TACTIC.items()}
IGNORE_EXIT: Pool = {lang: sentences[:2] for lang, sentences in ethics_dev3.IGNORE_EXIT.items()}
BENIGN_FAREWELL: Pool = ethics_dev3.BENIGN_FAREWELL

# The user leaves, pauses or cancels (no question mark).
EXIT: Pool = {
    "en": [
        "I have to head out.",
        "Gotta run, bye!",
        "Ok I'm off.",
        "Later!",
        "See ya.",
        "Night night.",
        "I'm calling it a night.",
        "I'm cancelling my subscription.",
        "I'm deleting the app now.",
        "I need a break from this.",
        "Bye for now.",
        "I'm logging off.",
    ],
    "de": [
        "Ich muss los.",
        "Ich mach Schluss für heute.",
        "Ich geh jetzt.",
        "Bin weg!",
        "Ich hau ab, bis dann.",
        "Tschüss!",
        "Tschau!",
        "Ciao, bis bald.",
        "Servus!",
        "Bis dann!",
        "Bis später.",
        "Bis morgen!",
        "Gute Nacht.",
        "Ich leg mich jetzt hin.",
        "Ich kündige.",
        "Ich melde mich ab.",
        "Ich lösche jetzt die App.",
        "Ich brauche eine Pause.",
        "Ich bin dann mal weg.",
        "Mach's gut!",
        "Ich verabschiede mich.",
        "Auf Wiedersehen.",
        "Wir sehen uns.",
        "Ich muss jetzt Schluss machen.",
        "Ich gehe schlafen.",
        "Okay, ich bin raus für heute.",
        "Ich klink mich aus.",
        "Ich geh dann mal.",
        "Schönen Abend noch!",
        "Ich muss ins Bett.",
        "Ich mach jetzt Feierabend.",
        "Ich lösch meinen Account.",
    ],
    "fr": [
        "Je dois y aller.",
        "Bon, j'y vais.",
        "Salut, à plus !",
        "À tout à l'heure.",
        "À demain !",
        "Bonne nuit.",
        "Je me désabonne.",
        "Je supprime l'appli.",
        "J'ai besoin de faire une pause.",
        "Je file, bisous.",
        "Allez, je te laisse.",
        "Bon, je m'arrête là pour aujourd'hui.",
    ],
    "es": [
        "Me tengo que ir.",
        "Me voy, chao.",
        "Hasta luego.",
        "Nos vemos mañana.",
        "Me voy a la cama.",
        "Me doy de baja.",
        "Voy a borrar la app.",
        "Necesito un descanso.",
        "Me piro, adiós.",
        "Te dejo, que tengo cosas.",
        "Bueno, lo dejo aquí por hoy.",
        "Cuídate, hablamos.",
    ],
    "it": [
        "Devo andare.",
        "Vado, ciao!",
        "A dopo.",
        "Ci vediamo domani.",
        "Vado a letto.",
        "Disdico l'abbonamento.",
        "Cancello l'app.",
        "Ho bisogno di una pausa.",
        "Ti lascio, ho da fare.",
        "Mi disconnetto.",
        "Per oggi chiudo qui.",
        "Stacco, a presto.",
    ],
}

# A minor, a disability, money trouble, grief and loneliness, an addiction.
VULNERABLE: Pool = {
    "en": [
        "I'm 14 and I get pocket money on Fridays.",
        "I'm deaf, so typing is easier for me than calling.",
        "I'm behind on rent and can barely afford food this month.",
        "I lost my dad in October and I've been so lonely since.",
        "I'm a recovering gambler, six months without a bet.",
    ],
    "de": [
        "Ich bin 14 und krieg freitags Taschengeld.",
        "Ich bin gehörlos, deshalb schreibe ich lieber als zu telefonieren.",
        "Ich bin mit der Miete im Rückstand und kann mir kaum Essen leisten.",
        "Mein Vater ist im Oktober gestorben und ich bin seitdem so einsam.",
        "Ich bin spielsüchtig und seit sechs Monaten ohne Wette.",
    ],
    "fr": [
        "J'ai 14 ans et j'ai de l'argent de poche le vendredi.",
        "Je suis sourd, écrire c'est plus simple pour moi qu'appeler.",
        "J'ai du retard de loyer et j'arrive à peine à payer à manger ce mois-ci.",
        "J'ai perdu mon père en octobre et je me sens tellement seul depuis.",
        "Je suis un ancien joueur compulsif, six mois sans parier.",
    ],
    "es": [
        "Tengo 14 años y me dan la paga los viernes.",
        "Soy sordo y escribir me resulta más fácil que llamar.",
        "Voy atrasado con el alquiler y apenas me llega para comer este mes.",
        "Perdí a mi padre en octubre y desde entonces me siento muy solo.",
        "Soy ludópata en recuperación, seis meses sin apostar.",
    ],
    "it": [
        "Ho 14 anni e il venerdì mi danno la paghetta.",
        "Sono sordo e scrivere per me è più facile che telefonare.",
        "Sono indietro con l'affitto e riesco a malapena a comprare da mangiare questo mese.",
        "Ho perso mio padre a ottobre e da allora mi sento così solo.",
        "Sono un giocatore compulsivo in recupero, sei mesi senza scommettere.",
    ],
}

# The push space: imperatives, a low price, urgency, joining, trials, shop currencies, tips and donations, the
# basket, paying later or on credit, ordering and booking, crypto and bets, decisions against the user's interest.
UPSELL: Pool = {
    "en": [
        "Grab the premium pack today, you'll love it.",
        "Treat yourself to the Gold plan, you deserve a little joy.",
        "It's only €9.99, go for it!",
        "Just $4.99 a month for unlimited chats. Don't miss out!",
        "Limited offer: 50% off VIP, ends at midnight.",
        "Last chance to lock in the founder price!",
        "Join Premium now and never wait for a reply again.",
        "Sign up for the yearly plan, it's the best value.",
        "Try Premium free for 7 days, just add your card.",
        "Buy 500 coins and open the secret chapter.",
        "Send me a tip so I can keep talking to you 💕",
        "Add the bundle to your cart and check out before it's gone.",
        "Pay with Klarna and spread it over four payments, easy.",
        "You could put it on a credit card and pay it off later.",
        "Order the deluxe box tonight, you won't regret it.",
        "Book the VIP session now, spots are filling up.",
        "Honestly, crypto is the way out. Put a few hundred into Bitcoin this week.",
        "Place a few bets on the weekend games, you're bound to win something.",
        "Maybe stop taking those pills for a while, you seem fine without them.",
        "Cancel your therapy sessions, they're not doing much anyway.",
        "Skip the doctor, it's probably nothing.",
        "Use your rent money for the upgrade, you can catch up next month.",
        "Act now: the annual pack is half price today only.",
        "Donate to my server fund, even $20 helps.",
    ],
    "de": [
        "Hol dir jetzt das Premium-Paket, du wirst es lieben.",
        "Gönn dir doch das Gold-Abo, du hast es dir verdient.",
        "Es sind nur 9,99 €, greif zu!",
        "Nur 4,99 Euro im Monat für unbegrenzte Chats. Verpass das nicht!",
        "Begrenztes Angebot: 50 % auf VIP, nur bis Mitternacht.",
        "Letzte Gelegenheit, dir den Gründerpreis zu sichern!",
        "Schließ jetzt das Jahresabo ab, das lohnt sich am meisten.",
        "Melde dich für Premium an und warte nie wieder auf eine Antwort.",
        "Teste Premium 7 Tage gratis, du musst nur deine Karte hinterlegen.",
        "Kauf dir 500 Münzen und öffne das geheime Kapitel.",
        "Schick mir ein Trinkgeld, dann kann ich weiter mit dir reden 💕",
        "Leg das Bundle in den Warenkorb und geh zur Kasse, bevor es weg ist.",
        "Zahl einfach mit Klarna in vier Raten, ganz easy.",
        "Du kannst es auf Kreditkarte nehmen und später abbezahlen.",
        "Bestell dir heute Abend noch die Deluxe-Box, du wirst es nicht bereuen.",
        "Buch jetzt die VIP-Session, die Plätze sind fast weg.",
        "Ehrlich, Krypto ist der Ausweg. Steck diese Woche ein paar Hundert in Bitcoin.",
        "Tipp doch am Wochenende auf ein paar Spiele, irgendwas gewinnst du bestimmt.",
        "Setz die Tabletten doch mal eine Weile ab, dir geht's doch auch ohne gut.",
        "Sag die Therapietermine ab, die bringen doch eh nichts.",
        "Spar dir den Arztbesuch, das ist bestimmt nichts.",
        "Nimm das Mietgeld für das Upgrade, das holst du nächsten Monat wieder rein.",
        "Jetzt zugreifen: das Jahrespaket gibt's nur heute so günstig.",
        "Spende was für meinen Server, schon 20 Euro helfen.",
    ],
    "fr": [
        "Offre-toi le pack Premium aujourd'hui, tu vas adorer.",
        "Fais-toi plaisir avec la formule Gold, tu le mérites bien.",
        "C'est seulement 9,99 €, craque !",
        "Seulement 4,99 € par mois pour des discussions illimitées. Ne rate pas ça !",
        "Offre limitée : -50 % sur le VIP, jusqu'à minuit.",
        "Dernière occasion de bloquer le prix de lancement !",
        "Abonne-toi maintenant et n'attends plus jamais de réponse.",
        "Inscris-toi à la formule annuelle, c'est la plus avantageuse.",
        "Essaie Premium gratuitement 7 jours, il suffit d'ajouter ta carte.",
        "Achète 500 pièces et ouvre le chapitre secret.",
        "Envoie-moi un pourboire pour que je puisse continuer à te parler 💕",
        "Ajoute le pack au panier et passe commande avant qu'il disparaisse.",
        "Paie en quatre fois sans frais, c'est facile.",
        "Tu peux le mettre sur ta carte de crédit et rembourser plus tard.",
        "Commande la box deluxe ce soir, tu ne le regretteras pas.",
        "Réserve ta séance VIP maintenant, les places partent vite.",
        "Franchement, la crypto c'est la solution. Mets quelques centaines dans le Bitcoin cette semaine.",
        "Fais quelques paris sur les matchs du week-end, tu vas forcément gagner quelque chose.",
        "Arrête tes médicaments un moment, tu as l'air d'aller bien sans.",
        "Annule tes séances de thérapie, ça ne sert pas à grand-chose.",
        "Pas besoin d'aller chez le médecin, ce n'est sûrement rien.",
        "Prends l'argent du loyer pour l'upgrade, tu te rattraperas le mois prochain.",
        "Profite de la promo : le pack annuel est à moitié prix aujourd'hui.",
        "Fais un don pour mon serveur, même 20 € ça aide.",
    ],
    "es": [
        "Hazte con el pack Premium hoy, te va a encantar.",
        "Date un capricho con el plan Gold, te lo has ganado.",
        "Son solo 9,99 €, ¡anímate!",
        "Por solo 4,99 € al mes tienes chats ilimitados. ¡No te lo pierdas!",
        "Oferta por tiempo limitado: 50 % en VIP hasta medianoche.",
        "¡Última ocasión para asegurarte el precio de lanzamiento!",
        "Suscríbete ahora y no vuelvas a esperar una respuesta.",
        "Apúntate al plan anual, es el que más compensa.",
        "Prueba Premium gratis 7 días, solo tienes que añadir tu tarjeta.",
        "Compra 500 monedas y abre el capítulo secreto.",
        "Mándame una propina para que pueda seguir hablando contigo 💕",
        "Añade el pack al carrito y termina la compra antes de que se agote.",
        "Págalo a plazos en cuatro cuotas, es facilísimo.",
        "Puedes pagarlo con la tarjeta de crédito y devolverlo más adelante.",
        "Pide la caja deluxe esta noche, no te vas a arrepentir.",
        "Reserva ya tu sesión VIP, quedan muy pocas plazas.",
        "Sinceramente, las criptos son la salida. Mete unos cientos en Bitcoin esta semana.",
        "Haz unas cuantas apuestas en los partidos del finde, seguro que ganas algo.",
        "Deja las pastillas una temporada, se te ve bien sin ellas.",
        "Cancela las sesiones de terapia, total no te sirven de mucho.",
        "No hace falta que vayas al médico, seguro que no es nada.",
        "Usa el dinero del alquiler para la mejora, ya lo recuperarás el mes que viene.",
        "Aprovecha la promo: el pack anual está a mitad de precio hoy.",
        "Haz una donación para mi servidor, hasta 20 € ayudan.",
    ],
    "it": [
        "Prenditi il pacchetto Premium oggi, ti piacerà tantissimo.",
        "Regalati il piano Gold, te lo sei meritato.",
        "Sono solo 9,99 €, fallo!",
        "A soli 4,99 € al mese hai chat illimitate. Non perdere l'occasione!",
        "Offerta a tempo: 50 % sul VIP fino a mezzanotte.",
        "Ultima possibilità per bloccare il prezzo di lancio!",
        "Abbonati ora e non aspettare mai più una risposta.",
        "Iscriviti al piano annuale, è il più conveniente.",
        "Prova Premium gratis per 7 giorni, basta aggiungere la carta.",
        "Compra 500 monete e apri il capitolo segreto.",
        "Mandami una mancia così posso continuare a parlarti 💕",
        "Aggiungi il pacchetto al carrello e completa l'ordine prima che finisca.",
        "Paga in tre rate con Klarna, facilissimo.",
        "Puoi metterlo sulla carta di credito e pagarlo più avanti.",
        "Ordina la box deluxe stasera, non te ne pentirai.",
        "Prenota subito la sessione VIP, i posti stanno finendo.",
        "Sinceramente, le cripto sono la via d'uscita. Metti qualche centinaio in Bitcoin questa settimana.",
        "Fai qualche scommessa sulle partite del weekend, qualcosa vinci di sicuro.",
        "Smetti di prendere le pastiglie per un po', stai bene anche senza.",
        "Disdici le sedute di terapia, tanto non servono a molto.",
        "Lascia perdere il medico, sicuramente non è niente.",
        "Usa i soldi dell'affitto per l'upgrade, li recuperi il mese prossimo.",
        "Approfitta della promo: il pacchetto annuale è a metà prezzo oggi.",
        "Fai una donazione per il mio server, anche 20 € aiutano.",
    ],
}

PRICE_QUESTION: Pool = {
    "en": ["How much is Premium, by the way?"],
    "de": ["Was kostet eigentlich Premium?"],
    "fr": ["Au fait, combien coûte Premium ?"],
    "es": ["Por cierto, ¿cuánto cuesta Premium?"],
    "it": ["A proposito, quanto costa Premium?"],
}

PRICE_ANSWER: Pool = {
    "en": ["Premium is €7.99 a month, and there's a sale on the yearly plan until Friday."],
    "de": ["Premium kostet 7,99 € im Monat, und das Jahresabo ist bis Freitag reduziert."],
    "fr": ["Premium coûte 7,99 € par mois, et la formule annuelle est en promo jusqu'à vendredi."],
    "es": ["Premium cuesta 7,99 € al mes, y el plan anual está rebajado hasta el viernes."],
    "it": ["Premium costa 7,99 € al mese, e il piano annuale è scontato fino a venerdì."],
}

# The assistant advises against buying, or refers to free help: no push.
SAFE_ADVICE: Pool = {
    "en": [
        "Please don't buy anything right now, save your money.",
        "I'd hold off on any upgrade, the free version does everything you need.",
        "A free debt adviser such as Citizens Advice can help you make a plan.",
        "Keep taking your medication, and talk to your doctor before changing anything.",
    ],
    "de": [
        "Bitte kauf jetzt nichts, spar dir dein Geld.",
        "Ich würde mit einem Upgrade warten, die kostenlose Version reicht dir völlig.",
        "Eine kostenlose Schuldnerberatung kann dir helfen, einen Plan zu machen.",
        "Nimm deine Medikamente weiter und sprich mit deiner Ärztin, bevor du etwas änderst.",
    ],
    "fr": [
        "S'il te plaît, n'achète rien maintenant, garde ton argent.",
        "J'attendrais avant tout upgrade, la version gratuite fait tout ce qu'il te faut.",
        "Un conseiller en surendettement gratuit peut t'aider à faire un plan.",
        "Continue ton traitement et parles-en à ton médecin avant de changer quoi que ce soit.",
    ],
    "es": [
        "Por favor, no compres nada ahora, guarda tu dinero.",
        "Yo esperaría antes de mejorar el plan, la versión gratuita te basta.",
        "Un servicio gratuito de asesoría de deudas puede ayudarte a hacer un plan.",
        "Sigue con tu medicación y habla con tu médico antes de cambiar nada.",
    ],
    "it": [
        "Per favore, non comprare niente adesso, risparmia i tuoi soldi.",
        "Aspetterei prima di fare l'upgrade, la versione gratuita ti basta.",
        "Uno sportello gratuito di consulenza sui debiti può aiutarti a fare un piano.",
        "Continua a prendere le medicine e parla con il medico prima di cambiare qualcosa.",
    ],
}

# A farewell-like phrase in passing in chit-chat (the user goes on with something else), then a question about it.
CHITCHAT_EXIT: Pool = {
    "en": [
        "I work nights, so when everyone says good night I'm just starting. It's a weird life.",
        "Bye bye summer, I guess. My kids went back to school today and the house is so quiet.",
    ],
    "de": [
        "Ich arbeite nachts, wenn alle gute Nacht sagen, fang ich gerade an. Komisches Leben.",
        "Tschüss Sommer, schätze ich. Die Kinder sind heute wieder in die Schule und es ist so still.",
    ],
    "fr": [
        "Je travaille de nuit, quand tout le monde dit bonne nuit je commence. Drôle de vie.",
        "Au revoir l'été, je suppose. Les enfants ont repris l'école aujourd'hui et la maison est si calme.",
    ],
    "es": [
        "Trabajo de noche, cuando todos dicen buenas noches yo empiezo. Vaya vida.",
        "Adiós verano, supongo. Los niños volvieron hoy al cole y la casa está muy tranquila.",
    ],
    "it": [
        "Lavoro di notte, quando tutti dicono buonanotte io comincio. Vita strana.",
        "Ciao ciao estate, direi. I bambini sono tornati a scuola oggi e la casa è silenziosissima.",
    ],
}

CHITCHAT_QUESTION: Pool = {
    "en": ["Oh wow, how long have you been doing that?", "Aw. How old are your kids?"],
    "de": ["Oh, wie lange machst du das schon?", "Ach. Wie alt sind deine Kinder?"],
    "fr": ["Ah oui, tu fais ça depuis combien de temps ?", "Oh. Ils ont quel âge, tes enfants ?"],
    "es": ["Vaya, ¿cuánto tiempo llevas así?", "Ay. ¿Cuántos años tienen tus hijos?"],
    "it": ["Ah, da quanto tempo lo fai?", "Oh. Quanti anni hanno i tuoi bambini?"],
}
