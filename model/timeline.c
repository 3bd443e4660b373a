/*
 * timeline.c - sorting once and filtering often; see timeline.h.
 *
 * Filtering touches every event on every keystroke, so it reads compact
 * per-event keys laid out in timeline order (period bounds and a
 * 256-bit country mask over the countries the corpus uses) rather than
 * the scattered Event structs; the search reads the SearchIndex.
 */
#include "timeline.h"

#include "search_cache.h"
#include "search_index.h"
#include "text.h"

#include <pthread.h>

#include <stdlib.h>
#include <string.h>

void filter_init(Filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = TIMELINE_FIRST_YEAR * 10000 + 101;
	f->to = TIMELINE_LAST_YEAR * 10000 + 1231;
}

void filter_set_window(Filter *f, Date from, Date to)
{
	if (from.precision != DATE_NONE)
		f->from = date_first_day(from);
	if (to.precision != DATE_NONE)
		f->to = date_last_day(to);
}

void filter_set_search(Filter *f, const char *text)
{
	free(f->search);
	free(f->search_text);
	f->search = f->search_text = NULL;
	if (!text || !*text)
		return;
	f->search_text = xstrdup(text);
	Buf key = BUF_INIT;
	text_fold(&key, text, strlen(text));
	f->search = buf_detach(&key);
}

void filter_add_country(Filter *f, CountryCode c)
{
	if (c >= COUNTRY_CODES || countryset_has(&f->countries, c))
		return;
	countryset_add(&f->countries, c);
	f->ncountries++;
}

void filter_clear_countries(Filter *f)
{
	memset(&f->countries, 0, sizeof f->countries);
	f->ncountries = 0;
}

void filter_copy(Filter *dst, const Filter *src)
{
	char *search = src->search ? xstrdup(src->search) : NULL;
	char *text = src->search_text ? xstrdup(src->search_text) : NULL;
	free(dst->search);
	free(dst->search_text);
	*dst = *src;
	dst->search = search;
	dst->search_text = text;
}

void filter_free(Filter *f)
{
	free(f->search);
	free(f->search_text);
	f->search = f->search_text = NULL;
}

/* Compact filter keys of one event, in timeline order. */
typedef struct Key {
	int32_t first, last; /* the period, yyyymmdd */
	uint64_t countries[4];
} Key;

struct TimelinePriv {
	Key *keys;
	uint8_t dense[COUNTRY_CODES]; /* code -> bit in Key.countries */
	SearchIndex *index;           /* built on the first search */
	SearchCache *cache;
};

enum { DENSE_NONE = 0xFF };

