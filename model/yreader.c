/*
 * yreader.c - libyaml event stream with lookahead and safety checks;
 * see yreader.h.
 */
#include "yreader.h"

#include "event.h"

#include <stdarg.h>
#include <string.h>

void yreader_init(YReader *r, const char *file, const char *data, size_t len,
                  DiagList *diags)
{
	memset(r, 0, sizeof *r);
	r->file = file;
	r->diags = diags;
	yaml_parser_initialize(&r->parser);
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)data,
	                             len);
}

void yreader_done(YReader *r)
{
	if (r->have)
		yaml_event_delete(&r->event);
	r->have = false;
	yaml_parser_delete(&r->parser);
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

/* Report libyaml's syntax error and end the stream. */
static void report_syntax_error(YReader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	yaml_mark_t at = p->problem_mark;
	if (p->context)
		yreader_error(r, at, "YAML syntax: %s %s", problem, p->context);
	else
		yreader_error(r, at, "YAML syntax: %s", problem);
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
	r->have = true;
	yaml_event_t *e = &r->event;
	check_node(r, e);
	if (e->type == YAML_SEQUENCE_START_EVENT ||
	    e->type == YAML_MAPPING_START_EVENT) {
		if (++r->depth > LOAD_DEPTH_MAX) {
			yreader_error(r, e->start_mark,
			              "nesting deeper than %d levels",
			              LOAD_DEPTH_MAX);
			r->failed = true;
			yaml_event_delete(e);
			r->have = false;
			return NULL;
		}
	} else if (e->type == YAML_SEQUENCE_END_EVENT ||
	           e->type == YAML_MAPPING_END_EVENT) {
		r->depth--;
	}
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
