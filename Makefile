# sdmonitor — see README.md.
#   make site            install what is missing, build, generate site/ from content/
#   make test            build and run every test (ctest)
#   make golden-update   regenerate the golden pages after an intended change; review the diff
#   make fuzz            run the libFuzzer targets (FUZZ_SECONDS each)
#   make pdf             the site plus site/monitor-<edition>.pdf
#   make bench           sdmonitor against Hugo for 1, 40 and 342 municipalities

BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)

.PHONY: all deps configure build site pdf test test-sanitize golden-update format format-check clean fuzz bench bench-profile

all: build

deps:
	@.ci/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

site: build
	$(BUILD)/sdmonitor build --content content --out site
	@echo "Open site/index.html in een browser."

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSDMONITOR_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j $(JOBS) -L "unit|golden"

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

pdf: build
	$(BUILD)/sdmonitor pdf --content content --out site
