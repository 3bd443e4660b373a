/*
 * commands.h - every command of the UI, its keys and its help, in one list.
 *
 * UI_COMMANDS is an X-macro: X(id, name, contexts, help, keys...). From it
 * ui_commands.c generates the key table (commands_lookup) and view_help.c
 * the help screen, so a key is added, changed or documented in one place.
 * Keys map to commands, never to code; a view says which contexts it reads
 * keys in and handles the commands it knows (see ui_core.h).
 *
 * Contexts: where a binding is live. The browse contexts (list, reader,
 * viewers) bind letters; the text contexts (prompt, country panel) never
 * do, except Space in the panel, so letters go to the text being typed.
 * A y/n question (CTX_CONFIRM) takes only its answers.
 */
#ifndef CYBERLINE_COMMANDS_H
#define CYBERLINE_COMMANDS_H

#include "ui_term.h"

enum {
	CTX_LIST = 1,    /* the timeline list has focus */
	CTX_READER = 2,  /* the reader has focus */
	CTX_PAGER = 4,   /* help or problems is open */
	CTX_PANEL = 8,   /* the country panel is open */
	CTX_PROMPT = 16, /* a prompt (search) is open */
	CTX_EDIT = 32,   /* line editing, in the prompt and the panel */
	CTX_CONFIRM = 64, /* a y/n question on the status line */
	CTX_LAST = CTX_CONFIRM,
};
#define CTX_BROWSE (CTX_LIST | CTX_READER)
#define CTX_VIEWS (CTX_LIST | CTX_READER | CTX_PAGER)

