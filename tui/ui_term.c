/*
 * ui_term.c - curses behind a small drawing API; see ui_term.h.
 *
 * The one file that includes curses.h. It owns the SCREEN, the colour
 * pairs, the glyph table and two scratch buffers so drawing a row does not
 * allocate. Widths come from ICU (text_fit), so a cut never splits a
 * grapheme or a wide character; curses only places the bytes.
 */
#include "ui_term.h"

#include "text.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

struct Term {
	SCREEN *screen;
	bool utf8;
	bool color;
	TextAscii *ascii; /* transliterator for ASCII mode; NULL in UTF-8 */
	Buf line;         /* scratch: one row's display text */
	Buf tmp;          /* scratch: escape before transliteration */
	int cursor_x, cursor_y;
};

/* Set while curses owns the terminal, for the emergency restore. */
static volatile sig_atomic_t term_live;

/* How each style looks: colours when allowed, else `mono`. */
static const struct {
	short fg, bg;
	attr_t attr; /* with colour */
	attr_t mono; /* NO_COLOR, vt100 */
} style_table[ST_STYLES] = {
	[ST_NORMAL] = {-1, -1, 0, 0},
	[ST_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[ST_SELECTED_DIM] = {COLOR_BLACK, COLOR_WHITE, 0, A_BOLD | A_UNDERLINE},
	[ST_HEADER] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[ST_TITLE] = {-1, -1, A_BOLD, A_BOLD},
	[ST_DIM] = {COLOR_CYAN, -1, 0, 0},
	[ST_BAR] = {COLOR_GREEN, -1, 0, 0},
	[ST_YEAR] = {-1, -1, 0, 0},
	[ST_YEAR_CURRENT] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
	[ST_STATUS] = {-1, -1, A_REVERSE, A_REVERSE},
	[ST_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[ST_QUOTE] = {COLOR_GREEN, -1, 0, 0},
	[ST_FRAME] = {COLOR_BLUE, -1, 0, 0},
};

/* Glyphs: UTF-8 form and the ASCII stand-in for LANG=C. */
static const char *const glyph_table[G_GLYPHS][2] = {
	[G_APPROX] = {"\u2248", "~"},
	[G_BAR] = {"\u2588", "#"},
	[G_VLINE] = {"\u2502", "|"},
	[G_HLINE] = {"\u2500", "-"},
	[G_ELLIPSIS] = {"\u2026", "~"},
	[G_QUOTE] = {"\u258c", ">"},
	[G_DASH] = {"\u2014", "-"},
	[G_DOT] = {"\u00b7", "-"},
	[G_POINTER] = {"\u25b6", ">"},
	[G_MARK] = {"\u25cf", "*"},
};

/* Curses key codes mapped to ours. */
static const struct {
	int curses, ui;
} key_table[] = {
	{KEY_UP, UK_UP},         {KEY_DOWN, UK_DOWN},   {KEY_LEFT, UK_LEFT},
	{KEY_RIGHT, UK_RIGHT},   {KEY_PPAGE, UK_PGUP},  {KEY_NPAGE, UK_PGDN},
	{KEY_HOME, UK_HOME},     {KEY_END, UK_END},     {KEY_FIND, UK_HOME},
	{KEY_SELECT, UK_END},    {KEY_A1, UK_HOME},     {KEY_C1, UK_END},
	{KEY_A3, UK_PGUP},       {KEY_C3, UK_PGDN},     {KEY_BACKSPACE, UK_BACKSPACE},
	{KEY_DC, UK_DELETE},     {KEY_ENTER, UK_ENTER}, {KEY_BTAB, UK_BTAB},
	{KEY_F(1), UK_F1},       {KEY_RESIZE, UK_RESIZE},
};

/* Define colour pairs 1..ST_STYLES-1 from style_table. */
static void term_init_colors(Term *t)
{
	const char *no_color = getenv("NO_COLOR");
	t->color = has_colors() && !(no_color && *no_color);
	if (!t->color || start_color() == ERR) {
		t->color = false;
		return;
	}
	bool defaults = use_default_colors() == OK;
	for (int s = 1; s < ST_STYLES; s++) {
		short fg = style_table[s].fg, bg = style_table[s].bg;
		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		init_pair((short)s, fg, bg);
	}
}

Term *term_open(void)
{
	Term *t = xcalloc(1, sizeof *t);
	const char *cs = nl_langinfo(CODESET);
	t->utf8 = cs && strcmp(cs, "UTF-8") == 0;
	t->ascii = t->utf8 ? NULL : text_ascii_new();
	t->screen = newterm(NULL, stdout, stdin);
	/* A terminal that cannot move the cursor (TERM=dumb) cannot show
	 * a full-screen UI; refuse it rather than print garbage. */
	char *cup = t->screen ? tigetstr("cup") : NULL;
	if (!cup || cup == (char *)-1) {
		if (t->screen) {
			endwin();
			delscreen(t->screen);
		}
		text_ascii_free(t->ascii);
		free(t);
		return NULL;
	}
	term_live = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	          BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	term_init_colors(t);
	t->cursor_x = -1;
	return t;
}

/* Give the terminal back (endwin) if curses has it; safe to call twice. */
void term_emergency_restore(void)
{
	if (term_live) {
		term_live = 0;
		endwin();
	}
}

/* Restore the terminal and free the layer. */
void term_close(Term *t)
{
	if (!t)
		return;
	term_emergency_restore();
	delscreen(t->screen);
	text_ascii_free(t->ascii);
	buf_free(&t->line);
	buf_free(&t->tmp);
	free(t);
}

/* The screen size in cells, as curses last saw it. */
void term_size(const Term *t, int *w, int *h)
{
	(void)t;
	*w = COLS;
	*h = LINES;
}

/* Start a frame: blank the virtual screen, hide the cursor by default. */
void term_begin(Term *t)
{
	t->cursor_x = -1;
	erase();
}

/* End a frame: place or hide the cursor and send the changes. */
void term_end(Term *t)
{
	if (t->cursor_x >= 0 && t->cursor_x < COLS && t->cursor_y < LINES) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else {
		curs_set(0);
		move(LINES > 0 ? LINES - 1 : 0, 0);
	}
	refresh();
}

/* Make the next frame repaint every cell (Ctrl-L). */
void term_invalidate(Term *t)
{
	(void)t;
	clearok(curscr, TRUE);
}

/* Where the cursor goes when the frame ends (x < 0: hidden). */
void term_cursor(Term *t, int x, int y)
{
	t->cursor_x = x;
	t->cursor_y = y;
}

/* Escape s[0..n) into out, TAB as a space. */
static void term_escape(Buf *out, const char *s, size_t n, unsigned flags)
{
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\t')
			continue;
		text_escape(out, s + start, i - start, flags & ~(unsigned)TEXT_KEEP_TAB);
		if (i < n)
			buf_putc(out, ' ');
		start = i + 1;
	}
}

/* Content text made safe to draw: escaped, and ASCII in ASCII mode. */
void term_display(Term *t, Buf *out, const char *s, size_t n, unsigned flags)
{
	if (t->utf8) {
		term_escape(out, s, n, flags);
		return;
	}
	buf_clear(&t->tmp);
	term_escape(&t->tmp, s, n, flags);
	size_t from = out->len;
	text_ascii(t->ascii, out, t->tmp.data ? t->tmp.data : "", t->tmp.len);
	/* Transliteration must not bring back anything a terminal acts on. */
	for (size_t i = from; i < out->len; i++) {
		unsigned char c = (unsigned char)out->data[i];
		if ((c < 0x20 && !(c == '\n' && (flags & TEXT_KEEP_NEWLINE))) ||
		    c >= 0x7f)
			out->data[i] = '?';
	}
}

/* Attributes for style st on this terminal. */
static attr_t term_attr(const Term *t, UiStyle st)
{
	if (!t->color)
		return style_table[st].mono;
	return style_table[st].attr | (st ? COLOR_PAIR(st) : 0);
}

/* Draw safe text cut to w columns by display width; returns columns used. */
int term_put_display(Term *t, int x, int y, int w, const char *s, size_t n,
                     UiStyle st)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || w <= 0)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	int used = 0;
	size_t fit = text_fit(s, n, w, &used);
	if (fit == 0)
		return 0;
	attrset(term_attr(t, st));
	mvaddnstr(y, x, s, (int)fit);
	attrset(A_NORMAL);
	return used;
}

