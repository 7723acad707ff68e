# privscan developer tasks. Add new targets below and list them in .PHONY.
# build_layer.py only needs the standard library + pip (the project venv has no pip).
PYTHON ?= python3
# uv runs as a module of the system Python so a fresh machine needs only Python and pip (bootstrap installs it).
UV ?= $(PYTHON) -m uv
UV_VERSION ?= 0.13.8
# checkov runs as an isolated tool: its pins (boto3 1.35) conflict with the project's lock
CHECKOV_VERSION ?= 3.2.533
# no download at run time: no platform policies or guidelines (--skip-download, BC_SKIP_MAPPING), no update check
CHECKOV_ENV = BC_SKIP_MAPPING=TRUE CKV_SKIP_PACKAGE_UPDATE_CHECK=true
LAYER_OUT ?= build/layers
BUILD_LAYER = $(PYTHON) scripts/build_layer.py --out $(LAYER_OUT)

.PHONY: demo test bootstrap sync lint fuzz layer layer-size layer-smoke validate checkov

## demo: the main job on an embedded local AWS (moto): deploy template.yaml, upload samples, scan, print findings
demo: sync
	$(UV) run --frozen privscan demo

## test: lint, the whole test suite, the template lint and checkov (what CI runs)
test: lint
	$(UV) run --frozen pytest
	$(UV) run --frozen cfn-lint template.yaml
	$(MAKE) checkov

## checkov: security checks of template.yaml; every check skipped is in the template's Metadata with its reason
checkov: bootstrap
	$(CHECKOV_ENV) $(UV) tool run --from "checkov==$(CHECKOV_VERSION)" checkov --file template.yaml \
		--framework cloudformation --skip-download --compact --quiet

## bootstrap: install uv for this Python if it is missing
bootstrap:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)" \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages "uv==$(UV_VERSION)"

## sync: the locked environment (.venv), with the local-AWS extra, and its bytecode
# uv writes no .pyc by default, and where PYTHONDONTWRITEBYTECODE is set Python never caches them:
# every process would then compile spaCy, Presidio and the engine again (about 1 s of each cold start).
sync: bootstrap
	$(UV) sync --frozen --all-extras --compile-bytecode
	$(UV) run --frozen python -m compileall -q layers/privscan/privscan tools/privscan_tools functions scripts >/dev/null

## lint: formatting (ruff format --check) and ruff's rules, line length (E501) and complexity (C901, at most 15) included
lint: sync
	$(UV) run --frozen ruff format --check layers tools functions tests scripts
	$(UV) run --frozen ruff check layers tools functions tests scripts

## fuzz: the reader fuzz suite at length: FUZZ_EXAMPLES cases per unit (each test runs 1-5 units; CI runs 20),
# FUZZ_SEED for another fixed sequence of cases (the default is derandomized); prints cases run per test
FUZZ_EXAMPLES ?= 1000
FUZZ_SEED ?=
fuzz: sync
	PRIVSCAN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) PRIVSCAN_FUZZ_SEED=$(FUZZ_SEED) $(UV) run --frozen pytest \
		tests/unit/test_fuzz_readers.py -p no:cacheprovider -q --hypothesis-show-statistics

## layer: build + slim the Lambda layers (arm64 / python3.12) into $(LAYER_OUT)
layer:
	$(BUILD_LAYER) --no-report

## layer-size: build the layers and print their sizes; last line is layer_unzipped_mb=N (fails if N > 250)
layer-size:
	$(BUILD_LAYER)

## layer-smoke: like layer-size, plus a host-interpreter build with the same slimming + import smoke test
layer-smoke:
	$(BUILD_LAYER) --host-smoke-test

## validate: lint the SAM template
validate:
	$(UV) run cfn-lint template.yaml
