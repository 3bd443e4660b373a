/*
 * parse.h - loader internals: one YAML text in, events and diagnostics
 * out. Not a public header: load.c and the fuzzer are its only users.
 *
 * A FileResult is everything one file produced, built by one thread
 * without touching anything shared, so files can be parsed in parallel
 * and merged in path order afterwards.
 */
#ifndef CYBERLINE_PARSE_H
#define CYBERLINE_PARSE_H

#include "arena.h"
#include "diag.h"
#include "event.h"
#include "load.h"

/* A growable array of pointers (storage malloc'd, items not owned). */
typedef struct PtrVec {
	void **items;
	size_t count, cap;
} PtrVec;

void ptrvec_push(PtrVec *v, void *p);
void ptrvec_free(PtrVec *v);

/* A 1-based position in a file. */
typedef struct RelatedPos {
	uint32_t line, col;
} RelatedPos;

/* Where an event's id and each of its `related` ids were written, so
 * the checks that span files can point at the offending value. */
typedef struct EventPos {
	RelatedPos id;
	const RelatedPos *related; /* one per related id, or NULL */
} EventPos;

typedef struct FileResult {
	const char *file;  /* borrowed path */
	Arena arena;       /* owns every event, source and string */
	PtrVec events;     /* Event *, in file order */
	PtrVec sources;    /* Source * */
	PtrVec positions;  /* EventPos * per event (parallel to events) */
	DiagList diags;
} FileResult;

/*
 * Parse data[0..len) as the content of `file` into r (zero-initialised by
 * the caller). Every problem becomes a diagnostic in r->diags; events
 * with problems are left out, the rest are kept.
 */
void parse_buffer(FileResult *r, const char *file, const char *data,
                  size_t len);
/* Release everything r owns except the arena (which a Corpus adopts). */
void fileresult_done(FileResult *r);

/* Storage behind a Corpus (load.c and corpus.c). */
struct CorpusPriv {
	Arena arena;         /* every event, source and string */
	char **files;        /* the paths read, owned */
	const Event **id_slots; /* hash of the kept events by id */
	size_t id_mask;         /* slots - 1 (a power of two) */
};

/* Merge results[0..n) (in path order) into c and run the checks that
 * span files; the results' arenas move into c, the rest is freed. */
void corpus_merge(Corpus *c, FileResult *results, size_t n);

#endif
