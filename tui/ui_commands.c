/*
 * ui_commands.c - the key table generated from commands.h, and key names.
 *
 * Lookup is a linear scan of a few dozen rows per key press: cheaper than
 * keeping a second structure in sync with the list.
 */
#include "commands.h"

#include <stdio.h>
#include <string.h>

const CommandInfo commands_table[CMD_COUNT] = {
	[CMD_NONE] = {"none", 0, "", (const int[]){0}},
#define COMMAND_ROW(id, nm, ctx, hl, ...) \
	[id] = {nm, ctx, hl, (const int[]){__VA_ARGS__, 0}},
	UI_COMMANDS(COMMAND_ROW)
#undef COMMAND_ROW
};

Command commands_lookup(unsigned ctx, int key)
{
	for (int c = 1; c < CMD_COUNT; c++) {
		if (!(commands_table[c].contexts & ctx))
			continue;
		for (const int *k = commands_table[c].keys; *k; k++)
			if (*k == key)
				return (Command)c;
	}
	return CMD_NONE;
}

/* Names of the UK_ keys, indexed from UK_BASE. */
static const char *const special_names[] = {
	"Up",   "Down", "Left", "Right", "PgUp", "PgDn", "Home",  "End",
	"Backspace", "Delete", "Enter", "Tab", "Shift-Tab", "Esc", "F1",
	"Resize", "Mouse",
};

/* Printable name of a key, for help and hints. */
void commands_key_name(int key, char out[16])
{
	size_t nspecial = sizeof special_names / sizeof special_names[0];
	if (key >= UK_BASE && (size_t)(key - UK_BASE) < nspecial)
		snprintf(out, 16, "%s", special_names[key - UK_BASE]);
	else if (key == ' ')
		snprintf(out, 16, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(out, 16, "Ctrl-%c", 'A' + key - 1);
	else if (key > 0x20 && key < 0x7f)
		snprintf(out, 16, "%c", key);
	else
		snprintf(out, 16, "U+%04X", (unsigned)key);
}

/* All keys of a command, comma-separated, for the help screen. */
void commands_keys_text(Command cmd, Buf *out)
{
	char name[16];
	for (const int *k = commands_table[cmd].keys; *k; k++) {
		commands_key_name(*k, name);
		buf_printf(out, "%s%s", k == commands_table[cmd].keys ? "" : ", ",
		           name);
	}
}

/* The first key of a command, for one-key hints. */
void commands_first_key(Command cmd, char out[16])
{
	const int *k = commands_table[cmd].keys;
	if (*k)
		commands_key_name(*k, out);
	else
		out[0] = '\0';
}
