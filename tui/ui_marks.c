/*
 * ui_marks.c - marks in the UI: m marks, M shows only the marked, u
 * clears them after a y/n question.
 *
 * The store (model/marks.h) writes every change at once; when it cannot
 * (a read-only or corrupt file, a full disk) the change is not made and
 * the reason goes to the status line. Marks whose ids the corpus lacks
 * are counted once per change (ui->dangling) for the status line, not
 * on every frame.
 */
#include "ui_core.h"

#include <stdlib.h>

/* Recount what the status line shows after the marks changed. */
static void ui_marks_changed(Ui *ui)
{
	ui->dangling = marks_dangling(ui->marks, ui->corpus);
}

/* Open the store at the default path; its warning is the first message. */
void ui_marks_open(Ui *ui)
{
	char *path = marks_default_path();
	Buf warning = BUF_INIT;
	ui->marks = marks_open(path, &warning);
	if (warning.len)
		ui_message(ui, true, "%s", buf_cstr(&warning));
	buf_free(&warning);
	free(path);
	ui_marks_changed(ui);
}

/* Free the store (everything is on disk already). */
void ui_marks_close(Ui *ui)
{
	marks_free(ui->marks);
	ui->marks = NULL;
}

/* What a change asks for: a refilter when only marked events show. */
static unsigned ui_marks_redraw(const Ui *ui)
{
	return ui->marked_only ? UI_FILTER : UI_DRAW;
}

/* m: toggle the selected event's mark; an error leaves it as it was. */
unsigned ui_mark_toggle(Ui *ui)
{
	const Event *e = ui_selected(ui);
	if (!e)
		return 0;
	Buf err = BUF_INIT;
	if (marks_toggle(ui->marks, e->id, &err) != 0)
		ui_message(ui, true, "%s", buf_cstr(&err));
	buf_free(&err);
	ui_marks_changed(ui);
	return ui_marks_redraw(ui);
}

/* M: filter on the marks (Filter.keep) or stop. */
unsigned ui_marked_only(Ui *ui, bool on)
{
	if (ui->marked_only == on)
		return 0;
	ui->marked_only = on;
	ui->filter.keep = on ? marks_filter_keep : NULL;
	ui->filter.keep_ctx = on ? ui->marks : NULL;
	return UI_FILTER;
}

/* y: clear them all. */
static unsigned ui_marks_clear_yes(Ui *ui)
{
	size_t n = marks_count(ui->marks);
	Buf err = BUF_INIT;
	if (marks_clear(ui->marks, &err) != 0)
		ui_message(ui, true, "%s", buf_cstr(&err));
	else
		ui_message(ui, false, "Cleared %zu mark%s", n, n == 1 ? "" : "s");
	buf_free(&err);
	ui_marks_changed(ui);
	return ui_marks_redraw(ui);
}

/* n: say nothing changed. */
static unsigned ui_marks_clear_no(Ui *ui)
{
	ui_message(ui, false, "Marks kept");
	return UI_DRAW;
}

static const ConfirmSpec ui_marks_clear_question = {
	.yes = ui_marks_clear_yes,
	.no = ui_marks_clear_no,
};

/* u: ask first; nothing to ask when there is nothing to clear. */
unsigned ui_marks_clear(Ui *ui)
{
	size_t n = marks_count(ui->marks);
	if (marks_problem(ui->marks)) {
		ui_message(ui, true, "marks are read-only: %s",
		           marks_problem(ui->marks));
		return UI_DRAW;
	}
	if (n == 0) {
		ui_message(ui, false, "No marks to clear");
		return UI_DRAW;
	}
	Buf q = BUF_INIT;
	buf_printf(&q, "Clear all %zu mark%s? (y/n)", n, n == 1 ? "" : "s");
	ui_confirm_open(ui, &ui_marks_clear_question, buf_cstr(&q));
	buf_free(&q);
	return UI_DRAW;
}
