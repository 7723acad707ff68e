"""Names the NER model missed: those a title, a role noun or a given name announces, and the other mentions of a
found person's surname (engine/name_cues.py), alone and in the whole detector; and the look-alikes that must stay
no name."""

from __future__ import annotations

import pytest
from privscan.engine.detect import Unit, plausible
from privscan.engine.name_cues import cued_names, given_names, known_places, name_word, place_names, propagated


def _cued(text: str, language: str | None) -> list[str]:
    found, _ = cued_names(text, language, [])
    return [text[start:end] for start, end in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # titles and forms of address
        ("Gestern hat Herr Pofalla mit Frau Holle gesprochen.", "de", ["Pofalla", "Holle"]),
        ("Gracias, señor Segni, y también a la Sra. Barón Crespo.", "es", ["Segni", "Barón Crespo"]),
        ("La Sig.ra Rossi e il dott. Bianchi sono arrivati.", "it", ["Rossi", "Bianchi"]),
        ("M. Dupont et Mme Lefèvre sont arrivés hier soir.", "fr", ["Dupont", "Lefèvre"]),
        ("Gisteren spraken dhr. Jansen en mevrouw Bakker met ons.", "nl", ["Jansen", "Bakker"]),
        ("Yesterday Mr Smith met Dr. Jones at the station.", "en", ["Smith", "Jones"]),
        ("Ontem o senhor Azevedo falou com a Dra. Matos.", "pt", ["Azevedo", "Matos"]),
        # role nouns, in German also as the last part of a compound
        ("Das sagte der CSU-Politiker Straubinger am Montag.", "de", ["Straubinger"]),
        ("Für US-Präsident Barack Obama wird es ein schweres Jahr.", "de", ["Barack Obama"]),
        ("Felicito al ponente Koch por su informe.", "es", ["Koch"]),
        ("Ringrazio il presidente Prodi per la risposta.", "it", ["Prodi"]),
        ("De burgemeester Jansen opende de vergadering.", "nl", ["Jansen"]),
        # appositions of news text
        ("Das gefiel Bushs Parteikollegen McCain nicht.", "de", ["McCain"]),
        ("Dat zei partijleider Rutte gisteren.", "nl", ["Rutte"]),
        ("El delantero Morientes marcó dos goles.", "es", ["Morientes"]),
        ("Il premier Prodi ha parlato ieri.", "it", ["Prodi"]),
        ("Le porte-parole Dupuis a démenti.", "fr", ["Dupuis"]),
        # a given name and a capitalised word after it, particles between
        ("Allerdings zog sich Torsten Frings eine Verletzung zu.", "de", ["Torsten Frings"]),
        ("Sie lernte bei Uta Hagen und Patrick von Brunn.", "de", ["Uta Hagen", "Patrick von Brunn"]),
        ("Hier, Camille Moreau a présenté le projet.", "fr", ["Camille Moreau"]),
    ],
)
def test_a_cue_announces_the_name_after_it(text, language, expected):
    assert _cued(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Señor Presidente, señor Comisario, Señorías.", "es"),  # titles and role nouns are no names
        ("Das Kleid ist Rosa und die Tasche auch.", "de"),  # a given name alone is never enough
        ("Rosa ist meine Lieblingsfarbe.", "de"),
        ("Er fährt einen Mercedes-Benz nach San Marino.", "de"),  # one hyphenated word; "San" is no given name
        ("Paris Saint-Germain a gagné hier soir.", "fr"),  # a city that is also a given name: left out
        ("Die Frau Mitte vierzig wartete.", "de"),  # a common word after a title
        ("M Dupont", "fr"),  # "M" is a title only with its full stop
        ("Der Minister Präsident", "de"),  # a role noun after a role noun
        ("Re: Meeting notes from the President", "en"),  # a role noun with no name after it
        ("Mr. and Mrs. were printed on the card.", "en"),
    ],
)
def test_look_alikes_stay_no_name(text, language):
    assert _cued(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # English role nouns of parliament and news
        ("It expressed its confidence in President Prodi during the term.", "en", ["Prodi"]),
        ("I would like to hear what Commissioner Monti has to say.", "en", ["Monti"]),
        ("Prime Minister Blair spoke first.", "en", ["Blair"]),
        # German role nouns in the cases parliament speaks them
        ("Das betrifft den Antrag des Abgeordneten Ari Vatanen.", "de", ["Ari Vatanen"]),
        ("Ich stimme meinem Kollegen Jonckheer zu.", "de", ["Jonckheer"]),
        ("Das hat Kommissionsmitglied Monti gesagt.", "de", ["Monti"]),
        # a particle after a German role that is no one's "of" a place
        ("Ich danke dem Berichterstatter von Wogau für den Bericht.", "de", ["von Wogau"]),
        # lists after a cue of several persons, to the first other word
        ("The tunnels, which Messrs Rack and Swoboda have referred to.", "en", ["Rack", "Swoboda"]),
        (
            "Ich danke den Berichterstattern von Wogau, Langen, Rapkay und Jonckheer sowie der Kommission.",
            "de",
            ["von Wogau", "Langen", "Rapkay", "Jonckheer"],
        ),
        ("Messrs Rack and the Commission agree.", "en", ["Rack"]),
        ("Gespielt von den Herren Slansky und Sitt, danach kam die Pause.", "de", ["Slansky", "Sitt"]),
        ("Im Garten des Hrn. Abel blüht es.", "de", ["Abel"]),
        ("Dort empfing Erzherzog Johann die Gäste.", "de", ["Johann"]),
        # a dotted title of tokenised text ("Dr . Koch")
        ("Den Preis hat Dr . von Brücke gestiftet .", "de", ["von Brücke"]),
        ("Hier sprach Prof . Sauerbruch lange .", "de", ["Sauerbruch"]),
        # a given name and an initial with its full stop, also tokenised
        ("Danach soll die 16-jährige Susanne R . gestanden haben .", "de", ["Susanne R ."]),
        ("Danach soll Susanne R. gestanden haben.", "de", ["Susanne R."]),
        ("Dann spielte Anna gegen Gruppe B . Danach kam nichts .", "de", []),  # no initial after a given name
        ("Mr Cox, Europe and the Commission agree.", "en", ["Cox"]),  # a list needs a cue of several persons
        # a surname that is a common noun after a German word for a colleague
        ("Ich möchte zuerst dem Kollegen Koch zu seinen Berichten gratulieren.", "de", ["Koch"]),
        ("Der Kollege Fischer hat recht.", "de", ["Fischer"]),
        # military and noble ranks of older newspapers, and a family name's "von" after them
        ("Die Marineoffiziere Major Boday und Oberlieutenant Hadik reisten ab.", "de", ["Boday", "Hadik"]),
        ("Abgereist sind Statthalter Salm und Feldmarschall Radetzky.", "de", ["Salm", "Radetzky"]),
        ("Der General von Pfuel hat die Erklärung abgegeben.", "de", ["von Pfuel"]),
        ("Dem Freiherrn von Stein gehörte das Gut.", "de", ["von Stein"]),
        ("Das Gut des Ritter Lamberg liegt im Tal.", "de", ["Lamberg"]),
    ],
)
def test_role_nouns_of_parliament_particles_and_lists_announce_names(text, language, expected):
    assert _cued(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der König von Neapel und der Bürgermeister von Hamburg kamen.", "de"),  # a role "of" a place
        ("Der Präsident von Frankreich sprach.", "de"),
        ("Die Abgeordneten Europas stimmten zu.", "de"),  # a place's genitive after a role noun
        ("Mr President, the Commissioner and the rapporteurs agree.", "en"),
        ("The Premier League and General Motors announced it.", "en"),
        ("Liebe Kolleginnen und Kollegen, wir beginnen.", "de"),
        ("Meine Damen und Herren, Europa wartet.", "de"),
        ("Hrn Abel", "de"),  # "Hrn" is a title only with its full stop
        ("Das Kapitel endet mit Dr . Dann beginnt es neu .", "de"),  # a common word after a tokenised title
        ("Der Major Schaden wurde gemeldet.", "de"),  # a common word after a rank stays no name
        ("Ich muss dem Kollegen Recht geben.", "de"),  # the object of a phrase after "Kollegen"
        ("Wir müssen den Kollegen Bericht erstatten und gehen.", "de"),  # a common word before an infinitive
        ("Der Präsident Koch trat auf.", "de"),  # a common word after other role nouns stays no name
        ("Der Hauptmann von Köpenick wurde berühmt.", "de"),  # a rank "of" a place: no particle of a name
        ("Die Statthalter Europas tagten.", "de"),  # a place's genitive after a rank
    ],
)
def test_role_noun_look_alikes_stay_no_name(text, language):
    assert _cued(text, language) == []


