/*
 * test_load_files.c - the loader across files and directories
 * (load_corpus on temporary directories): duplicate ids between files and
 * `related` ids that name no event. Also replays every input the fuzzer
 * ever found (tests/fuzz/regressions/, relative to the project root).
 * test_load.c covers single files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "load.h"
#include "load_fixtures.h"
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- across files --------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char path[512];
	while (d && (ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void test_duplicate_ids_across_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/cyberline-unit.XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_file(dir, "a.yaml", HEADER SURVIVOR("shared") SURVIVOR("only-a"));
	write_file(dir, "b.yaml", HEADER SURVIVOR("only-b") SURVIVOR("shared"));
	const char *paths[] = {dir};
	Corpus *c = load_corpus(paths, 1, NULL);
	assert_int_equal(c->nfiles, 2);
	assert_int_equal(c->count, 3);
	assert_int_equal(c->diags.errors, 1);
	const Diag *d = first_error(c);
	assert_non_null(strstr(d->file, "b.yaml"));
	assert_int_equal(d->line, 12);
	assert_int_equal(d->col, 9);
	assert_non_null(strstr(d->message, "duplicate id `shared`"));
	const Diag *note = d + 1;
	assert_int_equal(note->level, DIAG_NOTE);
	assert_non_null(strstr(note->file, "a.yaml"));
	assert_int_equal(note->line, 6);
	assert_non_null(strstr(corpus_find(c, "shared")->file, "a.yaml"));
	corpus_free(c);
	remove_dir(dir);
}

static void test_related_missing(void **state)
{
	(void)state;
	Corpus *c = load(HEADER SURVIVOR("a")
		"  - id: b\n    date: 2023\n    title: t\n    countries: [EE]\n"
		"    summary: s\n    excerpt: e\n"
		"    related: [a, ghost, b]\n");
	assert_int_equal(c->count, 2);
	assert_int_equal(c->diags.errors, 2);
	const Diag *d = first_error(c);
	assert_int_equal(d->line, 18);
	assert_int_equal(d->col, 18);
	assert_non_null(strstr(d->message, "`ghost`"));
	assert_non_null(strstr(d[1].message, "lists itself"));
	const Event *b = corpus_find(c, "b");
	assert_int_equal(b->related.count, 1);
	assert_string_equal(b->related.items[0], "a");
	corpus_free(c);
}

/* ---- fuzz regressions ------------------------------------------------------ */


static void test_fuzz_regressions(void **state)
{
	(void)state;
	const char *dir = "tests/fuzz/regressions";
	DIR *d = opendir(dir);
	if (!d)
		return; /* run from elsewhere than the project root */
	struct dirent *ent;
	char path[512];
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.' || !strncmp(ent->d_name, "README", 6))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
		size_t len = 0;
		char *data = test_read_file(path, &len);
		assert_non_null(data);
		Corpus *c = load_buffer(path, data, len);
		Buf out = BUF_INIT;
		for (size_t i = 0; i < c->diags.count; i++)
			diag_format(&c->diags.items[i], &out);
		corpus_free(c);
		buf_free(&out);
		free(data);
	}
	closedir(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duplicate_ids_across_files),
		cmocka_unit_test(test_related_missing),
		cmocka_unit_test(test_fuzz_regressions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
