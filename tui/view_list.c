/*
 * view_list.c - the timeline list: events under year headers, one a line.
 *
 * A line is "▶ ● 2023-12-20≈ EE UA +3  Title": the pointer on the
 * selection, ● on a marked event, the date at its precision, ≈ when the
 * date was inferred (the event has a date_note), the country codes and
 * the title cut by display width. Only visible rows are drawn;
 * rows map to events through the year index (ui_row_at), so drawing and
 * paging cost the same for ten events or a hundred thousand.
 */
#include "ui_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_DATE_W 10   /* "2023-12-20" */
#define LIST_CODES_W 9   /* "EE UA +12" */
#define LIST_WHEEL 3     /* events per wheel notch */
#define LIST_MARK_W 4    /* "▶ ● " */

typedef struct ListView {
	size_t top; /* first visible row */
} ListView;

/* Make the private state. */
static void *list_open(Ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(ListView));
}

/* Free the private state. */
static void list_close(void *priv)
{
	free(priv);
}

/* Scroll so the selection (and its year header, when it is the first of
 * its year) is visible in h rows, without blank rows at the end. */
static void list_follow(const Ui *ui, ListView *lv, int h)
{
	size_t rows = ui_rows(ui), uh = (size_t)h;
	size_t row = ui_row_of(ui, ui->sel);
	size_t want = row;
	size_t k = ui_year_index(ui, ui->sel);
	if (ui->nyears && ui->ystart[k] == ui->sel && row > 0)
		want = row - 1;
	if (want < lv->top)
		lv->top = want;
	if (row >= lv->top + uh)
		lv->top = row - uh + 1;
	if (lv->top + uh > rows)
		lv->top = rows > uh ? rows - uh : 0;
}

/* The codes column: "EE UA PL", or "EE UA +9" when there are more. */
static void list_codes(const Event *e, char out[LIST_CODES_W + 8])
{
	size_t len = 0;
	uint32_t n = e->ncountries;
	uint32_t show = n <= 3 ? n : 2;
	out[0] = '\0';
	for (uint32_t i = 0; i < show; i++) {
		char code[3];
		country_unpack(e->countries[i], code);
		len += (size_t)snprintf(out + len, LIST_CODES_W + 8 - len, "%s%s",
		                        i ? " " : "", code);
	}
	if (show < n)
		snprintf(out + len, LIST_CODES_W + 8 - len, " +%u", n - show);
}

/* Draw one event row. */
static void list_draw_event(Ui *ui, const Event *e, bool selected, int x,
                            int y, int w)
{
	UiStyle st = !selected ? ST_NORMAL
		: ui->focus == FOCUS_LIST && ui->overlay == V_NONE ? ST_SELECTED
		: ui->overlay == V_PROMPT ? ST_SELECTED : ST_SELECTED_DIM;
	if (selected)
		term_fill(ui->term, x, y, w, st);
	int end = x + w, cx = x;
	if (selected)
		term_glyphs(ui->term, cx, y, G_POINTER, 1, st);
	if (w >= 4 && marks_has(ui->marks, e->id))
		term_glyphs(ui->term, cx + 2, y, G_MARK, 1,
		            selected ? st : ST_HEADER);
	cx += LIST_MARK_W;
	char date[DATE_TEXT_MAX];
	date_format(e->date, date);
	if (w >= 26) {
		term_put_ui(ui->term, cx, y, end - cx, date, st);
		if (e->date_note)
			term_glyphs(ui->term, cx + LIST_DATE_W, y, G_APPROX, 1, st);
		cx += LIST_DATE_W + 2;
	}
	if (w >= 50) {
		char codes[LIST_CODES_W + 8];
		list_codes(e, codes);
		term_put_ui(ui->term, cx, y, LIST_CODES_W, codes,
		            selected ? st : ST_DIM);
		cx += LIST_CODES_W + 1;
	}
	if (cx < end)
		term_put(ui->term, cx, y, end - cx, e->title, strlen(e->title), st);
}

/* Draw a year header: "2023 · 12 events". */
static void list_draw_header(Ui *ui, size_t k, int x, int y, int w)
{
	char text[64];
	size_t n = (k + 1 < ui->nyears ? ui->ystart[k + 1] : ui->tl->nshown) -
	           ui->ystart[k];
	snprintf(text, sizeof text, "%d", ui->yyear[k]);
	int used = term_put_ui(ui->term, x, y, w, text, ST_HEADER);
	snprintf(text, sizeof text, " %s %zu event%s", term_glyph(ui->term, G_DOT),
	         n, n == 1 ? "" : "s");
	term_put_display(ui->term, x + used, y, w - used, text, strlen(text),
	                 ST_DIM);
}

/* An empty list's message: a heading and a line saying what to do. */
static void list_say(Ui *ui, UiRect a, const char *heading, const char *hint)
{
	term_put_ui(ui->term, a.x + 2, a.y + 1, a.w - 2, heading, ST_HEADER);
	term_put_ui(ui->term, a.x + 2, a.y + 2, a.w - 2, hint, ST_NORMAL);
}

