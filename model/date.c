/*
 * date.c - parsing, checking, ordering and printing of Dates; see date.h.
 *
 * Parsing is strict on purpose: content is hand-written, and "2023-2-3",
 * "23-02-03" or "2023-02-30" are typos worth a diagnostic, not guesses.
 */
#include "date.h"

#include <stdio.h>

/* Read exactly `width` ASCII digits at s; -1 if any is not a digit. */
static int read_digits(const char *s, int width)
{
	int v = 0;
	for (int i = 0; i < width; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

const char *date_parse(const char *s, size_t n, Date *out)
{
	if (n != 4 && n != 7 && n != 10)
		return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
	int year = read_digits(s, 4);
	int month = 0, day = 0;
	if (year < 0)
		return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
	if (year == 0)
		return "year 0000 is not a calendar year";
	if (n >= 7) {
		if (s[4] != '-' || (month = read_digits(s + 5, 2)) < 0)
			return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
		if (month < 1 || month > 12)
			return "month is out of range (01-12)";
	}
	if (n == 10) {
		if (s[7] != '-' || (day = read_digits(s + 8, 2)) < 0)
			return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
		if (day < 1 || day > date_days_in_month(year, month))
			return "day does not exist in that month";
	}
	out->year = (int16_t)year;
	out->month = (uint8_t)month;
	out->day = (uint8_t)day;
	out->precision = n == 4 ? DATE_YEAR : n == 7 ? DATE_MONTH : DATE_DAY;
	return NULL;
}

int32_t date_first_day(Date d)
{
	int m = d.month ? d.month : 1;
	int day = d.day ? d.day : 1;
	return d.year * 10000 + m * 100 + day;
}

int32_t date_last_day(Date d)
{
	int m = d.month ? d.month : 12;
	int day = d.day ? d.day : date_days_in_month(d.year, m);
	return d.year * 10000 + m * 100 + day;
}

int date_compare(Date a, Date b)
{
	int32_t fa = date_first_day(a), fb = date_first_day(b);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	/* Finer first: DATE_DAY (3) before DATE_MONTH (2) before DATE_YEAR. */
	return (int)b.precision - (int)a.precision;
}

void date_format(Date d, char out[DATE_TEXT_MAX])
{
	switch (d.precision) {
	case DATE_YEAR:
		snprintf(out, DATE_TEXT_MAX, "%04d", d.year);
		break;
	case DATE_MONTH:
		snprintf(out, DATE_TEXT_MAX, "%04d-%02d", d.year, d.month);
		break;
	case DATE_DAY:
		snprintf(out, DATE_TEXT_MAX, "%04d-%02d-%02d", d.year, d.month,
		         d.day);
		break;
	default:
		out[0] = '\0';
	}
}
