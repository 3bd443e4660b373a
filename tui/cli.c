/*
 * cli.c - option parsing for cyberline; see cli.h.
 *
 * Options are a table (getopt_long's) and each option's effect is one
 * case of apply_option(). The --help text and doc/cyberline.1 are
 * written by hand: a change here must be made there too (the
 * command-line tests check that --help names every option).
 */
#include "cli.h"

#include "country.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_LIST = 256, OPT_FORMAT, OPT_VALIDATE, OPT_STATS, OPT_MATCH,
       OPT_FROM, OPT_TO, OPT_MARKED };

static const struct option long_options[] = {
	{"list", no_argument, NULL, OPT_LIST},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"validate", no_argument, NULL, OPT_VALIDATE},
	{"stats", no_argument, NULL, OPT_STATS},
	{"country", required_argument, NULL, 'c'},
	{"match", required_argument, NULL, OPT_MATCH},
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"search", required_argument, NULL, 's'},
	{"marked", no_argument, NULL, OPT_MARKED},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

void cli_usage(FILE *out)
{
	fputs(
"Usage: cyberline [OPTIONS] [PATH...]\n"
"A terminal timeline of international cyber-cooperation, 2018-2024.\n"
"\n"
"PATHs are YAML content files or directories (searched recursively for\n"
"*.yaml and *.yml). With none, the bundled content is opened. With no\n"
"mode, cyberline opens the interactive timeline on a terminal and\n"
"behaves like --list otherwise.\n"
"\n"
"Modes:\n"
"      --list             print the filtered timeline\n"
"                           cyberline --list -c EE,UA --match all\n"
"      --format=FORMAT    output of --list: text (default), tsv, json\n"
"                         (JSON Lines), markdown, yaml (loads back)\n"
"                           cyberline --list --format=json | jq -r .title\n"
"      --validate         check the content; print file:line:column\n"
"                         diagnostics; exit 0 when clean, 1 otherwise\n"
"                           cyberline --validate my-articles/\n"
"      --stats            count events per year, per country and the\n"
"                         most frequent country pairs\n"
"                           cyberline --stats --from 2022\n"
"\n"
"Filters (for every mode and as the UI's starting point):\n"
"  -c, --country LIST     countries by ISO code or English name, comma-\n"
"                         separated, case- and accent-insensitive;\n"
"                         repeatable\n"
"                           cyberline -c estonia -c UA --list\n"
"      --match any|all    an event matches any listed country (default)\n"
"                         or must name all of them\n"
"                           cyberline --list -c EE -c UA --match all\n"
"      --from DATE        start of the window (YYYY, YYYY-MM or\n"
"                         YYYY-MM-DD, inclusive; default 2018)\n"
"      --to DATE          end of the window, inclusive: --to 2025 means\n"
"                         up to 2025-12-31 (default 2024)\n"
"                           cyberline --list --from 2023-06 --to 2024\n"
"  -s, --search TEXT      only events whose title, summary, excerpt or\n"
"                         source mention TEXT, ignoring case and accents\n"
"                           cyberline --list -s bregancon\n"
"      --marked           only the events marked in the interactive\n"
"                         timeline (m); with --format=markdown, the same\n"
"                         briefing its export (e) writes\n"
"                           cyberline --list --marked --format=markdown\n"
"\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Marks are kept in $XDG_STATE_HOME/cyberline/marks (by default\n"
"~/.local/state/cyberline/marks).\n"
"\n"
"Exit status: 0 success; 1 the content has errors (good events are still\n"
"listed) or, with --marked, the marks file cannot be read; 2 usage error\n"
"(unknown option, unknown country, malformed date, --from after --to).\n"
"The interactive timeline also exits 128+N when ended by signal N.\n"
"In the interactive timeline press ? for the keys.\n",
		out);
}

/* Print a usage error with a hint and return the usage exit status. */
static int usage_error(const char *fmt, const char *arg, const char *hint)
{
	fputs("cyberline: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fprintf(stderr, "%s\n", hint ? hint
	                             : "Try 'cyberline --help' for more information.");
	return 2;
}

