/*
 * text_layout.c - how text occupies a terminal: display width,
 * grapheme-safe cutting, ICU line breaking and ASCII transliteration;
 * see text.h.
 *
 * Width rules follow what terminals do (wcwidth, which curses uses):
 * each code point is measured from ICU's data and a grapheme cluster
 * takes the sum of its code points; text is cut between clusters only.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

/*
 * Columns a terminal gives code point c: what wcwidth() answers (and so
 * what curses advances by), computed from ICU's data. Marks, format
 * characters and Hangul medial and final jamo take none, except the
 * soft hyphen, which terminals draw; East Asian wide and fullwidth
 * characters (emoji with emoji presentation among them) take two.
 */
static int codepoint_width(UChar32 c)
{
	if (c == 0xAD)
		return 1;
	int8_t type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
	    type == U_FORMAT_CHAR || type == U_CONTROL_CHAR)
		return 0;
	int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
	if (hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO)
		return 0;
	int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

/*
 * Width of the cluster s[start..end): the sum of its code points, as
 * the terminal will draw them. (Counting a cluster as its first code
 * point looks nicer for ZWJ emoji, but then curses, which advances per
 * code point, overruns the pane and garbles the next row.)
 */
static int cluster_width_at(const char *s, size_t start, size_t end)
{
	int width = 0;
	for (size_t i = start; i < end;) {
		UChar32 c;
		U8_NEXT(s, i, end, c);
		width += c < 0 ? 1 : codepoint_width(c);
	}
	return width;
}

/* An ICU break iterator of `type` (grapheme clusters, line breaks)
 * over the UTF-8 s[0..n); NULL if ICU refuses. Close both with
 * ubrk_close() and utext_close(). */
static UBreakIterator *breaks_open(UBreakIteratorType type, const char *s,
                                   size_t n, UText **ut)
{
	UErrorCode err = U_ZERO_ERROR;
	*ut = utext_openUTF8(NULL, s, (int64_t)n, &err);
	UBreakIterator *bi = ubrk_open(type, "", NULL, 0, &err);
	if (U_SUCCESS(err))
		ubrk_setUText(bi, *ut, &err);
	if (U_FAILURE(err)) {
		ubrk_close(bi);
		utext_close(*ut);
		return NULL;
	}
	return bi;
}

/* Printable ASCII only: one column a byte, no ICU needed. */
static bool is_plain_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f)
			return false;
	}
	return true;
}

size_t text_fit(const char *s, size_t n, int cols, int *used)
{
	if (cols < 0)
		cols = 0;
	if (is_plain_ascii(s, n)) {
		size_t fit = n < (size_t)cols ? n : (size_t)cols;
		if (used)
			*used = (int)fit;
		return fit;
	}
	UText *ut;
	UBreakIterator *bi = breaks_open(UBRK_CHARACTER, s, n, &ut);
	int width = 0;
	size_t pos = 0;
	if (bi) {
		int32_t start = ubrk_first(bi);
		for (int32_t end = ubrk_next(bi); end != UBRK_DONE;
		     start = end, end = ubrk_next(bi)) {
			int w = cluster_width_at(s, (size_t)start, (size_t)end);
			if (width + w > cols)
				break;
			width += w;
			pos = (size_t)end;
		}
		ubrk_close(bi);
		utext_close(ut);
	}
	if (used)
		*used = width;
	return pos;
}

int text_width(const char *s, size_t n)
{
	int used;
	text_fit(s, n, n > (size_t)(1 << 29) ? 1 << 30 : (int)n * 2 + 1, &used);
	return used;
}

/* Length of line[0..n) without trailing spaces. */
static size_t trim_right(const char *line, size_t n)
{
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return n;
}

/*
 * The end of the longest line starting at `start` that fits in cols:
 * the furthest break opportunity that fits, or a grapheme cut when even
 * the first word is too long. Always advances by at least one byte.
 */
