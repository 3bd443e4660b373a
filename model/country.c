/*
 * country.c - ISO 3166-1 alpha-2 codes and their English names via ICU;
 * see country.h.
 *
 * ICU's uloc_getISOCountries() is the authority on which codes exist, and
 * uloc_getDisplayCountry() on their names. Name lookup folds both sides
 * with text_fold() so "cote d'ivoire" finds "Côte d’Ivoire" (ICU uses a
 * typographic apostrophe; folding maps neither, so apostrophes are
 * dropped from both sides before comparing).
 */
#include "country.h"

#include "text.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

CountryCode country_pack(const char *s, size_t n)
{
	if (n != 2)
		return COUNTRY_NONE;
	int a = s[0] & ~0x20, b = s[1] & ~0x20; /* ASCII upper-case */
	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return COUNTRY_NONE;
	return (CountryCode)((a - 'A') * 26 + (b - 'A'));
}

void country_unpack(CountryCode c, char out[3])
{
	out[0] = (char)('A' + c / 26 % 26);
	out[1] = (char)('A' + c % 26);
	out[2] = '\0';
}

/*
 * ICU's list as a bitset, built once: the loader asks for every country
 * of every event, and a scan of ~250 strings each time showed up in
 * profiles. It is a read-only copy of ICU's static data, filled under
 * pthread_once, so it is safe from the loader's threads.
 */
static CountrySet valid_codes;
static pthread_once_t valid_once = PTHREAD_ONCE_INIT;

static void fill_valid_codes(void)
{
	for (const char *const *p = uloc_getISOCountries(); *p; p++) {
		CountryCode c = country_pack(*p, strlen(*p));
		if (c != COUNTRY_NONE)
			countryset_add(&valid_codes, c);
	}
}

bool country_is_valid(CountryCode c)
{
	if (c >= COUNTRY_CODES)
		return false;
	pthread_once(&valid_once, fill_valid_codes);
	return countryset_has(&valid_codes, c);
}

void country_name(CountryCode c, Buf *out)
{
	char code[3], locale[8];
	country_unpack(c, code);
	snprintf(locale, sizeof locale, "und_%s", code);
	UChar name[128];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = uloc_getDisplayCountry(locale, "en", name, 128, &err);
	if (U_FAILURE(err) || len <= 0 || err == U_USING_DEFAULT_WARNING) {
		buf_puts(out, code);
		return;
	}
	char utf8[512];
	int32_t n = 0;
	err = U_ZERO_ERROR;
	u_strToUTF8(utf8, sizeof utf8, &n, name, len, &err);
	if (U_FAILURE(err))
		buf_puts(out, code);
	else
		buf_append(out, utf8, (size_t)n);
}

/* Fold a name for comparison and drop apostrophes of any kind. */
static void fold_name(Buf *out, const char *s, size_t n)
{
	Buf tmp = BUF_INIT;
	text_fold(&tmp, s, n);
	buf_clear(out);
	const char *t = buf_cstr(&tmp);
	for (size_t i = 0; i < tmp.len; i++) {
		if (t[i] == '\'')
			continue;
		if (strncmp(t + i, "\xE2\x80\x99", 3) == 0) { /* U+2019 */
			i += 2;
			continue;
		}
		buf_putc(out, t[i]);
	}
	buf_free(&tmp);
}

/*
 * Every ISO country's English name, folded (fold_name), built once: a
 * lookup by name, and the hint for every unknown code in a content file,
 * would otherwise ask ICU for ~250 names each time. Read-only after
 * pthread_once, like valid_codes.
 */
typedef struct NamedCode {
	CountryCode code;
	char *folded;
} NamedCode;

static NamedCode named_codes[COUNTRY_CODES];
static size_t named_count;
static pthread_once_t named_once = PTHREAD_ONCE_INIT;

static void fill_named_codes(void)
{
	Buf name = BUF_INIT, folded = BUF_INIT;
	for (const char *const *p = uloc_getISOCountries();
	     *p && named_count < COUNTRY_CODES; p++) {
		CountryCode code = country_pack(*p, 2);
		buf_clear(&name);
		country_name(code, &name);
		fold_name(&folded, name.data, name.len);
		named_codes[named_count++] = (NamedCode){code,
		                                         xstrdup(buf_cstr(&folded))};
	}
	buf_free(&name);
	buf_free(&folded);
}

CountryCode country_lookup(const char *s, size_t n)
{
	CountryCode c = country_pack(s, n);
	if (c != COUNTRY_NONE && country_is_valid(c))
		return c;
	pthread_once(&named_once, fill_named_codes);
	Buf want = BUF_INIT;
	fold_name(&want, s, n);
	CountryCode found = COUNTRY_NONE;
	for (size_t i = 0; i < named_count && want.len; i++)
		if (!strcmp(buf_cstr(&want), named_codes[i].folded)) {
			found = named_codes[i].code;
			break;
		}
	buf_free(&want);
	return found;
}

/* Codes people write that ISO 3166-1 does not assign. */
static const struct {
	const char *wrong, *right;
} country_aliases[] = {
	{"UK", "GB"}, {"EL", "GR"}, {"EN", "GB"},
};

bool country_hint(const char *s, size_t n, Buf *out)
{
	char up[3] = {0};
	if (n == 2) {
		up[0] = (char)(s[0] & ~0x20);
		up[1] = (char)(s[1] & ~0x20);
	}
	for (size_t i = 0; i < sizeof country_aliases / sizeof *country_aliases;
	     i++) {
		if (strcmp(up, country_aliases[i].wrong) != 0)
			continue;
		CountryCode c = country_pack(country_aliases[i].right, 2);
		if (!country_is_valid(c))
			continue;
		buf_printf(out, "did you mean %s (", country_aliases[i].right);
		country_name(c, out);
		buf_puts(out, ")?");
		return true;
	}
	CountryCode c = country_lookup(s, n);
	if (c == COUNTRY_NONE)
		return false;
	char code[3];
	country_unpack(c, code);
	buf_printf(out, "did you mean %s (", code);
	country_name(c, out);
	buf_puts(out, ")?");
	return true;
}
