/*
 * ui_loading.h - the progress bar shown while content loads.
 */
#ifndef CYBERLINE_UI_LOADING_H
#define CYBERLINE_UI_LOADING_H

#include "ui_term.h"

#include <stddef.h>

typedef struct UiLoading {
	Term *term;
	double last; /* when the bar was last drawn */
} UiLoading;

/* A LoadProgressFn: ctx is a UiLoading. */
void ui_loading_progress(void *ctx, size_t done, size_t total);

#endif
