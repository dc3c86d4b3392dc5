/*
 * Duplicate CRM ids in memory that does not grow with the input.  The
 * first pass notes every id's 64-bit fingerprint in a fixed-size Bloom
 * filter; an id the filter may have seen before becomes a suspect.  The
 * second pass tracks only the suspects exactly, so it tells the first
 * record of an id from the later ones.  Memory: the filter (8 MiB,
 * whatever the input) and 16 bytes per suspect, which
 * are the real duplicates and about one id in 10^4 (per million ids).
 */
#ifndef PM_INGEST_IDSET_H
#define PM_INGEST_IDSET_H

#include <stdint.h>

struct idset;

struct idset *idset_new(void);
/* Starts loading where h will be noted: note it a record later. */
void idset_prefetch(const struct idset *s, uint64_t h);
/* First pass: one record with this id fingerprint (never 0). */
void idset_note(struct idset *s, uint64_t h);
/* Between the passes: drops the filter. */
void idset_seal(struct idset *s);
/* Second pass: 1 if a record with this id came before, else 0. */
int idset_seen(struct idset *s, uint64_t h);
/*
 * Second pass, file by file (file = 1, 2, ... in order): what came
 * before a record with this id, as bits: ID_EARLIER, first met in an
 * earlier file; ID_HERE, already met in this file.
 */
#define ID_EARLIER 1
#define ID_HERE 2
int idset_visit(struct idset *s, uint64_t h, int file);
void idset_free(struct idset *s);

#endif
