/*
 * view_countries.c - the country panel: pick countries by typed name.
 *
 * Lists every country the content mentions (English names from ICU, with
 * the code and the number of events), narrowed as you type: the typed
 * text and the names are both folded by text_fold, so "cote" finds Côte
 * d'Ivoire; one or two letters also match a code. Space toggles the
 * highlighted country, Tab switches any/all, Enter applies the choice to
 * the filter, Esc leaves it as it was. The choice is a working copy until
 * Enter. The country list is built once, on first open: one pass over
 * the corpus.
 */
#include "ui_core.h"
#include "ui_edit.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct CountryEntry {
	CountryCode code;
	char code_s[3], code_fold[3];
	char *name; /* ICU's English name, owned */
	char *fold; /* text_fold(name), owned */
	size_t count;
} CountryEntry;

typedef struct Panel {
	CountryEntry *all;
	size_t nall;
	bool built;
	size_t *match; /* indices into all that match the query */
	size_t nmatch;
	size_t cursor, top;
	int height;    /* list rows at the last draw */
	LineEdit query;
	CountrySet pick; /* the working choice */
	size_t npick;
	bool match_all;
} Panel;

/* Make the private state. */
static void *panel_open(Ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(Panel));
}

/* Free it. */
static void panel_close(void *priv)
{
	Panel *p = priv;
	if (!p)
		return;
	for (size_t i = 0; i < p->nall; i++) {
		free(p->all[i].name);
		free(p->all[i].fold);
	}
	free(p->all);
	free(p->match);
	edit_free(&p->query);
	free(p);
}

/* Order entries by folded name. */
static int panel_compare(const void *a, const void *b)
{
	return strcmp(((const CountryEntry *)a)->fold,
	              ((const CountryEntry *)b)->fold);
}

/* Count events per country and name each country present. */
static void panel_build(Ui *ui, Panel *p)
{
	size_t *counts = xcalloc(COUNTRY_CODES, sizeof *counts);
	for (size_t i = 0; i < ui->corpus->count; i++) {
		const Event *e = ui->corpus->events[i];
		for (uint32_t k = 0; k < e->ncountries; k++)
			if (e->countries[k] < COUNTRY_CODES)
				counts[e->countries[k]]++;
	}
	p->all = xcalloc(COUNTRY_CODES, sizeof *p->all);
	Buf name = BUF_INIT, fold = BUF_INIT;
	for (CountryCode c = 0; c < COUNTRY_CODES; c++) {
		if (!counts[c])
			continue;
		CountryEntry *en = &p->all[p->nall++];
		en->code = c;
		en->count = counts[c];
		country_unpack(c, en->code_s);
		en->code_fold[0] = (char)(en->code_s[0] - 'A' + 'a');
		en->code_fold[1] = (char)(en->code_s[1] - 'A' + 'a');
		buf_clear(&name);
		country_name(c, &name);
		buf_clear(&fold);
		text_fold(&fold, buf_cstr(&name), name.len);
		en->name = xstrdup(buf_cstr(&name));
		en->fold = xstrdup(buf_cstr(&fold));
	}
	buf_free(&name);
	buf_free(&fold);
	free(counts);
	qsort(p->all, p->nall, sizeof *p->all, panel_compare);
	p->match = xcalloc(p->nall ? p->nall : 1, sizeof *p->match);
	p->built = true;
}

/* Recompute which entries match the typed text. */
static void panel_rematch(Panel *p)
{
	Buf q = BUF_INIT;
	const char *text = edit_text(&p->query);
	text_fold(&q, text, strlen(text));
	const char *qs = buf_cstr(&q);
	size_t qn = q.len;
	p->nmatch = 0;
	for (size_t i = 0; i < p->nall; i++) {
		const CountryEntry *en = &p->all[i];
		if (qn == 0 || strstr(en->fold, qs) ||
		    (qn <= 2 && strncmp(en->code_fold, qs, qn) == 0))
			p->match[p->nmatch++] = i;
	}
	buf_free(&q);
	p->cursor = 0;
	p->top = 0;
}

