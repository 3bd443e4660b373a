/*
 * search_cache.c - per-key search answers with least-recently-used
 * eviction; see search_cache.h. Sixteen keys cover a word typed and
 * erased again; at 100,000 events they cost 1.6 MB.
 */
#include "search_cache.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_KEYS = 16 };

typedef struct Entry {
	char *key;     /* NULL: unused */
	uint8_t *hits;
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

/* Carry over what an older entry proves about key into hits. */
static void seed_from(const SearchCache *c, const Entry *old, const char *key,
                      uint8_t *hits)
{
	if (strstr(key, old->key)) { /* new key is narrower: misses hold */
		for (size_t i = 0; i < c->n; i++)
			if (old->hits[i] == HIT_NO)
				hits[i] = HIT_NO;
	} else if (strstr(old->key, key)) { /* new key is wider: hits hold */
		for (size_t i = 0; i < c->n; i++)
			if (old->hits[i] == HIT_YES)
				hits[i] = HIT_YES;
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

uint8_t *search_cache_get(SearchCache *c, const char *key)
{
	c->clock++;
	for (size_t i = 0; i < CACHE_KEYS; i++) {
		Entry *e = &c->entries[i];
		if (e->key && !strcmp(e->key, key)) {
			e->used = c->clock;
			return e->hits;
		}
	}
	Entry *v = victim(c);
	free(v->key);
	v->key = NULL;
	if (!v->hits)
		v->hits = xmalloc(c->n ? c->n : 1);
	memset(v->hits, HIT_UNKNOWN, c->n);
	for (size_t i = 0; i < CACHE_KEYS; i++)
		if (c->entries[i].key)
			seed_from(c, &c->entries[i], key, v->hits);
	v->key = xstrdup(key);
	v->used = c->clock;
	return v->hits;
}

void search_cache_free(SearchCache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < CACHE_KEYS; i++) {
		free(c->entries[i].key);
		free(c->entries[i].hits);
	}
	free(c);
}
