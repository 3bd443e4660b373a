/*
 * view_problems.c - the content's diagnostics, one per line, scrollable.
 *
 * Lines are diag_format()'s "file:line:col: error: message" (escaped
 * there, transliterated here in ASCII mode) plus the "N more" notes for
 * files whose problems were cut off. Built on first open; the corpus
 * does not change while the UI runs.
 */
#include "ui_core.h"
#include "ui_pager.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Problems {
	Pager pager;
	bool built;
} Problems;

/* Make the private state. */
static void *problems_open(Ui *ui)
{
	(void)ui;
	Problems *p = xcalloc(1, sizeof *p);
	p->pager = (Pager)PAGER_INIT;
	return p;
}

/* Free it. */
static void problems_close(void *priv)
{
	Problems *p = priv;
	if (!p)
		return;
	pager_free(&p->pager);
	free(p);
}

/* Add one line of (escaped) text, made displayable. */
static void problems_add(Ui *ui, Problems *p, const Buf *text, UiStyle st)
{
	Buf disp = BUF_INIT;
	term_display(ui->term, &disp, buf_cstr(text), text->len, 0);
	pager_add(&p->pager, st, 4, buf_cstr(&disp));
	buf_free(&disp);
}

typedef struct ProblemsSink {
	Ui *ui;
	Problems *p;
} ProblemsSink;

/* One rendered diagnostic line into the pager, styled by level. */
static void problems_line(void *ctx, DiagLevel level, const char *line)
{
	ProblemsSink *sink = ctx;
	Buf text = BUF_INIT;
	buf_puts(&text, line);
	problems_add(sink->ui, sink->p, &text,
	             level == DIAG_ERROR ? ST_ERROR
	             : level == DIAG_NOTE ? ST_DIM : ST_NORMAL);
	buf_free(&text);
}

/* Fill the pager from corpus->diags, in diag_render()'s order. */
static void problems_build(Ui *ui, Problems *p)
{
	const DiagList *l = &ui->corpus->diags;
	if (l->count == 0)
		pager_add(&p->pager, ST_NORMAL, 0, "No problems in the content.");
	ProblemsSink sink = {ui, p};
	diag_render(l, problems_line, &sink);
	p->built = true;
}

/* Build on first show; start at the top. */
static void problems_show(Ui *ui, void *priv)
{
	Problems *p = priv;
	if (!p->built)
		problems_build(ui, p);
	p->pager.top = 0;
}

/* Paint the list of problems. */
static void problems_draw(Ui *ui, void *priv, UiRect a)
{
	Problems *p = priv;
	char title[96], esc[16];
	commands_first_key(CMD_BACK, esc);
	snprintf(title, sizeof title, "%zu problem%s in the content  (%s closes)",
	         ui->problems, ui->problems == 1 ? "" : "s", esc);
	pager_draw(&p->pager, ui->term, a, title);
}

/* Scrolling; the rest (close, quit) is the loop's. */
static unsigned problems_command(Ui *ui, void *priv, Command cmd)
{
	(void)ui;
	return pager_command(&((Problems *)priv)->pager, cmd);
}

/* Wheel scrolling. */
static unsigned problems_mouse(Ui *ui, void *priv, const UiInput *in,
                               UiRect a)
{
	(void)ui;
	(void)a;
	return pager_mouse(&((Problems *)priv)->pager, in);
}

const struct view_ops view_problems_ops = {
	.name = "problems",
	.contexts = CTX_PAGER,
	.open = problems_open,
	.close = problems_close,
	.show = problems_show,
	.draw = problems_draw,
	.command = problems_command,
	.mouse = problems_mouse,
};
