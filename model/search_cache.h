/*
 * search_cache.h - remembered answers of the search, per search key.
 *
 * For each of the last few search keys the cache keeps one byte per
 * event of the timeline (by sorted index): unknown, hit or miss. A new
 * key starts from what older keys prove: if an older key is part of the
 * new one, its misses are misses; if the new key is part of an older
 * one, that key's hits are hits. Private to timeline.c.
 */
#ifndef CYBERLINE_SEARCH_CACHE_H
#define CYBERLINE_SEARCH_CACHE_H

#include <stddef.h>
#include <stdint.h>

enum { HIT_UNKNOWN = 0, HIT_YES = 1, HIT_NO = 2 };

typedef struct SearchCache SearchCache;

/* A cache for a timeline of n events; free with search_cache_free. */
SearchCache *search_cache_new(size_t n);
/* The answers for key (owned by the cache, valid until the next get):
 * seeded from older keys, unknown where nothing is proven. */
uint8_t *search_cache_get(SearchCache *c, const char *key);
void search_cache_free(SearchCache *c);

#endif
