# Egov — the commands of README.md. Every target installs what is missing first.
#   make run    install, build egov and the web app (Release), create var/egov.db with the demo, serve :8080
#   make test   install, build, run every test (unit, store on SQLite and PostgreSQL, API, web)
#   make build  install and build everything: build/egov, the test binaries, web/dist
#   make bench  the benchmarks of bench/, printed as a table
SHELL := /bin/bash
# ccache keys on paths relative to the checkout, so clones in other folders (CI) hit the cache.
export CCACHE_BASEDIR := $(CURDIR)
.DEFAULT_GOAL := build
JOBS ?= 2
BUILD_DIR ?= build
DB ?= sqlite:var/egov.db
LISTEN ?= 127.0.0.1:8080
# After the default: `export` before `?=` would define LISTEN empty (GNU make 4.3) and
# `make run` would start egov with `--listen` and no address.
export LISTEN
WEB_SOURCES := $(shell find web/src web/index.html web/package.json web/vite.config.ts web/tsconfig.json -type f 2>/dev/null)

.PHONY: deps build build-cpp build-egov web run test test-asan bench clean format

deps:
	@scripts/install-deps

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build-cpp: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The server alone (what `make run` needs): a newcomer waits for no test binary.
build-egov: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j$(JOBS) --target egov

web/dist/index.html: web/package-lock.json $(WEB_SOURCES)
	cd web && npm run build --silent
	@touch $@

web: deps web/dist/index.html

build: build-cpp web

run: build-egov web
	@if [ ! -f var/egov.db ]; then \
	  mkdir -p var && $(BUILD_DIR)/egov migrate --db $(DB) >/dev/null && \
	  $(BUILD_DIR)/egov demo --db $(DB) >/dev/null; \
	fi
	@scripts/print-demo-accounts
	$(BUILD_DIR)/egov serve --db $(DB) --listen $(LISTEN)

# The OpenAPI description is linted (@redocly/cli, redocly.yaml) and web/src/api/schema.d.ts must
# be what openapi-typescript makes of it; unit, store and API tests run under a throwaway
# PostgreSQL 15 cluster (scripts/with-postgres), so every store and API suite runs on SQLite and
# on PostgreSQL, and every API response is checked against the description (the ctest
# api_exchanges_match_openapi); then the browser tests.
test: build
	cd web && npm run --silent lint:openapi && npm run --silent check:api-types
	scripts/with-postgres env EGOV_REQUIRE_PG=1 ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS) --timeout 600
	scripts/e2e

bench: build
	bench/run

format:
	scripts/check-format --fix

clean:
	rm -rf $(BUILD_DIR) web/dist

# The API and store suites against an AddressSanitizer + UBSan build (build-asan/), both
# engines. Slower to build; run it after touching coroutines or the store.
test-asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer"
	cmake --build build-asan -j$(JOBS) --target egov egov_api_tests egov_store_tests
	ASAN_OPTIONS=detect_leaks=0 EGOV_BIN=$(CURDIR)/build-asan/egov scripts/with-postgres \
	  sh -c 'build-asan/egov_store_tests && build-asan/egov_api_tests'
