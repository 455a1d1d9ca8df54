# practiced — the two front-door commands are `make serve` and `make test`.
# Every target installs what it needs that is missing, so a fresh clone works as it is.

SWIFT        ?= swift
DEBIAN_PKGS  := libblas-dev liblapacke-dev libopenblas0-pthread python3-jieba curl
# The report tests open the pages in a real browser (Chinese fonts for its screenshots).
TEST_PKGS    := chromium fonts-noto-cjk
BIN_DEBUG    := .build/debug/practiced
BIN_RELEASE  := .build/release/practiced
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps install-missing build release corpus model serve test bench clean fuzz fuzz-build fuzz-api

all: build

# Debian packages: installed only when one is missing (dpkg -s answers without the network).
deps:
	@$(MAKE) --no-print-directory install-missing PKGS="$(DEBIAN_PKGS)"

test-deps: deps
	@$(MAKE) --no-print-directory install-missing PKGS="$(TEST_PKGS)"

install-missing:
	@missing=""; for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Re-import the shipped sources into Models/corpus (the committed corpus is this command's output).
corpus: build
	$(BIN_DEBUG) import Models/sources/*.txt --replace

model: release
	$(BIN_RELEASE) build

# The daemon on the shipped corpus, in the foreground (Ctrl-C stops it). Socket: SOCKET=…, else
# $$PRACTICED_SOCKET, else daemon.socket in config/practiced.yaml (Models/run/practiced.sock).
serve: model
	$(BIN_RELEASE) serve $(if $(SOCKET),--socket $(SOCKET))

# Python side of the cross-checks run by the tests (scikit-learn for TF-IDF).
.venv-test/bin/python:
	python3 -m venv .venv-test
	.venv-test/bin/pip install -q scikit-learn==1.9.1 scipy numpy

test: test-deps .venv-test/bin/python
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build Models/model

# Benchmarks against reference tools, side by side in one run (never part of `make test`).
.venv-bench/bin/python:
	python3 -m venv .venv-bench
	.venv-bench/bin/pip install -q rjieba scikit-learn==1.9.1 scipy numpy faiss-cpu

bench: deps release .venv-bench/bin/python
	@dpkg -s nginx-light >/dev/null 2>&1 || $(SUDO) apt-get install -y nginx-light   # the load benchmark's reference
	@dpkg -s time >/dev/null 2>&1 || $(SUDO) apt-get install -y time   # /usr/bin/time for the reports benchmark
	Benchmarks/load/run.sh
	Benchmarks/reports/run.sh
	Benchmarks/tokenize/run.sh
	Benchmarks/svd/run.sh
	Benchmarks/neighbours/run.sh
	Benchmarks/import/run.sh
	Benchmarks/scale/run.sh

# Fuzzing (never part of `make test`; see README "Fuzzing"): each libFuzzer target for
# FUZZ_SECONDS, then schemathesis on docs/openapi.json against a running daemon for at most
# FUZZ_API_SECONDS and FUZZ_EXAMPLES cases per operation. Runs everything, then exits non-zero
# when anything was found; findings are in .fuzz/crashes/<target>/ and .fuzz/api/.
FUZZ_SECONDS     ?= 60
FUZZ_API_SECONDS ?= 300
FUZZ_EXAMPLES    ?= 50
FUZZERS          ?= ImportFuzzer DecodeFuzzer ParagraphFuzzer ProfileFuzzer ProfileFileFuzzer NewCasesFuzzer
FUZZ_PKGS        := socat

# The fuzz targets are a package of their own (Fuzz/) with their own build folder. Testing is
# enabled so that ParagraphFuzzer reaches the importer's internal stages.
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize=fuzzer -Xswiftc -enable-testing

.venv-fuzz/bin/schemathesis:
	python3 -m venv .venv-fuzz
	.venv-fuzz/bin/pip install -q schemathesis==4.32.5

fuzz-api: build .venv-fuzz/bin/schemathesis
	@$(MAKE) --no-print-directory install-missing PKGS="$(FUZZ_PKGS)"
	.venv-fuzz/bin/python Fuzz/fuzz-api.py --binary $(BIN_DEBUG) --examples $(FUZZ_EXAMPLES) --seconds $(FUZZ_API_SECONDS)

fuzz: fuzz-build build .venv-fuzz/bin/schemathesis
	@$(MAKE) --no-print-directory install-missing PKGS="$(FUZZ_PKGS)"
	python3 Fuzz/make-seeds.py .fuzz
	@failed=""; \
	for target in $(FUZZERS); do Fuzz/run-libfuzzer.sh $$target $(FUZZ_SECONDS) || failed="$$failed $$target"; done; \
	.venv-fuzz/bin/python Fuzz/fuzz-api.py --binary $(BIN_DEBUG) --examples $(FUZZ_EXAMPLES) --seconds $(FUZZ_API_SECONDS) || failed="$$failed schemathesis"; \
	if [ -n "$$failed" ]; then echo "make fuzz: found something in:$$failed (see .fuzz/crashes/ and .fuzz/api/)"; exit 1; fi; \
	echo "make fuzz: nothing found"
