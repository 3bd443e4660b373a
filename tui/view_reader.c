/*
 * view_reader.c - the selected event in full, wrapped to the pane.
 *
 * The reader lays the event out once per (event, width): every content
 * string goes through term_display() (escaped, transliterated in ASCII
 * mode) and then text_wrap() (ICU line breaking), and the lines are kept
 * in an arena until the event or the width changes. Drawing is then a
 * walk over the visible lines. With focus, the reader scrolls on its own;
 * a new selection starts at the top.
 */
#include "ui_core.h"

#include "load.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ReaderLine {
	const char *s; /* display text, owned by the arena */
	size_t n;
	UiStyle st;
	int indent;
	bool quote;    /* drawn after a quotation bar */
} ReaderLine;

typedef struct Reader {
	const Event *event; /* what the lines show */
	int width;          /* and at which width */
	Arena arena;
	ReaderLine *lines;
	size_t n, cap;
	size_t top;
	Buf disp;           /* scratch for one block of text */
	ReaderLine style;   /* style of the lines being emitted */
} Reader;

/* Make the private state. */
static void *reader_open(Ui *ui)
{
	(void)ui;
	Reader *r = xcalloc(1, sizeof *r);
	r->width = -1;
	return r;
}

/* Free the private state. */
static void reader_close(void *priv)
{
	Reader *r = priv;
	if (!r)
		return;
	arena_free(&r->arena);
	free(r->lines);
	buf_free(&r->disp);
	free(r);
}

/* text_wrap callback: keep one line in the current style. */
static void reader_emit(void *ctx, const char *s, size_t n)
{
	Reader *r = ctx;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->lines = xrealloc(r->lines, r->cap * sizeof *r->lines);
	}
	ReaderLine *l = &r->lines[r->n++];
	*l = r->style;
	l->s = arena_strndup(&r->arena, s, n);
	l->n = n;
}

/* Add label (our own ASCII text) followed by content (escaped here),
 * wrapped at the reader's width. */
static void reader_add(Ui *ui, Reader *r, const char *label,
                       const char *content, UiStyle st, int indent,
                       bool quote, unsigned flags)
{
	buf_clear(&r->disp);
	if (label)
		buf_puts(&r->disp, label);
	if (content)
		term_display(ui->term, &r->disp, content, strlen(content), flags);
	r->style = (ReaderLine){NULL, 0, st, indent, quote};
	int w = r->width - indent - (quote ? 2 : 0);
	text_wrap(buf_cstr(&r->disp), r->disp.len, w < 1 ? 1 : w, reader_emit, r);
}

/* An empty line. */
static void reader_blank(Reader *r)
{
	r->style = (ReaderLine){NULL, 0, ST_NORMAL, 0, false};
	reader_emit(r, "", 0);
}

/* Join a string list with ", " into out (raw; escaped later). */
static void reader_join(const StrList *l, Buf *out)
{
	for (uint32_t i = 0; i < l->count; i++)
		buf_printf(out, "%s%s", i ? ", " : "", l->items[i]);
}

/* Countries by name: "Estonia (EE), Ukraine (UA)". */
static void reader_countries(const Event *e, Buf *out)
{
	for (uint32_t i = 0; i < e->ncountries; i++) {
		char code[3];
		country_unpack(e->countries[i], code);
		if (i)
			buf_puts(out, ", ");
		country_name(e->countries[i], out);
		buf_printf(out, " (%s)", code);
	}
}

