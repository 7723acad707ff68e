"""GDPR Art. 9 special categories: statements about a person fire, look-alike word matches do not.

Synthetic sentences only; names are invented.
"""

from __future__ import annotations

import pytest

HEALTH = "GDPR-ART9-HEALTH"
RELIGION = "GDPR-ART9-RELIGION"
POLITICAL = "GDPR-ART9-POLITICAL-OPINION"
SEXUAL = "GDPR-ART9-SEXUAL-ORIENTATION"
UNION = "GDPR-ART9-TRADE-UNION"
ETHNIC = "GDPR-ART9-ETHNIC-ORIGIN"
GENETIC = "GDPR-ART9-GENETIC"
BIOMETRIC = "GDPR-ART9-BIOMETRIC"

# (text, rule id, exact evidence span)
FIRES = [
    # --- health
    ("I was diagnosed with type 2 diabetes last year", HEALTH, "I was diagnosed with type 2 diabetes"),
    ("my HIV test came back positive", HEALTH, "my HIV test came back positive"),
    ("I'm on antidepressants", HEALTH, "I'm on antidepressants"),
    ("I've been taking sertraline for two years", HEALTH, "I've been taking sertraline"),
    ("I have asthma and hay fever", HEALTH, "I have asthma"),
    ("I'm a cancer survivor", HEALTH, "I'm a cancer"),
    ("My mother was diagnosed with breast cancer in May", HEALTH, "My mother was diagnosed with breast cancer"),
    ("He has epilepsy, so he can't drive", HEALTH, "He has epilepsy"),
    ("I'm pregnant with our second child", HEALTH, "I'm pregnant"),
    ("I suffer from severe migraines", HEALTH, "I suffer from severe migraines"),
    ("I live with MS", HEALTH, "I live with MS"),
    ("I have ADHD and autism", HEALTH, "I have ADHD and autism"),
    ("I was diagnosed last year with type 2 diabetes", HEALTH, "I was diagnosed last year with type 2 diabetes"),
    ("I don't smoke but I have diabetes", HEALTH, "I have diabetes"),
    ("ich habe Diabetes", HEALTH, "ich habe Diabetes"),
    ("Ich leide seit Jahren an Depressionen", HEALTH, "Ich leide seit Jahren an Depressionen"),
    ("Bei mir wurde Diabetes diagnostiziert", HEALTH, "Bei mir wurde Diabetes diagnostiziert"),
    ("je suis séropositive depuis 2015", HEALTH, "je suis séropositive"),
    ("j'ai un cancer du poumon", HEALTH, "j'ai un cancer"),
    ("Je suis atteinte d'un cancer", HEALTH, "Je suis atteinte d'un cancer"),
    ("je prends des antidépresseurs", HEALTH, "je prends des antidépresseurs"),
    ("tengo diabetes tipo 2", HEALTH, "tengo diabetes"),
    ("estoy embarazada de tres meses", HEALTH, "estoy embarazada"),
    ("soffro di epilessia", HEALTH, "soffro di epilessia"),
    ("sono incinta", HEALTH, "sono incinta"),
    # staff notes / mobility aids (the person is the subject)
    ("Customer is undergoing chemotherapy, waived the late fee.", HEALTH, "Customer is undergoing chemotherapy"),
    ("I use a wheelchair, is the pickup point step-free?", HEALTH, "I use a wheelchair"),
    ("I rely on crutches since the accident", HEALTH, "I rely on crutches"),
    ("Mr Weber uses a wheelchair.", HEALTH, "Mr Weber uses a wheelchair"),
    ("I'm having chemo next week", HEALTH, "I'm having chemo"),
    ("Kundin ist schwanger und möchte die Mitgliedschaft pausieren.", HEALTH, "Kundin ist schwanger"),
    ("La cliente est enceinte.", HEALTH, "La cliente est enceinte"),
    # --- religion
    ("I'm Catholic", RELIGION, "I'm Catholic"),
    ("as a Muslim I fast during Ramadan", RELIGION, "as a Muslim"),
    ("as a Muslim I fast during Ramadan", RELIGION, "I fast during Ramadan"),
    ("I'm a practising Jew", RELIGION, "I'm a practising Jew"),
    ("I converted to Islam last year", RELIGION, "I converted to Islam"),
    ("I'm an atheist", RELIGION, "I'm an atheist"),
    ("ich bin Muslim", RELIGION, "ich bin Muslim"),
    ("Als Katholikin gehe ich jeden Sonntag zur Messe", RELIGION, "Als Katholikin"),
    ("je suis musulmane", RELIGION, "je suis musulmane"),
    ("en tant que juif, je fête Pessah", RELIGION, "en tant que juif"),
    ("soy católica", RELIGION, "soy católica"),
    ("sono cattolico praticante", RELIGION, "sono cattolico"),
    ("We're observant Jews, so no deliveries on Saturdays please.", RELIGION, "We're observant Jews"),
    ("We are Jehovah's Witnesses and don't celebrate birthdays", RELIGION, "We are Jehovah's Witnesses"),
    ("Anna Schneider is a devout Catholic.", RELIGION, "Anna Schneider is a devout Catholic"),
    # --- political opinion
    ("I voted for the Greens", POLITICAL, "I voted for the Greens"),
    ("I'm a member of the SPD", POLITICAL, "I'm a member of the SPD"),
    ("I've always voted Labour", POLITICAL, "I've always voted Labour"),
    ("I'm a socialist", POLITICAL, "I'm a socialist"),
    ("I support the Democrats", POLITICAL, "I support the Democrats"),
    ("Ich habe die Grünen gewählt", POLITICAL, "Grünen gewählt"),
    ("ich bin Mitglied der SPD", POLITICAL, "ich bin Mitglied der SPD"),
    ("j'ai voté pour les Verts", POLITICAL, "j'ai voté pour les Verts"),
    ("je suis de gauche", POLITICAL, "je suis de gauche"),
    ("voté al PSOE", POLITICAL, "voté al PSOE"),
    ("soy militante de Podemos", POLITICAL, "soy militante de Podemos"),
    ("ho votato per il PD", POLITICAL, "ho votato per il PD"),
    ("sono iscritto alla Lega", POLITICAL, "sono iscritto alla Lega"),
    # --- sexual orientation / sex life
    ("I'm gay", SEXUAL, "I'm gay"),
    ("I came out as bisexual last year", SEXUAL, "I came out as bisexual"),
    ("As a gay man, I often feel excluded", SEXUAL, "As a gay man"),
    ("I'm a lesbian", SEXUAL, "I'm a lesbian"),
    ("my sex life has been nonexistent", SEXUAL, "my sex life"),
    ("I'm in a same-sex relationship", SEXUAL, "I'm in a same-sex relationship"),
    ("ich bin schwul", SEXUAL, "ich bin schwul"),
    ("je suis lesbienne", SEXUAL, "je suis lesbienne"),
    ("J'ai fait mon coming-out l'an dernier", SEXUAL, "J'ai fait mon coming-out"),
    ("soy bisexual", SEXUAL, "soy bisexual"),
    ("sono omosessuale", SEXUAL, "sono omosessuale"),
    # --- trade union membership
    ("I'm a union member", UNION, "I'm a union member"),
    ("I'm a union member / shop steward", UNION, "I'm a union member"),
    ("I'm a shop steward at the plant", UNION, "I'm a shop steward"),
    ("I joined the union last month", UNION, "I joined the union"),
    ("ich bin Gewerkschaftsmitglied", UNION, "ich bin Gewerkschaftsmitglied"),
    ("ich bin in der Gewerkschaft", UNION, "ich bin in der Gewerkschaft"),
    ("je suis syndiqué à la CGT", UNION, "je suis syndiqué"),
    ("soy delegada sindical", UNION, "soy delegada sindical"),
    ("estoy afiliado a CCOO", UNION, "estoy afiliado a CCOO"),
    ("sono iscritto alla CGIL", UNION, "sono iscritto alla CGIL"),
    ("As a shop steward I have to attend a meeting on Friday.", UNION, "As a shop steward"),
    ("Anna Schneider is a union rep and requested the overtime records.", UNION, "Anna Schneider is a union rep"),
    ("Mr Weber is a union rep at the plant", UNION, "Mr Weber is a union rep"),
    ("Als Gewerkschafter muss ich am Freitag zur Sitzung.", UNION, "Als Gewerkschafter"),
    ("en tant que délégué syndical, je dois assister à la réunion", UNION, "en tant que délégué syndical"),
    # --- racial or ethnic origin
    ("I'm of Roma origin", ETHNIC, "I'm of Roma origin"),
    ("My family is Roma", ETHNIC, "My family is Roma"),
    ("I'm mixed race", ETHNIC, "I'm mixed race"),
    ("my ethnic background is Tamil", ETHNIC, "my ethnic background"),
    ("As a Hispanic woman, I often feel overlooked", ETHNIC, "As a Hispanic"),
    ("ich bin Sinto", ETHNIC, "ich bin Sinto"),
    ("meine Familie ist Roma", ETHNIC, "meine Familie ist Roma"),
    ("je suis d'origine rom", ETHNIC, "je suis d'origine rom"),
    ("soy gitana", ETHNIC, "soy gitana"),
    ("sono di origine rom", ETHNIC, "sono di origine rom"),
    ("I'm of Turkish descent and your form rejects my surname.", ETHNIC, "I'm of Turkish descent"),
    ("I am of Afro-Caribbean heritage", ETHNIC, "I am of Afro-Caribbean heritage"),
    ("Ich bin türkischer Herkunft.", ETHNIC, "Ich bin türkischer Herkunft"),
    ("Je suis d'origine algérienne et votre formulaire refuse mon nom.", ETHNIC, "Je suis d'origine algérienne"),
    ("Soy de origen marroquí.", ETHNIC, "Soy de origen marroquí"),
    ("Sono di origine marocchina e il modulo rifiuta il mio cognome.", ETHNIC, "Sono di origine marocchina"),
    # --- genetic data
    ("my 23andMe results show BRCA1", GENETIC, "my 23andMe results show BRCA1"),
    ("I carry the BRCA2 mutation", GENETIC, "I carry the BRCA2 mutation"),
    ("I took a DNA test last spring", GENETIC, "I took a DNA test"),
    ("my genetic test came back positive", GENETIC, "my genetic test"),
    ("mein Gentest zeigt eine BRCA1-Mutation", GENETIC, "mein Gentest"),
    ("je suis porteuse de la mutation BRCA1", GENETIC, "je suis porteuse de la mutation"),
    ("mi prueba genética salió positiva", GENETIC, "mi prueba genética"),
    ("il mio test genetico ha rilevato una mutazione", GENETIC, "mio test genetico"),
    ("My raw data: rs1801133 AG, rs429358 CT", GENETIC, "rs1801133 AG"),
    ("rs429358 (C;T)", GENETIC, "rs429358 (C;T)"),
    ("rs1801133 A/G", GENETIC, "rs1801133 A/G"),
    # --- biometric data
    ("my fingerprint / face scan", BIOMETRIC, "my fingerprint"),
    ("you stored my fingerprints without asking", BIOMETRIC, "my fingerprints"),
    ("I uploaded a face scan to verify my account", BIOMETRIC, "I uploaded a face scan"),
    ("a face scan of me was taken at the border", BIOMETRIC, "face scan of me"),
    ("meine Fingerabdrücke wurden gespeichert", BIOMETRIC, "meine Fingerabdrücke"),
    ("vous avez mes empreintes digitales", BIOMETRIC, "mes empreintes digitales"),
    ("guardaron mis huellas dactilares", BIOMETRIC, "mis huellas dactilares"),
    ("avete le mie impronte digitali", BIOMETRIC, "mie impronte digitali"),
]

