/*
 * test_timeline.c - sort order, date window, country filters (any/all),
 * search folding, incremental narrowing and seeking; plus country
 * lookup and statistics, which the filters are built on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"
#include "stats.h"
#include "text.h"
#include "timeline.h"

/* A hand-built corpus: ids, dates, countries and titles. */
typedef struct Fixture {
	Corpus corpus;
	Event events[8];
	Event *ptrs[8];
	CountryCode codes[8][4];
	Source source;
} Fixture;

static void add_event(Fixture *f, const char *id, const char *date,
                      const char *countries, const char *title)
{
	size_t i = f->corpus.count++;
	Event *e = &f->events[i];
	memset(e, 0, sizeof *e);
	e->id = id;
	date_parse(date, strlen(date), &e->date);
	for (const char *p = countries; *p; p += p[2] ? 3 : 2)
		f->codes[i][e->ncountries++] = country_pack(p, 2);
	e->countries = f->codes[i];
	e->title = title;
	e->summary = "";
	e->excerpt = "";
	e->source = &f->source;
	e->index = (uint32_t)i;
	f->ptrs[i] = e;
}

static int setup(void **state)
{
	Fixture *f = calloc(1, sizeof *f);
	f->source = (Source){.title = "T", .outlet = "O"};
	f->corpus.events = f->ptrs;
	add_event(f, "b-year", "2023", "EE,UA", "Tallinn Mechanism year");
	add_event(f, "a-day", "2023-01-01", "EE", "Day in Tallinn");
	add_event(f, "c-month", "2023-01", "UA,PL", "Month in Київ");
	add_event(f, "d-old", "2017-05-05", "FR,RU", "Campaign");
	add_event(f, "e-late", "2024-12-31", "FR,RU", "Brégançon talks");
	add_event(f, "f-new", "2025-01-01", "CA", "Future");
	add_event(f, "a-same", "2023-01-01", "CA,EE,UA", "Same day, other id");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* The ids shown, space-separated, for compact assertions. */
static char *shown_ids(const Timeline *t)
{
	Buf b = BUF_INIT;
	for (size_t i = 0; i < t->nshown; i++)
		buf_printf(&b, "%s%s", i ? " " : "", t->shown[i]->id);
	return buf_detach(&b);
}

static void assert_shown(const Timeline *t, const char *want)
{
	char *got = shown_ids(t);
	assert_string_equal(got, want);
	free(got);
}

static void test_sort_and_default_window(void **state)
{
	Fixture *f = *state;
	Timeline *t = timeline_new(&f->corpus);
	assert_int_equal(t->count, 7);
	/* day before month before year at the same start; then by id */
	assert_shown(t, "a-day a-same c-month b-year e-late");
	timeline_free(t);
}

static void test_window_overlap(void **state)
{
	Fixture *f = *state;
	Timeline *t = timeline_new(&f->corpus);
	Filter flt;
	filter_init(&flt);
	Date from, to;
	date_parse("1900", 4, &from);
	date_parse("2100", 4, &to);
	filter_set_window(&flt, from, to);
	timeline_apply(t, &flt);
	assert_int_equal(t->nshown, 7);
	date_parse("2023-06", 7, &from); /* the 2023 event overlaps June */
	date_parse("2024", 4, &to);
	filter_set_window(&flt, from, to);
	timeline_apply(t, &flt);
	assert_shown(t, "b-year e-late");
	date_parse("2025", 4, &to);  /* --to 2025 includes 2025-01-01 */
	filter_set_window(&flt, from, to);
	timeline_apply(t, &flt);
	assert_shown(t, "b-year e-late f-new");
	filter_free(&flt);
	timeline_free(t);
}

static void test_countries_any_all(void **state)
{
	Fixture *f = *state;
	Timeline *t = timeline_new(&f->corpus);
	Filter flt;
	filter_init(&flt);
	filter_add_country(&flt, country_pack("EE", 2));
	filter_add_country(&flt, country_pack("UA", 2));
	timeline_apply(t, &flt);
	assert_shown(t, "a-day a-same c-month b-year");
	flt.match_all = true;
	timeline_apply(t, &flt);
	assert_shown(t, "a-same b-year");
	filter_clear_countries(&flt);
	timeline_apply(t, &flt);
	assert_int_equal(t->nshown, 5);
	filter_free(&flt);
	timeline_free(t);
}

static void test_search_folding_and_narrowing(void **state)
{
	Fixture *f = *state;
	Timeline *t = timeline_new(&f->corpus);
	Filter flt;
	filter_init(&flt);
	const char *typed[] = {"b", "br", "bre", "breg", "bregancon"};
	for (size_t i = 0; i < 5; i++) {
		filter_set_search(&flt, typed[i]);
		timeline_apply(t, &flt);
	}
	assert_shown(t, "e-late");
	filter_set_search(&flt, "BRE\xCC\x81GANC\xCC\xA7ON"); /* decomposed */
	timeline_apply(t, &flt);
	assert_shown(t, "e-late");
	filter_set_search(&flt, "КИЇВ");
	timeline_apply(t, &flt);
	assert_shown(t, "c-month");
	/* Widening after narrowing must rescan everything. */
	filter_set_search(&flt, "tallinn");
	timeline_apply(t, &flt);
	assert_shown(t, "a-day b-year");
	filter_set_search(&flt, "zzz");
	timeline_apply(t, &flt);
	assert_int_equal(t->nshown, 0);
	filter_set_search(&flt, NULL);
	timeline_apply(t, &flt);
	assert_int_equal(t->nshown, 5);
	filter_free(&flt);
	timeline_free(t);
}

static void test_seek(void **state)
{
	Fixture *f = *state;
	Timeline *t = timeline_new(&f->corpus);
	assert_int_equal(timeline_seek(t, 20230101), 0);
	assert_int_equal(timeline_seek(t, 20240101), 4);
	assert_int_equal(timeline_seek(t, 20990101), 5);
	timeline_free(t);
}

static void test_country_lookup(void **state)
{
	(void)state;
	assert_int_equal(country_lookup("ee", 2), country_pack("EE", 2));
	assert_int_equal(country_lookup("Estonia", 7), country_pack("EE", 2));
	assert_int_equal(country_lookup("ESTONIA", 7), country_pack("EE", 2));
	const char *civ = "cote d'ivoire";
	assert_int_equal(country_lookup(civ, strlen(civ)), country_pack("CI", 2));
	assert_int_equal(country_lookup("Narnia", 6), COUNTRY_NONE);
	assert_false(country_is_valid(country_pack("UK", 2)));
	assert_false(country_is_valid(country_pack("XX", 2)));
	assert_true(country_is_valid(country_pack("GB", 2)));
	Buf b = BUF_INIT;
	assert_true(country_hint("UK", 2, &b));
	assert_non_null(strstr(buf_cstr(&b), "GB"));
	buf_clear(&b);
	country_name(country_pack("UA", 2), &b);
	assert_string_equal(buf_cstr(&b), "Ukraine");
	buf_free(&b);
}

static void test_stats(void **state)
{
	Fixture *f = *state;
	Stats s;
	stats_compute(&s, (const Event *const *)f->ptrs, f->corpus.count);
	assert_int_equal(s.total, 7);
	assert_int_equal(s.nyears, 4); /* 2017 2023 2024 2025 */
	assert_int_equal(s.years[1].key, 2023);
	assert_int_equal(s.years[1].count, 4);
	/* EE and UA appear 3 times each; EE sorts first by code */
	assert_int_equal(s.countries[0].key, country_pack("EE", 2));
	assert_int_equal(s.countries[0].count, 3);
	/* most frequent pairs: EE-UA (2) and FR-RU (2) */
	assert_int_equal(s.pairs[0].count, 2);
	assert_int_equal(s.pairs[1].count, 2);
	assert_int_equal(s.pairs[2].count, 1);
	stats_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sort_and_default_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_overlap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_countries_any_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_folding_and_narrowing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seek, setup, teardown),
		cmocka_unit_test(test_country_lookup),
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
