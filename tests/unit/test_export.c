/*
 * test_export.c - every export format, byte for byte where it matters:
 * layout, escaping of hostile text (ESC, bidi override, C0, DEL, C1,
 * invalid UTF-8), date precisions, empty lists, grouping by source, the
 * YAML round trip through the loader, and write failures. Markdown and
 * the briefing have test_export_markdown.c.
 *
 * The events are export_fixtures.h's, built by hand from static data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "export_fixtures.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tsv_header[] =
	"id\tdate\tcountries\ttitle\toutlet\tdate_note\torganizations\ttags"
	"\tsummary\texcerpt\trelated\tsource_title\tpublished\turl\tfile\tline\n";

/* Every name and alias parses to its format; canonical names round-trip. */
static void test_format_names(void **state)
{
	(void)state;
	static const char *const names[] = {"text", "tsv", "json", "markdown",
	                                    "md", "yaml", "yml"};
	static const ExportFormat formats[] = {EXPORT_TEXT, EXPORT_TSV,
	                                       EXPORT_JSON, EXPORT_MARKDOWN,
	                                       EXPORT_MARKDOWN, EXPORT_YAML,
	                                       EXPORT_YAML};
	ExportFormat f = EXPORT_FORMATS;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		assert_true(export_format_parse(names[i], &f));
		assert_int_equal(f, formats[i]);
	}
	for (int k = 0; k < EXPORT_FORMATS; k++) {
		assert_true(export_format_parse(export_format_name(k), &f));
		assert_int_equal(f, k);
	}
	assert_string_equal(export_format_name(EXPORT_MARKDOWN), "markdown");
	assert_null(export_format_name(EXPORT_FORMATS));
	assert_false(export_format_parse("csv", &f));
	assert_false(export_format_parse("", &f));
	assert_false(export_format_parse("JSONX", &f));
	assert_int_equal(f, EXPORT_FORMATS - 1); /* untouched on failure */
}

static void test_text_layout(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon};
	char *out = run(EXPORT_TEXT, ev, 2, NULL);
	assert_string_equal(out,
		"2023-12-20  EE, UA  Tallinn Mechanism launched\n"
		"            ERR News \u2014 Tallinn Mechanism launched "
		"(tallinn-mechanism-launch)\n"
		"2019-08\u2248    FR, RU  Macron and Putin agree at Brégançon\n"
		"            Sputnik \u2014 Paving Way: \"France\" & Russia "
		"(bregancon-2019)\n");
	free(out);
}

/* The countries column is as wide as the widest list up to 18 columns;
 * a longer list pushes its own title right but keeps two spaces. Text
 * goes through text_escape(). */
static void test_text_wide_countries(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_g7, &ev_invalid, &ev_kyiv,
	                     &ev_hostile};
	char *out = run(EXPORT_TEXT, ev, 5, NULL);
	assert_non_null(strstr(out, "2023-12-20  EE, UA              Tallinn"));
	assert_non_null(strstr(out,
		"\n2022-03-24  CA, FR, DE, IT, JP, GB, US, UA  G7 leaders meet\n"));
	assert_non_null(strstr(out,
		"\n2020        -                   bad \\xFFbyte\n"));
	assert_non_null(strstr(out,
		"\n2024        CA, UA              Київ agreement\n"));
	assert_non_null(strstr(out,
		"\n2023-12-21  US                  Evil \\x1B[31m red \\u{202E} "
		"txt.exe \\x01 \\x7F \\u{009B} end\n"));
	free(out);
}

