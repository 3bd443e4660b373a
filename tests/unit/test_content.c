/*
 * test_content.c - the bundled content holds to its sources: it loads
 * without a single diagnostic, every excerpt stands verbatim (white
 * space folded) in one of the seed articles, and every article is cited.
 *
 * Run from the project root (the test driver does). The seed articles
 * live outside the project, in ../shared/seeds; without them the source
 * check is skipped and prints why (the test driver lists every skip).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <glob.h>

#include "load.h"
#include "text.h"
#include "test_util.h"

#define SEEDS "../shared/seeds/*.txt"

typedef struct Seeds {
	char *text[16]; /* each article with white space folded */
	char *path[16];
	size_t count;
} Seeds;

/* A seed article with white space folded (malloc'd). */
static char *read_squeezed(const char *path)
{
	size_t len;
	char *raw = test_read_file(path, &len);
	assert_non_null(raw);
	Buf out = BUF_INIT;
	text_squeeze_space(&out, raw, len);
	free(raw);
	return buf_detach(&out);
}

static void load_seeds(Seeds *s)
{
	glob_t g;
	s->count = 0;
	if (glob(SEEDS, 0, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc && s->count < 16; i++) {
		s->path[s->count] = strdup(g.gl_pathv[i]);
		s->text[s->count++] = read_squeezed(g.gl_pathv[i]);
	}
	globfree(&g);
}

static void free_seeds(Seeds *s)
{
	for (size_t i = 0; i < s->count; i++) {
		free(s->text[i]);
		free(s->path[i]);
	}
}

static Corpus *load_content(void)
{
	const char *paths[] = {"content"};
	return load_corpus(paths, 1, NULL);
}

static void test_content_is_clean(void **state)
{
	(void)state;
	Corpus *c = load_content();
	if (c->diags.count)
		diag_print(&c->diags, stderr);
	assert_int_equal(c->diags.count, 0);
	assert_true(c->count >= 20);
	assert_int_equal(c->nsources, 5);
	corpus_free(c);
}

static void test_excerpts_are_verbatim(void **state)
{
	(void)state;
	Seeds s;
	load_seeds(&s);
	if (s.count == 0) {
		printf("# seed articles not found at %s: excerpts not checked\n",
		       SEEDS);
		skip();
	}
	Corpus *c = load_content();
	size_t *cited = calloc(s.count, sizeof *cited);
	for (size_t i = 0; i < c->count; i++) {
		Buf ex = BUF_INIT;
		const char *e = c->events[i]->excerpt;
		text_squeeze_space(&ex, e, strlen(e));
		size_t found = s.count;
		for (size_t k = 0; k < s.count && found == s.count; k++)
			if (strstr(s.text[k], buf_cstr(&ex)))
				found = k;
		if (found == s.count)
			fail_msg("%s: excerpt of `%s` is not verbatim in any seed:\n%s",
			         c->events[i]->file, c->events[i]->id, buf_cstr(&ex));
		cited[found]++;
		buf_free(&ex);
	}
	for (size_t k = 0; k < s.count; k++)
		if (!cited[k])
			fail_msg("%s is never cited", s.path[k]);
	free(cited);
	corpus_free(c);
	free_seeds(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_is_clean),
		cmocka_unit_test(test_excerpts_are_verbatim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
