/*
 * The field separator of a CSV file from its first bytes.  Excel
 * writes ';' where the decimal mark is a comma and tab for "Unicode
 * text"; the one that splits the first lines into the same number of
 * fields most often wins.
 */
#include <string.h>
#include <strings.h>

#include "delim.h"

unsigned char
delim_sniff(const char *buf, size_t n)
{
	static const char cand[] = ",;\t|";
	int counts[4][30], lines = 0, q = 0, i, j, k;
	long best = 0, score;
	unsigned char d = ',';
	size_t p;

	/* Excel's own hint on the first line: sep=; */
	if (n >= 6 && strncasecmp(buf, "sep=", 4) == 0 &&
	    (buf[5] == '\n' || buf[5] == '\r'))
		return (unsigned char)buf[4];
	memset(counts, 0, sizeof(counts));
	for (p = 0; p < n && lines < 30; p++) {
		if (buf[p] == '"')
			q = !q;
		else if (!q && (buf[p] == '\n' || buf[p] == '\r')) {
			if (p + 1 < n && buf[p] == '\r' && buf[p + 1] == '\n')
				p++;
			lines++;
		} else if (!q)
			for (i = 0; i < 4; i++)
				counts[i][lines] += buf[p] == cand[i];
	}
	if (lines < 30 && p == n)
		lines++;
	for (i = 0; i < 4; i++) {
		/* The most common non-zero count, times its frequency. */
		for (j = 0; j < lines; j++) {
			int c = counts[i][j], freq = 0;

			if (c == 0)
				continue;
			for (k = 0; k < lines; k++)
				freq += counts[i][k] == c;
			score = (long)c * freq;
			if (score > best) {
				best = score;
				d = (unsigned char)cand[i];
			}
		}
	}
	return d;
}