def test_a_name_the_model_tagged_is_not_found_again_and_a_title_overrules_an_organisation():
    text = "Gracias, señor Segni."
    segni = (text.index("Segni"), text.index("Segni") + 5)
    assert cued_names(text, "es", [segni]) == ([], [])  # already a result
    assert cued_names(text, "es", [], [segni]) == ([segni], [segni])  # the model's ORG: the title wins
    mercedes = "Ayer vi a Mercedes Benz en el mercado."
    span = (mercedes.index("Mercedes"), mercedes.index("Benz") + 4)
    assert cued_names(mercedes, "es", [], [span]) == ([], [])  # the model's ORG: a given name does not win


def test_a_surname_marks_its_other_mentions_in_the_same_text():
    text = "Angela Merkel kam nach Berlin. Merkel sagte, Merkels Rede sei kurz; Merkelsche Politik nicht."
    full = (0, 13)
    found = propagated(text, "de", [full], [], [full])
    assert [text[start:end] for start, end in found] == ["Merkel", "Merkels"]
    assert propagated(text, "de", [(23, 29)], [], []) == []  # one word ("Berlin") gives no surname
    hagen = "Paul Hagen fuhr nach Hagen."
    assert propagated(hagen, "de", [(0, 10)], [], [(0, 10)], places=[(21, 26)]) == []  # also a place: not spread
    english = "John Smith came. Smith's dog and Smiths stayed."
    assert [english[s:e] for s, e in propagated(english, "en", [(0, 10)], [], [(0, 10)])] == ["Smith"]


