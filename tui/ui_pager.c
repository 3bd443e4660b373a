/*
 * ui_pager.c - scrollable wrapped lines; see ui_pager.h.
 */
#include "ui_pager.h"

#include "ui_core.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Append a copy of one display line; rows are rewrapped at the next draw. */
void pager_add(Pager *p, UiStyle st, int hang, const char *s)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->lines = xrealloc(p->lines, p->cap * sizeof *p->lines);
	}
	p->lines[p->n++] = (PagerLine){xstrdup(s), st, hang};
	p->width = -1;
}

/* Drop every line and go back to the top. */
void pager_clear(Pager *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->lines[i].s);
	p->n = 0;
	p->nrows = 0;
	p->top = 0;
	p->width = -1;
}

/* Release everything; the pager is left empty and reusable. */
void pager_free(Pager *p)
{
	pager_clear(p);
	free(p->lines);
	free(p->rows);
	*p = (Pager)PAGER_INIT;
}

/* Context for wrapping one line into rows. */
typedef struct PagerWrap {
	Pager *p;
	const PagerLine *line;
	bool first;
} PagerWrap;

/* text_wrap callback: one row. */
static void pager_emit(void *ctx, const char *s, size_t n)
{
	PagerWrap *w = ctx;
	Pager *p = w->p;
	if (p->nrows == p->rcap) {
		p->rcap = p->rcap ? p->rcap * 2 : 64;
		p->rows = xrealloc(p->rows, p->rcap * sizeof *p->rows);
	}
	p->rows[p->nrows++] = (PagerRow){s, n, w->line->st,
	                                 w->first ? 0 : w->line->hang};
	w->first = false;
}

/* Rebuild the rows for width w. */
static void pager_wrap(Pager *p, int w)
{
	if (p->width == w)
		return;
	p->width = w;
	p->nrows = 0;
	for (size_t i = 0; i < p->n; i++) {
		PagerWrap ctx = {p, &p->lines[i], true};
		int cols = w - p->lines[i].hang;
		text_wrap(p->lines[i].s, strlen(p->lines[i].s), cols < 8 ? 8 : cols,
		          pager_emit, &ctx);
	}
}

/* Largest top for the last height. */
static size_t pager_max_top(const Pager *p)
{
	size_t h = p->height > 0 ? (size_t)p->height : 1;
	return p->nrows > h ? p->nrows - h : 0;
}

/* Title bar, then the wrapped rows from the scroll position. */
void pager_draw(Pager *p, Term *t, UiRect a, const char *title)
{
	term_fill(t, a.x, a.y, a.w, ST_STATUS);
	term_put_ui(t, a.x + 1, a.y, a.w - 1, title, ST_STATUS);
	pager_wrap(p, a.w - 2);
	p->height = a.h - 1;
	if (p->top > pager_max_top(p))
		p->top = pager_max_top(p);
	for (int y = 0; y < p->height && p->top + (size_t)y < p->nrows; y++) {
		const PagerRow *r = &p->rows[p->top + (size_t)y];
		int x = a.x + 1 + r->indent;
		term_put_display(t, x, a.y + 1 + y, a.x + a.w - x, r->s, r->n, r->st);
	}
}

/* Scroll by delta rows. */
static unsigned pager_scroll(Pager *p, long delta)
{
	long top = (long)p->top + delta, max = (long)pager_max_top(p);
	p->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return UI_DRAW;
}

/* Movement commands scroll; anything else is handed back. */
unsigned pager_command(Pager *p, Command cmd)
{
	long page = p->height > 2 ? p->height - 1 : 1;
	switch (cmd) {
	case CMD_DOWN:
		return pager_scroll(p, 1);
	case CMD_UP:
		return pager_scroll(p, -1);
	case CMD_PAGE_DOWN:
		return pager_scroll(p, page);
	case CMD_PAGE_UP:
		return pager_scroll(p, -page);
	case CMD_FIRST:
		p->top = 0;
		return UI_DRAW;
	case CMD_LAST:
		p->top = pager_max_top(p);
		return UI_DRAW;
	default:
		return UI_PASS;
	}
}

/* The wheel scrolls three rows. */
unsigned pager_mouse(Pager *p, const UiInput *in)
{
	if (in->mouse == MOUSE_WHEEL_UP)
		return pager_scroll(p, -3);
	if (in->mouse == MOUSE_WHEEL_DOWN)
		return pager_scroll(p, 3);
	return 0;
}
