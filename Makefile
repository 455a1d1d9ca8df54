# practiced — the two front-door commands are `make serve` and `make test`.
# Every target installs what it needs that is missing, so a fresh clone works as it is.

SWIFT        ?= swift
DEBIAN_PKGS  := libblas-dev liblapacke-dev libopenblas0-pthread python3-jieba curl
# The report tests open the pages in a real browser (Chinese fonts for its screenshots).
TEST_PKGS    := chromium fonts-noto-cjk
BIN_DEBUG    := .build/debug/practiced
BIN_RELEASE  := .build/release/practiced
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps install-missing build release corpus model serve test bench clean

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
