/*
 * test_load.c - the loader on small inline YAML texts (load_buffer):
 * what a good file gives, where each kind of error is reported, and that
 * good events survive beside bad ones. test_load_files.c covers what
 * spans files and replays the fuzzer's findings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "load.h"
#include "load_fixtures.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- good input --------------------------------------------------------- */

static void test_good_fields(void **state)
{
	(void)state;
	Corpus *c = load(HEADER
		"  - id: first-event\n"
		"    date: 2023-04-30\n"
		"    date_note: \"On the eve of May Day\"\n"
		"    title: \"Estonia and Finland sign\"\n"
		"    countries: [EE, FI]\n"
		"    organizations: [CERT-EE]\n"
		"    tags: [agreement, cert]\n"
		"    summary: \"Two\\tcolumns\\nand a line\"\n"
		"    excerpt: |-\n"
		"      First line\n"
		"      second line\n"
		"  - id: second-event\n"
		"    date: 2023-05\n"
		"    title: \"Latvia\"\n"
		"    countries: [LV]\n"
		"    summary: \"s\"\n"
		"    excerpt: \"e\"\n"
		"    related: [first-event]\n"
		"  - id: third-event\n"
		"    date: 2023\n"
		"    title: \"Year only\"\n"
		"    countries: [LT]\n"
		"    summary: \"s\"\n"
		"    excerpt: \"e\"\n");
	assert_int_equal(c->diags.count, 0);
	assert_int_equal(c->count, 3);
	assert_int_equal(c->nsources, 1);
	const Event *e = corpus_find(c, "first-event");
	assert_non_null(e);
	assert_int_equal(e->date.precision, DATE_DAY);
	assert_int_equal(e->date.year, 2023);
	assert_int_equal(e->date.month, 4);
	assert_int_equal(e->date.day, 30);
	assert_string_equal(e->date_note, "On the eve of May Day");
	assert_string_equal(e->title, "Estonia and Finland sign");
	assert_int_equal(e->ncountries, 2);
	assert_int_equal(e->countries[0], country_pack("EE", 2));
	assert_int_equal(e->countries[1], country_pack("FI", 2));
	assert_int_equal(e->organizations.count, 1);
	assert_string_equal(e->organizations.items[0], "CERT-EE");
	assert_int_equal(e->tags.count, 2);
	assert_string_equal(e->summary, "Two\tcolumns\nand a line");
	assert_string_equal(e->excerpt, "First line\nsecond line");
	assert_int_equal(e->line, 6);
	assert_int_equal(e->col, 5);
	assert_string_equal(e->source->title, "Robustness fixture");
	assert_int_equal(e->source->published.precision, DATE_DAY);
	const Event *s = corpus_find(c, "second-event");
	assert_int_equal(s->date.precision, DATE_MONTH);
	assert_int_equal(s->related.count, 1);
	assert_string_equal(s->related.items[0], "first-event");
	assert_int_equal(corpus_find(c, "third-event")->date.precision,
	                 DATE_YEAR);
	assert_null(corpus_find(c, "no-such-event"));
	corpus_free(c);
}

static void test_nfc(void **state)
{
	(void)state;
	/* "Brégançon" written decomposed: e + U+0301, c + U+0327. */
	Corpus *c = load(HEADER
		"  - id: nfc\n"
		"    date: 2019-08\n"
		"    title: \"Bre\xCC\x81gan\xC3\xA7on and Bre\xCC\x81gan\x63\xCC\xA7on\"\n"
		"    countries: [FR, RU]\n"
		"    summary: \"s\"\n"
		"    excerpt: \"e\"\n");
	assert_int_equal(c->diags.count, 0);
	assert_int_equal(c->count, 1);
	assert_string_equal(c->events[0]->title,
	                    "Br\xC3\xA9gan\xC3\xA7on and Br\xC3\xA9gan\xC3\xA7on");
	corpus_free(c);
}

