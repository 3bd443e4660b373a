/*
 * view_confirm.c - a y/n question on the status row.
 *
 * Generic, like the prompt: the question and what the answers do come
 * from ui_confirm_open() (clear all marks, overwrite a file). Only the
 * answers are bound (CTX_CONFIRM: y, n, Esc); every other key is
 * ignored, so a stray keystroke neither answers nor does anything else.
 */
#include "ui_core.h"

#include <stdlib.h>

/* Make the private state: the question's text. */
static void *confirm_open(Ui *ui)
{
	(void)ui;
	Buf *q = xcalloc(1, sizeof *q);
	return q;
}

/* Free the question. */
static void confirm_close(void *priv)
{
	if (!priv)
		return;
	buf_free(priv);
	free(priv);
}

/* Ask: the question replaces the status line until it is answered. */
void ui_confirm_open(Ui *ui, const ConfirmSpec *spec, const char *question)
{
	Buf *q = ui->views[V_CONFIRM].priv;
	buf_clear(q);
	buf_puts(q, question);
	ui->confirm = spec;
	ui->overlay = V_CONFIRM;
}

/* Paint the question with the cursor after it. */
static void confirm_draw(Ui *ui, void *priv, UiRect a)
{
	const Buf *q = priv;
	term_fill(ui->term, a.x, a.y, a.w, ST_NORMAL);
	int used = term_put(ui->term, a.x, a.y, a.w, buf_cstr(q), q->len,
	                    ST_HEADER);
	term_cursor(ui->term, a.x + used + 1 < a.x + a.w ? a.x + used + 1
	                                                 : a.x + a.w - 1, a.y);
}

/* y or n: close, then run the answer. */
static unsigned confirm_command(Ui *ui, void *priv, Command cmd)
{
	(void)priv;
	const ConfirmSpec *spec = ui->confirm;
	if (cmd != CMD_YES && cmd != CMD_NO)
		return 0;
	ui_close_overlay(ui);
	ui->confirm = NULL;
	unsigned (*answer)(Ui *) = cmd == CMD_YES ? spec->yes : spec->no;
	return (answer ? answer(ui) : 0) | UI_DRAW;
}

const struct view_ops view_confirm_ops = {
	.name = "confirm",
	.contexts = CTX_CONFIRM,
	.open = confirm_open,
	.close = confirm_close,
	.draw = confirm_draw,
	.command = confirm_command,
};
