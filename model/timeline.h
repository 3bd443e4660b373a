/*
 * timeline.h - the sorted timeline and the filters over it.
 *
 * A Timeline holds every event of a Corpus sorted once (by date_compare,
 * then id) and the subset that the current Filter shows, in the same
 * order. Views and exporters only walk `shown`; nothing else sorts.
 *
 * A Filter is a plain value: a date window (inclusive, at day
 * resolution: an event shows when its period overlaps the window), a
 * country set matched any/all, a search key and an optional predicate
 * (the UI's "marked only"). Search is a substring test on keys made by
 * text_fold(), so it is blind to case, accents and normalisation.
 *
 * The Timeline borrows the Corpus: free the Timeline first.
 */
#ifndef CYBERLINE_TIMELINE_H
#define CYBERLINE_TIMELINE_H

#include "load.h"

#include <stdbool.h>

/* The default window: 2018 to 2024. */
#define TIMELINE_FIRST_YEAR 2018
#define TIMELINE_LAST_YEAR 2024

typedef bool (*FilterPredicate)(void *ctx, const Event *e);

typedef struct Filter {
	int32_t from, to;        /* yyyymmdd, inclusive */
	CountrySet countries;
	size_t ncountries;       /* 0: no country filter */
	bool match_all;          /* all selected countries vs any */
	char *search;            /* folded key, owned; NULL or "" for none */
	char *search_text;       /* the search as given, owned, for display */
	FilterPredicate keep;    /* optional extra test */
	void *keep_ctx;
} Filter;

/* A filter with the default window and nothing else. */
void filter_init(Filter *f);
/* Set the window from two dates (either may have DATE_NONE: unchanged). */
void filter_set_window(Filter *f, Date from, Date to);
/* Replace the search text (folded here); NULL or "" clears it. */
void filter_set_search(Filter *f, const char *text);
void filter_add_country(Filter *f, CountryCode c);
void filter_clear_countries(Filter *f);
/* Copy src into dst (dst gets its own search string). */
void filter_copy(Filter *dst, const Filter *src);
void filter_free(Filter *f);

typedef struct Timeline {
	const Event **sorted; /* every event, sorted; owned */
	size_t count;
	const Event **shown;  /* the filtered subset, sorted; owned */
	size_t nshown;
	struct TimelinePriv *priv; /* filter keys, search index and cache */
} Timeline;

/* Sort the corpus's events into a new Timeline showing the default
 * window. The caller owns it: timeline_free(). */
Timeline *timeline_new(const Corpus *c);
/*
 * Recompute `shown` for filter f. The window, countries and predicate
 * are cheap and tested every time; the search is the costly part, so
 * its answers are remembered per search key for the last few keys.
 * Typing a letter only rescans the previous key's hits (a miss stays a
 * miss), backspace finds its answers in the cache, and a country change
 * under an active search reuses them; what is left to scan is split
 * across threads on large timelines.
 */
void timeline_apply(Timeline *t, const Filter *f);
/*
 * Start building the search text in the background (the first search
 * would otherwise build it, and on a large corpus that takes a moment).
 * The UI calls this once its first frame is on screen. Idempotent.
 */
void timeline_prepare_search(Timeline *t);
/* Index in `shown` of the first event on or after day (yyyymmdd). */
size_t timeline_seek(const Timeline *t, int32_t day);
void timeline_free(Timeline *t);

#endif
