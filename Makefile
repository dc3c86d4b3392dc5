# pm-tools: see README.md.  `make`, `make check`, `make check SANITIZE=1`,
# `make demo`, `make bench`, `make install PREFIX=/usr/local DESTDIR=...`,
# `make clean [O=... BIN=...]`; NO_INSTALL=1: demo and check install nothing.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man

CC      ?= cc
CFLAGS  ?= -O2 -g
PM_CFLAGS = -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L \
	    -DPM_VERSION='"$(VERSION)"' -Icommon
LDLIBS  = -lcsv -lm

# Homebrew on Apple silicon keeps its libraries out of the compiler's
# default paths.
ifeq ($(shell uname -s),Darwin)
HOMEBREW := $(shell brew --prefix 2>/dev/null)
ifneq ($(HOMEBREW),)
CPPFLAGS += -I$(HOMEBREW)/include
LDFLAGS  += -L$(HOMEBREW)/lib
endif
endif

# libcsv (and cmocka for the unit tests): scripts/deps.sh says which
# package to install, in one line, rather than a compiler error.  make
# demo and make check install what is missing (SPEC section 20: the
# README's two commands do the whole set-up); every other goal, and
# NO_INSTALL=1, only say it.  make -n prints what would be installed.
ifeq ($(filter clean uninstall help,$(MAKECMDGOALS))$(SKIP_DEPCHECK),)
DEPS_NEED := libcsv $(if $(filter check,$(MAKECMDGOALS)),cmocka)
DEPS_MISSING := $(shell CC='$(CC)' CPPFLAGS='$(CPPFLAGS)' \
	LDFLAGS='$(LDFLAGS)' \
	NO_INSTALL='$(if $(filter demo check,$(MAKECMDGOALS)),$(NO_INSTALL),1)' \
	DEPS_DRY_RUN='$(if $(findstring n,$(firstword -$(MAKEFLAGS))),1,$(DEPS_DRY_RUN))' \
	sh scripts/deps.sh $(DEPS_NEED))
ifneq ($(DEPS_MISSING),)
$(error $(DEPS_MISSING))
endif
endif

ifeq ($(SANITIZE),1)
O      ?= build-san
PM_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else
O      ?= build
endif
BIN    ?= $(if $(filter 1,$(SANITIZE)),$(O)/bin,bin)

TOOLS   = pm-ingest pm-score pm-pareto pm-flag pm-report
COMMON_SRC = $(sort $(wildcard common/*.c))
COMMON_OBJ = $(COMMON_SRC:%.c=$(O)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
# Each tool may have private modules in cmd/TOOL/*.c; they are archived
# into $(O)/lib/libTOOL.a, which the tool and its unit tests link with
# (tests/unit/test_SHORT_*.c, SHORT = the tool's name without "pm-").
mod_objs = $(patsubst %.c,$(O)/%.o,$(wildcard cmd/$(1)/*.c))

.PHONY: all check unit e2e demo bench install uninstall clean fuzz
# Keep the objects that only a unit test links with: make would remove
# them after the run, and its "rm ..." line would follow make check's
# "N passed, N failed".
.SECONDARY:
all: $(TOOLS:%=$(BIN)/%)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(PM_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(O)/lib/libpm.a: $(COMMON_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

define tool_rule
$(O)/lib/lib$(1).a: $(call mod_objs,$(1))
	@mkdir -p $$(@D)
	rm -f $$@
	$$(AR) rcs $$@ $(call mod_objs,$(1))

$(BIN)/$(1): $(O)/cmd/$(1).o $(O)/lib/lib$(1).a $(O)/lib/libpm.a
	@mkdir -p $$(@D)
	$$(CC) $$(PM_CFLAGS) $$(CFLAGS) $$(LDFLAGS) -o $$@ $(O)/cmd/$(1).o $(O)/lib/lib$(1).a $(O)/lib/libpm.a $$(LDLIBS)

$(O)/tests/test_$(1:pm-%=%)_%: $(O)/tests/unit/test_$(1:pm-%=%)_%.o $(O)/lib/lib$(1).a $(O)/lib/libpm.a
	@mkdir -p $$(@D)
	$$(CC) $$(PM_CFLAGS) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$< $(O)/lib/lib$(1).a $(O)/lib/libpm.a $$(LDLIBS) -lcmocka
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

$(O)/tests/%: $(O)/tests/unit/%.o $(O)/lib/libpm.a
	@mkdir -p $(@D)
	$(CC) $(PM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/lib/libpm.a $(LDLIBS) -lcmocka

check: all $(UNIT_BIN)
	@PMBIN=$(abspath $(BIN)) UNITBIN=$(abspath $(O)/tests) \
	    VALGRIND=$(VALGRIND) sh tests/run.sh

demo: all
	@sh examples/demo.sh $(abspath $(BIN))

bench: all
	@sh tests/bench.sh $(abspath $(BIN))

fuzz:
	@sh tests/fuzz/run.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do cp $(BIN)/$$t $(DESTDIR)$(BINDIR)/$$t; done
	cp man/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp man/*.7 $(DESTDIR)$(MANDIR)/man7/

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	rm -f $(DESTDIR)$(MANDIR)/man7/pm-tools.7

# The default folders, and those of this O= and BIN=: only what the build
# writes there, since BIN may be a folder of other programs.
clean:
	rm -rf bin build build-san build-fuzz demo-out bench-out
	rm -rf $(addprefix $(O)/,cmd common lib tests)
	rm -f $(TOOLS:%=$(BIN)/%)
	rmdir $(BIN) $(O) 2>/dev/null || true

-include $(shell find $(O) -name '*.d' 2>/dev/null)
