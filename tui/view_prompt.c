/*
 * view_prompt.c - a one-line prompt on the status row.
 *
 * Generic: what the text means is in the PromptSpec hooks given to
 * ui_prompt_open() (the search now, an export file name later). The
 * prompt calls `changed` after every edit, so a search filters as you
 * type; Enter calls `accept`, Esc `cancel`, and either closes it.
 */
#include "ui_core.h"
#include "ui_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make the private state: the line editor. */
static void *prompt_open(Ui *ui)
{
	(void)ui;
	LineEdit *e = xcalloc(1, sizeof *e);
	return e;
}

/* Free the editor. */
static void prompt_close(void *priv)
{
	if (!priv)
		return;
	edit_free(priv);
	free(priv);
}

/* Open the prompt with spec's hooks on the initial text. */
void ui_prompt_open(Ui *ui, const PromptSpec *spec, const char *initial)
{
	edit_set(ui->views[V_PROMPT].priv, initial);
	ui->prompt = spec;
	ui->overlay = V_PROMPT;
}

/* Paint "label text" and, on the right, how many events are shown. */
static void prompt_draw(Ui *ui, void *priv, UiRect a)
{
	char count[48];
	snprintf(count, sizeof count, " %zu of %zu ", ui->tl->nshown,
	         ui->corpus->count);
	int cw = (int)strlen(count);
	term_fill(ui->term, a.x, a.y, a.w, ST_NORMAL);
	int x = a.x + term_put_ui(ui->term, a.x, a.y, a.w, ui->prompt->label,
	                          ST_HEADER);
	int room = a.x + a.w - x;
	if (room > cw + 10) {
		term_put_ui(ui->term, a.x + a.w - cw, a.y, cw, count, ST_DIM);
		room -= cw;
	}
	edit_draw(priv, ui->term, x, a.y, room, ST_NORMAL);
}

/* Accept, cancel, or edit. */
static unsigned prompt_command(Ui *ui, void *priv, Command cmd)
{
	const PromptSpec *spec = ui->prompt;
	unsigned r;
	switch (cmd) {
	case CMD_ACCEPT:
		ui_close_overlay(ui);
		return (spec->accept ? spec->accept(ui, edit_text(priv)) : 0) | UI_DRAW;
	case CMD_PROMPT_CANCEL:
		ui_close_overlay(ui);
		return (spec->cancel ? spec->cancel(ui) : 0) | UI_DRAW;
	default:
		break;
	}
	switch (edit_command(priv, cmd)) {
	case EDIT_UNHANDLED:
		return UI_PASS;
	case EDIT_MOVED:
		return UI_DRAW;
	default:
		r = spec->changed ? spec->changed(ui, edit_text(priv)) : 0;
		return r | UI_DRAW;
	}
}

/* A typed character goes into the text. */
static unsigned prompt_text(Ui *ui, void *priv, int ch)
{
	edit_insert(priv, ch);
	const PromptSpec *spec = ui->prompt;
	return (spec->changed ? spec->changed(ui, edit_text(priv)) : 0) | UI_DRAW;
}

const struct view_ops view_prompt_ops = {
	.name = "prompt",
	.contexts = CTX_PROMPT | CTX_EDIT,
	.open = prompt_open,
	.close = prompt_close,
	.draw = prompt_draw,
	.command = prompt_command,
	.text = prompt_text,
};