static void test_tsv(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon, &ev_hostile};
	char *out = run(EXPORT_TSV, ev, 3, NULL);
	assert_memory_equal(out, tsv_header, strlen(tsv_header));
	assert_non_null(strstr(out,
		"\ntallinn-mechanism-launch\t2023-12-20\tEE,UA\t"
		"Tallinn Mechanism launched\tERR News\t\tNATO,EU\\x2C Council\t"
		"capacity-building\tEstonia and partners launch the mechanism.\t"
		"First line\\n\\tTabbed line\\n\\nAfter a blank \"quoted\" and "
		"back\\\\slash\tbregancon-2019,not-exported\t"
		"Tallinn Mechanism launched\t2023-12-20\t"
		"https://news.err.ee/1609199/tallinn-mechanism\tcontent/a.yaml"
		"\t7\n"));
	assert_non_null(strstr(out,
		"\nbregancon-2019\t2019-08\tFR,RU\t"
		"Macron and Putin agree at Brégançon\tSputnik\t"
		"'last August' without a year\t\tsummit\t"));
	assert_non_null(strstr(out, "\t2019\t\tcontent/b.yaml\t3\n"));
	assert_non_null(strstr(out, "\ts\\\\um\\tmary\\r\tline1\\n> line2\t"));
	assert_non_null(strstr(out, "Evil \\x1B[31m red \\u{202E} txt.exe"));
	/* 4 lines of exactly 16 columns: no stray TAB or LF in a value. */
	assert_int_equal(count(out, "\n"), 4);
	assert_int_equal(count(out, "\t"), 4 * 15);
	free(out);
}

static void test_json(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon};
	char *out = run(EXPORT_JSON, ev, 2, NULL);
	assert_string_equal(out,
		"{\"id\":\"tallinn-mechanism-launch\",\"date\":\"2023-12-20\","
		"\"date_note\":null,\"title\":\"Tallinn Mechanism launched\","
		"\"countries\":[\"EE\",\"UA\"],"
		"\"organizations\":[\"NATO\",\"EU, Council\"],"
		"\"tags\":[\"capacity-building\"],"
		"\"summary\":\"Estonia and partners launch the mechanism.\","
		"\"excerpt\":\"First line\\n\\tTabbed line\\n\\nAfter a blank "
		"\\\"quoted\\\" and back\\\\slash\","
		"\"related\":[\"bregancon-2019\",\"not-exported\"],"
		"\"source\":{\"title\":\"Tallinn Mechanism launched\","
		"\"outlet\":\"ERR News\",\"published\":\"2023-12-20\","
		"\"url\":\"https://news.err.ee/1609199/tallinn-mechanism\","
		"\"language\":\"en\"},\"file\":\"content/a.yaml\",\"line\":7}\n"
		"{\"id\":\"bregancon-2019\",\"date\":\"2019-08\","
		"\"date_note\":\"'last August' without a year\","
		"\"title\":\"Macron and Putin agree at Brégançon\","
		"\"countries\":[\"FR\",\"RU\"],\"organizations\":[],"
		"\"tags\":[\"summit\"],"
		"\"summary\":\"At Brégançon, they agreed.\","
		"\"excerpt\":\"“My visit follows the agreements”\","
		"\"related\":[],"
		"\"source\":{\"title\":\"Paving Way: \\\"France\\\" & Russia\","
		"\"outlet\":\"Sputnik\",\"published\":\"2019\",\"url\":null,"
		"\"language\":null},\"file\":\"content/b.yaml\",\"line\":3}\n");
	free(out);
}

static void test_json_escapes(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_hostile, &ev_invalid, &ev_kyiv};
	char *out = run(EXPORT_JSON, ev, 3, NULL);
	assert_non_null(strstr(out,
		"\"title\":\"Evil \\u001b[31m red \\u202e txt.exe \\u0001 "
		"\\u007f \\u009b end\""));
	assert_non_null(strstr(out, "\"summary\":\"s\\\\um\\tmary\\r\""));
	assert_non_null(strstr(out, "\"published\":\"2024-09\""));
	assert_non_null(strstr(out, "\"file\":null,\"line\":0}\n"));
	assert_non_null(strstr(out, "\"title\":\"bad \xEF\xBF\xBD" "byte\""));
	assert_non_null(strstr(out, "\"countries\":[],"));
	assert_non_null(strstr(out, "\"date\":\"2024\""));
	assert_non_null(strstr(out, "\"summary\":\"Signed in Київ "
	                            "\\u2067isolate\\u2069.\u2028Next.\""));
	assert_int_equal(count(out, "\n"), 3);
	free(out);
}