def test_a_word_of_a_name_is_capitalised_and_no_common_function_title_or_role_word():
    assert name_word("Frings", "de") and name_word("Barón", "es")
    assert not name_word("Stadt", "de")  # common word
    assert not name_word("Herr", "de") and not name_word("Presidente", "it")
    assert not name_word("ABC", "de") and not name_word("frings", "de")
    assert {"torsten", "uta", "camille", "rosa"} <= given_names() and not {"paris", "india"} & given_names()


@pytest.mark.parametrize(
    ("span", "language", "expected"),
    [
        ("Ludwig XII", "de", True),  # a regnal number
        ("Pius IX", "nl", True),
        ("IX", "nl", False),
        ("Batch LOT", "en", False),
        ("Mathias Lang", "de", True),  # a name spelt like a function word, after the first
        ("Lang Mathias", "de", False),
        ("Weil Brecht", "pt", True),  # Portuguese has its own function words now, not German's
        ("Ihr Profil", "de", False),
    ],
)
def test_plausible_names_with_regnal_numbers_and_function_word_look_alikes(span, language, expected):
    assert plausible("PERSON", span, language) is expected


@pytest.mark.parametrize(
    ("span", "capitals", "expected"),
    [
        ("THORBECKE", True, True),  # the surname of a notice, found by the language's own model
        ("J. C. BÜSTERBOS", True, True),
        ("THORBECKE", False, False),  # the English model's all-capital span stays no name
        ("ROME", True, False),  # four capitals: a code or an acronym as before
        ("BATCH LOT", True, False),
    ],
)
def test_all_capital_names_count_only_from_the_languages_own_model(span, capitals, expected):
    assert plausible("PERSON", span, "nl", capitals) is expected


