/*
 * ui_core.h - the state every view shares, and the view interface.
 *
 * One Ui value holds what more than one view needs: the corpus, the
 * timeline and the filter it shows, the selected event, a per-year index
 * of `shown` (rebuilt once per filter change), the focus and the open
 * overlay. Everything else is private to a view (`priv`, made by its
 * open hook).
 *
 * Views follow tig's view_ops: a table of hooks in a file of its own.
 * Handlers never draw: they change state and return UI_* flags saying
 * what must happen next; ui.c's loop alone acts on them (refilter,
 * redraw, quit). A handler that does not know a command returns UI_PASS
 * and the loop offers it to the next in line.
 */
#ifndef CYBERLINE_UI_CORE_H
#define CYBERLINE_UI_CORE_H

#include "commands.h"
#include "marks.h"
#include "timeline.h"
#include "ui_term.h"

#include <stdbool.h>
#include <stddef.h>

/* What a handler asks for. */
enum {
	UI_DRAW = 1,      /* repaint */
	UI_FILTER = 2,    /* ui->filter changed: re-apply it, then repaint */
	UI_QUIT = 4,      /* leave with status 0 */
	UI_REPAINT = 8,   /* forget the screen and repaint every cell */
	UI_PASS = 0x100,  /* not handled here: offer it elsewhere */
};

typedef enum ViewId {
	V_YEARS,
	V_LIST,
	V_READER,
	V_STATUS,
	V_PROMPT,
	V_COUNTRIES,
	V_HELP,
	V_PROBLEMS,
	V_CONFIRM,
	V_COUNT,
	V_NONE = -1
} ViewId;

typedef struct Ui Ui;

struct view_ops {
	const char *name;
	/* Key contexts (CTX_ bits) this view reads keys in, tried low bit
	 * first; 0 for views that never take the keyboard. */
	unsigned contexts;
	/* Make the private state; NULL when the view keeps none. */
	void *(*open)(Ui *ui);
	/* Free what open made; called with NULL too. */
	void (*close)(void *priv);
	/* Paint the view into area (may be 0 wide or high). */
	void (*draw)(Ui *ui, void *priv, UiRect area);
	/* Act on a command; UI_ flags, or UI_PASS when not handled. */
	unsigned (*command)(Ui *ui, void *priv, Command cmd);
	/* Typed character for text views (NULL elsewhere). */
	unsigned (*text)(Ui *ui, void *priv, int ch);
	/* A click or wheel inside area (NULL: ignored). */
	unsigned (*mouse)(Ui *ui, void *priv, const UiInput *in, UiRect area);
	/* The view is about to be shown as an overlay (NULL: nothing to do). */
	void (*show)(Ui *ui, void *priv);
};

typedef enum Focus { FOCUS_LIST, FOCUS_READER } Focus;

/* Which hooks the prompt calls; the text is the prompt's current line.
 * Any hook may be NULL. */
typedef struct PromptSpec {
	const char *label;
	bool show_count; /* "N of M" on the right, as the search narrows */
	unsigned (*changed)(Ui *ui, const char *text);
	unsigned (*accept)(Ui *ui, const char *text);
	unsigned (*cancel)(Ui *ui);
	/* Tab: complete `before` (the text before the cursor) into *out and
	 * return true, or return false to leave it; either may say
	 * something short in *note (the candidates, "no match"). */
	bool (*complete)(Ui *ui, const char *before, Buf *out, Buf *note);
} PromptSpec;

/* The answers to a y/n question (view_confirm.c); no may be NULL. */
typedef struct ConfirmSpec {
	unsigned (*yes)(Ui *ui);
	unsigned (*no)(Ui *ui);
} ConfirmSpec;

struct Ui {
	const Corpus *corpus;
	Term *term;
	Timeline *tl;
	Filter filter;       /* what the user asked for; tl->shown follows it */
	char *search_text;   /* the search as typed (for display); owned */
	char *search_saved;  /* the search before the prompt opened; owned */
	size_t sel;          /* selected index in tl->shown */

	/* Year strip: years year_first.. (year_count of them), counts over
	 * tl->shown; year_max is the largest count. */
	int year_first, year_count;
	size_t *year_counts;
	size_t year_max;
	/* Years present in tl->shown: ystart[k] is the first index of year
	 * yyear[k]; nyears entries, increasing. */
	size_t *ystart;
	int *yyear;
	size_t nyears;

