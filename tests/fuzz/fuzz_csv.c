/* libFuzzer target: the CSV reader must never crash, hang or misbehave. */
/* fuzz-options: -max_len=4096 */
#include <stdint.h>
#include <string.h>

#include "csvin.h"

struct src {
	const uint8_t *p;
	size_t n, step;
};

static ssize_t
src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n < n ? s->n : n;

	/* Vary the read sizes so records straddle reads. */
	if (s->step != 0 && k > s->step)
		k = s->step;
	memcpy(buf, s->p, k);
	s->p += k;
	s->n -= k;
	return (ssize_t)k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s;
	struct csvr *r;
	struct csv_row row;
	long prev = 0;
	size_t i;
	int rc;

	if (size < 2)
		return 0;
	s.step = data[0] % 16;
	s.p = data + 2;
	s.n = size - 2;
	r = csvr_open_fn(src_read, &s, "fuzz");
	if (data[1] & 1)
		csvr_set_delim(r, ';');
	if (data[1] & 2)
		csvr_set_max_field(r, 64);
	csvr_set_check_utf8(r, (data[1] & 4) == 0);
	while ((rc = csvr_next(r, &row)) == 1) {
		/* Lines only go forward and fields are NUL-terminated. */
		if (row.line < prev || row.n == 0)
			__builtin_trap();
		prev = row.line;
		for (i = 0; i < row.n; i++)
			if (row.f[i][row.len[i]] != '\0')
				__builtin_trap();
	}
	csvr_close(r);
	return 0;
}
