/*
 * timeline.c - sorting once and filtering often; see timeline.h.
 */
#include "timeline.h"

#include "text.h"

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
	f->search = NULL;
	if (!text || !*text)
		return;
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
	free(dst->search);
	*dst = *src;
	dst->search = search;
}

static bool match_countries(const Filter *f, const Event *e)
{
	if (f->ncountries == 0)
		return true;
	size_t hits = 0;
	for (uint32_t i = 0; i < e->ncountries; i++)
		if (countryset_has(&f->countries, e->countries[i]))
			hits++;
	return f->match_all ? hits == f->ncountries : hits > 0;
}

bool filter_match(const Filter *f, const Event *e)
{
	if (date_last_day(e->date) < f->from || date_first_day(e->date) > f->to)
		return false;
	if (!match_countries(f, e))
		return false;
	if (f->search && *f->search &&
	    !(e->fold && memmem(e->fold, e->fold_len, f->search,
	                        strlen(f->search))))
		return false;
	return !f->keep || f->keep(f->keep_ctx, e);
}

void filter_free(Filter *f)
{
	free(f->search);
	f->search = NULL;
}

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

Timeline *timeline_new(const Corpus *c)
{
	Timeline *t = xcalloc(1, sizeof *t);
	t->count = c->count;
	t->sorted = xmalloc(c->count * sizeof *t->sorted);
	t->shown = xmalloc(c->count * sizeof *t->shown);
	for (size_t i = 0; i < c->count; i++)
		t->sorted[i] = c->events[i];
	qsort(t->sorted, t->count, sizeof *t->sorted, compare_events);
	Filter f;
	filter_init(&f);
	timeline_apply(t, &f);
	filter_free(&f);
	return t;
}

/* True when every event f shows is among those `last` showed. */
static bool narrows(const Filter *last, const Filter *f)
{
	if (last->from != f->from || last->to != f->to ||
	    last->match_all != f->match_all || last->ncountries != f->ncountries ||
	    memcmp(&last->countries, &f->countries, sizeof f->countries) != 0 ||
	    last->keep != f->keep || last->keep_ctx != f->keep_ctx)
		return false;
	if (!last->search || !*last->search)
		return true;
	return f->search && strstr(f->search, last->search) != NULL;
}

void timeline_apply(Timeline *t, const Filter *f)
{
	/* A predicate may change its answers between calls (marks), so
	 * only search and window narrowing reuse the previous result. */
	bool reuse = t->applied && !f->keep && narrows(&t->last, f);
	const Event **from = reuse ? t->shown : t->sorted;
	size_t n = reuse ? t->nshown : t->count;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (filter_match(f, from[i]))
			t->shown[kept++] = from[i];
	t->nshown = kept;
	filter_copy(&t->last, f);
	t->applied = true;
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
	filter_free(&t->last);
	free(t->sorted);
	free(t->shown);
	free(t);
}
