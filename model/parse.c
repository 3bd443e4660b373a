/*
 * parse.c - one file's YAML into sources and events; see parse.h.
 *
 * The schema lives in the field tables below. A document is a mapping
 * with `source` and `events`; each event is checked on its own, so one
 * bad event costs only itself. Events are held back until the end of
 * their document, because `source` may come after `events` and every
 * event needs its source. A syntax error ends the file; the complete
 * events before it are kept when their source was read.
 */
#include "parse.h"

#include "fields.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define FIELD(type, key, kind, req, member, max) \
	{key, kind, req, offsetof(type, member), max}

static const Field source_fields[] = {
	FIELD(Source, "title", FIELD_LINE, true, title, EVENT_TITLE_MAX),
	FIELD(Source, "outlet", FIELD_LINE, true, outlet, EVENT_SHORT_MAX),
	FIELD(Source, "published", FIELD_DATE, true, published, 0),
	FIELD(Source, "url", FIELD_URL, false, url, EVENT_URL_MAX),
	FIELD(Source, "language", FIELD_LANGUAGE, false, language, 0),
};

static const Field event_fields[] = {
	FIELD(Event, "id", FIELD_ID, true, id, EVENT_ID_MAX),
	FIELD(Event, "date", FIELD_DATE, true, date, 0),
	FIELD(Event, "date_note", FIELD_LINE, false, date_note, EVENT_SHORT_MAX),
	FIELD(Event, "title", FIELD_LINE, true, title, EVENT_TITLE_MAX),
	FIELD(Event, "countries", FIELD_COUNTRIES, true, countries, 0),
	FIELD(Event, "organizations", FIELD_NAMES, false, organizations, 0),
	FIELD(Event, "tags", FIELD_NAMES, false, tags, 0),
	FIELD(Event, "summary", FIELD_TEXT, true, summary, EVENT_SUMMARY_MAX),
	FIELD(Event, "excerpt", FIELD_TEXT, true, excerpt, EVENT_EXCERPT_MAX),
	FIELD(Event, "related", FIELD_IDS, false, related, 0),
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

typedef struct Schema {
	const char *name; /* "event", "source" */
	const Field *fields;
	size_t nfields;
} Schema;

static const Schema source_schema = {"source", source_fields,
                                     COUNT(source_fields)};
static const Schema event_schema = {"event", event_fields,
                                    COUNT(event_fields)};

void ptrvec_push(PtrVec *v, void *p)
{
	if (v->count == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->items = xrealloc(v->items, v->cap * sizeof *v->items);
	}
	v->items[v->count++] = p;
}

void ptrvec_free(PtrVec *v)
{
	free(v->items);
	*v = (PtrVec){0};
}

/* Append " (did you mean `x`?)" when a known key is one typo away. */
static void suggest_key(Buf *out, const Schema *s, const char *key, size_t n)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const char *k = s->fields[i].key;
		size_t kn = strlen(k), common = 0;
		while (common < n && common < kn && key[common] == k[common])
			common++;
		size_t longer = n > kn ? n : kn;
		if (common >= 3 && longer - common <= 2) {
			buf_printf(out, "; did you mean `%s`?", k);
			return;
		}
	}
	buf_puts(out, "; expected one of:");
	for (size_t i = 0; i < s->nfields; i++)
		buf_printf(out, "%s %s", i ? "," : "", s->fields[i].key);
}

static const Field *find_field(const Schema *s, const char *key, size_t n)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (strlen(s->fields[i].key) == n &&
		    memcmp(s->fields[i].key, key, n) == 0)
			return &s->fields[i];
	return NULL;
}

/* Handle one key of a mapping: returns the field to convert, or NULL
 * when the key was reported (its value is then skipped). */
static const Field *take_key(FieldCtx *c, const Schema *s, uint32_t *seen)
{
	yaml_event_t *k = yreader_peek(&c->y);
	if (k->type != YAML_SCALAR_EVENT) {
		yreader_wrong(&c->y, k, "keys of %s must be plain words, found %s",
		              s->name, yreader_kind(k));
		yreader_skip(&c->y);
		return NULL;
	}
	if (yreader_tainted(&c->y, k, NULL)) {
		yreader_next(&c->y);
		return NULL;
	}
	const char *key = (const char *)k->data.scalar.value;
	size_t n = k->data.scalar.length;
	const Field *f = find_field(s, key, n);
	if (!f) {
		Buf hint = BUF_INIT;
		suggest_key(&hint, s, key, n);
		yreader_error(&c->y, k->start_mark, "unknown key `%.*s` in %s%s",
		              (int)(n > 40 ? 40 : n), key, s->name,
		              buf_cstr(&hint));
		buf_free(&hint);
	} else if (*seen & (1u << (f - s->fields))) {
		yreader_error(&c->y, k->start_mark, "duplicate key `%s` in %s",
		              f->key, s->name);
		f = NULL;
	} else {
		*seen |= 1u << (f - s->fields);
	}
	yreader_next(&c->y);
	return f;
}

