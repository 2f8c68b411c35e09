# Quick start: `make demo` and `make test`. See README.md.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
BIN := $(BUILD_DIR)/src/cli/storyline
JOBS ?= $(shell nproc)

.PHONY: all deps configure build test demo bench clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset $(PRESET) >/dev/null

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

test: build
	ctest --preset $(PRESET) -j $(JOBS)

demo: build
	@rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	@echo "== storyline ingest examples/   (the malformed example is reported; the rest is stored)"
	@$(BIN) ingest --db build/demo.db examples/ || echo "(exit code $$?: examples/malformed.jsonl failed, as intended)"
	@echo
	@echo "== storyline articles"
	@$(BIN) articles --db build/demo.db
	@echo
	@echo "== storyline stories"
	@$(BIN) stories --db build/demo.db
	@echo
	@echo "== storyline brief examples/bridge examples/probe examples/nighttrain   (a briefing per story)"
	@$(BIN) brief examples/bridge examples/probe examples/nighttrain

bench: build
	./bench/run.sh $(BUILD_DIR)

clean:
	rm -rf build
