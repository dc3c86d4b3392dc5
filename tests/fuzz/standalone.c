/*
 * main() for a libFuzzer target without libFuzzer: runs the target on
 * each file named, so that every fuzz finding stays a regression test
 * under any compiler (tests/e2e/hostile_fuzz.sh).  A finding fails by
 * crashing, as it did under the fuzzer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static uint8_t *
slurp(const char *path, size_t *size)
{
	FILE *fp;
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, k;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(66);
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((buf = realloc(buf, cap)) == NULL)
				exit(70);
		}
		k = fread(buf + n, 1, cap - n, fp);
		n += k;
	} while (k > 0);
	fclose(fp);
	/* Exactly the bytes of the file, so that a read past them shows. */
	*size = n;
	return realloc(buf, n ? n : 1);
}

int
main(int argc, char *argv[])
{
	uint8_t *data;
	size_t size;
	int i;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		data = slurp(argv[i], &size);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
