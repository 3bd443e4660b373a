/*
 * ui_edit.h - a one-line text editor: the search and export prompts' and
 * the country panel's typing.
 *
 * Text is UTF-8; the cursor is a byte offset that always sits on a code
 * point boundary. Editing commands come from commands.h (CTX_EDIT), so
 * their keys live in the one command table.
 */
#ifndef CYBERLINE_UI_EDIT_H
#define CYBERLINE_UI_EDIT_H

#include "commands.h"

#include <stdbool.h>

typedef struct LineEdit {
	Buf text;
	size_t cursor;
} LineEdit;

#define LINEEDIT_INIT {BUF_INIT, 0}

/* What an edit command did. */
typedef enum EditResult {
	EDIT_UNHANDLED, /* not an editing command */
	EDIT_MOVED,     /* cursor moved, text unchanged */
	EDIT_CHANGED,   /* the text changed */
} EditResult;

/* Replace the text (NULL: empty), cursor at the end. */
void edit_set(LineEdit *e, const char *s);
/* Replace the text before the cursor with head; the cursor ends after
 * it and the text after the cursor stays (Tab completion). */
void edit_set_head(LineEdit *e, const char *head);
/* Insert code point cp at the cursor. */
void edit_insert(LineEdit *e, int cp);
/* Apply an editing command. */
EditResult edit_command(LineEdit *e, Command cmd);
/* The text; "" when empty. Owned by the editor. */
const char *edit_text(const LineEdit *e);
/* Draw the text at (x, y) in w columns, scrolled so the cursor shows,
 * and place the terminal cursor there. */
void edit_draw(const LineEdit *e, Term *t, int x, int y, int w, UiStyle st);
void edit_free(LineEdit *e);

#endif
