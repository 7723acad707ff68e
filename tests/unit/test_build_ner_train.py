"""scripts/build_ner_train.py: corpus parsing, label mapping, IOB to spans, exclusion of measured
sentences and repeats, and the train / internal held-out assignment."""

import json

import pytest
import spacy

from tests.unit.scripts import load_script

build = load_script("build_ner_train")

HIPE = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
    "# hipe2022:document_id = dev_de_1\n"
    "Johann\tB-PER\t_\tO\t_\t_\tO\tNIL\t_\t_\n"
    "Moll\tI-PER\t_\tO\t_\t_\tO\tNIL\t_\t_\n"
    "kam\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "nach\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Wien\tB-LOC\t_\tO\t_\t_\tO\tNIL\t_\tNoSpaceAfter\n"
    ".\tO\t_\tO\t_\t_\tO\t_\t_\tEndOfSentence\n"
    "Am\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Montag\tB-time\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "# hipe2022:document_id = dev_de_2\n"
    "Die\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Presse\tB-HumanProd\t_\tO\t_\t_\tO\t_\t_\t_\n"
)


def test_hipe_sentences_end_at_end_of_sentence_and_at_each_document():
    sentences = build.parse_hipe(HIPE)
    assert [tokens for _, tokens, _ in sentences] == [
        ["Johann", "Moll", "kam", "nach", "Wien", "."],
        ["Am", "Montag"],
        ["Die", "Presse"],
    ]
    assert sentences[0][2] == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]


def test_europeana_comment_lines_are_skipped_not_read_as_tokens():
    text = "# file:\t\tF_SBB_1\n# sbb url:\thttp://x\nHerr O\nMüller B-PER\nin O\nBerlin B-LOC\n. O\n"
    assert build.parse_europeana(text) == [
        ("c000001", ["Herr", "Müller", "in", "Berlin", "."], ["O", "B-PER", "O", "B-LOC", "O"])
    ]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER"], ["B-PER", "I-PER"]),
        (["B-OTH", "B-LOCderiv", "I-ORGpart"], ["B-MISC", "B-MISC", "I-MISC"]),
        (["B-HumanProd", "B-time", "B-PEr", "O"], ["B-MISC", "O", "B-PER", "O"]),
        (["I-LOC", "P", "B-"], ["I-LOC", "O", "O"]),
    ],
)
def test_labels_map_onto_per_loc_org_misc(tags, expected):
    assert build.normalise_tags(tags) == expected


def test_iob1_and_iob2_tags_become_character_spans_with_the_mapped_labels():
    tokens = ["Johann", "Moll", "und", "Anna", "Huber", "aus", "Wien", "lesen", "die", "Presse"]
    iob1 = ["I-PER", "I-PER", "O", "I-PER", "I-PER", "O", "I-LOC", "O", "O", "I-HumanProd"]
    text, spans = build.REAL.to_spans(tokens, build.normalise_tags(iob1))
    assert text == "Johann Moll und Anna Huber aus Wien lesen die Presse"
    assert spans == [[0, 11, "PER"], [16, 26, "PER"], [31, 35, "LOC"], [46, 52, "MISC"]]
    adjacent = build.REAL.to_spans(["Anna", "Huber", "Karl"], ["B-PER", "I-PER", "B-PER"])[1]
    assert adjacent == [[0, 10, "PER"], [11, 15, "PER"]]


