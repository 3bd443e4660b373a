/*
 * yreader.h - a one-event lookahead over libyaml's event parser, with
 * the checks every node gets: no anchors, aliases or tags (hand-written
 * content needs none, and refusing them makes alias bombs impossible),
 * and a nesting limit. Positions are converted to 1-based here.
 */
#ifndef CYBERLINE_YREADER_H
#define CYBERLINE_YREADER_H

#include "diag.h"

#include <stdbool.h>
#include <yaml.h>

typedef struct YReader {
	yaml_parser_t parser;
	yaml_event_t event; /* the current event when `have` */
	bool have;
	bool failed;        /* a syntax error ended the stream */
	int depth;
	const char *file;
	DiagList *diags;
	unsigned bad;       /* incremented for each node-level error */
} YReader;

void yreader_init(YReader *r, const char *file, const char *data, size_t len,
                  DiagList *diags);
void yreader_done(YReader *r);
/* The current event, parsing it if needed; NULL after a syntax error. */
yaml_event_t *yreader_peek(YReader *r);
/* Drop the current event so the next peek reads a new one. */
void yreader_next(YReader *r);
/* Skip the whole node that starts at the current event. */
void yreader_skip(YReader *r);
/* Report an error at a libyaml mark and count it in r->bad. */
void yreader_error(YReader *r, yaml_mark_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A name for the kind of node an event starts ("a list", "a mapping"). */
const char *yreader_kind(const yaml_event_t *e);

#endif
