/*
 * ui_loading.c - the loading screen: a progress bar drawn while the
 * content loads, so a large corpus never leaves the terminal blank.
 *
 * The loader calls the progress hook from the thread that called it
 * (the UI's), so drawing here is safe. Frames are throttled: a redraw
 * at most every 40 ms, and always for the first and the last file.
 */
#include "ui_loading.h"

#include <stdio.h>
#include <time.h>

/* Seconds on the monotonic clock, for throttling. */
static double loading_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Draw "Loading content  [#####.....]  1234 of 10000 files" centred. */
static void loading_draw(Term *t, size_t done, size_t total)
{
	int w, h;
	term_size(t, &w, &h);
	term_begin(t);
	char count[64];
	snprintf(count, sizeof count, "%zu of %zu files", done, total);
	int y = h / 2 - 1, bar = w - 8 > 50 ? 50 : w - 8;
	int x = (w - bar) / 2;
	term_put_ui(t, x, y, w - x, "Loading content", ST_TITLE);
	if (bar > 0) {
		int filled = total ? (int)((double)bar * (double)done /
		                           (double)total) : bar;
		term_glyphs(t, x, y + 1, G_BAR, filled, ST_BAR);
		term_glyphs(t, x + filled, y + 1, G_DOT, bar - filled, ST_DIM);
	}
	term_put_ui(t, x, y + 2, w - x, count, ST_DIM);
	term_cursor(t, -1, -1);
	term_end(t);
}

void ui_loading_progress(void *ctx, size_t done, size_t total)
{
	UiLoading *l = ctx;
	double now = loading_now();
	if (done > 1 && done < total && now - l->last < 0.04)
		return;
	l->last = now;
	loading_draw(l->term, done, total);
}
