/*
 * ui_term.h - the thin drawing layer: the only door to the terminal.
 *
 * Everything the UI shows goes through here, and only ui_term.c includes
 * curses.h. The layer knows three kinds of text:
 *   - content text (untrusted, from YAML): term_put() escapes it with
 *     text_escape(), transliterates it to ASCII when the terminal is not
 *     UTF-8 (LANG=C), and cuts it by display width, never by bytes;
 *   - display text: already made safe by term_display() (the reader wraps
 *     it first), drawn by term_put_display() with only the width cut;
 *   - UI text: our own strings and glyphs (term_glyph()), which may hold
 *     UTF-8 symbols and are transliterated the same way in ASCII mode.
 * Styles are semantic (selected, header, ...); the layer maps them to
 * colour pairs, or to reverse/bold only when NO_COLOR is set or the
 * terminal has no colours (vt100).
 *
 * Keys arrive as UiInput: a Unicode code point for a character (Ctrl-X
 * as 1..31) or one of the UK_* codes below, so no other file needs
 * curses' KEY_* names.
 */
#ifndef CYBERLINE_UI_TERM_H
#define CYBERLINE_UI_TERM_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* A screen rectangle in cells; w or h may be 0 (nothing to draw). */
typedef struct UiRect {
	int x, y, w, h;
} UiRect;

/* Semantic styles; term_put() maps them to attributes. */
typedef enum UiStyle {
	ST_NORMAL,
	ST_SELECTED,    /* the selection in the focused pane */
	ST_SELECTED_DIM, /* the selection in a pane without focus */
	ST_HEADER,      /* year headers, section titles */
	ST_TITLE,       /* the reader's event title */
	ST_DIM,         /* notes, counts */
	ST_BAR,         /* year-strip bars */
	ST_YEAR,        /* year labels */
	ST_YEAR_CURRENT, /* the selected event's year */
	ST_STATUS,      /* the status line */
	ST_ERROR,       /* problem counts, warnings */
	ST_QUOTE,       /* the verbatim excerpt */
	ST_FRAME,       /* separators and panel borders */
	ST_STYLES
} UiStyle;

/* Symbols with an ASCII stand-in for LANG=C. */
typedef enum UiGlyph {
	G_APPROX,   /* ≈ / ~ : inferred date */
	G_BAR,      /* █ / # */
	G_VLINE,    /* │ / | */
	G_HLINE,    /* ─ / - */
	G_ELLIPSIS, /* … / ~ */
	G_QUOTE,    /* ▌ / > */
	G_DASH,     /* — / - */
	G_DOT,      /* · / - */
	G_POINTER,  /* ▶ / > */
	G_MARK,     /* ● / * : a marked event */
	G_GLYPHS
} UiGlyph;

/* Key codes beyond Unicode; characters are their code points. */
enum {
	UK_NONE = -1,
	UK_BASE = 0x200000,
	UK_UP = UK_BASE,
	UK_DOWN,
	UK_LEFT,
	UK_RIGHT,
	UK_PGUP,
	UK_PGDN,
	UK_HOME,
	UK_END,
	UK_BACKSPACE,
	UK_DELETE,
	UK_ENTER,
	UK_TAB,
	UK_BTAB,
	UK_ESC,
	UK_F1,
	UK_RESIZE,
	UK_MOUSE,
	UK_SPACE = ' ',
};
#define UK_CTRL(c) ((c) & 0x1f)

typedef enum UiMouseKind {
	MOUSE_NONE,
	MOUSE_CLICK,
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN,
} UiMouseKind;

/* One input: a key, or a mouse event at (mx, my) when key == UK_MOUSE. */
typedef struct UiInput {
	int key;
	UiMouseKind mouse;
	int mx, my;
} UiInput;

typedef struct Term Term;

/* Start curses on the terminal (setlocale must already have run).
 * NULL when the terminal cannot be opened. term_close() ends it. */
Term *term_open(void);
/* Restore the terminal and free t; NULL is a no-op. */
void term_close(Term *t);
/* Restore the terminal only, from a signal handler or atexit. */
void term_emergency_restore(void);
/* The terminal's size in columns and rows. */
void term_size(const Term *t, int *w, int *h);

/* Start a frame (erase), end it (refresh, cursor placed or hidden). */
void term_begin(Term *t);
void term_end(Term *t);
/* Forget the screen and repaint everything at the next term_end(). */
void term_invalidate(Term *t);
/* Show the cursor at (x, y) when this frame ends; x < 0 hides it. */
void term_cursor(Term *t, int x, int y);

/*
 * Make content text safe to draw: escape it (flags as for text_escape(),
 * TAB becomes a space) and transliterate it to ASCII in ASCII mode.
 * Appends to out.
 */
void term_display(Term *t, Buf *out, const char *s, size_t n, unsigned flags);

/*
 * Draw at (x, y), clipped to w columns and to the screen. Each returns
 * the columns used. term_put: content text; term_put_display: text from
 * term_display(); term_put_ui: the UI's own strings.
 */
int term_put(Term *t, int x, int y, int w, const char *s, size_t n, UiStyle st);
int term_put_display(Term *t, int x, int y, int w, const char *s, size_t n,
                     UiStyle st);
int term_put_ui(Term *t, int x, int y, int w, const char *s, UiStyle st);
/* Fill w cells at (x, y) with spaces in style st. */
void term_fill(Term *t, int x, int y, int w, UiStyle st);
/* Draw glyph g n times at (x, y); returns columns used. */
int term_glyphs(Term *t, int x, int y, UiGlyph g, int n, UiStyle st);
/* The glyph's text for this terminal (UTF-8 or ASCII). */
const char *term_glyph(const Term *t, UiGlyph g);

/* Wait up to timeout_ms for one input; false on timeout/interrupt. */
bool term_read(Term *t, UiInput *in, int timeout_ms);

#endif
