"""Person names that the NER model missed, found from the words around them in the text's language.

The models miss many names that the words around them announce. These cues make capitalised words a PERSON:

- a title or honorific (``Herr``, ``Frau``, ``Dr.``, ``Sr.``, ``señora``, ``Signor``, ``dott.``, ``M.``,
  ``Mme``, ``meneer``, ``dhr.``, ``jhr.``, ``kapt.``, ``Mr``): ``Sr. Barón Crespo``, ``Frau Holle``;
- a role noun (``Präsident``, ``Ministerin``, ``Berichterstatter``, ``Presidente``, ``Comisario``, ``ponente``,
  ``sindaco``, ``burgemeester``, ``Commissioner``; in German also as the last part of a compound:
  ``CSU-Politiker``, ``US-Präsident``; and the military and noble ranks of older German newspapers: ``Major``,
  ``Statthalter``, ``Freiherr``): ``Presidente Prodi``, ``Torjäger Robert Vittek``, ``President Prodi``;
  after a cue of several persons (``Messrs``, ``Berichterstattern``, ``heeren``) the further names of a list joined
  by commas or "and" (``Messrs Rack and Swoboda``);
- a given name (``engine/conf/names/given.txt``, from Faker's first-name lists of the EU locales, MIT):
  ``Torsten Frings``, ``Uta Hagen``. A given name alone is never enough (``Rosa``, ``Mercedes``): a
  capitalised word that could be a surname must follow it;
- a verb of saying before the name (``sagte Pofalla``, ``dijo Zapatero``, ``ha detto Monti``, ``zei
  Balkenende``) or after it (``Griffin said``, ``Ronald Pofalla sagte``; one word opening a sentence, or in
  German any one word, only with another name word: ``Microsoft said``, ``Zum Haushalt meinte`` stay the
  model's);
- in German, the genitive of a given name (``Ottos``, ``Tonis``), unless a split place name (``Hermanns gasse``);
- initials before a surname (``W. J. Backus``; outside English also one in capitals, as notices print them:
  ``L. N. SCHUURMAN``; not in German, where ``I. Jägerbataillon`` is a noun);
- a speaker introducing themself, with a given name (``Buenas, soy Lucía``, ``Sono Matteo``, ``Lena hier,``):
  in any language's words, since a greeting is too short to tell its language; it overrules the model's place
  or the longer person around the name (``Aquí Sofía``).

A word after a cue counts as part of a name when it is capitalised with lower case after its first letter, is no
function word, no common word (`engine/conf/common_words/`), no word of `engine/conf/ner_filters.yaml`, no
title, role noun or place preposition of any language (in German, after a word for a colleague, one common word
is a surname: ``dem Kollegen Koch``); family-name particles (``von``, ``van``, ``de``) may join two such words.
Nothing is found where the model already tagged an entity of any kind (the model's ORGANIZATION ``Mercedes-Benz``
or LOCATION ``San Marino`` stays its call).

Countries and continents are looked up too (`known_places`, ``engine/conf/places/territories.tsv``, from the
Unicode CLDR): one of the text's language that nothing covers is a LOCATION (``Europa``), and the model's PERSON
that is exactly one of any language becomes a LOCATION (``Regno Unito``).

Then the last word of every PERSON of two or more words (model's or cue's, ``Angela Merkel``), and the one word a
title or a verb of saying announced (``Herr Pofalla``, ``sagte Pofalla``), marks its other mentions in the same
text as the same person, in German with the genitive ``s`` as well (``Merkels``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from privscan.engine.ner_filters import NAME_PARTICLES, PLACE_PREPOSITIONS, common_words, filter_words
from privscan.engine.prefilter import STOP_WORDS, STOP_WORDS_BY_LANGUAGE

Span = tuple[int, int]
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'«»„“”‘’(¡¿-]*$")
_GAP = re.compile(r"(?: ?\.)?[ \t]+")  # between a title and the name: "Sr. Koch", "Herr Koch", tokenised "Dr . Koch"
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*")  # between the names of a list: "Langen, Rapkay"
_NAME_GAP = re.compile(r"[ \t]+")  # between the words of one name
MAX_NAME_WORDS = 4
# Titles and forms of address per language (lower case; those of DOTTED_TITLES only with their full stop: the
# French "M." is a title, the letter M is not). A text of unknown language gets every language's titles.
TITLES_BY_LANGUAGE = {
    "en": "mr mrs ms miss dr prof sir madam dame lady lord uncle aunt messrs",
    "de": "herr herrn herren frau fräulein dr prof professor professorin doktor onkel tante hr hrn fr",
    "fr": "monsieur madame mademoiselle m mme mlle me maître docteur dr prof oncle tante",
    "es": "señor señora señorita sr sra srta sres sras señores señoras don doña dr dra prof tío tía",
    "it": "signor signore signora signorina sig dott dottor dottore dottoressa prof avv ing don zio zia",
    "nl": "meneer mevrouw juffrouw dhr mevr mw heer heeren heren jonkheer jhr kapitein kapt dr prof oom tante",
    "pt": "senhor senhora senhorita sr sra dr dra dona dom prof tio tia",
}
DOTTED_TITLES = frozenset(
    {
        "m",
        "me",
        "sig",
        "sr",
        "sra",
        "srta",
        "sres",
        "sras",
        "dott",
        "dr",
        "dra",
        "prof",
        "dhr",
        "mw",
        "mevr",
        "hr",
        "hrn",
        "fr",
        "avv",
        "ing",
        "jhr",
        "kapt",
    }
)
# Italian titles written with a dotted ending: "Sig.ra Rossi", "dott.ssa Bianchi".
DOTTED_ENDINGS = {"sig": ("ra", "na"), "dott": ("ssa",), "prof": ("ssa",)}
# Role nouns that announce a person's name after them, per language (lower case). English has no list of common
# words, so only roles rarely followed by a capitalised common word or a name of a thing (``President Prodi``; not
# ``Director General``, ``Premier League``, ``General Motors``).
ROLES_BY_LANGUAGE = {
    "en": "president commissioner chancellor minister senator rapporteur rapporteurs governor ambassador",
    "de": """präsident präsidentin kanzler kanzlerin minister ministerin bürgermeister bürgermeisterin
        staatssekretär staatssekretärin politiker politikerin abgeordnete abgeordneter sprecher sprecherin
        trainer trainerin torjäger kapitän stürmer torwart regisseur regisseurin sänger sängerin schauspieler
        schauspielerin autor autorin schriftsteller schriftstellerin komponist maler kaiser kaiserin könig
        königin papst bischof kardinal pfarrer fürst fürstin graf gräfin herzog herzogin erzherzog erzherzogin prinz
        prinzessin
        richter richterin anwalt anwältin direktor direktorin chef chefin vorsitzende vorsitzender kommissar
        kommissarin
        kommissarin kandidat kandidatin spitzenkandidat spitzenkandidatin generalsekretär generalsekretärin
        botschafter botschafterin gouverneur senator senatorin premier kollege kollegin parteifreund parteikollege
        parteikollegen spieler spielerin profi manager managerin kollegen abgeordneten berichterstatter
        berichterstatterin berichterstattern kommissionsmitglied präsidenten
        general generalmajor generalleutnant feldmarschall feldmarschall-lieutenant marschall admiral oberst
        oberstleutnant obrist major hauptmann rittmeister leutnant lieutenant oberlieutenant unterlieutenant
        freiherr freiherrn freiin baron baronin ritter statthalter erzbischof pater kaplan dekan""",
    "fr": """président présidente ministre maire sénateur sénatrice député députée juge entraîneur directeur
        directrice secrétaire commissaire roi reine prince princesse pape évêque cardinal rapporteur
        rapporteure
        candidat candidate ambassadeur ambassadrice gouverneur attaquant gardien écrivain écrivaine chanteur
        chanteuse acteur actrice réalisateur réalisatrice porte-parole sélectionneur capitaine""",
    "es": """presidente presidenta ministro ministra alcalde alcaldesa senador senadora diputado diputada juez
        jueza entrenador entrenadora director directora secretario secretaria comisario comisaria ponente
        príncipe princesa obispo cardenal portavoz colega
        líder dirigente candidato candidata embajador embajadora gobernador gobernadora delantero portero
        centrocampista escritor escritora cantante actor actriz consejero consejera vicepresidente vicepresidenta""",
    "it": """presidente ministro ministra sindaco senatore senatrice deputato deputata giudice allenatore
        direttore direttrice segretario segretaria commissario commissaria relatore relatrice principe
        principessa papa vescovo cardinale portavoce onorevole collega
        leader candidato candidata ambasciatore governatore attaccante portiere centrocampista scrittore
        scrittrice cantante attore attrice regista premier vicepresidente tecnico""",
    "nl": """president minister burgemeester wethouder staatssecretaris kamerlid rechter trainer directeur
        secretaris commissaris koning koningin prins prinses paus bisschop kardinaal
        premier fractievoorzitter partijleider woordvoerder woordvoerster ambassadeur senator gouverneur coach
        bondscoach aanvoerder spits doelman middenvelder verdediger schrijver schrijfster zanger zangeres regisseur
        acteur actrice kunstenaar schilder collega""",
    "pt": """presidente ministro ministra prefeito prefeita senador senadora deputado deputada juiz juíza
        treinador diretor diretora secretário secretária comissário comissária príncipe
        candidato candidata embaixador governador atacante goleiro escritor escritora cantor cantora ator atriz""",
}
# Last parts of German compounds that name a role: "CSU-Politiker", "US-Präsident", "Bundesinnenminister".
ROLE_SUFFIXES = (
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "minister",
    "ministerin",
    "politiker",
    "politikerin",
    "bürgermeister",
    "bürgermeisterin",
    "sprecher",
    "sprecherin",
    "trainer",
    "kandidat",
    "kandidatin",
    "spieler",
    "vorsitzende",
    "vorsitzender",
    "chef",
    "chefin",
)
NOUN_CAPITALISING = frozenset({"de"})
# Last parts of German place names, which scanned text splits off (``Hermanns gasse``, ``Walters dorf``).
PLACE_ENDINGS = frozenset(
    "gasse straße strasse platz dorf bad berg burg kirche hof weg feld thal tal stadt".split()  # noqa: SIM905
)
# Family-name particles that may open a name after a role noun, per language: in a Romance language those of
# other languages only, since the language's own preposition there names a place or a field (``vicepresidente de
# Palacio`` in Italian; not ``sindaco di Roma``, ``alcalde de Madrid``, ``maire de Lyon``); in German ``von``
# too, but only after a role of `VON_ROLES`, which is no one's "of" a place (``Berichterstatter von Wogau``,
# ``Freiherr von Stein``, ``General von Pfuel``; not ``König von Neapel``, ``Bürgermeister von Hamburg``,
# ``Pfarrer von Reutte``, ``Hauptmann von Köpenick``).
PARTICLE_FIRST = {
    "de": frozenset({"von", "van", "de", "di", "da", "du", "ter", "ten"}),
    "it": frozenset({"de", "van", "von", "du", "der", "den", "ter", "ten"}),
    "es": frozenset({"van", "von", "di", "da", "du", "der", "den", "ter", "ten"}),
    "pt": frozenset({"van", "von", "di", "du", "der", "den", "ter", "ten"}),
    "fr": frozenset({"van", "von", "di", "da", "der", "den", "ter", "ten"}),
}
# Cues of several persons, whose name may be followed by more names joined by a comma or "and" (``Messrs Rack
# and Swoboda``, ``den Berichterstattern Langen, Rapkay, Jonckheer``), lower case.
LIST_CUES = frozenset(
    {
        "messrs",
        "rapporteurs",
        "herren",
        "kollegen",
        "abgeordneten",
        "berichterstatter",
        "berichterstattern",
        "heeren",
        "heren",
    }
)
# Family-name particles that may open a name of such a list (``ten Cate``); not those that are also the
# preposition "of" (``en van de Commissie``).
LIST_PARTICLES = frozenset({"ten", "ter"})
LIST_JOINS = frozenset({"and", "und", "et", "y", "e", "en"})
VON_ROLES = frozenset(
    """kollege kollegen kollegin abgeordnete abgeordneten abgeordneter berichterstatter berichterstatterin
    berichterstattern kommissar kommissarin kommissionsmitglied freiherr freiherrn freiin baron baronin ritter
    general""".split()  # noqa: SIM905
)
# German words for a colleague, after which a surname that is a common noun is still a name (``dem Kollegen
# Koch``); and the nouns such a phrase takes as its object instead (``dem Kollegen Recht geben``).
COLLEAGUES = frozenset({"kollege", "kollegen", "kollegin"})
COLLEAGUE_OBJECTS = frozenset(
    "recht unrecht dank glück erfolg beifall respekt zeit gelegenheit antwort auskunft bescheid".split()  # noqa: SIM905
)
# Cues that announce the name after them, which overrule the model's other entities there.
ANNOUNCING = frozenset({"title", "role", "introduction"})
# Verbs of saying before a name (``sagte Huber``, ``dijo Blanco``, ``ha detto Monti``), per language (lower case).
# Not the prepositions that attribute a statement (``laut``, ``según``, ``volgens``): as often a newspaper or an
# agency follows them (``según Reuters``).
SPEECH_BEFORE_BY_LANGUAGE = {
    "en": "said says told added",
    "de": "sagte sagt meinte erklärte betonte berichtete kritisierte",
    "fr": "déclare affirme estime explique",
    "es": "dijo afirmó declaró señaló explicó aseguró añadió",
    "it": "detto dichiarato affermato spiegato dice afferma",
    "nl": "zei zegt verklaarde",
    "pt": "disse afirmou declarou explicou",
}
# Verbs of saying after a name (``Ronald Pofalla sagte``, ``Griffin said``); one word opening a sentence before
# them is as often a company (``Microsoft said``), and in German any noun (``Zum Haushalt meinte``): left to
# the model.
SPEECH_AFTER_BY_LANGUAGE = {
    "en": "said says told added",
    "de": "sagte sagt meinte erklärte betonte",
    "fr": "déclare affirme estime explique",
    "es": "dijo afirmó declaró señaló explicó aseguró",
    "it": "dice afferma dichiara spiega",
    "nl": "zei zegt verklaarde",
    "pt": "disse afirmou declarou",
}
# The words with which speakers introduce themselves; a given name after them is the speaker's (``soy Lucía``,
# ``ich bin Jonas``), even where the model read a place.
INTRODUCTIONS_BY_LANGUAGE = {
    "en": ("i'm", "i am", "my name is", "name's", "call me"),
    "de": ("ich bin", "ich heiße", "ich heisse", "mein name ist", "hier ist"),
    "fr": ("je suis", "je m'appelle", "moi c'est", "c'est"),
    "es": ("soy", "me llamo", "mi nombre es", "aquí"),
    "it": ("sono", "mi chiamo", "il mio nome è", "qui"),
    "nl": ("ik ben", "ik heet", "mijn naam is", "hier is", "met"),
    "pt": ("sou", "me chamo", "chamo-me", "meu nome é", "aqui"),
}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of `engine/conf/names/given.txt` (lower case; scripts/build_given_names.py)."""
    text = resources.files("privscan.engine.conf").joinpath("names", "given.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=16)
def titles(language: str | None) -> frozenset[str]:
    """The titles and forms of address of `language`; every language's for None or a language without a list."""
    if language in TITLES_BY_LANGUAGE:
        return frozenset(TITLES_BY_LANGUAGE[language].split())
    return frozenset(" ".join(TITLES_BY_LANGUAGE.values()).split())


@lru_cache(maxsize=16)
def roles(language: str | None) -> frozenset[str]:
    """The role nouns of `language` (none for English, an unknown language or one without a list)."""
    return frozenset(ROLES_BY_LANGUAGE.get(language, "").split())


@lru_cache(maxsize=64)
def _speech(language: str | None, table_id: int) -> frozenset[str]:
    table = SPEECH_BEFORE_BY_LANGUAGE if table_id == 0 else SPEECH_AFTER_BY_LANGUAGE
    if language in table:
        return frozenset(table[language].split())
    return frozenset(" ".join(table.values()).split())


def _is_speech(word: str, language: str | None, table: dict[str, str]) -> bool:
    """A verb of saying (or an attributing preposition) of `table` in `language` (of every language for None)."""
    lower = word[0].lower() + word[1:]
    return lower.islower() and lower in _speech(language, 0 if table is SPEECH_BEFORE_BY_LANGUAGE else 1)


@lru_cache(maxsize=1)
def _introduction() -> re.Pattern[str]:
    phrases = [phrase for language in INTRODUCTIONS_BY_LANGUAGE.values() for phrase in language]
    alternatives = "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", "[ \t]+") for p in phrases)
    return re.compile(r"(?:^|[^\w'’])(?:" + alternatives + r")[ \t]+$", re.IGNORECASE)


