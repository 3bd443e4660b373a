/*
 * corpus.c - merging parsed files into a Corpus and the checks that span
 * files: unique ids and existing `related` ids; see load.h.
 *
 * A duplicate id keeps the first event (in load order) and drops the
 * later ones. A `related` id that names no loaded event is reported and
 * removed from the list, but the event itself stays: the link is what
 * is wrong, not the event.
 */
#include "load.h"

#include "parse.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: ids are short, and this spreads them well enough. */
static uint64_t id_hash(const char *id)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001b3u;
	return h;
}

/* The slot holding id, or the empty slot where it would go. */
static const Event **id_slot(const struct CorpusPriv *p, const char *id)
{
	size_t i = (size_t)id_hash(id) & p->id_mask;
	while (p->id_slots[i] && strcmp(p->id_slots[i]->id, id) != 0)
		i = (i + 1) & p->id_mask;
	return &p->id_slots[i];
}

/* Gather every event in load order; positions parallel to it. */
static void gather(Corpus *c, FileResult *results, size_t n,
                   const EventPos ***positions)
{
	size_t total = 0, sources = 0;
	for (size_t f = 0; f < n; f++) {
		total += results[f].events.count;
		sources += results[f].sources.count;
	}
	c->events = xmalloc((total ? total : 1) * sizeof *c->events);
	c->sources = xmalloc((sources ? sources : 1) * sizeof *c->sources);
	*positions = xmalloc((total ? total : 1) * sizeof **positions);
	for (size_t f = 0; f < n; f++) {
		FileResult *r = &results[f];
		for (size_t i = 0; i < r->events.count; i++) {
			Event *ev = r->events.items[i];
			ev->index = (uint32_t)c->count;
			(*positions)[c->count] = r->positions.items[i];
			c->events[c->count++] = ev;
		}
		for (size_t i = 0; i < r->sources.count; i++) {
			Source *s = r->sources.items[i];
			s->index = (uint32_t)c->nsources;
			c->sources[c->nsources++] = s;
		}
	}
}

/*
 * Index the events by id in an open-addressing hash (linear time, where
 * sorting 100,000 ids was the longest single-threaded step of a load).
 * Taken in load order, the first of each id is indexed; later ones get
 * dropped[index] = the event they clash with.
 */
static void index_ids(Corpus *c, const Event **dropped)
{
	struct CorpusPriv *p = c->priv;
	size_t cap = 16;
	while (cap < c->count * 2)
		cap *= 2;
	p->id_slots = xcalloc(cap, sizeof *p->id_slots);
	p->id_mask = cap - 1;
	for (size_t i = 0; i < c->count; i++) {
		const Event **slot = id_slot(p, c->events[i]->id);
		if (*slot)
			dropped[i] = *slot;
		else
			*slot = c->events[i];
	}
}

/* Check and prune the related ids of ev, reporting into diags. */
static void check_related(const Corpus *c, Event *ev,
                          const EventPos *pos, DiagList *diags)
{
	const char **ids = (const char **)ev->related.items;
	uint32_t kept = 0;
	for (uint32_t i = 0; i < ev->related.count; i++) {
		const RelatedPos *at = pos && pos->related ? &pos->related[i]
		                                           : &(RelatedPos){ev->line, ev->col};
		if (!strcmp(ids[i], ev->id))
			diag_add(diags, DIAG_ERROR, ev->file, at->line, at->col,
			         "event `%s` lists itself in `related`", ev->id);
		else if (!*id_slot(c->priv, ids[i]))
			diag_add(diags, DIAG_ERROR, ev->file, at->line, at->col,
			         "`related` names `%s`, but no event has that id",
			         ids[i]);
		else
			ids[kept++] = ids[i];
	}
	ev->related.count = kept;
}

/* Run the checks that span files, filing each diagnostic with the
 * parse diagnostics of the file it is about (one flood limit per file). */
static void check_across(Corpus *c, const EventPos **positions,
                         FileResult *results, size_t n)
{
	const Event **dropped = xcalloc(c->count ? c->count : 1, sizeof *dropped);
	index_ids(c, dropped);
	size_t f = 0, kept = 0;
	for (size_t i = 0; i < c->count; i++) {
		Event *ev = c->events[i];
		while (f < n && ev->file != results[f].file)
			f++;
		const EventPos *pos = positions[i];
		if (dropped[i]) {
			const Event *first = dropped[i];
			diag_add(&results[f].diags, DIAG_ERROR, ev->file,
			         pos->id.line ? pos->id.line : ev->line,
			         pos->id.line ? pos->id.col : ev->col,
			         "duplicate id `%s`; this event is not loaded", ev->id);
			diag_add(&results[f].diags, DIAG_NOTE, first->file, first->line,
			         first->col, "`%s` is first defined here", first->id);
			continue;
		}
		check_related(c, ev, pos, &results[f].diags);
		c->events[kept++] = ev;
	}
	c->count = kept;
	free(dropped);
}

void corpus_merge(Corpus *c, FileResult *results, size_t n)
{
	const EventPos **positions;
	gather(c, results, n, &positions);
	check_across(c, positions, results, n);
	for (size_t f = 0; f < n; f++) {
		diag_append(&c->diags, &results[f].diags);
		arena_adopt(&c->priv->arena, &results[f].arena);
		fileresult_done(&results[f]);
	}
	free(positions);
}

const Event *corpus_find(const Corpus *c, const char *id)
{
	return c->priv->id_slots ? *id_slot(c->priv, id) : NULL;
}

void corpus_free(Corpus *c)
{
	if (!c)
		return;
	arena_free(&c->priv->arena);
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->priv->files[i]);
	free(c->priv->files);
	free(c->priv->id_slots);
	free(c->priv);
	free(c->events);
	free(c->sources);
	diag_free(&c->diags);
	free(c);
}