# ------------------------------------------------------------------------------------------ whole detector


def _persons(scanner, text: str) -> list[str]:
    found = scanner.detector.run([Unit(text, 0, None, "user")])[0]
    return [text[start:end] for entity, start, end, *_ in found if entity == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern hat Herr Pofalla mit Frau Holle über den Haushalt gesprochen.", ["Pofalla", "Holle"]),
        ("Allerdings zog sich Torsten Frings beim Training eine Verletzung zu.", ["Torsten Frings"]),
        ("Gracias, señor Segni, lo haré de muy buen grado.", ["Segni"]),
        ("Señor Presidente, señor Comisario, Señorías, la propuesta es buena.", []),
        ("La Sig.ra Rossi e il dott. Bianchi sono arrivati ieri sera a Roma.", ["Rossi", "Bianchi"]),
        ("Si l'Assemblée est d'accord, M. Dupont prendra la parole demain.", ["Dupont"]),
        ("Gisteren heeft de burgemeester met mevrouw Bakker over het plan gesproken.", ["Bakker"]),
        ("Er fuhr mit seinem Mercedes-Benz nach San Marino und zurück.", []),
        # a role noun at the edge of the model's span is cut off it
        ("Herr Präsident , Herr Kommissar Barnier , liebe Kolleginnen und Kollegen !", ["Barnier"]),
        # a list's name overrules the model's place or other entity there
        (
            "Ich danke den Berichterstattern von Wogau , Langen , Rapkay , Jonckheer sowie der Kommission .",
            ["von Wogau", "Langen", "Rapkay", "Jonckheer"],
        ),
        ("Thank you , Mr President . Commissioner , the rapporteur has spoken .", []),
    ],
)
def test_the_detector_reports_the_names_a_cue_announces(scanner, text, expected):
    assert _persons(scanner, text) == expected


def test_a_cue_overrules_the_models_place_or_shorter_person_inside_the_name_but_not_a_table_of_places():
    text = "Sie lernte bei Uta Hagen in New York."
    hagen = (text.index("Hagen"), text.index("Hagen") + 5)
    assert cued_names(text, "de", [hagen], places=[hagen])[0] == [(15, 24)]  # "Uta Hagen", not the city
    titled = "Gestern kam Herr Hagen."
    at = (titled.index("Hagen"), titled.index("Hagen") + 5)
    assert cued_names(titled, "de", [at], places=[at])[0] == [at]
    genitive = "Der Präsident Frankreichs sprach."
    land = (genitive.index("Frank"), genitive.index("Frank") + 11)
    assert cued_names(genitive, "de", [land], places=[land])[0] == []  # a role noun and a German genitive: a place
    initial = "Die 16-jährige Susanne R. soll gestanden haben."
    model = (initial.index("R."), initial.index("R.") + 2)
    assert cued_names(initial, "de", [model], persons=[model])[0] == [(15, 25)]  # "Susanne R." replaces "R."
    table = "51 Palthe Karel Hendrik Oldenzaal Oldenzaal Oldenzaal 2"
    assert [table[s:e] for s, e in cued_names(table, "nl", [])[0]] == ["Karel Hendrik"]
    assert propagated(table, "nl", [(10, 33)], [], [(10, 33)]) == []  # "Oldenzaal Oldenzaal": not spread


def test_after_a_title_or_role_noun_a_common_word_is_a_name_outside_german_and_after_a_title_a_particle_may_lead():
    assert _cued("Ringrazio il presidente Prodi per la risposta.", "it") == ["Prodi"]  # "prodi" is an Italian word
    assert _cued("Die Frau Mitte vierzig wartete.", "de") == []  # German capitalises every noun
    assert _cued("Ringrazio la signora de Palacio per la risposta.", "it") == ["de Palacio"]
    assert _cued("De Minister van Justitie diende een ontwerp in.", "nl") == []  # a particle after a role noun
    assert _cued("Una carta al Presidente de Sri Lanka.", "es") == []


