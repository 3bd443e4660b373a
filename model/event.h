/*
 * event.h - what the content says: sources (articles) and their events.
 *
 * Every string is UTF-8 in NFC, NUL-terminated, and may still contain
 * characters a terminal would act on (TAB and LF in summary and excerpt;
 * bidi controls anywhere): escape with text_escape() before display.
 * Optional strings are NULL when absent; lists are empty (count 0) when
 * absent. Events and sources belong to the Corpus that loaded them and
 * are immutable after loading; pointers stay valid until corpus_free().
 */
#ifndef CYBERLINE_EVENT_H
#define CYBERLINE_EVENT_H

#include "country.h"
#include "date.h"

#include <stddef.h>
#include <stdint.h>

typedef struct StrList {
	const char **items;
	uint32_t count;
} StrList;

typedef struct Source {
	const char *title;
	const char *outlet;
	Date published;
	const char *url;      /* optional */
	const char *language; /* optional */
	const char *file;     /* path it was loaded from */
	uint32_t line;        /* where its "source:" mapping starts */
	uint32_t index;       /* load order among all sources */
} Source;

typedef struct Event {
	const char *id;
	Date date;
	const char *date_note; /* optional */
	const char *title;
	const CountryCode *countries;
	uint32_t ncountries;
	StrList organizations;
	StrList tags;
	const char *summary;
	const char *excerpt;
	StrList related; /* ids, each known to exist once loading is done */
	const Source *source;
	const char *file;
	uint32_t line, col; /* where the event's mapping starts */
	uint32_t index;     /* load order among all events */
} Event;

/* Limits on content values, enforced by the loader (see README). */
enum {
	EVENT_ID_MAX = 64,           /* bytes */
	EVENT_TITLE_MAX = 300,       /* characters, also source title */
	EVENT_SHORT_MAX = 300,       /* outlet, organization, tag, date_note */
	EVENT_SUMMARY_MAX = 2000,    /* characters */
	EVENT_EXCERPT_MAX = 20000,   /* characters */
	EVENT_URL_MAX = 2000,        /* bytes */
	EVENT_LIST_MAX = 64,         /* items in any list */
	LOAD_FILE_MAX = 4 * 1024 * 1024, /* bytes per file */
	LOAD_DEPTH_MAX = 32,         /* YAML nesting */
};

/* The id rule, shared by the loader and the marks store:
 * [a-z0-9][a-z0-9-]* (the length limit, EVENT_ID_MAX, is the caller's). */
static inline int event_id_valid(const char *s, size_t n)
{
	if (n == 0 || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-'))
			return 0;
	return 1;
}

/* True when the event names country c. */
static inline int event_has_country(const Event *e, CountryCode c)
{
	for (uint32_t i = 0; i < e->ncountries; i++)
		if (e->countries[i] == c)
			return 1;
	return 0;
}

#endif
