/*
 * export_fixtures.h - events built by hand for the export tests
 * (test_export.c, test_export_markdown.c), and helpers to run an export
 * into a string. Included by test files only, after cmocka.h.
 *
 * The events cover every precision, empty and full lists, shared and
 * distinct sources and hostile text (ESC, bidi overrides, C0, DEL, C1,
 * invalid UTF-8), from static data, so the tests say exactly what went
 * in and need no content files.
 */
#ifndef CYBERLINE_TEST_EXPORT_FIXTURES_H
#define CYBERLINE_TEST_EXPORT_FIXTURES_H

#include "export.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A CountryCode as a constant expression, for static data. */
#define CC(a, b) ((CountryCode)(((a) - 'A') * 26 + ((b) - 'A')))
#define LIST(a) {a, sizeof a / sizeof *a}
#define DAY(y, m, d) {y, m, d, DATE_DAY}
#define MONTH(y, m) {y, m, 0, DATE_MONTH}
#define YEAR(y) {y, 0, 0, DATE_YEAR}

static const Source src_err = {
	.title = "Tallinn Mechanism launched", .outlet = "ERR News",
	.published = DAY(2023, 12, 20), .language = "en",
	.url = "https://news.err.ee/1609199/tallinn-mechanism",
};
static const Source src_sputnik = {
	.title = "Paving Way: \"France\" & Russia", .outlet = "Sputnik",
	.published = YEAR(2019),
};
static const Source src_ukr = {
	.title = "Київ signs with partners", .outlet = "Ukrinform",
	.published = MONTH(2024, 9), .url = "https://www.ukrinform.net/a b<c>",
};

static const CountryCode ee_ua[] = {CC('E', 'E'), CC('U', 'A')};
static const CountryCode fr_ru[] = {CC('F', 'R'), CC('R', 'U')};
static const CountryCode ca_ua[] = {CC('C', 'A'), CC('U', 'A')};
static const CountryCode us[] = {CC('U', 'S')};
static const CountryCode g7[] = {CC('C', 'A'), CC('F', 'R'), CC('D', 'E'),
                                 CC('I', 'T'), CC('J', 'P'), CC('G', 'B'),
                                 CC('U', 'S'), CC('U', 'A')};
static const char *tallinn_orgs[] = {"NATO", "EU, Council"};
static const char *tallinn_tags[] = {"capacity-building"};
static const char *tallinn_related[] = {"bregancon-2019", "not-exported"};
static const char *summit_tags[] = {"summit"};
static const char *kyiv_related[] = {"tallinn-mechanism-launch"};

/* Day precision, lists of every kind, LF, TAB, '"' and '\' in the
 * excerpt, and a related id that is not among the exported events. */
static const Event ev_tallinn = {
	.id = "tallinn-mechanism-launch", .date = DAY(2023, 12, 20),
	.title = "Tallinn Mechanism launched",
	.countries = ee_ua, .ncountries = 2,
	.organizations = LIST(tallinn_orgs), .tags = LIST(tallinn_tags),
	.summary = "Estonia and partners launch the mechanism.",
	.excerpt = "First line\n\tTabbed line\n\nAfter a blank \"quoted\" "
	           "and back\\slash",
	.related = LIST(tallinn_related),
	.source = &src_err, .file = "content/a.yaml", .line = 7,
};
/* Month precision with a date note, no organizations, no related. */
static const Event ev_bregancon = {
	.id = "bregancon-2019", .date = MONTH(2019, 8),
	.date_note = "'last August' without a year",
	.title = "Macron and Putin agree at Brégançon",
	.countries = fr_ru, .ncountries = 2, .tags = LIST(summit_tags),
	.summary = "At Brégançon, they agreed.",
	.excerpt = "“My visit follows the agreements”",
	.source = &src_sputnik, .file = "content/b.yaml", .line = 3,
};
/* Year precision, Cyrillic, bidi isolates and U+2028 (which the loader
 * accepts), and the same source as ev_tallinn. */
static const Event ev_kyiv = {
	.id = "kyiv-agreement-2024", .date = YEAR(2024),
	.title = "Київ agreement", .countries = ca_ua, .ncountries = 2,
	.summary = "Signed in Київ \u2067isolate\u2069.\u2028Next.",
	.excerpt = "Text", .related = LIST(kyiv_related),
	.source = &src_err, .file = "content/a.yaml", .line = 30,
};
/* Everything a terminal would act on; the loader would refuse most of
 * it, the exporters must not pass it on anyway. */
static const Event ev_hostile = {
	.id = "hostile-title", .date = DAY(2023, 12, 21),
	.title = "Evil \x1b[31m red \u202E txt.exe \x01 \x7f \xc2\x9b end",
	.countries = us, .ncountries = 1,
	.summary = "s\\um\tmary\r", .excerpt = "line1\n> line2",
	.source = &src_ukr,
};
static const Event ev_g7 = {
	.id = "g7-brussels-2022", .date = DAY(2022, 3, 24),
	.title = "G7 leaders meet", .countries = g7, .ncountries = 8,
	.summary = "s", .excerpt = "e", .source = &src_sputnik,
};
/* No countries, and a byte the loader would never let through. */
static const Event ev_invalid = {
	.id = "invalid-utf8", .date = YEAR(2020), .title = "bad \xff" "byte",
	.summary = "s", .excerpt = "e", .source = &src_ukr,
};

/* Export to a string (malloc'd; the test frees it), asserting success. */
static inline char *run(ExportFormat f, const Event *const *ev, size_t n,
                 const ExportOptions *opt)
{
	char *data = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&data, &size);
	assert_non_null(fp);
	assert_int_equal(export_write(fp, f, ev, n, opt), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(strlen(data), size); /* no NUL inside */
	return data;
}

/* How many times needle occurs in hay. */
static inline size_t count(const char *hay, const char *needle)
{
	size_t k = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		k++;
	return k;
}

#endif