# A speaker's name before "here" (``Lena hier,``, ``Paul here!``): also an introduction.
_HERE = re.compile(r"[ \t]+(?:here|hier|ici|aquí|aqui|qui)[ \t]*[,.!:;-]", re.IGNORECASE)


def _introduced(text: str, start: int, end: int) -> bool:
    """Whether the words around the word text[start:end] are a speaker introducing themself (``Buenas, soy``,
    ``Lena hier,``), in any language: a short greeting is too short to tell its language, and only a given name
    is taken so."""
    return _introduction().search(text, max(0, start - 24), start) is not None or _HERE.match(text, end) is not None


@lru_cache(maxsize=1)
def _never_names() -> frozenset[str]:
    """Every language's titles and role nouns: never part of a name."""
    words = " ".join((*TITLES_BY_LANGUAGE.values(), *ROLES_BY_LANGUAGE.values())).split()
    return frozenset(words) - DOTTED_TITLES


def _is_title(text: str, words: list[tuple[int, int, str]], index: int, language: str | None) -> bool:
    start, end, word = words[index]
    folded = word.casefold()
    if index and text[words[index - 1][1] : start] == ".":  # "Sig.ra": the ending after the dotted stem
        return folded in DOTTED_ENDINGS.get(words[index - 1][2].casefold(), ())
    if folded not in titles(language):
        return False
    return (text.startswith(".", end) or text.startswith(" .", end)) if folded in DOTTED_TITLES else True


