/*
 * view_prompt.c - a one-line prompt on the status row.
 *
 * Generic: what the text means is in the PromptSpec hooks given to
 * ui_prompt_open() (the search, the export file name). The prompt calls
 * `changed` after every edit, so a search filters as you type; Enter
 * calls `accept`, Esc `cancel`, and either closes it; Tab calls
 * `complete` on the text before the cursor. On the right it shows the
 * completion's note, else the count of shown events when the spec asks.
 */
#include "ui_core.h"
#include "ui_edit.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Prompt {
	LineEdit edit;
	Buf note; /* what the last Tab said; cleared by the next edit */
} Prompt;

/* Make the private state: the line editor and the note. */
static void *prompt_open(Ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(Prompt));
}

/* Free the editor. */
static void prompt_close(void *priv)
{
	Prompt *p = priv;
	if (!p)
		return;
	edit_free(&p->edit);
	buf_free(&p->note);
	free(p);
}

/* Open the prompt with spec's hooks on the initial text. */
void ui_prompt_open(Ui *ui, const PromptSpec *spec, const char *initial)
{
	Prompt *p = ui->views[V_PROMPT].priv;
	edit_set(&p->edit, initial);
	buf_clear(&p->note);
	ui->prompt = spec;
	ui->overlay = V_PROMPT;
}

/* Paint "label text" and, on the right, the note or the count. */
static void prompt_draw(Ui *ui, void *priv, UiRect a)
{
	Prompt *p = priv;
	Buf right = BUF_INIT;
	if (p->note.len)
		buf_printf(&right, " %s ", buf_cstr(&p->note));
	else if (ui->prompt->show_count)
		buf_printf(&right, " %zu of %zu ", ui->tl->nshown, ui->corpus->count);
	term_fill(ui->term, a.x, a.y, a.w, ST_NORMAL);
	int x = a.x + term_put_ui(ui->term, a.x, a.y, a.w, ui->prompt->label,
	                          ST_HEADER);
	int room = a.x + a.w - x;
	int rw = text_width(buf_cstr(&right), right.len);
	if (rw > room / 2)
		rw = room / 2;
	if (right.len && room > rw + 10) {
		term_put(ui->term, a.x + a.w - rw, a.y, rw, buf_cstr(&right),
		         right.len, ST_DIM);
		room -= rw;
	}
	edit_draw(&p->edit, ui->term, x, a.y, room, ST_NORMAL);
	buf_free(&right);
}

/* Tab: let the spec complete the text before the cursor. */
static unsigned prompt_complete(Ui *ui, Prompt *p)
{
	const PromptSpec *spec = ui->prompt;
	if (!spec->complete)
		return 0;
	Buf before = BUF_INIT, out = BUF_INIT;
	buf_append(&before, edit_text(&p->edit), p->edit.cursor);
	buf_clear(&p->note);
	unsigned r = UI_DRAW;
	if (spec->complete(ui, buf_cstr(&before), &out, &p->note)) {
		edit_set_head(&p->edit, buf_cstr(&out));
		if (spec->changed)
			r |= spec->changed(ui, edit_text(&p->edit));
	}
	buf_free(&before);
	buf_free(&out);
	return r;
}

/* Accept, cancel, complete, or edit. */
static unsigned prompt_command(Ui *ui, void *priv, Command cmd)
{
	Prompt *p = priv;
	const PromptSpec *spec = ui->prompt;
	switch (cmd) {
	case CMD_ACCEPT:
		ui_close_overlay(ui);
		return (spec->accept ? spec->accept(ui, edit_text(&p->edit)) : 0) |
		       UI_DRAW;
	case CMD_PROMPT_CANCEL:
		ui_close_overlay(ui);
		return (spec->cancel ? spec->cancel(ui) : 0) | UI_DRAW;
	case CMD_COMPLETE:
		return prompt_complete(ui, p);
	default:
		break;
	}
	EditResult er = edit_command(&p->edit, cmd);
	if (er == EDIT_UNHANDLED)
		return UI_PASS;
	buf_clear(&p->note);
	if (er == EDIT_MOVED)
		return UI_DRAW;
	return (spec->changed ? spec->changed(ui, edit_text(&p->edit)) : 0) |
	       UI_DRAW;
}

/* A typed character goes into the text. */
static unsigned prompt_text(Ui *ui, void *priv, int ch)
{
	Prompt *p = priv;
	edit_insert(&p->edit, ch);
	buf_clear(&p->note);
	const PromptSpec *spec = ui->prompt;
	return (spec->changed ? spec->changed(ui, edit_text(&p->edit)) : 0) |
	       UI_DRAW;
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
