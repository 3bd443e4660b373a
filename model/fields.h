/*
 * fields.h - the content schema as data: each mapping (a source, an
 * event) is a table of Fields, and each Field kind has one converter
 * that reads its YAML node, checks it and stores it into a struct at
 * `offset`. Loader internals; see parse.c for the tables.
 */
#ifndef CYBERLINE_FIELDS_H
#define CYBERLINE_FIELDS_H

#include "arena.h"
#include "parse.h"
#include "yreader.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum FieldKind {
	FIELD_LINE,      /* one-line text */
	FIELD_TEXT,      /* text that may hold TAB and LF */
	FIELD_ID,        /* [a-z0-9][a-z0-9-]*, at most EVENT_ID_MAX */
	FIELD_DATE,      /* YYYY, YYYY-MM or YYYY-MM-DD */
	FIELD_URL,       /* http(s)://, no spaces */
	FIELD_LANGUAGE,  /* BCP 47 tag */
	FIELD_COUNTRIES, /* non-empty list of ISO 3166-1 alpha-2 codes */
	FIELD_NAMES,     /* list of one-line texts -> StrList */
	FIELD_IDS,       /* list of ids -> StrList, positions kept */
} FieldKind;

typedef struct Field {
	const char *key;
	FieldKind kind;
	bool required;
	size_t offset; /* where the value goes in the target struct */
	size_t max;    /* characters (text) or items (lists); 0: no limit */
} Field;

/* State shared by the converters while one file is parsed. */
typedef struct FieldCtx {
	YReader y;
	Arena *arena;          /* where values are copied */
	EventPos pos;          /* FIELD_ID/FIELD_IDS: where values were */
} FieldCtx;

/* Read the current node as field f of the struct at base. Consumes the
 * whole node; problems are reported and leave the field unset. */
void fields_convert(FieldCtx *c, const Field *f, void *base);

/* List converters (fields_list.c). */
void fields_convert_countries(FieldCtx *c, const Field *f, void *base);
void fields_convert_list(FieldCtx *c, const Field *f, void *base);

/* Item checks shared with fields_list.c. */
const char *fields_take_text(FieldCtx *c, const yaml_event_t *e,
                             const char *key, size_t max);
const char *fields_take_id(FieldCtx *c, const yaml_event_t *e,
                           const char *key);

#endif
