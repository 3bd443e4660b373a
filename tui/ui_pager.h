/*
 * ui_pager.h - a scrollable page of lines: the help and problems views.
 *
 * Lines are display text (already made safe by term_display or our own
 * ASCII); the pager owns copies, wraps them to the width it is drawn at
 * (continuation rows indented by `hang`) and scrolls with the usual
 * movement commands.
 */
#ifndef CYBERLINE_UI_PAGER_H
#define CYBERLINE_UI_PAGER_H

#include "commands.h"

typedef struct PagerLine {
	char *s; /* owned */
	UiStyle st;
	int hang; /* indent of continuation rows */
} PagerLine;

typedef struct PagerRow {
	const char *s; /* into a PagerLine */
	size_t n;
	UiStyle st;
	int indent;
} PagerRow;

typedef struct Pager {
	PagerLine *lines;
	size_t n, cap;
	PagerRow *rows; /* lines wrapped at `width` */
	size_t nrows, rcap;
	int width;      /* -1: rows must be rebuilt */
	size_t top;
	int height;     /* rows shown at the last draw */
} Pager;

#define PAGER_INIT {NULL, 0, 0, NULL, 0, 0, -1, 0, 0}

/* Append a line of display text (copied). */
void pager_add(Pager *p, UiStyle st, int hang, const char *s);
/* Drop every line. */
void pager_clear(Pager *p);
void pager_free(Pager *p);
/* Paint: a title row, then the rows from top. */
void pager_draw(Pager *p, Term *t, UiRect a, const char *title);
/* Scroll commands; UI_DRAW when handled, UI_PASS otherwise. */
unsigned pager_command(Pager *p, Command cmd);
/* Wheel scrolling. */
unsigned pager_mouse(Pager *p, const UiInput *in);

#endif
