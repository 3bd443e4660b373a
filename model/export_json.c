/*
 * export_json.c - JSON Lines: one object an event; see export.h.
 *
 * Strings follow RFC 8259 and go further so the output is safe to cat:
 * every C0 control, DEL, C1 control and bidi control is written as an
 * escape (\n, \t, ... or \u00XX), never raw. Other non-ASCII text is
 * written as UTF-8. An invalid byte, which the loader never lets
 * through, becomes U+FFFD rather than invalid JSON.
 */
#include "export_writer.h"

#include <inttypes.h>

/* The two-character escapes JSON defines, by control code. */
static const char *const json_short[0x20] = {
	['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n",
	['\r'] = "\\r", ['\t'] = "\\t",
};

/* ExportEscapeFn for JSON strings; see export_quote(). */
static bool json_escape(Buf *o, int32_t c)
{
	if (c < 0)
		buf_puts(o, "\xEF\xBF\xBD"); /* U+FFFD */
	else if (c == '"' || c == '\\')
		buf_printf(o, "\\%c", (char)c);
	else if (c < 0x20 && json_short[c])
		buf_puts(o, json_short[c]);
	else if (export_is_control(c))
		buf_printf(o, "\\u%04" PRIx32, c);
	else
		return false;
	return true;
}

/* A string, or null when absent. */
static void json_string(Buf *o, const char *s)
{
	if (s)
		export_quote(o, s, json_escape);
	else
		buf_puts(o, "null");
}

/* An array of strings; [] when empty, never null. */
static void json_list(Buf *o, const StrList *l)
{
	buf_putc(o, '[');
	for (uint32_t i = 0; i < l->count; i++) {
		if (i)
			buf_putc(o, ',');
		json_string(o, l->items[i]);
	}
	buf_putc(o, ']');
}

/* A date as its text at its precision, or null when unset. */
static void json_date(Buf *o, Date d)
{
	char text[DATE_TEXT_MAX];
	date_format(d, text);
	json_string(o, text[0] ? text : NULL);
}

/* Country codes as strings: ["EE","UA"]. Codes are ASCII letters, so
 * they need no escaping. */
static void json_countries(Buf *o, const Event *e)
{
	buf_putc(o, '[');
	for (uint32_t i = 0; i < e->ncountries; i++) {
		char code[3];
		country_unpack(e->countries[i], code);
		buf_printf(o, "%s\"%s\"", i ? "," : "", code);
	}
	buf_putc(o, ']');
}

/* The source as a nested object (null if the event has none). */
static void json_source(Buf *o, const Source *s)
{
	if (!s) {
		buf_puts(o, "null");
		return;
	}
	buf_puts(o, "{\"title\":");
	json_string(o, s->title);
	buf_puts(o, ",\"outlet\":");
	json_string(o, s->outlet);
	buf_puts(o, ",\"published\":");
	json_date(o, s->published);
	buf_puts(o, ",\"url\":");
	json_string(o, s->url);
	buf_puts(o, ",\"language\":");
	json_string(o, s->language);
	buf_putc(o, '}');
}

/* One line, keys always present in this order: consumers may rely on
 * the shape without checking for missing keys. */
static void json_event(ExportRun *r, const Event *e, const Event *prev)
{
	(void)prev;
	Buf *o = &r->out;
	buf_puts(o, "{\"id\":");
	json_string(o, e->id);
	buf_puts(o, ",\"date\":");
	json_date(o, e->date);
	buf_puts(o, ",\"date_note\":");
	json_string(o, e->date_note);
	buf_puts(o, ",\"title\":");
	json_string(o, e->title);
	buf_puts(o, ",\"countries\":");
	json_countries(o, e);
	buf_puts(o, ",\"organizations\":");
	json_list(o, &e->organizations);
	buf_puts(o, ",\"tags\":");
	json_list(o, &e->tags);
	buf_puts(o, ",\"summary\":");
	json_string(o, e->summary);
	buf_puts(o, ",\"excerpt\":");
	json_string(o, e->excerpt);
	buf_puts(o, ",\"related\":");
	json_list(o, &e->related);
	buf_puts(o, ",\"source\":");
	json_source(o, e->source);
	buf_puts(o, ",\"file\":");
	json_string(o, e->file);
	buf_printf(o, ",\"line\":%" PRIu32 "}\n", e->line);
}

const Writer export_json_writer = {
	.name = "json",
	.event = json_event,
};
