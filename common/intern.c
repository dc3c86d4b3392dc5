#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "intern.h"

struct intern {
	uint32_t *slots;	/* id + 1, 0 = empty; open addressing */
	size_t nslots;
	char **strs;
	size_t *lens;
	uint64_t *hashes;
	size_t n, cap;
};

struct intern *
intern_new(void)
{
	struct intern *t;

	t = xcalloc(1, sizeof(*t));
	t->nslots = 64;
	t->slots = xcalloc(t->nslots, sizeof(*t->slots));
	return t;
}

void
intern_free(struct intern *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->strs[i]);
	free(t->strs);
	free(t->lens);
	free(t->hashes);
	free(t->slots);
	free(t);
}

static size_t
probe(const struct intern *t, const char *s, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;
	uint32_t id;

	while ((id = t->slots[i]) != 0) {
		id--;
		if (t->hashes[id] == h && t->lens[id] == n &&
		    memcmp(t->strs[id], s, n) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static void
grow(struct intern *t)
{
	size_t i, j, mask;

	free(t->slots);
	t->nslots *= 2;
	t->slots = xcalloc(t->nslots, sizeof(*t->slots));
	mask = t->nslots - 1;
	for (i = 0; i < t->n; i++) {
		j = (size_t)t->hashes[i] & mask;
		while (t->slots[j] != 0)
			j = (j + 1) & mask;
		t->slots[j] = (uint32_t)i + 1;
	}
}

uint32_t
intern_find(const struct intern *t, const char *s, size_t n)
{
	size_t i = probe(t, s, n, hash_bytes(s, n));

	return t->slots[i] != 0 ? t->slots[i] - 1 : UINT32_MAX;
}

uint32_t
intern_id(struct intern *t, const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);
	size_t i = probe(t, s, n, h);

	if (t->slots[i] != 0)
		return t->slots[i] - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->strs = xreallocarray(t->strs, t->cap, sizeof(*t->strs));
		t->lens = xreallocarray(t->lens, t->cap, sizeof(*t->lens));
		t->hashes = xreallocarray(t->hashes, t->cap,
		    sizeof(*t->hashes));
	}
	if (t->n >= UINT32_MAX - 1)
		pm_die(EX_SOFTWARE, "too many distinct values");
	t->strs[t->n] = xstrndup(s, n);
	t->lens[t->n] = n;
	t->hashes[t->n] = h;
	t->slots[i] = (uint32_t)t->n + 1;
	t->n++;
	if (t->n * 2 > t->nslots)
		grow(t);
	return (uint32_t)t->n - 1;
}

const char *
intern_str(const struct intern *t, uint32_t id)
{
	return t->strs[id];
}

size_t
intern_len(const struct intern *t, uint32_t id)
{
	return t->lens[id];
}

size_t
intern_count(const struct intern *t)
{
	return t->n;
}
