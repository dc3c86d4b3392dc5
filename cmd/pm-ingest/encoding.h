/*
 * Input bytes to UTF-8: a reader for csvr_open_fn() over a seekable
 * file descriptor that converts with iconv(3) when the file is not
 * UTF-8 (UTF-16 with a BOM, Windows-1252, or what --encoding says).
 * Bytes the source charset cannot map become U+FFFD and are counted.
 */
#ifndef PM_INGEST_ENCODING_H
#define PM_INGEST_ENCODING_H

#include <stddef.h>
#include <sys/types.h>

struct encr;

/*
 * The charset a file's first bytes announce with a BOM ("UTF-16LE",
 * "UTF-16BE"), and the BOM length in *skip; NULL for none or UTF-8.
 */
const char *enc_sniff_bom(const unsigned char *buf, size_t n, size_t *skip);
/* Whether iconv can convert from charset to UTF-8. */
int enc_known(const char *charset);
/* charset NULL reads UTF-8 as it is.  NULL if iconv cannot convert. */
struct encr *encr_open(int fd, off_t start, const char *charset);
/* Back to the start, to read the file again. */
void encr_rewind(struct encr *e);
ssize_t encr_read(void *ctx, char *buf, size_t n);
size_t encr_replaced(const struct encr *e);
void encr_close(struct encr *e);

#endif
