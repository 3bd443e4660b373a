/*
 * latency.c - per-keystroke latency of the model calls the UI makes, and
 * a check that the loader's thread count does not change its result.
 *
 *   latency [--rounds R] [--threads N] [--verbose] PATH...
 *                                                  time keystrokes
 *   latency --compare PATH...                      determinism check
 *
 * Timing mode loads PATH... with load_corpus() (N threads, 0 = one per
 * CPU), then R times over builds a fresh Timeline (so nothing it caches
 * carries over from the last round) with the window 2000-2030 (every
 * generated event shown) and times with CLOCK_MONOTONIC:
 *
 *   search_ready  from timeline_prepare_search() (which the UI calls
 *            after its first frame: the search text is folded in the
 *            background) to the answer of a first search, which waits
 *            for it;
 *   search   each prefix of a typed word: filter_set_search() +
 *            timeline_apply() + the per-year pass ui_refilter() makes
 *            over `shown`; then each backspace back to empty;
 *   country  a country filter change (add, add another, any/all, clear),
 *            the same calls, once with no search and once while a search
 *            is active (the change then rescans every event's text);
 *   page     a page move: timeline_seek() to the event a page further on
 *            and laying out that page the way the list view does
 *            (text_escape + text_fit of 40 titles).
 *
 * It prints one line per measure, "name median p95 max samples" in
 * milliseconds, plus "load_s", "timeline_new_ms", "events" and
 * "peak_rss_kib" (VmHWM: the corpus, a Timeline and its search text, what
 * the UI holds once it has searched) lines; run.sh turns them into the
 * table.
 *
 * Compare mode loads PATH... with threads = 1, 0 (one per CPU), 2 and 3
 * and checks that events (id, file, line, column, index, search key),
 * the sorted timeline and every diagnostic (formatted) come out the same
 * and in the same order. Prints "compare identical ..." or the first
 * difference, exit status 0 or 1.
 */
#include "load.h"
#include "text.h"
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { PAGE_ROWS = 40, PAGE_COLS = 100, MAX_SAMPLES = 4096 };

/* --verbose: print every search keystroke as it is timed. */
static int verbose;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- samples ----------------------------------------------------------- */

/* The timings of one kind of keystroke, in milliseconds. */
typedef struct Samples {
	const char *name;
	double v[MAX_SAMPLES];
	size_t n;
} Samples;

static void samples_add(Samples *s, double ms)
{
	if (s->n < MAX_SAMPLES)
		s->v[s->n++] = ms;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Print "name median p95 max n" (nearest-rank percentiles). */
static void samples_print(Samples *s)
{
	if (s->n == 0) {
		printf("%s - - - 0\n", s->name);
		return;
	}
	qsort(s->v, s->n, sizeof *s->v, compare_doubles);
	size_t p95 = (s->n * 95 + 99) / 100;
	printf("%s %.3f %.3f %.3f %zu\n", s->name, s->v[(s->n - 1) / 2],
	       s->v[p95 ? p95 - 1 : 0], s->v[s->n - 1], s->n);
}

/* ---- what a keystroke does --------------------------------------------- */

/* The per-year pass ui_refilter() makes after every filter change
 * (tui/ui_timeline.c): count shown events per year of the window and
 * note where each year starts. */
static size_t year_pass(const Timeline *t)
{
	size_t counts[64] = {0}, years = 0;
	int last = -1;
	for (size_t i = 0; i < t->nshown; i++) {
		int y = t->shown[i]->date.year;
		if (y >= 2000 && y < 2064)
			counts[y - 2000]++;
		if (y != last)
			years++, last = y;
	}
	return years + counts[20];
}

/* Apply the filter as the UI does after a keystroke. */
static void apply(Timeline *t, const Filter *f)
{
	timeline_apply(t, f);
	volatile size_t sink = year_pass(t);
	(void)sink;
}

/* Type `word` one character (code point) at a time, then delete it one
 * character at a time, timing each keystroke into s. */
static void type_word(Timeline *t, Filter *f, const char *word, Samples *s)
{
	size_t n = strlen(word), cuts[256], ncuts = 0;
	for (size_t i = 1; i <= n && ncuts < 256; i++)
		if (i == n || ((unsigned char)word[i] & 0xC0) != 0x80)
			cuts[ncuts++] = i;
	char prefix[256];
	for (size_t k = 0; k < ncuts * 2; k++) {
		/* k < ncuts: typing; then backspacing back to one character,
		 * and the last step clears the search. */
		size_t len = k < ncuts ? cuts[k]
		                       : k + 1 < ncuts * 2 ? cuts[ncuts * 2 - k - 2]
		                                           : 0;
		memcpy(prefix, word, len);
		prefix[len] = '\0';
		double t0 = now_ms();
		filter_set_search(f, prefix);
		apply(t, f);
		double ms = now_ms() - t0;
		samples_add(s, ms);
		if (verbose)
			fprintf(stderr, "%-8s %-20s %7zu shown %8.3f ms\n",
			        k < ncuts ? "type" : "delete", prefix, t->nshown, ms);
	}
}

/* A sequence of country changes, each timed into s. */
static void change_countries(Timeline *t, Filter *f, Samples *s)
{
	static const char *const codes[] = {"EE", "UA", "JP", "FR"};
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
		double t0 = now_ms();
		filter_add_country(f, country_pack(codes[i], 2));
		apply(t, f);
		samples_add(s, now_ms() - t0);
	}
	double t0 = now_ms();
	f->match_all = !f->match_all;
	apply(t, f);
	samples_add(s, now_ms() - t0);
	f->match_all = !f->match_all;
	t0 = now_ms();
	filter_clear_countries(f);
	apply(t, f);
	samples_add(s, now_ms() - t0);
}

