/*
 * test_marks.c - the marks store: where it lives, the round trip through
 * its file, atomic replacement (no temporary file left, a failed write
 * changes nothing), ids the content lacks, corrupt and unreadable files
 * (a warning, read-only, never overwritten) and two sessions at once.
 *
 * Every test works in its own directory under /tmp; nothing touches the
 * real home.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "marks.h"
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A scratch directory, made per test and removed by scratch_free. */
static char *scratch(void)
{
	char tmpl[] = "/tmp/cyberline-marks-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

/* rm -rf the scratch directory. */
static void scratch_free(char *dir)
{
	Buf cmd = BUF_INIT;
	buf_printf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(buf_cstr(&cmd)), 0);
	buf_free(&cmd);
	free(dir);
}

/* dir/name as a new string. */
static char *join(const char *dir, const char *name)
{
	Buf b = BUF_INIT;
	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b);
}

/* Write exactly n bytes to path. */
static void put(const char *path, const char *data, size_t n)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}


/* Names in dir, space-separated and sorted, for "nothing left over". */
static char *listing(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *names[64];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) && n < 64)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			names[n++] = xstrdup(de->d_name);
	closedir(d);
	for (size_t i = 1; i < n; i++) /* insertion sort: a handful */
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	Buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? " " : "", names[i]);
		free(names[i]);
	}
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* XDG_STATE_HOME when absolute, else HOME, else nothing. */
static void test_default_path(void **state)
{
	(void)state;
	setenv("XDG_STATE_HOME", "/state", 1);
	setenv("HOME", "/home/a", 1);
	char *p = marks_default_path();
	assert_string_equal(p, "/state/cyberline/marks");
	free(p);
	setenv("XDG_STATE_HOME", "relative/state", 1);
	p = marks_default_path();
	assert_string_equal(p, "/home/a/.local/state/cyberline/marks");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = marks_default_path();
	assert_string_equal(p, "/home/a/.local/state/cyberline/marks");
	free(p);
	setenv("HOME", "", 1);
	assert_null(marks_default_path());
}

/* Marks written at once, sorted under the header, read back the same;
 * missing directories are made private. */