/* Date line, note, countries, organizations and tags. */
static void reader_add_facts(Ui *ui, Reader *r, const Event *e, Buf *tmp)
{
	char date[DATE_TEXT_MAX], line[64];
	date_format(e->date, date);
	snprintf(line, sizeof line, "Date: %s%s%s", date,
	         e->date_note ? " " : "",
	         e->date_note ? term_glyph(ui->term, G_APPROX) : "");
	reader_add(ui, r, line, e->date_note ? " inferred" : NULL, ST_NORMAL, 0,
	           false, 0);
	if (e->date_note)
		reader_add(ui, r, NULL, e->date_note, ST_DIM, 2, false, 0);
	buf_clear(tmp);
	reader_countries(e, tmp);
	reader_add(ui, r, "Countries: ", buf_cstr(tmp), ST_NORMAL, 0, false, 0);
	if (e->organizations.count) {
		buf_clear(tmp);
		reader_join(&e->organizations, tmp);
		reader_add(ui, r, "Organizations: ", buf_cstr(tmp), ST_NORMAL, 0,
		           false, 0);
	}
	if (e->tags.count) {
		buf_clear(tmp);
		reader_join(&e->tags, tmp);
		reader_add(ui, r, "Tags: ", buf_cstr(tmp), ST_DIM, 0, false, 0);
	}
}

/* Source block and related events. */
static void reader_add_source(Ui *ui, Reader *r, const Event *e, Buf *tmp)
{
	const Source *s = e->source;
	char date[DATE_TEXT_MAX], line[64];
	reader_blank(r);
	reader_add(ui, r, "Source", NULL, ST_HEADER, 0, false, 0);
	if (s) {
		buf_clear(tmp);
		buf_printf(tmp, "%s %s %s", s->outlet ? s->outlet : "",
		           term_glyph(ui->term, G_DASH), s->title ? s->title : "");
		reader_add(ui, r, NULL, buf_cstr(tmp), ST_NORMAL, 2, false, 0);
		date_format(s->published, date);
		snprintf(line, sizeof line, "Published: %s", date);
		reader_add(ui, r, line, NULL, ST_NORMAL, 2, false, 0);
		if (s->url)
			reader_add(ui, r, "URL: ", s->url, ST_NORMAL, 2, false, 0);
	}
	buf_clear(tmp);
	buf_printf(tmp, "%s:%u", e->file ? e->file : "?", (unsigned)e->line);
	reader_add(ui, r, "Id: ", e->id, ST_DIM, 2, false, 0);
	reader_add(ui, r, "File: ", buf_cstr(tmp), ST_DIM, 2, false, 0);
	if (e->related.count == 0)
		return;
	reader_blank(r);
	reader_add(ui, r, "Related", NULL, ST_HEADER, 0, false, 0);
	for (uint32_t i = 0; i < e->related.count; i++) {
		const Event *o = corpus_find(ui->corpus, e->related.items[i]);
		buf_clear(tmp);
		if (o) {
			date_format(o->date, date);
			buf_printf(tmp, "%s  %s", date, o->title);
		} else {
			buf_puts(tmp, e->related.items[i]);
		}
		reader_add(ui, r, NULL, buf_cstr(tmp), ST_NORMAL, 2, false, 0);
	}
}

/* Lay out the selected event at width w (no-op when already done). */
static void reader_layout(Ui *ui, Reader *r, int w)
{
	const Event *e = ui_selected(ui);
	if (e == r->event && w == r->width)
		return;
	if (e != r->event)
		r->top = 0;
	r->event = e;
	r->width = w;
	r->n = 0;
	arena_free(&r->arena);
	if (!e)
		return;
	Buf tmp = BUF_INIT;
	reader_add(ui, r, NULL, e->title, ST_TITLE, 0, false, 0);
	reader_add_facts(ui, r, e, &tmp);
	reader_blank(r);
	reader_add(ui, r, NULL, e->summary, ST_NORMAL, 0, false,
	           TEXT_KEEP_NEWLINE);
	if (e->excerpt && *e->excerpt) {
		reader_blank(r);
		reader_add(ui, r, "Excerpt", NULL, ST_HEADER, 0, false, 0);
		reader_add(ui, r, NULL, e->excerpt, ST_QUOTE, 0, true,
		           TEXT_KEEP_NEWLINE);
	}
	reader_add_source(ui, r, e, &tmp);
	buf_free(&tmp);
}

/* Rows for text in a pane of h rows: one is kept for the position line
 * when the event does not fit. */
