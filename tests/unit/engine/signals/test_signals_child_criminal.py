"""GDPR Art. 8 (stated ages under 16) and Art. 10 (criminal data said of a natural person).

Synthetic sentences only; names are invented.
"""

from __future__ import annotations

import pytest

CHILD = "GDPR-ART8-CHILD-DATA"
CRIMINAL = "GDPR-ART10-CRIMINAL-DATA"

FIRES = [
    # --- children: the writer's own age / school year, or a described child's age
    ("I'm 13", CHILD, "I'm 13"),
    ("I'm 13 and I love Minecraft", CHILD, "I'm 13"),
    ("i am 12 years old", CHILD, "i am 12 years old"),
    ("I just turned 14!", CHILD, "I just turned 14"),
    ("my 7-year-old loves it", CHILD, "my 7-year-old"),
    ("My son is 9 and loves dinosaurs", CHILD, "My son is 9"),
    ("I'm in 7th grade", CHILD, "I'm in 7th grade"),
    ("I am in year 8", CHILD, "I am in year 8"),
    ("ich bin 13", CHILD, "ich bin 13"),
    ("Ich bin 12 Jahre alt", CHILD, "Ich bin 12 Jahre alt"),
    ("ich gehe in die 7. Klasse", CHILD, "ich gehe in die 7. Klasse"),
    ("j'ai 14 ans", CHILD, "j'ai 14 ans"),
    ("mon fils de 8 ans adore ce jeu", CHILD, "mon fils de 8 ans"),
    ("je suis en 4e", CHILD, "je suis en 4e"),
    ("tengo 12 años", CHILD, "tengo 12 años"),
    ("mi hija tiene 10 años", CHILD, "mi hija tiene 10 años"),
    ("Estoy en primero de la ESO", CHILD, "Estoy en primero de la ESO"),
    ("ho 12 anni", CHILD, "ho 12 anni"),
    ("mio figlio di 6 anni", CHILD, "mio figlio di 6 anni"),
    ("faccio la terza media", CHILD, "faccio la terza media"),
    # --- criminal data
    ("I was convicted of fraud in 2019.", CRIMINAL, "I was convicted of fraud"),
    ("he has a criminal record", CRIMINAL, "he has a criminal record"),
    ("I was arrested last night", CRIMINAL, "I was arrested"),
    ("I'm on probation until March", CRIMINAL, "I'm on probation"),
    ("My brother was jailed for burglary", CRIMINAL, "My brother was jailed for burglary"),
    ("Sarah Milton was convicted of theft", CRIMINAL, "Sarah Milton was convicted of theft"),
    ("I have a criminal record", CRIMINAL, "I have a criminal record"),
    ("I served two years for robbery", CRIMINAL, "I served two years for robbery"),
    ("My husband is in prison", CRIMINAL, "My husband is in prison"),
    ("ich bin vorbestraft", CRIMINAL, "ich bin vorbestraft"),
    ("ich wurde wegen Betrug verurteilt", CRIMINAL, "ich wurde wegen Betrug"),
    ("j'ai un casier judiciaire", CRIMINAL, "j'ai un casier judiciaire"),
    ("il a été condamné pour vol", CRIMINAL, "il a été condamné pour vol"),
    ("j'ai fait de la prison", CRIMINAL, "j'ai fait de la prison"),
    ("tengo antecedentes penales", CRIMINAL, "tengo antecedentes penales"),
    ("fui detenido por robo", CRIMINAL, "fui detenido por robo"),
    ("mi hermano ha sido condenado", CRIMINAL, "mi hermano ha sido condenado"),
    ("ho precedenti penali", CRIMINAL, "ho precedenti penali"),
    ("sono stato arrestato nel 2018", CRIMINAL, "sono stato arrestato"),
    # staff notes: the applicant / customer is the subject
    (
        "Applicant disclosed a previous conviction for fraud.",
        CRIMINAL,
        "Applicant disclosed a previous conviction for fraud",
    ),
    ("The applicant declared a prior conviction", CRIMINAL, "The applicant declared a prior conviction"),
    ("Customer was arrested last week", CRIMINAL, "Customer was arrested"),
    ("Bewerber hat eine Vorstrafe wegen Betrugs angegeben.", CRIMINAL, "Bewerber hat eine Vorstrafe wegen Betrugs"),
    ("Le candidat a un casier judiciaire.", CRIMINAL, "Le candidat a un casier judiciaire"),
    ("El candidato tiene antecedentes penales.", CRIMINAL, "El candidato tiene antecedentes penales"),
    ("Il candidato ha precedenti penali.", CRIMINAL, "Il candidato ha precedenti penali"),
]