def write_real_ner(tmp_path, texts):
    corpus = tmp_path / "real-ner" / "x"
    corpus.mkdir(parents=True)
    lines = [json.dumps({"id": str(i), "split": "holdout", "text": t, "spans": []}) for i, t in enumerate(texts)]
    (corpus / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "real-ner"


def sentence(text, tags=None):
    tokens = text.split(" ")
    return ("s", tokens, tags or ["O"] * len(tokens))


def test_measured_sentences_repeats_and_short_sentences_are_dropped(tmp_path):
    measured = "eins zwei drei vier fünf sechs sieben acht neun zehn"
    excluded = build.Excluded.from_real_ner(write_real_ner(tmp_path, [measured, "Anna kam heute ."]))
    named = [
        ("a", sentence("Anna kam heute .")),  # a measured sentence, exactly
        ("a", sentence(f"Vorher : {measured} ,")),  # contains a measured run of 8 tokens
        ("a", sentence("Karl Berg wohnt in Graz .", ["B-PER", "I-PER", "O", "O", "B-LOC", "O"])),
        ("b", sentence("Karl Berg wohnt in Graz .")),  # repeated text
        ("b", sentence("zu kurz")),
        ("b", sentence("zwei drei vier fünf sechs sieben acht neun")),  # 8 tokens, also a measured run
        ("b", sentence("drei vier fünf sechs sieben acht neun zehn elf")),  # shares only 8 tokens: measured
        ("b", sentence("sechs sieben acht neun zehn elf zwölf dreizehn")),  # shares 5 tokens: kept
    ]
    rows, dropped = build.select("de", named, excluded)
    assert [(r["source"], r["text"], r["spans"]) for r in rows] == [
        ("a", "Karl Berg wohnt in Graz .", [[0, 9, "PER"], [19, 23, "LOC"]]),
        ("b", "sechs sieben acht neun zehn elf zwölf dreizehn", []),
    ]
    assert dropped == {"measured": 4, "repeated": 1, "length": 1}


def test_internal_split_is_deterministic_and_about_one_in_ten():
    texts = [f"Satz Nummer {i} ." for i in range(2000)]
    splits = [build.split_of("de", t) for t in texts]
    assert splits == [build.split_of("de", t) for t in texts]
    assert 150 <= splits.count("dev") <= 250
    assert build.split_of("de", texts[0]) in {"dev", "train"}


def test_docbin_keeps_the_tokens_and_entity_spans(tmp_path):
    rows = [
        {
            "source": "a",
            "split": "train",
            "text": "Karl Berg wohnt in Graz .",
            "spans": [[0, 9, "PER"], [19, 23, "LOC"]],
        }
    ]
    doc = next(iter(build.to_docbin("de", rows).get_docs(spacy.blank("de").vocab)))
    assert [t.text for t in doc] == ["Karl", "Berg", "wohnt", "in", "Graz", "."]
    assert [(e.text, e.label_, e.start, e.end) for e in doc.ents] == [("Karl Berg", "PER", 0, 2), ("Graz", "LOC", 4, 5)]


LER = (
    "Der O\nRichter O\nDr. B-RR\nMüller I-RR\naus O\n„ B-ST\nKassel I-ST\n“ I-ST\nverwies O\nauf O\n§ B-GS\n5 I-GS\n"
    "\nSo O\nPalandt B-LIT\n. O\n"
)
LER_SOURCE = build.TrainSource(
    "ler", "de", "o/r", "0" * 40, "x.conll", "conll-space", "CC BY 4.0", labels=build.LER_LABELS, drop_with=("LIT",)
)


def test_ler_conll_lines_map_judges_to_per_cities_to_loc_and_laws_to_o_without_edge_quotes():
    sentences = build.PARSERS["conll-space"](LER)
    assert len(sentences) == 2
    assert sentences[0][1] == [
        "Der", "Richter", "Dr.", "Müller", "aus", "„", "Kassel", "“", "verwies", "auf", "§", "5",
    ]  # fmt: skip
    dropped = build.Counter()
    kept = build.sampled(LER_SOURCE, sentences, dropped)
    assert len(kept) == 1 and dropped == {"label": 1}  # the sentence citing literature is left out
    tokens, tags = kept[0][1], kept[0][2]
    text, spans = build.REAL.to_spans(tokens, build.normalise_tags(tags))
    assert [(text[s:e], label) for s, e, label in spans] == [("Dr. Müller", "PER"), ("Kassel", "LOC")]


def test_trim_punctuation_keeps_inner_punctuation_and_restarts_spans_with_b():
    tokens = ["„", "A.", "-", "B.", "“", "und", "."]
    tags = ["B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "B-ORG"]
    assert build.trim_punctuation(tokens, tags) == ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O"]
    assert build.trim_punctuation(["Karl", "Anna"], ["B-PER", "B-PER"]) == ["B-PER", "B-PER"]


def smartdata_document(identifier, text, **fields):
    return {"id": identifier, "text": {"string": text}, "uri": None, **fields}


def test_smartdata_v3_sentences_take_the_token_spans_and_the_mapped_types():
    text = "Anna Berg fährt zur Haltestelle Alexanderplatz am 3.5."
    offsets = [(0, 4), (5, 9), (10, 15), (16, 19), (20, 31), (32, 46), (47, 49), (50, 54)]
    ner = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-LOCATION_STOP", "O", "B-DATE"]
    tokens = [{"span": {"start": s, "end": e}, "ner": {"string": t}} for (s, e), t in zip(offsets, ner, strict=True)]
    document = smartdata_document("d1", text, sentences={"array": [{"id": "d1::0", "tokens": {"array": tokens}}]})
    ((_, words, tags),) = build.parse_smartdata_v3(
        json.dumps(document) + "\n" + json.dumps(smartdata_document("d2", ""))
    )
    assert words == text.split(" ")
    mapped = build.map_tags(
        build.TrainSource("s", "de", "o/r", "0", "p", "smartdata-v3", "x", build.SMARTDATA_LABELS), tags
    )
    assert mapped == ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "O"]


def test_smartdata_v1_documents_are_tokenised_per_line_and_test_documents_are_skipped():
    mentions = [
        {"span": {"start": 0, "end": 11}, "type": "person"},
        {"span": {"start": 0, "end": 4}, "type": "date"},  # overlaps the person: the person wins
        {"span": {"start": 20, "end": 26}, "type": "location-city"},
        {"span": {"start": 28, "end": 31}, "type": "organization-company"},
    ]
    kept = smartdata_document("k@1", "Heute Meier wohnt in Berlin.\nDB streikt.", conceptMentions={"array": mentions})
    test = smartdata_document("t@2", "Geheim", conceptMentions=None)
    text = json.dumps(kept) + json.dumps(test)
    sentences = build.parse_smartdata_v1(text, {"t"}, ("PERSON", "LOCATION_CITY"))
    assert [(tokens, tags) for _, tokens, tags in sentences] == [
        (["Heute", "Meier", "wohnt", "in", "Berlin", "."], ["B-PERSON", "I-PERSON", "O", "O", "B-LOCATION_CITY", "O"]),
        (["DB", "streikt", "."], ["B-ORGANIZATION_COMPANY", "O", "O"]),
    ]
    assert build.parse_smartdata_v1(text, {"text:Geheim", "k"}, ()) == []


def test_sampling_keeps_one_in_every_and_plain_sentences_one_in_plain_every():
    sentences = [("s", ["Satz", str(i), "Anna"], ["O", "O", "B-PER" if i % 2 else "O"]) for i in range(4000)]
    halved = build.TrainSource("h", "de", "o/r", "0", "p", "hipe", "x", every=2)
    dropped = build.Counter()
    kept = build.sampled(halved, sentences, dropped)
    assert 1800 <= len(kept) <= 2200 and dropped["sampled"] == 4000 - len(kept)
    assert kept == build.sampled(halved, sentences, build.Counter())
    plain = build.TrainSource("p", "de", "o/r", "0", "p", "hipe", "x", plain_every=4)
    kept = build.sampled(plain, sentences, build.Counter())
    named = [s for s in kept if s[2][2] == "B-PER"]
    assert len(named) == 2000 and 400 <= len(kept) - len(named) <= 600


MULTICONER = (
    "# id 1f\tdomain=dev\n"
    "¿ _ _ O\nquién _ _ O\nes _ _ O\njosé _ _ B-Artist\nde _ _ I-Artist\nla _ _ I-Artist\nvega _ _ I-Artist\n"
    "? _ _ O\nvive _ _ O\nen _ _ O\nsan _ _ B-HumanSettlement\nsebastián _ _ I-HumanSettlement\n\n"
    "# id 2f\tdomain=dev\n"
    "el _ _ O\nlibro _ _ O\ncien _ _ B-WrittenWork\naños _ _ I-WrittenWork\nde _ _ O\npizza _ _ B-Food\n\n"
)


def test_multiconer_sentences_are_recased_names_titles_and_sentence_openings():
    source = build.TrainSource("m", "es", "o/r", "c", "p", "multiconer", "CC BY 4.0", labels=build.MULTICONER_V2_LABELS)
    sentences = build.parse_multiconer(MULTICONER)
    assert [s[0] for s in sentences] == ["1f", "2f"]
    first, second = ([build.recase(tokens, build.map_tags(source, tags)), tags] for _, tokens, tags in sentences)
    # a name's words get capitals, its particles do not; the word after ¿ and after ? opens a sentence
    assert first[0] == ["¿", "Quién", "es", "José", "de", "la", "Vega", "?", "Vive", "en", "San", "Sebastián"]
    # a title keeps only its first capital; food is a common noun and stays lower-case
    assert second[0] == ["El", "libro", "Cien", "años", "de", "pizza"]
    assert build.map_tags(source, second[1]) == ["O", "O", "B-MISC", "I-MISC", "O", "O"]


def test_multiconer_rows_are_joined_three_at_a_time_with_a_full_stop_and_shifted_spans():
    rows = [
        {"source": "multiconer-x", "split": "train", "text": f"Ana vive en Roma {i}", "spans": [[0, 3, "PER"]]}
        for i in range(4)
    ]
    other = {"source": "meddocan-train", "split": "dev", "text": "Nombre : Ana .", "spans": [[9, 12, "PER"]]}
    merged = build.merge_rows([*rows, other], "es")
    joined = [row for row in merged if row["source"] == "multiconer-x"]
    assert [row["text"] for row in joined] == [
        "Ana vive en Roma 0 . Ana vive en Roma 1 . Ana vive en Roma 2",
        "Ana vive en Roma 3",
    ]
    assert joined[0]["spans"] == [[0, 3, "PER"], [21, 24, "PER"], [42, 45, "PER"]]
    assert other in merged and len(merged) == 3  # other sources are not joined


def test_meddocan_relatives_are_names_only_when_capitalised_and_postcodes_are_no_place():
    body = "Nombre: Ernesto.\nVive con su madre María en Madrid, CP 28016."
    annotations = (
        "T1\tNOMBRE_SUJETO_ASISTENCIA 8 15\tErnesto\n"
        "T2\tFAMILIARES_SUJETO_ASISTENCIA 29 34\tmadre\n"
        "T3\tFAMILIARES_SUJETO_ASISTENCIA 35 40\tMaría\n"
        "T4\tTERRITORIO 44 50\tMadrid\n"
        "T5\tTERRITORIO 55 60\t28016\n"
    )
    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    source = build.TrainSource("m", "es", "o/r", "c", "p", "brat-meddocan", "CC BY 4.0", labels=build.MEDDOCAN_LABELS)
    spans = []
    for _, tokens, tags in build.parse_brat_document(body, annotations, nlp, "d"):
        text, found = build.REAL.to_spans(tokens, build.normalise_tags(build.map_tags(source, tags)))
        spans.extend((text[start:end], label) for start, end, label in found)
    assert spans == [("Ernesto", "PER"), ("María", "PER"), ("Madrid", "LOC")]


def test_reserved_sentences_are_compared_by_letters_and_digits_only_and_dropped():
    assert (
        build.normalised("José de la Vega , 1942 .") == build.normalised("josé de la vega, 1942.") == "josédelavega1942"
    )
    reserved = frozenset({build.hashlib.sha256(build.normalised("Ana vive en Roma .").encode()).hexdigest()})
    named = [
        ("s", ("1", ["ana", "vive", "en", "roma"], ["B-PER", "O", "O", "B-LOC"])),
        ("s", ("2", ["Ana", "come", "pan"], ["O"] * 3)),
    ]
    excluded = build.Excluded(set(), set())
    rows, dropped = build.select("es", named, excluded, reserved)
    assert [row["text"] for row in rows] == ["Ana come pan"] and dropped["reserved"] == 1


def test_varied_multiconer_names_a_person_by_the_last_word_and_keeps_regnal_numbers_whole(monkeypatch):
    source = build.TrainSource("m", "es", "o/r", "c", "p", "multiconer", "CC BY 4.0", labels=build.MULTICONER_V1_LABELS)
    tokens = [
        "el",
        "señor",
        "gabriel",
        "garcía",
        "márquez",
        "y",
        "juan",
        "carlos",
        "i",
        "visitan",
        "madrid",
        "con",
        "el",
        "presidente",
        "ana",
    ]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "B-PER"]
    monkeypatch.setattr(build, "_drawn", lambda key, salt: salt == "surname")
    short, short_tags, titles = build.vary(source, tokens, tags)
    assert short[:4] == ["el", "señor", "márquez", "y"] and short_tags[:4] == ["O", "O", "B-PER", "O"]
    assert short[4:7] == ["juan", "carlos", "i"] and short_tags[4:7] == ["B-PER", "I-PER", "I-PER"]  # not "i" alone
    assert short[-1] == "ana" and short_tags[-1] == "B-PER" and not titles
    assert build.recase(short, build.map_tags(source, short_tags), titles)[:3] == ["El", "señor", "Márquez"]
    monkeypatch.setattr(build, "_drawn", lambda key, salt: salt == "titles")
    same, same_tags, titles = build.vary(source, tokens, tags)
    assert (same, same_tags, titles) == (tokens, tags, True)
    cased = build.recase(same, build.map_tags(source, same_tags), titles)
    # titles outside a name get a capital and stay O; "con" and "el" are no title
    assert cased[:5] == ["El", "Señor", "Gabriel", "García", "Márquez"]
    assert cased[-4:] == ["con", "el", "Presidente", "Ana"]


