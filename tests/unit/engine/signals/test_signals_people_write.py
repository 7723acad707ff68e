"""Statements as people write them: third person, conversions, couples, pro-drop languages, Dutch and Polish,
and the look-alikes of real text (news, e-mail, reviews) that must stay quiet."""

from __future__ import annotations

import pytest

HEALTH = "GDPR-ART9-HEALTH"
RELIGION = "GDPR-ART9-RELIGION"
ORIENTATION = "GDPR-ART9-SEXUAL-ORIENTATION"
ETHNIC = "GDPR-ART9-ETHNIC-ORIGIN"
POLITICAL = "GDPR-ART9-POLITICAL-OPINION"
UNION = "GDPR-ART9-TRADE-UNION"
BIOMETRIC = "GDPR-ART9-BIOMETRIC"
CRIMINAL = "GDPR-ART10-CRIMINAL-DATA"
CHILD = "GDPR-ART8-CHILD-DATA"
ERASURE = "GDPR-ART17-ERASURE-REQUEST"

FIRES = [
    # a couple described as gay, people said to be gay
    ("They are a gay couple from Leeds.", ORIENTATION, "They are a gay couple"),
    ("Tom and Ben are gay.", ORIENTATION, "Tom and Ben are gay"),
    ("The gay couple next door asked about the party.", ORIENTATION, "The gay couple"),
    ("Het Amsterdamse homopaar is teleurgesteld.", ORIENTATION, "Het Amsterdamse homopaar"),
    ("Ik ben homo.", ORIENTATION, "Ik ben homo"),
    ("Jestem gejem.", ORIENTATION, "Jestem gejem"),
    # ethnic origin: "a Roma" is not Italian "in Rome" when a person noun follows
    ("As a Roma woman I have been refused service.", ETHNIC, "As a Roma woman"),
    # conversions, said of anyone
    ("She converted to Islam last year.", RELIGION, "converted to Islam"),
    ("Il s'est converti au catholicisme.", RELIGION, "converti au catholicisme"),
    ("Sie ist zum Islam konvertiert.", RELIGION, "Islam konvertiert"),
    ("Ik ben moslim.", RELIGION, "Ik ben moslim"),
    ("When Baptist Pastor Stephen Jones talks about marriage, people listen.", RELIGION, "Baptist Pastor Stephen"),
    ("Herzl was visited by Reverend William Hechler.", RELIGION, "Reverend William"),
    ("She grew up in an anti-fascist Catholic family.", RELIGION, "grew up in an anti-fascist Catholic"),
    ("È cresciuta in una famiglia cattolica.", RELIGION, "cresciuta in una famiglia cattolica"),
    ("Jestem katoliczką.", RELIGION, "Jestem katoliczką"),
    # erasure of stored biometrics, and the biometric data itself
    (
        "Please delete the fingerprint template and face scan you stored.",
        ERASURE,
        "Please delete the fingerprint template and face scan you stored",
    ),
    ("Please delete the fingerprint template and face scan you stored.", BIOMETRIC, "face scan you stored"),
    # a child's health data, in every language
    ("My son has epilepsy.", HEALTH, "My son has epilepsy"),
    ("Mon fils est épileptique.", HEALTH, "Mon fils est épileptique"),
    ("Mi hijo tiene epilepsia.", HEALTH, "Mi hijo tiene epilepsia"),
    ("Mój syn ma padaczkę.", HEALTH, "ma padaczkę"),
    ("Ik heb kanker.", HEALTH, "Ik heb kanker"),
    ("Hij leed al jaren aan kanker.", HEALTH, "Hij leed al jaren aan kanker"),
    ("Mam cukrzycę.", HEALTH, "Mam cukrzycę"),
    ("I have Chronic Lyme disease, so I'm stuck at home.", HEALTH, "I have Chronic Lyme disease"),
    ("I started collecting jokes to help with my boredom and depression.", HEALTH, "my boredom and depression"),
    ("His depression got worse after the move.", HEALTH, "His depression"),
    ("After some surgery and a lot of rehab, I have made a full recovery.", HEALTH, "I have made a full recovery"),
    ("Dopo l'intervento sono guarito completamente.", HEALTH, "sono guarito"),
    # criminal data, trade unions, politics, children, erasure in Dutch and Polish
    (
        "Montesinos werd zaterdag in Venezuela gearresteerd.",
        CRIMINAL,
        "Montesinos werd zaterdag in Venezuela gearresteerd",
    ),
    ("Zostałem skazany za kradzież.", CRIMINAL, "Zostałem skazany za kradzież"),
    ("Ik ben veroordeeld voor fraude.", CRIMINAL, "Ik ben veroordeeld voor fraude"),
    ("Il devient militant syndicaliste.", UNION, "Il devient militant syndicaliste"),
    ("Jestem członkiem związku zawodowego.", UNION, "Jestem członkiem związku zawodowego"),
    ("Il adhère au parti communiste.", POLITICAL, "adhère au parti communiste"),
    ("Ik stem op GroenLinks.", POLITICAL, "Ik stem op GroenLinks"),
    ("Głosuję na Lewicę.", POLITICAL, "Głosuję na Lewicę"),
    ("L'enfant de 11 ans a été transporté à l'hôpital.", CHILD, "L'enfant de 11 ans"),
    ("A 12-year-old boy was hit by a car.", CHILD, "A 12-year-old boy"),
    ("Ik ben 13 jaar oud.", CHILD, "Ik ben 13 jaar oud"),
    ("Mam 12 lat.", CHILD, "Mam 12 lat"),
    ("Verwijder al mijn gegevens.", ERASURE, "Verwijder al mijn gegevens"),
    ("Usuńcie moje dane.", ERASURE, "Usuńcie moje dane"),
]

