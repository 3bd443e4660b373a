/*
 * diag.h - diagnostics: what is wrong with the content, and where.
 *
 * A Diag is one gcc-style message, "path:line:column: error: message",
 * with 1-based positions pointing at the offending value. A DiagList
 * collects them in the order found and owns their text. The message may
 * quote content verbatim; diag_print() escapes it on the way out, so a
 * hostile file cannot drive the terminal through its own error message.
 *
 * Flood control: after DIAG_PER_FILE_MAX errors in one file, further ones
 * for that file are counted, not stored, and diag_print() says how many.
 */
#ifndef CYBERLINE_DIAG_H
#define CYBERLINE_DIAG_H

#include "buf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

#define DIAG_PER_FILE_MAX 10

typedef struct Diag {
	char *file;     /* owned by the DiagList */
	unsigned line;  /* 1-based; 0 when the whole file is meant */
	unsigned col;   /* 1-based; 0 when unknown */
	DiagLevel level;
	char *message;  /* owned by the DiagList; may hold raw content */
	unsigned suppressed; /* on the last kept diag of a file: how many more */
} Diag;

typedef struct DiagList {
	Diag *items;
	size_t count, cap;
	size_t errors;   /* every error, counting suppressed ones */
	size_t warnings; /* every warning, counting suppressed ones */
} DiagList;

#define DIAGLIST_INIT {NULL, 0, 0, 0, 0}

/* Record a diagnostic (the list copies file and the formatted message). */
void diag_add(DiagList *l, DiagLevel level, const char *file, unsigned line,
              unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void diag_vadd(DiagList *l, DiagLevel level, const char *file, unsigned line,
               unsigned col, const char *fmt, va_list ap);
/* Move every diagnostic of src to the end of dst; src is left empty. */
void diag_append(DiagList *dst, DiagList *src);
/* Number of errors and warnings, including suppressed ones. */
size_t diag_problems(const DiagList *l);
/* Format one diagnostic, escaped, without a newline. */
void diag_format(const Diag *d, Buf *out);
/*
 * Hand every line a reader should see to emit(): each diagnostic
 * formatted and escaped, and after a file's last kept error (and its
 * notes) the "N more problems in this file not shown" line.
 */
typedef void (*DiagLineFn)(void *ctx, DiagLevel level, const char *line);
void diag_render(const DiagList *l, DiagLineFn emit, void *ctx);
/* diag_render() to a stream, one line each. */
void diag_print(const DiagList *l, FILE *f);
void diag_free(DiagList *l);

#endif
