/*
 * export_markdown.c - a readable timeline or briefing in Markdown; see
 * export.h.
 *
 *   # Cyberline timeline          (or opt->title; date, filters below)
 *   ## 2019                       (a heading when the year changes)
 *   ### 2019-11-15 — Title
 *   - **Countries:** France, Russia   (names from ICU; then
 *                                      organizations, tags, date note)
 *   Summary, then the excerpt as a "> " quote (lines kept), then the
 *   source cited.
 *
 * With opt->briefing (the marked events, for a report) the title carries
 * the date, the filters and the number of events follow as a list, each
 * event is a "## 2019-11-15 — Title" section of its own (no year
 * headings), and a final "## Sources" lists each source once.
 *
 * Escaping is deliberately minimal: the punctuation that could start
 * markup in the middle of a line ( \ ` * _ [ ] < > # ~ ) gets a
 * backslash, every excerpt line gets the quote prefix so no line can
 * leave the quote, and all text goes through text_escape() so the file
 * is safe to cat. URLs are written as <autolinks> with spaces, angle
 * brackets and controls percent-encoded.
 */
#include "export_writer.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Append s[0..n): Markdown punctuation escaped, controls escaped with
 * text_escape(flags). */
static void md_text(Buf *o, const char *s, size_t n, unsigned flags)
{
	static const char active[] = "\\`*_[]<>#~";
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (!s[i] || !strchr(active, s[i]))
			continue;
		text_escape(o, s + run, i - run, flags);
		buf_putc(o, '\\');
		buf_putc(o, s[i]);
		run = i + 1;
	}
	text_escape(o, s + run, n - run, flags);
}

/* One-line text (titles, names): any newline shows as \n. */
static void md_line(Buf *o, const char *s)
{
	if (s)
		md_text(o, s, strlen(s), 0);
}

/* <url>, percent-encoding what would end the autolink or reach the
 * terminal raw. */
static void md_url(Buf *o, const char *url)
{
	size_t n = strlen(url), i = 0;
	buf_putc(o, '<');
	while (i < n) {
		size_t start = i;
		int32_t c = export_next_char(url, n, &i);
		if (c >= 0 && c != ' ' && c != '<' && c != '>' &&
		    !export_is_control(c)) {
			buf_append(o, url + start, i - start);
			continue;
		}
		for (; start < i; start++)
			buf_printf(o, "%%%02X", (unsigned char)url[start]);
	}
	buf_putc(o, '>');
}

/* *Outlet*, "Title", 2019-11-15, <url> */
static void md_cite(Buf *o, const Source *s)
{
	if (!s) {
		buf_puts(o, "unknown source");
		return;
	}
	char published[DATE_TEXT_MAX];
	date_format(s->published, published);
	buf_putc(o, '*');
	md_line(o, s->outlet);
	buf_puts(o, "*, \"");
	md_line(o, s->title);
	buf_putc(o, '"');
	if (published[0])
		buf_printf(o, ", %s", published);
	if (s->url) {
		buf_puts(o, ", ");
		md_url(o, s->url);
	}
}

/* A briefing's head: "# Title — date", the filters, how many events. */
static void md_begin_briefing(ExportRun *r)
{
	const ExportOptions *opt = r->opt;
	Buf *o = &r->out;
	buf_puts(o, "# ");
	md_line(o, opt->title ? opt->title : "Briefing");
	if (opt->date) {
		buf_puts(o, " \u2014 ");
		md_line(o, opt->date);
	}
	buf_puts(o, "\n\n");
	if (opt->filters) {
		buf_puts(o, "- **Filters in force:** ");
		md_line(o, opt->filters);
		buf_putc(o, '\n');
	}
	buf_printf(o, "- **Marked events:** %zu, in timeline order (%s)\n\n",
	           r->n, opt->every_mark ? "every marked event, whatever the "
	                                   "filters"
	                                 : "those that pass the filters");
	if (r->n == 0)
		buf_puts(o, "*No marked events.*\n\n");
}

