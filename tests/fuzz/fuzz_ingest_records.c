/*
 * libFuzzer target: pm-ingest's header and format detection, delimiter
 * sniffing and the mapping of records to facts (record.c), on a CSV
 * file.  The first byte picks the options (forced format, day-month
 * order, decimal comma, currencies); the rest is the file.  Besides no
 * crash: a converted record has facts on real days with a metric and a
 * rep, a rejected one a reason.
 */
/* fuzz-sources: cmd/pm-ingest/dates.c cmd/pm-ingest/formats.c cmd/pm-ingest/record.c cmd/pm-ingest/owner.c cmd/pm-ingest/users.c cmd/pm-ingest/currency.c */
/* fuzz-options: -max_len=4096 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "delim.h"
#include "err.h"
#include "../../cmd/pm-ingest/ingest.h"

#define CHECK(c) do {						\
	if (!(c)) {							\
		fprintf(stderr, "check failed: %s\n", #c);		\
		abort();						\
	}								\
} while (0)

struct src {
	const uint8_t *p;
	size_t n, step;
};

static ssize_t
src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n < n ? s->n : n;

	if (s->step != 0 && k > s->step)
		k = s->step;
	memcpy(buf, s->p, k);
	s->p += k;
	s->n -= k;
	return (ssize_t)k;
}

static void
check_facts(const struct rec *r, int rc)
{
	char buf[16];
	pm_day back;
	int i;

	if (rc != 0) {
		CHECK(r->reason[0] != '\0');
		return;
	}
	CHECK(r->nfacts >= 0 && r->nfacts <= MAX_FACTS);
	for (i = 0; i < r->nfacts; i++) {
		date_format(r->facts[i].day, buf);
		CHECK(date_parse_iso(buf, 10, &back) == 0 &&
		    back == r->facts[i].day);
		CHECK(r->facts[i].mlen > 0);
		CHECK(memchr(r->facts[i].metric, '\0', r->facts[i].mlen) == NULL);
	}
	CHECK(r->nrep > 0 && strlen(r->rep) == r->nrep);
}

static const struct format *
pick_format(unsigned b, const struct csv_row *hdr, struct mapping *m)
{
	const struct format *f;
	unsigned nf = 0;

	for (f = formats; f->name != NULL; f++)
		nf++;
	if (b % 4 != 0)
		return format_detect(hdr, m);
	f = &formats[(b / 4) % nf];
	return format_map(f, hdr, m) == 0 ? f : NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *won[] = { "Closed Won", "signed" };
	static char *lost[] = { "Closed Lost" };
	static const struct rate rates[] = { { "EUR", 1100000000 },
		{ "GBP", 1250000000 } };
	struct filectx fc;
	struct rules ru;
	struct src s;
	struct csvr *r;
	struct csv_row row;
	struct rec *rec;
	char req[512];
	size_t i;
	int f, rc, hdr = 0;
	unsigned char b;

	if (size < 2)
		return 0;
	b = data[0];
	s.step = data[1] % 8 == 0 ? 0 : data[1] % 8 * 97;
	s.p = data + 2;
	s.n = size - 2;
	memset(&fc, 0, sizeof(fc));
	memset(&ru, 0, sizeof(ru));
	if (b & 0x40) {
		ru.won = won, ru.nwon = 2;
		ru.lost = lost, ru.nlost = 1;
	}
	if (b & 0x80) {
		ru.rates = rates, ru.nrates = 2;
		ru.mixed = 1;
		memcpy(ru.majority, "USD", 4);
	}
	fc.name = "fuzz.csv";
	r = csvr_open_fn(src_read, &s, "fuzz.csv");
	{
		const char *peek;
		size_t n = csvr_peek(r, &peek);

		csvr_set_delim(r, delim_sniff(peek, n));
	}
	rec = xmalloc(sizeof(*rec));
	while ((rc = csvr_next(r, &row)) == 1) {
		if (!hdr) {
			fc.fmt = pick_format(b, &row, &fc.map);
			if (fc.fmt == NULL)
				continue;	/* a title line: try the next */
			format_required_names(fc.fmt, req, sizeof(req));
			hdr = 1;
			fc.hdr_n = row.n;
			fc.hdr = xreallocarray(NULL, row.n, sizeof(*fc.hdr));
			for (i = 0; i < row.n; i++)
				fc.hdr[i] = xstrdup(row.f[i]);
			for (f = 0; f < NFIELD; f++) {
				fc.order[f] = (enum dorder)((b >> 4) & 3);
				fc.comma[f] = (b >> 2) & 1;
			}
			/* The date cache is 1 MB: in one run of 32. */
			if ((data[1] & 0xf8) == 0xf8)
				record_cache_init(&fc);
			continue;
		}
		if (record_is_noise(&fc, &row))
			continue;
		memset(rec, 0x5a, sizeof(*rec));
		check_facts(rec, record_convert(&fc, &ru, &row, rec));
	}
	if (hdr) {
		if (fc.dcache != NULL)
			record_cache_free(&fc);
		for (i = 0; i < fc.hdr_n; i++)
			free(fc.hdr[i]);
		free(fc.hdr);
	}
	free(rec);
	csvr_close(r);
	return 0;
}
