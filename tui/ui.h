/*
 * ui.h - the interactive terminal UI (ncursesw).
 */
#ifndef CYBERLINE_UI_H
#define CYBERLINE_UI_H

#include "load.h"
#include "timeline.h"

/* Run the interactive UI over an already-loaded corpus. `initial` is the
 * filter from the command line (window, countries, search); the UI copies it.
 * Returns the process exit status (0 on q). Requires stdin and stdout to be a
 * terminal; the caller checks that and prints the error otherwise. */
int ui_run(const Corpus *corpus, const Filter *initial);

#endif
