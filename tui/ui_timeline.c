/*
 * ui_timeline.c - the filtered timeline as the views walk it.
 *
 * After each filter change one linear pass over tl->shown counts events
 * per year (for the strip) and records where each year starts (for the
 * list's year headers). Every other question - which row holds what, which
 * year an event is in - is a binary search over those few years, so
 * moving and paging cost nothing that grows with the corpus.
 */
#include "ui_core.h"

#include <stdlib.h>
#include <string.h>

/* Years the strip shows: the filter's window, narrowed to the years the
 * corpus has when the window is wider than any screen could show. */
static void ui_strip_range(Ui *ui)
{
	int first = ui->filter.from / 10000, last = ui->filter.to / 10000;
	if (last - first > 60 && ui->tl->count > 0) {
		int lo = ui->tl->sorted[0]->date.year;
		int hi = ui->tl->sorted[ui->tl->count - 1]->date.year;
		first = first > lo ? first : lo;
		last = last < hi ? last : hi;
		if (last - first > 400)
			first = last - 400;
	}
	if (last < first)
		last = first;
	ui->year_first = first;
	ui->year_count = last - first + 1;
}

/* Re-apply the filter, rebuild the year index, keep the selection. */
void ui_refilter(Ui *ui)
{
	const Event *keep = ui_selected(ui);
	timeline_apply(ui->tl, &ui->filter);
	Timeline *tl = ui->tl;

	ui_strip_range(ui);
	free(ui->year_counts);
	ui->year_counts = xcalloc((size_t)ui->year_count, sizeof *ui->year_counts);
	free(ui->ystart);
	free(ui->yyear);
	ui->ystart = NULL;
	ui->yyear = NULL;
	ui->nyears = 0;
	size_t cap = 0;
	for (size_t i = 0; i < tl->nshown; i++) {
		int y = tl->shown[i]->date.year;
		if (y >= ui->year_first && y < ui->year_first + ui->year_count)
			ui->year_counts[y - ui->year_first]++;
		if (ui->nyears && ui->yyear[ui->nyears - 1] == y)
			continue;
		if (ui->nyears == cap) {
			cap = cap ? cap * 2 : 16;
			ui->ystart = xrealloc(ui->ystart, cap * sizeof *ui->ystart);
			ui->yyear = xrealloc(ui->yyear, cap * sizeof *ui->yyear);
		}
		ui->ystart[ui->nyears] = i;
		ui->yyear[ui->nyears++] = y;
	}
	ui->year_max = 0;
	for (int k = 0; k < ui->year_count; k++)
		if (ui->year_counts[k] > ui->year_max)
			ui->year_max = ui->year_counts[k];

	/* Keep the selected event if it is still shown, else the nearest. */
	size_t i = 0;
	if (keep && tl->nshown) {
		int32_t day = date_first_day(keep->date);
		i = timeline_seek(tl, day);
		for (size_t j = i; j < tl->nshown &&
		     date_first_day(tl->shown[j]->date) == day; j++)
			if (tl->shown[j] == keep) {
				i = j;
				break;
			}
	}
	ui_select(ui, i);
}

/* Free the year index. */
void ui_timeline_free(Ui *ui)
{
	free(ui->year_counts);
	free(ui->ystart);
	free(ui->yyear);
	ui->year_counts = NULL;
	ui->ystart = NULL;
	ui->yyear = NULL;
}

/* The selected event, or NULL when the list is empty. */
const Event *ui_selected(const Ui *ui)
{
	if (ui->sel >= ui->tl->nshown)
		return NULL;
	return ui->tl->shown[ui->sel];
}

/* Select shown index i, clamped to the list. */
void ui_select(Ui *ui, size_t i)
{
	size_t n = ui->tl->nshown;
	ui->sel = n == 0 ? 0 : i < n ? i : n - 1;
}

/* Which year (index into ystart) holds shown index i: binary search. */
size_t ui_year_index(const Ui *ui, size_t i)
{
	size_t lo = 0, hi = ui->nyears; /* last k with ystart[k] <= i */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ui->ystart[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* List rows: events plus year headers. */
size_t ui_rows(const Ui *ui)
{
	return ui->tl->nshown + ui->nyears;
}

/* The list row of shown index i. */
size_t ui_row_of(const Ui *ui, size_t i)
{
	if (ui->nyears == 0)
		return i;
	return i + ui_year_index(ui, i) + 1;
}

/* What list row r holds: a year header (true) or an event. */
bool ui_row_at(const Ui *ui, size_t r, size_t *event, size_t *year)
{
	/* Header k sits at row ystart[k] + k; find the last one <= r. */
	size_t lo = 0, hi = ui->nyears;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ui->ystart[mid] + mid <= r)
			lo = mid;
		else
			hi = mid;
	}
	if (ui->nyears && ui->ystart[lo] + lo == r) {
		*year = lo;
		return true;
	}
	*event = ui->nyears ? r - lo - 1 : r;
	return false;
}

/* Set the search as typed (filter_set_search folds it); asks to refilter. */
unsigned ui_set_search(Ui *ui, const char *text)
{
	free(ui->search_text);
	ui->search_text = text && *text ? xstrdup(text) : NULL;
	filter_set_search(&ui->filter, ui->search_text);
	return UI_FILTER;
}
