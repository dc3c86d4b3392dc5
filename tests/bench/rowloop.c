/*
 * The ceiling of every pm-tool: common/csvin.c's csvr_next over a file,
 * counting fields and records and nothing else.  Compared with
 * csvloop.c it shows what the shared reader costs over bare libcsv
 * (field copies, UTF-8 and NUL checks, line numbers).
 */
#include <stdio.h>

#include "csvin.h"
#include "err.h"

int
main(int argc, char *argv[])
{
	struct csvr *r;
	struct csv_row row;
	unsigned long rows = 0, fields = 0;

	pm_setprog(argv);
	r = csvr_open(argc > 1 ? argv[1] : NULL);
	while (csvr_next_or_die(r, &row) > 0) {
		rows++;
		fields += row.n;
	}
	csvr_close(r);
	printf("%lu records, %lu fields\n", rows, fields);
	return 0;
}
