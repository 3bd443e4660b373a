/*
 * yreader.c - libyaml event stream with lookahead and safety checks;
 * see yreader.h.
 */
#include "yreader.h"

#include "event.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* ---- positions and taints ---------------------------------------------- */

/*
 * A position counted the way libyaml counts its marks: index and column
 * in characters (0-based), a new line after LF, CR, CR LF, NEL, LS and
 * PS, and a leading byte order mark not counted at all.
 */
typedef struct Cursor {
	size_t index;
	uint32_t line, col;
	bool after_cr;
} Cursor;

/* Advance the position past character ch, counting lines as libyaml does. */
static void cursor_step(Cursor *c, UChar32 ch)
{
	bool lf_after_cr = ch == '\n' && c->after_cr;
	c->index++;
	c->after_cr = ch == '\r';
	if (lf_after_cr)
		return;
	if (ch == '\n' || ch == '\r' || ch == 0x85 || ch == 0x2028 ||
	    ch == 0x2029) {
		c->line++;
		c->col = 0;
	} else {
		c->col++;
	}
}

/* Bytes of a UTF-8 byte order mark at s, or 0. */
static size_t bom_length(const char *s, size_t n)
{
	return n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* The character at s[*i], advancing *i past it; -1 (and one byte) when
 * the byte there starts no well-formed UTF-8 character. */
static UChar32 next_char(const char *s, size_t n, size_t *i)
{
	size_t at = *i;
	UChar32 c;
	U8_NEXT(s, *i, n, c);
	if (c < 0)
		*i = at + 1;
	return c;
}

/* The characters libyaml's reader accepts, except NEL (U+0085): a C1
 * control that libyaml would silently take for a line break. */
static bool char_allowed(UChar32 c)
{
	return c == 0x09 || c == 0x0A || c == 0x0D ||
	       (c >= 0x20 && c <= 0x7E) ||
	       (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
	       (c >= 0x10000 && c <= 0x10FFFF);
}

/* The libyaml mark of byte `offset` of s[0..n). */
static yaml_mark_t mark_at_offset(const char *s, size_t n, size_t offset)
{
	Cursor cur = {0};
	size_t i = bom_length(s, n);
	while (i < offset && i < n)
		cursor_step(&cur, next_char(s, n, &i));
	return (yaml_mark_t){cur.index, cur.line, cur.col};
}

/* Remember a character libyaml would refuse, at the cursor. */
static void add_taint(YReader *r, const Cursor *at, uint32_t value, bool byte)
{
	if (r->ntaints % 16 == 0)
		r->taints = xrealloc(r->taints,
		                     (r->ntaints + 16) * sizeof *r->taints);
	r->taints[r->ntaints++] = (YTaint){
		.index = at->index, .line = at->line + 1, .col = at->col + 1,
		.value = value, .byte = byte,
	};
}

/* Append the description of t ("invalid UTF-8 byte 0xE9") to out. */
static void describe_taint(Buf *out, const YTaint *t)
{
	if (t->byte)
		buf_printf(out, "invalid UTF-8 byte 0x%02X", t->value);
	else if (t->value >= 0xFFFE)
		buf_printf(out, "noncharacter U+%04X", t->value);
	else
		buf_printf(out, "control character U+%04X", t->value);
}

/* Report t where it is; `where` says in what (" in `title`"), or is
 * NULL when t is in no value. */
static void report_taint(YReader *r, YTaint *t, const char *where)
{
	Buf what = BUF_INIT;
	describe_taint(&what, t);
	if (where)
		buf_puts(&what, where);
	else if (t->byte)
		buf_puts(&what, " (content must be UTF-8)");
	diag_add(r->diags, DIAG_ERROR, r->file, t->line, t->col, "%s",
	         buf_cstr(&what));
	buf_free(&what);
	t->reported = true;
}

/* Report the unclaimed taints before character `index`. */
static void settle_taints(YReader *r, size_t index)
{
	for (; r->next_taint < r->ntaints; r->next_taint++) {
		YTaint *t = &r->taints[r->next_taint];
		if (t->index >= index)
			return;
		if (!t->reported)
			report_taint(r, t, NULL);
	}
}

/* Too many taints: what follows the last one is not text, and is not
 * read. The last taint stays in the text, so a value cut short by the
 * end is still refused. */
static void cut_here(YReader *r)
{
	YTaint *t = &r->taints[r->ntaints - 1];
	diag_add(r->diags, DIAG_ERROR, r->file, t->line, t->col,
	         "more than %d invalid bytes or control characters: this is "
	         "not UTF-8 text, and the file is read only up to here",
	         YREADER_TAINT_MAX);
	t->reported = true;
}

/* True when all 8 bytes at p are printable ASCII (0x20-0x7E): the
 * usual word-at-a-time tests for a high bit, a byte below 0x20 and a
 * byte equal to 0x7F. */
static bool plain_ascii8(const char *p)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w;
	memcpy(&w, p, 8);
	uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
	uint64_t del = ((w ^ 0x7F * ones) - ones) & ~(w ^ 0x7F * ones) & highs;
	return ((w & highs) | below_space | del) == 0;
}

/*
 * True when libyaml may read data[0..len) as it is: nearly every file.
 * This is the fast path of sanitize(): one test per ASCII byte and no
 * position bookkeeping, which only a dirty file needs.
 */
static bool is_clean(const char *data, size_t len)
{
	size_t i = bom_length(data, len);
	while (i < len) {
		if (i + 8 <= len && plain_ascii8(data + i)) {
			i += 8;
			continue;
		}
		/* A word with a line end or a non-ASCII character: check it
		 * character by character, then go back to whole words. */
		size_t stop = i + 8 < len ? i + 8 : len;
		while (i < stop) {
			unsigned char b = (unsigned char)data[i];
			if (b < 0x80) {
				if (b < 0x20 ? b != '\t' && b != '\n' && b != '\r'
				             : b == 0x7F)
					return false;
				i++;
				continue;
			}
			UChar32 c = next_char(data, len, &i);
			if (c < 0 || !char_allowed(c))
				return false;
		}
	}
	return true;
}

/*
 * Give libyaml data[0..len) with every character it would refuse
 * replaced by U+FFFD, remembering each one as a taint, up to the one
 * after YREADER_TAINT_MAX (see cut_here). A clean input is used as is,
 * without a copy.
 */
static void sanitize(YReader *r, const char *data, size_t len)
{
	Cursor cur = {0};
	Buf clean = BUF_INIT;
	size_t i = bom_length(data, len), copied = 0;
	while (i < len) {
		size_t start = i;
		UChar32 c = next_char(data, len, &i);
		if (c >= 0 && char_allowed(c)) {
			cursor_step(&cur, c);
			continue;
		}
		add_taint(r, &cur, c < 0 ? (unsigned char)data[start] : (uint32_t)c,
		          c < 0);
		buf_append(&clean, data + copied, start - copied);
		buf_append(&clean, "\xEF\xBF\xBD", 3);
		copied = i;
		cursor_step(&cur, 0xFFFD);
		if (r->ntaints > YREADER_TAINT_MAX) {
			cut_here(r);
			len = i; /* the rest is not read */
			break;
		}
	}
	if (r->ntaints) {
		buf_append(&clean, data + copied, len - copied);
		r->len = clean.len;
		r->clean = buf_detach(&clean);
		r->text = r->clean;
	}
	buf_free(&clean);
}

/* Refuse UTF-16 and UTF-32 text (libyaml would read UTF-16). */
static bool check_encoding(YReader *r, const char *data, size_t len)
{
	bool bom16 = len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
	                          (data[0] == '\xFE' && data[1] == '\xFF'));
	bool bom32 = len >= 4 && !memcmp(data, "\0\0\xFE\xFF", 4);
	/* Without a byte order mark, UTF-16 and UTF-32 text still puts NUL
	 * bytes among its first characters; UTF-8 text never does. */
	bool nul = memchr(data, '\0', len < 4 ? len : 4) != NULL;
	if (!bom16 && !bom32 && !nul)
		return true;
	diag_add(r->diags, DIAG_ERROR, r->file, 1, 1,
	         "the file looks like UTF-16 or UTF-32 (%s); content must be "
	         "UTF-8", nul && !bom16 && !bom32 ? "NUL bytes at its start"
	                                          : "a byte order mark");
	r->failed = true;
	return false;
}