/* Draw content text: made safe, then cut by display width. */
int term_put(Term *t, int x, int y, int w, const char *s, size_t n, UiStyle st)
{
	buf_clear(&t->line);
	term_display(t, &t->line, s, n, 0);
	return term_put_display(t, x, y, w, buf_cstr(&t->line), t->line.len, st);
}

/* Draw the UI's own text, transliterated in ASCII mode. */
int term_put_ui(Term *t, int x, int y, int w, const char *s, UiStyle st)
{
	if (t->utf8)
		return term_put_display(t, x, y, w, s, strlen(s), st);
	buf_clear(&t->line);
	text_ascii(t->ascii, &t->line, s, strlen(s));
	return term_put_display(t, x, y, w, buf_cstr(&t->line), t->line.len, st);
}

/* Paint w blank cells in a style (selection and status bars). */
void term_fill(Term *t, int x, int y, int w, UiStyle st)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || w <= 0)
		return;
	if (w > COLS - x)
		w = COLS - x;
	attrset(term_attr(t, st));
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

/* A symbol in UTF-8 or its ASCII stand-in. */
const char *term_glyph(const Term *t, UiGlyph g)
{
	return glyph_table[g][t->utf8 ? 0 : 1];
}

/* Draw a symbol n times (bars, rules); returns columns used. */
int term_glyphs(Term *t, int x, int y, UiGlyph g, int n, UiStyle st)
{
	const char *s = term_glyph(t, g);
	int used = 0;
	for (int i = 0; i < n; i++) {
		int u = term_put_display(t, x + used, y, n - used, s, strlen(s), st);
		if (u == 0)
			break;
		used += u;
	}
	return used;
}

