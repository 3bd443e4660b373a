/*
 * search_cache.h - remembered answers of the search, per search key.
 *
 * For each of the last few search keys the cache keeps, per event of the
 * timeline (by sorted index), whether it is unknown, a hit or a miss,
 * and for a hit where in the event's folded text the first match starts.
 * A new key starts from what older keys prove: if an older key is part
 * of the new one, its misses are misses and the new key cannot match
 * before the old match (less the old key's place in the new one); if the
 * new key is part of an older one, that key's hits are hits. Private to
 * timeline.c.
 */
#ifndef CYBERLINE_SEARCH_CACHE_H
#define CYBERLINE_SEARCH_CACHE_H

#include <stddef.h>
#include <stdint.h>

enum { HIT_UNKNOWN = 0, HIT_YES = 1, HIT_NO = 2 };

typedef struct SearchAnswers {
	uint8_t *hits;  /* HIT_* per event */
	uint32_t *from; /* hit: where the first match starts; unknown: the
	                   earliest offset a match can start at */
} SearchAnswers;

typedef struct SearchCache SearchCache;

/* A cache for a timeline of n events; free with search_cache_free. */
SearchCache *search_cache_new(size_t n);
/* The answers for key (owned by the cache, valid until the next get),
 * seeded from older keys, unknown where nothing is proven. */
SearchAnswers search_cache_get(SearchCache *c, const char *key);
void search_cache_free(SearchCache *c);

#endif
