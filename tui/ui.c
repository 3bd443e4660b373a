/*
 * ui.c - ui_run(): set up, the main loop, layout and key routing.
 *
 * The loop is the one place that acts on the UI_ flags handlers return:
 * it re-applies the filter, draws (only when no more input is waiting,
 * so held keys and fast typing never queue up frames) and quits. Keys go
 * to the active view (the overlay, else the focused pane) through the
 * command table; what a view hands back (UI_PASS) is tried by
 * ui_command() here, then by the list for the reader. A message
 * (ui_message: an export done, an error) stays on the status line until
 * the next key.
 *
 * Signals: SIGINT/SIGTERM/SIGHUP set a flag the loop checks, so the
 * terminal is restored by the normal path; fatal signals restore it from
 * the handler and re-raise. Ctrl-Z and resizes are curses' own business.
 */
#include "ui.h"
#include "ui_loading.h"

#include "ui_core.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UI_MIN_W 20
#define UI_MIN_H 6
#define UI_WIDE 120 /* side by side from this many columns */

/* Signal state: the only globals, as signal handlers need them. */
static volatile sig_atomic_t ui_signal;
static const int ui_quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int ui_fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
                                       SIGABRT, SIGQUIT};
#define UI_NSIGNALS (sizeof ui_quit_signals / sizeof *ui_quit_signals + \
                     sizeof ui_fatal_signals / sizeof *ui_fatal_signals)
static struct sigaction ui_old_actions[UI_NSIGNALS];

/* The views, indexed by ViewId. */
static const struct view_ops *const ui_view_table[V_COUNT] = {
	[V_YEARS] = &view_years_ops,
	[V_LIST] = &view_list_ops,
	[V_READER] = &view_reader_ops,
	[V_STATUS] = &view_status_ops,
	[V_PROMPT] = &view_prompt_ops,
	[V_COUNTRIES] = &view_countries_ops,
	[V_HELP] = &view_help_ops,
	[V_PROBLEMS] = &view_problems_ops,
	[V_CONFIRM] = &view_confirm_ops,
};

/* Where each element goes for a terminal of w x h. */
typedef struct Layout {
	bool too_small;
	UiRect years, main, list, reader, status;
	UiRect vsep, hsep; /* separators between list and reader, or empty */
} Layout;

/* Note a quit signal for the loop. */
static void ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Restore the terminal, then let the previous handler (or the default)
 * deal with the fatal signal. endwin() is not async-signal-safe; it is
 * what every curses program does here, and the process is about to die
 * anyway: a usable terminal is worth the risk. */
static void ui_on_fatal(int sig)
{
	term_emergency_restore();
	size_t nq = sizeof ui_quit_signals / sizeof ui_quit_signals[0];
	for (size_t i = 0; i < sizeof ui_fatal_signals / sizeof *ui_fatal_signals; i++)
		if (ui_fatal_signals[i] == sig)
			sigaction(sig, &ui_old_actions[nq + i], NULL);
	raise(sig);
}

/* Install our handlers, remembering the previous ones. */
static void ui_signals_install(void)
{
	size_t nq = sizeof ui_quit_signals / sizeof ui_quit_signals[0];
	size_t nf = sizeof ui_fatal_signals / sizeof ui_fatal_signals[0];
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = ui_on_signal;
	for (size_t i = 0; i < nq; i++)
		sigaction(ui_quit_signals[i], &sa, &ui_old_actions[i]);
	sa.sa_handler = ui_on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < nf; i++)
		sigaction(ui_fatal_signals[i], &sa, &ui_old_actions[nq + i]);
}

/* Put back the handlers that were there before ui_run. */
static void ui_signals_restore(void)
{
	size_t nq = sizeof ui_quit_signals / sizeof ui_quit_signals[0];
	size_t nf = sizeof ui_fatal_signals / sizeof ui_fatal_signals[0];
	for (size_t i = 0; i < nq; i++)
		sigaction(ui_quit_signals[i], &ui_old_actions[i], NULL);
	for (size_t i = 0; i < nf; i++)
		sigaction(ui_fatal_signals[i], &ui_old_actions[nq + i], NULL);
}

