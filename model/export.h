/*
 * export.h - writing a list of events out: text, TSV, JSON Lines,
 * Markdown and the content YAML itself.
 *
 * Each format is one Writer (a table of three hooks) so a new format is a
 * new table entry, not a new branch. Writers escape whatever the format
 * needs: text output escapes terminal controls, TSV escapes tab, newline
 * and backslash, JSON follows RFC 8259, YAML writes double-quoted scalars
 * so anything loads back as the same string, Markdown escapes controls.
 */
#ifndef CYBERLINE_EXPORT_H
#define CYBERLINE_EXPORT_H

#include "event.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum ExportFormat {
	EXPORT_TEXT,
	EXPORT_TSV,
	EXPORT_JSON,
	EXPORT_MARKDOWN,
	EXPORT_YAML,
	EXPORT_FORMATS
} ExportFormat;

typedef struct ExportOptions {
	const char *title;   /* Markdown: document title (NULL: default) */
	const char *filters; /* Markdown: the filters in force, one line */
	const char *date;    /* Markdown: today's date shown in the title */
	bool briefing;       /* Markdown: full briefing with source list */
} ExportOptions;

/* Parse a format name ("text", "tsv", "json", "markdown"/"md", "yaml");
 * false when unknown. */
bool export_format_parse(const char *name, ExportFormat *out);
/* The name of each format, for --help. */
const char *export_format_name(ExportFormat f);

/*
 * Write events[0..n) (already in the order wanted) to out in format f.
 * Returns 0, or -1 when a write failed (errno says why).
 * opt may be NULL.
 */
int export_write(FILE *out, ExportFormat f, const Event *const *events,
                 size_t n, const ExportOptions *opt);

#endif