@lru_cache(maxsize=50_000)
def _is_role(word: str, language: str | None) -> bool:
    folded = word.casefold()
    if folded in roles(language):
        return True
    if language not in NOUN_CAPITALISING:
        return False
    last = folded.rsplit("-", 1)[-1]
    return last in roles(language) or any(last.endswith(suffix) and len(last) > len(suffix) for suffix in ROLE_SUFFIXES)


@lru_cache(maxsize=50_000)  # the same words recur across the texts of a scan
def name_word(word: str, language: str | None, common: bool = False) -> bool:
    """A word that may be part of a person's name in `language`: capitalised, lower case after its first letter,
    and none of the words that never are (function, common, filtered words; titles, role nouns, place
    prepositions). `common`: a common word of the language may be one (after a title: ``Presidente Prodi``)."""
    if len(word) < 2 or not word[0].isupper() or not any(ch.islower() for ch in word[1:]):
        return False
    folded = word.casefold()
    stop_words = STOP_WORDS_BY_LANGUAGE.get(language, STOP_WORDS)
    return not (
        folded in stop_words
        or (not common and folded in common_words(language))
        or folded in filter_words(language)
        or folded in _never_names()
        or folded in PLACE_PREPOSITIONS
        or _is_role(word, language)
    )


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _name_run(
    text: str,
    words: list[tuple[int, int, str]],
    first: int,
    language: str | None,
    titled: bool = False,
    cued: bool = False,
) -> int:
    """How many words from `first` on make one name: name words, joined by single spaces, particles between
    two of them allowed (after a title also before them: ``Dr. von Brücke``), an initial with its full stop
    last (``Susanne R.``, tokenised ``Susanne R .``); 0 when no name word is there. After a title or role noun
    (`cued`) a common word of a language that capitalises only names is a name too (``Presidente Prodi``, ``señor
    Blanco``); a particle may come first only after a title (not ``Minister van Justitie``, ``Presidente de Sri
    Lanka``)."""
    common = cued and language not in NOUN_CAPITALISING
    count, index = 0, first
    while index < len(words) and count < MAX_NAME_WORDS:
        start, end, word = words[index]
        if index > first and not _NAME_GAP.fullmatch(text, words[index - 1][1], start):
            break
        if index > first and word == words[index - 1][2]:  # "Josephus Zwolle Zwolle": a table, the word a place
            return max(0, count - 1)
        if word.casefold() in DOTTED_TITLES and text.startswith(".", end):  # "Heer Jhr. Mr.": another title
            break
        if name_word(word, language, common=common):
            index += 1
            count = index - first
            continue
        if count and len(word) == 1 and word.isupper() and text.startswith((".", " ."), end):
            return index + 1 - first
        if (index > first or titled) and word.casefold() in NAME_PARTICLES and index + 1 < len(words):
            index += 1
            continue
        break
    return count


