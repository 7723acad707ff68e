"""Train one language's small NER pipeline (PER, LOC, ORG, MISC) and save a lean copy for the runtime.

    python scripts/build_ner_train.py --lang de          # first: build/ner-train/de/{train,dev}.spacy
    nice -n 10 python scripts/train_ner.py de            # -> layers/models/ner/de/
    python scripts/train_ner.py de --max-steps 500 --out /tmp/ner-de   # a quick trial

The pipeline is ``spacy.blank(lang)``'s tokenizer and one ``ner`` component with its own small CNN
tok2vec (hash embeddings of NORM, PREFIX, SUFFIX and SHAPE, no static vectors), so the model needs no
other package than spaCy and stays a few MB. Training runs on one thread, bounded by ``--max-steps``,
``--max-epochs`` and optionally ``--max-minutes`` (wall-clock); spaCy keeps the checkpoint that scores
best on the internal held-out split (``dev.spacy``), never on data/real-ner. spaCy's own output
(checkpoints, optimizer state) stays in ``build/ner-train/<lang>/training/``. The saved copy has a
fresh vocabulary (the training words are not shipped) and no optimizer state.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Licence terms carried by each model because of its training data (layers/models/ner/README.md).
MODEL_LICENCES = {
    "de": (
        "CC BY 4.0 (attribution: GermEval 2014, HIPE-2022 NewsEye and SoNAR, DFKI SmartData Corpus, German LER;"
        " Europeana Newspapers CC0)"
    ),
    "fr": "CC BY 4.0 (attribution: HIPE-2022 NewsEye; Europeana Newspapers CC0)",
    "nl": "CC0 1.0 (Europeana Newspapers)",
    "pt": "CC BY-SA 4.0 (Universal NER, Portuguese-Bosque: ShareAlike)",
    "es": "CC BY 4.0 (attribution: MultiCoNER v1 and v2, MEDDOCAN)",
    "it": "CC BY 4.0 (attribution: MultiCoNER v1 and v2)",
}

CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "{lang}"
pipeline = ["ner"]
batch_size = 256

[components]

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 1000]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = 4
window_size = 1
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def write_config(path: Path, lang: str, args: argparse.Namespace) -> None:
    path.write_text(
        CONFIG.format(
            lang=lang,
            width=args.width,
            patience=args.patience,
            max_epochs=args.max_epochs,
            max_steps=args.max_steps,
            eval_frequency=args.eval_frequency,
        ),
        encoding="utf-8",
    )


def lean_copy(trained_dir: Path, out: Path) -> None:
    """Rebuild the pipeline from its config with an empty vocabulary, load the trained ``ner`` weights
    into it and save that: the training words stay out of the shipped model."""
    import spacy

    trained = spacy.load(trained_dir)
    config = trained.config.copy()
    config["paths"].update({"train": None, "dev": None})  # the build machine's paths are not shipped
    lean = spacy.blank(trained.lang, config=config)
    lean.get_pipe("ner").from_bytes(trained.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    lean.meta.update(
        {
            "name": f"privscan_ner_{trained.lang}",
            "version": "1.0.0",
            "description": "privscan NER: PER, LOC, ORG, MISC (see layers/models/ner/README.md)",
            "license": MODEL_LICENCES.get(trained.lang, "see layers/models/ner/README.md"),
            "performance": trained.meta.get("performance", {}),
        }
    )
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lean.to_disk(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "ner-train")
    parser.add_argument("--out", type=Path, help="default: layers/models/ner/<lang>")
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--max-epochs", type=int, default=30)
    parser.add_argument("--patience", type=int, default=1600)
    parser.add_argument("--eval-frequency", type=int, default=200)
    parser.add_argument("--max-minutes", type=float, help="stop training after this wall-clock time, keep the best")
    parser.add_argument("--export-only", action="store_true", help="save the best checkpoint of an earlier run")
    args = parser.parse_args()
    data = args.data / args.lang
    out = args.out or ROOT / "layers" / "models" / "ner" / args.lang
    work = data / "training"
    if not args.export_only:
        train(args, data, work)
    lean_copy(work / "out" / "model-best", out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{args.lang}: saved {size / 1e6:.2f} MB to {out}")


def train(args: argparse.Namespace, data: Path, work: Path) -> None:
    """Run ``spacy train`` on one thread; past ``--max-minutes`` stop it (spaCy has already saved the
    best checkpoint at each evaluation)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    work.mkdir(parents=True, exist_ok=True)
    config = work / "config.cfg"
    write_config(config, args.lang, args)
    started = time.monotonic()
    command = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(work / "out")]
    command += ["--paths.train", str(data / "train.spacy"), "--paths.dev", str(data / "dev.spacy")]
    process = subprocess.Popen(command, env=env)
    try:
        process.wait(timeout=args.max_minutes * 60 if args.max_minutes else None)
    except subprocess.TimeoutExpired:
        process.terminate()  # SIGTERM: SIGINT is ignored by a job started in the background
        process.wait()
        print(f"{args.lang}: stopped after --max-minutes {args.max_minutes}")
    if process.returncode not in (0, -signal.SIGTERM) or not (work / "out" / "model-best").exists():
        raise SystemExit(f"spacy train failed ({process.returncode})")
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = (time.monotonic() - started) / 60
    print(f"{args.lang}: trained in {wall:.1f} min wall-clock, {(cpu.ru_utime + cpu.ru_stime) / 60:.1f} min CPU")


if __name__ == "__main__":
    main()
