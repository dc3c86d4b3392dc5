/*
 * Fingerprints of CRM ids: 64 bits of the format's name and the id, so
 * that the same id from two CRMs is two records.  A product report
 * without ids is keyed by the fields its opportunity repeats on each
 * line.
 */
#include <string.h>

#include "ingest.h"
#include "trim.h"

/* Mixes 64 bits well (the murmur3 finaliser). */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * A 64-bit fingerprint of the format's name and the id, eight bytes at
 * a time: the same id from two CRMs is two records.
 */
static uint64_t
hash64(const struct format *f, const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	const char *p;
	size_t i;

	for (p = f->name; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix64(h ^ w);
	}
	for (w = 0; i < n; i++)
		w = w << 8 | (unsigned char)s[i];
	h = mix64(h ^ w ^ 0x5bd1e995ULL);
	return h == 0 ? 1 : h;
}

/*
 * A product report without opportunity ids: the opportunity is its
 * owner, account, name, stage, amount, close and created dates, the
 * fields repeated on each of its lines.
 */
static uint64_t
opportunity_hash(const struct input *in, const struct csv_row *row)
{
	static const enum field key[] = { F_REP, F_ACCOUNT, F_DEAL_NAME,
		F_STAGE, F_AMOUNT, F_CLOSE, F_CREATED };
	uint64_t h = 0x6f70706f7274756eULL;
	const char *s;
	size_t i, n;
	int c;

	for (i = 0; i < sizeof(key) / sizeof(key[0]); i++) {
		c = in->fc.map.col[key[i]];
		s = "";
		n = 0;
		if (c >= 0 && (size_t)c < row->n) {
			s = row->f[c];
			n = row->len[c];
			n = trim_span(&s, n);
		}
		h = mix64(h ^ hash64(in->fc.fmt, s, n));
	}
	return h == 0 ? 1 : h;
}

uint64_t
fp_id(const struct input *in, const struct csv_row *row)
{
	int c = in->fc.map.col[F_ID];
	const char *s;
	size_t n;

	if (c < 0 || (size_t)c >= row->n)
		return in->lines ? opportunity_hash(in, row) : 0;
	s = row->f[c];
	n = row->len[c];
	n = trim_span(&s, n);
	if (n == 0)
		return in->lines ? opportunity_hash(in, row) : 0;
	return hash64(in->fc.fmt, s, n);
}