QUIET = [
    ("The Roma deal looks much better.", "ETHNIC_ORIGIN"),
    ("I tried to calculate the IRR on the Roma post offices.", "ETHNIC_ORIGIN"),
    ("Christian Yoder will call you back.", "RELIGIOUS_BELIEF"),
    ("De Katholieke Universiteit Nijmegen organiseert een congres.", "RELIGIOUS_BELIEF"),
    ("That's the way the greatest bear market since the Depression worked its way down.", "HEALTH_DATA"),
    ("Call a vet, that is a sick dog.", "HEALTH_DATA"),
    ("Il a joué le rôle d'un patient.", "HEALTH_DATA"),
    ("Naukowcy badają choroby roślin od lat.", "HEALTH_DATA"),
    ("Ma il cancro è una malattia.", "HEALTH_DATA"),
    ("Installed Biometrics and got excellent service.", "BIOMETRIC_DATA"),
    ("If you received this in error, please delete the original.", "ERASURE_REQUEST"),
    ("He is a criminal defense lawyer.", "CRIMINAL_DATA"),
    ("Par arrêté préfectoral du 4 novembre les communes ont fusionné.", "CRIMINAL_DATA"),
    ("Le serveur est une vraie porte de prison.", "CRIMINAL_DATA"),
    ("La empresa fue condenada.", "CRIMINAL_DATA"),
    ("Fallujah was closed Tuesday in a general strike.", "TRADE_UNION_MEMBERSHIP"),
    ("De staking zou afgelopen middernacht voorbij zijn.", "TRADE_UNION_MEMBERSHIP"),
    ("Se convirtió en el primer bateador.", "RELIGIOUS_BELIEF"),
    ("The company converted to a new billing system.", "RELIGIOUS_BELIEF"),
    ("Our team converted to Scrum.", "RELIGIOUS_BELIEF"),
    ("Catholic priests are not allowed to marry.", "RELIGIOUS_BELIEF"),
    ("The Protestant minister of finance resigned.", "RELIGIOUS_BELIEF"),
    ("Lindsay Gay, cliente SaskTel, è soddisfatta.", "SEXUAL_ORIENTATION"),
    ("Homo sapiens is a species.", "SEXUAL_ORIENTATION"),
    ("Gay parades are held every summer.", "SEXUAL_ORIENTATION"),
    ("People who are gay should be treated equally.", "SEXUAL_ORIENTATION"),
    ("Het kind van twee vrienden speelde buiten.", "CHILD_DATA"),
    ("Ik ben 13 jaar bij dit bedrijf.", "CHILD_DATA"),
    ("I recovered my password from the backup.", "HEALTH_DATA"),
    ("Je me suis remis au travail lundi.", "HEALTH_DATA"),
    ("Pastor Street is closed for repairs.", "RELIGIOUS_BELIEF"),
    ("The trial version is on trial until May.", "CRIMINAL_DATA"),
    ("Mam 12 lat doświadczenia.", "CHILD_DATA"),
]


@pytest.mark.parametrize(("text", "rule_id", "evidence"), FIRES)
def test_statement_as_people_write_it_fires(assert_fires, text, rule_id, evidence):
    assert_fires(text, rule_id, evidence)


@pytest.mark.parametrize(("text", "category"), QUIET)
def test_look_alike_of_real_text_stays_quiet(assert_quiet, text, category):
    assert_quiet(text, category)
