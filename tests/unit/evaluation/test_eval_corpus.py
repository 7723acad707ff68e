"""The corpus generator: deterministic, valid identifiers, and gold spans that point at the planted values."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from privscan.engine.rules import rule_book
from privscan.readers import open_object
from privscan_tools.evaluation import corpus as corpus_module
from privscan_tools.evaluation import ids
from stdnum import iban, luhn, verhoeff
from stdnum.at import vnr as at_vnr
from stdnum.be import nn as be_nn
from stdnum.bg import egn as bg_egn
from stdnum.cz import rc as cz_rc
from stdnum.de import idnr as de_idnr
from stdnum.dk import cpr as dk_cpr
from stdnum.ee import ik as ee_ik
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.gr import amka as gr_amka
from stdnum.hr import oib as hr_oib
from stdnum.ie import pps as ie_pps
from stdnum.it import codicefiscale as it_cf
from stdnum.lt import asmens as lt_asmens
from stdnum.lv import pvn as lv_pvn
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif
from stdnum.ro import cnp as ro_cnp
from stdnum.se import personnummer as se_pnr
from stdnum.si import emso as si_emso
from stdnum.sk import rc as sk_rc

SIZE = 0.06


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return corpus_module.generate(tmp_path_factory.mktemp("corpus"), seed=11, size=SIZE)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path, small_corpus):
    again = corpus_module.generate(tmp_path / "again", seed=11, size=SIZE)
    assert _files(again.root) == _files(small_corpus.root)
    other = corpus_module.generate(tmp_path / "other", seed=12, size=SIZE)
    assert _files(other.root)["data/support_chats.jsonl"] != _files(small_corpus.root)["data/support_chats.jsonl"]


def test_every_gold_span_is_exactly_the_planted_value_in_what_the_readers_yield(small_corpus):
    cells = {}
    for f in small_corpus.files:
        path = small_corpus.path(f.name)
        with path.open("rb") as stream:
            for cell in open_object(path.name, stream).cells():
                cells[(f.name, cell.record, cell.field)] = cell.text
    entities = small_corpus.entities
    assert len(entities) > 300
    for e in entities:
        text = cells[(e.file, e.record, e.field)]
        assert e.value and text[e.start : e.end] == e.value, e


def test_written_gold_round_trips(small_corpus):
    loaded = corpus_module.load(small_corpus.root)
    assert [e.to_json() for e in loaded.entities] == [e.to_json() for e in small_corpus.entities]
    assert [r.to_json() for r in loaded.rules] == [r.to_json() for r in small_corpus.rules]
    assert loaded.records == small_corpus.records


def test_corpus_covers_files_entities_and_rules(small_corpus):
    kinds = Counter(f.kind for f in small_corpus.files)
    assert kinds == {"tabular": len(corpus_module.COUNTRIES) + 1, "chat": 1, "text": 1, "decoy": 1}
    types = Counter(e.entity_type for e in small_corpus.entities)
    for required in (
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "IBAN_CODE",
        "LOCATION",
        "NL_BSN",
        "DE_TAX_ID",
        "FR_NIR",
        "PL_PESEL",
        "IT_FISCAL_CODE",
        "ES_NIF",
    ):
        assert types[required] > 0, required
    rules = {r.rule_id for r in small_corpus.rules}
    for required in (
        "GDPR-ART87-NATIONAL-ID",
        "GDPR-ART5-1-C-DIRECT-IDENTIFIERS",
        "GDPR-ART7-CONSENT-MISSING",
        "GDPR-ART9-SPECIAL-CATEGORY-COLUMN",
        "AIACT-ART50-1-NO-AI-DISCLOSURE",
    ):
        assert required in rules, required
    decoy = next(f for f in small_corpus.files if f.decoy)
    assert decoy.records > 0 and not decoy.entities and not decoy.rules


def test_every_gold_rule_id_is_in_the_catalogue(small_corpus):
    catalogue = set(rule_book().rules)
    assert {r.rule_id for r in small_corpus.rules} <= catalogue


def test_planted_identifiers_pass_their_checks(small_corpus):
    for e in small_corpus.entities:
        if e.entity_type == "IBAN_CODE":
            assert iban.is_valid(e.value), e
        elif e.entity_type == "CREDIT_CARD":
            assert luhn.is_valid(e.value.replace(" ", "").replace("-", "")), e


def _lu_matricule(v: str) -> bool:
    return luhn.calc_check_digit(v[:11]) == v[11] and verhoeff.calc_check_digit(v[:11]) == v[12]


def _hu_taj(v: str) -> bool:
    v = v.replace(" ", "")
    return len(v) == 9 and v[8] == str(sum(int(d) * w for d, w in zip(v[:8], (3, 7) * 4)) % 10)


#: independent validators (python-stdnum; eu_rules.md §4 algorithms where stdnum has none)
VALIDATORS = {
    "DE_TAX_ID": de_idnr.is_valid,
    "AT_SVNR": at_vnr.is_valid,
    "FR_NIR": fr_nir.is_valid,
    "BE_NATIONAL_NUMBER": be_nn.is_valid,
    "NL_BSN": nl_bsn.is_valid,
    "IT_FISCAL_CODE": it_cf.is_valid,
    "ES_NIF": es_dni.is_valid,
    "ES_NIE": es_nie.is_valid,
    "PT_NIF": pt_nif.is_valid,
    "PL_PESEL": pl_pesel.is_valid,
    "IE_PPSN": ie_pps.is_valid,
    "SE_PERSONNUMMER": se_pnr.is_valid,
    "DK_CPR": dk_cpr.is_valid,
    "FI_PERSONAL_IDENTITY_CODE": fi_hetu.is_valid,
    "CZ_BIRTH_NUMBER": cz_rc.is_valid,
    "SK_BIRTH_NUMBER": sk_rc.is_valid,
    "RO_CNP": ro_cnp.is_valid,
    "HR_OIB": hr_oib.is_valid,
    "BG_EGN": bg_egn.is_valid,
    "EE_ISIKUKOOD": ee_ik.is_valid,
    "LT_ASMENS_KODAS": lt_asmens.is_valid,
    "LV_PERSONAS_KODS": lambda v: lv_pvn.is_valid(v.replace("-", "")),
    "GR_AMKA": gr_amka.is_valid,
    "SI_EMSO": si_emso.is_valid,
    "HU_TAJ": _hu_taj,
    "LU_MATRICULE": _lu_matricule,
    "MT_ID_CARD": lambda v: len(v) == 8 and v[:7].isdigit() and v[7].isalpha(),
}


def test_every_generated_id_type_has_a_validator():
    assert set(VALIDATORS) == set(ids.ID_SPECS)


@pytest.mark.parametrize("entity", sorted(ids.ID_SPECS))
def test_national_ids_are_valid_in_every_written_form(entity):
    rng = random.Random(3)
    for _ in range(40):
        value = ids.national_id(rng, entity)
        assert VALIDATORS[entity](value), (entity, value)


def test_planted_national_ids_are_valid(small_corpus):
    for e in small_corpus.entities:
        if e.entity_type in VALIDATORS:
            assert VALIDATORS[e.entity_type](e.value), e


def test_decoy_lookalikes_are_really_invalid():
    rng = random.Random(5)
    for country in ("DE", "FR", "NL", "IT", "ES", "BE", "AT", "PL"):
        assert not iban.is_valid(ids.broken_iban(rng, country))
    for _ in range(50):
        assert not luhn.is_valid(ids.luhn_invalid(rng))
