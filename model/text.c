/*
 * text.c - Unicode services over UTF-8 via ICU; see text.h.
 *
 * ICU works in UTF-16, content is UTF-8. Conversions go through a small
 * U16 scratch type; pure ASCII, the common case, skips ICU entirely where
 * the answer is known (ASCII is already NFC, folds by tolower, is one
 * column a character).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

/* A UTF-16 copy of some UTF-8, freed with u16_free(). */
typedef struct U16 {
	UChar *s;
	int32_t len;
} U16;

/* Convert (invalid sequences become U+FFFD) into a fresh U16. */
static U16 u16_from_utf8(const char *s, size_t n)
{
	U16 u = {xmalloc((n + 1) * sizeof(UChar)), 0};
	UErrorCode err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u.s, (int32_t)n + 1, &u.len, s, (int32_t)n,
	                     0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		u.len = 0;
	return u;
}

/* Free a U16 made by u16_from_utf8() or u16_normalize(). */
static void u16_free(U16 *u)
{
	free(u->s);
	u->s = NULL;
}

/* Append UTF-16 s[0..len) to out as UTF-8 (ill-formed: U+FFFD). */
static void buf_append_utf16(Buf *out, const UChar *s, int32_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t need = 0;
	u_strToUTF8WithSub(NULL, 0, &need, s, len, 0xFFFD, NULL, &err);
	err = U_ZERO_ERROR;
	buf_reserve(out, (size_t)need);
	u_strToUTF8WithSub(out->data + out->len, need + 1, &need, s, len,
	                   0xFFFD, NULL, &err);
	if (U_SUCCESS(err))
		out->len += (size_t)need;
	out->data[out->len] = '\0';
}

/* Run an ICU normaliser over src into a fresh U16. A guess at the size
 * first; ICU says how much it needs when the guess is short (NFKD can
 * expand a character eighteen-fold). */
static U16 u16_normalize(const UNormalizer2 *norm, const U16 *src)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t cap = src->len * 3 + 16;
	U16 u = {xmalloc((size_t)cap * sizeof(UChar)), 0};
	u.len = unorm2_normalize(norm, src->s, src->len, u.s, cap, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		cap = u.len + 1;
		u.s = xrealloc(u.s, (size_t)cap * sizeof(UChar));
		err = U_ZERO_ERROR;
		u.len = unorm2_normalize(norm, src->s, src->len, u.s, cap, &err);
	}
	if (U_FAILURE(err))
		u.len = 0;
	return u;
}

bool text_valid_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0)
			return false;
	}
	return true;
}

/*
 * Is code point c NFC on its own (quick check "yes") with nothing able
 * to compose with what precedes it (a boundary before it)? Text repeats
 * its letters, so each thread memoises ICU's answers in a small table:
 * a read-only cache of ICU data, invisible from outside, that made the
 * loader's NFC check cost a tenth of what asking ICU each time did.
 */
static bool nfc_stable(const UNormalizer2 *nfc, UChar32 c)
{
	static _Thread_local struct {
		UChar32 c; /* 0: empty (code points below U+0300 never come here) */
		bool ok;
	} memo[512];
	unsigned slot = (unsigned)c % 512;
	if (memo[slot].c == c)
		return memo[slot].ok;
	UChar one[2];
	int32_t len = 0;
	UErrorCode err = U_ZERO_ERROR;
	U16_APPEND_UNSAFE(one, len, c);
	bool ok = unorm2_hasBoundaryBefore(nfc, c) &&
	          unorm2_quickCheck(nfc, one, len, &err) == UNORM_YES;
	memo[slot].c = c;
	memo[slot].ok = ok;
	return ok;
}

/*
 * True when s[0..n) is already NFC, as nearly all real text is: then it
 * is copied as it is, without a trip through UTF-16. ASCII and Latin
 * below U+0300 need no lookup; anything else asks nfc_stable() (the
 * check catches singletons such as U+2126 OHM SIGN, which NFC replaces
 * though nothing composes with them).
 */
static bool nfc_already(const UNormalizer2 *nfc, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint64_t w;
		if (i + 8 <= n && (memcpy(&w, s + i, 8),
		                   !(w & 0x8080808080808080u))) {
			i += 8; /* eight ASCII bytes */
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c >= 0 && c < 0x300)
			continue;
		if (c < 0 || !nfc_stable(nfc, c))
			return false;
	}
	return true;
}