static int reader_body(const Reader *r, int h)
{
	return r->n > (size_t)h && h > 1 ? h - 1 : h;
}

/* The largest useful scroll offset for a pane of h rows. */
static size_t reader_max_top(const Reader *r, int h)
{
	size_t body = (size_t)reader_body(r, h);
	return r->n > body ? r->n - body : 0;
}

/* Paint the visible lines, and how far down we are when it overflows. */
static void reader_draw(Ui *ui, void *priv, UiRect a)
{
	Reader *r = priv;
	reader_layout(ui, r, a.w - 2);
	if (!r->event) {
		term_put_ui(ui->term, a.x + 1, a.y, a.w - 1, "No event selected.",
		            ST_DIM);
		return;
	}
	if (r->top > reader_max_top(r, a.h))
		r->top = reader_max_top(r, a.h);
	int body = reader_body(r, a.h);
	for (int y = 0; y < body && r->top + (size_t)y < r->n; y++) {
		const ReaderLine *l = &r->lines[r->top + (size_t)y];
		int x = a.x + 1 + l->indent;
		if (l->quote)
			x += term_glyphs(ui->term, x, a.y + y, G_QUOTE, 1, ST_QUOTE) + 1;
		term_put_display(ui->term, x, a.y + y, a.x + a.w - x, l->s, l->n,
		                 l->st);
	}
	if (body < a.h) {
		char pos[64];
		size_t last = r->top + (size_t)body;
		snprintf(pos, sizeof pos, "lines %zu-%zu of %zu%s", r->top + 1,
		         last, r->n, last < r->n ? ", more below" : "");
		term_put_ui(ui->term, a.x + 1, a.y + a.h - 1, a.w - 1, pos,
		            ui->focus == FOCUS_READER ? ST_HEADER : ST_DIM);
	}
}

/* Scroll by delta lines within the last drawn height. */
static unsigned reader_scroll(Ui *ui, Reader *r, long delta)
{
	UiRect a = ui->views[V_READER].area;
	int h = a.h > 0 ? a.h : 10;
	reader_layout(ui, r, r->width > 0 ? r->width : 40);
	long top = (long)r->top + delta;
	long max = (long)reader_max_top(r, h);
	r->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return UI_DRAW;
}

/* Commands the focused reader knows; the rest go back to the loop. */
static unsigned reader_command(Ui *ui, void *priv, Command cmd)
{
	Reader *r = priv;
	long page = ui->views[V_READER].area.h > 2
		? ui->views[V_READER].area.h - 1 : 10;
	switch (cmd) {
	case CMD_DOWN:
		return reader_scroll(ui, r, 1);
	case CMD_UP:
		return reader_scroll(ui, r, -1);
	case CMD_PAGE_DOWN:
		return reader_scroll(ui, r, page);
	case CMD_PAGE_UP:
		return reader_scroll(ui, r, -page);
	case CMD_FIRST:
		r->top = 0;
		return UI_DRAW;
	case CMD_LAST:
		return reader_scroll(ui, r, (long)r->n);
	case CMD_BACK:
	case CMD_SWITCH:
		ui->focus = FOCUS_LIST;
		return UI_DRAW;
	default:
		return UI_PASS;
	}
}

/* Wheel scrolls the reader; a click focuses it. */
static unsigned reader_mouse(Ui *ui, void *priv, const UiInput *in, UiRect a)
{
	(void)a;
	if (in->mouse == MOUSE_WHEEL_UP)
		return reader_scroll(ui, priv, -3);
	if (in->mouse == MOUSE_WHEEL_DOWN)
		return reader_scroll(ui, priv, 3);
	if (ui_selected(ui))
		ui->focus = FOCUS_READER;
	return UI_DRAW;
}

const struct view_ops view_reader_ops = {
	.name = "reader",
	.contexts = CTX_READER,
	.open = reader_open,
	.close = reader_close,
	.draw = reader_draw,
	.command = reader_command,
	.mouse = reader_mouse,
};