def test_variation_is_drawn_for_about_one_sentence_in_two_independently_per_kind():
    keys = [f"k{i}" for i in range(2000)]
    surname = {k for k in keys if build._drawn(k, "surname")}
    titles = {k for k in keys if build._drawn(k, "titles")}
    assert 900 <= len(surname) <= 1100 and 900 <= len(titles) <= 1100
    assert 400 <= len(surname & titles) <= 600
    assert surname == {k for k in keys if build._drawn(k, "surname")}


def test_a_measured_or_reserved_multiconer_sentence_is_dropped_in_its_original_wording(monkeypatch, tmp_path):
    source = build.TrainSource("m", "es", "o/r", "c", "p", "multiconer", "CC BY 4.0", labels=build.MULTICONER_V2_LABELS)
    monkeypatch.setattr(build, "read_text", lambda sources, src, path=None: MULTICONER)
    monkeypatch.setattr(build, "_drawn", lambda key, salt: True)  # every sentence would be varied
    first = "¿ quién es josé de la vega ? vive en san sebastián"
    reserved = frozenset({build.hashlib.sha256(build.normalised(first).encode()).hexdigest()})
    dropped = build.Counter()
    withheld = build.Withheld(build.Excluded(set(), set()), reserved)
    kept = build.read_sentences(tmp_path, source, withheld, dropped)
    assert [s[0] for s in kept] == ["2f"] and dropped == {"reserved": 1}
    measured = build.Excluded({"el libro cien años de pizza"}, set())
    dropped = build.Counter()
    kept = build.read_sentences(tmp_path, source, build.Withheld(measured, frozenset()), dropped)
    assert [s[0] for s in kept] == ["1f"] and dropped == {"measured": 1}
    # without the check, the varied copy ("Vega" alone) no longer hashes like the reserved sentence
    varied = build.read_sentences(tmp_path, source)[0][1]
    assert "José" not in varied and "Vega" in varied