	Focus focus;
	ViewId overlay;       /* V_NONE, V_PROMPT, V_COUNTRIES, V_HELP, ... */
	const PromptSpec *prompt; /* the open prompt's hooks */
	const ConfirmSpec *confirm; /* the open question's answers */
	size_t problems;      /* diag_problems(&corpus->diags) */

	/* Marks (ui_marks.c): the store, how many of its ids the corpus
	 * lacks (recounted after every change) and whether only the marked
	 * events are shown (then filter.keep is marks_filter_keep). */
	Marks *marks;
	size_t dangling;
	bool marked_only;
	/* A line for the status row until the next key (ui_message). */
	char *message;       /* owned; NULL: none */
	bool message_error;
	char *export_path;   /* the file an overwrite question is about */

	struct {
		const struct view_ops *ops;
		void *priv;
		UiRect area; /* where it was last drawn */
	} views[V_COUNT];
};

extern const struct view_ops view_years_ops, view_list_ops, view_reader_ops,
	view_status_ops, view_prompt_ops, view_countries_ops, view_help_ops,
	view_problems_ops, view_confirm_ops;

/* ---- ui_timeline.c: the filtered timeline as the views see it ------ */

/* Apply ui->filter, rebuild the year index, keep the selection. */
void ui_refilter(Ui *ui);
/* Free what ui_refilter built. */
void ui_timeline_free(Ui *ui);
/* The selected event, or NULL when nothing is shown. */
const Event *ui_selected(const Ui *ui);
/* Select shown index i (clamped). */
void ui_select(Ui *ui, size_t i);
/* Index in ystart/yyear of the year holding shown index i. */
size_t ui_year_index(const Ui *ui, size_t i);
/* List rows: one per shown event plus one header per year. */
size_t ui_rows(const Ui *ui);
/* The row of shown index i. */
size_t ui_row_of(const Ui *ui, size_t i);
/* What row r holds: true with *year set for a header, false with *event
 * set for an event. */
bool ui_row_at(const Ui *ui, size_t r, size_t *event, size_t *year);
/* Set the search as typed (NULL clears); returns UI_FILTER. */
unsigned ui_set_search(Ui *ui, const char *text);

/* ---- ui.c: overlays and shared actions ----------------------------- */

/* Open an overlay view (calls its show hook). */
void ui_open(Ui *ui, ViewId v);
/* Close the overlay, back to the list or reader. */
void ui_close_overlay(Ui *ui);
/* Open the prompt with these hooks and initial text (view_prompt.c). */
void ui_prompt_open(Ui *ui, const PromptSpec *spec, const char *initial);
/* Ask question (ending in "(y/n)") with these answers (view_confirm.c). */
void ui_confirm_open(Ui *ui, const ConfirmSpec *spec, const char *question);
/* Show a line on the status row until the next key; error: in red. */
void ui_message(Ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- ui_search.c ---------------------------------------------------- */

/* The search prompt's hooks. */
extern const PromptSpec ui_search_prompt;
/* Open the search prompt on the current search (Esc restores it). */
void ui_search_open(Ui *ui);

/* ---- ui_marks.c: m, M, u ------------------------------------------ */

/* Open the marks file (its warning becomes the first message). */
void ui_marks_open(Ui *ui);
void ui_marks_close(Ui *ui);
/* m: mark or unmark the selected event, saving at once. */
unsigned ui_mark_toggle(Ui *ui);
/* M: show only the marked events, or all again. */
unsigned ui_marked_only(Ui *ui, bool on);
/* u: ask, then clear every mark. */
unsigned ui_marks_clear(Ui *ui);

/* ---- ui_export.c: e ------------------------------------------------- */

/* Open the export prompt on the default path. */
unsigned ui_export_open(Ui *ui);

/* ---- ui_complete.c: file names -------------------------------------- */

/* Expand a leading "~/" (or a lone "~") to $HOME; appends to out. */
void ui_expand_home(const char *path, Buf *out);
/* Complete a path as typed (a PromptSpec complete hook). */
bool ui_complete_path(Ui *ui, const char *before, Buf *out, Buf *note);

#endif
