/* The column names of tables.h. */
#include <stddef.h>

#include "tables.h"

const char *const tables_pareto_detail[PD_NCOLS + 1] = {
	"group", "rank", "key", "value", "share", "cum_share", "class", NULL
};

const char *const tables_pareto_summary[PS_NCOLS + 1] = {
	"group", "keys", "total", "keys_at", "pct_keys_at", "top20_share",
	"gini", "hhi", "excluded", NULL
};

const char *const tables_drivers[DR_NCOLS + 1] = {
	"metric", "lag", "pairs", "spearman", "pearson", "slope", "direction",
	NULL
};
