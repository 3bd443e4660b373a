/*
 * fields.c - converting one YAML value into one typed field, with every
 * check the schema makes on it; see fields.h.
 *
 * Each converter consumes exactly one node (on error it skips the rest
 * of the node) and reports problems at the value's own position. Text is
 * checked for control characters and length after NFC normalisation.
 */
#include "fields.h"

#include "text.h"

#include <string.h>
#include <unicode/uloc.h>

/* Is this scalar YAML's null (~, null, or nothing at all)? */
static bool scalar_is_null(const yaml_event_t *e)
{
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n == 0 || (n == 1 && v[0] == '~') ||
	       (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) ||
	                   !memcmp(v, "NULL", 4)));
}

/* The current event if it is a usable, non-null scalar; else report,
 * skip the node and return NULL. */
static yaml_event_t *want_scalar(FieldCtx *c, const char *key)
{
	yaml_event_t *e = yreader_peek(&c->y);
	if (!e)
		return NULL;
	if (e->type != YAML_SCALAR_EVENT) {
		yreader_wrong(&c->y, e, "`%s` must be a single value, found %s",
		              key, yreader_kind(e));
		yreader_skip(&c->y);
		return NULL;
	}
	if (yreader_tainted(&c->y, e, key)) {
		yreader_next(&c->y);
		return NULL;
	}
	if (scalar_is_null(e)) {
		yreader_error(&c->y, e->start_mark, "`%s` has no value", key);
		yreader_next(&c->y);
		return NULL;
	}
	return e;
}

/* What one pass over a text value finds. */
typedef struct TextScan {
	long control; /* first control character the field forbids, or -1 */
	size_t chars; /* code points */
	bool blank;   /* nothing but spaces, tabs and line feeds */
} TextScan;

/* Scan s[0..n) once for everything take_text() checks. */
static TextScan scan_text(const char *s, size_t n, bool multiline)
{
	TextScan t = {.control = -1, .chars = 0, .blank = true};
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b > ' ' && b < 0x7f) { /* the common case first */
			t.chars++;
			t.blank = false;
			continue;
		}
		t.chars += (b & 0xC0) != 0x80;
		if (b == ' ')
			continue;
		if (b == '\n' || b == '\t') {
			if (!multiline && t.control < 0)
				t.control = b;
			continue;
		}
		t.blank = false;
		if (t.control >= 0)
			continue;
		if (b < 0x20 || b == 0x7f)
			t.control = b;
		else if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9f)
			t.control = (unsigned char)s[i + 1]; /* C1 control */
		else if (!multiline && b == 0xE2 && i + 2 < n && s[i + 1] == '\x80' &&
		         (s[i + 2] == '\xA8' || s[i + 2] == '\xA9'))
			t.control = '\n'; /* U+2028/U+2029 break a line too */
	}
	return t;
}

/*
 * The same answers for a scalar that is not double-quoted: its text is
 * the file's own, which yreader's pre-pass found free of controls other
 * than TAB and LF, so only those, blankness and (when the bytes could
 * exceed the limit) the length need looking at.
 */
static TextScan scan_plain(const char *s, size_t n, bool multiline, size_t max)
{
	if (max && n > max)
		return scan_text(s, n, multiline);
	TextScan t = {.control = -1, .chars = 0, .blank = true};
	for (size_t i = 0; i < n && t.blank; i++)
		t.blank = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
	if (!multiline && (memchr(s, '\n', n) || memchr(s, '\t', n)))
		t.control = memchr(s, '\n', n) ? '\n' : '\t';
	return t;
}

/*
 * Check and copy a scalar's text into the arena (NFC). NULL, with an
 * error reported, when it breaks a rule. Does not consume the event.
 * Only a double-quoted scalar can hold what the file itself did not
 * (escapes), so only there is UTF-8 validity in question.
 */
static const char *take_text(FieldCtx *c, const yaml_event_t *e,
                             const char *key, bool multiline, size_t max)
{
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	if (e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    !text_valid_utf8(v, n)) { /* escapes can make anything */
		yreader_error(&c->y, e->start_mark, "`%s` is not valid UTF-8", key);
		return NULL;
	}
	bool quoted = e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	TextScan scan = quoted ? scan_text(v, n, multiline)
	                       : scan_plain(v, n, multiline, max);
	if (scan.control == '\n') {
		yreader_error(&c->y, e->start_mark, "`%s` must be one line", key);
		return NULL;
	}
	if (scan.control >= 0) {
		yreader_error(&c->y, e->start_mark,
		              "control character U+%04lX in `%s`%s", scan.control,
		              key, multiline ? " (only TAB and line feed are allowed)"
		                             : "");
		return NULL;
	}
	if (scan.blank) {
		yreader_error(&c->y, e->start_mark, "`%s` is empty", key);
		return NULL;
	}
	size_t len;
	const char *text = text_nfc(c->arena, v, n, &len);
	if (len != n) /* normalisation composed something: count again */
		scan = scan_text(text, len, true);
	if (max && len > max && scan.chars > max) {
		yreader_error(&c->y, e->start_mark,
		              "`%s` is %zu characters long; the limit is %zu", key,
		              scan.chars, max);
		return NULL;
	}
	return text;
}

