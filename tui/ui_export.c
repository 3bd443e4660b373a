/*
 * ui_export.c - e: write the marked events as a Markdown briefing.
 *
 * The prompt opens on "./briefing-YYYY-MM-DD.md" (model/briefing.h);
 * Tab completes file names, "~/" means the home directory. An existing
 * file is only replaced after a y/n question (n goes back to the prompt
 * on the same name). The briefing holds every marked event in timeline
 * order, whatever the filters show, and export_write_file() writes it to
 * a temporary file renamed into place, so a failure ("cannot write PATH:
 * REASON" on the status line) leaves no half briefing, and the marks
 * are never touched.
 */
#include "ui_core.h"

#include "briefing.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned export_accept(Ui *ui, const char *text);

static const PromptSpec export_prompt = {
	.label = "Export briefing to: ",
	.accept = export_accept,
	.complete = ui_complete_path,
};

/* Write the briefing to path and say how it went. */
static unsigned export_write_now(Ui *ui, const char *path)
{
	Briefing b;
	briefing_init(&b, &ui->filter, ui->search_text);
	b.opt.every_mark = true;
	size_t n;
	const Event **events = briefing_events(ui->tl, ui->marks, &n);
	Buf err = BUF_INIT;
	if (n == 0)
		ui_message(ui, true, "None of the %zu marked events is in this "
		           "content: nothing to export", marks_count(ui->marks));
	else if (export_write_file(path, EXPORT_MARKDOWN, events, n, &b.opt,
	                           &err) != 0)
		ui_message(ui, true, "%s", buf_cstr(&err));
	else
		ui_message(ui, false, "Exported %zu marked event%s to %s", n,
		           n == 1 ? "" : "s", path);
	buf_free(&err);
	free(events);
	briefing_free(&b);
	return UI_DRAW;
}

/* y: replace the file. */
static unsigned export_overwrite_yes(Ui *ui)
{
	unsigned r = export_write_now(ui, ui->export_path);
	free(ui->export_path);
	ui->export_path = NULL;
	return r;
}

/* n: back to the prompt to pick another name. */
static unsigned export_overwrite_no(Ui *ui)
{
	ui_prompt_open(ui, &export_prompt, ui->export_path);
	free(ui->export_path);
	ui->export_path = NULL;
	return UI_DRAW;
}

static const ConfirmSpec export_overwrite = {
	.yes = export_overwrite_yes,
	.no = export_overwrite_no,
};

/* Enter: write, or ask first when the file exists. */
static unsigned export_accept(Ui *ui, const char *text)
{
	if (!*text) {
		ui_message(ui, true, "Not exported: no file name given");
		return UI_DRAW;
	}
	Buf path = BUF_INIT;
	ui_expand_home(text, &path);
	struct stat st;
	unsigned r = UI_DRAW;
	if (stat(buf_cstr(&path), &st) == 0 && S_ISDIR(st.st_mode)) {
		ui_message(ui, true, "cannot write %s: it is a directory",
		           buf_cstr(&path));
	} else if (stat(buf_cstr(&path), &st) == 0) {
		free(ui->export_path);
		ui->export_path = buf_detach(&path);
		Buf q = BUF_INIT;
		buf_printf(&q, "%s exists. Overwrite it? (y/n)", ui->export_path);
		ui_confirm_open(ui, &export_overwrite, buf_cstr(&q));
		buf_free(&q);
	} else {
		r = export_write_now(ui, buf_cstr(&path));
	}
	buf_free(&path);
	return r;
}

/* e: nothing to do without marks; else the prompt on the default name. */
unsigned ui_export_open(Ui *ui)
{
	if (marks_count(ui->marks) == 0) {
		char key[16];
		commands_first_key(CMD_MARK, key);
		ui_message(ui, true, "Nothing to export: mark events with %s first",
		           key);
		return UI_DRAW;
	}
	Briefing b;
	briefing_init(&b, &ui->filter, ui->search_text);
	Buf path = BUF_INIT;
	briefing_default_path(&b, &path);
	ui_prompt_open(ui, &export_prompt, buf_cstr(&path));
	buf_free(&path);
	briefing_free(&b);
	return UI_DRAW;
}