/* Split the screen: strip on top, status below, list and reader between
 * (side by side when wide, stacked when tall enough, else the focused
 * one alone). */
static void ui_layout(const Ui *ui, int w, int h, Layout *l)
{
	memset(l, 0, sizeof *l);
	if (w < UI_MIN_W || h < UI_MIN_H) {
		l->too_small = true;
		return;
	}
	l->years = (UiRect){0, 0, w, 1};
	l->status = (UiRect){0, h - 1, w, 1};
	l->main = (UiRect){0, 1, w, h - 2};
	UiRect m = l->main;
	if (w >= UI_WIDE) {
		int lw = (w - 1) * 11 / 20;
		l->list = (UiRect){0, m.y, lw, m.h};
		l->vsep = (UiRect){lw, m.y, 1, m.h};
		l->reader = (UiRect){lw + 1, m.y, w - lw - 1, m.h};
	} else if (m.h >= 12) {
		int lh = (m.h - 1) * 2 / 5;
		l->list = (UiRect){0, m.y, w, lh};
		l->hsep = (UiRect){0, m.y + lh, w, 1};
		l->reader = (UiRect){0, m.y + lh + 1, w, m.h - lh - 1};
	} else if (ui->focus == FOCUS_READER) {
		l->reader = m;
	} else {
		l->list = m;
	}
}

/* Paint the separator between list and reader. */
static void ui_draw_separators(Ui *ui, const Layout *l)
{
	UiStyle st = ST_FRAME;
	for (int y = 0; y < l->vsep.h; y++)
		term_glyphs(ui->term, l->vsep.x, l->vsep.y + y, G_VLINE, 1, st);
	if (l->hsep.w) {
		int x = term_glyphs(ui->term, 0, l->hsep.y, G_HLINE, 2, st);
		const char *label = ui->focus == FOCUS_READER
			? " Reader (Esc: back to the list) " : " Reader (Enter: read) ";
		x += term_put_ui(ui->term, x, l->hsep.y, l->hsep.w - x, label,
		                 ui->focus == FOCUS_READER ? ST_HEADER : ST_FRAME);
		term_glyphs(ui->term, x, l->hsep.y, G_HLINE, l->hsep.w - x, st);
	}
}

/* Draw view v into area and remember the area for its handlers. */
static void ui_draw_view(Ui *ui, ViewId v, UiRect area)
{
	ui->views[v].area = area;
	if (area.w > 0 && area.h > 0)
		ui->views[v].ops->draw(ui, ui->views[v].priv, area);
}

/* Repaint the whole screen from the state. */
static void ui_draw(Ui *ui)
{
	int w, h;
	term_size(ui->term, &w, &h);
	Layout l;
	ui_layout(ui, w, h, &l);
	term_begin(ui->term);
	for (int v = 0; v < V_COUNT; v++)
		ui->views[v].area = (UiRect){0, 0, 0, 0};
	if (l.too_small) {
		char msg[64];
		snprintf(msg, sizeof msg, "%dx%d", UI_MIN_W, UI_MIN_H);
		term_put_ui(ui->term, 0, 0, w, "Terminal too small", ST_ERROR);
		term_put_ui(ui->term, 0, 1, w, "need at least", ST_NORMAL);
		term_put_ui(ui->term, 0, 2, w, msg, ST_NORMAL);
		term_end(ui->term);
		return;
	}
	ui_draw_view(ui, V_YEARS, l.years);
	bool full = ui->overlay == V_COUNTRIES || ui->overlay == V_HELP ||
	            ui->overlay == V_PROBLEMS;
	if (full) {
		ui_draw_view(ui, ui->overlay, l.main);
	} else {
		ui_draw_view(ui, V_LIST, l.list);
		ui_draw_view(ui, V_READER, l.reader);
		ui_draw_separators(ui, &l);
	}
	bool asking = ui->overlay == V_PROMPT || ui->overlay == V_CONFIRM;
	ui_draw_view(ui, asking ? ui->overlay : V_STATUS, l.status);
	term_end(ui->term);
}

