/*
 * test_text.c - ICU-backed text services: folding (case, accents,
 * decomposed input, Cyrillic), NFC, width, cutting, wrapping, escaping,
 * transliteration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

/* The folded form of s as a fresh string (freed by the caller). */
static char *fold(const char *s)
{
	Buf b = BUF_INIT;
	text_fold(&b, s, strlen(s));
	return buf_detach(&b);
}

static void assert_same_fold(const char *a, const char *b)
{
	char *fa = fold(a), *fb = fold(b);
	assert_string_equal(fa, fb);
	free(fa);
	free(fb);
}

static void test_fold_case_and_accents(void **state)
{
	(void)state;
	assert_same_fold("Brégançon", "bregancon");
	assert_same_fold("BRÉGANÇON", "bregancon");
	assert_same_fold("Liinamäe", "LIINAMÄE");
	assert_same_fold("Liinamäe", "liinamae");
	/* Decomposed input: e + U+0301, c + U+0327. */
	assert_same_fold("Bre\xCC\x81ganc\xCC\xA7on", "Brégançon");
	assert_same_fold("Київ", "КИЇВ");
	assert_same_fold("Straße", "STRASSE");
	assert_same_fold("İSTANBUL", "istanbul");   /* İ: I + dot above */
	assert_same_fold("\xEF\xAC\x81nland", "FINLAND"); /* ﬁ ligature */
	assert_same_fold("Ｔａｌｌｉｎｎ", "tallinn");  /* fullwidth */
	/* U+FDFA decomposes to 18 characters: more than a first guess. */
	char *two = fold("\xEF\xB7\xBA\xEF\xB7\xBA"), *one = fold("\xEF\xB7\xBA");
	assert_true(strlen(one) > 18);
	assert_non_null(strstr(two, one));
	free(two);
	free(one);
	char *f = fold("Hello");
	assert_string_equal(f, "hello");
	free(f);
}

static void test_fold_cyrillic_decomposed(void **state)
{
	(void)state;
	/* "Київ" with ї written as і + U+0308. */
	assert_same_fold("Ки\xD1\x96\xCC\x88в", "Київ");
	char *hay = fold("Столиця — Київ.");
	char *needle = fold("київ");
	assert_non_null(strstr(hay, needle));
	free(hay);
	free(needle);
}

static void test_nfc(void **state)
{
	(void)state;
	Arena a = ARENA_INIT;
	size_t n;
	const char *in = "Bre\xCC\x81gan\xC3\xA7on";
	const char *s = text_nfc(&a, in, strlen(in), &n);
	assert_string_equal(s, "Brégançon");
	assert_int_equal(n, strlen("Brégançon"));
	s = text_nfc(&a, "plain", 5, &n);
	assert_string_equal(s, "plain");
	/* Singletons that NFC replaces although nothing composes: OHM SIGN,
	 * ANGSTROM SIGN, GREEK QUESTION MARK, a CJK compatibility ideograph. */
	in = "\xE2\x84\xA6 \xE2\x84\xAB \xCD\xBE \xEF\xA4\x80";
	s = text_nfc(&a, in, strlen(in), &n);
	assert_string_equal(s, "\xCE\xA9 \xC3\x85 ; \xE8\xB1\x88");
	arena_free(&a);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width("東京", strlen("東京")), 4);
	assert_int_equal(text_width("e\xCC\x81", 3), 1);          /* combining */
	assert_int_equal(text_width("\xF0\x9F\x98\x80", 4), 2);   /* emoji */
	assert_int_equal(text_width("Київ", strlen("Київ")), 4);
	/* What curses advances by: a soft hyphen is drawn; a ZWJ family is
	 * three wide emoji; an emoji without emoji presentation is 1. */
	assert_int_equal(text_width("a\xC2\xAD" "b", 4), 3);
	const char *family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"
	                     "\xE2\x80\x8D\xF0\x9F\x91\xA7";
	assert_int_equal(text_width(family, strlen(family)), 6);
	const char *shield = "\xF0\x9F\x9B\xA1\xEF\xB8\x8F"; /* U+1F6E1 FE0F */
	assert_int_equal(text_width(shield, strlen(shield)), 1);
}

static void test_fit_never_splits_clusters(void **state)
{
	(void)state;
	int used;
	const char *s = "東京abc";
	size_t n = text_fit(s, strlen(s), 3, &used);
	assert_int_equal(n, 3); /* one wide char: the second does not fit */
	assert_int_equal(used, 2);
	s = "ae\xCC\x81z";      /* a, e+combining, z */
	n = text_fit(s, strlen(s), 2, &used);
	assert_int_equal(n, 4); /* "ae\u0301" whole */
	assert_int_equal(used, 2);
}

typedef struct Lines {
	char text[16][64];
	int n;
} Lines;

static void collect(void *ctx, const char *line, size_t len)
{
	Lines *l = ctx;
	if (l->n < 16)
		snprintf(l->text[l->n++], 64, "%.*s", (int)len, line);
}

static void test_wrap(void **state)
{
	(void)state;
	Lines l = {.n = 0};
	const char *s = "The quick brown fox jumps over the lazy dog";
	text_wrap(s, strlen(s), 10, collect, &l);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.text[0], "The quick");
	assert_string_equal(l.text[1], "brown fox");
	for (int i = 0; i < l.n; i++)
		assert_true(strlen(l.text[i]) <= 10);
	l.n = 0;
	s = "one\n\ntwo";
	text_wrap(s, strlen(s), 20, collect, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.text[1], "");
	l.n = 0;
	s = "abcdefghijklmnop"; /* longer than a line: cut */
	text_wrap(s, strlen(s), 5, collect, &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.text[0], "abcde");
}

static void test_escape(void **state)
{
	(void)state;
	Buf b = BUF_INIT;
	const char *s = "a\x1b[31mb\x7f\xC2\x9B\xE2\x80\xAEz\t\n";
	text_escape(&b, s, strlen(s), 0);
	assert_string_equal(buf_cstr(&b),
	                    "a\\x1B[31mb\\x7F\\u{009B}\\u{202E}z\\t\\n");
	buf_clear(&b);
	text_escape(&b, "x\ty\nz", 5, TEXT_KEEP_TAB | TEXT_KEEP_NEWLINE);
	assert_string_equal(buf_cstr(&b), "x\ty\nz");
	buf_clear(&b);
	text_escape(&b, "bad\xff\xc3", 5, 0);
	assert_string_equal(buf_cstr(&b), "bad\\xFF\\xC3");
	buf_free(&b);
}

static void test_ascii(void **state)
{
	(void)state;
	TextAscii *t = text_ascii_new();
	Buf b = BUF_INIT;
	text_ascii(t, &b, "Brégançon", strlen("Brégançon"));
	assert_string_equal(buf_cstr(&b), "Bregancon");
	buf_clear(&b);
	text_ascii(t, &b, "Київ", strlen("Київ"));
	for (size_t i = 0; i < b.len; i++)
		assert_true((unsigned char)b.data[i] < 0x80);
	assert_true(b.len >= 4);
	buf_free(&b);
	text_ascii_free(t);
}

static void test_squeeze(void **state)
{
	(void)state;
	Buf b = BUF_INIT;
	text_squeeze_space(&b, "  a \n\t b  ", 10);
	assert_string_equal(buf_cstr(&b), "a b");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_case_and_accents),
		cmocka_unit_test(test_fold_cyrillic_decomposed),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit_never_splits_clusters),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_squeeze),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