/* Timeline order: date_compare, then id, then load order. */
static int compare_events(const void *pa, const void *pb)
{
	const Event *a = *(const Event *const *)pa;
	const Event *b = *(const Event *const *)pb;
	int c = date_compare(a->date, b->date);
	if (c)
		return c;
	c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Fill the keys; countries get dense bits in order of first use (the
 * ISO list has fewer than 256 codes, so every code gets one). */
static void build_keys(Timeline *t)
{
	struct TimelinePriv *p = t->priv;
	memset(p->dense, DENSE_NONE, sizeof p->dense);
	unsigned next = 0;
	p->keys = xcalloc(t->count ? t->count : 1, sizeof *p->keys);
	for (size_t i = 0; i < t->count; i++) {
		const Event *e = t->sorted[i];
		Key *k = &p->keys[i];
		k->first = date_first_day(e->date);
		k->last = date_last_day(e->date);
		for (uint32_t c = 0; c < e->ncountries; c++) {
			CountryCode code = e->countries[c];
			if (p->dense[code] == DENSE_NONE && next < 255)
				p->dense[code] = (uint8_t)next++;
			unsigned bit = p->dense[code];
			k->countries[bit / 64] |= (uint64_t)1 << (bit % 64);
		}
	}
}

/* An event with its date order precomputed, so most comparisons of
 * the sort read one integer from a contiguous array. */
typedef struct SortItem {
	int64_t key; /* first day, then finer precision first */
	const Event *e;
} SortItem;

/* qsort order of SortItems: date key, then as compare_events(). */
static int compare_items(const void *pa, const void *pb)
{
	const SortItem *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return compare_events(&a->e, &b->e);
}

typedef struct SortHalf {
	SortItem *items;
	size_t n;
} SortHalf;

/* A thread's share of the sort. */
static void *sort_half(void *arg)
{
	SortHalf *h = arg;
	qsort(h->items, h->n, sizeof *h->items, compare_items);
	return NULL;
}

/* Fill t->sorted with the corpus's events in timeline order: each half
 * sorted on its own thread (on large corpora), then the halves merged.
 * The order is total (id, then load order), so it is the same order a
 * single sort gives. */
static void sort_events(Timeline *t, const Corpus *c)
{
	size_t n = c->count;
	SortItem *items = xmalloc((n ? n : 1) * sizeof *items);
	for (size_t i = 0; i < n; i++) {
		const Event *e = c->events[i];
		items[i].key = (int64_t)date_first_day(e->date) * 4 +
		               (3 - e->date.precision);
		items[i].e = e;
	}
	SortHalf lo = {items, n / 2}, hi = {items + n / 2, n - n / 2};
	pthread_t helper;
	bool threaded = n >= 20000 &&
	                pthread_create(&helper, NULL, sort_half, &hi) == 0;
	if (!threaded)
		lo.n = n;
	sort_half(&lo);
	if (!threaded) {
		for (size_t i = 0; i < n; i++)
			t->sorted[i] = items[i].e;
		free(items);
		return;
	}
	pthread_join(helper, NULL);
	size_t a = 0, b = 0, k = 0;
	while (a < lo.n && b < hi.n)
		t->sorted[k++] = compare_items(&lo.items[a], &hi.items[b]) <= 0
		                         ? lo.items[a++].e : hi.items[b++].e;
	while (a < lo.n)
		t->sorted[k++] = lo.items[a++].e;
	while (b < hi.n)
		t->sorted[k++] = hi.items[b++].e;
	free(items);
}

Timeline *timeline_new(const Corpus *c)
{
	Timeline *t = xcalloc(1, sizeof *t);
	t->priv = xcalloc(1, sizeof *t->priv);
	t->count = c->count;
	t->sorted = xmalloc((c->count ? c->count : 1) * sizeof *t->sorted);
	t->shown = xmalloc((c->count ? c->count : 1) * sizeof *t->shown);
	sort_events(t, c);
	build_keys(t);
	t->priv->cache = search_cache_new(t->count);
	Filter f;
	filter_init(&f);
	timeline_apply(t, &f);
	filter_free(&f);
	return t;
}

void timeline_prepare_search(Timeline *t)
{
	if (!t->priv->index)
		t->priv->index = search_index_start(t->sorted, t->count);
}

/* A filter's countries as a mask over the timeline's dense bits.
 * *impossible is set when `all` asks for a country no event has. */
typedef struct Mask {
	uint64_t bits[4];
	bool active, all, impossible;
} Mask;

/* Filter f's countries as a Mask over t's dense country bits. */
static Mask mask_for(const Timeline *t, const Filter *f)
{
	Mask m = {.active = f->ncountries > 0, .all = f->match_all};
	for (CountryCode c = 0; m.active && c < COUNTRY_CODES; c++) {
		if (!countryset_has(&f->countries, c))
			continue;
		unsigned bit = t->priv->dense[c];
		if (bit == DENSE_NONE)
			m.impossible = m.impossible || m.all;
		else
			m.bits[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
	return m;
}

/* The window, countries and predicate: every test but the search. */
static bool match_cheap(const Timeline *t, const Filter *f, const Mask *m,
                        size_t i)
{
	const Key *k = &t->priv->keys[i];
	if (k->last < f->from || k->first > f->to)
		return false;
	if (m->active) {
		if (m->impossible)
			return false;
		uint64_t any = 0, all = 1;
		for (int w = 0; w < 4; w++) {
			any |= k->countries[w] & m->bits[w];
			all &= (k->countries[w] & m->bits[w]) == m->bits[w];
		}
		if (m->all ? !all : !any)
			return false;
	}
	return !f->keep || f->keep(f->keep_ctx, t->sorted[i]);
}

typedef struct Scan {
	const Timeline *t;
	const Filter *f;
	const Mask *m;
	SearchAnswers a;
	size_t from, to; /* range of sorted indexes */
} Scan;

/* Is event i a candidate: answer unknown, cheap tests passed? */
static bool candidate(const Scan *s, size_t i)
{
	return s->a.hits[i] == HIT_UNKNOWN && match_cheap(s->t, s->f, s->m, i);
}

/*
 * Answer the search for the events [from, to), all candidates lying in
 * one index piece, sweeping their contiguous text with search_find and
 * starting each event where an earlier key proved a match can begin. A
 * match that would run past its event's end is not a match there.
 */
static void scan_run(Scan *s, size_t from, size_t to, const char *text,
                     const size_t *off, size_t first)
{
	const char *needle = s->f->search;
	size_t nlen = strlen(needle);
	const char *end = text + off[to - first];
	size_t i = from;
	const char *at = text + off[i - first] + s->a.from[i];
	while (i < to) {
		const char *hit = search_find(at, (size_t)(end - at), needle, nlen);
		if (!hit)
			break;
		while (text + off[i + 1 - first] <= hit) /* events before it */
			s->a.hits[i++] = HIT_NO;
		const char *start = text + off[i - first];
		const char *stop = text + off[i + 1 - first];
		if (hit + nlen > stop) {
			at = hit + 1;
			continue;
		}
		s->a.hits[i] = HIT_YES;
		s->a.from[i] = (uint32_t)(hit - start);
		if (++i < to)
			at = stop + s->a.from[i];
	}
	for (; i < to; i++)
		s->a.hits[i] = HIT_NO;
}

/* Answer the search for every candidate of the range, run by run. */
static void *scan_range(void *arg)
{
	Scan *s = arg;
	const char *text;
	const size_t *off;
	size_t first, piece_end = 0;
	for (size_t i = s->from; i < s->to;) {
		if (!candidate(s, i)) {
			i++;
			continue;
		}
		if (i >= piece_end)
			piece_end = search_index_piece(s->t->priv->index, i, &text,
			                               &off, &first);
		size_t run = i + 1;
		while (run < s->to && run < piece_end && candidate(s, run))
			run++;
		scan_run(s, i, run, text, off, first);
		i = run;
	}
	return NULL;
}

/* Fill in the unknown answers, on two threads when there are many. */
static void scan_unknown(const Timeline *t, const Filter *f, const Mask *m,
                         SearchAnswers a)
{
	Scan halves[2] = {{t, f, m, a, 0, t->count / 2},
	                  {t, f, m, a, t->count / 2, t->count}};
	pthread_t helper;
	if (t->count < 20000 ||
	    pthread_create(&helper, NULL, scan_range, &halves[1]) != 0) {
		Scan all = {t, f, m, a, 0, t->count};
		scan_range(&all);
		return;
	}
	scan_range(&halves[0]);
	pthread_join(helper, NULL);
}

void timeline_apply(Timeline *t, const Filter *f)
{
	Mask m = mask_for(t, f);
	const uint8_t *hits = NULL;
	if (f->search && *f->search) {
		timeline_prepare_search(t);
		search_index_wait(t->priv->index);
		SearchAnswers a = search_cache_get(t->priv->cache, f->search);
		scan_unknown(t, f, &m, a);
		hits = a.hits;
	}
	size_t kept = 0;
	for (size_t i = 0; i < t->count; i++)
		if ((!hits || hits[i] == HIT_YES) && match_cheap(t, f, &m, i))
			t->shown[kept++] = t->sorted[i];
	t->nshown = kept;
}

size_t timeline_seek(const Timeline *t, int32_t day)
{
	size_t lo = 0, hi = t->nshown;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (date_first_day(t->shown[mid]->date) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void timeline_free(Timeline *t)
{
	if (!t)
		return;
	search_index_free(t->priv->index);
	search_cache_free(t->priv->cache);
	free(t->priv->keys);
	free(t->priv);
	free(t->sorted);
	free(t->shown);
	free(t);
}
