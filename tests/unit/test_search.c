/*
 * test_search.c - the search machinery against brute force: search_find
 * against memmem on random text, and timeline_apply on a timeline large
 * enough to scan on two threads, against strstr over each event's folded
 * text, through typing, backspacing, country changes and needles that
 * would match across two events; and the two-thread sort's order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "search_index.h"
#include "text.h"
#include "timeline.h"

static unsigned rng = 12345;

static unsigned next_random(void)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 16) & 0x7fff;
}

static void test_find_matches_memmem(void **state)
{
	(void)state;
	char hay[200], needle[40];
	for (int round = 0; round < 20000; round++) {
		size_t n = next_random() % sizeof hay, m = next_random() % 12;
		for (size_t i = 0; i < n; i++)
			hay[i] = "abc\n"[next_random() % 4];
		if (m && n && next_random() % 2) { /* a needle from the hay */
			size_t at = next_random() % n;
			m = m > n - at ? n - at : m;
			memcpy(needle, hay + at, m);
		} else {
			for (size_t i = 0; i < m; i++)
				needle[i] = "abc"[next_random() % 3];
		}
		const char *want = memmem(hay, n, needle, m);
		const char *got = search_find(hay, n, needle, m);
		if (want != got)
			fail_msg("round %d: n=%zu m=%zu: got %td, want %td", round, n,
			         m, got ? got - hay : -1, want ? want - hay : -1);
	}
}

enum { EVENTS = 30000 };

typedef struct Big {
	Corpus corpus;
	Event *events;
	Event **ptrs;
	CountryCode *codes;
	char (*titles)[48];
	Source source;
} Big;

static int big_setup(void **state)
{
	static const char *const words[] = {"coop", "cooperation", "Київ",
	                                    "ransom", "Brégançon", "tallinn",
	                                    "mechanism", "ab", "ba"};
	static const char *const codes[] = {"EE", "UA", "FR", "RU", "CA"};
	Big *b = calloc(1, sizeof *b);
	b->events = calloc(EVENTS, sizeof *b->events);
	b->ptrs = calloc(EVENTS, sizeof *b->ptrs);
	b->codes = calloc(EVENTS * 2, sizeof *b->codes);
	b->titles = calloc(EVENTS, sizeof *b->titles);
	b->source = (Source){.title = "s", .outlet = "o"};
	for (size_t i = 0; i < EVENTS; i++) {
		Event *e = &b->events[i];
		snprintf(b->titles[i], sizeof b->titles[i], "%s %s",
		         words[next_random() % 9], words[next_random() % 9]);
		e->id = b->titles[i];
		e->title = b->titles[i];
		e->summary = next_random() % 2 ? "b" : "x";
		e->excerpt = next_random() % 3 ? "a" : "c";
		e->source = &b->source;
		e->date = (Date){.year = (int16_t)(2018 + i % 7), .month = 1,
		                 .day = 1, .precision = DATE_DAY};
		e->countries = &b->codes[i * 2];
		e->ncountries = 1 + i % 2;
		b->codes[i * 2] = country_pack(codes[i % 5], 2);
		b->codes[i * 2 + 1] = country_pack(codes[(i / 5) % 5], 2);
		e->index = (uint32_t)i;
		b->ptrs[i] = e;
	}
	b->corpus.events = b->ptrs;
	b->corpus.count = EVENTS;
	*state = b;
	return 0;
}

static int big_teardown(void **state)
{
	Big *b = *state;
	free(b->events);
	free(b->ptrs);
	free(b->codes);
	free(b->titles);
	free(b);
	return 0;
}

/* How many events pass f, by brute force. */
static size_t brute_count(const Big *b, const Filter *f)
{
	size_t n = 0;
	Buf text = BUF_INIT;
	for (size_t i = 0; i < EVENTS; i++) {
		const Event *e = &b->events[i];
		bool any = false, all = true;
		for (CountryCode c = 0; c < COUNTRY_CODES; c++) {
			if (!countryset_has(&f->countries, c))
				continue;
			bool has = event_has_country(e, c);
			any = any || has;
			all = all && has;
		}
		if (f->ncountries && !(f->match_all ? all : any))
			continue;
		buf_clear(&text);
		search_fold_event(e, &text);
		if (f->search && *f->search && !strstr(buf_cstr(&text), f->search))
			continue;
		n++;
	}
	buf_free(&text);
	return n;
}

static void expect_same(Timeline *t, const Big *b, Filter *f, const char *q)
{
	filter_set_search(f, q);
	timeline_apply(t, f);
	size_t want = brute_count(b, f);
	if (t->nshown != want)
		fail_msg("search \"%s\": %zu shown, brute force says %zu", q,
		         t->nshown, want);
}

static void test_timeline_matches_brute_force(void **state)
{
	Big *b = *state;
	Timeline *t = timeline_new(&b->corpus);
	/* Large enough for the two-thread sort: its merge must give the
	 * total order a single sort gives. */
	for (size_t i = 1; i < t->count; i++) {
		const Event *x = t->sorted[i - 1], *y = t->sorted[i];
		int c = date_compare(x->date, y->date);
		if (!c)
			c = strcmp(x->id, y->id);
		if (!c)
			c = x->index < y->index ? -1 : 1;
		if (c > 0)
			fail_msg("sorted[%zu] and [%zu] are out of order", i - 1, i);
	}
	Filter f;
	filter_init(&f);
	const char *typed[] = {"c", "co", "coo", "coop", "coope", "cooper",
	                       "coop", "co", "", "к", "ки", "киї", "київ", "b",
	                       "br", "bregancon", "bre", "ab", "ab b", "b\na",
	                       "b\nc", "a\ns", "o\nc", "o\nt", "\nco", "ba ba",
	                       "tallinn mechanism",
	                       "mechanism", "zzz", "ransom coop"};
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
		expect_same(t, b, &f, typed[i]);
	filter_add_country(&f, country_pack("EE", 2));
	filter_add_country(&f, country_pack("UA", 2));
	for (size_t i = 0; i < 6; i++)
		expect_same(t, b, &f, typed[i]);
	f.match_all = true;
	for (size_t i = 0; i < 6; i++)
		expect_same(t, b, &f, typed[i]);
	filter_free(&f);
	timeline_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_matches_memmem),
		cmocka_unit_test_setup_teardown(test_timeline_matches_brute_force,
		                                big_setup, big_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