char *text_nfc(Arena *a, const char *s, size_t n, size_t *outlen)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err) || nfc_already(nfc, s, n)) {
		*outlen = n;
		return arena_strndup(a, s, n);
	}
	U16 u = u16_from_utf8(s, n);
	U16 norm = u16_normalize(nfc, &u);
	Buf b = BUF_INIT;
	buf_append_utf16(&b, norm.s, norm.len);
	u16_free(&u);
	u16_free(&norm);
	*outlen = b.len;
	char *r = arena_strndup(a, buf_cstr(&b), b.len);
	buf_free(&b);
	return r;
}

/*
 * Fold a run of non-ASCII text: NFKD, drop non-spacing marks, full case
 * folding. Folding works code point by code point, so folding the ASCII
 * and non-ASCII runs of a string apart gives the same key as folding it
 * whole; only the non-ASCII runs (usually single words) pay for ICU.
 */
static void fold_run(Buf *out, const char *s, size_t n)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&err);
	U16 u = u16_from_utf8(s, n);
	U16 d = u16_normalize(nfkd, &u);
	int32_t w = 0;
	for (int32_t r = 0; r < d.len;) {
		UChar32 c;
		int32_t start = r;
		U16_NEXT(d.s, r, d.len, c);
		if (u_charType(c) == U_NON_SPACING_MARK)
			continue;
		while (start < r)
			d.s[w++] = d.s[start++];
	}
	int32_t cap = w * 3 + 16;
	UChar *folded = xmalloc((size_t)cap * sizeof(UChar));
	err = U_ZERO_ERROR;
	int32_t flen = u_strFoldCase(folded, cap, d.s, w, U_FOLD_CASE_DEFAULT,
	                             &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) { /* size as ICU asks */
		folded = xrealloc(folded, ((size_t)flen + 1) * sizeof(UChar));
		err = U_ZERO_ERROR;
		flen = u_strFoldCase(folded, flen + 1, d.s, w,
		                     U_FOLD_CASE_DEFAULT, &err);
	}
	if (U_SUCCESS(err))
		buf_append_utf16(out, folded, flen);
	free(folded);
	u16_free(&u);
	u16_free(&d);
}

void text_fold(Buf *out, const char *s, size_t n)
{
	buf_reserve(out, n);
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
		buf_reserve(out, i - start);
		for (size_t k = start; k < i; k++) {
			char c = s[k];
			out->data[out->len++] = c >= 'A' && c <= 'Z' ? c + 32 : c;
		}
		out->data[out->len] = '\0';
		start = i;
		while (i < n && (unsigned char)s[i] >= 0x80)
			i++;
		if (i > start)
			fold_run(out, s + start, i - start);
	}
}

/* The bidi embeddings, overrides and isolates a terminal would obey. */
static bool is_bidi_control(UChar32 c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Escape form of one code point, or NULL when it passes through. */
static const char *escape_ascii(unsigned char c, unsigned flags)
{
	if (c == '\n')
		return flags & TEXT_KEEP_NEWLINE ? NULL : "\\n";
	if (c == '\t')
		return flags & TEXT_KEEP_TAB ? NULL : "\\t";
	if (c == '\r')
		return "\\r";
	return c < 0x20 || c == 0x7f ? "" : NULL;
}

void text_escape(Buf *out, const char *s, size_t n, unsigned flags)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			const char *e = escape_ascii(b, flags);
			if (!e)
				buf_putc(out, (char)b);
			else if (*e)
				buf_puts(out, e);
			else
				buf_printf(out, "\\x%02X", b);
			i++;
			continue;
		}
		size_t start = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0) {
			for (size_t k = start; k < i; k++)
				buf_printf(out, "\\x%02X", (unsigned char)s[k]);
		} else if ((c >= 0x80 && c <= 0x9f) || is_bidi_control(c)) {
			buf_printf(out, "\\u{%04X}", (unsigned)c);
		} else {
			buf_append(out, s + start, i - start);
		}
	}
}

void text_squeeze_space(Buf *out, const char *s, size_t n)
{
	size_t base = out->len;
	bool pending = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			pending = true;
			continue;
		}
		if (pending && out->len > base)
			buf_putc(out, ' ');
		pending = false;
		buf_putc(out, c);
	}
}