static void test_bom_and_crlf(void **state)
{
	(void)state;
	Corpus *c = load("\xEF\xBB\xBFsource:\r\n"
		"  title: \"S\"\r\n  outlet: \"O\"\r\n  published: 2023\r\n"
		"events:\r\n"
		"  - id: crlf\r\n    date: 2023-01-02\r\n    title: \"T\"\r\n"
		"    countries: [EE]\r\n    summary: \"s\"\r\n"
		"    excerpt: |\r\n      one\r\n      two\r\n"
		"  - id: crlf-bad\r\n    date: 2023-02-30\r\n    title: \"T\"\r\n"
		"    countries: [EE]\r\n    summary: \"s\"\r\n    excerpt: \"e\"\r\n");
	assert_int_equal(c->count, 1);
	assert_string_equal(c->events[0]->excerpt, "one\ntwo\n");
	assert_int_equal(c->events[0]->line, 6);
	const Diag *d = first_error(c);
	assert_non_null(d);
	assert_int_equal(d->line, 15);
	assert_int_equal(d->col, 11);
	corpus_free(c);
}

static void test_multi_document(void **state)
{
	(void)state;
	Corpus *c = load(HEADER SURVIVOR("doc-one")
		"---\n"
		"source:\n  title: \"Second\"\n  outlet: \"O2\"\n  published: 2024\n"
		"events:\n" SURVIVOR("doc-two"));
	assert_int_equal(c->diags.count, 0);
	assert_int_equal(c->count, 2);
	assert_int_equal(c->nsources, 2);
	assert_string_equal(corpus_find(c, "doc-two")->source->title, "Second");
	assert_int_equal(corpus_find(c, "doc-two")->line, 18);
	corpus_free(c);
}

static void test_empty_file_is_a_warning(void **state)
{
	(void)state;
	const char *texts[] = {"", "# only a comment\n", "\n\n"};
	for (size_t i = 0; i < 3; i++) {
		Corpus *c = load(texts[i]);
		assert_int_equal(c->diags.errors, 0);
		assert_int_equal(c->diags.warnings, 1);
		assert_int_equal(c->count, 0);
		corpus_free(c);
	}
}

/* ---- each kind of error: where, what, and who survives ------------------ */

typedef struct BadCase {
	const char *name;
	const char *yaml;
	unsigned line, col;
	const char *says;
	size_t survivors; /* events loaded from the text */
} BadCase;

