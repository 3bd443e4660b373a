/*
 * search_index.h - the folded search text of a timeline, in one piece.
 *
 * For each event (by sorted index) the index holds text_fold() of its
 * title, summary, excerpt, source title and outlet, one after another
 * in a single buffer per worker, so a search walks memory in order
 * instead of chasing one allocation per event. It is built on demand,
 * not at load: listing, stats and validation never pay for it. Building
 * can run in the background (search_index_start) while the UI shows its
 * first frame; search_index_wait returns once it is complete.
 */
#ifndef CYBERLINE_SEARCH_INDEX_H
#define CYBERLINE_SEARCH_INDEX_H

#include "event.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct SearchIndex SearchIndex;

/* Start folding events[0..n) (borrowed: they must outlive the index)
 * on background threads. Never NULL; free with search_index_free. */
SearchIndex *search_index_start(const Event *const *events, size_t n);
/* Block until the index is complete. Safe to call more than once. */
void search_index_wait(SearchIndex *x);
/*
 * The contiguous piece of the index that holds event i: *text is its
 * folded text and event j (first <= j < returned end) spans
 * text[offsets[j - first] .. offsets[j - first + 1]). Lets a search scan
 * a run of events with one memmem instead of one call per event.
 */
size_t search_index_piece(const SearchIndex *x, size_t i, const char **text,
                          const size_t **offsets, size_t *first);
/*
 * The first occurrence of needle[0..m) in hay[0..n), or NULL: memmem's
 * contract, but faster on folded text, where a needle's first and last
 * bytes rule out most places 16 at a time.
 */
const char *search_find(const char *hay, size_t n, const char *needle,
                        size_t m);
/* Waits for the builders, then frees everything. NULL is a no-op. */
void search_index_free(SearchIndex *x);

/* The searchable text of one event, folded, appended to out (the same
 * text the index holds; for callers that test a single event). */
void search_fold_event(const Event *e, Buf *out);

#endif
