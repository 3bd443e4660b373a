/*
 * search_cache.c - per-key search answers with least-recently-used
 * eviction; see search_cache.h. Sixteen keys cover a word typed and
 * erased again; at 100,000 events they cost 8 MB.
 */
#include "search_cache.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_KEYS = 16 };

typedef struct Entry {
	char *key;     /* NULL: unused */
	SearchAnswers a;
	uint64_t used; /* when last returned */
} Entry;

struct SearchCache {
	size_t n;
	uint64_t clock;
	Entry entries[CACHE_KEYS];
};

SearchCache *search_cache_new(size_t n)
{
	SearchCache *c = xcalloc(1, sizeof *c);
	c->n = n;
	return c;
}

/* Carry over what an older entry proves about key into a. */
static void seed_from(const SearchCache *c, const Entry *old, const char *key,
                      SearchAnswers *a)
{
	const char *inside = strstr(key, old->key);
	if (inside) { /* new key is narrower: misses hold, matches move on */
		uint32_t shift = (uint32_t)(inside - key);
		for (size_t i = 0; i < c->n; i++) {
			if (old->a.hits[i] == HIT_NO) {
				a->hits[i] = HIT_NO;
			} else if (old->a.hits[i] == HIT_YES &&
			           a->hits[i] == HIT_UNKNOWN) {
				uint32_t from = old->a.from[i] > shift
				                        ? old->a.from[i] - shift : 0;
				if (from > a->from[i])
					a->from[i] = from;
			}
		}
	} else if (strstr(old->key, key)) { /* new key is wider: hits hold */
		for (size_t i = 0; i < c->n; i++)
			if (old->a.hits[i] == HIT_YES && a->hits[i] != HIT_YES) {
				a->hits[i] = HIT_YES;
				a->from[i] = 0; /* somewhere in the text; unused */
			}
	}
}

/* The entry to reuse for a new key: an unused one, else the oldest. */
static Entry *victim(SearchCache *c)
{
	Entry *v = &c->entries[0];
	for (size_t i = 0; i < CACHE_KEYS; i++) {
		Entry *e = &c->entries[i];
		if (!e->key)
			return e;
		if (e->used < v->used)
			v = e;
	}
	return v;
}

SearchAnswers search_cache_get(SearchCache *c, const char *key)
{
	c->clock++;
	for (size_t i = 0; i < CACHE_KEYS; i++) {
		Entry *e = &c->entries[i];
		if (e->key && !strcmp(e->key, key)) {
			e->used = c->clock;
			return e->a;
		}
	}
	Entry *v = victim(c);
	free(v->key);
	v->key = NULL;
	size_t n = c->n ? c->n : 1;
	if (!v->a.hits) {
		v->a.hits = xmalloc(n);
		v->a.from = xmalloc(n * sizeof *v->a.from);
	}
	memset(v->a.hits, HIT_UNKNOWN, n);
	memset(v->a.from, 0, n * sizeof *v->a.from);
	for (size_t i = 0; i < CACHE_KEYS; i++)
		if (c->entries[i].key)
			seed_from(c, &c->entries[i], key, &v->a);
	v->key = xstrdup(key);
	v->used = c->clock;
	return v->a;
}

void search_cache_free(SearchCache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < CACHE_KEYS; i++) {
		free(c->entries[i].key);
		free(c->entries[i].a.hits);
		free(c->entries[i].a.from);
	}
	free(c);
}
