/*
 * view_help.c - the help screen, generated from the command table.
 *
 * Every command of commands.h appears once, in the section of the first
 * context it is bound in, with its keys and its help text; nothing here
 * names a key, so the screen cannot drift from the bindings.
 */
#include "ui_core.h"
#include "ui_pager.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sections of the help, in order: the contexts they cover, or a run of
 * commands (first..last in commands.h) they take out of them. */
static const struct {
	const char *title;
	unsigned contexts;
	Command first, last;
} help_sections[] = {
	{"Timeline list and reader", CTX_VIEWS, CMD_NONE, CMD_NONE},
	{"Country panel (letters narrow the list)", CTX_PANEL, CMD_NONE,
	 CMD_NONE},
	{"Marks and briefings (in the list and reader)", 0, CMD_MARK,
	 CMD_EXPORT},
	{"Prompts (search filters as you type; export file name)", CTX_PROMPT,
	 CMD_NONE, CMD_NONE},
	{"Editing text (prompts and country panel)", CTX_EDIT, CMD_NONE,
	 CMD_NONE},
	{"Questions (y/n)", CTX_CONFIRM, CMD_NONE, CMD_NONE},
};
#define HELP_NSECTIONS (sizeof help_sections / sizeof help_sections[0])

/* Which section a command is listed in: a run that names it, else the
 * first section sharing a context. */
static size_t help_section_of(Command c)
{
	for (size_t s = 0; s < HELP_NSECTIONS; s++)
		if (help_sections[s].first != CMD_NONE &&
		    c >= help_sections[s].first && c <= help_sections[s].last)
			return s;
	for (size_t s = 0; s < HELP_NSECTIONS; s++)
		if (commands_table[c].contexts & help_sections[s].contexts)
			return s;
	return HELP_NSECTIONS;
}

/* Fill the pager from the command table. */
static void help_build(Pager *p)
{
	Buf keys = BUF_INIT, line = BUF_INIT;
	int keyw = 0;
	for (int c = 1; c < CMD_COUNT; c++) {
		buf_clear(&keys);
		commands_keys_text((Command)c, &keys);
		if ((int)keys.len > keyw)
			keyw = (int)keys.len;
	}
	pager_add(p, ST_NORMAL, 0, "cyberline: a timeline of international "
	          "cyber-cooperation. Every key:");
	for (size_t s = 0; s < HELP_NSECTIONS; s++) {
		pager_add(p, ST_NORMAL, 0, "");
		pager_add(p, ST_HEADER, 0, help_sections[s].title);
		for (int c = 1; c < CMD_COUNT; c++) {
			if (help_section_of((Command)c) != s)
				continue;
			buf_clear(&keys);
			commands_keys_text((Command)c, &keys);
			buf_clear(&line);
			buf_printf(&line, "  %-*s  %s", keyw, buf_cstr(&keys),
			           commands_table[c].help);
			pager_add(p, ST_NORMAL, keyw + 4, buf_cstr(&line));
		}
	}
	pager_add(p, ST_NORMAL, 0, "");
	pager_add(p, ST_HEADER, 0, "Mouse");
	pager_add(p, ST_NORMAL, 4, "  The wheel scrolls; a click selects an "
	          "event, a year, or focuses the reader.");
	buf_free(&keys);
	buf_free(&line);
}

/* Make the private state: the pager, filled once. */
static void *help_open(Ui *ui)
{
	(void)ui;
	Pager *p = xcalloc(1, sizeof *p);
	*p = (Pager)PAGER_INIT;
	help_build(p);
	return p;
}

/* Free the pager. */
static void help_close(void *priv)
{
	if (!priv)
		return;
	pager_free(priv);
	free(priv);
}

/* Start at the top each time help opens. */
static void help_show(Ui *ui, void *priv)
{
	(void)ui;
	((Pager *)priv)->top = 0;
}

/* Paint the help page. */
static void help_draw(Ui *ui, void *priv, UiRect a)
{
	char title[96], esc[16], help[16];
	commands_first_key(CMD_BACK, esc);
	commands_first_key(CMD_HELP, help);
	snprintf(title, sizeof title, "Help  (%s or %s closes)", esc, help);
	pager_draw(priv, ui->term, a, title);
}

/* Scrolling; the rest (close, quit) is the loop's. */
static unsigned help_command(Ui *ui, void *priv, Command cmd)
{
	(void)ui;
	return pager_command(priv, cmd);
}

/* Wheel scrolling. */
static unsigned help_mouse(Ui *ui, void *priv, const UiInput *in, UiRect a)
{
	(void)ui;
	(void)a;
	return pager_mouse(priv, in);
}

const struct view_ops view_help_ops = {
	.name = "help",
	.contexts = CTX_PAGER,
	.open = help_open,
	.close = help_close,
	.show = help_show,
	.draw = help_draw,
	.command = help_command,
	.mouse = help_mouse,
};
