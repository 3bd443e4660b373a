/*
 * load_fixtures.h - inline YAML pieces and helpers for the loader tests
 * (test_load.c, test_load_files.c). Included after cmocka.h.
 */
#ifndef CYBERLINE_TEST_LOAD_FIXTURES_H
#define CYBERLINE_TEST_LOAD_FIXTURES_H

#include "load.h"

#include <string.h>

#define HEADER                                                   \
	"source:\n"                                              \
	"  title: \"Robustness fixture\"\n"                      \
	"  outlet: \"Test Wire\"\n"                              \
	"  published: 2023-06-01\n"                              \
	"events:\n"

/* An event that must survive (lines 6-11 after HEADER). */
#define SURVIVOR(id)                                              \
	"  - id: " id "\n"                                        \
	"    date: 2023-06-01\n"                                  \
	"    title: \"A good event\"\n"                           \
	"    countries: [EE]\n"                                   \
	"    summary: \"It must still load.\"\n"                  \
	"    excerpt: \"Still here.\"\n"

/* Load a YAML text as the file "t.yaml" (the caller frees the Corpus). */
static inline Corpus *load(const char *yaml)
{
	return load_buffer("t.yaml", yaml, strlen(yaml));
}

/* The first error in c, or NULL. */
static inline const Diag *first_error(const Corpus *c)
{
	for (size_t i = 0; i < c->diags.count; i++)
		if (c->diags.items[i].level == DIAG_ERROR)
			return &c->diags.items[i];
	return NULL;
}

#endif