static void test_round_trip(void **state)
{
	(void)state;
	char *dir = scratch(), *path = join(dir, "a/b/marks");
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *m = marks_open(path, &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(marks_count(m), 0);
	assert_null(marks_problem(m));
	assert_string_equal(marks_path(m), path);
	assert_int_equal(marks_toggle(m, "tallinn-2023", &err), 0);
	assert_int_equal(marks_toggle(m, "bregancon-2019", &err), 0);
	assert_int_equal(marks_toggle(m, "zz-last", &err), 0);
	assert_int_equal(marks_toggle(m, "zz-last", &err), 0); /* unmarks */
	assert_int_equal(err.len, 0);
	char *text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER "\nbregancon-2019\ntallinn-2023\n");
	free(text);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *sub = join(dir, "a");
	assert_int_equal(stat(sub, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(sub);
	marks_free(m);

	m = marks_open(path, &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(marks_count(m), 2);
	assert_true(marks_has(m, "tallinn-2023"));
	assert_true(marks_has(m, "bregancon-2019"));
	assert_false(marks_has(m, "zz-last"));
	Event e = {.id = "tallinn-2023"};
	assert_true(marks_filter_keep(m, &e));
	e.id = "other";
	assert_false(marks_filter_keep(m, &e));
	assert_int_equal(marks_clear(m, &err), 0);
	assert_int_equal(marks_count(m), 0);
	text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER "\n");
	free(text);
	marks_free(m);
	marks_free(NULL);
	buf_free(&warn);
	buf_free(&err);
	free(path);
	scratch_free(dir);
}

/* Each change replaces the file by rename (a new inode), leaves no
 * temporary file, and a write that fails changes nothing. */
static void test_atomic_replace(void **state)
{
	(void)state;
	char *dir = scratch(), *path = join(dir, "marks");
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *m = marks_open(path, &warn);
	assert_int_equal(marks_toggle(m, "one", &err), 0);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(marks_toggle(m, "two", &err), 0);
	assert_int_equal(stat(path, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	char *names = listing(dir);
	assert_string_equal(names, "marks");
	free(names);

	/* The temporary name is taken by a directory: the write fails. */
	Buf tmp = BUF_INIT;
	buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	assert_int_equal(mkdir(buf_cstr(&tmp), 0700), 0);
	assert_int_equal(marks_toggle(m, "three", &err), -1);
	assert_non_null(strstr(buf_cstr(&err), "cannot save marks to "));
	assert_non_null(strstr(buf_cstr(&err), path));
	assert_false(marks_has(m, "three"));
	assert_int_equal(marks_count(m), 2);
	buf_clear(&err);
	assert_int_equal(marks_toggle(m, "one", &err), -1); /* no unmark */
	assert_true(marks_has(m, "one"));
	assert_int_equal(marks_clear(m, &err), -1);
	assert_int_equal(marks_count(m), 2);
	char *text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER "\none\ntwo\n");
	free(text);
	rmdir(buf_cstr(&tmp));
	assert_int_equal(marks_toggle(m, "three", &err), 0);
	assert_null(marks_problem(m)); /* a failed write is not corruption */
	marks_free(m);

	/* A file where the directory should be: the error, nothing made. */
	char *blocker = join(dir, "file");
	put(blocker, "x", 1);
	char *inside = join(blocker, "marks");
	m = marks_open(inside, &warn);
	buf_clear(&err);
	assert_int_equal(marks_toggle(m, "one", &err), -1);
	assert_non_null(strstr(buf_cstr(&err), "Not a directory"));
	assert_int_equal(marks_count(m), 0);
	marks_free(m);
	free(inside);
	free(blocker);
	buf_free(&tmp);
	buf_free(&warn);
	buf_free(&err);
	free(path);
	scratch_free(dir);
}

/* Marked ids the content lacks are counted and kept in the file. */
static void test_dangling(void **state)
{
	(void)state;
	char *dir = scratch(), *path = join(dir, "marks");
	char *yaml = join(dir, "c.yaml");
	static const char content[] =
		"source:\n  title: \"T\"\n  outlet: \"O\"\n  published: 2024\n"
		"events:\n"
		"  - id: here-one\n    date: 2020\n    title: \"A\"\n"
		"    countries: [EE]\n    summary: \"s\"\n    excerpt: \"e\"\n"
		"  - id: here-two\n    date: 2021\n    title: \"B\"\n"
		"    countries: [UA]\n    summary: \"s\"\n    excerpt: \"e\"\n";
	put(yaml, content, strlen(content));
	const char *paths[] = {yaml};
	Corpus *c = load_corpus(paths, 1, NULL);
	assert_int_equal(c->diags.errors, 0);
	assert_int_equal(c->count, 2);
	static const char saved[] = MARKS_HEADER "\ngone-a\nhere-one\ngone-b\n";
	put(path, saved, strlen(saved));
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *m = marks_open(path, &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(marks_count(m), 3);
	assert_int_equal(marks_dangling(m, c), 2);
	assert_int_equal(marks_toggle(m, "here-two", &err), 0);
	assert_int_equal(marks_dangling(m, c), 2);
	char *text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER
	                    "\ngone-a\ngone-b\nhere-one\nhere-two\n");
	free(text);
	marks_free(m);
	corpus_free(c);
	buf_free(&warn);
	buf_free(&err);
	free(yaml);
	free(path);
	scratch_free(dir);
}

/* Files that are not marks files: a warning naming file and line, the
 * store read-only, the file never rewritten. */
static void test_corrupt(void **state)
{
	(void)state;
	static const struct {
		const char *data;
		size_t n;
		const char *says;
	} bad[] = {
		{"", 0, ":1: not a cyberline marks file"},
		{"# some other file\nid\n", 20, ":1: not a cyberline marks file"},
		{MARKS_HEADER "x\n", sizeof MARKS_HEADER + 1, ":1: not a cyberline"},
		{MARKS_HEADER "\nok-id\nNot An Id\n", sizeof MARKS_HEADER + 16,
		 ":3: \"Not An Id\" is not an event id"},
		{MARKS_HEADER "\nok\0id\n", sizeof MARKS_HEADER + 6,
		 ": holds binary data"},
		{MARKS_HEADER "\n-dash-first\n", sizeof MARKS_HEADER + 12,
		 ":2: \"-dash-first\" is not an event id"},
	};
	char *dir = scratch(), *path = join(dir, "marks");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		put(path, bad[i].data, bad[i].n);
		Buf warn = BUF_INIT, err = BUF_INIT;
		Marks *m = marks_open(path, &warn);
		if (!strstr(buf_cstr(&warn), bad[i].says))
			fail_msg("case %zu: warning \"%s\"", i, buf_cstr(&warn));
		assert_non_null(strstr(buf_cstr(&warn), path));
		assert_non_null(strstr(buf_cstr(&warn), "read-only"));
		assert_non_null(marks_problem(m));
		assert_int_equal(marks_count(m), 0);
		assert_int_equal(marks_toggle(m, "new-id", &err), -1);
		assert_non_null(strstr(buf_cstr(&err), "read-only"));
		assert_int_equal(marks_clear(m, &err), -1);
		assert_false(marks_has(m, "new-id"));
		char *text = test_read_file(path, NULL);
		assert_memory_equal(text, bad[i].data, bad[i].n);
		free(text);
		marks_free(m);
		buf_free(&warn);
		buf_free(&err);
	}
	char *names = listing(dir);
	assert_string_equal(names, "marks");
	free(names);
	free(path);
	scratch_free(dir);
}

/* A directory where the file should be cannot be read: read-only. And
 * a file that turns corrupt behind our back stops the next write. */
static void test_unreadable(void **state)
{
	(void)state;
	char *dir = scratch();
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *m = marks_open(dir, &warn);
	assert_non_null(strstr(buf_cstr(&warn), "cannot read"));
	assert_non_null(marks_problem(m));
	assert_int_equal(marks_toggle(m, "x", &err), -1);
	marks_free(m);

	char *path = join(dir, "marks");
	buf_clear(&warn);
	m = marks_open(path, &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(marks_toggle(m, "x", &err), 0);
	put(path, "garbage", 7);
	buf_clear(&err);
	assert_int_equal(marks_toggle(m, "y", &err), -1);
	assert_non_null(strstr(buf_cstr(&err), "not a cyberline marks file"));
	assert_non_null(marks_problem(m));
	assert_true(marks_has(m, "x")); /* what was shown stays */
	char *text = test_read_file(path, NULL);
	assert_string_equal(text, "garbage");
	free(text);
	marks_free(m);
	buf_free(&warn);
	buf_free(&err);
	free(path);
	scratch_free(dir);
}

/* Two sessions on one file keep each other's marks. */
static void test_two_sessions(void **state)
{
	(void)state;
	char *dir = scratch(), *path = join(dir, "marks");
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *a = marks_open(path, &warn), *b = marks_open(path, &warn);
	assert_int_equal(marks_toggle(a, "from-a", &err), 0);
	assert_int_equal(marks_toggle(b, "from-b", &err), 0);
	assert_true(marks_has(b, "from-a"));
	char *text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER "\nfrom-a\nfrom-b\n");
	free(text);
	/* The file removed by hand: the session's own marks are written. */
	unlink(path);
	assert_int_equal(marks_toggle(a, "again", &err), 0);
	text = test_read_file(path, NULL);
	assert_string_equal(text, MARKS_HEADER "\nagain\nfrom-a\n");
	free(text);
	marks_free(a);
	marks_free(b);
	buf_free(&warn);
	buf_free(&err);
	free(path);
	scratch_free(dir);
}

/* Without a path: marks work for the session, with a warning. */
static void test_memory_only(void **state)
{
	(void)state;
	Buf warn = BUF_INIT, err = BUF_INIT;
	Marks *m = marks_open(NULL, &warn);
	assert_non_null(strstr(buf_cstr(&warn), "this session only"));
	assert_null(marks_path(m));
	assert_null(marks_problem(m));
	assert_int_equal(marks_toggle(m, "a", &err), 0);
	assert_true(marks_has(m, "a"));
	assert_int_equal(marks_count(m), 1);
	marks_free(m);
	buf_free(&warn);
	buf_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_atomic_replace),
		cmocka_unit_test(test_dangling),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_two_sessions),
		cmocka_unit_test(test_memory_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
