/*
 * ui.h - the interactive terminal UI: the one entry point the CLI calls.
 *
 * The UI borrows the corpus (it must outlive ui_run) and keeps its own
 * copy of the filter. Everything about the terminal - curses, signals,
 * locale - is set up and torn down inside ui_run.
 */
#ifndef CYBERLINE_UI_H
#define CYBERLINE_UI_H

#include "load.h"
#include "timeline.h"

#include <stdbool.h>

/*
 * How the UI gets its content: once the terminal is up, ui_run calls
 * load(ctx, opt) with opt->progress set to draw a progress bar, so a
 * large corpus shows its loading instead of a blank screen. The corpus
 * returned is handed back to the caller through ui_run's *loaded.
 */
typedef Corpus *(*UiLoadFn)(void *ctx, const LoadOptions *opt);

/* Run the interactive UI. `initial` is the filter from the command line
 * (window, countries, search); the UI copies it. marked_only starts with
 * only the marked events shown (--marked). *loaded receives the corpus
 * (the caller frees it; NULL if the terminal could not be opened).
 * Returns the process exit status (0 on q). Requires stdin and stdout to be a
 * terminal; the caller checks that and prints the error otherwise.
 * On SIGINT/SIGTERM the terminal is restored and 128 + the signal number
 * is returned; 1 when the terminal cannot be opened. */
int ui_run(UiLoadFn load, void *load_ctx, const Filter *initial,
           bool marked_only, Corpus **loaded);

#endif
