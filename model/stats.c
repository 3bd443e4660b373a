/*
 * stats.c - per-year, per-country and per-pair counts; see stats.h.
 *
 * Years, countries and country pairs are all small integers, so each is
 * counted in a direct-indexed array: one pass, no sorting or hashing.
 */
#include "stats.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

/* qsort order: most events first, then by key. */
static int by_count_then_key(const void *pa, const void *pb)
{
	const StatCount *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

/*
 * Gather the non-zero counters of per[0..n) as (key, count) pairs, the
 * key being the counter's index.
 */
static StatCount *collect(const size_t *per, size_t n, size_t *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += per[i] != 0;
	StatCount *c = xmalloc((k ? k : 1) * sizeof *c);
	*out = 0;
	for (size_t i = 0; i < n; i++)
		if (per[i])
			c[(*out)++] = (StatCount){(int)i, per[i]};
	return c;
}

/* Years are 1..9999, so a direct-indexed array counts them. */
static void count_years(Stats *s, const Event *const *events, size_t n)
{
	size_t *per = xcalloc(10000, sizeof *per);
	for (size_t i = 0; i < n; i++)
		per[events[i]->date.year]++;
	s->years = collect(per, 10000, &s->nyears);
	free(per);
}

/* Countries are codes below 676: count them in a direct-indexed array. */
static void count_countries(Stats *s, const Event *const *events, size_t n)
{
	size_t *per = xcalloc(COUNTRY_CODES, sizeof *per);
	for (size_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < events[i]->ncountries; k++)
			per[events[i]->countries[k]]++;
	s->countries = collect(per, COUNTRY_CODES, &s->ncountries);
	qsort(s->countries, s->ncountries, sizeof *s->countries,
	      by_count_then_key);
	free(per);
}

/* Pairs (a < b) index a 676 x 676 array of counters: 3.6 MB, counted
 * in one pass with no sorting or hashing. */
static void count_pairs(Stats *s, const Event *const *events, size_t n)
{
	size_t *per = xcalloc((size_t)COUNTRY_CODES * COUNTRY_CODES, sizeof *per);
	for (size_t i = 0; i < n; i++) {
		const Event *e = events[i];
		for (uint32_t a = 0; a < e->ncountries; a++)
			for (uint32_t b = 0; b < e->ncountries; b++)
				if (e->countries[a] < e->countries[b])
					per[e->countries[a] * COUNTRY_CODES +
					    e->countries[b]]++;
	}
	s->pairs = collect(per, (size_t)COUNTRY_CODES * COUNTRY_CODES,
	                   &s->npairs);
	qsort(s->pairs, s->npairs, sizeof *s->pairs, by_count_then_key);
	free(per);
}

void stats_compute(Stats *s, const Event *const *events, size_t n)
{
	memset(s, 0, sizeof *s);
	s->total = n;
	count_years(s, events, n);
	count_countries(s, events, n);
	count_pairs(s, events, n);
}

void stats_free(Stats *s)
{
	free(s->years);
	free(s->countries);
	free(s->pairs);
	memset(s, 0, sizeof *s);
}
