/*
 * stats.h - counting a list of events: per year, per country, and the
 * country pairs that appear together most often. Pure computation; the
 * caller prints.
 */
#ifndef CYBERLINE_STATS_H
#define CYBERLINE_STATS_H

#include "event.h"

#include <stddef.h>

typedef struct StatCount {
	int key;      /* year, CountryCode, or a*COUNTRY_CODES+b for a pair */
	size_t count;
} StatCount;

typedef struct Stats {
	size_t total;
	StatCount *years;     /* ascending year */
	size_t nyears;
	StatCount *countries; /* most events first, then code */
	size_t ncountries;
	StatCount *pairs;     /* most events first, then codes */
	size_t npairs;
} Stats;

/* Count events[0..n) into s (owned by s: stats_free). */
void stats_compute(Stats *s, const Event *const *events, size_t n);
void stats_free(Stats *s);

#endif
