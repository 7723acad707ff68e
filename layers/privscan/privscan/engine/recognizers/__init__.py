"""EU national-identifier recognizers for Presidio (checksum-validated, language-independent).

Presidio binds each recognizer to one ``supported_language``. privscan analyses
text with its configured spaCy language(s), usually only ``"en"``, whatever
language the text is written in, so :func:`eu_recognizers` builds one instance
of every recognizer per analysis language. Patterns do not depend on the text
language and the context words are multilingual (local language plus English).

Usage::

    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in eu_recognizers(["en"]):
        registry.add_recognizer(recognizer)
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .at_svnr_recognizer import AtSvnrRecognizer
from .at_tin_recognizer import AtTinRecognizer
from .be_national_number_recognizer import BeNationalNumberRecognizer
from .bg_egn_recognizer import BgEgnRecognizer
from .cz_birth_number_recognizer import CzBirthNumberRecognizer
from .de_stnr_recognizer import DeStnrRecognizer
from .de_tax_id_recognizer import DeTaxIdRecognizer
from .dk_cpr_recognizer import DkCprRecognizer
from .ee_isikukood_recognizer import EeIsikukoodRecognizer
from .es_nie_recognizer import EsNieRecognizer
from .es_nif_recognizer import EsNifRecognizer
from .eu_vat_number_recognizer import EuVatNumberRecognizer
from .fi_hetu_recognizer import FiHetuRecognizer
from .fr_nir_recognizer import FrNirRecognizer
from .gr_amka_recognizer import GrAmkaRecognizer
from .hr_oib_recognizer import HrOibRecognizer
from .hu_taj_recognizer import HuTajRecognizer
from .hu_tax_id_recognizer import HuTaxIdRecognizer
from .ie_ppsn_recognizer import IePpsnRecognizer
from .it_fiscal_code_recognizer import ItFiscalCodeRecognizer
from .lt_asmens_kodas_recognizer import LtAsmensKodasRecognizer
from .lu_matricule_recognizer import LuMatriculeRecognizer
from .lv_personas_kods_recognizer import LvPersonasKodsRecognizer
from .mrz_recognizer import MrzRecognizer
from .mt_id_card_recognizer import MtIdCardRecognizer
from .nl_bsn_recognizer import NlBsnRecognizer
from .pl_pesel_recognizer import PlPeselRecognizer
from .pt_cc_recognizer import PtCcRecognizer
from .pt_nif_recognizer import PtNifRecognizer
from .ro_cnp_recognizer import RoCnpRecognizer
from .se_personnummer_recognizer import SePersonnummerRecognizer
from .si_emso_recognizer import SiEmsoRecognizer
from .sk_birth_number_recognizer import SkBirthNumberRecognizer
from .stdnum_recognizer import MEDIUM_SCORE, STRONG_SCORE, WEAK_SCORE, StdnumRecognizer

EU_RECOGNIZER_CLASSES: tuple[type[StdnumRecognizer], ...] = (
    AtSvnrRecognizer,
    AtTinRecognizer,
    BeNationalNumberRecognizer,
    BgEgnRecognizer,
    CzBirthNumberRecognizer,
    DeStnrRecognizer,
    DeTaxIdRecognizer,
    DkCprRecognizer,
    EeIsikukoodRecognizer,
    EsNieRecognizer,
    EsNifRecognizer,
    EuVatNumberRecognizer,
    FiHetuRecognizer,
    FrNirRecognizer,
    GrAmkaRecognizer,
    HrOibRecognizer,
    HuTajRecognizer,
    HuTaxIdRecognizer,
    IePpsnRecognizer,
    ItFiscalCodeRecognizer,
    LtAsmensKodasRecognizer,
    LuMatriculeRecognizer,
    LvPersonasKodsRecognizer,
    MrzRecognizer,
    MtIdCardRecognizer,
    NlBsnRecognizer,
    PlPeselRecognizer,
    PtCcRecognizer,
    PtNifRecognizer,
    RoCnpRecognizer,
    SePersonnummerRecognizer,
    SiEmsoRecognizer,
    SkBirthNumberRecognizer,
)

#: Every entity type the EU recognizers can emit.
EU_ENTITIES: tuple[str, ...] = tuple(sorted(cls.ENTITY for cls in EU_RECOGNIZER_CLASSES))


def eu_recognizers(languages: Sequence[str] = ("en",)) -> list[EntityRecognizer]:
    """One instance of every EU recognizer for each analysis language (duplicates ignored)."""
    if isinstance(languages, str):
        languages = (languages,)
    return [cls(supported_language=lang) for lang in dict.fromkeys(languages) for cls in EU_RECOGNIZER_CLASSES]


__all__ = [
    "EU_ENTITIES",
    "EU_RECOGNIZER_CLASSES",
    "MEDIUM_SCORE",
    "STRONG_SCORE",
    "WEAK_SCORE",
    "AtSvnrRecognizer",
    "AtTinRecognizer",
    "BeNationalNumberRecognizer",
    "BgEgnRecognizer",
    "CzBirthNumberRecognizer",
    "DeStnrRecognizer",
    "DeTaxIdRecognizer",
    "DkCprRecognizer",
    "EeIsikukoodRecognizer",
    "EsNieRecognizer",
    "EsNifRecognizer",
    "EuVatNumberRecognizer",
    "FiHetuRecognizer",
    "FrNirRecognizer",
    "GrAmkaRecognizer",
    "HrOibRecognizer",
    "HuTajRecognizer",
    "HuTaxIdRecognizer",
    "IePpsnRecognizer",
    "ItFiscalCodeRecognizer",
    "LtAsmensKodasRecognizer",
    "LuMatriculeRecognizer",
    "LvPersonasKodsRecognizer",
    "MrzRecognizer",
    "MtIdCardRecognizer",
    "NlBsnRecognizer",
    "PlPeselRecognizer",
    "PtCcRecognizer",
    "PtNifRecognizer",
    "RoCnpRecognizer",
    "SePersonnummerRecognizer",
    "SiEmsoRecognizer",
    "SkBirthNumberRecognizer",
    "StdnumRecognizer",
    "eu_recognizers",
]
