/*
 * view_years.c - the year strip along the top.
 *
 * One cell per year of the window ("2021 ███ 4"): the bar is the year's
 * share of the busiest year under the current filters (counts come from
 * ui_refilter, once per filter change); the selected event's year is
 * highlighted. When the cells would be too narrow the strip shows a run
 * of years around the selected one. A click selects the year's first
 * event.
 */
#include "ui_core.h"

#include <stdio.h>
#include <string.h>

#define YEAR_CELL_MIN 5 /* "2021 " at least; below that, fewer years */

/* The years visible in a strip of width w: first index and how many,
 * and the width of each cell. */
static void years_span(const Ui *ui, int w, int *first, int *n, int *cell)
{
	int total = ui->year_count;
	int fit = w / YEAR_CELL_MIN;
	if (fit < 1)
		fit = 1;
	*n = total < fit ? total : fit;
	*first = 0;
	const Event *e = ui_selected(ui);
	if (*n < total && e) {
		int cur = e->date.year - ui->year_first;
		*first = cur - *n / 2;
		if (*first > total - *n)
			*first = total - *n;
		if (*first < 0)
			*first = 0;
	}
	*cell = *n ? w / *n : w;
}

/* Draw one year's cell: label, bar, count. */
static void years_draw_cell(Ui *ui, int k, int x, int y, int cell, bool current)
{
	char label[16], count[24];
	int year = ui->year_first + k;
	size_t c = ui->year_counts[k];
	snprintf(label, sizeof label, "%d", year);
	if (cell < 6)
		snprintf(label, sizeof label, "%02d", year % 100);
	int used = term_put_ui(ui->term, x, y, cell - 1, label,
	                       current ? ST_YEAR_CURRENT : ST_YEAR);
	int room = cell - used - 2; /* space after the label and the gap */
	if (room <= 0)
		return;
	snprintf(count, sizeof count, "%zu", c);
	int cw = (int)strlen(count);
	bool with_count = room >= cw + 3;
	int bar_room = with_count ? room - cw - 1 : room;
	int bar = 0;
	if (c > 0 && ui->year_max > 0) {
		bar = (int)((c * (size_t)bar_room + ui->year_max - 1) / ui->year_max);
		bar = bar < 1 ? 1 : bar > bar_room ? bar_room : bar;
	}
	int bx = x + used + 1;
	bx += term_glyphs(ui->term, bx, y, G_BAR, bar, ST_BAR);
	if (with_count)
		term_put_ui(ui->term, bx + 1, y, cw, count, ST_DIM);
}

/* Paint the strip. */
static void years_draw(Ui *ui, void *priv, UiRect a)
{
	(void)priv;
	int first, n, cell;
	years_span(ui, a.w, &first, &n, &cell);
	const Event *e = ui_selected(ui);
	int cur = e ? e->date.year - ui->year_first : -1;
	for (int i = 0; i < n; i++)
		years_draw_cell(ui, first + i, a.x + i * cell, a.y, cell,
		                first + i == cur);
}

/* A click on a year selects its first shown event. */
static unsigned years_mouse(Ui *ui, void *priv, const UiInput *in, UiRect a)
{
	(void)priv;
	if (in->mouse != MOUSE_CLICK)
		return 0;
	int first, n, cell;
	years_span(ui, a.w, &first, &n, &cell);
	if (cell <= 0)
		return 0;
	int year = ui->year_first + first + (in->mx - a.x) / cell;
	for (size_t k = 0; k < ui->nyears; k++)
		if (ui->yyear[k] == year) {
			ui_select(ui, ui->ystart[k]);
			return UI_DRAW;
		}
	return 0;
}

const struct view_ops view_years_ops = {
	.name = "years",
	.draw = years_draw,
	.mouse = years_mouse,
};
