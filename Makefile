# Kinerja — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Build output; CI points this at a cache outside the clone.
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
# Where `make tools` installs trunk, wasm-bindgen and wasm-opt (outside the repo, reused).
TOOLS_DIR ?= $(HOME)/.cache/kinerja/tools
export PATH := $(TOOLS_DIR)/bin:$(TOOLS_DIR)/node/node_modules/.bin:$(PATH)

TRUNK_VERSION := 0.21.14
# Must equal the wasm-bindgen pinned in frontend/Cargo.toml.
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION := 132.0.0
KINERJA := $(CARGO_TARGET_DIR)/debug/kinerja
# Test threads: each integration test opens its own database; keep PostgreSQL comfortable.
TEST_THREADS ?= 4

.PHONY: help run build wasm-target tools spa size test fmt fmt-check clippy contract-check test-rust openapi \
        client-check compose-check e2e scale-test bench bench-http bench-http-sqlite api-fuzz clean

help:
	@echo "make run     build the SPA and the server, seed demo accounts, serve on http://127.0.0.1:8080"
	@echo "make test    fmt, clippy, tests on SQLite (and PostgreSQL when KINERJA_TEST_POSTGRES_URL is set),"
	@echo "             OpenAPI drift check, compose check, SPA build and browser tests, scale test"
	@echo "make scale-test  two replicas behind HAProxy, PgBouncer, a PostgreSQL streaming replica,"
	@echo "             S3 and SMTP servers on this machine, and the workload that checks them"
	@echo "make spa     build the SPA into frontend/dist      make size   gzip size of the SPA"
	@echo "make openapi regenerate openapi/openapi.json       make fmt    format the code"
	@echo "make tools   install trunk, wasm-bindgen-cli and wasm-opt into $(TOOLS_DIR)"
	@echo "make bench   import and ingest benchmarks          make bench-http  HTTP benchmark at province"
	@echo "             scale beside pgbench (BENCH_EMPLOYEES=100000; bench-http-sqlite: SQLite, 1000)"

## The SPA's compile target (clippy checks the SPA's crates for it too), added when missing.
wasm-target:
	@rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

## Tools for the SPA, installed only when the right version is missing.
tools: wasm-target
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || cargo install --locked trunk --version $(TRUNK_VERSION) --root $(TOOLS_DIR)
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS_DIR)
	@wasm-opt --version 2>/dev/null | grep -q "version 132" || npm install --prefix $(TOOLS_DIR)/node --no-audit --no-fund binaryen@$(BINARYEN_VERSION)

# Eight bundles (see openapi/src/spa.rs): index.html (utama) into dist/, then penilaian.html,
# kepegawaian.html, layanan.html, pengukuran.html, pengembangan.html, pantau.html and panduan.html — index.html with another binary, so the pages never drift apart — each built
# aside (trunk replaces its whole dist directory) and copied into dist/.
OTHER_BUNDLES := penilaian kepegawaian layanan pengukuran pengembangan pantau panduan
spa: tools
	cd frontend && trunk build --release --offline
	@set -e; for b in $(OTHER_BUNDLES); do \
	  sed "s/data-bin=\"kinerja-frontend\"/data-bin=\"$$b\"/" frontend/index.html > frontend/$$b.html; \
	  grep -q "data-bin=\"$$b\"" frontend/$$b.html; \
	  (cd frontend && trunk build $$b.html --release --dist .dist-$$b --offline); \
	  cp frontend/.dist-$$b/$$b-* frontend/dist/; \
	  cp frontend/.dist-$$b/index.html frontend/dist/$$b.html; \
	done

# What one page load fetches, per bundle: its wasm and js (the target), and the shared css.
size: spa
	@cd frontend/dist && for b in kinerja-frontend $(OTHER_BUNDLES); do total=0; \
	  for f in $$b-*.wasm $$b-*.js; do s=$$(gzip -9 -c "$$f" | wc -c); total=$$((total + s)); \
	    printf '%-50s %8d bytes raw %8d gzip\n' "$$f" "$$(wc -c < $$f)" "$$s"; done; \
	  echo "bundle $$b: wasm + js $$total bytes gzip ($$((total / 1024)) KiB); target < 600 KB"; done; \
	  for f in *.css; do printf '%-50s %8d bytes raw %8d gzip\n' "$$f" "$$(wc -c < $$f)" "$$(gzip -9 -c $$f | wc -c)"; done

build:
	cargo build -p kinerja-backend

run: spa build
	$(KINERJA) seed-demo
	KINERJA_SPA_DIR=frontend/dist $(KINERJA) serve

## Checks and tests (what CI runs through .ci/run).
# scale-test stays last: it is the slowest to start and needs the others' build.
test: fmt-check clippy contract-check test-rust client-check compose-check e2e scale-test
	@echo "make test: all checks passed"

fmt:
	cargo fmt --all

fmt-check:
	cargo fmt --all --check

