# pm-tools: see README.md.  `make`, `make check`, `make check SANITIZE=1`,
# `make demo`, `make bench`, `make install PREFIX=/usr/local DESTDIR=...`.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man

CC      ?= cc
CFLAGS  ?= -O2 -g
PM_CFLAGS = -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L \
	    -DPM_VERSION='"$(VERSION)"' -Icommon
LDLIBS  = -lcsv -lm

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

# libcsv is the one dependency: say which package to install, not a
# compiler error, when it is missing.
ifeq ($(filter clean help,$(MAKECMDGOALS))$(SKIP_DEPCHECK),)
HAVE_LIBCSV := $(shell echo | $(CC) $(CPPFLAGS) -include csv.h -E -x c - \
	>/dev/null 2>&1 && echo yes)
ifneq ($(HAVE_LIBCSV),yes)
$(error libcsv not found: install libcsv-dev (Debian/Ubuntu), libcsv-devel (Fedora) or libcsv (Homebrew))
endif
endif

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

clean:
	rm -rf bin build build-san

-include $(shell find $(O) -name '*.d' 2>/dev/null)