/* The view that takes keys now. */
static ViewId ui_active(const Ui *ui)
{
	if (ui->overlay != V_NONE)
		return ui->overlay;
	return ui->focus == FOCUS_READER ? V_READER : V_LIST;
}

/* Open overlay v, letting it prepare (show hook) first. */
void ui_open(Ui *ui, ViewId v)
{
	if (ui->views[v].ops->show)
		ui->views[v].ops->show(ui, ui->views[v].priv);
	ui->overlay = v;
}

/* Close whatever overlay is open; keys go to the focused pane again. */
void ui_close_overlay(Ui *ui)
{
	ui->overlay = V_NONE;
}

/* Replace the status row's message; the next key clears it. */
void ui_message(Ui *ui, bool error, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(ui->message);
	ui->message = buf_detach(&b);
	ui->message_error = error;
}

/* Toggle an overlay that is a viewer (help, problems). */
static unsigned ui_toggle(Ui *ui, ViewId v)
{
	if (ui->overlay == v)
		ui_close_overlay(ui);
	else
		ui_open(ui, v);
	return UI_DRAW;
}

/* Commands no view took: the global ones, then the list on behalf of
 * the reader. */
static unsigned ui_command(Ui *ui, Command cmd)
{
	switch (cmd) {
	case CMD_QUIT:
		return UI_QUIT;
	case CMD_HELP:
		return ui_toggle(ui, V_HELP);
	case CMD_PROBLEMS:
		return ui_toggle(ui, V_PROBLEMS);
	case CMD_SEARCH:
		ui_search_open(ui);
		return UI_DRAW;
	case CMD_COUNTRIES:
		ui_open(ui, V_COUNTRIES);
		return UI_DRAW;
	case CMD_CLEAR:
		filter_clear_countries(&ui->filter);
		ui->filter.match_all = false;
		ui_marked_only(ui, false);
		return ui_set_search(ui, NULL);
	case CMD_MARK:
		return ui_mark_toggle(ui);
	case CMD_MARKED_ONLY:
		return ui_marked_only(ui, !ui->marked_only);
	case CMD_UNMARK_ALL:
		return ui_marks_clear(ui);
	case CMD_EXPORT:
		return ui_export_open(ui);
	case CMD_REDRAW:
		return UI_REPAINT;
	case CMD_BACK:
		if (ui->overlay != V_NONE)
			ui_close_overlay(ui);
		ui->focus = FOCUS_LIST;
		return UI_DRAW;
	default:
		break;
	}
	if (ui->overlay == V_NONE && ui->focus == FOCUS_READER)
		return ui->views[V_LIST].ops->command(ui, ui->views[V_LIST].priv, cmd);
	return UI_PASS;
}

/* Route a key: the active view's contexts in order, then text input. */
static unsigned ui_key(Ui *ui, int key)
{
	ViewId v = ui_active(ui);
	const struct view_ops *ops = ui->views[v].ops;
	void *priv = ui->views[v].priv;
	for (unsigned bit = 1; bit <= CTX_LAST; bit <<= 1) {
		if (!(ops->contexts & bit))
			continue;
		Command cmd = commands_lookup(bit, key);
		if (cmd == CMD_NONE)
			continue;
		unsigned r = ops->command(ui, priv, cmd);
		if (r == UI_PASS)
			r = ui_command(ui, cmd);
		if (r != UI_PASS)
			return r;
	}
	if (ops->text && key >= 0x20 && key != 0x7f && key < UK_BASE)
		return ops->text(ui, priv, key);
	return 0;
}

/* Route a mouse event to the view drawn under the pointer. */
static unsigned ui_mouse(Ui *ui, const UiInput *in)
{
	for (int v = V_COUNT - 1; v >= 0; v--) {
		UiRect a = ui->views[v].area;
		if (in->mx < a.x || in->mx >= a.x + a.w || in->my < a.y ||
		    in->my >= a.y + a.h || !ui->views[v].ops->mouse)
			continue;
		return ui->views[v].ops->mouse(ui, ui->views[v].priv, in, a);
	}
	return 0;
}

