/*
 * text.h - Unicode text services over UTF-8, all backed by ICU.
 *
 * Content text is UTF-8 and untrusted. This module is the one place that
 * knows about normalisation (NFC on load), search folding (case- and
 * accent-blind), display width (East Asian width, combining marks, emoji),
 * grapheme-safe cutting, line breaking, ASCII transliteration for a C
 * locale, and escaping of anything a terminal would act on. Nothing here
 * keeps global state of its own; ICU's data is read-only and shared.
 *
 * All functions accept invalid UTF-8 without crashing: bad bytes count as
 * one column and are escaped as \xHH by text_escape().
 */
#ifndef CYBERLINE_TEXT_H
#define CYBERLINE_TEXT_H

#include "arena.h"
#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 (no surrogates, no overlongs). */
bool text_valid_utf8(const char *s, size_t n);

/*
 * The NFC form of s[0..n), NUL-terminated, allocated in arena a; *outlen
 * gets its length. ASCII and already-NFC text are copied without a trip
 * through UTF-16.
 */
char *text_nfc(Arena *a, const char *s, size_t n, size_t *outlen);

/*
 * Append to out the search key of s[0..n): decomposed, stripped of
 * combining marks, case-folded and recomposed, so that "Brégançon",
 * "BREGANCON" and a decomposed "Bre\u0301ganc\u0327on" all give "bregancon".
 * A needle and a haystack folded by this function match by plain substring.
 */
void text_fold(Buf *out, const char *s, size_t n);

/* Flags for text_escape(). */
enum {
	TEXT_KEEP_NEWLINE = 1, /* pass LF through (multi-line output) */
	TEXT_KEEP_TAB = 2,     /* pass TAB through */
};

/*
 * Append s[0..n) to out with every byte sequence a terminal could act on
 * made visible: C0 controls and DEL as \xHH (or \t, \n, \r), C1 controls
 * and bidi controls (U+202A-U+202E, U+2066-U+2069) as \u{XXXX}, and
 * invalid UTF-8 bytes as \xHH. Everything else is copied unchanged.
 */
void text_escape(Buf *out, const char *s, size_t n, unsigned flags);

/* Display columns of s[0..n), as a terminal draws them (wcwidth):
 * East Asian wide and fullwidth (emoji among them) count 2, combining
 * marks and zero-width format characters 0, the soft hyphen 1. */
int text_width(const char *s, size_t n);

/*
 * How many bytes of s[0..n) fit in `cols` display columns without cutting
 * a grapheme cluster; *used (if not NULL) gets the columns they take.
 */
size_t text_fit(const char *s, size_t n, int cols, int *used);

/*
 * Break s[0..n) into lines of at most `cols` columns at ICU line-break
 * opportunities (a word longer than a line is cut by grapheme). Calls
 * emit(ctx, start, len) for each line, trailing spaces excluded; hard
 * newlines in s always break. Returns the number of lines.
 */
typedef void (*TextLineFn)(void *ctx, const char *line, size_t len);
size_t text_wrap(const char *s, size_t n, int cols, TextLineFn emit, void *ctx);

/*
 * ASCII transliteration for terminals that cannot show UTF-8 (LANG=C):
 * "Київ" -> "Kyiv", "Brégançon" -> "Bregancon"; what ICU cannot map
 * becomes '?'. Opening the ICU transliterator is costly, so the caller
 * keeps one TextAscii (text_ascii_new) and frees it with text_ascii_free.
 */
typedef struct TextAscii TextAscii;
TextAscii *text_ascii_new(void);
void text_ascii_free(TextAscii *t);
void text_ascii(TextAscii *t, Buf *out, const char *s, size_t n);

/* Fold runs of white space to one space and trim both ends (appends). */
void text_squeeze_space(Buf *out, const char *s, size_t n);

#endif