def test_the_english_models_span_in_a_language_without_a_model_is_trimmed_again_after_it_is_cut(scanner):
    assert _persons(scanner, "Quanto al Parlamento , tengo a ricordare che esiste un codice di condotta .") == []


def _places(text: str, language: str | None, persons=(), taken=(), entities=()) -> tuple[list[str], list[str]]:
    relabelled, added = known_places(text, language, list(persons), list(taken), list(entities))
    return [text[s:e] for s, e in relabelled], [text[s:e] for s, e in added]


def test_countries_and_continents_of_the_texts_language_are_places():
    text = "Esto iría en detrimento de Europa y del Reino Unido ."
    assert known_places(text, "es", [], [])[1] == [(27, 33), (40, 51)]
    assert _places("Il Regno Unito e la Francia ne discutono .", "it") == ([], ["Regno Unito", "Francia"])
    assert _places("Deutschland und Österreich verhandeln .", "de") == ([], ["Deutschland", "Österreich"])
    # another language's name is not looked for in running text, a given name or common word never
    assert _places("Il Reino Unido e la Germania .", "it") == ([], ["Germania"])
    assert "Chad" not in place_names("en") and "Jordan" not in place_names("en")
    assert _places("Chad and Jordan met in Georgia .", "en") == ([], [])
    # inside a word, a compound or another entity: no place; the model's entity that is exactly the name: a place
    assert _places("Die Deutschland-Tour und die Europameisterschaft .", "de") == ([], [])
    bank = "El Banco de España informa ."
    assert _places(bank, "es", entities=[(3, 21)]) == ([], [])
    alone = "Una Europa más amplia ."
    assert _places(alone, "es", entities=[(4, 10)]) == ([], ["Europa"])
    taken = "Vive en Francia ."
    assert _places(taken, "es", taken=[(8, 15)]) == ([], [])


def test_a_person_that_is_a_country_of_any_language_becomes_a_place():
    text = "E ' quanto il Regno Unito chiede , con Galles e Mario Monti ."
    persons = [(14, 25), (39, 45), (48, 59)]
    assert _places(text, "it", persons=persons, taken=persons)[0] == ["Regno Unito", "Galles"]
    assert _places("Jordan scored twice .", "en", persons=[(0, 6)], taken=[(0, 6)]) == ([], [])


