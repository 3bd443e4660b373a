/*
 * export_writer.h - private to model/export*.c: what one format writer
 * is and the helpers the writers share. Callers use export.h only.
 *
 * export_write() drives a Writer: begin(), then event() for every event,
 * then end(). Each hook appends to run->out; the driver writes that
 * buffer to the stream after every hook, so memory stays bounded by one
 * event however long the list, and a failed write is noticed once, in
 * one place, not after every fputs.
 */
#ifndef CYBERLINE_EXPORT_WRITER_H
#define CYBERLINE_EXPORT_WRITER_H

#include "buf.h"
#include "export.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct ExportRun {
	Buf out;                     /* output of the current hook */
	const Event *const *events;  /* all of them, in the order given */
	size_t n;
	const ExportOptions *opt;    /* never NULL (defaults stand in) */
	int width;                   /* text: width of the countries column */
	void *state;                 /* a writer's own: begin sets, end frees */
} ExportRun;

typedef struct Writer {
	const char *name;  /* canonical name, for export_format_name() */
	const char *alias; /* also accepted by export_format_parse(), or NULL */
	/* Visit the events grouped by source (sources in order of first
	 * appearance, events in the given order within one source). */
	bool by_source;
	void (*begin)(ExportRun *r);                 /* optional */
	/* prev is the event visited before e, NULL for the first. */
	void (*event)(ExportRun *r, const Event *e, const Event *prev);
	void (*end)(ExportRun *r);                   /* optional */
} Writer;

extern const Writer export_text_writer;
extern const Writer export_tsv_writer;
extern const Writer export_json_writer;
extern const Writer export_markdown_writer;
extern const Writer export_yaml_writer;

/* s, or "" when s is NULL (an absent optional string). */
static inline const char *export_str(const char *s)
{
	return s ? s : "";
}

/*
 * The order in which to visit events[0..n) grouped by source: a
 * permutation of 0..n-1, malloc'd, the caller frees it. O(n log n).
 * Distinct sources in first-appearance order are the sources of the
 * events where the source changes along this order.
 */
size_t *export_group_by_source(const Event *const *events, size_t n);

/*
 * Decode the code point at s[*i] (s has n bytes) and advance *i past it.
 * An ill-formed sequence gives -1 and advances past its maximal
 * subpart (at least one byte), the Unicode rule for one U+FFFD each.
 */
int32_t export_next_char(const char *s, size_t n, size_t *i);

/* True for what must never reach a terminal raw: C0 controls, DEL, C1
 * controls and the bidi embedding/override/isolate controls. */
bool export_is_control(int32_t c);

/*
 * Append s (NUL-terminated) in double quotes, escaping through esc:
 * esc(out, c) appends an escape for code point c (-1: an invalid byte)
 * and returns true, or returns false to copy c unchanged. Runs of
 * unchanged text are copied in one piece.
 */
typedef bool (*ExportEscapeFn)(Buf *out, int32_t c);
void export_quote(Buf *out, const char *s, ExportEscapeFn esc);

#endif
