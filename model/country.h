/*
 * country.h - ISO 3166-1 alpha-2 country codes, named through ICU.
 *
 * A CountryCode packs two upper-case letters into a small integer
 * ((c1-'A')*26 + (c2-'A'), 0..675) so events carry them in a few bytes
 * and filters test them with a bitset. Which codes exist and what they
 * are called in English comes from ICU's locale data, so the list is
 * ICU's view of ISO 3166-1 (current, assigned codes only).
 */
#ifndef CYBERLINE_COUNTRY_H
#define CYBERLINE_COUNTRY_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint16_t CountryCode;

#define COUNTRY_CODES 676
#define COUNTRY_NONE 0xFFFF

/* A set of CountryCodes (one bit each); zero-initialise to empty. */
typedef struct CountrySet {
	uint64_t bits[(COUNTRY_CODES + 63) / 64];
} CountrySet;

static inline void countryset_add(CountrySet *s, CountryCode c)
{
	s->bits[c / 64] |= (uint64_t)1 << (c % 64);
}

static inline bool countryset_has(const CountrySet *s, CountryCode c)
{
	return (s->bits[c / 64] >> (c % 64)) & 1;
}

/* Code for two ASCII letters of either case, or COUNTRY_NONE. */
CountryCode country_pack(const char *s, size_t n);
/* Write the two-letter code and a NUL into out. */
void country_unpack(CountryCode c, char out[3]);
/* True when ICU knows the code as an assigned ISO 3166-1 country. */
bool country_is_valid(CountryCode c);
/* Append the English name ("Estonia") to out; the code if ICU has none. */
void country_name(CountryCode c, Buf *out);

/*
 * Resolve what a user typed: a code ("ee", "EE") or an English name
 * ("estonia", "Côte d'Ivoire", "cote d'ivoire"), case- and accent-blind.
 * Returns COUNTRY_NONE when nothing matches.
 */
CountryCode country_lookup(const char *s, size_t n);

/*
 * A hint for an unknown code or name ("UK" -> "GB (United Kingdom)"),
 * appended to out as "did you mean ...?"; false (out untouched) when
 * there is none.
 */
bool country_hint(const char *s, size_t n, Buf *out);

#endif
