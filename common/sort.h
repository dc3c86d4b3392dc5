/*
 * Sorting with a context.  C11 has no qsort_r, and BSD's and glibc's
 * take their arguments in different orders; a file-static variable
 * read by the comparison function is state shared behind the caller's
 * back.  sort_with passes the context itself.
 */
#ifndef PM_SORT_H
#define PM_SORT_H

#include <stddef.h>
#include <stdint.h>

typedef int (*sort_cmp_fn)(const void *a, const void *b, void *arg);

/* qsort of n elements of size bytes at base, cmp getting arg as well. */
void sort_with(void *base, size_t n, size_t size, sort_cmp_fn cmp,
    void *arg);
/* Sorts ids by their names, names[id], in byte order. */
void sort_ids_by_name(uint32_t *ids, size_t n, char *const *names);

#endif