#define UI_COMMANDS(X) \
	X(CMD_DOWN, "down", CTX_VIEWS, \
	  "Next event; in the reader, help and problems: scroll down", \
	  'j', UK_DOWN) \
	X(CMD_UP, "up", CTX_VIEWS, \
	  "Previous event; in the reader, help and problems: scroll up", \
	  'k', UK_UP) \
	X(CMD_PAGE_DOWN, "page-down", CTX_VIEWS, "One page down", \
	  UK_PGDN, ' ') \
	X(CMD_PAGE_UP, "page-up", CTX_VIEWS, "One page up", UK_PGUP, 'b') \
	X(CMD_FIRST, "first", CTX_VIEWS, "First event (top)", 'g', UK_HOME) \
	X(CMD_LAST, "last", CTX_VIEWS, "Last event (bottom)", 'G', UK_END) \
	X(CMD_PREV_YEAR, "prev-year", CTX_BROWSE, \
	  "First event of the previous year", '[') \
	X(CMD_NEXT_YEAR, "next-year", CTX_BROWSE, \
	  "First event of the next year", ']') \
	X(CMD_READ, "read", CTX_LIST, "Focus the reader on the selected event", \
	  UK_ENTER) \
	X(CMD_SWITCH, "switch", CTX_BROWSE, \
	  "Switch focus between the list and the reader", UK_TAB) \
	X(CMD_BACK, "back", CTX_VIEWS, \
	  "Back to the list; in the list, clear the search", UK_ESC) \
	X(CMD_SEARCH, "search", CTX_BROWSE, \
	  "Search as you type (case- and accent-blind)", '/') \
	X(CMD_COUNTRIES, "countries", CTX_BROWSE, \
	  "Choose countries to show", 'c') \
	X(CMD_CLEAR, "clear-filters", CTX_BROWSE, \
	  "Clear the search, the country filter and marked-only", 'x') \
	/* CMD_MARK..CMD_EXPORT: one help section (view_help.c) */ \
	X(CMD_MARK, "mark", CTX_BROWSE, \
	  "Mark or unmark the selected event (marks are kept across runs)", \
	  'm') \
	X(CMD_MARKED_ONLY, "marked-only", CTX_BROWSE, \
	  "Show only the marked events, or every event again", 'M') \
	X(CMD_UNMARK_ALL, "clear-marks", CTX_BROWSE, \
	  "Clear all marks (asks first)", 'u') \
	X(CMD_EXPORT, "export", CTX_BROWSE, \
	  "Export the marked events as a Markdown briefing", 'e') \
	X(CMD_PROBLEMS, "problems", CTX_VIEWS, \
	  "Show problems found in the content (file:line:col)", '!', 'p') \
	X(CMD_HELP, "help", CTX_VIEWS, "Show or close this help", '?', UK_F1) \
	X(CMD_REDRAW, "redraw", CTX_VIEWS, "Repaint the screen", UK_CTRL('l')) \
	X(CMD_QUIT, "quit", CTX_VIEWS, "Quit cyberline", 'q') \
	X(CMD_PANEL_DOWN, "panel-down", CTX_PANEL, "Next country", \
	  UK_DOWN, UK_CTRL('n')) \
	X(CMD_PANEL_UP, "panel-up", CTX_PANEL, "Previous country", \
	  UK_UP, UK_CTRL('p')) \
	X(CMD_PANEL_PAGE_DOWN, "panel-page-down", CTX_PANEL, "One page down", \
	  UK_PGDN) \
	X(CMD_PANEL_PAGE_UP, "panel-page-up", CTX_PANEL, "One page up", \
	  UK_PGUP) \
	X(CMD_TOGGLE, "toggle", CTX_PANEL, "Select or unselect the country", ' ') \
	X(CMD_ANY_ALL, "any-all", CTX_PANEL, \
	  "Match events with any / with all selected countries", UK_TAB) \
	X(CMD_APPLY, "apply", CTX_PANEL, "Apply the selection", UK_ENTER) \
	X(CMD_CANCEL, "cancel", CTX_PANEL, "Close without changing the filter", \
	  UK_ESC) \
	X(CMD_ACCEPT, "accept", CTX_PROMPT, \
	  "Keep the search, or write the export; close the prompt", UK_ENTER) \
	X(CMD_PROMPT_CANCEL, "prompt-cancel", CTX_PROMPT, \
	  "Cancel: restore what was there before", UK_ESC, UK_CTRL('g')) \
	X(CMD_COMPLETE, "complete", CTX_PROMPT, \
	  "Complete the file name (export prompt)", UK_TAB) \
	X(CMD_EDIT_LEFT, "edit-left", CTX_EDIT, "Cursor left", \
	  UK_LEFT, UK_CTRL('b')) \
	X(CMD_EDIT_RIGHT, "edit-right", CTX_EDIT, "Cursor right", \
	  UK_RIGHT, UK_CTRL('f')) \
	X(CMD_EDIT_HOME, "edit-home", CTX_EDIT, "Start of the text", \
	  UK_HOME, UK_CTRL('a')) \
	X(CMD_EDIT_END, "edit-end", CTX_EDIT, "End of the text", \
	  UK_END, UK_CTRL('e')) \
	X(CMD_EDIT_BACKSPACE, "edit-backspace", CTX_EDIT, \
	  "Delete the character before the cursor", UK_BACKSPACE) \
	X(CMD_EDIT_DELETE, "edit-delete", CTX_EDIT, \
	  "Delete the character under the cursor", UK_DELETE, UK_CTRL('d')) \
	X(CMD_EDIT_KILL, "edit-kill", CTX_EDIT, \
	  "Delete everything before the cursor", UK_CTRL('u')) \
	X(CMD_EDIT_KILL_WORD, "edit-kill-word", CTX_EDIT, \
	  "Delete the word before the cursor", UK_CTRL('w')) \
	X(CMD_YES, "yes", CTX_CONFIRM, "Yes", 'y', 'Y') \
	X(CMD_NO, "no", CTX_CONFIRM, "No", 'n', 'N', UK_ESC, UK_CTRL('g'))

typedef enum Command {
	CMD_NONE = 0,
#define COMMAND_ENUM(id, name, ctx, help, ...) id,
	UI_COMMANDS(COMMAND_ENUM)
#undef COMMAND_ENUM
	CMD_COUNT
} Command;

/* One row of the generated command table. */
typedef struct CommandInfo {
	const char *name;
	unsigned contexts;
	const char *help;
	const int *keys; /* terminated by 0 */
} CommandInfo;

/* The table, indexed by Command (CMD_NONE has no keys). */
extern const CommandInfo commands_table[CMD_COUNT];

/* The command bound to key in context ctx (one CTX_ bit); CMD_NONE. */
Command commands_lookup(unsigned ctx, int key);
/* Write a key's printable name ("j", "PgDn", "Ctrl-U", "Space"). */
void commands_key_name(int key, char out[16]);
/* The command's keys as "j, Down" into out (appends). */
void commands_keys_text(Command cmd, Buf *out);
/* The name of cmd's first key (for hints), into out. */
void commands_first_key(Command cmd, char out[16]);

#endif
