/*
 * cli.h - the command line: what the user asked for, parsed and checked.
 *
 * cli_parse() turns argv into CliOptions or explains, in one line plus a
 * hint, why it cannot (exit status 2). It resolves country names and
 * dates here, so a typo is a usage error before anything is loaded.
 */
#ifndef CYBERLINE_CLI_H
#define CYBERLINE_CLI_H

#include "export.h"
#include "timeline.h"

#include <stdbool.h>

typedef enum CliMode {
	MODE_DEFAULT, /* the UI on a terminal, else --list */
	MODE_LIST,
	MODE_VALIDATE,
	MODE_STATS,
	MODE_HELP,
	MODE_VERSION,
} CliMode;

typedef struct CliOptions {
	CliMode mode;
	ExportFormat format;
	Filter filter;       /* window, countries, search, match; owned */
	const char *search;  /* the last --search as typed (argv), or NULL */
	bool marked;         /* --marked: only the marked events */
	const char **paths;  /* borrowed from argv; malloc'd array */
	size_t npaths;
} CliOptions;

/* Parse argv into o (which the caller frees with cli_free). Returns 0,
 * or 2 after printing the reason and a hint to stderr. */
int cli_parse(CliOptions *o, int argc, char **argv);
void cli_usage(FILE *out);
void cli_free(CliOptions *o);

#endif
