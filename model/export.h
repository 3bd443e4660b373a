/*
 * export.h - writing a list of events out: text, TSV, JSON Lines,
 * Markdown and the content YAML itself.
 *
 * Each format is one Writer (a table of three hooks) so a new format is a
 * new table entry, not a new branch. Writers escape whatever the format
 * needs: text output escapes terminal controls, TSV escapes tab, newline
 * and backslash, JSON follows RFC 8259, YAML writes double-quoted scalars
 * so anything loads back as the same string, Markdown escapes controls.
 *
 * text      Two lines an event, for a terminal:
 *             2019-11≈    FR, RU  Title
 *                         Outlet — Source title (id)
 *           The date is padded to 11 columns so every precision lines up;
 *           "≈" right after it marks a date that has a date_note
 *           (inferred or approximate). The countries column is as wide
 *           as the widest list in the export, at most 18 columns (five
 *           codes); a longer list pushes its own title right. Every
 *           string goes through text_escape(), flags 0.
 * tsv       A header line, then one line an event, 16 columns: id date
 *           countries title outlet date_note organizations tags summary
 *           excerpt related source_title published url file line. Lists
 *           are joined with ','. In values '\' is written "\\", and
 *           text_escape() writes TAB, LF, CR as \t \n \r, other C0, DEL
 *           and invalid bytes as \xHH, C1 and bidi controls as \u{XXXX};
 *           a ',' inside a list item is written \x2C. Absent: empty.
 * json      JSON Lines: {id, date, date_note, title, countries,
 *           organizations, tags, summary, excerpt, related, source{title,
 *           outlet, published, url, language}, file, line}, every key
 *           always present (null when absent, [] for an empty list),
 *           dates as strings at their precision. C0, DEL, C1 and bidi
 *           controls are escaped (\uXXXX or the short forms); an invalid
 *           byte becomes U+FFFD.
 * markdown  "# title" (ExportOptions), the date and filters below it,
 *           "## YEAR" whenever the year changes, "### DATE — TITLE" an
 *           event with countries by English name, organizations, tags,
 *           date note, summary, the excerpt quoted with every line
 *           prefixed "> " and the source cited (outlet, title, published
 *           date, url). With `briefing` (the marked events, for a
 *           report): "# TITLE — DATE", the filters in force and the
 *           number of events as a list, then one "## DATE — TITLE"
 *           section per event (no year headings), and a final
 *           "## Sources" list of each source once, in first-appearance
 *           order.
 * yaml      The content schema (one "---" document a distinct source, in
 *           first-appearance order, events in the given order within
 *           it), every string double-quoted and escaped, dates plain at
 *           their precision: loading the output gives the same events.
 *           One exception: a `related` id naming an event that is NOT
 *           among those exported is left out, since the loader would
 *           reject a dangling reference.
 */
#ifndef CYBERLINE_EXPORT_H
#define CYBERLINE_EXPORT_H

#include "buf.h"
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
	bool briefing;       /* Markdown: a briefing (see above) */
	bool every_mark;     /* briefing: the events are every marked event,
	                        whatever the filters (the UI's export); else
	                        the marked events that pass them (--list) */
} ExportOptions;

/* Parse a format name ("text", "tsv", "json", "markdown"/"md", "yaml");
 * false when unknown. */
bool export_format_parse(const char *name, ExportFormat *out);
/* The canonical name of each format, for --help; NULL out of range. */
const char *export_format_name(ExportFormat f);

/*
 * Write events[0..n) (already in the order wanted) to out in format f.
 * Returns 0, or -1 when a write failed (errno says why; the stream is
 * flushed before returning so a full disk is noticed) or f is not a
 * format (errno EINVAL). opt may be NULL. Output is built one event at
 * a time, so memory does not grow with n.
 */
int export_write(FILE *out, ExportFormat f, const Event *const *events,
                 size_t n, const ExportOptions *opt);

/*
 * Write the same to the file at path, atomically: the output goes to
 * "PATH.tmp.XXXXXX" beside it (mkstemp), is flushed and fsync'd, then
 * renamed over path (a symlink is followed: its target is replaced).
 * The new file gets mode 0666 less the umask. Returns 0, or -1 with
 * "cannot write PATH: REASON" appended to err; then no temporary file
 * is left and an existing file at path is untouched. A path naming
 * something other than a regular file (a directory, a device) fails.
 */
int export_write_file(const char *path, ExportFormat f,
                      const Event *const *events, size_t n,
                      const ExportOptions *opt, Buf *err);

#endif