def _span(text: str, words: list[tuple[int, int, str]], first: int, run: int) -> Span:
    """The characters of `run` words from `first`, with the full stop of a final initial (``R.``, tokenised
    ``R .``)."""
    end = words[first + run - 1][1]
    if len(words[first + run - 1][2]) == 1:
        end += 1 if text.startswith(".", end) else 2 if text.startswith(" .", end) else 0
    return words[first][0], end


def _overrulable(span: Span, places: list[Span], text: str, language: str | None, kind: str) -> list[Span]:
    """The places inside a name's span that its cue overrules: the model read ``Uta Hagen`` or ``Herr Hagen`` as
    the city, ``soy Lucía`` as a place. Not a German genitive after a role noun (``Präsident Frankreichs``), nor,
    after a cue that does not announce the name (a given name, a speech verb, initials), the first word or a
    place the text names more than once."""
    inside = [p for p in places if span[0] <= p[0] and p[1] <= span[1]]
    if kind == "introduction":
        return inside
    if (
        kind not in ANNOUNCING
    ):  # not a place the text names again ("Karel Hendrik Oldenzaal Oldenzaal": a table of places)
        return [p for p in inside if p[0] > span[0] and text.count(text[p[0] : p[1]]) == 1]
    if language in NOUN_CAPITALISING:
        return [p for p in inside if not text[p[0] : p[1]].endswith("s")]
    return inside


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def cued_names(
    text: str,
    language: str | None,
    taken: list[Span],
    others: list[Span] = (),
    places: list[Span] = (),
    persons: list[Span] = (),
) -> tuple[list[Span], list[Span]]:
    """PERSON spans that a cue announces and no span in `taken` covers; and, of them, the single words a title
    or a verb of saying announced (whose other mentions are the same person). `others`: the model's entities of
    other kinds (an organisation, a work), which a title, role noun or introduction overrules (``señor Segni``,
    ``US-Präsident Barack Obama``) and a given name does not (``Mercedes Benz``), nor the names of a list after
    a cue of several persons. `places`: the LOCATION spans among `taken`, which a cue overrules inside the name
    (`_overrulable`; in a list the whole name: ``Berichterstattern Rapkay, Langen``); `persons`: the PERSON spans among
    `taken`, which a longer name around them replaces (``Susanne R.`` for the model's ``R.``; an introduction:
    any around the name, ``Aquí Sofía``). The caller drops the places and persons that a found name covers."""
    words = _words(text)
    found: list[Span] = []
    titled: list[Span] = []
    index = 0
    while index < len(words):
        first, run, kind = _cue(text, words, index, language)
        if run:
            span = _span(text, words, first, run)
            announced = kind in ANNOUNCING
            blocked = taken if announced else [*taken, *others]
            overruled = _overrulable(span, places, text, language, kind)
            overruled += [p for p in persons if span[0] <= p[0] and p[1] <= span[1] or kind == "introduction"]
            blocked = [b for b in blocked if b not in overruled]
            if not _overlaps(span, blocked) and not _overlaps(span, found):
                found.append(span)
                if kind in ("title", "speech") and run == 1:
                    titled.append(span)
            if kind in ("title", "role", "particle") and words[first - 1][2].casefold() in LIST_CUES:
                for listed in _listed(text, words, first + run, language):
                    inside = [p for p in places if listed[0] <= p[0] and p[1] <= listed[1]]
                    if not _overlaps(listed, [b for b in taken if b not in inside]) and not _overlaps(listed, found):
                        found.append(listed)
                        titled.append(listed)
            index = first + run
            continue
        index += 1
    return found, titled


