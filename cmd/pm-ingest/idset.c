/*
 * A blocked Bloom filter (each id sets four bits of one 64-byte line,
 * so a note costs one cache miss) in front of an exact open-addressing
 * table of suspects.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "err.h"
#include "ingest.h"

#define BLOCKS (1u << 17)	/* 64-byte lines: 8 MiB */

struct suspect {
	uint64_t h;		/* 0: free slot */
	int first, last;	/* files it was met in, 0: not yet */
};

struct idset {
	uint64_t (*bloom)[8];
	struct suspect *tab;
	size_t cap, n;
};

struct idset *
idset_new(void)
{
	struct idset *s = xcalloc(1, sizeof(*s));

	/*
	 * Zero pages, mapped as they are touched; huge ones where the
	 * system allows, since ids land anywhere and a TLB miss per id
	 * would cost as much as the filter saves.
	 */
	if (posix_memalign((void **)&s->bloom, (size_t)2 << 20,
	    BLOCKS * sizeof(*s->bloom)) != 0)
		pm_die(EX_SOFTWARE, "out of memory");
#ifdef MADV_HUGEPAGE
	madvise(s->bloom, BLOCKS * sizeof(*s->bloom), MADV_HUGEPAGE);
#endif
	memset(s->bloom, 0, BLOCKS * sizeof(*s->bloom));
	return s;
}

static struct suspect *
slot(struct idset *s, uint64_t h)
{
	size_t i;

	for (i = h & (s->cap - 1); s->tab[i].h != 0 && s->tab[i].h != h;
	    i = (i + 1) & (s->cap - 1))
		;
	return &s->tab[i];
}

static void
grow(struct idset *s)
{
	struct suspect *old = s->tab;
	size_t i, oldcap = s->cap;

	s->cap = s->cap ? s->cap * 2 : 1024;
	s->tab = xcalloc(s->cap, sizeof(*s->tab));
	for (i = 0; i < oldcap; i++)
		if (old[i].h != 0)
			*slot(s, old[i].h) = old[i];
	free(old);
}

static void
suspect(struct idset *s, uint64_t h)
{
	struct suspect *t;

	if (2 * (s->n + 1) > s->cap)
		grow(s);
	t = slot(s, h);
	if (t->h == 0) {
		t->h = h;
		s->n++;
	}
}

void
idset_prefetch(const struct idset *s, uint64_t h)
{
	__builtin_prefetch(s->bloom[(h >> 40) & (BLOCKS - 1)], 1);
}

void
idset_note(struct idset *s, uint64_t h)
{
	uint64_t *line = s->bloom[(h >> 40) & (BLOCKS - 1)];
	unsigned i, bit, have = 1;

	for (i = 0; i < 4; i++) {
		bit = (unsigned)(h >> (9 * i)) & 511;
		have &= (unsigned)(line[bit >> 6] >> (bit & 63)) & 1;
		line[bit >> 6] |= (uint64_t)1 << (bit & 63);
	}
	if (have)
		suspect(s, h);
}

void
idset_seal(struct idset *s)
{
	free(s->bloom);
	s->bloom = NULL;
}

int
idset_visit(struct idset *s, uint64_t h, int file)
{
	struct suspect *t;
	int v;

	if (s->n == 0)
		return 0;
	t = slot(s, h);
	if (t->h == 0)
		return 0;
	if (t->first == 0)
		t->first = file;
	v = (t->first != file ? ID_EARLIER : 0) | (t->last == file ?
	    ID_HERE : 0);
	t->last = file;
	return v;
}

int
idset_seen(struct idset *s, uint64_t h)
{
	return idset_visit(s, h, 1) != 0;
}

void
idset_free(struct idset *s)
{
	if (s == NULL)
		return;
	free(s->bloom);
	free(s->tab);
	free(s);
}

size_t
idset_suspects(const struct idset *s)
{
	return s->n;
}
