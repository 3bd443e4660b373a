/*
 * marks.h - the analyst's marks: a set of event ids kept in a file.
 *
 * The file ($XDG_STATE_HOME/cyberline/marks, else
 * ~/.local/state/cyberline/marks) is the line MARKS_HEADER, then one
 * event id a line, sorted. Ids stay in the file even when no loaded event
 * has them (the content may come back); marks_dangling() counts those.
 *
 * Every change is written at once and atomically: the whole set goes to
 * "<file>.tmp.<pid>" in the same directory (created 0700 when missing),
 * which is flushed, fsync'd and renamed over the file, so a crash or a
 * kill leaves the old file or the new one, never a mix. Just before
 * writing the file is read again and the change applied to what it
 * holds, so two sessions marking at once keep each other's marks.
 *
 * A file that cannot be read or is not a marks file (another first line,
 * a line that is not an id, a NUL byte, over MARKS_FILE_MAX bytes) makes
 * the store read-only for the session: it is never written, and every
 * change fails with the reason. A file that does not exist is an empty
 * set; it is created by the first change.
 *
 * No curses, no globals; not thread-safe.
 */
#ifndef CYBERLINE_MARKS_H
#define CYBERLINE_MARKS_H

#include "buf.h"
#include "load.h"

#include <stdbool.h>
#include <stddef.h>

#define MARKS_HEADER "# cyberline marks v1"
#define MARKS_FILE_MAX (16 * 1024 * 1024)

typedef struct Marks Marks;

/*
 * Where the marks live: $XDG_STATE_HOME/cyberline/marks when that is an
 * absolute path, else $HOME/.local/state/cyberline/marks. malloc'd (the
 * caller frees it); NULL when neither variable gives a path.
 */
char *marks_default_path(void);

/*
 * Open the store kept at path (NULL: in memory only, never saved). Never
 * returns NULL. When the file cannot be read or is corrupt the store is
 * empty and read-only and a one-line warning ("PATH:3: ... read-only
 * ...") is appended to warning; with path NULL the warning says marks
 * will not be kept. The caller frees the store with marks_free().
 */
Marks *marks_open(const char *path, Buf *warning);

/* True when id is marked. O(log n). */
bool marks_has(const Marks *m, const char *id);
/* A FilterPredicate: ctx is a Marks, true for a marked event. */
bool marks_filter_keep(void *ctx, const Event *e);

/*
 * Mark id, or unmark it when it is marked, and write the file. Returns
 * 0, or -1 with the reason appended to err ("cannot save marks to PATH:
 * REASON", or why the store is read-only); on failure the marks are
 * what they were, in memory and on disk.
 */
int marks_toggle(Marks *m, const char *id, Buf *err);
/* Remove every mark and write the file; 0 or -1 as marks_toggle. */
int marks_clear(Marks *m, Buf *err);

size_t marks_count(const Marks *m);
/* How many marked ids no event of c has (a hash lookup each). */
size_t marks_dangling(const Marks *m, const Corpus *c);
/* Why the store is read-only (owned by it), or NULL when writable. */
const char *marks_problem(const Marks *m);
/* The file (owned by the store), or NULL in memory only. */
const char *marks_path(const Marks *m);
/* Free the store; NULL is a no-op. Nothing is written. */
void marks_free(Marks *m);

#endif
