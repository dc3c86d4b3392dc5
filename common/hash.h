/* The hash of a byte string that the hand-written tables share. */
#ifndef PM_HASH_H
#define PM_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over s (length n), its high bits folded into the low ones. */
uint64_t hash_bytes(const char *s, size_t n);

#endif
