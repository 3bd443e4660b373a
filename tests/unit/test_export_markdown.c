/*
 * test_export_markdown.c - the Markdown writer, as a timeline and as a
 * briefing (byte for byte), the briefing's head (filters in words, the
 * marked events in timeline order), and export_write_file(): written
 * whole or not at all.
 *
 * The events are export_fixtures.h's, built by hand from static data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "export_fixtures.h"
#include "test_util.h"

#include "briefing.h"
#include "marks.h"
#include "timeline.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The timeline layout: year headings, "### DATE — TITLE", no sources. */
static void test_markdown(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_bregancon, &ev_tallinn, &ev_hostile, &ev_kyiv};
	ExportOptions opt = {.date = "2026-11-22", .filters = "countries: FR"};
	char *out = run(EXPORT_MARKDOWN, ev, 4, &opt);
	const char *head =
		"# Cyberline timeline\n\n"
		"- **Date:** 2026-11-22\n"
		"- **Filters:** countries: FR\n\n"
		"## 2019\n\n"
		"### 2019-08 \u2014 Macron and Putin agree at Brégançon\n\n"
		"- **Countries:** France, Russia\n"
		"- **Tags:** summit\n"
		"- **Date note:** 'last August' without a year\n\n"
		"At Brégançon, they agreed.\n\n"
		"> “My visit follows the agreements”\n\n"
		"Source: *Sputnik*, \"Paving Way: \"France\" & Russia\", 2019\n\n"
		"## 2023\n\n"
		"### 2023-12-20 \u2014 Tallinn Mechanism launched\n\n"
		"- **Countries:** Estonia, Ukraine\n"
		"- **Organizations:** NATO, EU, Council\n"
		"- **Tags:** capacity-building\n\n"
		"Estonia and partners launch the mechanism.\n\n"
		"> First line  \n"
		"> \tTabbed line\n"
		">\n"
		"> After a blank \"quoted\" and back\\\\slash\n\n"
		"Source: *ERR News*, \"Tallinn Mechanism launched\", 2023-12-20, "
		"<https://news.err.ee/1609199/tallinn-mechanism>\n\n"
		"### 2023-12-21 \u2014 Evil \\x1B\\[31m red \\u{202E} txt.exe "
		"\\x01 \\x7F \\u{009B} end\n\n";
	assert_memory_equal(out, head, strlen(head));
	assert_int_equal(count(out, "## 2023\n"), 1);
	assert_non_null(strstr(out, "s\\\\um\tmary\\r\n\n> line1  \n> \\> line2\n"));
	assert_non_null(strstr(out,
		"<https://www.ukrinform.net/a%20b%3Cc%3E>"));
	assert_non_null(strstr(out,
		"## 2024\n\n### 2024 \u2014 Київ agreement\n\n"
		"- **Countries:** Canada, Ukraine\n\n"
		"Signed in Київ \\u{2067}isolate\\u{2069}.\u2028Next.\n"));
	assert_null(strstr(out, "## Sources"));
	free(out);
}

static void test_markdown_title_no_briefing(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_kyiv};
	ExportOptions opt = {.title = "Brief *one* #2"};
	char *out = run(EXPORT_MARKDOWN, ev, 1, &opt);
	const char *head = "# Brief \\*one\\* \\#2\n\n## 2024\n\n";
	assert_memory_equal(out, head, strlen(head));
	assert_null(strstr(out, "## Sources"));
	assert_null(strstr(out, "Date:**"));
	free(out);
}

/* The whole briefing: dated title, filters, one "##" section an event,
 * every source once at the end. */
static void test_briefing(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_bregancon, &ev_tallinn, &ev_kyiv};
	ExportOptions opt = {.title = "Briefing", .date = "2026-11-22",
	                     .filters = "window 2018 to 2024; search \"x\"",
	                     .briefing = true, .every_mark = true};
	char *out = run(EXPORT_MARKDOWN, ev, 3, &opt);
	assert_string_equal(out,
		"# Briefing \u2014 2026-11-22\n\n"
		"- **Filters in force:** window 2018 to 2024; search \"x\"\n"
		"- **Marked events:** 3, in timeline order (every marked event, "
		"whatever the filters)\n\n"
		"## 2019-08 \u2014 Macron and Putin agree at Brégançon\n\n"
		"- **Countries:** France, Russia\n"
		"- **Tags:** summit\n"
		"- **Date note:** 'last August' without a year\n\n"
		"At Brégançon, they agreed.\n\n"
		"> “My visit follows the agreements”\n\n"
		"Source: *Sputnik*, \"Paving Way: \"France\" & Russia\", 2019\n\n"
		"## 2023-12-20 \u2014 Tallinn Mechanism launched\n\n"
		"- **Countries:** Estonia, Ukraine\n"
		"- **Organizations:** NATO, EU, Council\n"
		"- **Tags:** capacity-building\n\n"
		"Estonia and partners launch the mechanism.\n\n"
		"> First line  \n"
		"> \tTabbed line\n"
		">\n"
		"> After a blank \"quoted\" and back\\\\slash\n\n"
		"Source: *ERR News*, \"Tallinn Mechanism launched\", 2023-12-20, "
		"<https://news.err.ee/1609199/tallinn-mechanism>\n\n"
		"## 2024 \u2014 Київ agreement\n\n"
		"- **Countries:** Canada, Ukraine\n\n"
		"Signed in Київ \\u{2067}isolate\\u{2069}.\u2028Next.\n\n"
		"> Text\n\n"
		"Source: *ERR News*, \"Tallinn Mechanism launched\", 2023-12-20, "
		"<https://news.err.ee/1609199/tallinn-mechanism>\n\n"
		"## Sources\n\n"
		"1. *Sputnik*, \"Paving Way: \"France\" & Russia\", 2019\n"
		"2. *ERR News*, \"Tallinn Mechanism launched\", 2023-12-20, "
		"<https://news.err.ee/1609199/tallinn-mechanism>\n");
	free(out);
}