/* Report, in one message, the required keys that `seen` lacks. */
static void report_missing(FieldCtx *c, yaml_mark_t at, const char *what,
                           const char *const *keys, size_t nkeys,
                           uint32_t seen)
{
	Buf list = BUF_INIT;
	size_t missing = 0;
	for (size_t i = 0; i < nkeys; i++)
		if (keys[i] && !(seen & (1u << i)))
			missing++;
	for (size_t i = 0, n = 0; i < nkeys; i++) {
		if (!keys[i] || (seen & (1u << i)))
			continue;
		n++;
		buf_printf(&list, "%s`%s`", n == 1 ? "" : n == missing ? " and " : ", ",
		           keys[i]);
	}
	if (missing)
		yreader_error(&c->y, at, "%s is missing required key%s %s", what,
		              missing == 1 ? "" : "s", buf_cstr(&list));
	buf_free(&list);
}

/*
 * Read a mapping of schema s into the struct at base. True when it was
 * read without any problem; problems are reported either way. *at gets
 * the mapping's position.
 */
static bool parse_mapping(FieldCtx *c, const Schema *s, void *base,
                          yaml_mark_t *at)
{
	unsigned bad = c->y.bad;
	yaml_event_t *e = yreader_peek(&c->y);
	if (!e)
		return false;
	*at = e->start_mark;
	if (e->type != YAML_MAPPING_START_EVENT) {
		yreader_wrong(&c->y, e,
		              "%s must be a mapping of keys to values, found %s",
		              s->name, yreader_kind(e));
		yreader_skip(&c->y);
		return false;
	}
	yreader_next(&c->y);
	uint32_t seen = 0;
	while ((e = yreader_peek(&c->y)) && e->type != YAML_MAPPING_END_EVENT) {
		const Field *f = take_key(c, s, &seen);
		if (!yreader_peek(&c->y))
			return false;
		if (f)
			fields_convert(c, f, base);
		else
			yreader_skip(&c->y);
	}
	if (!e)
		return false;
	yreader_next(&c->y);
	const char *required[32];
	for (size_t i = 0; i < s->nfields; i++)
		required[i] = s->fields[i].required ? s->fields[i].key : NULL;
	report_missing(c, *at, s->name, required, s->nfields, seen);
	return c->y.bad == bad;
}

/* What one document is building. */
typedef struct Doc {
	Source *source;   /* NULL until read without problems */
	bool has_source;
	bool has_events;
	PtrVec events;    /* Event * */
	PtrVec positions; /* EventPos * */
} Doc;

/* The `source` mapping; d->source is set only when it had no problem. */
static void parse_source(FieldCtx *c, Doc *d)
{
	Source *s = arena_zalloc(c->arena, sizeof *s);
	yaml_mark_t at;
	if (parse_mapping(c, &source_schema, s, &at)) {
		s->line = (uint32_t)at.line + 1;
		d->source = s;
	}
}

/* The `events` list: each event checked alone; good ones kept in d. */
static void parse_events(FieldCtx *c, Doc *d)
{
	yaml_event_t *e = yreader_peek(&c->y);
	if (!e)
		return;
	if (e->type != YAML_SEQUENCE_START_EVENT) {
		yreader_wrong(&c->y, e, "`events` must be a list of events, found %s",
		              yreader_kind(e));
		yreader_skip(&c->y);
		return;
	}
	yaml_mark_t list_at = e->start_mark;
	yreader_next(&c->y);
	size_t n = 0;
	while ((e = yreader_peek(&c->y)) && e->type != YAML_SEQUENCE_END_EVENT) {
		Event *ev = arena_zalloc(c->arena, sizeof *ev);
		yaml_mark_t at;
		c->pos = (EventPos){{0, 0}, NULL};
		n++;
		if (!parse_mapping(c, &event_schema, ev, &at))
			continue;
		ev->line = (uint32_t)at.line + 1;
		ev->col = (uint32_t)at.column + 1;
		EventPos *pos = arena_alloc(c->arena, sizeof *pos);
		*pos = c->pos;
		ptrvec_push(&d->events, ev);
		ptrvec_push(&d->positions, pos);
	}
	if (e) {
		yreader_next(&c->y);
		if (n == 0)
			yreader_error(&c->y, list_at, "`events` is empty");
	}
}

/* Does the scalar e say exactly `word`? */
static bool scalar_is(const yaml_event_t *e, const char *word)
{
	size_t n = strlen(word);
	return e->data.scalar.length == n &&
	       !memcmp(e->data.scalar.value, word, n);
}

/*
 * Read one key at the top of a document: the flag it sets (has_source or
 * has_events), with the reader on its value; or NULL when the key was
 * reported, and then key and value are skipped.
 */