static const BadCase bad_cases[] = {
	{"unclosed quote", HEADER SURVIVOR("a") "  - id: b\n    title: \"open\n",
	 14, 1, "while scanning a quoted scalar", 1},
	{"tab indentation", HEADER SURVIVOR("a") "  - id: b\n\tdate: 2023\n",
	 13, 1, "tab character", 1},
	{"bad flow", HEADER SURVIVOR("a") "  - id: b\n    countries: [EE}\n",
	 13, 19, "did not find expected ',' or ']'", 1},
	{"root list", "- a\n- b\n", 1, 1, "found a list", 0},
	{"root scalar", "words\n", 1, 1, "found a scalar", 0},
	{"events a mapping", HEADER "  a: b\n", 6, 3,
	 "`events` must be a list", 0},
	{"mapping for a string", HEADER SURVIVOR("a")
	 "  - title: {en: x}\n", 12, 12, "`title` must be a single value", 1},
	{"countries a mapping", HEADER SURVIVOR("a")
	 "  - countries: {EE: 1}\n", 12, 16, "`countries` must be a list", 1},
	{"missing keys", HEADER SURVIVOR("a") "  - id: b\n    date: 2023\n",
	 12, 5, "missing required keys `title`, `countries`, `summary` and "
	 "`excerpt`", 1},
	{"unknown key", HEADER SURVIVOR("a") "    colour: red\n", 12, 5,
	 "unknown key `colour`", 0},
	{"typo key", HEADER SURVIVOR("a") "    titel: red\n", 12, 5,
	 "did you mean `title`?", 0},
	{"duplicate key", HEADER SURVIVOR("a") "    date: 2024\n", 12, 5,
	 "duplicate key `date`", 0},
	{"february 30", HEADER SURVIVOR("a") "  - date: 2023-02-30\n", 12, 11,
	 "day does not exist", 1},
	{"month 13", HEADER SURVIVOR("a") "  - date: 2023-13\n", 12, 11,
	 "month is out of range", 1},
	{"date in words", HEADER SURVIVOR("a") "  - date: last spring\n", 12, 11,
	 "not a valid date", 1},
	{"bad id", HEADER SURVIVOR("a") "  - id: Bad_Id\n", 12, 9,
	 "not a valid id", 1},
	{"long id", HEADER SURVIVOR("a") "  - id: "
	 "a123456789a123456789a123456789a123456789a123456789a123456789a1234\n",
	 12, 9, "the limit is 64", 1},
	{"UK", HEADER SURVIVOR("a") "  - countries: [EE, UK]\n", 12, 21,
	 "did you mean GB", 1},
	{"XX", HEADER SURVIVOR("a") "  - countries: [XX]\n", 12, 17,
	 "\"XX\" is not an ISO 3166-1", 1},
	{"ZZ", HEADER SURVIVOR("a") "  - countries: [ZZ]\n", 12, 17,
	 "\"ZZ\" is not an ISO 3166-1", 1},
	{"lower-case country", HEADER SURVIVOR("a") "  - countries: [ee]\n",
	 12, 17, "write EE, not ee", 1},
	{"no country", HEADER SURVIVOR("a") "  - countries: []\n", 12, 16,
	 "at least one country", 1},
	{"anchor", HEADER SURVIVOR("a") "  - title: &t x\n", 12, 12,
	 "anchors (&name) are not allowed", 1},
	{"alias", HEADER SURVIVOR("a") "  - title: *t\n", 12, 12,
	 "aliases (*name) are not allowed", 1},
	{"tag", HEADER SURVIVOR("a") "  - title: !!str x\n", 12, 12,
	 "tags (!tag) are not allowed", 1},
	{"escaped NUL", HEADER SURVIVOR("a") "  - title: \"a\\0b\"\n", 12, 12,
	 "control character U+0000 in `title`", 1},
	{"escaped ESC", HEADER SURVIVOR("a") "  - summary: \"\\e[31m\"\n", 12, 14,
	 "control character U+001B in `summary`", 1},
	{"C1 control", HEADER SURVIVOR("a") "  - excerpt: \"a\\u009bb\"\n", 12,
	 14, "control character U+009B in `excerpt`", 1},
	{"newline in title", HEADER SURVIVOR("a") "  - title: \"a\\nb\"\n", 12,
	 12, "`title` must be one line", 1},
	{"raw ESC", HEADER SURVIVOR("a") "  - title: \"a\x1b[2Jb\"\n", 12, 14,
	 "control character U+001B in `title`", 1},
	{"raw NEL", HEADER SURVIVOR("a") "  - title: \"a\xc2\x85" "b\"\n", 12, 14,
	 "control character U+0085 in `title`", 1},
	{"raw DEL", HEADER SURVIVOR("a") "  - excerpt: a\x7f\n", 12, 15,
	 "control character U+007F in `excerpt`", 1},
	{"invalid UTF-8", HEADER SURVIVOR("a") "  - title: caf\xe9\n", 12, 15,
	 "invalid UTF-8 byte 0xE9 in `title`", 1},
	{"UTF-16", "\xff\xfes\0o\0", 1, 1, "must be UTF-8", 0},
	{"stray empty document", HEADER SURVIVOR("a") "---\n---\n"
	 HEADER SURVIVOR("b"), 12, 1, "empty document", 2},
	{"empty events", HEADER "  []\n", 6, 3, "`events` is empty", 0},
	{"deep nesting", HEADER SURVIVOR("a")
	 "    tags: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]"
	 "]]]]]]]]]]]]]]]]]]]\n", 12, 12, "must be single values", 0},
	{"no source", "events:\n" SURVIVOR("a"), 1, 1,
	 "missing required key `source`", 0},
};