/* ---- reader ------------------------------------------------------------ */

void yreader_init(YReader *r, const char *file, const char *data, size_t len,
                  DiagList *diags)
{
	memset(r, 0, sizeof *r);
	if (!data) {
		data = ""; /* libyaml wants a buffer, even an empty one */
		len = 0;
	}
	r->file = file;
	r->diags = diags;
	r->text = data;
	r->len = len;
	if (check_encoding(r, data, len) && !is_clean(data, len))
		sanitize(r, data, len);
	yaml_parser_initialize(&r->parser);
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)r->text,
	                             r->len);
}

void yreader_done(YReader *r)
{
	if (r->have)
		yaml_event_delete(&r->event);
	r->have = false;
	yaml_parser_delete(&r->parser);
	free(r->clean);
	free(r->taints);
	r->clean = NULL;
	r->taints = NULL;
}

void yreader_error(YReader *r, yaml_mark_t at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_ERROR, r->file, (unsigned)at.line + 1,
	          (unsigned)at.column + 1, fmt, ap);
	va_end(ap);
	r->bad++;
}

void yreader_wrong(YReader *r, const yaml_event_t *e, const char *fmt, ...)
{
	if (e->type == YAML_ALIAS_EVENT)
		return; /* check_node reported it and counted it */
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_ERROR, r->file,
	          (unsigned)e->start_mark.line + 1,
	          (unsigned)e->start_mark.column + 1, fmt, ap);
	va_end(ap);
	r->bad++;
}

