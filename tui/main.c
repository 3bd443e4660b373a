/*
 * main.c - cyberline's entry point: parse the command line, load the
 * content, then list, validate, count or open the interactive UI.
 *
 * Exit status: 0 success, 1 content errors (everything good is still
 * shown) or, with --marked, a marks file that cannot be read, 2 usage
 * errors. Diagnostics go to stderr, results to stdout.
 */
#include "briefing.h"
#include "cli.h"
#include "load.h"
#include "marks.h"
#include "stats.h"
#include "timeline.h"
#include "ui.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* True when path names a directory. */
static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Where the bundled content is: content/ beside the binary (a source
 * tree), then ../share/cyberline/content relative to it (an install
 * moved as a whole), then the install prefix compiled in. Returns a
 * malloc'd path, or NULL when none exists.
 */
static char *find_content_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	Buf path = BUF_INIT;
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *relative[] = {"/content", "/../share/cyberline/content"};
		for (size_t i = 0; i < 2; i++) {
			buf_clear(&path);
			buf_printf(&path, "%s%s", exe, relative[i]);
			if (is_dir(buf_cstr(&path)))
				return buf_detach(&path);
		}
	}
	buf_free(&path);
	if (is_dir(CYBERLINE_DATADIR "/content"))
		return xstrdup(CYBERLINE_DATADIR "/content");
	return NULL;
}

/* Seconds on the monotonic clock. */
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Progress on a terminal's stderr, once a load takes longer than a blink. */
typedef struct Progress {
	double start;
	bool shown;
} Progress;

/* LoadProgressFn for the command line: a line on stderr after a blink. */
static void show_progress(void *ctx, size_t done, size_t total)
{
	Progress *p = ctx;
	if (!p->shown && now_seconds() - p->start < 0.1) /* a blink */
		return;
	if (done != total && done % 64 != 0)
		return;
	fprintf(stderr, "\rcyberline: loading %zu/%zu files", done, total);
	p->shown = true;
}

/* Load the paths given, or the bundled content (a UiLoadFn). */
static Corpus *load_paths(void *ctx, const LoadOptions *opt)
{
	const CliOptions *o = ctx;
	if (o->npaths)
		return load_corpus(o->paths, o->npaths, opt);
	char *dir = find_content_dir();
	const char *paths[] = {dir ? dir : "content"};
	Corpus *c = load_corpus(paths, 1, opt);
	free(dir);
	return c;
}

/* Load for the command line: a progress line on a terminal's stderr. */
static Corpus *load(const CliOptions *o)
{
	Progress progress = {now_seconds(), false};
	LoadOptions opt = {0};
	if (isatty(STDERR_FILENO)) {
		opt.progress = show_progress;
		opt.progress_ctx = &progress;
	}
	Corpus *c = load_paths((void *)o, &opt);
	if (progress.shown)
		fputs("\r\033[K", stderr);
	return c;
}

/*
 * --marked outside the UI: read the marks (never written here) and make
 * o->filter keep only marked events. Returns 0 with *out set (the caller
 * frees it), or 1 after saying on stderr why the marks cannot be known.
 * Marks the content lacks are only mentioned.
 */
static int use_marks(CliOptions *o, const Corpus *c, Marks **out)
{
	char *path = marks_default_path();
	if (!path) {
		fputs("cyberline: --marked: cannot find the marks: neither "
		      "XDG_STATE_HOME nor HOME is set\n", stderr);
		return 1;
	}
	Buf warning = BUF_INIT;
	Marks *m = marks_open(path, &warning);
	buf_free(&warning);
	free(path);
	if (marks_problem(m)) {
		fprintf(stderr, "cyberline: --marked: %s\n", marks_problem(m));
		marks_free(m);
		return 1;
	}
	size_t dangling = marks_dangling(m, c);
	if (dangling)
		fprintf(stderr, "cyberline: %zu marked event%s not in this content "
		        "(kept in %s)\n", dangling, dangling == 1 ? " is" : "s are",
		        marks_path(m));
	o->filter.keep = marks_filter_keep;
	o->filter.keep_ctx = m;
	*out = m;
	return 0;
}

/* --list: the filtered timeline in the chosen format; with --marked and
 * Markdown, the briefing the UI's export writes. */
static int run_list(const CliOptions *o, Corpus *c)
{
	Timeline *t = timeline_new(c);
	timeline_apply(t, &o->filter);
	Briefing b;
	bool briefing = o->marked && o->format == EXPORT_MARKDOWN;
	if (briefing)
		briefing_init(&b, &o->filter, o->search);
	int rc = export_write(stdout, o->format, t->shown, t->nshown,
	                      briefing ? &b.opt : NULL);
	if (briefing)
		briefing_free(&b);
	if (fflush(stdout) != 0)
		rc = -1;
	if (rc != 0)
		perror("cyberline: writing output");
	timeline_free(t);
	return rc != 0 ? 1 : 0;
}