/* Take a working copy of the filter's countries and clear the query. */
static void panel_show(Ui *ui, void *priv)
{
	Panel *p = priv;
	if (!p->built)
		panel_build(ui, p);
	p->pick = ui->filter.countries;
	p->npick = ui->filter.ncountries;
	p->match_all = ui->filter.match_all;
	edit_set(&p->query, NULL);
	panel_rematch(p);
}

/* "Estonia, Ukraine" for the working choice, into out (raw text). */
static void panel_choice(const Panel *p, Buf *out)
{
	size_t n = 0;
	for (CountryCode c = 0; c < COUNTRY_CODES && n < 6; c++)
		if (countryset_has(&p->pick, c)) {
			if (n++)
				buf_puts(out, ", ");
			country_name(c, out);
		}
	if (p->npick > n)
		buf_printf(out, " +%zu", p->npick - n);
}

/* The title bar and the lines above the list. */
static void panel_draw_head(Ui *ui, Panel *p, UiRect a)
{
	char k[4][16];
	Buf b = BUF_INIT;
	commands_first_key(CMD_TOGGLE, k[0]);
	commands_first_key(CMD_ANY_ALL, k[1]);
	commands_first_key(CMD_APPLY, k[2]);
	commands_first_key(CMD_CANCEL, k[3]);
	buf_printf(&b, "Countries  (%s toggles, %s any/all, %s applies, %s "
	           "cancels)", k[0], k[1], k[2], k[3]);
	term_fill(ui->term, a.x, a.y, a.w, ST_STATUS);
	term_put_ui(ui->term, a.x + 1, a.y, a.w - 1, buf_cstr(&b), ST_STATUS);
	int x = a.x + 1 + term_put_ui(ui->term, a.x + 1, a.y + 1, a.w - 1,
	                              "Find: ", ST_HEADER);
	edit_draw(&p->query, ui->term, x, a.y + 1, a.x + a.w - x, ST_NORMAL);
	buf_clear(&b);
	if (p->npick == 0) {
		buf_puts(&b, "None selected: every country is shown.");
	} else {
		buf_printf(&b, "Match %s of %zu: ", p->match_all ? "ALL" : "ANY",
		           p->npick);
		panel_choice(p, &b);
	}
	term_put(ui->term, a.x + 1, a.y + 2, a.w - 1, buf_cstr(&b), b.len,
	         p->npick ? ST_NORMAL : ST_DIM);
	buf_free(&b);
}

/* One entry: "[x] Estonia   EE   12". */
static void panel_draw_entry(Ui *ui, const Panel *p, const CountryEntry *en,
                             bool current, int x, int y, int w)
{
	UiStyle st = current ? ST_SELECTED : ST_NORMAL;
	if (current)
		term_fill(ui->term, x, y, w, st);
	char tail[32];
	snprintf(tail, sizeof tail, "  %s %6zu", en->code_s, en->count);
	int tw = (int)strlen(tail);
	term_put_ui(ui->term, x + 1, y, w - 1,
	            countryset_has(&p->pick, en->code) ? "[x]" : "[ ]", st);
	int nw = w - 5 - tw;
	if (nw < 4) {
		nw = w - 5;
		tw = 0;
	}
	term_put(ui->term, x + 5, y, nw, en->name, strlen(en->name), st);
	if (tw)
		term_put_ui(ui->term, x + w - tw, y, tw, tail, current ? st : ST_DIM);
}

/* Paint the panel over the main area. */
static void panel_draw(Ui *ui, void *priv, UiRect a)
{
	Panel *p = priv;
	panel_draw_head(ui, p, a);
	UiRect l = {a.x, a.y + 4, a.w, a.h - 4};
	p->height = l.h;
	if (l.h <= 0)
		return;
	if (p->nmatch == 0) {
		term_put_ui(ui->term, l.x + 1, l.y, l.w - 1,
		            p->nall ? "No country matches." :
		            "The content names no countries.", ST_DIM);
		return;
	}
	if (p->cursor < p->top)
		p->top = p->cursor;
	if (p->cursor >= p->top + (size_t)l.h)
		p->top = p->cursor - (size_t)l.h + 1;
	for (int r = 0; r < l.h && p->top + (size_t)r < p->nmatch; r++) {
		size_t i = p->top + (size_t)r;
		panel_draw_entry(ui, p, &p->all[p->match[i]], i == p->cursor, l.x,
		                 l.y + r, l.w);
	}
}

