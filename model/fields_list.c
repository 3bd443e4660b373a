/*
 * fields_list.c - list-valued fields: countries, names, ids; see
 * fields.h. Items are collected in a small scratch array, then copied
 * into the arena once the list is complete.
 */
#include "fields.h"

#include "country.h"

#include <stdlib.h>
#include <string.h>

/*
 * Walk a YAML list, calling item() for each scalar; non-scalar items and
 * items with refused characters are reported and skipped. Returns false
 * when the node is not a list (it is then reported and skipped too) or
 * the stream broke off.
 */
typedef void (*ItemFn)(FieldCtx *c, const Field *f, yaml_event_t *e,
                       void *acc);

static bool walk_list(FieldCtx *c, const Field *f, ItemFn item, void *acc)
{
	yaml_event_t *e = yreader_peek(&c->y);
	if (!e)
		return false;
	if (e->type != YAML_SEQUENCE_START_EVENT) {
		yreader_wrong(&c->y, e, "`%s` must be a list like [a, b], found %s",
		              f->key, yreader_kind(e));
		yreader_skip(&c->y);
		return false;
	}
	yreader_next(&c->y);
	while ((e = yreader_peek(&c->y)) && e->type != YAML_SEQUENCE_END_EVENT) {
		if (e->type != YAML_SCALAR_EVENT) {
			yreader_wrong(&c->y, e,
			              "items of `%s` must be single values, found %s",
			              f->key, yreader_kind(e));
			yreader_skip(&c->y);
			continue;
		}
		if (!yreader_tainted(&c->y, e, f->key))
			item(c, f, e, acc);
		yreader_next(&c->y);
	}
	if (!e)
		return false;
	yreader_next(&c->y);
	return true;
}

/* True (after reporting once per list) when a list already holds
 * EVENT_LIST_MAX items and e cannot be added. */
static bool list_full(FieldCtx *c, const Field *f, const yaml_event_t *e,
                      uint32_t count, bool *overflow)
{
	if (count < EVENT_LIST_MAX)
		return false;
	if (!*overflow)
		yreader_error(&c->y, e->start_mark, "`%s` has more than %d items",
		              f->key, EVENT_LIST_MAX);
	*overflow = true;
	return true;
}

typedef struct CountryAcc {
	CountryCode codes[EVENT_LIST_MAX];
	uint32_t count;
	bool overflow;
} CountryAcc;

/* Why a country code is refused, with a hint where one helps. */
static void report_country(FieldCtx *c, const yaml_event_t *e, const char *v,
                           size_t n)
{
	Buf hint = BUF_INIT;
	CountryCode code = country_pack(v, n);
	if (code != COUNTRY_NONE && country_is_valid(code)) {
		char up[3];
		country_unpack(code, up);
		yreader_error(&c->y, e->start_mark,
		              "country codes are upper-case: write %s, not %.*s", up,
		              (int)n, v);
	} else if (country_hint(v, n, &hint)) {
		yreader_error(&c->y, e->start_mark,
		              "\"%.*s\" is not an ISO 3166-1 alpha-2 country code; %s",
		              (int)(n > 40 ? 40 : n), v, buf_cstr(&hint));
	} else {
		yreader_error(&c->y, e->start_mark,
		              "\"%.*s\" is not an ISO 3166-1 alpha-2 country code",
		              (int)(n > 40 ? 40 : n), v);
	}
	buf_free(&hint);
}

/* One item of `countries`: an assigned upper-case code, listed once. */
static void country_item(FieldCtx *c, const Field *f, yaml_event_t *e,
                         void *accp)
{
	CountryAcc *acc = accp;
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	CountryCode code = country_pack(v, n);
	bool upper = n == 2 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' &&
	             v[1] <= 'Z';
	if (!upper || !country_is_valid(code)) {
		report_country(c, e, v, n);
		return;
	}
	for (uint32_t i = 0; i < acc->count; i++) {
		if (acc->codes[i] == code) {
			yreader_error(&c->y, e->start_mark,
			              "%.2s is listed twice in `%s`", v, f->key);
			return;
		}
	}
	if (list_full(c, f, e, acc->count, &acc->overflow))
		return;
	acc->codes[acc->count++] = code;
}

void fields_convert_countries(FieldCtx *c, const Field *f, void *base)
{
	yaml_event_t *e = yreader_peek(&c->y);
	if (!e)
		return;
	yaml_mark_t at = e->start_mark;
	unsigned bad = c->y.bad;
	CountryAcc acc = {.count = 0};
	if (!walk_list(c, f, country_item, &acc) || c->y.bad != bad)
		return;
	if (acc.count == 0) {
		yreader_error(&c->y, at, "`%s` must name at least one country",
		              f->key);
		return;
	}
	Event *ev = base;
	CountryCode *codes = arena_alloc(c->arena, acc.count * sizeof *codes);
	memcpy(codes, acc.codes, acc.count * sizeof *codes);
	ev->countries = codes;
	ev->ncountries = acc.count;
}

typedef struct ListAcc {
	const char *items[EVENT_LIST_MAX];
	RelatedPos pos[EVENT_LIST_MAX];
	uint32_t count;
	bool overflow;
} ListAcc;

/* One item of a names or ids list, checked as its kind requires. */
static void list_item(FieldCtx *c, const Field *f, yaml_event_t *e,
                      void *accp)
{
	ListAcc *acc = accp;
	const char *v = f->kind == FIELD_IDS
	                        ? fields_take_id(c, e, f->key)
	                        : fields_take_text(c, e, f->key, EVENT_SHORT_MAX);
	if (!v || list_full(c, f, e, acc->count, &acc->overflow))
		return;
	acc->pos[acc->count] = (RelatedPos){(uint32_t)e->start_mark.line + 1,
	                                    (uint32_t)e->start_mark.column + 1};
	acc->items[acc->count++] = v;
}

void fields_convert_list(FieldCtx *c, const Field *f, void *base)
{
	unsigned bad = c->y.bad;
	ListAcc *acc = xmalloc(sizeof *acc);
	acc->count = 0;
	acc->overflow = false;
	if (walk_list(c, f, list_item, acc) && c->y.bad == bad && acc->count) {
		StrList *list = (StrList *)((char *)base + f->offset);
		const char **items = arena_alloc(c->arena,
		                                 acc->count * sizeof *items);
		memcpy(items, acc->items, acc->count * sizeof *items);
		list->items = items;
		list->count = acc->count;
		if (f->kind == FIELD_IDS) {
			RelatedPos *pos = arena_alloc(c->arena,
			                              acc->count * sizeof *pos);
			memcpy(pos, acc->pos, acc->count * sizeof *pos);
			c->pos.related = pos;
		}
	}
	free(acc);
}
