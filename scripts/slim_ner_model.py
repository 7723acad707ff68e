#!/usr/bin/env python3
"""Turn a spaCy pipeline into the NER-only pipeline directory that privscan's model registry loads.

    python scripts/slim_ner_model.py <pipeline package name or directory> layers/models/ner/<lang>

privscan's per-language NER (engine/ner_models.py) needs a pipeline's tokenizer, vocabulary and `ner`
component only; a published pipeline also carries a tagger, parser, lemmatizer and their tables. The
`ner` component must have its own tok2vec (not listen to a shared one), as in spaCy's small pipelines,
or it could not run alone: the script refuses such a pipeline. The pipeline's licence files (LICENSE,
LICENSES_SOURCES, README.md) are copied beside it, so that what ships says where it came from.

A tokenizer whose ``token_match`` is a long alternation (French: 1.4 MB, its tokenizer exceptions) gets
the same pattern with the alternatives' common endings written once (privscan.engine.regex_factor): spaCy
compiles the stored pattern when it loads the pipeline, and the factored one matches the same tokens in a
fraction of the compile time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

KEEP_FILES = ("LICENSE", "LICENSES_SOURCES", "README.md")


def slim(source: str, dest: Path) -> Path:
    """Write the NER-only pipeline of `source` (a package name or a directory) to `dest`."""
    import spacy

    nlp = spacy.load(source)
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"{source}: the pipeline has no ner component")
    tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        raise SystemExit(f"{source}: its ner listens to a shared tok2vec and cannot run alone")
    for name in list(nlp.component_names):  # disabled ones too (a pipeline's senter)
        if name != "ner":
            nlp.remove_pipe(name)
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    factor_token_match(dest / "tokenizer")
    origin = Path(nlp.path) if getattr(nlp, "path", None) else None
    for name in KEEP_FILES:
        if origin is not None and (origin / name).is_file():
            shutil.copy2(origin / name, dest / name)
    return dest


def factor_token_match(tokenizer: Path) -> bool:
    """Rewrite a serialised tokenizer's ``token_match`` with its alternatives' common endings written once
    (see the module docstring); the other fields are kept as they are. True when it was rewritten."""
    import srsly
    from privscan.engine.regex_factor import factor

    data = srsly.msgpack_loads(tokenizer.read_bytes())
    pattern = data.get("token_match")
    factored = factor(pattern) if isinstance(pattern, str) else None
    if factored is None or len(factored) >= len(pattern):
        return False
    data["token_match"] = factored
    tokenizer.write_bytes(srsly.msgpack_dumps(data))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="an installed pipeline package or a pipeline directory")
    parser.add_argument("dest", type=Path, help="the directory to write, e.g. layers/models/ner/fr")
    args = parser.parse_args()
    dest = slim(args.source, args.dest)
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) / 1024**2
    print(f"{dest}: {size:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
