/*
 * test_date.c - date parsing at every precision, calendar checks
 * (leap years), period bounds, ordering and formatting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static Date parse_ok(const char *s)
{
	Date d;
	const char *why = date_parse(s, strlen(s), &d);
	if (why)
		fail_msg("%s: %s", s, why);
	return d;
}

static void assert_rejected(const char *s)
{
	Date d;
	if (!date_parse(s, strlen(s), &d))
		fail_msg("%s was accepted", s);
}

static void test_precisions(void **state)
{
	(void)state;
	Date y = parse_ok("2023"), m = parse_ok("2023-12"), d = parse_ok("2023-12-20");
	assert_int_equal(y.precision, DATE_YEAR);
	assert_int_equal(y.year, 2023);
	assert_int_equal(m.precision, DATE_MONTH);
	assert_int_equal(m.month, 12);
	assert_int_equal(d.precision, DATE_DAY);
	assert_int_equal(d.day, 20);
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2023));
	parse_ok("2024-02-29");
	parse_ok("2000-02-29");
	assert_rejected("2023-02-29");
	assert_rejected("1900-02-29");
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2023, 2), 28);
	assert_int_equal(date_days_in_month(2023, 4), 30);
}

static void test_impossible_dates(void **state)
{
	(void)state;
	const char *bad[] = {"2023-02-30", "2023-13", "2023-00", "2023-04-31",
	                     "2023-12-00", "yesterday", "23-12-20", "2023-1-5",
	                     "2023/12/20", "2023-12-20T10", "", "0000",
	                     "２０２３", "2023-12-2x"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_rejected(bad[i]);
}

static void test_period_bounds(void **state)
{
	(void)state;
	assert_int_equal(date_first_day(parse_ok("2024")), 20240101);
	assert_int_equal(date_last_day(parse_ok("2024")), 20241231);
	assert_int_equal(date_first_day(parse_ok("2024-02")), 20240201);
	assert_int_equal(date_last_day(parse_ok("2024-02")), 20240229);
	assert_int_equal(date_last_day(parse_ok("2023-02")), 20230228);
	assert_int_equal(date_last_day(parse_ok("2023-12-20")), 20231220);
}

static void test_order_finer_first(void **state)
{
	(void)state;
	Date day = parse_ok("2023-01-01"), month = parse_ok("2023-01"),
	     year = parse_ok("2023"), later = parse_ok("2023-01-02");
	assert_true(date_compare(day, month) < 0);
	assert_true(date_compare(month, year) < 0);
	assert_true(date_compare(day, year) < 0);
	assert_true(date_compare(year, later) < 0); /* starts earlier */
	assert_true(date_compare(later, month) > 0);
	assert_int_equal(date_compare(day, day), 0);
}

static void test_format_keeps_precision(void **state)
{
	(void)state;
	const char *in[] = {"2019", "2019-08", "2019-11-15", "0999-01-02"};
	for (size_t i = 0; i < 4; i++) {
		char out[DATE_TEXT_MAX];
		date_format(parse_ok(in[i]), out);
		assert_string_equal(out, in[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precisions),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_impossible_dates),
		cmocka_unit_test(test_period_bounds),
		cmocka_unit_test(test_order_finer_first),
		cmocka_unit_test(test_format_keeps_precision),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