/* Handle one input; returns the flags still to act on. */
static unsigned ui_input(Ui *ui, const UiInput *in)
{
	if (in->key == UK_RESIZE)
		return UI_DRAW;
	if (in->key == UK_MOUSE)
		return ui_mouse(ui, in);
	if (in->key == UK_NONE)
		return 0;
	unsigned cleared = 0;
	if (ui->message) { /* a message lasts until the next key */
		free(ui->message);
		ui->message = NULL;
		cleared = UI_DRAW;
	}
	unsigned r = ui_key(ui, in->key);
	return (r & UI_PASS ? 0 : r) | cleared;
}

/* The loop: input, flags, draw; returns the exit status. */
static int ui_loop(Ui *ui)
{
	unsigned pending = UI_FILTER | UI_DRAW;
	for (;;) {
		if (pending & UI_FILTER)
			ui_refilter(ui);
		if (pending & UI_QUIT)
			return 0;
		if (ui_signal)
			return 128 + ui_signal;
		UiInput in;
		/* Draw only when the keyboard is quiet. */
		if (term_read(ui->term, &in, 0)) {
			pending = (pending & ~(unsigned)UI_FILTER) | ui_input(ui, &in);
			continue;
		}
		if (pending & UI_REPAINT)
			term_invalidate(ui->term);
		if (pending & (UI_DRAW | UI_FILTER | UI_REPAINT))
			ui_draw(ui);
		/* With the first frame up, fold the search text in the
		 * background so the first search keystroke need not wait. */
		timeline_prepare_search(ui->tl);
		pending = 0;
		if (term_read(ui->term, &in, 250))
			pending = ui_input(ui, &in);
	}
}

/* Entry point (ui.h): set up, loop, tear down; returns the exit status. */
int ui_run(UiLoadFn load, void *load_ctx, const Filter *initial,
           bool marked_only, Corpus **loaded)
{
	setlocale(LC_ALL, "");
	*loaded = NULL;
	Ui ui;
	memset(&ui, 0, sizeof ui);
	ui_signals_install();
	atexit(term_emergency_restore);
	ui.term = term_open();
	if (!ui.term) {
		ui_signals_restore();
		const char *term = getenv("TERM");
		fprintf(stderr, "cyberline: cannot run the interactive timeline on "
		        "terminal type \"%s\"; use --list instead\n",
		        term ? term : "");
		return 1;
	}
	UiLoading progress = {ui.term, 0};
	LoadOptions opt = {.progress = ui_loading_progress,
	                   .progress_ctx = &progress, .cancel = &ui_signal};
	const Corpus *corpus = *loaded = load(load_ctx, &opt);
	if (ui_signal) { /* Ctrl-C or SIGTERM while loading */
		term_close(ui.term);
		ui_signals_restore();
		return 128 + ui_signal;
	}
	ui.corpus = corpus;
	ui.overlay = V_NONE;
	ui.problems = diag_problems(&corpus->diags);
	ui.tl = timeline_new(corpus);
	filter_copy(&ui.filter, initial);
	if (initial->search_text && *initial->search_text)
		ui.search_text = xstrdup(initial->search_text);
	for (int v = 0; v < V_COUNT; v++) {
		ui.views[v].ops = ui_view_table[v];
		ui.views[v].priv = ui_view_table[v]->open
			? ui_view_table[v]->open(&ui) : NULL;
	}
	ui_marks_open(&ui);
	ui_marked_only(&ui, marked_only);

	int status = ui_loop(&ui);

	for (int v = 0; v < V_COUNT; v++)
		if (ui.views[v].ops->close)
			ui.views[v].ops->close(ui.views[v].priv);
	term_close(ui.term);
	ui_signals_restore();
	ui_marks_close(&ui);
	ui_timeline_free(&ui);
	timeline_free(ui.tl);
	filter_free(&ui.filter);
	free(ui.search_text);
	free(ui.search_saved);
	free(ui.message);
	free(ui.export_path);
	return status;
}
