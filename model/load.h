/*
 * load.h - turn content paths into a validated Corpus.
 *
 * load_corpus() reads every YAML file named by the paths (directories are
 * searched recursively for *.yaml and *.yml and taken in sorted path
 * order), checks each against the schema (see README "Content schema"),
 * then checks what spans files: ids unique (the first kept, later ones an
 * error with a note naming the first) and every `related` id existing.
 * A bad event costs only itself; a bad file costs only what its damage
 * makes unreadable. The result is deterministic: the same events in the
 * same order and the same diagnostics in the same order, however many
 * threads did the parsing.
 */
#ifndef CYBERLINE_LOAD_H
#define CYBERLINE_LOAD_H

#include "diag.h"
#include "event.h"

#include <signal.h>
#include <stddef.h>

typedef struct Corpus {
	Event **events;   /* in load order: file order, then file position */
	size_t count;
	Source **sources; /* in load order */
	size_t nsources;
	size_t nfiles;    /* YAML files read */
	DiagList diags;   /* everything found wrong, in file order */
	struct CorpusPriv *priv; /* storage; not for callers */
} Corpus;

/* Called now and then during a long load: files done out of total. */
typedef void (*LoadProgressFn)(void *ctx, size_t done, size_t total);

typedef struct LoadOptions {
	int threads;                /* 0: one per online CPU */
	LoadProgressFn progress;    /* optional */
	void *progress_ctx;
	/* Optional: when it becomes non-zero (a signal handler sets it),
	 * no further file is started and the load returns what it has. */
	const volatile sig_atomic_t *cancel;
} LoadOptions;

/*
 * Load everything under paths[0..n). Never returns NULL; problems are in
 * ->diags (a path that does not exist is a diagnostic too). The caller
 * owns the Corpus and frees it with corpus_free(). opt may be NULL.
 */
Corpus *load_corpus(const char *const *paths, size_t n, const LoadOptions *opt);

/*
 * Parse one YAML text (the bytes of `file`) on its own, without the
 * cross-file checks: the unit the fuzzer and the tests drive. Diagnostics
 * go to the returned corpus as usual.
 */
Corpus *load_buffer(const char *file, const char *data, size_t len);

/* Find an event by id; NULL when absent. A hash lookup. */
const Event *corpus_find(const Corpus *c, const char *id);

void corpus_free(Corpus *c);

#endif