QUIET = [
    # --- children
    ("I'm 25", "CHILD_DATA"),
    ("my order is 12 days late", "CHILD_DATA"),
    ("I'm 15 minutes away", "CHILD_DATA"),
    ("Tom is 12 years old in this math problem", "CHILD_DATA"),
    ("I'm 12 hours into this shift", "CHILD_DATA"),
    ("I'm 13 years into my career", "CHILD_DATA"),
    ("my 12-year-old laptop still works", "CHILD_DATA"),
    ("When I was 12 I broke my arm", "CHILD_DATA"),
    ("If I were 13 again I would study more", "CHILD_DATA"),
    ("ich bin 13 km gelaufen", "CHILD_DATA"),
    ("ich bin 30", "CHILD_DATA"),
    ("j'ai 14 chats", "CHILD_DATA"),
    ("tengo 12 euros", "CHILD_DATA"),
    ("ho 12 euro", "CHILD_DATA"),
    # --- criminal
    ("arrested development is my favourite show", "CRIMINAL_DATA"),
    ("the court convicted the company", "CRIMINAL_DATA"),
    ("the police arrested a suspect downtown", "CRIMINAL_DATA"),
    ("criminal record checks are required for all staff", "CRIMINAL_DATA"),
    ("I have never been arrested", "CRIMINAL_DATA"),
    ("it's my conviction that we should help", "CRIMINAL_DATA"),
    ("I have a fraud alert on my card", "CRIMINAL_DATA"),
    ("I reported the theft to the police", "CRIMINAL_DATA"),
    ("er wurde nicht verurteilt", "CRIMINAL_DATA"),
    ("j'ai arrêté de fumer", "CRIMINAL_DATA"),
    ("mon vol a été annulé", "CRIMINAL_DATA"),
    ("la empresa fue condenada", "CRIMINAL_DATA"),
    ("il casellario giudiziale è un registro pubblico", "CRIMINAL_DATA"),
    ("The applicant disclosed his favourite band.", "CRIMINAL_DATA"),
    ("Applicant disclosed a previous address in Berlin.", "CRIMINAL_DATA"),
    ("The customer reported the arrest of a shoplifter.", "CRIMINAL_DATA"),  # someone else, reported
    ("Customer disclosed the fraud to the bank.", "CRIMINAL_DATA"),  # a victim, not an offender
    ("Applicant disclosed a conviction that honesty matters.", "CRIMINAL_DATA"),
]


@pytest.mark.parametrize(("text", "rule_id", "evidence"), FIRES)
def test_statement_fires(assert_fires, text, rule_id, evidence):
    assert_fires(text, rule_id, evidence)


@pytest.mark.parametrize(("text", "category"), QUIET)
def test_look_alike_stays_quiet(assert_quiet, text, category):
    assert_quiet(text, category)


def test_third_person_age_in_maths_problem_is_kept_below_half(nlp, detector):
    text = "Tom is 12 years old in this math problem"
    signals = [s for s in detector.detect(nlp(text), threshold=0.0) if s.category == "CHILD_DATA"]
    assert len(signals) == 1
    assert 0.0 < signals[0].score < 0.5
    assert text[signals[0].start : signals[0].end] == "Tom is 12 years old"