/* Page down through the shown list from `from`, timing each move:
 * seek to the first event of the next page's day and lay the page out. */
static void page_moves(const Timeline *t, size_t pages, Samples *s)
{
	Buf line = BUF_INIT;
	size_t sel = 0;
	for (size_t p = 0; p < pages && t->nshown; p++) {
		double t0 = now_ms();
		size_t target = (sel + PAGE_ROWS) % t->nshown;
		size_t at = timeline_seek(t, date_first_day(t->shown[target]->date));
		int used = 0;
		for (size_t r = 0; r < PAGE_ROWS && at + r < t->nshown; r++) {
			const Event *e = t->shown[at + r];
			char date[DATE_TEXT_MAX];
			date_format(e->date, date);
			buf_clear(&line);
			text_escape(&line, e->title, strlen(e->title), 0);
			text_fit(buf_cstr(&line), line.len, PAGE_COLS, &used);
		}
		sel = at;
		samples_add(s, now_ms() - t0);
	}
	buf_free(&line);
}

/* ---- timing mode ------------------------------------------------------- */

/* This process's peak resident set (VmHWM) in KiB, or 0 if unknown. */
static long peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = 0;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM:", 6))
			kib = atol(line + 6);
	if (f)
		fclose(f);
	return kib;
}

static int run_timing(const char *const *paths, size_t n, int threads,
                      int rounds)
{
	static Samples ready = {.name = "search_ready"},
	               search = {.name = "search"}, country = {.name = "country"},
	               country_search = {.name = "country_with_search"},
	               page = {.name = "page"};
	static const char *const words[] = {"cooperation", "київ", "ransomware",
	                                    "bregancon", "tallinn mechanism"};
	LoadOptions opt = {.threads = threads};
	double t0 = now_ms();
	Corpus *c = load_corpus(paths, n, &opt);
	printf("load_s %.3f\n", (now_ms() - t0) / 1e3);
	if (c->count == 0) {
		fputs("latency: no events loaded\n", stderr);
		diag_print(&c->diags, stderr);
		corpus_free(c);
		return 1;
	}
	Filter f;
	filter_init(&f);
	f.from = 20000101;
	f.to = 20301231;
	for (int r = 0; r < rounds; r++) {
		/* A fresh Timeline each round: whatever it caches about earlier
		 * searches must not make the next round's words free. */
		t0 = now_ms();
		Timeline *t = timeline_new(c);
		if (r == 0)
			printf("timeline_new_ms %.3f\n", now_ms() - t0);
		apply(t, &f);
		if (r == 0)
			printf("events %zu shown %zu diags %zu\n", c->count,
			       t->nshown, c->diags.count);
		/* What the UI does once its first frame is up: fold the search
		 * text in the background. A search typed at once waits for it;
		 * time that apart (a key no word below extends), so the
		 * keystrokes measure searching, not building. */
		t0 = now_ms();
		timeline_prepare_search(t);
		filter_set_search(&f, "qqzzqq");
		apply(t, &f);
		samples_add(&ready, now_ms() - t0);
		filter_set_search(&f, NULL);
		apply(t, &f);
		for (size_t w = 0; w < sizeof words / sizeof *words; w++)
			type_word(t, &f, words[w], &search);
		change_countries(t, &f, &country);
		filter_set_search(&f, "cooperation");
		apply(t, &f);
		change_countries(t, &f, &country_search);
		filter_set_search(&f, NULL);
		apply(t, &f);
		page_moves(t, 50, &page);
		timeline_free(t);
	}
	printf("peak_rss_kib %ld\n", peak_rss_kib());
	samples_print(&ready);
	samples_print(&search);
	samples_print(&country);
	samples_print(&country_search);
	samples_print(&page);
	filter_free(&f);
	corpus_free(c);
	return 0;
}