/* Add each comma-separated country of list to the filter. */
static int add_countries(Filter *f, const char *list)
{
	const char *p = list;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (n && *p == ' ')
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		if (n) {
			CountryCode c = country_lookup(p, n);
			if (c == COUNTRY_NONE) {
				char name[128];
				snprintf(name, sizeof name, "%.*s", (int)(n > 100 ? 100 : n), p);
				Buf hint = BUF_INIT;
				bool have = country_hint(p, n, &hint);
				buf_puts(&hint, have ? "\n" : "");
				buf_puts(&hint, "Use an ISO 3166-1 code (EE, UA, GB) or an "
				                "English name (Estonia); see --help.");
				int rc = usage_error("unknown country '%s' in --country",
				                     name, buf_cstr(&hint));
				buf_free(&hint);
				return rc;
			}
			filter_add_country(f, c);
		}
		if (!end)
			return 0;
		p = end + 1;
	}
}

/* Report an unknown --format, listing the formats the exporter has. */
static int bad_format(const char *arg)
{
	Buf hint = BUF_INIT;
	buf_puts(&hint, "Formats:");
	for (int f = 0; f < EXPORT_FORMATS; f++)
		buf_printf(&hint, "%s %s", f ? "," : "",
		           export_format_name((ExportFormat)f));
	buf_putc(&hint, '.');
	int rc = usage_error("unknown format '%s'", arg, buf_cstr(&hint));
	buf_free(&hint);
	return rc;
}

/* Parse a --from/--to date into *d, or report a usage error. */
static int parse_date_arg(const char *opt, const char *arg, Date *d)
{
	const char *why = date_parse(arg, strlen(arg), d);
	if (!why)
		return 0;
	fprintf(stderr, "cyberline: %s '%s': %s\n", opt, arg, why);
	fprintf(stderr, "Write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. "
	                "%s 2023-06.\n", opt);
	return 2;
}

/* Apply one parsed option; 0 or a usage exit status. */
static int apply_option(CliOptions *o, int opt, const char *arg, Date *from,
                        Date *to)
{
	switch (opt) {
	case OPT_LIST: o->mode = MODE_LIST; return 0;
	case OPT_VALIDATE: o->mode = MODE_VALIDATE; return 0;
	case OPT_STATS: o->mode = MODE_STATS; return 0;
	case 'h': o->mode = MODE_HELP; return 0;
	case 'V': o->mode = MODE_VERSION; return 0;
	case 'c': return add_countries(&o->filter, arg);
	case 's':
		filter_set_search(&o->filter, arg);
		o->search = arg;
		return 0;
	case OPT_MARKED: o->marked = true; return 0;
	case OPT_FROM: return parse_date_arg("--from", arg, from);
	case OPT_TO: return parse_date_arg("--to", arg, to);
	case OPT_FORMAT:
		return export_format_parse(arg, &o->format) ? 0 : bad_format(arg);
	case OPT_MATCH:
		if (!strcmp(arg, "any") || !strcmp(arg, "all")) {
			o->filter.match_all = !strcmp(arg, "all");
			return 0;
		}
		return usage_error("--match takes 'any' or 'all', not '%s'", arg,
		                   NULL);
	default:
		return usage_error("%s", "invalid option", NULL);
	}
}

int cli_parse(CliOptions *o, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	filter_init(&o->filter);
	o->format = EXPORT_TEXT;
	Date from = {0}, to = {0};
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, ":c:s:hV", long_options, NULL)) != -1) {
		int rc;
		if (opt == '?' || opt == ':') {
			const char *what = optind > 0 && optind <= argc ? argv[optind - 1]
			                                                : "?";
			rc = usage_error(opt == ':' ? "option '%s' needs a value"
			                            : "unknown option '%s'", what, NULL);
		} else {
			rc = apply_option(o, opt, optarg, &from, &to);
		}
		if (rc)
			return rc;
	}
	filter_set_window(&o->filter, from, to);
	if (o->filter.from > o->filter.to)
		return usage_error("--from is after --to%s", "",
		                   "Give a window whose start comes before its end.");
	o->npaths = (size_t)(argc - optind);
	o->paths = xcalloc(o->npaths + 1, sizeof *o->paths);
	for (size_t i = 0; i < o->npaths; i++)
		o->paths[i] = argv[optind + (int)i];
	return 0;
}

void cli_free(CliOptions *o)
{
	filter_free(&o->filter);
	free(o->paths);
	o->paths = NULL;
}