def test_the_detector_reports_a_country_the_model_missed_as_a_place(scanner):
    text = "Hay que fomentar una Europa más amplia y más próspera ."
    found = scanner.detector.run([Unit(text, 0, None, "user")])[0]
    assert [(entity, text[start:end]) for entity, start, end, *_ in found] == [("LOCATION", "Europa")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a verb of saying (or an attributing preposition) before the name, or after it
        ("Das Gesetz komme zu spät, sagte Pofalla am Montag.", "de", ["Pofalla"]),
        ("Zum Haushalt meinte Huber nur wenig.", "de", ["Huber"]),  # not "Haushalt": in German two words before
        ("Ronald Pofalla sagte am Montag nichts dazu.", "de", ["Ronald Pofalla"]),
        ("La reforma llega tarde, dijo Zapatero ayer.", "es", ["Zapatero"]),
        ("Lo ha detto Berlusconi ieri sera.", "it", ["Berlusconi"]),
        ("Het plan is goed, zei Balkenende gisteren.", "nl", ["Balkenende"]),
        ("It will take time, Griffin said on Tuesday.", "en", ["Griffin"]),
        # initials before a surname (not in German, where every noun is capitalised)
        ("Gisteren sprak W. J. Backus in Kampen.", "nl", ["W. J. Backus"]),
        ("Dann kam das I. Jägerbataillon an.", "de", []),
        # a surname in capitals after initials, as notices print them (not in English)
        ("Zwolle, 22 Junij 1859. L. N. SCHUURMAN, Secretaris.", "nl", ["L. N. SCHUURMAN"]),
        ("Bij den notaris Mr. H. G. LAGEMANS. Informatiën bij hem.", "nl", ["H. G. LAGEMANS"]),
        ("He joined the U. S. NAVY in 1941.", "en", []),
        ("De goederen van den Heer P. M. de BOER te Oldemarkt.", "nl", ["P. M. de BOER"]),  # after a title
        ("Ten verzoeke van den Heer L. BERGER, voor den tijd.", "nl", ["L. BERGER"]),
        ("Mr. J. Smith arrived late.", "en", ["J. Smith"]),
        ("Zie groep A. de KOK en verder.", "nl", []),  # a numbering letter after a capitalised word
        ("Het perceel F. NO. 12 ligt aan de dijk.", "nl", []),  # three capitals: an abbreviation
        # Dutch titles of older text, and the list after "heeren"
        (
            "Benoemd zijn de heeren Salomonson , Scholten , ten Cate en Cromhoff. De vergadering sluit.",
            "nl",
            ["Salomonson", "Scholten", "ten Cate", "Cromhoff"],  # a name of the list may open with a particle
        ),
        ("Gekozen zijn de heeren Salomonson en van de Commissie.", "nl", ["Salomonson"]),  # no name after it
        ("Het schip, gevoerd door kapt. Ellerman, is gearriveerd.", "nl", ["Ellerman"]),
        ("De Heer Jhr. Brauw werd benoemd.", "nl", ["Brauw"]),  # not the title after the title
        # a speaker introducing themself, in any language, with a given name only
        ("Buenas, soy Lucía, un asistente de IA.", "es", ["Lucía"]),
        ("Ciao! Sono Matteo, il tuo compagno.", None, ["Matteo"]),
        ("Schön, dass du da bist! Lena hier, dein KI-Begleiter.", "de", ["Lena"]),
        ("Goedenavond! Met Lotte, je AI-vriend.", "nl", ["Lotte"]),
    ],
)
def test_speech_verbs_initials_and_introductions_announce_a_name(text, language, expected):
    assert _cued(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Das sagte die Regierung am Montag.", "de"),  # a common noun after the verb
        ("Er sagte Montag ab.", "de"),  # a day
        ("Volkswagen sagte am Montag nichts.", "de"),  # one word opening a sentence: as often a company
        ("Dazu sagte die Regierung, der Haushalt meinte nichts.", "de"),  # in German one word before: any noun
        ("Microsoft said the update fixes it.", "en"),
        ("Según Reuters, el acuerdo está cerca.", "es"),  # an attributing preposition: as often an agency
        ("Volgens Nieuwsuur is het plan klaar.", "nl"),
        ("Wir kommen, so Gott will, morgen.", "de"),
        ("Sono Madrid e Roma le capitali.", "it"),  # no given name after the introduction
        ("Soy Español y vivo aquí.", "es"),
        ("Ich bin Berliner.", "de"),
        ("Das kostet 5 Euro. Danach gehen wir.", "de"),  # no initial
        ("Vitamin C. Dann kommt der Rest.", "de"),
        ("Het perceel ligt bij F. No. 12 aan de dijk.", "nl"),  # an abbreviation after the initial
        ("Groep B. Er wordt gespeeld.", "nl"),  # a function word after the letter
        ("De heeren van het bestuur kwamen bijeen.", "nl"),  # no name after the title
        ("Dat kapt het hout.", "nl"),  # "kapt" is a title only with its full stop
        ("He served in World War I. Later he moved away.", "en"),  # a numbering letter after a capitalised word
        ("Group A. Brazil won the match.", "en"),
    ],
)
def test_speech_verb_and_introduction_look_alikes_stay_no_name(text, language):
    assert _cued(text, language) == []