/* No events: the head says so; no empty source list. */
static void test_briefing_empty(void **state)
{
	(void)state;
	ExportOptions opt = {.briefing = true};
	char *out = run(EXPORT_MARKDOWN, NULL, 0, &opt);
	assert_string_equal(out, "# Briefing\n\n"
	                         "- **Marked events:** 0, in timeline order "
	                         "(those that pass the filters)\n\n"
	                         "*No marked events.*\n\n");
	free(out);
}

/* The filters in words: whole years and months, countries by name. */
static void test_briefing_describe(void **state)
{
	(void)state;
	Filter f;
	filter_init(&f);
	Buf b = BUF_INIT;
	briefing_describe(&f, NULL, &b);
	assert_string_equal(buf_cstr(&b), "window 2018 to 2024");
	Date from, to;
	assert_null(date_parse("2023-06", 7, &from));
	assert_null(date_parse("2024-02", 7, &to));
	filter_set_window(&f, from, to);
	filter_add_country(&f, CC('U', 'A'));
	buf_clear(&b);
	briefing_describe(&f, "Tallinn", &b);
	assert_string_equal(buf_cstr(&b), "window 2023-06 to 2024-02; country "
	                    "Ukraine; search \"Tallinn\"");
	assert_null(date_parse("2023-06-02", 10, &from));
	assert_null(date_parse("2023-06-02", 10, &to));
	filter_set_window(&f, from, to);
	filter_add_country(&f, CC('E', 'E'));
	f.match_all = true;
	buf_clear(&b);
	briefing_describe(&f, "", &b);
	assert_string_equal(buf_cstr(&b), "window 2023-06-02; countries Estonia, "
	                    "Ukraine (all)");
	buf_free(&b);
	filter_free(&f);
}

/* Every marked event in timeline order, whatever the timeline shows;
 * the head is dated today and titled "Briefing". */
static void test_briefing_events(void **state)
{
	(void)state;
	Event *events[] = {(Event *)&ev_tallinn, (Event *)&ev_kyiv,
	                   (Event *)&ev_bregancon, (Event *)&ev_g7};
	Corpus c = {.events = events, .count = 4};
	Timeline *t = timeline_new(&c);
	Buf warn = BUF_INIT;
	Marks *m = marks_open(NULL, &warn);
	Buf err = BUF_INIT;
	assert_int_equal(marks_toggle(m, "kyiv-agreement-2024", &err), 0);
	assert_int_equal(marks_toggle(m, "bregancon-2019", &err), 0);
	assert_int_equal(marks_toggle(m, "not-in-content", &err), 0);
	Filter f;
	filter_init(&f);
	filter_set_search(&f, "nothing matches this");
	timeline_apply(t, &f);
	assert_int_equal(t->nshown, 0);
	size_t n = 99;
	const Event **ev = briefing_events(t, m, &n);
	assert_int_equal(n, 2);
	assert_ptr_equal(ev[0], &ev_bregancon);
	assert_ptr_equal(ev[1], &ev_kyiv);
	Briefing b;
	briefing_init(&b, &f, "nothing matches this");
	assert_string_equal(b.opt.title, "Briefing");
	assert_true(b.opt.briefing);
	assert_int_equal(strlen(b.opt.date), 10);
	assert_non_null(strstr(b.opt.filters, "search \"nothing matches this\""));
	Buf path = BUF_INIT;
	briefing_default_path(&b, &path);
	assert_int_equal(strncmp(buf_cstr(&path), "./briefing-", 11), 0);
	assert_non_null(strstr(buf_cstr(&path), b.opt.date));
	buf_free(&path);
	briefing_free(&b);
	free(ev);
	filter_free(&f);
	marks_free(m);
	buf_free(&warn);
	buf_free(&err);
	timeline_free(t);
}