def test_a_varied_surname_may_get_an_article_and_a_title_but_never_a_second_title(monkeypatch):
    source = build.TrainSource("m", "es", "o/r", "c", "p", "multiconer", "CC BY 4.0", labels=build.MULTICONER_V1_LABELS)
    monkeypatch.setattr(build, "_drawn", lambda key, salt: salt == "surname")
    titled = {}
    for n in range(40):
        tokens = ["escrito", "por", "umberto", "eco", str(n), "y", "el", "presidente", "romano", "prodi"]
        tags = ["O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "B-PER", "I-PER"]
        varied, varied_tags, _ = build.vary(source, tokens, tags)
        assert varied[-3:] == ["el", "presidente", "prodi"] and varied_tags[-1] == "B-PER"  # no second title
        at = varied.index("eco")
        titled[tuple(varied[2:at])] = varied_tags[2 : at + 1]
    assert titled[()] == ["B-PER"]
    pairs = [words for words in titled if words]
    assert pairs and all(words in build.ADDRESS["es"] for words in pairs)
    assert all(tags == ["O", "O", "B-PER"] for words, tags in titled.items() if words)
    italian = build.TrainSource(
        "m", "it", "o/r", "c", "p", "multiconer", "CC BY 4.0", labels=build.MULTICONER_V1_LABELS
    )
    for n in range(40):  # Italian surnames get no title
        tokens = ["scritto", "da", "umberto", "eco", str(n)]
        assert build.vary(italian, tokens, ["O", "O", "B-PER", "I-PER", "O"])[0] == ["scritto", "da", "eco", str(n)]