/* Translate a curses function key; UK_NONE when it has no meaning here. */
static int term_map_key(int k)
{
	for (size_t i = 0; i < sizeof key_table / sizeof key_table[0]; i++)
		if (key_table[i].curses == k)
			return key_table[i].ui;
	return k == KEY_MOUSE ? UK_MOUSE : UK_NONE;
}

/* Fill in a mouse input from curses; false for events we ignore. */
static bool term_read_mouse(UiInput *in)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return false;
	in->mx = ev.x;
	in->my = ev.y;
	if (ev.bstate & BUTTON4_PRESSED)
		in->mouse = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		in->mouse = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		in->mouse = MOUSE_CLICK;
	else
		return false;
	return true;
}

/* Read one key or mouse event, mapped to UK_ codes; false on timeout. */
bool term_read(Term *t, UiInput *in, int timeout_ms)
{
	(void)t;
	memset(in, 0, sizeof *in);
	in->key = UK_NONE;
	timeout(timeout_ms);
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES) {
		in->key = term_map_key((int)wc);
		if (in->key == UK_MOUSE && !term_read_mouse(in))
			in->key = UK_NONE;
		return true;
	}
	switch (wc) {
	case '\r':
	case '\n':
		in->key = UK_ENTER;
		break;
	case '\t':
		in->key = UK_TAB;
		break;
	case 27:
		in->key = UK_ESC;
		break;
	case 8:
	case 127:
		in->key = UK_BACKSPACE;
		break;
	default:
		in->key = (int)wc;
	}
	return true;
}