/* Kinds of single-line and multi-line text share one converter. */
static void convert_text(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = want_scalar(c, f->key);
	if (!e)
		return;
	const char *t = take_text(c, e, f->key, f->kind == FIELD_TEXT, f->max);
	if (t)
		*(const char **)((char *)base + f->offset) = t;
	yreader_next(&c->y);
}

/* Check an id scalar; the arena copy, or NULL after reporting. */
static const char *take_id(FieldCtx *c, const yaml_event_t *e, const char *key)
{
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	if (n > EVENT_ID_MAX) {
		yreader_error(&c->y, e->start_mark,
		              "`%s` is %zu characters long; the limit is %d", key,
		              n, EVENT_ID_MAX);
		return NULL;
	}
	if (!event_id_valid(v, n)) {
		yreader_error(&c->y, e->start_mark,
		              "`%s` \"%.*s\" is not a valid id: use lower-case "
		              "letters, digits and '-', starting with a letter or "
		              "digit", key, (int)n, v);
		return NULL;
	}
	return arena_strndup(c->arena, v, n);
}

/* FIELD_ID: an id scalar, checked by take_id(). */
static void convert_id(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = want_scalar(c, f->key);
	if (!e)
		return;
	const char *id = take_id(c, e, f->key);
	if (id)
		*(const char **)((char *)base + f->offset) = id;
	c->pos.id = (RelatedPos){(uint32_t)e->start_mark.line + 1,
	                         (uint32_t)e->start_mark.column + 1};
	yreader_next(&c->y);
}

/* FIELD_DATE: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. */
static void convert_date(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = want_scalar(c, f->key);
	if (!e)
		return;
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	Date d;
	const char *why = date_parse(v, n, &d);
	if (why)
		yreader_error(&c->y, e->start_mark,
		              "`%s` \"%.*s\" is not a valid date: %s", f->key,
		              (int)(n > 40 ? 40 : n), v, why);
	else
		*(Date *)((char *)base + f->offset) = d;
	yreader_next(&c->y);
}

/* FIELD_URL: one line, http(s)://, no spaces, at most f->max bytes. */
static void convert_url(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = want_scalar(c, f->key);
	if (!e)
		return;
	const char *t = take_text(c, e, f->key, false, 0);
	if (t && strlen(t) > f->max) { /* the URL limit is in bytes */
		yreader_error(&c->y, e->start_mark,
		              "`%s` is %zu bytes long; the limit is %zu", f->key,
		              strlen(t), f->max);
		t = NULL;
	}
	if (t && strncmp(t, "https://", 8) != 0 && strncmp(t, "http://", 7) != 0) {
		yreader_error(&c->y, e->start_mark,
		              "`%s` must start with https:// or http://", f->key);
		t = NULL;
	}
	if (t && strchr(t, ' ')) {
		yreader_error(&c->y, e->start_mark,
		              "`%s` must not contain spaces", f->key);
		t = NULL;
	}
	if (t)
		*(const char **)((char *)base + f->offset) = t;
	yreader_next(&c->y);
}

/* FIELD_LANGUAGE: a BCP 47 tag, as ICU parses it whole. */
static void convert_language(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = want_scalar(c, f->key);
	if (!e)
		return;
	const char *t = take_text(c, e, f->key, false, 35);
	if (t) {
		char locale[96];
		int32_t parsed = 0;
		UErrorCode err = U_ZERO_ERROR;
		uloc_forLanguageTag(t, locale, sizeof locale, &parsed, &err);
		if (U_FAILURE(err) || (size_t)parsed != strlen(t)) {
			yreader_error(&c->y, e->start_mark,
			              "`%s` \"%s\" is not a BCP 47 language tag "
			              "(for example en, fr, uk)", f->key, t);
			t = NULL;
		}
	}
	if (t)
		*(const char **)((char *)base + f->offset) = t;
	yreader_next(&c->y);
}

void fields_convert(FieldCtx *c, const Field *f, void *base)
{
	static void (*const converters[])(FieldCtx *, const Field *, void *) = {
		[FIELD_LINE] = convert_text,
		[FIELD_TEXT] = convert_text,
		[FIELD_ID] = convert_id,
		[FIELD_DATE] = convert_date,
		[FIELD_URL] = convert_url,
		[FIELD_LANGUAGE] = convert_language,
		[FIELD_COUNTRIES] = fields_convert_countries,
		[FIELD_NAMES] = fields_convert_list,
		[FIELD_IDS] = fields_convert_list,
	};
	converters[f->kind](c, f, base);
}

/* Exposed to fields_list.c, which converts list items with them. */
const char *fields_take_text(FieldCtx *c, const yaml_event_t *e,
                             const char *key, size_t max)
{
	return take_text(c, e, key, false, max);
}

const char *fields_take_id(FieldCtx *c, const yaml_event_t *e, const char *key)
{
	return take_id(c, e, key);
}
