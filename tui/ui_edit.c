/*
 * ui_edit.c - the one-line editor; see ui_edit.h.
 *
 * Moves and deletions go by code point, which is what the user typed;
 * display width (wide and combining characters) only matters when
 * drawing, where text_width() and text_fit() measure it.
 */
#include "ui_edit.h"

#include "text.h"

#include <string.h>

/* True for a UTF-8 continuation byte. */
static bool edit_is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Byte offset of the code point before position i. */
static size_t edit_prev(const LineEdit *e, size_t i)
{
	while (i > 0 && edit_is_cont(e->text.data[--i]))
		;
	return i;
}

/* Byte offset of the code point after position i. */
static size_t edit_next(const LineEdit *e, size_t i)
{
	if (i >= e->text.len)
		return e->text.len;
	i++;
	while (i < e->text.len && edit_is_cont(e->text.data[i]))
		i++;
	return i;
}

/* Remove bytes [from, to) and put the cursor at from. */
static void edit_cut(LineEdit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cursor = from;
}

/* Replace the text; the cursor goes to the end. */
void edit_set(LineEdit *e, const char *s)
{
	buf_clear(&e->text);
	buf_puts(&e->text, s ? s : "");
	e->cursor = e->text.len;
}

/* Swap the text before the cursor for head, keeping the rest. */
void edit_set_head(LineEdit *e, const char *head)
{
	Buf next = BUF_INIT;
	buf_puts(&next, head);
	size_t cursor = next.len;
	if (e->cursor < e->text.len)
		buf_append(&next, e->text.data + e->cursor, e->text.len - e->cursor);
	buf_free(&e->text);
	e->text = next;
	e->cursor = cursor;
}

/* Insert one code point at the cursor, encoded as UTF-8. */
void edit_insert(LineEdit *e, int cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else if (cp < 0x110000) {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	} else {
		return;
	}
	buf_reserve(&e->text, n + 1);
	char *p = e->text.data + e->cursor;
	memmove(p + n, p, e->text.len - e->cursor);
	memcpy(p, u, n);
	e->text.len += n;
	e->text.data[e->text.len] = '\0';
	e->cursor += n;
}

/* Ctrl-W: the spaces before the cursor, then the word before them. */
static void edit_kill_word(LineEdit *e)
{
	size_t i = e->cursor;
	while (i > 0 && e->text.data[i - 1] == ' ')
		i--;
	while (i > 0 && e->text.data[i - 1] != ' ')
		i--;
	edit_cut(e, i, e->cursor);
}

EditResult edit_command(LineEdit *e, Command cmd)
{
	size_t before = e->text.len;
	switch (cmd) {
	case CMD_EDIT_LEFT:
		e->cursor = edit_prev(e, e->cursor);
		return EDIT_MOVED;
	case CMD_EDIT_RIGHT:
		e->cursor = edit_next(e, e->cursor);
		return EDIT_MOVED;
	case CMD_EDIT_HOME:
		e->cursor = 0;
		return EDIT_MOVED;
	case CMD_EDIT_END:
		e->cursor = e->text.len;
		return EDIT_MOVED;
	case CMD_EDIT_BACKSPACE:
		edit_cut(e, edit_prev(e, e->cursor), e->cursor);
		break;
	case CMD_EDIT_DELETE:
		edit_cut(e, e->cursor, edit_next(e, e->cursor));
		break;
	case CMD_EDIT_KILL:
		edit_cut(e, 0, e->cursor);
		break;
	case CMD_EDIT_KILL_WORD:
		edit_kill_word(e);
		break;
	default:
		return EDIT_UNHANDLED;
	}
	return e->text.len != before ? EDIT_CHANGED : EDIT_MOVED;
}

/* The current text, never NULL. */
const char *edit_text(const LineEdit *e)
{
	return buf_cstr(&e->text);
}

/* Draw the text escaped, scrolled to show the cursor; place the cursor. */
void edit_draw(const LineEdit *e, Term *t, int x, int y, int w, UiStyle st)
{
	if (w <= 1)
		return;
	Buf disp = BUF_INIT;
	term_display(t, &disp, buf_cstr(&e->text), e->cursor, 0);
	int col = text_width(buf_cstr(&disp), disp.len);
	term_display(t, &disp, buf_cstr(&e->text) + e->cursor,
	             e->text.len - e->cursor, 0);
	const char *s = buf_cstr(&disp);
	size_t start = 0;
	int skipped = 0;
	if (col > w - 1) /* scroll so the cursor sits in the last column */
		start = text_fit(s, disp.len, col - (w - 1), &skipped);
	term_put_display(t, x, y, w, s + start, disp.len - start, st);
	term_cursor(t, x + col - skipped, y);
	buf_free(&disp);
}

/* Release the text. */
void edit_free(LineEdit *e)
{
	buf_free(&e->text);
	e->cursor = 0;
}
