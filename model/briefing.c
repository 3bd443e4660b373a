/*
 * briefing.c - what a briefing holds and says about itself; see
 * briefing.h. The document itself is the Markdown writer's
 * (export_markdown.c, with ExportOptions.briefing).
 */
#include "briefing.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Today's local date as YYYY-MM-DD. */
static void briefing_today(char out[DATE_TEXT_MAX])
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) ||
	    strftime(out, DATE_TEXT_MAX, "%Y-%m-%d", &tm) == 0)
		strcpy(out, "today");
}

/* Fill the head: title, today, the filters in words. */
void briefing_init(Briefing *b, const Filter *f, const char *search)
{
	memset(b, 0, sizeof *b);
	briefing_today(b->date);
	briefing_describe(f, search, &b->filters);
	b->opt = (ExportOptions){
		.title = BRIEFING_TITLE,
		.date = b->date,
		.filters = buf_cstr(&b->filters),
		.briefing = true,
	};
}

/* Release the filters text; opt points nowhere afterwards. */
void briefing_free(Briefing *b)
{
	buf_free(&b->filters);
	b->opt = (ExportOptions){0};
}

/* One end of the window (yyyymmdd): a whole year or month when the day
 * is the period's first (start) or last (end). */
static void briefing_day(int32_t ymd, bool end, Buf *out)
{
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	if (end ? m == 12 && d == 31 : m == 1 && d == 1)
		buf_printf(out, "%04d", y);
	else if (end ? d == date_days_in_month(y, m) : d == 1)
		buf_printf(out, "%04d-%02d", y, m);
	else
		buf_printf(out, "%04d-%02d-%02d", y, m, d);
}

/* "window 2018 to 2024; countries Estonia, Ukraine (all); search "x"". */
void briefing_describe(const Filter *f, const char *search, Buf *out)
{
	Buf from = BUF_INIT, to = BUF_INIT;
	briefing_day(f->from, false, &from);
	briefing_day(f->to, true, &to);
	buf_printf(out, "window %s", buf_cstr(&from));
	if (strcmp(buf_cstr(&from), buf_cstr(&to)) != 0)
		buf_printf(out, " to %s", buf_cstr(&to));
	buf_free(&from);
	buf_free(&to);
	size_t k = 0;
	for (CountryCode c = 0; c < COUNTRY_CODES && f->ncountries; c++) {
		if (!countryset_has(&f->countries, c))
			continue;
		buf_puts(out, k++ ? ", " : f->ncountries > 1 ? "; countries "
		                                              : "; country ");
		country_name(c, out);
	}
	if (f->ncountries > 1)
		buf_puts(out, f->match_all ? " (all)" : " (any)");
	if (search && *search)
		buf_printf(out, "; search \"%s\"", search);
}

/* A pass over t->sorted keeping the marked events. */
const Event **briefing_events(const Timeline *t, const Marks *m, size_t *n)
{
	size_t cap = marks_count(m) + 1, k = 0;
	const Event **out = xmalloc(cap * sizeof *out);
	for (size_t i = 0; i < t->count && k < cap; i++)
		if (marks_has(m, t->sorted[i]->id))
			out[k++] = t->sorted[i];
	*n = k;
	return out;
}

/* "./briefing-2026-11-22.md": in the working directory, dated. */
void briefing_default_path(const Briefing *b, Buf *out)
{
	buf_printf(out, "./briefing-%s.md", b->date);
}
