# cyberline - build, test, install.
#
#   make            build ./cyberline (installs missing build dependencies)
#   make run        open the bundled content in the terminal UI
#   make test       unit, command-line, content, YAML-suite and terminal UI
#                   tests, plus the same built with ASan+UBSan; ends with
#                   "N passed, N failed"
#   make bench      performance benchmark (see bench/README.md)
#   make fuzz       libFuzzer target over the loader (clang)
#   make install PREFIX=/usr/local   /   make uninstall PREFIX=...
#   make deps       install build dependencies with apt-get

CC ?= cc
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/cyberline
MANDIR = $(PREFIX)/share/man/man1
VERSION = 0.1.0

PKGS = ncursesw yaml-0.1 icu-uc icu-i18n
# Recursively expanded on purpose: evaluated after `deps` has run.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) \
	$(CFLAGS) $(PKG_CFLAGS) -Imodel -Itui -MMD -MP \
	-DCYBERLINE_VERSION='"$(VERSION)"' -DCYBERLINE_DATADIR='"$(DATADIR)"'
LIBS = $(PKG_LIBS) -lpthread -lm
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

MODEL_SRC = $(wildcard model/*.c)
TUI_SRC = $(wildcard tui/*.c)
UNIT_SRC = $(wildcard tests/unit/test_*.c)

# Object lists for one build variant ($(1) = build/<variant>).
model_objs = $(MODEL_SRC:%.c=$(1)/%.o)
tui_objs = $(TUI_SRC:%.c=$(1)/%.o)
unit_bins = $(UNIT_SRC:tests/unit/%.c=$(1)/tests/%)

REL = build/release
ASAN = build/asan

# Keep objects of test programs between runs.
.SECONDARY:
.PHONY: all run test test-programs test-quick bench fuzz install uninstall clean deps check-deps
all: cyberline

# ---- dependencies -------------------------------------------------------
DEB_PKGS = build-essential pkg-config libncurses-dev libyaml-dev libicu-dev \
	libcmocka-dev tmux clang
deps:
	@missing=; \
	for c in cc pkg-config tmux; do command -v $$c >/dev/null 2>&1 || missing=1; done; \
	pkg-config --exists $(PKGS) cmocka 2>/dev/null || missing=1; \
	if [ -n "$$missing" ]; then \
		echo "cyberline: installing build dependencies: $(DEB_PKGS)"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PKGS) >/dev/null; \
	fi

build/.deps-ok: | deps
	@mkdir -p build && touch $@

# ---- build --------------------------------------------------------------
$(REL)/%.o: %.c | build/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(ASAN)/%.o: %.c | build/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -c $< -o $@

$(REL)/libmodel.a: $(call model_objs,$(REL))
	ar rcs $@ $^
$(ASAN)/libmodel.a: $(call model_objs,$(ASAN))
	ar rcs $@ $^

cyberline: $(call tui_objs,$(REL)) $(REL)/libmodel.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(ASAN)/cyberline: $(call tui_objs,$(ASAN)) $(ASAN)/libmodel.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LIBS)

$(REL)/tests/%: $(REL)/tests/unit/%.o $(REL)/libmodel.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)
$(ASAN)/tests/%: $(ASAN)/tests/unit/%.o $(ASAN)/libmodel.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)

# ---- run and test -------------------------------------------------------
run: cyberline
	./cyberline

TEST_BINS = cyberline $(ASAN)/cyberline $(call unit_bins,$(REL)) $(call unit_bins,$(ASAN))
# Every program the tests run, built but not run (CI builds it with clang).
test-programs: $(TEST_BINS)

test: $(TEST_BINS)
	@tests/run-all.sh

# Release build only, no sanitizers, no terminal UI: for a quick loop.
test-quick: cyberline $(call unit_bins,$(REL))
	@QUICK=1 tests/run-all.sh

bench: cyberline | build/.deps-ok
	@$(MAKE) --no-print-directory -C bench

fuzz: | build/.deps-ok
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk

# ---- install ------------------------------------------------------------
install: cyberline
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content $(DESTDIR)$(MANDIR)
	install -m 755 cyberline $(DESTDIR)$(BINDIR)/cyberline
	install -m 644 content/*.yaml $(DESTDIR)$(DATADIR)/content/
	sed -e 's/@VERSION@/$(VERSION)/' -e 's|@DATADIR@|$(DATADIR)|' doc/cyberline.1 > $(DESTDIR)$(MANDIR)/cyberline.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cyberline $(DESTDIR)$(MANDIR)/cyberline.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build cyberline

-include $(shell find build -name '*.d' 2>/dev/null)