static size_t next_line_end(UBreakIterator *bi, const char *s, size_t n,
                            size_t start, int cols)
{
	size_t best = 0;
	for (int32_t b = bi ? ubrk_following(bi, (int32_t)start) : UBRK_DONE;
	     b != UBRK_DONE; b = ubrk_next(bi)) {
		size_t len = trim_right(s + start, (size_t)b - start);
		if (text_width(s + start, len) > cols)
			break;
		best = (size_t)b;
		if (best >= n)
			break;
	}
	if (best > start)
		return best;
	size_t cut = text_fit(s + start, n - start, cols, NULL);
	if (cut == 0) /* a cluster wider than the line: take it anyway */
		cut = text_fit(s + start, n - start, 2, NULL);
	return start + (cut ? cut : 1);
}

/* Wrap one paragraph (no LF inside); returns lines emitted. */
static size_t wrap_paragraph(const char *s, size_t n, int cols,
                             TextLineFn emit, void *ctx)
{
	if (n == 0 || text_width(s, n) <= cols) {
		emit(ctx, s, trim_right(s, n));
		return 1;
	}
	UText *ut = NULL;
	UBreakIterator *bi = breaks_open(UBRK_LINE, s, n, &ut);
	size_t lines = 0;
	for (size_t start = 0; start < n; lines++) {
		size_t end = next_line_end(bi, s, n, start, cols);
		emit(ctx, s + start, trim_right(s + start, end - start));
		start = end;
	}
	if (bi) {
		ubrk_close(bi);
		utext_close(ut);
	}
	return lines;
}

size_t text_wrap(const char *s, size_t n, int cols, TextLineFn emit, void *ctx)
{
	if (cols < 1)
		cols = 1;
	size_t lines = 0;
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - s) : n;
		size_t len = end - start;
		if (len && s[start + len - 1] == '\r')
			len--;
		lines += wrap_paragraph(s + start, len, cols, emit, ctx);
		if (!nl)
			break;
		start = end + 1;
	}
	return lines;
}

struct TextAscii {
	UTransliterator *trans;
};

TextAscii *text_ascii_new(void)
{
	TextAscii *t = xcalloc(1, sizeof *t);
	static const UChar id[] = u"Any-Latin; Latin-ASCII";
	UErrorCode err = U_ZERO_ERROR;
	t->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	if (U_FAILURE(err))
		t->trans = NULL;
	return t;
}

void text_ascii_free(TextAscii *t)
{
	if (!t)
		return;
	if (t->trans)
		utrans_close(t->trans);
	free(t);
}

void text_ascii(TextAscii *t, Buf *out, const char *s, size_t n)
{
	size_t i = 0;
	for (; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n || !t->trans) {
		for (size_t k = 0; k < n; k++)
			buf_putc(out, (unsigned char)s[k] < 0x80 ? s[k] : '?');
		return;
	}
	UChar *u = xmalloc((n + 1) * sizeof(UChar));
	int32_t len = 0;
	UErrorCode err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, (int32_t)n + 1, &len, s, (int32_t)n, 0xFFFD,
	                     NULL, &err);
	/* Transliteration works in place and may lengthen the text (an
	 * ideograph becomes a syllable or two); on overflow, grow and redo. */
	UChar *orig = xmalloc(((size_t)len + 1) * sizeof(UChar));
	memcpy(orig, u, (size_t)len * sizeof(UChar));
	int32_t olen = len;
	for (int32_t cap = olen * 4 + 16;; cap *= 2) {
		u = xrealloc(u, (size_t)cap * sizeof(UChar));
		memcpy(u, orig, (size_t)olen * sizeof(UChar));
		len = olen;
		int32_t limit = len;
		err = U_ZERO_ERROR;
		utrans_transUChars(t->trans, u, &len, cap, 0, &limit, &err);
		if (err != U_BUFFER_OVERFLOW_ERROR || cap > (1 << 24))
			break;
	}
	free(orig);
	for (int32_t k = 0; U_SUCCESS(err) && k < len; k++)
		buf_putc(out, u[k] < 0x80 ? (char)u[k] : '?');
	free(u);
}