# (text, category that must stay below the reporting threshold)
QUIET = [
    # --- health
    ("I'm dying to try the new flavour", "HEALTH_DATA"),
    ("a cancer research article", "HEALTH_DATA"),
    ("I have a cancer research article to read", "HEALTH_DATA"),
    ("the economic depression hit the region", "HEALTH_DATA"),
    ("I don't have diabetes", "HEALTH_DATA"),
    ("I have never been diagnosed with cancer", "HEALTH_DATA"),
    ("a positive review", "HEALTH_DATA"),
    ("If I had diabetes I would know", "HEALTH_DATA"),
    ("Diabetes is a common condition worldwide", "HEALTH_DATA"),
    ("The Great Depression lasted a decade", "HEALTH_DATA"),
    ("I'm sick of waiting for the update", "HEALTH_DATA"),
    ("I'm a Cancer, so I'm emotional", "HEALTH_DATA"),
    ("ich habe keinen Diabetes", "HEALTH_DATA"),
    ("Krebsforschung ist wichtig", "HEALTH_DATA"),
    ("je n'ai pas le diabète", "HEALTH_DATA"),
    ("un article sur le cancer", "HEALTH_DATA"),
    ("no tengo diabetes", "HEALTH_DATA"),
    ("un artículo sobre el cáncer", "HEALTH_DATA"),
    ("non ho il diabete", "HEALTH_DATA"),
    ("un articolo sul cancro", "HEALTH_DATA"),
    ("He uses a wheelchair ramp at the store entrance", "HEALTH_DATA"),  # the ramp, not the person's aid
    ("I use the wheelchair lift at the station", "HEALTH_DATA"),
    ("I use a wheelchair-accessible entrance", "HEALTH_DATA"),
    ("Customer is undergoing a credit check", "HEALTH_DATA"),
    ("Customer is receiving a refund", "HEALTH_DATA"),
    # --- religion
    ("Jesus, the app froze again", "RELIGIOUS_BELIEF"),
    ("the history of Islam lecture", "RELIGIOUS_BELIEF"),
    ("Oh my God, the update broke everything", "RELIGIOUS_BELIEF"),
    ("the church on the corner was built in 1890", "RELIGIOUS_BELIEF"),
    ("I'm not Catholic", "RELIGIOUS_BELIEF"),
    ("Catholic schools are popular in this region", "RELIGIOUS_BELIEF"),
    ("die Geschichte des Islam", "RELIGIOUS_BELIEF"),
    ("ich bin kein Muslim", "RELIGIOUS_BELIEF"),
    ("l'histoire de l'islam", "RELIGIOUS_BELIEF"),
    ("je ne suis pas catholique", "RELIGIOUS_BELIEF"),
    ("Mon Dieu, quelle journée", "RELIGIOUS_BELIEF"),
    ("la historia del islam", "RELIGIOUS_BELIEF"),
    ("no soy católico", "RELIGIOUS_BELIEF"),
    ("la storia dell'Islam", "RELIGIOUS_BELIEF"),
    ("non sono cattolico", "RELIGIOUS_BELIEF"),
    ("We're open on Saturdays", "RELIGIOUS_BELIEF"),
    ("We're a Catholic school in Leeds", "RELIGIOUS_BELIEF"),  # an organisation
    ("We are a Christian charity", "RELIGIOUS_BELIEF"),
    ("They are Catholic schools", "RELIGIOUS_BELIEF"),
    ("The customer is a church in Leeds", "RELIGIOUS_BELIEF"),
    ("Anna is a Catholic school teacher", "RELIGIOUS_BELIEF"),
    # --- political opinion
    ("the party starts at eight", "POLITICAL_OPINION"),
    ("I voted for the best costume", "POLITICAL_OPINION"),
    ("The greens in this salad are fresh", "POLITICAL_OPINION"),
    ("Labour Day sale ends Monday", "POLITICAL_OPINION"),
    ("I'm a member of the chess club", "POLITICAL_OPINION"),
    ("Democrats announced a new bill today", "POLITICAL_OPINION"),
    ("I would never vote for the Tories", "POLITICAL_OPINION"),
    ("die Party beginnt um acht", "POLITICAL_OPINION"),
    ("j'ai voté pour la meilleure photo", "POLITICAL_OPINION"),
    ("voté por la mejor foto", "POLITICAL_OPINION"),
    ("ho votato per la foto più bella", "POLITICAL_OPINION"),
    # --- sexual orientation
    ("if someone were gay", "SEXUAL_ORIENTATION"),
    ("I'm not gay", "SEXUAL_ORIENTATION"),
    ("the gay rights debate in parliament", "SEXUAL_ORIENTATION"),
    ("we had a gay old time", "SEXUAL_ORIENTATION"),
    ("the lesbian film festival opens today", "SEXUAL_ORIENTATION"),
    ("I'm straight up exhausted", "SEXUAL_ORIENTATION"),
    ("extra virgin olive oil", "SEXUAL_ORIENTATION"),
    ("ich bin nicht schwul", "SEXUAL_ORIENTATION"),
    ("wenn jemand schwul wäre", "SEXUAL_ORIENTATION"),
    ("je ne suis pas homosexuel", "SEXUAL_ORIENTATION"),
    ("si alguien fuera gay", "SEXUAL_ORIENTATION"),
    ("se qualcuno fosse gay", "SEXUAL_ORIENTATION"),
    # --- trade union
    ("the union of two sets", "TRADE_UNION_MEMBERSHIP"),
    ("the European Union", "TRADE_UNION_MEMBERSHIP"),
    ("the union announced a strike", "TRADE_UNION_MEMBERSHIP"),
    ("I joined the credit union", "TRADE_UNION_MEMBERSHIP"),
    ("I'm in the European Union", "TRADE_UNION_MEMBERSHIP"),
    ("I'm not a union member", "TRADE_UNION_MEMBERSHIP"),
    ("SQL UNION combines results", "TRADE_UNION_MEMBERSHIP"),
    ("I'm in the union square office today", "TRADE_UNION_MEMBERSHIP"),
    ("Estoy en el sindicato de estudiantes", "TRADE_UNION_MEMBERSHIP"),
    ("die Europäische Union", "TRADE_UNION_MEMBERSHIP"),
    ("l'Union européenne", "TRADE_UNION_MEMBERSHIP"),
    ("le syndicat des copropriétaires se réunit", "TRADE_UNION_MEMBERSHIP"),
    ("la Unión Europea", "TRADE_UNION_MEMBERSHIP"),
    ("l'Unione europea", "TRADE_UNION_MEMBERSHIP"),
    ("As a union member, you get a discount", "TRADE_UNION_MEMBERSHIP"),  # "as a ..." needs a first-person word
    ("As a shop steward, he must attend", "TRADE_UNION_MEMBERSHIP"),
    ("Customer is a trade union", "TRADE_UNION_MEMBERSHIP"),  # B2B customer: an organisation
    ("Verdi is a trade union", "TRADE_UNION_MEMBERSHIP"),
    ("Anna Schneider is a union-busting consultant", "TRADE_UNION_MEMBERSHIP"),
    ("Mr Weber is the union's lawyer", "TRADE_UNION_MEMBERSHIP"),
    # --- ethnic origin
    ("Roma won the derby", "ETHNIC_ORIGIN"),
    ("I'm a Roma fan", "ETHNIC_ORIGIN"),
    ("We visited Roma last summer", "ETHNIC_ORIGIN"),
    ("ethnic food is popular here", "ETHNIC_ORIGIN"),
    ("What is your ethnic origin?", "ETHNIC_ORIGIN"),
    ("I'm not Roma", "ETHNIC_ORIGIN"),
    ("ho visitato Roma", "ETHNIC_ORIGIN"),
    ("sono a Roma", "ETHNIC_ORIGIN"),
    ("Sono della Roma", "ETHNIC_ORIGIN"),
    ("die Roma-Ausstellung im Museum", "ETHNIC_ORIGIN"),
    ("el origen étnico de la palabra", "ETHNIC_ORIGIN"),
    ("I'm of the opinion that the fee is unfair", "ETHNIC_ORIGIN"),
    ("I'm of humble origins", "ETHNIC_ORIGIN"),
    ("I'm not of Turkish descent", "ETHNIC_ORIGIN"),
    ("Je suis d'origine modeste", "ETHNIC_ORIGIN"),
    ("Soy de origen humilde", "ETHNIC_ORIGIN"),
    ("Sono di umili origini", "ETHNIC_ORIGIN"),
    # --- genetic
    ("a DNA helix diagram for biology class", "GENETIC_DATA"),
    ("genetic algorithms for optimisation", "GENETIC_DATA"),
    ("the gene therapy market grew", "GENETIC_DATA"),
    ("the BRCA1 gene was discovered in 1994", "GENETIC_DATA"),
    ("innovation is in our DNA", "GENETIC_DATA"),
    ("customer focus is in my DNA", "GENETIC_DATA"),
    ("the SNP rs1801133 is associated with folate metabolism", "GENETIC_DATA"),
    ("The SNP rs1801133 at position 677 is a common variant", "GENETIC_DATA"),
    ("Gentests sind umstritten", "GENETIC_DATA"),
    ("les tests génétiques en général", "GENETIC_DATA"),
    ("la genética es fascinante", "GENETIC_DATA"),
    ("il test genetico è costoso", "GENETIC_DATA"),
    # --- biometric
    ("browser fingerprinting is a tracking technique", "BIOMETRIC_DATA"),
    ("the fingerprint reader on this laptop is fast", "BIOMETRIC_DATA"),
    ("my fingerprint sensor is broken", "BIOMETRIC_DATA"),
    ("facial recognition is controversial", "BIOMETRIC_DATA"),
    ("the SSH key fingerprint changed", "BIOMETRIC_DATA"),
    ("der Fingerabdrucksensor ist kaputt", "BIOMETRIC_DATA"),
    ("la reconnaissance faciale est controversée", "BIOMETRIC_DATA"),
    ("el lector de huellas no funciona", "BIOMETRIC_DATA"),
    ("il lettore di impronte è rotto", "BIOMETRIC_DATA"),
]


@pytest.mark.parametrize(("text", "rule_id", "evidence"), FIRES)
def test_special_category_statement_fires(assert_fires, text, rule_id, evidence):
    assert_fires(text, rule_id, evidence)


@pytest.mark.parametrize(("text", "category"), QUIET)
def test_look_alike_stays_quiet(assert_quiet, text, category):
    assert_quiet(text, category)


def test_tables_cover_every_art9_category_in_three_languages():
    rules = {r for _, r, _ in FIRES}
    assert rules == {HEALTH, RELIGION, POLITICAL, SEXUAL, UNION, ETHNIC, GENETIC, BIOMETRIC}
    for rule in rules:
        assert sum(r == rule for _, r, _ in FIRES) >= 3
    categories = {c for _, c in QUIET}
    for category in categories:
        assert sum(c == category for _, c in QUIET) >= 3
