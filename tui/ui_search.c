/*
 * ui_search.c - the search prompt's hooks: filter as you type.
 *
 * Each edit sets the filter's search (filter_set_search folds it, so it
 * is case- and accent-blind, as --search) and asks for a refilter;
 * timeline_apply only rescans the shown events while the search grows.
 * Esc puts back the search there was before the prompt opened.
 */
#include "ui_core.h"

#include <stdlib.h>

/* Remember the search in force when the prompt opens. */
static void search_save(Ui *ui)
{
	free(ui->search_saved);
	ui->search_saved = ui->search_text ? xstrdup(ui->search_text) : NULL;
}

/* Every edit: search for the new text. */
static unsigned search_changed(Ui *ui, const char *text)
{
	return ui_set_search(ui, text);
}

/* Enter: keep it. */
static unsigned search_accept(Ui *ui, const char *text)
{
	free(ui->search_saved);
	ui->search_saved = NULL;
	return ui_set_search(ui, text);
}

/* Esc: back to the search before the prompt. */
static unsigned search_cancel(Ui *ui)
{
	unsigned r = ui_set_search(ui, ui->search_saved);
	free(ui->search_saved);
	ui->search_saved = NULL;
	return r;
}

const PromptSpec ui_search_prompt = {
	.label = "/",
	.show_count = true,
	.changed = search_changed,
	.accept = search_accept,
	.cancel = search_cancel,
};

/* Open the search prompt on the current search, saving it for Esc. */
void ui_search_open(Ui *ui)
{
	search_save(ui);
	ui_prompt_open(ui, &ui_search_prompt, ui->search_text);
}
