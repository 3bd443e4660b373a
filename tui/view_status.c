/*
 * view_status.c - the status line: counts, active filters, marks,
 * problems, hints.
 *
 * "12 of 40 events  3 marked (1 not in this content)  Marked only
 *  Countries: Estonia, Ukraine (all)  Search: tallinn  3 problems (!)"
 * on the left, key hints on the right when they fit. A message
 * (ui_message: an export done, an error) comes first until the next key.
 * Key names in hints come from the command table, so they follow it.
 */
#include "ui_core.h"

#include <stdio.h>
#include <string.h>

#define STATUS_NAMES_MAX 3 /* country names shown before "+N" */

/* One hint: a command and what to call it. */
typedef struct StatusHint {
	Command cmd;
	const char *what;
} StatusHint;

static const StatusHint status_hints_list[] = {
	{CMD_READ, "read"}, {CMD_SEARCH, "search"}, {CMD_COUNTRIES, "countries"},
	{CMD_CLEAR, "clear"}, {CMD_MARK, "mark"}, {CMD_EXPORT, "export"},
	{CMD_HELP, "help"}, {CMD_QUIT, "quit"}, {CMD_NONE, NULL},
};
static const StatusHint status_hints_reader[] = {
	{CMD_BACK, "back"}, {CMD_DOWN, "scroll"}, {CMD_HELP, "help"},
	{CMD_QUIT, "quit"}, {CMD_NONE, NULL},
};
static const StatusHint status_hints_short[] = {
	{CMD_HELP, "help"}, {CMD_QUIT, "quit"}, {CMD_NONE, NULL},
};

/* The country filter by name: "Estonia, Ukraine (all)". */
static void status_countries(const Filter *f, Buf *out)
{
	size_t shown = 0;
	for (CountryCode c = 0; c < COUNTRY_CODES; c++) {
		if (!countryset_has(&f->countries, c))
			continue;
		if (shown == STATUS_NAMES_MAX) {
			buf_printf(out, " +%zu", f->ncountries - shown);
			break;
		}
		buf_puts(out, shown ? ", " : "Countries: ");
		country_name(c, out);
		shown++;
	}
	if (f->ncountries > 1)
		buf_puts(out, f->match_all ? " (all)" : " (any)");
}

/* Hints as "? help  q quit" into out. */
static void status_hint_text(const StatusHint *h, Buf *out)
{
	char key[16];
	for (; h->what; h++) {
		commands_first_key(h->cmd, key);
		buf_printf(out, "%s%s %s", out->len ? "  " : "", key, h->what);
	}
}

/* Put one segment after the previous ones; returns the new x. */
static int status_segment(Ui *ui, int x, UiRect a, const Buf *text, UiStyle st)
{
	if (x >= a.x + a.w)
		return x;
	x += term_put(ui->term, x, a.y, a.x + a.w - x, buf_cstr(text), text->len,
	              st);
	return x + 2;
}

/* The marks: "3 marked (1 not in this content)", "Marked only" and
 * "marks read-only" when the file could not be used. */
static int status_marks(Ui *ui, int x, UiRect a, Buf *seg)
{
	size_t n = marks_count(ui->marks);
	if (n) {
		buf_clear(seg);
		buf_printf(seg, "%zu marked", n);
		if (ui->dangling)
			buf_printf(seg, " (%zu not in this content)", ui->dangling);
		x = status_segment(ui, x, a, seg, ST_STATUS);
	}
	if (ui->marked_only) {
		buf_clear(seg);
		buf_puts(seg, "Marked only");
		x = status_segment(ui, x, a, seg, ST_STATUS);
	}
	if (marks_problem(ui->marks)) {
		buf_clear(seg);
		buf_puts(seg, "marks read-only");
		x = status_segment(ui, x, a, seg, ST_ERROR);
	}
	return x;
}

/* Paint the status line. */
static void status_draw(Ui *ui, void *priv, UiRect a)
{
	(void)priv;
	Buf seg = BUF_INIT;
	term_fill(ui->term, a.x, a.y, a.w, ST_STATUS);
	int x = a.x + 1;
	if (ui->message) {
		buf_puts(&seg, ui->message);
		x = status_segment(ui, x, a, &seg,
		                   ui->message_error ? ST_ERROR : ST_STATUS);
		buf_clear(&seg);
	}
	buf_printf(&seg, "%zu of %zu events", ui->tl->nshown, ui->corpus->count);
	x = status_segment(ui, x, a, &seg, ST_STATUS);
	x = status_marks(ui, x, a, &seg);
	if (ui->filter.ncountries) {
		buf_clear(&seg);
		status_countries(&ui->filter, &seg);
		x = status_segment(ui, x, a, &seg, ST_STATUS);
	}
	if (ui->search_text) {
		buf_clear(&seg);
		buf_printf(&seg, "Search: %s", ui->search_text);
		x = status_segment(ui, x, a, &seg, ST_STATUS);
	}
	if (ui->problems) {
		char key[16];
		commands_first_key(CMD_PROBLEMS, key);
		buf_clear(&seg);
		buf_printf(&seg, "%zu problem%s (%s)", ui->problems,
		           ui->problems == 1 ? "" : "s", key);
		x = status_segment(ui, x, a, &seg, ST_ERROR);
	}
	const StatusHint *sets[] = {
		ui->focus == FOCUS_READER ? status_hints_reader : status_hints_list,
		status_hints_short,
	};
	for (size_t i = 0; i < 2; i++) {
		buf_clear(&seg);
		status_hint_text(sets[i], &seg);
		int w = (int)seg.len;
		if (a.x + a.w - 1 - w >= x) {
			term_put_ui(ui->term, a.x + a.w - 1 - w, a.y, w, buf_cstr(&seg),
			            ST_STATUS);
			break;
		}
	}
	buf_free(&seg);
}

const struct view_ops view_status_ops = {
	.name = "status",
	.draw = status_draw,
};