static bool *take_root_key(FieldCtx *c, Doc *d)
{
	yaml_event_t *e = yreader_peek(&c->y);
	bool *seen = NULL;
	if (e->type != YAML_SCALAR_EVENT) {
		yreader_wrong(&c->y, e, "keys at the top of a document must be "
		              "plain words, found %s", yreader_kind(e));
	} else if (!yreader_tainted(&c->y, e, NULL)) {
		seen = scalar_is(e, "source")   ? &d->has_source
		       : scalar_is(e, "events") ? &d->has_events
		                                : NULL;
		size_t n = e->data.scalar.length;
		if (!seen)
			yreader_error(&c->y, e->start_mark,
			              "unknown key `%.*s` at the top of a document; "
			              "expected `source` and `events`",
			              (int)(n > 40 ? 40 : n), e->data.scalar.value);
		else if (*seen)
			yreader_error(&c->y, e->start_mark, "duplicate key `%s`",
			              e->data.scalar.value);
		if (seen && *seen)
			seen = NULL;
	}
	if (seen) {
		*seen = true;
		yreader_next(&c->y);
		return seen;
	}
	yreader_skip(&c->y);
	if (yreader_peek(&c->y))
		yreader_skip(&c->y);
	return NULL;
}

/* Read the top-level mapping of a document: `source` and `events`.
 * doc_at is where the document starts. */
static void parse_root(FieldCtx *c, Doc *d, yaml_mark_t doc_at)
{
	yaml_event_t *e = yreader_peek(&c->y);
	yaml_mark_t at = e->start_mark;
	if (e->type == YAML_SCALAR_EVENT && e->data.scalar.length == 0 &&
	    e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		yreader_error(&c->y, doc_at, "empty document");
		yreader_next(&c->y);
		return;
	}
	if (e->type != YAML_MAPPING_START_EVENT) {
		yreader_wrong(&c->y, e,
		              "a document must be a mapping with `source` and "
		              "`events`, found %s", yreader_kind(e));
		yreader_skip(&c->y);
		return;
	}
	yreader_next(&c->y);
	while ((e = yreader_peek(&c->y)) && e->type != YAML_MAPPING_END_EVENT) {
		bool *seen = take_root_key(c, d);
		if (!seen)
			continue;
		if (!yreader_peek(&c->y))
			return;
		if (seen == &d->has_source)
			parse_source(c, d);
		else
			parse_events(c, d);
	}
	if (!e)
		return;
	yreader_next(&c->y);
	static const char *const keys[] = {"source", "events"};
	report_missing(c, at, "document", keys, 2,
	               (d->has_source ? 1u : 0u) | (d->has_events ? 2u : 0u));
}

/* Hand a finished document's events to the file result. */
static void finish_document(Doc *d, FileResult *r)
{
	if (d->source) {
		d->source->file = r->file;
		ptrvec_push(&r->sources, d->source);
		for (size_t i = 0; i < d->events.count; i++) {
			Event *ev = d->events.items[i];
			ev->source = d->source;
			ev->file = r->file;
			ptrvec_push(&r->events, ev);
			ptrvec_push(&r->positions, d->positions.items[i]);
		}
	} else if (d->events.count) {
		const Event *first = d->events.items[0];
		diag_add(&r->diags, DIAG_NOTE, r->file, first->line, first->col,
		         "%zu event%s of this document not loaded: they have no "
		         "valid `source`", d->events.count,
		         d->events.count == 1 ? "" : "s");
	}
	ptrvec_free(&d->events);
	ptrvec_free(&d->positions);
}

void parse_buffer(FileResult *r, const char *file, const char *data,
                  size_t len)
{
	FieldCtx c = {.arena = &r->arena};
	r->file = file;
	/* The values are copies of the file's text plus the structs around
	 * them: measured at 1.03 times the file, so one block usually does. */
	arena_reserve(&r->arena, len + len / 8 + 1024);
	yreader_init(&c.y, file, data, len, &r->diags);
	size_t documents = 0;
	yaml_event_t *e;
	while ((e = yreader_peek(&c.y)) && e->type != YAML_STREAM_END_EVENT) {
		if (e->type != YAML_DOCUMENT_START_EVENT) {
			yreader_next(&c.y); /* STREAM_START, DOCUMENT_END */
			continue;
		}
		/* An explicit document starts at its `---`. */
		yaml_mark_t doc_at = e->data.document_start.implicit
		                             ? e->end_mark
		                             : e->start_mark;
		yreader_next(&c.y);
		documents++;
		Doc d = {0};
		if (yreader_peek(&c.y))
			parse_root(&c, &d, doc_at);
		finish_document(&d, r);
	}
	if (e && documents == 0)
		diag_add(&r->diags, DIAG_WARNING, file, 0, 0,
		         "file holds no YAML document (empty file)");
	yreader_done(&c.y);
}

void fileresult_done(FileResult *r)
{
	ptrvec_free(&r->events);
	ptrvec_free(&r->sources);
	ptrvec_free(&r->positions);
	diag_free(&r->diags);
}
