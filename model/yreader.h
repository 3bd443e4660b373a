/*
 * yreader.h - a one-event lookahead over libyaml's event parser, with
 * the checks every node gets: no anchors, aliases or tags (hand-written
 * content needs none, and refusing them makes alias bombs impossible),
 * and a nesting limit. Positions are converted to 1-based here.
 *
 * Before libyaml sees the text, every character it would refuse (an
 * invalid UTF-8 byte; a control character other than TAB, LF and CR;
 * DEL; U+FFFE, U+FFFF), and NEL, which it would take for a line break,
 * is replaced by U+FFFD and remembered as a "taint": libyaml would
 * stop the whole file at the first one. So a stray byte costs only
 * the value it sits in: the converters ask
 * yreader_tainted() before using a scalar, and a taint nobody claimed
 * (in a comment, a skipped value) is reported as the parse passes it.
 * After YREADER_TAINT_MAX taints the rest is not text (binary junk, a
 * wrong encoding): the file is read only up to the next one, with one
 * diagnostic there, so memory stays bounded and what came before loads.
 */
#ifndef CYBERLINE_YREADER_H
#define CYBERLINE_YREADER_H

#include "diag.h"

#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#define YREADER_TAINT_MAX 100

/* One refused character: where it was and what it was. */
typedef struct YTaint {
	size_t index;       /* in characters, as libyaml's mark.index */
	uint32_t line, col; /* 1-based */
	uint32_t value;     /* the byte (bad UTF-8) or the code point */
	bool byte;          /* value is a byte that is not UTF-8 */
	bool reported;
} YTaint;

typedef struct YReader {
	yaml_parser_t parser;
	yaml_event_t event; /* the current event when `have` */
	bool have;
	bool failed;        /* a syntax error ended the stream */
	int depth;
	const char *file;
	DiagList *diags;
	unsigned bad;       /* incremented for each node-level error */
	const char *text;   /* what libyaml reads: the input or `clean` */
	size_t len;
	char *clean;        /* owned copy with taints replaced, or NULL */
	YTaint *taints;     /* owned, in file order */
	size_t ntaints;
	size_t next_taint;  /* taints before this one are settled */
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
/*
 * Report that the node e is not what was expected; an alias was already
 * reported as such when read, so it gets no second message (it is
 * counted in r->bad either way).
 */
void yreader_wrong(YReader *r, const yaml_event_t *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * True when the scalar e holds a refused character: the first one is
 * then reported at its own position, as being in `key` (NULL: in a
 * key), and the value must not be used.
 */
bool yreader_tainted(YReader *r, const yaml_event_t *e, const char *key);
/* A name for the kind of node an event starts ("a list", "a mapping"). */
const char *yreader_kind(const yaml_event_t *e);

#endif