/* The title, then the date and filters as a short list if given. */
static void md_begin(ExportRun *r)
{
	const ExportOptions *opt = r->opt;
	Buf *o = &r->out;
	if (opt->briefing) {
		md_begin_briefing(r);
		return;
	}
	buf_puts(o, "# ");
	md_line(o, opt->title ? opt->title : "Cyberline timeline");
	buf_puts(o, "\n\n");
	if (opt->date) {
		buf_puts(o, "- **Date:** ");
		md_line(o, opt->date);
		buf_putc(o, '\n');
	}
	if (opt->filters) {
		buf_puts(o, "- **Filters:** ");
		md_line(o, opt->filters);
		buf_putc(o, '\n');
	}
	if (opt->date || opt->filters)
		buf_putc(o, '\n');
}

/* "- **Label:** a, b" for a non-empty list. */
static void md_list(Buf *o, const char *label, const StrList *l)
{
	if (!l->count)
		return;
	buf_printf(o, "- **%s:** ", label);
	for (uint32_t i = 0; i < l->count; i++) {
		if (i)
			buf_puts(o, ", ");
		md_line(o, l->items[i]);
	}
	buf_putc(o, '\n');
}

/* "- **Countries:** Estonia, Ukraine", names from ICU. */
static void md_countries(Buf *o, const Event *e)
{
	if (!e->ncountries)
		return;
	buf_puts(o, "- **Countries:** ");
	for (uint32_t i = 0; i < e->ncountries; i++) {
		Buf name = BUF_INIT;
		country_name(e->countries[i], &name);
		if (i)
			buf_puts(o, ", ");
		md_text(o, buf_cstr(&name), name.len, 0);
		buf_free(&name);
	}
	buf_putc(o, '\n');
}

/* Every line prefixed, empty ones too, so a blank line in the excerpt
 * cannot end the quote and let the rest read as the exporter's text. A
 * line followed by another ends in two spaces, Markdown's hard line
 * break, so the excerpt keeps its lines when rendered, as in the reader. */
static void md_quote(Buf *o, const char *s)
{
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		buf_puts(o, len ? "> " : ">");
		md_text(o, s, len, TEXT_KEEP_TAB);
		if (len && nl && nl[1] && nl[1] != '\n')
			buf_puts(o, "  ");
		buf_putc(o, '\n');
		if (!nl)
			return;
		s = nl + 1;
	}
}

/* One event under its heading: in a timeline a year heading comes
 * first when the year differs from the previous event's (events come in
 * the given order, normally sorted by date); in a briefing each event is
 * a section of its own. */
static void md_event(ExportRun *r, const Event *e, const Event *prev)
{
	Buf *o = &r->out;
	char date[DATE_TEXT_MAX];
	date_format(e->date, date);
	if (r->opt->briefing)
		buf_printf(o, "## %s \u2014 ", date);
	else if (!prev || prev->date.year != e->date.year)
		buf_printf(o, "## %04d\n\n", e->date.year);
	if (!r->opt->briefing)
		buf_printf(o, "### %s \u2014 ", date);
	md_line(o, e->title);
	buf_puts(o, "\n\n");
	md_countries(o, e);
	md_list(o, "Organizations", &e->organizations);
	md_list(o, "Tags", &e->tags);
	if (e->date_note) {
		buf_puts(o, "- **Date note:** ");
		md_line(o, e->date_note);
		buf_putc(o, '\n');
	}
	if (e->summary) {
		buf_putc(o, '\n');
		md_text(o, e->summary, strlen(e->summary),
		        TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
		buf_putc(o, '\n');
	}
	if (e->excerpt && e->excerpt[0]) {
		buf_putc(o, '\n');
		md_quote(o, e->excerpt);
	}
	buf_puts(o, "\nSource: ");
	md_cite(o, e->source);
	buf_puts(o, "\n\n");
}

/* The briefing's source list: each distinct source once, in order of
 * first appearance. */
static void md_end(ExportRun *r)
{
	if (!r->opt->briefing || r->n == 0)
		return;
	Buf *o = &r->out;
	size_t *order = export_group_by_source(r->events, r->n);
	const Source *last = NULL;
	size_t number = 0;
	buf_puts(o, "## Sources\n\n");
	for (size_t k = 0; k < r->n; k++) {
		const Source *s = r->events[order[k]]->source;
		if (k && s == last)
			continue;
		buf_printf(o, "%zu. ", ++number);
		md_cite(o, s);
		buf_putc(o, '\n');
		last = s;
	}
	free(order);
}

const Writer export_markdown_writer = {
	.name = "markdown",
	.alias = "md",
	.begin = md_begin,
	.event = md_event,
	.end = md_end,
};
