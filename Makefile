# sdmonitor — see README.md.
#   make site            install what building needs, build the program, generate site/ from content/
#   make test            install the test tools, build everything and run every test (ctest)
#   make golden-update   regenerate the golden pages after an intended change; review the diff
#   make fuzz            run the libFuzzer targets (FUZZ_SECONDS each)
#   make pdf             the site plus site/monitor-<edition>.pdf
#   make bench           sdmonitor against Hugo for 1, 40 and 342 municipalities
#
# CMAKE_FLAGS goes to every CMake configure; CI uses CMAKE_FLAGS=-DSDMONITOR_WERROR=ON. A build
# folder keeps its options, so pass it when the folder is first configured (or after make clean).

BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps deps-site deps-pdf program build site pdf test test-sanitize golden-update format format-check clean fuzz bench bench-profile

all: build

deps:
	@.ci/install-deps test

deps-site:
	@.ci/install-deps site

deps-pdf:
	@.ci/install-deps pdf

# The program alone. A build folder configured here has no tests (no GoogleTest needed); one that
# `make test` configured keeps them, and only the program is rebuilt.
program: deps-site
	@[ -f $(BUILD)/build.ninja ] || \
	  cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDMONITOR_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS) --target sdmonitor

# Everything, tests included: (re)configures with the tests when the folder has none yet.
build: deps
	@[ -f $(BUILD)/build.ninja ] && [ -z "$(CMAKE_FLAGS)" ] && \
	  grep -qx 'SDMONITOR_TESTS:BOOL=ON' $(BUILD)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDMONITOR_TESTS=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

site: program
	$(BUILD)/sdmonitor build --content content --out site
	@echo "Open site/index.html in een browser."

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSDMONITOR_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j $(JOBS) -L "unit|golden|fuzz"

golden-update: build
	cd $(BUILD) && UPDATE_GOLDEN=1 ctest --output-on-failure -L golden
	git diff --stat -- tests/golden

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

format-check:
	clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.h')

bench: build
	tests/bench/run.sh

bench-profile: build
	tests/bench/profile.sh 40

fuzz: deps
	tests/fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) build-fuzz

pdf: deps-pdf program
	$(BUILD)/sdmonitor pdf --content content --out site