def test_an_introduction_overrules_the_models_place_and_the_person_around_the_name():
    text = "¡Hola de nuevo! Aquí Sofía, tu amigo virtual."
    sofia = (text.index("Sofía"), text.index("Sofía") + 5)
    assert cued_names(text, "es", [sofia], places=[sofia])[0] == [sofia]
    around = (text.index("Aquí"), sofia[1])  # the model's "Aquí Sofía"
    assert cued_names(text, "es", [around], persons=[around])[0] == [sofia]
    given = "Ho preso un caffè con Paolo ieri."  # a given name alone, without an introduction: the model's call
    paolo = (given.index("Paolo"), given.index("Paolo") + 5)
    assert cued_names(given, "it", [paolo], places=[paolo])[0] == []


def test_the_detector_reports_the_assistants_name_after_an_introduction(scanner):
    assert _persons(scanner, "¡Hey! Soy Lucía, un chatbot de IA. ¿Qué hay de nuevo?") == ["Lucía"]
    assert _persons(scanner, "Ciao! Sono Matteo, il tuo compagno virtuale con IA.") == ["Matteo"]


def test_the_nations_of_the_united_kingdom_are_places_in_every_language():
    assert _places("Molti in Galles guardano al programma .", "it") == ([], ["Galles"])
    assert _places("Viven en Escocia y en Gales .", "es") == ([], ["Escocia", "Gales"])
    assert _places("Il Galles e la Scozia .", "it", persons=[(3, 9)], taken=[(3, 9)]) == (["Galles"], ["Scozia"])


def test_institutions_the_english_model_reads_as_persons_in_italian_are_no_names(scanner):
    assert _persons(scanner, "Se l ' Assemblea è d ' accordo , procediamo al voto .") == []
    assert _persons(scanner, "Ne ho parlato con la Commissione e con la Corte ieri .") == []


def test_a_german_genitive_of_a_given_name_is_a_person_but_not_a_split_place_name():
    assert _cued("Außer einem Kopfball Tonis bekam er nichts .", "de") == ["Tonis"]
    assert _cued("Im Innenraum steht die Tumba Ottos neben dem Altar .", "de") == ["Ottos"]
    assert _cued("Außer einem Kopfball Tonis bekam er nichts .", "fr") == []  # only in German
    assert _cued("Er wohnt in der Hermanns gasse 3 .", "de") == []
    assert _cued("Er zog bis Walters dorf zurück .", "de") == []
    assert _cued("Der Vertrag des Jonas war gültig .", "de") == []  # a given name itself: the given-name rule's


def test_a_surname_a_speech_verb_announced_marks_its_other_mentions():
    text = "Das sei falsch , sagte Pofalla . Pofalla gehört seit langem zu den Vertrauten ."
    found, single = cued_names(text, "de", [])
    assert [text[s:e] for s, e in found] == ["Pofalla"]
    assert single == found
    assert [text[s:e] for s, e in propagated(text, "de", [], single, found)] == ["Pofalla"]
    assert propagated(text, "de", [], single, found) == [(33, 40)]


def test_a_particle_may_open_a_name_after_a_role_noun_in_a_romance_language():
    assert _cued("La vicepresidente de Palacio ha presentato la proposta.", "it") == ["de Palacio"]
    assert _cued("Il ministro van Aartsen ha risposto.", "it") == ["van Aartsen"]
    assert _cued("El comisario van Miert respondió.", "es") == ["van Miert"]
    # the language's own preposition: a place or a field
    assert _cued("Una carta al Presidente de Sri Lanka.", "es") == []
    assert _cued("El alcalde de Madrid habló ayer.", "es") == []
    assert _cued("Il sindaco di Roma ha parlato.", "it") == []
    assert _cued("Le maire de Lyon a parlé.", "fr") == []
    assert _cued("Il presidente de Francia ha parlato.", "it") == []  # a country
    assert _cued("Il ministro van Basten ha risposto.", "nl") == []
    assert _cued("De Minister van Justitie diende een ontwerp in.", "nl") == []  # not in Dutch
    text = "El presidente van Telefónica habló ayer."  # the model's organisation stays its call
    company = (text.index("Telefónica"), text.index("Telefónica") + 10)
    assert cued_names(text, "es", [], others=[company])[0] == []