def _cue(text: str, words: list[tuple[int, int, str]], index: int, language: str | None) -> tuple[int, int, str]:
    """The name a cue at word `index` announces: its first word, its number of words (0: none) and the cue's
    kind (`ANNOUNCING` or ``given``, ``speech``, ``initials``)."""
    start, end, word = words[index]
    following = index + 1 < len(words) and _GAP.fullmatch(text, end, words[index + 1][0]) is not None
    title = following and _is_title(text, words, index, language)
    if title or (following and _is_role(word, language)):
        if not title and _particle_name(words, index + 1, language):  # the model's organisation stays its call
            return index + 1, _name_run(text, words, index + 1, language, titled=True, cued=True), "particle"
        run = _name_run(text, words, index + 1, language, titled=title, cued=True)
        if not run and _colleague_surname(words, index, language):
            run = 1
        if run == 1 and _place_genitive(words[index + 1][2], language):
            run = 0
        return index + 1, run, "title" if title else "role"
    if following and _is_speech(word, language, SPEECH_BEFORE_BY_LANGUAGE):
        return index + 1, _name_run(text, words, index + 1, language), "speech"
    if len(word) == 1 and word.isupper() and text.startswith(". ", end) and language not in NOUN_CAPITALISING:
        return index, _initials_run(text, words, index, language), "initials"
    if not name_word(word, language):
        return index, 0, ""
    if language in NOUN_CAPITALISING and _given_genitive(word) and not _split_place(words, index):
        return index, 1, "given"
    if word.casefold() in given_names():
        if _introduced(text, start, end):
            return index, _name_run(text, words, index, language), "introduction"
        run = _name_run(text, words, index, language)
        if run >= 2:
            return index, run, "given"
    run = _name_run(text, words, index, language)
    after = index + run
    spoken = run and after < len(words) and _NAME_GAP.fullmatch(text, words[after - 1][1], words[after][0])
    alone = language in NOUN_CAPITALISING or _SENTENCE_START.search(text, max(0, start - 8), start) is not None
    spoken = spoken and (run > 1 or not alone)
    if spoken and _is_speech(words[after][2], language, SPEECH_AFTER_BY_LANGUAGE):
        return index, run, "speech"
    return index, 0, ""


