/*
 * pm-pareto's table: one exact fixed-point sum per (group, key), and the
 * three ways of writing it out (detail, summary, partial).
 */
#ifndef PM_PARETO_H
#define PM_PARETO_H

#include <stddef.h>
#include <stdint.h>

struct out;
struct ptab;

/* The options that shape a partial; recorded in every partial row. */
struct pmeta {
	const char *key;	/* -k */
	const char *metric;	/* -m, "" with -v */
	const char *value;	/* -v, "" in facts mode */
	const char *group;	/* -g, "" without */
};

/* The options that shape the results; percentages in 1/10000. */
struct pcfg {
	int64_t class_a, class_b;	/* -c A,B */
	int64_t at;			/* --at */
	long top;			/* -n, 0 = every key */
	int grouped;			/* -g given: a group column */
};

/* An empty table; grouped: the sums are per (group, key), else per key. */
struct ptab *ptab_new(int grouped);
/* Releases t (NULL allowed). */
void ptab_free(struct ptab *t);
/* Adds v to (group, key); -1 when the sum would overflow. */
int ptab_add(struct ptab *t, const char *g, size_t gn, const char *k,
    size_t kn, int64_t v);
/* How many (group, key) sums t holds. */
size_t ptab_count(const struct ptab *t);

/* The detail: rank, key, value, share, cum_share, class per key. */
void ptab_write_detail(struct ptab *t, const struct pcfg *c, struct out *o);
/* The summary: one row of concentration measures per group. */
void ptab_write_summary(struct ptab *t, const struct pcfg *c,
    struct out *o);
/* The sums as a partial for a later --merge, the options m recorded. */
void ptab_write_partial(struct ptab *t, const struct pmeta *m,
    struct out *o);

/* Adds every sum of src to dst; -1 when one would overflow. */
int ptab_merge(struct ptab *dst, const struct ptab *src);

/* ---- vfile.c: the -v column of one file ---- */

struct vfile {
	const char *path;
	char colon[210];	/* "COLUMN: ", for messages */
	struct ptab *t[2];	/* sums under a decimal point, a comma */
	int64_t blank[2];	/* of the rows with an empty key */
	int blank_overflow[2];
	long dot, comma;	/* values that show their decimal mark */
	long badline[2];	/* the first value wrong under each mark */
	char bad[2][300];
};

/* Starts the -v column of one file (path, for messages), sums empty. */
void vfile_init(struct vfile *vf, const char *path, const char *column,
    int grouped);
/* One row's value s; k NULL for a row whose key is empty. */
void vfile_add(struct vfile *vf, const char *g, size_t gn, const char *k,
    size_t kn, const char *s, size_t n, long line);
/*
 * At the file's end: the decimal mark its values show (else a comma
 * when delim is ';'), the sums under it added to t and *blank; exits
 * 65 when a value could not be read under it.  1 for a comma.
 */
int vfile_finish(struct vfile *vf, unsigned char delim, struct ptab *t,
    int64_t *blank, int *blank_overflow);

/* The partial format's columns, in order. */
#define PARTIAL_NCOLS 8
extern const char *const partial_cols[PARTIAL_NCOLS + 1];
#define PARTIAL_VERSION "1"

#endif
