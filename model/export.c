/*
 * export.c - the table of export formats and the loop that drives them;
 * see export.h. The formats themselves live in export_text.c (text and
 * TSV), export_json.c, export_markdown.c and export_yaml.c, each one
 * Writer of hooks (export_writer.h).
 *
 * Output is built in a Buf one hook at a time and written with fwrite,
 * so the one place that can fail is export_flush(); it remembers the
 * failure and export_write() reports it once at the end.
 */
#include "export_writer.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* Indexed by ExportFormat: adding a format is adding a line here. */
static const Writer *const writers[EXPORT_FORMATS] = {
	[EXPORT_TEXT] = &export_text_writer,
	[EXPORT_TSV] = &export_tsv_writer,
	[EXPORT_JSON] = &export_json_writer,
	[EXPORT_MARKDOWN] = &export_markdown_writer,
	[EXPORT_YAML] = &export_yaml_writer,
};

/* Look name up among the writers' names and aliases; *out is only set
 * on success. */
bool export_format_parse(const char *name, ExportFormat *out)
{
	for (int f = 0; f < EXPORT_FORMATS; f++) {
		const Writer *w = writers[f];
		if (strcmp(name, w->name) == 0 ||
		    (w->alias && strcmp(name, w->alias) == 0)) {
			*out = (ExportFormat)f;
			return true;
		}
	}
	return false;
}

/* A static string owned by the writer table. */
const char *export_format_name(ExportFormat f)
{
	return (unsigned)f < EXPORT_FORMATS ? writers[f]->name : NULL;
}

/*
 * Write what the last hook produced and empty the buffer. A short write
 * sets *failed; later writes are skipped so errno keeps the first cause.
 */
static void export_flush(ExportRun *r, FILE *out, bool *failed)
{
	if (r->out.len && !*failed &&
	    fwrite(r->out.data, 1, r->out.len, out) != r->out.len)
		*failed = true;
	buf_clear(&r->out);
}

/*
 * Drive writer f over the events: begin, each event (grouped by source
 * when the writer asks), end, flushing after each hook. After a failed
 * write the remaining events are skipped, but end() still runs to free
 * the writer's state. The events are borrowed; everything allocated
 * here is freed before returning.
 */
int export_write(FILE *out, ExportFormat f, const Event *const *events,
                 size_t n, const ExportOptions *opt)
{
	static const ExportOptions defaults = {0};
	if ((unsigned)f >= EXPORT_FORMATS) {
		errno = EINVAL;
		return -1;
	}
	const Writer *w = writers[f];
	ExportRun r = {.out = BUF_INIT, .events = events, .n = n,
	               .opt = opt ? opt : &defaults};
	size_t *order = w->by_source ? export_group_by_source(events, n) : NULL;
	bool failed = false;
	if (w->begin)
		w->begin(&r);
	export_flush(&r, out, &failed);
	const Event *prev = NULL;
	for (size_t k = 0; k < n && !failed; k++) {
		const Event *e = events[order ? order[k] : k];
		w->event(&r, e, prev);
		export_flush(&r, out, &failed);
		prev = e;
	}
	if (w->end)
		w->end(&r);
	export_flush(&r, out, &failed);
	free(order);
	buf_free(&r.out);
	/* Buffered streams only report a full disk when flushed. */
	if (!failed && (fflush(out) != 0 || ferror(out)))
		failed = true;
	return failed ? -1 : 0;
}

/* One event's place: its source and its index in the given order. */
typedef struct SourceRef {
	uintptr_t source;
	size_t first; /* index of the first event with this source */
	size_t index;
} SourceRef;

/* qsort order bringing each source's events together, in given order. */
static int compare_by_source(const void *a, const void *b)
{
	const SourceRef *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* qsort order putting groups in order of their first event. */
static int compare_by_first(const void *a, const void *b)
{
	const SourceRef *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* The permutation is malloc'd here and freed by the caller; see
 * export_writer.h. */
size_t *export_group_by_source(const Event *const *events, size_t n)
{
	/* Sort by source to find each source's first event, then by that
	 * first index: groups in first-appearance order, stable inside. */
	SourceRef *refs = xcalloc(n ? n : 1, sizeof *refs);
	for (size_t i = 0; i < n; i++)
		refs[i] = (SourceRef){(uintptr_t)events[i]->source, 0, i};
	qsort(refs, n, sizeof *refs, compare_by_source);
	for (size_t i = 0; i < n; i++)
		refs[i].first = i && refs[i].source == refs[i - 1].source
		                        ? refs[i - 1].first
		                        : refs[i].index;
	qsort(refs, n, sizeof *refs, compare_by_first);
	size_t *order = xcalloc(n ? n : 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = refs[i].index;
	free(refs);
	return order;
}

/* ICU's U8_NEXT does the decoding: it rejects overlongs, surrogates and
 * truncated sequences the same way text_valid_utf8() does. */
int32_t export_next_char(const char *s, size_t n, size_t *i)
{
	UChar32 c;
	U8_NEXT(s, *i, n, c);
	return c;
}

/* The same set text_escape() escapes, so all formats agree on it. */
bool export_is_control(int32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Printable ASCII other than '"' and '\' never needs escaping in JSON
 * or YAML, so only the rest is decoded and offered to esc. */
void export_quote(Buf *out, const char *s, ExportEscapeFn esc)
{
	size_t n = strlen(s), i = 0, run = 0;
	buf_putc(out, '"');
	while (i < n) {
		size_t start = i;
		int32_t c = export_next_char(s, n, &i);
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			continue; /* the common case: plain ASCII */
		buf_append(out, s + run, start - run);
		if (!esc(out, c))
			buf_append(out, s + start, i - start);
		run = i;
	}
	buf_append(out, s + run, n - run);
	buf_putc(out, '"');
}