def _colleague_surname(words: list[tuple[int, int, str]], index: int, language: str | None) -> bool:
    """Whether the word after a German word for a colleague at `index` is a surname that is also a common noun
    (``dem Kollegen Koch``, ``Kollegin Lange``): a capitalised common word there, not one that such a phrase takes
    as its object (``dem Kollegen Recht geben``, ``der Kollegin Dank sagen``, ``den Kollegen Bericht erstatten``:
    a listed object, or a common word before a lower-case word in ``-en``, as a verb in the infinitive)."""
    if language not in NOUN_CAPITALISING or index + 1 >= len(words) or words[index][2].casefold() not in COLLEAGUES:
        return False
    word = words[index + 1][2]
    if word.casefold() in COLLEAGUE_OBJECTS or not name_word(word, language, common=True):
        return False
    if word.casefold() not in common_words(language) or index + 2 >= len(words):
        return True
    verb = words[index + 2][2]
    return not (verb.islower() and verb.endswith("en"))


def _listed(text: str, words: list[tuple[int, int, str]], index: int, language: str | None) -> list[Span]:
    """The further names of a list that starts before word `index` after a cue of several persons (`LIST_CUES`):
    each after a comma or a joining word (``Messrs Rack and Swoboda``, ``Berichterstattern Langen, Rapkay und
    Jonckheer``); the list ends at the first other word. A name there may open with a particle of
    `LIST_PARTICLES` (``ten Cate``), and one word that is a common word of the language is a name there too
    (``Langen``)."""
    spans: list[Span] = []
    while 0 < index < len(words):
        gap = text[words[index - 1][1] : words[index][0]]
        if _LIST_GAP.fullmatch(gap):
            first = index
        elif _NAME_GAP.fullmatch(gap) and words[index][2] in LIST_JOINS and index + 1 < len(words):
            first = index + 1
        else:
            break
        particle = words[first][2] in LIST_PARTICLES
        run = _name_run(text, words, first, language, titled=particle) or int(
            name_word(words[first][2], language, common=True)
        )
        if not run:
            break
        spans.append(_span(text, words, first, run))
        index = first + run
    return spans


