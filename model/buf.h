/*
 * buf.h - a growable byte buffer, the one string builder used everywhere.
 *
 * A Buf always holds a NUL-terminated string once anything has been
 * appended (data may be NULL before that; use buf_cstr() to read safely).
 * The Buf owns its storage: buf_free() releases it, buf_detach() hands it
 * to the caller. Allocation failure aborts: a terminal tool has no better
 * recovery than a clear message and exit.
 *
 * Usage:  Buf b = BUF_INIT; buf_printf(&b, "%d events", n); puts(buf_cstr(&b));
 *         buf_free(&b);
 */
#ifndef CYBERLINE_BUF_H
#define CYBERLINE_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
	char *data;
	size_t len;
	size_t cap;
} Buf;

#define BUF_INIT {NULL, 0, 0}

void buf_reserve(Buf *b, size_t extra);
void buf_append(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* Forget the contents but keep the storage for reuse. */
void buf_clear(Buf *b);
/* The contents as a C string; "" for an empty Buf. Owned by the Buf. */
const char *buf_cstr(const Buf *b);
/* Hand the storage to the caller (free() it); the Buf is left empty. */
char *buf_detach(Buf *b);
void buf_free(Buf *b);

/* Allocation helpers that never return NULL (they abort with a message). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
