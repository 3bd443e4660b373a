/*
 * briefing.h - a briefing: the marked events in timeline order, written
 * by the Markdown exporter for a report. The UI's export (e) and
 * `cyberline --list --marked --format=markdown` both build it here, so
 * they write the same document.
 *
 * A Briefing holds what the document's head says: the title
 * (BRIEFING_TITLE), today's date and the filters in force in words. Its
 * `opt` points into the Briefing itself: do not copy one.
 */
#ifndef CYBERLINE_BRIEFING_H
#define CYBERLINE_BRIEFING_H

#include "date.h"
#include "export.h"
#include "marks.h"
#include "timeline.h"

#define BRIEFING_TITLE "Briefing"

typedef struct Briefing {
	char date[DATE_TEXT_MAX]; /* today, YYYY-MM-DD, local time */
	Buf filters;              /* the filters in words */
	ExportOptions opt;        /* title, date, filters, briefing = true */
} Briefing;

/*
 * Set b up for filter f; search is the search as the user typed it
 * (f holds it folded), NULL for none. briefing_free() releases it.
 */
void briefing_init(Briefing *b, const Filter *f, const char *search);
void briefing_free(Briefing *b);

/*
 * The filters in words, appended to out: "window 2018 to 2024;
 * countries Estonia, Ukraine (all); search "tallinn"". The window is
 * written in whole years or months when it covers them.
 */
void briefing_describe(const Filter *f, const char *search, Buf *out);

/*
 * Every marked event of t, in timeline order, whatever t shows now:
 * a malloc'd array the caller frees (the events stay the corpus's);
 * *n is set to its length (the array is never NULL).
 */
const Event **briefing_events(const Timeline *t, const Marks *m, size_t *n);

/* Where the UI offers to write: "./briefing-YYYY-MM-DD.md"; appended. */
void briefing_default_path(const Briefing *b, Buf *out);

#endif