def _particle_name(words: list[tuple[int, int, str]], index: int, language: str | None) -> bool:
    """Whether a family-name particle at `index` after a role noun starts a name: a particle of `PARTICLE_FIRST`,
    then a name word that is no common word or country (``Commissario de Palacio`` in Italian, ``Berichterstatter
    von Wogau``; not ``sindaco di Roma``, ``Presidente de Sri Lanka``; nor Dutch ``Minister van Justitie``)."""
    if index + 1 >= len(words) or words[index][2] not in PARTICLE_FIRST.get(language, ()):
        return False
    if language in NOUN_CAPITALISING and words[index - 1][2].casefold().rsplit("-", 1)[-1] not in VON_ROLES:
        return False
    after = words[index + 1][2]
    return name_word(after, language) and not any(name.startswith(after) for name in place_names(None))


def _place_genitive(word: str, language: str | None) -> bool:
    """A German genitive of a country or continent (``Europas``, ``Frankreichs``): a place after a role noun
    (``die Abgeordneten Europas``), no name."""
    return language in NOUN_CAPITALISING and word.endswith("s") and word[:-1] in place_names(None)


def _given_genitive(word: str) -> bool:
    """A German genitive of a given name (``Ottos``, ``Tonis``): the name with an ``s`` that is no name itself (the
    caller leaves out the first part of a split place name: ``Hermanns gasse``, ``bis Walters dorf``)."""
    folded = word.casefold()
    return len(word) >= 5 and folded.endswith("s") and folded[:-1] in given_names() and folded not in given_names()