static const char yaml_expected[] =
	"---\n"
	"source:\n"
	"  title: \"Tallinn Mechanism launched\"\n"
	"  outlet: \"ERR News\"\n"
	"  published: 2023-12-20\n"
	"  url: \"https://news.err.ee/1609199/tallinn-mechanism\"\n"
	"  language: \"en\"\n"
	"events:\n"
	"  - id: \"tallinn-mechanism-launch\"\n"
	"    date: 2023-12-20\n"
	"    title: \"Tallinn Mechanism launched\"\n"
	"    countries: [EE, UA]\n"
	"    organizations: [\"NATO\", \"EU, Council\"]\n"
	"    tags: [\"capacity-building\"]\n"
	"    summary: \"Estonia and partners launch the mechanism.\"\n"
	"    excerpt: \"First line\\n\\tTabbed line\\n\\nAfter a blank "
	"\\\"quoted\\\" and back\\\\slash\"\n"
	"    related: [\"bregancon-2019\"]\n"
	"\n"
	"  - id: \"kyiv-agreement-2024\"\n"
	"    date: 2024\n"
	"    title: \"Київ agreement\"\n"
	"    countries: [CA, UA]\n"
	"    summary: \"Signed in Київ \\u2067isolate\\u2069.\\u2028Next.\"\n"
	"    excerpt: \"Text\"\n"
	"    related: [\"tallinn-mechanism-launch\"]\n"
	"---\n"
	"source:\n"
	"  title: \"Paving Way: \\\"France\\\" & Russia\"\n"
	"  outlet: \"Sputnik\"\n"
	"  published: 2019\n"
	"events:\n"
	"  - id: \"bregancon-2019\"\n"
	"    date: 2019-08\n"
	"    date_note: \"'last August' without a year\"\n"
	"    title: \"Macron and Putin agree at Brégançon\"\n"
	"    countries: [FR, RU]\n"
	"    tags: [\"summit\"]\n"
	"    summary: \"At Brégançon, they agreed.\"\n"
	"    excerpt: \"“My visit follows the agreements”\"\n";

/* Grouped by source in first-appearance order; related ids outside the
 * export dropped; empty lists omitted. */
static void test_yaml(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon, &ev_kyiv};
	char *out = run(EXPORT_YAML, ev, 3, NULL);
	assert_string_equal(out, yaml_expected);
	free(out);
}

static void test_yaml_escapes(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_hostile, &ev_invalid};
	char *out = run(EXPORT_YAML, ev, 2, NULL);
	assert_non_null(strstr(out,
		"    title: \"Evil \\x1B[31m red \\u202E txt.exe \\x01 \\x7F "
		"\\x9B end\"\n"));
	assert_non_null(strstr(out, "    summary: \"s\\\\um\\tmary\\r\"\n"));
	assert_non_null(strstr(out, "    excerpt: \"line1\\n> line2\"\n"));
	assert_non_null(strstr(out, "  published: 2024-09\n"));
	assert_non_null(strstr(out, "  url: \"https://www.ukrinform.net/a b<c>\""));
	assert_non_null(strstr(out, "    title: \"bad \\uFFFDbyte\"\n"));
	assert_non_null(strstr(out, "    countries: []\n"));
	assert_int_equal(count(out, "---\n"), 1); /* same source: one doc */
	free(out);
}

/* What a terminal acts on never appears raw, whatever the format. */
static void test_no_raw_controls(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_hostile, &ev_invalid, &ev_tallinn, &ev_kyiv};
	ExportOptions opt = {.title = "t\x1b", .filters = "\u202E",
	                     .date = "\x9b", .briefing = true};
	for (int f = 0; f < EXPORT_FORMATS; f++) {
		char *out = run(f, ev, 4, &opt);
		for (const unsigned char *p = (const unsigned char *)out; *p;
		     p++) {
			bool ok = *p >= 0x20 ? *p != 0x7f
			                     : *p == '\n' || *p == '\t';
			if (!ok)
				fail_msg("%s: raw control 0x%02X", export_format_name(f), *p);
		}
		assert_null(strstr(out, "\u202E"));
		assert_null(strstr(out, "\u2067"));
		assert_null(strstr(out, "\xc2\x9b"));
		assert_null(strstr(out, "\xff"));
		free(out);
	}
}

