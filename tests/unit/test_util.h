/*
 * test_util.h - small helpers shared by the unit tests. Included by test
 * files only; static inline so each test takes what it uses.
 */
#ifndef CYBERLINE_TEST_UTIL_H
#define CYBERLINE_TEST_UTIL_H

#include "buf.h"

#include <stdio.h>

/*
 * A whole file's bytes, NUL-terminated, malloc'd (the caller frees);
 * *len (when not NULL) gets the length. NULL when it cannot be opened.
 */
static inline char *test_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	Buf b = BUF_INIT;
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_append(&b, chunk, got);
	fclose(fp);
	if (len)
		*len = b.len;
	return buf_detach(&b);
}

#endif