clippy: wasm-target
	cargo clippy --all-targets -- -D warnings
	cargo clippy -p kinerja-frontend -p kinerja-api --target wasm32-unknown-unknown -- -D warnings

# The contract crate stays free of server dependencies (it is compiled to wasm for the SPA).
contract-check:
	@! cargo tree -p kinerja-api -e normal --prefix none | grep -E '^(sea-orm|actix|sqlx|tokio) ' \
	  || { echo "kinerja-api must not depend on server crates"; exit 1; }

# The OpenAPI drift check is the `openapi_document_is_up_to_date` test in this run.
test-rust:
	@if cargo nextest --version >/dev/null 2>&1; then \
	  cargo nextest run --test-threads $(TEST_THREADS) --no-fail-fast; \
	else \
	  cargo test -- --test-threads $(TEST_THREADS); \
	fi
	cargo test -p kinerja-frontend

openapi:
	KINERJA_UPDATE_OPENAPI=1 cargo test -p kinerja-backend --test api openapi_document_is_up_to_date

# An independent client generated from the committed document (openapi-python-client, from PyPI
# into a venv under ~/.cache/kinerja, reused) signs in and reads against the debug server.
client-check: build
	KINERJA_BIN=$(KINERJA) scripts/contract-client-check

compose-check:
	@if command -v docker-compose >/dev/null 2>&1; then \
	  for f in docker-compose.yml docker-compose.scale.yml; do \
	    KINERJA_JWT_SECRET=compose-check-secret-of-at-least-32-chars docker-compose -f $$f config -q \
	      && echo "$$f is valid" || exit 1; \
	  done; \
	else echo "docker-compose not installed: skipping compose validation"; fi
	@if command -v haproxy >/dev/null 2>&1; then \
	  haproxy -c -q -f deploy/scale/haproxy.cfg && echo "deploy/scale/haproxy.cfg is valid"; \
	else echo "haproxy not installed: skipping its configuration check"; fi

e2e: spa build
	cd frontend/e2e && npm ci --no-audit --no-fund --loglevel=error
	cd frontend/e2e && KINERJA_BIN=$(KINERJA) KINERJA_SPA_DIR=$(CURDIR)/frontend/dist node --test --test-concurrency=1

# More than one server (issue #21, docs/scaling.md): a PostgreSQL primary and streaming replica,
# PgBouncer, an S3 server, an SMTP sink, two replicas behind HAProxy, all started and stopped by
# the script (Debian and PyPI packages installed when missing), and a workload that checks them.
# REQUIRE_ALL=1 turns a check SKIPPED for a feature the binary lacks into a failure.
scale-test: build
	KINERJA_BIN=$(KINERJA) scripts/scale-test

# Benchmarks for the speed targets of the issues (release build; PostgreSQL at 127.0.0.1:5432).
bench:
	cargo bench -p kinerja-backend --bench import
	cargo bench -p kinerja-backend --bench ingest

# The requests a person makes, on a release server over `kinerja seed-scale` data, driven by wrk
# at 16 connections beside pgbench -S / -N on the same PostgreSQL; prints one table and writes
# target/bench-http.md. Needs wrk, jq, psql and pgbench (Debian packages). See docs/performance.md
# for the method and BENCH_* settings (BENCH_EMPLOYEES, BENCH_REUSE=1, BENCH_DB=sqlite).
bench-http:
	scripts/bench-http

bench-http-sqlite:
	BENCH_DB=sqlite scripts/bench-http

clean:
	cargo clean
	rm -rf frontend/dist

# Property-based API fuzzing with schemathesis (PyPI) against a seeded server: no request may
# produce a 5xx or an undocumented status. Not part of `make test` (it takes a few minutes).
FUZZ_VENV ?= $(HOME)/.cache/kinerja/schemathesis
api-fuzz: build
	@[ -x $(FUZZ_VENV)/bin/schemathesis ] || (python3 -m venv $(FUZZ_VENV) && $(FUZZ_VENV)/bin/pip install -q schemathesis)
	@set -e; dir=$$(mktemp -d); cd $$dir; \
	  export KINERJA_BIND=127.0.0.1:8097 KINERJA_LOG_LEVEL=error KINERJA_LOGIN_MAX_FAILURES_PER_USER=1000000 KINERJA_LOGIN_MAX_FAILURES_PER_IP=1000000; \
	  $(KINERJA) seed-demo >/dev/null; $(KINERJA) serve & pid=$$!; trap "kill $$pid" EXIT; sleep 2; \
	  token=$$(curl -s http://127.0.0.1:8097/api/v1/auth/login -H 'content-type: application/json' \
	    -d '{"username":"admin.bkpsdm","password":"Demo-Kinerja-2026"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/'); \
	  $(FUZZ_VENV)/bin/schemathesis run http://127.0.0.1:8097/api-docs/openapi.json -H "Authorization: Bearer $$token" \
	    --max-examples 25 --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
