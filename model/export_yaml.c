/*
 * export_yaml.c - the content schema itself, so an export loads back;
 * see export.h.
 *
 * One YAML document a distinct source ("---" before each), sources in
 * order of first appearance, each document's events in the given order.
 * Every string is a double-quoted scalar on one line. Everything that
 * could change on the way back in, or act on a terminal, is escaped:
 * '"' and '\', C0 controls and DEL, C1 controls (NEL would otherwise be
 * read as a line break), bidi controls, U+2028/U+2029 (YAML 1.1 line
 * breaks), U+FEFF and the non-characters U+FFFE/U+FFFF (not allowed in
 * a YAML stream). Dates are written plain at their precision. Country
 * codes are two ASCII letters and are written plain, as in the content.
 */
#include "export_writer.h"

#include <stdlib.h>
#include <string.h>

/* ExportEscapeFn for YAML double-quoted scalars; see export_quote(). */
static bool yaml_escape(Buf *o, int32_t c)
{
	static const char *const short_forms[0x20] = {
		['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r",
	};
	if (c < 0)
		buf_puts(o, "\\uFFFD");
	else if (c == '"' || c == '\\')
		buf_printf(o, "\\%c", (char)c);
	else if (c < 0x20 && short_forms[c])
		buf_puts(o, short_forms[c]);
	else if (c < 0xa0 && export_is_control(c))
		buf_printf(o, "\\x%02X", (unsigned)c);
	else if (export_is_control(c) || c == 0x2028 || c == 0x2029 ||
	         c == 0xfeff || c == 0xfffe || c == 0xffff)
		buf_printf(o, "\\u%04X", (unsigned)c);
	else
		return false;
	return true;
}

/* `key: "value"` at an indent; an absent optional writes nothing. */
static void yaml_field(Buf *o, const char *indent, const char *key,
                       const char *value)
{
	if (!value)
		return;
	buf_printf(o, "%s%s: ", indent, key);
	export_quote(o, value, yaml_escape);
	buf_putc(o, '\n');
}

/* `key: 2019-11`, plain at the date's precision; nothing when unset. */
static void yaml_date(Buf *o, const char *indent, const char *key, Date d)
{
	char text[DATE_TEXT_MAX];
	date_format(d, text);
	if (text[0])
		buf_printf(o, "%s%s: %s\n", indent, key, text);
}

/* A flow sequence of the items keep() accepts; omitted when none is. */
static void yaml_list(Buf *o, const char *key, const StrList *l,
                      bool (*keep)(const ExportRun *, const char *),
                      const ExportRun *r)
{
	bool any = false;
	for (uint32_t i = 0; i < l->count; i++) {
		if (keep && !keep(r, l->items[i]))
			continue;
		if (any)
			buf_puts(o, ", ");
		else
			buf_printf(o, "    %s: [", key);
		export_quote(o, l->items[i], yaml_escape);
		any = true;
	}
	if (any)
		buf_puts(o, "]\n");
}

/* qsort/bsearch order of id pointers. */
static int yaml_compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when id names an exported event: a `related` id pointing out of
 * the exported set would fail validation on reload. */
static bool yaml_exported(const ExportRun *r, const char *id)
{
	return r->state && bsearch(&id, r->state, r->n, sizeof(const char *),
	                           yaml_compare_ids);
}

/* Collect the exported ids, sorted, for yaml_exported(). */
static void yaml_begin(ExportRun *r)
{
	if (!r->n)
		return;
	const char **ids = xcalloc(r->n, sizeof *ids);
	for (size_t i = 0; i < r->n; i++)
		ids[i] = export_str(r->events[i]->id);
	qsort(ids, r->n, sizeof *ids, yaml_compare_ids);
	r->state = ids;
}

/* Start a document: its source mapping and the `events:` key. An event
 * without a source (never from the loader) gets empty required fields
 * rather than a crash. */
static void yaml_source(Buf *o, const Source *s)
{
	buf_puts(o, "---\nsource:\n");
	yaml_field(o, "  ", "title", export_str(s ? s->title : NULL));
	yaml_field(o, "  ", "outlet", export_str(s ? s->outlet : NULL));
	if (s) {
		yaml_date(o, "  ", "published", s->published);
		yaml_field(o, "  ", "url", s->url);
		yaml_field(o, "  ", "language", s->language);
	}
	buf_puts(o, "events:\n");
}

/* `countries: [EE, UA]`, as in the content files. */
static void yaml_countries(Buf *o, const Event *e)
{
	buf_puts(o, "    countries: [");
	for (uint32_t i = 0; i < e->ncountries; i++) {
		char code[3];
		country_unpack(e->countries[i], code);
		buf_printf(o, "%s%s", i ? ", " : "", code);
	}
	buf_puts(o, "]\n");
}

/* Events arrive grouped by source (by_source), so a new source starts
 * a new document. */
static void yaml_event(ExportRun *r, const Event *e, const Event *prev)
{
	Buf *o = &r->out;
	if (!prev || prev->source != e->source)
		yaml_source(o, e->source);
	else
		buf_putc(o, '\n');
	yaml_field(o, "  - ", "id", export_str(e->id));
	yaml_date(o, "    ", "date", e->date);
	yaml_field(o, "    ", "date_note", e->date_note);
	yaml_field(o, "    ", "title", export_str(e->title));
	yaml_countries(o, e);
	yaml_list(o, "organizations", &e->organizations, NULL, r);
	yaml_list(o, "tags", &e->tags, NULL, r);
	yaml_field(o, "    ", "summary", export_str(e->summary));
	yaml_field(o, "    ", "excerpt", export_str(e->excerpt));
	yaml_list(o, "related", &e->related, yaml_exported, r);
}

/* Free yaml_begin()'s id list. */
static void yaml_end(ExportRun *r)
{
	free(r->state);
	r->state = NULL;
}

const Writer export_yaml_writer = {
	.name = "yaml",
	.alias = "yml",
	.by_source = true,
	.begin = yaml_begin,
	.event = yaml_event,
	.end = yaml_end,
};