/* Move the cursor by delta entries. */
static unsigned panel_move(Panel *p, long delta)
{
	if (p->nmatch == 0)
		return 0;
	long to = (long)p->cursor + delta;
	long max = (long)p->nmatch - 1;
	p->cursor = (size_t)(to < 0 ? 0 : to > max ? max : to);
	return UI_DRAW;
}

/* Space: add or remove the highlighted country. */
static unsigned panel_toggle(Panel *p)
{
	if (p->nmatch == 0)
		return 0;
	CountryCode c = p->all[p->match[p->cursor]].code;
	if (countryset_has(&p->pick, c)) {
		p->pick.bits[c / 64] &= ~((uint64_t)1 << (c % 64));
		p->npick--;
	} else {
		countryset_add(&p->pick, c);
		p->npick++;
	}
	return UI_DRAW;
}

/* Enter: the working choice becomes the filter. */
static unsigned panel_apply(Ui *ui, Panel *p)
{
	filter_clear_countries(&ui->filter);
	for (CountryCode c = 0; c < COUNTRY_CODES; c++)
		if (countryset_has(&p->pick, c))
			filter_add_country(&ui->filter, c);
	ui->filter.match_all = p->match_all;
	ui_close_overlay(ui);
	return UI_FILTER | UI_DRAW;
}

/* Panel commands, then line editing of the query. */
static unsigned panel_command(Ui *ui, void *priv, Command cmd)
{
	Panel *p = priv;
	long page = p->height > 2 ? p->height - 1 : 1;
	switch (cmd) {
	case CMD_PANEL_DOWN:
		return panel_move(p, 1);
	case CMD_PANEL_UP:
		return panel_move(p, -1);
	case CMD_PANEL_PAGE_DOWN:
		return panel_move(p, page);
	case CMD_PANEL_PAGE_UP:
		return panel_move(p, -page);
	case CMD_TOGGLE:
		return panel_toggle(p);
	case CMD_ANY_ALL:
		p->match_all = !p->match_all;
		return UI_DRAW;
	case CMD_APPLY:
		return panel_apply(ui, p);
	case CMD_CANCEL:
		ui_close_overlay(ui);
		return UI_DRAW;
	default:
		break;
	}
	EditResult r = edit_command(&p->query, cmd);
	if (r == EDIT_CHANGED)
		panel_rematch(p);
	return r == EDIT_UNHANDLED ? UI_PASS : UI_DRAW;
}

/* Letters narrow the list. */
static unsigned panel_text(Ui *ui, void *priv, int ch)
{
	(void)ui;
	Panel *p = priv;
	edit_insert(&p->query, ch);
	panel_rematch(p);
	return UI_DRAW;
}

/* Wheel moves; a click on an entry toggles it. */
static unsigned panel_mouse(Ui *ui, void *priv, const UiInput *in, UiRect a)
{
	(void)ui;
	Panel *p = priv;
	if (in->mouse == MOUSE_WHEEL_UP)
		return panel_move(p, -3);
	if (in->mouse == MOUSE_WHEEL_DOWN)
		return panel_move(p, 3);
	long row = in->my - (a.y + 4);
	if (row < 0 || p->top + (size_t)row >= p->nmatch)
		return 0;
	p->cursor = p->top + (size_t)row;
	return panel_toggle(p);
}

const struct view_ops view_countries_ops = {
	.name = "countries",
	.contexts = CTX_PANEL | CTX_EDIT,
	.open = panel_open,
	.close = panel_close,
	.show = panel_show,
	.draw = panel_draw,
	.command = panel_command,
	.text = panel_text,
	.mouse = panel_mouse,
};
