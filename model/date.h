/*
 * date.h - calendar dates that keep their precision.
 *
 * A Date names a year, a month or a day (proleptic Gregorian, years
 * 1..9999), written YYYY, YYYY-MM or YYYY-MM-DD. A coarse date stands for
 * the whole period: 2023 is 2023-01-01..2023-12-31. Ordering uses the first
 * day of the period and, at equal starts, puts the finer date first:
 * 2023-01-01, 2023-01 and 2023 all start on the same day and sort in that
 * order. Dates are small values; copy them freely.
 */
#ifndef CYBERLINE_DATE_H
#define CYBERLINE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum DatePrecision {
	DATE_NONE = 0, /* unset */
	DATE_YEAR = 1,
	DATE_MONTH = 2,
	DATE_DAY = 3,
} DatePrecision;

typedef struct Date {
	int16_t year;
	uint8_t month; /* 1..12, or 0 for DATE_YEAR */
	uint8_t day;   /* 1..31, or 0 for DATE_YEAR/DATE_MONTH */
	uint8_t precision;
} Date;

/* Room for a formatted date ("2023-12-20") and its NUL, with margin. */
#define DATE_TEXT_MAX 16

/*
 * Parse s[0..n) as YYYY, YYYY-MM or YYYY-MM-DD. Returns NULL and fills *out
 * on success, or a static English message saying what is wrong ("month 13
 * is out of range", "2023-02-30 is not a calendar date", ...).
 */
const char *date_parse(const char *s, size_t n, Date *out);
bool date_is_leap(int year);
int date_days_in_month(int year, int month);
/* The first and last day of the period as yyyymmdd integers. */
int32_t date_first_day(Date d);
int32_t date_last_day(Date d);
/* qsort-style order: first day, then finer precision first. */
int date_compare(Date a, Date b);
/* Write the date at its precision into out (DATE_TEXT_MAX bytes). */
void date_format(Date d, char out[DATE_TEXT_MAX]);

#endif
