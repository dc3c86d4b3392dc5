#include "trim.h"

int
trim_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t
trim_span(const char **s, size_t n)
{
	while (n > 0 && trim_is_space((unsigned char)**s)) {
		(*s)++;
		n--;
	}
	while (n > 0 && trim_is_space((unsigned char)(*s)[n - 1]))
		n--;
	return n;
}
