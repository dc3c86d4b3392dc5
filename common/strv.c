#include <stdint.h>
#include <string.h>

#include "err.h"
#include "strv.h"
#include "trim.h"

/* A vector of n strings of `bytes` bytes in all (their NULs included). */
static char **
strv_alloc(size_t n, size_t bytes, char **text)
{
	char **v;

	if (n >= SIZE_MAX / sizeof(*v) - 1 ||
	    bytes > SIZE_MAX - (n + 1) * sizeof(*v))
		pm_die(EX_SOFTWARE, "out of memory");
	v = xmalloc((n + 1) * sizeof(*v) + bytes);
	*text = (char *)(v + n + 1);
	v[n] = NULL;
	return v;
}

char **
strv_split(const char *s, size_t *n, size_t *nempty)
{
	const char *p, *item, *comma;
	size_t len, count = 0, empty = 0;
	char **v, *t;

	/* Every item fits in the bytes of s and a NUL each. */
	for (p = s; (p = strchr(p, ',')) != NULL; p++)
		count++;
	v = strv_alloc(count + 1, strlen(s) + count + 1, &t);
	count = 0;
	for (p = s;; p = comma + 1) {
		comma = strchr(p, ',');
		item = p;
		len = trim_span(&item, comma != NULL ? (size_t)(comma - p) :
		    strlen(p));
		if (len == 0)
			empty++;
		else {
			memcpy(t, item, len);
			t[len] = '\0';
			v[count++] = t;
			t += len + 1;
		}
		if (comma == NULL)
			break;
	}
	v[count] = NULL;
	*n = count;
	if (nempty != NULL)
		*nempty = empty;
	return v;
}

char **
strv_copy(char *const *f, const size_t *len, size_t n)
{
	size_t i, bytes = 0, l;
	char **v, *t;

	for (i = 0; i < n; i++) {
		l = len != NULL ? len[i] : strlen(f[i]);
		if (l >= SIZE_MAX - bytes)
			pm_die(EX_SOFTWARE, "out of memory");
		bytes += l + 1;
	}
	v = strv_alloc(n, bytes, &t);
	for (i = 0; i < n; i++) {
		l = len != NULL ? len[i] : strlen(f[i]);
		memcpy(t, f[i], l);
		t[l] = '\0';
		v[i] = t;
		t += l + 1;
	}
	return v;
}

size_t
strv_len(char *const *v)
{
	size_t n = 0;

	while (v[n] != NULL)
		n++;
	return n;
}