/* What an empty list says: no content at all, no marks, or nothing
 * matches; the keys named come from the key table. */
static void list_draw_empty(Ui *ui, UiRect a)
{
	char k1[16], k2[16], buf[160];
	if (ui->corpus->count == 0) {
		snprintf(buf, sizeof buf, "%zu YAML file%s read.", ui->corpus->nfiles,
		         ui->corpus->nfiles == 1 ? "" : "s");
		list_say(ui, a, "No events in this content.", buf);
	} else if (ui->marked_only && marks_count(ui->marks) == 0) {
		commands_first_key(CMD_MARKED_ONLY, k1);
		commands_first_key(CMD_MARK, k2);
		snprintf(buf, sizeof buf, "Press %s to show every event, then %s "
		         "to mark one.", k1, k2);
		list_say(ui, a, "No events are marked.", buf);
	} else {
		commands_first_key(CMD_CLEAR, k1);
		commands_first_key(CMD_BACK, k2);
		snprintf(buf, sizeof buf, "Press %s to clear all filters, %s to "
		         "clear the search.", k1, k2);
		list_say(ui, a, "No events match the current filters.", buf);
	}
}

/* Paint the visible rows. */
static void list_draw(Ui *ui, void *priv, UiRect a)
{
	ListView *lv = priv;
	if (ui->tl->nshown == 0) {
		lv->top = 0;
		list_draw_empty(ui, a);
		return;
	}
	list_follow(ui, lv, a.h);
	size_t rows = ui_rows(ui);
	for (int r = 0; r < a.h && lv->top + (size_t)r < rows; r++) {
		size_t ev = 0, yk = 0;
		if (ui_row_at(ui, lv->top + (size_t)r, &ev, &yk))
			list_draw_header(ui, yk, a.x, a.y + r, a.w);
		else
			list_draw_event(ui, ui->tl->shown[ev], ev == ui->sel, a.x,
			                a.y + r, a.w);
	}
}

/* Move the selection by delta events. */
static unsigned list_move(Ui *ui, long delta)
{
	size_t n = ui->tl->nshown;
	if (n == 0)
		return 0;
	long to = (long)ui->sel + delta;
	ui_select(ui, to < 0 ? 0 : (size_t)to);
	return UI_DRAW;
}

/* Events in one page: the list's last height, less one for context. */
static long list_page(const Ui *ui)
{
	int h = ui->views[V_LIST].area.h;
	return h > 2 ? h - 1 : 10;
}

/* Jump to the first event of the year dir years away. */
static unsigned list_year(Ui *ui, int dir)
{
	if (ui->nyears == 0)
		return 0;
	size_t k = ui_year_index(ui, ui->sel);
	if (dir < 0 && k > 0)
		k--;
	else if (dir > 0 && k + 1 < ui->nyears)
		k++;
	ui_select(ui, ui->ystart[k]);
	return UI_DRAW;
}

/* Commands the list knows. */
static unsigned list_command(Ui *ui, void *priv, Command cmd)
{
	(void)priv;
	switch (cmd) {
	case CMD_DOWN:
		return list_move(ui, 1);
	case CMD_UP:
		return list_move(ui, -1);
	case CMD_PAGE_DOWN:
		return list_move(ui, list_page(ui));
	case CMD_PAGE_UP:
		return list_move(ui, -list_page(ui));
	case CMD_FIRST:
		ui_select(ui, 0);
		return UI_DRAW;
	case CMD_LAST:
		ui_select(ui, ui->tl->nshown ? ui->tl->nshown - 1 : 0);
		return UI_DRAW;
	case CMD_PREV_YEAR:
		return list_year(ui, -1);
	case CMD_NEXT_YEAR:
		return list_year(ui, 1);
	case CMD_READ:
	case CMD_SWITCH:
		if (ui_selected(ui))
			ui->focus = FOCUS_READER;
		return UI_DRAW;
	case CMD_BACK:
		return ui->search_text ? ui_set_search(ui, NULL) : 0;
	default:
		return UI_PASS;
	}
}

/* Wheel moves the selection; a click selects the row (a header: the
 * year's first event) and focuses the list. */
static unsigned list_mouse(Ui *ui, void *priv, const UiInput *in, UiRect a)
{
	ListView *lv = priv;
	if (in->mouse == MOUSE_WHEEL_UP)
		return list_move(ui, -LIST_WHEEL);
	if (in->mouse == MOUSE_WHEEL_DOWN)
		return list_move(ui, LIST_WHEEL);
	size_t row = lv->top + (size_t)(in->my - a.y);
	if (ui->tl->nshown == 0 || row >= ui_rows(ui))
		return 0;
	size_t ev = 0, yk = 0;
	if (ui_row_at(ui, row, &ev, &yk))
		ev = ui->ystart[yk];
	ui_select(ui, ev);
	ui->focus = FOCUS_LIST;
	return UI_DRAW;
}

const struct view_ops view_list_ops = {
	.name = "list",
	.contexts = CTX_LIST,
	.open = list_open,
	.close = list_close,
	.draw = list_draw,
	.command = list_command,
	.mouse = list_mouse,
};
