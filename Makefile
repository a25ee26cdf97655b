# Everything a fresh machine needs: `make demo` and `make test` create .venv and install into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_OUT := build/demo

.PHONY: apt-update bench-web postgres chromium java screenshots demo test lint bench fuzz hostile train-attribution train-events train-confidence train-ner train-ner-frontier clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

# The tests run Spark too (tests/test_spark.py): pyspark and pyarrow, and a Java runtime (java).
$(VENV)/.installed-spark: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

demo: $(VENV)/.installed
	@rm -rf $(DEMO_OUT)
	$(BIN)/kroscek analyze examples/ --out $(DEMO_OUT)
	@echo
	@echo "Briefing: $(DEMO_OUT)/index.html   Report: $(DEMO_OUT)/report.md   JSON: $(DEMO_OUT)/kroscek.json"

# Debian's package lists, read once per make run when we are root (CI) and a package the targets
# below install is missing.
apt-update:
	@if [ "$$(id -u)" = 0 ] && ! { command -v java && command -v chromium && command -v pg_ctlcluster; } >/dev/null 2>&1; then \
	  apt-get update -q >/dev/null; fi

# Browser tests drive Debian's chromium (Playwright, no browser download); installed here when
# missing and we are root (CI), else those tests skip and say why.
chromium: apt-update
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -q chromium >/dev/null; } || echo "chromium not installed: browser tests will skip"

# The PostgreSQL store's tests need a real server: Debian's, installed and started here when we
# are root (CI), with a role for this user and the database kroscek_test; else they skip.
postgres: apt-update
	@if [ "$$(id -u)" = 0 ]; then \
	  command -v pg_ctlcluster >/dev/null 2>&1 || apt-get install -y -q postgresql >/dev/null; \
	  pg_ctlcluster --skip-systemctl-redirect $$(pg_lsclusters -h | awk 'NR==1{print $$1" "$$2}') start 2>/dev/null || true; \
	  su postgres -c "createuser -s $$(whoami)" 2>/dev/null || true; \
	  su postgres -c "createdb -O $$(whoami) kroscek_test" 2>/dev/null || true; \
	else echo "not root: PostgreSQL tests will skip unless KROSCEK_TEST_PG points at a server"; fi

# Spark needs a Java runtime: Debian's headless one (17 on bookworm), installed here when missing
# and we are root (CI). KROSCEK_REQUIRE_SPARK makes a missing Spark or Java fail the Spark tests
# instead of skipping them.
java: apt-update
	@command -v java >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -q default-jre-headless >/dev/null; } || echo "java not installed: the Spark tests will fail"

test: $(VENV)/.installed-spark chromium postgres java
	KROSCEK_REQUIRE_SPARK=1 $(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check kroscek tests benchmarks training docs
	$(BIN)/mypy

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,bench]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/bench_backbone.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_dates.py
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_stories.py
	$(BIN)/kroscek eval html
	$(BIN)/python benchmarks/order_independence.py
	$(BIN)/python benchmarks/bench_insert.py --sizes 1000,10000
	$(BIN)/python benchmarks/bench_memory.py --sizes 1000,10000 --ways streamed

# The property tests over 100,000+ cases (tests/test_properties.py; CI runs a small fixed profile).
fuzz: $(VENV)/.installed-dev
	KROSCEK_HYPOTHESIS=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_properties.py

# Hostile inputs, store kills, web probes and input-size growth: the hardening numbers (minutes).
hostile: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bad_inputs.py
	$(BIN)/python benchmarks/faults_store.py
	$(BIN)/python benchmarks/probe_web.py
	$(BIN)/python benchmarks/growth.py

# 50 clients for 60 s against kroscek serve on a 10k-article store (about 3 minutes in all).
bench-web: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/bench_web.py

# Developers only (CI does not train): rebuilds kroscek/models/ner-id-xs and the common-word list.
train-ner: $(VENV)/.installed-dev
	$(BIN)/python training/lexicon/build.py
	$(BIN)/python training/ner/build.py --size xs --epochs 30

# Developers only (CI does not train): the English attribution tagger kroscek/models/attribution-en,
# a CRF trained on PolNeAR train and chosen on dev (minutes on one core).
train-attribution: $(VENV)/.installed-dev
	$(BIN)/python training/attribution/build.py

# Developers only (CI does not train): document frequencies and the same-event model, measured by
# grouped cross-validation and leave-one-set-out on corpus-dev, corpus-dev-2 and ECB+ train topics.
train-events: $(VENV)/.installed-dev
	$(BIN)/python training/events/docfreq.py
	$(BIN)/python training/events/build.py --baseline

# Quote speaker and claim status confidence, calibrated on the hand gold (kroscek/models/confidence.json).
train-confidence: $(VENV)/.installed-dev
	$(BIN)/python training/confidence/build.py

# The other points of the F1-vs-speed frontier (not shipped; kroscek/models/README.md).
train-ner-frontier: $(VENV)/.installed-dev
	$(BIN)/python training/ner/build.py --size sm --epochs 30
	$(BIN)/python training/ner/build.py --size md --epochs 20

clean-venv:
	rm -rf $(VENV)

screenshots: $(VENV)/.installed-dev chromium
	$(BIN)/python docs/screenshots.py