bool yreader_tainted(YReader *r, const yaml_event_t *e, const char *key)
{
	YTaint *first = NULL;
	bool any = false;
	for (size_t i = r->next_taint; i < r->ntaints; i++) {
		YTaint *t = &r->taints[i];
		if (t->index >= e->end_mark.index)
			break;
		if (t->index < e->start_mark.index)
			continue;
		any = true;
		if (!first && !t->reported)
			first = t;
		t->reported = true; /* one message per value */
	}
	r->bad += any;
	if (!first)
		return any;
	Buf where = BUF_INIT;
	if (key)
		buf_printf(&where, " in `%s`", key);
	else
		buf_puts(&where, " in a key");
	report_taint(r, first, buf_cstr(&where));
	buf_free(&where);
	return true;
}

/* The name of what libyaml was reading ("while scanning a quoted
 * scalar" gives "quoted scalar"). */
static const char *context_name(const char *context)
{
	static const char *const prefixes[] = {
		"while scanning an ", "while scanning a ",
		"while parsing an ", "while parsing a ",
	};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (!strncmp(context, prefixes[i], n))
			return !strcmp(context + n, "simple key") ? "key"
			                                           : context + n;
	}
	return NULL;
}

/* Report libyaml's syntax error (and where the construct it was reading
 * began), then end the stream. */
static void report_syntax_error(YReader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	yaml_mark_t at = p->problem_mark;
	if (p->error == YAML_READER_ERROR)
		at = mark_at_offset(r->text, r->len, p->problem_offset);
	settle_taints(r, at.index + 1);
	if (p->context)
		yreader_error(r, at, "YAML syntax: %s %s", problem, p->context);
	else
		yreader_error(r, at, "YAML syntax: %s", problem);
	const char *what = p->context ? context_name(p->context) : NULL;
	yaml_mark_t from = p->context_mark;
	if (what && (from.line != at.line || from.column != at.column))
		diag_add(r->diags, DIAG_NOTE, r->file, (unsigned)from.line + 1,
		         (unsigned)from.column + 1, "the %s starts here", what);
	settle_taints(r, SIZE_MAX);
	r->failed = true;
}

/* Refuse what hand-written content never needs. */
static void check_node(YReader *r, const yaml_event_t *e)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (e->type) {
	case YAML_ALIAS_EVENT:
		yreader_error(r, e->start_mark,
		              "aliases (*name) are not allowed in content");
		return;
	case YAML_SCALAR_EVENT:
		anchor = e->data.scalar.anchor;
		tag = e->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		break;
	default:
		return;
	}
	if (anchor)
		yreader_error(r, e->start_mark,
		              "anchors (&name) are not allowed in content");
	if (tag)
		yreader_error(r, e->start_mark,
		              "tags (!tag) are not allowed in content");
}

/* Track nesting; false (the stream ended) when it gets too deep. */
static bool check_depth(YReader *r, const yaml_event_t *e)
{
	if (e->type == YAML_SEQUENCE_END_EVENT ||
	    e->type == YAML_MAPPING_END_EVENT)
		r->depth--;
	if (e->type != YAML_SEQUENCE_START_EVENT &&
	    e->type != YAML_MAPPING_START_EVENT)
		return true;
	if (++r->depth <= LOAD_DEPTH_MAX)
		return true;
	yreader_error(r, e->start_mark, "nesting deeper than %d levels",
	              LOAD_DEPTH_MAX);
	settle_taints(r, SIZE_MAX);
	r->failed = true;
	return false;
}

yaml_event_t *yreader_peek(YReader *r)
{
	if (r->have)
		return &r->event;
	if (r->failed)
		return NULL;
	if (!yaml_parser_parse(&r->parser, &r->event)) {
		report_syntax_error(r);
		return NULL;
	}
	yaml_event_t *e = &r->event;
	settle_taints(r, e->start_mark.index);
	if (!check_depth(r, e)) {
		yaml_event_delete(e);
		return NULL;
	}
	r->have = true;
	check_node(r, e);
	return e;
}

void yreader_next(YReader *r)
{
	if (r->have)
		yaml_event_delete(&r->event);
	r->have = false;
}

void yreader_skip(YReader *r)
{
	int level = 0;
	yaml_event_t *e;
	while ((e = yreader_peek(r))) {
		yaml_event_type_t t = e->type;
		yreader_next(r);
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			level++;
		else if (t == YAML_SEQUENCE_END_EVENT ||
		         t == YAML_MAPPING_END_EVENT)
			level--;
		else if (t != YAML_SCALAR_EVENT && t != YAML_ALIAS_EVENT)
			return; /* not inside a node: nothing to skip */
		if (level <= 0)
			return;
	}
}

const char *yreader_kind(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_ALIAS_EVENT:
		return "an alias";
	case YAML_SCALAR_EVENT:
		return "a scalar";
	default:
		return "nothing";
	}
}
