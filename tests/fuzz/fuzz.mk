# tests/fuzz/fuzz.mk - the libFuzzer target over the loader.
#
#   make fuzz                      build, seed, fuzz for FUZZ_SECONDS (600)
#   make fuzz FUZZ_SECONDS=3600    longer
#   make fuzz FUZZ_FLAGS=-fork=2   on two cores
#   make -f tests/fuzz/fuzz.mk replay   run every saved finding once
#
# Needs clang (libFuzzer, ASan, UBSan). The corpus lives in
# tests/fuzz/corpus/ (not in git), seeded from content/, the robustness
# fixtures, the YAML test suite (../shared/yaml-test-suite) and the saved
# findings. A finding (crash, leak, sanitizer report, timeout, memory
# blow-up) is written to tests/fuzz/regressions/, which `make test`
# replays through the ASan builds: fix the bug and keep the file.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_MAX_LEN ?= 65536
FUZZ_FLAGS ?=
OUT = build/fuzz
CORPUS = tests/fuzz/corpus
FINDINGS = tests/fuzz/regressions
SUITE = ../shared/yaml-test-suite

PKGS = yaml-0.1 icu-uc icu-i18n
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
CFLAGS_FUZZ = -std=c11 -D_GNU_SOURCE $(WARN) -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Imodel $(shell pkg-config --cflags $(PKGS))
LIBS_FUZZ = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
SRC = tests/fuzz/fuzz_load.c $(wildcard model/*.c)

.PHONY: fuzz seed replay
fuzz: $(OUT)/fuzz_load seed
	@echo "fuzzing the loader for $(FUZZ_SECONDS) s; findings go to $(FINDINGS)/"
	$(OUT)/fuzz_load $(CORPUS) $(FINDINGS) \
		-dict=tests/fuzz/yaml.dict -max_len=$(FUZZ_MAX_LEN) \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=$(FINDINGS)/ -print_final_stats=1 $(FUZZ_FLAGS)

$(OUT)/fuzz_load: $(SRC) $(wildcard model/*.h)
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_FUZZ) -o $@ $(SRC) $(LIBS_FUZZ)

# Copy in every seed (by content hash, so reseeding adds no duplicates).
seed:
	@mkdir -p $(CORPUS) $(FINDINGS)
	@for f in content/*.yaml tests/robust/fixtures/*.yaml $(SUITE)/*.yaml; do \
		[ -f "$$f" ] || continue; \
		cp "$$f" "$(CORPUS)/seed-$$(sha1sum <"$$f" | cut -c1-16)"; \
	done

replay: $(OUT)/fuzz_load
	@ls $(FINDINGS) | grep -v '^README' | sed 's|^|$(FINDINGS)/|' | \
		xargs -r $(OUT)/fuzz_load