def _split_place(words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the word at `index` is the first part of a place name that scanned text split (``Hermanns gasse``,
    ``bis Walters dorf``): a German place-name ending after it, or a lower-case word after it and a preposition of
    place before it."""
    after = words[index + 1][2] if index + 1 < len(words) else ""
    before = words[index - 1][2].casefold() if index else ""
    return after in PLACE_ENDINGS or (before in PLACE_PREPOSITIONS and after.islower())


def _initials_run(text: str, words: list[tuple[int, int, str]], index: int, language: str | None) -> int:
    """How many words from `index` on make initials and the name after them (``W. J. Backus``); 0 when no name
    word of three letters or more, not itself abbreviated (``F. No.``), follows the initials, or when a capitalised
    word other than a title comes right before them (``World War I. Later``; not ``Heer L. BERGER``)."""
    first = index
    before = words[index - 1] if index else None
    capitalised = before and before[2][0].isupper() and _NAME_GAP.fullmatch(text, before[1], words[index][0])
    if capitalised and not _is_title(text, words, index - 1, language):
        return 0  # "World War I. Later", "Group A. Brazil": a numbering letter after a capitalised word
    while index < len(words) and len(words[index][2]) == 1 and words[index][2].isupper():
        if not text.startswith(". ", words[index][1]):
            return 0
        index += 1
    if index == first or index >= len(words) or not _NAME_GAP.fullmatch(text, words[index - 1][1] + 1, words[index][0]):
        return 0
    if language != "en":  # "L. N. SCHUURMAN", "P. M. de BOER": surnames in capitals, perhaps after a particle
        particle = words[index][2] in NAME_PARTICLES and index + 1 < len(words)
        if _capitals_surname(words[index + particle][2]):
            return index + particle - first + 1
    if len(words[index][2]) < 3 or text.startswith(".", words[index][1]):  # "F. No.": abbreviations
        return 0
    run = _name_run(text, words, index, language)
    return index - first + run if run else 0


def _capitals_surname(word: str) -> bool:
    """A surname printed in capitals after initials (``G. FREISLICH``): four letters or more, all upper case. Not in
    English, where capitals after initials are as often an institution (``U. S. ARMY``)."""
    return len(word) >= 4 and word.isupper() and word.isalpha()


def propagated(
    text: str, language: str | None, persons: list[Span], titled: list[Span], taken: list[Span], places: list[Span] = ()
) -> list[Span]:
    """Other mentions, in the same text, of the surname of each PERSON of two or more words (and of each word a
    title or a verb of saying announced): the same word alone, or in German with a genitive ``s``, outside every
    span in `taken`. A word that is also one of `places` (the text's places and other entities) is not
    propagated, nor one the text repeats side by side (``Deventer Deventer``: a table of places)."""
    surnames = set()
    for start, end in persons:
        parts = [word for _, _, word in _words(text[start:end])]
        if len(parts) >= 2 and name_word(parts[-1], language) and len(parts[-1]) >= 3:
            surnames.add(parts[-1])
    for start, end in titled:
        if name_word(text[start:end], language) and end - start >= 3:
            surnames.add(text[start:end])
    surnames -= {text[start:end] for start, end in places}
    surnames = {name for name in surnames if not re.search(rf"{re.escape(name)}\s+{re.escape(name)}", text)}
    if not surnames:
        return []
    found: list[Span] = []
    genitive = "s?" if language in NOUN_CAPITALISING else ""
    pattern = re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, surnames))) + r")" + genitive + r"(?![^\W\d_'’-])"
    )
    for match in pattern.finditer(text):
        span = match.span()
        if not _overlaps(span, taken) and not _overlaps(span, found):
            found.append(span)
    return found


@lru_cache(maxsize=1)
def _territories() -> dict[str, frozenset[str]]:
    """The country and continent names of `engine/conf/places/territories.tsv` per language (Unicode CLDR,
    scripts/build_places.py)."""
    text = resources.files("privscan.engine.conf").joinpath("places", "territories.tsv").read_text(encoding="utf-8")
    by_language: dict[str, set[str]] = {}
    for line in text.splitlines():
        language, _, name = line.partition("\t")
        by_language.setdefault(language, set()).add(name)
    return {language: frozenset(names) for language, names in by_language.items()}


def _place_name(name: str, language: str | None) -> bool:
    """Whether a listed place name may stand for the place alone: not a given name (``Chad``, ``Jordan``) and, as
    one word, no common word of the language."""
    folded = name.casefold()
    return folded not in given_names() and folded not in common_words(language) and folded not in filter_words(language)


@lru_cache(maxsize=16)
def place_names(language: str | None) -> frozenset[str]:
    """The country and continent names of `language` (of every language for None or a language without a list)
    that are no given name or common word."""
    territories = _territories()
    names = territories.get(language) or frozenset().union(*territories.values())
    return frozenset(name for name in names if _place_name(name, language))


@lru_cache(maxsize=16)
def _place_pattern(language: str | None) -> re.Pattern[str]:
    names = sorted(place_names(language), key=lambda name: (-len(name), name))
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def known_places(
    text: str, language: str | None, persons: list[Span], taken: list[Span], entities: list[Span] = ()
) -> tuple[list[Span], list[Span]]:
    """Countries and continents the model missed or took for a person: of `persons`, the spans that are exactly a
    country or continent name of any language (the English model's ``Regno Unito`` in Italian text); and the
    names of the text's language that no span in `taken` touches (``Europa``, ``Reino Unido``). `entities`: the
    model's entities of other kinds; one around a name keeps it (``Banco de España``, ``Radio Europa``), one that
    is exactly the name does not (the model's organisation ``Europa``)."""
    relabelled = [span for span in persons if text[span[0] : span[1]] in place_names(None)]
    if language is not None and language not in _territories():
        return relabelled, []
    added = []
    for match in _place_pattern(language).finditer(text):
        span = match.span()
        if not _overlaps(span, taken) and not _overlaps(span, [e for e in entities if e != span]):
            added.append(span)
    return relabelled, added