/* A scratch directory for the file tests (removed by rm -rf at the end). */
static char *scratch(void)
{
	char tmpl[] = "/tmp/cyberline-export-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}


/* Files in dir, for "no temporary file left behind". */
static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return n;
}

/* Remove the scratch directory and what is in it. */
static void scratch_free(char *dir)
{
	Buf cmd = BUF_INIT;
	buf_printf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(buf_cstr(&cmd)), 0);
	buf_free(&cmd);
	free(dir);
}

/* Success writes the whole export; replacing a file keeps no temporary
 * file; a symlink keeps pointing at the (new) file. */
static void test_write_file(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_bregancon, &ev_tallinn};
	ExportOptions opt = {.briefing = true};
	char *dir = scratch(), *want = run(EXPORT_MARKDOWN, ev, 2, &opt);
	Buf path = BUF_INIT, link = BUF_INIT, err = BUF_INIT;
	buf_printf(&path, "%s/b.md", dir);
	buf_printf(&link, "%s/link.md", dir);
	FILE *fp = fopen(buf_cstr(&path), "w");
	fputs("old contents", fp);
	fclose(fp);
	assert_int_equal(export_write_file(buf_cstr(&path), EXPORT_MARKDOWN, ev,
	                                   2, &opt, &err), 0);
	char *got = test_read_file(buf_cstr(&path), NULL);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	assert_int_equal(entries(dir), 1);
	assert_int_equal(symlink("b.md", buf_cstr(&link)), 0);
	assert_int_equal(export_write_file(buf_cstr(&link), EXPORT_MARKDOWN, ev,
	                                   1, &opt, &err), 0);
	struct stat st;
	assert_int_equal(lstat(buf_cstr(&link), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	got = test_read_file(buf_cstr(&path), NULL);
	assert_non_null(got);
	assert_non_null(strstr(got, "- **Marked events:** 1,"));
	free(got);
	assert_int_equal(entries(dir), 2);
	assert_int_equal(err.len, 0);
	buf_free(&path);
	buf_free(&link);
	buf_free(&err);
	free(want);
	scratch_free(dir);
}

/* Failures name the path and the reason, leave an existing file as it
 * was and no temporary file. */
static void test_write_file_failures(void **state)
{
	(void)state;
	const Event *ev[] = {&ev_bregancon};
	char *dir = scratch();
	Buf path = BUF_INIT, err = BUF_INIT, want = BUF_INIT;
	buf_printf(&path, "%s/no/such/dir/b.md", dir);
	assert_int_equal(export_write_file(buf_cstr(&path), EXPORT_MARKDOWN, ev,
	                                   1, NULL, &err), -1);
	buf_printf(&want, "cannot write %s: No such file or directory",
	           buf_cstr(&path));
	assert_string_equal(buf_cstr(&err), buf_cstr(&want));
	buf_clear(&err);
	assert_int_equal(export_write_file(dir, EXPORT_MARKDOWN, ev, 1, NULL,
	                                   &err), -1);
	assert_non_null(strstr(buf_cstr(&err), ": it is a directory"));
	buf_clear(&err);
	assert_int_equal(export_write_file("/dev/null", EXPORT_MARKDOWN, ev, 1,
	                                   NULL, &err), -1);
	assert_string_equal(buf_cstr(&err),
	                    "cannot write /dev/null: it is not a regular file");
	/* A file in the way of a directory: ENOTDIR, the file untouched. */
	buf_clear(&path);
	buf_printf(&path, "%s/plain", dir);
	FILE *fp = fopen(buf_cstr(&path), "w");
	fputs("keep me", fp);
	fclose(fp);
	buf_puts(&path, "/b.md");
	buf_clear(&err);
	assert_int_equal(export_write_file(buf_cstr(&path), EXPORT_MARKDOWN, ev,
	                                   1, NULL, &err), -1);
	assert_non_null(strstr(buf_cstr(&err), "Not a directory"));
	buf_clear(&path);
	buf_printf(&path, "%s/plain", dir);
	char *got = test_read_file(buf_cstr(&path), NULL);
	assert_non_null(got);
	assert_string_equal(got, "keep me");
	free(got);
	assert_int_equal(entries(dir), 1);
	buf_free(&path);
	buf_free(&err);
	buf_free(&want);
	scratch_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_markdown_title_no_briefing),
		cmocka_unit_test(test_briefing),
		cmocka_unit_test(test_briefing_empty),
		cmocka_unit_test(test_briefing_describe),
		cmocka_unit_test(test_briefing_events),
		cmocka_unit_test(test_write_file),
		cmocka_unit_test(test_write_file_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
