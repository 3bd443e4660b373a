/*
 * export_text.c - the two line-oriented formats: text for a terminal and
 * TSV for spreadsheets and cut/awk; see export.h.
 *
 * Both escape through text_escape(), so nothing a terminal acts on
 * (C0, DEL, C1, bidi controls, invalid bytes) is written raw. TSV adds
 * one rule on top: a backslash in the content is doubled, which makes
 * every backslash in a value the start of an escape and the escaping
 * reversible.
 */
#include "export_writer.h"

#include "text.h"

#include <inttypes.h>
#include <string.h>

/* Columns before the countries: a full date, the inferred-date mark, a
 * space ("2023-12-20≈ "), so every date form lines up. */
#define TEXT_DATE_COLUMNS 12
/* The countries column is as wide as the widest list, up to this. */
#define TEXT_COUNTRIES_MAX 18

/* Append cols spaces (none when cols <= 0). */
static void text_pad(Buf *o, int cols)
{
	for (; cols > 0; cols--)
		buf_putc(o, ' ');
}

/* Columns of "EE, UA, FR" (or "-" for none): 2 a code, 2 a separator. */
static int text_countries_width(const Event *e)
{
	return e->ncountries ? (int)e->ncountries * 4 - 2 : 1;
}

/* The event's country codes joined by sep ("EE, UA" or "EE,UA"). */
static void text_countries(Buf *o, const Event *e, const char *sep)
{
	for (uint32_t i = 0; i < e->ncountries; i++) {
		char code[3];
		country_unpack(e->countries[i], code);
		buf_printf(o, "%s%s", i ? sep : "", code);
	}
}

/* s made terminal-safe; nothing for an absent string. */
static void text_escaped(Buf *o, const char *s)
{
	if (s)
		text_escape(o, s, strlen(s), 0);
}

/* Measure the countries column once so titles line up. */
static void text_begin(ExportRun *r)
{
	r->width = 1;
	for (size_t i = 0; i < r->n; i++) {
		int w = text_countries_width(r->events[i]);
		if (w > r->width)
			r->width = w < TEXT_COUNTRIES_MAX ? w : TEXT_COUNTRIES_MAX;
	}
}

/*
 * Two lines an event:
 *   2019-11≈    FR, RU  Title
 *               Outlet — Source title (id)
 * The ≈ marks a date with a date_note (inferred or imprecise).
 */
static void text_event(ExportRun *r, const Event *e, const Event *prev)
{
	(void)prev;
	Buf *o = &r->out;
	char date[DATE_TEXT_MAX];
	date_format(e->date, date);
	buf_puts(o, date);
	int used = (int)strlen(date);
	if (e->date_note) {
		buf_puts(o, "\u2248");
		used++;
	}
	text_pad(o, TEXT_DATE_COLUMNS - used);
	if (e->ncountries)
		text_countries(o, e, ", ");
	else
		buf_putc(o, '-');
	int w = text_countries_width(e);
	text_pad(o, (w < r->width ? r->width - w : 0) + 2);
	text_escaped(o, e->title);
	buf_putc(o, '\n');
	text_pad(o, TEXT_DATE_COLUMNS);
	if (e->source) {
		text_escaped(o, e->source->outlet);
		buf_puts(o, " \u2014 ");
		text_escaped(o, e->source->title);
		buf_putc(o, ' ');
	}
	buf_putc(o, '(');
	text_escaped(o, e->id);
	buf_puts(o, ")\n");
}

const Writer export_text_writer = {
	.name = "text",
	.begin = text_begin,
	.event = text_event,
};

/*
 * One TSV value: text_escape() for controls, "\\" for a backslash and,
 * inside a list item (item true), "\x2C" for a comma so that splitting
 * the column on ',' finds the items.
 */
static void tsv_value(Buf *o, const char *s, bool item)
{
	if (!s)
		return;
	const char *special = item ? "\\," : "\\";
	for (;;) {
		size_t k = strcspn(s, special);
		text_escape(o, s, k, 0);
		if (!s[k])
			return;
		buf_puts(o, s[k] == '\\' ? "\\\\" : "\\x2C");
		s += k + 1;
	}
}

/* List items joined by ',', each escaped as an item. */
static void tsv_list(Buf *o, const StrList *l)
{
	for (uint32_t i = 0; i < l->count; i++) {
		if (i)
			buf_putc(o, ',');
		tsv_value(o, l->items[i], true);
	}
}

/* The header line names the columns, even for an empty export. */
static void tsv_begin(ExportRun *r)
{
	buf_puts(&r->out, "id\tdate\tcountries\ttitle\toutlet\tdate_note"
	                  "\torganizations\ttags\tsummary\texcerpt\trelated"
	                  "\tsource_title\tpublished\turl\tfile\tline\n");
}

/* The source's columns: outlet comes early (people sort by it), the
 * rest after the event's own text. */
static void tsv_event(ExportRun *r, const Event *e, const Event *prev)
{
	(void)prev;
	Buf *o = &r->out;
	const Source *src = e->source;
	char date[DATE_TEXT_MAX], published[DATE_TEXT_MAX] = "";
	date_format(e->date, date);
	if (src)
		date_format(src->published, published);
	tsv_value(o, e->id, false);
	buf_printf(o, "\t%s\t", date);
	text_countries(o, e, ",");
	buf_putc(o, '\t');
	tsv_value(o, e->title, false);
	buf_putc(o, '\t');
	tsv_value(o, src ? src->outlet : NULL, false);
	buf_putc(o, '\t');
	tsv_value(o, e->date_note, false);
	buf_putc(o, '\t');
	tsv_list(o, &e->organizations);
	buf_putc(o, '\t');
	tsv_list(o, &e->tags);
	buf_putc(o, '\t');
	tsv_value(o, e->summary, false);
	buf_putc(o, '\t');
	tsv_value(o, e->excerpt, false);
	buf_putc(o, '\t');
	tsv_list(o, &e->related);
	buf_putc(o, '\t');
	tsv_value(o, src ? src->title : NULL, false);
	buf_printf(o, "\t%s\t", published);
	tsv_value(o, src ? src->url : NULL, false);
	buf_putc(o, '\t');
	tsv_value(o, e->file, false);
	buf_printf(o, "\t%" PRIu32 "\n", e->line);
}

const Writer export_tsv_writer = {
	.name = "tsv",
	.begin = tsv_begin,
	.event = tsv_event,
};
