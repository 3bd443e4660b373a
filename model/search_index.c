/*
 * search_index.c - folding a timeline's search text on worker threads;
 * see search_index.h.
 *
 * The events are split into one contiguous range per worker; each worker
 * folds its range into its own buffer and records where each event's
 * text starts, so workers share nothing but the read-only events.
 */
#include "search_index.h"

#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { INDEX_WORKERS_MAX = 8, INDEX_SERIAL_BELOW = 5000 };

typedef struct Part {
	const Event *const *events;
	size_t from, to;   /* event range folded by this part */
	Buf text;          /* folded text of the range, back to back */
	size_t *offsets;   /* to - from + 1 offsets into text */
	pthread_t thread;
	bool threaded;
} Part;

struct SearchIndex {
	Part parts[INDEX_WORKERS_MAX];
	size_t nparts;
	size_t n;
	bool waited;
};

void search_fold_event(const Event *e, Buf *out)
{
	const char *parts[] = {e->title, e->summary, e->excerpt,
	                       e->source ? e->source->title : NULL,
	                       e->source ? e->source->outlet : NULL};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i])
			continue;
		text_fold(out, parts[i], strlen(parts[i]));
		buf_putc(out, '\n'); /* a needle never spans two fields */
	}
}

/* Fold one part's events into its buffer (a thread's whole job). */
static void *part_build(void *arg)
{
	Part *p = arg;
	p->offsets = xmalloc((p->to - p->from + 1) * sizeof *p->offsets);
	for (size_t i = p->from; i < p->to; i++) {
		p->offsets[i - p->from] = p->text.len;
		search_fold_event(p->events[i], &p->text);
	}
	p->offsets[p->to - p->from] = p->text.len;
	return NULL;
}

/* Threads to fold with: one per CPU, one for small timelines. */
static size_t worker_count(size_t n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < INDEX_SERIAL_BELOW || cpus < 2)
		return 1;
	return cpus > INDEX_WORKERS_MAX ? INDEX_WORKERS_MAX : (size_t)cpus;
}

SearchIndex *search_index_start(const Event *const *events, size_t n)
{
	SearchIndex *x = xcalloc(1, sizeof *x);
	x->n = n;
	x->nparts = worker_count(n);
	for (size_t k = 0; k < x->nparts; k++) {
		Part *p = &x->parts[k];
		p->events = events;
		p->from = n * k / x->nparts;
		p->to = n * (k + 1) / x->nparts;
		p->threaded = x->nparts > 1 &&
		              pthread_create(&p->thread, NULL, part_build, p) == 0;
		if (!p->threaded)
			part_build(p);
	}
	return x;
}

void search_index_wait(SearchIndex *x)
{
	if (x->waited)
		return;
	for (size_t k = 0; k < x->nparts; k++)
		if (x->parts[k].threaded)
			pthread_join(x->parts[k].thread, NULL);
	x->waited = true;
}

static const Part *part_of(const SearchIndex *x, size_t i)
{
	size_t k = 0;
	while (k + 1 < x->nparts && i >= x->parts[k].to)
		k++;
	return &x->parts[k];
}

size_t search_index_piece(const SearchIndex *x, size_t i, const char **text,
                          const size_t **offsets, size_t *first)
{
	const Part *p = part_of(x, i);
	*text = buf_cstr(&p->text);
	*offsets = p->offsets;
	*first = p->from;
	return p->to;
}

/* Sixteen bytes as one vector: GCC and clang compile the comparisons
 * below to SSE2 on x86-64 and to plain loops where there is no SIMD. */
typedef unsigned char Bytes16 __attribute__((vector_size(16)));

/* A vector of sixteen copies of b. */
static Bytes16 splat16(unsigned char b)
{
	Bytes16 v;
	memset(&v, b, sizeof v);
	return v;
}

/*
 * Test the 16 places hay[i..i+16) at once: a place is worth a memcmp
 * only when both the needle's first and last bytes are where they
 * should be (Wojciech Muła's "generic SIMD" substring search).
 */
const char *search_find(const char *hay, size_t n, const char *needle,
                        size_t m)
{
	if (m <= 1)
		return m ? memchr(hay, needle[0], n) : hay;
	if (m > n)
		return NULL;
	Bytes16 first = splat16((unsigned char)needle[0]);
	Bytes16 last = splat16((unsigned char)needle[m - 1]);
	size_t i = 0;
	for (; i + m - 1 + 16 <= n; i += 16) {
		Bytes16 a, b;
		memcpy(&a, hay + i, 16);
		memcpy(&b, hay + i + m - 1, 16);
		Bytes16 both = (Bytes16)((a == first) & (b == last));
		uint64_t half[2];
		memcpy(half, &both, 16);
		if (!(half[0] | half[1]))
			continue;
		for (size_t j = 0; j < 16; j++)
			if (both[j] && !memcmp(hay + i + j + 1, needle + 1, m - 2))
				return hay + i + j;
	}
	return memmem(hay + i, n - i, needle, m);
}

void search_index_free(SearchIndex *x)
{
	if (!x)
		return;
	search_index_wait(x);
	for (size_t k = 0; k < x->nparts; k++) {
		buf_free(&x->parts[k].text);
		free(x->parts[k].offsets);
	}
	free(x);
}