/* ---- compare mode ------------------------------------------------------ */

/* Everything observable about a load, as text, in order. */
static void fingerprint(const Corpus *c, Buf *out)
{
	buf_printf(out, "%zu events %zu sources %zu files\n", c->count,
	           c->nsources, c->nfiles);
	for (size_t i = 0; i < c->count; i++) {
		const Event *e = c->events[i];
		buf_printf(out, "E %u %s %s:%u:%u %zu %s\n", e->index, e->id,
		           e->file, e->line, e->col, strlen(e->excerpt),
		           e->source ? e->source->title : "-");
		for (uint32_t k = 0; k < e->related.count; k++)
			buf_printf(out, "  R %s\n", e->related.items[k]);
	}
	Timeline *t = timeline_new(c);
	for (size_t i = 0; i < t->count; i++)
		buf_printf(out, "T %s\n", t->sorted[i]->id);
	timeline_free(t);
	for (size_t i = 0; i < c->diags.count; i++) {
		buf_puts(out, "D ");
		diag_format(&c->diags.items[i], out);
		buf_putc(out, '\n');
	}
	buf_printf(out, "%zu errors %zu warnings\n", c->diags.errors,
	           c->diags.warnings);
}

/* Line number (1-based) of the first difference of a and b, or 0. */
static size_t first_difference(const Buf *a, const Buf *b, const char **at)
{
	size_t line = 1, i = 0, n = a->len < b->len ? a->len : b->len;
	for (; i < n && a->data[i] == b->data[i]; i++)
		if (a->data[i] == '\n')
			line++;
	*at = a->data + i;
	return i == n && a->len == b->len ? 0 : line;
}

static int run_compare(const char *const *paths, size_t n)
{
	static const int counts[] = {1, 0, 2, 3};
	Buf base = BUF_INIT;
	size_t events = 0, diags = 0;
	int rc = 0;
	for (size_t k = 0; k < sizeof counts / sizeof *counts; k++) {
		LoadOptions opt = {.threads = counts[k]};
		Corpus *c = load_corpus(paths, n, &opt);
		Buf fp = BUF_INIT;
		fingerprint(c, &fp);
		if (k == 0) {
			base = fp;
			events = c->count;
			diags = c->diags.count;
		} else {
			const char *at;
			size_t line = first_difference(&base, &fp, &at);
			if (line) {
				printf("compare DIFFERENT threads=1 vs threads=%d at "
				       "line %zu: %.80s\n", counts[k], line, at);
				rc = 1;
			}
			buf_free(&fp);
		}
		corpus_free(c);
	}
	if (!rc)
		printf("compare identical threads=1,0,2,3 events=%zu diags=%zu "
		       "bytes=%zu\n", events, diags, base.len);
	buf_free(&base);
	return rc;
}

static int usage(void)
{
	fputs("usage: latency [--rounds R] [--threads N] [--verbose] PATH...\n"
	      "       latency --compare PATH...\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	int rounds = 5, threads = 0, i = 1;
	int compare = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--compare"))
			compare = 1;
		else if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
			threads = atoi(argv[++i]);
		else
			return usage();
	}
	if (i >= argc)
		return usage();
	const char *const *paths = (const char *const *)argv + i;
	size_t n = (size_t)(argc - i);
	return compare ? run_compare(paths, n) : run_timing(paths, n, threads,
	                                                    rounds);
}
