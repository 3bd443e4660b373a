/*
 * stats.c - per-year, per-country and per-pair counts; see stats.h.
 *
 * Countries are small integers, so counting is a direct-indexed array;
 * pairs are counted in a hash-free way by sorting the pair keys.
 */
#include "stats.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

static int by_count_then_key(const void *pa, const void *pb)
{
	const StatCount *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

static int compare_ints(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	return (a > b) - (a < b);
}

/* Turn a sorted array of keys into (key, count) runs. */
static StatCount *count_runs(const int *keys, size_t n, size_t *out)
{
	StatCount *runs = xmalloc((n ? n : 1) * sizeof *runs);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && runs[k - 1].key == keys[i])
			runs[k - 1].count++;
		else
			runs[k++] = (StatCount){keys[i], 1};
	}
	*out = k;
	return runs;
}

static void count_years(Stats *s, const Event *const *events, size_t n)
{
	int *years = xmalloc((n ? n : 1) * sizeof *years);
	for (size_t i = 0; i < n; i++)
		years[i] = events[i]->date.year;
	qsort(years, n, sizeof *years, compare_ints);
	s->years = count_runs(years, n, &s->nyears);
	free(years);
}

static void count_countries(Stats *s, const Event *const *events, size_t n)
{
	size_t *per = xcalloc(COUNTRY_CODES, sizeof *per);
	for (size_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < events[i]->ncountries; k++)
			per[events[i]->countries[k]]++;
	s->countries = xmalloc(COUNTRY_CODES * sizeof *s->countries);
	for (int c = 0; c < COUNTRY_CODES; c++)
		if (per[c])
			s->countries[s->ncountries++] = (StatCount){c, per[c]};
	qsort(s->countries, s->ncountries, sizeof *s->countries,
	      by_count_then_key);
	free(per);
}

static void count_pairs(Stats *s, const Event *const *events, size_t n)
{
	Buf keys = BUF_INIT; /* an int array, grown with buf_append */
	for (size_t i = 0; i < n; i++) {
		const Event *e = events[i];
		for (uint32_t a = 0; a < e->ncountries; a++)
			for (uint32_t b = 0; b < e->ncountries; b++) {
				if (e->countries[a] >= e->countries[b])
					continue;
				int key = e->countries[a] * COUNTRY_CODES +
				          e->countries[b];
				buf_append(&keys, (const char *)&key, sizeof key);
			}
	}
	size_t nkeys = keys.len / sizeof(int);
	int *k = (int *)(void *)keys.data;
	if (nkeys)
		qsort(k, nkeys, sizeof *k, compare_ints);
	s->pairs = count_runs(k, nkeys, &s->npairs);
	qsort(s->pairs, s->npairs, sizeof *s->pairs, by_count_then_key);
	buf_free(&keys);
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
