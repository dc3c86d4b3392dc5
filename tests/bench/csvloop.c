/*
 * The baseline of tests/bench.sh: the least any libcsv-based tool must
 * do.  Reads with read(2) in 1 MiB blocks, runs csv_parse with
 * callbacks that only count fields and records, and prints the counts.
 * libcsv's default options, so its per-byte work is the bare minimum.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct counts {
	unsigned long fields, rows;
};

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 20];
	struct csv_parser p;
	struct counts n = { 0, 0 };
	ssize_t got;
	int fd = 0;

	if (argc > 1 && (fd = open(argv[1], O_RDONLY)) == -1) {
		perror(argv[1]);
		return 66;
	}
	if (csv_init(&p, 0) != 0)
		return 70;
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		if (csv_parse(&p, buf, (size_t)got, on_field, on_row, &n) !=
		    (size_t)got) {
			fprintf(stderr, "csvloop: %s\n",
			    csv_strerror(csv_error(&p)));
			return 65;
		}
	if (got < 0) {
		perror("read");
		return 74;
	}
	csv_fini(&p, on_field, on_row, &n);
	csv_free(&p);
	printf("%lu records, %lu fields\n", n.rows, n.fields);
	return 0;
}
