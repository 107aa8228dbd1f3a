# Kith — the two commands: `make demo` and `make test`. Both install what they need.
SWIFT ?= swift
APT_PACKAGES = pkg-config liblmdb-dev libsqlite3-dev

.PHONY: demo test bench deps build release clean conformance

# Installs Debian's LMDB and SQLite development packages when they are missing.
deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists lmdb 2>/dev/null || ! pkg-config --exists sqlite3 2>/dev/null; then \
		echo "installing $(APT_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(APT_PACKAGES); }; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product kith

demo: release
	.build/release/kith demo --db ./demo.db

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# TinkerPop's Gherkin feature suite against the Gremlin engine; failures go to conformance-failures.txt.
FEATURES ?= ../shared/tinkerpop/features
conformance: deps
	$(SWIFT) build -c release --product kith-conformance
	.build/release/kith-conformance --features $(FEATURES) --failures conformance-failures.txt $(CONFORMANCE_ARGS)

# The storage engine (issue 2), then identity resolution (issue 4: accuracy, and PEOPLE people,
# 1M by default, ingested and resolved), then the exports (issue 5) of that resolved store.
bench: deps
	Benchmarks/run.sh
	SKIP_BUILD=1 Benchmarks/resolution.sh
	SKIP_BUILD=1 STORE=bench-data/resolution/people-$${PEOPLE:-1000000}.db Benchmarks/exports.sh

clean:
	rm -rf .build demo.db demo.db.rejects.txt bench-data