static void test_empty(void **state)
{
	(void)state;
	static const char *const expected[EXPORT_FORMATS] = {
		[EXPORT_TEXT] = "",
		[EXPORT_TSV] = tsv_header,
		[EXPORT_JSON] = "",
		[EXPORT_MARKDOWN] = "# Cyberline timeline\n\n",
		[EXPORT_YAML] = "",
	};
	for (int f = 0; f < EXPORT_FORMATS; f++) {
		char *out = run(f, NULL, 0, NULL);
		assert_string_equal(out, expected[f]);
		free(out);
	}
}

/* A full disk is an error, reported with errno, in every format and
 * whether the stream is buffered or not. */
static void test_write_failure(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon};
	for (int buffered = 0; buffered < 2; buffered++) {
		for (int f = 0; f < EXPORT_FORMATS; f++) {
			FILE *fp = fopen("/dev/full", "w");
			if (!fp)
				skip();
			if (!buffered)
				setvbuf(fp, NULL, _IONBF, 0);
			errno = 0;
			assert_int_equal(export_write(fp, f, ev, 2, NULL), -1);
			assert_int_equal(errno, ENOSPC);
			fclose(fp);
		}
	}
	FILE *fp = tmpfile();
	assert_non_null(fp);
	errno = 0;
	assert_int_equal(export_write(fp, EXPORT_FORMATS, ev, 2, NULL), -1);
	assert_int_equal(errno, EINVAL);
	fclose(fp);
}

static void assert_same_date(Date a, Date b)
{
	assert_int_equal(a.year * 10000 + a.month * 100 + a.day,
	                 b.year * 10000 + b.month * 100 + b.day);
	assert_int_equal(a.precision, b.precision);
}

/* What the loader read back is what went out. Lists and sources are
 * covered by re-exporting the reloaded events (test_yaml_round_trip). */
static void assert_same_event(const Event *a, const Event *b)
{
	assert_string_equal(a->id, b->id);
	assert_same_date(a->date, b->date);
	assert_int_equal(a->ncountries, b->ncountries);
	assert_memory_equal(a->countries, b->countries,
	                    a->ncountries * sizeof *a->countries);
	assert_string_equal(a->title, b->title);
	assert_string_equal(a->summary, b->summary);
	assert_string_equal(a->excerpt, b->excerpt);
	assert_string_equal(a->date_note ? a->date_note : "(none)",
	                    b->date_note ? b->date_note : "(none)");
	assert_same_date(a->source->published, b->source->published);
}

/* Export to YAML, load it back with the real loader: no diagnostics,
 * same events. */
static void test_yaml_round_trip(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_tallinn, &ev_bregancon, &ev_kyiv};
	char *out = run(EXPORT_YAML, ev, 3, NULL);
	Corpus *c = load_buffer("rt.yaml", out, strlen(out));
	if (c->diags.count)
		diag_print(&c->diags, stderr);
	assert_int_equal(c->diags.errors, 0);
	assert_int_equal(c->diags.warnings, 0);
	assert_int_equal(c->count, 3);
	assert_int_equal(c->nsources, 2);
	/* Written grouped by source: tallinn and kyiv share one. */
	assert_same_event(c->events[0], &ev_tallinn);
	assert_same_event(c->events[1], &ev_kyiv);
	assert_same_event(c->events[2], &ev_bregancon);
	assert_int_equal(c->events[0]->related.count, 1);
	assert_string_equal(c->events[0]->related.items[0], "bregancon-2019");
	/* Exporting the reloaded events gives the same bytes again: lists,
	 * sources and escapes all survived. */
	char *again = run(EXPORT_YAML, (const Event *const *)c->events,
	                  c->count, NULL);
	assert_string_equal(again, out);
	free(again);
	corpus_free(c);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_text_layout),
		cmocka_unit_test(test_text_wide_countries),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_yaml_escapes),
		cmocka_unit_test(test_no_raw_controls),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_yaml_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