static void test_bad_cases(void **state)
{
	(void)state;
	int failed = 0;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const BadCase *b = &bad_cases[i];
		/* The UTF-16 case holds NUL bytes: give its full length. */
		size_t len = b->yaml[0] == '\xff' ? 6 : strlen(b->yaml);
		Corpus *c = load_buffer("t.yaml", b->yaml, len);
		const Diag *d = first_error(c);
		if (!d || d->line != b->line || d->col != b->col ||
		    !strstr(d->message, b->says) || c->count != b->survivors) {
			print_error("%s: got %u:%u \"%s\" and %zu events; wanted "
			            "%u:%u \"%s\" and %zu\n", b->name,
			            d ? d->line : 0, d ? d->col : 0,
			            d ? d->message : "(no error)", c->count, b->line,
			            b->col, b->says, b->survivors);
			failed++;
		}
		corpus_free(c);
	}
	assert_int_equal(failed, 0);
}

/* An event b whose `key` is a string of n x's. */
static char *event_with(const char *key, size_t n)
{
	const char *keys[] = {"title", "summary", "excerpt"};
	Buf text = BUF_INIT;
	buf_puts(&text, HEADER SURVIVOR("a")
	         "  - id: b\n    date: 2023\n    countries: [EE]\n");
	for (size_t k = 0; k < 3; k++) {
		buf_printf(&text, "    %s: \"", keys[k]);
		for (size_t i = 0; i < (strcmp(keys[k], key) ? 1 : n); i++)
			buf_putc(&text, 'x');
		buf_puts(&text, "\"\n");
	}
	return buf_detach(&text);
}

static void test_oversized_values(void **state)
{
	(void)state;
	const struct {
		const char *key;
		size_t max;
		unsigned line, col;
	} cases[] = {{"title", EVENT_TITLE_MAX, 15, 12},
	             {"summary", EVENT_SUMMARY_MAX, 16, 14},
	             {"excerpt", EVENT_EXCERPT_MAX, 17, 14}};
	for (size_t i = 0; i < 3; i++) {
		char *text = event_with(cases[i].key, cases[i].max + 1);
		Corpus *c = load(text);
		const Diag *d = first_error(c);
		assert_non_null(d);
		assert_int_equal(d->line, cases[i].line);
		assert_int_equal(d->col, cases[i].col);
		assert_non_null(strstr(d->message, "characters long; the limit"));
		assert_int_equal(c->count, 1);
		corpus_free(c);
		free(text);
		text = event_with(cases[i].key, cases[i].max); /* at the limit */
		c = load(text);
		assert_int_equal(c->diags.count, 0);
		assert_int_equal(c->count, 2);
		corpus_free(c);
		free(text);
	}
}

static void test_flood_control(void **state)
{
	(void)state;
	Buf text = BUF_INIT;
	buf_puts(&text, HEADER SURVIVOR("a"));
	for (int i = 0; i < 30; i++)
		buf_printf(&text, "  - id: bad-%d\n    date: 2023-02-30\n", i);
	Corpus *c = load(buf_cstr(&text));
	assert_int_equal(c->count, 1);
	assert_true(c->diags.errors >= 30);
	assert_true(c->diags.count <= DIAG_PER_FILE_MAX + 1);
	assert_true(c->diags.items[c->diags.count - 1].suppressed > 0);
	corpus_free(c);
	buf_free(&text);
}

static void test_diag_escapes(void **state)
{
	(void)state;
	Corpus *c = load(HEADER SURVIVOR("a")
		"  - id: \"x\\e[2J\\u009b\\u202e\"\n");
	const Diag *d = first_error(c);
	assert_non_null(d);
	Buf out = BUF_INIT;
	diag_format(d, &out);
	assert_null(strchr(buf_cstr(&out), '\x1b'));
	assert_null(strstr(buf_cstr(&out), "\xc2\x9b"));
	assert_null(strstr(buf_cstr(&out), "\xe2\x80\xae"));
	assert_non_null(strstr(buf_cstr(&out), "t.yaml:12:9: error: "));
	assert_non_null(strstr(buf_cstr(&out), "\\x1B[2J"));
	buf_free(&out);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_fields),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_multi_document),
		cmocka_unit_test(test_empty_file_is_a_warning),
		cmocka_unit_test(test_bad_cases),
		cmocka_unit_test(test_oversized_values),
		cmocka_unit_test(test_flood_control),
		cmocka_unit_test(test_diag_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
