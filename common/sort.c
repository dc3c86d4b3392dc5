/*
 * sort_with() sorts an array of (element, context) pairs with qsort and
 * then moves the elements into that order: the context travels in the
 * elements, so that the comparison function needs no global.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sort.h"

struct sort_call {
	sort_cmp_fn cmp;
	void *arg;
};

struct sort_item {
	const char *elem;
	const struct sort_call *call;
};

static int
item_cmp(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;

	return x->call->cmp(x->elem, y->elem, x->call->arg);
}

void
sort_with(void *base, size_t n, size_t size, sort_cmp_fn cmp, void *arg)
{
	struct sort_call call = { cmp, arg };
	struct sort_item *items;
	char *tmp, *p = base;
	size_t i;

	if (n < 2)
		return;
	items = xreallocarray(NULL, n, sizeof(*items));
	tmp = xreallocarray(NULL, n, size);
	for (i = 0; i < n; i++) {
		items[i].elem = p + i * size;
		items[i].call = &call;
	}
	qsort(items, n, sizeof(*items), item_cmp);
	for (i = 0; i < n; i++)
		memcpy(tmp + i * size, items[i].elem, size);
	memcpy(base, tmp, n * size);
	free(tmp);
	free(items);
}

static int
name_cmp(const void *a, const void *b, void *names)
{
	char *const *v = names;

	return strcmp(v[*(const uint32_t *)a], v[*(const uint32_t *)b]);
}

void
sort_ids_by_name(uint32_t *ids, size_t n, char *const *names)
{
	sort_with(ids, n, sizeof(*ids), name_cmp, (void *)names);
}
