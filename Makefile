# practiced — the two front-door commands are `make serve` and `make test`.
# Every target installs what it needs that is missing, so a fresh clone works as it is.

SWIFT        ?= swift
DEBIAN_PKGS  := libblas-dev liblapacke-dev libopenblas0-pthread python3-jieba curl
# The report and page tests open pages in a real browser (Chinese fonts for its screenshots);
# the installed-product tests start the daemon under systemd-socket-activate, behind nginx, and
# read its man page.
TEST_PKGS    := chromium fonts-noto-cjk systemd nginx-light man-db
BIN_DEBUG    := .build/debug/practiced
BIN_RELEASE  := .build/release/practiced
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps install-missing build release corpus model serve test bench clean fuzz fuzz-build fuzz-api install uninstall man

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

# Python side of the tests: the cross-checks (scikit-learn for TF-IDF) and the browser driver
# (websocket-client for Chromium's DevTools protocol; its wsdump marks the venv as complete).
.venv-test/bin/wsdump:
	python3 -m venv .venv-test
	.venv-test/bin/pip install -q scikit-learn==1.9.1 scipy numpy websocket-client==1.8.0

# The tests, and the product installed as a user would install it (DESTDIR under .build/, the
# debug binary the tests built): InstalledTests run that tree from /, under systemd's socket
# activation, behind nginx in Chromium.
INSTALLED := $(CURDIR)/.build/installed
test: test-deps .venv-test/bin/wsdump
	$(SWIFT) build --build-tests
	rm -rf $(INSTALLED)
	$(MAKE) --no-print-directory install DESTDIR=$(INSTALLED) PREFIX=/usr BIN=$(BIN_DEBUG)
	PRACTICED_INSTALLED=$(INSTALLED) $(SWIFT) test --skip-build

clean:
	rm -rf .build Models/model

# Installed as a system service (README "Installed"): `make install` (PREFIX, DESTDIR as usual;
# BIN=… installs an already built binary instead of building the release one). Installs the
# binary, the shipped data under $(PREFIX)/share/practiced, /etc/practiced/practiced.yaml (kept
# when present: the new one beside it as .new), the corpus under /var/lib/practiced (the shipped
# collections when it is empty), completions, the man page, the systemd units and the system user.
PREFIX        ?= /usr/local
SYSCONFDIR    ?= /etc
LOCALSTATEDIR ?= /var
BINDIR        := $(PREFIX)/bin
DATADIR       := $(PREFIX)/share/practiced
STATEDIR      := $(LOCALSTATEDIR)/lib/practiced
UNITDIR       ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR   ?= $(PREFIX)/lib/sysusers.d
MANDIR        := $(PREFIX)/share/man/man1
SHIPPED_DATA  := divisions region-facts.csv import-rules.json domain-dictionary.txt stop-words.txt taxonomy.json \
                 profile-cues.json labels.json ranking-model.json reports page
INSTALL_BIN    = $(or $(BIN),$(BIN_RELEASE))
MANUAL         = .build/practiced.1
substitute     = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' -e 's|@STATEDIR@|$(STATEDIR)|g'

# The man page, from the commands' own help (deploy/manpage.py: swift-argument-parser's
# generate-manual plugin drops every Chinese character).
man: $(if $(BIN),,release)
	python3 deploy/manpage.py $(INSTALL_BIN) > $(MANUAL)

install: $(if $(BIN),,release) man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(SYSCONFDIR)/practiced $(DESTDIR)$(STATEDIR)/corpus \
	  $(DESTDIR)$(STATEDIR)/model $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/practiced
	cd config && cp -R $(SHIPPED_DATA) $(DESTDIR)$(DATADIR)/
	cp -R Models/corpus $(DESTDIR)$(DATADIR)/corpus
	cp -R Models/sources $(DESTDIR)$(DATADIR)/sources
	@conf=$(DESTDIR)$(SYSCONFDIR)/practiced/practiced.yaml; \
	if [ -e $$conf ]; then $(substitute) deploy/practiced.yaml > $$conf.new; echo "kept $$conf; the new one is $$conf.new"; \
	else $(substitute) deploy/practiced.yaml > $$conf; chmod 644 $$conf; fi
	@[ -n "$$(ls -A $(DESTDIR)$(STATEDIR)/corpus)" ] || cp Models/corpus/*.jsonl $(DESTDIR)$(STATEDIR)/corpus/
	$(substitute) deploy/practiced.service > $(DESTDIR)$(UNITDIR)/practiced.service
	$(substitute) deploy/practiced.socket > $(DESTDIR)$(UNITDIR)/practiced.socket
	$(substitute) deploy/practiced.sysusers > $(DESTDIR)$(SYSUSERSDIR)/practiced.conf
	install -m 644 $(MANUAL) $(DESTDIR)$(MANDIR)/practiced.1
	$(DESTDIR)$(BINDIR)/practiced --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/practiced
	$(DESTDIR)$(BINDIR)/practiced --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_practiced
	$(DESTDIR)$(BINDIR)/practiced --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/practiced.fish
	@# On the machine itself (no DESTDIR, as root): the user, its folder, systemd told of the units.
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	  systemd-sysusers $(SYSUSERSDIR)/practiced.conf && chown -R practiced:practiced $(STATEDIR); \
	  if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	  echo "installed: systemctl enable --now practiced.socket; nginx: deploy/nginx-practiced.conf"; fi

# Removes what `make install` put in place; the configuration and /var/lib/practiced (corpus,
# model) stay, as a package's removal keeps them (remove them by hand to purge).
uninstall:
	-@[ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ] && systemctl disable --now practiced.socket practiced.service 2>/dev/null; true
	rm -f $(DESTDIR)$(BINDIR)/practiced $(DESTDIR)$(UNITDIR)/practiced.service $(DESTDIR)$(UNITDIR)/practiced.socket \
	  $(DESTDIR)$(SYSUSERSDIR)/practiced.conf $(DESTDIR)$(MANDIR)/practiced.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/practiced $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_practiced \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/practiced.fish
	rm -rf $(DESTDIR)$(DATADIR)
	@echo "kept $(DESTDIR)$(SYSCONFDIR)/practiced and $(DESTDIR)$(STATEDIR)"

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
