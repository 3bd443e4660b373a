/*
 * diag.c - collecting and printing diagnostics; see diag.h.
 */
#include "diag.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

static const char *const level_names[] = {
	[DIAG_ERROR] = "error",
	[DIAG_WARNING] = "warning",
	[DIAG_NOTE] = "note",
};

/*
 * How many diagnostics of `file` the list already holds, and (*last) the
 * last error or warning among them. A note counts with the error it
 * follows (a note may name another file, so its own file says nothing).
 */
static size_t kept_for_file(const DiagList *l, const char *file, Diag **last)
{
	size_t n = 0, notes = 0;
	*last = NULL;
	for (size_t i = l->count; i-- > 0;) {
		if (l->items[i].level == DIAG_NOTE) {
			notes++;
			continue;
		}
		if (strcmp(l->items[i].file, file) != 0)
			break; /* diagnostics of a file are contiguous */
		if (!*last)
			*last = &l->items[i];
		n += notes + 1;
		notes = 0;
	}
	return n;
}

/* The file a new diagnostic counts against: its own, or for a note
 * (which may name another file) that of the error it follows. */
static const char *counted_file(const DiagList *l, DiagLevel level,
                                const char *file)
{
	for (size_t i = l->count; level == DIAG_NOTE && i-- > 0;)
		if (l->items[i].level != DIAG_NOTE)
			return l->items[i].file;
	return file;
}

void diag_vadd(DiagList *l, DiagLevel level, const char *file, unsigned line,
               unsigned col, const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR)
		l->errors++;
	else if (level == DIAG_WARNING)
		l->warnings++;
	Diag *last;
	size_t kept = kept_for_file(l, counted_file(l, level, file), &last);
	if (kept >= DIAG_PER_FILE_MAX && (level != DIAG_NOTE || last->suppressed)) {
		if (level != DIAG_NOTE)
			last->suppressed++;
		return;
	}
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	Buf msg = BUF_INIT;
	buf_vprintf(&msg, fmt, ap);
	l->items[l->count++] = (Diag){
		.file = xstrdup(file),
		.line = line,
		.col = col,
		.level = level,
		.message = buf_detach(&msg),
	};
}

void diag_add(DiagList *l, DiagLevel level, const char *file, unsigned line,
              unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(l, level, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_append(DiagList *dst, DiagList *src)
{
	if (dst->count + src->count > dst->cap) {
		dst->cap = dst->count + src->count;
		dst->items = xrealloc(dst->items, dst->cap * sizeof *dst->items);
	}
	if (src->count)
		memcpy(dst->items + dst->count, src->items,
		       src->count * sizeof *src->items);
	dst->count += src->count;
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->items);
	*src = (DiagList)DIAGLIST_INIT;
}

size_t diag_problems(const DiagList *l)
{
	return l->errors + l->warnings;
}

void diag_format(const Diag *d, Buf *out)
{
	text_escape(out, d->file, strlen(d->file), 0);
	if (d->line)
		buf_printf(out, ":%u", d->line);
	if (d->line && d->col)
		buf_printf(out, ":%u", d->col);
	buf_printf(out, ": %s: ", level_names[d->level]);
	text_escape(out, d->message, strlen(d->message), 0);
}

/* Format the "N more problems" line of d's file into line. */
static void format_more(const Diag *d, Buf *line)
{
	buf_clear(line);
	text_escape(line, d->file, strlen(d->file), 0);
	buf_printf(line, ": note: %u more problem%s in this file not shown",
	           d->suppressed, d->suppressed == 1 ? "" : "s");
}

void diag_render(const DiagList *l, DiagLineFn emit, void *ctx)
{
	Buf line = BUF_INIT;
	const Diag *more = NULL; /* emitted once its own notes are */
	for (size_t i = 0; i < l->count; i++) {
		const Diag *d = &l->items[i];
		if (more && d->level != DIAG_NOTE) {
			format_more(more, &line);
			emit(ctx, DIAG_NOTE, buf_cstr(&line));
			more = NULL;
		}
		buf_clear(&line);
		diag_format(d, &line);
		emit(ctx, d->level, buf_cstr(&line));
		if (d->suppressed)
			more = d;
	}
	if (more) {
		format_more(more, &line);
		emit(ctx, DIAG_NOTE, buf_cstr(&line));
	}
	buf_free(&line);
}

/* diag_render() sink writing each line to a stream. */
static void print_line(void *ctx, DiagLevel level, const char *line)
{
	(void)level;
	fprintf(ctx, "%s\n", line);
}

void diag_print(const DiagList *l, FILE *f)
{
	diag_render(l, print_line, f);
}

void diag_free(DiagList *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].file);
		free(l->items[i].message);
	}
	free(l->items);
	*l = (DiagList)DIAGLIST_INIT;
}