/* --validate: the diagnostics are printed already; sum them up. */
static int run_validate(Corpus *c)
{
	printf("%zu event%s in %zu file%s: %zu error%s, %zu warning%s\n",
	       c->count, c->count == 1 ? "" : "s", c->nfiles,
	       c->nfiles == 1 ? "" : "s", c->diags.errors,
	       c->diags.errors == 1 ? "" : "s", c->diags.warnings,
	       c->diags.warnings == 1 ? "" : "s");
	return 0;
}

typedef enum StatKind { STAT_YEAR, STAT_COUNTRY, STAT_PAIR } StatKind;

/* Print up to `limit` counts of one kind under a title. */
static void print_counts(const char *title, const StatCount *counts, size_t n,
                         size_t limit, StatKind kind)
{
	printf("\n%s\n", title);
	Buf name = BUF_INIT;
	for (size_t i = 0; i < n && i < limit; i++) {
		buf_clear(&name);
		if (kind == STAT_PAIR) {
			char a[3], b[3];
			country_unpack((CountryCode)(counts[i].key / COUNTRY_CODES), a);
			country_unpack((CountryCode)(counts[i].key % COUNTRY_CODES), b);
			buf_printf(&name, "%s-%s  ", a, b);
			country_name((CountryCode)(counts[i].key / COUNTRY_CODES), &name);
			buf_puts(&name, " & ");
			country_name((CountryCode)(counts[i].key % COUNTRY_CODES), &name);
		} else if (kind == STAT_YEAR) {
			buf_printf(&name, "%d", counts[i].key);
		} else {
			char code[3];
			country_unpack((CountryCode)counts[i].key, code);
			buf_printf(&name, "%s  ", code);
			country_name((CountryCode)counts[i].key, &name);
		}
		printf("  %6zu  %s\n", counts[i].count, buf_cstr(&name));
	}
	buf_free(&name);
}

/* --stats: counts for the filtered timeline. */
static int run_stats(const CliOptions *o, Corpus *c)
{
	Timeline *t = timeline_new(c);
	timeline_apply(t, &o->filter);
	Stats s;
	stats_compute(&s, t->shown, t->nshown);
	printf("%zu events loaded from %zu files; %zu in the selected window "
	       "and filters\n", c->count, c->nfiles, s.total);
	print_counts("Events per year:", s.years, s.nyears, s.nyears, STAT_YEAR);
	print_counts("Events per country:", s.countries, s.ncountries,
	             s.ncountries, STAT_COUNTRY);
	print_counts("Most frequent country pairs:", s.pairs, s.npairs, 10,
	             STAT_PAIR);
	stats_free(&s);
	timeline_free(t);
	return 0;
}

/* The interactive timeline: it loads the content itself, behind a
 * progress bar. *c gets the corpus (NULL when nothing was loaded). */
static int run_ui(CliOptions *o, Corpus **c)
{
	if (!isatty(STDIN_FILENO)) {
		fputs("cyberline: the interactive timeline needs a terminal on "
		      "standard input\nUse --list to print the timeline instead.\n",
		      stderr);
		return 2;
	}
	return ui_run(load_paths, o, &o->filter, o->marked, c);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	CliOptions o;
	int rc = cli_parse(&o, argc, argv);
	if (rc || o.mode == MODE_HELP || o.mode == MODE_VERSION) {
		if (!rc && o.mode == MODE_HELP)
			cli_usage(stdout);
		if (!rc && o.mode == MODE_VERSION)
			printf("cyberline %s\n", CYBERLINE_VERSION);
		cli_free(&o);
		return rc;
	}
	bool ui = o.mode == MODE_DEFAULT && isatty(STDOUT_FILENO);
	Corpus *c = NULL;
	Marks *marks = NULL;
	if (ui) {
		rc = run_ui(&o, &c);
		corpus_free(c);
		cli_free(&o);
		return rc;
	}
	c = load(&o);
	diag_print(&c->diags, stderr);
	/* Unreadable marks leave nothing to list or count: use_marks said
	 * why and rc is 1. */
	if (o.marked && o.mode != MODE_VALIDATE)
		rc = use_marks(&o, c, &marks);
	if (rc == 0 && o.mode == MODE_VALIDATE)
		rc = run_validate(c);
	else if (rc == 0 && o.mode == MODE_STATS)
		rc = run_stats(&o, c);
	else if (rc == 0) /* --list, or no mode without a terminal */
		rc = run_list(&o, c);
	/* (The UI shows the problems itself, and its status is the user's:
	 * q is 0.) Here content errors make the status 1. */
	if (rc == 0 && c->diags.errors)
		rc = 1;
	marks_free(marks);
	corpus_free(c);
	cli_free(&o);
	return rc;
}
